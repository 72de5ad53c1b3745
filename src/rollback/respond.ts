/**
 * What `guard` (after a failing verdict) and `rollback` (on demand) both do: gather the facts,
 * decide (or take the approved plan), show the decision, and carry it out with escalation.
 */
import * as core from '@actions/core';
import type { MetricSource } from '../metrics/sources.js';
import {
  decisionFacts,
  gitOpsOwners,
  rangeBases,
  rangeFacts,
  readEvent,
} from '../decide/gather.js';
import {
  decide,
  type PlanSpecs,
  describePlan,
  type FailingTrigger,
  type Plan,
  type PlanDestination,
} from '../decide/plan.js';
import {
  describeRef,
  readSnapshot,
  refKey,
  type Snapshot,
  type TargetRef,
} from '../kube/snapshot.js';
import type { ModeContext } from '../modes/context.js';
import { parseRevisionSpec } from '../revision.js';
import type { CommandFacts } from './command.js';
import { chooseDestination, describeDestination, planOnlyReason } from './execute.js';
import { planExecutors, type KubernetesRecord } from './executors.js';
import type { RevertResult } from './git-revert.js';
import type { Destination } from './kubernetes.js';
import { runPlan, type PlanRun } from './run-plan.js';
import { UserError, messageOf } from '../errors.js';
import { deploymentIdOf, markDeployments, type DeploymentMarks } from './deployments.js';
import type { KubeClient } from '../kube/client.js';
import type { PodTemplate, Workload } from '../kube/types.js';
import type { DeployedRange } from '../decide/range.js';
import type { Policy } from '../policy/types.js';
import type { PlanSection } from '../report/plan.js';
import { verifyRollback, type Verification } from '../verify/verify.js';
import { revertReport, snapshotFile, targetOutcome } from '../report/json.js';
import type { RollbackReport } from '../report/types.js';
import type { Severity } from '../constants.js';
import { imagesOf } from '../kube/snapshot.js';
import { initiatedFacts, willRollBack, type InitiatedInput } from '../report/notify-messages.js';

export interface Response {
  plan: Plan;
  run: PlanRun;
  kubernetes: KubernetesRecord;
  reverts: RevertResult[];
  seconds: number;
  /** Where an undo went, in words. */
  destination: string;
  /** Why every action was only planned, when it was. */
  planOnly: string | undefined;
  /** After a rollback that took effect. */
  verification?: Verification;
  /** From the decision to verified (or to the end of the rollback, unverified). */
  secondsToVerified: number;
  /** When the plan was made (ms). */
  decidedAt: number;
  /** The deployed range the decision read, when it read one. */
  range?: DeployedRange;
}

export interface RespondInput {
  refs: readonly TargetRef[];
  failing: FailingTrigger[];
  /** A manual rollback (mode rollback without a plan): no flags unless asked for. */
  manual: boolean;
  snapshot: Snapshot | undefined;
  verdict: string;
  headline: string;
  /** The failing metric triggers and their baselines, judged again after flags. */
  rejudge: { sources: readonly MetricSource[]; baselines: Record<string, number | undefined> };
  /** A plan a person approved (mode rollback, input plan): carried out as it is. */
  approved?: Plan;
  /** The verdict's severity, for the notification that the rollback begins. */
  severity?: Severity;
  /** Each target's template when the guard judged it: a target changed since is left alone. */
  judged?: ReadonlyMap<string, PodTemplate>;
}

