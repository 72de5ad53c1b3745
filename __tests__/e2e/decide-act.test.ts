/**
 * Decide and act, through the runner harness with the bundled action: each scenario compares
 * the cluster (kube-sim), the git remote (real git) and fake GitHub before and after.
 *   - no Kubernetes targets: the merged pull request is reverted (a pull request, or a push);
 *   - a GitOps-managed Deployment: a revert pull request, no cluster change;
 *   - a destructive migration: rollback-recommended, nothing changed; an additive one: undone;
 *   - a flag off that does not help: escalation to the Kubernetes undo;
 *   - a trigger scoped to one region: only that region;
 *   - a conflicting revert: aborted cleanly;
 *   - approval required, then mode rollback with the plan;
 *   - dry run: nothing changes anywhere.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { apiImage, releaseEverywhere, startRegions } from '../../lab/kube-sim/regions.js';
import type { KubeSim } from '../../lab/kube-sim/server.js';
import { createGitFixture, HISTORY, type GitFixture } from '../../lab/git/fixture.js';
import { FakeGitHub } from '../../lab/github/server.js';
import { closeStandIns, prometheusAnswering, vector } from '../../lab/prometheus/stand-in.js';
import { Job, runAction, shownText, type RunResult } from '../../lab/runner/harness.js';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';

const open: { close(): Promise<void> }[] = [];
const fixtures: GitFixture[] = [];
afterEach(async () => {
  await closeStandIns();
  for (const o of open.splice(0)) await o.close();
  for (const f of fixtures.splice(0)) await f.cleanup();
});

async function fixture(upTo: string): Promise<GitFixture> {
  const steps = HISTORY.slice(0, HISTORY.findIndex((s) => s.name === upTo) + 1);
  const f = await createGitFixture(steps);
  fixtures.push(f);
  return f;
}

async function github(f: GitFixture): Promise<FakeGitHub> {
  const gh = await new FakeGitHub('acme/shop', undefined, f.origin).start();
  open.push(gh);
  return gh;
}

/** A Prometheus stand-in: each query's value from `value(query)`, read at every poll. */
async function prometheus(value: (query: string) => number): Promise<string> {
  return prometheusAnswering((url) => {
    const query = url.searchParams.get('query') ?? '';
    if (url.pathname.endsWith('/query_range'))
      return {
        body: {
          status: 'success',
          data: {
            resultType: 'matrix',
            result: [{ metric: {}, values: [[1, String(value(query))]] }],
          },
        },
      };
    return { body: vector({ value: [Date.now() / 1000, String(value(query))] }) };
  });
}

async function sims(
  regions: string[],
): Promise<{ sims: Record<string, KubeSim>; kubeconfig: string }> {
  const started = await startRegions(regions);
  open.push(started);
  return started;
}

const release = releaseEverywhere;
const imageIn = apiImage;

async function git(f: GitFixture, args: string[], cwd = f.origin): Promise<string> {
  return f.git(args, cwd);
}

async function branches(f: GitFixture): Promise<string[]> {
  return (await git(f, ['for-each-ref', '--format=%(refname:short)', 'refs/heads']))
    .split('\n')
    .filter(Boolean);
}

function runIn(
  f: GitFixture,
  gh: FakeGitHub | undefined,
  options: Parameters<typeof runAction>[0] & { before?: string },
) {
  const { before, ...rest } = options;
  return runAction({
    workspace: f.workspace,
    eventName: 'push',
    event: before ? { before, after: options.sha } : {},
    repository: 'acme/shop',
    ...(gh ? { token: gh.token, apiUrl: gh.url } : {}),
    timeoutMs: 60_000,
    ...rest,
  });
}

const FAILING = `
triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 3s, interval: 1s}
`;

function expectNoLeak(result: RunResult, token: string): void {
  expect(shownText(result)).not.toContain(token);
  expect(shownText(result)).not.toContain(
    Buffer.from(`x-access-token:${token}`).toString('base64'),
  );
}

