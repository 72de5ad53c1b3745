/**
 * What the HTTP providers make of a request that fails: only a connection that fails is
 * evidence against the service; a request that cannot be made is no data, and a URL's
 * credentials are sent as a header and printed nowhere.
 */
import { createServer, type Server } from 'node:http';
import { closeServer, freePort, listenOnLoopback } from '../../lab/util/net.js';
import { TooLargeError } from '../../src/bounded.js';
import { probe } from '../../src/metrics/health.js';
import {
  classifyFetchError,
  HttpFailure,
  prepareRequest,
  type HttpFailureKind,
} from '../../src/metrics/http.js';
import { readJson } from '../../src/metrics/http-json.js';
import { ScrapeProvider } from '../../src/metrics/scrape.js';

const fetchFailed = (cause: { code?: string; message: string }): Error =>
  Object.assign(new TypeError('fetch failed'), { cause });

describe('classifyFetchError', () => {
  test.each<[string, unknown, HttpFailureKind, string]>([
    [
      'refused',
      fetchFailed({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }),
      'connection',
      'connection refused',
    ],
    [
      'reset',
      fetchFailed({ code: 'ECONNRESET', message: 'read ECONNRESET' }),
      'connection',
      'connection reset',
    ],
    [
      'socket closed',
      fetchFailed({ code: 'UND_ERR_SOCKET', message: 'other side closed' }),
      'connection',
      'other side closed',
    ],
    [
      'timed out',
      Object.assign(new Error('t'), { name: 'TimeoutError' }),
      'connection',
      'no answer within 500 ms',
    ],
    [
      'DNS',
      fetchFailed({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND svc' }),
      'address',
      'cannot resolve the host (ENOTFOUND)',
    ],
    [
      'DNS, temporarily',
      fetchFailed({ code: 'EAI_AGAIN', message: 'x' }),
      'address',
      'cannot resolve the host (EAI_AGAIN)',
    ],
    [
      'expired certificate',
      fetchFailed({ code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }),
      'tls',
      'TLS verification failed: certificate has expired',
    ],
    [
      'self-signed certificate',
      fetchFailed({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }),
      'tls',
      'TLS verification failed: self-signed certificate',
    ],
    [
      'a port fetch blocks',
      fetchFailed({ message: 'bad port' }),
      'request',
      'the request cannot be sent (bad port)',
    ],
    [
      'a scheme fetch has not',
      fetchFailed({ message: 'unknown scheme' }),
      'request',
      'the request cannot be sent (unknown scheme)',
    ],
    // fetch's own message quotes the header value, which may be a secret: not repeated.
    [
      'a header value fetch refuses',
      new TypeError('Headers.append: "s3cret\\nx" is an invalid header value.'),
      'request',
      'the request cannot be built',
    ],
    [
      'an oversized answer',
      new TooLargeError(1024 * 1024),
      'too-large',
      'answered more than 1 MiB',
    ],
  ])('%s', (_name, error, kind, message) => {
    const failure = classifyFetchError(error, 500);
    expect({ kind: failure.kind, message: failure.message }).toEqual({ kind, message });
    expect(failure.misconfigured).toBe(kind !== 'connection');
  });
});

describe('prepareRequest', () => {
  test.each<
    [
      string,
      string,
      Record<string, string>,
      string | { url: string; headers: Record<string, string> },
    ]
  >([
    [
      'a plain URL',
      'http://svc/healthz',
      { 'X-Team': 'shop' },
      { url: 'http://svc/healthz', headers: { 'X-Team': 'shop' } },
    ],
    [
      'credentials become a Basic header',
      'http://probe:s3cr3t-pw@svc/healthz',
      {},
      { url: 'http://svc/healthz', headers: { Authorization: `Basic ${btoa('probe:s3cr3t-pw')}` } },
    ],
    [
      'an Authorization header given wins over the URL',
      'http://probe:pw@svc/',
      { authorization: 'Bearer t' },
      { url: 'http://svc/', headers: { authorization: 'Bearer t' } },
    ],
    ['not a URL', 'http://api service/', {}, 'not a valid URL'],
    ['another protocol', 'file:///etc/passwd', {}, "unsupported protocol 'file:'"],
    [
      'a header value with a newline (from an env var)',
      'http://svc/',
      { 'X-Token': 's3cret\nmore' },
      "header 'X-Token' cannot be sent: its value holds a newline or another character HTTP forbids",
    ],
    [
      'a header name with a space',
      'http://svc/',
      { 'X Token': 'v' },
      "header name 'X Token' is not a valid HTTP header name",
    ],
  ])('%s', (_name, url, headers, expected) => {
    const prepared = prepareRequest(url, headers);
    if (typeof expected === 'string') {
      expect(prepared).toBeInstanceOf(HttpFailure);
      expect(prepared).toMatchObject({ kind: 'request', message: expected });
    } else {
      expect(prepared).not.toBeInstanceOf(HttpFailure);
      const ok = prepared as { url: URL; headers: Record<string, string> };
      expect({ url: ok.url.href, headers: ok.headers }).toEqual(expected);
    }
  });
});

describe('providers given a URL with credentials', () => {
  const PASSWORD = 's3cr3t-pw';
  let server: Server | undefined;
  async function stop(): Promise<void> {
    if (server) await closeServer(server);
    server = undefined;
  }
  afterEach(stop);

  /** A service that answers only with the right Basic credentials. */
  async function guarded(status = 200): Promise<string> {
    server = createServer((req, res) => {
      if (req.headers.authorization !== `Basic ${btoa(`probe:${PASSWORD}`)}`) {
        res.writeHead(401).end();
        return;
      }
      res
        .writeHead(status)
        .end(req.url === '/metrics' ? 'http_requests_total 5\n' : '{"value": 0.5}');
    });
    return (await listenOnLoopback(server)).replace('http://', `http://probe:${PASSWORD}@`);
  }

  test('health: the credentials are sent, and no reason shows them', async () => {
    const url = await guarded();
    expect(await probe({ url: `${url}/healthz` })).toEqual({ value: 0 });
    await stop();
    const down = await probe({ url: `${url}/healthz`, timeoutMs: 1000 });
    expect(down).toEqual({ value: 1, reason: 'connection refused' });
  });

  test('health: a wrong status is a failure whose reason has no password', async () => {
    const url = await guarded(503);
    const reading = await probe({ url: `${url}/healthz` });
    expect(reading).toEqual({ value: 1, reason: 'HTTP 503, expected 200' });
  });

  test('http-json: the value is read; an error names the URL redacted', async () => {
    const url = await guarded();
    expect(await readJson({ url: `${url}/api`, jsonPath: '$.value' })).toEqual({ value: 0.5 });
    await stop();
    const reading = await readJson({ url: `${url}/api`, jsonPath: '$.value', timeoutMs: 1000 });
    expect(reading.reason).toMatch(/^http:\/\/\*\*\*@127\.0\.0\.1:\d+\/api: connection refused$/);
    expect(JSON.stringify(reading)).not.toContain(PASSWORD);
  });

  test('http-json: an HTTP error names the URL redacted', async () => {
    const url = await guarded(500);
    const reading = await readJson({ url: `${url}/api`, jsonPath: '$.value' });
    expect(reading.reason).toMatch(/^HTTP 500 from http:\/\/\*\*\*@127\.0\.0\.1:\d+\/api$/);
  });

  test('scrape: series and messages carry the URL redacted', async () => {
    const url = await guarded();
    const closed = `http://probe:${PASSWORD}@127.0.0.1:${await freePort()}/metrics`;
    const window = { now: 1, since: 0, intervalMs: 1000 };
    const ok = new ScrapeProvider({ urls: [`${url}/metrics`] });
    expect(await ok.read({ query: 'http_requests_total' }, window)).toEqual({ value: 5 });
    const down = new ScrapeProvider({ urls: [closed], timeoutMs: 1000 });
    const reading = await down.read({ query: 'http_requests_total' }, window);
    expect(reading.reason).toMatch(
      /^http:\/\/\*\*\*@127\.0\.0\.1:\d+\/metrics: connection refused$/,
    );
  });
});

test('health: a header that cannot be sent is no data, never a failed check', async () => {
  const reading = await probe({
    url: 'http://127.0.0.1:1/healthz',
    headers: { 'X-Token': 'a\nb' },
  });
  expect(reading).toEqual({
    reason:
      "cannot probe http://127.0.0.1:1/healthz: header 'X-Token' cannot be sent: its value holds a newline or another character HTTP forbids",
    misconfigured: true,
  });
});
