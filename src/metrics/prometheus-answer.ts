/**
 * Prometheus' HTTP API answers read by pure functions, from the HTTP status and the body text
 * to what they say; the provider only asks and maps. The envelope, as Prometheus documents it
 * (querying/api, "Format overview"): `status` is `success` or `error`; an error has
 * `errorType` and `error`; `warnings` (and, from Prometheus 3, info-level `infos`) may come
 * beside `data`. Sample values are strings, so NaN, +Inf and -Inf arrive as such.
 */
import { durationSeconds } from './promql.js';
import type { SeriesValue } from './provider.js';

/**
 * Why a query gave no value: the server could not be asked (`backend`), the query is shaped
 * wrong for a trigger (`query`: several series), or there is simply nothing (`empty`: no
 * series, NaN, infinity). Preflight treats the first two as errors, the last as a warning.
 */
export type Fault = 'backend' | 'query' | 'empty';

export type Envelope =
  | { status: 'success'; data: unknown; warnings: string[]; infos: string[] }
  /** Prometheus refused: `bad_data` is the query's fault, any other errorType the server's. */
  | { status: 'error'; errorType: string; error: string; warnings: string[] }
  /** No API answer to read: HTML from a proxy, a cut-off body, some other JSON. */
  | { status: 'none'; reason: string; fault: Fault };

export type Instant =
  | { value: number; series?: SeriesValue[]; warnings: string[] }
  | { value: undefined; reason: string; fault: Fault; warnings: string[] }
  /** A vector of several series: each judged on its own (see analysis/series.ts). */
  | {
      value: undefined;
      series: SeriesValue[];
      reason: string;
      fault: 'several';
      warnings: string[];
    };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * The envelope of an answer with HTTP status `httpStatus` and body `text`; `who` names the
 * server in the reasons (the provider gives its URL, credentials redacted).
 */
export function readEnvelope(httpStatus: number, text: string, who = 'Prometheus'): Envelope {
  const auth = httpStatus === 401 || httpStatus === 403 ? ' (check its credentials)' : '';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's or a load balancer's error page: said as such, so nobody debugs the query.
    const html = /^\s*<(!doctype|html|head|body)\b/i.test(text) ? ', an HTML page' : '';
    return {
      status: 'none',
      reason: `${who} answered HTTP ${httpStatus} without JSON${html}${auth}`,
      fault: 'backend',
    };
  }
  if (isObject(body) && body.status === 'success')
    return {
      status: 'success',
      data: body.data,
      warnings: strings(body.warnings),
      infos: strings(body.infos),
    };
  if (isObject(body) && body.status === 'error')
    return {
      status: 'error',
      errorType: typeof body.errorType === 'string' ? body.errorType : 'error',
      error: typeof body.error === 'string' ? body.error : 'unknown error',
      warnings: strings(body.warnings),
    };
  // A proxy's or an authenticator's own JSON, say: not Prometheus speaking.
  return {
    status: 'none',
    reason: `${who} answered HTTP ${httpStatus} with JSON that is not an API answer${auth}`,
    fault: 'backend',
  };
}

/** A sample's value and its text; a native histogram or a missing value is no number. */
function sampleOf(pair: unknown, histogram: unknown): { raw: string; value: number } {
  if (Array.isArray(pair) && pair.length === 2) {
    const raw = String(pair[1]);
    return { raw, value: Number(raw) };
  }
  return { raw: histogram === undefined ? 'no value' : 'a histogram', value: NaN };
}

