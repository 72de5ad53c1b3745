/**
 * Markdown for job summaries and issues: readable as raw text in a log or a demo, and rendered
 * by GitHub. Cell text is escaped so a value with `|` or a newline cannot break the table.
 */
export function escapeCell(text: string): string {
  return outsideCode(text, (plain) => plain.replace(/\\/g, '\\\\').replace(/~/g, '\\~'))
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/**
 * `text` with `change` applied outside its code spans: a tilde in a query (`=~"5.."`) would
 * start GitHub's strikethrough in plain text, and a backslash there is shown as it is.
 */
function outsideCode(text: string, change: (plain: string) => string): string {
  // CommonMark: a run of n backticks opens a span that the next run of exactly n closes.
  let out = '';
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const run = /^`+/.exec(text.slice(i))?.[0];
    if (!run) {
      plain += text.charAt(i++);
      continue;
    }
    const closing = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    closing.lastIndex = i + run.length;
    const end = closing.exec(text);
    if (!end) {
      plain += run;
      i += run.length;
      continue;
    }
    out += change(plain) + text.slice(i, end.index + run.length);
    plain = '';
    i = end.index + run.length;
  }
  return out + change(plain);
}

export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join(
    '\n',
  );
}

/**
 * Inline code that survives backticks inside the value (CommonMark: a fence longer than any
 * run of backticks in it, and a space inside when the value starts or ends with one), so a
 * commit subject can never close the span and put a link, a mention or a keyword outside it.
 */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A line of plain text inside Markdown: no HTML, no line break, and no code span or emphasis
 * started by a quoted value (underscores inside words do not emphasise in GitHub's Markdown).
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}
