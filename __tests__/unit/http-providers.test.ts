import { createServer, type Server } from 'node:http';
import { probe } from '../../src/metrics/health.js';
import { pickNumber, readJson } from '../../src/metrics/http-json.js';
import { closeServer, freePort, listenOnLoopback } from '../../lab/util/net.js';

let server: Server;
let url: string;
beforeAll(async () => {
  // A service with a healthy and a broken endpoint, a slow one, and a metrics API.
  server = createServer((req, res) => {
    const routes: Record<string, [number, string]> = {
      '/healthz': [200, 'ok: all checks pass'],
      '/broken': [503, 'database unreachable'],
      '/api/errors/5m': [200, JSON.stringify({ data: { error_rate: 0.031, requests: '1200' } })],
      '/api/text': [200, 'not json'],
      '/api/down': [500, '{}'],
    };
    if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 500);
      return;
    }
    const [status, body] = routes[req.url ?? ''] ?? [404, 'no'];
    res.writeHead(status).end(body);
  });
  url = await listenOnLoopback(server);
});
afterAll(async () => {
  await closeServer(server);
});

describe('health probe', () => {
  test.each<[string, string, Record<string, unknown>, { value?: number; reason?: RegExp }]>([
    ['healthy', '/healthz', {}, { value: 0 }],
    ['body matches', '/healthz', { bodyMatch: 'all checks pass' }, { value: 0 }],
    [
      'body does not match',
      '/healthz',
      { bodyMatch: '^degraded' },
      { value: 1, reason: /^the body does not match/ },
    ],
    ['a wrong status fails', '/broken', {}, { value: 1, reason: /^HTTP 503, expected 200$/ }],
    ['an expected non-200 status passes', '/broken', { expectStatus: 503 }, { value: 0 }],
    [
      'a timeout fails',
      '/slow',
      { timeoutMs: 100 },
      { value: 1, reason: /^no answer within 100 ms$/ },
    ],
  ])('%s', async (_name, path, options, expected) => {
    const reading = await probe({ url: `${url}${path}`, ...options });
    expect(reading.value).toBe(expected.value);
    if (expected.reason) expect(reading.reason).toMatch(expected.reason);
  });

  test('a refused connection is a failure; an address that is not one is no data', async () => {
    const closed = await freePort();
    expect(await probe({ url: `http://127.0.0.1:${closed}/healthz`, timeoutMs: 1000 })).toEqual({
      value: 1,
      reason: 'connection refused',
    });
    // No DNS here: a URL that cannot be parsed is the same kind of misconfiguration.
    const misaddressed = await probe({ url: 'http://api service/healthz', timeoutMs: 2000 });
    expect(misaddressed).toEqual({
      reason: 'cannot probe http://api service/healthz: not a valid URL',
      misconfigured: true,
    });
  });
});

describe('http-json', () => {
  test.each<[unknown, string, { value?: number; reason?: string }]>([
    [{ data: { error_rate: 0.5 } }, '$.data.error_rate', { value: 0.5 }],
    [{ data: { n: '42' } }, '$.data.n', { value: 42 }],
    [{ data: { n: 'high' } }, '$.data.n', { reason: '$.data.n is "high", not a finite number' }],
    [{ data: { n: null } }, '$.data.n', { reason: '$.data.n is null, not a finite number' }],
    [{ data: {} }, '$.data.n', { reason: '$.data.n finds nothing' }],
    [
      { series: [{ v: 1 }, { v: 2 }] },
      '$.series[*].v',
      { reason: '$.series[*].v finds 2 values where one was expected' },
    ],
    [{ series: [{ v: 1 }, { v: 2 }] }, '$.series[1].v', { value: 2 }],
  ])('%j at %s', (document, path, expected) => {
    expect(pickNumber(document, path)).toEqual(expected);
  });

  test.each<[string, string, { value?: number; reason?: RegExp }]>([
    ['/api/errors/5m', '$.data.error_rate', { value: 0.031 }],
    ['/api/text', '$.x', { reason: /did not answer JSON$/ }],
    ['/api/down', '$.x', { reason: /^HTTP 500 from / }],
  ])('GET %s', async (path, jsonPath, expected) => {
    const reading = await readJson({ url: `${url}${path}`, jsonPath });
    expect(reading.value).toBe(expected.value);
    if (expected.reason) expect(reading.reason).toMatch(expected.reason);
  });
});
