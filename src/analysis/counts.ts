/**
 * The counts a sequential test judges, for each kind of trigger that has them: an error ratio
 * (errors in requests), a latency quantile on a histogram (slow requests in requests: "p95
 * above 1 s" is "more than 5 % of requests slower than 1 s"), and a count rate (5xx in
 * seconds, a Poisson rate). Counted since the watch began, or since a settle period ended
 * (the counts then minus the counts now). Pure.
 */
import { format, type Bucket, type Observation, type TriggerRule } from './triggers.js';
import { plural } from '../text.js';
import {
  poissonSprt,
  sprt,
  sprtMixture,
  sprtOptions,
  wilsonLower,
  wilsonUpper,
  type SprtResult,
} from './sequential.js';

export type Counted =
  | {
      kind: 'ratio';
      /** Errors, or requests slower than `boundary`. */
      bad: number;
      total: number;
      /** The largest acceptable share of bad requests. */
      p0: number;
      /** Quantile triggers: the bucket boundary the slow requests are counted at, in seconds. */
      boundary?: number;
    }
  | { kind: 'rate'; count: number; seconds: number; perSeconds: number; limit: number };

/**
 * The first bucket boundary at or above the threshold: requests slower than it are slow. A
 * bucket cannot be split, so the count proves "above the boundary", which implies "above the
 * threshold": rounding up never fails a release that is within its threshold.
 */
export function boundaryFor(buckets: readonly Bucket[], threshold: number): number | undefined {
  return buckets
    .map((b) => b.le)
    .filter((le) => Number.isFinite(le) && le >= threshold * (1 - 1e-9))
    .sort((a, b) => a - b)[0];
}

/** Requests slower than `boundary`, and all requests, from cumulative bucket counts. */
export function slowRequests(
  buckets: readonly Bucket[],
  boundary: number,
): { slow: number; total: number } | undefined {
  const total = buckets.find((b) => b.le === Infinity)?.count;
  const within = buckets.find((b) => b.le === boundary)?.count;
  if (total === undefined || within === undefined) return undefined;
  return { slow: Math.max(0, Math.round(total - within)), total: Math.round(total) };
}

/** The counts of one observation, `from` (the settle's end) taken away. */
export function countedSince(
  rule: TriggerRule,
  latest: Observation | undefined,
  from: Observation | undefined,
  threshold: number | undefined,
  baseline: number | undefined,
  /** Quantile triggers: the boundary, when the caller has found it already. */
  knownBoundary?: number,
): Counted | undefined {
  if (!latest || threshold === undefined) return undefined;
  const higherFails =
    rule.relativePercent !== undefined ? rule.relativePercent > 0 : rule.above !== undefined;
  if (!higherFails) return undefined;
  if (rule.perSeconds !== undefined) {
    if (latest.count === undefined || latest.countSeconds === undefined) return undefined;
    const before =
      from?.count !== undefined && from.countSeconds !== undefined
        ? { count: from.count, seconds: from.countSeconds }
        : { count: 0, seconds: 0 };
    const limit =
      rule.relativeToBaseline && baseline !== undefined && Number.isFinite(baseline)
        ? Math.max(threshold, baseline)
        : threshold;
    return {
      kind: 'rate',
      count: Math.max(0, Math.round(latest.count - before.count)),
      seconds: latest.countSeconds - before.seconds,
      perSeconds: rule.perSeconds,
      limit,
    };
  }
  if (rule.quantile !== undefined) {
    if (!latest.buckets) return undefined;
    const boundary = knownBoundary ?? boundaryFor(latest.buckets, threshold);
    if (boundary === undefined) return undefined;
    const now = slowRequests(latest.buckets, boundary);
    const then = from?.buckets ? slowRequests(from.buckets, boundary) : undefined;
    if (!now) return undefined;
    return {
      kind: 'ratio',
      bad: Math.max(0, now.slow - (then?.slow ?? 0)),
      total: Math.max(0, now.total - (then?.total ?? 0)),
      p0: 1 - rule.quantile,
      boundary,
    };
  }
  if (rule.relativePercent !== undefined || rule.above === undefined) return undefined;
  if (latest.errors === undefined || latest.total === undefined) return undefined;
  return {
    kind: 'ratio',
    bad: Math.max(0, latest.errors - (from?.errors ?? 0)),
    total: Math.max(0, latest.total - (from?.total ?? 0)),
    p0: rule.above,
  };
}

/** The sequential test on the counts: `fail` when a breach is beyond doubt. */
export function testCounts(rule: TriggerRule, counted: Counted): SprtResult {
  const options = rule.fastFail === false ? {} : (rule.fastFail ?? {});
  if (counted.kind === 'rate') {
    const rate0 = counted.limit / counted.perSeconds;
    const test = poissonSprt(counted.count, counted.seconds, rate0, 2 * rate0, {
      alpha: options.alpha ?? 0.001,
      beta: options.beta ?? 0.01,
    });
    return test;
  }
  // Unless the policy names its own alternative: one test against a mixture of 1.25, 1.5 and
  // 2 times the threshold. The near one proves a ratio just above the threshold (6 % for 5 %,
  // where a test against 7.5 % drifts the wrong way and never decides); the far ones prove a
  // severe regression within seconds.
  if (options.p1 !== undefined)
    return sprt(counted.bad, counted.total, sprtOptions(counted.p0, options));
  const { alpha, beta } = sprtOptions(counted.p0, options);
  const alternatives = [...new Set(MIXTURE.map((k) => Math.min(0.999, counted.p0 * k)))].filter(
    (p1) => p1 > counted.p0,
  );
  return sprtMixture(counted.bad, counted.total, { p0: counted.p0, alpha, beta, alternatives });
}

