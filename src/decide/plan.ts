/**
 * The decision: from the facts of a failed deploy to an ordered plan of stages, each with its
 * reason. Pure: facts in, plan out, so every branch of runbook 000's decision tree is a row
 * of a table test. A stage's actions run together (they cover different things); the next
 * stage runs only when one before it failed or, for feature flags, left the triggers failing.
 *
 *   flags off (fastest; judged again)  →  application rollback (undo / revert / steps)
 *                                       →  git revert of the range (when the undo fails)
 *
 * A destructive migration gates every stage that puts the old code back on the new schema:
 * only a person's approval (mode rollback with the plan) lets those run.
 */
import type { Strategy } from '../constants.js';
import type { CommandStepSpec, FlagSpec } from '../policy/types.js';
import { plural } from '../text.js';
import type { RangeClassification } from './migrations.js';
import { describeRef, refKey, type GitOpsMarker, type TargetRef } from '../kube/snapshot.js';
import type { WorkloadKind } from '../kube/types.js';

export type ActionKind =
  'feature-flag' | 'migration-down' | 'kubernetes' | 'git-revert' | 'command';

export interface RevertSpec {
  base: string;
  head: string;
  delivery: 'pull-request' | 'push';
  branch?: string;
  mode: 'one' | 'per-commit';
  /** Migration files kept as they are: the database ran them, and the schema stays. */
  keep?: string[];
}

export interface PlanAction {
  kind: ActionKind;
  /** kubernetes: the targets undone. */
  targets?: TargetRef[];
  /** feature-flag: the flags turned off. */
  flags?: string[];
  /** command: the policy's steps, by name, in order. */
  steps?: string[];
  /** git-revert: what is reverted and how it is delivered. */
  revert?: RevertSpec;
  /** Done after the stage worked, for the record; its failure does not change the verdict. */
  'follow-up'?: boolean;
}

export interface PlanStage {
  name: string;
  why: string;
  actions: PlanAction[];
  /** After it, the failing triggers are judged again for this long; still failing escalates. */
  'verify-ms'?: number;
  /** Why it needs a person's approval (a destructive migration); unset when it does not. */
  gated?: string;
}

export interface Plan {
  version: 1;
  strategy: Strategy;
  /** The decision, step by step, as the log, summary and incident show it. */
  reasons: string[];
  stages: PlanStage[];
  /** Targets not rolled back, each with why (a scoped trigger failed elsewhere). */
  'left-alone': { target: string; why: string }[];
  /** Fix-forward advice when a migration is a point of no return. */
  advice: string[];
  range?: { base: string; head: string; from: string; commits: number };
  /** When there is no stage: why, in a few words for the headline. */
  nothing?: string;
  /** The failing triggers the plan answers (judged again after flags). */
  triggers: string[];
  /** Filled in by the guard for a later `mode: rollback` (approval): where an undo goes. */
  destination?: PlanDestination;
  /** The deployed and previous commits, for command steps' environment. */
  commits?: { deployed?: string; previous?: string };
  /** The run that made the plan. */
  'made-by'?: string;
  /**
   * What the flag, step and down-migration actions run, copied from the policy when the plan
   * leaves its run: an approved plan runs what was approved, whatever the policy says later.
   */
  specs?: PlanSpecs;
}

export interface PlanSpecs {
  flags: FlagSpec[];
  steps: CommandStepSpec[];
  'down-command': string[] | null;
}

/** An undo's destination in a plan: the captured snapshot (its JSON), or a revision spec. */
export type PlanDestination =
  { kind: 'snapshot'; snapshot: unknown } | { kind: 'spec'; spec: string };

/** A failing trigger as the decision sees it: where it applies. */
export interface FailingTrigger {
  name: string;
  /** The trigger's `context:` scope. */
  context?: string;
  /** The trigger's `targets:` scope. */
  targets?: { kind: WorkloadKind; name: string; namespace?: string }[];
  /** The rollout trigger: only the targets whose rollout failed (refKeys). */
  refs?: string[];
}

