/**
 * The watch's verdict from its triggers' states. Any failing trigger fails the release, with
 * the most severe failing trigger's severity. At the end of the window a trigger that never
 * had data makes the run inconclusive, never a rollback (unless its policy said `rollback`,
 * which its own evaluation already counted); with policy `fail` the step fails without one.
 */
import type { Severity } from '../constants.js';
import type { TriggerState } from './triggers.js';

export type WatchVerdict = 'fail' | 'pass' | 'inconclusive' | 'watching';

export interface Judgement {
  verdict: WatchVerdict;
  severity: Severity | undefined;
  failing: TriggerState[];
  /** Triggers that never had data in the window. */
  silent: string[];
  /** True when an inconclusive run must fail the step (a trigger with no-data: fail). */
  failStep: boolean;
}

const RANK: Record<Severity, number> = { P0: 0, P1: 1, P2: 2 };

export function judge(
  states: readonly TriggerState[],
  options: {
    windowEnded: boolean;
    everHadData: ReadonlySet<string>;
    noDataFail: ReadonlySet<string>;
  },
): Judgement {
  const failing = states
    .filter((s) => s.status === 'fail')
    .sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const silent = states.filter((s) => !options.everHadData.has(s.name)).map((s) => s.name);
  if (failing.length > 0)
    return { verdict: 'fail', severity: failing[0]?.severity, failing, silent, failStep: false };
  if (!options.windowEnded)
    return { verdict: 'watching', severity: undefined, failing, silent, failStep: false };
  if (silent.length > 0)
    return {
      verdict: 'inconclusive',
      severity: undefined,
      failing,
      silent,
      failStep: silent.some((n) => options.noDataFail.has(n)),
    };
  return { verdict: 'pass', severity: undefined, failing, silent, failStep: false };
}
