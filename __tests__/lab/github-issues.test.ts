/**
 * The GitHub choke point's incident calls against the fake GitHub, every request checked
 * against GitHub's OpenAPI description: the open incident is found by its marker among
 * labelled issues (never a pull request, never a closed one), created with labels and
 * assignees, commented on; a 403 names the permission the token needs.
 */
import { FakeGitHub } from '../../lab/github/server.js';
import { createGitHub, type GitHub } from '../../src/github.js';

let fake: FakeGitHub;
let github: GitHub;
beforeEach(async () => {
  fake = await new FakeGitHub('acme/shop').start();
  github = createGitHub({ token: fake.token, apiUrl: fake.url, repository: 'acme/shop' });
});
afterEach(async () => {
  fake.assertClean();
  await fake.close();
});

const MARKER = '<!-- rollback-action:incident key=eu-west/shop/deployment/api -->';

test('an incident is created, then found by its marker and commented on', async () => {
  expect(await github.findOpenIssue('incident', MARKER)).toBeUndefined();
  const created = await github.createIssue({
    title: 'Rollback: shop/api 1.2 → 1.1 (P1)',
    body: `${MARKER}\n\n## Summary`,
    labels: ['incident', 'severity:P1'],
    assignees: ['octocat'],
  });
  expect(created.url).toMatch(/\/issues\/\d+$/);
  const found = await github.findOpenIssue('incident', MARKER);
  // Found with what the deploy freeze reads: the body (its markers), who wrote it, comments.
  expect(found).toEqual({
    ...created,
    body: `${MARKER}\n\n## Summary`,
    author: 'github-actions[bot]',
    comments: 0,
  });
  const comment = await github.commentOnIssue(created.number, 'A second event');
  expect(comment).toContain(`#issuecomment-`);
  const issue = fake.issues.find((i) => i.number === created.number);
  expect(issue?.labels.map((l) => l.name)).toEqual(['incident', 'severity:P1']);
  expect(issue?.assignees).toEqual(['octocat']);
  expect(issue?.comments.map((c) => c.body)).toEqual(['A second event']);
});

test.each([
  ['another marker', MARKER.replace('api', 'worker'), 'open', ['incident']],
  ['the label missing', MARKER, 'open', ['bug']],
  ['closed', MARKER, 'closed', ['incident']],
])('an issue with %s is not the open incident', async (_name, body, state, labels) => {
  const other = await github.createIssue({ title: 'x', body, labels });
  const stored = fake.issues.find((i) => i.number === other.number);
  if (stored && state === 'closed') stored.state = 'closed';
  expect(await github.findOpenIssue('incident', MARKER)).toBeUndefined();
});

test('a pull request whose body quotes the marker is not the incident', async () => {
  await github.createPullRequest({ head: 'rollback/x', base: 'main', title: 'x', body: MARKER });
  const pr = fake.issues.at(-1);
  if (pr) pr.labels.push({ id: 1, name: 'incident', color: 'ededed', default: false });
  expect(await github.findOpenIssue('incident', MARKER)).toBeUndefined();
});

test('a 403 names the permission filing an incident needs', async () => {
  fake.injectFault({ operationId: 'issues/create', status: 403, times: 1 });
  await expect(github.createIssue({ title: 't', body: 'b', labels: ['incident'] })).rejects.toThrow(
    /^GitHub create issue: 403 .*\(the workflow's token needs issues: write\)$/,
  );
});
