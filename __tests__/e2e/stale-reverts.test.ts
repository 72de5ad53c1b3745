/**
 * Revert pull requests never revert past a healthy release, on the lab's git fixture (real
 * git, a bare origin) and fake GitHub (its compare answered from that origin):
 *   - the pull request records what it reverts, for people and in a marker;
 *   - a newer commit verified healthy closes it with a comment and rollback-superseded;
 *     `comment` mode only comments (once); an older commit or another branch leaves it open;
 *   - a branch already past a release verified healthy gets no revert pull request at all.
 */
import { createGitFixture, HISTORY, type GitFixture } from '../../lab/git/fixture.js';
import { FakeGitHub } from '../../lab/github/server.js';
import { deployment, settled } from '../../lab/kube-sim/fixtures.js';
import { releaseEverywhere, startRegions } from '../../lab/kube-sim/regions.js';
import { closeStandIns, prometheusAnswering, vector } from '../../lab/prometheus/stand-in.js';
import { runAction } from '../../lab/runner/harness.js';

const open: { close(): Promise<void> }[] = [];
const fixtures: GitFixture[] = [];
afterEach(async () => {
  await closeStandIns();
  for (const o of open.splice(0)) await o.close();
  for (const f of fixtures.splice(0)) await f.cleanup();
});

const TRIGGERS = `
triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 2s, interval: 1s}
`;

interface Lab {
  f: GitFixture;
  gh: FakeGitHub;
  sha: (name: string) => string;
  /** A guard run of `sha` (deployed after `before`), the errors trigger at `errors`. */
  guard: (
    sha: string,
    before: string,
    errors: number,
    extra?: { policy?: string; env?: Record<string, string>; inputs?: Record<string, string> },
  ) => ReturnType<typeof runAction>;
}

/** main: release-1.0, release-1.1, the discounts merge, release-2.0 (one commit after it). */
async function lab(): Promise<Lab> {
  const f = await createGitFixture(
    HISTORY.slice(0, HISTORY.findIndex((s) => s.name === 'release-2.0') + 1),
  );
  fixtures.push(f);
  const gh = await new FakeGitHub('acme/shop', undefined, f.origin).start();
  open.push(gh);
  const sha = (name: string) => f.shas[name] ?? '';
  return {
    f,
    gh,
    sha,
    guard: async (deployed, before, errors, extra = {}) => {
      const url = await prometheusAnswering(() => ({
        body: vector({ value: [Date.now() / 1000, String(errors)] }),
      }));
      return runAction({
        workspace: f.workspace,
        eventName: 'push',
        event: { before, after: deployed },
        repository: 'acme/shop',
        token: gh.token,
        apiUrl: gh.url,
        sha: deployed,
        inputs: { 'prometheus-url': url, ...extra.inputs },
        files: { '.github/rollback-policy.yml': `${TRIGGERS}${extra.policy ?? ''}` },
        ...(extra.env ? { env: extra.env } : {}),
        timeoutMs: 60_000,
      });
    },
  };
}

const pulls = (gh: FakeGitHub) => gh.issues.filter((i) => i.pull_request);
const labels = (issue: { labels: { name: string }[] } | undefined) =>
  issue?.labels.map((l) => l.name) ?? [];

