import * as core from '@actions/core';
import { recordGoodRelease } from '../kube/ledger.js';
import { escapeText, markdownTable } from '../report/markdown.js';
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
    await core.summary
      .addRaw('## ✅ rollback-action: marked good\n\n')
      .addRaw(
        `What runs now is the last verified-good release: \`to-revision: last-good\` goes back to it.${context.config.reason ? ` Reason: ${escapeText(context.config.reason)}.` : ''}\n\n`,
      )
      .addRaw(
        markdownTable(
          ['Context', 'Namespace', 'Recorded', 'Releases kept'],
          ledger.map((l) => [l.context, l.namespace, l.targets.join(', '), String(l.entries)]),
        ),
      )
      .addEOL()
      .write();
  return { outputs: {}, report: { ledger } };
}
