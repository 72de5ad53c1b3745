/**
 * policy import: Argo Rollouts conditions, Flagger Canaries and MetricTemplates, Prometheus
 * rule files mapped to triggers, and every refusal one line at file:line naming the thing.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserErrors } from '../../src/errors.js';
import { failingOf, parseCondition } from '../../src/policy/import/argo.js';
import { oneLine, readDocuments, type YamlDocument } from '../../src/policy/import/common.js';
import {
  FLAGGER_PROVIDERS,
  builtinQuery,
  fillFlaggerQuery,
} from '../../src/policy/import/flagger.js';
import { importTriggers, type Imported } from '../../src/policy/import/index.js';
import { checkRuleFile, severityOf } from '../../src/policy/import/rules.js';
import { loadPolicy } from '../../src/policy/load.js';
import { promqlProblem } from '../../src/metrics/promql-syntax.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const GUARD = { intervalMs: 30_000, intervalFrom: 'watch.interval' };

/** Imports files given as text, each its own entry. */
function imported(
  ...files: { file: string; text: string; args?: Record<string, string> }[]
): Imported {
  return importTriggers(
    files.map((f, entry) => ({ entry, file: f.file, text: f.text, args: f.args ?? {} })),
    GUARD,
  );
}
const messages = (result: Imported): string[] =>
  result.errors.map((e) => `${e.at.file}:${e.at.line}: ${e.message}`);

describe('Argo conditions', () => {
  test.each<[string, 'success' | 'failure', Record<string, unknown>]>([
    ['result[0] >= 0.95', 'success', { key: 'below', value: 0.95 }],
    ['result[0] > 0.9', 'success', { key: 'at-most', value: 0.9 }],
    ['result[0] <= 500', 'success', { key: 'above', value: 500 }],
    ['result[0] < 0.05', 'success', { key: 'at-least', value: 0.05 }],
    ['result >= 0.95', 'success', { key: 'below', value: 0.95 }],
    ['result[0] > 10', 'failure', { key: 'above', value: 10 }],
    ['result[0] >= 10', 'failure', { key: 'at-least', value: 10 }],
    ['result[0] < 1', 'failure', { key: 'below', value: 1 }],
    ['result[0] <= 1e-3', 'failure', { key: 'at-most', value: 0.001 }],
    ['len(result) == 0 || result[0] >= 0.95', 'success', { key: 'below', value: 0.95 }],
    ['isNaN(result[0]) || result[0] < .5', 'success', { key: 'at-least', value: 0.5 }],
    ['(len(result) == 0 || result[0] >= 0.95)', 'success', { key: 'below', value: 0.95 }],
    ['all(result, {# >= 0.95})', 'success', { key: 'below', value: 0.95, series: 'any' }],
    ['any(result, {# >= 0.95})', 'success', { key: 'below', value: 0.95, series: 'all' }],
    ['all(result, {# > 5})', 'failure', { key: 'above', value: 5, series: 'all' }],
    ['any(result, # > 5)', 'failure', { key: 'above', value: 5, series: 'any' }],
  ])('%s as a %sCondition fails %j', (text, kind, expected) => {
    const condition = parseCondition(text);
    if ('error' in condition) throw new Error(condition.error);
    expect(failingOf(condition, kind)).toEqual(expected);
  });

  test.each<[string, RegExp]>([
    ['result[0] == 1', /compares with ==/],
    ['result[0] != 0', /compares with !=/],
    ['result.ok == true', /not one of the forms/],
    ['result[1] > 3', /not one of the forms/],
    ['result[0] > 3 && result[0] < 5', /not one of the forms/],
    ['asInt(result) > 3', /not one of the forms/],
  ])('%s is refused', (text, why) => {
    const condition = parseCondition(text);
    expect('error' in condition && condition.error).toMatch(why);
  });
});

const TEMPLATE = (metrics: string, extra = ''): string => `apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata: {name: t}
spec:
  args:
    - {name: svc}
    - {name: threshold, value: "0.9"}
    - {name: limit, value: "2"}
${extra}  metrics:
${metrics}`;
const METRIC = (name: string, condition: string, more = ''): string =>
  `    - name: ${name}\n      ${condition}\n${more}      provider:\n        prometheus:\n          query: 'sum(rate(x{job="{{args.svc}}"}[5m]))'\n`;

