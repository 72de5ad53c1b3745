/** Workload manifests for tests and the demo. */
import type { KubeSim } from './server.js';
import type { KubeObject } from './store.js';

export interface WorkloadOptions {
  namespace?: string;
  replicas?: number;
  containers?: KubeObject[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  spec?: KubeObject;
}

function podTemplate(app: string, image: string, options: WorkloadOptions): KubeObject {
  return {
    metadata: { labels: { app, ...options.labels } },
    spec: {
      containers: options.containers ?? [{ name: app, image, ports: [{ containerPort: 8080 }] }],
    },
  };
}

export function deployment(name: string, image: string, options: WorkloadOptions = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      labels: { app: name },
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: {
      replicas: options.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: podTemplate(name, image, options),
      ...options.spec,
    },
  };
}

export function statefulSet(
  name: string,
  image: string,
  options: WorkloadOptions = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: options.namespace ?? 'default', labels: { app: name } },
    spec: {
      replicas: options.replicas ?? 2,
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: podTemplate(name, image, options),
      ...options.spec,
    },
  };
}

export function daemonSet(name: string, image: string, options: WorkloadOptions = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: options.namespace ?? 'default', labels: { app: name } },
    spec: {
      selector: { matchLabels: { app: name } },
      template: podTemplate(name, image, options),
      ...options.spec,
    },
  };
}

export function imageOf(workload: KubeObject | undefined): string {
  return workload?.spec.template.spec.containers[0].image;
}

/** Whether a workload's rollout is complete (a paused Deployment counts as settled). */
export function settled(o: KubeObject | undefined): boolean {
  if (!o?.status || o.status.observedGeneration !== o.metadata.generation) return false;
  if (o.kind === 'DaemonSet')
    return (
      o.status.updatedNumberScheduled === o.status.desiredNumberScheduled &&
      o.status.numberAvailable === o.status.desiredNumberScheduled
    );
  if (o.kind === 'StatefulSet')
    return (
      o.status.readyReplicas === o.spec.replicas &&
      o.status.currentRevision === o.status.updateRevision
    );
  return (
    o.spec.paused === true ||
    (o.status.updatedReplicas === o.spec.replicas &&
      o.status.availableReplicas === o.spec.replicas &&
      o.status.replicas === o.spec.replicas)
  );
}

/**
 * deployment/api (in `default`) released as each image in turn, each rollout settled before the
 * next: ['shop/api:1.0', 'shop/api:2.0'] leaves revisions 1 and 2, the history an undo needs.
 */
export async function releaseInTurn(
  sim: Pick<KubeSim, 'apply' | 'waitFor'>,
  images: readonly string[],
  options: WorkloadOptions = {},
): Promise<void> {
  for (const image of images) {
    sim.apply(deployment('api', image, { replicas: 2, ...options }));
    await sim.waitFor('Deployment', 'default', 'api', (o) => settled(o) && imageOf(o) === image);
  }
}
