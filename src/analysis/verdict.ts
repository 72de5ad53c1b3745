/**
 * The watch's verdict from its triggers' states. Any failing trigger fails the release, with
 * the most severe failing trigger's severity. At the end of the window a trigger is judged
 * only on data: one without data at the last poll, or with data on fewer than half of the
 * polls, leaves the run inconclusive, never a rollback (unless its policy said `rollback`,
 * which its own evaluation already counted as breaches); with `fail` the step fails without one.
 */
import type { Severity } from '../constants.js';
import type { TriggerState } from './triggers.js';

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

export interface Judgement {
  verdict: WatchVerdict;
  severity: Severity | undefined;
  failing: TriggerState[];
  /** Triggers without enough data to be judged at the end of the window. */
  unjudged: Unjudged[];
  /** True when an inconclusive run must fail the step (a trigger with no-data: fail). */
  failStep: boolean;
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
  if (withData === 0) return `no data in ${polls} poll${polls === 1 ? '' : 's'}`;
  if (state.status === 'no-data') return `no data at the end of the window (${state.detail})`;
  if (withData * 2 < polls) return `data on only ${withData} of ${polls} polls`;
  return undefined;
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
  if (failing.length > 0)
    return {
      verdict: 'fail',
      severity: failing[0]?.severity,
      failing,
      unjudged: [],
      failStep: false,
    };
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