export async function respond(context: ModeContext, input: RespondInput): Promise<Response> {
  const { config } = context;
  const git = context.git();
  let range: DeployedRange | undefined;
  let read: { workloads: Map<string, Workload>; at: number } | undefined;
  const plan =
    input.approved ??
    (await core.group('Decision', async () => {
      const made = await makePlan(context, input, git);
      range = made.range;
      read = { workloads: made.read, at: context.clock.now() };
      for (const line of describePlan(made.plan)) core.info(line);
      return made.plan;
    }));
  if (input.approved) {
    core.info(
      `Carrying out the approved plan${plan['made-by'] ? ` made by ${plan['made-by']}` : ''}:`,
    );
    for (const line of describePlan(plan)) core.info(line);
  }
  const destination = {
    ...(input.approved ? destinationOf(plan) : chooseDestination(context)),
    ...(input.judged ? { judged: input.judged } : {}),
  };
  const planOnly = input.approved
    ? config.dryRun
      ? 'dry-run'
      : undefined
    : planOnlyReason(config);
  const executors = planExecutors({
    context,
    refs: input.refs,
    specs: plan.specs ?? specsOf(plan, config.policy),
    destination,
    ...(planOnly ? { planOnly } : {}),
    ...(git ? { git } : {}),
    ...(context.github() ? { github: context.github() } : {}),
    ...(range ? { range } : {}),
    ...(read ? { prefetched: read } : {}),
    facts: commandFacts(plan, input, config.reason),
    message: { verdict: input.verdict, headline: input.headline },
    rejudge: input.rejudge,
    nothingToJudge: input.manual ? 'pass' : 'inconclusive',
  });
  const started = context.clock.now();
  if (willRollBack(plan, planOnly, input.approved !== undefined))
    context.notifier.start(initiatedFacts(initiatedInput(context, input, plan, destination, read)));
  const run = await core.group('Rollback', () =>
    runPlan(plan, executors, {
      ...(planOnly ? { planOnly } : {}),
      approved: input.approved !== undefined,
      now: () => context.clock.now(),
      log: (line) => core.info(line),
    }),
  );
  const verification = run.rolledBack
    ? await core.group('Verify', () =>
        verifyRollback(context, {
          decidedAt: started,
          targets: executors.kubernetes.results,
          // Images are compared with the capture only when the rollback went to it.
          snapshot: destination.kind === 'snapshot' ? destination.snapshot : undefined,
          sources: input.rejudge.sources,
          baselines: input.rejudge.baselines,
        }),
      )
    : undefined;
  if (verification)
    (verification.verified ? core.info : core.warning)(
      verification.verified
        ? (verification.sla?.detail ?? 'verified: every check passed')
        : `rollback-action: the rollback is not verified: ${verification.problem ?? ''}`,
    );
  return {
    ...(verification ? { verification } : {}),
    secondsToVerified: (context.clock.now() - started) / 1000,
    decidedAt: started,
    ...(range ? { range } : {}),
    plan: input.approved ? plan : withDestination(plan, context, input),
    run,
    kubernetes: executors.kubernetes,
    reverts: executors.reverts,
    seconds: (context.clock.now() - started) / 1000,
    destination: describeDestination(destination),
    planOnly,
  };
}

/** What the `initiated` notification says: the images running now and where they go. */
function initiatedInput(
  context: ModeContext,
  input: RespondInput,
  plan: Plan,
  destination: Destination,
  read: { workloads: Map<string, Workload> } | undefined,
): InitiatedInput {
  const running = new Map<string, Record<string, string>>();
  const captured = new Map<string, Record<string, string>>();
  for (const ref of input.refs) {
    const workload = read?.workloads.get(refKey(ref));
    if (workload) running.set(describeRef(ref), imagesOf(workload.spec.template));
  }
  if (destination.kind === 'snapshot')
    for (const target of destination.snapshot.targets)
      captured.set(describeRef(target), target.images);
  return {
    plan,
    verdict: input.verdict,
    severity: input.severity,
    reason: context.config.reason ?? input.headline,
    destination: describeDestination(destination),
    running,
    captured,
    run: {
      ...(context.run.runUrl ? { runUrl: context.run.runUrl } : {}),
      ...(context.env.GITHUB_REPOSITORY ? { repository: context.env.GITHUB_REPOSITORY } : {}),
      ...(context.run.sha ? { sha: context.run.sha } : {}),
      at: context.clock.now(),
    },
  };
}

async function makePlan(
  context: ModeContext,
  input: RespondInput,
  git: ReturnType<ModeContext['git']>,
): Promise<{ plan: Plan; range: DeployedRange | undefined; read: Map<string, Workload> }> {
  const { config } = context;
  const clients = input.refs.length ? context.kube() : new Map<string, KubeClient>();
  const range = await rangeFacts(
    git,
    context.env.GITHUB_WORKSPACE || process.cwd(),
    input.snapshot?.sha ?? context.run.sha,
    // The ledger is read for a range's base only when there is a checkout to read it in.
    git ? await rangeBases(context, clients, input.refs, input.snapshot) : {},
    config,
    (line) => core.debug(line),
  );
  const { owners: gitops, read } = await gitOpsOwners(clients, input.refs, input.snapshot);
  const plan = decide(
    decisionFacts(config, {
      refs: input.refs,
      failing: input.failing,
      gitops,
      range,
      manual: input.manual,
    }),
  );
  return { plan, range: range.range, read };
}

/** The plan as it leaves this run: with where an undo goes and who made it. */
function withDestination(plan: Plan, context: ModeContext, input: RespondInput): Plan {
  const destination = chooseDestination(context);
  const planned: PlanDestination =
    destination.kind === 'snapshot'
      ? { kind: 'snapshot', snapshot: snapshotFile(destination.snapshot) }
      : { kind: 'spec', spec: formatSpec(destination) };
  return {
    ...plan,
    destination: planned,
    commits: {
      ...((input.snapshot?.sha ?? context.run.sha)
        ? { deployed: input.snapshot?.sha ?? context.run.sha }
        : {}),
      ...(plan.range ? { previous: plan.range.base } : {}),
    },
    ...(context.run.runUrl ? { 'made-by': context.run.runUrl } : {}),
    specs: specsOf(plan, context.config.policy),
  };
}

