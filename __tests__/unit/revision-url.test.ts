import { formatRevisionSpec, parseRevisionSpec } from '../../src/revision.js';
import { isHttpUrl, redactUrl } from '../../src/url.js';

describe('parseRevisionSpec', () => {
  test.each([
    ['previous', { kind: 'previous' }],
    ['last-good', { kind: 'last-good' }],
    ['7', { kind: 'number', revision: 7 }],
    [' 12 ', { kind: 'number', revision: 12 }],
  ])('%j', (text, expected) => {
    expect(parseRevisionSpec(text)).toEqual(expected);
    expect(formatRevisionSpec(expected as never)).toBe(text.trim());
  });

  test.each(['0', '-1', '1.5', 'prev', 'latest', '', '99999999999'])('%j is refused', (text) => {
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
