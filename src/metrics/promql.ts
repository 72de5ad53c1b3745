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

type Node = NonNullable<ReturnType<typeof parser.parse>['topNode']['firstChild']>;

function kids(node: Node | null | undefined): Node[] {
  const out: Node[] = [];
  for (let child = node?.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

/** `f(sel[5m])` for f in `names`: the selector's text and the range in seconds. */
function rangeCall(
  query: string,
  node: Node | undefined,
  names: readonly string[],
): { selector: string; rangeSeconds: number } | undefined {
  if (node?.name !== 'FunctionCall') return undefined;
  const [id, body] = kids(node);
  if (!id || !names.includes(query.slice(id.from, id.to))) return undefined;
  const args = kids(body);
  const matrix = args[0];
  if (args.length !== 1 || matrix?.name !== 'MatrixSelector') return undefined;
  const [vector, range] = kids(matrix);
  if (vector?.name !== 'VectorSelector' || range?.name !== 'DurationExpr') return undefined;
  return {
    selector: query.slice(vector.from, vector.to),
    rangeSeconds: durationSeconds(query.slice(range.from, range.to)),
  };
}

/** `sum(inner)` with no grouping, or `sum by (le) (inner)` when `by` is given: the inner node. */
function summed(query: string, node: Node | undefined, by?: string): Node | undefined {
  if (node?.name !== 'AggregateExpr') return undefined;
  const parts = kids(node);
  const op = parts.find((p) => p.name === 'AggregateOp');
  if (!op || query.slice(op.from, op.to) !== 'sum') return undefined;
  const modifier = parts.find((p) => p.name === 'AggregateModifier');
  const grouping = modifier ? kids(modifier) : [];
  const labels = kids(grouping.find((g) => g.name === 'GroupingLabels')).map((l) =>
    query.slice(l.from, l.to),
  );
  const byOk =
    by === undefined
      ? !modifier
      : grouping[0]?.name === 'By' && labels.length === 1 && labels[0] === by;
  if (!byOk) return undefined;
  const inner = kids(parts.find((p) => p.name === 'FunctionCallBody'));
  return inner.length === 1 ? inner[0] : undefined;
}

/**
 * `histogram_quantile(0.95, sum by (le) (rate(x_bucket{...}[1m])))` (rate or increase): the
 * quantile and the bucket selector, so the trigger can be judged on bucket counts.
 */
export function histogramQuantileOf(
  query: string,
): { quantile: number; buckets: string } | undefined {
  const top = parser.parse(query).topNode.firstChild ?? undefined;
  if (top?.name !== 'FunctionCall') return undefined;
  const [id, body] = kids(top);
  if (!id || query.slice(id.from, id.to) !== 'histogram_quantile') return undefined;
  const [phi, inner, ...rest] = kids(body);
  if (!phi || phi.name !== 'NumberDurationLiteral' || rest.length) return undefined;
  const quantile = Number(query.slice(phi.from, phi.to));
  const call = rangeCall(query, summed(query, inner, 'le'), ['rate', 'increase']);
  if (!call || !(quantile > 0 && quantile < 1)) return undefined;
  return { quantile, buckets: call.selector };
}

/**
 * `sum(increase(x[1m]))`, optionally `or vector(0)`: a count of events per range, judged as a
 * Poisson rate on the counts since the deploy.
 */
export function eventCountOf(
  query: string,
): { selector: string; rangeSeconds: number } | undefined {
  let top = parser.parse(query).topNode.firstChild ?? undefined;
  if (top?.name === 'BinaryExpr') {
    const [left, op, right, ...rest] = kids(top);
    const zero = right ? query.slice(right.from, right.to).replace(/\s+/g, '') : '';
    if (op?.name !== 'Or' || zero !== 'vector(0)' || rest.length) return undefined;
    top = left;
  }
  const call = rangeCall(query, summed(query, top), ['increase']);
  return call && call.rangeSeconds > 0 ? call : undefined;
}