describe('Argo, as a trial with real templates found', () => {
  test('a dry-run metric never decides in Argo, so it is not imported (said once)', () => {
    const result = imported({
      file: 'a.yaml',
      text: TEMPLATE(
        METRIC('m', 'successCondition: result[0] >= 0.95') +
          METRIC('shadow', 'successCondition: result[0] >= 0.999'),
        '  dryRun:\n    - metricName: sha.*\n',
      ),
      args: { svc: 'api' },
    });
    expect(messages(result)).toEqual([]);
    expect(result.triggers.map((t) => t.spec.name)).toEqual(['m']);
    expect(result.warnings.map((w) => w.message)).toContain(
      "AnalysisTemplate 't', metric 'shadow': a dry-run metric (spec.dryRun), which never decides in Argo: not imported",
    );
  });

  test('args are filled in conditions and limits too, as Argo fills the whole metric', () => {
    const result = imported({
      file: 'a.yaml',
      text: TEMPLATE(
        METRIC(
          'm',
          'successCondition: result[0] >= {{args.threshold}}',
          '      failureLimit: "{{args.limit}}"\n',
        ),
      ),
      args: { svc: 'api' },
    });
    expect(messages(result)).toEqual([]);
    expect(result.triggers[0]?.spec).toMatchObject({ below: 0.9, 'failure-limit': 2 });
  });

  test('isNaN(result) with a scalar result is the same form as isNaN(result[0])', () => {
    expect(parseCondition('isNaN(result) || result >= 0.95')).toMatchObject({
      op: '>=',
      value: 0.95,
      orNaN: true,
    });
  });

  test('an arg that breaks the query: the column is of the filled query, which is shown', () => {
    const result = imported({
      file: 'a.yaml',
      text: TEMPLATE(METRIC('m', 'successCondition: result[0] >= 0.95')),
      args: { svc: 'api"} or vector(1) #' },
    });
    expect(messages(result)).toEqual([
      // (What follows # is a PromQL comment: the filled query ends before it.)
      `a.yaml:14: import[0] 'm': not valid PromQL: the query ends at column 35 before it is complete (the query as filled: sum(rate(x{job="api"} or vector(1))`,
    ]);
  });

  test('a Rollout beside its AnalysisTemplate is passed over, said once', () => {
    const result = imported({
      file: 'r.yaml',
      text: `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: api}\n---\n${TEMPLATE(METRIC('m', 'successCondition: result[0] >= 0.95'))}`,
      args: { svc: 'api' },
    });
    expect(messages(result)).toEqual([]);
    expect(result.triggers.map((t) => t.spec.name)).toEqual(['m']);
    expect(result.warnings.map((w) => w.message)).toContain(
      'document 1 (argoproj.io/v1alpha1 Rollout) passed over: only its analysis is imported',
    );
  });

  test('an arg the template does not declare is named, with the one meant', () => {
    const result = imported({
      file: 'a.yaml',
      text: TEMPLATE(METRIC('m', 'successCondition: result[0] >= 0.95')),
      args: { svc: 'api', sevc: 'x' },
    });
    expect(result.unknownArgs).toEqual([
      { entry: 0, name: 'sevc', known: ['svc', 'threshold', 'limit'] },
    ]);
  });

  test('a file that makes no trigger is refused: a guard over it would see nothing', () => {
    const result = imported({
      file: 'r.yml',
      text: 'groups:\n  - name: g\n    rules:\n      - record: a:b\n        expr: sum(up)\n',
    });
    expect(messages(result)).toEqual([
      'r.yml:1: import[0]: r.yml makes no trigger (nothing in it can be judged: no alerting rule, no metric to import), so a guard over it would call every deploy healthy',
    ]);
  });
});

