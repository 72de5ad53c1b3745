/**
 * A rollback rehearsal for people: did the drill pass, why not, how long the rollback took
 * against the SLA, and each leg's targets and verification. Pure: the drill's facts in, the
 * judgement and Markdown out; the summary and the optional rehearsal issue share the text.
 */
import { describeRef } from '../kube/snapshot.js';
import type { TargetResult } from '../rollback/kubernetes.js';
import { formatDuration } from '../duration.js';
import type { Verification } from '../verify/verify.js';
import { escapeExternal, oneLine } from './escape.js';
import { escapeText } from './markdown.js';
import { rollbackTable } from './rollback.js';
import { verificationSection } from './verify-summary.js';

export interface DrillLeg {
  startedAt: number;
  finishedAt: number;
  results: readonly TargetResult[];
  /** Unset when nothing changed to verify, or in a dry run. */
  verification?: Verification;
}

export interface Drill {
  service: string;
  /** Where the rollback went, in words: `the previous revision`. */
  destination: string;
  dryRun: boolean;
  rollback: DrillLeg;
  /** Unset in a dry run: nothing to come back from. */
  forward?: DrillLeg;
}

export interface DrillJudgement {
  passed: boolean;
  /** One line each, worst first: what the drill found broken. */
  problems: string[];
  /** Decision to verified rollback, when it was verified (the `rollback-seconds` output). */
  rollbackSeconds?: number;
}

const failedTargets = (results: readonly TargetResult[]): string[] =>
  results.filter((r) => r.outcome === 'failed').map((r) => `${describeRef(r)}: ${r.message}`);

export function judgeDrill(d: Drill): DrillJudgement {
  const problems: string[] = [];
  const back = d.rollback;
  const failed = failedTargets(back.results);
  if (failed.length) problems.push(`the rollback failed for ${failed.join('; ')}`);
  else if (!d.dryRun && !back.results.some((r) => r.outcome === 'rolled-back'))
    problems.push(
      `nothing was rolled back: every target was already at ${d.destination}, so the drill proved nothing`,
    );
  const v = back.verification;
  // A target that did not change already says why the leg is not verified; the SLA is
  // judged on a verified rollback only.
  if (v && !v.verified && !failed.length)
    problems.push(`after the rollback: ${v.problem ?? 'not verified'}`);
  if (v?.verified && v.sla && !v.sla.met)
    problems.push(`the rollback SLA was missed: ${v.sla.detail}`);
  if (d.forward) {
    const stuck = failedTargets(d.forward.results);
    if (stuck.length)
      problems.push(
        `the roll forward failed, staging may still run the older release: ${stuck.join('; ')}`,
      );
    const fv = d.forward.verification;
    if (fv && !fv.verified && !stuck.length)
      problems.push(`after the roll forward: ${fv.problem ?? 'not verified'}`);
  }
  return {
    passed: problems.length === 0,
    problems,
    ...(v?.verified && v.sla ? { rollbackSeconds: v.sla.elapsedMs / 1000 } : {}),
  };
}

const seconds = (ms: number): string => formatDuration(Math.max(0, Math.round(ms / 1000)) * 1000);

export function rehearsalTitle(d: Drill, j: DrillJudgement): string {
  const sla = d.rollback.verification?.sla;
  const took =
    j.rollbackSeconds !== undefined && sla
      ? ` in ${seconds(j.rollbackSeconds * 1000)} (SLA ${seconds(sla.limitMs)})`
      : '';
  return oneLine(
    `Rollback rehearsal of ${d.service}: ${d.dryRun ? 'dry run' : j.passed ? 'passed' : 'FAILED'}${j.passed ? took : `: ${j.problems[0] ?? ''}`}`,
    256,
  );
}

/** The drill as Markdown: the verdict, the problems, then each leg's table and verification. */
export function rehearsalReport(d: Drill, j: DrillJudgement, runUrl?: string): string {
  const icon = d.dryRun ? '📝' : j.passed ? '✅' : '❌';
  const parts = [
    `## ${icon} rollback-action: rehearsal ${d.dryRun ? 'planned (dry run)' : j.passed ? 'passed' : 'failed'}\n\n`,
  ];
  const legs = [
    `- **Rolled back to:** ${escapeText(d.destination)}, ${seconds(d.rollback.finishedAt - d.rollback.startedAt)} to roll out${j.rollbackSeconds !== undefined ? `, ${seconds(j.rollbackSeconds * 1000)} to verified` : ''}`,
  ];
  const sla = d.rollback.verification?.sla;
  if (sla)
    legs.push(`- **Rollback SLA:** ${sla.met ? '✅ met' : '❌ missed'}: ${escapeText(sla.detail)}`);
  if (d.forward)
    legs.push(
      `- **Rolled forward** to the release that ran before the drill: ${seconds(d.forward.finishedAt - d.forward.startedAt)}${d.forward.verification ? `, ${d.forward.verification.verified ? 'verified' : '**not verified**'}` : ''}`,
    );
  if (runUrl) legs.push(`- **Run:** ${runUrl}`);
  parts.push(`${legs.join('\n')}\n\n`);
  if (j.problems.length)
    parts.push(
      `The rollback path is broken; fix it before it is needed:\n\n${j.problems.map((p) => `- ${escapeExternal(p, 1000)}`).join('\n')}\n\n`,
    );
  parts.push('### The rollback\n\n', rollbackTable(d.rollback.results), '\n\n');
  if (d.rollback.verification) parts.push(verificationSection(d.rollback.verification));
  if (d.forward) {
    parts.push(
      '### The roll forward\n\n',
      rollbackTable(d.forward.results, 'rolled forward'),
      '\n\n',
    );
    if (d.forward.verification) parts.push(verificationSection(d.forward.verification));
  }
  return parts.join('');
}
