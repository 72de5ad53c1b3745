/**
 * The real executors behind the plan runner: each plan action handed to the module that does
 * it (Kubernetes undo, git revert, flags, command steps, the down-migration), and the flags'
 * re-judgement through the same watch the guard uses. Built once per run from the context.
 */
import * as core from '@actions/core';
import type { Judgement } from '../analysis/verdict.js';
import { watch } from '../analysis/watch.js';
import type { PlanAction, PlanStage } from '../decide/plan.js';
import { readDeployedRange, type DeployedRange } from '../decide/range.js';
import { formatDuration } from '../duration.js';
import { plural } from '../text.js';
import { messageOf } from '../errors.js';
import type { Git } from '../git.js';
import type { GitHub } from '../github.js';
import { describeRef, refKey, type TargetRef } from '../kube/snapshot.js';
import type { MetricSource } from '../metrics/sources.js';
import type { ModeContext } from '../modes/context.js';
import { describeExit, runProgram } from '../process.js';
import { runCommandStep, type CommandFacts } from './command.js';
import { executeRollback } from './execute.js';
import { turnFlagOff } from './feature-flag.js';
import { revertRange, type RevertResult } from './git-revert.js';
import type { Destination, TargetResult } from './kubernetes.js';
import type { ActionResult, Executors } from './run-plan.js';
import { forRejudging } from '../analysis/rules.js';

export interface ExecutorDeps {
  context: ModeContext;
  /** Where a Kubernetes undo goes. */
  destination: Destination;
  /** Why actions are only planned, passed to the Kubernetes dry run's log. */
  planOnly?: string;
  git?: Git;
  github?: GitHub;
  /** The range already read by the decision, reused by the revert. */
  range?: DeployedRange;
  facts: CommandFacts;
  message: { verdict: string; headline: string };
  /** The failing metric triggers, judged again after flags. */
  rejudge: { sources: readonly MetricSource[]; baselines: Record<string, number | undefined> };
  /** What a re-judgement with no trigger to judge means: a manual rollback trusts the flag. */
  nothingToJudge: 'pass' | 'inconclusive';
}

/** What each Kubernetes action did, across attempts, for the summary's table. */
export interface KubernetesRecord {
  results: TargetResult[];
  seconds: number;
}

