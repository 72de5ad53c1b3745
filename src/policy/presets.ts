/**
 * The `runbook` preset: the runbooks' standard triggers on the usual metric names
 * (`http_requests_total` by `code`, `http_request_duration_seconds` histogram) for one label
 * selector, so a minimal policy is `preset: runbook` and a selector.
 *
 * From the runbooks: error rate above 5 % for 5 minutes (P1) and above 10 % (P0, at once:
 * here the sequential test decides "at once" without a single noisy poll deciding), more than
 * 100 server errors a minute (P0), p95 above 1 s and p99 above 2 s for 10 minutes (P1), and
 * p95 50 % above the pre-deploy baseline for 5 minutes (P2).
 */
import type { TriggerSpec } from './types.js';

/** `job="api"` into `http_requests_total{job="api",code=~"5.."}`: selectors joined inside braces. */
export function withLabels(metric: string, ...matchers: (string | undefined)[]): string {
  const inside = matchers
    .map((m) => m?.trim().replace(/^\{|\}$/g, ''))
    .filter((m): m is string => !!m);
  return inside.length ? `${metric}{${inside.join(',')}}` : metric;
}

export function runbookTriggers(selector: string | undefined): TriggerSpec[] {
  const requests = withLabels('http_requests_total', selector);
  const errors = withLabels('http_requests_total', selector, 'code=~"5.."');
  const buckets = withLabels('http_request_duration_seconds_bucket', selector);
  const quantile = (q: number): string =>
    `histogram_quantile(${q}, sum by (le) (rate(${buckets}[1m])))`;
  return [
    {
      name: 'error-rate',
      ratio: { errors, total: requests },
      above: 0.05,
      for: '5m',
      'fast-fail': true,
      severity: 'P1',
    },
    {
      name: 'error-rate-severe',
      ratio: { errors, total: requests },
      above: 0.1,
      for: '1m',
      'fast-fail': true,
      severity: 'P0',
    },
    {
      name: 'server-errors-per-minute',
      // No 5xx series at all is the healthy case, not missing data. Judged as a rate on every
      // error since the rollout; a service already this noisy before is judged against that.
      query: `sum(increase(${errors}[1m])) or vector(0)`,
      above: 100,
      'relative-to-baseline': true,
      severity: 'P0',
    },
    { name: 'p95-latency', query: quantile(0.95), above: 1, for: '10m', severity: 'P1' },
    { name: 'p99-latency', query: quantile(0.99), above: 2, for: '10m', severity: 'P1' },
    { name: 'p95-vs-baseline', query: quantile(0.95), relative: '+50%', for: '5m', severity: 'P2' },
  ];
}
