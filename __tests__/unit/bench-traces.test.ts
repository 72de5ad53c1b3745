/**
 * The decision benchmark's trace generator (bench/traces.ts): deterministic for a seed,
 * counters that only grow (but at a pod restart), and each family's traffic as its
 * definition says, measured from the generated counters the way PromQL reads them
 * (increase over a window, histogram_quantile over bucket increases).
 */
import {
  BUCKETS,
  HEALTHY,
  REGIONS,
  REGRESSED,
  WINDOW_SECONDS,
  bucketOf,
  deploySet,
  generate,
  histogramQuantile,
  firstReadable,
  increase,
  informationBound,
  mulberry32,
  plan,
  type DeployPlan,
  type DeployTrace,
  type Family,
} from '../../bench/traces.js';

const SEEDS = [1, 2, 3];
const make = (family: Family, seed: number): DeployTrace => {
  const rng = mulberry32(seed);
  return generate(plan(family, rng), rng);
};
const memo = new Map<string, DeployTrace>();
const traceOf = (family: Family, seed: number): DeployTrace => {
  const key = `${family}/${seed}`;
  const known = memo.get(key);
  if (known) return known;
  const made = make(family, seed);
  memo.set(key, made);
  return made;
};
const each = (families: readonly Family[]) =>
  families.flatMap((family) => SEEDS.map((seed): [Family, number] => [family, seed]));

/** Φ, by Abramowitz and Stegun 7.1.26 (error under 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The quantile histogram_quantile gives for a log-normal of this p95 and σ, with endless requests. */
function expectedQuantile(q: number, p95: number, sigma: number): number {
  const mu = Math.log(p95) - 1.6449 * sigma;
  const cdf = (x: number) => phi((Math.log(x) - mu) / sigma);
  const shares = [...BUCKETS, Infinity].map(
    (le, i) => cdf(le) - (i === 0 ? 0 : cdf(BUCKETS[i - 1] ?? 0)),
  );
  return histogramQuantile(q, shares);
}

const ratioOf = (c: { ok: number; errors: number }) => c.errors / (c.ok + c.errors);
/** Four standard deviations of a ratio measured over `n` requests, and a little for rounding. */
const slack = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n) + 0.001;

test.each([...HEALTHY, ...REGRESSED])('%s: the same seed gives the same trace', (family) => {
  // The plan's functions are closures: compare what they drew and what they generated.
  const [a, b] = [traceOf(family, 1), make(family, 1)];
  expect([a.plan.params, a.plan.gaps, a.plan.reset, a.samples]).toEqual([
    b.plan.params,
    b.plan.gaps,
    b.plan.reset,
    b.samples,
  ]);
  expect(traceOf(family, 2).samples.eu).not.toEqual(a.samples.eu);
});

test('the deploy set spreads 240 healthy and 180 regressed over the families, the same for a seed', () => {
  const set = deploySet(42);
  expect(set).toHaveLength(420);
  expect(deploySet(42)).toEqual(set);
  const count = (f: Family) => set.filter((d) => d.family === f).length;
  expect(HEALTHY.map(count)).toEqual(HEALTHY.map(() => 30));
  expect(REGRESSED.map(count)).toEqual([26, 26, 26, 26, 26, 25, 25]);
  expect(deploySet(43)).not.toEqual(set);
});

test.each(each([...HEALTHY, ...REGRESSED]))(
  '%s (seed %d): counters never decrease, but at a pod restart',
  (family, seed) => {
    const trace = traceOf(family, seed);
    for (const region of REGIONS) {
      const drops: number[] = [];
      trace.samples[region].forEach((s, i) => {
        const before = trace.samples[region][i - 1]?.counters;
        if (!before) return;
        const now = s.counters;
        const values = (c: typeof now) => [c.ok, c.errors, c.sum, ...c.buckets];
        const a = values(before);
        if (values(now).some((v, k) => v < (a[k] ?? 0))) drops.push(s.t);
      });
      const reset = trace.plan.reset;
      const expected =
        reset && reset.region === region
          ? // The first sample after the restart, at most one scrape later.
            drops.filter((t) => t > reset.at && t <= reset.at + 15)
          : [];
      expect(drops).toEqual(expected);
      if (reset && reset.region === region) expect(drops).toHaveLength(1);
    }
  },
);

test.each(each(['scrape gaps']))('scrape gaps (seed %d): no samples inside a gap', (_f, seed) => {
  const trace = traceOf('scrape gaps', seed);
  expect(trace.plan.gaps.length).toBeGreaterThan(0);
  for (const [from, to] of trace.plan.gaps) {
    expect(to - from).toBeGreaterThanOrEqual(60);
    for (const region of REGIONS)
      expect(trace.samples[region].filter((s) => s.t >= from && s.t < to)).toEqual([]);
  }
});

