/**
 * Argo Rollouts `AnalysisTemplate` and `ClusterAnalysisTemplate` (argoproj.io/v1alpha1) into
 * triggers: each `prometheus` metric becomes one, its `{{args.NAME}}` filled from the import's
 * `args` and the template's own defaults, its success or failure condition turned into the
 * threshold that fails it. Pure: a parsed document in, triggers and problems out.
 */
import { formatDuration } from '../../duration.js';
import type { SeriesMode } from '../../analysis/series.js';
import {
  dig,
  intervalNote,
  isMapping,
  plain,
  oneLine,
  placeOf,
  quote,
  text,
  toolDuration,
  type ImportContext,
  type ImportProblem,
  type ImportedTrigger,
  type Mapped,
  type YamlDocument,
} from './common.js';
import { plural } from '../../text.js';

export const ARGO_KINDS = ['AnalysisTemplate', 'ClusterAnalysisTemplate'] as const;

type Op = '>' | '>=' | '<' | '<=';

/** A condition of one of the forms Argo's documentation shows for Prometheus. */
export interface Condition {
  /** `first`: `result[0]` (or a scalar `result`); `all` / `any`: every / some series. */
  over: 'first' | 'all' | 'any';
  op: Op;
  value: number;
  /** `len(result) == 0 ||` before it: an empty result satisfies the condition. */
  orEmpty: boolean;
  /** `isNaN(result[0]) ||` before it: NaN satisfies the condition. */
  orNaN: boolean;
}

/** When a trigger fails, in the policy's keys. */
export interface Failing {
  key: 'above' | 'below' | 'at-least' | 'at-most';
  value: number;
  series?: SeriesMode;
}

const FORMS =
  'result[0] <op> <number>, len(result) == 0 || ..., isNaN(result[0]) || ..., all(result, {# <op> <number>}) or any(result, {# <op> <number>}), with <op> one of < <= > >=';
const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const OPERATOR = String.raw`>=|<=|==|!=|>|<`;
const GUARD = /^(len\(\s*result\s*\)\s*==\s*0|isNaN\(\s*result\s*(?:\[\s*0\s*\]\s*)?\))\s*\|\|\s*/;
const FIRST = new RegExp(String.raw`^result(?:\s*\[\s*0\s*\])?\s*(${OPERATOR})\s*(${NUMBER})$`);
const EACH = new RegExp(
  String.raw`^(all|any)\(\s*result\s*,\s*(?:\{\s*#\s*(${OPERATOR})\s*(${NUMBER})\s*\}|#\s*(${OPERATOR})\s*(${NUMBER}))\s*\)$`,
);

/** A successCondition or failureCondition as data, or why it is not one of the forms. */
export function parseCondition(source: string): Condition | { error: string } {
  let rest = source.trim();
  while (rest.startsWith('(') && rest.endsWith(')') && balanced(rest.slice(1, -1)))
    rest = rest.slice(1, -1).trim();
  let orEmpty = false;
  let orNaN = false;
  for (let guard = GUARD.exec(rest); guard; guard = GUARD.exec(rest)) {
    if (guard[1]?.startsWith('len')) orEmpty = true;
    else orNaN = true;
    rest = rest.slice(guard[0].length).trim();
  }
  const first = FIRST.exec(rest);
  const each = first ? undefined : EACH.exec(rest);
  const op = first?.[1] ?? each?.[2] ?? each?.[4];
  const value = first?.[2] ?? each?.[3] ?? each?.[5];
  if (op === undefined || value === undefined)
    return {
      error: `${quote(source.trim())} is not one of the forms that can be imported: ${FORMS}`,
    };
  if (op === '==' || op === '!=')
    return {
      error: `${quote(source.trim())} compares with ${op}; only <, <=, > and >= map to a threshold`,
    };
  return {
    over: first ? 'first' : (each?.[1] as 'all' | 'any'),
    op: op as Op,
    value: Number(value),
    orEmpty,
    orNaN,
  };
}

