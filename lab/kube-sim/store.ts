/**
 * kube-sim's storage: objects by resource, namespace and name, one monotonically increasing
 * resourceVersion, `generation` that moves only on spec changes, and a bounded event log so
 * a watch can resume from a resourceVersion (or get 410 Gone when it is too old).
 */
import { randomUUID } from 'node:crypto';
import type { ResourceDef } from './resources.js';
import { apiVersionOf } from './resources.js';

export type KubeObject = Record<string, any>;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoredEvent {
  rv: number;
  type: WatchEventType;
  def: ResourceDef;
  object: KubeObject;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const EVENT_LOG_LIMIT = 5_000;

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function resourceKey(def: ResourceDef): string {
  return `${def.plural}.${def.group}`;
}

function key(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}|${name}`;
}

/** Spec-ish content whose change bumps generation (everything but metadata and status). */
function specOf(object: KubeObject): string {
  const { metadata: _m, status: _s, ...rest } = object;
  return JSON.stringify(rest);
}

/**
 * Stored objects are never mutated after a write (writes store a copy of their input), so
 * `peek` can hand them to the controllers without copying; everything a client sees is a copy.
 */
export class Store {
  private readonly byResource = new Map<string, Map<string, KubeObject>>();
  private readonly log: StoredEvent[] = [];
  private readonly listeners = new Set<(event: StoredEvent) => void>();
  private rv = 100;

  get resourceVersion(): number {
    return this.rv;
  }

  /** The oldest resourceVersion a watch can still resume from. */
  get oldestWatchable(): number {
    return this.log[0]?.rv ?? this.rv;
  }

  subscribe(listener: (event: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  eventsSince(rv: number): StoredEvent[] {
    return this.log.filter((e) => e.rv > rv);
  }

  private table(def: ResourceDef): Map<string, KubeObject> {
    let table = this.byResource.get(resourceKey(def));
    if (!table) {
      table = new Map();
      this.byResource.set(resourceKey(def), table);
    }
    return table;
  }

  get(def: ResourceDef, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.table(def).get(key(def.namespaced ? namespace : undefined, name));
    return found ? structuredClone(found) : undefined;
  }

  /** The stored objects themselves, read-only, for the controllers. */
  peek(def: ResourceDef, namespace?: string): readonly KubeObject[] {
    const items: KubeObject[] = [];
    for (const object of this.table(def).values()) {
      if (namespace !== undefined && def.namespaced && object.metadata.namespace !== namespace)
        continue;
      items.push(object);
    }
    return items;
  }

  mustGet(def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
    const found = this.get(def, namespace, name);
    if (!found) throw notFound(def, name);
    return found;
  }

  list(def: ResourceDef, namespace?: string): KubeObject[] {
    return this.peek(def, namespace)
      .map((o) => structuredClone(o))
      .sort((a, b) =>
        `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(
          `${b.metadata.namespace ?? ''}/${b.metadata.name}`,
        ),
      );
  }

  /** Stores a new object, filling in what the server owns. `dryRun` returns it unsaved. */
  create(def: ResourceDef, input: KubeObject, dryRun = false): KubeObject {
    const object = structuredClone(input);
    const metadata = (object.metadata ??= {});
    if (!metadata.name && metadata.generateName)
      metadata.name = `${metadata.generateName}${Math.random().toString(36).slice(2, 7)}`;
    if (!metadata.name)
      throw new ApiError(
        422,
        'Invalid',
        `${def.kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
      );
    const namespace = def.namespaced ? metadata.namespace : undefined;
    if (this.table(def).has(key(namespace, metadata.name))) {
      throw new ApiError(
        409,
        'AlreadyExists',
        `${qualified(def)} "${metadata.name}" already exists`,
        { name: metadata.name, group: def.group, kind: def.plural },
      );
    }
    const stored: KubeObject = { apiVersion: apiVersionOf(def), kind: def.kind, ...object };
    stored.metadata = { ...metadata, uid: randomUUID(), creationTimestamp: now() };
    if (!def.namespaced) delete stored.metadata.namespace;
    if (def.group === 'apps') stored.metadata.generation = 1;
    if (dryRun)
      return { ...stored, metadata: { ...stored.metadata, resourceVersion: String(this.rv) } };
    return this.write(def, stored, 'ADDED');
  }

  update(
    def: ResourceDef,
    input: KubeObject,
    options: { dryRun?: boolean; subresource?: 'status' } = {},
  ): KubeObject {
    const object = structuredClone(input);
    const name: string = object.metadata?.name;
    const namespace = def.namespaced ? object.metadata?.namespace : undefined;
    const current = this.table(def).get(key(namespace, name));
    if (!current) throw notFound(def, name);
    const given = object.metadata?.resourceVersion;
    if (given !== undefined && given !== '' && given !== current.metadata.resourceVersion) {
      throw new ApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${qualified(def)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name, group: def.group, kind: def.plural },
      );
    }
    let next: KubeObject;
    if (options.subresource === 'status') {
      next = { ...structuredClone(current), status: object.status };
    } else {
      next = { ...object, apiVersion: apiVersionOf(def), kind: def.kind };
      // Writes to the main resource cannot change status, nor the fields the server owns.
      if ('status' in current && def.group === 'apps')
        next.status = structuredClone(current.status);
      next.metadata = {
        ...object.metadata,
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        generation: current.metadata.generation,
      };
      if (next.metadata.generation === undefined) delete next.metadata.generation;
      if (def.group === 'apps' && specOf(next) !== specOf(current))
        next.metadata.generation = (current.metadata.generation ?? 0) + 1;
    }
    if (
      JSON.stringify({ ...next, metadata: { ...next.metadata, resourceVersion: undefined } }) ===
      JSON.stringify({ ...current, metadata: { ...current.metadata, resourceVersion: undefined } })
    ) {
      return structuredClone(current); // a no-op write keeps its resourceVersion, as on a real server
    }
    if (options.dryRun) return next;
    return this.write(def, next, 'MODIFIED');
  }

  delete(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    dryRun = false,
  ): KubeObject {
    const k = key(def.namespaced ? namespace : undefined, name);
    const current = this.table(def).get(k);
    if (!current) throw notFound(def, name);
    if (dryRun) return structuredClone(current);
    this.table(def).delete(k);
    this.rv += 1;
    const gone = {
      ...structuredClone(current),
      metadata: { ...current.metadata, resourceVersion: String(this.rv) },
    };
    this.emit({ rv: this.rv, type: 'DELETED', def, object: gone });
    return gone;
  }

  private write(def: ResourceDef, object: KubeObject, type: WatchEventType): KubeObject {
    this.rv += 1;
    object.metadata.resourceVersion = String(this.rv);
    this.table(def).set(
      key(def.namespaced ? object.metadata.namespace : undefined, object.metadata.name),
      object,
    );
    // Stored objects are not mutated again, so the event can carry this one.
    this.emit({ rv: this.rv, type, def, object });
    return structuredClone(object);
  }

  private emit(event: StoredEvent): void {
    this.log.push(event);
    if (this.log.length > EVENT_LOG_LIMIT) this.log.splice(0, this.log.length - EVENT_LOG_LIMIT);
    for (const listener of this.listeners) listener(event);
  }
}

export function qualified(def: ResourceDef): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

export function notFound(def: ResourceDef, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualified(def)} "${name}" not found`, {
    name,
    group: def.group,
    kind: def.plural,
  });
}
