/**
 * The deploy freeze (runbook 003: block further deploys), through the runner harness with the
 * bundled action, kube-sim, real git with a bare origin and the fake GitHub:
 *   a bad deploy → guard rolls back and files the incident → the next capture fails with the
 *   line linking it, nothing read or changed → override-freeze captures with a warning → a
 *   new commit that is not a revert stays frozen → a commit containing the revert (in a
 *   shallow checkout, as actions/checkout makes it) proceeds → closing the issue lifts it.
 * And when the freeze cannot be checked (no token, GitHub refusing or away): a warning.
 */
import * as path from 'node:path';
import { deployment, imageOf, settled } from '../../lab/kube-sim/fixtures.js';
import { kubeconfigFor, startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { createGitFixture, HISTORY, type GitFixture } from '../../lab/git/fixture.js';
import { FakeGitHub } from '../../lab/github/server.js';
import { closeStandIns, prometheusAnswering, vector } from '../../lab/prometheus/stand-in.js';
import { runAction, type RunResult } from '../../lab/runner/harness.js';
import { frozeMarker } from '../../src/decide/freeze.js';
import type { CaptureReport } from '../../src/report/types.js';

const open: { close(): Promise<void> }[] = [];
const fixtures: GitFixture[] = [];
afterEach(async () => {
  await closeStandIns();
  for (const o of open.splice(0)) await o.close();
  for (const f of fixtures.splice(0)) await f.cleanup();
});

const POLICY = `
triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 3s, interval: 1s}
`;

interface Lab {
  f: GitFixture;
  gh: FakeGitHub;
  sim: KubeSim;
  kubeconfig: string;
  prometheusUrl: string;
}

async function lab(): Promise<Lab> {
  const steps = HISTORY.slice(0, HISTORY.findIndex((s) => s.name === 'merge-discounts') + 1);
  const f = await createGitFixture(steps);
  fixtures.push(f);
  const gh = await new FakeGitHub('acme/shop', undefined, f.origin).start();
  open.push(gh);
  const sim = await startKubeSim({ podReadyDelayMs: 10, namespaces: ['shop'] });
  open.push(sim);
  const kubeconfig = kubeconfigFor([
    { name: 'eu-west', url: sim.url, namespace: 'shop', token: 't-eu' },
  ]);
  // 1.1 is the bad release: its error rate is over the trigger's threshold.
  const prometheusUrl = await prometheusAnswering((url) => {
    const value = imageOf(sim.get('Deployment', 'shop', 'api')) === 'shop/api:1.1' ? 1 : 0;
    if (url.pathname.endsWith('/query_range'))
      return {
        body: {
          status: 'success',
          data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, String(value)]] }] },
        },
      };
    return { body: vector({ value: [Date.now() / 1000, String(value)] }) };
  });
  return { f, gh, sim, kubeconfig, prometheusUrl };
}

async function release(sim: KubeSim, tag: string): Promise<void> {
  sim.apply(deployment('api', `shop/api:${tag}`, { namespace: 'shop' }));
  await sim.waitFor(
    'Deployment',
    'shop',
    'api',
    (o) => settled(o) && imageOf(o) === `shop/api:${tag}`,
  );
}

function run(
  l: Lab,
  mode: 'guard' | 'capture',
  sha: string,
  options: { inputs?: Record<string, string>; workspace?: string; github?: boolean } = {},
): Promise<RunResult> {
  return runAction({
    workspace: options.workspace ?? l.f.workspace,
    eventName: 'push',
    event: mode === 'guard' ? { before: l.f.shas['release-1.1'], after: sha } : {},
    repository: 'acme/shop',
    ...(options.github === false ? {} : { token: l.gh.token, apiUrl: l.gh.url }),
    sha,
    inputs: {
      mode,
      'prometheus-url': l.prometheusUrl,
      kubeconfig: l.kubeconfig,
      targets: 'deployment/api',
      ...options.inputs,
    },
    files: { '.github/rollback-policy.yml': POLICY },
    timeoutMs: 60_000,
  });
}