/** An instant query's `data` read as one value, several series, or why neither (`expr` named). */
export function readInstant(data: unknown, warnings: string[], expr: string): Instant {
  const none = (reason: string, fault: Fault): Instant => ({
    value: undefined,
    reason: `${reason} (query: ${expr})`,
    fault,
    warnings,
  });
  const resultType = isObject(data) ? data.resultType : undefined;
  const result = isObject(data) ? data.result : undefined;
  if (resultType === 'scalar' && Array.isArray(result)) {
    const { raw, value } = sampleOf(result, undefined);
    return Number.isFinite(value) ? { value, warnings } : none(raw, 'empty');
  }
  if (resultType !== 'vector' || !Array.isArray(result))
    return none(
      `unexpected ${typeof resultType === 'string' ? resultType : 'answer'} where an instant vector was expected`,
      'query',
    );
  if (result.length === 0) return none('empty result', 'empty');
  const samples = result.map((s: unknown) => {
    const sample = isObject(s) ? s : {};
    const labels = (isObject(sample.metric) ? sample.metric : {}) as Record<string, string>;
    return { labels, ...sampleOf(sample.value, sample.histogram) };
  });
  if (samples.length > 1) {
    const series = samples
      .filter((s) => Number.isFinite(s.value))
      .map(({ labels, value }) => ({ labels, value }));
    if (series.length === 0) return none(`${result.length} series, none finite`, 'empty');
    return {
      value: undefined,
      series,
      reason: `${result.length} series`,
      fault: 'several',
      warnings,
    };
  }
  const [{ labels, raw, value }] = samples as [(typeof samples)[number]];
  if (!Number.isFinite(value)) return none(raw, 'empty');
  // Its labels too: when a second pod's series appears later, each keeps its own history.
  return { value, series: [{ labels, value }], warnings };
}

/**
 * A range query's `data`: the finite samples of all its series ([ms, value]), or why there
 * are none. Several series (one per pod) give every sample of each, so a median over them is
 * the typical value of one series.
 */
export function readRange(
  data: unknown,
  expr: string,
): { values: [number, number][] } | { reason: string; fault: Fault } {
  const result = isObject(data) ? data.result : undefined;
  if (!Array.isArray(result) || result.length === 0)
    return { reason: `no history (query: ${expr})`, fault: 'empty' };
  const values = result
    .flatMap((s: unknown) =>
      isObject(s) && Array.isArray(s.values) ? (s.values as unknown[]) : [],
    )
    .filter((pair): pair is [unknown, unknown] => Array.isArray(pair) && pair.length === 2)
    .map(([t, v]): [number, number] => [Number(t) * 1000, Number(v)])
    .filter(([t, v]) => Number.isFinite(t) && Number.isFinite(v));
  return values.length
    ? { values }
    : { reason: `no finite values in history (query: ${expr})`, fault: 'empty' };
}

/** An alert's identity across ALERTS and ALERTS_FOR_STATE: its labels but the state's. */
export function alertKey(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.entries(labels)
      .filter(([name]) => name !== '__name__' && name !== 'alertstate')
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * When each alert became active (ms), by alertKey, from an ALERTS_FOR_STATE vector (its value
 * is that time in seconds); undefined when `data` is no vector.
 */
export function alertStarts(data: unknown): Map<string, number> | undefined {
  const result = isObject(data) ? data.result : undefined;
  if (!Array.isArray(result)) return undefined;
  const since = new Map<string, number>();
  for (const s of result) {
    const sample = isObject(s) ? s : {};
    const labels = (isObject(sample.metric) ? sample.metric : {}) as Record<string, string>;
    since.set(alertKey(labels), sampleOf(sample.value, undefined).value * 1000);
  }
  return since;
}

/** The longest scrape interval (ms) of /api/v1/targets' active targets; 0 when none says. */
export function longestScrapeInterval(data: unknown): number {
  const targets = isObject(data) && Array.isArray(data.activeTargets) ? data.activeTargets : [];
  const seconds = targets.map((t: unknown) =>
    durationSeconds(isObject(t) && typeof t.scrapeInterval === 'string' ? t.scrapeInterval : ''),
  );
  return seconds.length ? Math.max(...seconds) * 1000 : 0;
}

/** The label values API's `data`: its strings. */
export function readLabelValues(data: unknown): string[] {
  return strings(data);
}

/**
 * Cumulative bucket counts by `le` (seconds; `+Inf` last), or undefined without the +Inf
 * bucket, which holds every request. Pure.
 */
export function bucketCounts(
  series: readonly SeriesValue[],
): { le: number; count: number }[] | undefined {
  const buckets = series
    .map((s) => ({ le: leOf(s.labels.le), count: s.value }))
    .filter((b) => !Number.isNaN(b.le) && Number.isFinite(b.count))
    .sort((a, b) => a.le - b.le);
  return buckets.at(-1)?.le === Infinity ? buckets : undefined;
}

function leOf(text: string | undefined): number {
  if (text === undefined) return NaN;
  return /^\+?inf$/i.test(text.trim()) ? Infinity : Number(text);
}
