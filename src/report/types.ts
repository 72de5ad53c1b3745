/**
 * The JSON users read: the run report (the `report` output and the `report-path` file) and the
 * snapshot (the `snapshot` output). Both are versioned contracts with one key casing,
 * kebab-case like the action's inputs and outputs; a missing value is `null`, not an absent
 * key. Internal objects stay camelCase and are converted at the edge (src/report/json.ts).
 * Kubernetes objects carried whole (a pod template) keep the API's own keys.
 */
import type { StaleRevert } from '../rollback/stale-reverts.js';
import type { Mode, Severity, Verdict } from '../constants.js';
import type { GitOpsMarker } from '../kube/snapshot.js';
import type { PodTemplate, WorkloadKind } from '../kube/types.js';
import type { PreflightFinding } from '../metrics/preflight.js';
import type { SettingRow } from './settings.js';
import type { ActionKind, Plan } from '../decide/plan.js';
import type { RevertResult } from '../rollback/git-revert.js';
import type { Attempt, StageOutcome } from '../rollback/run-plan.js';
import type { DeploymentMarks } from '../rollback/deployments.js';
import type { IncidentFiled, IncidentUnfiled } from '../rollback/incident.js';

/** The head every run report starts with. */
export interface ReportHead {
  'report-version': 1;
  mode: Mode;
  'started-at': string;
  'finished-at': string;
  'policy-file': string | null;
}

/** A trigger's value before the deploy. */
export interface BaselineReport {
  value: number | null;
  /** Why there is no value. */
  reason?: string;
  from: 'history' | 'capture';
  /** The end of the baseline window (the deploy), ISO 8601. */
  end: string;
  'window-ms': number;
  query: string;
  /** Alert triggers: the alerts firing at capture. */
  alerts?: string[];
}

/** One target's rollout after the deploy. */
export interface RolloutReport {
  /** `context namespace/kind/name`. */
  target: string;
  state: 'done' | 'failed' | 'unknown';
  message: string;
  'elapsed-ms': number;
}

/** One ledger written: what was recorded as verified-good, and how many releases it keeps. */
export interface LedgerReport {
  context: string;
  namespace: string;
  /** `deployment/api@3`. */
  targets: string[];
  entries: number;
}

/** What a rollback did to one target in one context. */
export interface TargetOutcome {
  context: string;
  kind: WorkloadKind;
  namespace: string;
  name: string;
  outcome: 'rolled-back' | 'skipped' | 'planned' | 'failed';
  'from-revision': number | null;
  'to-revision': number | null;
  message: string;
  diff: string[];
  /** When failed: the state the target is known to be in. */
  state: string | null;
  seconds: number | null;
}

/** One stage of the plan as it ran. */
export interface StageReport {
  name: string;
  outcome: StageOutcome;
  actions: { kind: ActionKind; outcome: 'done' | 'planned' | 'failed'; detail: string }[];
  verify: { verdict: string; detail: string } | null;
}

/** A git revert made (or planned) by the plan. */
export interface RevertReport {
  outcome: RevertResult['outcome'];
  delivery: 'pull-request' | 'push';
  branch: string;
  'head-branch': string | null;
  reverted: string[];
  commits: string[];
  messages: string[];
  'diff-stat': string;
  'pull-request': { number: number; url: string } | null;
  pushed: { sha: string; retried: boolean } | null;
  conflicts: string[];
  error: string | null;
  /** The branch's commits after the deployed one (newest first), each with its verification. */
  since: { sha: string; subject: string; verified: string | null }[];
  /** Why no revert was made (`superseded`). */
  reason: string | null;
}

/** What the plan did (guard's `rollback`, and the body of mode rollback). */
export interface RollbackReport {
  verdict: 'rolled-back' | 'rollback-recommended' | 'rollback-failed';
  /** What was done: `kubernetes`, `git-revert`, ..., `+`-joined when the plan escalated. */
  strategy: string;
  escalated: boolean;
  /** Where an undo went. */
  destination: string;
  /** Why every action was only planned (dry run, approval, strategy none). */
  'plan-only': string | null;
  'rollback-seconds': number;
  stages: StageReport[];
  /** Every attempt of every action, in order: phase, step and error. */
  attempts: Attempt[];
  targets: TargetOutcome[];
  reverts: RevertReport[];
}

