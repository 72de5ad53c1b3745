/**
 * guard with triggers and no targets, through the harness, against small Prometheus
 * stand-ins: the backend's warnings are shown once each; credentials in the URL never reach
 * the log; an unreachable backend ends inconclusive with nothing to roll back.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { generate } from 'selfsigned';
import {
  closeStandIns,
  NO_HISTORY,
  prometheusAnswering,
  vector,
} from '../../lab/prometheus/stand-in.js';
import { runAction, shownText, withoutDeadGitHub } from '../../lab/runner/harness.js';
import { closeServer, freePort, listenOnLoopback } from '../../lab/util/net.js';

const POLICY = `
triggers:
  - {name: up, query: 'sum(up{job="api"})', below: 1, consecutive: 2, severity: P0}
watch: {window: 2s, interval: 1s}
`;

let server: Server | undefined;
afterEach(async () => {
  await closeStandIns();
  if (server) await closeServer(server);
  server = undefined;
});

/** A range-query answer of one sample of 1. */
const RANGE_OF_ONE = {
  status: 'success',
  data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, '1']] }] },
};

test("a backend's warnings are shown once each, and the watch still judges", async () => {
  let queries = 0;
  const url = await prometheusAnswering(() => {
    queries += 1;
    return {
      body: {
        ...vector({ value: [1, '1'] }),
        warnings: ['PromQL info: metric might not be a counter'],
      },
    };
  });
  const result = await runAction({
    inputs: { 'prometheus-url': url },
    files: { '.github/rollback-policy.yml': POLICY },
  });
  expect({ exit: result.exitCode, verdict: result.outputs.verdict }).toEqual({
    exit: 0,
    verdict: 'healthy',
  });
  expect(queries).toBeGreaterThanOrEqual(3);
  expect(withoutDeadGitHub(result.annotations)).toEqual([
    {
      level: 'warning',
      message: "trigger 'up': prometheus warns: PromQL info: metric might not be a counter",
    },
  ]);
});

test('credentials in the Prometheus URL never reach the log; unreachable is inconclusive', async () => {
  const port = await freePort();
  const result = await runAction({
    inputs: { 'prometheus-url': `http://admin:hunter2@127.0.0.1:${port}` },
    files: { '.github/rollback-policy.yml': POLICY },
  });
  expect(result.exitCode).toBe(0);
  expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' });
  expect(result.stdout).toContain(`Prometheus unreachable at http://***@127.0.0.1:${port}/`);
  // The only place it appears is the command that tells the runner to mask it.
  const stdout = result.stdout.replace(/^::add-mask::.*$/gm, '');
  for (const text of [stdout, result.stderr, result.summary, result.outputs.report ?? ''])
    expect(text).not.toContain('hunter2');
  expect(result.masks).toContain('hunter2');
});

test.each([
  // The defect: above 5 with below 0.5 read a healthy 1 as '1 < 5 FAIL' and rolled back.
  ['1, inside the band [0.5, 5], passes', '1', 0, 'healthy'],
  ['5, on its edge, passes', '5', 0, 'healthy'],
  ['7, above it, fails', '7', 1, 'rollback-recommended'],
  ['0.2, below it, fails', '0.2', 1, 'rollback-recommended'],
])('a band: %s', async (_name, value, exit, verdict) => {
  const url = await prometheusAnswering(() => ({ body: vector({ value: [1, value] }) }));
  const result = await runAction({
    inputs: { 'prometheus-url': url },
    files: {
      '.github/rollback-policy.yml':
        "triggers:\n  - {name: saturation, query: 'avg(cpu)', above: 5, below: 0.5}\nwatch: {window: 2s, interval: 1s}\n",
    },
  });
  expect({ exit: result.exitCode, verdict: result.outputs.verdict }).toEqual({ exit, verdict });
});

