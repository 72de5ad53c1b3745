/**
 * The git-revert executor: undoes a deployed range in git, so the normal pipeline redeploys the
 * code from before it. All work happens in a temporary worktree on the target branch's tip, so
 * the user's workspace (its checkout, index and files) is never touched, and the worktree is
 * removed whatever happens. The revert is delivered as a pull request (the default: a person
 * merges it) or pushed to the branch; a push that lost a race is rebased and retried once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { messageOf } from '../errors.js';
import { plural } from '../text.js';
import { GitError, type Git, type GitRunOptions } from '../git.js';
import type { GitHub, PullRequest } from '../github.js';
import { assertSha, type DeployedRange, type RangeCommit } from '../decide/range.js';
import { code, escapeText, markdownTable } from '../report/markdown.js';
import { revertMarker, type RevertRecord, type RevertService } from './revert-record.js';

export interface RevertOptions {
  range: DeployedRange;
  mode: 'one' | 'per-commit';
  delivery: 'pull-request' | 'push';
  /** The target branch; default: the repository's default branch, else origin's HEAD. */
  branch?: string;
  /** Labels for the pull request (the caller applies the default `rollback`). */
  labels: readonly string[];
  message: { verdict: string; headline: string; runUrl?: string; reason?: string };
  dryRun: boolean;
  /** Makes the pull request's branch name unique per run (and the same on a re-run). */
  runId?: string;
  /**
   * Paths kept as the branch has them (additive migrations the database has already run: the
   * schema stays, so their files stay too, or the migration tool reports them missing).
   */
  keep?: readonly string[];
  /** Whose revert it is, recorded in the pull request's marker. */
  service?: RevertService;
  /**
   * Commits verified healthy (the ledger's), with what verified them: a branch that moved past
   * the deployed commit to one of these gets no revert, which would roll back past it.
   */
  verified?: ReadonlyMap<string, string>;
}

/** A commit on the branch after the deployed one, and what verified it, if anything did. */
export interface CommitSince {
  sha: string;
  subject: string;
  verified?: string;
}

/** At most this many commits since the deployed one are listed (the newest). */
const SINCE_LIMIT = 50;

export interface RevertResult {
  /**
   * `skipped`: the branch already has the base's content, so there is nothing to revert.
   * `superseded`: the branch moved past the deployed commit to a release verified healthy.
   */
  outcome: 'reverted' | 'planned' | 'conflict' | 'failed' | 'skipped' | 'superseded';
  delivery: 'pull-request' | 'push';
  branch: string;
  /** The pull request's branch. */
  headBranch?: string;
  /** The range's commits that were reverted, newest first. */
  reverted: string[];
  /** The revert commits delivered, oldest first (none for a plan). */
  commits: string[];
  /** The revert commits' messages, made or (dry run) planned. */
  messages: string[];
  diffStat: string;
  pullRequest?: PullRequest;
  pushed?: { sha: string; retried: boolean };
  conflicts?: string[];
  error?: string;
  /** The branch's commits after the deployed one, newest first (when it moved; the newest 50). */
  since?: CommitSince[];
  /** How many commits came after the deployed one, all told. */
  sinceTotal?: number;
  /** Why no revert was made, for `superseded`. */
  reason?: string;
}

/** Repository hooks (husky's pre-commit, an LFS pre-push) are the project's, not a rollback's. */
const NO_HOOKS = ['-c', 'core.hooksPath=/dev/null'];
const NETWORK_TIMEOUT_MS = 300_000;

