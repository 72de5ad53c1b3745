import type { CapturedTarget, Snapshot } from '../../src/kube/snapshot.js';
import type { Baseline } from '../../src/metrics/baselines.js';
import type { SnapshotFile } from '../../src/report/types.js';
import {
  baselineReport,
  rolloutReport,
  snapshotFile,
  snapshotFromFile,
  targetOutcome,
} from '../../src/report/json.js';

/** Every key of a JSON value, at any depth, except inside a Kubernetes pod template. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...(k === 'template' ? [] : keysOf(v))]);
}
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const api: CapturedTarget = {
  context: 'eu-west',
  kind: 'Deployment',
  namespace: 'shop',
  name: 'api',
  uid: 'u1',
  revision: 3,
  generation: undefined,
  replicas: 2,
  paused: false,
  history: [3, 2],
  images: { api: 'shop/api:3.0' },
  digests: { api: [`sha256:${'a'.repeat(64)}`] },
  gitops: { tool: 'argocd', owner: 'shop' },
  template: { spec: { containers: [{ name: 'api', imagePullPolicy: 'Always' }] } },
};
const errorRate: Baseline = {
  value: undefined,
  reason: 'no data',
  from: 'history',
  end: '2026-01-01T00:00:00Z',
  windowMs: 600_000,
  query: '"q"',
};

const snapshot: Snapshot = {
  version: 1,
  capturedAt: '2026-01-01T00:00:00.000Z',
  sha: 'abc123',
  runUrl: undefined,
  targets: [api],
  baselines: { 'error-rate': errorRate },
};

describe('the JSON users read is kebab-case, converted at the edge', () => {
  test.each<[string, unknown]>([
    ['a snapshot', snapshotFile(snapshot)],
    [
      'a target outcome',
      targetOutcome({
        ...api,
        outcome: 'rolled-back',
        fromRevision: 3,
        toRevision: 2,
        message: 'rolled back',
        diff: [],
      }),
    ],
    ['a rollout', rolloutReport({ target: 't', state: 'done', message: 'ok', elapsedMs: 5 })],
    ['a baseline', baselineReport(errorRate)],
  ])('%s', (_name, json) => {
    expect(keysOf(json).filter((k) => !KEBAB.test(k) && !k.includes('/') && k !== 'api')).toEqual(
      [],
    );
  });

  test('a snapshot reads back as it was written, missing values as null on disk', () => {
    const file = snapshotFile(snapshot);
    expect(file).toMatchObject({ 'captured-at': snapshot.capturedAt, 'run-url': null });
    expect(file.targets[0]).toMatchObject({ generation: null, revision: 3 });
    expect(file.baselines?.['error-rate']).toMatchObject({ value: null, 'window-ms': 600_000 });
    expect(snapshotFromFile(JSON.parse(JSON.stringify(file)) as SnapshotFile)).toEqual(snapshot);
  });

  test('a target outcome has every key, null when it does not apply', () => {
    expect(
      targetOutcome({
        context: 'eu-west',
        kind: 'StatefulSet',
        namespace: 'shop',
        name: 'db',
        outcome: 'skipped',
        message: 'skipped: already there',
        diff: [],
      }),
    ).toEqual({
      context: 'eu-west',
      kind: 'StatefulSet',
      namespace: 'shop',
      name: 'db',
      outcome: 'skipped',
      'from-revision': null,
      'to-revision': null,
      message: 'skipped: already there',
      diff: [],
      state: null,
      seconds: null,
    });
  });
});
