/**
 * Prometheus through its HTTP API (instant and range queries), with bearer or basic auth,
 * extra headers, a custom CA and a timeout. A query Prometheus rejects is reported with its
 * own error and the query; an empty vector, NaN, +Inf, or an unreachable server is no data.
 * History (range queries) gives the pre-deploy baseline and replays past deploys.
 */
import {
  median,
  type SeriesValue,
  type Finding,
  type MetricProvider,
  type MetricQuery,
  type PollWindow,
  type Reading,
} from './provider.js';
import { alreadyFiring } from './alertmanager.js';
import { narrowRanges, rangeWindows } from './promql.js';
import { TARGET_LABELS, identifying, readsAlerts, selectorsOf } from './selectors.js';
import {
  alertKey,
  bucketCounts,
  alertStarts,
  readLabelValues,
  longestScrapeInterval,
  readEnvelope,
  readInstant,
  readRange,
  type Envelope,
  type Fault,
  type Instant,
} from './prometheus-answer.js';
import { TooLargeError } from '../bounded.js';
import { apiGet, type ApiConnection } from './api-client.js';
import { formatBytes, LIMITS } from '../limits.js';
import { redactUrl, redactUrlsIn } from '../url.js';
import { messageOf } from '../errors.js';

export interface PrometheusOptions extends ApiConnection {
  /** How often Prometheus scrapes the service; asked of /api/v1/targets when not given. */
  scrapeIntervalMs?: number;
}

/** Prometheus answered, and said the query is wrong (bad PromQL, a timeout on its side...). */
export class PrometheusQueryError extends Error {
  constructor(
    message: string,
    /** Prometheus' errorType: `bad_data` is the query's fault, the others the server's. */
    readonly errorType: string,
  ) {
    super(message);
  }
}

export type { Fault } from './prometheus-answer.js';

export class PrometheusProvider implements MetricProvider {
  readonly name = 'prometheus';
  private interval: Promise<number> | undefined;
  constructor(private readonly options: PrometheusOptions) {}

  /**
   * The scrape interval in ms (the longest of the active targets'), asked once; 0 when it
   * cannot be known, and then ranges have no floor.
   */
  scrapeInterval(): Promise<number> {
    this.interval ??= (async () => {
      if (this.options.scrapeIntervalMs !== undefined) return this.options.scrapeIntervalMs;
      const answer = await this.api('/api/v1/targets', { state: 'active' });
      return answer.status === 'success' ? longestScrapeInterval(answer.data) : 0;
    })();
    return this.interval;
  }

  /** The server as its failures name it: which of several Prometheus answered that way. */
  private who(): string {
    return `Prometheus at ${redactUrl(this.options.url)}`;
  }

  /** GET an API path: its envelope, or why there is none (the query's fault when too big). */
  private async api(path: string, params: Record<string, string>): Promise<Envelope> {
    try {
      const answer = await apiGet(this.options, path, params, LIMITS.prometheusAnswer);
      return readEnvelope(answer.status, answer.text, this.who());
    } catch (error) {
      // Too big to hold: the query's shape is the problem (a series per pod), not the server.
      if (error instanceof TooLargeError)
        return {
          status: 'none',
          reason: `${this.who()} answered more than ${formatBytes(error.limit)} for this query; aggregate it (sum by ...) (query: ${params.query ?? ''})`,
          fault: 'query',
        };
      return {
        status: 'none',
        reason: `Prometheus unreachable at ${redactUrl(this.options.url)}: ${redactUrlsIn(messageOf(error))}`,
        fault: 'backend',
      };
    }
  }

  private static rejected(
    answer: { errorType: string; error: string },
    expr: string,
  ): PrometheusQueryError {
    return new PrometheusQueryError(
      `${answer.errorType}: ${answer.error} (query: ${expr})`,
      answer.errorType,
    );
  }

  /** One instant query at `time` (ms). Throws PrometheusQueryError when Prometheus rejects it. */
  async instant(expr: string, time: number): Promise<Instant> {
    const answer = await this.api('/api/v1/query', {
      query: expr,
      time: (time / 1000).toFixed(3),
    });
    if (answer.status === 'none')
      return { value: undefined, reason: answer.reason, fault: answer.fault, warnings: [] };
    if (answer.status === 'error') throw PrometheusProvider.rejected(answer, expr);
    return readInstant(answer.data, answer.warnings, expr);
  }

