/**
 * Carries out a plan (src/decide/plan.ts) with escalation, as runbook 001 says: a failed action
 * is tried once more, then the plan moves to its next stage; flags that leave the triggers
 * failing escalate too; when nothing is left the rollback failed. The executors are passed in,
 * so every path here is tested with fakes and the real ones live in executors.ts.
 */
import type { ActionKind, Plan, PlanAction, PlanStage } from '../decide/plan.js';
import { messageOf } from '../errors.js';
import { plural } from '../text.js';
import type { Verdict } from '../constants.js';

export interface ActionResult {
  kind: ActionKind;
  outcome: 'done' | 'planned' | 'failed';
  /** What happened, in one line. */
  detail: string;
  /** False when trying again cannot help (a revert conflict, a refused plan). */
  retryable: boolean;
  /** True when it changed something (a flag, a workload, a branch). */
  changed: boolean;
  /** The executor's own record, for the report. */
  report?: unknown;
  /** What a person must still do for it to take effect (merge the revert pull request). */
  pending?: string;
}

export interface Executors {
  run(action: PlanAction, options: { dryRun: boolean; attempt: number }): Promise<ActionResult>;
  /** Judges the failing triggers again after a stage that asks for it. */
  verify(stage: PlanStage): Promise<{ verdict: 'pass' | 'fail' | 'inconclusive'; detail: string }>;
}

export interface Attempt {
  stage: string;
  action: ActionKind;
  attempt: number;
  outcome: ActionResult['outcome'];
  detail: string;
  at: string;
}

export type StageOutcome =
  | 'worked'
  | 'waiting'
  | 'held'
  | 'failed'
  | 'still-failing'
  | 'unconfirmed'
  | 'gated'
  | 'planned'
  | 'not-run';

export interface StageRun {
  name: string;
  outcome: StageOutcome;
  actions: ActionResult[];
  verify?: { verdict: string; detail: string };
  /** When it began and ended (epoch ms), when it ran: the incident's timeline. */
  startedAt?: number;
  finishedAt?: number;
}

export interface PlanRun {
  verdict: Extract<Verdict, 'rolled-back' | 'rollback-recommended' | 'rollback-failed'>;
  /** What was done: kinds that changed something, `+`-joined in order; `none` when nothing. */
  strategy: string;
  /** True when something was changed (a rollback that found everything already there did not). */
  changed: boolean;
  /** True when a change already took effect (not only a pull request waiting for a merge). */
  rolledBack: boolean;
  stages: StageRun[];
  attempts: Attempt[];
  escalated: boolean;
  /** One line for the step's failure, when the run did not roll back. */
  failure?: string;
  /** How it ended, in a few words for the headline. */
  summary: string;
}

export interface RunPlanOptions {
  /** Why every action is only planned (dry run, approval required, strategy none). */
  planOnly?: string;
  /** A person approved this plan: gated stages run. */
  approved: boolean;
  now: () => number;
  log: (line: string) => void;
}

async function attempt(
  executors: Executors,
  action: PlanAction,
  dryRun: boolean,
  n: number,
): Promise<ActionResult> {
  try {
    return await executors.run(action, { dryRun, attempt: n });
  } catch (error) {
    return {
      kind: action.kind,
      outcome: 'failed',
      detail: messageOf(error),
      retryable: true,
      changed: false,
    };
  }
}

