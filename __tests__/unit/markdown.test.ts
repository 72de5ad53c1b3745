import { code, escapeCell, escapeText, markdownTable } from '../../src/report/markdown.js';
import { marked } from 'marked';

describe('code: a value can never close its span early', () => {
  test.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    [
      '`leading [link](https://evil.example) **bold**',
      '`` `leading [link](https://evil.example) **bold** ``',
    ],
    [
      'chore: `rm -rf /` and ``double`` ticks `',
      '``` chore: `rm -rf /` and ``double`` ticks ` ```',
    ],
  ])('%j', (text, fenced) => {
    expect(code(text)).toBe(fenced);
    // Rendered, it is one code span holding exactly the text: no link, no emphasis.
    const html = marked.parseInline(code(text)) as string;
    expect(html.match(/<code>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<a |<strong>|<em>/);
  });
});

describe('escapeCell: a value cannot break a table row or restyle itself', () => {
  test.each([
    ['a | b', 'a \\| b'],
    ['one\ntwo', 'one<br>two'],
    // GitHub strikes through text between tildes: a query's =~ and !~ must stay as written.
    ['x{code=~"5.."} / y{code!~"4.."}', 'x{code=\\~"5.."} / y{code!\\~"4.."}'],
    ['C:\\path', 'C:\\\\path'],
    // Inside a code span nothing is escaped but the pipe (GFM splits cells first).
    ['`a=~"b"` and ~c~', '`a=~"b"` and \\~c\\~'],
    ['`a|b`', '`a\\|b`'],
    // A longer fence holds single backticks: the span ends at the run of its own length.
    ['``a`~b`` and ~c', '``a`~b`` and \\~c'],
    ['an unclosed ` and ~c', 'an unclosed ` and \\~c'],
  ])('%j', (text, escaped) => {
    expect(escapeCell(text)).toBe(escaped);
  });

  test('a table row', () => {
    expect(markdownTable(['Q'], [['rate(x{a=~"b"}[5m])']])).toBe(
      '| Q |\n| --- |\n| rate(x{a=\\~"b"}[5m]) |',
    );
  });
});

test.each([
  ['5 * 3', '5 \\* 3'],
  ['`x`', '\\`x\\`'],
  ['a=~"b"', 'a=\\~"b"'],
  ['<b>', '&lt;b&gt;'],
])('escapeText %j', (text, escaped) => {
  expect(escapeText(text)).toBe(escaped);
});
