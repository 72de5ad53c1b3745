import * as core from '@actions/core';
import { Outputs } from '../constants.js';
import { readPlan } from '../decide/plan-file.js';
import type { Plan } from '../decide/plan.js';
import { messageOf, UserError } from '../errors.js';
import type { MetricSource } from '../metrics/sources.js';
import { planSection } from '../report/plan.js';
import { verificationReport } from '../report/json.js';
import { verificationSection } from '../report/verify-summary.js';
import { describeDestination, chooseDestination, capturedSnapshot } from '../rollback/execute.js';
import {
  markRolledBackDeployment,
  respond,
  rollbackReport,
  sectionOf,
} from '../rollback/respond.js';
import { fileIncident, incidentDue, incidentRange, responseFacts } from '../rollback/incident.js';
import { incidentNote } from '../report/incident.js';
import { escapeText } from '../report/markdown.js';
import { clientFor } from '../kube/client.js';
import { readReleases } from '../kube/releases.js';
import type { TargetResult } from '../rollback/kubernetes.js';
import { targetRefs, type ModeContext, type ModeResult } from './context.js';
import { triggerSources } from './metrics.js';

/**
 * `mode: rollback`: on demand, or to carry out a plan a guard made when approval was required
 * (input `plan`). Without a plan the decision is made here, as the guard makes it, for every
 * target: back to the captured snapshot (when a capture step ran, or `snapshot` is given), else
 * to `to-revision`; a service without targets is reverted in git. With `dry-run`, `approval:
 * required` or `strategy: none` it only plans.
 */
export async function rollback(context: ModeContext): Promise<ModeResult> {
  const { config } = context;
  const approved = config.plan === undefined ? undefined : readPlan(config.plan);
  // Inputs first (the snapshot is read before any cluster is), then the clusters.
  const snapshot = capturedSnapshot(context);
  const refs = approved ? [] : config.targets.value.length ? targetRefs(context) : [];
  if (approved) checkPlanContexts(approved, context);
  if (config.reason) core.info(`Reason: ${config.reason}`);
  const failingNames = new Set(approved?.triggers ?? []);
  const stored = Object.fromEntries(
    Object.entries(snapshot?.baselines ?? {}).map(([name, b]) => [name, b.value]),
  );
  // An approved plan judges again what failed; a manual rollback shows every trigger passes
  // (a relative one only against the capture's baseline: the one before now is the bad release's).
  const sources = approved
    ? approved.stages.some((s) => s['verify-ms'] !== undefined)
      ? triggerSources(context).filter((s) => failingNames.has(s.trigger.rule.name))
      : []
    : judgeable(context, stored);
  const reason = config.reason ?? (approved ? 'an approved plan' : 'a manual rollback');
  const response = await respond(context, {
    refs,
    failing: [{ name: 'manual' }],
    manual: approved === undefined,
    snapshot,
    verdict: 'manual',
    headline: reason,
    rejudge: { sources, baselines: stored },
    ...(approved ? { approved } : {}),
  });
  const { run } = response;
  const deployments = await markRolledBackDeployment(context, run, run.summary);
  const actor = context.env.GITHUB_ACTOR;
  // When the undone release went out (for the incident only, read after the undo, never
  // before it): the capture's time, else its revision's, else the decision's.
  const deployedAt = snapshot
    ? Date.parse(snapshot.capturedAt)
    : incidentDue(context, run.verdict)
      ? ((await undoneReleaseTime(context, response.kubernetes.results)) ?? response.decidedAt)
      : response.decidedAt;
  const incident = await fileIncident(
    context,
    responseFacts(
      context,
      refs,
      response,
      {
        verdict: run.verdict,
        // A person chose to roll back: the severity is theirs to set in the issue.
        severity: undefined,
        headline: `${approved ? 'an approved plan carried out' : 'a manual rollback'}${actor ? ` by ${actor}` : ''}: ${reason}; ${run.summary}`,
        deployedAt,
        detectedAt: response.decidedAt,
        states: [],
        observations: {},
        range: await incidentRange(context, refs, response, snapshot),
      },
      approved === undefined,
    ),
  );

  if (context.env.GITHUB_STEP_SUMMARY) {
    const to = approved ? 'the approved plan' : describeDestination(chooseDestination(context));
    await core.summary
      .addRaw(`## rollback-action: ${run.verdict}\n\n`)
      .addRaw(
        `${approved ? 'Carried out' : 'Back to'} ${to}${config.reason ? `, because: ${escapeText(config.reason)}` : ''}: ${run.summary}. ${response.seconds.toFixed(1)} s in all.\n\n`,
      )
      .addRaw(planSection(sectionOf(response)))
      .addRaw(response.verification ? verificationSection(response.verification) : '')
      .addRaw(incidentNote(incident))
      .addEOL()
      .write();
  }
  const outputs = {
    [Outputs.Verdict]: run.verdict,
    [Outputs.Strategy]: run.strategy,
    [Outputs.RolledBack]: String(run.rolledBack),
    ...(run.changed ? { [Outputs.RollbackSeconds]: response.secondsToVerified.toFixed(1) } : {}),
    ...(response.verification
      ? { [Outputs.Verified]: String(response.verification.verified) }
      : {}),
    ...(incident && 'url' in incident ? { [Outputs.IncidentUrl]: incident.url } : {}),
    [Outputs.Plan]: JSON.stringify(response.plan),
  };
  const report = {
    verdict: run.verdict,
    strategy: run.strategy,
    reason: config.reason ?? null,
    approved: approved !== undefined,
    decision: response.plan,
    rollback: rollbackReport(response),
    deployments: deployments ?? null,
    incident: incident ?? null,
    verification: response.verification ? verificationReport(response.verification) : null,
  };
  return { outputs, report, failure: run.verdict === 'rolled-back' ? undefined : run.failure };
}