test('two crash-looping pods (two series) fail the trigger, naming the pod; before, no data', async () => {
  const url = await prometheusAnswering(() => ({
    body: vector(
      { metric: { namespace: 'shop', pod: 'api-7d9f-1' }, value: [1, '3'] },
      { metric: { namespace: 'shop', pod: 'api-7d9f-2' }, value: [1, '2'] },
      { metric: { namespace: 'shop', pod: 'api-7d9f-3' }, value: [1, '0'] },
    ),
  }));
  const result = await runAction({
    inputs: { 'prometheus-url': url },
    files: {
      '.github/rollback-policy.yml':
        'triggers:\n  - {name: restarts, query: \'increase(kube_pod_container_status_restarts_total{namespace="shop"}[5m])\', above: 0, severity: P0}\nwatch: {window: 10s, interval: 1s}\n',
    },
  });
  expect({ exit: result.exitCode, verdict: result.outputs.verdict }).toEqual({
    exit: 1,
    verdict: 'rollback-recommended',
  });
  const report = JSON.parse(result.outputs.report ?? '{}') as {
    headline: string;
    triggers: Record<string, unknown>[];
  };
  expect(report.headline).toBe(
    'restarts (P0): {namespace="shop",pod="api-7d9f-1"}: 3 > 0 for 0s (3 series); no targets to roll back',
  );
  expect(report.triggers[1]).toMatchObject({
    'series-labels': '{namespace="shop",pod="api-7d9f-1"}',
    'series-count': 3,
  });
  expect(result.summary).toContain('{namespace="shop",pod="api-7d9f-1"}');
});

test('a query Prometheus rejects at run time fails the step at once: never no data, never a rollback', async () => {
  let queries = 0;
  const url = await prometheusAnswering(() => {
    queries += 1;
    return {
      status: 400,
      body: {
        status: 'error',
        errorType: 'bad_data',
        error:
          'invalid parameter "query": 1:10: parse error: expected type range vector in call to function "rate", got instant vector',
      },
    };
  });
  const result = await runAction({
    inputs: { 'prometheus-url': url },
    files: {
      '.github/rollback-policy.yml':
        "triggers:\n  - {name: errors, query: 'sum(rate(up))', above: 1}\nwatch: {window: 30s, interval: 1s}\n",
    },
  });
  expect(result.exitCode).toBe(1);
  expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' });
  expect(result.annotations).toEqual([
    {
      level: 'error',
      message: expect.stringMatching(
        /^rollback-action: trigger 'errors': Prometheus rejects the query: bad_data: .*expected type range vector.*; nothing was judged or rolled back: fix the trigger/,
      ),
    },
  ]);
  // Stopped at the first poll (after the baseline's history), not after the 30 s window.
  expect(queries).toBeLessThanOrEqual(2);
});

test.each([
  // Argo's `result[0] >= 10` with polls at exactly 10: caught at the first poll.
  [
    'at-least 10, reading exactly 10, fails at once',
    'at-least: 10',
    ['10'],
    'rollback-recommended',
  ],
  // Argo's failureLimit: 2 failing polls are allowed, the third fails, in a row or not.
  [
    'failure-limit 2, three failing polls apart, fails',
    'above: 5, failure-limit: 2',
    ['7', '1', '7', '1', '7'],
    'rollback-recommended',
  ],
  [
    'failure-limit 2, two failing polls, passes',
    'above: 5, failure-limit: 2',
    ['7', '1', '7', '1', '1'],
    'healthy',
  ],
])('%s', async (_name, condition, values, verdict) => {
  let poll = 0;
  // The baseline asks for history first; polls are instant queries.
  const url = await prometheusAnswering(({ pathname }) =>
    pathname.endsWith('query_range')
      ? { body: RANGE_OF_ONE }
      : { body: vector({ value: [1, values[Math.min(poll++, values.length - 1)] ?? '1'] }) },
  );
  const result = await runAction({
    inputs: { 'prometheus-url': url },
    files: {
      '.github/rollback-policy.yml': `triggers:\n  - {name: errors, query: 'sum(errors)', ${condition}}\nwatch: {window: 4s, interval: 1s}\n`,
    },
  });
  expect(result.outputs.verdict).toBe(verdict);
});

test.each<[string, Parameters<typeof vector>, number, string]>([
  // The SRE workbook's page: nothing returned is healthy, series returned is a breach. Before,
  // no series was "no data" forever, and no-data: rollback rolled healthy releases back.
  ['returns nothing: healthy', [], 0, 'healthy'],
  [
    'returns a series for two polls: fails, naming it',
    [{ metric: { slo: 'checkout' }, value: [1, '0.02'] }],
    1,
    'rollback-recommended',
  ],
])('kind: alert, an alert expression that %s', async (_name, result, exit, verdict) => {
  const url = await prometheusAnswering(({ pathname }) => ({
    body: pathname.endsWith('query_range') ? NO_HISTORY : vector(...result),
  }));
  const run = await runAction({
    inputs: { 'prometheus-url': url },
    files: {
      '.github/rollback-policy.yml':
        "triggers:\n  - {name: burn, kind: alert, query: '(errors:ratio_rate1h > 14.4 * 0.001) and (errors:ratio_rate5m > 14.4 * 0.001)', consecutive: 2, severity: P0}\nwatch: {window: 3s, interval: 1s}\n",
    },
  });
  expect({ exit: run.exitCode, verdict: run.outputs.verdict }).toEqual({ exit, verdict });
  if (exit)
    expect(JSON.parse(run.outputs.report ?? '{}').headline).toBe(
      'burn (P0): firing on {slo="checkout"} 2 polls in a row; no targets to roll back',
    );
});

