import * as core from '@actions/core';
import { rolloutTrigger, type RolloutOutcome } from '../analysis/rollout.js';
import { describeWatched, unreachableTriggers } from '../analysis/rules.js';
import type { TriggerState } from '../analysis/triggers.js';
import type { Judgement } from '../analysis/verdict.js';
import { watch, type WatchResult } from '../analysis/watch.js';
import { Outputs, type InconclusiveAction, type Verdict } from '../constants.js';
import { formatDuration } from '../duration.js';
import { messageOf, UserError, UserErrors } from '../errors.js';
import type { Snapshot, TargetRef } from '../kube/snapshot.js';
import type { PodTemplate } from '../kube/types.js';
import { resolveBaselines, type Baseline } from '../metrics/baselines.js';
import type { MetricSource } from '../metrics/sources.js';
import { describeBaseline, gradeNote } from '../report/evidence.js';
import { baselineReports, ledgerReport, rolloutReport } from '../report/json.js';
import { formatTimestamp } from '../time.js';
import { goodRelease, targetRefs, type ModeContext, type ModeResult } from './context.js';
import { waitForRollouts } from './rollouts.js';
import { recordGoodRelease, type LedgerRecord } from '../kube/ledger.js';
import { CHANGED_SINCE_JUDGED } from '../kube/undo.js';
import { staleRevertsSection } from '../report/stale-reverts.js';
import { mergedReverts, settleStaleReverts, withReverts } from './stale-reverts.js';
import type { MergedRevert } from '../rollback/stale-reverts.js';
import { triggerSources } from './metrics.js';
import { deployTime, scopeProblems } from '../decide/gather.js';
import { evidenceOf, guardSummary, notCounted } from '../report/guard-summary.js';
import { capturedSnapshot } from '../rollback/execute.js';
import {
  markRolledBackDeployment,
  respond,
  rollbackReport,
  sectionOf,
  type Response,
} from '../rollback/respond.js';
import { failingTriggers } from '../decide/gather.js';
import { planSection } from '../report/plan.js';
import { fileIncident, incidentRange, responseFacts } from '../rollback/incident.js';
import { incidentNote } from '../report/incident.js';
import { verificationReport } from '../report/json.js';
import { verificationSection } from '../report/verify-summary.js';
import { plural } from '../text.js';

/**
 * `mode: guard`, after the deploy: waits for the rollout (a rollout that cannot complete
 * fails at once), then watches every trigger for the window and judges. A failing verdict
 * rolls the targets back to the snapshot (or `to-revision`) unless approval is required;
 * missing data never rolls back, it ends inconclusive; a healthy release is recorded in the
 * ledger as the last verified-good one.
 */
