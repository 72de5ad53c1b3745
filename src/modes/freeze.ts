/**
 * The deploy freeze, before a capture: is an incident the action filed for these targets still
 * open, and if so, does the commit being deployed revert what it froze on? GitHub (the open
 * incident, its markers) and git (the deployed commit's history) are read here; what they say
 * is judged by the pure half in decide/freeze.ts. Nothing is changed anywhere.
 *
 * GitHub not answering, or no token, leaves the freeze unchecked: a warning, and the capture
 * goes on. The freeze is a guard rail on top of the incident, and a GitHub outage must not
 * also stop the deploy that fixes production.
 */
import {
  findRevert,
  parseFrozeMarkers,
  type Froze,
  type FreezeState,
  type HistoryCommit,
} from '../decide/freeze.js';
import { assertSha, History, isFullSha } from '../decide/range.js';
import { messageOf } from '../errors.js';
import type { Git } from '../git.js';
import { GitHubError, ISSUE_READ_PERMISSIONS, type GitHub } from '../github.js';
import type { TargetRef } from '../kube/snapshot.js';
import { incidentIdentity, incidentMarkersFor } from '../report/incident-of-run.js';
import type { ModeContext } from './context.js';

/** Revert commits read from the deployed history at most (git's --grep picks them). */
const MAX_REVERTS = 1000;

export async function checkFreeze(
  context: ModeContext,
  refs: readonly TargetRef[],
  log: (line: string) => void,
): Promise<FreezeState> {
  const github = context.github();
  if (!github) return { state: 'unchecked', problem: 'no github-token or GITHUB_REPOSITORY' };
  const { service } = incidentIdentity(refs, context.env.GITHUB_REPOSITORY);
  // The same targets, or any one of them (a capture of one region of an incident's two).
  const markers = incidentMarkersFor(refs, context.env.GITHUB_REPOSITORY);
  let open;
  try {
    open = await github.findOpenIssue('incident', markers);
  } catch (error) {
    return { state: 'unchecked', problem: unreadable(error) };
  }
  if (!open) return { state: 'clear' };
  const incident = { number: open.number, url: open.url };
  const notes: string[] = [];
  const frozen = [...parseFrozeMarkers(open.body), ...(await commentMarkers(github, open, notes))];

  let revert;
  if (frozen.length === 0)
    notes.push(
      `incident #${open.number} records no commits (no froze marker): no revert can lift it`,
    );
  else {
    const git = context.git();
    if (!git)
      notes.push(
        'no git checkout in the workspace: the deployed commit was not searched for a revert',
      );
    else
      try {
        revert = findRevert(await deployedHistory(git, context.run.sha, frozen, log), frozen);
        if (!revert)
          notes.push(
            `no commit deployed since ${frozen.map((f) => f.head.slice(0, 7)).join(', ')} reverts one of the incident's commits`,
          );
      } catch (error) {
        notes.push(`the deployed history could not be searched for a revert: ${messageOf(error)}`);
      }
  }
  const state = revert ? 'lifted' : context.config.overrideFreeze ? 'overridden' : 'frozen';
  return { state, incident, service, ...(revert ? { revert } : {}), notes };
}

/** Each later event's marker, from the comments the action itself wrote. */
async function commentMarkers(
  github: GitHub,
  open: { number: number; author: string | undefined; comments: number },
  notes: string[],
): Promise<Froze[]> {
  if (open.comments === 0) return [];
  try {
    const comments = await github.listIssueComments(open.number);
    // Anyone may comment on a public repository's issue: only the filer's markers count.
    return comments
      .filter((c) => open.author !== undefined && c.author === open.author)
      .flatMap((c) => parseFrozeMarkers(c.body));
  } catch (error) {
    notes.push(
      `the incident's comments could not be read (${messageOf(error)}): its body alone counts`,
    );
    return [];
  }
}

/**
 * The commits deployed since the bad heads, newest first, that say they revert something:
 * `git log <deployed> --not <heads>` with git's --grep. A head the checkout lacks is fetched,
 * and a shallow checkout deepened until it reaches the deployed commit; a head origin no longer
 * has (history rewritten) excludes nothing, so the deployed commit's whole history is searched.
 */
async function deployedHistory(
  git: Git,
  sha: string | undefined,
  frozen: readonly Froze[],
  log: (line: string) => void,
): Promise<HistoryCommit[]> {
  const history = new History(git, log);
  const deployed = sha
    ? await history.require(assertSha(sha, 'the deployed commit (GITHUB_SHA)'), 'head')
    : (await git.run(['rev-parse', '--verify', 'HEAD^{commit}'])).stdout.trim();
  const heads: string[] = [];
  for (const head of new Set(frozen.map((f) => f.head).filter(isFullSha))) {
    try {
      const found = await history.require(head, "the incident's deployed commit");
      if (found !== deployed) await history.reaches(deployed, found);
      heads.push(found);
    } catch (error) {
      log(`${head.slice(0, 7)}: ${messageOf(error)}; the whole history is searched`);
    }
  }
  const r = await git.run(
    [
      'log',
      '--format=%H%x00%B%x1e',
      `--max-count=${MAX_REVERTS}`,
      '--extended-regexp',
      '--regexp-ignore-case',
      '--grep=This reverts commit [0-9a-f]{7}',
      '--grep=^Reverts: [0-9a-f]{7}',
      deployed,
      ...(heads.length ? ['--not', ...heads] : []),
      '--',
    ],
    { maxOutput: 16 * 1024 * 1024 },
  );
  return r.stdout
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [commit = '', message = ''] = record.split('\0');
      return { sha: commit.trim(), message };
    });
}

/** Why the open incidents could not be read: a 403 names the permission the check needs. */
function unreadable(error: unknown): string {
  if (error instanceof GitHubError && error.status === 403 && !/rate limit/i.test(error.message))
    return `the workflow's token cannot read issues (GitHub list issues: 403); give the job permissions ${ISSUE_READ_PERMISSIONS}`;
  return messageOf(error);
}
