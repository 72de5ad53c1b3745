/**
 * The facts the decision needs, gathered from the outside world once: which triggers failed and
 * where they apply, who manages each target (GitOps), the deployed commit range read with real
 * git, and the migrations in it. Everything that can fail here becomes a stated fact ("the
 * range could not be read: ..."), never a thrown error: a failed deploy still gets its plan.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROLLOUT_TRIGGER, type RolloutOutcome } from '../analysis/rollout.js';
import { triggersOf } from '../analysis/rules.js';
import type { Judgement } from '../analysis/verdict.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { parseDuration } from '../duration.js';
import { plural } from '../text.js';
import { messageOf } from '../errors.js';
import type { Git } from '../git.js';
import type { KubeClient } from '../kube/client.js';
import { kindName, type Workload } from '../kube/types.js';
import { lastGood, readLedger } from '../kube/ledger.js';
import { readReleases } from '../kube/releases.js';
import {
  describeRef,
  findCaptured,
  gitOpsOf,
  refKey,
  type GitOpsMarker,
  type Snapshot,
  type TargetRef,
} from '../kube/snapshot.js';
import { parseTarget } from '../targets.js';
import {
  classifyRange,
  isMigrationPath,
  migrationGlobs,
  type RangeClassification,
} from './migrations.js';
import type { DecisionFacts, FailingTrigger } from './plan.js';
import { baseCandidates, readDeployedRange, type BaseSource, type DeployedRange } from './range.js';

const BASE_SOURCES: readonly string[] = ['to-revision', 'last-good', 'push-before', 'first-parent'];
const isBaseSource = (from: string): from is BaseSource => BASE_SOURCES.includes(from);

/** How long the failing triggers are judged again after the flags are off (the issue's 2m). */
export const FLAG_VERIFY_MS = 120_000;

/** The failing triggers with their scope (`context:`, `targets:`; a rollout: its targets). */
export function failingTriggers(
  judgement: Pick<Judgement, 'failing'>,
  config: Pick<Config, 'policy'>,
  rollout: readonly RolloutOutcome[],
  refs: readonly TargetRef[],
): FailingTrigger[] {
  const specs = triggersOf(config.policy);
  return judgement.failing.map((state): FailingTrigger => {
    if (state.name === ROLLOUT_TRIGGER) {
      const failed = new Set(rollout.filter((o) => o.state === 'failed').map((o) => o.target));
      return {
        name: state.name,
        refs: refs.filter((r) => failed.has(describeRef(r))).map(refKey),
      };
    }
    const spec = specs.find((s) => s.name === state.name);
    const targets = spec?.targets?.flatMap((text) => {
      const parsed = parseTarget(text);
      return 'error' in parsed
        ? []
        : [
            {
              kind: parsed.kind,
              name: parsed.name,
              ...(parsed.namespace ? { namespace: parsed.namespace } : {}),
            },
          ];
    });
    return {
      name: state.name,
      ...(spec?.context ? { context: spec.context } : {}),
      ...(targets?.length ? { targets } : {}),
    };
  });
}

/**
 * Who manages each target: from the capture, else read from the cluster now. The workloads
 * read are returned too, so an undo right after reuses them instead of reading again.
 */
export async function gitOpsOwners(
  clients: Map<string, KubeClient>,
  refs: readonly TargetRef[],
  snapshot: Snapshot | undefined,
): Promise<{ owners: Record<string, GitOpsMarker | undefined>; read: Map<string, Workload> }> {
  const owners: Record<string, GitOpsMarker | undefined> = {};
  const read = new Map<string, Workload>();
  await Promise.all(
    refs.map(async (ref) => {
      const captured = snapshot ? findCaptured(snapshot, ref) : undefined;
      if (captured) {
        owners[refKey(ref)] = captured.gitops;
        return;
      }
      const workload = await clients
        .get(ref.context)
        ?.getWorkload(ref.kind, ref.namespace, ref.name)
        .catch(() => undefined);
      if (workload) read.set(refKey(ref), workload);
      owners[refKey(ref)] = workload ? gitOpsOf(workload) : undefined;
    }),
  );
  return { owners, read };
}