describe('Argo AnalysisTemplate', () => {
  test('the documented success-rate template: args filled, success negated, failureLimit kept', () => {
    const result = imported({
      file: 'rollouts/success-rate.yaml',
      text: fixture('argo/success-rate.yaml'),
      args: { 'service-name': 'api' },
    });
    expect(messages(result)).toEqual([]);
    expect(result.triggers.map((t) => t.spec)).toEqual([
      {
        name: 'success-rate',
        provider: 'prometheus',
        query:
          'sum(rate(http_requests_total{job="api",code!~"5.."}[5m])) / sum(rate(http_requests_total{job="api"}[5m]))',
        below: 0.95,
        'failure-limit': 3,
        source: 'import rollouts/success-rate.yaml:13 AnalysisTemplate success-rate',
      },
    ]);
    expect(result.triggers[0]?.mapped).toEqual(
      expect.arrayContaining([
        'args: service-name=api (import args), window=5m (default)',
        "successCondition 'result[0] >= 0.95' → fails below 0.95",
      ]),
    );
  });

  test('a ClusterAnalysisTemplate: all() over series, and two conditions that are complements', () => {
    const result = imported({
      file: 'latency.yaml',
      text: fixture('argo/cluster-latency.yaml'),
      args: { 'service-name': 'api' },
    });
    expect(messages(result)).toEqual([]);
    expect(
      result.triggers.map((t) => [t.spec.name, t.spec.series, t.spec.above, t.spec['at-least']]),
    ).toEqual([
      ['p95-latency-per-pod', 'all', 0.5, undefined],
      ['error-ratio', undefined, undefined, 0.05],
    ]);
    // Argo measures every 1m; the guard polls every 30s: said, not refused. A quantile per pod
    // has no one count of slow requests: judged on its values, and said so.
    expect(result.warnings.map((w) => `${w.at.line}: ${w.message}`)).toEqual([
      "12: ClusterAnalysisTemplate 'latency', metric 'p95-latency-per-pod': Argo (interval 1m) measures every 1m; this guard polls every 30s (watch.interval), one interval for all triggers",
      '16: import[0] \'p95-latency-per-pod\': judged on the quantile alone: slow requests are counted (and a sequential test can fail it early) only for histogram_quantile(q, sum by (le) (rate(<buckets>[range]))) (the query as filled: histogram_quantile(0.95, sum by (le, pod) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))))',
    ]);
  });

  test('what cannot be mapped is refused, one line each at file:line naming it', () => {
    expect(
      messages(imported({ file: 'mixed.yaml', text: fixture('argo/unsupported.yaml') })),
    ).toEqual([
      "mixed.yaml:13: AnalysisTemplate 'mixed', metric 'webcheck': provider web is not supported: only prometheus metrics can be imported (web, job, datadog, newRelic, wavefront, cloudWatch, kayenta, graphite, influxdb, skywalking and plugin metrics are not)",
      "mixed.yaml:17: AnalysisTemplate 'mixed', metric 'equals': successCondition 'result[0] == 1' compares with ==; only <, <=, > and >= map to a threshold",
      "mixed.yaml:25: AnalysisTemplate 'mixed', metric 'secret-in-query': {{args.api-token}} comes from valueFrom (a Secret or a field of the cluster), which an import does not read: a query should hold no secret; if this value is not one, give it under import[0].args.api-token",
    ]);
  });

  const template = (metric: string, args = ''): string =>
    `apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata: {name: t}\nspec:\n${args}  metrics:\n${metric}`;
  test.each<[string, string, string]>([
    [
      'an arg without a value',
      template(
        '    - name: m\n      successCondition: result[0] > 1\n      provider: {prometheus: {query: "up{job=\\"{{args.job}}\\"}"}}\n',
        '  args:\n    - name: job\n',
      ),
      "t.yaml:10: AnalysisTemplate 't', metric 'm': {{args.job}} has no value: give it under import[0].args.job",
    ],
    [
      'an arg not declared',
      template(
        '    - name: m\n      successCondition: result[0] > 1\n      provider: {prometheus: {query: "up{job=\\"{{args.job}}\\"}"}}\n',
      ),
      "t.yaml:8: AnalysisTemplate 't', metric 'm': {{args.job}} is not declared in spec.args and not given: give it under import[0].args.job",
    ],
    [
      'conditions that are not complements',
      template(
        '    - name: m\n      successCondition: result[0] > 1\n      failureCondition: result[0] < 0.5\n      provider: {prometheus: {query: up}}\n',
      ),
      "t.yaml:8: AnalysisTemplate 't', metric 'm': successCondition 'result[0] > 1' and failureCondition 'result[0] < 0.5' are not each other's complement (Argo calls what lies between them inconclusive): keep one",
    ],
    [
      'no condition',
      template('    - name: m\n      provider: {prometheus: {query: up}}\n'),
      "t.yaml:6: AnalysisTemplate 't', metric 'm': has neither successCondition nor failureCondition: nothing to judge",
    ],
    [
      'a job metric',
      template('    - name: m\n      provider: {job: {spec: {}}}\n'),
      "t.yaml:7: AnalysisTemplate 't', metric 'm': provider job is not supported: only prometheus metrics can be imported (web, job, datadog, newRelic, wavefront, cloudWatch, kayenta, graphite, influxdb, skywalking and plugin metrics are not)",
    ],
    [
      'a query that is not PromQL (the checks every trigger gets)',
      template(
        '    - name: m\n      successCondition: result[0] > 1\n      provider: {prometheus: {query: "rate(x{code~\\"5.*\\"}[5m])"}}\n',
      ),
      "t.yaml:8: import[0] 'm': not valid PromQL at column 12, near '~\"5.*\"}[5m])'; a regular-expression match is written =~",
    ],
    [
      'a negative failureLimit',
      template(
        '    - name: m\n      successCondition: result[0] > 1\n      failureLimit: -1\n      provider: {prometheus: {query: up}}\n',
      ),
      "t.yaml:8: AnalysisTemplate 't', metric 'm': failureLimit -1 is not supported: a whole number of failed measurements, 0 or more",
    ],
  ])('%s is refused', (_name, text, message) => {
    expect(messages(imported({ file: 't.yaml', text }))).toEqual([message]);
  });
});

