import * as core from '@actions/core';
import { recordGoodRelease } from '../kube/ledger.js';
import { ledgerReport } from '../report/json.js';
import { markGoodSummary } from '../report/mark-good-summary.js';
import { goodRelease, targetRefs, type ModeContext, type ModeResult } from './context.js';

/**
 * `mode: mark-good`: records what the targets run now as a verified-good release in each
 * namespace's ledger, so `to-revision: last-good` can return to it. Only fully rolled-out
 * targets are recorded; anything mid-rollout is refused.
 */
export async function markGood(context: ModeContext): Promise<ModeResult> {
  const ledger = await recordGoodRelease(
    context.kube(),
    targetRefs(context),
    goodRelease(context),
    {
      concurrency: context.config.concurrency,
      log: (line) => core.info(line),
    },
  );
  if (context.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(markGoodSummary(ledger, context.config.reason)).write();
  return { outputs: {}, report: { ledger: ledger.map(ledgerReport) } };
}
