/** What mark-good recorded, for people. */
import type { LedgerRecord } from '../kube/ledger.js';
import { escapeText, markdownTable } from './markdown.js';

/** The job summary of mark-good: one row per ledger written. */
export function markGoodSummary(
  ledger: readonly LedgerRecord[],
  reason: string | undefined,
): string {
  return [
    '## ✅ rollback-action: marked good\n\n',
    `What runs now is the last verified-good release: \`to-revision: last-good\` goes back to it.${reason ? ` Reason: ${escapeText(reason)}.` : ''}\n\n`,
    markdownTable(
      ['Context', 'Namespace', 'Recorded', 'Releases kept'],
      ledger.map((l) => [l.context, l.namespace, l.targets.join(', '), String(l.entries)]),
    ),
    '\n',
  ].join('');
}