describe('Flagger', () => {
  test('a Canary with built-in metrics and a MetricTemplate from another file', () => {
    const result = imported(
      { file: 'canary.yaml', text: fixture('flagger/canary.yaml') },
      { file: 'templates.yaml', text: fixture('flagger/templates.yaml') },
    );
    expect(messages(result)).toEqual([]);
    expect(
      result.triggers.map((t) => [
        t.spec.name,
        t.spec.below,
        t.spec.above,
        t.spec['failure-limit'],
        t.spec.source,
      ]),
    ).toEqual([
      [
        'request-success-rate',
        99,
        undefined,
        4,
        'import canary.yaml:22 Canary podinfo metric request-success-rate (Flagger built-in, istio)',
      ],
      [
        'request-duration',
        undefined,
        500,
        4,
        'import canary.yaml:26 Canary podinfo metric request-duration (Flagger built-in, istio)',
      ],
      [
        '404s percentage',
        undefined,
        5,
        4,
        'import canary.yaml:30 Canary podinfo metric 404s percentage via MetricTemplate not-found-percentage (templates.yaml:2)',
      ],
      [
        'error-budget',
        0,
        0.05,
        4,
        'import canary.yaml:37 Canary podinfo metric error-budget via MetricTemplate error-ratio (templates.yaml:33)',
      ],
    ]);
    expect(result.triggers[3]?.spec.query).toBe(
      'sum(rate(http_requests_total{namespace="test",job="podinfo",code=~"5.."}[1m])) / sum(rate(http_requests_total{namespace="test",job="podinfo"}[1m]))',
    );
  });

  test.each(FLAGGER_PROVIDERS)(
    "%s: Flagger's built-in queries, filled, are valid PromQL",
    (provider) => {
      for (const metric of ['request-success-rate', 'request-duration'] as const) {
        const query = builtinQuery(metric, provider) ?? '';
        const filled = fillFlaggerQuery(
          query,
          { namespace: 'shop', target: 'api', ingress: 'api', interval: '1m' },
          {},
        );
        if (!('query' in filled)) throw new Error(`unfilled ${filled.missing}`);
        expect(promqlProblem(filled.query)).toBeUndefined();
      }
    },
  );

  test('the istio success rate is the query Flagger runs', () => {
    const filled = fillFlaggerQuery(
      builtinQuery('request-success-rate', 'istio') ?? '',
      { namespace: 'test', target: 'podinfo', interval: '1m' },
      {},
    );
    expect(filled).toEqual({
      query:
        'sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="test",destination_workload=~"podinfo",response_code!~"5.*"}[1m])) / sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="test",destination_workload=~"podinfo"}[1m])) * 100',
    });
    expect(builtinQuery('request-duration', 'appmesh:v1beta2')).toContain(
      'envoy_cluster_upstream_rq_time_bucket',
    );
  });

  const canary = (extra: string, metric: string): string =>
    `apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: {name: web, namespace: shop}\nspec:\n  targetRef: {kind: Deployment, name: web}\n${extra}  analysis:\n    metrics:\n${metric}`;
  test.each<[string, string, string]>([
    [
      'a template not imported',
      canary(
        '',
        '      - name: custom\n        templateRef: {name: missing}\n        thresholdRange: {max: 1}\n',
      ),
      "c.yaml:9: Canary 'web', metric 'custom': MetricTemplate 'missing' in namespace 'shop' is not in the imported files: add the file that defines it under import",
    ],
    [
      'no thresholdRange',
      canary('', '      - name: request-success-rate\n'),
      "c.yaml:8: Canary 'web', metric 'request-success-rate': has no thresholdRange (min or max): nothing to judge",
    ],
    [
      'a provider whose built-ins are not known',
      canary(
        '  provider: skipper\n',
        '      - name: request-duration\n        thresholdRange: {max: 500}\n',
      ),
      "c.yaml:6: Canary 'web', metric 'request-duration': Flagger's built-in request-duration for provider 'skipper' is not known here (known: istio, linkerd, nginx, contour, gloo, appmesh, kuma, traefik): use a MetricTemplate",
    ],
    [
      'nginx without an ingressRef',
      canary(
        '  provider: nginx\n',
        '      - name: request-success-rate\n        thresholdRange: {min: 99}\n',
      ),
      "c.yaml:9: Canary 'web', metric 'request-success-rate': {{ ingress }} has no value: the Canary has no spec.ingressRef.name; give it under import[0].args.ingress",
    ],
  ])('%s is refused', (_name, text, message) => {
    expect(messages(imported({ file: 'c.yaml', text }))).toEqual([message]);
  });

  test('a non-prometheus MetricTemplate is refused at its provider type', () => {
    const template =
      'apiVersion: flagger.app/v1beta1\nkind: MetricTemplate\nmetadata: {name: dd}\nspec:\n  provider:\n    type: datadog\n  query: avg:latency{*}\n';
    const result = imported({
      file: 'c.yaml',
      text: `${canary('', '      - name: latency\n        templateRef: {name: dd}\n        thresholdRange: {max: 1}\n')}---\n${template}`,
    });
    expect(messages(result)).toEqual([
      "c.yaml:17: MetricTemplate 'dd' (used by Canary 'web', metric 'latency'): provider type 'datadog' is not supported: only prometheus templates can be imported",
    ]);
  });

  test('args fill variables and override the Canary', () => {
    const result = imported({
      file: 'c.yaml',
      text: `${canary('', '      - name: custom\n        templateRef: {name: q}\n        thresholdRange: {max: 1}\n')}---\napiVersion: flagger.app/v1beta1\nkind: MetricTemplate\nmetadata: {name: q}\nspec:\n  query: 'max(x{ns="{{ namespace }}",app="{{ target }}",v="{{ variables.v }}"}[{{ interval }}])'\n`,
      args: { target: 'web-v2', v: 'z' },
    });
    expect(messages(result)).toEqual([]);
    expect(result.triggers[0]?.spec.query).toBe('max(x{ns="shop",app="web-v2",v="z"}[1m])');
  });

  test("args.namespace fills the query; the template is still found in the Canary's namespace", () => {
    const result = imported({
      file: 'c.yaml',
      text: `${canary('', '      - name: custom\n        templateRef: {name: q}\n        thresholdRange: {max: 1}\n')}---\napiVersion: flagger.app/v1beta1\nkind: MetricTemplate\nmetadata: {name: q, namespace: shop}\nspec:\n  query: 'max(x{ns="{{ namespace }}"})'\n`,
      args: { namespace: 'prod' },
    });
    expect(messages(result)).toEqual([]);
    expect(result.triggers[0]?.spec.query).toBe('max(x{ns="prod"})');
    expect(result.unknownArgs).toEqual([]);
  });
});

