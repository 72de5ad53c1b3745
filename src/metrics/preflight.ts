/**
 * Preflight, at capture: every trigger's source read once before the deploy starts, so bad
 * PromQL, refused credentials or a query that finds nothing are known now, not after.
 */
import type { MetricSource } from './sources.js';
import { messageOf } from '../errors.js';

export interface PreflightFinding {
  trigger: string;
  level: 'error' | 'warning';
  message: string;
}

/** Every trigger's source read once, before the deploy; what would keep it from judging. */
export async function preflight(
  sources: readonly MetricSource[],
  now: number,
  intervalMs: number,
): Promise<PreflightFinding[]> {
  const found = await Promise.all(
    sources.map(async (s) => {
      const finding = await s
        .check({ now, since: now, intervalMs })
        .catch((e: unknown) => ({ level: 'error' as const, message: messageOf(e) }));
      return finding ? { trigger: s.trigger.rule.name, ...finding } : undefined;
    }),
  );
  return found.filter((f) => f !== undefined);
}
