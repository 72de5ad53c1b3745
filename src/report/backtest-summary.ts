/** What a backtest found, for people: one row per replayed deploy. */
import { formatDuration } from '../duration.js';
import { code, markdownTable } from './markdown.js';
import { plural } from '../text.js';
import type { ReplayedDeploy } from './types.js';

/** The backtest's job summary: how many deploys would have been rolled back, and each one. */
export function backtestSummary(
  results: readonly ReplayedDeploy[],
  windowMs: number,
  intervalMs: number,
): string {
  const acted = results.filter((r) => r.verdict === 'would roll back').length;
  return [
    `## rollback-action: backtest of ${plural(results.length, 'deploy')}\n\n`,
    `The policy would have rolled back ${acted} of them. Window ${formatDuration(windowMs)}, a poll every ${formatDuration(intervalMs)}; nothing was changed.\n\n`,
    markdownTable(
      ['Deploy', 'From', 'Verdict', 'After', 'Trigger', 'Detail'],
      results.map((r) => [
        r.at,
        r.source,
        `${r.verdict}${r.partial ? ` (partial: ${r['replayed-seconds']}s replayed)` : ''}`,
        r['after-seconds'] === null ? '-' : `${r['after-seconds']}s`,
        r.trigger ? `${code(r.trigger)} ${r.severity ?? ''}` : '-',
        r.detail,
      ]),
    ),
    '\n',
  ].join('');
}
