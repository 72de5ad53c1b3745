/**
 * Kubernetes rollback for many targets across contexts: each one read, planned as kubectl
 * would (undo.ts), patched once, and optionally waited for. Targets run concurrently with a
 * bound; one failing target or region never stops the others, and each gets its own result.
 */
import * as core from '@actions/core';
import pLimit from 'p-limit';
import type { Clock } from '../clock.js';
import { messageOf } from '../errors.js';
import { KubeError, clientFor, type KubeClient } from '../kube/client.js';
import { diffLines } from '../kube/json.js';
import { lastGood, readLedger } from '../kube/ledger.js';
import { waitForRollout } from '../kube/rollout.js';
import { selectorString } from '../kube/selector.js';
import { findCaptured, refKey, type Snapshot, type TargetRef } from '../kube/snapshot.js';
import {
  changedSinceJudged,
  planDeploymentUndo,
  planRevisionUndo,
  UndoRefused,
  type UndoPlan,
  type UndoTo,
} from '../kube/undo.js';
import type { RevisionSpec } from '../revision.js';
import { kindName, type PodTemplate, type Workload } from '../kube/types.js';

/** `judged`: each target's template when the guard judged it, by refKey (see changedSinceJudged). */
export type Destination = (
  { kind: 'spec'; spec: RevisionSpec } | { kind: 'snapshot'; snapshot: Snapshot }
) & { judged?: ReadonlyMap<string, PodTemplate> };

export interface RollbackOptions {
  to: Destination;
  dryRun: boolean;
  wait: boolean;
  timeoutMs: number;
  concurrency: number;
  clock: Clock;
  log: (line: string) => void;
  /** Workloads read a moment ago (by the decision), by refKey: the first plan reuses them. */
  prefetched?: ReadonlyMap<string, Workload>;
}

export type Outcome = 'rolled-back' | 'skipped' | 'planned' | 'failed';

export interface TargetResult extends TargetRef {
  outcome: Outcome;
  fromRevision?: number;
  toRevision?: number;
  /** What happened, in one line. */
  message: string;
  /** The template change, one line per field (dry run and rollbacks alike). */
  diff: string[];
  /** When the outcome is failed: whether trying again could help. */
  retryable?: boolean;
  /** When the outcome is failed: what state the target is known to be in. */
  state?: string;
  seconds?: number;
}

async function destinationFor(
  client: KubeClient,
  ref: TargetRef,
  to: Destination,
): Promise<UndoTo> {
  if (to.kind === 'snapshot') {
    const captured = findCaptured(to.snapshot, ref);
    if (!captured)
      throw new UndoRefused(
        `the snapshot has no entry for ${kindName(ref.kind)}/${ref.name} in context "${ref.context}", namespace "${ref.namespace}"`,
      );
    return { kind: 'template', template: captured.template, revision: captured.revision };
  }
  const spec = to.spec;
  if (spec.kind === 'previous') return { kind: 'previous' };
  if (spec.kind === 'number') return { kind: 'revision', revision: spec.revision };
  const { target } = lastGood(
    await readLedger(client, ref.namespace),
    ref.kind,
    ref.name,
    spec.kind === 'commit' ? spec.sha : undefined,
  );
  return { kind: 'template', template: target.template, revision: target.revision };
}

/** One read of the workload and one list of its history, as kubectl does; then the plan. */
async function plan(
  client: KubeClient,
  ref: TargetRef,
  to: UndoTo,
  prefetched?: Workload,
): Promise<{ undo: UndoPlan; workload: Workload }> {
  const workload = prefetched ?? (await client.getWorkload(ref.kind, ref.namespace, ref.name));
  const selector = selectorString(workload.spec.selector);
  const undo =
    ref.kind === 'Deployment'
      ? planDeploymentUndo(workload, await client.listReplicaSets(ref.namespace, selector), to)
      : planRevisionUndo(
          workload,
          await client.listControllerRevisions(ref.namespace, selector),
          to,
        );
  return { undo, workload };
}

