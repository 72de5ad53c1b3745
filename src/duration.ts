/**
 * Durations as users write them: `500ms`, `30s`, `5m`, `1h30m`, `1.5h`. A bare number is
 * refused because `5` could mean seconds or minutes, and guessing wrong on a rollback window
 * is worse than asking.
 */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/** Milliseconds for a duration string, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    total += Number(amount) * UNIT_MS[unit as Unit];
  }
  return Math.round(total);
}

/** The shortest readable form of a duration in milliseconds: 90000 → `1m30s`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = Math.round(ms);
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNIT_MS[unit];
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}

export const DURATION_HINT = 'use a number with a unit, e.g. 30s, 5m, 1h30m';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A job runs at most 5 days on a self-hosted runner and 6 hours on a GitHub-hosted one. */
const SELF_HOSTED_JOB_MS = 5 * DAY;
const HOSTED_JOB_MS = 6 * HOUR;

interface DurationLimit {
  min: number;
  max: number;
  /** Why the maximum, in words for the error. */
  maxWhy: string;
  /** Longer than this works only on a self-hosted runner: a warning, not an error. */
  warnAbove?: number;
}

const JOB_LIMIT = {
  max: SELF_HOSTED_JOB_MS,
  maxWhy: 'a job runs at most 5d, on a self-hosted runner',
  warnAbove: HOSTED_JOB_MS,
};

/**
 * The one rule for every duration the action takes, from an input or the policy: a poll
 * every 0s would spin, a 1000h window outlives any job, and a timeout beyond Node's timers
 * (2^31-1 ms) would fire at once.
 */
export const DURATION_LIMITS = {
  window: { min: SECOND, ...JOB_LIMIT },
  interval: { min: SECOND, ...JOB_LIMIT },
  for: { min: 0, ...JOB_LIMIT },
  'rollout-timeout': { min: SECOND, ...JOB_LIMIT },
  'rollback-timeout': { min: SECOND, ...JOB_LIMIT },
  'baseline-window': { min: SECOND, max: 30 * DAY, maxWhy: 'longer history is not a baseline' },
  settle: { min: 0, max: 30 * MINUTE, maxWhy: 'a warm-up longer than that is a regression' },
  'request-timeout': {
    min: 100,
    max: 10 * MINUTE,
    maxWhy: 'a poll would wait longer than any window needs',
  },
  lookback: { min: MINUTE, max: 90 * DAY, maxWhy: 'a backtest replays at most 90 days' },
  'flag-timeout': {
    min: 100,
    max: 10 * MINUTE,
    maxWhy: 'a flag is the fast rollback; a slower switch belongs in steps',
  },
  'verify-window': { min: SECOND, ...JOB_LIMIT },
  /** Below a minute no rollback could be verified in time; above, the job's own limit. */
  sla: { min: MINUTE, ...JOB_LIMIT },
  'smoke-backoff': {
    min: 0,
    max: 10 * MINUTE,
    maxWhy: 'a smoke check waiting longer between tries outlasts any SLA',
  },
  'step-timeout': { min: SECOND, ...JOB_LIMIT },
} as const satisfies Record<string, DurationLimit>;
export type DurationKind = keyof typeof DURATION_LIMITS;

/** What is wrong with a duration of this kind (an error), or what to know about it (a warning). */
export function checkDuration(
  kind: DurationKind,
  ms: number,
): { error: string } | { warning: string } | undefined {
  const limit: DurationLimit = DURATION_LIMITS[kind];
  if (ms < limit.min)
    return {
      error:
        limit.min === 0
          ? 'must not be negative'
          : `must be at least ${formatDuration(limit.min)}${kind === 'interval' ? ' (a shorter poll only loads the backend)' : ''}`,
    };
  if (ms > limit.max)
    return { error: `must be at most ${formatDuration(limit.max)} (${limit.maxWhy})` };
  if (limit.warnAbove !== undefined && ms > limit.warnAbove)
    return {
      warning: `is longer than ${formatDuration(limit.warnAbove)}: a GitHub-hosted runner stops a job at 6h, so this needs a self-hosted runner`,
    };
  return undefined;
}
