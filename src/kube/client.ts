/**
 * The Kubernetes facade: the reads and writes a capture, a rollback and the ledger need, for
 * one context, over raw JSON. Transient failures are retried within a deadline; what is left
 * becomes one line that names the verb, the resource, the object and the context.
 */
import type { Clock } from '../clock.js';
import { isConfigurationFailure, withRetry } from './retry.js';
import { KubeApiError, KubeNetworkError, type KubeRequest, type Transport } from './transport.js';
import type { WatchStream } from './watch.js';
import type {
  ConfigMap,
  ControllerRevision,
  Json,
  ObjectList,
  Pod,
  ReplicaSet,
  Workload,
  WorkloadKind,
} from './types.js';

export const PLURALS: Record<WorkloadKind, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
};

export type PatchType = 'json' | 'strategic' | 'merge';
const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
};

export interface KubeClientOptions {
  clock: Clock;
  /** How long transient failures are retried, per call. */
  retryForMs?: number;
  log?: (line: string) => void;
  /** The context's namespace, for targets that name none. */
  namespace?: string;
}

export class KubeClient {
  constructor(
    readonly transport: Transport,
    private readonly options: KubeClientOptions,
  ) {}

  get context(): string {
    return this.transport.context;
  }

  get defaultNamespace(): string {
    return this.options.namespace ?? 'default';
  }

  /**
   * `sentOnce`: a write that must not be sent again after the connection dropped without an
   * answer (it may have been carried out); its caller reads the object and decides.
   */
  private async call<T>(request: KubeRequest, sentOnce = false): Promise<T> {
    const deadline = this.options.clock.now() + (this.options.retryForMs ?? 60_000);
    try {
      return await withRetry(
        () => this.transport.request<T>(request),
        this.options.clock,
        deadline,
        sentOnce ? (error) => !(error instanceof KubeNetworkError) : () => true,
        (error, delay) => {
          this.options.log?.(
            `${this.context}: ${request.method} ${request.path}: ${error.message}; retrying in ${Math.round(delay / 100) / 10}s`,
          );
        },
      );
    } catch (error) {
      throw describeError(error, request, this.context);
    }
  }

  getWorkload(kind: WorkloadKind, namespace: string, name: string): Promise<Workload> {
    return this.call({
      method: 'GET',
      path: `/apis/apps/v1/namespaces/${namespace}/${PLURALS[kind]}/${name}`,
    });
  }

  /**
   * One workload read as a list narrowed by name, as `kubectl rollout status` reads it: the
   * list's resourceVersion is the server's current one, where a watch can start (an object's
   * own may be too old to watch from). Undefined when there is no such workload.
   */
  async listWorkload(
    kind: WorkloadKind,
    namespace: string,
    name: string,
  ): Promise<{ workload?: Workload; resourceVersion: string }> {
    const list = await this.call<ObjectList<Workload>>({
      method: 'GET',
      path: `/apis/apps/v1/namespaces/${namespace}/${PLURALS[kind]}`,
      query: { fieldSelector: `metadata.name=${name}` },
    });
    return { workload: list.items[0], resourceVersion: list.metadata.resourceVersion ?? '' };
  }

  /**
   * Watches one workload from `resourceVersion` on. Not retried: a watch that cannot be
   * opened is the caller's to replace (by polling). Fails when the transport cannot watch.
   */
  async watchWorkload(
    kind: WorkloadKind,
    namespace: string,
    name: string,
    resourceVersion: string,
    timeoutSeconds: number,
  ): Promise<WatchStream> {
    const request: KubeRequest = {
      method: 'GET',
      path: `/apis/apps/v1/namespaces/${namespace}/${PLURALS[kind]}`,
      query: {
        watch: '1',
        fieldSelector: `metadata.name=${name}`,
        resourceVersion,
        allowWatchBookmarks: 'true',
        timeoutSeconds: String(timeoutSeconds),
      },
    };
    if (!this.transport.watch) throw new Error(`context "${this.context}" offers no watch`);
    try {
      return await this.transport.watch(request);
    } catch (error) {
      throw describeError(error, request, this.context);
    }
  }

  async listReplicaSets(namespace: string, labelSelector: string): Promise<ReplicaSet[]> {
    return (
      await this.call<ObjectList<ReplicaSet>>({
        method: 'GET',
        path: `/apis/apps/v1/namespaces/${namespace}/replicasets`,
        query: { labelSelector },
      })
    ).items;
  }

  async listControllerRevisions(
    namespace: string,
    labelSelector: string,
  ): Promise<ControllerRevision[]> {
    return (
      await this.call<ObjectList<ControllerRevision>>({
        method: 'GET',
        path: `/apis/apps/v1/namespaces/${namespace}/controllerrevisions`,
        query: { labelSelector },
      })
    ).items;
  }

  async listPods(namespace: string, labelSelector: string): Promise<Pod[]> {
    return (
      await this.call<ObjectList<Pod>>({
        method: 'GET',
        path: `/api/v1/namespaces/${namespace}/pods`,
        query: { labelSelector },
      })
    ).items;
  }

