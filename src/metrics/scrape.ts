/**
 * For services without a Prometheus server: reads their /metrics exposition directly. Each
 * poll scrapes every URL (one per pod, say); ratios come from counter increases over the
 * recent window (as with Prometheus: two polls, at least 30 s) and since the first scrape
 * (for the sequential test), with counter resets handled; quantiles from histogram buckets
 * the same way, and the buckets since the first scrape for the count of slow requests. Queries are a series
 * selector (summed) or `histogram_quantile(q, selector)`; anything else is refused up front.
 */
import {
  bucketIncreases,
  counterIncrease,
  histogramQuantile,
  parseExposition,
  parseSelector,
  select,
  type ExpositionSample,
} from './exposition.js';
import { LIMITS } from '../limits.js';
import { redactUrl } from '../url.js';
import { httpGet } from './http.js';
import type { Finding, MetricProvider, MetricQuery, PollWindow, Reading } from './provider.js';
import { TARGET_LABELS } from './selectors.js';
import { messageOf } from '../errors.js';

export interface ScrapeOptions {
  urls: string[];
  timeoutMs?: number;
}

type Selector = NonNullable<ReturnType<typeof parseSelector>>;
type Parsed =
  | { kind: 'sum'; selector: Selector }
  /** `source`: the bucket selector as written. */
  | { kind: 'quantile'; q: number; selector: Selector; source: string };

/** The scrape provider's reading of a query, or why it cannot read it. */
export function parseQuery(text: string): Parsed | string {
  const quantile = /^\s*histogram_quantile\(\s*([0-9.]+)\s*,\s*(.+)\)\s*$/.exec(text);
  if (quantile) {
    const selector = parseSelector(quantile[2] ?? '');
    const q = Number(quantile[1]);
    if (!selector || !(q >= 0 && q <= 1)) return `not a histogram_quantile(q, selector): ${text}`;
    return { kind: 'quantile', q, selector, source: (quantile[2] ?? '').trim() };
  }
  const selector = parseSelector(text);
  if (!selector)
    return `the scrape provider reads a series selector or histogram_quantile(q, selector); '${text}' is neither (use the prometheus provider for PromQL)`;
  return { kind: 'sum', selector };
}

export class ScrapeProvider implements MetricProvider {
  readonly name = 'scrape';
  private first: ExpositionSample[] | undefined;
  /** Scrapes of the recent window, oldest first: the one it starts at, and those after. */
  private scrapes: { at: number; samples: ExpositionSample[] }[] = [];
  /** The scrape of the current poll, shared while in flight: triggers of a poll read at once. */
  private pending: { at: number; scrape: Promise<ExpositionSample[] | string> } | undefined;

  constructor(private readonly options: ScrapeOptions) {}

  /** One scrape per poll time, shared by every trigger of that poll; series keep their URL. */
  private scrape(at: number): Promise<ExpositionSample[] | string> {
    if (this.pending?.at !== at) this.pending = { at, scrape: this.fetchAll(at) };
    return this.pending.scrape;
  }

  private async fetchAll(at: number): Promise<ExpositionSample[] | string> {
    const texts = await Promise.all(
      this.options.urls.map(async (raw) => {
        // Series are labelled with the URL: it must be fit to print.
        const url = redactUrl(raw);
        try {
          const answer = await httpGet(
            raw,
            this.options.timeoutMs ?? 5_000,
            {},
            LIMITS.scrapeAnswer,
          );
          return answer.status === 200
            ? { url, text: answer.body }
            : `HTTP ${answer.status} from ${url}`;
        } catch (error) {
          return `${url}: ${messageOf(error)}`;
        }
      }),
    );
    const failed = texts.find((t): t is string => typeof t === 'string');
    if (failed) return failed;
    const samples = (texts as { url: string; text: string }[]).flatMap(({ url, text }) =>
      parseExposition(text).map((s) => ({ ...s, labels: { ...s.labels, instance: url } })),
    );
    this.first ??= samples;
    this.scrapes.push({ at, samples });
    return samples;
  }

  /**
   * Where the recent window starts: the newest earlier scrape at least two polls and 30 s
   * back, or the first when the watch is younger than that; older scrapes are let go.
   */
  private windowStart(window: PollWindow): ExpositionSample[] | undefined {
    const reach = Math.max(30_000, 2 * window.intervalMs);
    const earlier = this.scrapes.filter((s) => s.at < window.now);
    const start = earlier.findLast((s) => s.at <= window.now - reach) ?? earlier[0];
    if (start) this.scrapes = this.scrapes.filter((s) => s.at >= start.at);
    return start?.samples;
  }

