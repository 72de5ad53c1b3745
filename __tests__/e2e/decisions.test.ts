/**
 * How `preset: runbook` decides, replayed by `mode: backtest` on the real Prometheus holding a
 * backfilled history, at a 10 s poll and a 15 m window: a warm-up burst passes, a quiet
 * service (0.4 requests/s) ends healthy instead of inconclusive, 5xx that were as many before
 * the deploy do not roll it back, a latency regression is caught within a minute as a share
 * of slow requests, and a severe regression still fails at the first poll. Then live: a slow
 * release rolled out in the lab is rolled back in under a minute by its p95.
 */
import { startLab } from '../../lab/lab.js';
import { Prometheus, openMetrics } from '../../lab/prometheus/server.js';
import { Job, runAction } from '../../lab/runner/harness.js';
import { formatTimestamp } from '../../src/time.js';

const MIN = 60;
const STEP = 5; // seconds between backfilled samples
const LES = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** What the service does at one moment: requests/s, error share, latency (log-normal). */
interface Behaviour {
  rps: number;
  errors: number;
  /** Median latency in seconds; the p95 is about 2.3× it. */
  median: number;
}
const NORMAL: Behaviour = { rps: 20, errors: 0.005, median: 0.08 };
const SIGMA = 0.5;

/** Deploys, each with its behaviour before and after (seconds after the deploy → behaviour). */
const DEPLOYS: { name: string; before: Behaviour; after: (t: number) => Behaviour }[] = [
  {
    name: 'warm-up burst',
    before: NORMAL,
    after: (t) => (t < 20 ? { rps: 20, errors: 0.1, median: 0.2 } : NORMAL),
  },
  {
    name: 'quiet service',
    before: { ...NORMAL, rps: 0.4 },
    after: () => ({ ...NORMAL, rps: 0.4 }),
  },
  {
    name: '5xx as many before as after',
    before: { rps: 60, errors: 0.035, median: 0.08 },
    after: () => ({ rps: 60, errors: 0.035, median: 0.08 }),
  },
  { name: 'latency ×5', before: NORMAL, after: () => ({ ...NORMAL, median: 0.4 }) },
  { name: '25 % errors', before: NORMAL, after: () => ({ ...NORMAL, errors: 0.25 }) },
];
const SPACING = 40 * MIN;

/** Φ, the standard normal CDF (Abramowitz and Stegun 7.1.26; error below 1e-7). */
function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return 0.5 * (1 + (z < 0 ? -erf : erf));
}

function behaviourAt(t: number): Behaviour {
  const i = Math.floor(t / SPACING) - 1;
  const deploy = DEPLOYS[i];
  if (!deploy) return NORMAL;
  const since = t - (i + 1) * SPACING;
  // Rolled back by hand 20 minutes after each deploy, before the next one's baseline.
  return since < 0 ? deploy.before : since < 20 * MIN ? deploy.after(since) : deploy.before;
}

/** Counters and histogram buckets, accumulated every STEP seconds as a service exports them. */
function trace(start: number): string {
  const end = (DEPLOYS.length + 1) * SPACING;
  const ok: [number, number][] = [];
  const bad: [number, number][] = [];
  const buckets = [...LES, Infinity].map(() => [] as [number, number][]);
  let okCount = 0;
  let badCount = 0;
  const bucketCounts = buckets.map(() => 0);
  for (let t = 0; t <= end; t += STEP) {
    ok.push([start + t, okCount]);
    bad.push([start + t, badCount]);
    buckets.forEach((points, j) => points.push([start + t, bucketCounts[j] ?? 0]));
    const b = behaviourAt(t);
    const requests = b.rps * STEP;
    okCount += requests * (1 - b.errors);
    badCount += requests * b.errors;
    [...LES, Infinity].forEach((le, j) => {
      const share = le === Infinity ? 1 : phi(Math.log(le / b.median) / SIGMA);
      bucketCounts[j] = (bucketCounts[j] ?? 0) + requests * share;
    });
  }
  return openMetrics([
    {
      name: 'http_requests_total',
      type: 'counter',
      samples: [
        { labels: { job: 'shop-api', code: '200' }, points: ok },
        { labels: { job: 'shop-api', code: '500' }, points: bad },
      ],
    },
    {
      // Buckets are counters too; written as gauges, as OpenMetrics names counters `_total`.
      name: 'http_request_duration_seconds_bucket',
      type: 'gauge',
      samples: [...LES, Infinity].map((le, j) => ({
        labels: { job: 'shop-api', le: le === Infinity ? '+Inf' : String(le) },
        points: buckets[j] ?? [],
      })),
    },
  ]);
}

