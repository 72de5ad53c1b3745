/** URLs on their way to text: userinfo redacted everywhere, and what to mask for each URL. */
import { maskSecret, scrubSecrets, secretForms } from '../../src/secrets.js';
import { parseErrorLine } from '../../src/parse-error.js';
import { redactUrl, redactUrlsIn, splitCredentials, urlSecrets } from '../../src/url.js';

describe('redactUrl', () => {
  test.each<[string, string]>([
    ['http://user:s3cr3t@127.0.0.1:8080/x', 'http://***@127.0.0.1:8080/x'],
    ['https://token@example.com', 'https://***@example.com/'],
    ['https://u:p%40ss@example.com/api?q=1', 'https://***@example.com/api?q=1'],
    ['socks5://u:pw@proxy:1080', 'socks5://***@proxy:1080'],
    ['http://example.com/no-creds', 'http://example.com/no-creds'],
    // Not parseable (a space in the host): still redacted, up to the last @.
    ['http://u:p@ss@api service/x', 'http://***@api service/x'],
    ['not a url', 'not a url'],
    // Credentials by name in the query string; other parameters stay readable.
    ['http://p:9090/?token=Tok999&org=shop', 'http://p:9090/?token=***&org=shop'],
    [
      'https://h/api?api_key=K1&application-key=K2&q=up',
      'https://h/api?api_key=***&application-key=***&q=up',
    ],
    ['https://h/x?X-Amz-Signature=abc&sig=def', 'https://h/x?X-Amz-Signature=***&sig=***'],
    ['http://h/api?query=sum(up)&step=15', 'http://h/api?query=sum(up)&step=15'],
    ['http://u:pw@h/?token=T', 'http://***@h/?token=***'],
    ['http://bad host/?token=T1&x=1', 'http://bad host/?token=***&x=1'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('redactUrlsIn', () => {
  test.each<[string, string]>([
    [
      'Request cannot be constructed from a URL that includes credentials: http://u:pw@h:1/x',
      'Request cannot be constructed from a URL that includes credentials: http://***@h:1/x',
    ],
    ["proxy 'http://a:b@p:3128' refused", "proxy 'http://***@p:3128/' refused"],
    ['two: http://a:b@x/ and https://c@y/z', 'two: http://***@x/ and https://***@y/z'],
    ['no url here: connection refused', 'no url here: connection refused'],
  ])('%s', (text, expected) => {
    expect(redactUrlsIn(text)).toBe(expected);
  });
});

describe('urlSecrets', () => {
  test.each<[string, string[]]>([
    // The userinfo is sent as a Basic header: its base64 is masked too.
    ['http://user:s3cr3t-pw@127.0.0.1:1', ['s3cr3t-pw', 'user:s3cr3t-pw', btoa('user:s3cr3t-pw')]],
    [
      'http://user:p%40ss%2Fx@h',
      ['p%40ss%2Fx', 'p@ss/x', 'user:p%40ss%2Fx', 'user:p@ss/x', btoa('user:p@ss/x')],
    ],
    ['https://ghp_token123@h/', ['ghp_token123', btoa('ghp_token123:')]],
    ['http://h/', []],
    ['http://u:p@ss@api service', ['p@ss', 'u:p@ss', btoa('u:p@ss')]],
  ])('%s', (url, expected) => {
    expect(urlSecrets(url)).toEqual(expected);
  });
});

describe('splitCredentials', () => {
  test.each<[string, string, string | undefined]>([
    ['http://h:1/x', 'http://h:1/x', undefined],
    ['http://user:pw@h:1/x', 'http://h:1/x', `Basic ${btoa('user:pw')}`],
    ['http://user:p%40ss@h/', 'http://h/', `Basic ${btoa('user:p@ss')}`],
    ['https://token@h/', 'https://h/', `Basic ${btoa('token:')}`],
  ])('%s', (url, bare, authorization) => {
    const split = splitCredentials(new URL(url));
    expect(split.url.href).toBe(bare);
    expect(split.authorization).toBe(authorization);
  });
});

describe('parseErrorLine never quotes the parsed text', () => {
  const thrown = (f: () => unknown): unknown => {
    try {
      f();
    } catch (error) {
      return error;
    }
    throw new Error('did not throw');
  };
  test.each<[string, unknown, string]>([
    [
      'JSON of a passwd file',
      thrown(() => JSON.parse('root:x:0:0:root:/root:/bin/bash')),
      'not valid JSON',
    ],
    [
      'JSON broken later',
      thrown(() => JSON.parse('{"a": 1 "secret"}')),
      'not valid JSON (at position 8 (line 1 column 9))',
    ],
    [
      'YAML',
      Object.assign(new Error('deficient indentation (3:1)\n\n 1 | a: [\n 2 |   b: hunter2'), {
        name: 'YAMLException',
        reason: 'deficient indentation',
        mark: { line: 2, column: 0 },
      }),
      'invalid YAML: deficient indentation (line 3, column 1)',
    ],
    [
      'another error: its first line',
      new Error('users[1].name is missing\nmore'),
      'users[1].name is missing',
    ],
    [
      'a URL in it is redacted',
      new Error('cannot reach http://u:pw@h/'),
      'cannot reach http://***@h/',
    ],
  ])('%s', (_name, error, expected) => {
    expect(parseErrorLine(error)).toBe(expected);
  });
});

describe('secretForms: a secret in the forms a service echoes it back in', () => {
  test.each<[string, string[]]>([
    [
      'Bearer hookS3cretToken42',
      ['Bearer hookS3cretToken42', 'hookS3cretToken42', 'Bearer%20hookS3cretToken42'],
    ],
    ['token ghp_abc123', ['token ghp_abc123', 'ghp_abc123', 'token%20ghp_abc123']],
    ['/hook/urlS3cret99', ['/hook/urlS3cret99', '%2Fhook%2FurlS3cret99']],
    ['plainKey1234', ['plainKey1234']],
    ['abc', []],
  ])('%s', (value, forms) => {
    expect(secretForms(value)).toEqual(forms);
  });
});

describe('scrubSecrets: what a service quotes back, after masking', () => {
  test('every form masked so far becomes ***, the longest first; other text stays', () => {
    expect(scrubSecrets('nothing masked yet: pl4inValue')).toBe('nothing masked yet: pl4inValue');
    maskSecret('Bearer s3cr3tScrubToken');
    maskSecret('/hooks/s3cr3t path');
    expect(
      scrubSecrets(
        'refused Bearer s3cr3tScrubToken (s3cr3tScrubToken) at %2Fhooks%2Fs3cr3t%20path, /hooks/s3cr3t path',
      ),
    ).toBe('refused *** (***) at ***, ***');
    expect(scrubSecrets('pl4inValue')).toBe('pl4inValue');
  });
});
