/**
 * Deploys of known truth for the decision benchmark: a seeded generator of request traffic
 * before and after a rollout, in the shape a real service exports it (a request counter by
 * `code` and a latency histogram with the client libraries' default buckets, per region),
 * for healthy families (that must not roll back) and regressed ones (that must, from a known
 * onset). Requests are drawn one by one: a count per 5 s slice (Poisson), each an error or
 * not (Bernoulli), each with a log-normal duration counted into its bucket, so the
 * histogram moves as real requests move it. Samples are kept every 15 s (a usual scrape
 * interval). Pure: no I/O, no clock, the same seed gives the same traces.
 */

/** The default buckets of the Prometheus client libraries (seconds); `+Inf` is implied. */
export const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
export const SCRAPE_SECONDS = 15;
/** Requests are generated per slice, so a burst of 10 s is 10 s, not a whole scrape. */
export const SLICE_SECONDS = 5;
/** Each deploy's stretch of time: history for the baseline, the rollout, the watch window. */
export const BEFORE_SECONDS = 12 * 60;
export const WINDOW_SECONDS = 15 * 60;
export const AFTER_SECONDS = 3 * 60;
export const SEGMENT_SECONDS = BEFORE_SECONDS + WINDOW_SECONDS + AFTER_SECONDS;
export const REGIONS = ['eu', 'us'] as const;
export type Region = (typeof REGIONS)[number];
/** The log-normal's shape: p95 is the median × e^(1.645 σ). */
const SIGMA = 0.5;
const Z95 = 1.6449;

export const HEALTHY = [
  'steady',
  'traffic ramp',
  'very low traffic',
  'warm-up burst',
  'scrape gaps',
  'counter reset',
  'errors already elevated',
  'noisy latency',
] as const;
export const REGRESSED = [
  'error ratio ×3',
  'error ratio ×30',
  'delayed onset',
  'slow leak',
  'latency ×3',
  'latency ×7',
  'one region only',
] as const;
export type Family = (typeof HEALTHY)[number] | (typeof REGRESSED)[number];

export function isRegressed(family: Family): boolean {
  return (REGRESSED as readonly string[]).includes(family);
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; one per deploy, so deploys are independent. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const uniform = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng();
function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng(); p > limit; p *= rng()) k++;
  return k;
}

/** What one region serves at one moment: the truth the samples are drawn from. */
export interface Conditions {
  /** Requests per second. */
  rate: number;
  errorRatio: number;
  /** The p95 of the log-normal request duration (seconds); p99 is 1.4× it. */
  p95: number;
  /** σ of the log-normal (0.5 unless the family is noisy). */
  sigma: number;
}

/** A deploy's definition: conditions in each region at `t` seconds after the rollout. */
export interface DeployPlan {
  family: Family;
  regressed: boolean;
  /** Seconds after the rollout at which the regression starts (the truth for time to detect). */
  onset: number | null;
  /** Drawn parameters, for the report and the tests. */
  params: Record<string, number>;
  at: (t: number, region: Region) => Conditions;
  /** [from, to) seconds after the rollout without samples (scrape gaps). */
  gaps: [number, number][];
  /** Seconds after the rollout at which a pod restart zeroes one region's counters. */
  reset: { at: number; region: Region } | null;
}

/**
 * The families, each from its definition (ranges are drawn per deploy):
 * baseline traffic 10-30 requests/s over two regions, errors 0.2-1 %, p95 0.2-0.3 s.
 */
