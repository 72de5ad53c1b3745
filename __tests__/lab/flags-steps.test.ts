/**
 * Flags against a real HTTP flag service on loopback, and command steps with real programs:
 * what is sent, what is never printed, and that nothing read from outside is run by a shell.
 */
import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeServer, freePort, listenOnLoopback } from '../../lab/util/net.js';
import { runCommandStep, type CommandFacts } from '../../src/rollback/command.js';
import { turnFlagOff, type FlagOptions } from '../../src/rollback/feature-flag.js';
import type { FlagSpec } from '../../src/policy/types.js';

jest.setTimeout(20_000);

const SECRET = 'flg-s3cr3t-token-value';
const URL_PASSWORD = 'pa55-in-url';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** How the fake flag service answers each path. */
type Handler = (seen: Seen) => {
  status: number;
  body?: string;
  delayMs?: number;
  headers?: Record<string, string>;
};

let server: Server;
let base: string;
let seen: Seen[] = [];
let handler: Handler = () => ({ status: 200, body: '{"on":false}' });
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(request);
      const answer = handler(request);
      const send = (): void => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        res.end(answer.body ?? '');
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  base = await listenOnLoopback(server);
  dir = mkdtempSync(path.join(tmpdir(), 'flags-steps-'));
});

afterAll(async () => {
  await closeServer(server);
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  seen = [];
  handler = () => ({ status: 200, body: '{"on":false}' });
});

function harness(env: NodeJS.ProcessEnv = {}, dryRun = false) {
  const lines: string[] = [];
  const secrets: string[] = [];
  const options: FlagOptions = {
    env: { FLAGS_TOKEN: SECRET, ...env },
    cwd: dir,
    dryRun,
    log: (line) => lines.push(line),
    setSecret: (s) => secrets.push(s),
  };
  return { options, lines, secrets };
}

const checkout = (
  over: Partial<FlagSpec['request']> = {},
  flag: Partial<FlagSpec> = {},
): FlagSpec => ({
  name: 'checkout-v2',
  request: {
    url: `${base}/api/flags/checkout-v2`,
    headers: { 'X-Team': 'shop' },
    'headers-env': { Authorization: 'FLAGS_TOKEN' },
    body: { on: false, reason: 'rollback' },
    ...over,
  },
  ...flag,
});

