/**
 * The three patch types the API server accepts: JSON Patch (RFC 6902, through fast-json-patch),
 * JSON Merge Patch (RFC 7396) and strategic merge patch, with the merge keys of the pod
 * template's lists and the directives kubectl sends ($patch, $setElementOrder, $retainKeys,
 * $deleteFromPrimitiveList).
 */
import fastJsonPatch, { type Operation } from 'fast-json-patch';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export class PatchError extends Error {
  constructor(
    message: string,
    /** 400 for a patch that is not well formed, 422 for one that cannot apply. */
    readonly status: 400 | 422,
  ) {
    super(message);
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function applyJsonPatch(document: Json, patch: unknown): Json {
  if (!Array.isArray(patch))
    throw new PatchError(
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
      400,
    );
  try {
    return fastJsonPatch.applyPatch(structuredClone(document), patch as Operation[], true, false)
      .newDocument;
  } catch (error) {
    throw new PatchError((error as Error).message.split('\n')[0] ?? 'invalid JSON patch', 422);
  }
}

export function applyMergePatch(document: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: JsonObject = isObject(document) ? structuredClone(document) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

/** Lists merged element by element, by field name: the patchMergeKey of core/v1 and apps/v1. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  resourceClaims: 'name',
  topologySpreadConstraints: 'topologyKey',
};
/** Lists of primitives merged as sets. */
const MERGE_PRIMITIVE_LISTS = new Set(['finalizers']);

const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';

export function applyStrategicMergePatch(document: Json, patch: Json): Json {
  if (!isObject(patch)) throw new PatchError('strategic merge patch must be a JSON object', 400);
  const merged = mergeMap(isObject(document) ? document : {}, patch);
  if (merged === undefined) throw new PatchError('the patch deletes the whole object', 422);
  return merged;
}

/** Merges a patch map into an original map; undefined means "delete this map". */
function mergeMap(original: JsonObject, patch: JsonObject): JsonObject | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const { $patch: _, ...rest } = patch;
    return stripDirectives(rest);
  }
  if (directive !== undefined && directive !== 'merge') {
    throw new PatchError(
      `Unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`,
      422,
    );
  }
  let result: JsonObject = structuredClone(original);
  const retain = patch.$retainKeys;
  if (Array.isArray(retain)) {
    const keep = new Set(retain.map(String));
    result = Object.fromEntries(Object.entries(result).filter(([k]) => keep.has(k)));
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith(SET_ORDER)) continue;
    if (key.startsWith(DELETE_PRIMITIVE)) {
      const field = key.slice(DELETE_PRIMITIVE.length);
      const current = result[field];
      if (Array.isArray(current) && Array.isArray(value)) {
        result[field] = current.filter((item) => !value.some((v) => v === item));
      }
      continue;
    }
    if (value === null) {
      delete result[key];
    } else if (isObject(value)) {
      const current = result[key];
      const merged = mergeMap(isObject(current) ? current : {}, value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else if (Array.isArray(value)) {
      const order = patch[`${SET_ORDER}${key}`];
      result[key] = mergeList(key, result[key], value, Array.isArray(order) ? order : undefined);
    } else {
      result[key] = value;
    }
  }
  // A $setElementOrder without the list itself still reorders it.
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(SET_ORDER) || !Array.isArray(order)) continue;
    const field = key.slice(SET_ORDER.length);
    if (field in patch) continue;
    const current = result[field];
    if (Array.isArray(current)) result[field] = reorder(field, current, order);
  }
  return result;
}

function mergeList(
  field: string,
  original: Json | undefined,
  patch: Json[],
  order: Json[] | undefined,
): Json[] {
  const current = Array.isArray(original) ? original : [];
  const mergeKey = MERGE_KEYS[field];
  if (mergeKey === undefined) {
    if (MERGE_PRIMITIVE_LISTS.has(field)) {
      const union = [...current];
      for (const item of patch) if (!union.includes(item)) union.push(item);
      return order ? reorder(field, union, order) : union;
    }
    return patch.map((item) => (isObject(item) ? stripDirectives(item) : item));
  }
  if (patch.some((item) => isObject(item) && item.$patch === 'replace')) {
    return patch
      .filter((item) => !(isObject(item) && item.$patch === 'replace'))
      .map((item) => (isObject(item) ? stripDirectives(item) : item));
  }
  const result = [...current];
  for (const item of patch) {
    if (!isObject(item))
      throw new PatchError(`${field}: expected objects with merge key '${mergeKey}'`, 422);
    const key = item[mergeKey];
    if (key === undefined)
      throw new PatchError(
        `map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`,
        422,
      );
    const index = result.findIndex((existing) => isObject(existing) && existing[mergeKey] === key);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) {
      const existing = result[index];
      const merged = mergeMap(isObject(existing) ? existing : {}, item);
      if (merged === undefined) result.splice(index, 1);
      else result[index] = merged;
    } else {
      result.push(stripDirectives(item));
    }
  }
  return order ? reorder(field, result, order) : result;
}

/** Orders items named in `order` as listed there; the rest keep their relative order after them. */
function reorder(field: string, items: Json[], order: Json[]): Json[] {
  const mergeKey = MERGE_KEYS[field];
  const keyOf = (item: Json): Json =>
    mergeKey && isObject(item) ? (item[mergeKey] ?? null) : item;
  const rank = new Map(order.map((entry, i) => [JSON.stringify(keyOf(entry)), i]));
  const ranked = items.map((item, i) => ({
    item,
    i,
    r: rank.get(JSON.stringify(keyOf(item))) ?? order.length + i,
  }));
  return ranked.sort((a, b) => a.r - b.r).map((x) => x.item);
}

function stripDirectives(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    if (
      key === '$patch' ||
      key === '$retainKeys' ||
      key.startsWith(SET_ORDER) ||
      key.startsWith(DELETE_PRIMITIVE)
    )
      continue;
    out[key] = isObject(inner)
      ? stripDirectives(inner)
      : Array.isArray(inner)
        ? inner.map((i) => (isObject(i) ? stripDirectives(i) : i))
        : inner;
  }
  return out;
}

/** Go's encoding/json output for a map-based value: keys sorted, no spaces, HTML-safe escapes. */
export function goJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${goString(k)}:${goJson(value[k] as Json)}`).join(',')}}`;
  }
  if (typeof value === 'string') return goString(value);
  return JSON.stringify(value);
}

function goString(text: string): string {
  return JSON.stringify(text)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
