import type { Clock } from '../../src/clock.js';
import { describeError } from '../../src/kube/client.js';
import { diffLines, pruneEmpty, semanticallyEqual } from '../../src/kube/json.js';
import { withRetry } from '../../src/kube/retry.js';
import { rolloutStatus, watchStep, type WatchStep } from '../../src/kube/rollout.js';
import { parseEvent, type WatchEvent } from '../../src/kube/watch.js';
import { selectorString } from '../../src/kube/selector.js';
import { digestsOf, gitOpsOf } from '../../src/kube/snapshot.js';
import { KubeApiError, KubeNetworkError, type KubeRequest } from '../../src/kube/transport.js';
import type { Workload, WorkloadKind } from '../../src/kube/types.js';

function workload(
  spec: Partial<Workload['spec']>,
  status: Workload['status'],
  generation = 2,
): Workload {
  return {
    metadata: { name: 'x', uid: 'u', resourceVersion: '1', generation },
    spec: { template: {}, ...spec },
    status,
  };
}

describe('rolloutStatus, as kubectl rollout status judges', () => {
  test.each<[WorkloadKind, Workload, { done: boolean; message: string; failed?: string }]>([
    [
      'Deployment',
      workload({ replicas: 3 }, { observedGeneration: 1 }),
      { done: false, message: 'waiting for the deployment spec update to be observed' },
    ],
    [
      'Deployment',
      workload({ replicas: 3 }, { observedGeneration: 2, updatedReplicas: 1, replicas: 4 }),
      { done: false, message: '1 out of 3 new replicas have been updated' },
    ],
    [
      'Deployment',
      workload({ replicas: 3 }, { observedGeneration: 2, updatedReplicas: 3, replicas: 5 }),
      { done: false, message: '2 old replicas are pending termination' },
    ],
    [
      'Deployment',
      workload(
        { replicas: 3 },
        { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 },
      ),
      { done: false, message: '2 of 3 updated replicas are available' },
    ],
    [
      'Deployment',
      workload(
        { replicas: 3 },
        { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 },
      ),
      { done: true, message: 'deployment "x" successfully rolled out' },
    ],
    [
      'Deployment',
      workload(
        { replicas: 3 },
        {
          observedGeneration: 2,
          conditions: [
            { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' },
          ],
        },
      ),
      {
        done: false,
        message: 'deployment "x" exceeded its progress deadline',
        failed: 'deployment "x" exceeded its progress deadline',
      },
    ],
    [
      'DaemonSet',
      workload({}, { observedGeneration: 2, desiredNumberScheduled: 3, updatedNumberScheduled: 1 }),
      { done: false, message: '1 out of 3 new pods have been updated' },
    ],
    [
      'DaemonSet',
      workload(
        {},
        {
          observedGeneration: 2,
          desiredNumberScheduled: 3,
          updatedNumberScheduled: 3,
          numberAvailable: 2,
        },
      ),
      { done: false, message: '2 of 3 updated pods are available' },
    ],
    [
      'DaemonSet',
      workload(
        {},
        {
          observedGeneration: 2,
          desiredNumberScheduled: 3,
          updatedNumberScheduled: 3,
          numberAvailable: 3,
        },
      ),
      { done: true, message: 'daemon set "x" successfully rolled out' },
    ],
    [
      'StatefulSet',
      workload({ replicas: 2 }, { observedGeneration: 2, readyReplicas: 1 }),
      { done: false, message: 'waiting for 1 pods to be ready' },
    ],
    [
      'StatefulSet',
      workload(
        { replicas: 2 },
        {
          observedGeneration: 2,
          readyReplicas: 2,
          currentRevision: 'a',
          updateRevision: 'b',
          updatedReplicas: 1,
        },
      ),
      { done: false, message: 'rolling update to b: 1 pods updated' },
    ],
    [
      'StatefulSet',
      workload(
        { replicas: 2 },
        {
          observedGeneration: 2,
          readyReplicas: 2,
          currentRevision: 'b',
          updateRevision: 'b',
          currentReplicas: 2,
        },
      ),
      { done: true, message: 'statefulset rolling update complete 2 pods at revision b' },
    ],
    [
      'StatefulSet',
      workload(
        { replicas: 4, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } },
        { observedGeneration: 2, readyReplicas: 4, updatedReplicas: 1 },
      ),
      { done: false, message: '1 out of 2 new pods have been updated (partitioned)' },
    ],
  ])('%s %j', (kind, w, expected) => {
    expect(rolloutStatus(kind, w)).toEqual(expected);
  });
});

