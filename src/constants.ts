/**
 * Names of the action's modes, inputs and outputs, in one place. action.yml must list
 * exactly these inputs and outputs (a test checks it), and the README's tables are generated
 * from action.yml plus the `type` column below.
 */

/** Modes that work at this landing; later modes are added as they land. */
export const MODES = [
  'guard',
  'capture',
  'rollback',
  'verify',
  'rehearse',
  'mark-good',
  'backtest',
  'validate',
] as const;
export type Mode = (typeof MODES)[number];
export const DEFAULT_MODE: Mode = 'guard';

export const Inputs = {
  Mode: 'mode',
  Policy: 'policy',
  Targets: 'targets',
  Namespace: 'namespace',
  Contexts: 'contexts',
  PrometheusUrl: 'prometheus-url',
  AlertmanagerUrl: 'alertmanager-url',
  Window: 'window',
  Interval: 'interval',
  Strategy: 'strategy',
  ToRevision: 'to-revision',
  Approval: 'approval',
  Reason: 'reason',
  DryRun: 'dry-run',
  Kubeconfig: 'kubeconfig',
  Snapshot: 'snapshot',
  DeployTimes: 'deploy-times',
  Plan: 'plan',
  GitHubToken: 'github-token',
  DeploymentId: 'deployment-id',
  OverrideFreeze: 'override-freeze',
} as const;
export type InputName = (typeof Inputs)[keyof typeof Inputs];

/** The value shape of each input, shown in the README's Type column. */
export const INPUT_TYPES: Record<InputName, string> = {
  mode: 'enum',
  policy: 'path',
  targets: 'list',
  namespace: 'string',
  contexts: 'list',
  'prometheus-url': 'URL',
  'alertmanager-url': 'URL',
  window: 'duration',
  interval: 'duration',
  strategy: 'enum',
  'to-revision': 'string',
  approval: 'enum',
  reason: 'string',
  'dry-run': 'bool',
  kubeconfig: 'YAML',
  snapshot: 'JSON or path',
  'deploy-times': 'list',
  plan: 'JSON',
  'github-token': 'secret',
  'deployment-id': 'number',
  'override-freeze': 'bool',
};

export const Outputs = {
  Verdict: 'verdict',
  Strategy: 'strategy',
  RolledBack: 'rolled-back',
  Verified: 'verified',
  RollbackSeconds: 'rollback-seconds',
  IncidentUrl: 'incident-url',
  Snapshot: 'snapshot',
  Plan: 'plan',
  Report: 'report',
  ReportPath: 'report-path',
} as const;

/** Carries the snapshot path from a capture step to later steps of the same job. */
export const SNAPSHOT_ENV = 'ROLLBACK_ACTION_SNAPSHOT';

export const VERDICTS = [
  'healthy',
  'rolled-back',
  'rollback-recommended',
  'rollback-failed',
  'inconclusive',
] as const;
export type Verdict = (typeof VERDICTS)[number];
export type OutputName = (typeof Outputs)[keyof typeof Outputs];

export const DEFAULT_POLICY_PATH = '.github/rollback-policy.yml';

export const STRATEGIES = [
  'auto',
  'kubernetes',
  'git-revert',
  'feature-flag',
  'command',
  'none',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const INCONCLUSIVE_ACTIONS = ['warn', 'fail'] as const;
export type InconclusiveAction = (typeof INCONCLUSIVE_ACTIONS)[number];

export const APPROVALS = ['auto', 'required'] as const;
export type Approval = (typeof APPROVALS)[number];

export const NO_DATA_ACTIONS = ['hold', 'rollback', 'fail'] as const;
export type NoDataAction = (typeof NO_DATA_ACTIONS)[number];

export const SEVERITIES = ['P0', 'P1', 'P2'] as const;
export type Severity = (typeof SEVERITIES)[number];
