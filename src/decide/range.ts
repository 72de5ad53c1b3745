/**
 * The deployed commit range, read with real git: from a base (the commit the deploy replaced)
 * to the deployed head. It feeds two decisions: which migrations the deploy brought (a
 * destructive one forbids an automatic rollback) and which commits a git revert undoes. Both
 * go wrong quietly on a wrong range, so every step is checked: SHAs are validated before they
 * reach git, a base must be an ancestor of the head, and what a shallow checkout lacks is
 * fetched, or the error says how to make the checkout deep enough.
 */
import { plural } from '../text.js';
import { UserError, quote } from '../errors.js';
import type { Git } from '../git.js';
import type { FileStatus, RangeFile } from './migrations.js';

export type BaseSource = 'to-revision' | 'last-good' | 'push-before' | 'first-parent';

export interface BaseCandidate {
  sha: string;
  from: BaseSource;
}

export interface RangeCommit {
  sha: string;
  parents: string[];
  subject: string;
  /** The author's name, as git has it (shown as text, never as a mention). */
  author?: string;
}

export interface DeployedRange {
  base: string;
  baseFrom: BaseSource;
  head: string;
  /** Newest first (children before parents), base excluded, head included. */
  commits: RangeCommit[];
  /** Migration files only, their texts filled. */
  files: RangeFile[];
  /** What was fetched or skipped on the way, for the log and the report. */
  notes: string[];
}

/** SHA-1 (40) or SHA-256 (64) object names, lower case. */
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** An abbreviated SHA as `to-revision` takes it: a commit has at least one letter. */
const SHORT_SHA = /^[0-9a-f]{7,64}$/;
/** The `before` of a push that created the branch. */
const ZERO_SHA = /^(?:0{40}|0{64})$/;

export const MAX_RANGE_COMMITS = 5000;
/** How far a shallow checkout is deepened, in steps (small ranges are the common case). */
const DEEPEN_STEPS = [10, 40, 150, 800];
export const MAX_DEEPEN = DEEPEN_STEPS.reduce((a, b) => a + b, 0);
/** Bigger migration files are left unread: classifyRange then counts them as destructive. */
export const MAX_MIGRATION_BYTES = 1024 * 1024;
const FETCH_TIMEOUT_MS = 300_000;

export function isFullSha(value: string): boolean {
  return FULL_SHA.test(value);
}

/** Throws unless `value` is a (possibly abbreviated) hex SHA: nothing else reaches git as one. */
export function assertSha(value: string, what: string, options: { full?: boolean } = {}): string {
  const sha = value.trim().toLowerCase();
  const ok = options.full ? FULL_SHA.test(sha) : SHORT_SHA.test(sha);
  if (!ok)
    throw new UserError(
      `${what} ${quote(value)} is not a ${options.full ? 'full ' : ''}commit SHA (hexadecimal)`,
    );
  return sha;
}

/**
 * Pure: the bases to try, in the issue's order: `to-revision` when it is a commit SHA, the
 * ledger's last-good SHA, the push event's `before` (40 zeros for a new branch: ignored);
 * readDeployedRange adds the head's first parent last. Duplicates are dropped. A to-revision
 * that names no commit (`previous`, `last-good`, a revision number) is not a base here; a
 * value that is neither, or a malformed ledger or event SHA, is refused rather than skipped.
 */
export function baseCandidates(facts: {
  toRevision?: string;
  lastGoodSha?: string;
  pushBefore?: string;
}): BaseCandidate[] {
  const out: BaseCandidate[] = [];
  const add = (sha: string, from: BaseSource): void => {
    if (!out.some((c) => c.sha === sha)) out.push({ sha, from });
  };
  const to = facts.toRevision?.trim();
  if (to && !/^(?:previous|last-good|[1-9]\d{0,9})$/.test(to)) {
    const sha = assertSha(to, 'to-revision');
    if (!/[a-f]/.test(sha) && !FULL_SHA.test(sha))
      throw new UserError(`to-revision ${quote(to)} is neither a revision number nor a SHA`);
    add(sha, 'to-revision');
  }
  if (facts.lastGoodSha?.trim())
    add(assertSha(facts.lastGoodSha, 'the last-good SHA', { full: true }), 'last-good');
  const before = facts.pushBefore?.trim();
  if (before && !ZERO_SHA.test(before))
    add(assertSha(before, "the push event's before", { full: true }), 'push-before');
  return out;
}

export interface ReadRangeOptions {
  isMigration: (path: string) => boolean;
  log?: (line: string) => void;
}