test('a revert pull request records what it reverts; a newer commit verified healthy closes it, an older one or another branch does not', async () => {
  const { gh, sha, guard } = await lab();
  // The discounts merge fails its guard; main has moved on to release-2.0 meanwhile.
  const failed = await guard(sha('merge-discounts'), sha('release-1.1'), 1);
  expect(failed.outputs.verdict).toBe('rollback-recommended');
  const [pr] = pulls(gh);
  expect(pr?.state).toBe('open');
  expect(labels(pr)).toEqual(['rollback']);
  // For people: the verdict, the run, and the commits main gained since the deploy.
  expect(pr?.body).toContain('**Verdict:** fail');
  expect(pr?.body).toContain('**main has moved on** since the deployed commit: 2 commits');
  expect(pr?.body).toContain(sha('release-2.0'));
  // For the action: the marker it reads back.
  const marker = /<!-- rollback-action:revert (\{.*?\}) -->/s.exec(pr?.body ?? '')?.[1];
  expect(JSON.parse(marker ?? '{}')).toMatchObject({
    version: 1,
    branch: 'main',
    base: sha('release-1.1'),
    head: sha('merge-discounts'),
    reverted: [sha('merge-discounts')],
    service: { policy: '.github/rollback-policy.yml', targets: [] },
  });

  // Healthy, but older than what it reverts: left open.
  const older = await guard(sha('release-1.1'), sha('release-1.0'), 0);
  expect(older.outputs.verdict).toBe('healthy');
  expect(pr?.state).toBe('open');
  expect(JSON.parse(older.outputs.report ?? '{}')['stale-reverts']).toEqual([
    expect.objectContaining({ number: pr?.number, action: 'left' }),
  ]);

  // Healthy and newer, but verified on another branch: left open.
  const elsewhere = await guard(sha('release-2.0'), sha('merge-discounts'), 0, {
    env: { GITHUB_REF: 'refs/heads/hotfix', GITHUB_REF_NAME: 'hotfix' },
  });
  expect(elsewhere.outputs.verdict).toBe('healthy');
  expect(pr?.state).toBe('open');
  expect(JSON.parse(elsewhere.outputs.report ?? '{}')['stale-reverts']).toEqual([
    expect.objectContaining({
      action: 'left',
      detail: 'it reverts on main, this run verified hotfix',
    }),
  ]);

  // release-2.0 verified healthy on main: it contains the reverted merge, so the revert is
  // stale: closed, with a comment naming the commit and the run, and labelled.
  const healthy = await guard(sha('release-2.0'), sha('merge-discounts'), 0);
  expect(healthy.outputs.verdict).toBe('healthy');
  expect(pr?.state).toBe('closed');
  expect(labels(pr)).toEqual(['rollback', 'rollback-superseded']);
  expect(pr?.comments).toHaveLength(1);
  expect(pr?.comments[0]?.body).toContain(
    `Closed by rollback-action: \`${sha('release-2.0').slice(0, 7)}\` was verified healthy at`,
  );
  expect(pr?.comments[0]?.body).toContain('https://github.com/acme/shop/actions/runs/1000');
  expect(healthy.log).toContain(
    `revert pull request #${pr?.number ?? 0} closed: reverts ${sha('merge-discounts').slice(0, 7)}; superseded by ${sha('release-2.0').slice(0, 7)}`,
  );
  expect(healthy.summary).toContain('### Revert pull requests settled by this healthy release');
  expect(healthy.summary).toContain(
    `closed: reverts ${sha('merge-discounts').slice(0, 7)}; superseded by ${sha('release-2.0').slice(0, 7)}`,
  );
  gh.assertClean();
});

test('git.stale-reverts: comment says so once and leaves the pull request open', async () => {
  const { gh, sha, guard } = await lab();
  const policy = 'git: {stale-reverts: comment}\n';
  await guard(sha('merge-discounts'), sha('release-1.1'), 1, { policy });
  const [pr] = pulls(gh);
  for (let run = 0; run < 2; run++) {
    const healthy = await guard(sha('release-2.0'), sha('merge-discounts'), 0, { policy });
    expect(healthy.outputs.verdict).toBe('healthy');
  }
  expect(pr?.state).toBe('open');
  expect(labels(pr)).toEqual(['rollback']);
  expect(pr?.comments.map((c) => c.body.split('\n\n')[1])).toEqual([
    expect.stringMatching(
      `^Superseded by rollback-action: \`${sha('release-2.0').slice(0, 7)}\` was verified healthy`,
    ),
  ]);
  gh.assertClean();
});

test('a branch already past a release verified healthy gets no revert pull request: the reason in the log, summary and report', async () => {
  const { gh, sha, guard } = await lab();
  const regions = await startRegions(['eu-west']);
  open.push(regions);
  // An Argo CD-managed Deployment: its rollback is a git revert.
  const argo = { 'argocd.argoproj.io/tracking-id': 'shop:apps/Deployment:shop/api' };
  await releaseEverywhere(regions.sims, '2.0', argo);
  const inputs = { kubeconfig: regions.kubeconfig, targets: 'deployment/api' };
  // release-2.0 is verified healthy and recorded in the ledger...
  const marked = await runAction({
    inputs: { ...inputs, mode: 'mark-good' },
    sha: sha('release-2.0'),
    token: gh.token,
    apiUrl: gh.url,
  });
  expect(marked.exitCode).toBe(0);
  // ...when the slower guard of the older discounts deploy fails.
  const failed = await guard(sha('merge-discounts'), sha('release-1.1'), 1, { inputs });
  // The decision was a git revert; none was made, so no strategy ran and nothing changed.
  expect(failed.outputs).toMatchObject({
    verdict: 'rollback-recommended',
    strategy: 'none',
    'rolled-back': 'false',
  });
  expect(JSON.parse(failed.outputs.plan ?? '{}').stages[0].actions[0].kind).toBe('git-revert');
  expect(failed.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
    expect.stringMatching(
      /^rollback-action: rollback recommended: errors \(P1\).*; main is already past a release verified healthy: /,
    ),
  ]);
  expect(pulls(gh)).toEqual([]);
  const why = `main is already past a release verified healthy: ${sha('release-2.0').slice(0, 7)}`;
  expect(failed.log).toContain(why);
  expect(failed.summary).toContain(why);
  const report = JSON.parse(failed.outputs.report ?? '{}');
  expect(report.rollback.reverts[0]).toMatchObject({
    outcome: 'superseded',
    since: [
      {
        sha: sha('release-2.0'),
        subject: 'release: api 2.0',
        verified: expect.stringMatching(/^verified healthy .* by https:\/\/github\.com\//),
      },
      {
        sha: expect.stringMatching(/^[0-9a-f]{40}$/),
        subject: 'db: add orders.discount_code column',
        verified: null,
      },
    ],
  });
  expect(report.rollback.reverts[0].reason).toContain('roll forward or fix forward');
  gh.assertClean();
});

