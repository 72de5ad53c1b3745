/**
 * Prometheus through its HTTP API (instant queries), with bearer or basic auth, extra
 * headers, a custom CA and a timeout. A query Prometheus rejects is reported with its own
 * error and the query; an empty vector, NaN, +Inf, or an unreachable server is no data.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { MetricProvider, MetricQuery, PollWindow, Reading } from './provider.js';

export interface PrometheusOptions {
  url: string;
  headers?: Record<string, string>;
  bearerToken?: string;
  basicAuth?: { username: string; password: string };
  caFile?: string;
  timeoutMs?: number;
}

/** Prometheus answered, and said the query is wrong (bad PromQL, a timeout on its side...). */
export class PrometheusQueryError extends Error {}

interface ApiBody {
  status: 'success' | 'error';
  errorType?: string;
  error?: string;
  warnings?: string[];
  data?: { resultType: string; result: unknown };
}

type Instant =
  { value: number; warnings: string[] } | { value: undefined; reason: string; warnings: string[] };

export class PrometheusProvider implements MetricProvider {
  readonly name = 'prometheus';
  private readonly ca: Buffer | undefined;

  constructor(private readonly options: PrometheusOptions) {
    this.ca = options.caFile ? readFileSync(options.caFile) : undefined;
  }

  private get(
    path: string,
    params: Record<string, string>,
  ): Promise<{ status: number; text: string }> {
    const url = new URL(this.options.url.replace(/\/$/, '') + path);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const headers: http.OutgoingHttpHeaders = {
      Accept: 'application/json',
      ...this.options.headers,
    };
    if (this.options.bearerToken) headers.Authorization = `Bearer ${this.options.bearerToken}`;
    else if (this.options.basicAuth)
      headers.Authorization = `Basic ${Buffer.from(`${this.options.basicAuth.username}:${this.options.basicAuth.password}`).toString('base64')}`;
    const timeout = this.options.timeoutMs ?? 10_000;
    const send = url.protocol === 'https:' ? https.get : http.get;
    return new Promise((resolve, reject) => {
      const req = send(url, { headers, timeout, ...(this.ca ? { ca: this.ca } : {}) }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeout} ms`)));
      req.on('error', reject);
    });
  }

  /** One instant query at `time` (ms). Throws PrometheusQueryError when Prometheus rejects it. */
  async instant(expr: string, time: number): Promise<Instant> {
    let answer: { status: number; text: string };
    try {
      answer = await this.get('/api/v1/query', { query: expr, time: (time / 1000).toFixed(3) });
    } catch (error) {
      return {
        value: undefined,
        reason: `Prometheus unreachable at ${this.options.url}: ${(error as Error).message}`,
        warnings: [],
      };
    }
    let body: ApiBody;
    try {
      body = JSON.parse(answer.text) as ApiBody;
    } catch {
      return {
        value: undefined,
        reason: `Prometheus answered HTTP ${answer.status} without JSON${answer.status === 401 || answer.status === 403 ? ' (check its credentials)' : ''}`,
        warnings: [],
      };
    }
    const warnings = body.warnings ?? [];
    if (body.status !== 'success')
      throw new PrometheusQueryError(
        `${body.errorType ?? 'error'}: ${body.error ?? 'unknown error'} (query: ${expr})`,
      );
    const result = body.data?.result;
    let raw: string | undefined;
    if (body.data?.resultType === 'scalar' && Array.isArray(result)) raw = String(result[1]);
    else if (body.data?.resultType === 'vector' && Array.isArray(result)) {
      if (result.length === 0)
        return { value: undefined, reason: `empty result (query: ${expr})`, warnings };
      if (result.length > 1)
        return {
          value: undefined,
          reason: `${result.length} series where one was expected; aggregate them, e.g. sum(...) (query: ${expr})`,
          warnings,
        };
      raw = (result[0] as { value: [number, string] }).value[1];
    } else
      return {
        value: undefined,
        reason: `unexpected ${body.data?.resultType ?? 'answer'} (query: ${expr})`,
        warnings,
      };
    const value = Number(raw);
    if (!Number.isFinite(value))
      return { value: undefined, reason: `${raw} (query: ${expr})`, warnings };
    return { value, warnings };
  }

  async read(query: MetricQuery, window: PollWindow): Promise<Reading> {
    try {
      if (query.query) {
        const result = await this.instant(query.query, window.now);
        return result.value === undefined
          ? { reason: result.reason, warnings: result.warnings }
          : { value: result.value, warnings: result.warnings };
      }
      if (query.ratio) return await this.ratio(query.ratio, window);
      return { reason: 'the trigger has neither query nor ratio' };
    } catch (error) {
      return { reason: (error as Error).message };
    }
  }

  /** Errors over total in the recent window, and both counted since the watch began. */
  private async ratio(
    ratio: { errors: string; total: string },
    window: PollWindow,
  ): Promise<Reading> {
    const recent = Math.max(30, Math.ceil((2 * window.intervalMs) / 1000));
    const elapsed = Math.max(1, Math.ceil((window.now - window.since) / 1000));
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

  async check(query: MetricQuery, window: PollWindow): Promise<string | undefined> {
    try {
      const expressions = query.query
        ? [query.query]
        : query.ratio
          ? [query.ratio.errors, query.ratio.total].map((s) => `sum(increase(${s}[5m]))`)
          : [];
      for (const expr of expressions) {
        const result = await this.instant(expr, window.now);
        if (result.value === undefined) return result.reason;
      }
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }
}
