/**
 * The incident's facts from what a guard or rollback run knows: triggers and every
 * observation, the targets' images before and after (from the undo's template changes), the
 * deployed range with authors, the plan and what came of it. Pure: the run's data in, the
 * renderers' plain facts out.
 */
import type { Observation, TriggerState } from '../analysis/triggers.js';
import type { Severity, Verdict } from '../constants.js';
import type { Plan } from '../decide/plan.js';
import type { DeployedRange } from '../decide/range.js';
import type { TargetResult } from '../rollback/kubernetes.js';
import type { PlanRun } from '../rollback/run-plan.js';
import { frozeOf } from '../decide/freeze.js';
import { describeRef, type TargetRef } from '../kube/snapshot.js';
import { planFacts, type IncidentFacts, type IncidentVersion } from './incident-facts.js';
import { incidentKey, incidentMarker, targetMarker } from './incident.js';
import type { Verification } from '../verify/verify.js';
import { imageChanges } from '../verify/images.js';

export interface RunFacts {
  service: string;
  targets: readonly string[];
  verdict: Verdict;
  severity: Severity | undefined;
  headline: string;
  deployedAt: number;
  detectedAt: number;
  decidedAt?: number;
  states: readonly TriggerState[];
  observations: Readonly<Record<string, readonly Observation[]>>;
  kubernetes: readonly TargetResult[];
  /** The deployed commits: as the decision read them, or from GitHub's compare. */
  range?: Pick<DeployedRange, 'base' | 'head' | 'commits'>;
  plan?: Plan;
  run?: PlanRun;
  runUrl?: string;
  actor?: string;
  rolledBackBy?: string;
  verification?: Verification;
}

/** The images each undone target ran before and after, from its template diff (or the report's). */
export function versionsOf(
  results: readonly (TargetRef & { diff: readonly string[]; outcome: string })[],
): IncidentVersion[] {
  return results.flatMap((r) =>
    imageChanges(r.diff).map((change) => ({
      context: r.context,
      target: describeRef(r).slice(r.context.length + 1),
      container: change.container,
      before: change.before,
      ...(r.outcome === 'rolled-back' ? { after: change.after } : {}),
    })),
  );
}

/**
 * Who an incident is about: the service (the first target's name, else the repository's) and
 * the targets as `context namespace/kind/name`. Guard files under it and capture looks for it
 * (the deploy freeze): one function, so the two keys cannot drift apart.
 */
export function incidentIdentity(
  refs: readonly TargetRef[],
  repository: string | undefined,
): { service: string; targets: string[] } {
  return {
    service: refs[0]?.name ?? repository?.split('/')[1] ?? 'service',
    targets: refs.length ? refs.map(describeRef) : [repository ?? 'service'],
  };
}

/** The markers an open incident of these targets holds: the identity, and one per target. */
export function incidentMarkersFor(
  refs: readonly TargetRef[],
  repository: string | undefined,
): string[] {
  const { service, targets } = incidentIdentity(refs, repository);
  return [incidentMarker(incidentKey(service, targets)), ...targets.map(targetMarker)];
}

