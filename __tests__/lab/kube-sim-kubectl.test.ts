/**
 * kube-sim's fidelity, proven with the real client: /usr/bin/kubectl (v1.32) runs against it
 * and each test asserts kubectl's own output and the objects that result.
 */
import {
  daemonSet,
  deployment,
  statefulSet,
  imageOf,
  settled,
} from '../../lab/kube-sim/fixtures.js';
import { Kubectl } from '../../lab/kube-sim/kubectl.js';
import { startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';

let sim: KubeSim;
let kubectl: Kubectl;

async function setUp(options: Parameters<typeof startKubeSim>[0] = {}): Promise<void> {
  sim = await startKubeSim({ podReadyDelayMs: 20, ...options });
  kubectl = await Kubectl.forConfig(sim.kubeconfig('sim', 'default'));
}

afterEach(async () => {
  await kubectl.dispose();
  await sim.close();
});

/** Deploys `images` one after another, waiting for each rollout, as a history fixture. */
async function history(name: string, images: string[], causes: string[] = []): Promise<void> {
  sim.apply(
    deployment(
      name,
      images[0] ?? '',
      causes[0] ? { annotations: { 'kubernetes.io/change-cause': causes[0] } } : {},
    ),
  );
  await sim.waitFor('Deployment', 'default', name, settled);
  for (let i = 1; i < images.length; i++) {
    const cause = causes[i];
    const args = ['set', 'image', `deployment/${name}`, `${name}=${images[i] ?? ''}`];
    expect((await kubectl.run(args)).stdout).toBe(`deployment.apps/${name} image updated\n`);
    if (cause)
      await kubectl.run([
        'annotate',
        '--overwrite',
        `deployment/${name}`,
        `kubernetes.io/change-cause=${cause}`,
      ]);
    await sim.waitFor('Deployment', 'default', name, (o) => settled(o) && imageOf(o) === images[i]);
  }
}

describe('kubectl against kube-sim', () => {
  test('version and get: discovery, server-side tables, JSON', async () => {
    await setUp();
    sim.apply(deployment('api', 'shop/api:1.0'));
    await sim.waitFor('Deployment', 'default', 'api', settled);
    const version = await kubectl.run(['version', '-o', 'json']);
    expect(JSON.parse(version.stdout).serverVersion.gitVersion).toBe('v1.32.4');
    const table = await kubectl.run(['get', 'deployments']);
    expect(table.stdout).toMatch(
      /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\napi\s+3\/3\s+3\s+3\s+\d+s\n$/,
    );
    const object = await kubectl.json(['get', 'deploy/api']);
    expect(object).toMatchObject({
      kind: 'Deployment',
      metadata: { generation: 1 },
      status: { observedGeneration: 1, replicas: 3 },
    });
    const missing = await kubectl.run(['get', 'deployment', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });

  test('set image creates a new ReplicaSet at the next revision and scales the old one down', async () => {
    await setUp();
    await history('api', ['shop/api:1.0', 'shop/api:2.0']);
    const d = sim.get('Deployment', 'default', 'api');
    expect(d?.metadata.generation).toBe(2);
    expect(d?.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    const sets = sim
      .list('ReplicaSet', 'default')
      .sort(
        (a, b) =>
          Number(a.metadata.annotations['deployment.kubernetes.io/revision']) -
          Number(b.metadata.annotations['deployment.kubernetes.io/revision']),
      );
    expect(
      sets.map((rs) => [
        imageOf(rs),
        rs.spec.replicas,
        rs.metadata.labels['pod-template-hash'] === rs.metadata.name.slice(4),
      ]),
    ).toEqual([
      ['shop/api:1.0', 0, true],
      ['shop/api:2.0', 3, true],
    ]);
    const rsOut = await kubectl.run(['get', 'rs', '-o', 'name']);
    expect(rsOut.stdout.trim().split('\n')).toHaveLength(2);
  });

  test('rollout history lists revisions with their change-cause', async () => {
    await setUp();
    await history(
      'api',
      ['shop/api:1.0', 'shop/api:2.0', 'shop/api:3.0'],
      ['initial', 'deploy 2.0', 'deploy 3.0'],
    );
    const out = await kubectl.run(['rollout', 'history', 'deployment/api']);
    expect(out.stdout).toBe(
      'deployment.apps/api \nREVISION  CHANGE-CAUSE\n1         initial\n2         deploy 2.0\n3         deploy 3.0\n\n',
    );
    const one = await kubectl.run(['rollout', 'history', 'deployment/api', '--revision=2']);
    expect(one.stdout).toContain('deployment.apps/api with revision #2');
    expect(one.stdout).toContain('Image:\tshop/api:2.0');
  });

  test('rollout undo goes to the previous revision; the old template returns at the next revision', async () => {
    await setUp();
    await history('api', ['shop/api:1.0', 'shop/api:2.0'], ['v1', 'v2']);
    const out = await kubectl.run(['rollout', 'undo', 'deployment/api']);
    expect(out).toMatchObject({ code: 0, stdout: 'deployment.apps/api rolled back\n' });
    const d = await sim.waitFor(
      'Deployment',
      'default',
      'api',
      (o) => settled(o) && imageOf(o) === 'shop/api:1.0',
    );
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(d.metadata.annotations['kubernetes.io/change-cause']).toBe('v1');
    expect(d.spec.template.metadata.labels).toEqual({ app: 'api' });
    const readopted = sim
      .list('ReplicaSet', 'default')
      .find((rs) => imageOf(rs) === 'shop/api:1.0');
    expect(readopted?.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
    expect(sim.list('ReplicaSet', 'default')).toHaveLength(2);
    const hist = await kubectl.run(['rollout', 'history', 'deployment/api']);
    expect(hist.stdout).toBe(
      'deployment.apps/api \nREVISION  CHANGE-CAUSE\n2         v2\n3         v1\n\n',
    );
  });

  test('rollout undo --to-revision, the already-matching skip, and a missing revision', async () => {
    await setUp();
    await history('api', ['shop/api:1.0', 'shop/api:2.0', 'shop/api:3.0']);
    expect(
      (await kubectl.run(['rollout', 'undo', 'deployment/api', '--to-revision=1'])).stdout,
    ).toBe('deployment.apps/api rolled back\n');
    await sim.waitFor(
      'Deployment',
      'default',
      'api',
      (o) => settled(o) && imageOf(o) === 'shop/api:1.0',
    );
    const skipped = await kubectl.run(['rollout', 'undo', 'deployment/api', '--to-revision=4']);
    expect(skipped.stdout).toBe(
      'deployment.apps/api skipped rollback (current template already matches revision 4)\n',
    );
    const before = sim.get('Deployment', 'default', 'api')?.metadata.resourceVersion;
    const missing = await kubectl.run(['rollout', 'undo', 'deployment/api', '--to-revision=99']);
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'error: unable to find specified revision 99 in history\n',
    });
    expect(sim.get('Deployment', 'default', 'api')?.metadata.resourceVersion).toBe(before);
  });

  test('a paused Deployment refuses undo and does not roll until resumed', async () => {
    await setUp();
    await history('api', ['shop/api:1.0', 'shop/api:2.0']);
    expect((await kubectl.run(['rollout', 'pause', 'deployment/api'])).stdout).toBe(
      'deployment.apps/api paused\n',
    );
    const refused = await kubectl.run(['rollout', 'undo', 'deployment/api']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    await kubectl.run(['set', 'image', 'deployment/api', 'api=shop/api:3.0']);
    await new Promise((r) => setTimeout(r, 150));
    expect(sim.list('ReplicaSet', 'default')).toHaveLength(2);
    expect(sim.get('Deployment', 'default', 'api')?.status.conditions[1]).toMatchObject({
      type: 'Progressing',
      status: 'Unknown',
      reason: 'DeploymentPaused',
    });
    expect((await kubectl.run(['rollout', 'resume', 'deployment/api'])).stdout).toBe(
      'deployment.apps/api resumed\n',
    );
    await sim.waitFor(
      'Deployment',
      'default',
      'api',
      (o) => settled(o) && o.metadata.annotations['deployment.kubernetes.io/revision'] === '3',
    );
    expect(sim.list('ReplicaSet', 'default')).toHaveLength(3);
  });

  test('rollout status follows the rollout through watch until it completes', async () => {
    await setUp({ podReadyDelayMs: 1500 });
    sim.apply(deployment('api', 'shop/api:1.0', { replicas: 2 }));
    const out = await kubectl.run(['rollout', 'status', 'deployment/api', '--timeout=20s']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /Waiting for deployment "api" rollout to finish: 0 of 2 updated replicas are available\.\.\.\n/,
    );
    expect(out.stdout.endsWith('deployment "api" successfully rolled out\n')).toBe(true);
    expect(sim.requests.some((r) => r.query.includes('watch=true'))).toBe(true);
  });

  test('rollout status resumes a watch the server closes mid-rollout (closeWatchAfterMs)', async () => {
    await setUp({ podReadyDelayMs: 1500 });
    sim.injectFault({ path: /watch=true/, closeWatchAfterMs: 300, times: 1 });
    sim.apply(deployment('api', 'shop/api:1.0', { replicas: 2 }));
    const out = await kubectl.run(['rollout', 'status', 'deployment/api', '--timeout=20s']);
    expect(out.code).toBe(0);
    expect(out.stdout.endsWith('deployment "api" successfully rolled out\n')).toBe(true);
    const watches = sim.requests.filter((r) => r.query.includes('watch=true'));
    // client-go logs the closure, lists again and watches from the list's resourceVersion.
    expect(out.stderr).toContain('Unexpected watch close');
    expect(watches.length).toBeGreaterThanOrEqual(2);
    expect(new URLSearchParams(watches[1]?.query).get('resourceVersion')).toMatch(/^[1-9]\d*$/);
  });

  test('rollout status fails when the progress deadline passes (a stuck rollout)', async () => {
    await setUp();
    sim.controllers.setImageBehaviour('shop/api:broken', 'never-ready');
    sim.apply(
      deployment('api', 'shop/api:1.0', { replicas: 2, spec: { progressDeadlineSeconds: 1 } }),
    );
    await sim.waitFor('Deployment', 'default', 'api', settled);
    await kubectl.run(['set', 'image', 'deployment/api', 'api=shop/api:broken']);
    const out = await kubectl.run(['rollout', 'status', 'deployment/api', '--timeout=20s']);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('error: deployment "api" exceeded its progress deadline\n');
    const d = sim.get('Deployment', 'default', 'api');
    expect(
      d?.status.conditions.find((c: { type: string }) => c.type === 'Progressing'),
    ).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: expect.stringMatching(/has timed out progressing\.$/),
    });
    expect(d?.status.availableReplicas).toBe(2); // the old pods keep serving
  });

  test('scale changes replicas through the /scale subresource', async () => {
    await setUp();
    sim.apply(deployment('api', 'shop/api:1.0', { replicas: 2 }));
    expect((await kubectl.run(['scale', 'deployment/api', '--replicas=5'])).stdout).toBe(
      'deployment.apps/api scaled\n',
    );
    await sim.waitFor('Deployment', 'default', 'api', (o) => settled(o) && o.status.replicas === 5);
    expect(
      sim.requests.some((r) => r.method === 'PATCH' && r.path.endsWith('/deployments/api/scale')),
    ).toBe(true);
    expect(sim.list('Pod', 'default')).toHaveLength(5);
  });

  test('server-side dry run changes nothing', async () => {
    await setUp();
    await history('api', ['shop/api:1.0']);
    const before = sim.get('Deployment', 'default', 'api');
    const out = await kubectl.run([
      'set',
      'image',
      'deployment/api',
      'api=shop/api:9',
      '--dry-run=server',
    ]);
    expect(out.stdout).toBe('deployment.apps/api image updated (server dry run)\n');
    expect(sim.get('Deployment', 'default', 'api')).toEqual(before);
  });

  test('undo of a StatefulSet through its ControllerRevisions, and the already-matching skip', async () => {
    await setUp();
    sim.apply(statefulSet('db', 'postgres:16.1'));
    await sim.waitFor('StatefulSet', 'default', 'db', (o) => o.status?.readyReplicas === 2);
    await kubectl.run(['set', 'image', 'statefulset/db', 'db=postgres:16.2']);
    const updated = await kubectl.run(['rollout', 'status', 'statefulset/db', '--timeout=20s']);
    expect(updated.stdout).toContain(
      'partitioned roll out complete: 2 new pods have been updated...',
    );
    expect((await kubectl.run(['rollout', 'history', 'statefulset/db'])).stdout).toBe(
      'statefulset.apps/db \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    expect((await kubectl.run(['rollout', 'undo', 'statefulset/db'])).stdout).toBe(
      'statefulset.apps/db rolled back\n',
    );
    const sts = await sim.waitFor(
      'StatefulSet',
      'default',
      'db',
      (o) =>
        imageOf(o) === 'postgres:16.1' &&
        o.status?.currentRevision === o.status?.updateRevision &&
        o.status?.readyReplicas === 2,
    );
    const revisions = sim
      .list('ControllerRevision', 'default')
      .map((r) => [r.revision, r.metadata.name === sts.status.updateRevision]);
    expect(revisions.sort()).toEqual([
      [2, false],
      [3, true],
    ]);
    expect(
      (await kubectl.run(['rollout', 'undo', 'statefulset/db', '--to-revision=3'])).stdout,
    ).toBe('statefulset.apps/db skipped rollback (current template already matches revision 3)\n');
    expect(sim.list('Pod', 'default').map((p) => p.spec.containers[0].image)).toEqual([
      'postgres:16.1',
      'postgres:16.1',
    ]);
  });

  test('undo of a DaemonSet through its ControllerRevisions', async () => {
    await setUp({ nodes: ['node-a', 'node-b', 'node-c'] });
    sim.apply(daemonSet('agent', 'agent:1'));
    await sim.waitFor('DaemonSet', 'default', 'agent', (o) => o.status?.numberAvailable === 3);
    await kubectl.run(['set', 'image', 'daemonset/agent', 'agent=agent:2']);
    expect(
      (await kubectl.run(['rollout', 'status', 'daemonset/agent', '--timeout=20s'])).stdout,
    ).toContain('daemon set "agent" successfully rolled out');
    expect((await kubectl.run(['rollout', 'undo', 'daemonset/agent'])).stdout).toBe(
      'daemonset.apps/agent rolled back\n',
    );
    await sim.waitFor(
      'DaemonSet',
      'default',
      'agent',
      (o) =>
        imageOf(o) === 'agent:1' &&
        o.status?.updatedNumberScheduled === 3 &&
        o.status?.numberAvailable === 3,
    );
    expect((await kubectl.run(['rollout', 'history', 'daemonset/agent'])).stdout).toBe(
      'daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    );
    expect(
      sim
        .list('Pod', 'default')
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(['node-a', 'node-b', 'node-c']);
  });

  test('list pagination: kubectl --chunk-size follows continue tokens', async () => {
    await setUp();
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      sim.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace: 'default' },
        data: { k: name },
      });
    const out = await kubectl.run(['get', 'configmaps', '--chunk-size=2', '-o', 'name']);
    expect(out.stdout).toBe('configmap/a\nconfigmap/b\nconfigmap/c\nconfigmap/d\nconfigmap/e\n');
    expect(
      sim.requests.filter((r) => r.path.endsWith('/configmaps') && r.query.includes('limit=2')),
    ).toHaveLength(3);
  });

  test('faults: a 500 is shown as the server said it; a 429 with Retry-After is retried by client-go', async () => {
    await setUp();
    sim.apply(deployment('api', 'shop/api:1.0'));
    sim.injectFault({ method: 'GET', path: /\/deployments\/api$/, status: 500, times: 1 });
    const failed = await kubectl.run(['get', 'deployment', 'api', '-o', 'name']);
    expect(failed.stderr).toBe(
      'Error from server (InternalError): Internal error occurred: injected fault\n',
    );
    sim.injectFault({
      method: 'GET',
      path: /\/deployments\/api$/,
      status: 429,
      retryAfterSeconds: 1,
      times: 2,
    });
    const retried = await kubectl.run(['get', 'deployment', 'api', '-o', 'name']);
    expect(retried).toMatchObject({ code: 0, stdout: 'deployment.apps/api\n' });
    expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(2);
  });

  test('RBAC: with only a Role granted, kubectl auth can-i and a refused verb read as on a cluster', async () => {
    await setUp();
    sim.apply(deployment('api', 'shop/api:1.0'));
    sim.apply(deployment('web', 'shop/web:1.0'));
    sim.grantOnly(
      [
        { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['api'], verbs: ['get'] },
        { apiGroups: [''], resources: ['configmaps'], verbs: ['*'] },
        { apiGroups: ['apps'], resources: ['deployments/scale'], verbs: ['patch'] },
      ],
      'default',
    );
    const can = async (...args: string[]) =>
      (await kubectl.run(['auth', 'can-i', ...args])).stdout.trim();
    expect(await can('get', 'deployments/api')).toBe('yes');
    expect(await can('get', 'deployments/web')).toBe('no');
    expect(await can('get', 'deployments')).toBe('no');
    expect(await can('patch', 'deployments/api')).toBe('no');
    expect(await can('delete', 'configmaps')).toBe('yes');
    expect(await can('get', 'configmaps', '-n', 'kube-system')).toBe('no');
    expect(await can('patch', 'deployments', '--subresource=scale')).toBe('yes');
    expect(await kubectl.run(['get', 'deployment', 'api', '-o', 'name'])).toMatchObject({
      code: 0,
      stdout: 'deployment.apps/api\n',
    });
    const refused = await kubectl.run(['get', 'deployment', 'web']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'Error from server (Forbidden): deployments.apps "web" is forbidden: User "system:serviceaccount:ci:deployer" cannot get resource "deployments" in API group "apps" in the namespace "default"\n',
    );
  });
});