/** An alert as evidence: its labels and when it began. */
export interface AlertReport {
  labels: Record<string, string>;
  since: string | null;
}

/** One trigger's evidence: its last state and every observation. */
export interface TriggerReport {
  name: string;
  severity: Severity;
  status: 'pass' | 'fail' | 'no-data';
  value: number | null;
  threshold: number | null;
  baseline: number | null;
  'fast-failed': boolean;
  breaching: string | null;
  'query-as-run': string | null;
  'series-labels': string | null;
  'series-count': number | null;
  'alerts-firing'?: AlertReport[];
  'alerts-preexisting'?: AlertReport[];
  'alerts-ignored'?: AlertReport[];
  detail: string;
  /** `[time, value]`, or `[time, null, why]` for a poll without data. */
  series: (string | number | null)[][];
}

/** mode: guard. */
export interface GuardReport {
  verdict: Verdict;
  severity: Severity | null;
  /** A more severe trigger whose threshold the release is already beyond. */
  'severity-from': { name: string; severity: Severity; detail: string } | null;
  headline: string;
  'deployed-at': string;
  watch: {
    'window-ms': number;
    'interval-ms': number;
    polls: number;
    'elapsed-ms': number;
  } | null;
  triggers: TriggerReport[];
  unjudged: { name: string; why: string }[];
  baselines: Record<string, BaselineReport>;
  rollout: RolloutReport[];
  /** The decision: the plan, with its reasons (also the `plan` output). */
  decision: Plan | null;
  rollback: RollbackReport | null;
  ledger: LedgerReport[] | null;
  /** GitHub deployments marked after a rollback that took effect. */
  deployments: DeploymentMarks | null;
  /** The incident filed or commented on, or why not. */
  incident: IncidentFiled | IncidentUnfiled | null;
  /** Revert pull requests a healthy release looked at (null: not checked, or not healthy). */
  'stale-reverts': StaleRevert[] | null;
  verification: VerificationReport | null;
}

/** mode: rollback. */
export interface RollbackModeReport {
  verdict: Verdict;
  strategy: string;
  reason: string | null;
  /** True when the run carried out a plan a person approved (input `plan`). */
  approved: boolean;
  decision: Plan;
  rollback: RollbackReport;
  deployments: DeploymentMarks | null;
  /** The incident filed or commented on, or why not (null: none was due). */
  incident: IncidentFiled | IncidentUnfiled | null;
  verification: VerificationReport | null;
}

/** `mode: verify`: the rollouts waited for and the verification. */
export interface VerifyModeReport {
  verified: boolean;
  rollout: RolloutReport[];
  verification: VerificationReport;
}

/** One leg of a rehearsal (the rollback, or the roll forward). */
export interface RehearsalLegReport {
  'started-at': string;
  'finished-at': string;
  targets: TargetOutcome[];
  verification: VerificationReport | null;
}

/** `mode: rehearse`: the drill. */
export interface RehearseReport {
  rehearsal: {
    passed: boolean;
    'dry-run': boolean;
    problems: string[];
    /** Decision to verified rollback; null when it was not verified. */
    'rollback-seconds': number | null;
    'started-from': string;
    'rolled-back-to': string;
    rollback: RehearsalLegReport;
    'roll-forward': RehearsalLegReport | null;
    issue: { number: number; url: string } | { problem: string } | null;
  };
  rollout: RolloutReport[];
}

/** A captured target as the capture report lists it (the snapshot has the whole of it). */
export interface CapturedTargetReport {
  context: string;
  namespace: string;
  kind: WorkloadKind;
  name: string;
  revision: number | null;
  images: Record<string, string>;
}

/** The open incident that froze deploys, and what let this capture through it. */
export interface FreezeReport {
  incident: number;
  url: string;
  overridden: boolean;
  /** The commit in the deployed history that reverts the incident's commits. */
  'lifted-by': string | null;
}

/** mode: capture. */
export interface CaptureReport {
  /** Null when the deploy freeze stopped the capture. */
  snapshot: {
    path: string;
    targets: CapturedTargetReport[];
    baselines: Record<string, BaselineReport> | null;
  } | null;
  preflight: PreflightFinding[];
  /** Null when no incident of the action is open for these targets (or it was not checked). */
  freeze: FreezeReport | null;
  /** Why the freeze could not be checked (no token, GitHub not answering), else null. */
  'freeze-unchecked': string | null;
}

