/**
 * One trigger over the observations of a watch, three-valued: `pass`, `fail` or `no-data`.
 * A missing, NaN or infinite value, or a ratio over too few requests, is no data, never a
 * failure, unless the trigger's no-data policy says `rollback`, in which case missing data
 * counts against the release like a breach (and still has to last `for`, or `consecutive`).
 */
import { SEVERITIES, type NoDataAction, type Severity } from '../constants.js';
import { formatDuration } from '../duration.js';
import type { SeriesValue } from '../metrics/provider.js';
import {
  describeLabels,
  perSeries,
  reduceSeries,
  severalSeries,
  type SeriesMode,
} from './series.js';
import { wilsonLower, type SprtOptions } from './sequential.js';
import {
  clearlyAbove,
  clearlyBelow,
  type Counted,
  countedSince,
  describeCounts,
  howProven,
  provenClaim,
  strongestEvidence,
} from './counts.js';
import { plural } from '../text.js';

export type Evaluation = 'pass' | 'fail' | 'no-data';

/** One poll of a trigger's metric. */
export interface Observation {
  at: number;
  value?: number;
  /** Ratio triggers: requests in the window the value was computed over (for minRequests). */
  windowTotal?: number;
  /** Ratio triggers: errors and requests counted since the watch began (for the sequential test). */
  errors?: number;
  total?: number;
  /**
   * Histogram quantile triggers: each bucket's requests since the watch began (cumulative,
   * `le` in seconds, +Inf last), so "p95 above 1 s" is judged as a count of slow requests.
   */
  buckets?: Bucket[];
  /** Count triggers (`sum(increase(x[1m]))`): events since the watch began, over `countSeconds`. */
  count?: number;
  countSeconds?: number;
  /** Why there is no value (backend down, empty result), for the report. */
  reason?: string;
  /** A query's series with their labels (when it returned a vector). */
  series?: SeriesValue[];
  /** The query as run at this poll, when its ranges were cut. */
  query?: string;
  /** Alerts already firing before the deploy, and silenced or inhibited ones: not counted. */
  preexisting?: SeriesValue[];
  ignored?: SeriesValue[];
}

/** A histogram bucket: requests that took at most `le` seconds. */
export interface Bucket {
  le: number;
  count: number;
}

export interface TriggerRule {
  name: string;
  severity: Severity;
  /** Fails above this; with `below` too, fails outside the band [below, above]. */
  above?: number;
  below?: number;
  /**
   * Fails when the value is worse than the baseline by this many percent: +50 fails above
   * 1.5× the baseline, -30 fails below 0.7× (a throughput drop).
   */
  relativePercent?: number;
  forMs?: number;
  consecutive?: number;
  /** Fails when more polls than this breached in the window (Argo Rollouts' failureLimit). */
  failureLimit?: number;
  /** `at-least`/`at-most`: the threshold itself breaches (>= and <=, not > and <). */
  aboveInclusive?: boolean;
  belowInclusive?: boolean;
  /** Fewer requests than this in the watch so far makes a ratio no data. */
  minRequests?: number;
  /** Fail before `for` when a sequential test is sure (ratio triggers with `above`). */
  fastFail?: Partial<SprtOptions> | false;
  /**
   * A `histogram_quantile(q, ...)` trigger: "the q-quantile above T" holds exactly when more
   * than 1 - q of the requests took longer than T, a ratio the sequential test judges on the
   * bucket counts (at the first bucket boundary at or above T).
   */
  quantile?: number;
  /**
   * A count trigger (`sum(increase(x[1m])) > 100`): the threshold counts events per this many
   * seconds, a Poisson rate judged on every event since the watch began, not on one poll.
   */
  perSeconds?: number;
  /** Count triggers: the rate before the deploy raises the bar (a deploy that did not change it is not its cause). */
  relativeToBaseline?: boolean;
  /**
   * After the rollout, how long a non-P0 trigger only watches: a warm-up burst in this time is
   * neither a breach nor evidence. P0 triggers judge from the first poll.
   */
  settleMs?: number;
  noData: NoDataAction;
  /** How several series of one query are judged (default `any`: each on its own). */
  series?: SeriesMode;
  /** An alert expression: a series missing from a poll is not firing (0), not missing data. */
  alert?: boolean;
}