test('a merged revert pull request: the next verified release records it in the ledger, labels it, and tells the incident', async () => {
  const { f, gh, sha, guard } = await lab();
  const regions = await startRegions(['eu-west']);
  open.push(regions);
  const argo = { 'argocd.argoproj.io/tracking-id': 'shop:apps/Deployment:shop/api' };
  await releaseEverywhere(regions.sims, '2.0', argo);
  const inputs = { kubeconfig: regions.kubeconfig, targets: 'deployment/api' };
  const failed = await guard(sha('merge-discounts'), sha('release-1.1'), 1, { inputs });
  expect(failed.outputs.verdict).toBe('rollback-recommended');
  const [pr] = pulls(gh);
  const incident = gh.issues.find((i) => !i.pull_request);
  expect(labels(incident)).toContain('incident');

  // Someone merges the revert; the pipeline deploys main; mark-good verifies it.
  const head = pr?.pull_request?.head ?? '';
  await f.git(['fetch', '-q', 'origin'], f.workspace);
  await f.git(['checkout', '-q', '-B', 'main', 'origin/main'], f.workspace);
  await f.git(['merge', '-q', '--no-ff', '-m', 'Merge the revert', `origin/${head}`], f.workspace);
  await f.git(['push', '-q', 'origin', 'main'], f.workspace);
  const merged = await f.git(['rev-parse', 'HEAD'], f.workspace);
  gh.merge(pr?.number ?? 0, merged);
  const markGood = () =>
    runAction({
      workspace: f.workspace,
      inputs: { ...inputs, mode: 'mark-good' },
      sha: merged,
      repository: 'acme/shop',
      token: gh.token,
      apiUrl: gh.url,
      files: { '.github/rollback-policy.yml': TRIGGERS },
    });
  const marked = await markGood();
  expect(marked.exitCode).toBe(0);
  const ledger = JSON.parse(
    String(
      regions.sims['eu-west']?.get('ConfigMap', 'shop', 'rollback-action-ledger')?.data?.[
        'releases.json'
      ],
    ),
  );
  expect(ledger[0]).toMatchObject({
    sha: merged,
    reverts: [
      { number: pr?.number, url: pr?.pull_request ? expect.stringContaining('/pull/') : '' },
    ],
  });
  expect(labels(pr)).toEqual(['rollback', 'rollback-deployed']);
  expect(incident?.comments.at(-1)?.body).toContain(
    `The revert pull request [#${pr?.number ?? 0}]`,
  );
  expect(marked.summary).toContain('merged revert now verified in a healthy release');

  // Noted once: the next verified release does not record or tell it again.
  const again = await markGood();
  expect(JSON.parse(again.outputs.report ?? '{}')['stale-reverts']).toEqual([]);
  gh.assertClean();
});

test("another service's release verified in the same namespace does not stop this service's revert", async () => {
  const { gh, sha, guard } = await lab();
  const regions = await startRegions(['eu-west']);
  open.push(regions);
  const argo = { 'argocd.argoproj.io/tracking-id': 'shop:apps/Deployment:shop/api' };
  await releaseEverywhere(regions.sims, '2.0', argo);
  const sim = regions.sims['eu-west'];
  sim?.apply(deployment('web', 'shop/web:2.0', { namespace: 'shop' }));
  await sim?.waitFor('Deployment', 'shop', 'web', settled);
  // release-2.0 is verified for web only...
  const marked = await runAction({
    inputs: { mode: 'mark-good', kubeconfig: regions.kubeconfig, targets: 'deployment/web' },
    sha: sha('release-2.0'),
    token: gh.token,
    apiUrl: gh.url,
  });
  expect(marked.exitCode).toBe(0);
  // ...so api's revert is still made, with release-2.0 listed as a commit since, unverified.
  const failed = await guard(sha('merge-discounts'), sha('release-1.1'), 1, {
    inputs: { kubeconfig: regions.kubeconfig, targets: 'deployment/api' },
  });
  expect(failed.outputs.verdict).toBe('rollback-recommended');
  expect(pulls(gh)).toHaveLength(1);
  const report = JSON.parse(failed.outputs.report ?? '{}');
  expect(report.rollback.reverts[0].since[0]).toEqual({
    sha: sha('release-2.0'),
    subject: 'release: api 2.0',
    verified: null,
  });
  gh.assertClean();
});
