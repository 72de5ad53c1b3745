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
  return text
    .split(/(`+[^`]*?`+)/)
    .map((part, i) => (i % 2 ? part : change(part)))
    .join('');
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

/** Inline code that survives backticks inside the value. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
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
