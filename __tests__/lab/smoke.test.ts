/**
 * Smoke checks against a real HTTP server on loopback and real programs: what passes, what is
 * retried and what is not, and that a headers-env secret reaches the server but never a result
 * or a log line.
 */
import { jest } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { closeServer, freePort, listenOnLoopback } from '../../lab/util/net.js';
import type { Clock } from '../../src/clock.js';
import type { SmokeCheckSpec } from '../../src/policy/types.js';
import { runSmokeChecks, type SmokeOptions, type SmokeResult } from '../../src/verify/smoke.js';

jest.setTimeout(20_000);

const SECRET = 'smk-s3cr3t-key-value';

let server: Server;
let base: string;
let seen: IncomingMessage['headers'][] = [];
let flakyLeft = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    const send = (status: number, body = '', headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    switch (req.url) {
      case '/ok':
        return send(200, '{"status":"ok","ready":3,"version":"v1"}');
      case '/flaky':
        if (flakyLeft-- > 0) return send(503, 'starting');
        return send(200, '{"status":"ok"}');
      case '/missing':
        return send(404, 'no such page');
      case '/redirect':
        return send(302, '', { location: '/ok' });
      case '/echo':
        return send(200, `you sent ${String(req.headers['x-api-key'])}`);
      case '/slow':
        setTimeout(() => send(200, '{}'), 3_000).unref();
        return;
      default:
        return send(500, 'unexpected');
    }
  });
  base = await listenOnLoopback(server);
});

afterAll(async () => {
  await closeServer(server);
});

beforeEach(() => {
  seen = [];
  flakyLeft = 0;
});

