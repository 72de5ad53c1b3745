/**
 * The failing triggers judged again for a short window, from a moment on (the flags went off,
 * the rollback completed): each must breach on two polls in a row to still count as failing
 * (a `for: 10m` cannot be met in a 2-minute window, and the release has already failed once),
 * and query ranges are cut to the time since that moment. Used after flags and to verify.
 */
import * as core from '@actions/core';
import { forRejudging } from '../analysis/rules.js';
import type { Judgement } from '../analysis/verdict.js';
import { watch } from '../analysis/watch.js';
import type { Clock } from '../clock.js';
import { formatDuration } from '../duration.js';
import type { MetricSource } from '../metrics/sources.js';

export type Stability = {
  verdict: 'pass' | 'fail' | 'inconclusive';
  detail: string;
  /** A query the backend refused: a mistake in the policy, not data that may still come. */
  rejected?: boolean;
};

export async function judgeAgain(
  sources: readonly MetricSource[],
  options: {
    clock: Clock;
    windowMs: number;
    intervalMs: number;
    baselines: Record<string, number | undefined>;
    /** What it means when there is no trigger to judge. */
    nothingToJudge: Stability['verdict'];
  },
): Promise<Stability> {
  if (sources.length === 0)
    return { verdict: options.nothingToJudge, detail: 'no metric trigger to judge again' };
  const { clock, windowMs } = options;
  const intervalMs = Math.min(options.intervalMs, Math.max(1000, windowMs / 4));
  const since = clock.now();
  core.info(
    `Judging ${sources.map((s) => s.trigger.rule.name).join(', ')} again for ${formatDuration(windowMs)}, a poll every ${formatDuration(intervalMs)}`,
  );
  const result = await watch(
    sources.map((s) => ({ ...s, trigger: { ...s.trigger, rule: forRejudging(s.trigger.rule) } })),
    {
      clock,
      since,
      deployedAt: since,
      windowMs,
      intervalMs,
      baselines: options.baselines,
      log: (line) => core.info(line),
    },
  );
  return {
    verdict: verdictOf(result.judgement),
    detail: detailOf(result.judgement),
    ...(result.judgement.rejected?.length ? { rejected: true } : {}),
  };
}

function verdictOf(judgement: Judgement): Stability['verdict'] {
  return judgement.verdict === 'fail'
    ? 'fail'
    : judgement.verdict === 'pass'
      ? 'pass'
      : 'inconclusive';
}

function detailOf(judgement: Judgement): string {
  const first = judgement.failing[0];
  if (first) return `${first.name} still fails: ${first.detail}`;
  // A query the backend refuses is a mistake to fix, not data that may come.
  if (judgement.rejected?.length)
    return `${judgement.rejected.map((r) => `trigger '${r.name}' cannot be judged: ${r.why}`).join('; ')} (mode: validate checks it offline)`;
  if (judgement.verdict === 'pass') return 'every trigger passed';
  return judgement.unjudged.map((u) => `${u.name}: ${u.why}`).join('; ') || 'not judged';
}
