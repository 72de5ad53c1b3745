/**
 * Preflight, at capture: every trigger's source read once before the deploy starts, so bad
 * PromQL, refused credentials or a query that finds nothing are known now, not after.
 */
import type { MetricSource } from './sources.js';
import { messageOf, UserError, UserErrors } from '../errors.js';

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

/**
 * Preflight of every trigger, said in the log: errors stop the capture (and so the deploy);
 * warnings are shown and returned with the rest.
 */
export async function checkTriggers(
  sources: readonly MetricSource[],
  now: number,
  intervalMs: number,
  log: { info: (line: string) => void; warning: (line: string) => void },
): Promise<PreflightFinding[]> {
  const findings = await preflight(sources, now, intervalMs);
  for (const { trigger } of sources) {
    const finding = findings.find((f) => f.trigger === trigger.rule.name);
    if (!finding) log.info(`${trigger.rule.name}: ok (${trigger.provider})`);
    else if (finding.level === 'warning')
      log.warning(`preflight: trigger '${finding.trigger}': ${finding.message}`);
  }
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length)
    throw new UserErrors(
      errors.map((f) => new UserError(`preflight: trigger '${f.trigger}': ${f.message}`)),
    );
  return findings;
}