export function incidentFactsOf(r: RunFacts): IncidentFacts {
  const froze = r.range ? frozeOf(r.range.head, r.range.commits) : undefined;
  const failing = r.states.filter((s) => s.status === 'fail');
  const breachBegan = failing
    .map((s) => s.breachingSince)
    .filter((t): t is number => t !== undefined);
  return {
    service: r.service,
    targets: r.targets,
    verdict: r.verdict,
    ...(r.severity ? { severity: r.severity } : {}),
    headline: r.headline,
    deployedAt: r.deployedAt,
    ...(breachBegan.length ? { breachBeganAt: Math.min(...breachBegan) } : {}),
    detectedAt: r.detectedAt,
    ...(r.decidedAt !== undefined ? { decidedAt: r.decidedAt } : {}),
    triggers: r.states.map((s) => ({
      name: s.name,
      severity: s.severity,
      status: s.status,
      ...(s.value !== undefined ? { value: s.value } : {}),
      ...(s.threshold !== undefined ? { threshold: s.threshold } : {}),
      ...(s.baseline !== undefined ? { baseline: s.baseline } : {}),
      ...(s.status === 'pass' && s.breaching ? { breaching: s.breaching } : {}),
      detail: s.detail,
      observations: (r.observations[s.name] ?? []).map((o) => ({
        at: o.at,
        ...(o.value !== undefined ? { value: o.value } : {}),
      })),
    })),
    versions: versionsOf(r.kubernetes),
    ...(r.range
      ? {
          range: {
            base: r.range.base,
            head: r.range.head,
            commits: r.range.commits.map((c) => ({
              sha: c.sha,
              author: c.author ?? '',
              subject: c.subject,
              ...(prNumber(c.subject) !== undefined ? { pr: prNumber(c.subject) } : {}),
            })),
          },
        }
      : {}),
    ...(r.plan && r.run
      ? {
          plan: planFacts(
            r.plan,
            r.run,
            r.run.stages.map((stage) => ({
              ...(stage.startedAt !== undefined ? { startedAt: stage.startedAt } : {}),
              ...(stage.finishedAt !== undefined ? { finishedAt: stage.finishedAt } : {}),
            })),
          ),
        }
      : {}),
    ...(r.runUrl ? { runUrl: r.runUrl } : {}),
    ...(froze ? { froze } : {}),
    ...(r.actor ? { actor: r.actor } : {}),
    ...(r.rolledBackBy ? { rolledBackBy: r.rolledBackBy } : {}),
    ...(r.verification ? verificationFacts(r.verification, r.decidedAt) : {}),
    ...impactFacts(r.states, r.observations),
  };
}

/**
 * Failed requests from the metrics: a ratio trigger counts errors and requests since the watch
 * began, so its last counts are the requests the bad release served until the decision (the
 * failing ratio trigger with the most errors speaks for the service). Nothing is guessed for
 * triggers that count nothing (latency, alerts): the section then asks a person.
 */
export function impactFacts(
  states: readonly TriggerState[],
  observations: Readonly<Record<string, readonly Observation[]>>,
): Pick<IncidentFacts, 'impact'> {
  const counted = states.flatMap((s) => {
    if (s.status !== 'fail') return [];
    const last = (observations[s.name] ?? []).findLast(
      (o) => o.errors !== undefined && o.total !== undefined && o.total > 0,
    );
    return last?.errors !== undefined && last.total !== undefined
      ? [{ failedRequests: last.errors, requests: last.total, countedBy: s.name }]
      : [];
  });
  const worst = counted.sort((a, b) => b.failedRequests - a.failedRequests)[0];
  return worst ? { impact: worst } : {};
}

function verificationFacts(
  v: Verification,
  decidedAt: number | undefined,
): Pick<IncidentFacts, 'verification' | 'sla' | 'verifiedAt'> {
  return {
    // The SLA is measured from the decision to the end of verification: that moment is verified.
    ...(v.verified && v.sla && decidedAt !== undefined
      ? { verifiedAt: decidedAt + v.sla.elapsedMs }
      : {}),
    verification: {
      verified: v.verified,
      checks: [
        ...v.images.map((i) => ({
          kind: 'images' as const,
          name: `images of ${i.target}`,
          status: i.match ? ('pass' as const) : ('fail' as const),
          detail: i.match ? `as ${i.against ?? 'captured'}` : i.differences.join('; '),
        })),
        ...v.smoke.map((c) => ({
          kind: 'smoke' as const,
          name: c.name,
          status: c.outcome === 'passed' ? ('pass' as const) : ('fail' as const),
          detail: c.detail,
        })),
        {
          kind: 'triggers' as const,
          name: 'triggers judged again',
          status:
            v.stability.verdict === 'inconclusive' ? ('no-data' as const) : v.stability.verdict,
          detail: v.stability.detail,
        },
      ],
    },
    ...(v.sla ? { sla: { limitMs: v.sla.limitMs, elapsedMs: v.sla.elapsedMs } } : {}),
  };
}

/** GitHub's merge and squash subjects name the pull request: `Merge pull request #12 …`, `… (#12)`. */
function prNumber(subject: string): number | undefined {
  const m = /^Merge pull request #(\d+)\b/.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
  return m?.[1] ? Number(m[1]) : undefined;
}
