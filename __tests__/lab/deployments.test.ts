/**
 * Deployment statuses after a rollback, against the fake GitHub (requests checked against
 * GitHub's OpenAPI description): the rolled-back deployment fails, the one running again
 * succeeds anew; the deployment id from the input or the deployment event.
 */
import { FakeGitHub } from '../../lab/github/server.js';
import { createGitHub } from '../../src/github.js';
import { deploymentIdOf, markDeployments } from '../../src/rollback/deployments.js';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await new FakeGitHub('acme/shop').start();
});
afterEach(async () => {
  fake.assertClean();
  await fake.close();
});

test('the rolled-back deployment fails; the earlier successful one is marked running again', async () => {
  const github = createGitHub({ token: fake.token, apiUrl: fake.url, repository: 'acme/shop' });
  const { Octokit } = await import('@octokit/core');
  const octokit = new Octokit({ auth: fake.token, baseUrl: fake.url });
  const deploy = async (ref: string, environment: string, state?: string): Promise<number> => {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/deployments', {
      owner: 'acme',
      repo: 'shop',
      ref,
      environment,
      auto_merge: false,
      required_contexts: [],
    });
    const id = (data as { id: number }).id;
    if (state)
      await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner: 'acme',
        repo: 'shop',
        deployment_id: id,
        state: state as 'success',
      });
    return id;
  };
  const old = await deploy('v1.0', 'production', 'success');
  const broken = await deploy('v1.1', 'production', 'failure');
  await deploy('v0.9', 'staging', 'success');
  const bad = await deploy('v1.2', 'production', 'success');

  const marks = await markDeployments(github, {
    deploymentId: bad,
    description: 'rolled back: error-rate (P1) 12 % > 5 %',
    logUrl: 'https://github.com/acme/shop/issues/7',
  });
  expect(marks).toEqual({ failed: bad, restored: old });
  const statuses = (id: number): string[] =>
    (fake.deployments.find((d) => d.id === id)?.statuses ?? []).map((s) =>
      `${s.state} ${s.log_url ?? ''}`.trim(),
    );
  expect(statuses(bad)).toEqual(['success', 'failure https://github.com/acme/shop/issues/7']);
  expect(statuses(old)).toEqual(['success', 'success https://github.com/acme/shop/issues/7']);
  expect(statuses(broken)).toEqual(['failure']);
});

test.each<[string | undefined, unknown, number | undefined]>([
  ['42', {}, 42],
  [undefined, { deployment: { id: 7 } }, 7],
  [undefined, {}, undefined],
  ['abc', {}, undefined],
  ['-3', {}, undefined],
])('deployment id from input %j and event %j', (input, event, expected) => {
  expect(deploymentIdOf(input, event)).toBe(expected);
});
