/**
 * The controllers kube-sim runs, simplified where no client can tell the difference:
 * Deployment → ReplicaSets (one per distinct template, revisions, re-adoption of an old
 * template, history pruning, status and conditions, progress deadline, pause), ReplicaSet →
 * Pods, StatefulSet and DaemonSet → ControllerRevisions and Pods. Pods become ready after a
 * delay; an image can be marked never ready (a stuck rollout) or crash-looping.
 */
import { imageDigest, randomSuffix, templateHash } from './defaults.js';
import { goJson, type Json } from './patch.js';
import { resourceByKind } from './resources.js';
import type { KubeObject, Store } from './store.js';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
const HASH_LABEL = 'pod-template-hash';
const REVISION_HASH_LABEL = 'controller-revision-hash';
/** Annotations the Deployment controller does not copy onto its ReplicaSets. */
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

export interface ControllerOptions {
  podReadyDelayMs: number;
  nodes: string[];
}

type ImageBehaviour = 'never-ready' | 'crash-loop';

const DEP = resourceByKind('Deployment');
const RS = resourceByKind('ReplicaSet');
const STS = resourceByKind('StatefulSet');
const DS = resourceByKind('DaemonSet');
const CR = resourceByKind('ControllerRevision');
const POD = resourceByKind('Pod');
const EVENT = resourceByKind('Event');

function timestamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function ownedBy(object: KubeObject, owner: KubeObject): boolean {
  return (object.metadata.ownerReferences ?? []).some(
    (r: KubeObject) => r.controller && r.uid === owner.metadata.uid,
  );
}

