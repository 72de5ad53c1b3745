/**
 * A Flagger `Canary`'s `spec.analysis.metrics` (flagger.app/v1beta1) into triggers: a metric
 * with a `templateRef` reads the query of a `MetricTemplate` found in the imported files, and
 * the built-in `request-success-rate` (a percentage) and `request-duration` (milliseconds)
 * read the queries Flagger runs for the Canary's mesh or ingress provider. `thresholdRange`
 * becomes a band: Flagger fails a check below `min` or above `max`. Pure.
 */
import type { SourceLocation } from '../../errors.js';
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

/** Flagger's default for a metric's interval (`MetricInterval`) and the analysis's. */
const DEFAULT_INTERVAL = '1m';

type Builtin = 'request-success-rate' | 'request-duration';

const ALL = '[0-9a-zA-Z-]+';

/**
 * The queries Flagger's observers run for its two built-in metrics (fluxcd/flagger,
 * pkg/metrics/observers/<provider>.go), per provider, in Flagger's template language:
 * `total` selects every request of the canary and `ok` adds what excludes server errors.
 */
interface Observer {
  /** The request counter, its selector, and the matcher that leaves out server errors. */
  requests: string;
  selector: string;
  notError: string;
  /** Latency in milliseconds. */
  duration: (selector: string) => string;
  /** The success rate read from a histogram's `+Inf` bucket (traefik) needs it in the selector. */
  extra?: string;
}

const p99 = (bucket: string, scale = ''): ((selector: string) => string) => {
  return (selector) =>
    `histogram_quantile(0.99, sum(rate(${bucket}{${selector}}[{{ interval }}])) by (le))${scale}`;
};

const ENVOY = 'envoy_cluster_upstream_rq';
const OBSERVERS: Record<string, Observer> = {
  istio: {
    requests: 'istio_requests_total',
    selector:
      'reporter="destination",destination_workload_namespace="{{ namespace }}",destination_workload=~"{{ target }}"',
    notError: 'response_code!~"5.*"',
    duration: p99('istio_request_duration_milliseconds_bucket'),
  },
  linkerd: {
    requests: 'response_total',
    selector: 'namespace="{{ namespace }}",deployment=~"{{ target }}",direction="inbound"',
    notError: 'classification!="failure"',
    duration: p99('response_latency_ms_bucket'),
  },
  nginx: {
    requests: 'nginx_ingress_controller_requests',
    selector: 'namespace="{{ namespace }}",ingress="{{ ingress }}"',
    notError: 'status!~"5.*"',
    duration: (selector) =>
      `sum(rate(nginx_ingress_controller_ingress_upstream_latency_seconds_sum{${selector}}[{{ interval }}])) / sum(rate(nginx_ingress_controller_ingress_upstream_latency_seconds_count{${selector}}[{{ interval }}])) * 1000`,
  },
  contour: {
    requests: ENVOY,
    selector: `envoy_cluster_name=~"{{ namespace }}_{{ target }}-canary_${ALL}"`,
    notError: 'envoy_response_code!~"5.*"',
    duration: p99('envoy_cluster_upstream_rq_time_bucket'),
  },
  gloo: {
    requests: ENVOY,
    selector: `envoy_cluster_name=~"{{ namespace }}-{{ target }}-canary-${ALL}_${ALL}"`,
    notError: 'envoy_response_code!~"5.*"',
    duration: p99('envoy_cluster_upstream_rq_time_bucket'),
  },
  appmesh: {
    requests: ENVOY,
    selector:
      'kubernetes_namespace="{{ namespace }}",kubernetes_pod_name=~"{{ target }}-[0-9a-zA-Z]+(-[0-9a-zA-Z]+)"',
    notError: 'envoy_response_code!~"5.*"',
    duration: p99('envoy_cluster_upstream_rq_time_bucket'),
  },
  kuma: {
    requests: ENVOY,
    selector: `service=~"{{ target }}-canary_{{ namespace }}_svc_${ALL}"`,
    notError: 'envoy_response_code!~"5.*"',
    duration: p99('envoy_cluster_upstream_rq_time_bucket'),
  },
  traefik: {
    requests: 'traefik_service_request_duration_seconds_bucket',
    selector: `service=~"{{ namespace }}-{{ target }}-canary-${ALL}@kubernetescrd"`,
    notError: 'code!~"5.."',
    extra: 'le="+Inf"',
    // Flagger reads this histogram's seconds as milliseconds; here it is made milliseconds.
    duration: p99('traefik_service_request_duration_seconds_bucket', ' * 1000'),
  },
};

