/**
 * kube-sim at the HTTP level and through @kubernetes/client-node (the action's own client):
 * watch semantics, optimistic concurrency, patch errors, history pruning, faults.
 */
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  PatchStrategy,
  Watch,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { deployment } from '../../lab/kube-sim/fixtures.js';
import { startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';

let sim: KubeSim;
beforeEach(async () => {
  sim = await startKubeSim({ podReadyDelayMs: 10, bookmarkIntervalMs: 100 });
});
afterEach(async () => {
  await sim.close();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { 'Content-Type': contentType },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Reads watch events until `stop` says so or `ms` pass; returns them. */
async function watchEvents(
  path: string,
  stop: (events: any[]) => boolean,
  ms = 3000,
): Promise<any[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const events: any[] = [];
  try {
    const res = await fetch(`${sim.url}${path}`, { signal: controller.signal });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        events.push(JSON.parse(buffer.slice(0, newline)));
        buffer = buffer.slice(newline + 1);
      }
      if (stop(events)) break;
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

const ns = '/apis/apps/v1/namespaces/default';

/** Applies a Deployment and waits until its controllers are done with it. */
async function settled(name: string, image: string): Promise<any> {
  sim.apply(deployment(name, image));
  return sim.waitFor(
    'Deployment',
    'default',
    name,
    (o) => o.status?.availableReplicas === 3 && o.status?.replicas === 3,
  );
}

describe('kube-sim API semantics', () => {
  test('resourceVersion only grows; generation moves on spec changes only', async () => {
    const created = sim.apply(deployment('api', 'api:1'));
    const labelled = await call(
      'PATCH',
      `${ns}/deployments/api`,
      { metadata: { labels: { extra: 'yes' } } },
      'application/merge-patch+json',
    );
    expect(Number(labelled.body.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.metadata.resourceVersion),
    );
    expect(labelled.body.metadata.generation).toBe(1);
    const scaled = await call(
      'PATCH',
      `${ns}/deployments/api`,
      { spec: { replicas: 5 } },
      'application/merge-patch+json',
    );
    expect(scaled.body.metadata.generation).toBe(2);
    expect(scaled.body.metadata.uid).toBe(created.metadata.uid);
  });

  test('an update with a stale resourceVersion gets 409 Conflict with the real message', async () => {
    const created = sim.apply(deployment('api', 'api:1'));
    await call(
      'PATCH',
      `${ns}/deployments/api`,
      { spec: { replicas: 4 } },
      'application/merge-patch+json',
    );
    const stale = await call('PUT', `${ns}/deployments/api`, {
      ...created,
      spec: { ...created.spec, replicas: 2 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      code: 409,
      message:
        'Operation cannot be fulfilled on deployments.apps "api": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  test.each([
    ['application/json-patch+json', '{"op":"replace"}', 400],
    ['application/json-patch+json', '[{"op":"replace","path":"/spec/nope/x","value":1}]', 422],
    [
      'application/strategic-merge-patch+json',
      '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}',
      422,
    ],
    ['application/apply-patch+yaml', '{}', 415],
  ])('a bad %s patch (%s) gets %s and changes nothing', async (type, text, code) => {
    const created = await settled('api', 'api:1');
    const res = await fetch(`${sim.url}${ns}/deployments/api`, {
      method: 'PATCH',
      headers: { 'Content-Type': type },
      body: text,
    });
    expect(res.status).toBe(code);
    expect(((await res.json()) as any).kind).toBe('Status');
    expect(sim.get('Deployment', 'default', 'api')?.metadata.resourceVersion).toBe(
      created.metadata.resourceVersion,
    );
  });

  test('dryRun=All on create and patch stores nothing', async () => {
    const created = await call('POST', `${ns}/deployments?dryRun=All`, deployment('web', 'web:1'));
    expect(created.status).toBe(201);
    expect(sim.get('Deployment', 'default', 'web')).toBeUndefined();
    const before = await settled('api', 'api:1');
    const patched = await call(
      'PATCH',
      `${ns}/deployments/api?dryRun=All`,
      [{ op: 'replace', path: '/spec/replicas', value: 9 }],
      'application/json-patch+json',
    );
    expect(patched.body.spec.replicas).toBe(9);
    expect(sim.get('Deployment', 'default', 'api')).toEqual(before);
  });

  test('watch with sendInitialEvents ends the initial list with the initial-events-end bookmark', async () => {
    sim.apply(deployment('a', 'a:1'));
    sim.apply(deployment('b', 'b:1'));
    const events = await watchEvents(
      `${ns}/deployments?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`,
      (e) => e.some((x) => x.type === 'BOOKMARK'),
    );
    // The controllers keep writing; what follows the bookmark is the live stream.
    const initial = events.slice(0, events.findIndex((e) => e.type === 'BOOKMARK') + 1);
    expect(initial.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'a'],
      ['ADDED', 'b'],
      ['BOOKMARK', undefined],
    ]);
    expect(initial[2].object.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
  });

  test('watch resumes from a resourceVersion, filters by field selector and sends periodic bookmarks', async () => {
    const a = sim.apply(deployment('a', 'a:1', { replicas: 1 }));
    const from = a.metadata.resourceVersion;
    sim.apply(deployment('b', 'b:1'));
    const events = await watchEvents(
      `${ns}/deployments?watch=true&resourceVersion=${from}&fieldSelector=metadata.name%3Da&allowWatchBookmarks=true`,
      (e) => e.some((x) => x.type === 'BOOKMARK'),
    );
    expect(events.length).toBeGreaterThan(1);
    expect(
      events
        .filter((e) => e.type !== 'BOOKMARK')
        .every(
          (e) =>
            e.object.metadata.name === 'a' &&
            Number(e.object.metadata.resourceVersion) > Number(from),
        ),
    ).toBe(true);
    expect(events.at(-1).type).toBe('BOOKMARK');
  });

  test('a watch from a resourceVersion older than the event log gets 410 Expired', async () => {
    const events = await watchEvents(
      `${ns}/deployments?watch=true&resourceVersion=1`,
      (e) => e.length > 0,
    );
    expect(events).toEqual([
      { type: 'ERROR', object: expect.objectContaining({ code: 410, reason: 'Expired' }) },
    ]);
  });

  test('revisionHistoryLimit prunes the oldest idle ReplicaSets', async () => {
    sim.apply(deployment('api', 'api:1', { spec: { revisionHistoryLimit: 2 } }));
    for (const tag of ['2', '3', '4', '5']) {
      await sim.waitFor(
        'Deployment',
        'default',
        'api',
        (o) =>
          o.status?.observedGeneration === o.metadata.generation &&
          o.status?.updatedReplicas === 3 &&
          o.status?.availableReplicas === 3 &&
          o.status?.replicas === 3,
      );
      await call(
        'PATCH',
        `${ns}/deployments/api`,
        [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: `api:${tag}` }],
        'application/json-patch+json',
      );
    }
    await sim.waitFor(
      'Deployment',
      'default',
      'api',
      (o) =>
        o.status?.observedGeneration === 5 &&
        o.status?.replicas === 3 &&
        o.status?.updatedReplicas === 3,
    );
    // Pruning follows once the old pods are gone.
    const deadline = Date.now() + 5000;
    while (sim.list('ReplicaSet', 'default').length > 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const revisions = sim
      .list('ReplicaSet', 'default')
      .map((rs) => Number(rs.metadata.annotations['deployment.kubernetes.io/revision']))
      .sort();
    expect(revisions).toEqual([3, 4, 5]);
  });

  test('faults: latency, a dropped connection, and a fault bounded by count and path', async () => {
    sim.apply(deployment('api', 'api:1'));
    sim.injectFault({ path: /\/deployments\/api$/, latencyMs: 150, times: 1 });
    const started = Date.now();
    expect((await call('GET', `${ns}/deployments/api`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    sim.injectFault({ path: /\/deployments\/api$/, drop: true, times: 1 });
    await expect(fetch(`${sim.url}${ns}/deployments/api`)).rejects.toThrow();
    sim.injectFault({ path: /\/replicasets/, status: 503, times: 2 });
    expect((await call('GET', `${ns}/deployments/api`)).status).toBe(200);
    expect((await call('GET', `${ns}/replicasets`)).status).toBe(503);
    expect((await call('GET', `${ns}/replicasets`)).status).toBe(503);
    expect((await call('GET', `${ns}/replicasets`)).status).toBe(200);
  });
});

describe('@kubernetes/client-node against kube-sim', () => {
  function clients(): { kc: KubeConfig; apps: AppsV1Api; core: CoreV1Api } {
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig('sim'));
    return { kc, apps: kc.makeApiClient(AppsV1Api), core: kc.makeApiClient(CoreV1Api) };
  }

  test('reads, lists by label selector, JSON-patches and watches', async () => {
    const { kc, apps, core } = clients();
    sim.apply(deployment('api', 'api:1'));
    const d = await sim.waitFor(
      'Deployment',
      'default',
      'api',
      (o) => o.status?.availableReplicas === 3,
    );
    const read = await apps.readNamespacedDeployment({ name: 'api', namespace: 'default' });
    expect(read.metadata?.uid).toBe(d.metadata.uid);
    const sets = await apps.listNamespacedReplicaSet({
      namespace: 'default',
      labelSelector: 'app=api',
    });
    expect(
      sets.items.map((rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision']),
    ).toEqual(['1']);
    const pods = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=api' });
    expect(pods.items[0]?.status?.containerStatuses?.[0]?.imageID).toMatch(/@sha256:[0-9a-f]{64}$/);

    const seen: string[] = [];
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const watch = await new Watch(kc).watch(
      '/apis/apps/v1/namespaces/default/deployments',
      { fieldSelector: 'metadata.name=api', resourceVersion: d.metadata.resourceVersion },
      (phase, object) => {
        seen.push(`${phase} ${object.spec.template.spec.containers[0].image}`);
        if (object.spec.template.spec.containers[0].image === 'api:2') resolveDone();
      },
      () => resolveDone(),
    );
    await apps.patchNamespacedDeployment(
      {
        name: 'api',
        namespace: 'default',
        body: [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'api:2' }],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    await done;
    watch.abort();
    expect(seen[0]).toBe('MODIFIED api:2');
  });

  test('a 404 reaches client-node as an ApiException with the Status body', async () => {
    const { apps } = clients();
    await expect(
      apps.readNamespacedDeployment({ name: 'nope', namespace: 'default' }),
    ).rejects.toMatchObject({ code: 404 });
  });
});