test('ranges are cut to the time since the deploy but never below two scrapes, and the query as run is shown', async () => {
  const asked: string[] = [];
  const url = await prometheusAnswering(({ pathname, searchParams }) => {
    if (pathname === '/api/v1/targets')
      return {
        body: {
          status: 'success',
          data: { activeTargets: [{ scrapeInterval: '30s' }, { scrapeInterval: '15s' }] },
        },
      };
    if (pathname === '/api/v1/query') asked.push(searchParams.get('query') ?? '');
    return { body: pathname.endsWith('query_range') ? NO_HISTORY : vector({ value: [1, '0.01'] }) };
  });
  const result = await runAction({
    inputs: { 'prometheus-url': url },
    files: {
      '.github/rollback-policy.yml': `triggers:
  - {name: errors, query: 'sum(rate(errors[5m]))', above: 1}
  - {name: written, query: 'sum(rate(errors[5m]))', above: 1, range: as-written}
  - {name: recorded, query: 'job:errors:ratio_rate5m', above: 1}
watch: {window: 2s, interval: 1s}
`,
    },
  });
  expect(result.outputs.verdict).toBe('healthy');
  // Seconds after the deploy, [5m] would be [1s]: no samples at a 30 s scrape. It is [60s].
  expect(asked).toContain('sum(rate(errors[60s]))');
  expect(asked.some((q) => /\[[0-9]s\]/.test(q))).toBe(false);
  expect(asked).toContain('sum(rate(errors[5m]))');
  expect(result.log).toContain('(ranges cut to the time since the deploy, at least two scrapes)');
  expect(result.log).toContain(
    'reads job:errors:ratio_rate5m (no range to cut to the time since the deploy: includes traffic from before it)',
  );
  expect(result.log).toContain('(ranges as written: includes traffic from before the deploy)');
  expect(result.summary).toContain('- `errors`: `sum(rate(errors[60s]))`');
  const report = JSON.parse(result.outputs.report ?? '{}') as {
    triggers: Record<string, unknown>[];
  };
  expect(report.triggers.map((t) => t['query-as-run'])).toEqual([
    null,
    'sum(rate(errors[60s]))',
    null,
    null,
  ]);
});

