/** What a capture recorded, for people: the job summary and a log line per target. */
import type { CapturedTarget } from '../kube/snapshot.js';
import { describeRef } from '../kube/snapshot.js';
import { kindName } from '../kube/types.js';
import type { Baseline } from '../metrics/baselines.js';
import type { PreflightFinding } from '../metrics/preflight.js';
import { plural } from '../text.js';
import { describeBaseline } from './evidence.js';
import { code, markdownTable } from './markdown.js';

export interface CaptureSummaryInput {
  targets: readonly CapturedTarget[];
  /** The triggers checked, by name, in policy order. */
  triggers: readonly string[];
  findings: readonly PreflightFinding[];
  baselines: Readonly<Record<string, Baseline>> | undefined;
}

/** The capture's job summary: every target as captured, then each trigger's preflight. */
export function captureSummary({
  targets,
  triggers,
  findings,
  baselines,
}: CaptureSummaryInput): string {
  const head = `## rollback-action: captured ${plural(targets.length, 'target')}\n\n`;
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
