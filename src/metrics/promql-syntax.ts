/**
 * What is wrong with a PromQL query as text, found offline with the Prometheus project's own
 * grammar (@prometheus-io/lezer-promql): a syntax error and where, a template placeholder
 * another tool was meant to fill, or a result a trigger cannot judge (a range vector, a
 * string). `validate` and policy loading use it, so a query Prometheus would reject never
 * reaches a watch.
 */
import { parser } from '@prometheus-io/lezer-promql';
import { quote } from '../errors.js';
import { re2Problem } from './re2.js';
import { selectorsOf } from './selectors.js';

export interface QueryProblem {
  /** 1-based column in the query. */
  column: number;
  message: string;
}

/** Placeholders of Argo Rollouts and Flagger ({{ }}), Grafana ($__rate_interval, $var, ${var}). */
const PLACEHOLDER = /\{\{[^{}]*\}\}|\$\{[^{}]*\}|\$__[A-Za-z_]\w*|\$[A-Za-z_]\w*/;

export function promqlProblem(query: string): QueryProblem | undefined {
  const placeholder = PLACEHOLDER.exec(query);
  if (placeholder)
    return {
      column: placeholder.index + 1,
      message: `${placeholder[0]} is a template placeholder, not PromQL: write the value it stands for`,
    };
  const tree = parser.parse(query);
  let at: number | undefined;
  tree.iterate({
    enter(node) {
      if (at === undefined && node.type.isError) at = node.from;
      return at === undefined;
    },
  });
  if (at !== undefined) {
    const near = query.slice(at, at + 20);
    const hint =
      query[at] === '~' && query[at - 1] !== '=' && query[at - 1] !== '!'
        ? '; a regular-expression match is written =~'
        : '';
    return {
      column: at + 1,
      message: near
        ? `not valid PromQL at column ${at + 1}, near ${quote(near)}${hint}`
        : `not valid PromQL: the query ends at column ${at + 1} before it is complete`,
    };
  }
  let top = tree.topNode.firstChild;
  while (top?.name === 'ParenExpr') top = top.firstChild;
  if (top?.name === 'MatrixSelector' || top?.name === 'SubqueryExpr')
    return {
      column: 1,
      message:
        'returns a range vector (several samples per series); a trigger judges one number: wrap it, e.g. rate(...) or max_over_time(...)',
    };
  if (top?.name === 'StringLiteral')
    return { column: 1, message: 'returns a string; a trigger judges a number' };
  return regexProblem(query);
}

/** A regular-expression label matcher Prometheus (RE2) would refuse, and where. */
function regexProblem(query: string): QueryProblem | undefined {
  for (const selector of selectorsOf(query))
    for (const m of selector.matchers) {
      if (m.op !== '=~' && m.op !== '!~') continue;
      const pattern = stringValue(m.value);
      const problem = pattern === undefined ? undefined : re2Problem(pattern);
      if (problem)
        return {
          column: query.indexOf(m.value, query.indexOf(selector.text)) + 1,
          message: `label matcher ${m.label}${m.op}${m.value}: ${problem}`,
        };
    }
  return undefined;
}

/** A PromQL string literal's value: "…" and '…' with Go escapes, `…` raw. */
function stringValue(literal: string): string | undefined {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  const text = quote === "'" ? `"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : literal;
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

const COMPARISONS = new Set(['Eql', 'Neq', 'Gtr', 'Lss', 'Gte', 'Lte']);

/**
 * True for an alert-style expression: a comparison that filters (no `bool`), or `and` /
 * `unless` of one, or `or` of two. It returns nothing while all is well and series when not,
 * so it is judged by whether it returns anything (`kind: alert`), not by a threshold.
 */
export function isAlertExpression(query: string): boolean {
  type Node = NonNullable<ReturnType<typeof parser.parse>['topNode']['firstChild']>;
  const alerting = (node: Node | null): boolean => {
    while (node?.name === 'ParenExpr') node = node.firstChild;
    if (node?.name !== 'BinaryExpr') return false;
    const operands: Node[] = [];
    let operator = '';
    let bool = false;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (COMPARISONS.has(child.name) || ['And', 'Or', 'Unless'].includes(child.name))
        operator = child.name;
      else if (child.name === 'BoolModifier') bool = true;
      else if (!/Clause$|Modifier$/.test(child.name)) operands.push(child);
    }
    if (COMPARISONS.has(operator)) return !bool;
    if (operator === 'And' || operator === 'Unless') return alerting(operands[0] ?? null);
    if (operator === 'Or') return alerting(operands[0] ?? null) && alerting(operands[1] ?? null);
    return false;
  };
  return alerting(parser.parse(query).topNode.firstChild);
}

/**
 * True when the query reads Prometheus' ALERTS series through an aggregation that drops the
 * alertname (`count(ALERTS{…})`, `sum without (alertname) …`): its result cannot be matched
 * with ALERTS_FOR_STATE, so alerts that fired before the deploy cannot be told from new ones.
 */
export function aggregatesAlerts(query: string): boolean {
  let found = false;
  const cursor = parser.parse(query).cursor();
  do {
    if (cursor.name !== 'VectorSelector') continue;
    const identifier = cursor.node.getChild('Identifier');
    if (!identifier || query.slice(identifier.from, identifier.to) !== 'ALERTS') continue;
    for (let up = cursor.node.parent; up; up = up.parent) {
      if (up.name !== 'AggregateExpr') continue;
      const modifier = up.getChild('AggregateModifier');
      const labels = (modifier?.getChild('GroupingLabels')?.getChildren('LabelName') ?? []).map(
        (l) => query.slice(l.from, l.to),
      );
      const keeps = modifier?.getChild('By')
        ? labels.includes('alertname')
        : modifier?.getChild('Without')
          ? !labels.includes('alertname')
          : false;
      if (!keeps) found = true;
    }
  } while (!found && cursor.next());
  return found;
}