async function rollbackOne(
  client: KubeClient,
  ref: TargetRef,
  options: RollbackOptions,
): Promise<TargetResult> {
  const started = options.clock.now();
  const label = `${ref.context} ${kindName(ref.kind)}/${ref.name}`;
  let patched = false;
  /** The undo whose answer was lost: it may have been carried out. */
  let unanswered: { fromRevision: number | undefined; toRevision: number | undefined } | undefined;
  /** The last unanswered patch's error, once no more are sent: only a read follows it. */
  let gaveUp: KubeError | undefined;
  /** Read back after the writes went unanswered, and none had landed. */
  let readBackUnchanged = false;
  try {
    let to = await destinationFor(client, ref, options.to);
    for (let attempt = 1; ; attempt++) {
      // A conflict's retry reads again: the prefetched copy is what conflicted.
      const { undo, workload } = await plan(
        client,
        ref,
        to,
        attempt === 1 ? options.prefetched?.get(refKey(ref)) : undefined,
      );
      if (undo.action === 'skip' && unanswered) {
        // The unanswered patch was carried out: that was the rollback, not a skip.
        const move = `revision ${unanswered.fromRevision ?? '?'} → ${unanswered.toRevision ?? 'recorded template'}`;
        options.log(
          `${label}: rolled back ${move} (the API server's answer was lost; read again, it was applied)`,
        );
        patched = true;
        return {
          ...ref,
          outcome: 'rolled-back',
          ...unanswered,
          message: `rolled back ${move}`,
          diff: [],
          seconds: (options.clock.now() - started) / 1000,
        };
      }
      if (gaveUp !== undefined) {
        readBackUnchanged = true;
        throw gaveUp;
      }
      // A change since this run judged the target that is not its own unanswered patch (seen
      // above): another run's rollback or a new deploy, left as it is.
      const moved = changedSinceJudged(workload.spec.template, options.to.judged?.get(refKey(ref)));
      if (moved) {
        options.log(`${label}: skipped, ${moved}`);
        return { ...ref, outcome: 'skipped', message: `skipped: ${moved}`, diff: [] };
      }
      if (undo.action === 'skip') {
        options.log(`${label}: skipped, ${undo.reason}`);
        return {
          ...ref,
          outcome: 'skipped',
          toRevision: undo.revision,
          fromRevision: undo.revision,
          message: `skipped: ${undo.reason}`,
          diff: [],
        };
      }
      const diff = diffLines(workload.spec.template, undo.template);
      const move = `revision ${undo.fromRevision ?? '?'} → ${undo.toRevision ?? 'recorded template'}`;
      try {
        await client.patchWorkload(
          ref.kind,
          ref.namespace,
          ref.name,
          undo.patchType,
          undo.patch,
          options.dryRun,
        );
      } catch (error) {
        // Someone changed the workload between our read and our write: read and plan again.
        if (error instanceof KubeError && error.status === 409 && attempt < 3) continue;
        // No answer: the patch may have landed. Read again, towards the same template, so
        // a landed undo is seen as done; "previous" would now mean the release we left.
        if (error instanceof KubeError && error.network && !options.dryRun) {
          options.log(`${label}: no answer to the patch (${messageOf(error)}); reading it again`);
          unanswered ??= { fromRevision: undo.fromRevision, toRevision: undo.toRevision };
          to = { kind: 'template', template: undo.template, revision: undo.toRevision };
          // After three, no more writes: one read says whether any of them landed.
          if (attempt >= 3) gaveUp = error;
          continue;
        }
        throw error;
      }
      patched = !options.dryRun;
      if (options.dryRun) {
        options.log(`${label}: would roll back ${move} (server dry run accepted)`);
        for (const line of diff) options.log(`    ${line}`);
        return {
          ...ref,
          outcome: 'planned',
          fromRevision: undo.fromRevision,
          toRevision: undo.toRevision,
          message: `would roll back ${move}`,
          diff,
        };
      }
      options.log(`${label}: rolling back ${move}`);
      return {
        ...ref,
        outcome: 'rolled-back',
        fromRevision: undo.fromRevision,
        toRevision: undo.toRevision,
        message: `rolled back ${move}`,
        diff,
        seconds: (options.clock.now() - started) / 1000,
      };
    }
  } catch (error) {
    const message = messageOf(error);
    options.log(`${label}: failed: ${message}`);
    const state = patched
      ? 'rollback applied; its rollout could not be followed'
      : readBackUnchanged
        ? 'unchanged: the API server did not answer the rollback, and reading it back shows it was not applied'
        : error instanceof KubeError && error.network
          ? 'unknown: the API server did not answer, the rollback may or may not have been applied'
          : 'unchanged';
    return {
      ...ref,
      outcome: 'failed',
      message,
      state,
      // Worth one more try only when nothing was applied and the API server, not the
      // workload, was the trouble; a second undo after a patch would go back once more.
      // An unanswered patch may have landed: a second "previous" would then go back twice.
      retryable:
        !patched &&
        !unanswered &&
        error instanceof KubeError &&
        (error.network || error.status === 429 || (error.status ?? 0) >= 500),
      diff: [],
      seconds: (options.clock.now() - started) / 1000,
    };
  }
}

/**
 * Waits for a rolled-back target's rollout (a watch, no request slot): one that does not
 * complete in time, or cannot be followed, fails the target with the rollback applied.
 */
async function followRollout(
  client: KubeClient,
  result: TargetResult,
  options: RollbackOptions,
): Promise<TargetResult> {
  const { context, kind, namespace, name } = result;
  const began = options.clock.now();
  const seconds = (): number => (result.seconds ?? 0) + (options.clock.now() - began) / 1000;
  const move = `revision ${result.fromRevision ?? '?'} → ${result.toRevision ?? 'recorded template'}`;
  try {
    const waited = await waitForRollout(client, kind, namespace, name, {
      clock: options.clock,
      timeoutMs: options.timeoutMs,
      log: options.log,
      warn: (line) => core.warning(`rollback-action: ${line}`),
    });
    if (!waited.failed) return { ...result, seconds: seconds() };
    return {
      ...result,
      outcome: 'failed',
      message: `patched (${move}) but ${waited.failed}`,
      state: 'rollback applied, rollout not complete',
      seconds: seconds(),
    };
  } catch (error) {
    const message = messageOf(error);
    options.log(`${context} ${kindName(kind)}/${name}: failed: ${message}`);
    return {
      context,
      kind,
      namespace,
      name,
      outcome: 'failed',
      message,
      state: 'rollback applied; its rollout could not be followed',
      retryable: false,
      diff: [],
      seconds: seconds(),
    };
  }
}

export async function rollbackTargets(
  clients: Map<string, KubeClient>,
  refs: TargetRef[],
  options: RollbackOptions,
): Promise<TargetResult[]> {
  const limit = pLimit(options.concurrency);
  // One undo per workload, whatever the caller passed: a second undo would go back again.
  const unique = [...new Map(refs.map((ref) => [refKey(ref), ref])).values()];
  return Promise.all(
    unique.map(async (ref) => {
      const client = clientFor(clients, ref.context);
      const result = await limit(() => rollbackOne(client, ref, options));
      // The bound is on requests; a rollout is followed through one open watch, so the
      // rollouts of every target are awaited together, as kubectl's would be in parallel.
      return options.wait && result.outcome === 'rolled-back'
        ? followRollout(client, result, options)
        : result;
    }),
  );
}