export interface TriggerState {
  name: string;
  severity: Severity;
  status: Evaluation;
  value: number | undefined;
  threshold: number | undefined;
  /** A band's lower edge (`below` with `above`): the trigger fails outside [floor, threshold]. */
  floor?: number;
  baseline: number | undefined;
  /** When the current run of breaches began. */
  breachingSince: number | undefined;
  /** True when the sequential test failed the trigger before its `for`. */
  fastFailed: boolean;
  /** A passing trigger already breaching, how far along: `12s of 5m`, `2 of 3 polls in a row`. */
  breaching?: string;
  /** Several series: the one this state describes (`{pod="api-1"}`), and how many there were. */
  seriesLabels?: string;
  seriesCount?: number;
  /**
   * Count-based ratio triggers: the 99.9 % lower bound of the ratio since the watch began,
   * read once when another trigger has failed the verdict, to grade its severity.
   */
  lowerBound?: number;
  errors?: number;
  total?: number;
  /** True when a quiet service's trigger was judged at the end on the whole window's counts. */
  judgedOnWindow?: boolean;
  /** True while a non-P0 trigger settles after the rollout: its value is shown, not judged. */
  settling?: boolean;
  detail: string;
}

/** How a trigger is evaluated: when the watch began, and whether the window has ended. */
export interface EvaluateOptions {
  since?: number;
  final?: boolean;
}

type Reading = {
  at: number;
  breach: boolean;
  value: number | undefined;
  missing: boolean;
  /** Why a value that came is not judged. */
  why?: string;
};

function usable(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

/** The threshold this value is compared with (relative rules derive it from the baseline). */
export function thresholdOf(rule: TriggerRule, baseline: number | undefined): number | undefined {
  if (rule.relativePercent !== undefined) {
    return usable(baseline) && baseline > 0
      ? baseline * (1 + rule.relativePercent / 100)
      : undefined;
  }
  // A count already this high before the deploy: the deploy did not cause it.
  if (rule.relativeToBaseline && rule.above !== undefined && usable(baseline))
    return Math.max(rule.above, baseline);
  return rule.above ?? rule.below;
}

/** Whether a value breaches the rule, its threshold derived already (see thresholdOf). */
export function breaches(rule: TriggerRule, value: number, threshold: number): boolean {
  if (rule.relativePercent !== undefined)
    return rule.relativePercent < 0 ? value < threshold : value > threshold;
  const over = (limit: number): boolean => (rule.aboveInclusive ? value >= limit : value > limit);
  const under = (limit: number): boolean => (rule.belowInclusive ? value <= limit : value < limit);
  if (rule.above !== undefined && rule.below !== undefined)
    return over(rule.above) || under(rule.below);
  return rule.above !== undefined ? over(threshold) : under(threshold);
}

/** The failing condition in words: `> 0.05`, `< 1`, `outside 0.5–5`, or against the baseline. */
export function describeCondition(
  rule: TriggerRule,
  threshold: number | undefined,
  baseline: number | undefined,
): string {
  if (rule.relativePercent !== undefined) {
    const sign = rule.relativePercent < 0 ? '<' : '>';
    const change = `${rule.relativePercent < 0 ? '' : '+'}${rule.relativePercent}%`;
    return `${sign} ${format(threshold)} (baseline ${format(baseline)} ${change})`;
  }
  const gt = rule.aboveInclusive ? '≥' : '>';
  const lt = rule.belowInclusive ? '≤' : '<';
  if (rule.above !== undefined && rule.below !== undefined)
    return rule.aboveInclusive || rule.belowInclusive
      ? `${lt} ${format(rule.below)} or ${gt} ${format(rule.above)}`
      : `outside ${format(rule.below)}–${format(rule.above)}`;
  return `${rule.above !== undefined ? gt : lt} ${format(threshold)}`;
}

function read(rule: TriggerRule, o: Observation, threshold: number | undefined): Reading {
  let value = o.value;
  let why: string | undefined;
  if (
    usable(value) &&
    rule.minRequests !== undefined &&
    o.windowTotal !== undefined &&
    o.windowTotal < rule.minRequests
  ) {
    value = undefined;
    why = `${format(o.windowTotal)} requests in the window, too few to judge (min-requests ${rule.minRequests})`;
  }
  if (!usable(value) || threshold === undefined) {
    const breach = rule.noData === 'rollback';
    return { at: o.at, breach, value: undefined, missing: true, ...(why ? { why } : {}) };
  }
  return { at: o.at, breach: breaches(rule, value, threshold), value, missing: false };
}

/** A value as people read it: three significant digits, whole numbers from 100 up. */
export function format(value: number | undefined): string {
  if (value === undefined) return 'no data';
  return Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(3)).toString();
}

