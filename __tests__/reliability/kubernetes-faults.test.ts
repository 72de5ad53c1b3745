/**
 * Kubernetes API faults during a rollback of three regions (issue 15), injected by kube-sim
 * while the bundled action runs in `mode: rollback` and in a guard that rolls back: every
 * target ends in a known state that the report, the summary and the outputs say, and work
 * retried after a fault is never applied twice (each Deployment gets exactly one undo patch
 * carried out and one new revision).
 */
import { fileURLToPath } from 'node:url';
import { deployment, imageOf, settled } from '../../lab/kube-sim/fixtures.js';
import type { KubeObject } from '../../lab/kube-sim/store.js';
import { kubeconfigFor, startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { runAction, type RunResult } from '../../lab/runner/harness.js';
import { Record } from './record.js';

const record = new Record(fileURLToPath(import.meta.url));
afterAll(() => record.save());

const REGIONS = ['eu-west', 'us-east', 'ap-south'] as const;
const started: KubeSim[] = [];
afterEach(async () => {
  for (const sim of started.splice(0)) await sim.close();
});

const revisionOf = (o: KubeObject | undefined): string | undefined =>
  (o?.metadata?.annotations as { [key: string]: string } | undefined)?.[
    'deployment.kubernetes.io/revision'
  ];

/**
 * Three regions whose deployment/api went 1.0 → 2.0 (revisions 1, 2). With `stuck`, 2.0 never
 * becomes ready and its progress deadline passes: a guard's rollout check fails and undoes it.
 */
async function regions(stuck = false, podReadyDelayMs = 10): Promise<KubeSim[]> {
  const sims = await Promise.all(REGIONS.map(() => startKubeSim({ podReadyDelayMs })));
  started.push(...sims);
  await Promise.all(
    sims.map(async (sim) => {
      if (stuck) sim.controllers.setImageBehaviour('shop/api:2.0', 'never-ready');
      for (const tag of ['1.0', '2.0']) {
        sim.apply(
          deployment('api', `shop/api:${tag}`, {
            replicas: 2,
            ...(stuck ? { spec: { progressDeadlineSeconds: 1 } } : {}),
          }),
        );
        await sim.waitFor('Deployment', 'default', 'api', (o) =>
          stuck && tag === '2.0'
            ? o.status?.updatedReplicas === 2
            : settled(o) && imageOf(o) === `shop/api:${tag}`,
        );
      }
    }),
  );
  return sims;
}

/** The i-th region's kube-sim. */
function at(list: readonly KubeSim[], i: number): KubeSim {
  const sim = list[i];
  if (!sim) throw new Error(`no region ${i}`);
  return sim;
}

type Mode = 'rollback' | 'guard';
/** For faults that last: the retries give up after this. */
const SHORT = 'rollback:\n  timeout: 1s\n';

function act(
  mode: Mode,
  sims: readonly KubeSim[],
  policy = 'rollback:\n  timeout: 8s\n',
): Promise<RunResult> {
  return runAction({
    inputs: {
      mode,
      kubeconfig: kubeconfigFor(sims.map((sim, i) => ({ name: REGIONS[i] ?? '', url: sim.url }))),
      contexts: REGIONS.join(','),
      targets: 'deployment/api',
      ...(mode === 'rollback' ? { 'to-revision': 'previous' } : { window: '1m' }),
    },
    files: {
      '.github/rollback-policy.yml': `${policy}${mode === 'guard' ? 'watch:\n  rollout-timeout: 10s\n' : ''}`,
    },
    timeoutMs: 60_000,
  });
}

interface TargetReport {
  context: string;
  outcome: string;
  state?: string;
  message: string;
}

function targets(result: RunResult): TargetReport[] {
  const report = JSON.parse(result.outputs.report ?? '{}') as {
    rollback?: { targets?: TargetReport[] };
  };
  return report.rollback?.targets ?? [];
}

/** The undo patches kube-sim carried out on deployment/api, answered or not. */
const appliedPatches = (sim: KubeSim): number =>
  sim.requests.filter(
    (r) => r.method === 'PATCH' && r.path.endsWith('/deployments/api') && r.status === 200,
  ).length;

/** Every region rolled back exactly once: one patch carried out, revision 3 running 1.0. */
async function expectOneUndoEach(result: RunResult, sims: readonly KubeSim[]): Promise<void> {
  expect(targets(result).map((t) => [t.context, t.outcome])).toEqual(
    REGIONS.map((r) => [r, 'rolled-back']),
  );
  for (const sim of sims) {
    expect(appliedPatches(sim)).toBe(1);
    const api = await sim.waitFor('Deployment', 'default', 'api', (o) => settled(o));
    expect([imageOf(api), revisionOf(api)]).toEqual(['shop/api:1.0', '3']);
  }
  // The report file under RUNNER_TEMP is the report output, and the summary names each region.
  const file = Object.entries(result.tempFiles).find(([name]) => /report.*\.json$/.test(name));
  expect(file?.[1] && JSON.parse(file[1])).toEqual(JSON.parse(result.outputs.report ?? '{}'));
  for (const region of REGIONS) expect(result.summary).toContain(`| ${region} |`);
}

/** Runs the case in both modes, records it once both held. */
async function bothModes(
  fault: string,
  inject: (sims: KubeSim[]) => void,
  check: (result: RunResult, mode: Mode, sims: KubeSim[]) => Promise<void> | void,
  outcome: string,
  lost = 'nothing',
  policy?: string,
  podReadyDelayMs?: number,
  modes: readonly Mode[] = ['rollback', 'guard'],
): Promise<void> {
  // The modes run side by side, each on its own three regions: most of a run is waiting.
  await Promise.all(
    modes.map(async (mode) => {
      const sims = await regions(mode === 'guard', podReadyDelayMs);
      inject(sims);
      const result = await act(mode, sims, policy);
      expect(result.timedOut).toBe(false);
      expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
      await check(result, mode, sims);
    }),
  );
  record.add({
    area: 'Kubernetes API',
    fault,
    modes: [...modes],
    runs: modes.length,
    outcome,
    lost,
  });
}

/** Rolled back in every region; a guard's step fails so the workflow shows the rollback. */
const rolledBack = async (result: RunResult, mode: Mode, sims: KubeSim[]): Promise<void> => {
  expect(result.exitCode).toBe(mode === 'guard' ? 1 : 0);
  expect(result.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
  await expectOneUndoEach(result, sims);
};

test('500 and 503 on reads and on the undo patch in every region: retried, applied once', async () => {
  await bothModes(
    '500 and 503 on reads and on the undo patch, in each of 3 regions',
    (all) => {
      for (const sim of all) {
        sim.injectFault({ method: 'GET', path: /\/replicasets/, status: 503, times: 2 });
        sim.injectFault({ method: 'PATCH', path: /\/deployments\/api/, status: 500, times: 1 });
      }
    },
    async (result, mode, sims) => {
      await rolledBack(result, mode, sims);
      expect(result.log).toMatch(
        /PATCH \/apis\/apps\/v1\/namespaces\/default\/deployments\/api: .*; retrying in/,
      );
    },
    'retried with backoff; each region rolled back once (one patch applied, one new revision); report, summary and outputs written',
  );
}, 60_000);

test('429 with Retry-After on the undo patch: the wait is honoured, applied once', async () => {
  await bothModes(
    '429 with Retry-After: 1 on the undo patch, in each of 3 regions',
    (all) => {
      for (const sim of all)
        sim.injectFault({
          method: 'PATCH',
          path: /\/deployments\/api/,
          status: 429,
          retryAfterSeconds: 1,
          times: 1,
        });
    },
    async (result, mode, sims) => {
      await rolledBack(result, mode, sims);
      expect(result.log).toMatch(/Too many requests, please try again later\.; retrying in 1s/);
    },
    "waited the server's Retry-After, then rolled each region back once; report, summary and outputs written",
  );
}, 60_000);

test('409 on the undo patch: read again, planned again, applied once', async () => {
  await bothModes(
    '409 Conflict on the undo patch, in each of 3 regions',
    (all) => {
      for (const sim of all)
        sim.injectFault({ method: 'PATCH', path: /\/deployments\/api/, status: 409, times: 1 });
    },
    async (result, mode, sims) => {
      await rolledBack(result, mode, sims);
      for (const sim of sims)
        expect(sim.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([
          409, 200,
        ]);
    },
    'read the Deployment again and planned the undo again; each region rolled back once',
  );
}, 60_000);

test('slow answers (every request 0.4 s late in one region): the rollback waits for them', async () => {
  await bothModes(
    'every request to one of 3 regions answered 0.4 s late',
    (all) => at(all, 1).injectFault({ latencyMs: 400 }),
    rolledBack,
    'waited; every region rolled back once; report, summary and outputs written',
  );
}, 90_000);

test('the undo applied but its answer lost (connection dropped): not rolled back twice', async () => {
  await bothModes(
    'connection dropped after the undo patch was applied, in 1 of 3 regions mid-rollback',
    (all) =>
      at(all, 1).injectFault({
        method: 'PATCH',
        path: /\/deployments\/api/,
        dropResponse: true,
        times: 1,
      }),
    async (result, mode, sims) => {
      await rolledBack(result, mode, sims);
      expect(at(sims, 1).requests.some((r) => r.responseDropped)).toBe(true);
    },
    'the patch was not sent again: the Deployment read back showed the undo applied, reported rolled-back; one new revision each, none rolled back twice',
  );
}, 60_000);

test('a region that drops every write mid-rollback: the others complete, it is read back and said unchanged', async () => {
  await bothModes(
    'connection dropped on every write to 1 of 3 regions, mid-rollback',
    (all) => at(all, 1).injectFault({ method: 'PATCH', drop: true }),
    (result, _mode, sims) => {
      expect(result.exitCode).toBe(1);
      expect(result.outputs.verdict).toBe('rollback-failed');
      expect(targets(result).map((t) => [t.context, t.outcome, t.state ?? null])).toEqual([
        ['eu-west', 'rolled-back', null],
        [
          'us-east',
          'failed',
          'unchanged: the API server did not answer the rollback, and reading it back shows it was not applied',
        ],
        ['ap-south', 'rolled-back', null],
      ]);
      for (const i of [0, 2])
        expect(imageOf(at(sims, i).get('Deployment', 'default', 'api'))).toBe('shop/api:1.0');
      expect(imageOf(at(sims, 1).get('Deployment', 'default', 'api'))).toBe('shop/api:2.0');
      expect(result.summary).toContain('| us-east |');
      expect(result.summary).toContain('❌ failed');
      expect(result.annotations.filter((a) => a.level === 'error')).toHaveLength(1);
    },
    'the 2 answering regions rolled back; the silent one: 3 writes unanswered, then read back and reported failed, state unchanged; verdict rollback-failed',
    'nothing (the silent region is left as it was, and the report says so)',
    SHORT,
  );
}, 90_000);

test('5xx on every read past the rollback timeout: each target failed and said unchanged', async () => {
  await bothModes(
    '500 on every ReplicaSet list, past the rollback timeout, in each of 3 regions',
    (all) => {
      for (const sim of all) sim.injectFault({ method: 'GET', path: /\/replicasets/, status: 500 });
    },
    (result, _mode, sims) => {
      expect(result.exitCode).toBe(1);
      expect(result.outputs.verdict).toBe('rollback-failed');
      expect(targets(result).map((t) => [t.context, t.outcome, t.state])).toEqual(
        REGIONS.map((r) => [r, 'failed', 'unchanged']),
      );
      for (const t of targets(result))
        expect(t.message).toMatch(
          /^list replicasets\.apps in namespace "default" \(context "[a-z-]+"\) failed: 500 InternalError/,
        );
      for (const sim of sims) expect(appliedPatches(sim)).toBe(0);
    },
    'each region reported failed, state unchanged, no patch sent; verdict rollback-failed',
    'nothing',
    SHORT,
  );
}, 120_000);

test('the rollout watch closed early: resumed, and each rollback followed to the end', async () => {
  await bothModes(
    'every rollout watch closed by the server after 0.1 s (pods take 0.2 s), in each of 3 regions',
    (all) => {
      for (const sim of all)
        sim.injectFault({
          method: 'GET',
          path: /\/deployments\?.*watch=/,
          closeWatchAfterMs: 100,
        });
    },
    async (result, mode, sims) => {
      await rolledBack(result, mode, sims);
      for (const sim of sims)
        expect(sim.requests.filter((r) => /watch=/.test(r.query)).length).toBeGreaterThan(1);
    },
    'the watch was opened again; every rollout followed to completion; each region rolled back once',
    'nothing',
    undefined,
    200,
    // A guard's undo of a rollout stuck before any new pod was ready completes at once: only
    // a rollback of a finished rollout has pods to wait for.
    ['rollback'],
  );
}, 90_000);