test('nothing judged is never a green step: a warning by default, a failure with inconclusive: fail', async () => {
  const port = await freePort();
  const run = (extra: string) =>
    runAction({
      inputs: { 'prometheus-url': `http://127.0.0.1:${port}` },
      files: {
        '.github/rollback-policy.yml': POLICY.replace(
          'watch: {window: 2s, interval: 1s}',
          `watch: {window: 2s, interval: 1s${extra}}`,
        ),
      },
    });
  const warned = await run('');
  expect(warned.exitCode).toBe(0);
  expect(warned.annotations).toEqual([
    {
      level: 'warning',
      message: expect.stringMatching(
        /^inconclusive: not enough data to judge: up \(no data in \d polls\); nothing was rolled back$/,
      ),
    },
  ]);
  const failed = await run(', inconclusive: fail');
  expect(failed.exitCode).toBe(1);
  expect(failed.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' });
  expect(failed.annotations).toEqual([
    {
      level: 'error',
      message: expect.stringMatching(
        /^rollback-action: inconclusive, and watch.inconclusive is fail: not enough data to judge: up /,
      ),
    },
  ]);
});

/**
 * A service with a health endpoint and a JSON errors API (the runbooks' `curl .../health` and
 * `curl .../api/errors/5m`), each answering from a function of how often it was asked.
 */
async function service(
  health: (n: number) => { status: number; body: string },
  errorRate: (n: number) => number,
): Promise<string> {
  let healthCalls = 0;
  let apiCalls = 0;
  server = createServer((req, res) => {
    if (req.url === '/healthz') {
      const { status, body } = health(++healthCalls);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
    } else if (req.url === '/api/errors/5m') {
      // Like a hosted metrics API: a key in a header, refused without it.
      if (req.headers['dd-api-key'] !== API_KEY || req.headers['x-team'] !== 'shop') {
        res.writeHead(403).end('{"errors":["Forbidden"]}');
        return;
      }
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(
          JSON.stringify({ service: 'api', window: '5m', errors: { rate: errorRate(++apiCalls) } }),
        );
    } else res.writeHead(404).end();
  });
  return listenOnLoopback(server);
}

const API_KEY = 'dd-k3y-0123456789';
const probesPolicy = (url: string, health = ''): string => `
triggers:
  - {name: health, provider: health, url: '${url}/healthz', consecutive: 3, severity: P0${health}}
  - name: errors-api
    provider: http-json
    url: '${url}/api/errors/5m'
    json-path: '$.errors.rate'
    headers: {X-Team: shop}
    headers-env: {DD-API-KEY: DD_API_KEY}
    above: 0.05
    for: 2s
    severity: P1
watch: {window: 30s, interval: 1s}
`;
/** The step's env: the API key a workflow would take from its secrets. */
const env = { DD_API_KEY: API_KEY };
const OK = { status: 200, body: '{"status":"ok"}' };

test.each<
  [string, (n: number) => { status: number; body: string }, (n: number) => number, string, RegExp]
>([
  [
    'a health check failing 3 times in a row',
    (n) => (n <= 2 ? OK : { status: 503, body: '{"status":"down"}' }),
    () => 0.01,
    '',
    /^health \(P0\): 1 > 0 \(HTTP 503, expected 200\) 3 polls in a row; no targets to roll back$/,
  ],
  [
    'a health body that stops matching',
    (n) => (n <= 2 ? OK : { status: 200, body: '{"status":"degraded"}' }),
    () => 0.01,
    `, body-match: '"status":"ok"'`,
    /^health \(P0\): 1 > 0 \(the body does not match \/"status":"ok"\/\) 3 polls in a row; no targets to roll back$/,
  ],
  [
    'a JSON errors API above its threshold for 2s',
    () => OK,
    (n) => (n <= 2 ? 0.01 : 0.2),
    '',
    /^errors-api \(P1\): 0\.2 > 0\.05 for 2s; no targets to roll back$/,
  ],
])(
  '%s fails the verdict; without targets it recommends',
  async (_name, health, errors, extra, headline) => {
    const url = await service(health, errors);
    const result = await runAction({
      env,
      files: { '.github/rollback-policy.yml': probesPolicy(url, extra) },
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      verdict: 'rollback-recommended',
      'rolled-back': 'false',
    });
    const body = JSON.parse(result.outputs.report ?? '{}') as {
      headline: string;
      watch: { polls: number };
    };
    expect(body.headline).toMatch(headline);
    // Stopped at the failure (the third or fourth poll), not at the end of the 30 s window.
    expect(body.watch.polls).toBeLessThanOrEqual(5);
    // The conditions once, then one short line per poll with both values.
    expect(result.stdout).toContain('errors-api (P1, http-json): fails > 0.05 for 2s; reads');
    expect(result.stdout).toMatch(/^\[0s\] ok: health 0, errors-api 0\.01$/m);
    expect(shownText(result)).not.toContain(API_KEY);
    expect(result.masks).toContain(API_KEY);
  },
  60_000,
);

test('a healthy service passes both probes for the window', async () => {
  const url = await service(
    () => OK,
    () => 0.01,
  );
  const policy = probesPolicy(url).replace('window: 30s', 'window: 3s');
  const result = await runAction({ env, files: { '.github/rollback-policy.yml': policy } });
  expect({ exit: result.exitCode, verdict: result.outputs.verdict }).toEqual({
    exit: 0,
    verdict: 'healthy',
  });
  expect(withoutDeadGitHub(result.annotations)).toEqual([]);
  expect(shownText(result)).not.toContain(API_KEY);
}, 60_000);

test('an API key variable the step lacks is named before anything is read', async () => {
  let asked = 0;
  const url = await service(
    () => (asked++, OK),
    () => 0.01,
  );
  const result = await runAction({ files: { '.github/rollback-policy.yml': probesPolicy(url) } });
  expect(result.exitCode).toBe(1);
  expect(result.annotations.map((a) => a.message)).toEqual([
    'rollback-action: .github/rollback-policy.yml: triggers[1].headers-env.DD-API-KEY names the environment variable DD_API_KEY, which is not set in this step (add it under env:)',
  ]);
  expect(asked).toBe(0);
  expect(result.outputs.verdict).toBeUndefined();
}, 60_000);

test('Prometheus over TLS with a private CA (ca-file) and a bearer token', async () => {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const seen: (string | undefined)[] = [];
  server = createTlsServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    seen.push(req.headers.authorization);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, value: [1, '1'] }] },
      }),
    );
  });
  const url = (await listenOnLoopback(server)).replace('http:', 'https:');
  const policy = (ca: string) => `
metrics:
  prometheus: {url: '${url}', bearer-token-env: PROM_TOKEN${ca}}
${POLICY}`;
  const env = { PROM_TOKEN: 's3cret-token' };

  const trusted = await runAction({
    env,
    files: {
      '.github/rollback-policy.yml': policy(', ca-file: certs/ca.pem'),
      'certs/ca.pem': pems.cert,
    },
  });
  expect({ exit: trusted.exitCode, verdict: trusted.outputs.verdict }).toEqual({
    exit: 0,
    verdict: 'healthy',
  });
  expect(seen.length).toBeGreaterThanOrEqual(3);
  expect(new Set(seen)).toEqual(new Set(['Bearer s3cret-token']));
  expect(trusted.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('s3cret-token');

  // Without the CA the certificate is not trusted: no data, inconclusive, nothing else.
  seen.length = 0;
  const untrusted = await runAction({ env, files: { '.github/rollback-policy.yml': policy('') } });
  expect(untrusted.exitCode).toBe(0);
  expect(untrusted.outputs.verdict).toBe('inconclusive');
  expect(untrusted.log).toMatch(
    /Prometheus unreachable at https:\/\/127\.0\.0\.1:\d+\/?: self[- ]signed certificate/,
  );
  expect(seen).toEqual([]);

  // A CA file that is not there is the user's error, named before anything is read.
  const missing = await runAction({
    env,
    files: { '.github/rollback-policy.yml': policy(', ca-file: certs/nope.pem') },
  });
  expect(missing.exitCode).toBe(1);
  expect(missing.annotations.map((a) => a.message)).toEqual([
    "rollback-action: .github/rollback-policy.yml: metrics.prometheus.ca-file 'certs/nope.pem' does not exist",
  ]);
  expect(missing.outputs.verdict).toBeUndefined();
}, 90_000);