export async function revertRange(
  git: Git,
  github: GitHub | undefined,
  options: RevertOptions,
  log: (line: string) => void,
): Promise<RevertResult> {
  const { range, delivery } = options;
  const result: RevertResult = {
    outcome: 'failed',
    delivery,
    branch: options.branch ?? '',
    reverted: [],
    commits: [],
    messages: [],
    diffStat: '',
  };
  const fail = (error: string): RevertResult => {
    log(`git revert failed: ${error}`);
    return { ...result, outcome: 'failed', error };
  };
  if (range.commits.length === 0) return fail('the deployed range has no commits to revert');
  if (delivery === 'pull-request' && !github && !options.dryRun)
    return fail('a pull request needs a GitHub token (the github-token input)');

  const root = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'rollback-revert-'));
  const tree = path.join(root, 'tree');
  let added = false;
  const inTree = (args: readonly string[], runOptions: GitRunOptions = {}) =>
    git.run([...NO_HOOKS, ...args], { cwd: tree, ...runOptions });
  try {
    const chain = firstParentChain(range);
    const branch = options.branch ?? (await targetBranch(git, github));
    result.branch = branch;
    await assertBranchName(git, branch);
    const tip = await fetchBranch((args, o) => git.run(args, o), branch);
    if (!(await isAncestor(git, range.head, tip)))
      return fail(
        `the deployed commit ${short(range.head)} is not on ${branch} (tip ${short(tip)})`,
      );
    // The branch moved on since the deploy: say what came after, and never revert past a
    // release verified healthy since (merging that revert would roll back a good release).
    if (tip !== range.head) {
      const { commits, total } = await commitsSince(git, range.head, tip, options.verified);
      result.since = commits;
      result.sinceTotal = total;
      log(
        `${branch} has moved past the deployed commit ${short(range.head)}: ${plural(total, 'commit')} since`,
      );
      const healthy = result.since.find((c) => c.verified);
      if (healthy) {
        const reason = `${branch} is already past a release verified healthy: ${short(healthy.sha)} ${oneLine(healthy.subject)} (${healthy.verified ?? 'verified'}), newer than the deployed ${short(range.head)}; a revert would roll back past it, so none is made: roll forward or fix forward`;
        log(reason);
        return { ...result, outcome: 'superseded', reason };
      }
    }
    await git.run([...NO_HOOKS, 'worktree', 'add', '--detach', '--quiet', tree, tip]);
    added = true;

    const made = await makeReverts(inTree, chain, options, log, tip);
    if (made.kind === 'conflict') {
      log(`git revert: conflict in ${made.paths.join(', ')}`);
      return {
        ...result,
        outcome: 'conflict',
        conflicts: made.paths,
        error: `reverting ${short(made.commit)} conflicts with later changes on ${branch}: ${made.paths.join(', ')}`,
      };
    }
    if (made.commits.length === 0) {
      log(`nothing to revert: ${branch} already has the content from before the deploy`);
      return { ...result, outcome: 'skipped' };
    }
    result.reverted = chain.map((c) => c.sha);
    result.messages = made.messages;
    result.diffStat = await diffStat(inTree, tip);
    if (options.dryRun) {
      log(
        `dry run: would revert ${plural(chain.length, 'commit')} on ${branch}:\n${result.diffStat}`,
      );
      return { ...result, outcome: 'planned' };
    }
    result.commits = made.commits;

    if (delivery === 'push') return await pushToBranch(inTree, branch, tip, result, log);
    return await openPullRequest(inTree, github as GitHub, branch, chain, options, result, log);
  } catch (error) {
    return fail(messageOf(error));
  } finally {
    const removed =
      !added ||
      (await git.run(['worktree', 'remove', '--force', tree], { allowFail: true })).code === 0;
    await rm(root, { recursive: true, force: true });
    // Only when removing failed: prune also drops other stale worktrees, which are not ours.
    if (!removed) await git.run(['worktree', 'prune'], { allowFail: true });
  }
}

/**
 * The commits to revert, newest first: the range's first-parent line from head down to base. A
 * merge reverted with `-m 1` takes its branch's commits with it, so those are not reverted
 * again (that would undo them twice). Together they undo exactly base..head, which is why the
 * base must be on that line: a base inside a merged branch has no such set of reverts.
 */