export function plan(family: Family, rng: Rng): DeployPlan {
  const rate = uniform(rng, 10, 30);
  const errors = uniform(rng, 0.002, 0.01);
  const p95 = uniform(rng, 0.2, 0.3);
  const base: Conditions = { rate, errorRatio: errors, p95, sigma: SIGMA };
  const same = () => base;
  const healthy = (
    params: Record<string, number>,
    at: DeployPlan['at'] = same,
    extra: Partial<DeployPlan> = {},
  ): DeployPlan => ({
    family,
    regressed: false,
    onset: null,
    params: { rate, errors, p95, ...params },
    at,
    gaps: [],
    reset: null,
    ...extra,
  });
  const regressed = (
    onset: number,
    params: Record<string, number>,
    at: DeployPlan['at'],
  ): DeployPlan => ({
    family,
    regressed: true,
    onset,
    params: { rate, errors, p95, ...params },
    at,
    gaps: [],
    reset: null,
  });
  const after = (t: number, from: number, c: Conditions, then: Partial<Conditions>) =>
    t >= from ? { ...c, ...then } : c;
  switch (family) {
    case 'steady':
      return healthy({});
    case 'traffic ramp': {
      // From the rollout, traffic grows (or falls) linearly to 3× (or ⅓) over the window.
      const to = rng() < 0.5 ? 3 : 1 / 3;
      return healthy({ to }, (t) => ({
        ...base,
        rate: t < 0 ? rate : rate * (1 + (to - 1) * Math.min(1, t / WINDOW_SECONDS)),
      }));
    }
    case 'very low traffic':
      return healthy({ rate: 0.4 }, () => ({ ...base, rate: 0.4 }));
    case 'warm-up burst': {
      // The first 10-30 s after the rollout: errors 6-12 %, or p95 2-3×, or both; then normal.
      const lasts = uniform(rng, 10, 30);
      const kind = Math.floor(rng() * 3);
      const burstErrors = kind !== 1 ? uniform(rng, 0.06, 0.12) : errors;
      const burstP95 = kind !== 0 ? p95 * uniform(rng, 2, 3) : p95;
      return healthy({ lasts, burstErrors, burstP95 }, (t) =>
        t >= 0 && t < lasts ? { ...base, errorRatio: burstErrors, p95: burstP95 } : base,
      );
    }
    case 'scrape gaps': {
      // One or two stretches of 60-120 s without samples in the window.
      const gaps: [number, number][] = [];
      const count = 1 + Math.floor(rng() * 2);
      for (let i = 0; i < count; i++) {
        const from = Math.round(uniform(rng, 30 + i * 420, 300 + i * 420));
        gaps.push([from, from + Math.round(uniform(rng, 60, 120))]);
      }
      return healthy({ gaps: count }, same, { gaps });
    }
    case 'counter reset': {
      // A pod restart 1-12 min after the rollout: one region's counters start again from 0.
      const at = Math.round(uniform(rng, 60, 720));
      return healthy({ resetAt: at }, same, {
        reset: { at, region: rng() < 0.5 ? 'eu' : 'us' },
      });
    }
    case 'errors already elevated': {
      // 2.5-3.5 % errors and 110-130 server errors a minute, before the deploy and after.
      const ratio = uniform(rng, 0.025, 0.035);
      const perMinute = uniform(rng, 110, 130);
      const busy = perMinute / 60 / ratio;
      return healthy({ rate: busy, errors: ratio, perMinute }, () => ({
        ...base,
        rate: busy,
        errorRatio: ratio,
      }));
    }
    case 'noisy latency': {
      // A wider spread (σ 0.8) and a p95 of 0.35-0.5 s, before and after: p99 under 1 s.
      const noisy = uniform(rng, 0.35, 0.5);
      return healthy({ p95: noisy }, () => ({ ...base, p95: noisy, sigma: 0.8 }));
    }
    case 'error ratio ×3': {
      // 2-3 % before, three times that from the rollout: 6-9 %, over the runbook's 5 %.
      const before = uniform(rng, 0.02, 0.03);
      return regressed(0, { errors: before, to: before * 3 }, (t) =>
        after(t, 0, { ...base, errorRatio: before }, { errorRatio: before * 3 }),
      );
    }
    case 'error ratio ×30': {
      // 0.3-0.8 % before, 30 times that from the rollout: 9-24 %.
      const before = uniform(rng, 0.003, 0.008);
      return regressed(0, { errors: before, to: before * 30 }, (t) =>
        after(t, 0, { ...base, errorRatio: before }, { errorRatio: before * 30 }),
      );
    }
    case 'delayed onset': {
      // Healthy for 2-5 minutes after the rollout, then 20-30 % errors.
      const onset = Math.round(uniform(rng, 120, 300));
      const to = uniform(rng, 0.2, 0.3);
      return regressed(onset, { onset, to }, (t) => after(t, onset, base, { errorRatio: to }));
    }
    case 'slow leak': {
      // From the rollout the error ratio climbs by 2-4 points a minute (5 % within 1-3 min).
      // Below the runbook's 5 % it is no regression yet: the truth for time to detect is the
      // moment it crosses 5 %, not the rollout.
      const slope = uniform(rng, 0.02, 0.04) / 60;
      const crossing = Math.ceil((0.05 - errors) / slope);
      return regressed(crossing, { perMinute: slope * 60 }, (t) =>
        t < 0 ? base : { ...base, errorRatio: Math.min(0.5, errors + slope * t) },
      );
    }
    case 'latency ×3':
      // p95 0.2-0.3 s → 0.6-0.9 s: only the +50 % over the baseline breaches.
      return regressed(0, { to: p95 * 3 }, (t) => after(t, 0, base, { p95: p95 * 3 }));
    case 'latency ×7':
      // p95 0.2-0.3 s → 1.4-2.1 s, p99 2-2.9 s.
      return regressed(0, { to: p95 * 7 }, (t) => after(t, 0, base, { p95: p95 * 7 }));
    case 'one region only': {
      // One of two regions (half the traffic each) goes to 20-30 % errors: 10-15 % overall.
      const region: Region = rng() < 0.5 ? 'eu' : 'us';
      const to = uniform(rng, 0.2, 0.3);
      return regressed(0, { to, region: region === 'eu' ? 0 : 1 }, (t, r) =>
        r === region ? after(t, 0, base, { errorRatio: to }) : base,
      );
    }
  }
}