export async function readDeployedRange(
  git: Git,
  head: string,
  candidates: readonly BaseCandidate[],
  options: ReadRangeOptions,
): Promise<DeployedRange> {
  const notes: string[] = [];
  const note = (line: string): void => {
    notes.push(line);
    options.log?.(line);
  };
  const history = new History(git, note);
  const headSha = await history.require(assertSha(head, 'the deployed commit'), 'head');

  let chosen: { sha: string; from: BaseSource } | undefined;
  for (const candidate of candidates) {
    const sha = await history.require(assertSha(candidate.sha, candidate.from), candidate.from);
    if (sha === headSha)
      throw new UserError(
        `nothing deployed between ${short(sha)} (${candidate.from}) and ${short(headSha)}: the base is the deployed commit itself`,
      );
    if (await history.reaches(headSha, sha)) {
      chosen = { sha, from: candidate.from };
      break;
    }
    const why = history.shallow
      ? `not an ancestor of ${short(headSha)} within the ${MAX_DEEPEN} commits fetched`
      : `not an ancestor of ${short(headSha)} (another branch?)`;
    // An explicit to-revision is what the user asked for: never replaced by a guess.
    if (candidate.from === 'to-revision')
      throw new UserError(
        `to-revision ${short(sha)} is ${why}: a git revert goes back to an earlier commit of the deployed branch${history.shallow ? '; set fetch-depth: 0 on actions/checkout' : ''}`,
      );
    note(`skipped ${candidate.from} ${short(sha)}: ${why}`);
  }
  chosen ??= { sha: await history.firstParent(headSha), from: 'first-parent' };

  const commits = await readCommits(git, chosen.sha, headSha);
  const files = await readFiles(git, chosen.sha, headSha, options.isMigration);
  options.log?.(
    `deployed range ${short(chosen.sha)}..${short(headSha)} (base from ${chosen.from}): ${plural(commits.length, 'commit')}, ${plural(files.length, 'migration file')}`,
  );
  return { base: chosen.sha, baseFrom: chosen.from, head: headSha, commits, files, notes };
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

const SHALLOW_HINT =
  'actions/checkout needs fetch-depth: 0 (or a depth that covers the deployed range)';

/** What the checkout has of history, and fetching what it lacks from origin (the range, the freeze). */
export class History {
  shallow = false;
  private checkedShallow = false;
  private steps = 0;

  constructor(
    private readonly git: Git,
    private readonly note: (line: string) => void,
  ) {}

  private async isShallow(): Promise<boolean> {
    if (!this.checkedShallow) {
      const r = await this.git.run(['rev-parse', '--is-shallow-repository']);
      this.shallow = r.stdout.trim() === 'true';
      this.checkedShallow = true;
    }
    return this.shallow;
  }

  private async resolve(sha: string): Promise<string | undefined> {
    const r = await this.git.run(['rev-parse', '--verify', '--quiet', `${sha}^{commit}`], {
      allowFail: true,
    });
    const full = r.stdout.trim();
    return r.code === 0 && isFullSha(full) ? full : undefined;
  }

  /** The full SHA of a commit, fetched from origin when the checkout lacks it. */
  async require(sha: string, what: string): Promise<string> {
    const present = await this.resolve(sha);
    if (present) return present;
    if (isFullSha(sha)) {
      // In a shallow checkout the commit alone is enough: its ancestry comes by deepening.
      const depth = (await this.isShallow()) ? ['--depth=1'] : [];
      const r = await this.git.run(['fetch', '--no-tags', '--quiet', ...depth, 'origin', sha], {
        auth: true,
        allowFail: true,
        timeoutMs: FETCH_TIMEOUT_MS,
      });
      const fetched = r.code === 0 ? await this.resolve(sha) : undefined;
      if (fetched) {
        this.note(`fetched ${what} ${short(sha)}, which the checkout lacked`);
        return fetched;
      }
    }
    throw new UserError(
      `commit ${sha} (${what}) is not in the checkout and could not be fetched from origin${isFullSha(sha) ? '' : ' (give the full SHA)'}: ${SHALLOW_HINT}`,
    );
  }

  private async isAncestor(ancestor: string, of: string): Promise<boolean> {
    const r = await this.git.run(['merge-base', '--is-ancestor', ancestor, of], {
      allowFail: true,
    });
    if (r.code === 0) return true;
    if (r.code === 1) return false;
    throw new UserError(
      `git merge-base: ${r.stderr.trim().split('\n').at(-1) ?? `exit ${r.code ?? 'by signal'}`}`,
    );
  }

  /** Whether `base` is an ancestor of `head`, deepening a shallow checkout up to a bound. */
  async reaches(head: string, base: string): Promise<boolean> {
    if (await this.isAncestor(base, head)) return true;
    while (await this.deepen(head)) if (await this.isAncestor(base, head)) return true;
    return false;
  }

  /** Fetches the next step of history below head; false when there is nothing more to get. */
  private async deepen(head: string): Promise<boolean> {
    if (!(await this.isShallow())) return false;
    const step = DEEPEN_STEPS[this.steps];
    if (step === undefined) return false;
    const before = await this.count(head);
    const r = await this.git.run(
      ['fetch', '--no-tags', '--quiet', `--deepen=${step}`, 'origin', head],
      { auth: true, allowFail: true, timeoutMs: FETCH_TIMEOUT_MS },
    );
    if (r.code !== 0)
      throw new UserError(
        `could not deepen the shallow checkout (git fetch: ${r.stderr.trim().split('\n').at(-1) ?? ''}): ${SHALLOW_HINT}`,
      );
    this.steps += 1;
    this.checkedShallow = false;
    const after = await this.count(head);
    if (after > before) this.note(`fetched ${after - before} commits a shallow checkout lacked`);
    return after > before;
  }

  private async count(head: string): Promise<number> {
    const r = await this.git.run(['rev-list', '--count', head]);
    return Number(r.stdout.trim());
  }

  /** The head's first parent: the base when no candidate is an ancestor. */
  async firstParent(head: string): Promise<string> {
    for (;;) {
      const parent = await this.resolve(`${head}^1`);
      if (parent) return parent;
      if (!(await this.deepen(head)))
        throw new UserError(
          `the deployed commit ${short(head)} has no parent in the checkout${this.shallow ? `: ${SHALLOW_HINT}` : ' (it is the first commit)'}`,
        );
    }
  }
}

async function readCommits(git: Git, base: string, head: string): Promise<RangeCommit[]> {
  const r = await git.run(
    [
      'log',
      '--topo-order',
      `--max-count=${MAX_RANGE_COMMITS + 1}`,
      '--format=%H%x00%P%x00%an%x00%s',
      `${base}..${head}`,
      '--',
    ],
    { maxOutput: 64 * 1024 * 1024 },
  );
  const commits = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha = '', parents = '', author = '', subject = ''] = line.split('\0');
      return { sha, parents: parents.split(' ').filter(Boolean), subject, author };
    });
  if (commits.length > MAX_RANGE_COMMITS)
    throw new UserError(
      `the deployed range ${short(base)}..${short(head)} has more than ${MAX_RANGE_COMMITS} commits: is the base right?`,
    );
  return commits;
}

