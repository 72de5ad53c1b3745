/** Waiting for targets' rollouts, as guard (after the deploy) and verify (after a change) do. */
import * as core from '@actions/core';
import pLimit from 'p-limit';
import type { RolloutOutcome } from '../analysis/rollout.js';
import { messageOf } from '../errors.js';
import { clientFor } from '../kube/client.js';
import { waitForRollout } from '../kube/rollout.js';
import { describeRef, refKey, type TargetRef } from '../kube/snapshot.js';
import type { PodTemplate } from '../kube/types.js';
import type { ModeContext } from './context.js';

/**
 * Every target's rollout, concurrently; status that cannot be read is `unknown`, not failed.
 * `judged` receives each target's template as the wait left it, by refKey: the release a guard
 * then watches, so its rollback can tell when someone else changed the target meanwhile.
 */
export async function waitForRollouts(
  context: ModeContext,
  refs: readonly TargetRef[],
  judged?: Map<string, PodTemplate>,
): Promise<RolloutOutcome[]> {
  const clients = context.kube();
  const limit = pLimit(context.config.concurrency);
  return Promise.all(
    refs.map((ref) =>
      limit(async (): Promise<RolloutOutcome> => {
        const target = describeRef(ref);
        const client = clientFor(clients, ref.context);
        try {
          const result = await waitForRollout(client, ref.kind, ref.namespace, ref.name, {
            clock: context.clock,
            timeoutMs: context.config.rolloutTimeoutMs,
            log: (line) => core.info(line),
            warn: (line) => core.warning(`rollback-action: ${line}`),
            ...(context.cancelled ? { cancelled: context.cancelled } : {}),
          });
          if (result.cancelled)
            return {
              target,
              state: 'unknown',
              message: `the run was cancelled (${result.cancelled}) before the rollout was seen to end: ${result.message}`,
              elapsedMs: result.elapsedMs,
            };
          if (judged && result.workload) judged.set(refKey(ref), result.workload.spec.template);
          return {
            target,
            state: result.failed ? 'failed' : 'done',
            message: result.failed ?? result.message,
            elapsedMs: result.elapsedMs,
          };
        } catch (error) {
          // Unreadable status is missing data, not a failed rollout.
          return { target, state: 'unknown', message: messageOf(error), elapsedMs: 0 };
        }
      }),
    ),
  );
}
