/**
 * The git half of a git-revert rollback, with real git: a bare origin and a workspace clone
 * (lab/git/fixture.ts), and the fake GitHub checking every REST call against GitHub's OpenAPI
 * description and pull requests against the origin's branches.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { classifyRange, isMigrationPath } from '../../src/decide/migrations.js';
import { readDeployedRange, type DeployedRange } from '../../src/decide/range.js';
import { UserError } from '../../src/errors.js';
import { BOT_EMAIL, BOT_NAME, GitError, createGit, subcommandOf, type Git } from '../../src/git.js';
import { createGitHub } from '../../src/github.js';
import { revertRange, type RevertOptions } from '../../src/rollback/git-revert.js';
import { createGitFixture, type GitFixture } from '../../lab/git/fixture.js';
import { startFakeGitHub, type FakeGitHub } from '../../lab/github/server.js';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';

const exec = promisify(execFile);
const DESTRUCTIVE = 'prisma/migrations/20261115090000_drop_legacy_total/migration.sql';
const ADDITIVE = 'prisma/migrations/20261101120000_add_discount_code/migration.sql';

let fake: FakeGitHub;
let fixture: GitFixture;

beforeAll(async () => {
  fake = await startFakeGitHub('acme/shop');
}, 30_000);
afterAll(async () => {
  await fake.close();
});

/** A fixture per describe block when its tests only read, per test when they push. */
function useFixture(scope: 'all' | 'each'): void {
  const [before, after] = scope === 'all' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    fixture = await createGitFixture();
    fake.gitRemote = fixture.origin;
    fake.invalid.length = 0;
    fake.unknown.length = 0;
  }, 30_000);
  after(async () => {
    await fixture.cleanup();
  });
}

function sha(name: string): string {
  const value = fixture.shas[name];
  if (!value) throw new Error(`no step ${name}`);
  return value;
}

/** Hermetic git: no system or user config (the machine's identity must not sign the revert). */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: path.dirname(fixture.workspace) };
}

function makeGit(cwd = fixture.workspace, extra: Partial<Parameters<typeof createGit>[0]> = {}) {
  const logs: string[] = [];
  const secrets: string[] = [];
  const git = createGit({
    cwd,
    env: gitEnv(),
    log: (line) => logs.push(line),
    setSecret: (s) => secrets.push(s),
    ...extra,
  });
  return { git, logs, secrets };
}

const isMigration = (p: string): boolean => isMigrationPath(p);

/** A commit pushed to origin's main from a clone of its own, as another person would. */
async function pushFromElsewhere(file: string, content: string, message: string): Promise<string> {
  const other = path.join(path.dirname(fixture.workspace), `other-${Date.now()}-${Math.random()}`);
  await fixture.git(['clone', '-q', fixture.origin, other]);
  await writeFile(path.join(other, file), content);
  await fixture.git(['add', file], other);
  await fixture.git(['commit', '-q', '-m', message], other);
  await fixture.git(['push', '-q', 'origin', 'HEAD:main'], other);
  return fixture.git(['rev-parse', 'HEAD'], other);
}

const inOrigin = (args: string[]): Promise<string> => fixture.git(args, fixture.origin);

