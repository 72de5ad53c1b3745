import * as core from '@actions/core';
import { recordGoodRelease } from '../kube/ledger.js';
import { ledgerReport } from '../report/json.js';
import { markGoodSummary } from '../report/mark-good-summary.js';
import { staleRevertsSection } from '../report/stale-reverts.js';
import { mergedReverts, settleStaleReverts, withReverts } from './stale-reverts.js';
import type { MergedRevert } from '../rollback/stale-reverts.js';
import { goodRelease, targetRefs, type ModeContext, type ModeResult } from './context.js';

/**
 * `mode: mark-good`: records what the targets run now as a verified-good release in each
 * namespace's ledger, so `to-revision: last-good` can return to it. Only fully rolled-out
 * targets are recorded; anything mid-rollout is refused.
 */
export async function markGood(context: ModeContext): Promise<ModeResult> {
  const refs = targetRefs(context);
  // The merged reverts this release carries, once its targets are read and rolled out:
  // recorded with it, and settled after it.
  let merged: MergedRevert[] | null = null;
  const ledger = await recordGoodRelease(
    context.kube(),
    refs,
    async () => {
      merged = await mergedReverts(context, refs);
      return withReverts(goodRelease(context), merged);
    },
    { concurrency: context.config.concurrency, log: (line) => core.info(line) },
  );
  // A release marked good supersedes the revert pull requests that would roll back past it.
  const staleReverts = await settleStaleReverts(context, refs, merged);
  if (context.env.GITHUB_STEP_SUMMARY)
    await core.summary
      .addRaw(markGoodSummary(ledger, context.config.reason) + staleRevertsSection(staleReverts))
      .write();
  return {
    outputs: {},
    report: { ledger: ledger.map(ledgerReport), 'stale-reverts': staleReverts },
  };
}
