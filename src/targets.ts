import { quote } from './errors.js';
import { kindName, WORKLOAD_KINDS, type WorkloadKind } from './kube/types.js';
import { didYouMean } from './suggest.js';

/** As the policy schema's maxItems for `targets` and `contexts`: one step, not a fleet. */
export const MAX_TARGETS = 100;
export const MAX_CONTEXTS = 50;

/** A workload to guard: `deployment/api`, or `payments/statefulset/db` with a namespace. */
export interface Target {
  kind: WorkloadKind;
  name: string;
  namespace?: string;
}

/** kubectl's resource names and short names for the kinds we roll back. */
const KIND_ALIASES: Record<string, WorkloadKind> = {
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  'deployment.apps': 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  'statefulset.apps': 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet',
  'daemonset.apps': 'DaemonSet',
};

/** RFC 1123 subdomain (object names) and label (namespaces), as the API server checks them. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isNamespaceName(text: string): boolean {
  return text.length <= 63 && DNS_LABEL.test(text);
}

/** Parses one target, or returns the reason it is not one. */
export function parseTarget(text: string): Target | { error: string } {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    return { error: `${quote(text)} is not a target (use kind/name or namespace/kind/name)` };
  }
  const [namespace, rawKind, name] = parts.length === 3 ? parts : [undefined, ...parts];
  const kind = KIND_ALIASES[(rawKind ?? '').toLowerCase()];
  if (!kind) {
    const names = WORKLOAD_KINDS.map(kindName);
    const hint = didYouMean(rawKind ?? '', names);
    return {
      error: `${quote(text)}: unknown kind ${quote(rawKind)}${hint}; expected one of ${names.join(', ')}`,
    };
  }
  if (!name || name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    return { error: `${quote(text)}: ${quote(name)} is not a valid object name` };
  }
  if (namespace !== undefined && !isNamespaceName(namespace)) {
    return { error: `${quote(text)}: ${quote(namespace)} is not a valid namespace` };
  }
  return namespace === undefined ? { kind, name } : { kind, name, namespace };
}

export function formatTarget(target: Target): string {
  const ref = `${kindName(target.kind)}/${target.name}`;
  return target.namespace ? `${target.namespace}/${ref}` : ref;
}

/** Splits a list input or policy value: one per line or comma separated, blanks and `#` comments dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.replace(/#.*$/, '').trim())
    .filter((item) => item !== '');
}

/**
 * The targets with each workload once: `deployment/api`, `deploy/api` and `shop/deployment/api`
 * (in namespace shop) are one workload, and undoing it twice would land on the bad release
 * again. `namespace` is what a target without one resolves to, when known. Returns the kept
 * targets and, for each one dropped, the spelling it repeats.
 */
export function uniqueTargets<T extends Target>(
  targets: readonly T[],
  namespace: string | undefined,
): { targets: T[]; repeated: { target: T; same: T }[] } {
  const kept = new Map<string, T>();
  const repeated: { target: T; same: T }[] = [];
  for (const target of targets) {
    const key = formatTarget({ ...target, namespace: target.namespace ?? namespace });
    const same = kept.get(key);
    if (same) repeated.push({ target, same });
    else kept.set(key, target);
  }
  return { targets: [...kept.values()], repeated };
}

/**
 * One warning per workload named more than once, in its full form (`shop/deployment/api`
 * covers `deploy/api` and `shop/deployment/api` in namespace shop alike).
 */
export function repeatedTargetWarnings(
  repeated: readonly { same: Target }[],
  namespace: string | undefined,
  where = '',
): string[] {
  const times = new Map<string, number>();
  for (const { same } of repeated) {
    const key = formatTarget({ ...same, namespace: same.namespace ?? namespace });
    times.set(key, (times.get(key) ?? 1) + 1);
  }
  return [...times].map(
    ([key, n]) => `targets: ${key} is named ${n} times${where}; it is acted on once`,
  );
}
