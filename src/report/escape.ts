/**
 * Text from outside (commit subjects, author names, PR titles, metric labels, trigger
 * details) made inert for an issue body. GitHub finds mentions and issue references in the
 * rendered text, after Markdown escapes are gone, so a backslash does not stop them: a
 * zero-width space (as an entity, visible when reviewing the source) breaks each one.
 */
const ZWSP = '&#8203;';

/** Control characters and bidirectional overrides: invisible, and they can reorder a line. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** A single line of at most `max` characters (a commit subject can be kilobytes). */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * Plain text safe anywhere in the body: a paragraph, a list item or a table cell. No HTML,
 * no mention, no issue reference or closing keyword, no link or image, no code span, and no
 * pipe or newline that would end a table cell.
 */
export function escapeExternal(text: string, max = 300): string {
  return (
    oneLine(text, max)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Markdown punctuation that starts code, emphasis, links or images.
      .replace(/([\\`*_~[\]!])/g, '\\$1')
      // #12, owner/repo#12, fixes #12, GH-12: before any entity of ours, which has a # too.
      .replace(/#(?=\d)/g, `#${ZWSP}`)
      .replace(/\b(gh)-(?=\d)/gi, `$1-${ZWSP}`)
      // @user, @org/team, and an email's @ alike.
      .replace(/@/g, `@${ZWSP}`)
      // A pipe ends a table cell even inside an escape; the entity does not.
      .replace(/\|/g, '&#124;')
      // Bare URLs autolink, and an issue URL becomes a cross-reference.
      .replace(/:\/\//g, `:${ZWSP}//`)
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`)
      // A line that begins like a heading, a list or a rule stays a line of text.
      .replace(/^([#+=-])(?=[\s#+=-]|$)/, '\\$1')
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
  );
}

/**
 * An inline code span for a value shown as written (an image, a query): the fence is longer
 * than any run of backticks inside, and pipes are escaped for tables (GFM splits cells before
 * it reads code spans). Mentions and references are not looked for inside code.
 */
export function codeSpan(text: string, max = 300): string {
  const value = oneLine(text, max).replace(/\|/g, '\\|');
  if (!value) return '';
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * A Markdown table whose cells are already safe (escapeExternal, codeSpan, or text of ours):
 * only a stray newline is flattened, so every row keeps the header's column count.
 */
export function safeTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]): string =>
    `| ${headers.map((_, i) => (cells[i] ?? '').replace(/\r?\n/g, ' ') || ' ').join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join(
    '\n',
  );
}
