/**
 * What a revert pull request reverts, written into its body as a hidden marker the action
 * reads back, and the pure rules that decide when a newer verified release supersedes it.
 * Text in, data out: GitHub and git are elsewhere.
 */
import type { TargetRef } from '../kube/snapshot.js';
import { describeRef } from '../kube/snapshot.js';

/** Whose revert it is: the policy and the targets (another service's revert is left alone). */
export interface RevertService {
  policy: string | null;
  targets: string[];
}

export interface RevertRecord {
  version: 1;
  service: RevertService;
  /** The branch the pull request reverts on. */
  branch: string;
  /** The deployed range: the revert goes back to `base` from `head`. */
  base: string;
  head: string;
  /** The commits reverted, newest first. */
  reverted: string[];
  verdict: string;
  run?: string;
}

const PREFIX = '<!-- rollback-action:revert ';
const MARKER = /<!-- rollback-action:revert (\{.*?\}) -->/s;
const SHA = /^[0-9a-f]{40}$/;

export function serviceOf(
  policyFile: string | undefined,
  refs: readonly TargetRef[],
): RevertService {
  return { policy: policyFile ?? null, targets: refs.map(describeRef).sort() };
}

/**
 * Whether the revert `record` is of the `verified` run's service: the same targets and policy
 * file. A run without a policy file (a mark-good job with no checkout) cannot name the policy,
 * so its targets alone decide, when it has any.
 */
export function sameService(record: RevertService, verified: RevertService): boolean {
  const targets =
    record.targets.length === verified.targets.length &&
    record.targets.every((t, i) => t === verified.targets[i]);
  return (
    targets &&
    (record.policy === verified.policy || (verified.policy === null && verified.targets.length > 0))
  );
}

/** The hidden marker: JSON in an HTML comment, `--` escaped so no value can close it. */
export function revertMarker(record: RevertRecord): string {
  return `${PREFIX}${JSON.stringify(record).replace(/--/g, '-\\u002d')} -->`;
}

/** The record of a pull request body, or undefined when it has none or a malformed one. */
export function parseRevertMarker(body: string | null | undefined): RevertRecord | undefined {
  const json = MARKER.exec(body ?? '')?.[1];
  if (!json) return undefined;
  try {
    const r = JSON.parse(json) as Partial<RevertRecord>;
    const shas = [r.base, r.head, ...(Array.isArray(r.reverted) ? r.reverted : [undefined])];
    if (
      r.version !== 1 ||
      typeof r.branch !== 'string' ||
      !shas.every((s) => typeof s === 'string' && SHA.test(s)) ||
      !Array.isArray(r.service?.targets) ||
      !r.service.targets.every((t) => typeof t === 'string') ||
      (r.service.policy !== null && typeof r.service.policy !== 'string')
    )
      return undefined;
    return r as RevertRecord;
  } catch {
    return undefined;
  }
}

/** What a verified release means for one open revert pull request. */
export type StaleDecision =
  { kind: 'supersede' } | { kind: 'keep'; why: string } | { kind: 'check-ancestry' };

/**
 * Before ancestry is known: a revert of another service or of another branch than the
 * verified run's is left alone. `branch` is undefined when the run was not on a branch (a tag):
 * then ancestry alone decides.
 */
export function staleDecision(
  record: RevertRecord,
  verified: { sha: string; branch: string | undefined; service: RevertService },
): StaleDecision {
  if (!sameService(record.service, verified.service))
    return { kind: 'keep', why: 'another service (policy or targets)' };
  if (verified.branch !== undefined && verified.branch !== record.branch)
    return {
      kind: 'keep',
      why: `it reverts on ${record.branch}, this run verified ${verified.branch}`,
    };
  return { kind: 'check-ancestry' };
}

/** The branch of a GITHUB_REF, or undefined for a tag or a pull request's merge ref. */
export function branchOfRef(ref: string | undefined): string | undefined {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