export function firstParentChain(range: DeployedRange): RangeCommit[] {
  const bySha = new Map(range.commits.map((c) => [c.sha, c]));
  for (const sha of [range.base, range.head, ...bySha.keys()])
    assertSha(sha, 'a commit of the range', { full: true });
  const chain: RangeCommit[] = [];
  for (let sha = range.head; sha !== range.base;) {
    const commit = bySha.get(sha);
    if (!commit || chain.length >= bySha.size)
      throw new Error(
        `the base ${short(range.base)} is not on the first-parent line of ${short(range.head)} (inside a merged branch?): a revert cannot go back to it exactly`,
      );
    chain.push(commit);
    sha = commit.parents[0] ?? '';
  }
  return chain;
}

type InTree = (args: readonly string[], options?: GitRunOptions) => ReturnType<Git['run']>;

type Made =
  | { kind: 'done'; commits: string[]; messages: string[] }
  | { kind: 'conflict'; commit: string; paths: string[] };

/** Reverts every commit of the range, newest first, into one commit or one per commit. */
async function makeReverts(
  inTree: InTree,
  chain: readonly RangeCommit[],
  options: RevertOptions,
  log: (line: string) => void,
  tip: string,
): Promise<Made> {
  const keep = async (): Promise<void> => {
    for (const file of options.keep ?? []) {
      const there = await inTree(['cat-file', '-e', `${tip}:${file}`], { allowFail: true });
      if (there.code === 0) await inTree(['checkout', tip, '--', file]);
    }
  };
  const commits: string[] = [];
  const messages: string[] = [];
  const commit = async (message: string): Promise<void> => {
    // -F -: the message (commit subjects from the outside world) never is an argument.
    await inTree(['commit', '--quiet', '--no-verify', '--cleanup=whitespace', '-F', '-'], {
      input: message,
    });
    commits.push((await inTree(['rev-parse', 'HEAD'])).stdout.trim());
    messages.push(message);
  };
  for (const c of chain) {
    const mainline = c.parents.length > 1 ? ['-m', '1'] : [];
    const r = await inTree(['revert', '--no-edit', '--no-commit', ...mainline, c.sha], {
      allowFail: true,
    });
    if (r.code !== 0) {
      const unmerged = await inTree(['diff', '--name-only', '-z', '--diff-filter=U']);
      await inTree(['revert', '--abort'], { allowFail: true });
      await inTree(['reset', '--hard', '--quiet'], { allowFail: true });
      const paths = unmerged.stdout.split('\0').filter(Boolean);
      if (paths.length > 0) return { kind: 'conflict', commit: c.sha, paths };
      throw new GitError(['revert', c.sha], r.code, lastLine(r.stderr));
    }
    await keep();
    log(`${options.dryRun ? 'would revert' : 'reverted'} ${short(c.sha)} ${c.subject}`);
    if (options.mode === 'per-commit') {
      if (await nothingStaged(inTree)) log(`reverting ${short(c.sha)} changes nothing: no commit`);
      else await commit(perCommitMessage(c, options));
    }
  }
  if (options.mode === 'one' && !(await nothingStaged(inTree)))
    await commit(rangeMessage(chain, options));
  return { kind: 'done', commits, messages };
}

async function nothingStaged(inTree: InTree): Promise<boolean> {
  const r = await inTree(['diff', '--cached', '--quiet', 'HEAD', '--'], { allowFail: true });
  return r.code === 0;
}

async function diffStat(inTree: InTree, from: string): Promise<string> {
  return (await inTree(['diff', '--stat', from, 'HEAD', '--'])).stdout.trimEnd();
}

