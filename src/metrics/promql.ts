/**
 * Narrowing a trigger's PromQL to the new release's own traffic: every range window
 * (`[5m]`, and a subquery's `[10m:30s]` range) longer than the time since the rollout
 * completed is cut to that time, but never below two scrape intervals, where a rate would
 * see fewer than two samples. Without this, `increase(errors[1m])` polled 10 s after a
 * deploy still counts the previous release's errors. The ranges are found on the parse tree
 * of Prometheus' own grammar, so label values, regexes, offsets and subquery steps are left
 * alone. Baselines and preflight use the query as written.
 */
import { parser } from '@prometheus-io/lezer-promql';

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

export function durationSeconds(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g))
    total += Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1);
  return total;
}

/** Where the range windows of a query are (not offsets, not subquery steps). */
export function rangeWindows(query: string): { from: number; to: number; seconds: number }[] {
  const windows: { from: number; to: number; seconds: number }[] = [];
  parser.parse(query).iterate({
    enter(node) {
      if (node.name !== 'DurationExpr') return;
      const parent = node.node.parent;
      const first = parent?.getChild('DurationExpr');
      const isRange =
        parent?.name === 'MatrixSelector' ||
        (parent?.name === 'SubqueryExpr' && first?.from === node.from);
      if (isRange)
        windows.push({
          from: node.from,
          to: node.to,
          seconds: durationSeconds(query.slice(node.from, node.to)),
        });
    },
  });
  return windows;
}

/**
 * The query with every range longer than `maxSeconds` cut to it, or to `minSeconds` when that
 * is longer (and at least 1 s). Shorter ranges are kept as written.
 */
export function narrowRanges(query: string, maxSeconds: number, minSeconds = 0): string {
  const cap = Math.max(1, Math.floor(maxSeconds), Math.ceil(minSeconds));
  let out = '';
  let last = 0;
  for (const window of rangeWindows(query)) {
    if (window.seconds <= cap) continue;
    out += `${query.slice(last, window.from)}${cap}s`;
    last = window.to;
  }
  return out + query.slice(last);
}