describe('feature flags over HTTP', () => {
  test('POST with plain and secret headers and a JSON body turns the flag off', async () => {
    const { options, lines, secrets } = harness();
    const result = await turnFlagOff(checkout(), options);
    expect(result).toMatchObject({
      name: 'checkout-v2',
      outcome: 'off',
      status: 200,
      request: `POST ${base}/api/flags/checkout-v2`,
    });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/flags/checkout-v2');
    expect(request?.headers.authorization).toBe(SECRET);
    expect(request?.headers['x-team']).toBe('shop');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ on: false, reason: 'rollback' });
    expect(secrets).toContain(SECRET);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  test('a string body is sent as written, with the method asked for', async () => {
    const { options } = harness();
    const flag = checkout({
      method: 'PATCH',
      body: 'enabled=false',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect((await turnFlagOff(flag, options)).outcome).toBe('off');
    expect(seen[0]).toMatchObject({ method: 'PATCH', body: 'enabled=false' });
    expect(seen[0]?.headers['content-type']).toBe('text/plain');
  });

  test('credentials in the URL are masked first and sent as Basic auth, never logged', async () => {
    const { options, lines, secrets } = harness();
    const url = `${base.replace('//', `//ops:${URL_PASSWORD}@`)}/api/flags/checkout-v2`;
    const result = await turnFlagOff(checkout({ url, 'headers-env': {} }), options);
    expect(result.outcome).toBe('off');
    expect(secrets).toContain(URL_PASSWORD);
    expect(seen[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`ops:${URL_PASSWORD}`).toString('base64')}`,
    );
    expect(result.request).toBe(`POST ${base.replace('//', '//***@')}/api/flags/checkout-v2`);
    expect(lines.join('\n') + JSON.stringify(result)).not.toContain(URL_PASSWORD);
  });

  test('a non-2xx answer fails with its status and a short excerpt scrubbed of the secret', async () => {
    handler = (s) => ({
      status: 500,
      body: `internal error for token ${String(s.headers.authorization)} ${'x'.repeat(10_000)}`,
    });
    const { options, lines } = harness();
    const result = await turnFlagOff(checkout(), options);
    expect(result.outcome).toBe('failed');
    expect(result.status).toBe(500);
    expect(result.detail).toMatch(
      /answered 500, expected a 2xx: internal error for token \*\*\* x+…$/,
    );
    expect(result.detail.length).toBeLessThan(400);
    expect(lines.join('\n') + JSON.stringify(result)).not.toContain(SECRET);
  });

  test('expect-status is the only success when set', async () => {
    const { options } = harness();
    const result = await turnFlagOff(checkout({ 'expect-status': 204 }), options);
    expect(result).toMatchObject({ outcome: 'failed', status: 200 });
    expect(result.detail).toContain('answered 200, expected 204');
  });

  test('a redirect is not followed', async () => {
    handler = (s) =>
      s.url === '/moved'
        ? { status: 200 }
        : { status: 302, headers: { location: `${base}/moved` } };
    const { options } = harness();
    const result = await turnFlagOff(checkout(), options);
    expect(result).toMatchObject({ outcome: 'failed', status: 302 });
    expect(result.detail).toContain('redirects are not followed');
    expect(seen.map((s) => s.url)).toEqual(['/api/flags/checkout-v2']);
  });

  test('a service that does not answer in time fails the flag at its timeout', async () => {
    handler = () => ({ status: 200, delayMs: 10_000 });
    const { options } = harness();
    const started = Date.now();
    const result = await turnFlagOff(checkout({}, { timeout: '300ms' }), options);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.outcome).toBe('failed');
    expect(result.detail).toBe(`POST ${base}/api/flags/checkout-v2: no answer within 300 ms`);
  });

  test('a service that is down fails with a clear line', async () => {
    const port = await freePort();
    const { options, lines } = harness();
    const flag = checkout({ url: `http://127.0.0.1:${port}/api/flags/checkout-v2` });
    const result = await turnFlagOff(flag, options);
    expect(result.outcome).toBe('failed');
    expect(lines).toContain(
      `flag 'checkout-v2': POST http://127.0.0.1:${port}/api/flags/checkout-v2: connection refused`,
    );
  });

  test('a missing headers-env variable fails the flag in one line naming it, before sending', async () => {
    const { options, lines } = harness({ FLAGS_TOKEN: undefined });
    const result = await turnFlagOff(checkout(), options);
    expect(result.outcome).toBe('failed');
    expect(lines).toEqual([
      "flag 'checkout-v2': headers-env names the environment variable FLAGS_TOKEN (header Authorization) not set in this step (add it under env:)",
    ]);
    expect(seen).toHaveLength(0);
  });

  test('a dry run says what it would send and sends nothing', async () => {
    const { options, lines, secrets } = harness({}, true);
    const result = await turnFlagOff(checkout(), options);
    expect(result).toMatchObject({
      outcome: 'planned',
      request: `POST ${base}/api/flags/checkout-v2`,
    });
    expect(lines).toEqual([
      `flag 'checkout-v2': would send POST ${base}/api/flags/checkout-v2`,
      '  headers: X-Team, Authorization, Content-Type',
      '  body: {"on":false,"reason":"rollback"}',
    ]);
    expect(secrets).toContain(SECRET);
    expect(seen).toHaveLength(0);
  });
});

describe('feature flags as commands', () => {
  test('exit 0 is off, anything else fails with the last line', async () => {
    const { options } = harness();
    const ok = await turnFlagOff(
      { name: 'f', command: [process.execPath, '-e', 'process.exit(0)'] },
      options,
    );
    expect(ok.outcome).toBe('off');
    const bad = await turnFlagOff(
      {
        name: 'f',
        command: [process.execPath, '-e', 'console.error("flag api down"); process.exit(3)'],
      },
      options,
    );
    expect(bad).toMatchObject({ outcome: 'failed' });
    expect(bad.detail).toBe(`${process.execPath}: exit 3: flag api down`);
  });
});

const FACTS: CommandFacts = {
  verdict: 'rolled-back',
  previousSha: '0123456789abcdef0123456789abcdef01234567',
  deployedSha: 'fedcba9876543210fedcba9876543210fedcba98',
  reason: 'error-rate above 5%',
  targets: [
    {
      context: 'eu-west',
      namespace: 'shop',
      kind: 'deployment',
      name: 'api',
      revision: 4,
      images: { web: 'shop/api:1.4' },
    },
  ],
};

function stepHarness(facts: CommandFacts = FACTS, dryRun = false) {
  const lines: string[] = [];
  return {
    lines,
    options: {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      cwd: dir,
      facts,
      dryRun,
      log: (line: string) => lines.push(line),
    },
  };
}

describe('command steps', () => {
  test('the facts arrive in the environment, and a passing check makes the step done', async () => {
    const { options } = stepHarness();
    const result = await runCommandStep(
      {
        name: 'helm',
        run: [
          'sh',
          '-c',
          'echo "$ROLLBACK_PREVIOUS_SHA $ROLLBACK_REVISION $ROLLBACK_PREVIOUS_IMAGE_API_WEB" > sha.txt',
        ],
        check: { run: ['test', '-s', 'sha.txt'] },
      },
      options,
    );
    expect(result).toMatchObject({ outcome: 'done', check: { outcome: 'passed' } });
    expect(readFileSync(path.join(dir, 'sha.txt'), 'utf8')).toBe(
      `${FACTS.previousSha} 4 shop/api:1.4\n`,
    );
  });

  test('a failing check fails the step', async () => {
    const { options } = stepHarness();
    const result = await runCommandStep(
      {
        name: 'purge',
        run: ['true'],
        check: { run: ['sh', '-c', 'echo still cached >&2; exit 1'] },
      },
      options,
    );
    expect(result.outcome).toBe('failed');
    expect(result.check).toEqual({ outcome: 'failed', detail: 'sh: exit 1: still cached' });
    expect(result.detail).toBe('the command ran, but its check failed: sh: exit 1: still cached');
  });

  test('a step past its timeout is ended, well within the sleep', async () => {
    const { options } = stepHarness();
    const started = Date.now();
    const result = await runCommandStep(
      { name: 'slow', run: ['sleep', '30'], timeout: '500ms' },
      options,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.outcome).toBe('failed');
    expect(result.detail).toMatch(/^sleep: timed out after 0\.\d s$/);
  });

  test('a missing program is "not found"', async () => {
    const { options } = stepHarness();
    const result = await runCommandStep({ name: 'x', run: ['no-such-program-4f2a'] }, options);
    expect(result).toMatchObject({ outcome: 'failed', detail: 'no-such-program-4f2a: not found' });
  });

  test('shell syntax in a fact is never interpreted, even by a shell step', async () => {
    const marker = path.join(dir, 'pwned');
    const reason = `$(touch ${marker}) \`touch ${marker}\``;
    const { options } = stepHarness({ ...FACTS, reason, deployedSha: `;touch ${marker}` });
    const result = await runCommandStep(
      {
        name: 'notify',
        run: ['sh', '-c', 'echo $ROLLBACK_REASON $ROLLBACK_DEPLOYED_SHA > reason.txt'],
        check: {
          run: [process.execPath, '-e', 'process.exit(process.env.ROLLBACK_REASON ? 0 : 1)'],
        },
      },
      options,
    );
    expect(result.outcome).toBe('done');
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(path.join(dir, 'reason.txt'), 'utf8')).toBe(`${reason} ;touch ${marker}\n`);
  });

  test('output is logged line by line, the last 50 lines', async () => {
    const { options, lines } = stepHarness();
    await runCommandStep(
      {
        name: 'chatty',
        run: [process.execPath, '-e', 'for (let i = 1; i <= 500; i++) console.log("line " + i)'],
      },
      options,
    );
    expect(lines).toContain('  (450 earlier lines not shown)');
    expect(lines).toContain('  line 451');
    expect(lines).toContain('  line 500');
    expect(lines).not.toContain('  line 450');
  });

  test('a dry run prints the argv and the facts, and runs nothing', async () => {
    const marker = path.join(dir, 'ran');
    const { options, lines } = stepHarness(FACTS, true);
    const result = await runCommandStep(
      { name: 'helm', run: ['touch', marker, 'two words'] },
      options,
    );
    expect(result.outcome).toBe('planned');
    expect(existsSync(marker)).toBe(false);
    expect(lines[0]).toBe(`step 'helm': would run touch ${marker} 'two words'`);
    expect(lines).toContain(`  ROLLBACK_PREVIOUS_SHA=${FACTS.previousSha}`);
    expect(lines).toContain(`  ROLLBACK_REASON='error-rate above 5%'`);
  });
});
