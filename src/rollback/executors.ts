/**
 * The real executors behind the plan runner: each plan action handed to the module that does
 * it (Kubernetes undo, git revert, flags, command steps, the down-migration), and the flags'
 * re-judgement through the same watch the guard uses. Built once per run from the context.
 */
import { maskSecret } from '../secrets.js';
import * as core from '@actions/core';
import type { PlanAction, PlanSpecs, PlanStage } from '../decide/plan.js';
import { readDeployedRange, type DeployedRange } from '../decide/range.js';
import { plural } from '../text.js';
import { messageOf } from '../errors.js';
import type { Git } from '../git.js';
import { TOKEN_PERMISSIONS, type GitHub } from '../github.js';
import { describeRef, refKey, type TargetRef } from '../kube/snapshot.js';
import type { MetricSource } from '../metrics/sources.js';
import type { Workload } from '../kube/types.js';
import type { ModeContext } from '../modes/context.js';
import { describeExit, runProgram } from '../process.js';
import { quoteArgv, runCommandStep, type CommandFacts } from './command.js';
import { executeRollback } from './execute.js';
import { turnFlagOff } from './feature-flag.js';
import { revertRange, type RevertResult } from './git-revert.js';
import { serviceOf } from './revert-record.js';
import { clientFor } from '../kube/client.js';
import { readLedger, type LedgerEntry } from '../kube/ledger.js';
import type { Destination, TargetResult } from './kubernetes.js';
import type { ActionResult, Executors } from './run-plan.js';
import { judgeAgain, type Stability } from '../verify/stabilise.js';

/**
 * The commits the targets' ledgers hold as verified healthy, with when and by what: a revert
 * must not go past one. Best effort: a ledger that cannot be read is said and skipped.
 */
async function verifiedReleases(
  context: ModeContext,
  refs: readonly TargetRef[],
  log: (line: string) => void,
): Promise<Map<string, string>> {
  const verified = new Map<string, string>();
  if (!refs.length) return verified;
  const scopes = [...new Map(refs.map((r) => [`${r.context}|${r.namespace}`, r])).values()];
  for (const ref of scopes) {
    // Another service's release verified in the same namespace says nothing about this one.
    const ours = refs.filter((r) => r.context === ref.context && r.namespace === ref.namespace);
    const isOurs = (entry: LedgerEntry) =>
      entry.targets.some((t) => ours.some((r) => r.kind === t.kind && r.name === t.name));
    try {
      const client = clientFor(context.kube(), ref.context);
      for (const entry of await readLedger(client, ref.namespace))
        if (entry.sha && isOurs(entry) && !verified.has(entry.sha))
          verified.set(
            entry.sha,
            `verified healthy ${entry.recordedAt}${entry.runUrl ? ` by ${entry.runUrl}` : ''}`,
          );
    } catch (error) {
      log(
        `the ledger of ${ref.context}/${ref.namespace} was not read (${messageOf(error)}); a revert is not checked against it`,
      );
    }
  }
  return verified;
}

/** How old the decision's read of a workload may be for the undo to reuse it. */
const PREFETCH_FRESH_MS = 5_000;