/** One past deploy replayed by backtest. */
export interface ReplayedDeploy {
  at: string;
  /** Where the time came from: given, or `context ns/kind/name revision N`. */
  source: string;
  verdict: 'would roll back' | 'healthy' | 'inconclusive';
  /** Seconds after the deploy at which the policy would have acted. */
  'after-seconds': number | null;
  trigger: string | null;
  severity: string | null;
  detail: string;
  /** Seconds of history replayed; less than the window when the next deploy or now came first. */
  'replayed-seconds': number;
  partial: boolean;
}

/** mode: backtest. */
export interface BacktestReport {
  backtest: { deploys: ReplayedDeploy[]; 'not-replayed': string[] };
}

/** mode: mark-good. */
export interface MarkGoodReport {
  ledger: LedgerReport[];
  'stale-reverts': StaleRevert[] | null;
}

/** mode: validate. */
export interface ValidateReport {
  /** Each setting by its input name: its value as users write it, and where it came from. */
  settings: Record<string, { value: string; from: SettingRow['from'] }>;
  triggers: { name: string; from: string; judged: string; mapped?: string[] }[];
  /** The channels a rollback would notify (no secret: variables by name, URLs redacted). */
  notify: {
    channel: string;
    events: string[];
    severities: string[] | null;
    from: string;
  }[];
  warnings: string[];
}

/** What a mode adds to the report head. */
export type ModeReport =
  | GuardReport
  | RollbackModeReport
  | VerifyModeReport
  | RehearseReport
  | CaptureReport
  | BacktestReport
  | MarkGoodReport
  | ValidateReport;

/** One notification of the run (src/notify.ts); never a URL or a key. */
export interface NotificationReport {
  /** `slack`, `pagerduty`, `webhook <name>`. */
  channel: string;
  event: 'initiated' | 'completed' | 'failed' | 'recommended';
  /** `planned`: a dry run; `skipped`: the severity does not page. */
  status: 'sent' | 'failed' | 'planned' | 'skipped';
  detail: string;
}

/**
 * The JSON report of one run. guard and rollback add `notifications` (`[]` when none), and
 * `cancelled` (the signal) when the workflow run was cancelled while they ran.
 */
export type RunReport = ReportHead &
  ModeReport & { notifications?: NotificationReport[]; cancelled?: string };

/** The snapshot as written by capture and read by guard and rollback. */
export interface SnapshotFile {
  version: 1;
  'captured-at': string;
  sha: string | null;
  'run-url': string | null;
  targets: CapturedTargetFile[];
  /** Each trigger's value before the deploy, by trigger name (when the policy has triggers). */
  baselines?: Record<string, BaselineReport>;
  /** The deployed range's base: what a git revert goes back to, and where it came from. */
  base?: { sha: string; from: string };
}

/** One target as captured, in the snapshot. */
export interface CapturedTargetFile {
  context: string;
  kind: WorkloadKind;
  namespace: string;
  name: string;
  uid: string;
  revision: number | null;
  generation: number | null;
  replicas: number | null;
  paused: boolean;
  /** Revisions still in history at capture time, newest first. */
  history: number[];
  images: Record<string, string>;
  /** Image digests the running pods report, per container. */
  digests: Record<string, string[]>;
  gitops: GitOpsMarker | null;
  /** The pod template as the API returned it (Kubernetes keys). */
  template: PodTemplate;
}

/** Verification after a rollback that took effect. */
export interface VerificationReport {
  verified: boolean;
  problem: string | null;
  images: { target: string; match: boolean; differences: string[]; against?: string }[];
  smoke: {
    name: string;
    kind: 'http' | 'command';
    outcome: 'passed' | 'failed';
    attempts: number;
    detail: string;
    'elapsed-ms': number;
  }[];
  stability: { verdict: 'pass' | 'fail' | 'inconclusive'; detail: string };
  /** Null when no decision started the clock (mode verify). */
  sla: { 'elapsed-ms': number; 'limit-ms': number; met: boolean; detail: string } | null;
}
