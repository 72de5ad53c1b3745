/**
 * Oversized and degenerate values through the bundled action: a 10 MB policy, 10,000 targets,
 * a 100,000-commit deployed range, a window of 100000h, a poll of 0s or longer than the
 * window, and policy paths that lead out of the workspace. Each is refused (or bounded) in one
 * line naming the input or file:line and the value, quickly, before anything is polled or
 * changed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeGitHub } from '../../lab/github/server.js';
import { closeStandIns, prometheusAnswering, vector } from '../../lab/prometheus/stand-in.js';
import { Job, runAction, shownText, type RunResult } from '../../lab/runner/harness.js';
import { Record } from './record.js';

const record = new Record(fileURLToPath(import.meta.url));
afterAll(() => record.save());

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await closeStandIns();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const POLICY = '.github/rollback-policy.yml';
const PASSWD_LINE = 'root:x:0:0';

const errors = (r: RunResult): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

/** Refused in exactly this one line, quickly, with no stack trace and nothing else said wrong. */
function expectRefused(r: RunResult, line: string): void {
  expect(errors(r)).toEqual([`rollback-action: ${line}`]);
  expect(r.exitCode).toBe(1);
  expect(r.timedOut).toBe(false);
  expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s+at |TypeError|RangeError/m);
  expect(r.durationMs).toBeLessThan(15_000);
}

/** A Prometheus stand-in that counts the queries it was asked: a refused run asks none. */
async function countingPrometheus(): Promise<{ url: string; queries: () => number }> {
  let queries = 0;
  const url = await prometheusAnswering(() => {
    queries += 1;
    return { body: vector({ value: [Date.now() / 1000, '1'] }) };
  });
  return { url, queries: () => queries };
}

const TRIGGER = "triggers:\n  - {name: errors, query: 'sum(errors)', above: 0.5, severity: P1}\n";

test('a 10 MB policy file: refused at its cap in one line, quickly', async () => {
  const big = `${TRIGGER}# ${'x'.repeat(10 * 1024 * 1024)}\n`;
  for (const mode of ['validate', 'guard']) {
    const r = await runAction({ inputs: { mode }, files: { [POLICY]: big } });
    expectRefused(
      r,
      `input 'policy': '${POLICY}' is larger than 1 MiB; a policy file is a few KiB`,
    );
  }
  record.add({
    area: 'oversized input',
    fault: 'a 10 MB policy file',
    modes: ['validate', 'guard'],
    runs: 2,
    outcome: 'refused in one line naming the file and the 1 MiB cap; nothing past the cap read',
    lost: 'nothing',
  });
});

test('a policy path out of the workspace, or a link out of it: refused, the file never read', async () => {
  const cases: [string, { [key: string]: string }, string][] = [
    [
      '/dev/zero',
      {},
      "input 'policy': '/dev/zero' is outside the workspace; the policy is a file of the repository, given relative to it",
    ],
    [
      '../../../../../../etc/passwd',
      {},
      "input 'policy': '../../../../../../etc/passwd' is outside the workspace; the policy is a file of the repository, given relative to it",
    ],
    [
      'passwd.yml',
      { 'passwd.yml': '/etc/passwd' },
      "input 'policy': 'passwd.yml' is a link that leads outside the workspace",
    ],
    [
      'zero.yml',
      { 'zero.yml': '/dev/zero' },
      "input 'policy': 'zero.yml' is a link that leads outside the workspace",
    ],
  ];
  let runs = 0;
  for (const [policy, links, line] of cases) {
    for (const mode of ['validate', 'guard']) {
      const job = await Job.create();
      cleanups.push(() => job.dispose());
      for (const [name, target] of Object.entries(links))
        await symlink(target, path.join(job.workspace, name));
      const r = await job.run({ inputs: { mode, policy } });
      expectRefused(r, line);
      expect(shownText(r)).not.toContain(PASSWD_LINE);
      runs += 1;
    }
  }
  // The default path, a link out of the workspace, is refused too, not read.
  const job = await Job.create();
  cleanups.push(() => job.dispose());
  await mkdir(path.join(job.workspace, '.github'));
  await symlink('/etc/passwd', path.join(job.workspace, POLICY));
  const r = await job.run({ inputs: { mode: 'validate' } });
  expectRefused(r, `input 'policy': '${POLICY}' is a link that leads outside the workspace`);
  expect(shownText(r)).not.toContain(PASSWD_LINE);
  record.add({
    area: 'oversized input',
    fault:
      'a policy path outside the workspace (/dev/zero, ../../etc/passwd) or a link in it leading out (to /etc/passwd, /dev/zero; the default path too)',
    modes: ['validate', 'guard'],
    runs: runs + 1,
    outcome: 'refused in one line naming the input and the path; the file is never opened or shown',
    lost: 'nothing',
  });
});

test('10,000 targets, as an input or in the policy: one line, none of them contacted', async () => {
  // Short names: a runner passes inputs as environment variables, at most 128 KiB each.
  const many = Array.from({ length: 10_000 }, (_, i) => `ds/a${i.toString(36)}`);
  for (const mode of ['validate', 'guard']) {
    const r = await runAction({
      inputs: { mode, targets: many.join(','), kubeconfig: 'not even a kubeconfig' },
    });
    expectRefused(r, "input 'targets': 10000 targets; at most 100 are allowed");
  }
  const r = await runAction({
    inputs: { mode: 'validate' },
    files: { [POLICY]: `targets:\n${many.map((t) => `  - ${t}`).join('\n')}\n` },
  });
  expectRefused(r, `${POLICY}:2:3: targets: 10000 items; at most 100 are allowed`);
  record.add({
    area: 'oversized input',
    fault: '10,000 targets, in the targets input and in the policy',
    modes: ['validate', 'guard'],
    runs: 3,
    outcome:
      'refused in one line giving the count and the limit of 100 (file:line for the policy), before any cluster is contacted',
    lost: 'nothing',
  });
});

