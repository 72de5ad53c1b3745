import type { Json } from './types.js';

/** JSON with object keys sorted, so equal values have equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/**
 * Drops nulls and empty maps and lists, recursively: the API machinery's semantic equality
 * treats nil and empty alike, and `creationTimestamp: null` in a template means "unset".
 */
export function pruneEmpty(value: unknown): Json | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter((v): v is Json => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const pruned = pruneEmpty(v);
      if (pruned !== undefined) out[k] = pruned;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value as Json;
}

export function semanticallyEqual(a: unknown, b: unknown): boolean {
  return canonical(pruneEmpty(a)) === canonical(pruneEmpty(b));
}

/** One line per leaf that differs: `spec.containers[api].image: a → b`. Lists of named items are matched by name. */
export function diffLines(before: unknown, after: unknown, path = ''): string[] {
  const show = (v: unknown): string =>
    v === undefined ? '(unset)' : typeof v === 'string' ? v : canonical(v);
  if (canonical(pruneEmpty(before)) === canonical(pruneEmpty(after))) return [];
  const bothObjects = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  if (bothObjects(before) && bothObjects(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffLines(before[k], after[k], path ? `${path}.${k}` : k));
  }
  const named = (x: unknown): x is { name: string }[] =>
    Array.isArray(x) &&
    x.every(
      (i) =>
        typeof i === 'object' && i !== null && typeof (i as { name?: unknown }).name === 'string',
    );
  if (named(before) && named(after)) {
    const names = [...new Set([...before.map((i) => i.name), ...after.map((i) => i.name)])];
    return names.flatMap((n) =>
      diffLines(
        before.find((i) => i.name === n),
        after.find((i) => i.name === n),
        `${path}[${n}]`,
      ),
    );
  }
  return [`${path}: ${show(before)} → ${show(after)}`];
}