test('no targets: the merged pull request is reverted as a pull request; main untouched; the token nowhere', async () => {
  const f = await fixture('merge-discounts');
  const gh = await github(f);
  const url = await prometheus(() => 1);
  const merge = f.shas['merge-discounts'] ?? '';
  const result = await runIn(f, gh, {
    inputs: { 'prometheus-url': url },
    files: { '.github/rollback-policy.yml': FAILING },
    sha: merge,
    before: f.shas['release-1.1'],
  });
  // Nothing is rolled back until someone merges the pull request: a recommendation, with it.
  expect(result.outputs).toMatchObject({
    verdict: 'rollback-recommended',
    strategy: 'git-revert',
    'rolled-back': 'false',
  });
  expect(result.exitCode).toBe(1);
  expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(
    /merge pull request #\d+ \(.*\) to roll back/,
  );
  expect(await git(f, ['rev-parse', 'main'])).toBe(merge);
  const head = (await branches(f)).find((b) => b.startsWith('rollback/'));
  expect(head).toBeDefined();
  expect(await git(f, ['rev-parse', `${head ?? ''}^{tree}`])).toBe(
    await git(f, ['rev-parse', `${f.shas['release-1.1'] ?? ''}^{tree}`]),
  );
  const pr = gh.issues.find((i) => i.pull_request);
  expect(pr?.pull_request).toMatchObject({ head, base: 'main' });
  expect(pr?.labels.map((l) => l.name)).toEqual(['rollback']);
  expect(result.summary).toContain(`Pull request [#${pr?.number ?? 0}]`);
  gh.assertClean();
  // The token: masked, and in no output, commit, or git config.
  expectNoLeak(result, gh.token);
  expect(result.masks).toContain(gh.token);
  expect(await git(f, ['log', '--format=%B', head ?? ''])).not.toContain(gh.token);
  expect(await readFile(path.join(f.workspace, '.git', 'config'), 'utf8')).not.toContain(gh.token);
  expect(await git(f, ['status', '--porcelain'], f.workspace)).toBe('?? .github/');
});

test('no targets, git.delivery push: a revert commit on main, history kept', async () => {
  const f = await fixture('merge-discounts');
  const gh = await github(f);
  const url = await prometheus(() => 1);
  const merge = f.shas['merge-discounts'] ?? '';
  const result = await runIn(f, gh, {
    inputs: { 'prometheus-url': url },
    files: { '.github/rollback-policy.yml': `${FAILING}git: {delivery: push}\n` },
    sha: merge,
    before: f.shas['release-1.1'],
  });
  expect(result.outputs).toMatchObject({ verdict: 'rolled-back', strategy: 'git-revert' });
  const main = await git(f, ['rev-parse', 'main']);
  expect(main).not.toBe(merge);
  expect(await git(f, ['rev-parse', 'main^'])).toBe(merge);
  expect(await git(f, ['rev-parse', 'main^{tree}'])).toBe(
    await git(f, ['rev-parse', `${f.shas['release-1.1'] ?? ''}^{tree}`]),
  );
  expect(await git(f, ['log', '-1', '--format=%an <%ae>%n%B', 'main'])).toMatch(
    /^github-actions\[bot\] <41898282\+github-actions\[bot\]@users\.noreply\.github\.com>\nRevert deploy/,
  );
  // No pull request: the revert went straight to main (the incident is an issue, not a PR).
  expect(gh.issues.filter((issue) => issue.pull_request)).toEqual([]);
  expectNoLeak(result, gh.token);
});

test('a GitOps-managed Deployment gets a revert pull request and no cluster change', async () => {
  const f = await fixture('merge-discounts');
  const gh = await github(f);
  const { sims: all, kubeconfig } = await sims(['eu-west']);
  const argo = { 'argocd.argoproj.io/tracking-id': 'shop:apps/Deployment:shop/api' };
  await release(all, '1.1', argo);
  await release(all, '1.2', argo);
  const before = JSON.stringify(all['eu-west']?.get('Deployment', 'shop', 'api')?.spec);
  const url = await prometheus(() => 1);
  const result = await runIn(f, gh, {
    inputs: { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' },
    files: { '.github/rollback-policy.yml': FAILING },
    sha: f.shas['merge-discounts'],
    before: f.shas['release-1.1'],
  });
  expect(result.outputs).toMatchObject({ verdict: 'rollback-recommended', strategy: 'git-revert' });
  expect(result.log).toContain('Argo CD application shop');
  expect(JSON.stringify(all['eu-west']?.get('Deployment', 'shop', 'api')?.spec)).toBe(before);
  expect(gh.issues.filter((i) => i.pull_request)).toHaveLength(1);
  gh.assertClean();
});

test('a destructive migration in the range: rollback-recommended, nothing changed, the statement named', async () => {
  const f = await fixture('release-2.1');
  const gh = await github(f);
  const { sims: all, kubeconfig } = await sims(['eu-west']);
  await release(all, '2.0');
  await release(all, '2.1');
  const url = await prometheus(() => 1);
  const result = await runIn(f, gh, {
    inputs: { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' },
    files: { '.github/rollback-policy.yml': FAILING },
    sha: f.shas['release-2.1'],
    before: f.shas['release-2.0'],
  });
  expect(result.outputs).toMatchObject({ verdict: 'rollback-recommended', 'rolled-back': 'false' });
  expect(result.exitCode).toBe(1);
  expect(imageIn(all['eu-west'])).toBe('shop/api:2.1');
  expect(result.summary).toContain(
    'prisma/migrations/20261115090000_drop_legacy_total/migration.sql:1: ALTER TABLE "orders" DROP COLUMN "legacy_total"',
  );
  expect(result.summary).toContain('Fix forward');
  expect(await branches(f)).toEqual(['main']);
  // The only write is the incident: a recommendation is one.
  expect(gh.calls.filter((c) => c.method !== 'GET').map((c) => c.operationId)).toEqual([
    'issues/create',
  ]);
  expect(result.outputs['incident-url']).toMatch(/\/issues\/\d+$/);
  const plan = JSON.parse(result.outputs.plan ?? '{}');
  expect(plan.stages[0].gated).toContain('drop_legacy_total');
});

test('an additive migration in the range: the Kubernetes undo goes ahead, the schema stays', async () => {
  const f = await fixture('release-2.0');
  const { sims: all, kubeconfig } = await sims(['eu-west']);
  await release(all, '1.1');
  await release(all, '2.0');
  const url = await prometheus(() => 1);
  const result = await runIn(f, undefined, {
    inputs: { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' },
    files: { '.github/rollback-policy.yml': FAILING },
    sha: f.shas['release-2.0'],
    before: f.shas['merge-discounts'],
  });
  expect(result.outputs).toMatchObject({ verdict: 'rolled-back', strategy: 'kubernetes' });
  expect(imageIn(all['eu-west'])).toBe('shop/api:1.1');
  expect(result.summary).toContain(
    'only add to the schema: the application rollback is safe, and the schema stays as it is',
  );
});

interface FlagServer {
  url: string;
  requests: { method: string; url: string; body: string; auth: string | undefined }[];
}

async function flagService(): Promise<FlagServer> {
  const requests: FlagServer['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body,
        auth: req.headers.authorization,
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"enabled":false}');
    });
  });
  const url = await listenOnLoopback(server);
  open.push({ close: () => closeServer(server) });
  return { url, requests };
}

