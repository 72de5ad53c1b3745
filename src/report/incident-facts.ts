/**
 * Everything the incident issue says, as plain data: the guard (or mode rollback) gathers it,
 * the renderers in incident.ts turn it into Markdown without looking anything up. Times are
 * epoch milliseconds, like the clock and the observations; text from outside (commit
 * subjects, authors, details) is raw here and escaped where it is rendered.
 */
import type { Severity, Verdict } from '../constants.js';
import type { Froze } from '../decide/freeze.js';
import type { Plan } from '../decide/plan.js';
import type { PlanRun, StageOutcome } from '../rollback/run-plan.js';
import type { ChartPoint } from './chart.js';

export interface IncidentTrigger {
  name: string;
  severity: Severity;
  status: 'pass' | 'fail' | 'no-data';
  value?: number;
  threshold?: number;
  baseline?: number;
  /** The side that breaches; `below` for a throughput drop. Default `above`. */
  direction?: 'above' | 'below';
  detail: string;
  /** Passing, but over its threshold for part of its `for` already: how far along. */
  breaching?: string;
  /** Every poll of the watch (Observation fits: `at`, and `value` when there was one). */
  observations: readonly ChartPoint[];
}

/** What one container of one target ran before and after the rollback, in one context. */
export interface IncidentVersion {
  /** The kube context: the region. */
  context: string;
  /** `namespace/deployment/api`. */
  target: string;
  container: string;
  /** The deployed image, which the rollback replaced. */
  before: string;
  /** The image running after the rollback; undefined when nothing was rolled back. */
  after?: string;
}

export interface IncidentCommit {
  sha: string;
  author: string;
  subject: string;
  pr?: number;
}

/** One stage of the plan, with how it ended and when it ran. */
export interface IncidentStage {
  name: string;
  why: string;
  outcome: StageOutcome;
  detail: readonly string[];
  startedAt?: number;
  finishedAt?: number;
}

export interface IncidentCheck {
  /** Which part of the verification: the smoke checks are the checklist's own item. */
  kind?: 'images' | 'smoke' | 'triggers';
  name: string;
  status: 'pass' | 'fail' | 'no-data' | 'skipped';
  detail: string;
}

export interface IncidentFacts {
  /** The service people call it by: the title's first word. */
  service: string;
  /** The targets the incident is about, as `context namespace/kind/name`: its identity. */
  targets: readonly string[];
  verdict: Verdict;
  severity?: Severity;
  /** One line: what happened, as the job summary says it. */
  headline: string;
  deployedAt: number;
  /** When the first failing trigger began to breach. */
  breachBeganAt?: number;
  /** When the verdict failed. */
  detectedAt?: number;
  /** When the plan was made. */
  decidedAt?: number;
  verifiedAt?: number;
  triggers: readonly IncidentTrigger[];
  versions: readonly IncidentVersion[];
  range?: {
    base: string;
    head: string;
    commits: readonly IncidentCommit[];
  };
  plan?: {
    reasons: readonly string[];
    stages: readonly IncidentStage[];
    leftAlone: readonly { target: string; why: string }[];
    advice: readonly string[];
  };
  verification?: { verified: boolean; checks: readonly IncidentCheck[] };
  /** Decision to verified, against the policy's `verify.sla`. */
  sla?: { limitMs: number; elapsedMs: number };
  impact?: {
    failedRequests?: number;
    requests?: number;
    breachMs?: number;
    /** The trigger whose counts these are (counted from the deploy to the decision). */
    countedBy?: string;
  };
  runUrl?: string;
  /** What the incident froze deploys on: the bad head and its range (the deploy freeze). */
  froze?: Froze;
  /** Who deployed (a login): shown as text, never as a mention. */
  actor?: string;
  /** Who ran a manual rollback (a login), when a person did. */
  rolledBackBy?: string;
}

/** The plan's part of the facts from the decision and its run (times come from the caller). */
export function planFacts(
  plan: Plan,
  run: PlanRun,
  times: readonly { startedAt?: number; finishedAt?: number }[] = [],
): NonNullable<IncidentFacts['plan']> {
  return {
    reasons: plan.reasons,
    stages: plan.stages.map((stage, i) => {
      const ran = run.stages[i];
      return {
        name: stage.name,
        why: stage.gated ? `${stage.why} (needs approval: ${stage.gated})` : stage.why,
        outcome: ran?.outcome ?? 'not-run',
        detail: [
          ...(ran?.actions ?? []).map((a) => `${a.kind}: ${a.detail}`),
          ...(ran?.verify ? [`judged again: ${ran.verify.verdict}: ${ran.verify.detail}`] : []),
        ],
        ...times[i],
      };
    }),
    leftAlone: plan['left-alone'],
    advice: plan.advice,
  };
}