  async read(query: MetricQuery, window: PollWindow): Promise<Reading> {
    const samples = await this.scrape(window.now);
    if (typeof samples === 'string') return { reason: samples };
    const previous = this.windowStart(window);
    if (query.ratio) {
      const errors = parseSelector(query.ratio.errors);
      const total = parseSelector(query.ratio.total);
      if (!errors || !total)
        return {
          reason: 'ratio.errors and ratio.total must be series selectors for the scrape provider',
        };
      if (!previous) return { reason: 'first scrape: counting starts now' };
      const pick = (from: ExpositionSample[], s: typeof errors): ExpositionSample[] =>
        select(from, s.name, s.matchers);
      const recentTotal = counterIncrease(pick(previous, total), pick(samples, total));
      const recentErrors = counterIncrease(pick(previous, errors), pick(samples, errors));
      if (recentTotal <= 0) return { reason: 'no requests in the window', windowTotal: 0 };
      return {
        value: recentErrors / recentTotal,
        windowTotal: recentTotal,
        errors: counterIncrease(pick(this.first ?? [], errors), pick(samples, errors)),
        total: counterIncrease(pick(this.first ?? [], total), pick(samples, total)),
      };
    }
    if (!query.query) return { reason: 'the trigger has neither query nor ratio' };
    const parsed = parseQuery(query.query);
    if (typeof parsed === 'string') return { reason: parsed };
    if (parsed.kind === 'sum') {
      const matching = select(samples, parsed.selector.name, parsed.selector.matchers);
      return matching.length
        ? { value: matching.reduce((n, s) => n + s.value, 0) }
        : { reason: `no series ${query.query}` };
    }
    if (!previous) return { reason: 'first scrape: counting starts now' };
    const buckets = (from: ExpositionSample[]): ExpositionSample[] =>
      select(from, parsed.selector.name, parsed.selector.matchers);
    const value = histogramQuantile(parsed.q, buckets(previous), buckets(samples));
    // Every request since the first scrape, by bucket: the sequential test's counts.
    const since = bucketIncreases(buckets(this.first ?? []), buckets(samples));
    const counts = since.at(-1)?.le === Infinity ? { buckets: since } : {};
    return value === undefined
      ? { reason: 'no observations in the window', ...counts }
      : { value, ...counts };
  }

  /** Preflight: the query must parse and the service must answer; missing series warn. */
  async check(query: MetricQuery, window: PollWindow): Promise<Finding | undefined> {
    let selectors: Selector[];
    if (query.ratio) {
      const parsed = [query.ratio.errors, query.ratio.total].map((s) => parseSelector(s));
      const bad = parsed.findIndex((s) => !s);
      if (bad >= 0)
        return {
          level: 'error',
          message: `not a series selector: ${bad === 0 ? query.ratio.errors : query.ratio.total}`,
        };
      // No errors at all is normal; only the requests must be exported.
      selectors = parsed.slice(1) as Selector[];
    } else {
      const parsed = query.query
        ? parseQuery(query.query)
        : 'the trigger has neither query nor ratio';
      if (typeof parsed === 'string') return { level: 'error', message: parsed };
      selectors = [parsed.selector];
    }
    const samples = await this.scrape(window.now);
    if (typeof samples === 'string') return { level: 'error', message: samples };
    const missing = selectors.find((s) => select(samples, s.name, s.matchers).length === 0);
    if (!missing) return undefined;
    // Only the target labels: no 503 yet is normal, a service that is not there is a typo.
    const identifying = missing.matchers.filter(
      (m) => !m.negate && typeof m.pattern === 'string' && TARGET_LABELS.has(m.label),
    );
    const where = this.options.urls.map(redactUrl).join(', ');
    if (select(samples, missing.name, identifying).length > 0)
      return {
        level: 'warning',
        message: `no series ${missing.name} matching the selector in ${where}`,
      };
    const named = select(samples, missing.name);
    const hints = identifying.map(
      (m) =>
        `${m.label}=${[...new Set(named.map((s) => s.labels[m.label]).filter((v) => v !== undefined))].map((v) => JSON.stringify(v)).join(' or ') || '(none)'}`,
    );
    return {
      level: 'error',
      message: named.length
        ? `no series match the selector of ${missing.name} in ${where}; ${missing.name} has series with ${hints.join(', ') || 'other labels'}: check the selector`
        : `${where} exports no series named ${missing.name}`,
    };
  }
}