/** Flagger's provider names: `appmesh:v1beta2` and `gloo:...` are App Mesh and Gloo. */
function observerName(provider: string): string | undefined {
  if (provider.startsWith('appmesh')) return 'appmesh';
  if (provider.startsWith('gloo')) return 'gloo';
  return OBSERVERS[provider] ? provider : undefined;
}

/** Flagger's built-in query for a metric and provider, with its template variables. */
export function builtinQuery(metric: Builtin, provider: string): string | undefined {
  const name = observerName(provider);
  const o = name ? OBSERVERS[name] : undefined;
  if (!o) return undefined;
  if (metric === 'request-duration') return o.duration(o.selector);
  const all = [o.selector, o.extra].filter(Boolean).join(',');
  const ok = [o.selector, o.notError, o.extra].filter(Boolean).join(',');
  return `sum(rate(${o.requests}{${ok}}[{{ interval }}])) / sum(rate(${o.requests}{${all}}[{{ interval }}])) * 100`;
}

export const FLAGGER_PROVIDERS = Object.keys(OBSERVERS);

/** A MetricTemplate found in the imported files. */
export interface MetricTemplate {
  document: YamlDocument;
  name: string;
  namespace: string | undefined;
}

/**
 * Fills Flagger's template variables: `{{ name }}`, `{{ namespace }}`, `{{ target }}`,
 * `{{ service }}`, `{{ ingress }}`, `{{ interval }}` and `{{ variables.NAME }}`. Returns the
 * query, or the first variable that has no value.
 */
export function fillFlaggerQuery(
  query: string,
  values: Record<string, string | undefined>,
  variables: Record<string, string>,
): { query: string } | { missing: string } {
  let missing: string | undefined;
  const filled = query.replace(
    /\{\{\s*(name|namespace|target|service|ingress|interval|variables\.([\w-]+))\s*\}\}/g,
    (whole, key: string, variable: string | undefined) => {
      const value = variable !== undefined ? variables[variable] : values[key];
      if (value === undefined) missing ??= whole;
      return value ?? whole;
    },
  );
  return missing === undefined ? { query: filled } : { missing };
}

