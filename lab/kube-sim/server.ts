/**
 * kube-sim: an HTTP server on 127.0.0.1 that speaks enough of the Kubernetes API for
 * @kubernetes/client-node and the real kubectl: discovery, CRUD, watch (with bookmarks and
 * sendInitialEvents), the three patch types, dryRun, /scale and /status, server-side Tables,
 * and fault injection. Every request is logged so tests can count API calls.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Controllers } from './controllers.js';
import { defaultWorkload } from './defaults.js';
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  PatchError,
  type Json,
} from './patch.js';
import {
  apiResourceList,
  apiVersionOf,
  findResource,
  RESOURCES,
  resourceByKind,
  type ResourceDef,
} from './resources.js';
import { matches, parseSelector } from './selectors.js';
import { ApiError, qualified, Store, type KubeObject } from './store.js';
import { toTable } from './tables.js';
import { decodeAccessReview } from './protobuf.js';
import { listenOnLoopback } from '../util/net.js';

export const KUBE_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: 'kube-sim',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T00:00:00Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export interface KubeSimOptions {
  podReadyDelayMs?: number;
  nodes?: string[];
  namespaces?: string[];
  /** How often an open watch with allowWatchBookmarks gets a BOOKMARK. */
  bookmarkIntervalMs?: number;
}

export interface Fault {
  method?: string;
  /** Matched against the path and query, e.g. /deployments\/api$/. */
  path?: RegExp;
  status?: 409 | 429 | 500 | 503 | number;
  retryAfterSeconds?: number;
  latencyMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
  /**
   * Carry the request out, then close the connection instead of answering: a write that was
   * applied but whose answer was lost, so a client cannot tell it from one never made.
   */
  dropResponse?: boolean;
  /**
   * Answer a matching watch, then end it after this many ms, as a server or a proxy closes a
   * long watch (its timeout, a restart, a dropped connection): the client must resume it.
   */
  closeWatchAfterMs?: number;
  /** How many matching requests it affects (default: every one). */
  times?: number;
}

/** Whether a query flag is set, as the API server parses booleans (`1`, `true`, `t`...). */
function flag(value: string | null): boolean {
  return value !== null && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value);
}

/** An RBAC rule the simulated credentials lack: matching requests get 403, reviews say no. */
export interface Denial {
  verb: string;
  resource: string;
  group?: string;
  namespace?: string;
}

/** An RBAC PolicyRule as a Role holds it; `resources` may name a subresource (`deployments/scale`). */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
}

/** Whether `rule` allows the request, by the RBAC authorizer's matching (`*` matches any). */
export function ruleAllows(
  rule: PolicyRule,
  request: { verb: string; group: string; resource: string; subresource?: string; name?: string },
): boolean {
  const any = (list: readonly string[] | undefined, value: string) =>
    (list ?? []).some((item) => item === '*' || item === value);
  const resource = request.subresource
    ? `${request.resource}/${request.subresource}`
    : request.resource;
  return (
    any(rule.verbs, request.verb) &&
    any(rule.apiGroups, request.group) &&
    any(rule.resources, resource) &&
    (!rule.resourceNames?.length ||
      (request.name !== undefined && rule.resourceNames.includes(request.name)))
  );
}

export const SIM_USER = 'system:serviceaccount:ci:deployer';

export interface RequestRecord {
  method: string;
  path: string;
  query: string;
  status: number;
  contentType?: string;
  /** The credential the request carried, for tests that check which one a client sent. */
  authorization?: string;
  body?: unknown;
  /** The request was carried out but its answer was never sent (a `dropResponse` fault). */
  responseDropped?: boolean;
}

interface Route {
  def: ResourceDef;
  namespace?: string;
  name?: string;
  subresource?: string;
}

function status(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): KubeObject {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function parseRoute(pathname: string): Route | 'discovery' | undefined {
  const parts = pathname.split('/').filter((p) => p !== '');
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    version = parts[1] ?? '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1] ?? '';
    version = parts[2] ?? '';
    rest = parts.slice(3);
  } else return undefined;
  if (rest.length === 0) return 'discovery';
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const def = findResource(group, version, rest[0] ?? '');
  if (!def) return undefined;
  if (!def.namespaced && namespace !== undefined) return undefined;
  return { def, namespace, name: rest[1], subresource: rest[2] };
}