function harness(env: NodeJS.ProcessEnv = {}): {
  options: SmokeOptions;
  logs: string[];
  secrets: string[];
  sleeps: number[];
} {
  const logs: string[] = [];
  const secrets: string[] = [];
  const sleeps: number[] = [];
  // Backoff waits are recorded, not waited: the retry rule is what is tested.
  const clock: Clock = {
    now: () => Date.now(),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
  return {
    options: {
      env,
      cwd: process.cwd(),
      setSecret: (s) => secrets.push(s),
      log: (l) => logs.push(l),
      clock,
    },
    logs,
    secrets,
    sleeps,
  };
}

async function one(
  check: SmokeCheckSpec,
  env?: NodeJS.ProcessEnv,
): Promise<SmokeResult & { logs: string[]; sleeps: number[] }> {
  const h = harness(env);
  const [result] = await runSmokeChecks([check], h.options);
  if (!result) throw new Error('no result');
  return { ...result, logs: h.logs, sleeps: h.sleeps };
}

describe('HTTP checks', () => {
  test.each([
    ['status only', { url: '/ok' }],
    ['body contains', { url: '/ok', 'body-contains': '"ok"' }],
    ['json-path equals', { url: '/ok', 'json-path': '$.version', equals: 'v1' }],
    ['json-path in a band', { url: '/ok', 'json-path': '$.ready', 'at-least': 2, 'at-most': 3 }],
    ['an expected 404', { url: '/missing', 'expect-status': 404 }],
  ])('passes: %s', async (_why, http) => {
    const result = await one({ name: 'c', http: { ...http, url: `${base}${http.url}` } });
    expect(result).toMatchObject({ name: 'c', kind: 'http', outcome: 'passed', attempts: 1 });
  });

  test.each([
    [
      'body without the text',
      { url: '/ok', 'body-contains': 'healthy' },
      'the body does not contain "healthy"',
    ],
    [
      'json-path not equal',
      { url: '/ok', 'json-path': '$.version', equals: 'v2' },
      '$.version is "v1", expected "v2"',
    ],
    [
      'json-path below',
      { url: '/ok', 'json-path': '$.ready', 'at-least': 5 },
      '$.ready is 3, below at-least 5',
    ],
    [
      'json-path finds nothing',
      { url: '/ok', 'json-path': '$.nope', equals: 1 },
      '$.nope finds nothing',
    ],
  ])('fails after its retries when the body does not match: %s', async (_why, http, why) => {
    const result = await one({
      name: 'c',
      http: { ...http, url: `${base}${http.url}`, retries: 2, backoff: '1s' },
    });
    expect(result.outcome).toBe('failed');
    expect(result.attempts).toBe(3);
    expect(result.sleeps).toEqual([1_000, 2_000]);
    expect(result.detail).toContain(why);
    expect(result.detail).toContain('(after 3 attempts)');
  });

  test('a 503 then a 200 passes on a retry, attempts counted, backoff doubling', async () => {
    flakyLeft = 2;
    const result = await one({ name: 'c', http: { url: `${base}/flaky` } });
    expect(result).toMatchObject({ outcome: 'passed', attempts: 3 });
    expect(result.sleeps).toEqual([2_000, 4_000]);
    expect(result.logs.filter((l) => l.includes('answered 503, expected 200'))).toHaveLength(2);
  });

  test('a 503 that stays fails after 1 + retries attempts', async () => {
    flakyLeft = 100;
    const result = await one({ name: 'c', http: { url: `${base}/flaky`, retries: 1 } });
    expect(result).toMatchObject({ outcome: 'failed', attempts: 2 });
    expect(result.detail).toBe(`GET ${base}/flaky: answered 503, expected 200 (after 2 attempts)`);
  });

  test('a 404 is not retried', async () => {
    const result = await one({ name: 'c', http: { url: `${base}/missing` } });
    expect(result).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(result.sleeps).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(result.detail).toBe(`GET ${base}/missing: answered 404, expected 200`);
  });

  test('a redirect is a failure that says so, not followed and not retried', async () => {
    const result = await one({ name: 'c', http: { url: `${base}/redirect` } });
    expect(result).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(result.detail).toBe(
      `GET ${base}/redirect: answered 302, expected 200 (a redirect: redirects are not followed)`,
    );
    expect(seen).toHaveLength(1);
  });

  test('a headers-env value arrives and never appears in results or logs', async () => {
    const h = harness({ SMOKE_KEY: SECRET });
    const results = await runSmokeChecks(
      [
        {
          name: 'echo',
          http: {
            url: `${base}/echo`,
            'headers-env': { 'X-Api-Key': 'SMOKE_KEY' },
            'body-contains': 'nothing like it',
            retries: 1,
          },
        },
      ],
      h.options,
    );
    expect(seen.map((s) => s['x-api-key'])).toEqual([SECRET, SECRET]);
    expect(h.secrets).toContain(SECRET);
    const everything = JSON.stringify(results) + h.logs.join('\n');
    expect(everything).toContain('you sent ***');
    expect(everything).not.toContain(SECRET);
  });

  test('a headers-env variable not set fails before any request', async () => {
    const result = await one({
      name: 'c',
      http: { url: `${base}/ok`, 'headers-env': { 'X-Api-Key': 'SMOKE_KEY' } },
    });
    expect(result).toMatchObject({ outcome: 'failed', attempts: 0 });
    expect(result.detail).toBe(
      'headers-env names SMOKE_KEY (header X-Api-Key), not set in this step (add it under env:)',
    );
    expect(seen).toHaveLength(0);
  });

  test('a timeout is retried and then fails, each attempt bounded', async () => {
    const started = Date.now();
    const result = await one({
      name: 'c',
      http: { url: `${base}/slow`, timeout: '200ms', retries: 1 },
    });
    expect(result).toMatchObject({ outcome: 'failed', attempts: 2 });
    expect(result.detail).toBe(`GET ${base}/slow: no answer within 200 ms (after 2 attempts)`);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  test('a refused connection is retried', async () => {
    const port = await freePort();
    const result = await one({ name: 'c', http: { url: `http://127.0.0.1:${port}/`, retries: 2 } });
    expect(result).toMatchObject({ outcome: 'failed', attempts: 3 });
    expect(result.detail).toContain('connection refused');
  });
});

describe('command checks', () => {
  test.each([
    [['sh', '-c', 'exit 0'], 'passed', 1, 'sh: done'],
    [['sh', '-c', 'echo broken >&2; exit 1'], 'failed', 1, 'sh: exit 1: broken'],
    [['no-such-program-for-smoke'], 'failed', 0, 'no-such-program-for-smoke: not found'],
  ] as const)('%j', async (argv, outcome, attempts, detail) => {
    const result = await one({ name: 'cmd', command: [...argv] });
    expect(result).toMatchObject({ name: 'cmd', kind: 'command', outcome, attempts, detail });
  });

  test('a timeout ends the program', async () => {
    const started = Date.now();
    const result = await one({ name: 'cmd', command: ['sleep', '10'], timeout: '300ms' });
    expect(result.outcome).toBe('failed');
    expect(result.detail).toMatch(/^sleep: timed out after 0\.\d s$/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('checks run in order, each with its own result', async () => {
    const h = harness();
    const results = await runSmokeChecks(
      [
        { name: 'first', command: ['true'] },
        { name: 'second', http: { url: `${base}/ok` } },
      ],
      h.options,
    );
    expect(results.map((r) => [r.name, r.kind, r.outcome])).toEqual([
      ['first', 'command', 'passed'],
      ['second', 'http', 'passed'],
    ]);
  });
});