function balanced(inner: string): boolean {
  let depth = 0;
  for (const c of inner) {
    if (c === '(') depth += 1;
    if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

const KEY_OF: Record<Op, Failing['key']> = {
  '>': 'above',
  '>=': 'at-least',
  '<': 'below',
  '<=': 'at-most',
};
const NEGATION: Record<Op, Op> = { '>=': '<', '>': '<=', '<=': '>', '<': '>=' };

/**
 * When the trigger fails: a failureCondition as it is; a successCondition negated (success
 * `result[0] >= 0.95` fails below 0.95). Over series, success of `all` fails when any series
 * fails, and success of `any` only when every series does.
 */
export function failingOf(condition: Condition, kind: 'success' | 'failure'): Failing {
  const op = kind === 'success' ? NEGATION[condition.op] : condition.op;
  const over =
    kind === 'success' && condition.over !== 'first'
      ? condition.over === 'all'
        ? 'any'
        : 'all'
      : condition.over;
  return {
    key: KEY_OF[op],
    value: condition.value,
    ...(over === 'first' ? {} : { series: over }),
  };
}

function describeFailing(f: Failing): string {
  return `fails ${f.key} ${f.value}${f.series ? `, series: ${f.series}` : ''}`;
}

interface DeclaredArg {
  value?: string;
  secret: boolean;
}

export function argoTriggers(document: YamlDocument, context: ImportContext): Mapped {
  const { value } = document;
  const kind = String(dig(value, 'kind'));
  const templateName = text(dig(value, 'metadata', 'name')) ?? '(no metadata.name)';
  const problems: ImportProblem[] = [];
  const triggers: ImportedTrigger[] = [];
  const declared = new Map<string, DeclaredArg>();
  const args = dig(value, 'spec', 'args');
  if (Array.isArray(args))
    for (const arg of args) {
      const name = isMapping(arg) ? text(arg.name) : undefined;
      if (!isMapping(arg) || name === undefined) continue;
      const given = arg.value;
      declared.set(name, {
        ...(typeof given === 'string' || typeof given === 'number' || typeof given === 'boolean'
          ? { value: String(given) }
          : {}),
        secret: arg.valueFrom !== undefined,
      });
    }
  for (const name of declared.keys()) context.knownArgs.add(name);
  // Argo's dry-run metrics are measured and never decide: here they would decide, so they stay out.
  const dryRun = (
    Array.isArray(dig(value, 'spec', 'dryRun')) ? (dig(value, 'spec', 'dryRun') as unknown[]) : []
  )
    .map((d) => text(dig(d, 'metricName')))
    .filter((n): n is string => n !== undefined);
  const isDryRun = (name: string | undefined): boolean =>
    name !== undefined &&
    dryRun.some((pattern) => {
      try {
        return new RegExp(`^(?:${pattern})$`).test(name);
      } catch {
        return pattern === name;
      }
    });
  const metrics = dig(value, 'spec', 'metrics');
  if (!Array.isArray(metrics) || metrics.length === 0) {
    problems.push({
      at: document.at('/spec'),
      message: `${kind} ${quote(templateName)} has no spec.metrics to import`,
    });
    return { triggers, problems };
  }
  metrics.forEach((metric, i) => {
    const metricName = text(dig(metric, 'name'));
    if (isDryRun(metricName)) {
      problems.push({
        at: document.at(`/spec/metrics/${i}`, true),
        level: 'warning',
        message: `${kind} ${quote(templateName)}, metric ${quote(metricName)}: a dry-run metric (spec.dryRun), which never decides in Argo: not imported`,
      });
      return;
    }
    const made = argoMetric(document, `/spec/metrics/${i}`, metric, declared, context, {
      kind,
      templateName,
    });
    problems.push(...made.problems);
    if (made.trigger) triggers.push(made.trigger);
  });
  return { triggers, problems };
}

function argoMetric(
  document: YamlDocument,
  pointer: string,
  metric: unknown,
  declared: Map<string, DeclaredArg>,
  context: ImportContext,
  template: { kind: string; templateName: string },
): { trigger?: ImportedTrigger; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const name = text(dig(metric, 'name'));
  const what = `${template.kind} ${quote(template.templateName)}, metric ${quote(name ?? `#${pointer.split('/').pop() ?? ''}`)}`;
  const refuse = (at: string, message: string): { problems: ImportProblem[] } => ({
    problems: [...problems, { at: document.at(at, true), message: `${what}: ${message}` }],
  });
  if (!isMapping(metric) || name === undefined) return refuse(pointer, 'a metric needs a name');
  const provider = metric.provider;
  const providers = isMapping(provider) ? Object.keys(provider) : [];
  if (providers.length !== 1 || providers[0] !== 'prometheus')
    return refuse(
      `${pointer}/provider`,
      providers.length
        ? `provider ${providers.join(', ')} is not supported: only prometheus metrics can be imported (web, job, datadog, newRelic, wavefront, cloudWatch, kayenta, graphite, influxdb, skywalking and plugin metrics are not)`
        : 'has no provider: only prometheus metrics can be imported',
    );
  const prometheus = dig(provider, 'prometheus');
  const written = text(dig(prometheus, 'query'));
  if (written === undefined)
    return refuse(`${pointer}/provider/prometheus`, 'has no provider.prometheus.query');
  const mapped: string[] = [];

  // {{args.NAME}}: the import's args over the template's defaults; a secret is never read.
  // Argo fills them across the whole metric (conditions and limits too), and so does this.
  const used = new Map<string, string>();
  const missing: string[] = [];
  const fill = (written: string, at: string): string =>
    written.replace(/\{\{\s*args\.([\w.-]+)\s*\}\}/g, (whole, arg: string) => {
      const given = context.args[arg];
      const declaration = declared.get(arg);
      const value = given ?? declaration?.value;
      if (value !== undefined) {
        used.set(
          arg,
          given !== undefined ? `${arg}=${given} (import args)` : `${arg}=${value} (default)`,
        );
        return value;
      }
      if (missing.push(arg) === 1)
        problems.push({
          at: document.at(at, true),
          message: `${what}: ${
            declaration?.secret
              ? `{{args.${arg}}} comes from valueFrom (a Secret or a field of the cluster), which an import does not read: a query should hold no secret; if this value is not one, give it under ${context.entry}.args.${arg}`
              : declaration
                ? `{{args.${arg}}} has no value: give it under ${context.entry}.args.${arg}`
                : `{{args.${arg}}} is not declared in spec.args and not given: give it under ${context.entry}.args.${arg}`
          }`,
        });
      return whole;
    });
  const query = fill(written, `${pointer}/provider/prometheus/query`);
  const filled: Record<string, unknown> = { ...metric };
  for (const key of ['successCondition', 'failureCondition', 'failureLimit', 'interval', 'count']) {
    const value = filled[key];
    if (typeof value === 'string') filled[key] = fill(value, `${pointer}/${key}`);
  }
  if (missing.length) return { problems };
  if (used.size) mapped.push(`args: ${[...used.values()].join(', ')}`);

  // Conditions: one, or two that are each other's complement.
  const success = filled.successCondition;
  const failure = filled.failureCondition;
  const parsed: { kind: 'success' | 'failure'; condition: Condition; text: string }[] = [];
  for (const [kind, source] of [
    ['success', success],
    ['failure', failure],
  ] as const) {
    if (source === undefined) continue;
    const key = `${kind}Condition`;
    const condition =
      typeof source === 'string' ? parseCondition(source) : { error: 'is not a string' };
    if ('error' in condition) return refuse(`${pointer}/${key}`, `${key} ${condition.error}`);
    parsed.push({ kind, condition, text: source as string });
  }
  if (parsed.length === 0)
    return refuse(pointer, 'has neither successCondition nor failureCondition: nothing to judge');
  const failings = parsed.map((p) => failingOf(p.condition, p.kind));
  const [failing] = failings;
  if (!failing) return { problems };
  if (failings.length === 2 && JSON.stringify(failings[0]) !== JSON.stringify(failings[1]))
    return refuse(
      `${pointer}/failureCondition`,
      `successCondition ${quote(parsed[0]?.text)} and failureCondition ${quote(parsed[1]?.text)} are not each other's complement (Argo calls what lies between them inconclusive): keep one`,
    );
  for (const p of parsed) {
    mapped.push(`${p.kind}Condition ${quote(p.text.trim())} → ${describeFailing(failing)}`);
    if (p.kind === 'success' && (p.condition.orEmpty || p.condition.orNaN))
      mapped.push(
        `${p.condition.orEmpty ? 'an empty result' : 'NaN'}${p.condition.orEmpty && p.condition.orNaN ? ' or NaN' : ''} passes in Argo; here it is no data, held (never a rollback, never a pass: a watch with only no data is inconclusive)`,
      );
    if (p.kind === 'failure' && (p.condition.orEmpty || p.condition.orNaN))
      mapped.push(
        `${p.condition.orEmpty ? 'an empty result' : 'NaN'} fails in Argo; here it is no data, held: the guard never rolls back on missing data alone`,
      );
  }

  const warnings: ImportProblem[] = [];
  const limit = filled.failureLimit;
  let failureLimit: number | undefined;
  if (limit !== undefined) {
    const n = typeof limit === 'string' && /^\d+$/.test(limit) ? Number(limit) : limit;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      return refuse(
        `${pointer}/failureLimit`,
        `failureLimit ${quote(limit)} is not supported: a whole number of failed measurements, 0 or more`,
      );
    failureLimit = n;
    mapped.push(
      n === 0
        ? 'failureLimit 0 → fails at the first failing poll'
        : `failureLimit ${n} → failure-limit ${n} (fails on more than ${plural(n, 'failing poll')} of the window)`,
    );
  }
  const interval = toolDuration(filled.interval);
  if (filled.interval !== undefined && interval === undefined)
    return refuse(`${pointer}/interval`, `interval ${quote(filled.interval)} is not a duration`);
  const differs = intervalNote(`Argo (interval ${plain(filled.interval)})`, interval, context);
  if (differs)
    warnings.push({
      at: document.at(`${pointer}/interval`),
      level: 'warning',
      message: `${what}: ${differs}`,
    });
  if (filled.count !== undefined)
    mapped.push(
      `count ${plain(filled.count)}${interval ? ` every ${formatDuration(interval)}` : ''}: here the guard's window decides how many polls are judged`,
    );
  for (const [key, meaning] of [
    [
      'consecutiveErrorLimit',
      'a query that errors is no data here, judged by no-data (hold: never a rollback on a failing backend)',
    ],
    ['inconclusiveLimit', 'a condition here is never inconclusive: a value passes or fails'],
    ['initialDelay', 'the guard starts when its step does'],
  ] as const)
    if (filled[key] !== undefined)
      mapped.push(`${key} ${plain(filled[key])} not mapped: ${meaning}`);
  if (dig(prometheus, 'address') !== undefined)
    mapped.push(
      'provider.prometheus.address not used: the guard reads its own Prometheus (prometheus-url)',
    );
  for (const key of ['headers', 'authentication'])
    if (dig(prometheus, key) !== undefined)
      warnings.push({
        at: document.at(`${pointer}/provider/prometheus/${key}`),
        level: 'warning',
        message: `${what}: provider.prometheus.${key} is not imported: give credentials under metrics.prometheus (headers-env, bearer-token-env, basic-auth)`,
      });

  const at = document.at(pointer);
  return {
    problems: [...problems, ...warnings],
    trigger: {
      spec: {
        name,
        provider: 'prometheus',
        query: oneLine(query),
        [failing.key]: failing.value,
        ...(failing.series ? { series: failing.series } : {}),
        ...(failureLimit ? { 'failure-limit': failureLimit } : {}),
        source: `import ${placeOf(at)} ${template.kind} ${template.templateName}${name === template.templateName ? '' : ` metric ${name}`}`,
      },
      at,
      queryAt: document.at(`${pointer}/provider/prometheus/query`, true),
      mapped,
    },
  };
}