export class KubeSim {
  readonly store = new Store();
  readonly controllers: Controllers;
  readonly requests: RequestRecord[] = [];
  private readonly faults: (Fault & { used: number })[] = [];
  private readonly denials: Denial[] = [];
  private grants: { rules: readonly PolicyRule[]; namespace: string } | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly closers = new Set<() => void>();
  /** Watches a fault closes early, by request, until they are answered. */
  private readonly watchClosings = new WeakMap<IncomingMessage, number>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private readonly options: Required<KubeSimOptions>;
  url = '';
  /** Called as each request arrives, before it is carried out: to look at the world then. */
  onRequest: ((request: { method: string; path: string }) => void) | undefined;

  constructor(options: KubeSimOptions = {}) {
    this.options = {
      podReadyDelayMs: options.podReadyDelayMs ?? 50,
      nodes: options.nodes ?? ['node-a', 'node-b'],
      namespaces: options.namespaces ?? ['default'],
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 1000,
    };
    this.controllers = new Controllers(this.store, {
      podReadyDelayMs: this.options.podReadyDelayMs,
      nodes: this.options.nodes,
    });
    for (const ns of ['default', 'kube-system', ...this.options.namespaces])
      this.ensureNamespace(ns);
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    this.url = await listenOnLoopback(this.server);
    return this;
  }

  async close(): Promise<void> {
    this.controllers.stop();
    for (const close of this.closers) close();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  ensureNamespace(name: string): void {
    const def = resourceByKind('Namespace');
    if (!this.store.get(def, undefined, name)) {
      this.store.create(def, {
        metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      });
    }
  }

  /** Creates an object as `kubectl create` would (defaults applied), for test setup. */
  apply(object: KubeObject): KubeObject {
    const def = resourceByKind(object.kind);
    const copy = structuredClone(object);
    if (def.namespaced) {
      copy.metadata.namespace ??= 'default';
      this.ensureNamespace(copy.metadata.namespace);
    }
    defaultWorkload(def.kind, copy);
    const existing = this.store.get(def, copy.metadata.namespace, copy.metadata.name);
    if (existing)
      return this.store.update(def, {
        ...copy,
        metadata: { ...existing.metadata, ...copy.metadata, resourceVersion: undefined },
      });
    return this.store.create(def, copy);
  }

  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.store.get(resourceByKind(kind), namespace, name);
  }

  list(kind: string, namespace?: string): KubeObject[] {
    return this.store.list(resourceByKind(kind), namespace);
  }

