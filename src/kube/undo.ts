/**
 * What `kubectl rollout undo` decides, as pure functions over the objects it reads: which
 * revision to go back to, whether the workload is already there, and the one patch that
 * restores it. Deployments go back through their ReplicaSets (a JSON Patch of the template
 * and annotations), StatefulSets and DaemonSets through their ControllerRevisions (the
 * revision's data as a strategic merge patch). A recorded template can be restored too, for
 * a release whose revision was pruned from history.
 */
import type { PatchType } from './client.js';
import { semanticallyEqual } from './json.js';
import type { ControllerRevision, Json, PodTemplate, ReplicaSet, Workload } from './types.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
const HASH_LABEL = 'pod-template-hash';

/** Deployment annotations kubectl keeps, instead of taking the ReplicaSet's. */
const ANNOTATIONS_KEPT = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export type UndoTo =
  | { kind: 'previous' }
  | { kind: 'revision'; revision: number }
  /** A template recorded at capture or in the ledger, restored as it was. */
  | { kind: 'template'; template: PodTemplate; revision?: number };

export type UndoPlan =
  | { action: 'skip'; revision: number | undefined; reason: string }
  | {
      action: 'patch';
      fromRevision: number | undefined;
      toRevision: number | undefined;
      patchType: PatchType;
      patch: Json;
      template: PodTemplate;
    };

/** A rollback kubectl would refuse, with kubectl's reason. */
export class UndoRefused extends Error {}

function controlledBy(
  owner: Workload,
  object: { metadata: { ownerReferences?: { uid: string; controller?: boolean }[] } },
): boolean {
  return (object.metadata.ownerReferences ?? []).some(
    (r) => r.controller === true && r.uid === owner.metadata.uid,
  );
}

export function withoutHashLabel(template: PodTemplate): PodTemplate {
  const copy = structuredClone(template);
  if (copy.metadata?.labels) {
    const { [HASH_LABEL]: _hash, ...labels } = copy.metadata.labels;
    copy.metadata.labels = labels;
  }
  return copy;
}