/** Every context an approved plan acts in must be one this run can reach: checked first. */
function checkPlanContexts(plan: Plan, context: ModeContext): void {
  const wanted = [
    ...new Set(
      plan.stages.flatMap((s) => s.actions.flatMap((a) => (a.targets ?? []).map((t) => t.context))),
    ),
  ];
  if (wanted.length === 0) return;
  const known = [...context.kube().keys()];
  const missing = wanted.filter((c) => !known.includes(c));
  if (missing.length)
    throw new UserError(
      `input 'plan': it acts in context${missing.length === 1 ? '' : 's'} ${missing.map((c) => `'${c}'`).join(', ')}, which the kubeconfig here does not have (${known.join(', ') || 'none'}); nothing was done`,
    );
}

/** When the newest of the undone revisions was created: the bad release's deploy time. */
async function undoneReleaseTime(
  context: ModeContext,
  results: readonly TargetResult[],
): Promise<number | undefined> {
  const times = await Promise.all(
    results
      .filter((r) => r.outcome === 'rolled-back' && r.fromRevision !== undefined)
      .map(async (r) => {
        const read = await readReleases(clientFor(context.kube(), r.context), r).catch(
          () => undefined,
        );
        return read?.releases.find((release) => release.revision === r.fromRevision)?.at;
      }),
  );
  const known = times.filter((t): t is number => t !== undefined);
  return known.length ? Math.max(...known) : undefined;
}

/**
 * Every trigger a manual rollback can judge afterwards: a relative one only against the
 * capture's baseline. A metrics setting that does not resolve never stops the rollback.
 */
function judgeable(
  context: ModeContext,
  stored: Record<string, number | undefined>,
): MetricSource[] {
  try {
    return triggerSources(context).filter(
      (s) =>
        s.trigger.rule.relativePercent === undefined || stored[s.trigger.rule.name] !== undefined,
    );
  } catch (error) {
    core.warning(
      `rollback-action: the triggers cannot be judged after the rollback: ${messageOf(error)}`,
    );
    return [];
  }
}
