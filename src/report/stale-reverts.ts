/** The summary's note of revert pull requests a healthy release settled. Pure. */
import type { StaleRevert } from '../rollback/stale-reverts.js';
import { escapeText } from './markdown.js';

const WORDS: Record<StaleRevert['action'], string> = {
  closed: 'closed',
  commented: 'commented on, left open (git.stale-reverts: comment)',
  kept: 'left open (git.stale-reverts: keep)',
  left: 'left open',
  failed: 'not settled',
  deployed: 'merged revert now verified in a healthy release',
};

/** Nothing when no revert pull request was stale or looked at. */
export function staleRevertsSection(settled: readonly StaleRevert[] | null | undefined): string {
  const shown = (settled ?? []).filter((r) => r.action !== 'left');
  if (!shown.length) return '';
  return [
    '\n### Revert pull requests settled by this healthy release\n',
    ...shown.map((r) => `- [#${r.number}](${r.url}) ${WORDS[r.action]}: ${escapeText(r.detail)}`),
    '',
  ].join('\n');
}