test('a flag is turned off; with the bad release still failing, the plan escalates to the undo', async () => {
  const { sims: all, kubeconfig } = await sims(['eu-west']);
  await release(all, '1.0');
  await release(all, '1.1');
  const flags = await flagService();
  // Errors follow the release running, whatever the flag says.
  const url = await prometheus(() => (imageIn(all['eu-west']) === 'shop/api:1.1' ? 1 : 0));
  const result = await runAction({
    inputs: { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' },
    env: { FLAG_TOKEN: 'flag-s3cret-token' },
    files: {
      '.github/rollback-policy.yml': `${FAILING}flags:
  - name: checkout-v2
    request: {method: PATCH, url: '${flags.url}/api/flags/checkout-v2', headers-env: {Authorization: FLAG_TOKEN}, body: {enabled: false}}
    verify-window: 3s
`,
    },
    timeoutMs: 60_000,
  });
  expect(flags.requests).toEqual([
    {
      method: 'PATCH',
      url: '/api/flags/checkout-v2',
      body: '{"enabled":false}',
      auth: 'flag-s3cret-token',
    },
  ]);
  expect(result.outputs).toMatchObject({
    verdict: 'rolled-back',
    strategy: 'feature-flag+kubernetes',
  });
  expect(imageIn(all['eu-west'])).toBe('shop/api:1.0');
  expect(result.log).toMatch(/feature flags off: judged again: fail/);
  expect(shownText(result)).not.toContain('flag-s3cret-token');
});

test('a trigger scoped to one region rolls back only that region', async () => {
  const { sims: all, kubeconfig } = await sims(['eu-west', 'us-east']);
  await release(all, '1.0');
  await release(all, '1.1');
  const url = await prometheus((query) => (query.includes('eu-west') ? 1 : 0));
  const result = await runAction({
    inputs: {
      'prometheus-url': url,
      kubeconfig,
      targets: 'deployment/api',
      contexts: 'eu-west,us-east',
    },
    files: {
      '.github/rollback-policy.yml': `
triggers:
  - {name: eu-errors, query: 'sum(errors{region="eu-west"})', above: 0.5, consecutive: 1, context: eu-west}
  - {name: us-errors, query: 'sum(errors{region="us-east"})', above: 0.5, consecutive: 1, context: us-east}
watch: {window: 3s, interval: 1s}
`,
    },
    timeoutMs: 60_000,
  });
  expect(result.outputs).toMatchObject({ verdict: 'rolled-back', strategy: 'kubernetes' });
  expect(imageIn(all['eu-west'])).toBe('shop/api:1.0');
  expect(imageIn(all['us-east'])).toBe('shop/api:1.1');
  const report = JSON.parse(result.outputs.report ?? '{}');
  expect(report.decision['left-alone']).toEqual([
    {
      target: 'us-east shop/deployment/api',
      why: "no failing trigger covers it ('eu-errors' is scoped elsewhere)",
    },
  ]);
  expect(result.summary).toContain('Left alone');
});

test('a conflicting revert aborts cleanly: nothing pushed, the workspace as it was, the path named', async () => {
  const f = await fixture('release-2.1');
  const gh = await github(f);
  const url = await prometheus(() => 1);
  // release-2.0 changed src/app.ts, and release-2.1 changed the same line after it.
  const status = await git(f, ['status', '--porcelain'], f.workspace);
  const result = await runIn(f, gh, {
    inputs: { 'prometheus-url': url },
    files: {
      '.github/rollback-policy.yml': `${FAILING}migrations: {paths: [none/*.sql], replace-defaults: true}\n`,
    },
    sha: f.shas['release-2.0'],
    before: f.shas['migration-additive'],
  });
  expect(result.outputs).toMatchObject({ verdict: 'rollback-failed', 'rolled-back': 'false' });
  expect(result.log).toContain('src/app.ts');
  expect(await branches(f)).toEqual(['main']);
  expect(await git(f, ['rev-parse', 'main'])).toBe(f.shas['release-2.1']);
  expect(await git(f, ['status', '--porcelain'], f.workspace)).toBe(
    `${status}${status ? '\n' : ''}?? .github/`.trim(),
  );
  expect(gh.issues.filter((issue) => issue.pull_request)).toEqual([]);
});

test('approval required: the guard stops with a plan; mode rollback in another job carries it out', async () => {
  const { sims: all, kubeconfig } = await sims(['eu-west']);
  await release(all, '1.0');
  const url = await prometheus(() => 1);
  const job = await Job.create();
  open.push({ close: () => job.dispose() });
  const inputs = { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' };
  const files = { '.github/rollback-policy.yml': FAILING };
  const captured = await job.run({ inputs: { ...inputs, mode: 'capture' }, files });
  expect(captured.exitCode).toBe(0);
  await release(all, '1.1');
  const guarded = await job.run({
    inputs: { ...inputs, approval: 'required' },
    files,
    timeoutMs: 60_000,
  });
  expect(guarded.outputs).toMatchObject({
    verdict: 'rollback-recommended',
    'rolled-back': 'false',
  });
  expect(imageIn(all['eu-west'])).toBe('shop/api:1.1');
  const plan = guarded.outputs.plan ?? '';
  const parsed = JSON.parse(plan);
  expect(parsed.stages.map((s: { name: string }) => s.name)).toEqual(['application rollback']);
  // The capture travels in the plan: the approving job has no snapshot of its own.
  expect(parsed.destination.kind).toBe('snapshot');
  await release(all, '1.2'); // someone deploys again before the approval: the plan still goes to 1.0

  const approved = await runAction({
    inputs: { mode: 'rollback', kubeconfig, plan },
    timeoutMs: 60_000,
  });
  expect(approved.outputs).toMatchObject({ verdict: 'rolled-back', strategy: 'kubernetes' });
  expect(approved.exitCode).toBe(0);
  expect(imageIn(all['eu-west'])).toBe('shop/api:1.0');
  expect(approved.log).toContain('Carrying out the approved plan');
  expect(approved.log).toContain('to the snapshot captured at');
});

test('capture says before the deploy that a destructive migration will not be rolled back automatically', async () => {
  const f = await fixture('release-2.1');
  const { sims: all, kubeconfig } = await sims(['eu-west']);
  await release(all, '2.0');
  const result = await runIn(f, undefined, {
    inputs: { mode: 'capture', kubeconfig, targets: 'deployment/api' },
    sha: f.shas['release-2.1'],
    before: f.shas['release-2.0'],
  });
  expect(result.exitCode).toBe(0);
  expect(result.annotations.map((a) => `${a.level}: ${a.message}`)).toContainEqual(
    expect.stringMatching(
      /^warning: prisma\/migrations\/20261115090000_drop_legacy_total\/migration\.sql:1: ALTER TABLE "orders" DROP COLUMN "legacy_total": .*not rolled back automatically/,
    ),
  );
  const snapshot = JSON.parse(result.outputs.snapshot ?? '{}');
  expect(snapshot.base).toEqual({ sha: f.shas['release-2.0'], from: 'push-before' });
});

test('a plan that is not one is refused before anything is done', async () => {
  const result = await runAction({
    inputs: {
      mode: 'rollback',
      plan: '{"version": 1, "stages": [{"name": "x", "why": "y", "actions": [{"kind": "rm -rf"}]}]}',
    },
  });
  expect(result.exitCode).toBe(1);
  expect(result.annotations.map((a) => a.message)).toEqual([
    "rollback-action: input 'plan': stage 'x': unknown action 'rm -rf'; pass the 'plan' output of a guard step unchanged",
  ]);
});

test('dry run: flags, cluster, git remote and GitHub all unchanged', async () => {
  const f = await fixture('merge-discounts');
  const gh = await github(f);
  const { sims: all, kubeconfig } = await sims(['eu-west']);
  const argo = { 'argocd.argoproj.io/instance': 'shop' };
  await release(all, '1.1', argo);
  await release(all, '1.2', argo);
  const flags = await flagService();
  const spec = JSON.stringify(all['eu-west']?.get('Deployment', 'shop', 'api')?.spec);
  const url = await prometheus(() => 1);
  const result = await runIn(f, gh, {
    inputs: { 'prometheus-url': url, kubeconfig, targets: 'deployment/api', 'dry-run': 'true' },
    files: {
      '.github/rollback-policy.yml': `${FAILING}flags:\n  - {name: checkout-v2, request: {url: '${flags.url}/off'}}\n`,
    },
    sha: f.shas['merge-discounts'],
    before: f.shas['release-1.1'],
  });
  expect(result.outputs).toMatchObject({ verdict: 'rollback-recommended', 'rolled-back': 'false' });
  expect(flags.requests).toEqual([]);
  expect(JSON.stringify(all['eu-west']?.get('Deployment', 'shop', 'api')?.spec)).toBe(spec);
  expect(await branches(f)).toEqual(['main']);
  expect(await git(f, ['rev-parse', 'main'])).toBe(f.shas['merge-discounts']);
  expect(gh.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  // What it would do: the request, and the revert with its diff stat.
  expect(result.log).toContain(`POST ${flags.url}/off`);
  expect(result.log).toMatch(/src\/discounts\.ts \| 1 -/);
});

test('a push rejected because main moved is fetched, rebased once and pushed again', async () => {
  const f = await fixture('merge-discounts');
  const url = await prometheus(() => 1);
  // Someone else pushes to main right after the action's fetch: git runs this hook when it packs
  // objects for a fetch (uploadpack.packObjectsHook, honoured in the global config), so the
  // action's first push is refused as a non-fast-forward by real git, exactly once. A commit
  // the workspace has not fetched yet makes sure the action's fetch has objects to pack.
  const other = path.join(f.workspace, '..', 'other');
  await git(f, ['clone', '-q', f.origin, other], path.dirname(f.workspace));
  await writeFile(path.join(other, 'README.md'), 'shop api\n');
  await git(f, ['add', 'README.md'], other);
  await git(f, ['commit', '-q', '-m', 'docs: readme'], other);
  await git(f, ['push', '-q', 'origin', 'main'], other);
  const hook = path.join(f.workspace, '..', 'pack-hook.sh');
  const flag = path.join(f.workspace, '..', 'moved');
  await writeFile(
    hook,
    `#!/bin/sh
"$@"
status=$?
if [ ! -e '${flag}' ]; then
  touch '${flag}'
  ( unset GIT_DIR GIT_WORK_TREE GIT_PREFIX; cd '${other}' &&
    echo 'hotfix' > HOTFIX.md && git add HOTFIX.md &&
    git -c user.name=Alice -c user.email=alice@example.com commit -q -m 'hotfix: unrelated' &&
    git push -q origin main ) >/dev/null 2>&1
fi
exit $status
`,
    { mode: 0o755 },
  );
  const config = path.join(f.workspace, '..', 'gitconfig');
  await writeFile(config, `[uploadpack]\n\tpackObjectsHook = ${hook}\n`);
  const result = await runIn(f, undefined, {
    inputs: { 'prometheus-url': url },
    env: { GIT_CONFIG_GLOBAL: config },
    files: { '.github/rollback-policy.yml': `${FAILING}git: {delivery: push}\n` },
    sha: f.shas['merge-discounts'],
    before: f.shas['release-1.1'],
  });
  expect(result.outputs).toMatchObject({ verdict: 'rolled-back', strategy: 'git-revert' });
  expect(await git(f, ['log', '--format=%s', '-3', 'main'])).toMatch(
    /^Revert deploy [0-9a-f]{7}\.\.[0-9a-f]{7}: fail\nhotfix: unrelated\ndocs: readme$/,
  );
  expect(await git(f, ['show', 'main:HOTFIX.md'])).toBe('hotfix');
  expect(result.summary).toContain('rebased once after a rejected push');
});

test('a trigger scoped to a context this run does not act in is refused before the watch', async () => {
  const { kubeconfig } = await sims(['eu-west', 'us-east']);
  const result = await runAction({
    inputs: {
      kubeconfig,
      targets: 'deployment/api',
      contexts: 'eu-west,us-east',
      'prometheus-url': 'http://127.0.0.1:9',
    },
    files: {
      '.github/rollback-policy.yml': `
triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, context: ap-south}
  - {name: lag, query: 'sum(lag)', above: 0.5, consecutive: 1, targets: [deployment/apii]}
watch: {window: 3s, interval: 1s}
`,
    },
  });
  expect(result.exitCode).toBe(1);
  expect(result.annotations.map((a) => a.message)).toEqual([
    "rollback-action: .github/rollback-policy.yml: trigger 'errors': context 'ap-south' is not one this run acts on (eu-west, us-east); a failure there would roll nothing back",
    "rollback-action: .github/rollback-policy.yml: trigger 'lag': target 'deployment/apii' is not one of the targets (deployment/api); a failure would roll nothing back",
  ]);
  expect(result.log).not.toContain('Watching');
});

test('an approved plan acting in a context the kubeconfig lacks is refused before anything is done', async () => {
  const { sims: all, kubeconfig } = await sims(['eu-west']);
  await release(all, '1.0');
  await release(all, '1.1');
  const target = (context: string) => ({
    context,
    kind: 'Deployment',
    namespace: 'shop',
    name: 'api',
  });
  const plan = JSON.stringify({
    version: 1,
    stages: [
      {
        name: 'application rollback',
        why: 'undo',
        actions: [{ kind: 'kubernetes', targets: [target('eu-west'), target('ap-south')] }],
      },
    ],
    specs: { flags: [], steps: [], 'down-command': null },
  });
  const result = await runAction({ inputs: { mode: 'rollback', kubeconfig, plan } });
  expect(result.exitCode).toBe(1);
  expect(result.annotations.map((a) => a.message)).toEqual([
    "rollback-action: input 'plan': it acts in context 'ap-south', which the kubeconfig here does not have (eu-west); nothing was done",
  ]);
  expect(imageIn(all['eu-west'])).toBe('shop/api:1.1');
});

test("after a rollback the run's GitHub deployment is marked failed and the earlier one running again", async () => {
  const { sims: all, kubeconfig } = await sims(['eu-west']);
  await release(all, '1.0');
  await release(all, '1.1');
  const gh = await new FakeGitHub('acme/shop').start();
  open.push(gh);
  const { Octokit } = await import('@octokit/core');
  const octokit = new Octokit({ auth: gh.token, baseUrl: gh.url });
  const deploy = async (ref: string): Promise<number> => {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/deployments', {
      owner: 'acme',
      repo: 'shop',
      ref,
      environment: 'production',
      required_contexts: [],
    });
    const id = (data as { id: number }).id;
    await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: 'acme',
      repo: 'shop',
      deployment_id: id,
      state: 'success',
    });
    return id;
  };
  const previous = await deploy('v1.0');
  const current = await deploy('v1.1');
  const url = await prometheus(() => 1);
  const result = await runAction({
    inputs: { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' },
    eventName: 'deployment',
    event: { deployment: { id: current } },
    token: gh.token,
    apiUrl: gh.url,
    repository: 'acme/shop',
    files: { '.github/rollback-policy.yml': FAILING },
    timeoutMs: 60_000,
  });
  expect(result.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
  const states = (id: number): string[] =>
    (gh.deployments.find((d) => d.id === id)?.statuses ?? []).map((s) => s.state);
  expect(states(current)).toEqual(['success', 'failure']);
  expect(states(previous)).toEqual(['success', 'success']);
  expect(JSON.parse(result.outputs.report ?? '{}').deployments).toEqual({
    failed: current,
    restored: previous,
  });
  gh.assertClean();
});

describe('verification after the rollback', () => {
  async function smokeServer(status: number): Promise<string> {
    const server = createServer((_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    });
    const url = await listenOnLoopback(server);
    open.push({ close: () => closeServer(server) });
    return url;
  }

  test.each([
    [200, 'true', 'P1'],
    [500, 'false', 'P0'],
  ])('smoke check answering %i: verified %s, severity %s', async (status, verified, severity) => {
    const { sims: all, kubeconfig } = await sims(['eu-west']);
    await release(all, '1.0');
    const smoke = await smokeServer(status);
    const url = await prometheus(() => (imageIn(all['eu-west']) === 'shop/api:1.1' ? 1 : 0));
    const job = await Job.create();
    open.push({ close: () => job.dispose() });
    const inputs = { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' };
    const files = {
      '.github/rollback-policy.yml': `${FAILING}verify:
  checks:
    - {name: healthz, http: {url: '${smoke}/healthz', retries: 1, backoff: 100ms}}
  sla: critical
`,
    };
    expect((await job.run({ inputs: { ...inputs, mode: 'capture' }, files })).exitCode).toBe(0);
    await release(all, '1.1');
    const result = await job.run({ inputs, files, timeoutMs: 60_000 });
    expect(result.outputs).toMatchObject({ verdict: 'rolled-back', verified });
    const report = JSON.parse(result.outputs.report ?? '{}');
    expect(report.severity).toBe(severity);
    // A P1 trigger's run that ends P0 says why, in the headline and the report.
    if (severity === 'P0') {
      expect(report['severity-from']).toMatchObject({ name: 'rollback', severity: 'P0' });
      expect(report.headline).toContain('graded P0: the rollback is not verified');
    }
    expect(report.verification.images).toEqual([
      { target: 'eu-west shop/deployment/api', match: true, differences: [] },
    ]);
    expect(report.verification.stability.verdict).toBe('pass');
    expect(report.verification.sla['limit-ms']).toBe(600_000);
    expect(report.verification.smoke.map((s: { outcome: string }) => s.outcome)).toEqual([
      status === 200 ? 'passed' : 'failed',
    ]);
    expect(result.summary).toContain(
      status === 200 ? '### Verification: ✅ verified' : '### Verification: ❌ not verified',
    );
    if (status !== 200)
      expect(result.annotations.map((a) => a.message)).toContainEqual(
        expect.stringMatching(
          /^rollback-action: the rollback is not verified: smoke check healthz/,
        ),
      );
  });
});

describe('the incident issue', () => {
  test('a bad deploy files one incident with the facts; a second event comments; GitHub failing leaves the rollback reported', async () => {
    const f = await fixture('merge-discounts');
    const gh = await github(f);
    const { sims: all, kubeconfig } = await sims(['eu-west']);
    await release(all, '1.0');
    await release(all, '1.1');
    const url = await prometheus(() => (imageIn(all['eu-west']) === 'shop/api:1.1' ? 1 : 0));
    const run = () =>
      runIn(f, gh, {
        inputs: { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' },
        env: { GITHUB_ACTOR: 'alice' },
        files: { '.github/rollback-policy.yml': `${FAILING}incident: {labels: [team-shop]}\n` },
        sha: f.shas['merge-discounts'],
        before: f.shas['release-1.1'],
      });
    const first = await run();
    expect(first.outputs).toMatchObject({ verdict: 'rolled-back' });
    const incidents = gh.issues.filter((i) => !i.pull_request);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(first.outputs['incident-url']).toBe(
      `https://github.com/acme/shop/issues/${incident?.number ?? 0}`,
    );
    expect(incident?.title).toBe('[P1] api rolled back: 1.1 → 1.0');
    expect(incident?.labels.map((l) => l.name)).toEqual(['incident', 'severity:P1', 'team-shop']);
    expect(incident?.assignees).toEqual(['alice']);
    const body = incident?.body ?? '';
    expect(body.split('\n')[0]).toMatch(/^<!-- rollback-action:incident key=[0-9a-f]{16} -->$/);
    for (const section of [
      '## Summary',
      '## Timeline',
      '## Triggers',
      '## Versions',
      '## Commits',
      '## Decision',
      '## Verification',
    ])
      expect(body).toContain(section);
    expect(body).toContain('shop/api:1.1');
    expect(body).toContain('shop/api:1.0');
    expect(body).toContain('```mermaid');
    expect(body).toContain(
      'Merge pull request #12 from acme/feature/discounts'.replace('#12', '#&#8203;12'),
    );
    gh.assertClean();

    // The same targets again, while the incident is open: a comment, no second issue.
    await release(all, '1.1');
    const second = await run();
    expect(second.outputs).toMatchObject({ verdict: 'rolled-back' });
    expect(gh.issues.filter((i) => !i.pull_request)).toHaveLength(1);
    expect(incident?.comments).toHaveLength(1);
    expect(second.outputs['incident-url']).toContain('#issuecomment-');

    // GitHub refusing: the rollback stands and says so; one warning, no failure of its own.
    if (incident) incident.state = 'closed';
    gh.injectFault({ operationId: 'issues/create', status: 403, times: 5 });
    await release(all, '1.1');
    const third = await run();
    expect(third.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
    expect(imageIn(all['eu-west'])).toBe('shop/api:1.0');
    expect(third.outputs['incident-url']).toBeUndefined();
    expect(third.annotations.map((a) => `${a.level}: ${a.message}`)).toContainEqual(
      expect.stringMatching(
        /^warning: rollback-action: the incident was not filed: GitHub create issue: 403 .*issues: write.*; the rollback stands$/,
      ),
    );
  });

  test('impact from the metrics: the failed requests the ratio trigger counted, field by field', async () => {
    const { sims: all, kubeconfig } = await sims(['eu-west']);
    await release(all, '1.0');
    await release(all, '1.1');
    const gh = await new FakeGitHub('acme/shop').start();
    open.push(gh);
    // 30 of 100 requests failing while 1.1 runs, none after the rollback.
    const url = await prometheus((query) =>
      query.includes('http_errors_total')
        ? imageIn(all['eu-west']) === 'shop/api:1.1'
          ? 30
          : 0
        : 100,
    );
    const result = await runAction({
      inputs: { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' },
      token: gh.token,
      apiUrl: gh.url,
      repository: 'acme/shop',
      env: { GITHUB_ACTOR: 'carol' },
      files: {
        '.github/rollback-policy.yml': `
triggers:
  - name: error-rate
    ratio: {errors: 'http_errors_total{job="api"}', total: 'http_requests_total{job="api"}'}
    above: 0.05
    severity: P1
watch: {window: 3s, interval: 1s}
`,
      },
      timeoutMs: 60_000,
    });
    expect(result.outputs).toMatchObject({ verdict: 'rolled-back', verified: 'true' });
    const body = gh.issues[0]?.body ?? '';
    expect(body).toContain(
      '- **Failed requests during the breach:** 30 of 100 (30.0 %), counted by error-rate from the deploy to the decision',
    );
    expect(body).toMatch(
      /- \*\*Breach duration:\*\* at most \d+s \(from the breach’s start to the verified rollback\)/,
    );
    expect(body).toMatch(/- \*\*Verified:\*\* yes, at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(body).toContain('- **Deployed:**');
    expect(body).toContain(' by carol');
    // The job summary charts the failing metric against its threshold.
    expect(result.summary).toContain('### Failing metrics');
    expect(result.summary).toContain('title "error-rate: value, and threshold 0.05 (flat line)"');
    expect(result.summary).toContain(`Incident filed: [#${gh.issues[0]?.number ?? 0}](`);
    gh.assertClean();
  });

  test("no checkout: the incident lists the deployed commits from GitHub's compare", async () => {
    const { sims: all, kubeconfig } = await sims(['eu-west']);
    await release(all, '1.0');
    await release(all, '1.1');
    const gh = await new FakeGitHub('acme/shop').start();
    open.push(gh);
    const [base, merge, head] = ['1', '2', '3'].map((c) => c.repeat(40)) as [
      string,
      string,
      string,
    ];
    gh.commits.set(base, { sha: base, message: 'release 1.0', files: [] });
    gh.commits.set(merge, {
      sha: merge,
      message: 'Merge pull request #7 from acme/checkout\n\nNew checkout',
      files: ['src/checkout.ts'],
      author: 'Eve Example',
      parents: [base],
    });
    gh.commits.set(head, {
      sha: head,
      message: 'release 1.1',
      files: [],
      author: 'Release Bot',
      parents: [merge],
    });
    const url = await prometheus(() => (imageIn(all['eu-west']) === 'shop/api:1.1' ? 1 : 0));
    const result = await runAction({
      inputs: { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' },
      token: gh.token,
      apiUrl: gh.url,
      repository: 'acme/shop',
      eventName: 'push',
      event: { before: base, after: head },
      sha: head,
      files: { '.github/rollback-policy.yml': FAILING },
      timeoutMs: 60_000,
    });
    expect(result.outputs.verdict).toBe('rolled-back');
    const body = gh.issues[0]?.body ?? '';
    expect(body).toContain('## Commits deployed');
    expect(body).toMatch(/`3{12}` \| Release Bot \| - \| release 1\.1 \|/);
    expect(body).toMatch(
      /`2{12}` \| Eve Example \| #7 \| Merge pull request #&#8203;7 from acme\/checkout \|/,
    );
    expect(result.log).toContain(
      'Deployed commits for the incident, from GitHub: 111111111111..333333333333, 2',
    );
    gh.assertClean();
  });

  test('mode rollback files the incident too: the reason, who, the versions', async () => {
    const { sims: all, kubeconfig } = await sims(['eu-west']);
    await release(all, '1.0');
    await release(all, '1.1');
    const gh = await new FakeGitHub('acme/shop').start();
    open.push(gh);
    const result = await runAction({
      inputs: {
        mode: 'rollback',
        kubeconfig,
        targets: 'deployment/api',
        reason: 'checkout broken for EU cards',
      },
      token: gh.token,
      apiUrl: gh.url,
      repository: 'acme/shop',
      env: { GITHUB_ACTOR: 'dave' },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
    expect(imageIn(all['eu-west'])).toBe('shop/api:1.0');
    const incidents = gh.issues.filter((i) => !i.pull_request);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(result.outputs['incident-url']).toBe(
      `https://github.com/acme/shop/issues/${incident?.number ?? 0}`,
    );
    expect(incident?.title).toBe('api rolled back: 1.1 → 1.0');
    expect(incident?.labels.map((l) => l.name)).toEqual(['incident']);
    expect(incident?.assignees).toEqual(['dave']);
    expect(incident?.body).toContain(
      '- **What happened:** a manual rollback by dave: checkout broken for EU cards;',
    );
    // dave ran the rollback; he is not named as the one who deployed what it undid.
    expect(incident?.body).toContain('- **Rolled back by:** dave, by hand (mode: rollback)');
    expect(incident?.body).not.toMatch(/- \*\*Deployed:\*\* .* by dave/);
    expect(JSON.parse(result.outputs.report ?? '{}').incident).toMatchObject({
      action: 'created',
      number: incident?.number,
    });
    expect(result.summary).toContain('Incident filed: [#');
    gh.assertClean();
  });

  test('a healthy deploy files nothing', async () => {
    const { sims: all, kubeconfig } = await sims(['eu-west']);
    await release(all, '1.0');
    const gh = await new FakeGitHub('acme/shop').start();
    open.push(gh);
    const url = await prometheus(() => 0);
    const result = await runAction({
      inputs: { 'prometheus-url': url, kubeconfig, targets: 'deployment/api' },
      token: gh.token,
      apiUrl: gh.url,
      files: { '.github/rollback-policy.yml': FAILING },
      timeoutMs: 60_000,
    });
    expect(result.outputs.verdict).toBe('healthy');
    // Nothing written: the only calls look for revert pull requests this release settles.
    expect(gh.calls.map((c) => `${c.method} ${c.operationId ?? ''}`)).toEqual([
      'GET issues/list-for-repo',
      'GET issues/list-for-repo',
    ]);
  });
});