export async function guard(context: ModeContext): Promise<ModeResult> {
  const { config } = context;
  const sources = triggerSources(context);
  const hasTargets = config.targets.value.length > 0;
  if (sources.length === 0 && !hasTargets)
    throw new UserError(
      "nothing to guard: set 'targets' (their rollout is watched) or triggers in the policy (preset: runbook, or triggers:)",
    );
  const snapshot = capturedSnapshot(context);
  const refs = hasTargets ? targetRefs(context) : [];
  const scoped = scopeProblems(config, refs);
  if (scoped.length) throw new UserErrors(scoped.map((m) => new UserError(m)));
  // A flag's secret missing now would be found only at 3 a.m., after the watch: say it now.
  for (const flag of config.policy.flags ?? [])
    for (const [header, variable] of Object.entries(flag.request?.['headers-env'] ?? {}))
      if (!context.env[variable])
        core.warning(
          `rollback-action: flag '${flag.name}' (${config.policyFile ?? 'policy'}): headers-env ${header} names ${variable}, which is not set in this step; the flag cannot be turned off`,
        );

  const judged = new Map<string, PodTemplate>();
  const rollout = refs.length
    ? await core.group('Rollout', () => waitForRollouts(context, refs, judged))
    : [];
  const rolloutState = rolloutTrigger(rollout);
  const deployedAt = await deployTime(context, refs, snapshot);
  core.info(
    `Deploy at ${formatTimestamp(deployedAt)} (${snapshot ? 'the capture' : refs.length ? 'the current revision' : 'now'}); ${plural(sources.length, 'trigger')}`,
  );

  let baselines: Record<string, Baseline> = {};
  let watched: WatchResult | undefined;
  let judgement: Judgement;
  if (context.cancelled?.aborted) {
    // Cancelled while the rollout was awaited: nothing to judge, and no watch to start.
    judgement = {
      verdict: 'inconclusive',
      severity: undefined,
      failing: [],
      unjudged: [],
      failStep: false,
      cancelled: String(context.cancelled.reason),
      cancelledDuring: 'the rollout wait',
    };
  } else if (rolloutState.status === 'fail') {
    core.info(`rollout failed: ${rolloutState.detail}`);
    judgement = {
      verdict: 'fail',
      severity: rolloutState.severity,
      failing: [rolloutState],
      unjudged: [],
      failStep: false,
    };
  } else {
    if (sources.length) {
      baselines = await core.group('Baselines', async () => {
        const found = await resolveBaselines(
          sources,
          snapshot?.baselines,
          deployedAt,
          config.baselineWindowMs,
        );
        for (const [name, b] of Object.entries(found))
          core.info(`${name}: baseline ${describeBaseline(b)}`);
        return found;
      });
      watched = await core.group('Watch', () =>
        watchSources(context, sources, baselines, deployedAt),
      );
    }
    for (const line of notCounted(watched?.observations ?? {})) core.info(line);
    judgement = withRollout(watched?.judgement, rolloutState);
  }

  const detectedAt = context.clock.now();
  const outcome = await act(context, judgement, refs, {
    rollout,
    snapshot,
    sources,
    baselines,
    judged,
  });
  // A healthy release supersedes the revert pull requests that would roll back past it.
  const staleReverts =
    outcome.verdict === 'healthy' && !config.dryRun
      ? await settleStaleReverts(context, refs, outcome.merged ?? null)
      : null;
  // A rollback that failed, or that cannot be shown to have worked, is the runbooks' P0.
  if (
    judgement.severity !== 'P0' &&
    (outcome.verdict === 'rollback-failed' || outcome.response?.verification?.verified === false)
  )
    judgement = {
      ...judgement,
      severity: 'P0',
      // Said in the headline: a P2 trigger's run that reads P0 must say why.
      escalation: {
        name: 'rollback',
        severity: 'P0',
        detail:
          outcome.verdict === 'rollback-failed'
            ? 'the rollback failed'
            : 'the rollback is not verified (the runbooks escalate that to P0)',
      },
    };
  const states = [rolloutState, ...(watched?.states ?? [])];
  const headline = headlineOf(judgement, outcome, config.windowMs.value);
  const failure = failureOf(outcome, judgement, headline, config.inconclusive.value);
  const deployments = outcome.response
    ? await markRolledBackDeployment(context, outcome.response.run, headline)
    : undefined;
  const incident = outcome.response
    ? await fileIncident(
        context,
        responseFacts(context, refs, outcome.response, {
          verdict: outcome.verdict,
          severity: judgement.severity,
          headline,
          deployedAt,
          detectedAt,
          states,
          observations: watched?.observations ?? {},
          range: await incidentRange(context, refs, outcome.response, snapshot),
        }),
      )
    : undefined;
  // A failing step gets its one error line from main (the failure); the rest say it here.
  if (failure === undefined)
    (outcome.verdict === 'inconclusive' ? core.warning : core.info)(
      `${outcome.verdict}: ${headline}`,
    );

  if (context.env.GITHUB_STEP_SUMMARY)
    await core.summary
      .addRaw(
        guardSummary({
          verdict: outcome.verdict,
          severity: judgement.severity,
          headline,
          states,
          observations: watched?.observations ?? {},
          rollout,
          rollback: undefined,
          ledger: outcome.ledger,
          deployedAt,
          ...(judgement.cancelled ? { cancelled: judgement.cancelled } : {}),
        }) +
          (outcome.response ? planSection(sectionOf(outcome.response)) : '') +
          (outcome.response?.verification
            ? verificationSection(outcome.response.verification)
            : '') +
          incidentNote(incident) +
          staleRevertsSection(staleReverts),
      )
      .write();
  return {
    outputs: {
      [Outputs.Verdict]: outcome.verdict,
      [Outputs.Strategy]: outcome.response?.run.strategy ?? 'none',
      [Outputs.RolledBack]: String(outcome.response?.run.rolledBack ?? false),
      ...(outcome.response?.run.changed
        ? { [Outputs.RollbackSeconds]: outcome.response.secondsToVerified.toFixed(1) }
        : {}),
      ...(outcome.response?.verification
        ? { [Outputs.Verified]: String(outcome.response.verification.verified) }
        : {}),
      ...(incident && 'url' in incident ? { [Outputs.IncidentUrl]: incident.url } : {}),
      ...(outcome.response ? { [Outputs.Plan]: JSON.stringify(outcome.response.plan) } : {}),
    },
    report: {
      verdict: outcome.verdict,
      severity: judgement.severity ?? null,
      'severity-from': judgement.escalation ?? null,
      headline,
      'deployed-at': formatTimestamp(deployedAt),
      watch: watched
        ? {
            'window-ms': config.windowMs.value,
            'interval-ms': config.intervalMs.value,
            polls: watched.polls,
            'elapsed-ms': watched.elapsedMs,
          }
        : null,
      triggers: states.map((s) => evidenceOf(s, watched?.observations[s.name] ?? [])),
      unjudged: judgement.unjudged,
      baselines: baselineReports(baselines),
      rollout: rollout.map(rolloutReport),
      decision: outcome.response?.plan ?? null,
      rollback: outcome.response ? rollbackReport(outcome.response) : null,
      ledger: outcome.ledger?.map(ledgerReport) ?? null,
      deployments: deployments ?? null,
      incident: incident ?? null,
      'stale-reverts': staleReverts,
      verification: outcome.response?.verification
        ? verificationReport(outcome.response.verification)
        : null,
    },
    failure,
  };
}

