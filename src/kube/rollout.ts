/**
 * Rollout progress as `kubectl rollout status` judges it, per kind, and a wait loop on the
 * injected clock that prints a line whenever the message changes.
 */
import type { Clock } from '../clock.js';
import { formatDuration } from '../duration.js';
import type { KubeClient } from './client.js';
import { kindName, type Workload, type WorkloadKind } from './types.js';

export interface RolloutState {
  done: boolean;
  message: string;
  /** Set when the rollout can no longer complete on its own. */
  failed?: string;
}

export function rolloutStatus(kind: WorkloadKind, w: Workload): RolloutState {
  const name = w.metadata.name;
  const s = w.status ?? {};
  const generation = w.metadata.generation ?? 0;
  if (kind === 'Deployment') {
    if (generation > (s.observedGeneration ?? 0))
      return { done: false, message: 'waiting for the deployment spec update to be observed' };
    const progressing = s.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      return {
        done: false,
        message: `deployment "${name}" exceeded its progress deadline`,
        failed: `deployment "${name}" exceeded its progress deadline`,
      };
    }
    const want = w.spec.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    if (updated < want)
      return { done: false, message: `${updated} out of ${want} new replicas have been updated` };
    if ((s.replicas ?? 0) > updated)
      return {
        done: false,
        message: `${(s.replicas ?? 0) - updated} old replicas are pending termination`,
      };
    if ((s.availableReplicas ?? 0) < updated)
      return {
        done: false,
        message: `${s.availableReplicas ?? 0} of ${updated} updated replicas are available`,
      };
    return { done: true, message: `deployment "${name}" successfully rolled out` };
  }
  if (kind === 'DaemonSet') {
    if (generation > (s.observedGeneration ?? 0))
      return { done: false, message: 'waiting for the daemon set spec update to be observed' };
    const desired = s.desiredNumberScheduled ?? 0;
    if ((s.updatedNumberScheduled ?? 0) < desired)
      return {
        done: false,
        message: `${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated`,
      };
    if ((s.numberAvailable ?? 0) < desired)
      return {
        done: false,
        message: `${s.numberAvailable ?? 0} of ${desired} updated pods are available`,
      };
    return { done: true, message: `daemon set "${name}" successfully rolled out` };
  }
  if (!s.observedGeneration || generation > s.observedGeneration)
    return { done: false, message: 'waiting for the statefulset spec update to be observed' };
  const want = w.spec.replicas ?? 1;
  if ((s.readyReplicas ?? 0) < want)
    return {
      done: false,
      message: `waiting for ${want - (s.readyReplicas ?? 0)} pods to be ready`,
    };
  const partition = w.spec.updateStrategy?.rollingUpdate?.partition;
  if (w.spec.updateStrategy?.type === 'RollingUpdate' && partition !== undefined && partition > 0) {
    if ((s.updatedReplicas ?? 0) < want - partition)
      return {
        done: false,
        message: `${s.updatedReplicas ?? 0} out of ${want - partition} new pods have been updated (partitioned)`,
      };
    return {
      done: true,
      message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated`,
    };
  }
  if (s.updateRevision !== s.currentRevision)
    return {
      done: false,
      message: `rolling update to ${s.updateRevision ?? '?'}: ${s.updatedReplicas ?? 0} pods updated`,
    };
  return {
    done: true,
    message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision ?? '?'}`,
  };
}

export interface WaitOptions {
  clock: Clock;
  timeoutMs: number;
  pollMs?: number;
  log?: (line: string) => void;
}

export interface WaitResult extends RolloutState {
  elapsedMs: number;
}

export async function waitForRollout(
  client: KubeClient,
  kind: WorkloadKind,
  namespace: string,
  name: string,
  options: WaitOptions,
): Promise<WaitResult> {
  const started = options.clock.now();
  let last = '';
  for (;;) {
    const state = rolloutStatus(kind, await client.getWorkload(kind, namespace, name));
    const elapsedMs = options.clock.now() - started;
    if (state.message !== last) {
      options.log?.(
        `${client.context} ${kindName(kind)}/${name}: ${state.message} (${formatDuration(elapsedMs)})`,
      );
      last = state.message;
    }
    if (state.done || state.failed) return { ...state, elapsedMs };
    if (elapsedMs >= options.timeoutMs) {
      return {
        ...state,
        failed: `not rolled out after ${formatDuration(options.timeoutMs)}: ${state.message}`,
        elapsedMs,
      };
    }
    await options.clock.sleep(
      Math.min(options.pollMs ?? 1_000, Math.max(1, options.timeoutMs - elapsedMs)),
    );
  }
}