export function planExecutors(
  deps: ExecutorDeps,
): Executors & { kubernetes: KubernetesRecord; reverts: RevertResult[] } {
  const { context } = deps;
  const kubernetes: KubernetesRecord = { results: [], seconds: 0 };
  const reverts: RevertResult[] = [];
  const log = (line: string): void => core.info(line);
  const workspace = context.env.GITHUB_WORKSPACE || process.cwd();

  const undo = async (
    targets: TargetRef[],
    dryRun: boolean,
    attempt: number,
  ): Promise<ActionResult> => {
    // A second attempt retries only what failed; what rolled back stays rolled back.
    const failedBefore = new Set(
      kubernetes.results.filter((r) => r.outcome === 'failed').map(refKey),
    );
    const refs = attempt > 1 ? targets.filter((t) => failedBefore.has(refKey(t))) : targets;
    const done = await executeRollback(
      context,
      refs,
      deps.destination,
      dryRun ? (deps.planOnly ?? 'dry-run') : undefined,
    );
    const byKey = new Map(kubernetes.results.map((r) => [refKey(r), r]));
    for (const r of done.results) byKey.set(refKey(r), r);
    kubernetes.results = [...byKey.values()];
    kubernetes.seconds += done.seconds;
    const failed = done.results.filter((r) => r.outcome === 'failed');
    return {
      kind: 'kubernetes',
      outcome: failed.length ? 'failed' : dryRun ? 'planned' : 'done',
      detail: failed.length
        ? `${failed.length} of ${done.results.length} failed: ${failed.map((r) => `${describeRef(r)}: ${r.message}`).join('; ')}`
        : `${plural(done.results.length, 'target')} ${dryRun ? 'planned' : 'rolled back'} in ${done.seconds.toFixed(1)} s`,
      retryable: true,
      changed: done.rolledBack,
      report: done.report,
    };
  };

  const revert = async (action: PlanAction, dryRun: boolean): Promise<ActionResult> => {
    const spec = action.revert;
    if (!spec || !deps.git) return failed('git-revert', 'no git checkout to revert in', false);
    const range =
      deps.range && deps.range.base === spec.base && deps.range.head === spec.head
        ? deps.range
        : await readDeployedRange(deps.git, spec.head, [{ sha: spec.base, from: 'to-revision' }], {
            isMigration: () => false,
            log,
          });
    const result = await revertRange(
      deps.git,
      deps.github,
      {
        range,
        mode: spec.mode,
        delivery: spec.delivery,
        ...(spec.branch ? { branch: spec.branch } : {}),
        labels: context.config.policy.git?.labels ?? ['rollback'],
        message: {
          ...deps.message,
          ...(context.run.runUrl ? { runUrl: context.run.runUrl } : {}),
          ...(context.config.reason ? { reason: context.config.reason } : {}),
        },
        dryRun,
        ...(context.env.GITHUB_RUN_ID ? { runId: context.env.GITHUB_RUN_ID } : {}),
      },
      log,
    );
    reverts.push(result);
    const where = result.pullRequest
      ? `pull request #${result.pullRequest.number} ${result.pullRequest.url}`
      : result.pushed
        ? `pushed to ${result.branch}${result.pushed.retried ? ' (rebased once)' : ''}`
        : result.branch;
    const outcome: ActionResult['outcome'] =
      result.outcome === 'reverted' || result.outcome === 'skipped'
        ? 'done'
        : result.outcome === 'planned'
          ? 'planned'
          : 'failed';
    return {
      kind: 'git-revert',
      outcome,
      detail:
        result.outcome === 'conflict'
          ? `conflict in ${(result.conflicts ?? []).join(', ')}; aborted, the workspace as it was`
          : result.outcome === 'failed'
            ? (result.error ?? 'failed')
            : result.outcome === 'skipped'
              ? `${result.branch} already has the base's content`
              : `${plural(result.reverted.length, 'commit')} reverted: ${where}`,
      retryable: result.outcome === 'failed',
      changed: result.outcome === 'reverted',
      report: result,
    };
  };

  const flags = async (action: PlanAction, dryRun: boolean): Promise<ActionResult> => {
    const specs = context.config.policy.flags ?? [];
    const results = [];
    for (const name of action.flags ?? []) {
      const spec = specs.find((f) => f.name === name);
      if (!spec) return failed('feature-flag', `no flag named ${name} in the policy`, false);
      results.push(
        await turnFlagOff(spec, {
          env: context.env,
          cwd: workspace,
          dryRun,
          log,
          setSecret: (s) => core.setSecret(s),
        }),
      );
    }
    const bad = results.filter((r) => r.outcome === 'failed');
    return {
      kind: 'feature-flag',
      outcome: bad.length ? 'failed' : dryRun ? 'planned' : 'done',
      detail: results.map((r) => `${r.name}: ${r.detail}`).join('; '),
      retryable: true,
      changed: results.some((r) => r.outcome === 'off'),
      report: results,
    };
  };

  const steps = async (action: PlanAction, dryRun: boolean): Promise<ActionResult> => {
    const specs = context.config.policy.steps ?? [];
    const results = [];
    for (const name of action.steps ?? []) {
      const spec = specs.find((s) => s.name === name);
      if (!spec) return failed('command', `no step named ${name} in the policy`, false);
      const result = await runCommandStep(spec, {
        env: context.env,
        cwd: workspace,
        facts: deps.facts,
        dryRun,
        log,
      });
      results.push(result);
      if (result.outcome === 'failed') break; // the next step may rely on this one
    }
    const bad = results.filter((r) => r.outcome === 'failed');
    return {
      kind: 'command',
      outcome: bad.length ? 'failed' : dryRun ? 'planned' : 'done',
      detail: results.map((r) => `${r.name}: ${r.detail}`).join('; '),
      retryable: true,
      changed: results.some((r) => r.outcome === 'done'),
      report: results,
    };
  };

  const down = async (dryRun: boolean): Promise<ActionResult> => {
    const argv = context.config.policy.migrations?.['down-command'] ?? [];
    if (dryRun) {
      log(`would run the down-migration: ${argv.join(' ')}`);
      return {
        kind: 'migration-down',
        outcome: 'planned',
        detail: argv.join(' '),
        retryable: true,
        changed: false,
      };
    }
    const result = await runProgram(argv, {
      cwd: workspace,
      env: context.env,
      timeoutMs: context.config.rollbackTimeoutMs,
    });
    return {
      kind: 'migration-down',
      outcome: result.code === 0 ? 'done' : 'failed',
      detail: describeExit(argv[0] ?? '', result),
      retryable: !result.timedOut,
      changed: result.code === 0,
    };
  };

  return {
    kubernetes,
    reverts,
    run: async (action, { dryRun, attempt }) => {
      try {
        switch (action.kind) {
          case 'kubernetes':
            return await undo(action.targets ?? [], dryRun, attempt);
          case 'git-revert':
            return await revert(action, dryRun);
          case 'feature-flag':
            return await flags(action, dryRun);
          case 'command':
            return await steps(action, dryRun);
          case 'migration-down':
            return await down(dryRun);
        }
      } catch (error) {
        return failed(action.kind, messageOf(error), true);
      }
    },
    verify: (stage) => rejudge(deps, stage),
  };
}