  patchWorkload(
    kind: WorkloadKind,
    namespace: string,
    name: string,
    type: PatchType,
    body: Json,
    dryRun = false,
  ): Promise<Workload> {
    return this.call(
      {
        method: 'PATCH',
        path: `/apis/apps/v1/namespaces/${namespace}/${PLURALS[kind]}/${name}`,
        query: { dryRun: dryRun ? 'All' : undefined },
        body,
        contentType: PATCH_CONTENT_TYPES[type],
      },
      true,
    );
  }

  /** A ConfigMap, or undefined when it does not exist. */
  async getConfigMap(namespace: string, name: string): Promise<ConfigMap | undefined> {
    try {
      return await this.call<ConfigMap>({
        method: 'GET',
        path: `/api/v1/namespaces/${namespace}/configmaps/${name}`,
      });
    } catch (error) {
      if (error instanceof KubeError && error.status === 404) return undefined;
      throw error;
    }
  }

  createConfigMap(namespace: string, configMap: ConfigMap): Promise<ConfigMap> {
    return this.call({
      method: 'POST',
      path: `/api/v1/namespaces/${namespace}/configmaps`,
      body: configMap,
    });
  }

  /** Replaces a ConfigMap; its resourceVersion makes a concurrent change fail with 409. */
  updateConfigMap(namespace: string, configMap: ConfigMap): Promise<ConfigMap> {
    return this.call({
      method: 'PUT',
      path: `/api/v1/namespaces/${namespace}/configmaps/${configMap.metadata.name}`,
      body: configMap,
    });
  }

  /**
   * Whether the credentials may `verb` the resource (SelfSubjectAccessReview); with `name`,
   * that one object, so a Role narrowed by `resourceNames` is judged as the server will.
   */
  async can(
    verb: string,
    group: string,
    resource: string,
    namespace: string,
    name?: string,
  ): Promise<boolean> {
    const review = await this.call<{ status?: { allowed?: boolean } }>({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { verb, group, resource, namespace, name } },
      },
    });
    return review.status?.allowed === true;
  }
}

/** A failure of one call, described for a person: verb, resource, object, namespace, context. */
export class KubeError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly reason: string,
    readonly network: boolean,
  ) {
    super(message);
  }
}

function verbOf(request: KubeRequest): string {
  const named =
    /\/(deployments|statefulsets|daemonsets|replicasets|controllerrevisions|pods|configmaps)\/[^/]+$/.test(
      request.path,
    );
  switch (request.method) {
    case 'GET':
      return request.query?.watch ? 'watch' : named ? 'get' : 'list';
    case 'PATCH':
      return 'patch';
    case 'PUT':
      return 'update';
    case 'POST':
      return 'create';
    case 'DELETE':
      return 'delete';
  }
}

/** `deployments.apps "api" in namespace "shop"` from a request path. */
function objectOf(path: string): { resource: string; name?: string; namespace?: string } {
  const match =
    /^\/(?:api\/v1|apis\/([^/]+)\/v1)\/(?:namespaces\/([^/]+)\/)?([^/]+)(?:\/([^/]+))?/.exec(path);
  if (!match) return { resource: path };
  const [, group, namespace, plural = '', name] = match;
  return { resource: group ? `${plural}.${group}` : plural, name, namespace };
}

export function describeError(error: unknown, request: KubeRequest, context: string): Error {
  const { resource, name, namespace } = objectOf(request.path);
  const where = `${namespace ? ` in namespace "${namespace}"` : ''} (context "${context}")`;
  const object = name ? `${resource} "${name}"` : resource;
  if (error instanceof KubeApiError) {
    switch (error.status) {
      case 401:
        return new KubeError(
          `unauthorized: the API server of context "${context}" rejected the credentials (${error.message})`,
          401,
          error.reason,
          false,
        );
      case 403:
        return new KubeError(
          `forbidden: the credentials may not ${verbOf(request)} ${resource}${where}; grant that verb in RBAC (${error.message})`,
          403,
          error.reason,
          false,
        );
      case 404:
        return new KubeError(`${object} not found${where}`, 404, error.reason, false);
      case 409:
        return new KubeError(
          `conflict on ${object}${where}: ${error.message}`,
          409,
          error.reason,
          false,
        );
      default:
        return new KubeError(
          `${verbOf(request)} ${object}${where} failed: ${error.status} ${error.reason}: ${error.message}`,
          error.status,
          error.reason,
          false,
        );
    }
  }
  if (error instanceof KubeNetworkError) {
    const { reason, server } = error.details;
    if (isConfigurationFailure(error) && server)
      return new KubeError(
        `context "${context}": cannot connect to the API server ${server}: ${reason ?? error.message}`,
        undefined,
        'NetworkError',
        true,
      );
    return new KubeError(
      `no answer to ${verbOf(request)} ${object}${where}: ${error.message}`,
      undefined,
      'NetworkError',
      true,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The client of a context that connect() opened; any other context is a bug, not input. */
export function clientFor(clients: ReadonlyMap<string, KubeClient>, context: string): KubeClient {
  const client = clients.get(context);
  if (!client) throw new Error(`no client for context ${context}`);
  return client;
}
