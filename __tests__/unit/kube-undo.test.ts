import {
  changedSinceJudged,
  planDeploymentUndo,
  planRevisionUndo,
  revisionData,
  UndoRefused,
  type UndoTo,
} from '../../src/kube/undo.js';
import type {
  ControllerRevision,
  PodTemplate,
  ReplicaSet,
  Workload,
} from '../../src/kube/types.js';

const UID = 'uid-api';
const template = (image: string, extra: Record<string, string> = {}): PodTemplate => ({
  metadata: { labels: { app: 'api', ...extra } },
  spec: { containers: [{ name: 'api', image }] },
});

function deployment(
  image: string,
  revision: number,
  extra: Partial<Workload['spec']> = {},
  annotations: Record<string, string> = {},
): Workload {
  return {
    metadata: {
      name: 'api',
      uid: UID,
      resourceVersion: '1',
      annotations: { 'deployment.kubernetes.io/revision': String(revision), ...annotations },
    },
    spec: { selector: { matchLabels: { app: 'api' } }, template: template(image), ...extra },
  };
}

function rs(
  image: string,
  revision: number,
  annotations: Record<string, string> = {},
  owner = UID,
): ReplicaSet {
  return {
    metadata: {
      name: `api-${revision}`,
      uid: `rs-${revision}`,
      resourceVersion: '1',
      annotations: { 'deployment.kubernetes.io/revision': String(revision), ...annotations },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: owner, controller: true },
      ],
    },
    spec: { template: template(image, { 'pod-template-hash': `h${revision}` }) },
  };
}

const HISTORY = [
  rs('api:1', 1, { 'kubernetes.io/change-cause': 'one' }),
  rs('api:2', 2),
  rs('api:3', 3, { 'kubernetes.io/change-cause': 'three' }),
];

describe('planDeploymentUndo', () => {
  test.each<[string, Workload, ReplicaSet[], UndoTo, unknown]>([
    [
      'previous: the second newest revision, hash label dropped, annotations as kubectl sets them',
      deployment(
        'api:3',
        3,
        {},
        { 'kubernetes.io/change-cause': 'three', 'deployment.kubernetes.io/revision-history': '0' },
      ),
      HISTORY,
      { kind: 'previous' },
      {
        action: 'patch',
        fromRevision: 3,
        toRevision: 2,
        patchType: 'json',
        patch: [
          { op: 'replace', path: '/spec/template', value: template('api:2') },
          {
            op: 'replace',
            path: '/metadata/annotations',
            value: {
              'deployment.kubernetes.io/revision': '3',
              'deployment.kubernetes.io/revision-history': '0',
            },
          },
        ],
      },
    ],
    [
      'a revision number takes that revision and its change-cause',
      deployment('api:3', 3),
      HISTORY,
      { kind: 'revision', revision: 1 },
      {
        action: 'patch',
        toRevision: 1,
        patch: [
          expect.anything(),
          {
            op: 'replace',
            path: '/metadata/annotations',
            value: {
              'deployment.kubernetes.io/revision': '3',
              'kubernetes.io/change-cause': 'one',
            },
          },
        ],
      },
    ],
    [
      'already there',
      deployment('api:2', 3),
      HISTORY,
      { kind: 'revision', revision: 2 },
      { action: 'skip', revision: 2, reason: 'current template already matches revision 2' },
    ],
    [
      'ReplicaSets of another owner are not history',
      deployment('api:3', 3),
      [rs('api:9', 2, {}, 'someone-else'), rs('api:1', 1), rs('api:3', 3)],
      { kind: 'previous' },
      { action: 'patch', toRevision: 1 },
    ],
    [
      'a recorded template still in history goes back through its ReplicaSet',
      deployment('api:3', 3),
      HISTORY,
      { kind: 'template', template: template('api:1'), revision: 1 },
      {
        action: 'patch',
        toRevision: 1,
        patch: [expect.anything(), expect.objectContaining({ path: '/metadata/annotations' })],
      },
    ],
    [
      // The ledger recorded revision 1; a rollback to it since made that ReplicaSet revision 5.
      'a recorded template renumbered by an earlier rollback is named by its revision now',
      deployment('api:3', 6),
      [rs('api:2', 2), rs('api:3', 6), rs('api:1', 5)],
      { kind: 'template', template: template('api:1'), revision: 1 },
      {
        action: 'patch',
        fromRevision: 6,
        toRevision: 5,
        patch: [expect.anything(), expect.objectContaining({ path: '/metadata/annotations' })],
      },
    ],
    [
      'a recorded template that was pruned is restored as it was, annotations untouched',
      deployment('api:3', 3),
      HISTORY.slice(1),
      { kind: 'template', template: template('api:0'), revision: 1 },
      {
        action: 'patch',
        toRevision: 1,
        patch: [{ op: 'replace', path: '/spec/template', value: template('api:0') }],
      },
    ],
  ])('%s', (_name, d, sets, to, expected) => {
    expect(planDeploymentUndo(d, sets, to)).toMatchObject(expected as object);
  });

  test.each<[string, Workload, ReplicaSet[], UndoTo, string]>([
    [
      'no history',
      deployment('api:1', 1),
      [rs('api:1', 1)],
      { kind: 'previous' },
      'no rollout history found for deployment "api"',
    ],
    [
      'a missing revision',
      deployment('api:3', 3),
      HISTORY,
      { kind: 'revision', revision: 7 },
      'unable to find specified revision 7 in history',
    ],
    [
      'paused',
      deployment('api:3', 3, { paused: true }),
      HISTORY,
      { kind: 'previous' },
      'deployment "api" is paused; resume it first (kubectl rollout resume deployment/api) and try again',
    ],
    [
      'a missing revision wins over paused, as in kubectl',
      deployment('api:3', 3, { paused: true }),
      HISTORY,
      { kind: 'revision', revision: 7 },
      'unable to find specified revision 7 in history',
    ],
  ])('refused: %s', (_name, d, sets, to, message) => {
    expect(() => planDeploymentUndo(d, sets, to)).toThrow(UndoRefused);
    expect(() => planDeploymentUndo(d, sets, to)).toThrow(message);
  });

  test('templates equal but for empty maps and null timestamps count as equal', () => {
    const d = deployment('api:2', 3);
    d.spec.template = {
      metadata: { labels: { app: 'api' }, creationTimestamp: null, annotations: {} },
      spec: { containers: [{ name: 'api', image: 'api:2', env: [] }] },
    };
    expect(planDeploymentUndo(d, HISTORY, { kind: 'revision', revision: 2 })).toMatchObject({
      action: 'skip',
    });
  });
});

