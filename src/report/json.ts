/**
 * Converters between the internal camelCase objects and the kebab-case JSON users read (see
 * types.ts): one function per piece, used where a report or the snapshot is written or read.
 */
import type { RolloutOutcome } from '../analysis/rollout.js';
import type { LedgerRecord } from '../kube/ledger.js';
import type { CapturedTarget, Snapshot } from '../kube/snapshot.js';
import type { Baseline } from '../metrics/baselines.js';
import type { TargetResult } from '../rollback/kubernetes.js';
import type { RevertResult } from '../rollback/git-revert.js';
import type { Verification } from '../verify/verify.js';
import type { FreezeState } from '../decide/freeze.js';
import type {
  BaselineReport,
  CaptureReport,
  CapturedTargetFile,
  CapturedTargetReport,
  LedgerReport,
  RevertReport,
  RolloutReport,
  SnapshotFile,
  TargetOutcome,
  VerificationReport,
} from './types.js';

export function baselineReport(b: Baseline): BaselineReport {
  return {
    value: b.value ?? null,
    ...(b.reason !== undefined ? { reason: b.reason } : {}),
    from: b.from,
    end: b.end,
    'window-ms': b.windowMs,
    query: b.query,
    ...(b.alerts ? { alerts: b.alerts } : {}),
  };
}

export function baselineFromReport(r: BaselineReport): Baseline {
  return {
    value: r.value ?? undefined,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    from: r.from,
    end: r.end,
    windowMs: r['window-ms'],
    query: r.query,
    ...(r.alerts ? { alerts: r.alerts } : {}),
  };
}

/** Each trigger's baseline, by trigger name. */
export function baselineReports(
  baselines: Readonly<Record<string, Baseline>>,
): Record<string, BaselineReport> {
  return mapValues(baselines, baselineReport);
}

export function rolloutReport(o: RolloutOutcome): RolloutReport {
  return { target: o.target, state: o.state, message: o.message, 'elapsed-ms': o.elapsedMs };
}

export function ledgerReport(r: LedgerRecord): LedgerReport {
  return { context: r.context, namespace: r.namespace, targets: r.targets, entries: r.entries };
}

export function targetOutcome(r: TargetResult): TargetOutcome {
  return {
    context: r.context,
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    outcome: r.outcome,
    'from-revision': r.fromRevision ?? null,
    'to-revision': r.toRevision ?? null,
    message: r.message,
    diff: r.diff,
    state: r.state ?? null,
    seconds: r.seconds ?? null,
  };
}

export function capturedTargetReport(t: CapturedTarget): CapturedTargetReport {
  return {
    context: t.context,
    namespace: t.namespace,
    kind: t.kind,
    name: t.name,
    revision: t.revision ?? null,
    images: t.images,
  };
}

export function snapshotFile(s: Snapshot): SnapshotFile {
  return {
    version: 1,
    'captured-at': s.capturedAt,
    sha: s.sha ?? null,
    'run-url': s.runUrl ?? null,
    targets: s.targets.map(capturedTargetFile),
    ...(s.baselines ? { baselines: baselineReports(s.baselines) } : {}),
    ...(s.base ? { base: s.base } : {}),
  };
}

export function snapshotFromFile(f: SnapshotFile): Snapshot {
  return {
    version: 1,
    capturedAt: f['captured-at'],
    sha: f.sha ?? undefined,
    runUrl: f['run-url'] ?? undefined,
    targets: f.targets.map(capturedTargetFromFile),
    ...(f.baselines ? { baselines: mapValues(f.baselines, baselineFromReport) } : {}),
    ...(f.base ? { base: f.base } : {}),
  };
}

function capturedTargetFile(t: CapturedTarget): CapturedTargetFile {
  return {
    context: t.context,
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    uid: t.uid,
    revision: t.revision ?? null,
    generation: t.generation ?? null,
    replicas: t.replicas ?? null,
    paused: t.paused,
    history: t.history,
    images: t.images,
    digests: t.digests,
    gitops: t.gitops ?? null,
    template: t.template,
  };
}

function capturedTargetFromFile(t: CapturedTargetFile): CapturedTarget {
  return {
    context: t.context,
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    uid: t.uid,
    revision: t.revision ?? undefined,
    generation: t.generation ?? undefined,
    replicas: t.replicas ?? undefined,
    paused: t.paused,
    history: t.history,
    images: t.images,
    digests: t.digests,
    gitops: t.gitops ?? undefined,
    template: t.template,
  };
}

function mapValues<A, B>(
  record: Readonly<Record<string, A>>,
  f: (value: A) => B,
): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}

export function revertReport(r: RevertResult): RevertReport {
  return {
    outcome: r.outcome,
    delivery: r.delivery,
    branch: r.branch,
    'head-branch': r.headBranch ?? null,
    reverted: r.reverted,
    commits: r.commits,
    messages: r.messages,
    'diff-stat': r.diffStat,
    'pull-request': r.pullRequest ? { number: r.pullRequest.number, url: r.pullRequest.url } : null,
    pushed: r.pushed ?? null,
    conflicts: r.conflicts ?? [],
    error: r.error ?? null,
    since: (r.since ?? []).map((c) => ({ ...c, verified: c.verified ?? null })),
    reason: r.reason ?? null,
  };
}

export function verificationReport(v: Verification): VerificationReport {
  return {
    verified: v.verified,
    problem: v.problem ?? null,
    images: v.images,
    smoke: v.smoke.map((r) => ({
      name: r.name,
      kind: r.kind,
      outcome: r.outcome,
      attempts: r.attempts,
      detail: r.detail,
      'elapsed-ms': r.elapsedMs,
    })),
    stability: v.stability,
    sla: v.sla
      ? {
          'elapsed-ms': v.sla.elapsedMs,
          'limit-ms': v.sla.limitMs,
          met: v.sla.met,
          detail: v.sla.detail,
        }
      : null,
  };
}

/** The freeze as the capture report has it. */
export function freezeReport(s: FreezeState): Pick<CaptureReport, 'freeze' | 'freeze-unchecked'> {
  return {
    freeze:
      s.state === 'clear' || s.state === 'unchecked'
        ? null
        : {
            incident: s.incident.number,
            url: s.incident.url,
            overridden: s.state === 'overridden',
            'lifted-by': s.revert?.revert ?? null,
          },
    'freeze-unchecked': s.state === 'unchecked' ? s.problem : null,
  };
}
