/**
 * The bundled action (dist/index.js) run as a runner runs it, through the lab's harness.
 * `npm test` builds dist first, so these test what ships.
 */
import { readdir } from 'node:fs/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction } from '../../lab/runner/harness.js';

const POLICY = `version: 1
targets: [deployment/api]
namespace: shop
watch: { window: 5m, interval: 15s }
strategy: kubernetes
`;

describe('mode: validate through the runner harness', () => {
  test('with no policy file, defaults are shown and the report is an output and a file', async () => {
    const result = await runAction({ inputs: { mode: 'validate' } });
    expect(result.exitCode).toBe(0);
    expect(result.annotations).toEqual([]);
    const report = JSON.parse(result.outputs.report ?? '') as Record<string, unknown>;
    expect(report).toMatchObject({
      'report-version': 1,
      mode: 'validate',
      'policy-file': null,
      settings: {
        window: { value: '10m', from: 'default' },
        strategy: { value: 'auto', from: 'default' },
      },
    });
    const reportPath = result.outputs['report-path'] ?? '';
    expect(reportPath.startsWith(result.runnerTemp)).toBe(true);
    expect(
      JSON.parse(result.tempFiles[path.relative(result.runnerTemp, reportPath)] ?? ''),
    ).toEqual(report);
    expect(result.summary).toContain('configuration is valid');
  });

  test('inputs override the policy file and the summary says where each value came from', async () => {
    const result = await runAction({
      inputs: { mode: 'validate', window: '20m', targets: 'payments/sts/db' },
      files: { '.github/rollback-policy.yml': POLICY },
    });
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.outputs.report ?? '') as { settings: Record<string, unknown> };
    expect(report.settings).toMatchObject({
      window: { value: '20m', from: 'input' },
      interval: { value: '15s', from: 'policy' },
      targets: { value: 'payments/statefulset/db', from: 'input' },
      namespace: { value: 'shop', from: 'policy' },
      strategy: { value: 'kubernetes', from: 'policy' },
      approval: { value: 'auto', from: 'default' },
    });
    expect(result.summary).toContain('| `window` | 20m | input |');
    expect(result.log).toContain('Configuration is valid: .github/rollback-policy.yml');
  });

  test('credentials in a Prometheus URL, user info or ?token=, never reach the log, summary or report', async () => {
    const result = await runAction({
      inputs: {
        mode: 'validate',
        'prometheus-url': 'https://admin:hunter2@prom.example/?token=QueryTok999&org=shop',
      },
    });
    expect(result.exitCode).toBe(0);
    // The only place they appear is the command that tells the runner to mask them.
    for (const text of [
      result.stdout.replace(/^::add-mask::.*$/gm, ''),
      result.stderr,
      result.summary,
      result.outputs.report ?? '',
    ]) {
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('QueryTok999');
    }
    expect(result.masks).toEqual(expect.arrayContaining(['hunter2', 'QueryTok999']));
    expect(result.summary).toContain(
      '| `prometheus-url` | https://***@prom.example/?token=***&org=shop | input |',
    );
  });

  test('lists the triggers that will be judged, the preset expanded, and warns of what will not work', async () => {
    const result = await runAction({
      inputs: {
        mode: 'validate',
        'prometheus-url': 'http://127.0.0.1:9',
        targets: 'deployment/api\nshop/deploy/api',
        contexts: 'eu-west, eu-west',
      },
      files: {
        '.github/rollback-policy.yml': `namespace: shop
preset: runbook
metrics: {selector: 'job="shop-api"', prometheus: {bearer-token-env: PROM_TOKEN}}
watch: {window: 2m, interval: 10s}
triggers:
  - {name: p99-latency, query: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m])))', above: 3, for: 1m}
  - {name: saturation, query: 'avg(cpu)', above: 0.9, below: 0.05, consecutive: 3, severity: P2}
`,
      },
    });
    expect(result.exitCode).toBe(0);
    expect(result.annotations.map((a) => a.message)).toEqual([
      "rollback-action: contexts: 'eu-west' named more than once; each context is acted on once",
      'rollback-action: .github/rollback-policy.yml: metrics.prometheus.bearer-token-env names the environment variable PROM_TOKEN, which is not set in this step (add it under env:)',
      "rollback-action: trigger 'error-rate' must breach for 5m but the window is 2m, 30s of it settling: only its sequential test can fail it",
      "rollback-action: trigger 'p95-latency' must breach for 10m but the window is 2m, 30s of it settling: only its sequential test can fail it",
      "rollback-action: trigger 'p95-vs-baseline' must breach for 5m but the window is 2m, 30s of it settling: only its sequential test can fail it",
      'rollback-action: targets: shop/deployment/api is named 2 times; it is acted on once',
    ]);
    expect(result.log).toContain(
      'Configuration is valid (6 warnings): .github/rollback-policy.yml',
    );
    expect(result.log).toContain('Triggers that will be judged (7):');
    expect(result.log).toContain(
      '  error-rate (P1, prometheus): fails > 0.05 for 5m (sooner when a sequential test is sure); min-requests 20; settles 30s after the rollout; reads errors http_requests_total{job="shop-api",code=~"5.."} over requests http_requests_total{job="shop-api"}  [preset]',
    );
    expect(result.log).toContain(
      "  p99-latency (P1, prometheus): fails > 3 for 1m (sooner when a sequential test is sure that more than 1 % of requests are slower, from the histogram's buckets); settles 30s after the rollout; reads histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m]))) (ranges cut to the time since the deploy, at least two scrapes)  [policy (replaces the preset)]",
    );
    expect(result.log).toContain(
      '  saturation (P2, prometheus): fails outside 0.05–0.9 3 polls in a row; settles 30s after the rollout; reads avg(cpu) (no range to cut to the time since the deploy: includes traffic from before it)  [policy]',
    );
    expect(result.log).toContain(
      '  p95-vs-baseline (P2, prometheus): fails above the baseline +50% for 5m (sooner when a sequential test is sure that more than 5 % of requests are slower',
    );
    expect(result.summary).toContain('### Triggers that will be judged');
    expect(result.summary).toContain(
      '| `saturation` | fails outside 0.05–0.9 3 polls in a row; settles 30s after the rollout; reads avg(cpu) (no range to cut to the time since the deploy: includes traffic from before it) | policy |',
    );
    const report = JSON.parse(result.outputs.report ?? '{}') as {
      triggers: unknown[];
      warnings: unknown[];
    };
    expect(report.triggers).toHaveLength(7);
    expect(report.warnings).toHaveLength(5);
  });

  test('a policy with too many triggers is one line, and many problems are counted, not all listed', async () => {
    const triggers = (n: number): string =>
      `triggers:\n${Array.from({ length: n }, (_, i) => `  - {name: t${i}, query: up}`).join('\n')}\n`;
    const huge = await runAction({
      inputs: { mode: 'validate' },
      files: { '.github/rollback-policy.yml': triggers(20_000) },
    });
    expect(huge.exitCode).toBe(1);
    expect(huge.annotations.map((a) => a.message)).toEqual([
      'rollback-action: .github/rollback-policy.yml:2:3: triggers: 20000 items; at most 100 are allowed',
    ]);

    const many = await runAction({
      inputs: { mode: 'validate' },
      files: { '.github/rollback-policy.yml': triggers(50) },
    });
    expect(many.exitCode).toBe(1);
    const lines = many.annotations.map((a) => a.message);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(
      "rollback-action: .github/rollback-policy.yml:2:5: triggers[0]: trigger 't0' has no condition (set above, below, at-least, at-most or relative)",
    );
    expect(lines[20]).toBe('rollback-action: 30 more problems not shown; fix the ones above first');
    expect(many.summary).toContain('… and 30 more problems');
  });

  const POLICY_FILE = '.github/rollback-policy.yml';
  test.each<
    [
      string,
      Record<string, string>,
      Record<string, string>,
      string,
      { file?: string; line?: number; column?: number },
    ]
  >([
    [
      'unknown mode',
      { mode: 'gaurd' },
      {},
      "input 'mode': 'gaurd' is not one of guard, capture, rollback, verify, rehearse, mark-good, backtest, validate (did you mean 'guard'?)",
      {},
    ],
    [
      'guard (the default mode) with nothing to guard',
      {},
      {},
      "nothing to guard: set 'targets' (their rollout is watched) or triggers in the policy (preset: runbook, or triggers:)",
      {},
    ],
    [
      'a preset without a Prometheus URL',
      { targets: 'deployment/api' },
      { '.github/rollback-policy.yml': 'preset: runbook\n' },
      "triggers 'error-rate', 'error-rate-severe', 'server-errors-per-minute', 'p95-latency', 'p99-latency', 'p95-vs-baseline': no Prometheus URL: set input 'prometheus-url' or metrics.prometheus.url in .github/rollback-policy.yml",
      {},
    ],
    [
      'a bearer token variable the step does not set',
      { 'prometheus-url': 'http://127.0.0.1:9' },
      {
        '.github/rollback-policy.yml':
          'metrics:\n  prometheus:\n    bearer-token-env: PROM_TOKEN\ntriggers:\n  - {name: up, query: up, below: 1}\n',
      },
      '.github/rollback-policy.yml: metrics.prometheus.bearer-token-env names the environment variable PROM_TOKEN, which is not set in this step (add it under env:)',
      {},
    ],
    [
      'malformed duration',
      { window: '5 minutes' },
      {},
      "input 'window': '5 minutes' is not a duration (use a number with a unit, e.g. 30s, 5m, 1h30m)",
      {},
    ],
    [
      'unknown target kind',
      { targets: 'deployment/api\npod/web' },
      {},
      "input 'targets': 'pod/web': unknown kind 'pod'; expected one of deployment, statefulset, daemonset",
      {},
    ],
    [
      'non-boolean dry-run',
      { 'dry-run': 'yes' },
      {},
      "input 'dry-run': 'yes' is not a boolean (use true or false)",
      {},
    ],
    [
      'missing explicit policy',
      { policy: 'ops/missing.yml' },
      {},
      "input 'policy': file not found: 'ops/missing.yml'",
      {},
    ],
    [
      'malformed YAML',
      {},
      { [POLICY_FILE]: 'watch:\n  window: [5m\n' },
      `${POLICY_FILE}:3:1: invalid YAML: deficient indentation`,
      { file: POLICY_FILE, line: 3, column: 1 },
    ],
    [
      'unknown policy key',
      {},
      { [POLICY_FILE]: 'version: 1\nwatch:\n  windw: 5m\n' },
      `${POLICY_FILE}:3:3: unknown key 'windw' in watch (did you mean 'window'?)`,
      { file: POLICY_FILE, line: 3, column: 3 },
    ],
    [
      'wrong type',
      {},
      { [POLICY_FILE]: 'triggers:\n  - name: errors\n    above: high\n' },
      `${POLICY_FILE}:3:12: triggers[0].above: expected number, got string 'high'`,
      { file: POLICY_FILE, line: 3, column: 12 },
    ],
    // validate finds what guard would stop on, without the network.
    [
      'validate: a preset without a Prometheus URL',
      { mode: 'validate' },
      { [POLICY_FILE]: 'preset: runbook\n' },
      "triggers 'error-rate', 'error-rate-severe', 'server-errors-per-minute', 'p95-latency', 'p99-latency', 'p95-vs-baseline': no Prometheus URL: set input 'prometheus-url' or metrics.prometheus.url in .github/rollback-policy.yml",
      {},
    ],
    [
      'validate: a poll every 0s in the policy (the input refused it; the policy did not)',
      { mode: 'validate' },
      { [POLICY_FILE]: 'watch: {interval: 0s}\n' },
      `${POLICY_FILE}:1:19: watch.interval: '0s' must be at least 1s (a shorter poll only loads the backend)`,
      { file: POLICY_FILE, line: 1, column: 19 },
    ],
    [
      'validate: a window longer than any job',
      { mode: 'validate', window: '1000h', interval: '1h' },
      {},
      "input 'window': '1000h' must be at most 5d (a job runs at most 5d, on a self-hosted runner)",
      {},
    ],
    [
      'validate: a .nan threshold',
      { mode: 'validate' },
      { [POLICY_FILE]: 'triggers:\n  - {name: x, query: up, above: .nan}\n' },
      `${POLICY_FILE}:2:33: triggers[0].above: expected number, got .nan, which is not a finite number`,
      { file: POLICY_FILE, line: 2, column: 33 },
    ],
    [
      'validate: a health URL with credentials',
      { mode: 'validate' },
      {
        [POLICY_FILE]:
          'triggers:\n  - {name: h, provider: health, url: "http://bob:secret@127.0.0.1:9/healthz", consecutive: 3}\n',
      },
      `${POLICY_FILE}:2:38: triggers[0].url: 'http://***@127.0.0.1:9/healthz' carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through headers-env (from the step's secrets)`,
      { file: POLICY_FILE, line: 2, column: 38 },
    ],
    [
      'validate: a key that does nothing yet',
      { mode: 'validate' },
      { [POLICY_FILE]: 'gitops: {provider: argocd}\n' },
      `${POLICY_FILE}:1:1: 'gitops' is not available in this release (git revert for GitOps-managed workloads); remove it until then`,
      { file: POLICY_FILE, line: 1, column: 1 },
    ],
    [
      'validate: a webhook URL with credentials in the policy',
      { mode: 'validate' },
      {
        [POLICY_FILE]:
          'notify:\n  webhooks:\n    - {name: audit, url: "https://bot:hunter2@audit.example.com/hook"}\n',
      },
      `${POLICY_FILE}:3:26: notify.webhooks[0].url: 'https://***@audit.example.com/hook' carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through url-env or headers-env (from the step's secrets)`,
      { file: POLICY_FILE, line: 3, column: 26 },
    ],
    [
      'validate: a YAML alias inside itself (it crashed the action)',
      { mode: 'validate' },
      { [POLICY_FILE]: 'targets: &a [*a]\n' },
      `${POLICY_FILE}: a YAML alias refers to a node that contains it (a loop)`,
      { file: POLICY_FILE, line: 1, column: 1 },
    ],
    // Argo Rollouts' published dry-run example: ~ where =~ was meant. Prometheus rejects it.
    [
      'validate: PromQL Prometheus would reject, with the column inside the query',
      { mode: 'validate' },
      {
        [POLICY_FILE]:
          'triggers:\n  - name: errors\n    query: \'sum(rate(http_requests_total{response_code~"5.*"}[5m]))\'\n    above: 1\n',
      },
      `${POLICY_FILE}:3:12: triggers[0].query: not valid PromQL at column 43, near '~"5.*"}[5m]))'; a regular-expression match is written =~`,
      { file: POLICY_FILE, line: 3, column: 12 },
    ],
    [
      'validate: a template placeholder left unfilled',
      { mode: 'validate' },
      {
        [POLICY_FILE]:
          'triggers:\n  - {name: e, query: \'sum(rate(x{service="{{args.service-name}}"}[5m]))\', above: 1}\n',
      },
      `${POLICY_FILE}:2:22: triggers[0].query: {{args.service-name}} is a template placeholder, not PromQL: write the value it stands for`,
      { file: POLICY_FILE, line: 2, column: 22 },
    ],
    [
      'validate: a query returning a range vector',
      { mode: 'validate' },
      { [POLICY_FILE]: "triggers:\n  - {name: e, query: 'up[5m]', above: 1}\n" },
      `${POLICY_FILE}:2:22: triggers[0].query: returns a range vector (several samples per series); a trigger judges one number: wrap it, e.g. rate(...) or max_over_time(...)`,
      { file: POLICY_FILE, line: 2, column: 22 },
    ],
    [
      'validate: a strategy the policy cannot carry out',
      { mode: 'validate', strategy: 'feature-flag' },
      {},
      "input 'strategy': 'feature-flag' needs the policy's 'flags', and the policy has none",
      {},
    ],
    [
      'interval longer than window',
      { interval: '10m', window: '1m' },
      {},
      "interval 10m (input 'interval') is longer than window 1m (input 'window'): nothing would be polled",
      {},
    ],
  ])(
    '%s: exit 1, one line naming the input or file:line:column, no stack, no outputs',
    async (_name, inputs, files, message, location) => {
      const result = await runAction({ inputs, files });
      expect(result.exitCode).toBe(1);
      expect(result.annotations).toEqual([
        { level: 'error', message: `rollback-action: ${message}`, ...location },
      ]);
      expect(result.log).not.toMatch(/\n\s+at .*\.js:\d+/);
      expect(result.stderr).toBe('');
      expect(result.outputs).toEqual({});
      // The summary, which a person opens first, says the same and that nothing changed.
      expect(result.summary).toContain('Nothing was changed');
      expect(result.summary).toContain(message.replace(/([*~])/g, '\\$1'));
    },
  );

  test('a bad run leaves the workspace as it found it', async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'ws-'));
    try {
      await writeFile(path.join(workspace, 'app.txt'), 'unchanged');
      const result = await runAction({ workspace, inputs: { policy: 'nope.yml' } });
      expect(result.exitCode).toBe(1);
      expect(await readdir(workspace)).toEqual(['app.txt']);
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });
});

describe('the harness itself', () => {
  test('applies action.yml defaults, mangles input names and warns of undeclared inputs', async () => {
    const result = await runAction({
      inputs: { mode: 'validate', 'dry-run': 'true', colour: 'blue' },
    });
    expect(result.exitCode).toBe(0);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^Unexpected input\(s\) 'colour', valid inputs are \['mode', 'policy'/),
    ]);
  });
});
