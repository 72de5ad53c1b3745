import * as core from '@actions/core';
import { Outputs } from '../constants.js';
import { messageOf, UserError } from '../errors.js';
import { captureTargets } from '../kube/capture.js';
import { checkPermissions } from '../kube/permissions.js';
import {
  describeRef,
  findCaptured,
  writeSnapshot,
  type Snapshot,
  type TargetRef,
} from '../kube/snapshot.js';
import { captureBaselines, type Baseline } from '../metrics/baselines.js';
import type { MetricSource } from '../metrics/sources.js';
import { rolloutReport, targetOutcome, verificationReport } from '../report/json.js';
import {
  judgeDrill,
  rehearsalReport,
  rehearsalTitle,
  type Drill,
  type DrillLeg,
} from '../report/rehearsal.js';
import { describeDestination, executeRollback } from '../rollback/execute.js';
import { incidentIdentity } from '../report/incident-of-run.js';
import type { Destination } from '../rollback/kubernetes.js';
import { imagesAfter } from '../verify/images.js';
import { verifyState, type ExpectedImages } from '../verify/verify.js';
import type { RehearsalLegReport } from '../report/types.js';
import { snapshotNow, targetRefs, type ModeContext, type ModeResult } from './context.js';
import { triggerSources } from './metrics.js';
import { waitForRollouts } from './rollouts.js';

export const REHEARSAL_LABEL = 'rollback-rehearsal';

/**
 * `mode: rehearse`, on staging: the real rollback path run on purpose. Records what runs (on
 * disk before anything changes), rolls back to the previous release (or `to-revision`),
 * verifies and times it against the SLA, rolls forward to what ran before, verifies again, and
 * reports the drill. A broken path (no history, an image that does not start, a smoke check
 * failing on the old release) fails the step, and the roll forward still runs.
 */