function watchSources(
  context: ModeContext,
  sources: readonly MetricSource[],
  baselines: Record<string, Baseline>,
  deployedAt: number,
): Promise<WatchResult> {
  const { config, clock } = context;
  for (const warning of unreachableTriggers(
    sources.map((s) => s.trigger.rule),
    config.windowMs.value,
    config.intervalMs.value,
  ))
    core.warning(warning);
  core.info(
    `Watching for ${formatDuration(config.windowMs.value)}, a poll every ${formatDuration(config.intervalMs.value)}:`,
  );
  for (const { trigger } of sources)
    core.info(
      `  ${describeWatched(trigger, baselines[trigger.rule.name]?.value)}${trigger.origin ? `  [${trigger.origin.source}]` : ''}`,
    );
  return watch(
    sources.map((source) => withKnownAlerts(source, baselines[source.trigger.rule.name])),
    {
      clock,
      since: clock.now(),
      deployedAt,
      windowMs: config.windowMs.value,
      intervalMs: config.intervalMs.value,
      baselines: Object.fromEntries(Object.entries(baselines).map(([k, b]) => [k, b.value])),
      log: (line) => core.info(line),
      ...(context.cancelled ? { cancelled: context.cancelled } : {}),
    },
  );
}

/** An alert trigger reads with the alerts its capture saw firing: those are the baseline. */
function withKnownAlerts(source: MetricSource, baseline: Baseline | undefined): MetricSource {
  if (!baseline?.alerts) return source;
  const knownAlerts = new Set(baseline.alerts);
  return { ...source, read: (window) => source.read({ ...window, knownAlerts }) };
}

/** A rollout whose status could not be read leaves a passing watch inconclusive. */
function withRollout(watched: Judgement | undefined, rollout: TriggerState): Judgement {
  const base: Judgement = watched ?? {
    verdict: 'pass',
    severity: undefined,
    failing: [],
    unjudged: [],
    failStep: false,
  };
  if (rollout.status !== 'no-data' || base.verdict === 'fail') return base;
  return {
    ...base,
    verdict: 'inconclusive',
    unjudged: [...base.unjudged, { name: rollout.name, why: rollout.detail }],
  };
}

interface Outcome {
  verdict: Verdict;
  response?: Response;
  ledger?: LedgerRecord[];
  /** Merged revert pull requests this healthy release carries (null: GitHub not asked). */
  merged?: MergedRevert[] | null;
}

interface Watched {
  rollout: readonly RolloutOutcome[];
  snapshot: Snapshot | undefined;
  sources: readonly MetricSource[];
  baselines: Record<string, Baseline>;
  judged: ReadonlyMap<string, PodTemplate>;
}