  /**
   * A range query from `start` to `end` (ms) every `stepMs`: the finite values of its series
   * (of all of them, when there are several), or why there are none. Throws PrometheusQueryError when Prometheus rejects the query.
   */
  async range(
    expr: string,
    start: number,
    end: number,
    stepMs: number,
  ): Promise<{ values: [number, number][] } | { reason: string; fault: Fault }> {
    const answer = await this.api('/api/v1/query_range', {
      query: expr,
      start: (start / 1000).toFixed(3),
      end: (end / 1000).toFixed(3),
      step: `${Math.max(1, Math.round(stepMs / 1000))}s`,
    });
    if (answer.status === 'none') return { reason: answer.reason, fault: answer.fault };
    if (answer.status === 'error') throw PrometheusProvider.rejected(answer, expr);
    return readRange(answer.data, expr);
  }

  async read(query: MetricQuery, window: PollWindow): Promise<Reading> {
    try {
      if (query.query) {
        // The release's own traffic: ranges cut to the time since the deploy, but never
        // below two scrapes, where rate() sees fewer than two samples and reads nothing.
        const asRun =
          query.asWritten || rangeWindows(query.query).length === 0
            ? query.query
            : narrowRanges(
                query.query,
                (window.now - window.since) / 1000,
                (2 * (await this.scrapeInterval())) / 1000,
              );
        const result = await this.instant(asRun, window.now);
        const run = asRun === query.query ? {} : { query: asRun };
        if (query.alert) {
          const reading = { ...PrometheusProvider.asAlert(result), ...run };
          return readsAlerts(query.query)
            ? await this.withoutPreexisting(reading, window.deployedAt ?? window.since, window.now)
            : reading;
        }
        const counts = await this.countsSince(query, window);
        if (result.value === undefined)
          return 'series' in result
            ? { series: result.series, warnings: result.warnings, ...run, ...counts }
            : { reason: result.reason, warnings: result.warnings, ...run, ...counts };
        return {
          ...run,
          value: result.value,
          ...(result.series ? { series: result.series } : {}),
          warnings: result.warnings,
          ...counts,
        };
      }
      if (query.ratio) return await this.ratio(query.ratio, window);
      return { reason: 'the trigger has neither query nor ratio' };
    } catch (error) {
      // A query Prometheus calls bad is the policy's fault: no amount of waiting gives data.
      if (error instanceof PrometheusQueryError && error.errorType === 'bad_data')
        return { reason: `Prometheus rejects the query: ${error.message}`, rejected: true };
      // Any other error type is the server's (timeout, too many samples): no data, said whose.
      if (error instanceof PrometheusQueryError)
        return { reason: `${this.who()} could not answer: ${error.message}` };
      return { reason: messageOf(error) };
    }
  }