export async function rehearse(context: ModeContext): Promise<ModeResult> {
  const { config } = context;
  const refs = targetRefs(context);
  // A drill runs the Kubernetes undo on purpose: settings for real incidents do not apply.
  if (config.approval.value === 'required')
    core.warning(
      'rollback-action: approval: required does not apply to a rehearsal: the drill rolls back and forward without one',
    );
  if (config.strategy.value !== 'auto' && config.strategy.value !== 'kubernetes')
    core.warning(
      `rollback-action: strategy: ${config.strategy.value} does not apply to a rehearsal: it drills the Kubernetes undo`,
    );
  const clients = context.kube();
  await checkPermissions(clients, refs, {
    purpose: 'rehearse',
    concurrency: config.concurrency,
    warn: (line) => core.warning(line),
  });
  // A drill on a service mid-rollout would undo someone's deploy: refuse before any change.
  const settled = await core.group('Rollout', () => waitForRollouts(context, refs));
  const unsettled = settled.filter((r) => r.state !== 'done');
  if (unsettled.length)
    throw new UserError(
      `no rehearsal: ${unsettled.map((r) => (r.state === 'unknown' ? `${r.target}: ${r.message}` : `${r.target} is not rolled out (${r.state}: ${r.message})`)).join('; ')}; nothing was changed`,
    );
  const destination: Destination = { kind: 'spec', spec: config.toRevision.value };
  // A revision someone named that a target does not have is a mistake in the input, not a
  // broken rollback path: said before anything changes, and no rehearsal issue is filed.
  if (config.toRevision.from !== 'default') await checkDestination(context, refs, destination);
  const sources = triggerSources(context);
  const start = await startingPoint(context, refs, sources);
  const baselines = Object.fromEntries(
    Object.entries(start.baselines ?? {}).map(([k, b]) => [k, b.value]),
  );
  const dryRun = config.dryRun ? 'dry-run' : undefined;

  // Back to where staging was, whatever the rollback found: once, from whichever asks first.
  let undoing: Promise<unknown> | undefined;
  let forwarding: Promise<DrillLeg> | undefined;
  const rollForward = (verify = true): Promise<DrillLeg> =>
    (forwarding ??= leg(
      context,
      refs,
      { kind: 'snapshot', snapshot: start },
      undefined,
      () => undefined,
      // Cancelled: back first and fast; the runner kills the step seconds after its signal.
      !verify
        ? undefined
        : (done) => ({
            expected: done.flatMap((r) => {
              const captured = findCaptured(start, r);
              return captured && r.outcome !== 'failed' ? [{ ref: r, images: captured }] : [];
            }),
            sources,
            baselines,
          }),
    ));
  // A cancelled run (the runner sends SIGINT, then SIGTERM) must not leave staging on the
  // old release: roll forward at once, then end as the signal asked.
  const cancelled = (signal: NodeJS.Signals): void => {
    core.warning(
      `rollback-action: the rehearsal was cancelled (${signal}): rolling forward to the release that ran before the drill`,
    );
    // An undo in flight ends first: rolling forward under it could leave the old release.
    void (undoing ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => rollForward(false))
      .then((l) =>
        core.info(
          `rolled forward after the cancel: ${l.results.map((r) => `${describeRef(r)} ${r.outcome}`).join(', ')}`,
        ),
      )
      .finally(() => {
        stopListening();
        process.kill(process.pid, signal);
      });
  };
  const stopListening = (): void => {
    process.off('SIGINT', cancelled);
    process.off('SIGTERM', cancelled);
  };
  if (!dryRun) {
    process.once('SIGINT', cancelled);
    process.once('SIGTERM', cancelled);
  }
  let rollback: DrillLeg;
  let forward: DrillLeg | undefined;
  try {
    rollback = await core.group('Rehearsal: roll back', () =>
      leg(
        context,
        refs,
        destination,
        dryRun,
        (undo) => {
          undoing = undo;
        },
        (done) => ({
          expected: done.flatMap((r) => {
            const captured = findCaptured(start, r);
            return r.outcome === 'rolled-back' && captured
              ? [
                  {
                    ref: r,
                    images: imagesAfter(captured.images, r.diff),
                    against: 'the release rolled back to',
                  },
                ]
              : [];
          }),
          sources,
          baselines,
        }),
      ),
    );
  } finally {
    // Also when the rollback leg threw: staging goes back before the error is reported.
    if (!dryRun) forward = await core.group('Rehearsal: roll forward', () => rollForward());
    stopListening();
  }

  const drill: Drill = {
    service: incidentIdentity(refs, context.env.GITHUB_REPOSITORY).service,
    destination: describeDestination(destination),
    dryRun: dryRun !== undefined,
    rollback,
    ...(forward ? { forward } : {}),
  };
  const judgement = judgeDrill(drill);
  const report = rehearsalReport(drill, judgement, context.run.runUrl);
  const issue =
    config.policy.rehearsal?.issue && !dryRun
      ? await fileRehearsal(context, drill, judgement, report)
      : undefined;
  const headline = `rehearsal ${dryRun ? 'planned (dry run)' : judgement.passed ? 'passed' : 'failed'}`;
  if (judgement.passed) core.info(`${headline}: ${rehearsalTitle(drill, judgement)}`);
  if (context.env.GITHUB_STEP_SUMMARY)
    await core.summary
      .addRaw(report)
      .addRaw(issue && 'url' in issue ? `Filed as [#${issue.number}](${issue.url}).\n` : '')
      .write();
  const verified =
    rollback.verification && forward?.verification
      ? rollback.verification.verified && forward.verification.verified
      : undefined;
  return {
    outputs: {
      // The drill's verdict: healthy when the rollback path works, rollback-failed when not.
      [Outputs.Verdict]: dryRun
        ? 'rollback-recommended'
        : judgement.passed
          ? 'healthy'
          : 'rollback-failed',
      [Outputs.Strategy]: 'kubernetes',
      [Outputs.RolledBack]: 'false',
      ...(verified !== undefined ? { [Outputs.Verified]: String(verified) } : {}),
      ...(judgement.rollbackSeconds !== undefined
        ? { [Outputs.RollbackSeconds]: judgement.rollbackSeconds.toFixed(1) }
        : {}),
    },
    report: {
      rehearsal: {
        passed: judgement.passed,
        'dry-run': drill.dryRun,
        problems: judgement.problems,
        'rollback-seconds': judgement.rollbackSeconds ?? null,
        'started-from': start.capturedAt,
        'rolled-back-to': drill.destination,
        rollback: legReport(rollback),
        'roll-forward': forward ? legReport(forward) : null,
        issue: issue ?? null,
      },
      rollout: settled.map(rolloutReport),
    },
    ...(judgement.passed || dryRun
      ? {}
      : {
          failure: `the rehearsal found the rollback path broken: ${judgement.problems.join('; ')}`,
        }),
  };
}

