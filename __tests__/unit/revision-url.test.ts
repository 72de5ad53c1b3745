import { formatRevisionSpec, parseRevisionSpec } from '../../src/revision.js';
import { isHttpUrl, redactUrl } from '../../src/url.js';

describe('parseRevisionSpec', () => {
  test.each([
    ['previous', { kind: 'previous' }],
    ['last-good', { kind: 'last-good' }],
    ['7', { kind: 'number', revision: 7 }],
    [' 12 ', { kind: 'number', revision: 12 }],
    // A commit: 7 to 40 hex characters with at least one letter; digits alone stay a number.
    ['abc1234', { kind: 'commit', sha: 'abc1234' }],
    [
      '0123456789abcdef0123456789abcdef01234567',
      { kind: 'commit', sha: '0123456789abcdef0123456789abcdef01234567' },
    ],
  ])('%j', (text, expected) => {
    expect(parseRevisionSpec(text)).toEqual(expected);
    expect(formatRevisionSpec(expected as never)).toBe(text.trim());
  });

  test.each([
    '0',
    '-1',
    '1.5',
    'prev',
    'latest',
    '',
    '99999999999',
    'abc123',
    'abcdefg',
    '12345678901',
    'a'.repeat(41),
    '-abc1234',
  ])('%j is refused', (text) => {
    expect(parseRevisionSpec(text)).toBeUndefined();
  });
});

describe('urls', () => {
  test.each([
    ['http://127.0.0.1:9090', true],
    ['https://prom.example', true],
    ['ftp://x', false],
    ['prometheus:9090', false],
    ['not a url', false],
  ])('%s is http(s): %s', (text, expected) => {
    expect(isHttpUrl(text)).toBe(expected);
  });

  test.each([
    ['https://user:s3cret@prom.example/x', 'https://***@prom.example/x'],
    ['https://prom.example', 'https://prom.example'],
    ['http://127.0.0.1:9090', 'http://127.0.0.1:9090'],
    ['bad//user:s3cret@host', 'bad//***@host'],
  ])('%s is logged as %s', (text, expected) => {
    expect(redactUrl(text)).toBe(expected);
    expect(redactUrl(text)).not.toContain('s3cret');
  });
});