const STATUS: Record<string, FileStatus> = {
  A: 'added',
  C: 'added',
  M: 'modified',
  T: 'modified',
  D: 'deleted',
  R: 'renamed',
};

async function readFiles(
  git: Git,
  base: string,
  head: string,
  isMigration: (path: string) => boolean,
): Promise<RangeFile[]> {
  // -z: paths verbatim (no quoting of unusual characters), renames as two fields.
  const r = await git.run(['diff', '--name-status', '-z', '-M', base, head, '--'], {
    maxOutput: 64 * 1024 * 1024,
  });
  const fields = r.stdout.split('\0');
  const files: RangeFile[] = [];
  for (let i = 0; i < fields.length;) {
    const code = fields[i++] ?? '';
    if (!code) continue;
    const letter = code.charAt(0);
    const renamed = letter === 'R' || letter === 'C';
    const previousPath = renamed ? fields[i++] : undefined;
    const path = fields[i++] ?? '';
    const status = STATUS[letter] ?? 'modified';
    if (!isMigration(path) && !(previousPath !== undefined && isMigration(previousPath))) continue;
    const file: RangeFile = { path, status };
    if (letter === 'R') file.previousPath = previousPath;
    if (status !== 'deleted') {
      const text = await readBlob(git, head, path);
      if (text !== undefined) file.text = text;
    }
    if (status === 'modified') {
      const previousText = await readBlob(git, base, path);
      if (previousText !== undefined) file.previousText = previousText;
    }
    files.push(file);
  }
  return files;
}

/** A file's text at a commit; undefined when it is too big (or gone) to read. */
async function readBlob(git: Git, commit: string, path: string): Promise<string | undefined> {
  const spec = `${commit}:${path}`;
  const size = await git.run(['cat-file', '-s', spec], { allowFail: true });
  if (size.code !== 0 || Number(size.stdout.trim()) > MAX_MIGRATION_BYTES) return undefined;
  const r = await git.run(['cat-file', 'blob', spec], {
    allowFail: true,
    maxOutput: 2 * MAX_MIGRATION_BYTES,
  });
  return r.code === 0 ? r.stdout : undefined;
}