test('a quiet service: one 5xx among 3 requests is too few to judge, never a rollback', async () => {
  // A Prometheus stand-in for a service with 3 requests in any window, one of them a 5xx.
  const queries: string[] = [];
  server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '';
    queries.push(query);
    const value = query.includes('code=~"5.."') ? '1' : '3';
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, value: [1, value] }] },
      }),
    );
  });
  const url = await listenOnLoopback(server);
  const policy = `
triggers:
  - name: error-rate
    ratio: {errors: 'http_requests_total{code=~"5.."}', total: 'http_requests_total'}
    above: 0.1
    for: 2s
watch: {window: 4s, interval: 1s}
`;
  const result = await runAction({
    inputs: { 'prometheus-url': url },
    files: { '.github/rollback-policy.yml': policy },
  });
  expect(result.exitCode).toBe(0);
  expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' });
  expect(result.log).toContain(
    '[1s] error-rate has no data: 3 requests in the window, too few to judge (min-requests 10)',
  );
  // Nothing was judged: the step stays green, with a warning that says so.
  expect(result.annotations).toEqual([
    {
      level: 'warning',
      message: expect.stringMatching(
        /^inconclusive: not enough data to judge: error-rate \(no data in \d polls\); nothing was rolled back$/,
      ),
    },
  ]);
  expect(queries.some((q) => q.includes('code=~"5.."'))).toBe(true);

  // The same service with min-requests: 0 (the user's explicit choice) is judged: 33 % fails.
  const judged = await runAction({
    inputs: { 'prometheus-url': url, approval: 'required' },
    files: {
      '.github/rollback-policy.yml': policy.replace('for: 2s', 'for: 2s\n    min-requests: 0'),
    },
  });
  expect(judged.outputs.verdict).toBe('rollback-recommended');
}, 60_000);