/** The alternatives a ratio's test weighs, as multiples of its threshold. */
const MIXTURE = [1.25, 1.5, 2];

/**
 * Enough counts to judge: a ratio needs the rule's min-requests (at least one); a count per
 * minute a whole minute. A rate guessed from a few seconds is a warm-up burst's (90 errors
 * in 15 s are fewer than 100 in any minute); even "more than 100 counted in under a minute"
 * rolled back healthy warm-ups in the benchmark, and a severe regression has the error-ratio
 * triggers to fail it within seconds.
 */
export function enough(rule: TriggerRule, counted: Counted): boolean {
  return counted.kind === 'rate'
    ? counted.seconds >= counted.perSeconds
    : counted.total >= Math.max(1, rule.minRequests ?? 0);
}

/** How a failing test proved it, in figures. */
export function howProven(test: SprtResult): string {
  return `sequential test, LLR ${test.llr.toFixed(1)} ≥ ${test.upper.toFixed(1)}`;
}

/** Whether a quiet service's ratio is below its threshold beyond doubt over the whole window. */
export function clearlyBelow(rule: TriggerRule, counted: Counted): boolean {
  if (counted.kind !== 'ratio' || !enough(rule, counted)) return false;
  const upper = wilsonUpper(counted.bad, counted.total);
  return upper !== undefined && upper < counted.p0;
}

/**
 * The mirror image at the end of the window: a ratio above its threshold beyond doubt over
 * all its counts. One look at a 99.9 % bound, taken once, so it adds at most that much to the
 * sequential test's false alarms; it fails a regression too close to the threshold for the
 * test to prove within the window (6 % against 5 % on a quiet service).
 */
export function clearlyAbove(rule: TriggerRule, counted: Counted): boolean {
  if (counted.kind !== 'ratio' || !enough(rule, counted)) return false;
  const lower = wilsonLower(counted.bad, counted.total);
  return lower !== undefined && lower > counted.p0;
}

/** The counts in words: `312 errors in 2040 requests`, `14 of 220 requests slower than 1.2s`. */
export function describeCounts(counted: Counted, threshold: number | undefined): string {
  if (counted.kind === 'rate')
    return `${counted.count} in ${Math.round(counted.seconds)}s (${format((counted.count / Math.max(1, counted.seconds)) * counted.perSeconds)} per ${counted.perSeconds}s)`;
  if (counted.boundary === undefined)
    return `${plural(counted.bad, 'error')} in ${counted.total} requests`;
  const rounded =
    threshold !== undefined && counted.boundary > threshold * (1 + 1e-9)
      ? `, the first bucket at or above ${format(threshold)}s`
      : '';
  return `${counted.bad} of ${counted.total} requests slower than ${format(counted.boundary)}s${rounded}`;
}

/** The claim a failing test proves, in words. */
export function provenClaim(counted: Counted): string {
  if (counted.kind === 'rate')
    return `a rate above ${format(counted.limit)} per ${counted.perSeconds}s beyond doubt`;
  const share = `${format(counted.p0 * 100)} %`;
  return counted.boundary === undefined
    ? `a ratio above ${format(counted.p0)} beyond doubt`
    : `more than ${share} of requests slower than ${format(counted.boundary)}s beyond doubt, so the ${format((1 - counted.p0) * 100)}th percentile is above it`;
}

/**
 * The strongest evidence against the release in the counts since `from` (the watch's start
 * or the settle's end): the sequential test over every stretch that ends now, so evidence
 * for the release earlier in the window cannot hide a regression that began later (Page's
 * CUSUM: the test restarted wherever the counts so far favoured the release). A delayed
 * onset or a slow leak is judged on its own counts, not diluted by the healthy minutes
 * before it.
 */
export function strongestEvidence(
  rule: TriggerRule,
  observations: readonly Observation[],
  from: Observation | undefined,
  threshold: number | undefined,
  baseline: number | undefined,
): { counted: Counted; test: SprtResult } | undefined {
  const latest = observations.at(-1);
  const starts = [from, ...observations.filter((o) => o !== latest && (!from || o.at > from.at))];
  // The same boundary for every start: found once, not once a start (a window's polls each
  // poll made this quadratic garbage).
  const boundary =
    rule.quantile !== undefined && latest?.buckets && threshold !== undefined
      ? boundaryFor(latest.buckets, threshold)
      : undefined;
  let best: { counted: Counted; test: SprtResult } | undefined;
  for (const start of starts) {
    const counted = countedSince(rule, latest, start, threshold, baseline, boundary);
    if (!counted || !enough(rule, counted)) continue;
    const test = testCounts(rule, counted);
    if (!best || test.llr > best.test.llr) best = { counted, test };
  }
  return best;
}
