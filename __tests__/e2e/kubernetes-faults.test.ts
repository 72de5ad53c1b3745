/**
 * Every class of Kubernetes API failure, injected by kube-sim while the bundled action rolls
 * back: each gets one clear line and each target's state is said. Transient faults, conflicts
 * and a region that stops answering, over three regions, are in
 * __tests__/reliability/kubernetes-faults.test.ts.
 */
import { deployment, imageOf, releaseInTurn, settled } from '../../lab/kube-sim/fixtures.js';
import { startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { runAction, type RunResult } from '../../lab/runner/harness.js';

const sims: KubeSim[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});

/** A kube-sim whose deployment/api went 1.0 → 2.0. */
async function withHistory(options: { progressDeadlineSeconds?: number } = {}): Promise<KubeSim> {
  const sim = await startKubeSim({ podReadyDelayMs: 10 });
  sims.push(sim);
  const spec = options.progressDeadlineSeconds
    ? { spec: { progressDeadlineSeconds: options.progressDeadlineSeconds } }
    : {};
  await releaseInTurn(sim, ['shop/api:1.0', 'shop/api:2.0'], spec);
  return sim;
}

function rollback(
  sim: KubeSim,
  extra: Record<string, string> = {},
  policy?: string,
): Promise<RunResult> {
  return runAction({
    inputs: {
      mode: 'rollback',
      kubeconfig: sim.kubeconfig('sim'),
      targets: 'deployment/api',
      'to-revision': 'previous',
      ...extra,
    },
    files: policy ? { '.github/rollback-policy.yml': policy } : {},
  });
}

function targets(result: RunResult): any[] {
  return JSON.parse(result.outputs.report ?? '{"rollback":{"targets":[]}}').rollback.targets;
}

test('403: the missing verb and resource are named; nothing changes', async () => {
  const sim = await withHistory();
  sim.deny({ verb: 'patch', resource: 'deployments', group: 'apps' });
  const result = await rollback(sim);
  expect(result.exitCode).toBe(1);
  expect(result.outputs.verdict).toBe('rollback-failed');
  expect(targets(result)[0]).toMatchObject({
    outcome: 'failed',
    state: 'unchanged',
    message: expect.stringMatching(
      /^forbidden: the credentials may not patch deployments\.apps in namespace "default" \(context "sim"\); grant that verb in RBAC \(deployments\.apps "api" is forbidden: User "system:serviceaccount:ci:deployer" cannot patch resource "deployments"/,
    ),
  });
  // The one error; the harness's GitHub is unreachable, so the incident is a warning beside it.
  expect(result.annotations.filter((a) => a.level === 'error')).toEqual([
    {
      level: 'error',
      message: expect.stringMatching(
        /^rollback-action: rollback failed: kubernetes: 1 of 1 failed: sim default\/deployment\/api: forbidden/,
      ),
    },
  ]);
  expect(imageOf(sim.get('Deployment', 'default', 'api'))).toBe('shop/api:2.0');
});

test('404: the missing object, namespace and context are named', async () => {
  const sim = await withHistory();
  const result = await rollback(sim, { targets: 'deployment/nope' });
  expect(result.exitCode).toBe(1);
  expect(targets(result)[0]).toMatchObject({
    outcome: 'failed',
    message: 'deployments.apps "nope" not found in namespace "default" (context "sim")',
  });
});

test('a rollback whose rollout cannot complete is reported as failed, with its state', async () => {
  const sim = await startKubeSim({ podReadyDelayMs: 10 });
  sims.push(sim);
  sim.controllers.setImageBehaviour('shop/api:0.9', 'never-ready');
  for (const tag of ['0.9', '1.0']) {
    sim.apply(
      deployment('api', `shop/api:${tag}`, { replicas: 2, spec: { progressDeadlineSeconds: 1 } }),
    );
    // 0.9 never becomes ready: wait only until its ReplicaSet exists; 1.0 rolls out fully.
    if (tag === '0.9')
      await sim.waitFor('Deployment', 'default', 'api', (o) => o.status?.updatedReplicas === 2);
    else
      await sim.waitFor(
        'Deployment',
        'default',
        'api',
        (o) => settled(o) && imageOf(o) === 'shop/api:1.0',
      );
  }
  const result = await rollback(sim);
  expect(result.exitCode).toBe(1);
  expect(targets(result)[0]).toMatchObject({
    outcome: 'failed',
    state: 'rollback applied, rollout not complete',
    message: expect.stringMatching(
      /^patched \(revision 2 → 1\) but deployment "api" exceeded its progress deadline$/,
    ),
  });
});
