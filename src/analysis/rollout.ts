/**
 * The rollout itself as a trigger: a rollout that cannot complete (progress deadline
 * exceeded, pods never ready within the rollout timeout) fails at once, before any metric is
 * read. A target whose status could not be read is no data: never a rollback on its own.
 */
import type { Severity } from '../constants.js';
import type { TriggerState } from './triggers.js';
import { plural } from '../text.js';

export interface RolloutOutcome {
  /** `context namespace/kind/name`. */
  target: string;
  state: 'done' | 'failed' | 'unknown';
  message: string;
  elapsedMs: number;
}

export const ROLLOUT_TRIGGER = 'rollout';
/** The old pods still serve while a rollout hangs: serious, not an outage (runbook P1). */
export const ROLLOUT_SEVERITY: Severity = 'P1';

export function rolloutTrigger(outcomes: readonly RolloutOutcome[]): TriggerState {
  const failed = outcomes.filter((o) => o.state === 'failed');
  const unknown = outcomes.filter((o) => o.state === 'unknown');
  const list = (items: readonly RolloutOutcome[]): string =>
    items.map((o) => `${o.target}: ${o.message}`).join('; ');
  const base = {
    name: ROLLOUT_TRIGGER,
    severity: ROLLOUT_SEVERITY,
    threshold: 0,
    baseline: undefined,
    breachingSince: undefined,
    fastFailed: false,
  };
  if (failed.length) return { ...base, status: 'fail', value: failed.length, detail: list(failed) };
  if (unknown.length)
    return { ...base, status: 'no-data', value: undefined, detail: list(unknown) };
  return {
    ...base,
    status: 'pass',
    value: 0,
    detail: outcomes.length ? `${plural(outcomes.length, 'target')} rolled out` : 'no targets',
  };
}