/** Pushes to the branch itself; a non-fast-forward (someone pushed meanwhile) is rebased once. */
async function pushToBranch(
  inTree: InTree,
  branch: string,
  tip: string,
  result: RevertResult,
  log: (line: string) => void,
): Promise<RevertResult> {
  const first = await push(inTree, `refs/heads/${branch}`);
  if (first.kind === 'ok') return pushed(inTree, result, false, branch, log);
  if (first.kind === 'error') return { ...result, outcome: 'failed', error: first.error };
  log(`push to ${branch} rejected: ${branch} moved since the fetch; rebasing once`);
  const newTip = await fetchBranch(inTree, branch);
  const rebase = await inTree(['rebase', '--quiet', newTip], { allowFail: true });
  if (rebase.code !== 0) {
    await inTree(['rebase', '--abort'], { allowFail: true });
    return {
      ...result,
      outcome: 'failed',
      error: `git rebase: the revert conflicts with what was pushed to ${branch} since ${short(tip)}`,
    };
  }
  const commits = (await inTree(['rev-list', '--reverse', `${newTip}..HEAD`])).stdout
    .split('\n')
    .filter(Boolean);
  if (commits.length === 0) return { ...result, outcome: 'skipped', commits: [], diffStat: '' };
  const rebased = { ...result, commits, diffStat: await diffStat(inTree, newTip) };
  const second = await push(inTree, `refs/heads/${branch}`);
  if (second.kind === 'ok') return pushed(inTree, rebased, true, branch, log);
  return {
    ...rebased,
    outcome: 'failed',
    error:
      second.kind === 'rejected'
        ? `git push: ${branch} moved again while rebasing; rejected twice, not retried`
        : second.error,
  };
}

async function pushed(
  inTree: InTree,
  result: RevertResult,
  retried: boolean,
  branch: string,
  log: (line: string) => void,
): Promise<RevertResult> {
  const sha = (await inTree(['rev-parse', 'HEAD'])).stdout.trim();
  log(`pushed ${short(sha)} to ${branch}${retried ? ' (after a rebase)' : ''}`);
  return { ...result, outcome: 'reverted', pushed: { sha, retried } };
}

/** `rejected`: a non-fast-forward; `error`: any other failure, in one line. */
type PushOutcome = { kind: 'ok' } | { kind: 'rejected' } | { kind: 'error'; error: string };

async function push(inTree: InTree, ref: string, lease?: string): Promise<PushOutcome> {
  const r = await inTree(
    [
      'push',
      '--porcelain',
      '--no-verify',
      ...(lease !== undefined ? [`--force-with-lease=${ref}:${lease}`] : []),
      'origin',
      `HEAD:${ref}`,
    ],
    { auth: true, allowFail: true, timeoutMs: NETWORK_TIMEOUT_MS },
  );
  if (r.code === 0) return { kind: 'ok' };
  const text = `${r.stdout}\n${r.stderr}`;
  if (/\[rejected\].*\((?:non-fast-forward|fetch first)\)/.test(text)) return { kind: 'rejected' };
  return {
    kind: 'error',
    error: `git push: ${lastLine(r.stderr) || lastLine(r.stdout) || `exit ${r.code ?? 'by signal'}`}`,
  };
}

/** Pushes the revert to its own branch and opens (or reuses) the pull request. */
async function openPullRequest(
  inTree: InTree,
  github: GitHub,
  branch: string,
  chain: readonly RangeCommit[],
  options: RevertOptions,
  result: RevertResult,
  log: (line: string) => void,
): Promise<RevertResult> {
  const stamp = (options.runId ?? Date.now().toString(36)).replace(/[^\w.-]/g, '-');
  const headBranch = `rollback/revert-${short(options.range.head)}-${stamp}`;
  const withBranch = { ...result, headBranch };
  // A re-run of the same run finds its branch: replaced, but only from the SHA seen here.
  const existing = await inTree(['ls-remote', '--heads', 'origin', `refs/heads/${headBranch}`], {
    auth: true,
    timeoutMs: NETWORK_TIMEOUT_MS,
  });
  const lease = existing.stdout.split('\t')[0]?.trim();
  const pushedBranch = await push(inTree, `refs/heads/${headBranch}`, lease || undefined);
  if (pushedBranch.kind !== 'ok')
    return {
      ...withBranch,
      outcome: 'failed',
      error:
        pushedBranch.kind === 'rejected' ? `git push: ${headBranch} rejected` : pushedBranch.error,
    };
  log(`pushed the revert to ${headBranch}`);
  try {
    const found = await github.findOpenPullRequest(headBranch, branch);
    const pullRequest =
      found ??
      (await github.createPullRequest({
        head: headBranch,
        base: branch,
        title: subjectOf(options),
        body: pullRequestBody(chain, options, branch, result.since, result.sinceTotal),
      }));
    log(`${found ? 'reusing' : 'opened'} pull request #${pullRequest.number}: ${pullRequest.url}`);
    await github.addLabels(pullRequest.number, options.labels);
    return { ...withBranch, outcome: 'reverted', pullRequest };
  } catch (error) {
    return { ...withBranch, outcome: 'failed', error: messageOf(error) };
  }
}