/**
 * What each family's window (after the onset and any warm-up) should show: its error ratio,
 * and the p95 its latency distribution gives through the buckets.
 */
const DEFINED: [
  Family,
  (p: Record<string, number>) => { from: number; errors?: number; p95?: number; sigma?: number },
][] = [
  ['steady', (p) => ({ from: 0, errors: p.errors, p95: p.p95 })],
  ['traffic ramp', (p) => ({ from: 0, errors: p.errors, p95: p.p95 })],
  ['warm-up burst', (p) => ({ from: 60, errors: p.errors, p95: p.p95 })],
  ['scrape gaps', (p) => ({ from: 0, errors: p.errors, p95: p.p95 })],
  ['counter reset', (p) => ({ from: 0, errors: p.errors, p95: p.p95 })],
  ['errors already elevated', (p) => ({ from: 0, errors: p.errors, p95: p.p95 })],
  ['noisy latency', (p) => ({ from: 0, errors: p.errors, p95: p.p95, sigma: 0.8 })],
  ['error ratio ×3', (p) => ({ from: 0, errors: p.to })],
  ['error ratio ×30', (p) => ({ from: 0, errors: p.to })],
  ['delayed onset', (p) => ({ from: p.onset ?? 0, errors: p.to })],
  ['one region only', (p) => ({ from: 0, errors: ((p.to ?? 0) + (p.errors ?? 0)) / 2 })],
  ['latency ×3', (p) => ({ from: 0, errors: p.errors, p95: p.to })],
  ['latency ×7', (p) => ({ from: 0, errors: p.errors, p95: p.to })],
];

test.each(
  DEFINED.flatMap(([family, defined]) =>
    SEEDS.map((seed): [Family, number, typeof defined] => [family, seed, defined]),
  ),
)('%s (seed %d): error ratio and p95 over the window as defined', (family, seed, defined) => {
  const trace = traceOf(family, seed);
  const want = defined(trace.plan.params);
  const seen = increase(trace, want.from, WINDOW_SECONDS);
  const n = seen.ok + seen.errors;
  if (want.errors !== undefined)
    expect(Math.abs(ratioOf(seen) - want.errors)).toBeLessThanOrEqual(slack(want.errors, n));
  if (want.p95 !== undefined) {
    const p95 = histogramQuantile(0.95, seen.buckets);
    // Within 15 %: interpolating inside a bucket as wide as 0.25-0.5 s magnifies sampling noise.
    expect(Math.abs(p95 / expectedQuantile(0.95, want.p95, want.sigma ?? 0.5) - 1)).toBeLessThan(
      0.15,
    );
  }
});

test.each(SEEDS)('very low traffic (seed %d): about 0.4 requests a second', (seed) => {
  const seen = increase(traceOf('very low traffic', seed), 0, WINDOW_SECONDS);
  const n = seen.ok + seen.errors;
  // 360 expected over 15 minutes; Poisson: ±4 standard deviations.
  expect(Math.abs(n - 360)).toBeLessThanOrEqual(4 * Math.sqrt(360));
});

test.each(SEEDS)('slow leak (seed %d): the error ratio climbs minute after minute', (seed) => {
  const trace = traceOf('slow leak', seed);
  const minutes = [1, 5, 10, 15].map((m) => ratioOf(increase(trace, (m - 1) * 60, m * 60)));
  expect([...minutes].sort((a, b) => a - b)).toEqual(minutes);
  expect(minutes[3]).toBeGreaterThan(0.2);
});

test.each(SEEDS)(
  'errors already elevated (seed %d): as many 5xx a minute before as after',
  (seed) => {
    const trace = traceOf('errors already elevated', seed);
    const perMinute = trace.plan.params.perMinute ?? 0;
    const before = increase(trace, -600, 0).errors / 10;
    const after = increase(trace, 0, WINDOW_SECONDS).errors / 15;
    for (const seen of [before, after])
      expect(Math.abs(seen - perMinute)).toBeLessThanOrEqual(4 * Math.sqrt(perMinute / 10));
    expect(perMinute).toBeGreaterThan(100);
  },
);

test.each(each(HEALTHY))(
  '%s (seed %d): below the runbook thresholds after any warm-up',
  (family, seed) => {
    const trace = traceOf(family, seed);
    const before = increase(trace, -600, 0);
    // Every minute after the first (a warm-up lasts at most 30 s), and the window as a whole.
    const windows: [number, number][] = [[60, WINDOW_SECONDS]];
    if (family !== 'very low traffic')
      for (let t = 120; t <= WINDOW_SECONDS; t += 60) windows.push([t - 60, t]);
    for (const [from, to] of windows) {
      const seen = increase(trace, from, to);
      // A minute inside a scrape gap has no data, as in PromQL.
      if (seen.ok + seen.errors === 0) continue;
      expect({ from, errors: ratioOf(seen) < 0.05 }).toEqual({ from, errors: true });
      expect(histogramQuantile(0.95, seen.buckets)).toBeLessThan(1);
      expect(histogramQuantile(0.99, seen.buckets)).toBeLessThan(2);
    }
    const whole = increase(trace, 60, WINDOW_SECONDS);
    expect(histogramQuantile(0.95, whole.buckets)).toBeLessThan(
      1.5 * histogramQuantile(0.95, before.buckets),
    );
  },
);