async function act(
  context: ModeContext,
  judgement: Judgement,
  refs: readonly TargetRef[],
  seen: Watched,
): Promise<Outcome> {
  const { config } = context;
  if (judgement.verdict === 'inconclusive') return { verdict: 'inconclusive' };
  if (judgement.verdict !== 'fail') {
    if (config.dryRun) return { verdict: 'healthy' };
    // The merged reverts this release carries: recorded with it, and settled after it.
    const merged = await mergedReverts(context, refs);
    if (!refs.length) return { verdict: 'healthy', merged };
    try {
      return {
        verdict: 'healthy',
        merged,
        ledger: await recordGoodRelease(
          context.kube(),
          refs,
          withReverts(goodRelease(context), merged),
          { concurrency: context.config.concurrency, log: (line) => core.info(line) },
        ),
      };
    } catch (error) {
      core.warning(`healthy, but not recorded as last-good: ${messageOf(error)}`);
      return { verdict: 'healthy', merged };
    }
  }
  const failingNames = new Set(judgement.failing.map((s) => s.name));
  const first = judgement.failing[0];
  const response = await respond(context, {
    refs,
    failing: failingTriggers(judgement, config, seen.rollout, refs),
    manual: false,
    snapshot: seen.snapshot,
    judged: seen.judged,
    verdict: 'fail',
    headline: first ? `${first.name} (${first.severity}): ${first.detail}` : 'the deploy failed',
    severity: judgement.severity,
    rejudge: {
      sources: seen.sources.filter((s) => failingNames.has(s.trigger.rule.name)),
      baselines: Object.fromEntries(Object.entries(seen.baselines).map(([k, b]) => [k, b.value])),
    },
  });
  return { verdict: response.run.verdict, response };
}

/** Every target was left alone because another run (or a deploy) changed it first. */
function leftToAnotherRun(outcome: Outcome): boolean {
  const results = outcome.response?.kubernetes.results ?? [];
  return (
    results.length > 0 &&
    results.every(
      (r) => r.outcome === 'skipped' && r.message === `skipped: ${CHANGED_SINCE_JUDGED}`,
    )
  );
}

function headlineOf(judgement: Judgement, outcome: Outcome, windowMs: number): string {
  const first = judgement.failing[0];
  if (first) {
    const run = outcome.response?.run;
    const acted = !run
      ? ''
      : run.verdict === 'rolled-back'
        ? run.changed
          ? `; rolled back (${run.strategy}) in ${outcome.response?.seconds.toFixed(1) ?? '?'} s`
          : leftToAnotherRun(outcome)
            ? '; nothing changed by this run: the targets changed since it judged them (another run rolled them back, or a new deploy came), so they were left as they are'
            : '; already at the rollback target: nothing to change'
        : run.verdict === 'rollback-failed'
          ? '; the rollback failed'
          : `; ${run.summary}`;
    return `${first.name} (${first.severity}): ${first.detail}${gradeNote(judgement)}${acted}`;
  }
  if (judgement.cancelled)
    return `the run was cancelled (${judgement.cancelled}) during ${judgement.cancelledDuring ?? 'the watch'}: nothing was judged or rolled back`;
  if (judgement.verdict === 'inconclusive')
    return `not enough data to judge: ${judgement.unjudged.map((u) => `${u.name} (${u.why})`).join(', ')}; nothing was rolled back`;
  return `every trigger passed for ${formatDuration(windowMs)}`;
}

function failureOf(
  outcome: Outcome,
  judgement: Judgement,
  headline: string,
  inconclusive: InconclusiveAction,
): string | undefined {
  const run = outcome.response?.run;
  if (run?.verdict === 'rollback-failed' && run.failure) return run.failure;
  if (judgement.rejected?.length)
    return `${judgement.rejected.map((r) => `trigger '${r.name}': ${r.why}`).join('; ')}; nothing was judged or rolled back: fix the trigger (mode: validate checks it offline)`;
  if (outcome.verdict === 'rolled-back') return `the deploy was rolled back: ${headline}`;
  if (outcome.verdict === 'rollback-recommended') return `rollback recommended: ${headline}`;
  if (outcome.verdict === 'inconclusive' && judgement.failStep)
    return `inconclusive, and a trigger has no-data: fail: ${headline}`;
  if (outcome.verdict === 'inconclusive' && inconclusive === 'fail')
    return `inconclusive, and watch.inconclusive is fail: ${headline}`;
  return undefined;
}