describe('Prometheus rule files', () => {
  test('each alerting rule is a kind: alert trigger with its for and severity; recording rules are skipped', () => {
    const result = imported({ file: 'slo.rules.yml', text: fixture('rules/slo.rules.yml') });
    expect(messages(result)).toEqual([]);
    expect(
      result.triggers.map((t) => [t.spec.name, t.spec.kind, t.spec.for, t.spec.severity]),
    ).toEqual([
      ['ErrorBudgetBurn', 'alert', '2m', 'P0'],
      ['ErrorBudgetBurn-2', 'alert', '15m', 'P1'],
      ['ApiDown', 'alert', '1m', 'P0'],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      '2 recording rules skipped (job:slo_errors_per_request:ratio_rate5m, job:slo_errors_per_request:ratio_rate1h): only alerting rules become triggers',
      "trigger name 'ErrorBudgetBurn' is taken by import slo.rules.yml:13 alert ErrorBudgetBurn (group api-slo-alerts): this one is named 'ErrorBudgetBurn-2'",
    ]);
  });

  test('a PrometheusRule is read from its spec.groups', () => {
    const text = `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: api}\nspec:\n  groups:\n    - name: api\n      rules:\n        - alert: ApiDown\n          expr: up{job="api"} == 0\n`;
    const result = imported({ file: 'rule.yaml', text });
    expect(result.triggers.map((t) => [t.spec.name, t.spec.source])).toEqual([
      ['ApiDown', 'import rule.yaml:8 alert ApiDown (group api)'],
    ]);
  });

  test.each<[string | undefined, string]>([
    ['critical', 'P0'],
    ['page', 'P0'],
    ['warning', 'P1'],
    [undefined, 'P1'],
    ['info', 'P2'],
    ['P2', 'P2'],
    ['whatever', 'P1'],
  ])('severity %s is %s', (label, severity) => {
    expect(severityOf(label).severity).toBe(severity);
  });

  // The same verdict as the real promtool on every fixture, valid and broken.
  const promtoolFixtures = readdirSync(path.join(FIXTURES, 'promtool'));
  test.each(promtoolFixtures)('%s: the same verdict as promtool check rules', (name) => {
    const file = path.join(FIXTURES, 'promtool', name);
    let promtool = true;
    try {
      execFileSync('promtool', ['check', 'rules', file], { stdio: 'pipe' });
    } catch {
      promtool = false;
    }
    const documents = readDocuments(readFileSync(file, 'utf8'), name) as YamlDocument[];
    const ours = checkRuleFile(documents[0] as YamlDocument, '/groups');
    expect({ name, ok: ours.length === 0 }).toEqual({ name, ok: promtool });
    expect(promtool).toBe(name === 'valid.yml');
  });

  test('each refusal is at the rule and names it', () => {
    const check = (name: string): string[] => {
      const documents = readDocuments(fixture(`promtool/${name}`), name) as YamlDocument[];
      return checkRuleFile(documents[0] as YamlDocument, '/groups').map(
        (p) => `${p.at.line}: ${p.message}`,
      );
    };
    expect(check('repeated-group.yml')).toEqual(["4: group name 'api' is repeated in the file"]);
    expect(check('bad-for.yml')).toEqual(["6: group 'api', rule 1 'X': for 5 is not a duration"]);
    expect(check('unknown-key.yml')).toEqual([
      "6: group 'api', rule 1 'X': unknown key 'severity'",
    ]);
    expect(check('bad-expr.yml')).toEqual([
      "5: group 'api', rule 1 'X': expr not valid PromQL: the query ends at column 34 before it is complete",
    ]);
  });
});