export interface DecisionFacts {
  strategy: Strategy;
  /** The strategy came from an input or the policy, not the default. */
  strategyChosen: boolean;
  refs: readonly TargetRef[];
  /** GitOps owner of each target, by refKey. */
  gitops: Readonly<Record<string, GitOpsMarker | undefined>>;
  failing: readonly FailingTrigger[];
  flags: readonly { name: string; verifyMs: number }[];
  steps: readonly string[];
  /** The deployed range, or why it could not be read; undefined when git is not involved. */
  range?:
    | { base: string; head: string; from: string; commits: number }
    | { error: string; absent?: true };
  migrations?: RangeClassification;
  downCommand: boolean;
  git: {
    delivery: 'pull-request' | 'push';
    branch?: string;
    mode: 'one' | 'per-commit';
    revertPrAfterUndo: boolean;
  };
}

const short = (sha: string): string => sha.slice(0, 7);

/** Which targets the failing triggers cover: all, unless every failing trigger is scoped. */
export function scopeRefs(
  refs: readonly TargetRef[],
  failing: readonly FailingTrigger[],
): { covered: TargetRef[]; leftAlone: { target: string; why: string }[] } {
  const covers = (trigger: FailingTrigger, ref: TargetRef): boolean => {
    if (trigger.refs) return trigger.refs.includes(refKey(ref));
    if (trigger.context !== undefined && trigger.context !== ref.context) return false;
    if (trigger.targets)
      return trigger.targets.some(
        (t) =>
          t.kind === ref.kind &&
          t.name === ref.name &&
          (t.namespace === undefined || t.namespace === ref.namespace),
      );
    return true;
  };
  const covered = refs.filter((ref) => failing.some((t) => covers(t, ref)));
  const names = failing.map((t) => `'${t.name}'`).join(', ');
  const leftAlone = refs
    .filter((ref) => !covered.includes(ref))
    .map((ref) => ({
      target: describeRef(ref),
      why: `no failing trigger covers it (${names} ${failing.length === 1 ? 'is' : 'are'} scoped elsewhere)`,
    }));
  return { covered, leftAlone };
}

function migrationReasons(migrations: RangeClassification | undefined): {
  reasons: string[];
  advice: string[];
  gate?: string;
} {
  if (!migrations || migrations.files.length === 0)
    return { reasons: migrations ? ['migrations: none in the deployed range'] : [], advice: [] };
  const files = migrations.files.map((f) => f.path);
  if (migrations.kind !== 'destructive')
    return {
      reasons: [
        `migrations: ${files.join(', ')} ${migrations.kind === 'additive' ? 'only add to the schema' : 'change nothing the previous release needs'}: the application rollback is safe, and the schema stays as it is`,
      ],
      advice: [],
    };
  const destructive = migrations.files.find((f) => f.kind === 'destructive');
  const line = destructive?.findings.find((x) => x.effect === 'destructive')?.line;
  const gateFile = destructive ? `${destructive.path}${line ? `:${line}` : ''}` : undefined;
  const findings = migrations.files.flatMap((f) =>
    f.findings
      .filter((x) => x.effect === 'destructive')
      .map((x) => `${f.path}:${x.line}: ${x.statement} (${x.why})`),
  );
  return {
    reasons: [`migrations: a point of no return in the deployed range: ${findings.join('; ')}`],
    advice: [
      'Fix forward: the previous release cannot run on the migrated schema, and reversing the migration loses data.',
      ...findings.map((f) => `Look at ${f}`),
      'To roll back anyway, approve the plan: mode rollback with this plan runs the down-migration command (migrations.down-command) first, when one is set.',
    ],
    gate: `a destructive migration (${gateFile ?? files[0]}) is a point of no return`,
  };
}