/** The ledger's last verified-good commit of the first target, when there is one. */
export async function lastGoodSha(
  clients: Map<string, KubeClient>,
  refs: readonly TargetRef[],
): Promise<string | undefined> {
  const ref = refs[0];
  const client = ref ? clients.get(ref.context) : undefined;
  if (!ref || !client) return undefined;
  try {
    return lastGood(await readLedger(client, ref.namespace), ref.kind, ref.name).entry.sha;
  } catch {
    return undefined;
  }
}

/** The event that started this run (GITHUB_EVENT_PATH), when it can be read. */
export function readEvent(env: NodeJS.ProcessEnv): unknown {
  const file = env.GITHUB_EVENT_PATH;
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The push event's `before`, when this run was started by a push. */
export function pushBefore(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_EVENT_NAME !== 'push') return undefined;
  const before = (readEvent(env) as { before?: unknown } | undefined)?.before;
  return typeof before === 'string' ? before : undefined;
}

export interface RangeFacts {
  range?: DeployedRange;
  /** Why there is no range, when there is none. */
  error?: string;
  /** git was not in play at all (no checkout, no deployed commit), rather than failed. */
  absent?: true;
  migrations?: RangeClassification;
}

/** The deployed range and its migrations, or why they could not be read. */
export async function rangeFacts(
  git: Git | undefined,
  workspace: string,
  head: string | undefined,
  bases: {
    toRevision?: string;
    lastGoodSha?: string;
    pushBefore?: string;
    /** The base the capture resolved before the deploy: tried first. */
    recorded?: { sha: string; from: string };
  },
  config: Pick<Config, 'policy'>,
  log: (line: string) => void,
): Promise<RangeFacts> {
  if (!head) return { error: 'no deployed commit (GITHUB_SHA is not set)', absent: true };
  if (!git || !existsSync(path.join(workspace, '.git')))
    return {
      absent: true,
      error:
        'no git checkout in the workspace (run actions/checkout before this step); migrations not checked',
    };
  const settings = {
    paths: config.policy.migrations?.paths,
    replaceDefaults: config.policy.migrations?.['replace-defaults'],
  };
  const globs = migrationGlobs(settings);
  try {
    const recorded = bases.recorded;
    const candidates = baseCandidates(bases);
    const range = await readDeployedRange(
      git,
      head,
      recorded && isBaseSource(recorded.from)
        ? [{ sha: recorded.sha, from: recorded.from }, ...candidates]
        : candidates,
      {
        isMigration: (file) => isMigrationPath(file, globs),
        log,
      },
    );
    return { range, migrations: classifyRange(range.files, settings) };
  } catch (error) {
    return { error: messageOf(error) };
  }
}

/** Where the deployed range may start, for this run (the capture's choice first, when it made one). */
export async function rangeBases(
  context: { config: Config; env: NodeJS.ProcessEnv },
  clients: Map<string, KubeClient>,
  refs: readonly TargetRef[],
  snapshot: Snapshot | undefined,
): Promise<Parameters<typeof rangeFacts>[3]> {
  const to = context.config.toRevision.value;
  const lastGood = await lastGoodSha(clients, refs);
  const before = pushBefore(context.env);
  return {
    ...(to.kind === 'commit' ? { toRevision: to.sha } : {}),
    ...(lastGood ? { lastGoodSha: lastGood } : {}),
    ...(before ? { pushBefore: before } : {}),
    ...(snapshot?.base && to.kind !== 'commit' ? { recorded: snapshot.base } : {}),
  };
}

