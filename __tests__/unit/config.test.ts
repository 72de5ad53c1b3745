import { DEFAULTS, resolveConfig } from '../../src/config.js';
import { UserError } from '../../src/errors.js';
import type { ActionInputs } from '../../src/inputs.js';
import type { LoadedPolicy } from '../../src/policy/load.js';

const NO_INPUTS: ActionInputs = {
  mode: 'validate',
  policyPath: '.github/rollback-policy.yml',
  policyExplicit: false,
  dryRun: false,
  overrideFreeze: false,
  warnings: [],
};

const POLICY: LoadedPolicy = {
  file: '.github/rollback-policy.yml',
  policy: {
    targets: ['deployment/api'],
    namespace: 'shop',
    contexts: ['eu-west'],
    watch: { window: '5m', interval: '10s', 'no-data': 'fail' },
    metrics: { prometheus: { url: 'http://prom:9090' } },
    strategy: 'kubernetes',
    approval: 'required',
    rollback: { 'to-revision': 4 },
  },
  warnings: [],
};

describe('resolveConfig', () => {
  test('with neither inputs nor policy, the built-in defaults apply', () => {
    const config = resolveConfig(NO_INPUTS, undefined);
    expect(config).toMatchObject({
      policyFile: undefined,
      targets: { value: [], from: 'default' },
      windowMs: { value: DEFAULTS.windowMs, from: 'default' },
      intervalMs: { value: DEFAULTS.intervalMs, from: 'default' },
      noData: { value: 'hold', from: 'default' },
      strategy: { value: 'auto', from: 'default' },
      toRevision: { value: { kind: 'previous' }, from: 'default' },
      approval: { value: 'auto', from: 'default' },
    });
  });

  test('the policy fills what inputs leave empty', () => {
    expect(resolveConfig(NO_INPUTS, POLICY)).toMatchObject({
      policyFile: '.github/rollback-policy.yml',
      targets: { value: [{ kind: 'Deployment', name: 'api' }], from: 'policy' },
      namespace: { value: 'shop', from: 'policy' },
      contexts: { value: ['eu-west'], from: 'policy' },
      prometheusUrl: { value: 'http://prom:9090', from: 'policy' },
      windowMs: { value: 300_000, from: 'policy' },
      intervalMs: { value: 10_000, from: 'policy' },
      noData: { value: 'fail', from: 'policy' },
      strategy: { value: 'kubernetes', from: 'policy' },
      toRevision: { value: { kind: 'number', revision: 4 }, from: 'policy' },
      approval: { value: 'required', from: 'policy' },
    });
  });

  test.each<[Partial<ActionInputs>, string, unknown]>([
    [
      { targets: [{ kind: 'DaemonSet', name: 'agent' }] },
      'targets',
      [{ kind: 'DaemonSet', name: 'agent' }],
    ],
    [{ namespace: 'payments' }, 'namespace', 'payments'],
    [{ contexts: ['us-east', 'ap-south'] }, 'contexts', ['us-east', 'ap-south']],
    [{ prometheusUrl: 'http://other:9090' }, 'prometheusUrl', 'http://other:9090'],
    [{ windowMs: 60_000 }, 'windowMs', 60_000],
    [{ intervalMs: 5_000 }, 'intervalMs', 5_000],
    [{ strategy: 'none' }, 'strategy', 'none'],
    [{ toRevision: { kind: 'last-good' } }, 'toRevision', { kind: 'last-good' }],
    [{ approval: 'auto' }, 'approval', 'auto'],
  ])('input %j overrides the policy', (inputs, key, value) => {
    const config = resolveConfig({ ...NO_INPUTS, ...inputs }, POLICY);
    expect(config[key as keyof typeof config]).toEqual({ value, from: 'input' });
  });

  test.each<[Partial<ActionInputs>, LoadedPolicy | undefined, RegExp]>([
    [
      { intervalMs: 120_000, windowMs: 60_000 },
      undefined,
      /^interval 2m \(input 'interval'\) is longer than window 1m \(input 'window'\)/,
    ],
    [
      { intervalMs: 600_000 },
      POLICY,
      /^interval 10m \(input 'interval'\) is longer than window 5m \(\.github\/rollback-policy\.yml watch\.window\)/,
    ],
    [
      { windowMs: 1_000 },
      undefined,
      /^interval 30s \(default\) is longer than window 1s \(input 'window'\)/,
    ],
  ])('%j with an interval longer than the window is refused', (inputs, policy, message) => {
    expect(() => resolveConfig({ ...NO_INPUTS, ...inputs }, policy)).toThrow(UserError);
    expect(() => resolveConfig({ ...NO_INPUTS, ...inputs }, policy)).toThrow(message);
  });

  test.each<[Partial<ActionInputs>, RegExp]>([
    [{ strategy: 'feature-flag' }, /^input 'strategy': 'feature-flag' needs the policy's 'flags'/],
    [{ strategy: 'command' }, /^input 'strategy': 'command' needs the policy's 'steps'/],
  ])('%j without what it needs in the policy is refused', (inputs, message) => {
    expect(() => resolveConfig({ ...NO_INPUTS, ...inputs }, POLICY)).toThrow(message);
  });
});
