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
import type { Verification } from '../verify/verify.js';

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
  range?: DeployedRange;
  plan?: Plan;
  run?: PlanRun;
  runUrl?: string;
  actor?: string;
  verification?: Verification;
}

/** `spec.containers[api].image: shop/api:1.1 → shop/api:1.0`, as the undo's diff writes it. */
const IMAGE_CHANGE = /^spec\.(?:initContainers|containers)\[([^\]]+)\]\.image: (.+) → (.+)$/;

export function versionsOf(results: readonly TargetResult[]): IncidentVersion[] {
  return results.flatMap((r) =>
    r.diff.flatMap((line) => {
      const m = IMAGE_CHANGE.exec(line);
      if (!m?.[1] || !m[2] || !m[3]) return [];
      return [
        {
          context: r.context,
          target: describeRef(r).slice(r.context.length + 1),
          container: m[1],
          before: m[2],
          ...(r.outcome === 'rolled-back' ? { after: m[3] } : {}),
        },
      ];
    }),
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
    ...(r.plan && r.run ? { plan: planFacts(r.plan, r.run) } : {}),
    ...(r.runUrl ? { runUrl: r.runUrl } : {}),
    ...(froze ? { froze } : {}),
    ...(r.actor ? { actor: r.actor } : {}),
    ...(r.verification ? verificationFacts(r.verification) : {}),
  };
}

function verificationFacts(
  v: Verification,
): Pick<IncidentFacts, 'verification' | 'sla' | 'verifiedAt'> {
  return {
    verification: {
      verified: v.verified,
      checks: [
        ...v.images.map((i) => ({
          name: `images of ${i.target}`,
          status: i.match ? ('pass' as const) : ('fail' as const),
          detail: i.match ? 'as captured' : i.differences.join('; '),
        })),
        ...v.smoke.map((c) => ({
          name: c.name,
          status: c.outcome === 'passed' ? ('pass' as const) : ('fail' as const),
          detail: c.detail,
        })),
        {
          name: 'triggers judged again',
          status:
            v.stability.verdict === 'inconclusive' ? ('no-data' as const) : v.stability.verdict,
          detail: v.stability.detail,
        },
      ],
    },
    sla: { limitMs: v.sla.limitMs, elapsedMs: v.sla.elapsedMs },
  };
}

/** GitHub's merge and squash subjects name the pull request: `Merge pull request #12 …`, `… (#12)`. */
function prNumber(subject: string): number | undefined {
  const m = /^Merge pull request #(\d+)\b/.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
  return m?.[1] ? Number(m[1]) : undefined;
}