describe('other files', () => {
  test('a document of another kind, and YAML that does not parse, are refused at their place', () => {
    expect(
      messages(
        imported(
          {
            file: 'rollout.yaml',
            text: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: x}\n',
          },
          { file: 'bad.yaml', text: 'groups: [\n' },
        ),
      ),
    ).toEqual([
      'rollout.yaml:1: document 1 (argoproj.io/v1alpha1 Rollout) cannot be imported: expected an AnalysisTemplate or ClusterAnalysisTemplate (argoproj.io), Canary or MetricTemplate (flagger.app), a Prometheus rule file (groups:) or a PrometheusRule',
      expect.stringMatching(/^bad\.yaml:2: invalid YAML: /),
    ]);
  });

  test('a multi-line query is shown on one line; strings and their spaces are kept', () => {
    expect(oneLine('sum(\n  rate(x{a="b  c"}[5m])  # comment\n)\n/ 2')).toBe(
      'sum(rate(x{a="b  c"}[5m])) / 2',
    );
  });
});

describe('loading imports', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'import-'));
    writeFileSync(path.join(dir, 'rules.yml'), fixture('rules/slo.rules.yml'));
    symlinkSync('/etc/hostname', path.join(dir, 'link.yml'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (policy: string): string[] => {
    writeFileSync(path.join(dir, 'policy.yml'), policy);
    try {
      const loaded = loadPolicy(dir, 'policy.yml', true);
      return (loaded?.policy.imported ?? []).map((t) => `${t.name} ${t.source}`);
    } catch (error) {
      if (error instanceof UserErrors) return error.errors.map((e) => e.message);
      throw error;
    }
  };

  test.each<[string, string]>([
    [
      '../outside.yml',
      "policy.yml:2:11: import[0].file: '../outside.yml' is outside the workspace; import reads files of the repository, given relative to it",
    ],
    [
      '/etc/passwd',
      "policy.yml:2:11: import[0].file: '/etc/passwd' is outside the workspace; import reads files of the repository, given relative to it",
    ],
    [
      'link.yml',
      "policy.yml:2:11: import[0].file: 'link.yml' is a link that leads outside the workspace",
    ],
    ['missing.yml', "policy.yml:2:11: import[0].file: file not found: 'missing.yml'"],
    ['.', "policy.yml:2:11: import[0].file: '.' is a directory, not a file"],
  ])('%s is one clear error at the policy line', (file, message) => {
    expect(load(`import:\n  - file: ${file}\n`)).toEqual([message]);
  });

  test('an arg no document uses is refused at its line in the policy, with the one meant', () => {
    writeFileSync(
      path.join(dir, 'a.yaml'),
      TEMPLATE(METRIC('m', 'successCondition: result[0] >= 0.95')),
    );
    expect(load('import:\n  - file: a.yaml\n    args: {svc: api, sevc: x}\n')).toEqual([
      "policy.yml:3:28: import[0].args.sevc: no document of 'a.yaml' uses an arg 'sevc' (did you mean 'svc'?)",
    ]);
    expect(load('import:\n  - file: rules.yml\n    args: {svc: api}\n')).toEqual([
      "policy.yml:3:17: import[0].args.svc: no document of 'rules.yml' uses an arg 'svc'; it takes none",
    ]);
  });

  test("the policy's own trigger wins a name clash; the imported one is dropped with a warning", () => {
    writeFileSync(
      path.join(dir, 'policy.yml'),
      'triggers:\n  - {name: ApiDown, query: sum(up), below: 1}\nimport:\n  - file: rules.yml\n',
    );
    const loaded = loadPolicy(dir, 'policy.yml', true);
    expect(loaded?.policy.imported?.map((t) => t.name)).toEqual([
      'ErrorBudgetBurn',
      'ErrorBudgetBurn-2',
    ]);
    expect(loaded?.warnings.map((w) => w.message)).toContain(
      "rules.yml:31:9: imported trigger 'ApiDown' is replaced by the policy's own trigger of that name (policy.yml:2)",
    );
  });
});
