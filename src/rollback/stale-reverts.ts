/**
 * When a run verifies a commit healthy (a guard that passed, mark-good), the revert pull
 * requests this action opened for the same service and branch whose reverted commits are
 * ancestors of that commit are stale: merging one would roll back past a healthy release.
 * Policy `git.stale-reverts` says what happens to them: `close` (default: a comment naming the
 * verified commit, the label `rollback-superseded`, closed), `comment`, or `keep`. Best effort:
 * a failure is one warning, and the verdict stands.
 */
import { messageOf } from '../errors.js';
import type { Git } from '../git.js';
import type { GitHub, LabelledPullRequest } from '../github.js';
import type { TargetRef } from '../kube/snapshot.js';
import { code } from '../report/markdown.js';
import {
  branchOfRef,
  parseRevertMarker,
  serviceOf,
  staleDecision,
  type RevertRecord,
} from './revert-record.js';

export type StaleRevertsPolicy = 'close' | 'comment' | 'keep';

export const SUPERSEDED_LABEL = 'rollback-superseded';
/** On a merged revert pull request once a release carrying it is verified: noted once. */
export const DEPLOYED_LABEL = 'rollback-deployed';
const COMMENT_MARKER = '<!-- rollback-action:superseded -->';

export interface StaleRevert {
  number: number;
  url: string;
  /**
   * What was done: closed, commented, kept (policy keep), left (not stale, with why),
   * failed (stale, but GitHub refused: the detail says what), or deployed (a merged revert
   * this healthy release is the first verified to carry: recorded, its incident told).
   */
  action: 'closed' | 'commented' | 'kept' | 'left' | 'failed' | 'deployed';
  detail: string;
}

export interface Verified {
  sha: string;
  /** GITHUB_REF of the run. */
  ref: string | undefined;
  runUrl: string | undefined;
  at: string;
  policyFile: string | undefined;
  refs: readonly TargetRef[];
}

/** Whether `ancestor` is in the history of `of`: local git first, GitHub's compare otherwise. */
async function isAncestor(
  git: Git | undefined,
  github: GitHub,
  ancestor: string,
  of: string,
): Promise<boolean> {
  if (git) {
    const r = await git.run(['merge-base', '--is-ancestor', ancestor, of], { allowFail: true });
    if (r.code === 0) return true;
    if (r.code === 1) return false;
    // 128: a commit the checkout lacks (a shallow clone); GitHub knows.
  }
  const status = await github.compareStatus(ancestor, of);
  return status === 'ahead' || status === 'identical';
}

function comment(verified: Verified, record: RevertRecord, closing: boolean): string {
  return [
    COMMENT_MARKER,
    `${closing ? 'Closed' : 'Superseded'} by rollback-action: ${code(verified.sha.slice(0, 7))} was verified healthy at ${verified.at}${verified.runUrl ? ` by ${verified.runUrl}` : ''}, and it already contains the reverted commits (${record.reverted.map((sha) => code(sha.slice(0, 7))).join(', ')}). Merging this revert would roll back past a healthy release.`,
    closing
      ? 'If the revert is still wanted, reopen it and remove the label `rollback-superseded`.'
      : 'Policy `git.stale-reverts: comment` leaves it open: close it unless the revert is still wanted.',
  ].join('\n\n');
}