const POLICY = `
preset: runbook
metrics: {provider: prometheus, selector: 'job="shop-api"'}
watch: {window: 15m, interval: 10s}
`;

test('preset: runbook replayed on warm-up, quiet, noisy-before, slow and severe deploys', async () => {
  const start = Math.floor(Date.now() / 1000 / MIN) * MIN - 5 * 3600;
  const prometheus = await Prometheus.start({ targets: [], backfill: trace(start) });
  try {
    const result = await runAction({
      inputs: {
        mode: 'backtest',
        'prometheus-url': prometheus.url,
        'deploy-times': DEPLOYS.map((_, i) =>
          formatTimestamp((start + (i + 1) * SPACING) * 1000),
        ).join('\n'),
      },
      files: { '.github/rollback-policy.yml': POLICY },
      timeoutMs: 240_000,
    });
    expect({ exit: result.exitCode, errors: result.annotations }).toEqual({ exit: 0, errors: [] });
    const report = JSON.parse(result.outputs.report ?? '{}') as {
      backtest: { deploys: Record<string, unknown>[] };
    };
    const seen = Object.fromEntries(
      report.backtest.deploys.map((d, i) => [
        DEPLOYS[i]?.name,
        [d.verdict, d.trigger, d['after-seconds']],
      ]),
    );
    expect(seen).toEqual({
      'warm-up burst': ['healthy', null, null],
      'quiet service': ['healthy', null, null],
      '5xx as many before as after': ['healthy', null, null],
      // P2, so it settles for 30 s; then 10 s of slow requests are proof.
      'latency ×5': ['would roll back', 'p95-vs-baseline', 40],
      // P0 does not settle: the first poll with traffic decides.
      '25 % errors': ['would roll back', 'error-rate-severe', 10],
    });
  } finally {
    await prometheus.stop();
  }
}, 300_000);

test('live: a slow release is rolled back within a minute by its p95, judged as a share of slow requests', async () => {
  const lab = await startLab({
    contexts: ['eu-west'],
    prometheus: 'required',
    podReadyDelayMs: 200,
  });
  const job = await Job.create();
  try {
    await lab.release('shop/api:1.2');
    await lab.underLoad(50, 150_000);
    const step = (mode: string, extra: Record<string, string> = {}) =>
      job.run({
        inputs: { mode, kubeconfig: '', 'prometheus-url': lab.prometheus?.url ?? '', ...extra },
        files: {
          '.github/rollback-policy.yml': `
targets: [deployment/api]
namespace: shop
preset: runbook
metrics: {selector: 'job="shop-api"'}
watch: {interval: 5s, baseline-window: 30s}
`,
        },
        env: { KUBECONFIG: lab.kubeconfigPath },
        timeoutMs: 150_000,
      });
    expect((await step('capture')).exitCode).toBe(0);
    await lab.release('shop/api:2.0-slow');
    const guarded = await step('guard', { window: '3m' });
    expect(guarded.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
    const body = JSON.parse(guarded.outputs.report ?? '{}') as {
      watch: { 'elapsed-ms': number };
      triggers: { name: string; status: string; detail: string }[];
    };
    // Every request takes 1.2 s: after the 30 s settle, the next poll's counts are proof,
    // where the plain rule would have waited its 10 minutes.
    expect(body.triggers.find((t) => t.name === 'p95-latency')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(
        /^\d+ of \d+ requests slower than 1s: more than 5 % of requests slower than 1s beyond doubt/,
      ),
    });
    expect(body.watch['elapsed-ms']).toBeGreaterThanOrEqual(30_000);
    expect(body.watch['elapsed-ms']).toBeLessThan(60_000);
    expect(guarded.log).toMatch(/^\[\d+s\] .*settling: (.*, )?p95-latency \d/m);
    expect(lab.runningImage()).toBe('shop/api:1.2');
  } finally {
    await job.dispose();
    await lab.stop();
  }
}, 240_000);
