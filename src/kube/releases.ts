/**
 * When each revision of a workload was first rolled out, from its history objects' creation
 * times (a Deployment's ReplicaSets, a StatefulSet's or DaemonSet's ControllerRevisions).
 * A guard without a capture step takes the current revision's time as the deploy time; a
 * backtest replays each revision in its lookback. A template that came back reuses its old
 * ReplicaSet, so its time is when it first ran: said where it matters.
 */
import type { KubeClient } from './client.js';
import { selectorString } from './selector.js';
import type { TargetRef } from './snapshot.js';
import type { Workload } from './types.js';
import { deploymentHistory, revisionHistory, revisionOf } from './undo.js';

export interface Release {
  revision: number;
  /** Creation time of the revision's history object, ms since the epoch. */
  at: number;
}

function timeOf(metadata: { creationTimestamp?: string | null }): number | undefined {
  const ms = metadata.creationTimestamp ? Date.parse(metadata.creationTimestamp) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** Releases newest first, and the one running now. */
export async function readReleases(
  client: KubeClient,
  ref: TargetRef,
): Promise<{ releases: Release[]; current: Release | undefined }> {
  const workload: Workload = await client.getWorkload(ref.kind, ref.namespace, ref.name);
  const selector = selectorString(workload.spec.selector);
  const history =
    ref.kind === 'Deployment'
      ? deploymentHistory(workload, await client.listReplicaSets(ref.namespace, selector)).map(
          (h) => ({ revision: h.revision, at: timeOf(h.replicaSet.metadata) }),
        )
      : revisionHistory(
          workload,
          await client.listControllerRevisions(ref.namespace, selector),
        ).map((r) => ({ revision: r.revision, at: timeOf(r.metadata) }));
  const releases = history.filter((r): r is Release => r.at !== undefined);
  const running = ref.kind === 'Deployment' ? revisionOf(workload) : releases[0]?.revision;
  return { releases, current: releases.find((r) => r.revision === running) };
}
