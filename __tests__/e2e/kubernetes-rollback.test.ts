/**
 * capture → a bad deploy → rollback, through the runner harness, for a Deployment, a
 * StatefulSet and a DaemonSet in two regions; then the ledger: mark-good, and a rollback to
 * last-good after two more deploys.
 */
import {
  daemonSet,
  deployment,
  statefulSet,
  imageOf,
  settled,
} from '../../lab/kube-sim/fixtures.js';
import { Kubectl } from '../../lab/kube-sim/kubectl.js';
import { kubeconfigFor, startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { Job } from '../../lab/runner/harness.js';

const REGIONS = ['eu-west', 'us-east'];
const TARGETS = 'deployment/api\nstatefulset/db\ndaemonset/agent';
let sims: Record<string, KubeSim>;
let kubeconfig: string;
let kubectl: Kubectl;
let job: Job;

async function release(tag: string, via: 'apply' | 'kubectl'): Promise<void> {
  for (const region of REGIONS) {
    const sim = sims[region] as KubeSim;
    if (via === 'apply') {
      sim.apply(deployment('api', `shop/api:${tag}`, { namespace: 'shop' }));
      sim.apply(statefulSet('db', `shop/db:${tag}`, { namespace: 'shop' }));
      sim.apply(daemonSet('agent', `shop/agent:${tag}`, { namespace: 'shop' }));
    } else {
      for (const [kind, name] of [
        ['deployment', 'api'],
        ['statefulset', 'db'],
        ['daemonset', 'agent'],
      ]) {
        const out = await kubectl.run([
          '--context',
          region,
          '-n',
          'shop',
          'set',
          'image',
          `${kind}/${name}`,
          `${name}=shop/${name}:${tag}`,
        ]);
        expect(out.code).toBe(0);
      }
    }
    for (const [kind, name] of [
      ['Deployment', 'api'],
      ['StatefulSet', 'db'],
      ['DaemonSet', 'agent'],
    ] as const) {
      await sim.waitFor(
        kind,
        'shop',
        name,
        (o) => settled(o) && imageOf(o) === `shop/${name}:${tag}`,
      );
    }
  }
}

function imagesEverywhere(): string[] {
  return REGIONS.flatMap((region) =>
    [
      ['Deployment', 'api'],
      ['StatefulSet', 'db'],
      ['DaemonSet', 'agent'],
    ].map(
      ([kind, name]) => `${region} ${imageOf(sims[region]?.get(kind ?? '', 'shop', name ?? ''))}`,
    ),
  );
}

beforeAll(async () => {
  sims = {};
  for (const region of REGIONS)
    sims[region] = await startKubeSim({ podReadyDelayMs: 20, namespaces: ['shop'] });
  kubeconfig = kubeconfigFor(
    REGIONS.map((name) => ({
      name,
      url: sims[name]?.url ?? '',
      namespace: 'shop',
      token: `token-${name}-s3cret`,
    })),
  );
  kubectl = await Kubectl.forConfig(kubeconfig);
  job = await Job.create();
});
afterAll(async () => {
  await job.dispose();
  await kubectl.dispose();
  for (const sim of Object.values(sims)) await sim.close();
});

test('capture, a bad deploy, rollback to the snapshot, in two regions for three kinds', async () => {
  await release('1.0', 'apply');
  await release('1.1', 'kubectl');
  const inputs = { kubeconfig, contexts: REGIONS.join(','), targets: TARGETS };

  const captured = await job.run({ inputs: { ...inputs, mode: 'capture' }, sha: 'a'.repeat(40) });
  expect(captured.exitCode).toBe(0);
  const snapshot = JSON.parse(captured.outputs.snapshot ?? '{}');
  expect(
    snapshot.targets.map(
      (t: any) => `${t.context} ${t.kind} ${t.revision} ${Object.values(t.images).join()}`,
    ),
  ).toEqual([
    'eu-west Deployment 2 shop/api:1.1',
    'eu-west StatefulSet 2 shop/db:1.1',
    'eu-west DaemonSet 2 shop/agent:1.1',
    'us-east Deployment 2 shop/api:1.1',
    'us-east StatefulSet 2 shop/db:1.1',
    'us-east DaemonSet 2 shop/agent:1.1',
  ]);
  expect(snapshot.targets[0].digests.api[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(job.env.ROLLBACK_ACTION_SNAPSHOT).toMatch(/snapshot-.*\.json$/);
  expect(captured.summary).toContain('captured 6 targets');
  for (const text of [captured.log, captured.summary, captured.outputs.snapshot ?? ''])
    expect(text).not.toContain('s3cret');

  // Two deploys after the capture: the snapshot, not "previous", is where the rollback goes.
  await release('2.0', 'kubectl');
  await release('2.1-bad', 'kubectl');
  const rolled = await job.run({
    inputs: { ...inputs, mode: 'rollback', reason: 'error ratio 25 %' },
  });
  expect(rolled.exitCode).toBe(0);
  expect(rolled.outputs).toMatchObject({
    verdict: 'rolled-back',
    'rolled-back': 'true',
    strategy: 'kubernetes',
  });
  expect(Number(rolled.outputs['rollback-seconds'])).toBeGreaterThan(0);
  expect(imagesEverywhere()).toEqual(
    REGIONS.flatMap((r) => [`${r} shop/api:1.1`, `${r} shop/db:1.1`, `${r} shop/agent:1.1`]),
  );
  for (const region of REGIONS) {
    for (const [kind, name] of [
      ['Deployment', 'api'],
      ['StatefulSet', 'db'],
      ['DaemonSet', 'agent'],
    ] as const)
      expect(settled(sims[region]?.get(kind, 'shop', name))).toBe(true);
  }
  const report = JSON.parse(rolled.outputs.report ?? '{}');
  expect(
    report.rollback.targets.map(
      (t: any) => `${t.context} ${t.kind} ${t.outcome} ${t['from-revision']}→${t['to-revision']}`,
    ),
  ).toEqual(
    REGIONS.flatMap((r) => [
      `${r} Deployment rolled-back 4→2`,
      `${r} StatefulSet rolled-back 4→2`,
      `${r} DaemonSet rolled-back 4→2`,
    ]),
  );
  expect(rolled.log).toMatch(/eu-west deployment\/api: deployment "api" successfully rolled out/);
  expect(rolled.summary).toContain('## rollback-action: rolled-back');
  expect(rolled.summary).toContain('error ratio 25 %');

  // Already there: a second rollback changes nothing and says so.
  const again = await job.run({ inputs: { ...inputs, mode: 'rollback' } });
  expect(again.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'false' });
  expect(
    JSON.parse(again.outputs.report ?? '{}').rollback.targets.every(
      (t: any) => t.outcome === 'skipped',
    ),
  ).toBe(true);
});

test('mark-good records the release; to-revision last-good goes back to it after two deploys', async () => {
  const inputs = { kubeconfig, contexts: REGIONS.join(','), targets: TARGETS };
  const marked = await job.run({
    inputs: { ...inputs, mode: 'mark-good', reason: 'verified by hand' },
    sha: 'b'.repeat(40),
  });
  expect(marked.exitCode).toBe(0);
  expect(marked.summary).toContain('## ✅ rollback-action: marked good');
  expect(marked.summary).toContain('Reason: verified by hand.');
  expect(marked.summary).toMatch(
    /\| eu-west \| shop \| deployment\/api@\d+, statefulset\/db@\d+, daemonset\/agent@\d+ \| 1 \|/,
  );
  const ledger = sims['eu-west']?.get('ConfigMap', 'shop', 'rollback-action-ledger');
  const entries = JSON.parse(ledger?.data['releases.json']);
  expect(entries[0]).toMatchObject({ sha: 'b'.repeat(40), reason: 'verified by hand' });
  expect(entries[0].targets.map((t: any) => `${t.kind} ${t.images[t.name]}`)).toEqual([
    'Deployment shop/api:1.1',
    'StatefulSet shop/db:1.1',
    'DaemonSet shop/agent:1.1',
  ]);

  await release('3.0', 'kubectl');
  await release('3.1-bad', 'kubectl');
  const rolled = await job.run({
    inputs: { ...inputs, mode: 'rollback', 'to-revision': 'last-good' },
  });
  expect(rolled.exitCode).toBe(0);
  expect(imagesEverywhere()).toEqual(
    REGIONS.flatMap((r) => [`${r} shop/api:1.1`, `${r} shop/db:1.1`, `${r} shop/agent:1.1`]),
  );
});

test('dry-run plans through the server dry run, prints the template change and changes nothing', async () => {
  await release('4.0', 'kubectl');
  const before = imagesEverywhere();
  const planned = await job.run({
    inputs: {
      kubeconfig,
      contexts: 'eu-west',
      targets: 'deployment/api',
      mode: 'rollback',
      'to-revision': 'previous',
      'dry-run': 'true',
    },
  });
  expect(planned.exitCode).toBe(0);
  expect(planned.outputs).toMatchObject({
    verdict: 'rollback-recommended',
    'rolled-back': 'false',
  });
  expect(planned.log).toContain('spec.containers[api].image: shop/api:4.0 → shop/api:1.1');
  expect(imagesEverywhere()).toEqual(before);
  expect(
    sims['eu-west']?.requests.some((r) => r.method === 'PATCH' && r.query.includes('dryRun=All')),
  ).toBe(true);
});

test('the same workload named three ways, in a context named twice, is undone once', async () => {
  await release('5.0', 'kubectl');
  await release('5.1-bad', 'kubectl');
  const rolled = await job.run({
    inputs: {
      kubeconfig,
      contexts: 'eu-west, eu-west',
      targets: 'deployment/api\ndeploy/api\nshop/deployment/api',
      mode: 'rollback',
      'to-revision': 'previous',
    },
    // One at a time: two undos in a row would go back to the bad release.
    files: { '.github/rollback-policy.yml': 'rollback: {concurrency: 1}\n' },
  });
  expect(rolled.exitCode).toBe(0);
  expect(imageOf(sims['eu-west']?.get('Deployment', 'shop', 'api'))).toBe('shop/api:5.0');
  const report = JSON.parse(rolled.outputs.report ?? '{}') as { rollback: { targets: unknown[] } };
  expect(report.rollback.targets).toHaveLength(1);
  // The harness's GitHub does not answer: the incident's warning is not this test's.
  const said = rolled.annotations.filter((a) => !a.message.includes('the incident was not filed'));
  expect(said.map((a) => `${a.level}: ${a.message}`)).toEqual([
    "warning: rollback-action: contexts: 'eu-west' named more than once; each context is acted on once",
    'warning: rollback-action: targets: shop/deployment/api is named 3 times in context "eu-west"; it is acted on once',
  ]);
});

test('a plan that cannot be made is still a recommendation, never a failed rollback', async () => {
  const sim = sims['eu-west'] as KubeSim;
  sim.apply(deployment('solo', 'shop/solo:1.0', { namespace: 'shop' }));
  await sim.waitFor('Deployment', 'shop', 'solo', (o) => settled(o));
  const planned = await job.run({
    inputs: {
      kubeconfig,
      contexts: 'eu-west',
      targets: 'deployment/solo',
      mode: 'rollback',
      'to-revision': 'previous',
      'dry-run': 'true',
    },
  });
  expect(planned.exitCode).toBe(1);
  expect(planned.outputs).toMatchObject({
    verdict: 'rollback-recommended',
    'rolled-back': 'false',
  });
  expect(planned.annotations.map((a) => a.message)).toEqual([
    'rollback-action: rollback recommended (dry-run), but 1 planned action could not be made: kubernetes: 1 of 1 failed: eu-west shop/deployment/solo: no rollout history found for deployment "solo" (state: unchanged)',
  ]);
});
