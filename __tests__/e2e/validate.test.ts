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

  test('credentials in a Prometheus URL never reach the log, summary or report', async () => {
    const result = await runAction({
      inputs: { mode: 'validate', 'prometheus-url': 'https://admin:hunter2@prom.example' },
    });
    expect(result.exitCode).toBe(0);
    for (const text of [
      result.stdout,
      result.stderr,
      result.summary,
      result.outputs.report ?? '',
    ]) {
      expect(text).not.toContain('hunter2');
    }
    expect(result.summary).toContain('| `prometheus-url` | https://***@prom.example/ | input |');
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
      "input 'mode': 'gaurd' is not one of guard, capture, rollback, mark-good, backtest, validate (did you mean 'guard'?)",
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
      expect(result.summary).toBe('');
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
