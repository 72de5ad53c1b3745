/**
 * Rollout progress as `kubectl rollout status` judges it, per kind, and a wait that follows
 * the workload the way kubectl does: one read, then a watch from its resourceVersion, judging
 * each event and printing a line whenever the message changes. A watch the server closes is
 * resumed from the last resourceVersion seen (relisted when that is too old); one that cannot
 * be opened at all is replaced by polling. Timeouts are on the injected clock.
 */
import type { Clock } from '../clock.js';
import { formatDuration } from '../duration.js';
import { messageOf } from '../errors.js';
import { KubeError, type KubeClient } from './client.js';
import { kindName, type Workload, type WorkloadKind } from './types.js';
import type { WatchEvent, WatchStream } from './watch.js';

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
  /** How often status is read when polling, and how often the timeout is checked. */
  pollMs?: number;
  log?: (line: string) => void;
  /** Where a watch the credentials may not open is said: an annotation, as RBAC should grant it. */
  warn?: (line: string) => void;
  /** A cancelled run stops waiting at once (see src/cancel.ts). */
  cancelled?: AbortSignal;
}

export interface WaitResult extends RolloutState {
  elapsedMs: number;
  /** The signal that cancelled the run before the rollout was seen to end. */
  cancelled?: string;
  /** The workload as last read: what a guard then watches and judges. */
  workload?: Workload;
}

/** What the wait does with one watch event. */
export type WatchStep =
  /** A new state of the workload: judge it; resume from its resourceVersion. */
  | { do: 'judge'; workload: Workload; resourceVersion: string }
  /** Nothing changed, the server only moved on: resume from here. */
  | { do: 'resume'; resourceVersion: string }
  /** The resourceVersion is too old to watch from (410 Gone): read the workload again. */
  | { do: 'relist'; reason: string }
  /** Any other error: open a new watch from the last resourceVersion. */
  | { do: 'reopen'; reason: string }
  /** The workload is gone (or was replaced): read it again to say which. */
  | { do: 'reread' }
  | { do: 'ignore' };

/** The step for one event of a watch on the workload `name` (pure). */
export function watchStep(name: string, event: WatchEvent): WatchStep {
  const object = (
    typeof event.object === 'object' && event.object !== null ? event.object : {}
  ) as {
    metadata?: { name?: unknown; resourceVersion?: unknown };
    code?: unknown;
    reason?: unknown;
    message?: unknown;
  };
  const rv =
    typeof object.metadata?.resourceVersion === 'string' ? object.metadata.resourceVersion : '';
  switch (event.type) {
    case 'ADDED':
    case 'MODIFIED':
      if (object.metadata?.name !== name || !rv) return { do: 'ignore' };
      return { do: 'judge', workload: event.object as unknown as Workload, resourceVersion: rv };
    case 'DELETED':
      return object.metadata?.name === name ? { do: 'reread' } : { do: 'ignore' };
    case 'BOOKMARK':
      return rv ? { do: 'resume', resourceVersion: rv } : { do: 'ignore' };
    case 'ERROR': {
      const reason = typeof object.message === 'string' ? object.message : 'watch error';
      return object.code === 410 || object.reason === 'Expired' || object.reason === 'Gone'
        ? { do: 'relist', reason }
        : { do: 'reopen', reason };
    }
    default:
      return { do: 'ignore' };
  }
}

/** The longest one watch is asked to stay open; the server may close it sooner. */
const WATCH_SECONDS = 300;
/** Watches in a row that close before any event, after which polling takes over. */
const EMPTY_WATCHES = 3;
/** Clients already said to be polled, so the fallback is said once per context. */
const pollingSaid = new WeakSet<KubeClient>();
const TICK: unique symbol = Symbol('tick');

