/**
 * policy import through the bundled action: `validate` prints the triggers made from an Argo
 * AnalysisTemplate, a Flagger Canary with its MetricTemplates and a Prometheus rule file, with
 * the source of each; a guard without targets judges them against a Prometheus stand-in,
 * healthy and bad.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '../../lab/runner/harness.js';
import {
  closeStandIns,
  NO_HISTORY,
  prometheusAnswering,
  vector,
  type InstantSeries,
} from '../../lab/prometheus/stand-in.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The three kinds, as a repository would hold them. */
const FILES = {
  'rollouts/success-rate.yaml': fixture('argo/success-rate.yaml'),
  'flagger/canary.yaml': fixture('flagger/canary.yaml'),
  'flagger/templates.yaml': fixture('flagger/templates.yaml'),
  // A short `for`, so a guard of seconds can see it hold.
  'alerts/api.rules.yml': `groups:
  - name: api
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
      - alert: ApiDown
        expr: up{job="api"} == 0
        for: 2s
        labels: {severity: critical}
`,
};

afterEach(closeStandIns);

type Series = InstantSeries[];

/** A Prometheus stand-in answering each instant query by what it reads. */
function prometheus(answer: (query: string) => Series): Promise<string> {
  return prometheusAnswering((url) => ({
    body: url.pathname.endsWith('/query')
      ? vector(...answer(url.searchParams.get('query') ?? ''))
      : NO_HISTORY,
  }));
}
const one = (value: string): Series => [{ value: [1, value] }];

test('validate prints the imported triggers, their queries filled, thresholds mapped and sources', async () => {
  const result = await runAction({
    inputs: { mode: 'validate', 'prometheus-url': 'http://prometheus.invalid:9090' },
    files: {
      ...FILES,
      '.github/rollback-policy.yml': `import:
  - file: rollouts/success-rate.yaml
    args: {service-name: api}
  - file: flagger/canary.yaml
  - file: flagger/templates.yaml
  - file: alerts/api.rules.yml
`,
    },
  });
  expect(result.exitCode).toBe(0);
  const report = JSON.parse(result.outputs.report ?? '{}') as {
    triggers: { name: string; from: string; judged: string; mapped?: string[] }[];
  };
  expect(report.triggers.map((t) => [t.name, t.from])).toEqual([
    ['success-rate', 'import rollouts/success-rate.yaml:13 AnalysisTemplate success-rate'],
    [
      'request-success-rate',
      'import flagger/canary.yaml:22 Canary podinfo metric request-success-rate (Flagger built-in, istio)',
    ],
    [
      'request-duration',
      'import flagger/canary.yaml:26 Canary podinfo metric request-duration (Flagger built-in, istio)',
    ],
    [
      '404s percentage',
      'import flagger/canary.yaml:30 Canary podinfo metric 404s percentage via MetricTemplate not-found-percentage (flagger/templates.yaml:2)',
    ],
    [
      'error-budget',
      'import flagger/canary.yaml:37 Canary podinfo metric error-budget via MetricTemplate error-ratio (flagger/templates.yaml:33)',
    ],
    ['ApiDown', 'import alerts/api.rules.yml:6 alert ApiDown (group api)'],
  ]);
  expect(report.triggers[0]?.judged).toBe(
    'success-rate (P1, prometheus): fails < 0.95 on more than 3 polls of the window; reads sum(rate(http_requests_total{job="api",code!~"5.."}[5m])) / sum(rate(http_requests_total{job="api"}[5m])) (ranges cut to the time since the deploy, at least two scrapes)',
  );
  expect(report.triggers[0]?.mapped).toContain(
    "successCondition 'result[0] >= 0.95' → fails below 0.95",
  );
  expect(report.triggers[5]?.judged).toMatch(
    /^ApiDown \(P0, prometheus\): fails while the alert expression returns series for 2s; reads up\{job="api"\} == 0/,
  );
  // The log and the summary show the same, with each source.
  expect(result.log).toContain(
    '[import rollouts/success-rate.yaml:13 AnalysisTemplate success-rate]',
  );
  expect(result.log).toContain("successCondition 'result[0] >= 0.95' → fails below 0.95");
  expect(result.summary).toContain('import alerts/api.rules.yml:6 alert ApiDown (group api)');
  // Said, not refused: the recording rule, and Argo's 30 s against Flagger's... all shown once.
  expect(result.log).toContain('1 recording rule skipped (job:up:sum)');
});

/** An Argo template whose only metric queries a web endpoint: nothing in it can be imported. */
const WEB_TEMPLATE = `apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata: {name: web}
spec:
  metrics:
    - name: status
      successCondition: result.ok == true
      provider:
        web: {url: "https://status.example.com"}
`;