export async function supersedeStaleReverts(
  github: GitHub,
  git: Git | undefined,
  verified: Verified,
  options: { policy: StaleRevertsPolicy; label: string },
): Promise<StaleRevert[]> {
  const service = serviceOf(verified.policyFile, verified.refs);
  const branch = branchOfRef(verified.ref);
  const open: LabelledPullRequest[] = await github.listLabelledPullRequests(options.label);
  const done: StaleRevert[] = [];
  for (const pr of open) {
    const record = parseRevertMarker(pr.body);
    // Not ours (no marker), or already handled by an earlier run.
    if (!record || pr.labels.includes(SUPERSEDED_LABEL)) continue;
    const left = (detail: string) =>
      done.push({ number: pr.number, url: pr.url, action: 'left', detail });
    const decision = staleDecision(record, { sha: verified.sha, branch, service });
    if (decision.kind === 'keep') {
      left(decision.why);
      continue;
    }
    try {
      const reverts = [...new Set([record.head, ...record.reverted])];
      const contained = await Promise.all(
        reverts.map((sha) => isAncestor(git, github, sha, verified.sha)),
      );
      if (!contained.every(Boolean)) {
        left(`${verified.sha.slice(0, 7)} does not contain the reverted commits`);
        continue;
      }
      const what = `reverts ${record.head.slice(0, 7)}; superseded by ${verified.sha.slice(0, 7)}`;
      if (options.policy === 'keep') {
        done.push({ number: pr.number, url: pr.url, action: 'kept', detail: what });
        continue;
      }
      if (options.policy === 'comment') {
        const said = (await github.listIssueComments(pr.number)).some((c) =>
          c.body.includes(COMMENT_MARKER),
        );
        if (!said) await github.commentOnIssue(pr.number, comment(verified, record, false));
        done.push({
          number: pr.number,
          url: pr.url,
          action: 'commented',
          detail: said ? `${what} (said before)` : what,
        });
        continue;
      }
      // Closed first: a refusal leaves it open and unlabelled, so the next run tries again.
      await github.closePullRequest(pr.number);
      await github.commentOnIssue(pr.number, comment(verified, record, true));
      await github.addLabels(pr.number, [SUPERSEDED_LABEL]);
      done.push({ number: pr.number, url: pr.url, action: 'closed', detail: what });
    } catch (error) {
      done.push({
        number: pr.number,
        url: pr.url,
        action: 'failed',
        detail: `not settled (${options.policy}): ${messageOf(error)}`,
      });
    }
  }
  return done;
}

/** A merged revert pull request of this service that the verified commit carries. */
export interface MergedRevert {
  number: number;
  url: string;
  mergeCommit: string;
  record: RevertRecord;
}

/**
 * The revert pull requests of this service and branch merged since the last verified release:
 * closed, merged, not yet noted (no DEPLOYED_LABEL), their merge commit in the verified one.
 */
export async function findMergedReverts(
  github: GitHub,
  git: Git | undefined,
  verified: Verified,
  options: { label: string },
): Promise<MergedRevert[]> {
  const service = serviceOf(verified.policyFile, verified.refs);
  const branch = branchOfRef(verified.ref);
  const found: MergedRevert[] = [];
  for (const pr of await github.listLabelledPullRequests(options.label, 'closed')) {
    const record = parseRevertMarker(pr.body);
    if (!record || !pr.merged || pr.labels.includes(DEPLOYED_LABEL)) continue;
    if (staleDecision(record, { sha: verified.sha, branch, service }).kind === 'keep') continue;
    const mergeCommit = await github.mergeCommitOf(pr.number);
    if (mergeCommit && (await isAncestor(git, github, mergeCommit, verified.sha)))
      found.push({ number: pr.number, url: pr.url, mergeCommit, record });
  }
  return found;
}

/** The incident's comment: the revert it waited for went out and was verified. */
export function deployedComment(verified: Verified, merged: MergedRevert): string {
  return `The revert pull request [#${merged.number}](${merged.url}) was merged (${code(merged.mergeCommit.slice(0, 7))}), and ${code(verified.sha.slice(0, 7))}, which carries it, was verified healthy at ${verified.at}${verified.runUrl ? ` by ${verified.runUrl}` : ''}.`;
}

/** One line for the log: `revert pull request #12 closed: superseded by 1a2b3c4`. */
export function describeStaleRevert(r: StaleRevert): string {
  return `revert pull request #${r.number} ${r.action}: ${r.detail} (${r.url})`;
}
