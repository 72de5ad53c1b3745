/**
 * fake GitHub, driven by the Octokit client the action uses (@actions/github), checks every
 * request against GitHub's OpenAPI description: valid calls are served and remembered,
 * invalid ones get GitHub's 422 and are recorded, unknown endpoints 404.
 */
import { getOctokit } from '@actions/github';
import { startFakeGitHub, type FakeGitHub } from '../../lab/github/server.js';

let github: FakeGitHub;
let octokit: ReturnType<typeof getOctokit>;
const repo = { owner: 'acme', repo: 'shop' };

beforeAll(async () => {
  github = await startFakeGitHub('acme/shop');
}, 30_000);
afterAll(async () => {
  await github.close();
});
beforeEach(() => {
  octokit = getOctokit(github.token, { baseUrl: github.url });
  github.invalid.length = 0;
  github.unknown.length = 0;
});

describe('fake GitHub through Octokit', () => {
  test('issues: create, comment, label, update, list and search', async () => {
    const created = await octokit.rest.issues.create({
      ...repo,
      title: 'Rollback: api 2.0 (P0)',
      body: '## Timeline',
      labels: ['incident', 'rollback'],
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      number: expect.any(Number),
      html_url: expect.stringMatching(/^https:\/\/github\.com\/acme\/shop\/issues\/\d+$/),
      labels: [{ name: 'incident' }, { name: 'rollback' }],
    });
    const number = created.data.number;
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: number,
      body: 'Verified: metrics back to normal.',
    });
    await octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: ['P0'] });
    await octokit.rest.issues.update({ ...repo, issue_number: number, state: 'closed' });
    const listed = await octokit.rest.issues.listForRepo({
      ...repo,
      state: 'all',
      labels: 'incident',
      per_page: 10,
    });
    expect(listed.data.map((i) => i.number)).toContain(number);
    const found = await octokit.rest.search.issuesAndPullRequests({
      q: `repo:acme/shop is:issue label:incident "api 2.0"`,
    });
    expect(found.data.total_count).toBeGreaterThanOrEqual(1);
    const issue = github.issues.find((i) => i.number === number);
    expect(issue).toMatchObject({
      state: 'closed',
      comments: [{ body: 'Verified: metrics back to normal.' }],
    });
    expect(issue?.labels.map((l) => l.name)).toEqual(['incident', 'rollback', 'P0']);
    github.assertClean();
  });

  test('pull requests, git refs, deployments with statuses, and commit comparison', async () => {
    github.refs.set('heads/main', 'a'.repeat(40));
    const ref = await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' });
    expect(ref.data.object.sha).toBe('a'.repeat(40));
    await octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/rollback/api-2.0',
      sha: 'b'.repeat(40),
    });
    await octokit.rest.git.updateRef({
      ...repo,
      ref: 'heads/rollback/api-2.0',
      sha: 'c'.repeat(40),
    });
    const pr = await octokit.rest.pulls.create({
      ...repo,
      title: 'Revert api 2.0',
      head: 'rollback/api-2.0',
      base: 'main',
      body: 'Automatic revert',
    });
    expect(pr.data.html_url).toMatch(/\/pull\/\d+$/);
    const deployment = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
      description: 'rollback of api',
    });
    const id = (deployment.data as { id: number }).id;
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'success',
      description: 'rolled back and verified',
    });
    const statuses = await octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: id,
    });
    expect(statuses.data.map((s) => s.state)).toEqual(['success']);
    github.commits.set('1'.repeat(40), {
      sha: '1'.repeat(40),
      message: 'good',
      files: ['src/a.ts'],
    });
    github.commits.set('2'.repeat(40), {
      sha: '2'.repeat(40),
      message: 'add column',
      files: ['prisma/migrations/2_add/migration.sql'],
    });
    const compare = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${'1'.repeat(40)}...${'2'.repeat(40)}`,
    });
    expect(compare.data.files?.map((f) => f.filename)).toEqual([
      'prisma/migrations/2_add/migration.sql',
    ]);
    expect(github.refs.get('heads/rollback/api-2.0')).toBe('c'.repeat(40));
    github.assertClean();
  });

  test.each<[string, string, Record<string, unknown>, RegExp]>([
    [
      'labels as a string',
      'POST /repos/{owner}/{repo}/issues',
      { title: 'x', labels: 'incident' },
      /^body\/labels must be array$/,
    ],
    [
      'a missing title',
      'POST /repos/{owner}/{repo}/issues',
      { body: 'no title' },
      /^body must have required property 'title'$/,
    ],
    [
      'an unknown deployment state',
      'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      { deployment_id: 1, state: 'exploded' },
      /^body\/state must be equal to one of the allowed values/,
    ],
    [
      'an unknown issue state filter',
      'GET /repos/{owner}/{repo}/issues',
      { state: 'weird' },
      /^query parameter 'state' must be equal to one of the allowed values/,
    ],
  ])("%s gets GitHub's 422 and is recorded", async (_name, route, params, reason) => {
    await expect(octokit.request(route, { ...repo, ...params })).rejects.toMatchObject({
      status: 422,
    });
    expect(github.invalid).toHaveLength(1);
    expect(github.invalid[0]?.errors).toEqual([expect.stringMatching(reason)]);
    expect(() => github.assertClean()).toThrow(/GitHub would refuse/);
  });

  test('issues and pull requests share one number sequence, each stored once', async () => {
    const before = github.issues.length;
    const a = await octokit.rest.issues.create({ ...repo, title: 'a' });
    const b = await octokit.rest.pulls.create({ ...repo, title: 'b', head: 'x', base: 'main' });
    expect(b.data.number).toBe(a.data.number + 1);
    expect(github.issues.length).toBe(before + 2);
  });

  test('an endpoint GitHub lacks, or one the fake does not serve, is a 404 and recorded', async () => {
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/rollbacks', repo),
    ).rejects.toMatchObject({ status: 404 });
    await expect(octokit.rest.repos.listReleases(repo)).rejects.toMatchObject({ status: 404 });
    expect(github.unknown.map((c) => c.operationId)).toEqual([undefined, 'repos/list-releases']);
  });

  test("faults: a rate limit, a 403 and a 502, each with GitHub's headers and message", async () => {
    github.injectFault({
      operationId: 'issues/create',
      status: 403,
      rateLimit: true,
      retryAfterSeconds: 30,
      times: 1,
    });
    const limited = await octokit.rest.issues
      .create({ ...repo, title: 't' })
      .catch((e: unknown) => e);
    expect(limited).toMatchObject({
      status: 403,
      response: { headers: { 'x-ratelimit-remaining': '0' } },
    });
    github.injectFault({ operationId: 'issues/create', status: 403, times: 1 });
    await expect(octokit.rest.issues.create({ ...repo, title: 't' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    github.injectFault({ status: 502, times: 1 });
    await expect(octokit.rest.repos.get(repo)).rejects.toMatchObject({ status: 502 });
    expect((await octokit.rest.repos.get(repo)).status).toBe(200);
  });

  test('a wrong token is refused with 401 Bad credentials', async () => {
    const stranger = getOctokit('ghs_wrong', { baseUrl: github.url });
    await expect(stranger.rest.repos.get(repo)).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('Bad credentials'),
    });
  });

  test('the OpenAPI description comes from the installed @octokit/openapi', () => {
    expect(github.openApiVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