/**
 * The remote's own default branch (its HEAD, which on GitHub is the repository's default
 * branch), asked of git first so a push needs no API call; GitHub's answer when git cannot say.
 */
async function targetBranch(git: Git, github: GitHub | undefined): Promise<string> {
  const r = await git.run(['ls-remote', '--symref', 'origin', 'HEAD'], {
    auth: true,
    allowFail: true,
    timeoutMs: NETWORK_TIMEOUT_MS,
  });
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(r.stdout);
  if (r.code === 0 && match?.[1]) return match[1];
  if (github) return github.defaultBranch();
  throw new Error("origin's HEAD names no branch: set git.branch in the policy");
}

/** A branch name git accepts, never one read as an option. */
async function assertBranchName(git: Git, branch: string): Promise<void> {
  const r = await git.run(['check-ref-format', `refs/heads/${branch}`], { allowFail: true });
  if (branch.startsWith('-') || r.code !== 0)
    throw new Error(`${JSON.stringify(branch)} is not a valid branch name`);
}

/** Fetches the branch into its remote-tracking ref; returns its tip. */
async function fetchBranch(run: InTree, branch: string): Promise<string> {
  const ref = `refs/remotes/origin/${branch}`;
  await run(['fetch', '--no-tags', '--quiet', 'origin', `+refs/heads/${branch}:${ref}`], {
    auth: true,
    timeoutMs: NETWORK_TIMEOUT_MS,
  });
  return (await run(['rev-parse', '--verify', `${ref}^{commit}`])).stdout.trim();
}

/**
 * The commits in `head..tip`, newest first: every one is checked against `verified` (a release
 * verified deep in a long range still counts), and the newest SINCE_LIMIT are kept to show,
 * with any verified one among them. `total` is how many there are.
 */
async function commitsSince(
  git: Git,
  head: string,
  tip: string,
  verified: ReadonlyMap<string, string> | undefined,
): Promise<{ commits: CommitSince[]; total: number }> {
  const all = (await git.run(['rev-list', `${head}..${tip}`])).stdout.split('\n').filter(Boolean);
  const healthy = all.find((sha) => verified?.has(sha));
  const shown = all.slice(0, SINCE_LIMIT);
  if (healthy && !shown.includes(healthy)) shown.push(healthy);
  if (!shown.length) return { commits: [], total: 0 };
  // One git call for the subjects, in the order asked.
  const log = await git.run(['log', '--no-walk=unsorted', '--format=%H%x09%s', ...shown]);
  const commits = log.stdout
    .split('\n')
    .filter(Boolean)
    .map((line): CommitSince => {
      const [sha = '', ...subject] = line.split('\t');
      const by = verified?.get(sha);
      return { sha, subject: subject.join('\t'), ...(by ? { verified: by } : {}) };
    });
  return { commits, total: all.length };
}

async function isAncestor(git: Git, ancestor: string, of: string): Promise<boolean> {
  const r = await git.run(['merge-base', '--is-ancestor', ancestor, of], { allowFail: true });
  if (r.code === 0) return true;
  if (r.code === 1) return false;
  throw new GitError(['merge-base'], r.code, lastLine(r.stderr));
}

// ---------------------------------------------------------------------------------------------
// Messages

function short(sha: string): string {
  return sha.slice(0, 7);
}

