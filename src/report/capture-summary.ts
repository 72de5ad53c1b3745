/** What a capture recorded, for people: the job summary and a log line per target. */
import type { CapturedTarget } from '../kube/snapshot.js';
import { describeRef } from '../kube/snapshot.js';
import { kindName } from '../kube/types.js';
import type { Baseline } from '../metrics/baselines.js';
import type { PreflightFinding } from '../metrics/preflight.js';
import { plural } from '../text.js';
import { describeBaseline } from './evidence.js';
import { code, escapeText, markdownTable } from './markdown.js';
import { frozenLine, type FreezeState } from '../decide/freeze.js';

export interface CaptureSummaryInput {
  targets: readonly CapturedTarget[];
  /** The triggers checked, by name, in policy order. */
  triggers: readonly string[];
  findings: readonly PreflightFinding[];
  baselines: Readonly<Record<string, Baseline>> | undefined;
  /** The deploy freeze as checked before the capture (absent: not shown). */
  freeze?: FreezeState;
}

/** The capture's job summary: every target as captured, then each trigger's preflight. */
export function captureSummary({
  targets,
  triggers,
  findings,
  baselines,
  freeze,
}: CaptureSummaryInput): string {
  const head = `## rollback-action: captured ${plural(targets.length, 'target')}\n\n${freeze ? `${freezeSummaryLine(freeze)}\n\n` : ''}`;
  const table = markdownTable(
    ['Context', 'Target', 'Revision', 'Images', 'Digests', 'Replicas', 'GitOps'],
    targets.map((t) => [
      t.context,
      code(`${t.namespace}/${kindName(t.kind)}/${t.name}`),
      String(t.revision ?? '?'),
      Object.entries(t.images)
        .map(([c, i]) => `${c}=${i}`)
        .join(', '),
      Object.values(t.digests)
        .flat()
        .map((d) => d.slice(0, 19))
        .join(', ') || '(none reported)',
      String(t.replicas ?? '-'),
      t.gitops ? `${t.gitops.tool}: ${t.gitops.owner}` : '-',
    ]),
  );
  if (triggers.length === 0) return `${head}${table}\n`;
  const checked = markdownTable(
    ['Trigger', 'Preflight', 'Baseline'],
    triggers.map((name) => {
      const finding = findings.find((f) => f.trigger === name);
      const baseline = baselines?.[name];
      return [
        code(name),
        finding ? `${finding.level === 'error' ? '❌' : '⚠️'} ${finding.message}` : '✅ ok',
        baseline ? describeBaseline(baseline) : '-',
      ];
    }),
  );
  return `${head}${table}\n\n### Triggers checked before the deploy\n\n${checked}\n`;
}

/** A captured target in the log: one line of what runs, and a warning for what will refuse. */
export function capturedNotes(t: CapturedTarget): { info: string; warnings: string[] } {
  const warnings: string[] = [];
  if (t.gitops)
    warnings.push(
      `${describeRef(t)} is managed by ${t.gitops.tool === 'argocd' ? 'Argo CD' : 'Flux'} (${t.gitops.owner}): a kubectl-style undo would be reverted by its next sync`,
    );
  if (t.paused)
    warnings.push(`${describeRef(t)} is paused: a rollback will refuse until it is resumed`);
  return {
    info: `${describeRef(t)}: revision ${t.revision ?? '?'}, ${Object.values(t.images).join(', ')}${t.paused ? ' (paused)' : ''}`,
    warnings,
  };
}

const incidentLink = (i: { number: number; url: string }): string => `[#${i.number}](${i.url})`;

/** The freeze in one line of the capture's summary. */
export function freezeSummaryLine(s: FreezeState): string {
  switch (s.state) {
    case 'clear':
      return '**Deploy freeze:** ✅ no open incident for these targets';
    case 'unchecked':
      return `**Deploy freeze:** ⚠️ not checked (${escapeText(s.problem)}); captured anyway`;
    case 'frozen':
      return `**Deploy freeze:** ⛔ frozen by incident ${incidentLink(s.incident)}`;
    case 'overridden':
      return `**Deploy freeze:** ⚠️ overridden (override-freeze: true); incident ${incidentLink(s.incident)} is still open`;
    case 'lifted':
      return `**Deploy freeze:** ✅ lifted by ${code(s.revert?.revert.slice(0, 7) ?? '')}, which reverts ${code(s.revert?.reverted.slice(0, 7) ?? '')} of incident ${incidentLink(s.incident)} (still open for its RCA)`;
  }
}

/** The summary of a capture the freeze stopped: the same line as the error, and why. */
export function frozenSummary(s: FreezeState): string {
  if (s.state !== 'frozen') return '';
  return [
    '## ⛔ rollback-action: deploys are frozen\n',
    `${escapeText(frozenLine(s.service, s.incident))}\n`,
    `Nothing was captured or changed. Incident ${incidentLink(s.incident)} is the freeze: closing it lifts it.\n`,
    ...(s.notes.length ? [s.notes.map((n) => `- ${escapeText(n)}`).join('\n'), ''] : []),
  ].join('\n');
}
