/**
 * `npm run bench`: time and API calls to undo 1, 10 and 100 Deployments in each of 3
 * contexts (kube-sims on loopback), through the action's own Kubernetes code with a bounded
 * concurrency. The goal: under 200 ms for one, and growth linear in the number of targets.
 * Rollout waiting is left out (that is the controllers' time, not ours), and kube-sim's
 * controllers are stopped while measuring, since they share this process's CPU.
 */
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/clock.js';
import { connect } from '../src/kube/connect.js';
import type { TargetRef } from '../src/kube/snapshot.js';
import { rollbackTargets } from '../src/rollback/kubernetes.js';
import { deployment } from '../lab/kube-sim/fixtures.js';
import { kubeconfigFor, startKubeSim, type KubeSim } from '../lab/kube-sim/server.js';

const CONTEXTS = ['eu-west', 'us-east', 'ap-south'];
const SIZES = [1, 10, 100];
const CONCURRENCY = 8;

async function prepare(size: number): Promise<KubeSim[]> {
  const sims: KubeSim[] = [];
  for (const _ of CONTEXTS) {
    const sim = await startKubeSim({ podReadyDelayMs: 1, namespaces: ['bench'] });
    for (let i = 0; i < size; i++)
      sim.apply(deployment(`svc-${i}`, 'bench/app:1', { namespace: 'bench', replicas: 1 }));
    await sim.waitFor(
      'Deployment',
      'bench',
      `svc-${size - 1}`,
      (o) => o.status?.availableReplicas === 1,
      60_000,
    );
    for (let i = 0; i < size; i++)
      sim.apply(deployment(`svc-${i}`, 'bench/app:2', { namespace: 'bench', replicas: 1 }));
    await sim.waitFor(
      'Deployment',
      'bench',
      `svc-${size - 1}`,
      (o) =>
        o.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2' &&
        o.status?.availableReplicas === 1,
      60_000,
    );
    // The simulated controllers would react to every patch in this same process and be
    // measured with us: stop them once the history is built; the API keeps answering.
    sim.controllers.stop();
    sims.push(sim);
  }
  return sims;
}

const rows: string[][] = [];
for (const size of SIZES) {
  const sims = await prepare(size);
  try {
    const kubeconfig = kubeconfigFor(
      CONTEXTS.map((name, i) => ({ name, url: sims[i]?.url ?? '', namespace: 'bench' })),
    );
    const clients = connect({
      kubeconfig,
      contexts: CONTEXTS,
      env: {},
      clock: systemClock,
      setSecret: () => undefined,
    });
    const refs: TargetRef[] = CONTEXTS.flatMap((context) =>
      Array.from({ length: size }, (_, i) => ({
        context,
        kind: 'Deployment' as const,
        namespace: 'bench',
        name: `svc-${i}`,
      })),
    );
    const before = sims.reduce((n, s) => n + s.requests.length, 0);
    const started = performance.now();
    const results = await rollbackTargets(clients, refs, {
      to: { kind: 'spec', spec: { kind: 'previous' } },
      dryRun: false,
      wait: false,
      timeoutMs: 60_000,
      concurrency: CONCURRENCY,
      clock: systemClock,
      log: () => undefined,
    });
    const ms = performance.now() - started;
    const calls = sims.reduce((n, s) => n + s.requests.length, 0) - before;
    const ok = results.filter((r) => r.outcome === 'rolled-back').length;
    rows.push([
      String(size),
      String(refs.length),
      String(ok),
      ms.toFixed(1),
      (ms / refs.length).toFixed(2),
      String(calls),
      (calls / refs.length).toFixed(1),
    ]);
  } finally {
    for (const sim of sims) await sim.close();
  }
}

const header = [
  'per context',
  'targets',
  'rolled back',
  'ms',
  'ms/target',
  'API calls',
  'calls/target',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]): string =>
  cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
console.log(
  `undo of Deployments in ${CONTEXTS.length} contexts on loopback, concurrency ${CONCURRENCY}`,
);
console.log(line(header));
for (const row of rows) console.log(line(row));
const one = Number(rows[0]?.[3]);
console.log(
  `goal: one Deployment per context under 200 ms: ${one < 200 ? 'met' : 'NOT met'} (${one.toFixed(1)} ms)`,
);
