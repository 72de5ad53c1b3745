/**
 * The rollback time SLA: how long from the decision to a verified rollback. The levels are the
 * runbooks' (001, rollback requirements by level): standard 30 min (level 2), high 15 min
 * (level 3), critical 10 min (level 4, per region). Standard is the default: it is the level
 * every runbook-following team already meets.
 */
import { formatDuration, parseDuration } from '../duration.js';

export const SLA_LEVELS = {
  critical: 10 * 60_000,
  high: 15 * 60_000,
  standard: 30 * 60_000,
} as const;
export type SlaLevel = keyof typeof SLA_LEVELS;

export const DEFAULT_SLA: SlaLevel = 'standard';

export function isSlaLevel(value: string): value is SlaLevel {
  return Object.hasOwn(SLA_LEVELS, value);
}

/** Milliseconds for the policy's `verify.sla` (a level or a duration); the default when unset. */
export function slaOf(value: string | undefined): number {
  if (value === undefined) return SLA_LEVELS[DEFAULT_SLA];
  if (isSlaLevel(value)) return SLA_LEVELS[value];
  const ms = parseDuration(value);
  // The policy is validated before this runs; an unchecked value is a bug, not a user error.
  if (ms === undefined)
    throw new Error(`verify.sla '${value}' is neither critical, high, standard nor a duration`);
  return ms;
}

export interface SlaJudgement {
  elapsedMs: number;
  limitMs: number;
  met: boolean;
  /** One line for the summary and the incident. */
  detail: string;
}

/** Decision (startedAt) to verified (verifiedAt), both epoch milliseconds, against the limit. */
export function judgeSla(
  startedAt: number,
  verifiedAt: number,
  limitMs: number,
  verified = true,
): SlaJudgement {
  // A clock stepping back between the two must not report a negative time.
  const elapsedMs = Math.max(0, verifiedAt - startedAt);
  const took = seconds(elapsedMs);
  const limit = seconds(limitMs);
  if (!verified)
    return {
      elapsedMs,
      limitMs,
      met: false,
      detail: `not verified ${took} after the decision: the ${limit} SLA is not met until it is`,
    };
  const met = elapsedMs <= limitMs;
  const detail = met
    ? `verified ${took} after the decision, within the ${limit} SLA`
    : `verified ${took} after the decision, ${seconds(elapsedMs - limitMs)} over the ${limit} SLA`;
  return { elapsedMs, limitMs, met, detail };
}

/** Whole seconds past a second: `7m12s`, not `7m12s345ms`. */
function seconds(ms: number): string {
  return formatDuration(ms >= 1000 ? Math.round(ms / 1000) * 1000 : ms);
}