const reportOf = (r: RunResult): CaptureReport =>
  JSON.parse(r.outputs.report ?? '{}') as CaptureReport;
const lines = (r: RunResult): string[] => r.annotations.map((a) => `${a.level}: ${a.message}`);

test('the freeze blocks the next capture until the issue is closed', async () => {
  const l = await lab();
  const { f, gh, sim } = l;
  const bad = f.shas['merge-discounts'] ?? '';
  await release(sim, '1.0');
  await release(sim, '1.1');

  // A bad deploy: guard rolls back and files the incident, which records what it froze on.
  const guard = await run(l, 'guard', bad);
  expect(guard.outputs).toMatchObject({ verdict: 'rolled-back' });
  const incident = gh.issues.find((i) => !i.pull_request);
  const url = `https://github.com/acme/shop/issues/${incident?.number ?? 0}`;
  expect(guard.outputs['incident-url']).toBe(url);
  const feature = await f.git(['rev-parse', `${bad}^2`]);
  expect(incident?.body?.split('\n')[1]).toBe(frozeMarker({ head: bad, commits: [bad, feature] }));
  expect(imageOf(sim.get('Deployment', 'shop', 'api'))).toBe('shop/api:1.0');

  // The next capture of the same code: one line linking the incident, nothing read or changed.
  const frozenLine = `rollback-action: deploys are frozen: incident #${incident?.number ?? 0} (${url}) is open for api; close it when the RCA allows, deploy a revert of its commits, or set override-freeze: true`;
  const requests = sim.requests.length;
  const before = JSON.stringify(sim.get('Deployment', 'shop', 'api'));
  const issuesBefore = JSON.stringify(gh.issues);
  const frozen = await run(l, 'capture', bad);
  expect(frozen.exitCode).toBe(1);
  expect(lines(frozen)).toEqual([`error: ${frozenLine}`]);
  expect(sim.requests.length).toBe(requests);
  expect(JSON.stringify(sim.get('Deployment', 'shop', 'api'))).toBe(before);
  expect(JSON.stringify(gh.issues)).toBe(issuesBefore);
  expect(frozen.outputs.snapshot).toBeUndefined();
  expect(frozen.env.ROLLBACK_ACTION_SNAPSHOT).toBeUndefined();
  expect(frozen.summary).toContain('## ⛔ rollback-action: deploys are frozen');
  expect(frozen.summary).toContain(`incident #${incident?.number ?? 0} (${url}) is open for api`);
  expect(frozen.log).toContain(
    `no commit deployed since ${bad.slice(0, 7)} reverts one of the incident's commits`,
  );
  expect(reportOf(frozen)).toMatchObject({
    snapshot: null,
    freeze: { incident: incident?.number, url, overridden: false, 'lifted-by': null },
    'freeze-unchecked': null,
  });

  // The same target in a larger set (or one region of an incident's two) is frozen too.
  const wider = await run(l, 'capture', bad, {
    inputs: { targets: 'deployment/api\ndeployment/web' },
  });
  expect(wider.exitCode).toBe(1);
  expect(lines(wider)).toEqual([`error: ${frozenLine}`]);

  // override-freeze: captured, with a warning that names the incident.
  const overridden = await run(l, 'capture', bad, { inputs: { 'override-freeze': 'true' } });
  expect(overridden.exitCode).toBe(0);
  expect(lines(overridden)).toContainEqual(
    `warning: rollback-action: deploy freeze overridden (override-freeze: true): incident #${incident?.number ?? 0} (${url}) is still open for api`,
  );
  expect(overridden.outputs.snapshot).toBeDefined();
  expect(overridden.summary).toContain('**Deploy freeze:** ⚠️ overridden');
  expect(reportOf(overridden).freeze).toEqual({
    incident: incident?.number,
    url,
    overridden: true,
    'lifted-by': null,
  });

  // A new commit on top that is not a revert: the bad code is still in it, still frozen.
  await f.git(['commit', '-q', '--allow-empty', '-m', 'docs: changelog']);
  const onTop = await f.git(['rev-parse', 'HEAD']);
  const stillFrozen = await run(l, 'capture', onTop);
  expect(stillFrozen.exitCode).toBe(1);
  expect(lines(stillFrozen)).toEqual([`error: ${frozenLine}`]);

  // A commit containing the revert of the merge, pushed; the capture's checkout is shallow
  // (actions/checkout's default depth 1): the bad head is fetched and the history deepened.
  await f.git(['revert', '-m', '1', '--no-edit', bad]);
  const revert = await f.git(['rev-parse', 'HEAD']);
  await f.git(['push', '-q', 'origin', 'HEAD:main']);
  const shallow = path.join(path.dirname(f.workspace), 'shallow');
  await f.git(['clone', '-q', '--depth=1', `file://${f.origin}`, shallow], path.dirname(shallow));
  expect(await f.git(['rev-parse', '--is-shallow-repository'], shallow)).toBe('true');
  const lifted = await run(l, 'capture', revert, { workspace: shallow });
  expect(lifted.exitCode).toBe(0);
  expect(lifted.log).toContain(
    `fetched the incident's deployed commit ${bad.slice(0, 7)}, which the checkout lacked`,
  );
  expect(lifted.log).toContain(
    `deploy freeze lifted: ${revert.slice(0, 7)} reverts ${bad.slice(0, 7)} of incident #${incident?.number ?? 0} (${url}), which stays open for its RCA`,
  );
  expect(lines(lifted).filter((a) => a.startsWith('error'))).toEqual([]);
  expect(lifted.summary).toContain(`**Deploy freeze:** ✅ lifted by \`${revert.slice(0, 7)}\``);
  expect(reportOf(lifted).freeze).toEqual({
    incident: incident?.number,
    url,
    overridden: false,
    'lifted-by': revert,
  });

  // Closing the issue (a PATCH through the fake, as GitHub takes it) lifts the freeze.
  const { Octokit } = await import('@octokit/core');
  await new Octokit({ auth: gh.token, baseUrl: gh.url }).request(
    'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    { owner: 'acme', repo: 'shop', issue_number: incident?.number ?? 0, state: 'closed' },
  );
  expect(incident?.state).toBe('closed');
  const clear = await run(l, 'capture', bad);
  expect(clear.exitCode).toBe(0);
  expect(lines(clear)).toEqual([]);
  expect(clear.summary).toContain('**Deploy freeze:** ✅ no open incident for these targets');
  expect(reportOf(clear)).toMatchObject({ freeze: null, 'freeze-unchecked': null });
  gh.assertClean();
});

