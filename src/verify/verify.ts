/**
 * Verification after a rollback that took effect: every rolled-back target runs what the
 * snapshot captured (digests where it has them), the policy's smoke checks pass, and the
 * failing triggers pass when judged again for `verify.window`. Judged against `verify.sla`
 * from the decision on. `inconclusive` is never reported as verified.
 */
import { maskSecret } from '../secrets.js';
import * as core from '@actions/core';
import { messageOf } from '../errors.js';
import { clientFor } from '../kube/client.js';
import {
  describeRef,
  findCaptured,
  type CapturedTarget,
  type Snapshot,
  type TargetRef,
} from '../kube/snapshot.js';
import type { MetricSource } from '../metrics/sources.js';
import type { ModeContext } from '../modes/context.js';
import type { TargetResult } from '../rollback/kubernetes.js';
import { parseDuration } from '../duration.js';
import { imagesMatch, readRunning } from './images.js';
import { judgeSla, slaOf, type SlaJudgement } from './sla.js';
import { runSmokeChecks, type SmokeResult } from './smoke.js';
import { judgeAgain, type Stability } from './stabilise.js';

export interface ImageCheck {
  target: string;
  match: boolean;
  differences: string[];
  /** What the images were compared with, when not the capture: `revision 3`, `its template`. */
  against?: string;
}

/** What a target should run after the change being verified. */
export interface ExpectedImages {
  ref: TargetRef;
  images: Pick<CapturedTarget, 'images' | 'digests'>;
  against?: string;
}

export interface Verification {
  verified: boolean;
  images: ImageCheck[];
  smoke: SmokeResult[];
  stability: Stability;
  /** Decision to verified, against `verify.sla`; unset when nothing was decided (mode verify). */
  sla?: SlaJudgement;
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

/** After a rollback: the rolled-back targets against the snapshot, the SLA from the decision. */
export function verifyRollback(
  context: ModeContext,
  options: {
    decidedAt: number;
    targets: readonly TargetResult[];
    snapshot: Snapshot | undefined;
    sources: readonly MetricSource[];
    baselines: Record<string, number | undefined>;
  },
): Promise<Verification> {
  const expected = options.targets
    .filter((t) => t.outcome === 'rolled-back' || t.outcome === 'skipped')
    .flatMap((ref) => {
      const captured = options.snapshot ? findCaptured(options.snapshot, ref) : undefined;
      return captured ? [{ ref, images: captured }] : [];
    });
  return verifyState(context, { ...options, expected });
}

/**
 * Is the service where it should be: each target runs what is expected, the smoke checks
 * pass, and the triggers pass when judged again; timed against the SLA when a decision
 * started the clock.
 */
export async function verifyState(
  context: ModeContext,
  options: {
    decidedAt?: number;
    expected: readonly ExpectedImages[];
    sources: readonly MetricSource[];
    baselines: Record<string, number | undefined>;
    /** Problems found before (a rollout that did not complete): they fail verification too. */
    problems?: readonly string[];
  },
): Promise<Verification> {
  const { config } = context;
  const policy = config.policy.verify;
  const images = await Promise.all(
    options.expected.map(async ({ ref, images: wanted, against }): Promise<ImageCheck> => {
      const target = describeRef(ref);
      const was = against ? { against } : {};
      try {
        const running = await readRunning(clientFor(context.kube(), ref.context), ref);
        return { target, ...imagesMatch(wanted, running), ...was };
      } catch (error) {
        return { target, match: false, differences: [`not read: ${messageOf(error)}`], ...was };
      }
    }),
  );
  const smoke = await runSmokeChecks(policy?.checks ?? [], {
    env: context.env,
    cwd: context.env.GITHUB_WORKSPACE || process.cwd(),
    setSecret: maskSecret,
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
  const problems = [
    ...(options.problems ?? []),
    ...images.filter((i) => !i.match).map((i) => `${i.target}: ${i.differences.join('; ')}`),
    ...smoke.filter((s) => s.outcome === 'failed').map((s) => `smoke check ${s.name}: ${s.detail}`),
    ...(stability.verdict === 'pass'
      ? []
      : [
          stability.verdict === 'fail'
            ? `the triggers still fail: ${stability.detail}`
            : stability.rejected
              ? `the triggers cannot be judged: ${stability.detail}`
              : `not enough data to show the triggers pass: ${stability.detail}`,
        ]),
  ];
  // Unverified is never within the SLA: the clock has not stopped.
  const sla =
    options.decidedAt === undefined
      ? undefined
      : judgeSla(options.decidedAt, context.clock.now(), slaOf(policy?.sla), problems.length === 0);
  return {
    verified: problems.length === 0,
    images,
    smoke,
    stability,
    ...(sla ? { sla } : {}),
    ...(problems.length ? { problem: problems.join('; ') } : {}),
  };
}
