/**
 * git faults during a git-revert rollback (issue 15), through the bundled action with real
 * git and a bare origin (lab/git/fixture.ts): a push that loses a race, a revert that
 * conflicts, a dirty workspace, a shallow clone. Each failure is one clear line, nothing is
 * pushed half-done, and the verdict and report never claim a rollback that was not made.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGitFixture, HISTORY, type GitFixture } from '../../lab/git/fixture.js';
import { startFakeGitHub, type FakeGitHub } from '../../lab/github/server.js';
import { runAction, type RunResult } from '../../lab/runner/harness.js';
import { Record } from './record.js';

const record = new Record(fileURLToPath(import.meta.url));
afterAll(() => record.save());

// One fake GitHub (its OpenAPI description is slow to load), pointed at each test's origin.
let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub('acme/shop');
}, 30_000);
afterAll(async () => {
  await gh.close();
});
const fixtures: GitFixture[] = [];
afterEach(async () => {
  for (const f of fixtures.splice(0)) await f.cleanup();
});

/** History up to release 2.0 (additive migrations only): 2.0 is reverted to the one before. */
const UP_TO_2_0 = HISTORY.slice(0, HISTORY.findIndex((s) => s.name === 'release-2.0') + 1);

async function setup(steps = UP_TO_2_0): Promise<{ f: GitFixture; gh: FakeGitHub }> {
  const f = await createGitFixture(steps);
  fixtures.push(f);
  gh.gitRemote = f.origin;
  return { f, gh };
}

const sha = (f: GitFixture, name: string): string => f.shas[name] ?? '';

/** `mode: rollback` of release 2.0 by git revert, pushed to main. */
function revert(f: GitFixture, gh: FakeGitHub, workspace = f.workspace): Promise<RunResult> {
  return runAction({
    workspace,
    repository: 'acme/shop',
    token: gh.token,
    apiUrl: gh.url,
    sha: sha(f, 'release-2.0'),
    inputs: {
      mode: 'rollback',
      strategy: 'git-revert',
      'to-revision': sha(f, 'migration-additive'),
    },
    files: { '.github/rollback-policy.yml': 'git: {delivery: push}\n' },
    timeoutMs: 60_000,
  });
}

const originMain = (f: GitFixture): Promise<string> => f.git(['rev-parse', 'main'], f.origin);
const errors = (result: RunResult): string[] =>
  result.annotations.filter((a) => a.level === 'error').map((a) => a.message);

/** The report output is the report file, and says the same verdict as the output. */
function expectReport(result: RunResult, verdict: string): void {
  const file = Object.entries(result.tempFiles).find(([name]) => /report.*\.json$/.test(name));
  expect(file && JSON.parse(file[1])).toEqual(JSON.parse(result.outputs.report ?? '{}'));
  expect(JSON.parse(result.outputs.report ?? '{}')).toMatchObject({ verdict });
  expect(result.outputs.verdict).toBe(verdict);
  expect(result.stderr).toBe('');
}

/** A failed rollback: one error line, nothing pushed, the workspace as it was. */
async function expectFailedCleanly(
  f: GitFixture,
  result: RunResult,
  mainBefore: string,
  line: RegExp,
): Promise<void> {
  expect(result.exitCode).toBe(1);
  expect(errors(result)).toEqual([expect.stringMatching(line)]);
  expect(result.outputs['rolled-back']).toBe('false');
  expect(await originMain(f)).toBe(mainBefore);
  expect(await f.git(['status', '--porcelain'])).toBe('?? .github/');
}

/**
 * Someone else's push to origin's main, made (every time, or only the first `times`) just
 * before each of the action's pushes reaches origin: the workspace's remote.origin.receivepack
 * runs it, then origin's own receive-pack, which then advertises a main the action's fetch did
 * not see. A real race (the action runs git hooks with core.hooksPath=/dev/null, so a
 * pre-push hook could not do this).
 */
async function racingPusher(f: GitFixture, times: number): Promise<void> {
  const dir = path.dirname(f.workspace);
  const other = path.join(dir, 'other');
  await f.git(['clone', '-q', f.origin, other]);
  const wrapper = path.join(dir, 'receive-pack-after-someone');
  await writeFile(
    wrapper,
    `#!/bin/sh
set -e
n=$(cat "${other}/.races" 2>/dev/null || echo 0)
if [ "$n" -lt ${times} ]; then
  echo $((n + 1)) > "${other}/.races"
  (
    unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_PROTOCOL
    cd "${other}"
    git pull -q --no-rebase origin main
    echo "race $n" > "docs-race-$n.md"
    git add "docs-race-$n.md"
    git -c user.name=Someone -c user.email=someone@example.com -c commit.gpgsign=false commit -qm "docs: race $n"
    git push -q origin HEAD:main
  ) >/dev/null 2>&1
fi
exec git-receive-pack "$@"
`,
  );
  await chmod(wrapper, 0o755);
  await f.git(['config', 'remote.origin.receivepack', wrapper]);
}

