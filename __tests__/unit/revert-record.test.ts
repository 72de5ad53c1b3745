/** The revert pull request's marker, and the rules that decide when a verified release supersedes it. */
import {
  branchOfRef,
  parseRevertMarker,
  revertMarker,
  serviceOf,
  staleDecision,
  type RevertRecord,
} from '../../src/rollback/revert-record.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const SERVICE = { policy: '.github/rollback-policy.yml', targets: ['eu-west shop/deployment/api'] };
const RECORD: RevertRecord = {
  version: 1,
  service: SERVICE,
  branch: 'main',
  base: A,
  head: B,
  reverted: [B],
  verdict: 'fail',
  run: 'https://github.com/acme/shop/actions/runs/1',
};

test('a marker reads back as written, inside any body', () => {
  const body = `Automatic rollback…\n\n${revertMarker(RECORD)}\n\nmore text`;
  expect(parseRevertMarker(body)).toEqual(RECORD);
});

test('a value holding --> cannot close the comment early, and still reads back', () => {
  const tricky = { ...RECORD, verdict: 'fail --> <script>', branch: 'release--x' };
  const marker = revertMarker(tricky);
  expect(marker.indexOf('-->')).toBe(marker.length - 3);
  expect(parseRevertMarker(marker)).toEqual(tricky);
});

test.each([
  ['no marker', 'a person wrote this'],
  ['empty', ''],
  ['not JSON', '<!-- rollback-action:revert {nope} -->'],
  ['another version', revertMarker({ ...RECORD, version: 2 as 1 })],
  ['a short SHA', revertMarker({ ...RECORD, head: 'abc1234' })],
  ['a reverted entry that is no SHA', revertMarker({ ...RECORD, reverted: ['main'] })],
  ['no branch', revertMarker({ ...RECORD, branch: undefined as unknown as string })],
  [
    'targets that are not strings',
    revertMarker({ ...RECORD, service: { policy: null, targets: [1 as unknown as string] } }),
  ],
])('%s: no record', (_, body) => {
  expect(parseRevertMarker(body)).toBeUndefined();
});

test.each<[string, Parameters<typeof staleDecision>[1], ReturnType<typeof staleDecision>]>([
  [
    'same service and branch',
    { sha: C, branch: 'main', service: SERVICE },
    { kind: 'check-ancestry' },
  ],
  [
    'a tag or a detached run: ancestry alone',
    { sha: C, branch: undefined, service: SERVICE },
    { kind: 'check-ancestry' },
  ],
  [
    'another branch',
    { sha: C, branch: 'hotfix', service: SERVICE },
    { kind: 'keep', why: 'it reverts on main, this run verified hotfix' },
  ],
  [
    'other targets',
    { sha: C, branch: 'main', service: { ...SERVICE, targets: ['eu-west shop/deployment/web'] } },
    { kind: 'keep', why: 'another service (policy or targets)' },
  ],
  [
    'a run without a policy file (mark-good, no checkout): its targets decide',
    { sha: C, branch: 'main', service: { ...SERVICE, policy: null } },
    { kind: 'check-ancestry' },
  ],
  [
    'no policy file and no targets: nothing to say it is this service',
    { sha: C, branch: 'main', service: { policy: null, targets: [] } },
    { kind: 'keep', why: 'another service (policy or targets)' },
  ],
  [
    'another policy file',
    { sha: C, branch: 'main', service: { ...SERVICE, policy: 'deploy/web.yml' } },
    { kind: 'keep', why: 'another service (policy or targets)' },
  ],
])('%s', (_, verified, expected) => {
  expect(staleDecision(RECORD, verified)).toEqual(expected);
});

test('the service is the policy and the sorted targets, whatever their order', () => {
  const refs = [
    { context: 'us-east', kind: 'Deployment' as const, namespace: 'shop', name: 'api' },
    { context: 'eu-west', kind: 'Deployment' as const, namespace: 'shop', name: 'api' },
  ];
  expect(serviceOf(undefined, refs)).toEqual(serviceOf(undefined, [...refs].reverse()));
  expect(serviceOf(undefined, [])).toEqual({ policy: null, targets: [] });
});

test.each([
  ['refs/heads/main', 'main'],
  ['refs/heads/release/1.x', 'release/1.x'],
  ['refs/tags/v1.2.0', undefined],
  ['refs/pull/12/merge', undefined],
  [undefined, undefined],
])('branchOfRef(%s)', (ref, branch) => {
  expect(branchOfRef(ref)).toBe(branch);
});
