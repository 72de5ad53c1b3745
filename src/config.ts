import type { Approval, InconclusiveAction, Mode, NoDataAction, Strategy } from './constants.js';
import { formatDuration, parseDuration } from './duration.js';
import { UserError, quote, type Notice } from './errors.js';
import type { ActionInputs } from './inputs.js';
import type { LoadedPolicy } from './policy/load.js';
import type { Policy } from './policy/types.js';
import { parseTimestamp } from './time.js';
import { parseRevisionSpec, type RevisionSpec } from './revision.js';
import { parseTarget, type Target } from './targets.js';

/** Where a resolved setting came from, shown next to it so nobody guesses at 3 a.m. */
export type Source = 'input' | 'policy' | 'default';

export interface Sourced<T> {
  value: T;
  from: Source;
}

/** The settings one run works with: inputs over the policy file over built-in defaults. */
export interface Config {
  mode: Mode;
  policyFile: string | undefined;
  /** The policy as written (triggers and metrics settings are read from it where used). */
  policy: Policy;
  targets: Sourced<Target[]>;
  namespace: Sourced<string | undefined>;
  contexts: Sourced<string[]>;
  prometheusUrl: Sourced<string | undefined>;
  alertmanagerUrl: Sourced<string | undefined>;
  windowMs: Sourced<number>;
  intervalMs: Sourced<number>;
  noData: Sourced<NoDataAction>;
  inconclusive: Sourced<InconclusiveAction>;
  strategy: Sourced<Strategy>;
  toRevision: Sourced<RevisionSpec>;
  approval: Sourced<Approval>;
  reason: string | undefined;
  dryRun: boolean;
  kubeconfig: string | undefined;
  snapshot: string | undefined;
  concurrency: number;
  rollbackTimeoutMs: number;
  baselineWindowMs: number;
  rolloutTimeoutMs: number;
  deployTimes: Sourced<number[]>;
  lookbackMs: number;
  /** A plan from an earlier guard, as JSON text or a file path (mode rollback). */
  plan: string | undefined;
  /** For the revert pull request or push; masked. */
  githubToken: string | undefined;
  /** The GitHub deployment of this run (input; else the deployment event's). */
  deploymentId: string | undefined;
  overrideFreeze: boolean;
  /** Warnings from the inputs and the policy file, shown once before the mode runs. */
  warnings: Notice[];
}

/** Built-in defaults: the runbooks' longest "for" (p95 over 10 minutes) fits in the window. */
export const DEFAULTS = {
  windowMs: 10 * 60_000,
  intervalMs: 30_000,
  noData: 'hold',
  inconclusive: 'warn',
  strategy: 'auto',
  toRevision: { kind: 'previous' },
  approval: 'auto',
  concurrency: 4,
  rollbackTimeoutMs: 10 * 60_000,
  baselineWindowMs: 10 * 60_000,
  rolloutTimeoutMs: 10 * 60_000,
  lookbackMs: 7 * 86_400_000,
} as const satisfies Partial<Record<keyof Config, unknown>>;

function pick<T>(input: T | undefined, policy: T | undefined, fallback: T): Sourced<T> {
  if (input !== undefined) return { value: input, from: 'input' };
  if (policy !== undefined) return { value: policy, from: 'policy' };
  return { value: fallback, from: 'default' };
}

/** Durations and targets in the policy were validated when it was loaded, so these parse. */
function policyDuration(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseDuration(text);
}

function policyTargets(texts: string[] | undefined): Target[] | undefined {
  return texts?.flatMap((text) => {
    const parsed = parseTarget(text);
    return 'error' in parsed ? [] : [parsed];
  });
}

function policyRevision(value: string | number | undefined): RevisionSpec | undefined {
  return value === undefined ? undefined : parseRevisionSpec(String(value));
}