test('someone pushes before each push: rejected twice, one line, nothing of ours pushed', async () => {
  const { f, gh } = await setup();
  await racingPusher(f, 99);
  const result = await revert(f, gh);
  // Every commit on origin's main after 2.0 is someone else's: our revert never landed.
  const ours = await f.git(['log', '--format=%an', `${sha(f, 'release-2.0')}..main`], f.origin);
  expect(new Set(ours.split('\n'))).toEqual(new Set(['Someone']));
  await expectFailedCleanly(
    f,
    result,
    await originMain(f),
    /^rollback-action: rollback failed: git-revert: git push: main moved again while rebasing; rejected twice, not retried/,
  );
  expectReport(result, 'rollback-failed');
  // Rebased and pushed again, and the stage tried once more the same way: four rejections.
  expect(
    result.log.match(/push to main rejected: main moved since the fetch; rebasing once/g),
  ).toHaveLength(2);
  record.add({
    area: 'git',
    fault: 'push rejected, non-fast-forward: someone pushed before each of our pushes',
    modes: ['rollback'],
    runs: 1,
    outcome:
      'rebased and pushed again, and the stage tried once more: each push rejected; one line, verdict rollback-failed; nothing of ours pushed; workspace as it was',
    lost: 'nothing',
  });
}, 60_000);

test('someone pushes once in between: rebased, pushed, both changes kept', async () => {
  const { f, gh } = await setup();
  await racingPusher(f, 1);
  const result = await revert(f, gh);
  expect(result.exitCode).toBe(0);
  expectReport(result, 'rolled-back');
  expect(await f.git(['log', '--format=%an %s', '-2', 'main'], f.origin)).toMatch(
    /^github-actions\[bot\] Revert deploy .*\nSomeone docs: race 0$/,
  );
  expect(await f.git(['show', 'main:src/app.ts'], f.origin)).toBe('export const version = "1.1";');
  record.add({
    area: 'git',
    fault: 'push rejected once, non-fast-forward: someone pushed in between',
    modes: ['rollback'],
    runs: 1,
    outcome: 'rebased onto their commit and pushed once; verdict rolled-back; their commit kept',
    lost: 'nothing',
  });
}, 60_000);

test('a revert that conflicts with a later commit: one line naming the file, nothing pushed', async () => {
  const { f, gh } = await setup([
    ...UP_TO_2_0,
    {
      name: 'hotfix',
      message: 'fix: 2.0.1',
      files: { 'src/app.ts': 'export const version = "2.0.1";\n' },
    },
  ]);
  const before = await originMain(f);
  const result = await revert(f, gh);
  await expectFailedCleanly(
    f,
    result,
    before,
    /^rollback-action: rollback failed: git-revert: conflict in src\/app\.ts; aborted, the workspace as it was$/,
  );
  expectReport(result, 'rollback-failed');
  record.add({
    area: 'git',
    fault: 'revert conflict: a later commit changed the same lines',
    modes: ['rollback'],
    runs: 1,
    outcome:
      'one line naming src/app.ts; revert aborted; verdict rollback-failed; nothing pushed; workspace as it was',
    lost: 'nothing',
  });
}, 60_000);

test("a dirty workspace: the revert is made from the commits, the person's change left alone", async () => {
  const { f, gh } = await setup();
  const file = path.join(f.workspace, 'src', 'app.ts');
  await writeFile(file, 'export const version = "local edit";\n');
  const result = await revert(f, gh);
  expect(result.exitCode).toBe(0);
  expectReport(result, 'rolled-back');
  // The pushed tree is exactly the release before 2.0's: the local edit is not in it.
  expect(await f.git(['rev-parse', 'main^{tree}'], f.origin)).toBe(
    await f.git(['rev-parse', `${sha(f, 'migration-additive')}^{tree}`], f.origin),
  );
  expect(await readFile(file, 'utf8')).toBe('export const version = "local edit";\n');
  record.add({
    area: 'git',
    fault: 'a dirty workspace: an uncommitted edit to a file the revert changes',
    modes: ['rollback'],
    runs: 1,
    outcome:
      'reverted from the commits, not the files: the pushed tree is the previous release exactly; the edit left in place',
    lost: 'nothing',
  });
}, 60_000);

test('a shallow clone: the base is fetched when origin has it; without origin, one line naming fetch-depth', async () => {
  const { f, gh } = await setup();
  const shallow = path.join(path.dirname(f.workspace), 'shallow');
  await f.git(['clone', '-q', '--depth', '1', `file://${f.origin}`, shallow]);
  const before = await originMain(f);
  const cut = path.join(path.dirname(f.workspace), 'cut');
  await f.git(['clone', '-q', '--depth', '1', `file://${f.origin}`, cut]);
  await f.git(
    ['remote', 'set-url', 'origin', path.join(path.dirname(f.workspace), 'gone.git')],
    cut,
  );

  const unreachable = await revert(f, gh, cut);
  expect(unreachable.exitCode).toBe(1);
  expect(errors(unreachable)).toEqual([
    expect.stringMatching(
      new RegExp(
        `^rollback-action: .*commit ${sha(f, 'migration-additive')} \\(to-revision\\) is not in the checkout and could not be fetched from origin: actions/checkout needs fetch-depth: 0`,
      ),
    ),
  ]);
  expect(unreachable.outputs['rolled-back']).toBe('false');
  expect(unreachable.outputs.verdict).not.toBe('rolled-back');
  expectReport(unreachable, unreachable.outputs.verdict ?? '');
  expect(await originMain(f)).toBe(before);

  const fetched = await revert(f, gh, shallow);
  expect(fetched.exitCode).toBe(0);
  expectReport(fetched, 'rolled-back');
  expect(await f.git(['rev-parse', 'main^{tree}'], f.origin)).toBe(
    await f.git(['rev-parse', `${sha(f, 'migration-additive')}^{tree}`], f.origin),
  );
  record.add({
    area: 'git',
    fault: 'a shallow clone (depth 1) without the base commit',
    modes: ['rollback'],
    runs: 2,
    outcome:
      'fetched the base from origin and reverted; with origin unreachable, one line naming to-revision and fetch-depth, nothing reverted or pushed, verdict not rolled-back',
    lost: 'nothing',
  });
}, 60_000);
