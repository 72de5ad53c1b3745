/**
 * The demo service scraped by the real Prometheus: a bad release's error ratio is visible to a
 * PromQL query within seconds of the rollout, and a backfilled trace can be queried as history.
 */
import { DemoApp, behaviourOfImage } from '../../lab/demo-app/app.js';
import { LoadGenerator } from '../../lab/demo-app/load.js';
import { deployment } from '../../lab/kube-sim/fixtures.js';
import { startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { Prometheus, openMetrics } from '../../lab/prometheus/server.js';

describe('behaviourOfImage', () => {
  test.each([
    ['shop/api:1.0', 0, 5],
    ['shop/api:2.0-bad', 0.25, 5],
    ['shop/api:bad', 0.25, 5],
    ['shop/api:2.0-slow', 0, 1200],
    ['shop/badger:1.0', 0, 5],
    ['shop/api', 0, 5],
  ])('%s', (image, errorRate, latencyMs) => {
    expect(behaviourOfImage(image)).toEqual({ errorRate, latencyMs });
  });
});

describe('demo service and real Prometheus', () => {
  let sim: KubeSim | undefined;
  let app: DemoApp | undefined;
  let prometheus: Prometheus | undefined;
  let load: LoadGenerator | undefined;

  afterEach(async () => {
    load?.stop();
    await prometheus?.stop();
    await app?.close();
    await sim?.close();
  });

  test('a query over the bad release sees its error ratio', async () => {
    sim = await startKubeSim({ podReadyDelayMs: 100 });
    sim.apply(deployment('api', 'shop/api:1.0', { replicas: 4 }));
    await sim.waitFor('Deployment', 'default', 'api', (o) => o.status?.availableReplicas === 4);
    app = await new DemoApp({ sim, deployment: 'api' }).start();
    prometheus = await Prometheus.start({
      targets: [{ job: 'shop-api', address: app.url.replace('http://', '') }],
    });
    load = new LoadGenerator({ url: `${app.url}/`, ratePerSecond: 50, durationMs: 40_000 }).start();

    // A healthy service has no 5xx series at all: `or vector(0)` makes its ratio 0, not empty.
    const ratio =
      '(sum(rate(http_requests_total{job="shop-api",code=~"5.."}[5s])) or vector(0)) / sum(rate(http_requests_total{job="shop-api"}[5s]))';
    const total = 'sum(rate(http_requests_total{job="shop-api"}[5s]))';
    await prometheus.waitFor(total, (s) => Number(s[0]?.value?.[1] ?? 0) > 30);
    expect(await prometheus.query(ratio)).toEqual([
      { metric: {}, value: [expect.any(Number), '0'] },
    ]);

    const imageOf = (o: Record<string, any>): string => o.spec.template.spec.containers[0].image;
    sim.apply(deployment('api', 'shop/api:2.0-bad', { replicas: 4 }));
    await sim.waitFor(
      'Deployment',
      'default',
      'api',
      (o) =>
        imageOf(o) === 'shop/api:2.0-bad' &&
        o.status?.updatedReplicas === 4 &&
        o.status?.replicas === 4 &&
        o.status?.availableReplicas === 4,
    );
    // Every request now lands on a bad pod: the ratio settles near the bad tag's 25 %.
    const samples = await prometheus.waitFor(ratio, (s) => {
      const v = Number(s[0]?.value?.[1] ?? 0);
      return v > 0.15 && v < 0.35;
    });
    expect(Number(samples[0]?.value?.[1])).toBeGreaterThan(0.15);
    const latency = await prometheus.query(
      'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="shop-api"}[5s])))',
    );
    expect(Number(latency[0]?.value?.[1])).toBeLessThan(0.1);
  }, 60_000);

  test('a backfilled trace is served as history by range queries', async () => {
    const start = Math.floor(Date.now() / 1000) - 6 * 3600;
    const points = (perStep: number): [number, number][] =>
      Array.from({ length: 61 }, (_, i) => [start + i * 60, i * perStep]);
    const trace = openMetrics([
      {
        name: 'http_requests_total',
        type: 'counter',
        samples: [
          { labels: { job: 'shop-api', code: '200' }, points: points(600) },
          { labels: { job: 'shop-api', code: '500' }, points: points(60) },
        ],
      },
    ]);
    prometheus = await Prometheus.start({ targets: [], backfill: trace });
    const range = await prometheus.queryRange(
      'sum(rate(http_requests_total{code="500"}[2m])) / sum(rate(http_requests_total[2m]))',
      start + 600,
      start + 1800,
      300,
    );
    expect(range).toHaveLength(1);
    expect(range[0]?.values?.map(([, v]) => Number(v).toFixed(3))).toEqual([
      '0.091',
      '0.091',
      '0.091',
      '0.091',
      '0.091',
    ]);
  }, 60_000);

  test("bad PromQL is reported with Prometheus' own error", async () => {
    prometheus = await Prometheus.start({ targets: [] });
    await expect(prometheus.query('sum(rate(x[5m])')).rejects.toThrow(
      /^prometheus: .*unclosed left parenthesis/,
    );
  }, 30_000);
});