  /**
   * Over Prometheus' own ALERTS series, the alerts active since before the deploy are the
   * baseline, as with Alertmanager: their start is ALERTS_FOR_STATE's value (the time the
   * alert became active, in seconds), matched on the alert's labels. Series without an
   * alertname (an aggregation) or without a start on record are counted as they are.
   */
  private async withoutPreexisting(
    reading: Reading,
    cutoff: number,
    now: number,
  ): Promise<Reading> {
    const names = [...new Set((reading.series ?? []).map((s) => s.labels.alertname))].filter(
      (n): n is string => n !== undefined,
    );
    if (names.length === 0) return reading;
    const pattern = names.map((n) => n.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')).join('|');
    const answer = await this.api('/api/v1/query', {
      query: `ALERTS_FOR_STATE{alertname=~${JSON.stringify(pattern)}}`,
      time: (now / 1000).toFixed(3),
    });
    const since = answer.status === 'success' ? alertStarts(answer.data) : undefined;
    if (!since) return reading;
    const firing: SeriesValue[] = [];
    const preexisting: SeriesValue[] = [];
    for (const s of reading.series ?? []) {
      const began = since.get(alertKey(s.labels));
      const dated = began !== undefined && Number.isFinite(began) ? { ...s, since: began } : s;
      (began !== undefined && began < cutoff ? preexisting : firing).push(dated);
    }
    return {
      ...reading,
      value: firing.length ? 1 : 0,
      series: firing,
      preexisting,
    };
  }

  /** An alert expression's reading: nothing returned is 0, each series returned is a 1. */
  private static asAlert(result: Instant): Reading {
    if ('series' in result && result.series)
      return {
        ...(result.value !== undefined ? { value: 1 } : {}),
        series: result.series.map((s) => ({ ...s, value: 1 })),
        warnings: result.warnings,
      };
    if (result.value !== undefined) return { value: 1, warnings: result.warnings };
    return result.fault === 'empty' && result.reason.startsWith('empty result')
      ? { value: 0, series: [], warnings: result.warnings }
      : { reason: result.reason, warnings: result.warnings };
  }

  /**
   * What a sequential test counts since the watch began: a histogram's requests per bucket
   * (a latency quantile), or a count query's events. Nothing before two scrapes have passed,
   * where increase() reads nothing; nothing either when Prometheus cannot say.
   */
  private async countsSince(query: MetricQuery, window: PollWindow): Promise<Partial<Reading>> {
    if (!query.histogram && !query.events) return {};
    const seconds = Math.floor((window.now - window.since) / 1000);
    if (seconds < Math.max(1, (2 * (await this.scrapeInterval())) / 1000)) return {};
    if (query.events) {
      const count = await this.instant(
        `sum(increase(${query.events.selector}[${seconds}s])) or vector(0)`,
        window.now,
      );
      return count.value === undefined ? {} : { count: count.value, countSeconds: seconds };
    }
    const buckets = await this.instant(
      `sum by (le) (increase(${query.histogram?.buckets ?? ''}[${seconds}s]))`,
      window.now,
    );
    const parsed = bucketCounts('series' in buckets ? (buckets.series ?? []) : []);
    return parsed ? { buckets: parsed } : {};
  }

  /** Errors over total in the recent window, and both counted since the watch began. */
  private async ratio(
    ratio: { errors: string; total: string },
    window: PollWindow,
  ): Promise<Reading> {
    const elapsed = Math.max(1, Math.ceil((window.now - window.since) / 1000));
    // Recent: two polls (at least 30 s), but never reaching back before the watch began.
    const recent = Math.min(elapsed, Math.max(30, Math.ceil((2 * window.intervalMs) / 1000)));
    const increase = (selector: string, seconds: number): string =>
      `sum(increase(${selector}[${seconds}s])) or vector(0)`;
    const [errorsRecent, totalRecent, errorsSince, totalSince] = await Promise.all([
      this.instant(increase(ratio.errors, recent), window.now),
      this.instant(increase(ratio.total, recent), window.now),
      this.instant(increase(ratio.errors, elapsed), window.now),
      this.instant(increase(ratio.total, elapsed), window.now),
    ]);
    const warnings = [errorsRecent, totalRecent, errorsSince, totalSince].flatMap(
      (r) => r.warnings,
    );
    if (totalRecent.value === undefined) return { reason: totalRecent.reason, warnings };
    if (totalRecent.value <= 0)
      return { reason: 'no requests in the window', windowTotal: 0, warnings };
    const reading: Reading = {
      value: (errorsRecent.value ?? 0) / totalRecent.value,
      windowTotal: totalRecent.value,
      warnings,
    };
    if (errorsSince.value !== undefined && totalSince.value !== undefined) {
      reading.errors = Math.round(errorsSince.value);
      reading.total = Math.round(totalSince.value);
    }
    return reading;
  }

  async check(query: MetricQuery, window: PollWindow): Promise<Finding | undefined> {
    try {
      if (query.query) {
        const result = await this.instant(query.query, window.now);
        // An alert expression that returns nothing is the healthy case, not an empty query.
        const empty =
          result.value === undefined && !('series' in result) && result.fault === 'empty';
        const finding = query.alert && empty ? undefined : PrometheusProvider.finding(result);
        if (finding?.level === 'error') return finding;
        // A value is no proof: `or vector(0)` reads 0 when the selector matches nothing at all.
        const missing = await this.missingSeries(query.query, window.now);
        if (missing) return { level: 'error', message: missing };
        // Alerts firing now are the baseline a guard will not count: worth saying before.
        if (query.alert && readsAlerts(query.query)) {
          const now = await this.withoutPreexisting(
            PrometheusProvider.asAlert(result),
            Infinity,
            window.now,
          );
          return alreadyFiring(now.preexisting ?? []) ?? finding;
        }
        return finding;
      }
      if (!query.ratio)
        return { level: 'error', message: 'the trigger has neither query nor ratio' };
      const missing = await this.missingSeries(query.ratio.total, window.now);
      if (missing) return { level: 'error', message: missing };
      // No errors at all is the normal case: only the requests must be there.
      const errors = await this.instant(`sum(increase(${query.ratio.errors}[5m]))`, window.now);
      if (errors.value === undefined && errors.fault !== 'empty')
        return PrometheusProvider.finding(errors);
      const total = await this.instant(`sum(increase(${query.ratio.total}[5m]))`, window.now);
      if (total.value === 0)
        return { level: 'warning', message: `no requests in the last 5m (${query.ratio.total})` };
      return PrometheusProvider.finding(total);
    } catch (error) {
      if (error instanceof PrometheusQueryError && error.errorType !== 'bad_data')
        return { level: 'error', message: `${this.who()} could not answer: ${error.message}` };
      return { level: 'error', message: messageOf(error) };
    }
  }

  /**
   * When not one of the series selectors in `expr` matches a series, even with only its
   * equality matchers (no 5xx yet is normal; no `job="api"` at all is a typo), says so and
   * names the label values the metric does have; otherwise undefined.
   */
  private async missingSeries(expr: string, time: number): Promise<string | undefined> {
    // ALERTS has series only while an alert is active: none is the healthy case.
    const selectors = selectorsOf(expr).filter((s) => s.metric !== 'ALERTS');
    if (selectors.length === 0) return undefined;
    for (const selector of selectors) {
      for (const text of new Set([selector.text, identifying(selector) ?? selector.text]))
        if ((await this.instant(`count(${text})`, time)).value !== undefined) return undefined;
    }
    const first = selectors.find((s) => s.metric !== undefined) ?? selectors[0];
    if (!first) return undefined;
    const tried = selectors.map((s) => s.text).join(', ');
    if (first.metric === undefined) return `no series match ${tried}`;
    const named = `{__name__="${first.metric}"}`;
    if ((await this.instant(`count(${named})`, time)).value === undefined)
      return `no series match ${tried}: Prometheus has no series named ${first.metric} at all`;
    const hints: string[] = [];
    for (const { label } of first.matchers.filter(
      (m) => m.op === '=' && TARGET_LABELS.has(m.label),
    )) {
      const values = await this.labelValues(label, named, time);
      if (values.length)
        hints.push(
          `${label}=${values
            .slice(0, 5)
            .map((v) => JSON.stringify(v))
            .join(' or ')}${values.length > 5 ? ` (${values.length} values)` : ''}`,
        );
    }
    return `no series match ${tried}; ${first.metric} has series${hints.length ? ` with ${hints.join(', ')}` : ', but none with these labels'}: check the selector`;
  }

  /** The values `label` takes on the series `match` selects (the label values API). */
  private async labelValues(label: string, match: string, time: number): Promise<string[]> {
    const answer = await this.api(`/api/v1/label/${encodeURIComponent(label)}/values`, {
      'match[]': match,
      start: ((time - 3_600_000) / 1000).toFixed(3),
      end: (time / 1000).toFixed(3),
    });
    return answer.status === 'success' ? readLabelValues(answer.data) : [];
  }

  private static finding(result: Instant): Finding | undefined {
    // Several series are judged each on its own: nothing wrong with the query.
    if (result.value !== undefined || 'series' in result) return undefined;
    return { level: result.fault === 'empty' ? 'warning' : 'error', message: result.reason };
  }

  /**
   * The typical value before the deploy: for a query, the median over the window (a spike
   * does not move it); for a ratio, errors over requests across the whole window.
   */
  async baseline(query: MetricQuery, end: number, windowMs: number): Promise<Reading> {
    try {
      if (query.ratio) {
        const seconds = Math.max(1, Math.round(windowMs / 1000));
        const expr = `(sum(increase(${query.ratio.errors}[${seconds}s])) or vector(0)) / sum(increase(${query.ratio.total}[${seconds}s]))`;
        const result = await this.instant(expr, end);
        return result.value === undefined ? { reason: result.reason } : { value: result.value };
      }
      if (!query.query) return { reason: 'the trigger has neither query nor ratio' };
      const history = await this.range(
        query.query,
        end - windowMs,
        end,
        Math.max(1_000, windowMs / 40),
      );
      if ('reason' in history) return { reason: history.reason };
      return { value: median(history.values.map(([, v]) => v)) };
    } catch (error) {
      return { reason: messageOf(error) };
    }
  }
}
