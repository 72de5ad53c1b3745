/**
 * Verification after a rollback that took effect: every rolled-back target runs what the
 * snapshot captured (digests where it has them), the policy's smoke checks pass, and the
 * failing triggers pass when judged again for `verify.window`. Judged against `verify.sla`
 * from the decision on. `inconclusive` is never reported as verified.
 */
import * as core from '@actions/core';
import { messageOf } from '../errors.js';
import { clientFor } from '../kube/connect.js';
import { describeRef, findCaptured, type Snapshot } from '../kube/snapshot.js';
import type { MetricSource } from '../metrics/sources.js';
import type { ModeContext } from '../modes/context.js';
import type { TargetResult } from '../rollback/kubernetes.js';
import { parseDuration } from '../duration.js';
import { imagesMatch, readRunning } from './images.js';
import { judgeSla, slaOf, type SlaJudgement } from './sla.js';
import { runSmokeChecks, type SmokeResult } from './smoke.js';
import { judgeAgain, type Stability } from './stabilise.js';

export interface Verification {
  verified: boolean;
  images: { target: string; match: boolean; differences: string[] }[];
  smoke: SmokeResult[];
  stability: Stability;
  sla: SlaJudgement;
  /** Why it is not verified, in one line; unset when it is. */
  problem?: string;
}

/**
 * The stabilisation window: `verify.window`, else 2m, which is four polls at the default 30s
 * interval; with a shorter interval, four polls are enough (and never longer than the watch).
 */
export function stabiliseWindowMs(
  window: string | undefined,
  intervalMs: number,
  watchMs: number,
): number {
  const configured = window === undefined ? undefined : parseDuration(window);
  return configured ?? Math.min(120_000, 4 * intervalMs, watchMs);
}

export async function verifyRollback(
  context: ModeContext,
  options: {
    decidedAt: number;
    targets: readonly TargetResult[];
    snapshot: Snapshot | undefined;
    sources: readonly MetricSource[];
    baselines: Record<string, number | undefined>;
  },
): Promise<Verification> {
  const { config } = context;
  const policy = config.policy.verify;
  const images = await Promise.all(
    options.targets
      .filter((t) => t.outcome === 'rolled-back' || t.outcome === 'skipped')
      .flatMap((t) => {
        const captured = options.snapshot ? findCaptured(options.snapshot, t) : undefined;
        return captured ? [{ ref: t, captured }] : [];
      })
      .map(async ({ ref, captured }) => {
        const target = describeRef(ref);
        try {
          const running = await readRunning(clientFor(context.kube(), ref.context), ref);
          return { target, ...imagesMatch(captured, running) };
        } catch (error) {
          return { target, match: false, differences: [`not read: ${messageOf(error)}`] };
        }
      }),
  );
  const smoke = await runSmokeChecks(policy?.checks ?? [], {
    env: context.env,
    cwd: context.env.GITHUB_WORKSPACE || process.cwd(),
    setSecret: (s) => core.setSecret(s),
    log: (line) => core.info(line),
    clock: context.clock,
  });
  const stability = await judgeAgain(options.sources, {
    clock: context.clock,
    windowMs: stabiliseWindowMs(policy?.window, config.intervalMs.value, config.windowMs.value),
    intervalMs: config.intervalMs.value,
    baselines: options.baselines,
    nothingToJudge: 'pass',
  });
  const sla = judgeSla(options.decidedAt, context.clock.now(), slaOf(policy?.sla));
  const problems = [
    ...images.filter((i) => !i.match).map((i) => `${i.target}: ${i.differences.join('; ')}`),
    ...smoke.filter((s) => s.outcome === 'failed').map((s) => `smoke check ${s.name}: ${s.detail}`),
    ...(stability.verdict === 'pass'
      ? []
      : [
          stability.verdict === 'fail'
            ? `the triggers still fail: ${stability.detail}`
            : `not enough data to show the triggers pass: ${stability.detail}`,
        ]),
  ];
  return {
    verified: problems.length === 0,
    images,
    smoke,
    stability,
    sla,
    ...(problems.length ? { problem: problems.join('; ') } : {}),
  };
}