/** The decision's facts, from what was gathered. */
export function decisionFacts(
  config: Config,
  parts: {
    refs: readonly TargetRef[];
    failing: FailingTrigger[];
    gitops: Record<string, GitOpsMarker | undefined>;
    range: RangeFacts;
    manual: boolean;
  },
): DecisionFacts {
  const policy = config.policy;
  const flags = (policy.flags ?? []).map((f) => ({
    name: f.name,
    verifyMs:
      f['verify-window'] === undefined
        ? FLAG_VERIFY_MS
        : (parseDuration(f['verify-window']) ?? FLAG_VERIFY_MS),
  }));
  const { range, error, absent } = parts.range;
  return {
    strategy: config.strategy.value,
    strategyChosen: config.strategy.from !== 'default',
    refs: parts.refs,
    gitops: parts.gitops,
    failing: parts.failing,
    // A manual rollback asks for the release back: flags only when asked for by name.
    flags: parts.manual && config.strategy.value !== 'feature-flag' ? [] : flags,
    steps: (policy.steps ?? []).map((s) => s.name),
    range: range
      ? { base: range.base, head: range.head, from: range.baseFrom, commits: range.commits.length }
      : { error: error ?? 'not read', ...(absent ? { absent } : {}) },
    ...(parts.range.migrations ? { migrations: parts.range.migrations } : {}),
    downCommand: (policy.migrations?.['down-command']?.length ?? 0) > 0,
    git: {
      delivery: policy.git?.delivery ?? 'pull-request',
      ...(policy.git?.branch ? { branch: policy.git.branch } : {}),
      mode: policy.git?.revert ?? 'one',
      revertPrAfterUndo: policy.git?.['revert-pr-after-undo'] ?? false,
    },
  };
}

/** What capture says about the range it is about to deploy, one line each. */
export function rangeNotes(facts: RangeFacts): { text: string; warn: boolean }[] {
  if (!facts.range)
    return [{ text: `deployed range: not read (${facts.error ?? 'unknown'})`, warn: false }];
  const { range, migrations } = facts;
  const lines = [
    {
      text: `deployed range ${range.base.slice(0, 7)}..${range.head.slice(0, 7)} (base from ${range.baseFrom}): ${plural(range.commits.length, 'commit')}`,
      warn: false,
    },
  ];
  for (const file of migrations?.files ?? []) {
    const destructive = file.findings.filter((f) => f.effect === 'destructive');
    if (destructive.length)
      lines.push(
        ...destructive.map((f) => ({
          text: `${file.path}:${f.line}: ${f.statement}: ${f.why}. A point of no return: if this deploy fails, it is not rolled back automatically (fix forward, or approve the plan)`,
          warn: true,
        })),
      );
    else
      lines.push({
        text: `${file.path}: ${file.kind === 'additive' ? 'additive' : 'no schema change the previous release needs'}`,
        warn: false,
      });
  }
  return lines;
}

/**
 * Trigger scopes that cover nothing this run acts on: a typo in `context:` or `targets:` would
 * leave a failing deploy alone ("scoped elsewhere"), so it stops the run before the watch.
 */
export function scopeProblems(
  config: Pick<Config, 'policy' | 'policyFile'>,
  refs: readonly TargetRef[],
): string[] {
  if (refs.length === 0) return [];
  const contexts = [...new Set(refs.map((r) => r.context))];
  const where = config.policyFile ?? 'the policy';
  return triggersOf(config.policy).flatMap((spec) => {
    const problems: string[] = [];
    if (spec.context !== undefined && !contexts.includes(spec.context))
      problems.push(
        `${where}: trigger '${spec.name}': context '${spec.context}' is not one this run acts on (${contexts.join(', ')}); a failure there would roll nothing back`,
      );
    for (const text of spec.targets ?? []) {
      const parsed = parseTarget(text);
      const covered =
        !('error' in parsed) &&
        refs.some(
          (r) =>
            r.kind === parsed.kind &&
            r.name === parsed.name &&
            (parsed.namespace === undefined || parsed.namespace === r.namespace),
        );
      if (!covered)
        problems.push(
          `${where}: trigger '${spec.name}': target '${text}' is not one of the targets (${[...new Set(refs.map((r) => `${kindName(r.kind)}/${r.name}`))].join(', ')}); a failure would roll nothing back`,
        );
    }
    return problems;
  });
}

/** The capture's time, else when the running revision was created, else now. */
export async function deployTime(
  context: { clock: Clock; kube: () => Map<string, KubeClient> },
  refs: readonly TargetRef[],
  snapshot: Snapshot | undefined,
): Promise<number> {
  if (snapshot) return Date.parse(snapshot.capturedAt);
  if (refs.length === 0) return context.clock.now();
  const clients = context.kube();
  const times = await Promise.all(
    refs.map(async (ref) => {
      const client = clients.get(ref.context);
      return client
        ? (await readReleases(client, ref).catch(() => undefined))?.current?.at
        : undefined;
    }),
  );
  const known = times.filter((t): t is number => t !== undefined);
  return known.length ? Math.max(...known) : context.clock.now();
}
