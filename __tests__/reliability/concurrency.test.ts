/**
 * Two runs at once against the same cluster, through the bundled action: two guards of the
 * same targets must not roll back twice (the later one would go "back" to the bad release),
 * and two writers of the last-known-good ledger must not lose each other's entry.
 */
import { fileURLToPath } from 'node:url';
import { deployment, imageOf, settled } from '../../lab/kube-sim/fixtures.js';
import { apiImage, releaseEverywhere, startRegions } from '../../lab/kube-sim/regions.js';
import { startKubeSim } from '../../lab/kube-sim/server.js';
import { closeStandIns, prometheusAnswering, vector } from '../../lab/prometheus/stand-in.js';
import { runAction, type RunResult } from '../../lab/runner/harness.js';
import { Record } from './record.js';

const record = new Record(fileURLToPath(import.meta.url));
afterAll(() => record.save());

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await closeStandIns();
  for (const o of open.splice(0)) await o.close();
});

const noStackTrace = (r: RunResult): void => {
  expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s+at |TypeError|ReferenceError/m);
};

test('two guards of the same Deployment at once: one rollback; the other sees it and skips', async () => {
  const regions = await startRegions(['eu-west']);
  open.push(regions);
  const sim = regions.sims['eu-west'];
  await releaseEverywhere(regions.sims, '1.0');
  await releaseEverywhere(regions.sims, '1.1');
  // Both guards judge 1.1 from the start. The first's trigger fails once the second is
  // watching; the second's once the first has rolled back: it decides later, on a target that
  // has moved, where an undo to `previous` would bring 1.1 back.
  let secondWatching = false;
  let firstActed = false;
  const url = await prometheusAnswering((u) => {
    const query = u.searchParams.get('query') ?? '';
    const value = query.includes('errors_b')
      ? Number(firstActed)
      : Number(secondWatching && apiImage(sim) === 'shop/api:1.1');
    return u.pathname.endsWith('/query_range')
      ? { body: { status: 'success', data: { resultType: 'matrix', result: [] } } }
      : { body: vector({ value: [Date.now() / 1000, String(value)] }) };
  });
  const guard = (metric: string, onStdout?: (chunk: string) => void): Promise<RunResult> =>
    runAction({
      ...(onStdout ? { onStdout } : {}),
      inputs: { 'prometheus-url': url, kubeconfig: regions.kubeconfig, targets: 'deployment/api' },
      files: {
        '.github/rollback-policy.yml': `
triggers:
  - {name: errors, query: 'sum(${metric})', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 20s, interval: 1s}
`,
      },
      timeoutMs: 60_000,
    });
  const [first, second] = await Promise.all([
    guard('errors_a', (chunk) => {
      if (chunk.includes('rolling back revision')) firstActed = true;
    }),
    guard('errors_b', (chunk) => {
      if (chunk.includes('::group::Watch')) secondWatching = true;
    }),
  ]);

  expect(first.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
  expect(first.log).toContain('eu-west deployment/api: rolling back revision 2 → 1');
  expect(second.log).toContain(
    'eu-west deployment/api: skipped, it changed since this run judged it (another run rolled it back, or a new deploy); left as it is',
  );
  expect(second.log).not.toContain('rolling back revision');
  // Its headline does not claim a rollback it did not make.
  expect(second.outputs['rolled-back']).toBe('false');
  expect(second.summary).toContain(
    'nothing changed by this run: the targets changed since it judged them (another run rolled them back, or a new deploy came), so they were left as they are',
  );
  // One undo reached the cluster: 1.0 runs, as revision 3; 1.1 did not come back as revision 4.
  const patches = sim?.requests.filter(
    (q) => q.method === 'PATCH' && q.path.endsWith('/deployments/api'),
  );
  expect(patches?.map((q) => q.status)).toEqual([200]);
  expect(apiImage(sim)).toBe('shop/api:1.0');
  const revision = sim?.get('Deployment', 'shop', 'api') as
    { metadata: { annotations?: { [key: string]: string } } } | undefined;
  expect(revision?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  noStackTrace(first);
  noStackTrace(second);
  record.add({
    area: 'concurrency',
    fault:
      'two guards of the same Deployment at once, both judging the bad release, the second deciding after the first rolled back',
    modes: ['guard'],
    runs: 2,
    outcome:
      'one rollback; the second run skips the target, saying it changed since it was judged, and does not undo the rollback; its headline says it changed nothing',
    lost: 'nothing',
  });
}, 90_000);

test('two mark-good runs at once: both entries land in the ledger (409 re-read and retried)', async () => {
  const sim = await startKubeSim({ podReadyDelayMs: 10 });
  open.push(sim);
  sim.apply(deployment('api', 'shop/api:1.0', { replicas: 2 }));
  await sim.waitFor(
    'Deployment',
    'default',
    'api',
    (o) => settled(o) && imageOf(o) === 'shop/api:1.0',
  );

  // The optimistic concurrency this relies on is real in kube-sim: a stale write is a 409.
  const configMaps = `${sim.url}/api/v1/namespaces/default/configmaps`;
  const headers = { 'Content-Type': 'application/json', Authorization: 'Bearer kube-sim-token' };
  const created = await fetch(configMaps, {
    method: 'POST',
    headers,
    body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'probe' } }),
  });
  const { metadata } = (await created.json()) as { metadata: { resourceVersion: string } };
  const put = (data: { [key: string]: string }) =>
    fetch(`${configMaps}/probe`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'probe', resourceVersion: metadata.resourceVersion },
        data,
      }),
    });
  expect((await put({ a: '1' })).status).toBe(200);
  expect((await put({ b: '2' })).status).toBe(409);

  const inputs = {
    mode: 'mark-good',
    kubeconfig: sim.kubeconfig('sim'),
    targets: 'deployment/api',
  };
  const results = await Promise.all(
    ['1', '2', '3'].map((digit) => runAction({ inputs, sha: digit.repeat(40), timeoutMs: 60_000 })),
  );
  expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0]);
  const ledger = sim.get('ConfigMap', 'default', 'rollback-action-ledger') as
    { data: { [key: string]: string } } | undefined;
  const entries = JSON.parse(ledger?.data['releases.json'] ?? '[]') as { sha: string }[];
  expect(entries.map((e) => e.sha[0]).sort()).toEqual(['1', '2', '3']);
  // Three writes landed, one per run; any other write lost a race, was answered 409, and redone.
  const writes = sim.requests.filter(
    (q) =>
      (q.method === 'POST' &&
        q.path.endsWith('/namespaces/default/configmaps') &&
        q.body !== undefined &&
        JSON.stringify(q.body).includes('rollback-action-ledger')) ||
      (q.method === 'PUT' && q.path.endsWith('/configmaps/rollback-action-ledger')),
  );
  expect(writes.filter((q) => q.status < 300)).toHaveLength(3);
  expect(writes.filter((q) => q.status >= 300).map((q) => q.status)).toEqual(
    writes.filter((q) => q.status >= 300).map(() => 409),
  );
  for (const r of results) noStackTrace(r);
  record.add({
    area: 'concurrency',
    fault: 'three mark-good runs at once writing the last-known-good ledger ConfigMap',
    modes: ['mark-good'],
    runs: 3,
    outcome:
      'every run succeeds; a write on a stale resourceVersion gets 409 and is read and written again; the ledger holds all three entries',
    lost: 'nothing',
  });
}, 60_000);