test.each<[string, { [key: string]: string }, string | undefined, string]>([
  [
    'window: 100000h (input)',
    { window: '100000h' },
    undefined,
    "input 'window': '100000h' must be at most 5d (a job runs at most 5d, on a self-hosted runner)",
  ],
  [
    'interval: 0s (input)',
    { interval: '0s' },
    undefined,
    "input 'interval': '0s' must be at least 1s (a shorter poll only loads the backend)",
  ],
  [
    'an interval longer than the window (inputs)',
    { interval: '5m', window: '1m' },
    undefined,
    "interval 5m (input 'interval') is longer than window 1m (input 'window'): nothing would be polled",
  ],
  [
    'window: 100000h (policy)',
    {},
    'watch: {window: 100000h}\n',
    `${POLICY}:3:17: watch.window: '100000h' must be at most 5d (a job runs at most 5d, on a self-hosted runner)`,
  ],
  [
    'interval: 0s (policy)',
    {},
    'watch: {interval: 0s}\n',
    `${POLICY}:3:19: watch.interval: '0s' must be at least 1s (a shorter poll only loads the backend)`,
  ],
  [
    'an interval longer than the window (policy)',
    {},
    'watch: {window: 1m, interval: 5m}\n',
    `interval 5m (${POLICY} watch.interval) is longer than window 1m (${POLICY} watch.window): nothing would be polled`,
  ],
])('%s: refused in one line before the first poll', async (name, inputs, watch, line) => {
  const prometheus = await countingPrometheus();
  for (const mode of ['validate', 'guard']) {
    const r = await runAction({
      inputs: { mode, 'prometheus-url': prometheus.url, ...inputs },
      files: { [POLICY]: `${TRIGGER}${watch ?? ''}` },
    });
    expectRefused(r, line);
  }
  expect(prometheus.queries()).toBe(0);
  record.add({
    area: 'oversized input',
    fault: name,
    modes: ['validate', 'guard'],
    runs: 2,
    outcome:
      'refused in one line naming the input or file:line, the value and the limit; nothing polled',
    lost: 'nothing',
  });
});

test('a deployed range of 100,000 commits: read at most 5,001 of them, said in one line', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'big-range-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const origin = path.join(root, 'origin.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  // One commit object each, all on one tree: git fast-import writes them in a few seconds.
  const stream: string[] = [];
  for (let i = 1; i <= 100_000; i++) {
    const message = `change ${i}\n`;
    stream.push(
      `commit refs/heads/main\ncommitter Release Bot <release-bot@example.com> ${1_790_000_000 + i} +0000\ndata ${message.length}\n${message}${i === 1 ? 'M 644 inline counter.txt\ndata 2\n1\n' : ''}\n`,
    );
  }
  const imported = spawnSync('git', ['-c', 'core.fsync=none', 'fast-import', '--quiet'], {
    cwd: origin,
    input: stream.join(''),
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(imported.status).toBe(0);
  const workspace = path.join(root, 'workspace');
  execFileSync('git', ['clone', '-q', origin, workspace]);
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: workspace }).toString().trim();
  const head = git('rev-parse', 'HEAD');
  const base = git('rev-list', '--max-parents=0', 'HEAD');
  expect(git('rev-list', '--count', `${base}..${head}`)).toBe('99999');

  const gh = await new FakeGitHub('acme/shop', undefined, origin).start();
  cleanups.push(() => gh.close());
  const prometheus = await countingPrometheus();
  const r = await runAction({
    workspace,
    eventName: 'push',
    event: { before: base, after: head },
    sha: head,
    token: gh.token,
    apiUrl: gh.url,
    inputs: { 'prometheus-url': prometheus.url },
    files: { [POLICY]: `${TRIGGER}watch: {window: 2s, interval: 1s}\n` },
    timeoutMs: 60_000,
  });
  const tooLong = `the deployed range ${base.slice(0, 7)}..${head.slice(0, 7)} has more than 5000 commits: is the base right?`;
  expect(r.log).toContain(`- deployed range: not read (${tooLong})`);
  expect(r.outputs).toMatchObject({ verdict: 'rollback-recommended', 'rolled-back': 'false' });
  // The headline says why git could not roll it back either, not only that no target exists.
  expect(JSON.parse(r.outputs.report ?? '{}').headline).toMatch(
    new RegExp(
      `; no targets to roll back, and nothing can be reverted in git: ${tooLong.replace(/[.?]/g, '\\$&')}$`,
    ),
  );
  expect(errors(r)).toHaveLength(1);
  expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s+at |TypeError|RangeError/m);
  expect(r.durationMs).toBeLessThan(30_000);
  // Nothing reverted or pushed: main is where it was, and no pull request was opened.
  expect(git('ls-remote', 'origin', 'refs/heads/*')).toBe(`${head}\trefs/heads/main`);
  expect(gh.issues.filter((i) => i.pull_request)).toEqual([]);
  record.add({
    area: 'oversized input',
    fault:
      'a deployed range of 100,000 commits (no Kubernetes targets, git revert the only way back)',
    modes: ['guard'],
    runs: 1,
    outcome:
      'git reads at most 5,001 commits; the range is not read, said in one line asking whether the base is right, and in the headline; rollback recommended, nothing reverted',
    lost: 'nothing',
  });
}, 90_000);
