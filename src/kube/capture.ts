/**
 * Reads what a target runs now (capture), and checks up front that the credentials hold every
 * permission a later rollback will need, so a missing RBAC verb is found before the deploy.
 */
import pLimit from 'p-limit';
import { KubeError, PLURALS, type KubeClient } from './client.js';
import { clientFor } from './connect.js';
import { selectorString } from './selector.js';
import { digestsOf, gitOpsOf, imagesOf, type CapturedTarget, type TargetRef } from './snapshot.js';
import { kindName, type ControllerRevision, type Workload } from './types.js';
import { deploymentHistory, revisionHistory, revisionOf } from './undo.js';
import { semanticallyEqual } from './json.js';
import { messageOf, UserError, UserErrors } from '../errors.js';

export async function captureTarget(client: KubeClient, ref: TargetRef): Promise<CapturedTarget> {
  const workload = await client.getWorkload(ref.kind, ref.namespace, ref.name);
  const selector = selectorString(workload.spec.selector);
  let revision: number | undefined;
  let history: number[];
  if (ref.kind === 'Deployment') {
    history = deploymentHistory(
      workload,
      await client.listReplicaSets(ref.namespace, selector),
    ).map((h) => h.revision);
    revision = revisionOf(workload);
  } else {
    const revisions = revisionHistory(
      workload,
      await client.listControllerRevisions(ref.namespace, selector),
    );
    history = revisions.map((r) => r.revision);
    revision = currentControllerRevision(workload, revisions)?.revision;
  }
  if (revision === undefined) {
    throw new UserError(
      `${kindName(ref.kind)}/${ref.name} in namespace "${ref.namespace}" (context "${ref.context}") has no revision to go back to: it has never rolled out`,
    );
  }
  const running = await runningOf(client, ref.namespace, workload);
  return {
    ...ref,
    uid: workload.metadata.uid,
    revision,
    generation: workload.metadata.generation,
    replicas: workload.spec.replicas,
    paused: workload.spec.paused === true,
    history,
    ...running,
    gitops: gitOpsOf(workload),
    template: workload.spec.template,
  };
}

/**
 * What a workload runs: its template's images and the digests its pods report. Shared by
 * capture and verification, so both read "running" the same way. Pods already terminating
 * are left out: after a rollout completes they are the release being replaced, leaving.
 */
export async function runningOf(
  client: KubeClient,
  namespace: string,
  workload: Workload,
): Promise<{ images: Record<string, string>; digests: Record<string, string[]> }> {
  const pods = await client.listPods(namespace, selectorString(workload.spec.selector));
  return {
    images: imagesOf(workload.spec.template),
    digests: digestsOf(pods.filter((pod) => !pod.metadata.deletionTimestamp)),
  };
}

function currentControllerRevision(
  workload: Workload,
  revisions: ControllerRevision[],
): ControllerRevision | undefined {
  const byName = revisions.find((r) => r.metadata.name === workload.status?.updateRevision);
  if (byName) return byName;
  return revisions.find((r) =>
    semanticallyEqual((r.data as { spec?: { template?: unknown } } | null)?.spec?.template, {
      ...workload.spec.template,
      $patch: 'replace',
    }),
  );
}

/** The permissions a rollback of this kind needs: [verb, group, resource]. */
export function permissionsFor(kind: CapturedTarget['kind']): [string, string, string][] {
  return [
    ['get', 'apps', PLURALS[kind]],
    ['patch', 'apps', PLURALS[kind]],
    ['list', 'apps', kind === 'Deployment' ? 'replicasets' : 'controllerrevisions'],
    ['list', '', 'pods'],
    ['get', '', 'configmaps'],
    ['create', '', 'configmaps'],
    ['update', '', 'configmaps'],
  ];
}

/** The permissions the credentials lack, as `verb resource.group` strings. */
export async function missingPermissions(
  client: KubeClient,
  kind: CapturedTarget['kind'],
  namespace: string,
): Promise<string[]> {
  const checks = permissionsFor(kind);
  const allowed = await Promise.all(
    checks.map(([verb, group, resource]) => client.can(verb, group, resource, namespace)),
  );
  return checks
    .filter((_, i) => !allowed[i])
    .map(([verb, group, resource]) => `${verb} ${group ? `${resource}.${group}` : resource}`);
}

/**
 * Every permission a later rollback of `refs` needs, checked once per context, namespace and
 * kind; throws one error per missing set. A server that cannot be reached stops here too; a
 * check that fails otherwise is only warned about.
 */
export async function checkPermissions(
  clients: ReadonlyMap<string, KubeClient>,
  refs: readonly TargetRef[],
  options: { concurrency: number; warn: (line: string) => void },
): Promise<void> {
  const limit = pLimit(options.concurrency);
  const scopes = [
    ...new Map(refs.map((r) => [`${r.context}|${r.namespace}|${r.kind}`, r])).values(),
  ];
  const lacking = await Promise.all(
    scopes.map((ref) =>
      limit(async () => {
        const client = clientFor(clients, ref.context);
        const missing = await missingPermissions(client, ref.kind, ref.namespace).catch(
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
              `context "${ref.context}", namespace "${ref.namespace}": the credentials lack ${missing.join(', ')} (a rollback of ${kindName(ref.kind)}s needs them)`,
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

/** What every target runs now; throws one error per target that cannot be captured. */
export async function captureTargets(
  clients: ReadonlyMap<string, KubeClient>,
  refs: readonly TargetRef[],
  options: { concurrency: number },
): Promise<CapturedTarget[]> {
  const limit = pLimit(options.concurrency);
  const results = await Promise.all(
    refs.map((ref) =>
      limit(async () => {
        const client = clientFor(clients, ref.context);
        try {
          return await captureTarget(client, ref);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      }),
    ),
  );
  const failures = results.filter((r): r is Error => r instanceof Error);
  if (failures.length)
    throw new UserErrors(
      failures.map((e) => (e instanceof UserError ? e : new UserError(e.message))),
    );
  return results as CapturedTarget[];
}
