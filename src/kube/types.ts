/**
 * The fields of Kubernetes objects the action reads, over raw JSON. Objects keep every other
 * field they arrive with (the index signatures), so what is written back is what was read.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The workload kinds the action rolls back, as the API names them. */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** A kind as users write it in a target and read it in messages: `deployment`. */
export function kindName(kind: WorkloadKind): Lowercase<WorkloadKind> {
  return kind.toLowerCase() as Lowercase<WorkloadKind>;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp?: string;
  /** Set when the object is being deleted (a pod terminating). */
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface Container {
  name: string;
  image?: string;
  [field: string]: Json | undefined;
}

export interface PodTemplate {
  metadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: Json | undefined;
  };
  spec?: {
    containers?: Container[];
    initContainers?: Container[];
    [field: string]: Json | Container[] | undefined;
  };
  [field: string]: Json | undefined | PodTemplate['metadata'] | PodTemplate['spec'];
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface Workload {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec: {
    replicas?: number;
    paused?: boolean;
    selector?: LabelSelector;
    template: PodTemplate;
    progressDeadlineSeconds?: number;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
    [field: string]: unknown;
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    currentReplicas?: number;
    currentRevision?: string;
    updateRevision?: string;
    desiredNumberScheduled?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
    conditions?: Condition[];
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

export interface ReplicaSet {
  metadata: ObjectMeta;
  spec: { replicas?: number; template: PodTemplate; [field: string]: unknown };
  [field: string]: unknown;
}

export interface ControllerRevision {
  metadata: ObjectMeta;
  revision: number;
  data: Json;
  [field: string]: unknown;
}

export interface Pod {
  metadata: ObjectMeta;
  status?: {
    containerStatuses?: { name: string; image?: string; imageID?: string; ready?: boolean }[];
  };
  [field: string]: unknown;
}

export interface ConfigMap {
  apiVersion?: string;
  kind?: string;
  metadata: Partial<ObjectMeta> & { name: string };
  data?: Record<string, string>;
}

export interface ObjectList<T> {
  metadata: { resourceVersion?: string; continue?: string };
  items: T[];
}