describe('template comparison and diff', () => {
  test.each([
    [{ a: null, b: {}, c: [], d: { e: 1 } }, { d: { e: 1 } }],
    [{ a: [null, {}] }, undefined],
    [{}, undefined],
  ])('pruneEmpty(%j)', (value, expected) => {
    expect(pruneEmpty(value)).toEqual(expected);
  });

  test.each([
    [
      { metadata: { creationTimestamp: null, labels: { a: '1' } } },
      { metadata: { labels: { a: '1' } } },
      true,
    ],
    [{ spec: { b: 1, a: 2 } }, { spec: { a: 2, b: 1 } }, true],
    [
      { spec: { containers: [{ name: 'a' }, { name: 'b' }] } },
      { spec: { containers: [{ name: 'b' }, { name: 'a' }] } },
      false,
    ],
  ])('semanticallyEqual(%j, %j) is %s', (a, b, expected) => {
    expect(semanticallyEqual(a, b)).toBe(expected);
  });

  test('diffLines matches named list items and names each changed leaf', () => {
    const before = {
      spec: {
        containers: [
          { name: 'api', image: 'api:2', env: [{ name: 'A', value: '1' }] },
          { name: 'log', image: 'fluent:3' },
        ],
      },
    };
    const after = {
      spec: { containers: [{ name: 'api', image: 'api:1', env: [{ name: 'A', value: '1' }] }] },
    };
    expect(diffLines(before, after)).toEqual([
      'spec.containers[api].image: api:2 → api:1',
      'spec.containers[log]: {"image":"fluent:3","name":"log"} → (unset)',
    ]);
  });
});

describe('selectors, digests, GitOps markers', () => {
  test('selectorString', () => {
    expect(
      selectorString({
        matchLabels: { b: '2', a: '1' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }],
      }),
    ).toBe('a=1,b=2,tier in (api,web)');
  });

  test("digestsOf keeps each container's distinct digests", () => {
    const digest = (c: string): string => `sha256:${c.repeat(64)}`;
    const pods = [
      {
        metadata: { name: 'p1', uid: '1', resourceVersion: '1' },
        status: {
          containerStatuses: [{ name: 'api', imageID: `docker.io/shop/api@${digest('a')}` }],
        },
      },
      {
        metadata: { name: 'p2', uid: '2', resourceVersion: '1' },
        status: {
          containerStatuses: [
            { name: 'api', imageID: `docker.io/shop/api@${digest('b')}` },
            { name: 'log', imageID: '' },
          ],
        },
      },
    ];
    expect(digestsOf(pods)).toEqual({ api: [digest('a'), digest('b')] });
  });

  test.each([
    [
      { annotations: { 'argocd.argoproj.io/tracking-id': 'shop:apps/Deployment:prod/api' } },
      { tool: 'argocd', owner: 'shop' },
    ],
    [
      { labels: { 'argocd.argoproj.io/instance': 'shop-prod' } },
      { tool: 'argocd', owner: 'shop-prod' },
    ],
    [
      {
        labels: {
          'kustomize.toolkit.fluxcd.io/name': 'apps',
          'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
        },
      },
      { tool: 'flux', owner: 'Kustomization flux-system/apps' },
    ],
    [
      {
        labels: {
          'helm.toolkit.fluxcd.io/name': 'api',
          'helm.toolkit.fluxcd.io/namespace': 'shop',
        },
      },
      { tool: 'flux', owner: 'HelmRelease shop/api' },
    ],
    [{ labels: { app: 'api' } }, undefined],
  ])('gitOpsOf(%j)', (meta, expected) => {
    expect(
      gitOpsOf({
        metadata: { name: 'api', uid: 'u', resourceVersion: '1', ...meta },
        spec: { template: {} },
      }),
    ).toEqual(expected);
  });
});

