import * as core from '@actions/core';
import {
  APPROVALS,
  DEFAULT_MODE,
  DEFAULT_POLICY_PATH,
  Inputs,
  MODES,
  STRATEGIES,
  type Approval,
  type InputName,
  type Mode,
  type Strategy,
} from './constants.js';
import { DURATION_HINT, checkDuration, parseDuration, type DurationKind } from './duration.js';
import { UserError, UserErrors, quote } from './errors.js';
import { REVISION_HINT, parseRevisionSpec, type RevisionSpec } from './revision.js';
import { didYouMean } from './suggest.js';
import { TIMESTAMP_HINT, parseTimestamp } from './time.js';
import {
  MAX_CONTEXTS,
  MAX_TARGETS,
  isNamespaceName,
  parseTarget,
  splitList,
  type Target,
} from './targets.js';
import { isHttpUrl, redactUrl } from './url.js';

/**
 * Every input of the action, read once and validated. An optional field is undefined when the
 * input was left empty, so the policy file (or the built-in default) decides it.
 */
export interface ActionInputs {
  mode: Mode;
  /** Path of the policy file, relative to the workspace. */
  policyPath: string;
  /** True when `policy` was given: then a missing file is an error, not "no policy". */
  policyExplicit: boolean;
  targets?: Target[];
  namespace?: string;
  contexts?: string[];
  prometheusUrl?: string;
  alertmanagerUrl?: string;
  windowMs?: number;
  intervalMs?: number;
  strategy?: Strategy;
  toRevision?: RevisionSpec;
  approval?: Approval;
  reason?: string;
  dryRun: boolean;
  /** Kubeconfig text; masked as a whole, credentials inside masked one by one too. */
  kubeconfig?: string;
  /** A snapshot: JSON text or a file path. */
  snapshot?: string;
  /** Backtest: when past deploys happened, ms since the epoch. */
  deployTimes?: number[];
  /** A plan from an earlier guard (approval: required), as JSON text or a file path. */
  plan?: string;
  /** For pull requests and pushes of a git revert; masked. */
  githubToken?: string;
  /** The GitHub deployment this run deployed, marked failed when it is rolled back. */
  deploymentId?: string;
  /** Capture despite an open incident of the action for the same targets (the deploy freeze). */
  overrideFreeze: boolean;
  /** What is allowed but worth a warning (a window only a self-hosted runner can watch). */
  warnings: string[];
}

/** Reads all inputs; reports every bad one at once, each on its own line. */
export function readInputs(): ActionInputs {
  const errors: UserError[] = [];
  const warnings: string[] = [];
  const fail = (name: InputName, problem: string): undefined => {
    errors.push(new UserError(`input '${name}': ${problem}`));
    return undefined;
  };
  const text = (name: InputName): string | undefined => core.getInput(name) || undefined;

  const oneOf = <T extends string>(name: InputName, allowed: readonly T[]): T | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return fail(
      name,
      `${quote(value)} is not one of ${allowed.join(', ')}${didYouMean(value, allowed)}`,
    );
  };

  const duration = (name: InputName, kind: DurationKind): number | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const ms = parseDuration(value);
    if (ms === undefined) return fail(name, `${quote(value)} is not a duration (${DURATION_HINT})`);
    const found = checkDuration(kind, ms);
    if (found && 'error' in found) return fail(name, `${quote(value)} ${found.error}`);
    if (found) warnings.push(`input '${name}': ${quote(value)} ${found.warning}`);
    return ms;
  };

  const list = (name: InputName): string[] | undefined => {
    const value = text(name);
    return value === undefined ? undefined : splitList(value);
  };
  /** The policy's own caps (its schema's maxItems), checked before any item is looked at. */
  const capped = (name: InputName, max: number, what: string): string[] | undefined => {
    const items = list(name);
    if (items && items.length > max)
      return fail(name, `${items.length} ${what}; at most ${max} are allowed`);
    return items;
  };

  const targets = capped(Inputs.Targets, MAX_TARGETS, 'targets')?.flatMap((item) => {
    const parsed = parseTarget(item);
    if ('error' in parsed) {
      fail(Inputs.Targets, parsed.error);
      return [];
    }
    return [parsed];
  });

  const namespace = text(Inputs.Namespace);
  if (namespace !== undefined && !isNamespaceName(namespace)) {
    fail(Inputs.Namespace, `${quote(namespace)} is not a valid namespace name`);
  }

  const url = (name: InputName): string | undefined => {
    const value = text(name);
    if (value !== undefined && !isHttpUrl(value))
      fail(name, `${quote(redactUrl(value))} is not an http(s) URL`);
    return value;
  };
  const prometheusUrl = url(Inputs.PrometheusUrl);
  const alertmanagerUrl = url(Inputs.AlertmanagerUrl);

  const rawRevision = text(Inputs.ToRevision);
  const toRevision = rawRevision === undefined ? undefined : parseRevisionSpec(rawRevision);
  if (rawRevision !== undefined && toRevision === undefined) {
    fail(Inputs.ToRevision, `${quote(rawRevision)} is not a revision (${REVISION_HINT})`);
  }

  const deployTimes = list(Inputs.DeployTimes)?.flatMap((item) => {
    const at = parseTimestamp(item);
    if (at === undefined) {
      fail(Inputs.DeployTimes, `${quote(item)} is not a time (${TIMESTAMP_HINT})`);
      return [];
    }
    return [at];
  });

  const deploymentId = (): string | undefined => {
    const value = text(Inputs.DeploymentId);
    if (value !== undefined && !/^[1-9]\d{0,15}$/.test(value))
      fail(Inputs.DeploymentId, `${quote(value)} is not a deployment id (a positive number)`);
    return value;
  };
  const policy = text(Inputs.Policy);
  const inputs: ActionInputs = {
    mode: oneOf(Inputs.Mode, MODES) ?? DEFAULT_MODE,
    policyPath: policy ?? DEFAULT_POLICY_PATH,
    policyExplicit: policy !== undefined,
    targets,
    namespace,
    contexts: capped(Inputs.Contexts, MAX_CONTEXTS, 'contexts'),
    prometheusUrl,
    alertmanagerUrl,
    windowMs: duration(Inputs.Window, 'window'),
    intervalMs: duration(Inputs.Interval, 'interval'),
    strategy: oneOf(Inputs.Strategy, STRATEGIES),
    toRevision,
    approval: oneOf(Inputs.Approval, APPROVALS),
    reason: text(Inputs.Reason),
    dryRun: boolean(Inputs.DryRun, false, errors),
    kubeconfig: text(Inputs.Kubeconfig),
    snapshot: text(Inputs.Snapshot),
    deployTimes,
    plan: text(Inputs.Plan),
    githubToken: text(Inputs.GitHubToken),
    deploymentId: deploymentId(),
    overrideFreeze: boolean(Inputs.OverrideFreeze, false, errors),
    warnings,
  };
  if (errors.length > 0) throw new UserErrors(errors);
  return inputs;
}

/** core.getBooleanInput, with an empty input meaning the default and a one-line error. */
function boolean(name: InputName, fallback: boolean, errors: UserError[]): boolean {
  const raw = core.getInput(name);
  if (raw === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    errors.push(
      new UserError(`input '${name}': ${quote(raw)} is not a boolean (use true or false)`),
    );
    return fallback;
  }
}