function failed(kind: PlanAction['kind'], detail: string, retryable: boolean): ActionResult {
  return { kind, outcome: 'failed', detail, retryable, changed: false };
}

/**
 * The failing triggers judged again, from the moment the flags went off: each must breach on
 * two polls in a row to still count as failing (a `for: 10m` cannot be met in a 2m window, and
 * the release has already failed once), and ranges cut to the time since the flags went off.
 */
async function rejudge(
  deps: ExecutorDeps,
  stage: PlanStage,
): Promise<{ verdict: 'pass' | 'fail' | 'inconclusive'; detail: string }> {
  const { context } = deps;
  const sources = deps.rejudge.sources;
  if (sources.length === 0)
    return {
      verdict: deps.nothingToJudge,
      detail: 'no metric trigger to judge again',
    };
  const windowMs = stage['verify-ms'] ?? 120_000;
  const intervalMs = Math.min(context.config.intervalMs.value, Math.max(1000, windowMs / 4));
  const since = context.clock.now();
  core.info(
    `Judging ${sources.map((s) => s.trigger.rule.name).join(', ')} again for ${formatDuration(windowMs)}, a poll every ${formatDuration(intervalMs)}`,
  );
  const result = await watch(
    sources.map((s) => ({ ...s, trigger: { ...s.trigger, rule: forRejudging(s.trigger.rule) } })),
    {
      clock: context.clock,
      since,
      deployedAt: since,
      windowMs,
      intervalMs,
      baselines: deps.rejudge.baselines,
      log: (line) => core.info(line),
    },
  );
  return { verdict: verdictOf(result.judgement), detail: detailOf(result.judgement) };
}

function verdictOf(judgement: Judgement): 'pass' | 'fail' | 'inconclusive' {
  return judgement.verdict === 'fail'
    ? 'fail'
    : judgement.verdict === 'pass'
      ? 'pass'
      : 'inconclusive';
}

function detailOf(judgement: Judgement): string {
  const first = judgement.failing[0];
  if (first) return `${first.name} still fails: ${first.detail}`;
  if (judgement.verdict === 'pass') return 'every trigger passed';
  return judgement.unjudged.map((u) => `${u.name}: ${u.why}`).join('; ') || 'not judged';
}