export function resolveConfig(inputs: ActionInputs, loaded: LoadedPolicy | undefined): Config {
  const policy = loaded?.policy ?? {};
  const config: Config = {
    mode: inputs.mode,
    policyFile: loaded?.file,
    policy,
    targets: pick(inputs.targets, policyTargets(policy.targets), []),
    namespace: pick(inputs.namespace, policy.namespace, undefined),
    contexts: pick(inputs.contexts, policy.contexts, []),
    prometheusUrl: pick(inputs.prometheusUrl, policy.metrics?.prometheus?.url, undefined),
    alertmanagerUrl: pick(inputs.alertmanagerUrl, policy.metrics?.alertmanager?.url, undefined),
    windowMs: pick(inputs.windowMs, policyDuration(policy.watch?.window), DEFAULTS.windowMs),
    intervalMs: pick(
      inputs.intervalMs,
      policyDuration(policy.watch?.interval),
      DEFAULTS.intervalMs,
    ),
    noData: pick(undefined, policy.watch?.['no-data'], DEFAULTS.noData),
    inconclusive: pick(undefined, policy.watch?.inconclusive, DEFAULTS.inconclusive),
    strategy: pick(inputs.strategy, policy.strategy, DEFAULTS.strategy),
    toRevision: pick(
      inputs.toRevision,
      policyRevision(policy.rollback?.['to-revision']),
      DEFAULTS.toRevision,
    ),
    approval: pick(inputs.approval, policy.approval, DEFAULTS.approval),
    reason: inputs.reason,
    dryRun: inputs.dryRun,
    kubeconfig: inputs.kubeconfig,
    snapshot: inputs.snapshot,
    concurrency: policy.rollback?.concurrency ?? DEFAULTS.concurrency,
    rollbackTimeoutMs: policyDuration(policy.rollback?.timeout) ?? DEFAULTS.rollbackTimeoutMs,
    baselineWindowMs:
      policyDuration(policy.watch?.['baseline-window']) ?? DEFAULTS.baselineWindowMs,
    rolloutTimeoutMs:
      policyDuration(policy.watch?.['rollout-timeout']) ?? DEFAULTS.rolloutTimeoutMs,
    deployTimes: pick(
      inputs.deployTimes,
      policy.backtest?.['deploy-times']?.flatMap((t) => parseTimestamp(t) ?? []),
      [],
    ),
    lookbackMs: policyDuration(policy.backtest?.lookback) ?? DEFAULTS.lookbackMs,
    plan: inputs.plan,
    githubToken: inputs.githubToken,
    deploymentId: inputs.deploymentId,
    overrideFreeze: inputs.overrideFreeze,
    warnings: [...inputs.warnings.map((message) => ({ message })), ...(loaded?.warnings ?? [])],
  };
  // Targets are made one set where their namespaces are known in full (modes/context.ts).
  const contexts = [...new Set(config.contexts.value)];
  if (contexts.length < config.contexts.value.length) {
    config.warnings.push({
      message: `contexts: ${config.contexts.value
        .filter((c, i) => config.contexts.value.indexOf(c) !== i)
        .map(quote)
        .join(', ')} named more than once; each context is acted on once`,
    });
    config.contexts.value = contexts;
  }
  // The policy's own strategy is checked with the policy; an input may name what it lacks.
  const needs = {
    'feature-flag': ['flags', policy.flags],
    command: ['steps', policy.steps],
  } as const;
  const strategy = config.strategy.value;
  if (config.strategy.from === 'input' && (strategy === 'feature-flag' || strategy === 'command')) {
    const [key, list] = needs[strategy];
    if (!list?.length)
      throw new UserError(
        `input 'strategy': ${quote(strategy)} needs the policy's ${quote(key)}, and ${loaded?.file ?? 'the policy'} has none`,
      );
  }
  if (config.intervalMs.value > config.windowMs.value) {
    throw new UserError(
      `interval ${formatDuration(config.intervalMs.value)} (${describeSource(config.intervalMs.from, 'interval', 'watch.interval', loaded)}) ` +
        `is longer than window ${formatDuration(config.windowMs.value)} (${describeSource(config.windowMs.from, 'window', 'watch.window', loaded)}): nothing would be polled`,
    );
  }
  return config;
}

function describeSource(
  from: Source,
  input: string,
  key: string,
  loaded: LoadedPolicy | undefined,
): string {
  if (from === 'input') return `input '${input}'`;
  if (from === 'policy') return `${loaded?.file ?? 'policy'} ${key}`;
  return 'default';
}