/** What runs now, with the baselines, written to disk before the drill changes anything. */
async function startingPoint(
  context: ModeContext,
  refs: readonly TargetRef[],
  sources: readonly MetricSource[],
): Promise<Snapshot> {
  const { config, clock } = context;
  const targets = await captureTargets(context.kube(), refs, { concurrency: config.concurrency });
  const baselines: Record<string, Baseline> | undefined = sources.length
    ? await captureBaselines(sources, clock, {
        intervalMs: config.intervalMs.value,
        baselineWindowMs: config.baselineWindowMs,
      })
    : undefined;
  const snapshot = snapshotNow(context, targets, baselines);
  const { file } = await writeSnapshot(snapshot, context.run.runnerTemp);
  core.info(`Starting point recorded in ${file}: the roll forward returns to it`);
  return snapshot;
}

/** One leg of the drill: the undo across every context, then its verification. */
async function leg(
  context: ModeContext,
  refs: readonly TargetRef[],
  destination: Destination,
  planOnly: string | undefined,
  /** The undo as it starts: a cancel waits for it before rolling forward. */
  started: (undo: Promise<unknown>) => void,
  toVerify:
    | ((done: Awaited<ReturnType<typeof executeRollback>>['results']) => {
        expected: ExpectedImages[];
        sources: readonly MetricSource[];
        baselines: Record<string, number | undefined>;
      })
    | undefined,
): Promise<DrillLeg> {
  const startedAt = context.clock.now();
  if (destination.kind === 'snapshot')
    core.info('Rolling forward to the release that ran before the drill:');
  const undo = executeRollback(context, refs, destination, planOnly);
  started(undo);
  const done = await undo;
  const finishedAt = context.clock.now();
  if (
    !toVerify ||
    planOnly ||
    (!done.rolledBack && done.results.every((r) => r.outcome !== 'failed'))
  )
    return { startedAt, finishedAt, results: done.results };
  // The SLA is the rollback's: the roll forward is verified, not timed against it. A target
  // that failed is not where it should be: the leg is not verified, whatever the others say.
  const verification = await verifyState(context, {
    ...(destination.kind === 'spec' ? { decidedAt: startedAt } : {}),
    ...toVerify(done.results),
    problems: done.results
      .filter((r) => r.outcome === 'failed')
      .map((r) => `${describeRef(r)} did not change: ${r.message}`),
  });
  return { startedAt, finishedAt, results: done.results, verification };
}

function legReport(l: DrillLeg): RehearsalLegReport {
  return {
    'started-at': new Date(l.startedAt).toISOString(),
    'finished-at': new Date(l.finishedAt).toISOString(),
    targets: l.results.map(targetOutcome),
    verification: l.verification ? verificationReport(l.verification) : null,
  };
}

/** The drill as an issue labelled rollback-rehearsal: best effort, never an incident. */
async function fileRehearsal(
  context: ModeContext,
  drill: Drill,
  judgement: ReturnType<typeof judgeDrill>,
  body: string,
): Promise<{ number: number; url: string } | { problem: string }> {
  const github = context.github();
  if (!github) {
    const problem =
      'the rehearsal was not filed as an issue: the step has no github-token or GITHUB_REPOSITORY';
    core.warning(`rollback-action: ${problem}`);
    return { problem };
  }
  try {
    const labels = [
      ...new Set([REHEARSAL_LABEL, ...(context.config.policy.rehearsal?.labels ?? [])]),
    ];
    const issue = await github.createIssue({
      title: rehearsalTitle(drill, judgement),
      body,
      labels,
    });
    core.info(`Rehearsal filed: #${issue.number} ${issue.url}`);
    return { number: issue.number, url: issue.url };
  } catch (error) {
    const problem = `the rehearsal was not filed as an issue: ${messageOf(error)}`;
    core.warning(`rollback-action: ${problem}`);
    return { problem };
  }
}

/** Plans the rollback without making it: a target that cannot go to `destination` is refused. */
async function checkDestination(
  context: ModeContext,
  refs: readonly TargetRef[],
  destination: Destination,
): Promise<void> {
  const planned = await core.group('Rehearsal: the named revision', () =>
    executeRollback(context, refs, destination, 'checking to-revision'),
  );
  const missing = planned.results.filter((r) => r.outcome === 'failed');
  if (missing.length)
    throw new UserError(
      `${context.config.toRevision.from === 'input' ? "input 'to-revision'" : 'policy rollback.to-revision'}: ${missing.map((r) => `${describeRef(r)}: ${r.message}`).join('; ')}; no rehearsal, nothing was changed`,
    );
}