describe('when the freeze cannot be checked, the capture goes on with a warning', () => {
  test.each<[string, (l: Lab) => void, Record<string, string>, boolean, RegExp]>([
    [
      'no token',
      () => undefined,
      { 'github-token': '' },
      true,
      /^warning: rollback-action: the deploy freeze was not checked \(no github-token or GITHUB_REPOSITORY\); capturing anyway$/,
    ],
    [
      'a token without issues: read',
      (l) => l.gh.injectFault({ operationId: 'issues/list-for-repo', status: 403 }),
      {},
      true,
      /^warning: rollback-action: the deploy freeze was not checked \(the workflow's token cannot read issues \(GitHub list issues: 403\); give the job permissions issues: read\); capturing anyway$/,
    ],
    [
      'GitHub away',
      () => undefined,
      {},
      false,
      /^warning: rollback-action: the deploy freeze was not checked \(GitHub list issues: .*\); capturing anyway$/,
    ],
  ])('%s', async (_, setup, inputs, github, warning) => {
    const l = await lab();
    await release(l.sim, '1.0');
    setup(l);
    const result = await run(l, 'capture', l.f.shas['merge-discounts'] ?? '', { inputs, github });
    expect(result.exitCode).toBe(0);
    expect(lines(result)).toEqual([expect.stringMatching(warning)]);
    expect(result.outputs.snapshot).toBeDefined();
    expect(result.summary).toContain('**Deploy freeze:** ⚠️ not checked');
    expect(reportOf(result)).toMatchObject({
      freeze: null,
      'freeze-unchecked': expect.any(String),
    });
  });
});