export interface ExecutorDeps {
  context: ModeContext;
  /** The run's targets (none for a service without Kubernetes targets). */
  refs: readonly TargetRef[];
  /** What the flag, step and down-migration actions run (an approved plan's own copy). */
  specs: PlanSpecs;
  /** Where a Kubernetes undo goes. */
  destination: Destination;
  /** Why actions are only planned, passed to the Kubernetes dry run's log. */
  planOnly?: string;
  git?: Git;
  github?: GitHub;
  /** The range already read by the decision, reused by the revert. */
  range?: DeployedRange;
  /** Workloads the decision read, and when: an undo within seconds reuses them. */
  prefetched?: { workloads: ReadonlyMap<string, Workload>; at: number };
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
    // Reads a few seconds old are what kubectl would read now; after flags' minutes, not.
    const fresh =
      attempt === 1 &&
      deps.prefetched &&
      context.clock.now() - deps.prefetched.at <= PREFETCH_FRESH_MS
        ? deps.prefetched.workloads
        : undefined;
    const done = await executeRollback(
      context,
      refs,
      deps.destination,
      dryRun ? (deps.planOnly ?? 'dry-run') : undefined,
      fresh,
    );
    const byKey = new Map(kubernetes.results.map((r) => [refKey(r), r]));
    for (const r of done.results) byKey.set(refKey(r), r);
    kubernetes.results = [...byKey.values()];
    kubernetes.seconds += done.seconds;
    // Across attempts: what the first try rolled back stays in the account.
    const keys = new Set(targets.map(refKey));
    const all = kubernetes.results.filter((r) => keys.has(refKey(r)));
    const failed = all.filter((r) => r.outcome === 'failed');
    const count = (outcome: TargetResult['outcome']): number =>
      all.filter((r) => r.outcome === outcome).length;
    const parts = [
      count('rolled-back') ? `${plural(count('rolled-back'), 'target')} rolled back` : '',
      count('skipped') ? `${plural(count('skipped'), 'target')} already there` : '',
      count('planned') ? `${plural(count('planned'), 'target')} would be rolled back` : '',
      failed.length
        ? `${failed.length} of ${all.length} failed: ${failed.map((r) => `${describeRef(r)}: ${r.message} (state: ${r.state ?? 'unknown'})`).join('; ')}`
        : '',
    ].filter(Boolean);
    return {
      kind: 'kubernetes',
      outcome: failed.length ? 'failed' : dryRun ? 'planned' : 'done',
      detail: failed.length
        ? parts.join('; ')
        : `${parts.join('; ')} in ${done.seconds.toFixed(1)} s`,
      retryable: failed.length > 0 && failed.every((r) => r.retryable === true),
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
    const { refs } = deps;
    const result = await revertRange(
      deps.git,
      deps.github,
      {
        range,
        service: serviceOf(context.config.policyFile, refs),
        verified: await verifiedReleases(context, refs, log),
        mode: spec.mode,
        delivery: spec.delivery,
        ...(spec.keep?.length ? { keep: spec.keep } : {}),
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
      result.outcome === 'reverted' ||
      result.outcome === 'skipped' ||
      result.outcome === 'superseded'
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
            ? revertError(result.error ?? 'failed', spec.branch, context.config.policyFile)
            : result.outcome === 'skipped'
              ? `${result.branch} already has the base's content`
              : result.outcome === 'superseded'
                ? (result.reason ?? 'superseded by a newer verified release')
                : result.outcome === 'planned'
                  ? `would revert ${plural(result.reverted.length, 'commit')} on ${result.branch} (${result.delivery})`
                  : `${plural(result.reverted.length, 'commit')} reverted: ${where}`,
      // A missing branch or a refused token does not change on a second try.
      retryable:
        result.outcome === 'failed' &&
        !/couldn't find remote ref|403|denied|permission/i.test(result.error ?? ''),
      changed: result.outcome === 'reverted',
      report: result,
      ...(result.pullRequest && result.outcome === 'reverted'
        ? {
            pending: `merge pull request #${result.pullRequest.number} (${result.pullRequest.url}) to roll back`,
          }
        : result.outcome === 'superseded'
          ? { pending: result.reason ?? 'no revert: a newer release is verified healthy' }
          : {}),
    };
  };

  const flags = async (action: PlanAction, dryRun: boolean): Promise<ActionResult> => {
    const specs = deps.specs.flags;
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
          setSecret: maskSecret,
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
    const specs = deps.specs.steps;
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
    const argv = deps.specs['down-command'] ?? [];
    if (dryRun) {
      log(`would run the down-migration: ${quoteArgv(argv)}`);
      return {
        kind: 'migration-down',
        outcome: 'planned',
        detail: `would run ${quoteArgv(argv)}`,
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

/** The failing triggers judged again for the flags' verify window. */
function rejudge(deps: ExecutorDeps, stage: PlanStage): Promise<Stability> {
  return judgeAgain(deps.rejudge.sources, {
    clock: deps.context.clock,
    windowMs: stage['verify-ms'] ?? 120_000,
    intervalMs: deps.context.config.intervalMs.value,
    baselines: deps.rejudge.baselines,
    nothingToJudge: deps.nothingToJudge,
  });
}

/** A revert's failure, with what the person can change: the branch named, the token's rights. */
function revertError(
  error: string,
  branch: string | undefined,
  policyFile: string | undefined,
): string {
  if (branch && /couldn't find remote ref/.test(error))
    return `git.branch '${branch}' (${policyFile ?? 'the policy'}) is not a branch of origin: ${error}`;
  if (/403|denied|permission/i.test(error) && !error.includes(TOKEN_PERMISSIONS))
    return `${error}; the token needs ${TOKEN_PERMISSIONS}`;
  return error;
}