/** The policy's flags, steps and down-migration the plan names, as they are now. */
export function specsOf(plan: Plan, policy: Policy): PlanSpecs {
  const actions = plan.stages.flatMap((s) => s.actions);
  const flags = new Set(actions.flatMap((a) => a.flags ?? []));
  const steps = new Set(actions.flatMap((a) => a.steps ?? []));
  return {
    flags: (policy.flags ?? []).filter((f) => flags.has(f.name)),
    steps: (policy.steps ?? []).filter((s) => steps.has(s.name)),
    'down-command': actions.some((a) => a.kind === 'migration-down')
      ? (policy.migrations?.['down-command'] ?? null)
      : null,
  };
}

function formatSpec(destination: Extract<Destination, { kind: 'spec' }>): string {
  const spec = destination.spec;
  if (spec.kind === 'number') return String(spec.revision);
  return spec.kind === 'commit' ? spec.sha : spec.kind;
}

function destinationOf(plan: Plan): Destination {
  const d = plan.destination;
  if (d?.kind === 'snapshot')
    return { kind: 'snapshot', snapshot: readSnapshot(JSON.stringify(d.snapshot)) };
  const spec = parseRevisionSpec(d?.spec ?? 'previous');
  if (!spec)
    throw new UserError(`input 'plan': destination ${JSON.stringify(d?.spec)} is not a revision`);
  return { kind: 'spec', spec };
}

function commandFacts(plan: Plan, input: RespondInput, reason: string | undefined): CommandFacts {
  const snapshot = input.snapshot;
  // The targets the plan rolls back, not those a scoped trigger left alone.
  const undone = new Set(
    plan.stages.flatMap((s) => s.actions.flatMap((a) => (a.targets ?? []).map(refKey))),
  );
  const previous = plan.commits?.previous ?? plan.range?.base;
  const deployed = plan.commits?.deployed ?? snapshot?.sha ?? plan.range?.head;
  return {
    ...(previous ? { previousSha: previous } : {}),
    ...(deployed ? { deployedSha: deployed } : {}),
    verdict: input.verdict,
    reason: reason ?? input.headline,
    targets: (snapshot?.targets ?? [])
      .filter((t) => undone.size === 0 || undone.has(refKey(t)))
      .map((t) => ({
        context: t.context,
        namespace: t.namespace,
        kind: t.kind,
        name: t.name,
        ...(t.revision !== undefined ? { revision: t.revision } : {}),
        images: t.images,
      })),
  };
}

/** The response for the report: what was decided is beside it; here, what was done. */
export function rollbackReport(response: Response): RollbackReport {
  const { run } = response;
  return {
    verdict: run.verdict,
    strategy: run.strategy,
    escalated: run.escalated,
    destination: response.destination,
    'plan-only': response.planOnly ?? null,
    'rollback-seconds': response.seconds,
    stages: run.stages.map((s) => ({
      name: s.name,
      outcome: s.outcome,
      actions: s.actions.map((a) => ({ kind: a.kind, outcome: a.outcome, detail: a.detail })),
      verify: s.verify ?? null,
    })),
    attempts: run.attempts,
    targets: response.kubernetes.results.map(targetOutcome),
    reverts: response.reverts.map(revertReport),
  };
}

export function sectionOf(response: Response): PlanSection {
  return {
    plan: response.plan,
    run: response.run,
    kubernetes: response.kubernetes.results,
    reverts: response.reverts,
  };
}

/**
 * After a rollback that took effect, the run's GitHub deployment is marked failed and the
 * release running again succeeded. Best effort: the rollback stands whatever GitHub says.
 */
export async function markRolledBackDeployment(
  context: ModeContext,
  run: PlanRun,
  description: string,
): Promise<DeploymentMarks | undefined> {
  const id = deploymentIdOf(context.config.deploymentId, readEvent(context.env));
  const github = context.github();
  if (id === undefined || !github || !run.rolledBack) return undefined;
  try {
    const marks = await markDeployments(github, {
      deploymentId: id,
      description: `rolled back: ${description}`,
      ...(context.run.runUrl ? { logUrl: context.run.runUrl } : {}),
    });
    core.info(
      `Deployment ${marks.failed} marked failed${marks.restored ? `, ${marks.restored} running again` : ''}${marks.problem ? ` (${marks.problem})` : ''}`,
    );
    return marks;
  } catch (error) {
    core.warning(`rollback-action: deployment ${id} was not marked failed: ${messageOf(error)}`);
    return { failed: id, problem: messageOf(error) };
  }
}
