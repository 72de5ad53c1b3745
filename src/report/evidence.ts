/**
 * The evidence a verdict rests on, for people: each trigger's last value against its
 * threshold and baseline, and its time series as a sparkline (one character per poll or per
 * group of polls), so the summary shows when things went wrong without a dashboard.
 */
import { describeLabels, shownValue } from '../analysis/series.js';
import type { Observation, TriggerState } from '../analysis/triggers.js';
import type { Judgement } from '../analysis/verdict.js';
import { formatDuration } from '../duration.js';
import type { Baseline } from '../metrics/baselines.js';
import type { SeriesValue } from '../metrics/provider.js';
import { formatTimestamp } from '../time.js';
import { code } from './markdown.js';
import { plural } from '../text.js';

const BARS = '▁▂▃▄▅▆▇█';
const GAP = '·';

/** A number as people read it: at most three significant digits, no exponent for ratios. */
export function formatValue(value: number | undefined): string {
  if (value === undefined) return 'no data';
  if (value === 0) return '0';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  return Number(value.toPrecision(3)).toString();
}

/** "; graded P0: why" when the severity came from a trigger beyond its threshold, else "". */
export function gradeNote(judgement: Judgement): string {
  const e = judgement.escalation;
  return e ? `; graded ${e.severity}: ${e.detail}` : '';
}

/**
 * The series in at most `width` characters, each the largest value of its group of polls (a
 * spike is never averaged away), scaled from the lowest to the highest value; `·` is a poll
 * without data.
 */
export function sparkline(values: readonly (number | undefined)[], width = 60): string {
  if (values.length === 0) return '';
  const groups = Math.min(width, values.length);
  const size = values.length / groups;
  const peaks = Array.from({ length: groups }, (_, g) => {
    const slice = values
      .slice(Math.floor(g * size), Math.floor((g + 1) * size))
      .filter((v): v is number => v !== undefined && Number.isFinite(v));
    return slice.length ? Math.max(...slice) : undefined;
  });
  const known = peaks.filter((v): v is number => v !== undefined);
  if (known.length === 0) return GAP.repeat(groups);
  const low = Math.min(...known);
  const high = Math.max(...known);
  return peaks
    .map((v) => {
      if (v === undefined) return GAP;
      if (high === low) return v === 0 ? BARS[0] : BARS[3];
      return BARS[Math.round(((v - low) / (high - low)) * (BARS.length - 1))];
    })
    .join('');
}

export function describeBaseline(baseline: Baseline): string {
  if (baseline.alerts)
    return `${plural(baseline.alerts.length, 'alert')} firing at capture, ${baseline.end} (not counted while they last)`;
  if (baseline.value === undefined) return `none (${baseline.reason ?? 'no data'})`;
  const how =
    baseline.from === 'history'
      ? `over the ${formatDuration(baseline.windowMs)} before ${baseline.end}`
      : `sampled for ${formatDuration(baseline.windowMs)} at capture, ${baseline.end}`;
  return `${formatValue(baseline.value)} ${how}`;
}

const STATUS: Record<TriggerState['status'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  'no-data': '⚪ no data',
};

/** One row per trigger: the failing ones first, as the verdict ranks them. */
export function evidenceRows(
  states: readonly TriggerState[],
  observations: Readonly<Record<string, readonly Observation[]>>,
  /** A run that ended before judging (cancelled): what passed so far proves nothing. */
  unjudged = false,
): string[][] {
  return states.map((s) => {
    const series = (observations[s.name] ?? []).map(shownValue);
    const known = series.filter((v): v is number => v !== undefined);
    const range = known.length
      ? ` ${formatValue(Math.min(...known))}–${formatValue(Math.max(...known))}`
      : '';
    return [
      code(s.name),
      s.severity,
      s.breaching
        ? `🟠 breaching, ${s.breaching}`
        : s.status !== 'fail' && (unjudged || s.settling)
          ? s.settling
            ? '⏳ settling'
            : '⚪ not judged'
          : `${STATUS[s.status]}${s.fastFailed ? ' (sequential test)' : ''}`,
      formatValue(s.value),
      s.threshold === undefined
        ? '-'
        : s.floor !== undefined
          ? `outside ${formatValue(s.floor)}–${formatValue(s.threshold)}`
          : formatValue(s.threshold),
      s.baseline === undefined ? '-' : formatValue(s.baseline),
      `${sparkline(series, 40)}${range}`,
      s.detail,
    ];
  });
}

export const EVIDENCE_HEADERS = [
  'Trigger',
  'Severity',
  'State',
  'Last',
  'Threshold',
  'Baseline',
  'Series (min–max)',
  'Detail',
];

/** An alert for people: its name, its other labels, and when it began. */
export function describeAlert(alert: SeriesValue): string {
  const { alertname, ...rest } = alert.labels;
  const labels = Object.keys(rest).length ? ` ${describeLabels(rest)}` : '';
  return `${alertname ?? 'alert'}${labels}${alert.since !== undefined ? ` since ${formatTimestamp(alert.since)}` : ''}`;
}

export interface UncountedAlerts {
  /** Firing before the deploy: the baseline. */
  preexisting: SeriesValue[];
  /** Silenced or inhibited. */
  ignored: SeriesValue[];
}

/** The alerts a trigger's last poll saw and did not count, when it reads alerts. */
export function uncountedAlerts(observations: readonly Observation[]): UncountedAlerts | undefined {
  const last = observations.findLast((o) => o.preexisting !== undefined || o.ignored !== undefined);
  if (!last) return undefined;
  return { preexisting: last.preexisting ?? [], ignored: last.ignored ?? [] };
}

/** One line per kind of alert not counted, for the log and the summary. */
export function uncountedLines(name: string, alerts: UncountedAlerts): string[] {
  return [
    alerts.preexisting.length
      ? `${name}: already firing before the deploy, not counted unless resolved and fired again: ${alerts.preexisting.map(describeAlert).join('; ')}`
      : '',
    alerts.ignored.length
      ? `${name}: silenced or inhibited, ignored (include-silenced: true counts them): ${alerts.ignored.map(describeAlert).join('; ')}`
      : '',
  ].filter(Boolean);
}
