/**
 * The series selectors a PromQL query reads, found with the Prometheus project's own grammar
 * (@prometheus-io/lezer-promql), so preflight can ask whether each one matches anything.
 */
import { parser } from '@prometheus-io/lezer-promql';

export interface Matcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  /** The value as written, quotes included. */
  value: string;
}

export interface SeriesSelector {
  /** The selector as written in the query. */
  text: string;
  metric: string | undefined;
  matchers: Matcher[];
}

/** Every distinct vector selector in `query`, in the order written. */
export function selectorsOf(query: string): SeriesSelector[] {
  const found = new Map<string, SeriesSelector>();
  const cursor = parser.parse(query).cursor();
  do {
    if (cursor.name !== 'VectorSelector') continue;
    const node = cursor.node;
    const text = query.slice(node.from, node.to);
    const identifier = node.getChild('Identifier');
    const matchers: Matcher[] = [];
    for (const m of node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []) {
      const label = m.getChild('LabelName');
      const op = m.getChild('MatchOp');
      const value = m.getChild('StringLiteral');
      if (!label || !op || !value) continue;
      matchers.push({
        label: query.slice(label.from, label.to),
        op: query.slice(op.from, op.to) as Matcher['op'],
        value: query.slice(value.from, value.to),
      });
    }
    found.set(text, {
      text,
      metric: identifier ? query.slice(identifier.from, identifier.to) : undefined,
      matchers,
    });
  } while (cursor.next());
  return [...found.values()];
}

/**
 * Labels that say which service or target a series belongs to (set by Prometheus' scrape
 * configuration and Kubernetes service discovery), as opposed to labels that classify its
 * requests (`code`, `method`, `le`), whose values come and go with the traffic.
 */
export const TARGET_LABELS = new Set([
  'job',
  'instance',
  'namespace',
  'service',
  'pod',
  'container',
  'app',
  'deployment',
  'cluster',
  'env',
  'environment',
  'region',
  'exported_job',
  'kubernetes_namespace',
  'kubernetes_pod_name',
  'app_kubernetes_io_name',
]);

/**
 * The selector with only its equality matchers on target labels: `x{job="api",code="503"}`
 * → `x{job="api"}`. When the full selector matches nothing but this does, the service is
 * there and simply has no series of that kind yet (no 503 at all), which is normal; when
 * this matches nothing either, the selector names a service Prometheus does not have.
 */
export function identifying(selector: SeriesSelector): string | undefined {
  const kept = selector.matchers.filter((m) => m.op === '=' && TARGET_LABELS.has(m.label));
  if (selector.metric === undefined && kept.length === 0) return undefined;
  return `${selector.metric ?? ''}{${kept.map((m) => `${m.label}=${m.value}`).join(',')}}`;
}

/** True when the query reads Prometheus' ALERTS series (its alerting rules' state). */
export function readsAlerts(query: string): boolean {
  return selectorsOf(query).some((s) => s.metric === 'ALERTS');
}
