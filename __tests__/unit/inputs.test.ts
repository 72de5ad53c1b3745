import { readInputs } from '../../src/inputs.js';
import { UserErrors } from '../../src/errors.js';

function withInputs(inputs: Record<string, string>): () => void {
  const saved = { ...process.env };
  for (const [name, value] of Object.entries(inputs)) {
    process.env[`INPUT_${name.toUpperCase()}`] = value;
  }
  return () => {
    process.env = saved;
  };
}

function read(inputs: Record<string, string>): ReturnType<typeof readInputs> {
  const restore = withInputs(inputs);
  try {
    return readInputs();
  } finally {
    restore();
  }
}

function errorsOf(inputs: Record<string, string>): string[] {
  try {
    read(inputs);
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  throw new Error('expected readInputs to throw');
}

describe('readInputs', () => {
  test('empty inputs leave every optional setting to the policy', () => {
    expect(read({})).toEqual({
      mode: 'guard',
      policyPath: '.github/rollback-policy.yml',
      policyExplicit: false,
      targets: undefined,
      namespace: undefined,
      contexts: undefined,
      prometheusUrl: undefined,
      windowMs: undefined,
      intervalMs: undefined,
      strategy: undefined,
      toRevision: undefined,
      approval: undefined,
      reason: undefined,
      dryRun: false,
      overrideFreeze: false,
      kubeconfig: undefined,
      snapshot: undefined,
      deployTimes: undefined,
      warnings: [],
    });
  });

  test.each([
    [{ mode: 'validate' }, { mode: 'validate' }],
    [{ policy: 'ops/policy.yml' }, { policyPath: 'ops/policy.yml', policyExplicit: true }],
    [
      { targets: 'deployment/api\nprod/sts/db' },
      {
        targets: [
          { kind: 'Deployment', name: 'api' },
          { kind: 'StatefulSet', name: 'db', namespace: 'prod' },
        ],
      },
    ],
    [
      { targets: 'deployment/api, ds/agent' },
      {
        targets: [
          { kind: 'Deployment', name: 'api' },
          { kind: 'DaemonSet', name: 'agent' },
        ],
      },
    ],
    [{ contexts: 'eu-west\nus-east' }, { contexts: ['eu-west', 'us-east'] }],
    [{ namespace: 'payments' }, { namespace: 'payments' }],
    [
      { window: '1h30m', interval: '15s' },
      { windowMs: 5_400_000, intervalMs: 15_000 },
    ],
    [{ strategy: 'none' }, { strategy: 'none' }],
    [
      { window: '8h' },
      {
        windowMs: 8 * 3_600_000,
        warnings: [
          "input 'window': '8h' is longer than 6h: a GitHub-hosted runner stops a job at 6h, so this needs a self-hosted runner",
        ],
      },
    ],
    [{ 'to-revision': '7' }, { toRevision: { kind: 'number', revision: 7 } }],
    [{ 'to-revision': 'last-good' }, { toRevision: { kind: 'last-good' } }],
    [{ approval: 'required' }, { approval: 'required' }],
    [{ 'dry-run': 'true' }, { dryRun: true }],
    [{ 'dry-run': 'False' }, { dryRun: false }],
    [{ 'override-freeze': 'true' }, { overrideFreeze: true }],
    [{ 'prometheus-url': 'http://127.0.0.1:9090' }, { prometheusUrl: 'http://127.0.0.1:9090' }],
    [{ reason: 'p95 doubled after 1.4.2' }, { reason: 'p95 doubled after 1.4.2' }],
    [
      { 'deploy-times': '2026-11-20T14:05:00Z\n2026-11-20T16:05:00+01:00' },
      { deployTimes: [Date.UTC(2026, 10, 20, 14, 5), Date.UTC(2026, 10, 20, 15, 5)] },
    ],
  ])('%j', (inputs, expected) => {
    expect(read(inputs)).toMatchObject(expected);
  });

  test.each([
    [
      { mode: 'gaurd' },
      "input 'mode': 'gaurd' is not one of guard, capture, rollback, verify, rehearse, mark-good, backtest, validate (did you mean 'guard'?)",
    ],
    [
      { window: '5' },
      "input 'window': '5' is not a duration (use a number with a unit, e.g. 30s, 5m, 1h30m)",
    ],
    [
      { interval: '0s' },
      "input 'interval': '0s' must be at least 1s (a shorter poll only loads the backend)",
    ],
    [
      { window: '1000h' },
      "input 'window': '1000h' must be at most 5d (a job runs at most 5d, on a self-hosted runner)",
    ],
    [
      { strategy: 'git revert' },
      "input 'strategy': 'git revert' is not one of auto, kubernetes, git-revert, feature-flag, command, none (did you mean 'git-revert'?)",
    ],
    [
      { targets: 'deploymnet/api' },
      "input 'targets': 'deploymnet/api': unknown kind 'deploymnet' (did you mean 'deployment'?); expected one of deployment, statefulset, daemonset",
    ],
    [{ namespace: 'Prod' }, "input 'namespace': 'Prod' is not a valid namespace name"],
    [
      { strategy: 'kubernets' },
      "input 'strategy': 'kubernets' is not one of auto, kubernetes, git-revert, feature-flag, command, none (did you mean 'kubernetes'?)",
    ],
    [
      { 'to-revision': 'prev' },
      "input 'to-revision': 'prev' is not a revision (use 'previous', 'last-good', a revision number or a commit SHA)",
    ],
    [
      { 'to-revision': 'abc12' },
      "input 'to-revision': 'abc12' is not a revision (use 'previous', 'last-good', a revision number or a commit SHA)",
    ],
    [{ approval: 'yes' }, "input 'approval': 'yes' is not one of auto, required"],
    [{ 'dry-run': 'yes' }, "input 'dry-run': 'yes' is not a boolean (use true or false)"],
    [
      { 'override-freeze': 'yes' },
      "input 'override-freeze': 'yes' is not a boolean (use true or false)",
    ],
    [
      { 'prometheus-url': 'prometheus:9090' },
      "input 'prometheus-url': 'prometheus:9090' is not an http(s) URL",
    ],
    [
      { 'deploy-times': '2026-11-20T14:05:00' },
      "input 'deploy-times': '2026-11-20T14:05:00' is not a time (use ISO 8601 with a zone, e.g. 2026-11-20T14:05:00Z)",
    ],
    [
      { 'deploy-times': 'yesterday' },
      "input 'deploy-times': 'yesterday' is not a time (use ISO 8601 with a zone, e.g. 2026-11-20T14:05:00Z)",
    ],
  ])('%j is refused with one line', (inputs, message) => {
    expect(errorsOf(inputs)).toEqual([message]);
  });

  test('more targets or contexts than the policy allows: one line, none of them parsed', () => {
    const many = (n: number, item: (i: number) => string): string =>
      Array.from({ length: n }, (_, i) => item(i)).join(',');
    expect(read({ targets: many(100, (i) => `deploy/a${i}`) }).targets).toHaveLength(100);
    expect(errorsOf({ targets: many(101, (i) => `not a target ${i}`) })).toEqual([
      "input 'targets': 101 targets; at most 100 are allowed",
    ]);
    expect(errorsOf({ contexts: many(51, (i) => `c${i}`) })).toEqual([
      "input 'contexts': 51 contexts; at most 50 are allowed",
    ]);
  });

  test('every bad input is reported at once', () => {
    expect(errorsOf({ window: 'x', interval: 'y', mode: 'z' })).toHaveLength(3);
  });

  test('a URL with credentials is not echoed', () => {
    const [message] = errorsOf({ 'prometheus-url': 'ftp://admin:hunter2@prom' });
    expect(message).not.toContain('hunter2');
  });
});
