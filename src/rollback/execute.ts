/**
 * A Kubernetes rollback as a step of a run: where to (the snapshot, or `to-revision`), whether
 * it is only planned (dry run, approval, strategy none), carried out across every context, and
 * what it did, for the verdict, the outputs and the report. Used by `guard` and `rollback`.
 */
import * as core from '@actions/core';
import type { Config } from '../config.js';
import { SNAPSHOT_ENV, type Verdict } from '../constants.js';
import { describeRef, readSnapshot, type Snapshot, type TargetRef } from '../kube/snapshot.js';
import type { ModeContext } from '../modes/context.js';
import type { Workload } from '../kube/types.js';
import { targetOutcome } from '../report/json.js';
import type { TargetOutcome } from '../report/types.js';
import { formatRevisionSpec } from '../revision.js';
import { rollbackTargets, type Destination, type TargetResult } from './kubernetes.js';
import { plural } from '../text.js';

/** Why a rollback would only be planned (dry run, approval, strategy none), if it would. */
export function planOnlyReason(config: Config): string | undefined {
  if (config.dryRun) return 'dry-run';
  if (config.approval.value === 'required') return 'approval: required';
  if (config.strategy.value === 'none') return 'strategy: none';
  return undefined;
}

/** One Kubernetes undo as the plan's executor records it. */
export interface UndoReport {
  destination: string;
  'plan-only': string | null;
  'rollback-seconds': number;
  targets: TargetOutcome[];
}

export interface RollbackDone {
  verdict: Extract<Verdict, 'rolled-back' | 'rollback-recommended' | 'rollback-failed'>;
  strategy: 'kubernetes' | 'none';
  rolledBack: boolean;
  seconds: number;
  results: TargetResult[];
  failure: string | undefined;
  report: UndoReport;
}

/** Rolls every ref back (or plans it, when `planOnly` says why) and waits for the rollouts. */
export async function executeRollback(
  context: ModeContext,
  refs: readonly TargetRef[],
  destination: Destination,
  planOnly: string | undefined,
  prefetched?: ReadonlyMap<string, Workload>,
): Promise<RollbackDone> {
  const { config } = context;
  core.info(
    `Rolling back ${plural(refs.length, 'target')} to ${describeDestination(destination)}${planOnly ? ` (plan only: ${planOnly})` : ''}`,
  );
  const started = context.clock.now();
  // Inside the plan runner's log group: runners do not nest groups.
  const results = await rollbackTargets(context.kube(), [...refs], {
    to: destination,
    dryRun: planOnly !== undefined,
    wait: planOnly === undefined,
    timeoutMs: config.rollbackTimeoutMs,
    concurrency: config.concurrency,
    clock: context.clock,
    log: (line) => core.info(line),
    ...(prefetched ? { prefetched } : {}),
  });
  const seconds = (context.clock.now() - started) / 1000;
  const failed = results.filter((r) => r.outcome === 'failed');
  // A plan is not a rollback: one that cannot be made (no earlier revision) is still only a
  // recommendation, never a "rollback-failed" that reads as a rollback gone wrong.
  const verdict = planOnly
    ? 'rollback-recommended'
    : failed.length
      ? 'rollback-failed'
      : 'rolled-back';
  const failedList = failed
    .map((r) => `${describeRef(r)}: ${r.message} (state: ${r.state ?? 'unknown'})`)
    .join('; ');
  const strategy = planOnly && config.strategy.value === 'none' ? 'none' : 'kubernetes';
  return {
    verdict,
    strategy,
    rolledBack: results.some((r) => r.outcome === 'rolled-back'),
    seconds,
    results,
    failure: !failed.length
      ? undefined
      : planOnly
        ? `rollback recommended (${planOnly}), but it could not be planned for ${failed.length} of ${results.length} targets: ${failedList}`
        : `rollback failed for ${failed.length} of ${results.length} targets: ${failedList}`,
    report: {
      destination: describeDestination(destination),
      'plan-only': planOnly ?? null,
      'rollback-seconds': seconds,
      targets: results.map(targetOutcome),
    },
  };
}

export function chooseDestination(context: ModeContext): Destination {
  const { config } = context;
  if (config.toRevision.from === 'input') return { kind: 'spec', spec: config.toRevision.value };
  const snapshot = capturedSnapshot(context);
  if (snapshot) return { kind: 'snapshot', snapshot };
  return { kind: 'spec', spec: config.toRevision.value };
}

/** The snapshot given as input, or the one a capture step earlier in the job left. */
export function capturedSnapshot(context: ModeContext): Snapshot | undefined {
  const value = context.config.snapshot ?? context.env[SNAPSHOT_ENV];
  return value ? readSnapshot(value) : undefined;
}

export function describeDestination(destination: Destination): string {
  if (destination.kind === 'snapshot')
    return `the snapshot captured at ${destination.snapshot.capturedAt}`;
  const spec = destination.spec;
  if (spec.kind === 'commit') return `the verified release of commit ${spec.sha}`;
  return spec.kind === 'number'
    ? `revision ${spec.revision}`
    : formatRevisionSpec(spec) === 'last-good'
      ? 'the last verified-good release'
      : 'the previous revision';
}