function ownerRef(owner: KubeObject): KubeObject {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function revisionOf(object: KubeObject): number {
  return Number(object.metadata.annotations?.[REVISION] ?? 0);
}

function withoutHash(template: KubeObject): string {
  const copy = structuredClone(template);
  if (copy.metadata?.labels) delete copy.metadata.labels[HASH_LABEL];
  if (copy.metadata?.labels && Object.keys(copy.metadata.labels).length === 0)
    delete copy.metadata.labels;
  return goJson(copy);
}

function isReady(pod: KubeObject): boolean {
  return (
    pod.status?.conditions?.some((c: KubeObject) => c.type === 'Ready' && c.status === 'True') ??
    false
  );
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class Controllers {
  private readonly imageRules = new Map<string, ImageBehaviour>();
  private readonly readyAt = new Map<string, number>();
  private pending: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private running = false;
  private again = false;

  constructor(
    private readonly store: Store,
    private readonly options: ControllerOptions,
  ) {
    store.subscribe(() => this.schedule());
  }

  /** Pods of this image never become ready (or crash-loop), so a rollout to it gets stuck. */
  setImageBehaviour(image: string, behaviour: ImageBehaviour | undefined): void {
    if (behaviour) this.imageRules.set(image, behaviour);
    else this.imageRules.delete(image);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.pending) clearTimeout(this.pending);
    for (const t of this.timers) clearTimeout(t);
  }

  schedule(delayMs = 0): void {
    if (this.stopped) return;
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.schedule();
      }, delayMs);
      this.timers.add(timer);
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.pending) return;
    // A short debounce lets a burst of writes settle into one pass.
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.reconcileAll();
    }, 2);
  }

  private reconcileAll(): void {
    if (this.stopped) return;
    this.running = true;
    try {
      for (let round = 0; round < 20; round++) {
        this.again = false;
        for (const pod of this.store.peek(POD)) this.reconcilePod(pod);
        for (const d of this.store.peek(DEP)) this.reconcileDeployment(d);
        for (const rs of this.store.peek(RS)) this.reconcileReplicaSet(rs);
        for (const sts of this.store.peek(STS)) this.reconcileStatefulSet(sts);
        for (const ds of this.store.peek(DS)) this.reconcileDaemonSet(ds);
        this.collectGarbage();
        // Writes during the round call schedule(), which sets `again` while running.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        if (!this.again) break;
      }
    } finally {
      this.running = false;
    }
  }

  private event(involved: KubeObject, reason: string, message: string): void {
    const name = `${involved.metadata.name}.${Date.now().toString(16)}${randomSuffix(3)}`;
    const at = timestamp();
    this.store.create(EVENT, {
      metadata: { name, namespace: involved.metadata.namespace },
      involvedObject: {
        kind: involved.kind,
        namespace: involved.metadata.namespace,
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        apiVersion: involved.apiVersion,
      },
      reason,
      message,
      type: 'Normal',
      source: { component: `${involved.kind.toLowerCase()}-controller` },
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
    });
  }

  // --- Pods -----------------------------------------------------------------------------

  private newPod(
    owner: KubeObject,
    template: KubeObject,
    name: string,
    extraLabels: Record<string, string>,
    nodeName?: string,
  ): void {
    const created = this.store.create(POD, {
      metadata: {
        name,
        namespace: owner.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}), ...extraLabels },
        annotations: template.metadata?.annotations,
        ownerReferences: [ownerRef(owner)],
      },
      spec: { ...structuredClone(template.spec), nodeName: nodeName ?? this.options.nodes[0] },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: timestamp() }],
      },
    });
    this.readyAt.set(created.metadata.uid, Date.now() + this.options.podReadyDelayMs);
    this.schedule(this.options.podReadyDelayMs + 1);
  }

  private behaviourOf(pod: KubeObject): ImageBehaviour | undefined {
    for (const c of pod.spec?.containers ?? []) {
      const rule = this.imageRules.get(c.image);
      if (rule) return rule;
    }
    return undefined;
  }

  private reconcilePod(pod: KubeObject): void {
    if (
      pod.status?.phase === 'Running' &&
      pod.status?.conditions?.some((c: KubeObject) => c.type === 'Ready' && c.status === 'True')
    )
      return;
    const due = this.readyAt.get(pod.metadata.uid) ?? 0;
    if (Date.now() < due) return;
    const behaviour = this.behaviourOf(pod);
    const ready = behaviour === undefined;
    const at = timestamp();
    const status = {
      phase: 'Running',
      hostIP: '10.0.0.1',
      podIP: `10.244.0.${(parseInt(pod.metadata.uid.slice(0, 2), 16) % 250) + 2}`,
      startTime: pod.status?.startTime ?? at,
      conditions: [
        {
          type: 'PodScheduled',
          status: 'True',
          lastTransitionTime: pod.metadata.creationTimestamp,
        },
        { type: 'Initialized', status: 'True', lastTransitionTime: at },
        { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: at },
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: at },
      ],
      containerStatuses: (pod.spec.containers ?? []).map((c: KubeObject) => ({
        name: c.name,
        image: c.image,
        imageID: `docker.io/library/${String(c.image).split(':')[0]}@${imageDigest(c.image)}`,
        ready,
        started: behaviour !== 'crash-loop',
        restartCount: behaviour === 'crash-loop' ? 3 : 0,
        state:
          behaviour === 'crash-loop'
            ? {
                waiting: {
                  reason: 'CrashLoopBackOff',
                  message: `back-off 40s restarting failed container=${c.name}`,
                },
              }
            : { running: { startedAt: at } },
      })),
    };
    if (
      same(
        status.conditions.map((c) => c.status),
        pod.status?.conditions?.map((c: KubeObject) => c.status),
      ) &&
      pod.status?.phase === 'Running'
    )
      return;
    this.store.update(POD, { ...pod, status }, { subresource: 'status' });
  }

  private podsOf(owner: KubeObject): KubeObject[] {
    return this.store.peek(POD, owner.metadata.namespace).filter((p) => ownedBy(p, owner));
  }

  private static isReady(pod: KubeObject): boolean {
    return (
      pod.status?.conditions?.some((c: KubeObject) => c.type === 'Ready' && c.status === 'True') ??
      false
    );
  }

  // --- ReplicaSets ----------------------------------------------------------------------

  private reconcileReplicaSet(rs: KubeObject): void {
    const pods = this.podsOf(rs);
    const want: number = rs.spec.replicas ?? 1;
    if (pods.length < want) {
      for (let i = pods.length; i < want; i++)
        this.newPod(rs, rs.spec.template, `${rs.metadata.name}-${randomSuffix()}`, {});
      return;
    }
    if (pods.length > want) {
      const victims = [...pods]
        .sort((a, b) => Number(isReady(a)) - Number(isReady(b)))
        .slice(0, pods.length - want);
      for (const pod of victims) this.store.delete(POD, pod.metadata.namespace, pod.metadata.name);
      return;
    }
    const ready = pods.filter(isReady).length;
    const status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation,
    };
    if (!same(status, rs.status))
      this.store.update(RS, { ...rs, status }, { subresource: 'status' });
  }

  // --- Deployments ----------------------------------------------------------------------

  private reconcileDeployment(d: KubeObject): void {
    const namespace = d.metadata.namespace;
    const replicas: number = d.spec.replicas ?? 1;
    const all = this.store.peek(RS, namespace).filter((rs) => ownedBy(rs, d));
    const wanted = withoutHash(d.spec.template);
    let newRS = all.find((rs) => withoutHash(rs.spec.template) === wanted);
    const old = all.filter((rs) => rs !== newRS);
    const maxOld = Math.max(0, ...old.map(revisionOf));
    let created = false;

    if (!d.spec.paused) {
      if (!newRS) {
        newRS = this.createReplicaSet(d, maxOld + 1);
        created = true;
      } else {
        newRS = this.syncNewReplicaSet(d, newRS, maxOld, replicas);
      }
      if (d.metadata.annotations?.[REVISION] !== String(revisionOf(newRS))) {
        this.store.update(DEP, {
          ...d,
          metadata: {
            ...d.metadata,
            annotations: { ...d.metadata.annotations, [REVISION]: String(revisionOf(newRS)) },
          },
        });
        return;
      }
      // Old ReplicaSets give way as the new one becomes available (surge to the full count).
      let allowed = Math.max(0, replicas - (newRS.status?.availableReplicas ?? 0));
      for (const rs of [...old].sort((a, b) => revisionOf(b) - revisionOf(a))) {
        const target = Math.min(rs.spec.replicas ?? 0, allowed);
        allowed -= target;
        if (target !== rs.spec.replicas) {
          this.store.update(RS, {
            ...rs,
            spec: { ...rs.spec, replicas: target },
            metadata: {
              ...rs.metadata,
              annotations: { ...rs.metadata.annotations, [DESIRED_REPLICAS]: String(replicas) },
            },
          });
          this.event(
            d,
            'ScalingReplicaSet',
            `Scaled down replica set ${rs.metadata.name} from ${rs.spec.replicas} to ${target}`,
          );
        }
      }
      this.pruneHistory(d, old);
    } else if (newRS && newRS.spec.replicas !== replicas) {
      this.store.update(RS, { ...newRS, spec: { ...newRS.spec, replicas } });
    }
    this.updateDeploymentStatus(d, newRS, created);
  }

  private createReplicaSet(d: KubeObject, revision: number): KubeObject {
    const hash = templateHash(d.spec.template as Json);
    const template = structuredClone(d.spec.template);
    template.metadata = {
      ...template.metadata,
      labels: { ...template.metadata?.labels, [HASH_LABEL]: hash },
    };
    const replicas: number = d.spec.replicas ?? 1;
    const rs = this.store.create(RS, {
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...template.metadata.labels },
        annotations: {
          ...this.copiedAnnotations(d),
          [DESIRED_REPLICAS]: String(replicas),
          [MAX_REPLICAS]: String(replicas + maxSurge(d)),
          [REVISION]: String(revision),
        },
        ownerReferences: [ownerRef(d)],
      },
      spec: {
        replicas,
        minReadySeconds: d.spec.minReadySeconds,
        selector: {
          ...d.spec.selector,
          matchLabels: { ...d.spec.selector?.matchLabels, [HASH_LABEL]: hash },
        },
        template,
      },
    });
    this.event(
      d,
      'ScalingReplicaSet',
      `Scaled up replica set ${rs.metadata.name} from 0 to ${replicas}`,
    );
    return rs;
  }

  private copiedAnnotations(d: KubeObject): Record<string, string> {
    return Object.fromEntries(
      Object.entries<string>(d.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.has(k)),
    );
  }

  /** An existing ReplicaSet for the template: an old one coming back gets the next revision. */
  private syncNewReplicaSet(
    d: KubeObject,
    rs: KubeObject,
    maxOld: number,
    replicas: number,
  ): KubeObject {
    const annotations: Record<string, string> = { ...rs.metadata.annotations };
    const current = revisionOf(rs);
    if (current <= maxOld) {
      annotations[REVISION] = String(maxOld + 1);
      const history = annotations[REVISION_HISTORY];
      annotations[REVISION_HISTORY] = history ? `${history},${current}` : String(current);
    }
    for (const [k, v] of Object.entries(this.copiedAnnotations(d))) annotations[k] = v;
    annotations[DESIRED_REPLICAS] = String(replicas);
    annotations[MAX_REPLICAS] = String(replicas + maxSurge(d));
    const next = {
      ...rs,
      metadata: { ...rs.metadata, annotations },
      spec: { ...rs.spec, replicas },
    };
    if (same(next, rs)) return rs;
    if (rs.spec.replicas !== replicas)
      this.event(
        d,
        'ScalingReplicaSet',
        `Scaled up replica set ${rs.metadata.name} from ${rs.spec.replicas} to ${replicas}`,
      );
    return this.store.update(RS, next);
  }

  private pruneHistory(d: KubeObject, old: KubeObject[]): void {
    const limit: number = d.spec.revisionHistoryLimit ?? 10;
    const idle = old
      .filter((rs) => (rs.spec.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit)))
      this.store.delete(RS, rs.metadata.namespace, rs.metadata.name);
  }

  private updateDeploymentStatus(
    d: KubeObject,
    newRS: KubeObject | undefined,
    created: boolean,
  ): void {
    const all = this.store.peek(RS, d.metadata.namespace).filter((rs) => ownedBy(rs, d));
    const sum = (field: string, list = all): number =>
      list.reduce((n, rs) => n + (rs.status?.[field] ?? 0), 0);
    const replicas: number = d.spec.replicas ?? 1;
    const updated = newRS?.status?.replicas ?? 0;
    const total = sum('replicas');
    const available = sum('availableReplicas');
    const status: KubeObject = {
      observedGeneration: d.metadata.generation,
      replicas: total,
      updatedReplicas: updated,
      readyReplicas: sum('readyReplicas'),
      availableReplicas: available,
    };
    const unavailable = Math.max(0, total - available);
    if (unavailable > 0) status.unavailableReplicas = unavailable;
    for (const k of ['readyReplicas', 'availableReplicas']) if (status[k] === 0) delete status[k];

    const previous: KubeObject[] = d.status?.conditions ?? [];
    const find = (type: string): KubeObject | undefined => previous.find((c) => c.type === type);
    const at = timestamp();
    const condition = (
      type: string,
      state: string,
      reason: string,
      message: string,
      progressed: boolean,
    ): KubeObject => {
      const before = find(type);
      const changed = !before || before.status !== state || before.reason !== reason;
      return {
        type,
        status: state,
        lastUpdateTime: changed || progressed ? at : before.lastUpdateTime,
        lastTransitionTime: !before || before.status !== state ? at : before.lastTransitionTime,
        reason,
        message,
      };
    };
    const minAvailable = replicas - maxUnavailable(d);
    const availableCondition =
      available >= minAvailable
        ? condition(
            'Available',
            'True',
            'MinimumReplicasAvailable',
            'Deployment has minimum availability.',
            false,
          )
        : condition(
            'Available',
            'False',
            'MinimumReplicasUnavailable',
            'Deployment does not have minimum availability.',
            false,
          );

    const rsName = newRS?.metadata.name ?? '';
    const complete =
      newRS !== undefined &&
      updated === replicas &&
      total === replicas &&
      (newRS.status?.availableReplicas ?? 0) === replicas;
    const progressedNow = !same(
      [
        d.status?.updatedReplicas,
        d.status?.readyReplicas,
        d.status?.availableReplicas,
        d.status?.replicas,
      ],
      [status.updatedReplicas, status.readyReplicas, status.availableReplicas, status.replicas],
    );
    let progressing: KubeObject;
    const before = find('Progressing');
    if (d.spec.paused) {
      progressing = condition(
        'Progressing',
        'Unknown',
        'DeploymentPaused',
        'Deployment is paused',
        false,
      );
    } else if (complete) {
      progressing = condition(
        'Progressing',
        'True',
        'NewReplicaSetAvailable',
        `ReplicaSet "${rsName}" has successfully progressed.`,
        false,
      );
    } else if (
      before?.reason === 'ProgressDeadlineExceeded' &&
      !progressedNow &&
      !created &&
      d.status?.observedGeneration === d.metadata.generation
    ) {
      progressing = before;
    } else if (created) {
      progressing = condition(
        'Progressing',
        'True',
        'NewReplicaSetCreated',
        `Created new replica set "${rsName}"`,
        true,
      );
    } else {
      const lastProgress =
        progressedNow ||
        !before ||
        before.reason === 'NewReplicaSetAvailable' ||
        d.status?.observedGeneration !== d.metadata.generation
          ? Date.now()
          : Date.parse(before.lastUpdateTime);
      const deadline = lastProgress + (d.spec.progressDeadlineSeconds ?? 600) * 1000;
      if (Date.now() >= deadline) {
        progressing = condition(
          'Progressing',
          'False',
          'ProgressDeadlineExceeded',
          `ReplicaSet "${rsName}" has timed out progressing.`,
          false,
        );
      } else {
        progressing = condition(
          'Progressing',
          'True',
          'ReplicaSetUpdated',
          `ReplicaSet "${rsName}" is progressing.`,
          progressedNow || before?.reason !== 'ReplicaSetUpdated',
        );
        this.schedule(deadline - Date.now() + 5);
      }
    }
    status.conditions = [availableCondition, progressing];
    const comparable = (s: KubeObject | undefined): string =>
      JSON.stringify({
        ...s,
        conditions: s?.conditions?.map((c: KubeObject) => [c.type, c.status, c.reason, c.message]),
      });
    if (comparable(status) === comparable(d.status)) return;
    this.store.update(DEP, { ...d, status }, { subresource: 'status' });
  }

  // --- StatefulSets and DaemonSets: ControllerRevisions ----------------------------------

  /** The revision's data as the controllers (and kubectl) compute it: the template, $patch: replace. */
  static revisionData(workload: KubeObject): Json {
    return {
      spec: { template: { ...structuredClone(workload.spec.template), $patch: 'replace' } },
    };
  }

  private syncRevisions(owner: KubeObject): KubeObject {
    const namespace = owner.metadata.namespace;
    const revisions = this.store.peek(CR, namespace).filter((r) => ownedBy(r, owner));
    const data = Controllers.revisionData(owner);
    const encoded = goJson(data);
    const maxRevision = Math.max(0, ...revisions.map((r) => Number(r.revision)));
    const equal = revisions.find((r) => goJson(r.data as Json) === encoded);
    if (equal) {
      if (Number(equal.revision) < maxRevision)
        return this.store.update(CR, { ...equal, revision: maxRevision + 1 });
      return equal;
    }
    const hash = templateHash(data, owner.status?.collisionCount ?? 0);
    const created = this.store.create(CR, {
      metadata: {
        name: `${owner.metadata.name}-${hash}`,
        namespace,
        labels: { ...(owner.spec.template.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
        annotations: owner.metadata.annotations ? { ...owner.metadata.annotations } : undefined,
        ownerReferences: [ownerRef(owner)],
      },
      data: JSON.parse(encoded) as Json,
      revision: maxRevision + 1,
    });
    this.pruneRevisions(owner, [...revisions, created]);
    return created;
  }

  private pruneRevisions(owner: KubeObject, revisions: KubeObject[]): void {
    const limit: number = owner.spec.revisionHistoryLimit ?? 10;
    const live = new Set([owner.status?.currentRevision, owner.status?.updateRevision]);
    const removable = revisions
      .filter((r) => !live.has(r.metadata.name))
      .sort((a, b) => Number(a.revision) - Number(b.revision));
    const excess = revisions.length - limit;
    for (const r of removable.slice(0, Math.max(0, excess)))
      this.store.delete(CR, r.metadata.namespace, r.metadata.name);
  }

  private reconcileStatefulSet(sts: KubeObject): void {
    const revision = this.syncRevisions(sts);
    const replicas: number = sts.spec.replicas ?? 1;
    const pods = this.podsOf(sts);
    for (let i = 0; i < replicas; i++) {
      const name = `${sts.metadata.name}-${i}`;
      const pod = pods.find((p) => p.metadata.name === name);
      if (!pod) {
        this.newPod(sts, sts.spec.template, name, {
          [REVISION_HASH_LABEL]: revision.metadata.name,
          'apps.kubernetes.io/pod-index': String(i),
          'statefulset.kubernetes.io/pod-name': name,
        });
      } else if (pod.metadata.labels[REVISION_HASH_LABEL] !== revision.metadata.name) {
        this.store.delete(POD, pod.metadata.namespace, name); // recreated at the new revision next round
      }
    }
    for (const pod of pods) {
      const ordinal = Number(pod.metadata.name.slice(sts.metadata.name.length + 1));
      if (ordinal >= replicas) this.store.delete(POD, pod.metadata.namespace, pod.metadata.name);
    }
    const live = this.podsOf(sts);
    const updated = live.filter(
      (p) => p.metadata.labels[REVISION_HASH_LABEL] === revision.metadata.name,
    );
    const ready = live.filter(isReady).length;
    const done = updated.length === replicas && updated.every(isReady);
    const currentRevision = done
      ? revision.metadata.name
      : (sts.status?.currentRevision ?? revision.metadata.name);
    const status: KubeObject = {
      observedGeneration: sts.metadata.generation,
      replicas: live.length,
      readyReplicas: ready,
      currentReplicas: done ? updated.length : live.length - updated.length,
      updatedReplicas: updated.length,
      currentRevision,
      updateRevision: revision.metadata.name,
      collisionCount: 0,
      availableReplicas: ready,
    };
    if (!same(status, sts.status))
      this.store.update(STS, { ...sts, status }, { subresource: 'status' });
  }

  private reconcileDaemonSet(ds: KubeObject): void {
    const revision = this.syncRevisions(ds);
    const hash: string = revision.metadata.labels[REVISION_HASH_LABEL];
    const pods = this.podsOf(ds);
    for (const node of this.options.nodes) {
      const pod = pods.find((p) => p.spec.nodeName === node);
      if (!pod) {
        this.newPod(
          ds,
          ds.spec.template,
          `${ds.metadata.name}-${randomSuffix()}`,
          {
            [REVISION_HASH_LABEL]: hash,
            'pod-template-generation': String(ds.metadata.generation),
          },
          node,
        );
      } else if (pod.metadata.labels[REVISION_HASH_LABEL] !== hash) {
        this.store.delete(POD, pod.metadata.namespace, pod.metadata.name);
      }
    }
    const live = this.podsOf(ds);
    const updated = live.filter((p) => p.metadata.labels[REVISION_HASH_LABEL] === hash);
    const ready = live.filter(isReady).length;
    const available = updated.filter(isReady).length;
    const status: KubeObject = {
      currentNumberScheduled: live.length,
      numberMisscheduled: 0,
      desiredNumberScheduled: this.options.nodes.length,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: updated.length,
      numberAvailable: available,
    };
    const unavailable = this.options.nodes.length - available;
    if (unavailable > 0) status.numberUnavailable = unavailable;
    if (!same(status, ds.status))
      this.store.update(DS, { ...ds, status }, { subresource: 'status' });
  }

  /** Background cascading deletion: objects whose controller owner is gone go too. */
  private collectGarbage(): void {
    const uids = new Set<string>();
    for (const def of [DEP, RS, STS, DS])
      for (const o of this.store.peek(def)) uids.add(o.metadata.uid);
    for (const def of [RS, POD, CR]) {
      for (const o of this.store.peek(def)) {
        const owner = (o.metadata.ownerReferences ?? []).find((r: KubeObject) => r.controller);
        if (owner && !uids.has(owner.uid))
          this.store.delete(def, o.metadata.namespace, o.metadata.name);
      }
    }
  }
}

function percentOrNumber(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.endsWith('%')) {
    const exact = (Number(value.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  return 0;
}

function maxSurge(d: KubeObject): number {
  if (d.spec.strategy?.type === 'Recreate') return 0;
  return percentOrNumber(
    d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%',
    d.spec.replicas ?? 1,
    true,
  );
}

function maxUnavailable(d: KubeObject): number {
  if (d.spec.strategy?.type === 'Recreate') return 0;
  return percentOrNumber(
    d.spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%',
    d.spec.replicas ?? 1,
    false,
  );
}