describe('createGit', () => {
  useFixture('all');

  test('the token goes to one command as a single Authorization header, never into config or logs', async () => {
    const token = 'ghs_secretToken1234567890abcdefABCDEF0000';
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    const seen: string[][] = [];
    const server = createServer((req, res) => {
      const auth: string[] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        if (req.rawHeaders[i]?.toLowerCase() === 'authorization')
          auth.push(req.rawHeaders[i + 1] ?? '');
      seen.push(auth);
      res.writeHead(404).end();
    });
    const url = await listenOnLoopback(server);
    try {
      // actions/checkout's persisted header is there too: ours must replace it, not add a second.
      await fixture.git(['config', `http.${url}/.extraheader`, 'AUTHORIZATION: basic persisted']);
      const { git, logs, secrets } = makeGit(fixture.workspace, { token, serverUrl: `${url}/` });
      expect(secrets).toEqual([token, basic]);
      const r = await git.run(['ls-remote', `${url}/acme/shop.git`], {
        auth: true,
        allowFail: true,
      });
      expect(r.code).not.toBe(0);
      expect(seen.at(-1)).toEqual([`basic ${basic}`]);
      seen.length = 0;
      await git.run(['ls-remote', `${url}/acme/shop.git`], { allowFail: true });
      expect(seen.at(-1)).toEqual(['basic persisted']);
      const config = await git.run(['config', '--get-all', `http.${url}/.extraheader`], {
        auth: true,
      });
      expect(config.stdout).toContain('AUTHORIZATION: basic ***');
      const everything = [
        ...logs,
        config.stdout,
        config.stderr,
        await readFile(path.join(fixture.workspace, '.git', 'config'), 'utf8'),
        await fixture.git(['config', '--list']),
      ].join('\n');
      expect(everything).not.toContain(token);
      expect(everything).not.toContain(basic);
    } finally {
      await closeServer(server);
    }
  });

  test('a failure is one line naming the subcommand; allowFail returns it instead', async () => {
    const { git } = makeGit();
    const error = await git.run(['rev-parse', '--verify', 'no-such-ref']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toMatch(
      /^git rev-parse: fatal: .*no-such-ref|^git rev-parse: fatal: Needed a single revision$/,
    );
    expect((error as GitError).message).not.toContain('\n');
    expect((error as GitError).code).toBe(128);
    const r = await git.run(['rev-parse', '--verify', 'no-such-ref'], { allowFail: true });
    expect(r.code).toBe(128);
  });
});

describe('readDeployedRange', () => {
  useFixture('all');

  test('release-2.0..release-2.1 holds the destructive migration, with its text', async () => {
    const { git } = makeGit();
    const range = await readDeployedRange(
      git,
      sha('release-2.1'),
      [{ sha: sha('release-2.0'), from: 'last-good' }],
      { isMigration },
    );
    expect(range).toMatchObject({
      base: sha('release-2.0'),
      baseFrom: 'last-good',
      head: sha('release-2.1'),
      notes: [],
    });
    expect(range.commits.map((c) => c.sha)).toEqual([
      sha('release-2.1'),
      sha('migration-destructive'),
    ]);
    expect(range.commits[1]).toEqual({
      sha: sha('migration-destructive'),
      parents: [sha('release-2.0')],
      subject: 'db: drop orders.legacy_total',
      author: 'Release Bot',
    });
    expect(range.files).toEqual([
      {
        path: DESTRUCTIVE,
        status: 'added',
        text: 'ALTER TABLE "orders" DROP COLUMN "legacy_total";\n',
      },
    ]);
    expect(classifyRange(range.files).kind).toBe('destructive');
  });

  test('a range over the merge commit includes it and its branch, and both migrations', async () => {
    const { git } = makeGit();
    const range = await readDeployedRange(
      git,
      sha('release-2.1'),
      [{ sha: sha('release-1.1'), from: 'push-before' }],
      { isMigration },
    );
    const merge = range.commits.find((c) => c.sha === sha('merge-discounts'));
    expect(merge?.parents).toHaveLength(2);
    expect(merge?.parents[0]).toBe(sha('release-1.1'));
    expect(range.commits.map((c) => c.subject)).toContain('feat: discount codes at checkout');
    expect(range.commits).toHaveLength(6);
    // Newest first: every commit before its parents.
    const at = new Map(range.commits.map((c, i) => [c.sha, i]));
    for (const c of range.commits)
      for (const p of c.parents)
        if (at.has(p)) expect(at.get(p)).toBeGreaterThan(at.get(c.sha) ?? 0);
    expect(range.files.map((f) => f.path).sort()).toEqual([ADDITIVE, DESTRUCTIVE]);
  });

  test('a base on another branch is skipped with a note; an explicit to-revision is refused', async () => {
    const { git } = makeGit();
    const tree = await fixture.git(['rev-parse', `${sha('release-1.1')}^{tree}`]);
    const side = await fixture.git(['commit-tree', tree, '-p', sha('release-1.1'), '-m', 'hotfix']);
    const range = await readDeployedRange(
      git,
      sha('release-2.1'),
      [
        { sha: side, from: 'last-good' },
        { sha: sha('release-2.0'), from: 'push-before' },
      ],
      { isMigration },
    );
    expect(range.base).toBe(sha('release-2.0'));
    expect(range.baseFrom).toBe('push-before');
    expect(range.notes).toEqual([
      `skipped last-good ${side.slice(0, 7)}: not an ancestor of ${sha('release-2.1').slice(0, 7)} (another branch?)`,
    ]);
    await expect(
      readDeployedRange(git, sha('release-2.1'), [{ sha: side, from: 'to-revision' }], {
        isMigration,
      }),
    ).rejects.toThrow(/to-revision .* is not an ancestor/);
  });

  test('no candidate: the first parent; the head itself: nothing deployed', async () => {
    const { git } = makeGit();
    const range = await readDeployedRange(git, sha('release-2.1'), [], { isMigration });
    expect(range).toMatchObject({ base: sha('migration-destructive'), baseFrom: 'first-parent' });
    expect(range.commits.map((c) => c.sha)).toEqual([sha('release-2.1')]);
    expect(range.files).toEqual([]);
    await expect(
      readDeployedRange(git, sha('release-2.1'), [{ sha: sha('release-2.1'), from: 'last-good' }], {
        isMigration,
      }),
    ).rejects.toThrow(/^nothing deployed between/);
  });

  test('a shallow clone fetches what it lacks, notes it, and reads the same range', async () => {
    const shallow = path.join(path.dirname(fixture.workspace), 'shallow');
    await fixture.git(['clone', '-q', '--depth', '1', `file://${fixture.origin}`, shallow]);
    expect(await fixture.git(['rev-parse', '--is-shallow-repository'], shallow)).toBe('true');
    const { git } = makeGit(shallow);
    const range = await readDeployedRange(
      git,
      sha('release-2.1'),
      [{ sha: sha('release-1.1'), from: 'last-good' }],
      { isMigration },
    );
    expect(range.base).toBe(sha('release-1.1'));
    expect(range.notes).toEqual([
      `fetched last-good ${sha('release-1.1').slice(0, 7)}, which the checkout lacked`,
      expect.stringMatching(/^fetched \d+ commits a shallow checkout lacked$/),
    ]);
    const full = await readDeployedRange(
      makeGit().git,
      sha('release-2.1'),
      [{ sha: sha('release-1.1'), from: 'last-good' }],
      { isMigration },
    );
    expect(range.commits).toEqual(full.commits);
    expect(range.files).toEqual(full.files);

    const again = path.join(path.dirname(fixture.workspace), 'shallow-2');
    await fixture.git(['clone', '-q', '--depth', '1', `file://${fixture.origin}`, again]);
    const parent = await readDeployedRange(makeGit(again).git, sha('release-2.1'), [], {
      isMigration,
    });
    expect(parent.base).toBe(sha('migration-destructive'));
    expect(parent.notes).toEqual([expect.stringMatching(/shallow checkout lacked/)]);
  });

  test('a base that origin does not have either is a UserError naming it and fetch-depth', async () => {
    const { git } = makeGit();
    const missing = 'deadbeef'.repeat(5);
    const error = await readDeployedRange(
      git,
      sha('release-2.1'),
      [{ sha: missing, from: 'last-good' }],
      { isMigration },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      new RegExp(`^commit ${missing} \\(last-good\\) is not in the checkout .*fetch-depth: 0`),
    );
  });

  test('a value starting with - never reaches git as an option', async () => {
    const { git, logs } = makeGit();
    await expect(
      readDeployedRange(git, '--output=/tmp/x', [], { isMigration }),
    ).rejects.toBeInstanceOf(UserError);
    await expect(
      readDeployedRange(git, sha('release-2.1'), [{ sha: '-x', from: 'last-good' }], {
        isMigration,
      }),
    ).rejects.toThrow(/is not a commit SHA/);
    expect(logs.filter((l) => /\s-x\b|--output/.test(l))).toEqual([]);
  });
});

function options(range: DeployedRange, extra: Partial<RevertOptions> = {}): RevertOptions {
  return {
    range,
    mode: 'one',
    delivery: 'pull-request',
    labels: ['rollback'],
    message: {
      verdict: 'rolled-back',
      headline: 'error rate 12% > 5% for 5m',
      runUrl: 'https://github.com/acme/shop/actions/runs/42',
      reason: 'P0: checkout failing',
    },
    dryRun: false,
    runId: '42',
    ...extra,
  };
}

async function rangeFrom(
  git: Git,
  base: string,
  head = sha('release-2.1'),
): Promise<DeployedRange> {
  return readDeployedRange(git, head, [{ sha: base, from: 'last-good' }], { isMigration });
}

async function tmpEntries(): Promise<string[]> {
  return (await readdir(os.tmpdir())).filter((n) => n.startsWith('rollback-revert-'));
}

describe('revertRange', () => {
  useFixture('each');

  test('pull request: a branch whose tree is the base, main untouched, one PR labelled, reused on a re-run', async () => {
    const { git, logs } = makeGit(fixture.workspace, { token: fake.token });
    const github = createGitHub({ token: fake.token, apiUrl: fake.url, repository: 'acme/shop' });
    const range = await rangeFrom(git, sha('release-1.1'));
    const temps = await tmpEntries();
    const result = await revertRange(git, github, options(range), (l) => logs.push(l));
    expect(result).toMatchObject({
      outcome: 'reverted',
      delivery: 'pull-request',
      branch: 'main',
      headBranch: `rollback/revert-${sha('release-2.1').slice(0, 7)}-42`,
      reverted: [
        sha('release-2.1'),
        sha('migration-destructive'),
        sha('release-2.0'),
        sha('migration-additive'),
        sha('merge-discounts'),
      ],
      pullRequest: { head: `rollback/revert-${sha('release-2.1').slice(0, 7)}-42`, base: 'main' },
    });
    expect(result.commits).toHaveLength(1);
    expect(result.diffStat).toMatch(/src\/discounts\.ts/);
    const head = result.headBranch ?? '';
    expect(await inOrigin(['rev-parse', `${head}^{tree}`])).toBe(
      await inOrigin(['rev-parse', `${sha('release-1.1')}^{tree}`]),
    );
    expect(await inOrigin(['rev-parse', 'main'])).toBe(sha('release-2.1'));
    expect(await inOrigin(['log', '-1', '--format=%an <%ae>|%cn <%ce>', head])).toBe(
      `${BOT_NAME} <${BOT_EMAIL}>|${BOT_NAME} <${BOT_EMAIL}>`,
    );
    const message = await inOrigin(['log', '-1', '--format=%B', head]);
    expect(message).toMatch(/^Revert deploy [0-9a-f]{7}\.\.[0-9a-f]{7}: rolled-back\n/);
    expect(message).toContain(`Reverts: ${sha('merge-discounts')}`);
    expect(
      await inOrigin(['log', '-1', '--format=%(trailers:key=Reverts,valueonly)', head]),
    ).toContain(sha('release-2.1'));
    const pr = fake.issues.find((i) => i.number === result.pullRequest?.number);
    expect(pr?.pull_request).toEqual({ head, base: 'main', draft: false });
    expect(pr?.labels.map((l) => l.name)).toEqual(['rollback']);
    expect(pr?.body).toContain('**Reason:** P0: checkout failing');
    // Nothing left behind: no worktree, no temporary folder.
    expect(await fixture.git(['worktree', 'list', '--porcelain'])).not.toMatch(/rollback-revert/);
    expect(await tmpEntries()).toEqual(temps);

    // A re-run of the same run: the branch is replaced, the open pull request reused.
    const prs = fake.issues.length;
    const again = await revertRange(git, github, options(range), (l) => logs.push(l));
    expect(again.outcome).toBe('reverted');
    expect(again.pullRequest?.number).toBe(result.pullRequest?.number);
    expect(fake.issues).toHaveLength(prs);
    fake.assertClean();
  });

  test('push: a revert commit on main, history kept', async () => {
    const { git, logs } = makeGit();
    const range = await rangeFrom(git, sha('release-2.0'));
    const result = await revertRange(git, undefined, options(range, { delivery: 'push' }), (l) =>
      logs.push(l),
    );
    expect(result).toMatchObject({ outcome: 'reverted', branch: 'main', delivery: 'push' });
    expect(result.pushed).toEqual({ sha: result.commits[0], retried: false });
    expect(await inOrigin(['rev-parse', 'main'])).toBe(result.pushed?.sha);
    expect(await inOrigin(['rev-parse', 'main^'])).toBe(sha('release-2.1'));
    expect(await inOrigin(['rev-parse', 'main^{tree}'])).toBe(
      await inOrigin(['rev-parse', `${sha('release-2.0')}^{tree}`]),
    );
    expect(await inOrigin(['for-each-ref', 'refs/heads/rollback'])).toBe('');

    // Run again: main already has the base's content, so it is skipped, not reverted twice.
    const again = await revertRange(git, undefined, options(range, { delivery: 'push' }), (l) =>
      logs.push(l),
    );
    expect(again).toMatchObject({ outcome: 'skipped', commits: [], reverted: [] });
    expect(await inOrigin(['rev-parse', 'main'])).toBe(result.pushed?.sha);
  });

  test('per-commit: one revert commit per reverted commit', async () => {
    const { git } = makeGit();
    const range = await rangeFrom(git, sha('release-2.0'));
    const result = await revertRange(
      git,
      undefined,
      options(range, { delivery: 'push', mode: 'per-commit' }),
      () => undefined,
    );
    expect(result.outcome).toBe('reverted');
    expect(result.commits).toHaveLength(2);
    expect(await inOrigin(['log', '-2', '--format=%s', 'main'])).toBe(
      'Revert "db: drop orders.legacy_total"\nRevert "release: api 2.1"',
    );
    expect(await inOrigin(['rev-parse', 'main~2'])).toBe(sha('release-2.1'));
  });

  test('a push that lost a race is rebased and retried once', async () => {
    const { git: real } = makeGit();
    const range = await rangeFrom(real, sha('release-2.0'));
    // Someone pushes to main after the executor fetched and before it pushes: a real
    // non-fast-forward from real git, provoked deterministically through the Git seam.
    let interloper = '';
    const git: Git = {
      cwd: real.cwd,
      run: async (args, o) => {
        if (subcommandOf(args) === 'push' && !interloper)
          interloper = await pushFromElsewhere('README.md', 'shop api\n', 'docs: readme');
        return real.run(args, o);
      },
    };
    const logs: string[] = [];
    const result = await revertRange(git, undefined, options(range, { delivery: 'push' }), (l) =>
      logs.push(l),
    );
    expect(result).toMatchObject({ outcome: 'reverted', pushed: { retried: true } });
    expect(logs.join('\n')).toMatch(/rejected.*rebasing once/);
    expect(await inOrigin(['rev-parse', 'main'])).toBe(result.pushed?.sha);
    expect(await inOrigin(['rev-parse', 'main^'])).toBe(interloper);
    expect(await inOrigin(['show', 'main:src/app.ts'])).toBe('export const version = "2.0";');
    expect(await inOrigin(['show', 'main:README.md'])).toBe('shop api');
  });

  test('a push rejected twice, or a rebase that conflicts, fails in one line', async () => {
    const { git: real } = makeGit();
    const range = await rangeFrom(real, sha('release-2.0'));
    let n = 0;
    const racing: Git = {
      cwd: real.cwd,
      run: async (args, o) => {
        if (subcommandOf(args) === 'push')
          await pushFromElsewhere(`f${++n}.txt`, `${n}\n`, `c${n}`);
        return real.run(args, o);
      },
    };
    const twice = await revertRange(
      racing,
      undefined,
      options(range, { delivery: 'push' }),
      () => undefined,
    );
    expect(twice.outcome).toBe('failed');
    expect(twice.pushed).toBeUndefined();
    expect(twice.error).toMatch(/^git push: main moved again .* rejected twice/);

    let moved = false;
    const conflicting: Git = {
      cwd: real.cwd,
      run: async (args, o) => {
        if (subcommandOf(args) === 'push' && !moved) {
          moved = true;
          await pushFromElsewhere(
            'src/app.ts',
            'export const version = "2.2";\n',
            'release: api 2.2',
          );
        }
        return real.run(args, o);
      },
    };
    const before = await inOrigin(['rev-parse', 'main']);
    const rebase = await revertRange(
      conflicting,
      undefined,
      options(range, { delivery: 'push' }),
      () => undefined,
    );
    expect(rebase.outcome).toBe('failed');
    expect(rebase.error).toMatch(/^git rebase: the revert conflicts with what was pushed to main/);
    expect(await inOrigin(['rev-parse', 'main'])).not.toBe(before); // only the other person's push
    expect(await inOrigin(['log', '-1', '--format=%s', 'main'])).toBe('release: api 2.2');
  });

  test('a conflict: the path named, nothing pushed, the workspace as it was', async () => {
    await pushFromElsewhere('src/app.ts', 'export const version = "2.2";\n', 'release: api 2.2');
    const { git } = makeGit(fixture.workspace, { token: fake.token });
    const github = createGitHub({ token: fake.token, apiUrl: fake.url, repository: 'acme/shop' });
    // The workspace has work in progress of its own: it must be left exactly so.
    await writeFile(path.join(fixture.workspace, 'notes.txt'), 'wip\n');
    await writeFile(path.join(fixture.workspace, 'package.json'), '{"name":"shop-api"}\n');
    const status = await fixture.git(['status', '--porcelain']);
    const workspaceHead = await fixture.git(['rev-parse', 'HEAD']);
    const originRefs = await inOrigin(['for-each-ref']);
    const calls = fake.calls.length;
    const range = await rangeFrom(git, sha('release-2.0'));
    const result = await revertRange(git, github, options(range), () => undefined);
    expect(result).toMatchObject({
      outcome: 'conflict',
      conflicts: ['src/app.ts'],
      error: expect.stringMatching(
        /^reverting [0-9a-f]{7} conflicts with later changes on main: src\/app\.ts$/,
      ),
      commits: [],
    });
    expect(await fixture.git(['status', '--porcelain'])).toBe(status);
    expect(await fixture.git(['rev-parse', 'HEAD'])).toBe(workspaceHead);
    expect(await inOrigin(['for-each-ref'])).toBe(originRefs);
    expect(fake.calls.slice(calls).filter((c) => c.method !== 'GET')).toEqual([]);
    expect(await fixture.git(['worktree', 'list', '--porcelain'])).not.toMatch(/rollback-revert/);
  });

  test('dry run: the diff and the messages it would make, nothing pushed, no GitHub write', async () => {
    const { git } = makeGit(fixture.workspace, { token: fake.token });
    const github = createGitHub({ token: fake.token, apiUrl: fake.url, repository: 'acme/shop' });
    const originRefs = await inOrigin(['for-each-ref']);
    const calls = fake.calls.length;
    const range = await rangeFrom(git, sha('release-2.0'));
    const result = await revertRange(
      git,
      github,
      options(range, { dryRun: true }),
      () => undefined,
    );
    expect(result).toMatchObject({ outcome: 'planned', commits: [] });
    expect(result.pullRequest).toBeUndefined();
    expect(result.diffStat).toMatch(/src\/app\.ts\s+\|\s+2 \+-/);
    expect(result.diffStat).toMatch(/drop_legacy_total\/migration\.sql\s+\|\s+1 -/);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatch(/^Revert deploy /);
    expect(await inOrigin(['for-each-ref'])).toBe(originRefs);
    expect(fake.calls.slice(calls).filter((c) => c.method !== 'GET')).toEqual([]);
  });

  test('the token appears nowhere: results, logs, config, commit messages', async () => {
    const token = fake.token;
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    const { git, logs, secrets } = makeGit(fixture.workspace, {
      token,
      serverUrl: 'https://github.com',
    });
    expect(secrets).toEqual([token, basic]);
    const github = createGitHub({ token, apiUrl: fake.url, repository: 'acme/shop' });
    const range = await rangeFrom(git, sha('release-2.0'));
    const pr = await revertRange(git, github, options(range), (l) => logs.push(l));
    const push = await revertRange(git, github, options(range, { delivery: 'push' }), (l) =>
      logs.push(l),
    );
    expect([pr.outcome, push.outcome]).toEqual(['reverted', 'reverted']);
    expect(logs.filter((l) => / push /.test(l))).toHaveLength(2);
    const everything = [
      JSON.stringify([range, pr, push]),
      ...logs,
      await fixture.git(['config', '--list']),
      await readFile(path.join(fixture.workspace, '.git', 'config'), 'utf8'),
      await inOrigin(['log', '--all', '--format=%B']),
      await inOrigin(['config', '--list']),
    ].join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(basic);
    fake.assertClean();
  });
});

describe('fake GitHub with a git remote answers like GitHub', () => {
  useFixture('all');

  test('a pull request from a branch origin lacks is a 422, as is a duplicate', async () => {
    const github = createGitHub({ token: fake.token, apiUrl: fake.url, repository: 'acme/shop' });
    const pr = { head: 'rollback/nowhere', base: 'main', title: 't', body: 'b' };
    await expect(github.createPullRequest(pr)).rejects.toThrow(
      /^GitHub create pull request: 422 Validation Failed: \{"resource":"PullRequest","field":"head","code":"invalid"\}$/,
    );
    await exec('git', ['branch', 'rollback/here', sha('release-2.0')], { cwd: fixture.origin });
    await expect(github.createPullRequest({ ...pr, head: 'rollback/here' })).rejects.toThrow(
      /No commits between main and rollback\/here/,
    );
    // A branch with a commit of its own: the first pull request opens, a second is refused.
    const tree = await inOrigin(['rev-parse', `${sha('release-1.1')}^{tree}`]);
    const own = await inOrigin(['commit-tree', tree, '-p', sha('release-2.1'), '-m', 'revert']);
    await inOrigin(['branch', 'rollback/real', own]);
    const opened = await github.createPullRequest({ ...pr, head: 'rollback/real' });
    expect(opened).toMatchObject({ head: 'rollback/real', base: 'main' });
    expect(await github.findOpenPullRequest('rollback/real', 'main')).toEqual(opened);
    expect(await github.findOpenPullRequest('rollback/real', 'release')).toBeUndefined();
    await expect(github.createPullRequest({ ...pr, head: 'rollback/real' })).rejects.toThrow(
      /422 Validation Failed: A pull request already exists for acme:rollback\/real\.$/,
    );
    fake.assertClean();
  });

  test('a 403 names the permissions the token needs', async () => {
    const github = createGitHub({ token: fake.token, apiUrl: fake.url, repository: 'acme/shop' });
    fake.injectFault({ operationId: 'pulls/create', status: 403, times: 1 });
    await expect(
      github.createPullRequest({ head: 'x', base: 'main', title: 't', body: 'b' }),
    ).rejects.toThrow(
      "GitHub create pull request: 403 Resource not accessible by integration (the workflow's token needs contents: write and pull-requests: write)",
    );
  });
});
