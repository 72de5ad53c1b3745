/**
 * GitHub deployments after a rollback: the deployment that was rolled back gets a `failure`
 * status, and the release now running again (the environment's newest earlier deployment
 * whose last status was `success`) gets a fresh `success`, both linking the incident (or the
 * run), so the repository's Environments page shows what is really running.
 */
import type { GitHub } from '../github.js';
import { messageOf } from '../errors.js';

export interface DeploymentMarks {
  failed: number;
  /** The deployment marked as running again, when one was found. */
  restored?: number;
  /** Why nothing (or only part) was marked, when it was not. */
  problem?: string;
}

export async function markDeployments(
  github: GitHub,
  options: { deploymentId: number; description: string; logUrl?: string },
): Promise<DeploymentMarks> {
  const failed = await github.getDeployment(options.deploymentId);
  await github.createDeploymentStatus(failed.id, {
    state: 'failure',
    description: options.description,
    ...(options.logUrl ? { logUrl: options.logUrl } : {}),
  });
  try {
    const earlier = (await github.listDeployments(failed.environment)).filter(
      // Earlier: created before it (ids grow, for deployments made in the same second).
      (d) =>
        d.id !== failed.id &&
        (d.createdAt < failed.createdAt || (d.createdAt === failed.createdAt && d.id < failed.id)),
    );
    for (const candidate of earlier) {
      if ((await github.latestDeploymentState(candidate.id)) !== 'success') continue;
      await github.createDeploymentStatus(candidate.id, {
        state: 'success',
        description: `running again after the rollback of deployment ${failed.id}`,
        ...(options.logUrl ? { logUrl: options.logUrl } : {}),
      });
      return { failed: failed.id, restored: candidate.id };
    }
    return {
      failed: failed.id,
      problem: `no earlier successful deployment to ${failed.environment}`,
    };
  } catch (error) {
    return { failed: failed.id, problem: messageOf(error) };
  }
}

/** The deployment this run belongs to: the input, else the `deployment` event's. */
export function deploymentIdOf(input: string | undefined, event: unknown): number | undefined {
  const value = input ?? (event as { deployment?: { id?: unknown } } | null)?.deployment?.id;
  const id = typeof value === 'number' ? value : Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
