import * as core from '@actions/core';
import { Outputs } from '../constants.js';
import { deployTime } from '../decide/gather.js';
import { messageOf, UserError } from '../errors.js';
import { clientFor } from '../kube/client.js';
import { findCaptured, imagesOf, type Snapshot, type TargetRef } from '../kube/snapshot.js';
import { resolveBaselines } from '../metrics/baselines.js';
import { verificationReport, rolloutReport } from '../report/json.js';
import { verificationSection } from '../report/verify-summary.js';
import { capturedSnapshot } from '../rollback/execute.js';
import { verifyState, type ExpectedImages } from '../verify/verify.js';
import { targetRefs, type ModeContext, type ModeResult } from './context.js';
import { triggerSources } from './metrics.js';
import { waitForRollouts } from './rollouts.js';

/**
 * `mode: verify`, on its own: after a rollback done by hand (or by anything else), is the
 * service where it should be? Every target's rollout completes and runs the snapshot's images
 * (with a capture in the job, or input `snapshot`), else what its own template says; the
 * smoke checks pass; every trigger passes for `verify.window`. `inconclusive` is never
 * verified. Changes nothing.
 */
export async function verify(context: ModeContext): Promise<ModeResult> {
  const { config } = context;
  const sources = triggerSources(context);
  const checks = config.policy.verify?.checks ?? [];
  const hasTargets = config.targets.value.length > 0;
  if (!hasTargets && !sources.length && !checks.length)
    throw new UserError(
      "nothing to verify: set 'targets' (their rollout and images are checked), triggers in the policy, or verify.checks",
    );
  const snapshot = capturedSnapshot(context);
  const refs = hasTargets ? targetRefs(context) : [];
  const rollouts = refs.length
    ? await core.group('Rollout', () => waitForRollouts(context, refs))
    : [];
  const unfinished = rollouts
    .filter((r) => r.state !== 'done')
    .map(
      (r) =>
        `${r.target}: the rollout ${r.state === 'failed' ? 'failed' : 'could not be read'}: ${r.message}`,
    );
  const expected = await expectedImages(context, refs, snapshot);
  // The baselines are from before the release now running (the capture's, when there is one).
  const baselines = sources.length
    ? await resolveBaselines(
        sources,
        snapshot?.baselines,
        await deployTime(context, refs, snapshot),
        config.baselineWindowMs,
      )
    : {};
  const verification = await core.group('Verify', () =>
    verifyState(context, {
      expected,
      sources,
      baselines: Object.fromEntries(Object.entries(baselines).map(([k, b]) => [k, b.value])),
      problems: unfinished,
    }),
  );
  const line = verification.verified
    ? `verified: ${[
        refs.length
          ? `${refs.length} target${refs.length === 1 ? '' : 's'} rolled out as expected`
          : '',
        checks.length ? `${checks.length} smoke check${checks.length === 1 ? '' : 's'} passed` : '',
        sources.length ? verification.stability.detail : '',
      ]
        .filter(Boolean)
        .join('; ')}`
    : `not verified: ${verification.problem ?? ''}`;
  if (verification.verified) core.info(line);

  if (context.env.GITHUB_STEP_SUMMARY)
    await core.summary
      .addRaw(
        `## ${verification.verified ? '✅' : '❌'} rollback-action: ${line.split(':')[0]}\n\n`,
      )
      .addRaw(verificationSection(verification))
      .write();
  return {
    outputs: { [Outputs.Verified]: String(verification.verified) },
    report: {
      verified: verification.verified,
      rollout: rollouts.map(rolloutReport),
      verification: verificationReport(verification),
    },
    ...(verification.verified ? {} : { failure: line }),
  };
}

/** What each target should run: the snapshot's images when it has the target, else its template's. */
async function expectedImages(
  context: ModeContext,
  refs: readonly TargetRef[],
  snapshot: Snapshot | undefined,
): Promise<ExpectedImages[]> {
  return Promise.all(
    refs.map(async (ref): Promise<ExpectedImages> => {
      const captured = snapshot ? findCaptured(snapshot, ref) : undefined;
      if (captured) return { ref, images: captured };
      try {
        const workload = await clientFor(context.kube(), ref.context).getWorkload(
          ref.kind,
          ref.namespace,
          ref.name,
        );
        return {
          ref,
          images: { images: imagesOf(workload.spec.template), digests: {} },
          against: 'its template',
        };
      } catch (error) {
        // Unreadable now: the image check says so (it reads the target again).
        core.debug(`${ref.name}: template not read: ${messageOf(error)}`);
        return { ref, images: { images: {}, digests: {} }, against: 'its template' };
      }
    }),
  );
}
