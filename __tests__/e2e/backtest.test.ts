/**
 * mode: backtest through the runner harness against the real Prometheus holding a backfilled
 * trace of four deploys: a good one, a severe regression (20 % errors), a borderline one
 * (5.5 %, which must wait for its `for`), and one below the threshold (3 %). The replayed
 * verdicts, and when each would have come, are known in advance.
 */
import { Prometheus, openMetrics } from '../../lab/prometheus/server.js';
import { runAction } from '../../lab/runner/harness.js';
import { formatTimestamp } from '../../src/time.js';
import { mergeDeploys } from '../../src/modes/backtest.js';

const MIN = 60;
const STEP = 15; // seconds between backfilled samples
const RATE = 10; // requests per second
/** Error share from each time (seconds after the trace's start) on. */
const PHASES: [number, number][] = [
  [0, 0.005],
  [60 * MIN, 0.2], // deploy 2: severe
  [75 * MIN, 0.005], // rolled back by hand
  [90 * MIN, 0.055], // deploy 3: borderline
  [120 * MIN, 0.03], // deploy 4: below the threshold
];
const DEPLOYS = [30 * MIN, 60 * MIN, 90 * MIN, 120 * MIN];

const POLICY = `
metrics: {provider: prometheus}
triggers:
  - name: error-rate
    ratio:
      errors: http_requests_total{job="shop-api",code=~"5.."}
      total: http_requests_total{job="shop-api"}
    above: 0.05
    for: 5m
    severity: P1
  - name: error-rate-severe
    ratio:
      errors: http_requests_total{job="shop-api",code=~"5.."}
      total: http_requests_total{job="shop-api"}
    above: 0.1
    for: 1m
    severity: P0
watch:
  window: 10m
  interval: 30s
`;

/** Counters of 200s and 500s every STEP seconds for 150 minutes from `start`. */
function trace(start: number): string {
  const ok: [number, number][] = [];
  const bad: [number, number][] = [];
  let okCount = 0;
  let badCount = 0;
  for (let t = 0; t <= 150 * MIN; t += STEP) {
    ok.push([start + t, Math.round(okCount)]);
    bad.push([start + t, Math.round(badCount)]);
    const share = PHASES.filter(([from]) => from <= t).at(-1)?.[1] ?? 0;
    okCount += RATE * STEP * (1 - share);
    badCount += RATE * STEP * share;
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
  ]);
}

test.each<[string, [number, string][], number[]]>([
  [
    'nothing to merge',
    [
      [0, 'a'],
      [100_000, 'a'],
    ],
    [0, 100_000],
  ],
  [
    'regions within a poll are one deploy',
    [
      [0, 'eu api'],
      [5_000, 'us api'],
      [100_000, 'eu api'],
      [101_000, 'us api'],
    ],
    [0, 100_000],
  ],
  [
    'order does not matter',
    [
      [100_000, 'a'],
      [0, 'a'],
    ],
    [0, 100_000],
  ],
  [
    'exactly one interval apart stays two',
    [
      [0, 'a'],
      [30_000, 'b'],
    ],
    [0, 30_000],
  ],
  [
    'two revisions of one target are two deploys, however close',
    [
      [0, 'a'],
      [1_000, 'a'],
    ],
    [0, 1_000],
  ],
  [
    'a third region joins the same deploy',
    [
      [0, 'a'],
      [1_000, 'b'],
      [2_000, 'c'],
    ],
    [0],
  ],
])('mergeDeploys: %s', (_name, found, expected) => {
  expect(
    mergeDeploys(
      found.map(([at, target]) => ({ at, target })),
      30_000,
    ).map((d) => d.at),
  ).toEqual(expected);
});

test('a backfilled history is replayed with the expected verdicts and times', async () => {
  const start = Math.floor(Date.now() / 1000 / MIN) * MIN - 4 * 3600;
  const prometheus = await Prometheus.start({ targets: [], backfill: trace(start) });
  try {
    const result = await runAction({
      inputs: {
        mode: 'backtest',
        'prometheus-url': prometheus.url,
        'deploy-times': DEPLOYS.map((t) => formatTimestamp((start + t) * 1000)).join('\n'),
      },
      files: { '.github/rollback-policy.yml': POLICY },
      timeoutMs: 120_000,
    });
    expect({ exit: result.exitCode, errors: result.annotations }).toEqual({ exit: 0, errors: [] });
    const report = JSON.parse(result.outputs.report ?? '{}') as {
      backtest: { deploys: Record<string, unknown>[] };
    };
    const seen = report.backtest.deploys.map((d) => ({
      verdict: d.verdict,
      after: d['after-seconds'],
      trigger: d.trigger,
      severity: d.severity,
    }));
    expect(seen).toEqual([
      { verdict: 'healthy', after: null, trigger: null, severity: null },
      // 20 %: both sequential tests are sure at the first poll with 30 s of traffic.
      { verdict: 'would roll back', after: 30, trigger: 'error-rate-severe', severity: 'P0' },
      // 5.5 %: breaching from the first poll with traffic after the deploy (30 s), failing
      // when that has lasted its 5 minutes; never early.
      { verdict: 'would roll back', after: 330, trigger: 'error-rate', severity: 'P1' },
      { verdict: 'healthy', after: null, trigger: null, severity: null },
    ]);
    expect(report.backtest.deploys[0]).toMatchObject({
      at: formatTimestamp((start + (DEPLOYS[0] ?? 0)) * 1000),
      source: 'given',
      'replayed-seconds': 600,
      partial: false,
    });
    expect(result.summary).toContain('The policy would have rolled back 2 of them.');
  } finally {
    await prometheus.stop();
  }
}, 120_000);

test('a deploy cut short by the next one is inconclusive, never healthy on 90 s of a 10 m window', async () => {
  const start = Math.floor(Date.now() / 1000 / MIN) * MIN - 4 * 3600;
  const prometheus = await Prometheus.start({ targets: [], backfill: trace(start) });
  try {
    // In the 3 % phase: below the threshold while it lasts, but only 90 s of it are replayed.
    const first = start + 120 * MIN;
    const result = await runAction({
      inputs: {
        mode: 'backtest',
        'prometheus-url': prometheus.url,
        'deploy-times': [first, first + 90].map((t) => formatTimestamp(t * 1000)).join('\n'),
      },
      files: { '.github/rollback-policy.yml': POLICY },
      timeoutMs: 120_000,
    });
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.outputs.report ?? '{}') as {
      backtest: { deploys: Record<string, unknown>[] };
    };
    expect(report.backtest.deploys.map((d) => [d.verdict, d['replayed-seconds']])).toEqual([
      ['inconclusive', 90],
      ['healthy', 600],
    ]);
    expect(report.backtest.deploys[0]?.detail).toBe(
      'only 1m30s of the 10m window could be replayed (the next deploy came first): too little to call it healthy',
    );
    expect(result.summary).toContain('inconclusive (partial: 90s replayed)');
  } finally {
    await prometheus.stop();
  }
}, 120_000);

test('deploy times in the future are refused with one line, nothing replayed', async () => {
  const result = await runAction({
    inputs: {
      mode: 'backtest',
      'prometheus-url': 'http://127.0.0.1:9',
      'deploy-times': '2999-01-01T00:00:00Z',
    },
    files: { '.github/rollback-policy.yml': POLICY },
  });
  expect(result.exitCode).toBe(1);
  expect(result.annotations.map((a) => a.message)).toEqual([
    "rollback-action: input 'deploy-times': 2999-01-01T00:00:00Z is in the future",
  ]);
});