function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? ''
  );
}

function subjectOf(options: RevertOptions): string {
  const { range, message } = options;
  return `Revert deploy ${short(range.base)}..${short(range.head)}: ${oneLine(message.verdict)}`;
}

/** The headline, the reason and the run, one paragraph each. */
function why(options: RevertOptions): string[] {
  const { headline, reason, runUrl } = options.message;
  return [
    headline,
    ...(reason ? [`Reason: ${reason}`] : []),
    ...(runUrl ? [`Run: ${runUrl}`] : []),
  ].filter(Boolean);
}

/** Mode one: what the deploy brought, why it goes, and `Reverts:` trailers git can parse. */
function rangeMessage(chain: readonly RangeCommit[], options: RevertOptions): string {
  return [
    subjectOf(options),
    ...why(options),
    [
      'Reverted commits (newest first):',
      ...chain.map((c) => `- ${short(c.sha)} ${oneLine(c.subject)}${mergeNote(c)}`),
    ].join('\n'),
    ...keptNote(options),
    chain.map((c) => `Reverts: ${c.sha}`).join('\n'),
  ].join('\n\n');
}

function keptNote(options: RevertOptions): string[] {
  return options.keep?.length
    ? [`Kept (the database has run these; the schema stays): ${options.keep.join(', ')}`]
    : [];
}

function perCommitMessage(c: RangeCommit, options: RevertOptions): string {
  const merge = c.parents.length > 1 ? `, reversing changes made to ${c.parents[0] ?? ''}` : '';
  return [
    `Revert "${oneLine(c.subject)}"`,
    `This reverts commit ${c.sha}${merge}.`,
    `Part of: ${subjectOf(options)}`,
    ...why(options),
    `Reverts: ${c.sha}`,
  ].join('\n\n');
}

function mergeNote(c: RangeCommit): string {
  return c.parents.length > 1 ? ' (a merge: with its branch)' : '';
}

function pullRequestBody(
  chain: readonly RangeCommit[],
  options: RevertOptions,
  branch: string,
  since: readonly CommitSince[] = [],
  sinceTotal = since.length,
): string {
  const { range, message } = options;
  const record: RevertRecord = {
    version: 1,
    service: options.service ?? { policy: null, targets: [] },
    branch,
    base: range.base,
    head: range.head,
    reverted: chain.map((c) => c.sha),
    verdict: message.verdict,
    ...(message.runUrl ? { run: message.runUrl } : {}),
  };
  return [
    `Automatic rollback of the deploy ${code(`${short(range.base)}..${short(range.head)}`)}: merging this pull request reverts it, and the normal pipeline redeploys the code from ${code(short(range.base))}.`,
    `**Verdict:** ${escapeText(message.verdict)}. ${escapeText(message.headline)}`,
    ...(message.reason ? [`**Reason:** ${escapeText(message.reason)}`] : []),
    ...(message.runUrl ? [`**Run:** ${message.runUrl}`] : []),
    `**Reverted commits** (newest first; ${options.mode === 'one' ? 'one revert commit' : 'one revert commit each'}):`,
    markdownTable(
      ['Commit', 'Subject'],
      // In a code span: a subject's @mention or HTML is shown, not acted on.
      chain.map((c) => [code(c.sha), `${code(oneLine(c.subject))}${mergeNote(c)}`]),
    ),
    ...(since.length
      ? [
          `**${escapeText(branch)} has moved on** since the deployed commit: ${plural(sinceTotal, 'commit')} came after it (${sinceTotal > since.length ? `the newest ${since.length} here` : 'newest first'}). Merging reverts only the deployed range; check that none of these depends on it.`,
          markdownTable(
            ['Commit', 'Subject'],
            since.map((c) => [code(c.sha), code(oneLine(c.subject))]),
          ),
        ]
      : []),
    `A newer release verified healthy on ${code(branch)} closes this pull request (policy \`git.stale-reverts\`).`,
    revertMarker(record),
  ].join('\n\n');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
