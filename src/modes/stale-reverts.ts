/**
 * After a run verified a commit healthy (guard, mark-good), the revert pull requests of this
 * service are settled (rollback/stale-reverts.ts): the merged ones this release is the first
 * to carry are recorded in the ledger entry and told to their incident, and the open ones it
 * makes stale follow policy `git.stale-reverts`. No token, no commit, or GitHub not answering:
 * said once, and the healthy verdict stands.
 */
import * as core from '@actions/core';
import { messageOf } from '../errors.js';
import type { GoodRelease } from '../kube/ledger.js';
import type { TargetRef } from '../kube/snapshot.js';
import { incidentMarkersFor } from '../report/incident-of-run.js';
import {
  DEPLOYED_LABEL,
  deployedComment,
  describeStaleRevert,
  findMergedReverts,
  supersedeStaleReverts,
  type MergedRevert,
  type StaleRevert,
  type Verified,
} from '../rollback/stale-reverts.js';
import { formatTimestamp } from '../time.js';
import type { ModeContext } from './context.js';

function verifiedOf(context: ModeContext, refs: readonly TargetRef[], sha: string): Verified {
  return {
    sha,
    ref: context.env.GITHUB_REF,
    runUrl: context.run.runUrl,
    at: formatTimestamp(context.clock.now()),
    policyFile: context.config.policyFile,
    refs,
  };
}

const labelOf = (context: ModeContext): string =>
  context.config.policy.git?.labels?.[0] ?? 'rollback';

/**
 * Before the ledger is written: the merged reverts the healthy release carries. Null when
 * GitHub cannot be asked (said once here; the settling after it is then skipped too).
 */
export async function mergedReverts(
  context: ModeContext,
  refs: readonly TargetRef[],
): Promise<MergedRevert[] | null> {
  const github = context.github();
  const sha = context.run.sha;
  if (!github || !sha) return null;
  try {
    return await findMergedReverts(github, context.git(), verifiedOf(context, refs, sha), {
      label: labelOf(context),
    });
  } catch (error) {
    core.warning(
      `rollback-action: revert pull requests were not checked against this healthy release: ${messageOf(error)}`,
    );
    return null;
  }
}

/** A ledger entry's facts with the merged reverts it carries, when there are any. */
export function withReverts(
  release: GoodRelease,
  merged: readonly MergedRevert[] | null,
): GoodRelease {
  return merged?.length
    ? { ...release, reverts: merged.map((m) => ({ number: m.number, url: m.url })) }
    : release;
}

export async function settleStaleReverts(
  context: ModeContext,
  refs: readonly TargetRef[],
  merged: readonly MergedRevert[] | null,
): Promise<StaleRevert[] | null> {
  const { config } = context;
  const policy = config.policy.git?.['stale-reverts'] ?? 'close';
  const github = context.github();
  const sha = context.run.sha;
  if (!github || !sha || merged === null) return null;
  const verified = verifiedOf(context, refs, sha);
  const settled: StaleRevert[] = [];
  for (const m of merged) {
    try {
      const incident = await github.findOpenIssue(
        'incident',
        incidentMarkersFor(refs, context.env.GITHUB_REPOSITORY),
      );
      if (incident) await github.commentOnIssue(incident.number, deployedComment(verified, m));
      await github.addLabels(m.number, [DEPLOYED_LABEL]);
      settled.push({
        number: m.number,
        url: m.url,
        action: 'deployed',
        detail: `merged as ${m.mergeCommit.slice(0, 7)}; ${incident ? `incident #${incident.number} told` : 'no open incident'}`,
      });
    } catch (error) {
      settled.push({
        number: m.number,
        url: m.url,
        action: 'failed',
        detail: `merged, but not noted: ${messageOf(error)}`,
      });
    }
  }
  try {
    settled.push(
      ...(await supersedeStaleReverts(github, context.git(), verified, {
        policy,
        label: labelOf(context),
      })),
    );
  } catch (error) {
    core.warning(
      `rollback-action: revert pull requests were not checked against this healthy release: ${messageOf(error)}`,
    );
    return settled.length ? settled : null;
  }
  for (const r of settled)
    if (r.action === 'failed') core.warning(`rollback-action: ${describeStaleRevert(r)}`);
    else core.info(describeStaleRevert(r));
  return settled;
}