/** Cumulative counters of one region at one moment. */
export interface Counters {
  ok: number;
  errors: number;
  /** Per bucket, not cumulative; the last is `+Inf`. */
  buckets: number[];
  sum: number;
}

/** One region's samples: what a scrape at `t` (seconds after the rollout) read. */
export interface Sample {
  t: number;
  counters: Counters;
}

export interface DeployTrace {
  plan: DeployPlan;
  /** Per region, the samples from BEFORE_SECONDS before the rollout to AFTER_SECONDS after the window. */
  samples: Record<Region, Sample[]>;
}

const zero = (): Counters => ({
  ok: 0,
  errors: 0,
  buckets: new Array<number>(BUCKETS.length + 1).fill(0),
  sum: 0,
});
const copy = (c: Counters): Counters => ({ ...c, buckets: [...c.buckets] });

/** The bucket a duration falls in (`le` is inclusive, as the client libraries count). */
export function bucketOf(seconds: number): number {
  const i = BUCKETS.findIndex((le) => seconds <= le);
  return i === -1 ? BUCKETS.length : i;
}

/**
 * A deploy's samples, continuing from `start` (the counters the previous deploy of the same
 * series left), drawn from `rng`. Counters only grow, except at the plan's reset.
 */
export function generate(
  deployPlan: DeployPlan,
  rng: Rng,
  start: Record<Region, Counters> = { eu: zero(), us: zero() },
): DeployTrace {
  const samples: Record<Region, Sample[]> = { eu: [], us: [] };
  for (const region of REGIONS) {
    let c = copy(start[region]);
    for (let t = -BEFORE_SECONDS; t < WINDOW_SECONDS + AFTER_SECONDS; t += SLICE_SECONDS) {
      const reset = deployPlan.reset;
      if (
        reset &&
        reset.region === region &&
        t === Math.floor(reset.at / SLICE_SECONDS) * SLICE_SECONDS
      )
        c = zero();
      const cond = deployPlan.at(t + SLICE_SECONDS / 2, region);
      // Half the traffic in each region.
      const n = poisson(rng, (cond.rate / REGIONS.length) * SLICE_SECONDS);
      const mu = Math.log(cond.p95) - Z95 * cond.sigma;
      for (let i = 0; i < n; i++) {
        if (rng() < cond.errorRatio) c.errors++;
        else c.ok++;
        const seconds = Math.exp(mu + cond.sigma * normal(rng));
        const k = bucketOf(seconds);
        c.buckets[k] = (c.buckets[k] ?? 0) + 1;
        c.sum += seconds;
      }
      const next = t + SLICE_SECONDS;
      const gap = deployPlan.gaps.some(([from, to]) => next >= from && next < to);
      if (next % SCRAPE_SECONDS === 0 && !gap) samples[region].push({ t: next, counters: copy(c) });
    }
  }
  return { plan: deployPlan, samples };
}

/** The counters at the end of a trace, for the next deploy of the same series to continue from. */
export function lastCounters(trace: DeployTrace): Record<Region, Counters> {
  const end = (r: Region) => trace.samples[r].at(-1)?.counters ?? zero();
  return { eu: end('eu'), us: end('us') };
}

/**
 * The quantile of a histogram's bucket increases the way PromQL's histogram_quantile computes
 * it: the bucket where the rank falls, linear interpolation inside it (from 0 for the first),
 * and the highest finite bound when the rank lands in `+Inf`.
 */
