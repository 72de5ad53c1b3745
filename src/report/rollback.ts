/** A rollback's results for people: one row per target and context. */
import { kindName } from '../kube/types.js';
import type { TargetResult } from '../rollback/kubernetes.js';
import { escapeExternal } from './escape.js';
import { code, markdownTable } from './markdown.js';

const OUTCOME: Record<TargetResult['outcome'], string> = {
  'rolled-back': '✅ rolled back',
  skipped: '⏭️ already there',
  planned: '📝 would roll back',
  failed: '❌ failed',
};

/** The rollback's results as a Markdown table for job summaries. */
export function rollbackTable(results: readonly TargetResult[], done = 'rolled back'): string {
  return markdownTable(
    ['Context', 'Target', 'Revision', 'Result', 'Seconds', 'Detail'],
    results.map((r) => [
      r.context,
      code(`${r.namespace}/${kindName(r.kind)}/${r.name}`),
      r.fromRevision === undefined && r.toRevision === undefined
        ? '-'
        : `${r.fromRevision ?? '?'} → ${r.toRevision ?? 'recorded'}`,
      r.outcome === 'rolled-back' ? `✅ ${done}` : OUTCOME[r.outcome],
      r.seconds === undefined ? '-' : r.seconds.toFixed(1),
      // An API server's message is text from outside: no HTML, mention or reference in it.
      [r.message, r.state ? `state: ${r.state}` : '', ...r.diff]
        .filter(Boolean)
        .map((line) => escapeExternal(line, 500))
        .join('\n'),
    ]),
  );
}