describe('errors and retries', () => {
  const request = (method: KubeRequest['method'], path: string): KubeRequest => ({ method, path });
  test.each<[unknown, KubeRequest, string]>([
    [
      new KubeApiError(403, 'Forbidden', 'nope', request('PATCH', '')),
      request('PATCH', '/apis/apps/v1/namespaces/shop/deployments/api'),
      'forbidden: the credentials may not patch deployments.apps in namespace "shop" (context "eu"); grant that verb in RBAC (nope)',
    ],
    [
      new KubeApiError(403, 'Forbidden', 'nope', request('GET', '')),
      request('GET', '/apis/apps/v1/namespaces/shop/replicasets'),
      'forbidden: the credentials may not list replicasets.apps in namespace "shop" (context "eu"); grant that verb in RBAC (nope)',
    ],
    [
      new KubeApiError(404, 'NotFound', 'x', request('GET', '')),
      request('GET', '/apis/apps/v1/namespaces/shop/statefulsets/db'),
      'statefulsets.apps "db" not found in namespace "shop" (context "eu")',
    ],
    [
      new KubeApiError(401, 'Unauthorized', 'Unauthorized', request('GET', '')),
      request('GET', '/api/v1/namespaces/shop/pods'),
      'unauthorized: the API server of context "eu" rejected the credentials (Unauthorized)',
    ],
    [
      new KubeNetworkError('connect ECONNREFUSED', request('GET', '')),
      request('GET', '/api/v1/namespaces/shop/configmaps/ledger'),
      'no answer to get configmaps "ledger" in namespace "shop" (context "eu"): connect ECONNREFUSED',
    ],
  ])('%s', (error, req, message) => {
    expect(describeError(error, req, 'eu').message).toBe(message);
  });

  function fakeClock(): Clock & { slept: number[] } {
    let now = 0;
    const slept: number[] = [];
    return {
      slept,
      now: () => now,
      sleep: (ms) => {
        slept.push(ms);
        now += ms;
        return Promise.resolve();
      },
    };
  }

  test('backs off exponentially, honours Retry-After, and stops at the deadline', async () => {
    const clock = fakeClock();
    const failures = [
      new KubeApiError(503, 'ServiceUnavailable', 'busy', request('GET', '/')),
      new KubeApiError(429, 'TooManyRequests', 'slow down', request('GET', '/'), 3),
      new KubeNetworkError('reset', request('GET', '/')),
    ];
    const result = await withRetry(
      () => {
        const next = failures.shift();
        return next ? Promise.reject(next) : Promise.resolve('ok');
      },
      clock,
      60_000,
    );
    expect(result).toBe('ok');
    expect(clock.slept).toEqual([250, 3000, 1000]);

    const forever = fakeClock();
    await expect(
      withRetry(
        () => Promise.reject(new KubeApiError(500, 'InternalError', 'down', request('GET', '/'))),
        forever,
        5_000,
      ),
    ).rejects.toThrow('down');
    expect(forever.slept).toEqual([250, 500, 1000, 2000]);
  });

  test.each([400, 401, 403, 404, 409, 422])('%d is not retried', async (status) => {
    const clock = fakeClock();
    await expect(
      withRetry(
        () => Promise.reject(new KubeApiError(status, 'X', 'no', request('GET', '/'))),
        clock,
        60_000,
      ),
    ).rejects.toThrow('no');
    expect(clock.slept).toEqual([]);
  });
});

describe('watch events, as the rollout wait follows them', () => {
  const api = {
    metadata: { name: 'api', resourceVersion: '42', generation: 2 },
    spec: { replicas: 2, template: {} },
    status: { observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 2 },
  };
  const other = { ...api, metadata: { ...api.metadata, name: 'web' } };
  const gone = {
    kind: 'Status',
    code: 410,
    reason: 'Expired',
    message: 'too old resource version: 7 (90)',
  };
  test.each<[string, WatchEvent, WatchStep]>([
    [
      'a new state is judged',
      { type: 'MODIFIED', object: api },
      { do: 'judge', workload: api as never, resourceVersion: '42' },
    ],
    [
      'the initial state too',
      { type: 'ADDED', object: api },
      { do: 'judge', workload: api as never, resourceVersion: '42' },
    ],
    ['another object is not ours', { type: 'MODIFIED', object: other }, { do: 'ignore' }],
    [
      'a state without resourceVersion is not trusted',
      { type: 'MODIFIED', object: { metadata: { name: 'api' } } },
      { do: 'ignore' },
    ],
    [
      'a bookmark moves the resume point',
      { type: 'BOOKMARK', object: { kind: 'Deployment', metadata: { resourceVersion: '99' } } },
      { do: 'resume', resourceVersion: '99' },
    ],
    [
      'a bookmark without one is nothing',
      { type: 'BOOKMARK', object: { metadata: {} } },
      { do: 'ignore' },
    ],
    [
      '410 Gone: relist',
      { type: 'ERROR', object: gone },
      { do: 'relist', reason: 'too old resource version: 7 (90)' },
    ],
    [
      'Expired without a code: relist',
      { type: 'ERROR', object: { reason: 'Expired' } },
      { do: 'relist', reason: 'watch error' },
    ],
    [
      'any other error: reopen',
      { type: 'ERROR', object: { code: 500, reason: 'InternalError', message: 'etcd' } },
      { do: 'reopen', reason: 'etcd' },
    ],
    ['deleted: read again', { type: 'DELETED', object: api }, { do: 'reread' }],
    ['another deleted: not ours', { type: 'DELETED', object: other }, { do: 'ignore' }],
    ['an unknown type', { type: 'SYNC', object: api }, { do: 'ignore' }],
  ])('%s', (_, event, step) => {
    expect(watchStep('api', event)).toEqual(step);
  });

  test.each<[string, WatchEvent | undefined]>([
    [
      '{"type":"MODIFIED","object":{"metadata":{"name":"api"}}}',
      { type: 'MODIFIED', object: { metadata: { name: 'api' } } },
    ],
    ['{"type":"ERROR","object":{"code":410}}', { type: 'ERROR', object: { code: 410 } }],
    ['{"type":"MODIFIED"}', undefined],
    ['{"type":1,"object":{}}', undefined],
    ['{"type":"MODIFIED","object":null}', undefined],
    ['[]', undefined],
    ['not json', undefined],
  ])('parseEvent(%s)', (line, event) => {
    expect(parseEvent(line)).toEqual(event);
  });
});