export async function waitForRollout(
  client: KubeClient,
  kind: WorkloadKind,
  namespace: string,
  name: string,
  options: WaitOptions,
): Promise<WaitResult> {
  const { clock, timeoutMs } = options;
  const pollMs = options.pollMs ?? 1_000;
  const started = clock.now();
  const label = `${client.context} ${kindName(kind)}/${name}`;
  let last = '';
  let state: RolloutState = { done: false, message: '' };
  let seen: Workload | undefined;
  /** Judges a read of the workload: the result when the wait is over. */
  const judge = (workload: Workload | undefined): WaitResult | undefined => {
    if (options.cancelled?.aborted)
      return {
        ...state,
        elapsedMs: clock.now() - started,
        cancelled: String(options.cancelled.reason),
        ...(seen ? { workload: seen } : {}),
      };
    if (workload) {
      state = rolloutStatus(kind, workload);
      seen = workload;
    }
    const elapsedMs = clock.now() - started;
    if (state.message !== last) {
      options.log?.(`${label}: ${state.message} (${formatDuration(elapsedMs)})`);
      last = state.message;
    }
    if (state.done || state.failed)
      return { ...state, elapsedMs, ...(seen ? { workload: seen } : {}) };
    if (elapsedMs >= timeoutMs)
      return {
        ...(seen ? { workload: seen } : {}),
        ...state,
        failed: `not rolled out after ${formatDuration(timeoutMs)}: ${state.message}`,
        elapsedMs,
      };
    return undefined;
  };
  const left = (): number => Math.max(1, timeoutMs - (clock.now() - started));
  const poll = async (): Promise<WaitResult> => {
    for (;;) {
      await clock.sleep(Math.min(pollMs, left()), options.cancelled);
      const over = judge(
        options.cancelled?.aborted ? undefined : await client.getWorkload(kind, namespace, name),
      );
      if (over) return over;
    }
  };

  const first = await client.getWorkload(kind, namespace, name);
  let over = judge(first);
  if (over) return over;
  let resourceVersion = first.metadata.resourceVersion;
  const relist = async (): Promise<WaitResult | undefined> => {
    const listed = await client.listWorkload(kind, namespace, name);
    // Gone: the same "not found" a read gives, as polling would have said.
    const workload = listed.workload ?? (await client.getWorkload(kind, namespace, name));
    resourceVersion = listed.resourceVersion || workload.metadata.resourceVersion;
    return judge(workload);
  };
  /** Follows one watch until it ends: the result when the wait is over, and how much news came. */
  const follow = async (stream: WatchStream): Promise<{ over?: WaitResult; news: number }> => {
    let news = 0;
    try {
      let pending = stream.next();
      for (;;) {
        const event = await Promise.race([
          pending,
          clock.sleep(Math.min(pollMs, left()), options.cancelled).then((): typeof TICK => TICK),
        ]);
        if (event === TICK) {
          const over = judge(undefined);
          if (over) return { over, news };
          continue;
        }
        if (event === undefined) return { news };
        pending = stream.next();
        const step = watchStep(name, event);
        let over: WaitResult | undefined;
        if (step.do === 'judge') {
          resourceVersion = step.resourceVersion;
          over = judge(step.workload);
        } else if (step.do === 'resume') {
          resourceVersion = step.resourceVersion;
        } else if (step.do === 'reread') {
          const workload = await client.getWorkload(kind, namespace, name);
          resourceVersion = workload.metadata.resourceVersion;
          over = judge(workload);
        } else if (step.do === 'relist') {
          return { over: await relist(), news };
        } else if (step.do === 'reopen') {
          return { news };
        }
        // News of the workload (a state, a bookmark), as opposed to errors.
        if (step.do !== 'ignore') news += 1;
        if (over) return { over, news };
      }
    } finally {
      stream.close();
    }
  };
  let empty = 0;
  for (;;) {
    let stream: WatchStream | undefined;
    try {
      stream = await client.watchWorkload(kind, namespace, name, resourceVersion, WATCH_SECONDS);
    } catch (error) {
      if (!(error instanceof KubeError && error.status === 410)) {
        if (!pollingSaid.has(client)) {
          pollingSaid.add(client);
          const forbidden = error instanceof KubeError && error.status === 403;
          (forbidden ? (options.warn ?? options.log) : options.log)?.(
            `${client.context}: cannot watch rollouts (${messageOf(error)}); polling every ${formatDuration(pollMs)} instead`,
          );
        }
        return poll();
      }
    }
    // 410 Gone at the opening: the resourceVersion is too old; read again, watch from there.
    const followed = stream ? await follow(stream) : { over: await relist(), news: 0 };
    if (followed.over) return followed.over;
    // Closed by the server or the network: resume from the last resourceVersion seen. A
    // server that closes (or refuses with 410) every watch at once is no longer watched, but
    // polled, rather than asked again and again.
    empty = followed.news === 0 ? empty + 1 : 0;
    if (empty >= EMPTY_WATCHES) {
      if (!pollingSaid.has(client)) {
        pollingSaid.add(client);
        options.log?.(
          `${client.context}: watches of rollouts close as soon as they open; polling every ${formatDuration(pollMs)} instead`,
        );
      }
      return poll();
    }
    // Once at once (a server timeout is normal); after a closure with nothing in it, a pause.
    if (empty > 1) await clock.sleep(Math.min(pollMs, left()), options.cancelled);
    over = judge(undefined);
    if (over) return over;
  }
}