test('an import that cannot be mapped stops the run with one line per problem, at file:line', async () => {
  const result = await runAction({
    inputs: { mode: 'validate' },
    files: {
      'rollouts/web.yaml': WEB_TEMPLATE,
      '.github/rollback-policy.yml':
        'import:\n  - file: rollouts/web.yaml\n  - file: nowhere.yaml\n',
    },
  });
  expect(result.exitCode).toBe(1);
  expect(result.annotations.map((a) => `${a.file ?? ''}:${a.line ?? ''} ${a.message}`)).toEqual([
    ".github/rollback-policy.yml:3 rollback-action: .github/rollback-policy.yml:3:11: import[1].file: file not found: 'nowhere.yaml'",
    "rollouts/web.yaml:8 rollback-action: rollouts/web.yaml:8:7: AnalysisTemplate 'web', metric 'status': provider web is not supported: only prometheus metrics can be imported (web, job, datadog, newRelic, wavefront, cloudWatch, kayenta, graphite, influxdb, skywalking and plugin metrics are not)",
  ]);
  expect(result.stdout).not.toMatch(/at .*\.js:\d+/);
});

describe('a guard without targets judges imported triggers', () => {
  const guard = async (policy: string, answer: (query: string) => Series) => {
    const url = await prometheus(answer);
    const result = await runAction({
      inputs: { 'prometheus-url': url },
      files: { ...FILES, '.github/rollback-policy.yml': policy },
    });
    return {
      exit: result.exitCode,
      verdict: result.outputs.verdict,
      headline: (JSON.parse(result.outputs.report ?? '{}') as { headline?: string }).headline,
    };
  };

  const ARGO =
    'import:\n  - file: rollouts/success-rate.yaml\n    args: {service-name: api}\nwatch: {window: 6s, interval: 1s}\n';
  test.each([
    ['healthy (99 % succeed)', '0.99', 0, 'healthy'],
    ['bad (60 % succeed)', '0.6', 1, 'rollback-recommended'],
  ])('an Argo AnalysisTemplate, %s', async (_name, value, exit, verdict) => {
    const run = await guard(ARGO, () => one(value));
    expect({ exit: run.exit, verdict: run.verdict }).toEqual({ exit, verdict });
    if (exit)
      expect(run.headline).toMatch(
        /^success-rate \(P1\): 4 polls breached < 0\.95, more than failure-limit 3; last 0\.6/,
      );
  });

  const FLAGGER =
    'import:\n  - file: flagger/canary.yaml\n  - file: flagger/templates.yaml\nwatch: {window: 7s, interval: 1s}\n';
  const flagger = (successRate: string) => (query: string) =>
    query.includes('response_code!~"5.*"')
      ? one(successRate)
      : query.includes('istio_request_duration_milliseconds_bucket')
        ? one('120')
        : query.includes('response_code!="404"')
          ? one('1')
          : one('0.01');
  test.each([
    ['healthy (99.9 % succeed)', '99.9', 0, 'healthy'],
    ['bad (80 % succeed)', '80', 1, 'rollback-recommended'],
  ])('a Flagger Canary with its MetricTemplates, %s', async (_name, value, exit, verdict) => {
    const run = await guard(FLAGGER, flagger(value));
    expect({ exit: run.exit, verdict: run.verdict }).toEqual({ exit, verdict });
    if (exit)
      expect(run.headline).toMatch(
        /^request-success-rate \(P1\): 5 polls breached < 99, more than failure-limit 4; last 80/,
      );
  });

  const RULES = 'import:\n  - file: alerts/api.rules.yml\nwatch: {window: 4s, interval: 1s}\n';
  test.each<[string, Series, number, string]>([
    ['healthy (the alert returns nothing)', [], 0, 'healthy'],
    [
      'bad (the alert fires)',
      [{ metric: { job: 'api', instance: 'api-1' }, value: [1, '0'] }],
      1,
      'rollback-recommended',
    ],
  ])('a rule file, %s', async (_name, series, exit, verdict) => {
    const run = await guard(RULES, () => series);
    expect({ exit: run.exit, verdict: run.verdict }).toEqual({ exit, verdict });
    if (exit)
      expect(run.headline).toMatch(/^ApiDown \(P0\): firing on \{instance="api-1",job="api"\}/);
  });
});

test('what cannot be mapped in a file that is found is refused at its line in that file', async () => {
  const result = await runAction({
    inputs: { mode: 'validate' },
    files: {
      'rollouts/web.yaml': WEB_TEMPLATE,
      '.github/rollback-policy.yml': 'import:\n  - file: rollouts/web.yaml\n',
    },
  });
  expect(result.exitCode).toBe(1);
  expect(result.annotations.map((a) => `${a.file ?? ''}:${a.line ?? ''}`)).toEqual([
    'rollouts/web.yaml:8',
  ]);
  expect(result.log).toContain(
    "rollouts/web.yaml:8:7: AnalysisTemplate 'web', metric 'status': provider web is not supported",
  );
});