/**
 * A trigger's state over its observations. A query that returned several series is judged
 * as `rule.series` says (see series.ts): by default each series on its own, the trigger
 * taking the state of the one in the worst state, named by its labels.
 */
export function evaluateTrigger(
  rule: TriggerRule,
  observations: readonly Observation[],
  baseline?: number,
  options: EvaluateOptions = {},
): TriggerState {
  if (!severalSeries(observations))
    return graded(
      evaluateOne(rule, observations, baseline, options),
      observations.at(-1)?.series?.[0]?.severity,
    );
  const count = observations.at(-1)?.series?.length ?? 0;
  const mode = rule.series ?? 'any';
  const threshold = thresholdOf(rule, baseline);
  const higherIsWorse = !(
    (rule.below !== undefined && rule.above === undefined && rule.relativePercent === undefined) ||
    (rule.relativePercent ?? 0) < 0
  );
  if (mode !== 'any') {
    const leastBreaching = (values: number[]): number =>
      threshold === undefined
        ? (values[0] ?? NaN)
        : (values.find((v) => !breaches(rule, v, threshold)) ??
          (higherIsWorse ? Math.min(...values) : Math.max(...values)));
    const state = evaluateOne(
      rule,
      reduceSeries(observations, mode, leastBreaching),
      baseline,
      options,
    );
    return { ...state, seriesCount: count, detail: `${state.detail} (${mode} of ${count} series)` };
  }
  const last = observations.at(-1)?.series ?? [];
  const judged = perSeries(observations, rule.alert ? 0 : undefined).map((s) => {
    const labels = describeLabels(s.labels);
    const severity = last.find((l) => describeLabels(l.labels) === labels)?.severity;
    return {
      labels,
      state: graded(evaluateOne(rule, s.observations, baseline, options), severity),
    };
  });
  const valued = judged.filter((j) => j.state.value !== undefined);
  const worst = valued.reduce<(typeof judged)[number] | undefined>(
    (w, j) =>
      !w ||
      (higherIsWorse
        ? (j.state.value ?? 0) > (w.state.value ?? 0)
        : (j.state.value ?? 0) < (w.state.value ?? 0))
        ? j
        : w,
    undefined,
  );
  const pick =
    judged
      .filter((j) => j.state.status === 'fail')
      .sort(
        (a, b) => SEVERITIES.indexOf(a.state.severity) - SEVERITIES.indexOf(b.state.severity),
      )[0] ??
    judged.find((j) => j.state.breaching !== undefined) ??
    worst ??
    judged[0];
  if (!pick) return evaluateOne(rule, observations, baseline, options);
  // An alert names the alert that fires, and how many fire.
  const detail = rule.alert
    ? `${pick.state.detail.replace(/^firing\b/, `firing on ${pick.labels}`)} (${plural(count, 'alert')} in the last poll)`
    : `${pick.labels}: ${pick.state.detail} (${count} series)`;
  return { ...pick.state, seriesLabels: pick.labels, seriesCount: count, detail };
}

/** A series that carries its own severity (an alert's label) gives it to the trigger's state. */
function graded(state: TriggerState, severity: Severity | undefined): TriggerState {
  return severity && state.status !== 'no-data' ? { ...state, severity } : state;
}

/** A count trigger's condition and its counts so far: it is judged on them, not on one poll. */
function countCondition(
  rule: TriggerRule,
  counted: Counted | undefined,
  threshold: number | undefined,
): string {
  const limit = counted?.kind === 'rate' ? counted.limit : threshold;
  const raised =
    limit !== undefined && rule.above !== undefined && limit > rule.above
      ? ` (the rate before the deploy)`
      : '';
  const soFar = counted ? `; so far ${describeCounts(counted, threshold)}` : '';
  return `fails when the count since the rollout proves more than ${format(limit)}${raised} per ${rule.perSeconds ?? 60}s${soFar}`;
}