describe('planRevisionUndo (StatefulSet, DaemonSet)', () => {
  const cr = (image: string, revision: number): ControllerRevision => ({
    metadata: {
      name: `db-${revision}`,
      uid: `cr-${revision}`,
      resourceVersion: '1',
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: UID, controller: true },
      ],
    },
    revision,
    data: revisionData(template(image)),
  });
  const sts = (image: string): Workload => ({
    metadata: { name: 'db', uid: UID, resourceVersion: '1' },
    spec: { template: template(image) },
  });
  const revisions = [cr('db:1', 1), cr('db:2', 2), cr('db:3', 3)];

  test.each<[string, Workload, ControllerRevision[], UndoTo, unknown]>([
    [
      'previous: the revision data as a strategic merge patch',
      sts('db:3'),
      revisions,
      { kind: 'previous' },
      {
        action: 'patch',
        fromRevision: 3,
        toRevision: 2,
        patchType: 'strategic',
        patch: revisionData(template('db:2')),
      },
    ],
    [
      'a revision number',
      sts('db:3'),
      revisions,
      { kind: 'revision', revision: 1 },
      { action: 'patch', toRevision: 1 },
    ],
    [
      'already there',
      sts('db:1'),
      revisions,
      { kind: 'revision', revision: 1 },
      { action: 'skip', revision: 1 },
    ],
    [
      'a recorded template',
      sts('db:3'),
      revisions,
      { kind: 'template', template: template('db:0') },
      { action: 'patch', patch: revisionData(template('db:0')) },
    ],
    [
      'a recorded template renumbered by an earlier rollback is named by its revision now',
      sts('db:3'),
      [cr('db:2', 2), cr('db:3', 6), cr('db:1', 5)],
      { kind: 'template', template: template('db:1'), revision: 1 },
      { action: 'patch', toRevision: 5, fromRevision: 6 },
    ],
  ])('%s', (_name, w, crs, to, expected) => {
    expect(planRevisionUndo(w, crs, to)).toMatchObject(expected as object);
  });

  test.each<[string, ControllerRevision[], UndoTo, string]>([
    [
      'one revision only',
      [cr('db:3', 3)],
      { kind: 'previous' },
      'no last revision to roll back to',
    ],
    [
      'a missing revision',
      revisions,
      { kind: 'revision', revision: 9 },
      'unable to find specified revision 9 in history',
    ],
  ])('refused: %s', (_name, crs, to, message) => {
    expect(() => planRevisionUndo(sts('db:3'), crs, to)).toThrow(message);
  });
});

describe('changedSinceJudged (a second guard of the same release)', () => {
  test('the template judged: go ahead; another one: leave it alone; nothing judged: go ahead', () => {
    const judged = template('api:2');
    // The ReplicaSet's pod-template-hash label is the controller's, not a change.
    expect(changedSinceJudged(template('api:2', { 'pod-template-hash': 'h2' }), judged)).toBe(
      undefined,
    );
    expect(changedSinceJudged(template('api:1'), judged)).toBe(
      'it changed since this run judged it (another run rolled it back, or a new deploy); left as it is',
    );
    expect(changedSinceJudged(template('api:1'), undefined)).toBe(undefined);
  });
});
