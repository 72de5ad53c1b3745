/**
 * The watch's verdict from its triggers' states. Any failing trigger fails the release, with
 * the most severe failing trigger's severity. At the end of the window a trigger is judged
 * only on data: one without data at the last poll, or with data on fewer than half of the
 * polls, leaves the run inconclusive, never a rollback (unless its policy said `rollback`,
 * which its own evaluation already counted as breaches); with `fail` the step fails without one.
 */
import type { Severity } from '../constants.js';
import type { TriggerState } from './triggers.js';
import { plural } from '../text.js';

export type WatchVerdict = 'fail' | 'pass' | 'inconclusive' | 'watching';

/** How many polls a trigger had, and how many of them had data. */
export interface Coverage {
  polls: number;
  withData: number;
}

export interface Unjudged {
  name: string;
  why: string;
}

/** A more severe trigger whose threshold the failing release is already beyond, with why. */
export interface Escalation {
  name: string;
  severity: Severity;
  detail: string;
}

export interface Judgement {
  verdict: WatchVerdict;
  severity: Severity | undefined;
  /** Set when the severity comes from a trigger other than the first failing one. */
  escalation?: Escalation;
  failing: TriggerState[];
  /** Triggers without enough data to be judged at the end of the window. */
  unjudged: Unjudged[];
  /** True when an inconclusive run must fail the step (a trigger with no-data: fail). */
  failStep: boolean;
  /** Triggers whose query the backend refused: the policy is wrong, nothing can be judged. */
  rejected?: Unjudged[];
  /** The signal that cancelled the run during the watch (SIGINT, SIGTERM). */
  cancelled?: string;
  /** Where the cancel came, when not during the watch. */
  cancelledDuring?: 'the rollout wait';
}

const RANK: Record<Severity, number> = { P0: 0, P1: 1, P2: 2 };

export function bySeverity<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** Why a trigger cannot be judged on the data it had, or undefined when it can. */
export function unjudgedBecause(
  state: TriggerState,
  coverage: Coverage | undefined,
): string | undefined {
  const { polls = 0, withData = 0 } = coverage ?? {};
  // A quiet service: thin polls, but the whole window's counts were enough to judge.
  if (state.judgedOnWindow) return undefined;
  if (withData === 0) return `no data in ${plural(polls, 'poll')}`;
  if (state.status === 'no-data') return `no data at the end of the window (${state.detail})`;
  if (withData * 2 < polls) return `data on only ${withData} of ${polls} polls`;
  return undefined;
}

/**
 * The verdict has failed; is the release also beyond a more severe trigger's threshold that
 * has not failed yet? A 25 % error ratio usually proves "above 5 %" (P1) a poll or two before
 * "above 10 %" (P0), yet the runbooks call it P0. One look at a 99.9 % lower bound, taken
 * once the decision is made, grades it without adding false alarms to the decision itself.
 */
function escalationOf(states: readonly TriggerState[], severity: Severity): Escalation | undefined {
  const beyond = bySeverity(
    states.filter(
      (s) =>
        s.status !== 'fail' &&
        RANK[s.severity] < RANK[severity] &&
        s.lowerBound !== undefined &&
        s.threshold !== undefined &&
        s.lowerBound > s.threshold,
    ),
  )[0];
  if (!beyond) return undefined;
  return {
    name: beyond.name,
    severity: beyond.severity,
    detail: `${beyond.name}'s threshold ${String(beyond.threshold)} is exceeded with 99.9 % confidence (${String(beyond.errors)} errors in ${String(beyond.total)} requests, lower bound ${(beyond.lowerBound ?? 0).toFixed(3)})`,
  };
}

export function judge(
  states: readonly TriggerState[],
  options: {
    windowEnded: boolean;
    coverage: Readonly<Record<string, Coverage>>;
    noDataFail: ReadonlySet<string>;
  },
): Judgement {
  const failing = bySeverity(states.filter((s) => s.status === 'fail'));
  const worst = failing[0];
  if (worst) {
    const escalation = escalationOf(states, worst.severity);
    return {
      verdict: 'fail',
      severity: escalation?.severity ?? worst.severity,
      ...(escalation ? { escalation } : {}),
      failing,
      unjudged: [],
      failStep: false,
    };
  }
  if (!options.windowEnded)
    return { verdict: 'watching', severity: undefined, failing, unjudged: [], failStep: false };
  const unjudged = states.flatMap((s) => {
    const why = unjudgedBecause(s, options.coverage[s.name]);
    return why === undefined ? [] : [{ name: s.name, why }];
  });
  if (unjudged.length > 0)
    return {
      verdict: 'inconclusive',
      severity: undefined,
      failing,
      unjudged,
      failStep: unjudged.some((u) => options.noDataFail.has(u.name)),
    };
  return { verdict: 'pass', severity: undefined, failing, unjudged, failStep: false };
}
