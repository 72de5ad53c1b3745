/**
 * Checks up front, with SelfSubjectAccessReviews, that the credentials hold every permission a
 * later rollback will need, so a missing RBAC verb is found before the deploy, not during it.
 */
import pLimit from 'p-limit';
import { KubeError, PLURALS, clientFor, type KubeClient } from './client.js';
import { LEDGER_NAME } from './ledger.js';
import type { CapturedTarget, TargetRef } from './snapshot.js';
import { kindName } from './types.js';
import { messageOf, UserError, UserErrors } from '../errors.js';

/** What the permissions are checked for: `capture` for the guard that follows it, or a drill. */
export type PermissionPurpose = 'guard' | 'rehearse';

/** One permission: a verb on a resource, on one named object where the verb takes a name. */
export interface Permission {
  verb: string;
  group: string;
  resource: string;
  name?: string;
}

const PURPOSES: Record<PermissionPurpose, (kind: string) => string> = {
  guard: (kind) => `the guard needs them to roll back ${kind}s and to record a healthy release`,
  rehearse: (kind) => `a rehearsal needs them to roll ${kind}s back and forward`,
};

/**
 * The permissions a mode needs on workloads of one kind named `names`: read and patch them,
 * list their history and pods; the guard also reads and writes the ledger ConfigMap. Named
 * where the verb takes a name, so a Role narrowed by `resourceNames` passes the check.
 */
export function permissionsFor(
  kind: CapturedTarget['kind'],
  names: readonly string[],
  purpose: PermissionPurpose,
): Permission[] {
  const plural = PLURALS[kind];
  const workloads = (verb: string) =>
    names.map((name): Permission => ({ verb, group: 'apps', resource: plural, name }));
  const reads: Permission[] = [
    ...workloads('get'),
    ...workloads('patch'),
    {
      verb: 'list',
      group: 'apps',
      resource: kind === 'Deployment' ? 'replicasets' : 'controllerrevisions',
    },
    { verb: 'list', group: '', resource: 'pods' },
  ];
  if (purpose === 'rehearse') return reads;
  return [
    ...reads,
    { verb: 'get', group: '', resource: 'configmaps', name: LEDGER_NAME },
    // A create is authorised before the object has a name: resourceNames cannot narrow it.
    { verb: 'create', group: '', resource: 'configmaps' },
    { verb: 'update', group: '', resource: 'configmaps', name: LEDGER_NAME },
  ];
}

/** `patch deployments.apps "api"`: a permission as RBAC names it. */
export function describePermission({ verb, group, resource, name }: Permission): string {
  return `${verb} ${group ? `${resource}.${group}` : resource}${name ? ` "${name}"` : ''}`;
}

/** The permissions of `checks` the credentials lack. */
export async function missingPermissions(
  client: KubeClient,
  checks: readonly Permission[],
  namespace: string,
): Promise<Permission[]> {
  const allowed = await Promise.all(
    checks.map(({ verb, group, resource, name }) =>
      client.can(verb, group, resource, namespace, name),
    ),
  );
  return checks.filter((_, i) => !allowed[i]);
}

/**
 * Every permission `purpose` needs for `refs`, checked once per context, namespace and kind;
 * throws one error per scope that lacks some. A server that cannot be reached stops here too;
 * a check that fails otherwise is only warned about.
 */
export async function checkPermissions(
  clients: ReadonlyMap<string, KubeClient>,
  refs: readonly TargetRef[],
  options: {
    purpose: PermissionPurpose;
    concurrency: number;
    warn: (line: string) => void;
  },
): Promise<void> {
  const limit = pLimit(options.concurrency);
  const scopes = new Map<string, { ref: TargetRef; names: Set<string> }>();
  for (const ref of refs) {
    const key = `${ref.context}|${ref.namespace}|${ref.kind}`;
    const scope = scopes.get(key) ?? { ref, names: new Set<string>() };
    scope.names.add(ref.name);
    scopes.set(key, scope);
  }
  const lacking = await Promise.all(
    [...scopes.values()].map(({ ref, names }) =>
      limit(async () => {
        const client = clientFor(clients, ref.context);
        const checks = permissionsFor(ref.kind, [...names], options.purpose);
        const missing = await missingPermissions(client, checks, ref.namespace).catch(
          (error: unknown) => {
            // A server that cannot be reached now will not be reached by the capture either.
            if (error instanceof KubeError && error.network) return new UserError(error.message);
            options.warn(
              `${ref.context}: could not check permissions (${messageOf(error)}); continuing`,
            );
            return [];
          },
        );
        if (missing instanceof UserError) return missing;
        return missing.length
          ? new UserError(
              `context "${ref.context}", namespace "${ref.namespace}": the credentials lack ${missing.map(describePermission).join(', ')} (${PURPOSES[options.purpose](kindName(ref.kind))})`,
            )
          : undefined;
      }),
    ),
  );
  // One line per problem: several scopes of one unreachable context fail the same way.
  const errors = [
    ...new Map(
      lacking.filter((e): e is UserError => e !== undefined).map((e) => [e.message, e]),
    ).values(),
  ];
  if (errors.length) throw new UserErrors(errors);
}
