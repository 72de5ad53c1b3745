/** capture's refusals and warnings, and the ledger's concurrency, bounds and pruned revisions. */
import { deployment, imageOf, settled } from '../../lab/kube-sim/fixtures.js';
import { startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { FakeGitHub } from '../../lab/github/server.js';
import { Job, runAction } from '../../lab/runner/harness.js';

let sim: KubeSim;
/** GitHub as a runner has it (no open incident): the deploy freeze is checked and clear. */
let gh: FakeGitHub;
beforeEach(async () => {
  sim = await startKubeSim({ podReadyDelayMs: 10 });
  gh = await new FakeGitHub('acme/shop').start();
});
afterEach(async () => {
  await sim.close();
  await gh.close();
});

async function deploy(tag: string, options: Parameters<typeof deployment>[2] = {}): Promise<void> {
  sim.apply(deployment('api', `shop/api:${tag}`, { replicas: 2, ...options }));
  await sim.waitFor(
    'Deployment',
    'default',
    'api',
    (o) => settled(o) && imageOf(o) === `shop/api:${tag}`,
  );
}

const capture = (extra: Record<string, string> = {}) =>
  runAction({
    token: gh.token,
    apiUrl: gh.url,
    inputs: {
      mode: 'capture',
      kubeconfig: sim.kubeconfig('sim'),
      targets: 'deployment/api',
      ...extra,
    },
  });

describe('capture refuses clearly, before anything is deployed', () => {
  test('a target that does not exist', async () => {
    const result = await capture({ targets: 'deployment/api,statefulset/ghost' });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      'rollback-action: deployments.apps "api" not found in namespace "default" (context "sim")',
      'rollback-action: statefulsets.apps "ghost" not found in namespace "default" (context "sim")',
    ]);
  });

  test('missing RBAC verbs are listed, all of them', async () => {
    await deploy('1.0');
    sim.deny({ verb: 'patch', resource: 'deployments', group: 'apps' });
    sim.deny({ verb: 'list', resource: 'replicasets', group: 'apps' });
    sim.deny({ verb: 'update', resource: 'configmaps', group: '' });
    const result = await capture();
    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      'rollback-action: context "sim", namespace "default": the credentials lack patch deployments.apps "api", list replicasets.apps, update configmaps "rollback-action-ledger" (the guard needs them to roll back deployments and to record a healthy release)',
    ]);
    expect(result.outputs).toEqual({});
  });

  test('a workload that has never rolled out has no revision to go back to', async () => {
    sim.apply(deployment('api', 'shop/api:1.0', { spec: { paused: true } }));
    await new Promise((r) => setTimeout(r, 50));
    const result = await capture();
    expect(result.annotations.map((a) => a.message)).toEqual([
      'rollback-action: deployment/api in namespace "default" (context "sim") has no revision to go back to: it has never rolled out',
    ]);
  });

  test.each<[string, Record<string, string>, string]>([
    [
      'an unknown context, in the input',
      { contexts: 'simm' },
      "input 'contexts': 'simm' is not a context of the kubeconfig (did you mean 'sim'?); it has sim",
    ],
    [
      'an unknown context, in the policy: the file is named, not an input',
      { policy: 'policy.yml' },
      "policy.yml contexts: 'simm' is not a context of the kubeconfig (did you mean 'sim'?); it has sim",
    ],
    [
      'a kubeconfig without current-context and no contexts named',
      { kubeconfig: 'no-current' },
      "input 'kubeconfig': has no current-context; name the contexts to act in with input 'contexts' (it has sim)",
    ],
  ])('%s: one line, naming where', async (_, extra, line) => {
    const kubeconfig =
      extra.kubeconfig === 'no-current'
        ? sim.kubeconfig('sim').replace(/^current-context:.*$/m, '')
        : sim.kubeconfig('sim');
    expect(kubeconfig).toContain('contexts:');
    const result = await runAction({
      inputs: { mode: 'capture', targets: 'deployment/api', ...extra, kubeconfig },
      files: { 'policy.yml': 'contexts: [simm]\n' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([`rollback-action: ${line}`]);
  });

  test('a snapshot that is not one is refused in one line', async () => {
    await deploy('1.0');
    const result = await runAction({
      inputs: {
        mode: 'rollback',
        kubeconfig: sim.kubeconfig('sim'),
        targets: 'deployment/api',
        snapshot: '{"hello": 1}',
      },
    });
    expect(result.annotations.map((a) => a.message)).toEqual([
      "rollback-action: input 'snapshot': not a rollback-action snapshot (expected version 1 with targets); use the 'snapshot' output of mode: capture",
    ]);
  });

  test('GitOps and paused workloads are captured with a warning', async () => {
    await deploy('1.0', {
      labels: {},
      annotations: { 'argocd.argoproj.io/tracking-id': 'shop-api:apps/Deployment:default/api' },
    });
    const result = await capture();
    expect(result.exitCode).toBe(0);
    expect(result.annotations).toEqual([
      {
        level: 'warning',
        message:
          'sim default/deployment/api is managed by Argo CD (shop-api): a kubectl-style undo would be reverted by its next sync',
      },
    ]);
    expect(JSON.parse(result.outputs.snapshot ?? '{}').targets[0].gitops).toEqual({
      tool: 'argocd',
      owner: 'shop-api',
    });
  });
});

describe('the last-known-good ledger', () => {
  // Concurrent mark-good runs: __tests__/reliability/concurrency.test.ts.

  test('a Deployment mid-rollout is not marked good', async () => {
    sim.controllers.setImageBehaviour('shop/api:stuck', 'never-ready');
    await deploy('1.0');
    sim.apply(deployment('api', 'shop/api:stuck', { replicas: 2 }));
    await sim.waitFor('Deployment', 'default', 'api', (o) => o.status?.updatedReplicas === 2);
    const result = await runAction({
      inputs: { mode: 'mark-good', kubeconfig: sim.kubeconfig('sim'), targets: 'deployment/api' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]?.message).toMatch(
      /^rollback-action: sim default\/deployment\/api is not fully rolled out \(.*\); not marking it good$/,
    );
  });

  test('last-good whose revision was pruned restores the recorded template', async () => {
    await deploy('1.0', { spec: { revisionHistoryLimit: 1 } });
    const job = await Job.create();
    try {
      const inputs = { kubeconfig: sim.kubeconfig('sim'), targets: 'deployment/api' };
      expect((await job.run({ inputs: { ...inputs, mode: 'mark-good' } })).exitCode).toBe(0);
      await deploy('2.0', { spec: { revisionHistoryLimit: 1 } });
      await deploy('3.0-bad', { spec: { revisionHistoryLimit: 1 } });
      expect(sim.list('ReplicaSet', 'default').map(imageOf).sort()).toEqual([
        'shop/api:2.0',
        'shop/api:3.0-bad',
      ]);
      const result = await job.run({
        inputs: { ...inputs, mode: 'rollback', 'to-revision': 'last-good' },
      });
      expect(result.exitCode).toBe(0);
      const target = JSON.parse(result.outputs.report ?? '{}').rollback.targets[0];
      expect(target).toMatchObject({
        outcome: 'rolled-back',
        'from-revision': 3,
        'to-revision': 1,
        message: 'rolled back revision 3 → 1',
      });
      const d = await sim.waitFor(
        'Deployment',
        'default',
        'api',
        (o) => settled(o) && imageOf(o) === 'shop/api:1.0',
      );
      expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('4');
    } finally {
      await job.dispose();
    }
  });

  test('the ledger keeps at most 20 releases', async () => {
    await deploy('1.0');
    const inputs = {
      mode: 'mark-good',
      kubeconfig: sim.kubeconfig('sim'),
      targets: 'deployment/api',
    };
    for (let i = 0; i < 22; i++) await runAction({ inputs, sha: String(i).padStart(40, '0') });
    const entries = JSON.parse(
      sim.get('ConfigMap', 'default', 'rollback-action-ledger')?.data['releases.json'],
    );
    expect(entries).toHaveLength(20);
    expect(entries[0].sha).toBe('21'.padStart(40, '0'));
  }, 60_000);
});

describe('finding the kubeconfig', () => {
  test.each([
    [
      { kubeconfig: 'clusters: [' },
      /^rollback-action: input 'kubeconfig': cannot be read as a kubeconfig: /,
    ],
    [
      {},
      /^rollback-action: no kubeconfig: set the 'kubeconfig' input, KUBECONFIG, or ~\/\.kube\/config, or run in a cluster$/,
    ],
  ])('%j', async (inputs, message) => {
    const result = await runAction({
      inputs: { mode: 'capture', targets: 'deployment/api', ...inputs },
      env: { HOME: '/nonexistent', KUBECONFIG: '' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([expect.stringMatching(message)]);
  });
});
