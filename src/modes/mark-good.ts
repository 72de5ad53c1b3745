import * as core from '@actions/core';
import pLimit from 'p-limit';
import { UserError, UserErrors } from '../errors.js';
import { captureTarget } from '../kube/capture.js';
import { ledgerTarget, recordGood, LEDGER_NAME } from '../kube/ledger.js';
import { rolloutStatus } from '../kube/rollout.js';
import type { CapturedTarget, TargetRef } from '../kube/snapshot.js';
import { escapeText, markdownTable } from '../report/markdown.js';
import { describeRef, targetRefs, type ModeContext, type ModeResult } from './context.js';

/**
 * `mode: mark-good`: records what the targets run now as a verified-good release in each
 * namespace's ledger, so `to-revision: last-good` can return to it. Only fully rolled-out
 * targets are recorded; anything mid-rollout is refused.
 */
export async function markGood(context: ModeContext): Promise<ModeResult> {
  const ledger = await recordGoodRelease(context, targetRefs(context));
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

export interface LedgerRecord {
  context: string;
  namespace: string;
  /** What was recorded, `deployment/api@3`. */
  targets: string[];
  entries: number;
}

/** Records what `refs` run now in their namespaces' ledgers; refuses anything mid-rollout. */
export async function recordGoodRelease(
  context: ModeContext,
  refs: readonly TargetRef[],
): Promise<LedgerRecord[]> {
  const clients = context.kube();
  const limit = pLimit(context.config.concurrency);
  const captured = await Promise.all(
    refs.map((ref) =>
      limit(async () => {
        const client = clients.get(ref.context);
        if (!client) throw new Error(`no client for context ${ref.context}`);
        const state = rolloutStatus(
          ref.kind,
          await client.getWorkload(ref.kind, ref.namespace, ref.name),
        );
        if (!state.done)
          throw new UserError(
            `${describeRef(ref)} is not fully rolled out (${state.failed ?? state.message}); not marking it good`,
          );
        return captureTarget(client, ref);
      }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    ),
  );
  const failures = captured.filter((c): c is Error => c instanceof Error);
  if (failures.length)
    throw new UserErrors(
      failures.map((e) => (e instanceof UserError ? e : new UserError(e.message))),
    );

  const groups = new Map<string, CapturedTarget[]>();
  for (const target of captured as CapturedTarget[]) {
    const key = `${target.context}|${target.namespace}`;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  const recorded: LedgerRecord[] = [];
  for (const [key, targets] of groups) {
    const [contextName = '', namespace = ''] = key.split('|');
    const client = clients.get(contextName);
    if (!client) continue;
    const entries = await recordGood(client, namespace, {
      recordedAt: new Date(context.clock.now()).toISOString(),
      sha: context.run.sha,
      runUrl: context.run.runUrl,
      reason: context.config.reason,
      targets: targets.map(ledgerTarget),
    });
    const names = targets.map((t) => `${t.kind.toLowerCase()}/${t.name}@${t.revision ?? '?'}`);
    core.info(
      `${contextName}/${namespace}: recorded ${names.join(', ')} as good in ConfigMap ${LEDGER_NAME} (${entries} release${entries === 1 ? '' : 's'} kept)`,
    );
    recorded.push({ context: contextName, namespace, targets: names, entries });
  }
  return recorded;
}