/** The plan for a failed deploy (or a manual rollback): stages in order, with the reasons. */
export function decide(facts: DecisionFacts): Plan {
  const reasons: string[] = [];
  const stages: PlanStage[] = [];
  const range = facts.range && 'base' in facts.range ? facts.range : undefined;
  if (facts.range && 'error' in facts.range)
    reasons.push(`deployed range: not read (${facts.range.error})`);
  else if (range)
    reasons.push(
      `deployed range: ${short(range.base)}..${short(range.head)}, ${plural(range.commits, 'commit')} (base from ${range.from})`,
    );
  const migration = migrationReasons(facts.migrations);
  reasons.push(...migration.reasons);
  // A revert keeps the files of migrations that stay applied (not the destructive ones, which
  // only an approved down-migration reverses): the migration tool must still find them.
  const kept = (facts.migrations?.files ?? [])
    .filter((f) => f.kind !== 'destructive' && f.status !== 'deleted')
    .map((f) => f.path);
  const revert = (delivery = facts.git.delivery): PlanAction | undefined =>
    range
      ? {
          kind: 'git-revert',
          revert: {
            base: range.base,
            head: range.head,
            delivery,
            mode: facts.git.mode,
            ...(facts.git.branch ? { branch: facts.git.branch } : {}),
            ...(kept.length ? { keep: kept } : {}),
          },
        }
      : undefined;
  const noRevert = facts.range && 'error' in facts.range ? facts.range.error : 'no deployed range';

  const { covered, leftAlone } = scopeRefs(facts.refs, facts.failing);
  if (leftAlone.length)
    reasons.push(
      `partial rollback: ${covered.length} of ${facts.refs.length} targets (${leftAlone.map((l) => l.target).join(', ')} left alone)`,
    );
  const strategy = facts.strategy;
  const want = (kind: Strategy): boolean =>
    strategy === 'auto' || strategy === 'none' || strategy === kind;
  if (facts.strategyChosen && strategy !== 'auto')
    reasons.push(`strategy: ${strategy} (chosen; the facts below are shown, not followed)`);

  // 1. Feature flags: the fastest and least disruptive, and safe whatever the schema.
  if (facts.flags.length && want('feature-flag'))
    stages.push({
      name: 'feature flags off',
      why: `${facts.flags.map((f) => f.name).join(', ')} off first: the fastest way back, the schema untouched`,
      actions: [{ kind: 'feature-flag', flags: facts.flags.map((f) => f.name) }],
      'verify-ms': Math.max(...facts.flags.map((f) => f.verifyMs)),
    });
  else if (strategy === 'feature-flag')
    reasons.push('strategy feature-flag, but the policy has no flags');

  // 2. The application rollback.
  const actions: PlanAction[] = [];
  const whys: string[] = [];
  if (strategy === 'git-revert') {
    const action = revert();
    if (action) {
      actions.push(action);
      whys.push(`revert ${short(range?.base ?? '')}..${short(range?.head ?? '')} in git (chosen)`);
    } else reasons.push(`strategy git-revert, but nothing can be reverted: ${noRevert}`);
  } else if (strategy === 'command') {
    if (facts.steps.length) {
      actions.push({ kind: 'command', steps: [...facts.steps] });
      whys.push(`the policy's steps (${facts.steps.join(', ')}) (chosen)`);
    } else reasons.push('strategy command, but the policy has no steps');
  } else if (strategy !== 'feature-flag') {
    const gitops = covered.filter((ref) => facts.gitops[refKey(ref)]);
    const plain = covered.filter((ref) => !facts.gitops[refKey(ref)]);
    const undo = strategy === 'kubernetes' ? covered : plain;
    if (strategy === 'kubernetes' && gitops.length)
      reasons.push(
        `GitOps: ${gitops.map((r) => `${describeRef(r)} (${ownerOf(facts.gitops[refKey(r)])})`).join(', ')} undone in the cluster as chosen; the next sync puts the deployed release back unless git is reverted too`,
      );
    if (undo.length) {
      actions.push({ kind: 'kubernetes', targets: undo });
      whys.push(
        `undo ${plural(undo.length, 'target')} in the cluster, as kubectl rollout undo does`,
      );
    }
    if (strategy !== 'kubernetes' && gitops.length) {
      const owners = gitops.map((r) => `${describeRef(r)} (${ownerOf(facts.gitops[refKey(r)])})`);
      const action = revert();
      if (action) {
        actions.push(action);
        whys.push(
          `revert in git for ${owners.join(', ')}: an undo in the cluster would be put back by the next sync`,
        );
      } else {
        reasons.push(
          `GitOps: ${owners.join(', ')} cannot be reverted in git (${noRevert}), and an undo would be put back by the next sync: left for a person`,
        );
        for (const r of gitops)
          leftAlone.push({
            target: describeRef(r),
            why: `managed by ${ownerOf(facts.gitops[refKey(r)])}; ${noRevert}`,
          });
      }
    }
    if (facts.refs.length === 0) {
      if (facts.steps.length) {
        actions.push({ kind: 'command', steps: [...facts.steps] });
        whys.push(`no Kubernetes targets: the policy's steps (${facts.steps.join(', ')})`);
      } else {
        const action = revert();
        if (action) {
          actions.push(action);
          whys.push(
            'no Kubernetes targets: revert the deployed commits in git, so the pipeline redeploys the previous code',
          );
        } else
          reasons.push(`no Kubernetes targets, and nothing can be reverted in git: ${noRevert}`);
      }
    } else if (facts.steps.length) {
      actions.push({ kind: 'command', steps: [...facts.steps] });
      whys.push(`then the policy's steps (${facts.steps.join(', ')})`);
    }
  }
  if (actions.length) {
    if (facts.downCommand && facts.migrations?.kind === 'destructive')
      actions.unshift({ kind: 'migration-down' });
    const undone = actions.some((a) => a.kind === 'kubernetes');
    const reverted = actions.some((a) => a.kind === 'git-revert');
    if (undone && !reverted && facts.git.revertPrAfterUndo) {
      const action = revert('pull-request');
      if (action) actions.push({ ...action, 'follow-up': true });
      else reasons.push(`revert-pr-after-undo: no pull request (${noRevert})`);
    }
    stages.push({
      name: 'application rollback',
      why: whys.join('; '),
      actions,
      ...(migration.gate ? { gated: migration.gate } : {}),
    });
    // 3. Escalation: an undo that fails is followed by a revert, so the pipeline redeploys.
    const fallback = revert();
    if (undone && !reverted && fallback && (strategy === 'auto' || strategy === 'none'))
      stages.push({
        name: 'git revert (escalation)',
        why: 'only when the undo fails: revert the deployed commits in git',
        actions: [fallback],
        ...(migration.gate ? { gated: migration.gate } : {}),
      });
  }
  const nothing =
    stages.length > 0
      ? undefined
      : facts.refs.length === 0
        ? // The headline's words: when git was tried and could not be the way back, why.
          facts.range && 'error' in facts.range && !facts.range.absent
          ? `no targets to roll back, and nothing can be reverted in git: ${facts.range.error}`
          : 'no targets to roll back'
        : leftAlone.length === facts.refs.length
          ? 'every target left alone'
          : 'nothing to roll back with';
  return {
    version: 1,
    strategy,
    reasons,
    stages,
    'left-alone': leftAlone,
    advice: migration.advice,
    ...(nothing ? { nothing } : {}),
    ...(range ? { range } : {}),
    triggers: facts.failing.map((t) => t.name),
  };
}

function ownerOf(marker: GitOpsMarker | undefined): string {
  if (!marker) return 'unknown';
  return marker.tool === 'argocd' ? `Argo CD application ${marker.owner}` : `Flux ${marker.owner}`;
}

/** The plan as log lines: the reasons, then each stage with its actions. */
export function describePlan(plan: Plan): string[] {
  const lines = plan.reasons.map((r) => `- ${r}`);
  plan.stages.forEach((stage, i) => {
    lines.push(
      `${i + 1}. ${stage.name}: ${stage.why}${stage.gated ? ` [needs approval: ${stage.gated}]` : ''}`,
    );
  });
  for (const l of plan['left-alone']) lines.push(`  left alone: ${l.target}: ${l.why}`);
  for (const a of plan.advice) lines.push(`  advice: ${a}`);
  return lines;
}