  /** Resolves once `predicate` holds for the object, polling the store (bounded by `timeoutMs`). */
  async waitFor(
    kind: string,
    namespace: string,
    name: string,
    predicate: (o: KubeObject) => boolean,
    timeoutMs = 10_000,
  ): Promise<KubeObject> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const object = this.get(kind, namespace, name);
      if (object && predicate(object)) return object;
      if (Date.now() > deadline)
        throw new Error(
          `kube-sim: ${kind} ${namespace}/${name} did not reach the expected state in ${timeoutMs} ms`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, used: 0 });
  }

  deny(denial: Denial): void {
    this.denials.push(denial);
  }

  /**
   * From now on the credentials hold only `rules`, bound in `namespace` as a Role is by a
   * RoleBinding: every other request is forbidden and access reviews say no. Discovery and
   * access reviews stay open, as the default ClusterRoles allow every authenticated user.
   */
  grantOnly(rules: readonly PolicyRule[], namespace: string): void {
    this.grants = { rules, namespace };
  }

  private denied(
    verb: string,
    def: ResourceDef,
    namespace: string | undefined,
    object: { name?: string; subresource?: string } = {},
  ): boolean {
    const grants = this.grants;
    if (
      grants &&
      (namespace !== grants.namespace ||
        !grants.rules.some((rule) =>
          ruleAllows(rule, { verb, group: def.group, resource: def.plural, ...object }),
        ))
    )
      return true;
    return this.denials.some(
      (d) =>
        d.verb === verb &&
        d.resource === def.plural &&
        (d.group ?? def.group) === def.group &&
        (d.namespace === undefined || d.namespace === namespace),
    );
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** A kubeconfig for this server (http, so insecure-skip-tls-verify as client-node needs). */
  kubeconfig(context = 'kube-sim', namespace = 'default'): string {
    return kubeconfigFor([{ name: context, url: this.url, namespace }]);
  }

  // --- request handling -------------------------------------------------------------------

  private takeFault(method: string, target: string): (Fault & { used: number }) | undefined {
    const fault = this.faults.find(
      (f) =>
        (f.method === undefined || f.method === method) &&
        (f.path === undefined || f.path.test(target)) &&
        (f.times === undefined || f.used < f.times),
    );
    if (fault) fault.used += 1;
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://kube-sim');
    const method = req.method ?? 'GET';
    const record: RequestRecord = {
      method,
      path: url.pathname,
      query: url.search,
      status: 0,
      contentType: req.headers['content-type'],
      authorization: req.headers.authorization,
    };
    this.requests.push(record);
    this.onRequest?.({ method, path: url.pathname });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const send = (code: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.status = code;
      if (fault?.dropResponse) {
        record.responseDropped = true;
        req.socket.destroy();
        return;
      }
      res.writeHead(code, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };

    const fault = this.takeFault(method, `${url.pathname}${url.search}`);
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.closeWatchAfterMs !== undefined)
      this.watchClosings.set(req, fault.closeWatchAfterMs);
    if (fault?.drop) {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault?.status) {
      const reasons: Record<number, [string, string]> = {
        409: [
          'Conflict',
          'Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again',
        ],
        429: ['TooManyRequests', 'Too many requests, please try again later.'],
        500: ['InternalError', 'Internal error occurred: injected fault'],
        503: ['ServiceUnavailable', 'The server is currently unable to handle the request'],
      };
      const [reason, message] = reasons[fault.status] ?? [
        'InternalError',
        `injected ${fault.status}`,
      ];
      send(
        fault.status,
        status(fault.status, reason, message),
        fault.retryAfterSeconds !== undefined
          ? { 'Retry-After': String(fault.retryAfterSeconds) }
          : {},
      );
      return;
    }

    try {
      if (record.contentType?.startsWith('application/vnd.kubernetes.protobuf'))
        record.body = decodeAccessReview(bytes);
      else if (raw) record.body = JSON.parse(raw);
    } catch {
      send(400, status(400, 'BadRequest', 'the request body is not valid JSON'));
      return;
    }

    try {
      const result = this.route(method, url, req, res, record, raw);
      if (result !== undefined) send(result.code, result.body);
    } catch (error) {
      if (error instanceof ApiError)
        send(error.code, status(error.code, error.reason, error.message, error.details));
      else if (error instanceof PatchError)
        send(
          error.status,
          status(error.status, error.status === 400 ? 'BadRequest' : 'Invalid', error.message),
        );
      else send(500, status(500, 'InternalError', `kube-sim: ${(error as Error).message}`));
    }
  }

  private route(
    method: string,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
    record: RequestRecord,
    raw: string,
  ): { code: number; body: unknown } | undefined {
    const p = url.pathname.replace(/\/$/, '');
    if (p === '/version') return { code: 200, body: KUBE_VERSION };
    if (p === '/healthz' || p === '/readyz' || p === '/livez') return { code: 200, body: 'ok' };
    if (p === '/api')
      return {
        code: 200,
        body: {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: url.host }],
        },
      };
    if (p === '/apis')
      return {
        code: 200,
        body: {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: [groupInfo('apps'), groupInfo('autoscaling')],
        },
      };
    if (p === '/apis/apps' || p === '/apis/autoscaling')
      return {
        code: 200,
        body: { kind: 'APIGroup', apiVersion: 'v1', ...groupInfo(p.split('/')[2] ?? '') },
      };
    if (p === '/apis/autoscaling/v1')
      return {
        code: 200,
        body: {
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: 'autoscaling/v1',
          resources: [],
        },
      };

    if (p === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews' && method === 'POST') {
      const attributes = (record.body as KubeObject | undefined)?.spec?.resourceAttributes ?? {};
      const def = RESOURCES.find(
        (r) => r.plural === attributes.resource && r.group === (attributes.group ?? ''),
      );
      const allowed = def
        ? !this.denied(String(attributes.verb), def, attributes.namespace, {
            name: attributes.name,
            subresource: attributes.subresource,
          })
        : true;
      return {
        code: 201,
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          metadata: { creationTimestamp: null },
          spec: { resourceAttributes: attributes },
          // The RBAC authorizer gives no reason for a denial; kubectl then prints a bare "no".
          status: { allowed },
        },
      };
    }
    const route = parseRoute(p);
    if (route === 'discovery') {
      const [, kind, g, v] = p.split('/');
      return {
        code: 200,
        body: kind === 'api' ? apiResourceList('', g ?? 'v1') : apiResourceList(g ?? '', v ?? ''),
      };
    }
    if (!route)
      return {
        code: 404,
        body: status(404, 'NotFound', 'the server could not find the requested resource'),
      };

    const { def, namespace, name, subresource } = route;
    const q = url.searchParams;
    const verb =
      {
        GET: name === undefined ? (flag(q.get('watch')) ? 'watch' : 'list') : 'get',
        POST: 'create',
        PUT: 'update',
        PATCH: 'patch',
        DELETE: name === undefined ? 'deletecollection' : 'delete',
      }[method] ?? method.toLowerCase();
    if (this.denied(verb, def, namespace, { name, subresource })) {
      const target =
        name === undefined
          ? `${qualified(def)} is forbidden`
          : `${qualified(def)} "${name}" is forbidden`;
      const scope =
        namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`;
      throw new ApiError(
        403,
        'Forbidden',
        `${target}: User "${SIM_USER}" cannot ${verb} resource "${def.plural}" in API group "${def.group}" ${scope}`,
        { name, group: def.group, kind: def.plural },
      );
    }
    const dryRun = q.getAll('dryRun').includes('All');
    const body = record.body as KubeObject | undefined;
    const wantsTable = (req.headers.accept ?? '').includes('as=Table');

    if (name === undefined) {
      if (method === 'GET' && flag(q.get('watch'))) {
        this.watch(def, namespace, q, req, res, record);
        return undefined;
      }
      if (method === 'GET')
        return { code: 200, body: this.listBody(def, namespace, q, wantsTable) };
      if (method === 'POST') {
        if (!body) throw new ApiError(400, 'BadRequest', 'the request body is empty');
        const object = structuredClone(body);
        object.metadata ??= {};
        if (def.namespaced)
          object.metadata.namespace = namespace ?? object.metadata.namespace ?? 'default';
        if (
          def.namespaced &&
          object.metadata.namespace &&
          !this.store.get(resourceByKind('Namespace'), undefined, object.metadata.namespace)
        ) {
          throw new ApiError(
            404,
            'NotFound',
            `namespaces "${object.metadata.namespace}" not found`,
            { name: object.metadata.namespace, kind: 'namespaces' },
          );
        }
        this.checkKind(def, object);
        defaultWorkload(def.kind, object);
        return { code: 201, body: this.store.create(def, object, dryRun) };
      }
      if (method === 'DELETE') {
        const items = this.filtered(def, namespace, q);
        for (const item of items)
          this.store.delete(def, item.metadata.namespace, item.metadata.name, dryRun);
        return {
          code: 200,
          body: {
            kind: `${def.kind}List`,
            apiVersion: apiVersionOf(def),
            metadata: { resourceVersion: String(this.store.resourceVersion) },
            items,
          },
        };
      }
      return {
        code: 405,
        body: status(
          405,
          'MethodNotAllowed',
          `the server does not allow this method on the requested resource`,
        ),
      };
    }

    if (subresource === 'scale' && def.subresources.includes('scale'))
      return this.scale(method, def, namespace, name, req, body, raw, dryRun);
    if (
      subresource !== undefined &&
      !(subresource === 'status' && def.subresources.includes('status'))
    ) {
      return {
        code: 404,
        body: status(404, 'NotFound', 'the server could not find the requested resource'),
      };
    }
    const sub = subresource;

    switch (method) {
      case 'GET': {
        const object = this.store.mustGet(def, namespace, name);
        return {
          code: 200,
          body: wantsTable ? toTable(def, [object], object.metadata.resourceVersion) : object,
        };
      }
      case 'PUT': {
        if (!body) throw new ApiError(400, 'BadRequest', 'the request body is empty');
        if (body.metadata?.name !== name)
          throw new ApiError(
            400,
            'BadRequest',
            `the name of the object (${String(body.metadata?.name)}) does not match the name on the URL (${name})`,
          );
        const object = { ...structuredClone(body), metadata: { ...body.metadata, namespace } };
        this.checkKind(def, object);
        defaultWorkload(def.kind, object);
        return { code: 200, body: this.store.update(def, object, { dryRun, subresource: sub }) };
      }
      case 'PATCH': {
        const current = this.store.mustGet(def, namespace, name);
        const patched = this.applyPatch(req.headers['content-type'] ?? '', current, raw, record);
        patched.metadata = {
          ...patched.metadata,
          name,
          namespace: current.metadata.namespace,
          resourceVersion: patched.metadata?.resourceVersion ?? current.metadata.resourceVersion,
        };
        if (patched.metadata.namespace === undefined) delete patched.metadata.namespace;
        defaultWorkload(def.kind, patched);
        return { code: 200, body: this.store.update(def, patched, { dryRun, subresource: sub }) };
      }
      case 'DELETE':
        return { code: 200, body: this.store.delete(def, namespace, name, dryRun) };
      default:
        return {
          code: 405,
          body: status(
            405,
            'MethodNotAllowed',
            'the server does not allow this method on the requested resource',
          ),
        };
    }
  }

  private checkKind(def: ResourceDef, object: KubeObject): void {
    if (object.kind !== undefined && object.kind !== def.kind) {
      throw new ApiError(
        400,
        'BadRequest',
        `the object provided is unrecognized (must be of type ${def.kind}): kind ${String(object.kind)}`,
      );
    }
  }

  private applyPatch(
    contentType: string,
    current: KubeObject,
    raw: string,
    record: RequestRecord,
  ): KubeObject {
    const patch = record.body as Json;
    const type = contentType.split(';')[0]?.trim();
    if (raw === '') throw new PatchError('the patch is empty', 400);
    switch (type) {
      case 'application/json-patch+json':
        return applyJsonPatch(current, patch) as KubeObject;
      case 'application/merge-patch+json':
        return applyMergePatch(current, patch) as KubeObject;
      case 'application/strategic-merge-patch+json':
        return applyStrategicMergePatch(current, patch) as KubeObject;
      default:
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`,
        );
    }
  }

  private scale(
    method: string,
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    req: IncomingMessage,
    body: KubeObject | undefined,
    raw: string,
    dryRun: boolean,
  ): { code: number; body: unknown } {
    const current = this.store.mustGet(def, namespace, name);
    const toScale = (o: KubeObject): KubeObject => ({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name,
        namespace,
        uid: o.metadata.uid,
        resourceVersion: o.metadata.resourceVersion,
        creationTimestamp: o.metadata.creationTimestamp,
      },
      spec: { replicas: o.spec.replicas },
      status: {
        replicas: o.status?.replicas ?? 0,
        selector: Object.entries<string>(o.spec.selector?.matchLabels ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
      },
    });
    if (method === 'GET') return { code: 200, body: toScale(current) };
    let desired: KubeObject;
    if (method === 'PUT') {
      if (!body) throw new ApiError(400, 'BadRequest', 'the request body is empty');
      desired = body;
    } else if (method === 'PATCH') {
      desired = this.applyPatch(req.headers['content-type'] ?? '', toScale(current), raw, {
        method,
        path: '',
        query: '',
        status: 0,
        body: JSON.parse(raw),
      });
    } else
      return {
        code: 405,
        body: status(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        ),
      };
    const replicas = desired.spec?.replicas;
    if (typeof replicas !== 'number' || replicas < 0 || !Number.isInteger(replicas)) {
      throw new ApiError(
        422,
        'Invalid',
        `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${String(replicas)}: must be greater than or equal to 0`,
      );
    }
    const rv = desired.metadata?.resourceVersion;
    const updated = this.store.update(
      def,
      {
        ...current,
        metadata: { ...current.metadata, resourceVersion: rv || current.metadata.resourceVersion },
        spec: { ...current.spec, replicas },
      },
      { dryRun },
    );
    return { code: 200, body: toScale(updated) };
  }

  private filtered(
    def: ResourceDef,
    namespace: string | undefined,
    q: URLSearchParams,
  ): KubeObject[] {
    let labels: ReturnType<typeof parseSelector>;
    let fields: ReturnType<typeof parseSelector>;
    try {
      labels = parseSelector(q.get('labelSelector'));
      fields = parseSelector(q.get('fieldSelector'));
    } catch (error) {
      throw new ApiError(400, 'BadRequest', (error as Error).message);
    }
    return this.store
      .list(def, namespace)
      .filter((o) => matches(labels, o.metadata.labels ?? {}) && matches(fields, fieldsOf(o)));
  }

  private listBody(
    def: ResourceDef,
    namespace: string | undefined,
    q: URLSearchParams,
    wantsTable: boolean,
  ): unknown {
    const all = this.filtered(def, namespace, q);
    const limit = Number(q.get('limit') ?? 0);
    let offset = 0;
    let rv = String(this.store.resourceVersion);
    const token = q.get('continue');
    if (token) {
      try {
        const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as {
          offset: number;
          rv: string;
        };
        offset = parsed.offset;
        rv = parsed.rv;
      } catch {
        throw new ApiError(
          400,
          'BadRequest',
          'continue key is not valid: illegal base64 data at input byte 0',
        );
      }
    }
    const items = limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset);
    const metadata: KubeObject = { resourceVersion: rv };
    if (limit > 0 && offset + limit < all.length) {
      metadata.continue = Buffer.from(JSON.stringify({ offset: offset + limit, rv })).toString(
        'base64',
      );
      metadata.remainingItemCount = all.length - offset - limit;
    }
    // Items of a typed list carry no kind or apiVersion, as from a real server.
    const stripped = items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest);
    if (wantsTable) return { ...(toTable(def, items, rv) as KubeObject), metadata };
    return { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata, items: stripped };
  }

  private watch(
    def: ResourceDef,
    namespace: string | undefined,
    q: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
    record: RequestRecord,
  ): void {
    const labels = parseSelector(q.get('labelSelector'));
    const fields = parseSelector(q.get('fieldSelector'));
    const wanted = (o: KubeObject): boolean =>
      (namespace === undefined || !def.namespaced || o.metadata.namespace === namespace) &&
      matches(labels, o.metadata.labels ?? {}) &&
      matches(fields, fieldsOf(o));
    const rvParam = q.get('resourceVersion') ?? '';
    const initial = flag(q.get('sendInitialEvents'));
    const bookmarks = flag(q.get('allowWatchBookmarks'));
    const from = Number(rvParam || 0);
    if (!initial && rvParam !== '' && rvParam !== '0' && from < this.store.oldestWatchable - 1) {
      record.status = 410;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      res.end(
        `${JSON.stringify({ type: 'ERROR', object: status(410, 'Expired', `too old resource version: ${rvParam} (${this.store.oldestWatchable})`) })}\n`,
      );
      return;
    }
    record.status = 200;
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
      'Cache-Control': 'no-cache, private',
    });
    res.flushHeaders();
    const write = (type: string, object: KubeObject): void => {
      res.write(`${JSON.stringify({ type, object })}\n`);
    };
    const bookmark = (extra: Record<string, string> = {}): void => {
      write('BOOKMARK', {
        kind: def.kind,
        apiVersion: apiVersionOf(def),
        metadata: {
          resourceVersion: String(this.store.resourceVersion),
          ...(Object.keys(extra).length ? { annotations: extra } : {}),
        },
      });
    };
    let lastSent = from;
    if (initial || rvParam === '' || rvParam === '0') {
      for (const object of this.store.list(def, namespace))
        if (wanted(object)) write('ADDED', object);
      lastSent = this.store.resourceVersion;
      if (initial && bookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
    } else {
      for (const event of this.store.eventsSince(from)) {
        if (event.def === def && wanted(event.object)) write(event.type, event.object);
        lastSent = event.rv;
      }
    }
    const unsubscribe = this.store.subscribe((event) => {
      if (event.rv <= lastSent) return;
      lastSent = event.rv;
      if (event.def === def && wanted(event.object)) write(event.type, event.object);
    });
    const ticker = bookmarks
      ? setInterval(() => bookmark(), this.options.bookmarkIntervalMs)
      : undefined;
    const timeoutSeconds = Number(q.get('timeoutSeconds') ?? 0);
    const closeAfterMs = this.watchClosings.get(req);
    const timer =
      closeAfterMs !== undefined
        ? setTimeout(() => finish(), closeAfterMs)
        : timeoutSeconds > 0
          ? setTimeout(() => finish(), timeoutSeconds * 1000)
          : undefined;
    const finish = (): void => {
      unsubscribe();
      if (ticker) clearInterval(ticker);
      if (timer) clearTimeout(timer);
      this.closers.delete(finish);
      if (!res.writableEnded) res.end();
    };
    this.closers.add(finish);
    req.on('close', finish);
    res.on('close', finish);
  }
}

