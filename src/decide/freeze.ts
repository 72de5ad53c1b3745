/**
 * The deploy freeze (runbook 003: "block further deploys"), its pure half: what an incident
 * froze on, as the hidden marker the incident body (and each later event's comment) carries,
 * and whether a commit history reverts it. Text in, data out; GitHub and git are elsewhere.
 *
 * The marker: `<!-- rollback-action:froze head=<sha> commits=<sha>,<sha> -->`, full SHAs, the
 * deployed head first and at most MAX_FROZE_COMMITS of its range after it.
 */

/** Commits of the bad range a marker records, besides the head: enough for any revert. */
export const MAX_FROZE_COMMITS = 12;

export interface Froze {
  /** The deployed commit that went bad. */
  head: string;
  /** The bad range's commits, head first when it is one of them; bounded. */
  commits: readonly string[];
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const MARKER =
  /<!-- rollback-action:froze head=([0-9a-f]{40}|[0-9a-f]{64})(?: commits=([0-9a-f,]*))? -->/g;

/**
 * What to record: the head, then the range's commits with the first-parent chain first (what
 * `git revert -m 1` and GitHub's revert button name), then the others, up to the bound.
 * Undefined without a full head SHA: a marker that names nothing lifts nothing.
 */
export function frozeOf(
  head: string | undefined,
  commits: readonly { sha: string; parents: readonly string[] }[] = [],
): Froze | undefined {
  const top = head?.trim().toLowerCase();
  // All zeros is git's null SHA (a push that created a branch): no commit to freeze on.
  if (!top || !FULL_SHA.test(top) || /^0+$/.test(top)) return undefined;
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const chain: string[] = [];
  for (let at = bySha.get(top); at && !chain.includes(at.sha); at = bySha.get(at.parents[0] ?? ''))
    chain.push(at.sha);
  const others = commits.map((c) => c.sha).filter((sha) => !chain.includes(sha));
  const all = [...new Set([top, ...chain, ...others])].filter((sha) => FULL_SHA.test(sha));
  return { head: top, commits: all.slice(0, MAX_FROZE_COMMITS + 1) };
}

export function frozeMarker(froze: Froze): string {
  const commits = froze.commits.filter((sha) => FULL_SHA.test(sha));
  return `<!-- rollback-action:froze head=${froze.head}${commits.length ? ` commits=${commits.join(',')}` : ''} -->`;
}

/** Every froze marker in a text (the body and each comment of the incident), in order. */
export function parseFrozeMarkers(text: string): Froze[] {
  return [...text.matchAll(MARKER)].map((m) => {
    const head = m[1] ?? '';
    const listed = (m[2] ?? '').split(',').filter((sha) => FULL_SHA.test(sha));
    return { head, commits: [...new Set([head, ...listed])].slice(0, MAX_FROZE_COMMITS + 1) };
  });
}

/** A commit of the history searched: its SHA and whole message. */
export interface HistoryCommit {
  sha: string;
  message: string;
}

/**
 * The SHAs a message says it reverts: git's `This reverts commit <sha>` (git revert, GitHub's
 * revert button, this action's per-commit reverts) and the `Reverts: <sha>` trailers of this
 * action's one-commit revert. At least 7 hex digits: an abbreviation is matched as a prefix.
 */
export function revertedBy(message: string): string[] {
  const found = [
    ...message.matchAll(/\bThis reverts commit ([0-9a-f]{7,64})\b/gi),
    ...message.matchAll(/^Reverts: ([0-9a-f]{7,64})\s*$/gim),
  ].map((m) => (m[1] ?? '').toLowerCase());
  return [...new Set(found)];
}

const names = (short: string, full: string): boolean => full.startsWith(short);

export interface RevertFound {
  /** The commit that reverts it. */
  revert: string;
  /** The incident's commit it reverts. */
  reverted: string;
}

/**
 * Whether `history` (the commits deployed since the bad head, newest first, as git log lists
 * them) reverts any commit an incident froze on. A revert that is itself reverted later (the
 * change re-applied: `Revert "Revert …"`) counts for nothing. The newest standing revert wins.
 */
export function findRevert(
  history: readonly HistoryCommit[],
  frozen: readonly Froze[],
): RevertFound | undefined {
  const targets = [...new Set(frozen.flatMap((f) => f.commits))];
  // Oldest first: a revert of a revert must come after the revert it cancels.
  const standing = new Map<string, string[]>();
  for (const commit of [...history].reverse()) {
    const reverted = revertedBy(commit.message);
    for (const short of reverted) {
      const cancelled = [...standing.keys()].find((revert) => names(short, revert));
      if (cancelled) standing.delete(cancelled);
    }
    const hits = targets.filter((sha) => reverted.some((short) => names(short, sha)));
    if (hits.length) standing.set(commit.sha, hits);
  }
  const newest = [...standing.entries()].at(-1);
  return newest ? { revert: newest[0], reverted: newest[1][0] ?? '' } : undefined;
}

/** The open incident a freeze is about. */
export interface FreezeIncident {
  number: number;
  /** The issue's page. */
  url: string;
}

/** What the freeze check found, before a capture. */
export type FreezeState =
  | { state: 'clear' }
  | { state: 'unchecked'; problem: string }
  | {
      state: 'frozen' | 'overridden' | 'lifted';
      incident: FreezeIncident;
      service: string;
      /** The revert in the deployed commit's history that lifts it (state lifted). */
      revert?: RevertFound;
      /** Why no revert lifts it, when none does (no checkout, no marker, ...). */
      notes: readonly string[];
    };

const short = (sha: string): string => sha.slice(0, 7);
const issue = (i: FreezeIncident): string => `incident #${i.number} (${i.url})`;

/** The one line a frozen capture fails with, and its summary says. */
export function frozenLine(service: string, incident: FreezeIncident): string {
  return `deploys are frozen: ${issue(incident)} is open for ${service}; close it when the RCA allows, deploy a revert of its commits, or set override-freeze: true`;
}

/** The line each state is logged with (level decided by the caller); undefined for clear. */
export function freezeLine(s: FreezeState): string | undefined {
  switch (s.state) {
    case 'clear':
      return undefined;
    case 'unchecked':
      return `the deploy freeze was not checked (${s.problem}); capturing anyway`;
    case 'frozen':
      return frozenLine(s.service, s.incident);
    case 'overridden':
      return `deploy freeze overridden (override-freeze: true): ${issue(s.incident)} is still open for ${s.service}`;
    case 'lifted':
      return `deploy freeze lifted: ${short(s.revert?.revert ?? '')} reverts ${short(s.revert?.reverted ?? '')} of ${issue(s.incident)}, which stays open for its RCA`;
  }
}
