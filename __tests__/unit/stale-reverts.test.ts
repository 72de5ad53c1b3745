/**
 * What a verified release does to open revert pull requests, per `git.stale-reverts`, against an
 * in-memory GitHub: which are closed, commented on or kept, and what a refusal leaves behind.
 */
import type { GitHub, LabelledPullRequest } from '../../src/github.js';
import { revertMarker, type RevertRecord } from '../../src/rollback/revert-record.js';
import {
  supersedeStaleReverts,
  type StaleRevertsPolicy,
  type Verified,
} from '../../src/rollback/stale-reverts.js';

const OLD = '1'.repeat(40);
const BAD = '2'.repeat(40);
const NEW = '3'.repeat(40);
const ELSEWHERE = '4'.repeat(40);
const SERVICE = { policy: '.github/rollback-policy.yml', targets: [] };
const record = (over: Partial<RevertRecord> = {}): RevertRecord => ({
  version: 1,
  service: SERVICE,
  branch: 'main',
  base: OLD,
  head: BAD,
  reverted: [BAD],
  verdict: 'fail',
  ...over,
});

/** GitHub with these open pull requests; history: OLD < BAD < NEW, ELSEWHERE unrelated. */
function github(pulls: LabelledPullRequest[], refuse?: string) {
  const said: string[] = [];
  const order = [OLD, BAD, NEW];
  const double: Partial<GitHub> = {
    listLabelledPullRequests: () => Promise.resolve(pulls),
    compareStatus: (base, head) => {
      const [b, h] = [order.indexOf(base), order.indexOf(head)];
      if (b < 0 || h < 0) return Promise.reject(new Error('GitHub compare commits: 404 Not Found'));
      return Promise.resolve(b === h ? 'identical' : b < h ? 'ahead' : 'behind');
    },
    listIssueComments: (n) =>
      Promise.resolve(
        said.filter((s) => s.startsWith(`comment #${n}`)).map((body) => ({ body, author: 'bot' })),
      ),
    commentOnIssue: (n, body) => {
      said.push(`comment #${n} ${body}`);
      return Promise.resolve('');
    },
    addLabels: (n, labels) => {
      said.push(`label #${n} ${labels.join(',')}`);
      return Promise.resolve();
    },
    closePullRequest: (n) => {
      if (refuse === 'close')
        return Promise.reject(
          new Error('GitHub close pull request #1: 403 Resource not accessible by integration'),
        );
      said.push(`close #${n}`);
      return Promise.resolve();
    },
  };
  return { gh: double as GitHub, said };
}

const VERIFIED: Verified = {
  sha: NEW,
  ref: 'refs/heads/main',
  runUrl: 'https://github.com/acme/shop/actions/runs/7',
  at: '2026-11-27T03:00:00Z',
  policyFile: '.github/rollback-policy.yml',
  refs: [],
};
const pr = (number: number, body: string, labels = ['rollback']): LabelledPullRequest => ({
  number,
  url: `https://github.com/acme/shop/pull/${number}`,
  body,
  labels,
  merged: false,
});

test.each<[StaleRevertsPolicy, string[], string]>([
  ['close', ['close #1', 'comment #1', 'label #1 rollback-superseded'], 'closed'],
  ['comment', ['comment #1'], 'commented'],
  ['keep', [], 'kept'],
])('git.stale-reverts: %s', async (policy, calls, action) => {
  const { gh, said } = github([pr(1, revertMarker(record()))]);
  const done = await supersedeStaleReverts(gh, undefined, VERIFIED, { policy, label: 'rollback' });
  expect(
    said.map(
      (s) =>
        s.split(' ').slice(0, 2).join(' ') + (s.startsWith('label') ? ` ${s.split(' ')[2]}` : ''),
    ),
  ).toEqual(calls);
  expect(done).toEqual([expect.objectContaining({ number: 1, action })]);
});

test('only stale reverts of this service and branch are touched; others are left with why', async () => {
  const { gh, said } = github([
    pr(1, revertMarker(record())),
    pr(2, 'a revert someone opened by hand'),
    pr(3, revertMarker(record({ service: { policy: 'web.yml', targets: [] } }))),
    pr(4, revertMarker(record({ branch: 'release' }))),
    pr(5, revertMarker(record({ head: NEW, reverted: [NEW, OLD] }))),
    pr(6, revertMarker(record()), ['rollback', 'rollback-superseded']),
    // A marker naming a commit GitHub does not know: that one is named, the others go on.
    pr(7, revertMarker(record({ head: ELSEWHERE, reverted: [ELSEWHERE] }))),
  ]);
  const done = await supersedeStaleReverts(gh, undefined, VERIFIED, {
    policy: 'close',
    label: 'rollback',
  });
  expect(done.map((d) => [d.number, d.action, d.detail])).toEqual([
    [1, 'closed', 'reverts 2222222; superseded by 3333333'],
    [3, 'left', 'another service (policy or targets)'],
    [4, 'left', 'it reverts on release, this run verified main'],
    [5, 'closed', 'reverts 3333333; superseded by 3333333'],
    [7, 'failed', 'not settled (close): GitHub compare commits: 404 Not Found'],
  ]);
  expect(said.filter((s) => s.startsWith('close'))).toEqual(['close #1', 'close #5']);
});

test('GitHub refusing to close: named as failed, no comment or label, so the next run tries again', async () => {
  const { gh, said } = github([pr(1, revertMarker(record()))], 'close');
  const done = await supersedeStaleReverts(gh, undefined, VERIFIED, {
    policy: 'close',
    label: 'rollback',
  });
  expect(done).toEqual([
    expect.objectContaining({
      action: 'failed',
      detail:
        'not settled (close): GitHub close pull request #1: 403 Resource not accessible by integration',
    }),
  ]);
  expect(said).toEqual([]);
});

test('comment mode says it once', async () => {
  const { gh, said } = github([pr(1, revertMarker(record()))]);
  for (let i = 0; i < 2; i++)
    await supersedeStaleReverts(gh, undefined, VERIFIED, { policy: 'comment', label: 'rollback' });
  expect(said.filter((s) => s.startsWith('comment'))).toHaveLength(1);
});