function groupInfo(group: string): KubeObject {
  const gv = { groupVersion: `${group}/v1`, version: 'v1' };
  return { name: group, versions: [gv], preferredVersion: gv };
}

/** The fields the API server lets a fieldSelector use for these kinds. */
function fieldsOf(o: KubeObject): Record<string, string> {
  const fields: Record<string, string> = { 'metadata.name': o.metadata.name };
  if (o.metadata.namespace) fields['metadata.namespace'] = o.metadata.namespace;
  if (o.kind === 'Pod' || o.spec?.nodeName !== undefined) {
    if (o.spec?.nodeName) fields['spec.nodeName'] = o.spec.nodeName;
    if (o.status?.phase) fields['status.phase'] = o.status.phase;
  }
  if (o.involvedObject) {
    for (const [k, v] of Object.entries<string>(o.involvedObject))
      fields[`involvedObject.${k}`] = v;
  }
  return fields;
}

export interface KubeconfigContext {
  name: string;
  url: string;
  namespace?: string;
  token?: string;
}

/** A kubeconfig with one cluster, user and context per entry; the first is current. */
export function kubeconfigFor(contexts: KubeconfigContext[]): string {
  const lines = ['apiVersion: v1', 'kind: Config', 'clusters:'];
  for (const c of contexts)
    lines.push(
      `- name: ${c.name}`,
      '  cluster:',
      `    server: ${c.url}`,
      '    insecure-skip-tls-verify: true',
    );
  lines.push('users:');
  for (const c of contexts)
    lines.push(`- name: ${c.name}`, '  user:', `    token: ${c.token ?? 'kube-sim-token'}`);
  lines.push('contexts:');
  for (const c of contexts)
    lines.push(
      `- name: ${c.name}`,
      '  context:',
      `    cluster: ${c.name}`,
      `    user: ${c.name}`,
      `    namespace: ${c.namespace ?? 'default'}`,
    );
  lines.push(`current-context: ${contexts[0]?.name ?? ''}`, 'preferences: {}', '');
  return lines.join('\n');
}

export async function startKubeSim(options: KubeSimOptions = {}): Promise<KubeSim> {
  return new KubeSim(options).start();
}

export { RESOURCES, qualified };
