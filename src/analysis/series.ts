/**
 * Triggers over queries that return several series (one per pod, per route): by default each
 * series is judged on its own and the trigger breaches when any one does, as Prometheus fires
 * one alert per series; `series: all` breaches only when every series does, and `max`, `min`,
 * `sum`, `avg` judge one value made of them. Pure: observations in, observations out.
 */
import type { SeriesValue } from '../metrics/provider.js';

export const SERIES_MODES = ['any', 'all', 'max', 'min', 'sum', 'avg'] as const;
export type SeriesMode = (typeof SERIES_MODES)[number];

/** A series' identity, for people: `{pod="api-1"}` (the metric name left out). */
export function describeLabels(labels: Record<string, string>): string {
  const shown = Object.entries(labels)
    .filter(([name]) => name !== '__name__')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  return `{${shown.join(',')}}`;
}

interface Polled {
  at: number;
  value?: number;
  reason?: string;
  series?: SeriesValue[];
}

/** The series seen over the watch, each with its own observations (absent polls: no data). */
export function perSeries<T extends Polled>(
  observations: readonly T[],
  /** What a series absent from a poll that had data reads (an alert: 0, not firing). */
  absent?: number,
): { labels: Record<string, string>; observations: T[] }[] {
  const keys = new Map<string, Record<string, string>>();
  for (const o of observations)
    for (const s of o.series ?? []) keys.set(describeLabels(s.labels), s.labels);
  return [...keys].map(([key, labels]) => ({
    labels,
    observations: observations.map((o) => {
      const found = o.series?.find((s) => describeLabels(s.labels) === key);
      const { series: _all, value: _value, ...rest } = o;
      if (found) return { ...rest, value: found.value } as T;
      if (absent !== undefined && o.value !== undefined) return { ...rest, value: absent } as T;
      return { ...rest, reason: o.reason ?? `no series ${key} in this poll` } as T;
    }),
  }));
}

/** True when the watch saw more than one series: then they are judged as `mode` says. */
export function severalSeries(observations: readonly Polled[]): boolean {
  // Compared without describing them: this runs at every poll over the whole watch.
  let first: Record<string, string> | undefined;
  for (const o of observations)
    for (const s of o.series ?? []) {
      first ??= s.labels;
      if (!sameLabels(first, s.labels)) return true;
    }
  return false;
}

/** Whether two series are one by describeLabels (the metric name left out), without building strings. */
function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  if (a === b) return true;
  let unmatched = 0;
  for (const name of Object.keys(a)) {
    if (name === '__name__') continue;
    if (!Object.hasOwn(b, name) || a[name] !== b[name]) return false;
    unmatched += 1;
  }
  for (const name of Object.keys(b)) if (name !== '__name__') unmatched -= 1;
  return unmatched === 0;
}

const REDUCE: Record<Exclude<SeriesMode, 'any' | 'all'>, (values: number[]) => number> = {
  max: (v) => Math.max(...v),
  min: (v) => Math.min(...v),
  sum: (v) => v.reduce((a, b) => a + b, 0),
  avg: (v) => v.reduce((a, b) => a + b, 0) / v.length,
};

/**
 * Each poll's series made one value: `max`, `min`, `sum`, `avg` as named; `all` takes the
 * series least in breach (`leastBreaching`), so the value breaches only when every series does.
 */
export function reduceSeries<T extends Polled>(
  observations: readonly T[],
  mode: Exclude<SeriesMode, 'any'>,
  leastBreaching: (values: number[]) => number,
): T[] {
  return observations.map((o) => {
    const values = (o.series ?? []).map((s) => s.value);
    if (values.length === 0) return o;
    const value = mode === 'all' ? leastBreaching(values) : REDUCE[mode](values);
    return { ...o, value };
  });
}

/** One number to show for a poll: its value, or the highest of its series. */
export function shownValue(o: Polled): number | undefined {
  if (o.value !== undefined || !o.series?.length) return o.value;
  return Math.max(...o.series.map((s) => s.value));
}
