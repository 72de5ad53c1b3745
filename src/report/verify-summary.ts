/**
 * Verification for people: the smoke checks as a table, whether each target runs the snapshot's
 * images, and the time against the SLA. Pure; the job summary and the incident embed it.
 * Details hold text a service answered, so they go in code spans: no mention, link or HTML
 * in them is rendered.
 */
import { formatDuration } from '../duration.js';
import type { SmokeResult } from '../verify/smoke.js';
import type { SlaJudgement } from '../verify/sla.js';
import type { Verification } from '../verify/verify.js';
import { escapeExternal } from './escape.js';
import { code, escapeText, markdownTable } from './markdown.js';

export interface VerifySummaryInput {
  smoke: readonly SmokeResult[];
  /** Per target (as describeRef writes it): imagesMatch's verdict. */
  images: readonly {
    target: string;
    match: boolean;
    differences: readonly string[];
    against?: string;
  }[];
  /** Absent when there was nothing to time (no decision, or not verified). */
  sla?: SlaJudgement;
}

/** The evidence under the verification's heading: smoke checks, images, the SLA. */
export function verifySummary({ smoke, images, sla }: VerifySummaryInput): string {
  const parts: string[] = [];
  parts.push(
    smoke.length
      ? markdownTable(
          ['Check', 'Kind', 'Result', 'Attempts', 'Time', 'Detail'],
          smoke.map((s) => [
            escapeText(s.name),
            s.kind,
            s.outcome === 'passed' ? '✅ passed' : '❌ failed',
            String(s.attempts),
            formatDuration(s.elapsedMs),
            s.detail ? code(s.detail) : '',
          ]),
        )
      : 'No smoke checks configured (policy `verify.checks`).',
  );
  if (images.length)
    parts.push(
      markdownTable(
        ['Target', 'Images', 'Differences'],
        images.map((i) => [
          code(i.target),
          i.match ? `✅ as ${escapeText(i.against ?? 'captured')}` : '❌ differ',
          i.differences.map(code).join('<br>'),
        ]),
      ),
    );
  if (sla)
    parts.push(`**Rollback SLA:** ${sla.met ? '✅ met' : '❌ missed'}: ${escapeText(sla.detail)}`);
  return `${parts.join('\n\n')}\n`;
}

/** The verification's section of a summary: verified or why not, then the evidence. */
export function verificationSection(v: Verification): string {
  return [
    `### Verification: ${v.verified ? '✅ verified' : '❌ not verified'}\n\n`,
    v.problem ? `${escapeExternal(v.problem, 2000)}\n\n` : '',
    `Triggers judged again: ${v.stability.verdict}: ${escapeText(v.stability.detail)}\n\n`,
    verifySummary({ smoke: v.smoke, images: v.images, ...(v.sla ? { sla: v.sla } : {}) }),
    '\n',
  ].join('');
}