test.each(each(REGRESSED))('%s (seed %d): breaches a runbook trigger', (family, seed) => {
  const trace = traceOf(family, seed);
  const onset = trace.plan.onset ?? 0;
  const before = increase(trace, -600, 0);
  // The slow leak needs its first minutes to climb; the others breach from the onset.
  const seen = increase(trace, family === 'slow leak' ? 300 : onset, WINDOW_SECONDS);
  const p95 = histogramQuantile(0.95, seen.buckets);
  const breaches = {
    errors: ratioOf(seen) > 0.05,
    p95: p95 > 1,
    relative: p95 > 1.5 * histogramQuantile(0.95, before.buckets),
  };
  const expected: Record<string, Partial<typeof breaches>> = {
    'latency ×3': { p95: false, relative: true },
    'latency ×7': { p95: true, relative: true },
  };
  expect(breaches).toMatchObject(expected[family] ?? { errors: true });
});

test.each<[number[], number, number]>([
  // 100 requests, 95th in the third bucket (0.01-0.025), 5 of 10 into it: 0.0175.
  [[40, 50, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.95, 0.0175],
  // Everything in the first bucket: from 0 to 0.005.
  [[10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.5, 0.0025],
  // The rank in +Inf: the highest finite bound, as PromQL answers.
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9], 0.95, 10],
])('histogramQuantile(%j, %d) = %d', (buckets, q, expected) => {
  expect(histogramQuantile(q, buckets)).toBeCloseTo(expected, 6);
});

test('histogramQuantile of no requests is NaN, as in PromQL', () => {
  expect(histogramQuantile(0.95, new Array<number>(12).fill(0))).toBeNaN();
});

test.each<[number, number]>([
  [0.001, 0],
  [0.005, 0],
  [0.0051, 1],
  [1, 7],
  [10, 10],
  [11, 11],
])('bucketOf(%d) = %d (le is inclusive)', (seconds, bucket) => {
  expect(bucketOf(seconds)).toBe(bucket);
});

describe('the information bound of a regression', () => {
  const PRESET = { settleSeconds: 30, alpha: 0.001, beta: 0.01 };
  /** A deploy at `ratio` errors and `rate` requests a second from `onset` on. */
  const step = (ratio: number, rate: number, onset = 0): DeployPlan => ({
    family: 'error ratio ×3',
    regressed: true,
    onset,
    params: {},
    at: (t) => ({ rate, errorRatio: t >= onset ? ratio : 0.01, p95: 0.25, sigma: 0.5 }),
    gaps: [],
    reset: null,
  });
  // 7.5 % against 5 % carries 0.00574 nats a request: ln(99/0.1) = 6.90 of them takes 1203
  // requests, 60 s at 20 a second, after the 30 s settle.
  test.each<[string, DeployPlan, typeof PRESET, number | undefined]>([
    ['7.5 % at 20 requests/s, from the rollout', step(0.075, 20), PRESET, 91],
    ['the same without a settle', step(0.075, 20), { ...PRESET, settleSeconds: 0 }, 61],
    [
      'the same from 5 minutes after the rollout: no settle to wait',
      step(0.075, 20, 300),
      PRESET,
      61,
    ],
    ['twice the traffic, half the wait', step(0.075, 40), { ...PRESET, settleSeconds: 0 }, 31],
    [
      'a larger alpha decides sooner',
      step(0.075, 20),
      { ...PRESET, settleSeconds: 0, alpha: 0.01 },
      41,
    ],
    ['at the threshold: never', step(0.05, 20), PRESET, undefined],
    ['5.1 % at 1 request/s: not within the window', step(0.051, 1), PRESET, undefined],
  ])('%s', (_name, deploy, options, seconds) => {
    expect(informationBound(deploy, options)).toBe(seconds);
  });
});

// Samples every 15 s, polls every 10 s from the rollout.
test.each<[number, number]>([
  [0, 20], // the sample at 15 s, read at 20 s
  [1, 19],
  [14, 6],
  [15, 15], // the sample at 15 s holds nothing after the onset: the one at 30 s
  [121, 19],
  [299, 1],
])('firstReadable(%d) = %d', (onset, seconds) => {
  expect(firstReadable(onset, 10)).toBe(seconds);
});