/** When a non-P0 trigger's settle period ends, if it has one. */
export function settleEnd(rule: TriggerRule, since: number | undefined): number | undefined {
  return rule.settleMs && rule.severity !== 'P0' && since !== undefined
    ? since + rule.settleMs
    : undefined;
}

/** The readings of the polls breaching in a row up to the latest, oldest first. */
function breachesInARow(
  observations: readonly Observation[],
  latest: Reading | undefined,
  readingOf: (o: Observation) => Reading,
): Reading[] {
  const streak: Reading[] = [];
  for (let i = observations.length - 1; i >= 0; i--) {
    const o = observations[i];
    const r = i === observations.length - 1 ? latest : o && readingOf(o);
    if (!r?.breach) break;
    streak.push(r);
  }
  return streak.reverse();
}

function evaluateOne(
  rule: TriggerRule,
  observations: readonly Observation[],
  baseline: number | undefined,
  options: EvaluateOptions,
): TriggerState {
  const threshold = thresholdOf(rule, baseline);
  // A non-P0 trigger neither breaches nor counts evidence while the release settles.
  const settled = settleEnd(rule, options.since);
  // Read on demand: a poll needs the latest and the breaches in a row before it, and reading
  // every poll of the window again at every poll made a long watch's garbage quadratic.
  const readingOf = (o: Observation): Reading => {
    const r = read(rule, o, threshold);
    return settled !== undefined && r.at < settled ? { ...r, breach: false } : r;
  };
  const last = observations.at(-1);
  const latest = last && readingOf(last);
  const settling =
    settled !== undefined && latest !== undefined && latest.at < settled
      ? `; settling after the rollout, ${formatDuration(Math.round((latest.at - (options.since ?? 0)) / 1000) * 1000)} of ${formatDuration(rule.settleMs ?? 0)}`
      : '';
  const evidenceFrom =
    settled === undefined ? undefined : observations.findLast((o) => o.at <= settled);
  const counted = settling
    ? undefined
    : countedSince(rule, observations.at(-1), evidenceFrom, threshold, baseline);
  const { errors, total } = observations.at(-1) ?? {};
  const above = rule.relativePercent === undefined ? rule.above : undefined;
  // An error ratio's lower bound grades the severity of a failed verdict (see verdict.ts).
  const lowerBound =
    above !== undefined && errors !== undefined && total !== undefined
      ? wilsonLower(errors, total)
      : undefined;
  const base = {
    name: rule.name,
    severity: rule.severity,
    threshold,
    ...(rule.above !== undefined && rule.below !== undefined && rule.relativePercent === undefined
      ? { floor: rule.below }
      : {}),
    baseline,
    value: latest?.value,
    fastFailed: false,
    ...(lowerBound === undefined ? {} : { lowerBound, errors, total }),
    ...(settling ? { settling: true } : {}),
  };
  if (!latest)
    return { ...base, status: 'no-data', breachingSince: undefined, detail: 'no observation yet' };

  const streak = breachesInARow(observations, latest, readingOf);
  const breachingSince = streak[0]?.at;
  const comparison = describeCondition(rule, threshold, baseline);
  const noData = (): TriggerState => {
    // A quiet service: no poll had enough requests, but the whole window may have.
    if (options.final && counted && clearlyBelow(rule, counted))
      return {
        ...base,
        status: 'pass',
        breachingSince: undefined,
        judgedOnWindow: true,
        detail: `judged on the whole window: ${describeCounts(counted, threshold)}, a share below ${counted.kind === 'ratio' ? format(counted.p0) : ''} with 99.9 % confidence`,
      };
    return {
      ...base,
      status: 'no-data',
      breachingSince,
      detail: `${latest.why ?? observations.at(-1)?.reason ?? 'no data'}${settling}`,
    };
  };

  // Argo's failureLimit: breaching polls anywhere in the window, in a row or not.
  if (rule.failureLimit !== undefined) {
    const failed = observations.filter((o) => readingOf(o).breach).length;
    const what = latest.missing ? 'no data' : `${format(latest.value)} (fails ${comparison})`;
    if (failed > rule.failureLimit)
      return {
        ...base,
        status: 'fail',
        breachingSince,
        detail: `${failed} polls breached ${comparison}, more than failure-limit ${rule.failureLimit}; last ${format(latest.value)}`,
      };
    if (latest.missing) return noData();
    return {
      ...base,
      status: 'pass',
      breachingSince: latest.breach ? breachingSince : undefined,
      ...(failed > 0 ? { breaching: `${failed} of ${rule.failureLimit + 1} polls to fail` } : {}),
      detail: `${what}; ${plural(failed, 'failed poll')} of failure-limit ${rule.failureLimit}`,
    };
  }

  // A count trigger without `for` is decided by its sequential test, never by one poll.
  const oneTest =
    rule.perSeconds !== undefined &&
    rule.forMs === undefined &&
    rule.consecutive === undefined &&
    rule.fastFail !== false;
  if (!oneTest && streak.length > 0 && breachingSince !== undefined) {
    const held = latest.at - breachingSince;
    const enough =
      rule.consecutive !== undefined
        ? streak.length >= rule.consecutive
        : held >= (rule.forMs ?? 0);
    if (enough) {
      const how =
        rule.consecutive !== undefined
          ? ` ${plural(streak.length, 'poll')} in a row`
          : rule.alert && !rule.forMs
            ? '' // an alert that fails at once: "for 0s" says nothing
            : ` for ${Math.round(held / 1000)}s`;
      // A reading can say why it is bad (a health check's `HTTP 500, expected 200`).
      const note = observations.at(-1)?.reason;
      // A series without labels (count(...) > 0) names nothing: say only that it fires.
      const firing = (observations.at(-1)?.series ?? [])
        .map((s) => describeLabels(s.labels))
        .filter((labels) => labels !== '{}');
      const what = latest.missing
        ? `no data (${latest.why ?? note ?? 'no value'}; counted as a breach by no-data: rollback)`
        : rule.alert
          ? `firing${firing.length ? ` on ${firing.join(', ')}` : ''}`
          : `${format(latest.value)} ${comparison}${note ? ` (${note})` : ''}`;
      return { ...base, status: 'fail', breachingSince, detail: `${what}${how}` };
    }
  }

  // Counts can fail a trigger before `for` when the evidence is overwhelming. The test counts
  // every request since the watch began (or the settle ended) and bounds its own false
  // alarms, so a thin recent window (set aside by min-requests) does not switch it off; its
  // total must pass min-requests instead.
  const strongest =
    rule.fastFail !== false && counted
      ? strongestEvidence(rule, observations, evidenceFrom, threshold, baseline)
      : undefined;
  if (strongest?.test.decision === 'fail') {
    const { counted: proof, test } = strongest;
    return {
      ...base,
      status: 'fail',
      fastFailed: true,
      breachingSince,
      detail: `${describeCounts(proof, threshold)}: ${provenClaim(proof)} (${howProven(test)})`,
    };
  }

  if (
    options.final &&
    rule.fastFail !== false &&
    counted?.kind === 'ratio' &&
    clearlyAbove(rule, counted)
  )
    return {
      ...base,
      status: 'fail',
      breachingSince,
      judgedOnWindow: true,
      detail: `judged on the whole window: ${describeCounts(counted, threshold)}: ${provenClaim(counted)} (one look, 99.9 % lower bound ${format(wilsonLower(counted.bad, counted.total) ?? 0)})`,
    };

  if (latest.missing) return noData();
  const breaching =
    latest.breach && breachingSince !== undefined && !oneTest
      ? rule.consecutive !== undefined
        ? `${streak.length} of ${rule.consecutive} polls in a row`
        : `${formatDuration(Math.round((latest.at - breachingSince) / 1000) * 1000)} of ${formatDuration(rule.forMs ?? 0)}`
      : undefined;
  const pending = breaching ? `; breaching, ${breaching}` : '';
  const hold = rule.forMs
    ? ` for ${Math.round(rule.forMs / 1000)}s`
    : rule.consecutive
      ? ` ${plural(rule.consecutive, 'time')} in a row`
      : '';
  return {
    ...base,
    status: 'pass',
    ...(breaching ? { breaching } : {}),
    breachingSince: latest.breach && !oneTest ? breachingSince : undefined,
    detail: `${rule.alert ? (latest.value ? 'firing' : 'not firing') : format(latest.value)} (${oneTest ? countCondition(rule, counted, threshold) : `fails ${rule.alert ? 'while firing' : comparison}${hold}`})${pending}${settling}`,
  };
}