export function flaggerTriggers(
  canary: YamlDocument,
  templates: readonly MetricTemplate[],
  context: ImportContext,
  /** Templates used, so the importer can say which were never referenced. */
  used: Set<MetricTemplate>,
): Mapped {
  const problems: ImportProblem[] = [];
  const triggers: ImportedTrigger[] = [];
  const { value } = canary;
  const canaryName = text(dig(value, 'metadata', 'name')) ?? '(no metadata.name)';
  const what = `Canary ${quote(canaryName)}`;
  const analysisKey = dig(value, 'spec', 'analysis') !== undefined ? 'analysis' : 'canaryAnalysis';
  const analysis = dig(value, 'spec', analysisKey);
  const metrics = dig(analysis, 'metrics');
  if (!Array.isArray(metrics) || metrics.length === 0) {
    problems.push({
      at: canary.at('/spec'),
      message: `${what} has no spec.analysis.metrics to import`,
    });
    return { triggers, problems };
  }
  if (dig(value, 'spec', 'analysis', 'webhooks') !== undefined)
    problems.push({
      at: canary.at('/spec/analysis/webhooks', true),
      level: 'warning',
      message: `${what}: spec.analysis.webhooks (load tests, gates, rollback hooks) are not imported: only metrics become triggers`,
    });
  const writtenProvider = text(dig(value, 'spec', 'provider'));
  const provider = writtenProvider ?? 'istio';
  const args = context.args;
  for (const name of ['name', 'namespace', 'target', 'service', 'ingress'])
    context.knownArgs.add(name);
  const targetName = text(dig(value, 'spec', 'targetRef', 'name'));
  const values = {
    name: args.name ?? canaryName,
    namespace: args.namespace ?? text(dig(value, 'metadata', 'namespace')),
    target: args.target ?? targetName,
    service: args.service ?? text(dig(value, 'spec', 'service', 'name')) ?? targetName,
    ingress: args.ingress ?? text(dig(value, 'spec', 'ingressRef', 'name')),
  };
  const whereFrom: Record<string, string> = {
    namespace: 'metadata.namespace',
    target: 'spec.targetRef.name',
    ingress: 'spec.ingressRef.name',
    service: 'spec.service.name',
    name: 'metadata.name',
  };

  // Flagger counts failed checks and rolls back when they reach the threshold (default 1).
  const threshold = dig(analysis, 'threshold');
  const failureLimit =
    typeof threshold === 'number' && Number.isInteger(threshold) && threshold > 1
      ? threshold - 1
      : undefined;
  const analysisInterval = dig(analysis, 'interval') ?? DEFAULT_INTERVAL;
  const differs = intervalNote(
    `Flagger (analysis interval ${plain(analysisInterval)})`,
    toolDuration(analysisInterval),
    context,
  );
  if (differs)
    problems.push({
      at: canary.at(`/spec/${analysisKey}/interval`),
      level: 'warning',
      message: `${what}: ${differs}`,
    });

  metrics.forEach((metric, i) => {
    const pointer = `/spec/${analysisKey}/metrics/${i}`;
    const name = text(dig(metric, 'name'));
    const metricWhat = `${what}, metric ${quote(name ?? `#${i}`)}`;
    const problem = (at: SourceLocation, message: string): void => {
      problems.push({ at, message });
    };
    const refuse = (at: string, message: string): void =>
      problem(canary.at(at, true), `${metricWhat}: ${message}`);
    if (!isMapping(metric) || name === undefined) return refuse(pointer, 'a metric needs a name');
    const range = metric.thresholdRange;
    const min = dig(range, 'min');
    const max = dig(range, 'max');
    if (!isMapping(range) || (typeof min !== 'number' && typeof max !== 'number'))
      return refuse(
        metric.threshold !== undefined ? `${pointer}/threshold` : pointer,
        metric.threshold !== undefined
          ? 'threshold (deprecated in Flagger) is not imported: write it as thresholdRange.min or .max'
          : 'has no thresholdRange (min or max): nothing to judge',
      );
    const interval = text(metric.interval) ?? DEFAULT_INTERVAL;
    if (toolDuration(interval) === undefined)
      return refuse(`${pointer}/interval`, `interval ${quote(metric.interval)} is not a duration`);
    const mapped: string[] = [];
    let query: string | undefined;
    let queryAt = canary.at(pointer);
    let origin: string;
    const ref = metric.templateRef;
    if (isMapping(ref)) {
      const refName = text(ref.name);
      // Where the template lives is the Canary's business; args only fill the query.
      const refNamespace = text(ref.namespace) ?? text(dig(value, 'metadata', 'namespace'));
      const template = templates.find(
        (t) =>
          t.name === refName &&
          (t.namespace === undefined || refNamespace === undefined || t.namespace === refNamespace),
      );
      if (!template)
        return refuse(
          `${pointer}/templateRef`,
          `MetricTemplate ${quote(refName ?? '')}${refNamespace ? ` in namespace ${quote(refNamespace)}` : ''} is not in the imported files: add the file that defines it under import`,
        );
      used.add(template);
      const type = text(dig(template.document.value, 'spec', 'provider', 'type')) ?? 'prometheus';
      if (type !== 'prometheus')
        return problem(
          template.document.at('/spec/provider/type'),
          `MetricTemplate ${quote(template.name)} (used by ${metricWhat}): provider type ${quote(type)} is not supported: only prometheus templates can be imported`,
        );
      query = text(dig(template.document.value, 'spec', 'query'));
      if (query === undefined)
        return problem(
          template.document.at('/spec'),
          `MetricTemplate ${quote(template.name)} (used by ${metricWhat}) has no spec.query`,
        );
      queryAt = template.document.at('/spec/query', true);
      origin = ` via MetricTemplate ${template.name} (${placeOf(template.document.at(''))})`;
    } else if (name === 'request-success-rate' || name === 'request-duration') {
      query = builtinQuery(name, provider);
      if (query === undefined)
        return refuse(
          writtenProvider ? '/spec/provider' : pointer,
          `Flagger's built-in ${name} for provider ${quote(provider)} is not known here (known: ${FLAGGER_PROVIDERS.join(', ')}): use a MetricTemplate`,
        );
      origin = ` (Flagger built-in, ${provider}${writtenProvider ? '' : ' as Flagger assumes without spec.provider'})`;
      mapped.push(
        name === 'request-success-rate'
          ? 'request-success-rate: the percentage of requests that are not server errors (0–100)'
          : provider === 'nginx'
            ? "request-duration: mean latency in milliseconds (Flagger's nginx query is a mean, not a p99)"
            : 'request-duration: p99 latency in milliseconds',
      );
    } else if (text(metric.query) !== undefined) {
      query = text(metric.query);
      queryAt = canary.at(`${pointer}/query`, true);
      origin = ' (inline query)';
    } else
      return refuse(
        pointer,
        'is neither a built-in metric (request-success-rate, request-duration) nor has a templateRef',
      );

    const variables: Record<string, string> = {};
    const templateVariables = metric.templateVariables;
    if (isMapping(templateVariables))
      for (const [k, v] of Object.entries(templateVariables))
        if (typeof v === 'string' || typeof v === 'number') variables[k] = String(v);
    for (const k of Object.keys(variables)) context.knownArgs.add(k);
    for (const m of (query ?? '').matchAll(/\{\{\s*variables\.([\w-]+)\s*\}\}/g))
      if (m[1]) context.knownArgs.add(m[1]);
    Object.assign(variables, args);
    const filled = fillFlaggerQuery(query ?? '', { ...values, interval }, variables);
    if ('missing' in filled) {
      const key = /variables\.([\w-]+)/.exec(filled.missing)?.[1];
      const bare = filled.missing.replace(/[{}\s]/g, '');
      return problem(
        queryAt,
        `${metricWhat}: ${filled.missing} has no value: ${
          key
            ? `set it in the metric's templateVariables or give it under ${context.entry}.args.${key}`
            : `the Canary has no ${whereFrom[bare] ?? bare}; give it under ${context.entry}.args.${bare}`
        }`,
      );
    }
    mapped.push(
      `{{ interval }} → ${interval}${metric.interval === undefined ? ' (Flagger default)' : ''}`,
    );
    if (typeof min === 'number') mapped.push(`thresholdRange.min ${min} → below ${min}`);
    if (typeof max === 'number') mapped.push(`thresholdRange.max ${max} → above ${max}`);
    if (failureLimit !== undefined)
      mapped.push(
        `analysis.threshold ${plain(threshold)} → failure-limit ${failureLimit} (Flagger counts failed checks of all metrics together; here each trigger counts its own)`,
      );
    const at = canary.at(pointer);
    triggers.push({
      spec: {
        name,
        provider: 'prometheus',
        query: oneLine(filled.query),
        ...(typeof min === 'number' ? { below: min } : {}),
        ...(typeof max === 'number' ? { above: max } : {}),
        ...(failureLimit !== undefined ? { 'failure-limit': failureLimit } : {}),
        source: `import ${placeOf(at)} Canary ${canaryName} metric ${name}${origin}`,
      },
      at,
      queryAt,
      mapped,
    });
  });
  return { triggers, problems };
}