export async function runPlan(
  plan: Plan,
  executors: Executors,
  options: RunPlanOptions,
): Promise<PlanRun> {
  const attempts: Attempt[] = [];
  const stages: StageRun[] = plan.stages.map((s) => ({
    name: s.name,
    outcome: 'not-run',
    actions: [],
  }));
  const record = (stage: PlanStage, n: number, result: ActionResult): void => {
    attempts.push({
      stage: stage.name,
      action: result.kind,
      attempt: n,
      outcome: result.outcome,
      detail: result.detail,
      at: new Date(options.now()).toISOString(),
    });
    options.log(
      `${stage.name}: ${result.kind}${n > 1 ? ` (attempt ${n})` : ''}: ${result.outcome}: ${result.detail}`,
    );
  };
  const changedKinds = (): string => {
    const kinds = stages.flatMap((s, i) =>
      s.actions
        .filter((a, j) => a.changed && !plan.stages[i]?.actions[j]?.['follow-up'])
        .map((a) => a.kind),
    );
    return [...new Set(kinds)].join('+') || 'none';
  };
  let escalated = false;
  /** How the run ended; `rolledBack` defaults to whether anything was changed. */
  const end = (
    verdict: PlanRun['verdict'],
    summary: string,
    more: { failure?: string; rolledBack?: boolean; nothingDone?: boolean } = {},
  ): PlanRun => {
    const strategy = more.nothingDone ? 'none' : changedKinds();
    return {
      verdict,
      strategy,
      changed: strategy !== 'none',
      rolledBack: more.rolledBack ?? strategy !== 'none',
      stages,
      attempts,
      escalated,
      ...(more.failure ? { failure: more.failure } : {}),
      summary,
    };
  };

  if (plan.stages.length === 0)
    return end('rollback-recommended', plan.nothing ?? 'nothing to roll back with', {
      failure: `rollback recommended, but nothing can roll it back: ${plan.reasons.at(-1) ?? 'no plan'}`,
      nothingDone: true,
    });

  if (options.planOnly) {
    for (const [i, stage] of plan.stages.entries()) {
      const run = stages[i] as StageRun;
      for (const action of stage.actions) {
        const result = await attempt(executors, action, true, 1);
        record(stage, 1, result);
        run.actions.push(result);
      }
      run.outcome = 'planned';
    }
    const broken = stages.flatMap((s) => s.actions).filter((a) => a.outcome === 'failed');
    return end('rollback-recommended', `rollback planned only (${options.planOnly})`, {
      nothingDone: true,
      ...(broken.length
        ? {
            failure: `rollback recommended (${options.planOnly}), but ${plural(broken.length, 'planned action')} could not be made: ${broken.map((b) => `${b.kind}: ${b.detail}`).join('; ')}`,
          }
        : {}),
    });
  }

  for (const [i, stage] of plan.stages.entries()) {
    const run = stages[i] as StageRun;
    if (stage.gated && !options.approved) {
      run.outcome = 'gated';
      options.log(`${stage.name}: not run: ${stage.gated}; it needs a person's approval`);
      return end('rollback-recommended', `${stage.name} needs approval: ${stage.gated}`, {
        failure: `rollback recommended, not made: ${stage.gated}`,
      });
    }
    run.startedAt = options.now();
    let failed = false;
    for (const action of stage.actions) {
      if (action['follow-up'] && failed) continue;
      let result = await attempt(executors, action, false, 1);
      record(stage, 1, result);
      if (result.outcome === 'failed' && result.retryable) {
        const first = result;
        result = await attempt(executors, action, false, 2);
        record(stage, 2, result);
        // What the first try changed stays changed (one region rolled back, another not).
        result = { ...result, changed: result.changed || first.changed };
      }
      run.actions.push(result);
      if (result.outcome === 'failed' && !action['follow-up']) {
        failed = true;
        // The old code must not start on a schema the down-migration did not restore.
        if (action.kind === 'migration-down') break;
      }
    }
    if (failed) {
      run.finishedAt = options.now();
      run.outcome = 'failed';
      escalated = i < plan.stages.length - 1 || escalated;
      continue;
    }
    if (stage['verify-ms'] !== undefined) {
      const verdict = await executors.verify(stage);
      run.finishedAt = options.now();
      run.verify = verdict;
      options.log(`${stage.name}: judged again: ${verdict.verdict}: ${verdict.detail}`);
      if (verdict.verdict !== 'pass') {
        // No data after the flags is not a pass: the failure the watch saw still stands.
        run.outcome = verdict.verdict === 'fail' ? 'still-failing' : 'unconfirmed';
        escalated = i < plan.stages.length - 1 || escalated;
        continue;
      }
    }
    run.finishedAt = options.now();
    // An action that chose not to act and says why (a revert that would roll back past a
    // release verified since): nothing changed, and a person decides what comes next.
    const held = run.actions.filter((a) => !a.changed && a.pending !== undefined);
    if (held.length && !run.actions.some((a) => a.changed)) {
      run.outcome = 'held';
      const why = held.map((a) => a.pending).join('; ');
      return end('rollback-recommended', why, {
        failure: `no rollback: ${why}`,
        rolledBack: false,
      });
    }
    // A revert pull request changes nothing until someone merges it.
    const done = run.actions.filter((a, j) => a.changed && !stage.actions[j]?.['follow-up']);
    const waiting = done.length > 0 && done.every((a) => a.pending !== undefined);
    run.outcome = waiting ? 'waiting' : 'worked';
    const pending = done.map((a) => a.pending).join('; ');
    return waiting
      ? end('rollback-recommended', pending, {
          failure: `rollback waits for a person: ${pending}`,
          rolledBack: false,
        })
      : end('rolled-back', `rolled back by ${stage.name}`);
  }
  const last = attempts.filter((a) => a.outcome === 'failed').at(-1);
  const stillFailing = stages.find(
    (s) => s.outcome === 'still-failing' || s.outcome === 'unconfirmed',
  );
  const why = last
    ? `${last.action}: ${last.detail}`
    : stillFailing
      ? `${stillFailing.name}: the triggers are not shown to pass (${stillFailing.verify?.detail ?? ''})`
      : 'no stage worked';
  return end('rollback-failed', 'every stage of the plan failed', {
    failure:
      stages.length === 1
        ? `rollback failed: ${why}`
        : `rollback failed after ${plural(stages.length, 'stage')} (${stages.map((s) => `${s.name}: ${s.outcome}`).join(', ')}); last: ${why}`,
  });
}
