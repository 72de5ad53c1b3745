/**
 * The decision and what came of it, for people: why this way, each stage and how it ended,
 * what was left alone, the revert commits or pull request, and the fix-forward advice. Pure.
 */
import type { Plan } from '../decide/plan.js';
import type { RevertResult } from '../rollback/git-revert.js';
import type { PlanRun, StageOutcome } from '../rollback/run-plan.js';
import { code, escapeText, markdownTable } from './markdown.js';
import { rollbackTable } from './rollback.js';
import type { TargetResult } from '../rollback/kubernetes.js';

/** How a stage ended, for people: the summary's and the incident's one wording. */
export const STAGE_LABEL: Record<StageOutcome, string> = {
  worked: '✅ worked',
  waiting: '⏳ waiting for a merge',
  held: '✋ not done: a newer release is verified',
  failed: '❌ failed',
  'still-failing': '⚠️ still failing',
  unconfirmed: '⚠️ not confirmed (no data)',
  gated: '🛑 needs approval',
  planned: '📝 planned',
  'not-run': '⏭️ not run',
};

export interface PlanSection {
  plan: Plan;
  run: PlanRun;
  kubernetes: readonly TargetResult[];
  reverts: readonly RevertResult[];
}

export function planSection(s: PlanSection): string {
  const parts = [
    '### Decision\n\n',
    s.plan.reasons.map((r) => `- ${escapeText(r)}`).join('\n'),
    '\n\n',
  ];
  if (s.plan.stages.length)
    parts.push(
      markdownTable(
        ['Stage', 'Why', 'Result', 'Detail'],
        s.plan.stages.map((stage, i) => {
          const run = s.run.stages[i];
          return [
            `${i + 1}. ${stage.name}`,
            stage.why + (stage.gated ? ` (needs approval: ${stage.gated})` : ''),
            STAGE_LABEL[run?.outcome ?? 'not-run'],
            [
              ...(run?.actions ?? []).map((a) => `${a.kind}: ${a.detail}`),
              ...(run?.verify ? [`judged again: ${run.verify.verdict}: ${run.verify.detail}`] : []),
            ].join('\n'),
          ];
        }),
      ),
      '\n\n',
    );
  if (s.plan['left-alone'].length)
    parts.push(
      'Left alone:\n\n',
      s.plan['left-alone'].map((l) => `- ${code(l.target)}: ${escapeText(l.why)}`).join('\n'),
      '\n\n',
    );
  // After a rollback that worked, fix-forward advice is history, not a next step.
  if (s.plan.advice.length && s.run.verdict !== 'rolled-back')
    parts.push(
      '**Fix forward.**\n\n',
      s.plan.advice.map((a) => `- ${escapeText(a)}`).join('\n'),
      '\n\n',
    );
  if (s.kubernetes.length) parts.push('### Kubernetes\n\n', rollbackTable(s.kubernetes), '\n\n');
  // A retried revert leaves one record per try: the last is what happened.
  const last = s.reverts.at(-1);
  if (last) parts.push(revertSection(last));
  return parts.join('');
}

function revertSection(r: RevertResult): string {
  const head = r.pullRequest
    ? `Pull request [#${r.pullRequest.number}](${r.pullRequest.url}) from ${code(r.headBranch ?? '')} to ${code(r.branch)}`
    : r.pushed
      ? `Pushed to ${code(r.branch)} as ${code(r.pushed.sha.slice(0, 12))}${r.pushed.retried ? ' (rebased once after a rejected push)' : ''}`
      : r.outcome === 'planned'
        ? `Would revert on ${code(r.branch)} (${r.delivery})`
        : r.outcome === 'conflict'
          ? `Conflict reverting on ${code(r.branch)}: ${(r.conflicts ?? []).map(code).join(', ')}; aborted, nothing pushed`
          : r.outcome === 'superseded'
            ? `No revert on ${code(r.branch)}: ${escapeText(r.reason ?? 'a newer release is verified healthy')}`
            : `${r.outcome} on ${code(r.branch)}${r.error ? `: ${escapeText(r.error)}` : ''}`;
  // The branch moved on since the deploy: what a merge would land on top of, or go past.
  const since = r.since?.length
    ? `${code(r.branch)} moved on since the deployed commit, newest first:\n\n${r.since
        .map(
          (c) =>
            `- ${code(c.sha.slice(0, 12))} ${code(c.subject)}${c.verified ? ` — ${escapeText(c.verified)}` : ''}`,
        )
        .join('\n')}\n\n`
    : '';
  const commits =
    r.outcome === 'reverted' || r.outcome === 'planned'
      ? r.reverted.map((sha) => `- ${code(sha.slice(0, 12))}`).join('\n')
      : '';
  return [
    '### Git revert\n\n',
    `${head}.\n\n`,
    commits
      ? `${r.outcome === 'planned' ? 'Would revert' : 'Reverted'}, newest first:\n\n${commits}\n\n`
      : '',
    since,
    r.diffStat ? `\`\`\`\n${r.diffStat.replace(/```/g, "'''")}\n\`\`\`\n\n` : '',
  ].join('');
}