export function revisionOf(object: {
  metadata: { annotations?: Record<string, string> };
}): number | undefined {
  const value = Number(object.metadata.annotations?.[REVISION_ANNOTATION]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The revisions a workload can go back to, newest first. */
export function deploymentHistory(
  deployment: Workload,
  replicaSets: ReplicaSet[],
): { revision: number; replicaSet: ReplicaSet }[] {
  return replicaSets
    .filter((rs) => controlledBy(deployment, rs))
    .flatMap((rs) => {
      const revision = revisionOf(rs);
      return revision === undefined ? [] : [{ revision, replicaSet: rs }];
    })
    .sort((a, b) => b.revision - a.revision);
}

export function planDeploymentUndo(
  deployment: Workload,
  replicaSets: ReplicaSet[],
  to: UndoTo,
): UndoPlan {
  const name = deployment.metadata.name;
  const fromRevision = revisionOf(deployment);
  let target: {
    template: PodTemplate;
    annotations?: Record<string, string>;
    revision: number | undefined;
  };
  const history = deploymentHistory(deployment, replicaSets);
  // A recorded release still in history goes back through its ReplicaSet (annotations too):
  // under its recorded revision, or under the one its template has now, since a rollback to
  // revision 3 turns that ReplicaSet into revision 5 and revision 3 no longer exists.
  const sameTemplate = (h: { replicaSet: ReplicaSet }): boolean =>
    to.kind === 'template' &&
    semanticallyEqual(withoutHashLabel(h.replicaSet.spec.template), withoutHashLabel(to.template));
  const recorded =
    to.kind === 'template'
      ? (history.find((h) => h.revision === to.revision && sameTemplate(h)) ??
        history.find(sameTemplate))
      : undefined;
  if (to.kind === 'template' && !recorded) {
    target = { template: to.template, revision: to.revision };
  } else if (recorded) {
    target = {
      template: recorded.replicaSet.spec.template,
      annotations: recorded.replicaSet.metadata.annotations,
      revision: recorded.revision,
    };
  } else {
    const found =
      to.kind === 'revision' ? history.find((h) => h.revision === to.revision) : history[1];
    if (!found) {
      if (to.kind === 'revision')
        throw new UndoRefused(`unable to find specified revision ${to.revision} in history`);
      throw new UndoRefused(`no rollout history found for deployment "${name}"`);
    }
    target = {
      template: found.replicaSet.spec.template,
      annotations: found.replicaSet.metadata.annotations,
      revision: found.revision,
    };
  }
  if (deployment.spec.paused === true) {
    throw new UndoRefused(
      `deployment "${name}" is paused; resume it first (kubectl rollout resume deployment/${name}) and try again`,
    );
  }
  const template = withoutHashLabel(target.template);
  if (semanticallyEqual(template, withoutHashLabel(deployment.spec.template))) {
    return {
      action: 'skip',
      revision: target.revision ?? fromRevision,
      reason: `current template already matches revision ${target.revision ?? fromRevision ?? '?'}`,
    };
  }
  const patch: Json[] = [{ op: 'replace', path: '/spec/template', value: template as Json }];
  if (target.annotations !== undefined) {
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(deployment.metadata.annotations ?? {}))
      if (ANNOTATIONS_KEPT.has(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(target.annotations ?? {}))
      if (!ANNOTATIONS_KEPT.has(k)) annotations[k] = v;
    patch.push({ op: 'replace', path: '/metadata/annotations', value: annotations });
  }
  return {
    action: 'patch',
    fromRevision,
    toRevision: target.revision,
    patchType: 'json',
    patch,
    template,
  };
}

/** The data a StatefulSet or DaemonSet controller records for a template. */
export function revisionData(template: PodTemplate): Json {
  return { spec: { template: { ...(template as Record<string, Json>), $patch: 'replace' } } };
}

function templateOfData(data: Json): PodTemplate | undefined {
  const template = (data as { spec?: { template?: Record<string, Json> } } | null)?.spec?.template;
  if (!template) return undefined;
  const { $patch: _directive, ...rest } = template;
  return rest;
}

export function revisionHistory(
  workload: Workload,
  revisions: ControllerRevision[],
): ControllerRevision[] {
  return revisions.filter((r) => controlledBy(workload, r)).sort((a, b) => b.revision - a.revision);
}

export function planRevisionUndo(
  workload: Workload,
  revisions: ControllerRevision[],
  to: UndoTo,
): UndoPlan {
  const history = revisionHistory(workload, revisions);
  const current = history.find((r) =>
    semanticallyEqual(templateOfData(r.data), workload.spec.template),
  );
  let target: { data: Json; template: PodTemplate; revision: number | undefined };
  if (to.kind === 'template') {
    // The recorded template's revision now, which may not be the one it was recorded under.
    const now =
      history.find(
        (r) => r.revision === to.revision && semanticallyEqual(templateOfData(r.data), to.template),
      ) ?? history.find((r) => semanticallyEqual(templateOfData(r.data), to.template));
    target = {
      data: revisionData(to.template),
      template: to.template,
      revision: now?.revision ?? to.revision,
    };
  } else {
    if (to.kind === 'previous' && history.length <= 1)
      throw new UndoRefused('no last revision to roll back to');
    const found =
      to.kind === 'revision' ? history.find((r) => r.revision === to.revision) : history[1];
    if (!found)
      throw new UndoRefused(
        `unable to find specified revision ${to.kind === 'revision' ? to.revision : 0} in history`,
      );
    target = {
      data: found.data,
      template: templateOfData(found.data) ?? {},
      revision: found.revision,
    };
  }
  if (semanticallyEqual(target.template, workload.spec.template)) {
    return {
      action: 'skip',
      revision: target.revision,
      reason: `current template already matches revision ${target.revision ?? current?.revision ?? '?'}`,
    };
  }
  return {
    action: 'patch',
    fromRevision: current?.revision,
    toRevision: target.revision,
    patchType: 'strategic',
    patch: target.data,
    template: target.template,
  };
}

/**
 * Why a target must be left alone: its template is no longer the one the run judged, so
 * another run already rolled it back, or someone deployed again. Undoing to `previous` now
 * would go back once more, to the very release that was judged bad.
 */
export function changedSinceJudged(
  current: PodTemplate,
  judged: PodTemplate | undefined,
): string | undefined {
  if (judged === undefined) return undefined;
  if (semanticallyEqual(withoutHashLabel(current), withoutHashLabel(judged))) return undefined;
  return CHANGED_SINCE_JUDGED;
}

/** Why a target was left alone by a guard that came second (the headline says it too). */
export const CHANGED_SINCE_JUDGED =
  'it changed since this run judged it (another run rolled it back, or a new deploy); left as it is';