export function histogramQuantile(q: number, buckets: readonly number[]): number {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return NaN;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < buckets.length; i++) {
    const count = buckets[i] ?? 0;
    if (below + count >= rank && count > 0) {
      if (i === BUCKETS.length) return BUCKETS[BUCKETS.length - 1] ?? NaN;
      const lower = i === 0 ? 0 : (BUCKETS[i - 1] ?? 0);
      const upper = BUCKETS[i] ?? 0;
      return lower + (upper - lower) * ((rank - below) / count);
    }
    below += count;
  }
  return BUCKETS[BUCKETS.length - 1] ?? NaN;
}

/**
 * How much each counter grew from `from` to `to` seconds after the rollout, summed over the
 * regions, the way rate() sees it: a drop is a reset, after which the new value is the growth.
 */
export function increase(trace: DeployTrace, from: number, to: number): Counters {
  const total = zero();
  for (const region of REGIONS) {
    const inside = trace.samples[region].filter((s) => s.t >= from && s.t <= to);
    for (let i = 1; i < inside.length; i++) {
      const a = inside[i - 1]?.counters;
      const b = inside[i]?.counters;
      if (!a || !b) continue;
      const grew = (x: number, y: number) => (y >= x ? y - x : y);
      total.ok += grew(a.ok, b.ok);
      total.errors += grew(a.errors, b.errors);
      total.sum += grew(a.sum, b.sum);
      b.buckets.forEach(
        (v, k) => (total.buckets[k] = (total.buckets[k] ?? 0) + grew(a.buckets[k] ?? 0, v)),
      );
    }
  }
  return total;
}

/** A benchmark's deploys: `healthy` and `regressed` spread evenly over the families, in a seeded order. */
export function deploySet(
  seed: number,
  healthy = 240,
  regressed = 180,
): { family: Family; seed: number }[] {
  const spread = (families: readonly Family[], count: number) =>
    families.flatMap((family, i) =>
      Array.from(
        { length: Math.floor(count / families.length) + (i < count % families.length ? 1 : 0) },
        () => family,
      ),
    );
  const rng = mulberry32(seed);
  const all = [...spread(HEALTHY, healthy), ...spread(REGRESSED, regressed)].map((family) => ({
    family,
    seed: Math.floor(rng() * 2 ** 32),
  }));
  // Shuffled (Fisher-Yates), so no series holds one family only.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [all[i], all[j]] = [all[j] as (typeof all)[number], all[i] as (typeof all)[number]];
  }
  return all;
}

/**
 * The fewest seconds after the onset at which any sequential test with false-alarm
 * probability `alpha` can tell a deploy's error ratio from `p0`: the time at which the
 * information its requests carry (each request the Kullback-Leibler divergence of the ratio
 * from p0), counted after the settle, reaches Wald's ln((1-β)/α). An average, not a
 * guarantee: a test decides on the requests it draws. Undefined beyond the window.
 */
export function informationBound(
  deploy: DeployPlan,
  {
    settleSeconds,
    alpha,
    beta,
    p0 = 0.05,
  }: { settleSeconds: number; alpha: number; beta: number; p0?: number },
): number | undefined {
  const need = Math.log((1 - beta) / alpha);
  const onset = deploy.onset ?? 0;
  let information = 0;
  for (let t = Math.max(onset, settleSeconds); t < WINDOW_SECONDS; t++) {
    const now = REGIONS.map((region) => deploy.at(t, region));
    const rate = now.reduce((sum, c) => sum + c.rate / REGIONS.length, 0);
    const p = now.reduce((sum, c) => sum + (c.errorRatio * c.rate) / REGIONS.length, 0) / rate;
    if (p > p0)
      information += rate * (p * Math.log(p / p0) + (1 - p) * Math.log((1 - p) / (1 - p0)));
    if (information >= need) return t + 1 - onset;
  }
  return undefined;
}

/**
 * Seconds from an onset to the first poll that can read a sample taken after it: samples come
 * every SCRAPE_SECONDS and the watch polls every `pollSeconds` from the rollout, so no rule,
 * however sure, can decide sooner (live, with 1 s scrapes, the lag is a second or two).
 */
export function firstReadable(onset: number, pollSeconds: number): number {
  const sample = (Math.floor(onset / SCRAPE_SECONDS) + 1) * SCRAPE_SECONDS;
  return Math.ceil(sample / pollSeconds) * pollSeconds - onset;
}
