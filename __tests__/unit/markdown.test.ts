import { escapeCell, escapeText, markdownTable } from '../../src/report/markdown.js';

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
