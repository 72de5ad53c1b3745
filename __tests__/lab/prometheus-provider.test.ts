/** The action's Prometheus provider against the real Prometheus scraping the demo service. */
import { createServer } from 'node:http';
import { PrometheusProvider, PrometheusQueryError } from '../../src/metrics/prometheus.js';
import { runbookTriggers } from '../../src/policy/presets.js';
import { DemoApp } from '../../lab/demo-app/app.js';
import { LoadGenerator } from '../../lab/demo-app/load.js';
import { deployment, imageOf, settled } from '../../lab/kube-sim/fixtures.js';
import { startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { Prometheus } from '../../lab/prometheus/server.js';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';

describe('PrometheusProvider with the real Prometheus', () => {
  let sim: KubeSim;
  let app: DemoApp;
  let prometheus: Prometheus;
  let load: LoadGenerator;
  let provider: PrometheusProvider;
  let since: number;

  beforeAll(async () => {
    sim = await startKubeSim({ podReadyDelayMs: 50 });
    sim.apply(deployment('api', 'shop/api:2.0-bad', { replicas: 2 }));
    await sim.waitFor(
      'Deployment',
      'default',
      'api',
      (o) => settled(o) && imageOf(o) === 'shop/api:2.0-bad',
    );
    app = await new DemoApp({ sim, deployment: 'api' }).start();
    prometheus = await Prometheus.start({
      targets: [{ job: 'shop-api', address: app.url.replace('http://', '') }],
    });
    since = Date.now();
    load = new LoadGenerator({ url: `${app.url}/`, ratePerSecond: 50, durationMs: 30_000 }).start();
    provider = new PrometheusProvider({ url: prometheus.url, timeoutMs: 5000 });
    await prometheus.waitFor(
      'sum(increase(http_requests_total{job="shop-api"}[30s]))',
      (s) => Number(s[0]?.value?.[1] ?? 0) > 200,
    );
  }, 60_000);

  afterAll(async () => {
    load.stop();
    await prometheus.stop();
    await app.close();
    await sim.close();
  });

  test('a ratio reads the recent error share and the counts since the watch began', async () => {
    const reading = await provider.read(
      {
        ratio: {
          errors: 'http_requests_total{job="shop-api",code=~"5.."}',
          total: 'http_requests_total{job="shop-api"}',
        },
      },
      { now: Date.now(), since, intervalMs: 5000 },
    );
    expect(reading.value).toBeGreaterThan(0.12);
    expect(reading.value).toBeLessThan(0.4);
    expect(reading.windowTotal).toBeGreaterThan(100);
    expect(reading.total).toBeGreaterThan(100);
    expect((reading.errors ?? 0) / (reading.total ?? 1)).toBeGreaterThan(0.1);
  });

  test('a query reads its single value; a vector of several series gives each with its labels', async () => {
    const p95 = await provider.read(
      {
        query:
          'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="shop-api"}[30s])))',
      },
      { now: Date.now(), since, intervalMs: 5000 },
    );
    expect(p95.value).toBeGreaterThan(0);
    expect(p95.value).toBeLessThan(0.1);
    const several = await provider.read(
      { query: 'http_requests_total{job="shop-api"}' },
      { now: Date.now(), since, intervalMs: 5000 },
    );
    // Each series is judged on its own (analysis/series.ts): never "no data" for being many.
    expect(several.value).toBeUndefined();
    expect(several.reason).toBeUndefined();
    expect(several.series?.length).toBeGreaterThan(1);
    expect(several.series?.every((s) => s.labels.job === 'shop-api')).toBe(true);
  });

  test.each([
    ['an empty result', 'http_requests_total{job="nope"}', /^empty result \(query: /],
    ['NaN', 'sum(rate(http_requests_total{job="nope"}[1m])) / 0 or vector(0/0)', /^NaN \(query: /],
    ['+Inf', 'vector(1/0)', /^\+Inf \(query: /],
  ])('%s is no data', async (_name, query, reason) => {
    const reading = await provider.read({ query }, { now: Date.now(), since, intervalMs: 5000 });
    expect(reading.value).toBeUndefined();
    expect(reading.reason).toMatch(reason);
  });

  test("bad PromQL: Prometheus' own error, with the query, in the preflight and as a reason", async () => {
    const window = { now: Date.now(), since, intervalMs: 5000 };
    expect(await provider.check({ query: 'sum(rate(x[5m])' }, window)).toEqual({
      level: 'error',
      message: expect.stringMatching(
        /^bad_data: .*unclosed left parenthesis.* \(query: sum\(rate\(x\[5m\]\)\)$/,
      ) as string,
    });
    await expect(provider.instant('sum(', Date.now())).rejects.toThrow(PrometheusQueryError);
    expect(await provider.check({ query: 'up{job="shop-api"}' }, window)).toBeUndefined();
  });

  test.each([
    // The service's own series are there, just none of this kind yet: a warning.
    [
      'a query that finds nothing yet warns',
      { query: 'sum(http_requests_total{job="shop-api",code="418"})' },
      'warning',
      /^empty result/,
    ],
    // The selector names a service Prometheus does not have: the capture stops, naming it.
    [
      'a selector that matches no series is an error naming the label values there are',
      { query: 'up{job="typo"}' },
      'error',
      /^no series match up\{job="typo"\}; up has series with job="shop-api": check the selector$/,
    ],

    [
      'a ratio whose requests do not exist at all is an error',
      { ratio: { errors: 'x_total{code="500"}', total: 'x_total' } },
      'error',
      /^no series match x_total: Prometheus has no series named x_total at all$/,
    ],
    [
      'a ratio with bad PromQL in its errors is an error',
      { ratio: { errors: 'x_total{code=', total: 'http_requests_total' } },
      'error',
      /^bad_data: /,
    ],
  ])('preflight: %s', async (_name, query, level, message) => {
    const window = { now: Date.now(), since, intervalMs: 5000 };
    expect(await provider.check(query, window)).toEqual({
      level,
      message: expect.stringMatching(message) as string,
    });
  });

  test('several series are read each with its labels, and are fine at preflight', async () => {
    const window = { now: Date.now(), since, intervalMs: 5000 };
    const query = { query: 'sum by (code) (http_requests_total{job="shop-api"})' };
    expect(await provider.check(query, window)).toBeUndefined();
    const reading = await provider.read(query, window);
    expect(reading.value).toBeUndefined();
    expect(reading.series?.map((s) => s.labels.code).sort()).toEqual(['200', '500']);
  });

  test('preflight: a ratio without any error series yet is fine (no errors is normal)', async () => {
    const window = { now: Date.now(), since, intervalMs: 5000 };
    expect(
      await provider.check(
        {
          ratio: {
            errors: 'http_requests_total{job="shop-api",code="418"}',
            total: 'http_requests_total{job="shop-api"}',
          },
        },
        window,
      ),
    ).toBeUndefined();
  });

  test('range queries and baselines read history', async () => {
    const end = Date.now();
    const range = await provider.range('sum(up{job="shop-api"})', end - 10_000, end, 1000);
    expect('values' in range && range.values.length).toBeGreaterThanOrEqual(3);
    expect('values' in range && range.values.every(([, v]) => v === 1)).toBe(true);
    expect(await provider.baseline({ query: 'sum(up{job="shop-api"})' }, end, 5_000)).toEqual({
      value: 1,
    });
    const ratio = await provider.baseline(
      {
        ratio: {
          errors: 'http_requests_total{job="shop-api",code=~"5.."}',
          total: 'http_requests_total{job="shop-api"}',
        },
      },
      end,
      10_000,
    );
    expect(ratio.value).toBeGreaterThan(0.1);
    expect(ratio.value).toBeLessThan(0.4);
    expect(await provider.baseline({ query: 'up{job="typo"}' }, end, 5_000)).toEqual({
      reason: 'no history (query: up{job="typo"})',
    });
  });

  test('every query of the runbook preset is valid PromQL and reads a value from the demo service', async () => {
    const window = { now: Date.now(), since, intervalMs: 5000 };
    for (const trigger of runbookTriggers('job="shop-api"')) {
      const reading = await provider.read({ query: trigger.query, ratio: trigger.ratio }, window);
      expect({ trigger: trigger.name, reason: reading.reason }).toEqual({
        trigger: trigger.name,
        reason: undefined,
      });
      expect(Number.isFinite(reading.value)).toBe(true);
    }
  });

  test('an unreachable Prometheus is no data, never a failure; at preflight it is an error', async () => {
    const gone = new PrometheusProvider({ url: 'http://127.0.0.1:9', timeoutMs: 1000 });
    const window = { now: Date.now(), since, intervalMs: 5000 };
    const unreachable = /^Prometheus unreachable at http:\/\/127\.0\.0\.1:9: /;
    expect(await gone.read({ query: 'up' }, window)).toMatchObject({
      reason: expect.stringMatching(unreachable) as string,
    });
    expect(await gone.check({ query: 'up' }, window)).toEqual({
      level: 'error',
      message: expect.stringMatching(unreachable) as string,
    });
  });
});

describe('PrometheusProvider credentials and headers', () => {
  test.each([
    [{ bearerToken: 's3cret' }, 'Bearer s3cret'],
    [
      { basicAuth: { username: 'u', password: 'p' } },
      `Basic ${Buffer.from('u:p').toString('base64')}`,
    ],
  ])('%j', async (auth, expected) => {
    const seen: Record<string, string | undefined>[] = [];
    const server = createServer((req, res) => {
      seen.push({
        authorization: req.headers.authorization,
        tenant: req.headers['x-scope-orgid'] as string | undefined,
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          status: 'success',
          data: { resultType: 'vector', result: [{ metric: {}, value: [1, '0.5'] }] },
        }),
      );
    });
    const url = await listenOnLoopback(server);
    try {
      const provider = new PrometheusProvider({
        url,
        headers: { 'X-Scope-OrgID': 'shop' },
        ...auth,
      });
      expect(
        await provider.read(
          { query: 'up' },
          { now: Date.now(), since: Date.now(), intervalMs: 1000 },
        ),
      ).toMatchObject({ value: 0.5 });
      expect(seen).toEqual([{ authorization: expected, tenant: 'shop' }]);
    } finally {
      await closeServer(server);
    }
  });
});
