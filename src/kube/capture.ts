/** Reads what a target runs now (capture). */
import pLimit from 'p-limit';
import { clientFor, type KubeClient } from './client.js';
import { selectorString } from './selector.js';
import { digestsOf, gitOpsOf, imagesOf, type CapturedTarget, type TargetRef } from './snapshot.js';
import { kindName, type ControllerRevision, type Workload } from './types.js';
import { deploymentHistory, revisionHistory, revisionOf } from './undo.js';
import { semanticallyEqual } from './json.js';
import { UserError, UserErrors } from '../errors.js';

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
