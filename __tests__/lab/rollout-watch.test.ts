/**
 * The action's rollout wait against kube-sim: followed through a watch as kubectl does,
 * resumed when the server closes the watch, relisted on 410 Gone, replaced by polling when
 * watching is refused, and timed out on the injected clock as before.
 */
import type { Clock } from '../../src/clock.js';
import { systemClock } from '../../src/clock.js';
import type { KubeClient } from '../../src/kube/client.js';
import { connect } from '../../src/kube/connect.js';
import { waitForRollout } from '../../src/kube/rollout.js';
import { deployment, settled } from '../../lab/kube-sim/fixtures.js';
import { startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';

let sim: KubeSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** A kube-sim with `api` rolled out at 1.0 and its rollout to `image` just started. */
async function rollingOut(podReadyDelayMs: number, image = 'shop/api:2.0'): Promise<KubeSim> {
  sim = await startKubeSim({ podReadyDelayMs });
  sim.apply(deployment('api', 'shop/api:1.0', { replicas: 2 }));
  await sim.waitFor('Deployment', 'default', 'api', settled, 10_000);
  sim.apply(deployment('api', image, { replicas: 2 }));
  return sim;
}

function clientOf(server: KubeSim, clock: Clock = systemClock): KubeClient {
  const clients = connect({
    kubeconfig: server.kubeconfig('lab'),
    contexts: ['lab'],
    env: {},
    clock,
    setSecret: () => undefined,
  });
  const client = clients.get('lab');
  if (!client) throw new Error('no client for context lab');
  return client;
}

const watches = (s: KubeSim) => s.requests.filter((r) => /[?&]watch=1/.test(r.query));
const reads = (s: KubeSim) =>
  s.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/deployments/api'));

describe('waitForRollout through a watch', () => {
  test('a rollout completes while watched: one read, one watch, a line per new message', async () => {
    const server = await rollingOut(1000);
    const lines: string[] = [];
    const result = await waitForRollout(clientOf(server), 'Deployment', 'default', 'api', {
      clock: systemClock,
      timeoutMs: 30_000,
      log: (line) => lines.push(line),
    });
    expect(result).toMatchObject({
      done: true,
      message: 'deployment "api" successfully rolled out',
    });
    expect(result.failed).toBeUndefined();
    expect(reads(server)).toHaveLength(1);
    expect(watches(server)).toHaveLength(1);
    expect(watches(server)[0]?.query).toContain('fieldSelector=metadata.name%3Dapi');
    expect(lines.length).toBeGreaterThan(1);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.at(-1)).toMatch(/^lab deployment\/api: deployment "api" successfully rolled out/);
    expect(
      lines.some((l) =>
        /: (\d+ old replicas are pending termination|\d+ of 2 updated replicas are available|\d+ out of 2 new replicas have been updated) \(/.test(
          l,
        ),
      ),
    ).toBe(true);
  });

  test('a watch the server closes mid-rollout is resumed from the last resourceVersion', async () => {
    const server = await rollingOut(800);
    server.injectFault({ path: /watch=1/, closeWatchAfterMs: 100, times: 2 });
    const result = await waitForRollout(clientOf(server), 'Deployment', 'default', 'api', {
      clock: systemClock,
      timeoutMs: 30_000,
    });
    expect(result.done).toBe(true);
    const opened = watches(server);
    expect(opened.length).toBeGreaterThanOrEqual(3);
    const versions = opened.map((r) => Number(new URLSearchParams(r.query).get('resourceVersion')));
    // Each watch resumes where the last one left off, never from before it.
    for (let i = 1; i < versions.length; i++)
      expect(versions[i]).toBeGreaterThanOrEqual(versions[i - 1] ?? 0);
    expect(reads(server)).toHaveLength(1);
  });

  test('410 Gone at the opening: the workload is relisted and watched from the list', async () => {
    const server = await rollingOut(200);
    server.injectFault({ path: /watch=1/, status: 410, times: 1 });
    const result = await waitForRollout(clientOf(server), 'Deployment', 'default', 'api', {
      clock: systemClock,
      timeoutMs: 30_000,
    });
    expect(result.done).toBe(true);
    const listed = server.requests.filter(
      (r) => r.path.endsWith('/deployments') && !/watch=/.test(r.query),
    );
    expect(listed).toHaveLength(1);
    expect(listed[0]?.query).toContain('fieldSelector=metadata.name%3Dapi');
    expect(watches(server).length).toBeGreaterThanOrEqual(2);
  });

  test('watch refused (RBAC without watch): polling takes over, said once', async () => {
    const server = await rollingOut(300);
    server.deny({ verb: 'watch', resource: 'deployments', group: 'apps' });
    const lines: string[] = [];
    const client = clientOf(server);
    const result = await waitForRollout(client, 'Deployment', 'default', 'api', {
      clock: systemClock,
      timeoutMs: 30_000,
      pollMs: 100,
      log: (line) => lines.push(line),
    });
    expect(result.done).toBe(true);
    // The refused watch, then reads: the first one and at least one poll.
    expect(watches(server).map((r) => r.status)).toEqual([403]);
    expect(reads(server).length).toBeGreaterThanOrEqual(2);
    const fallbacks = lines.filter((l) => l.includes('cannot watch rollouts'));
    expect(fallbacks).toEqual([
      expect.stringMatching(
        /^lab: cannot watch rollouts \(forbidden: the credentials may not watch deployments\.apps in namespace "default" \(context "lab"\); grant that verb in RBAC .*\); polling every 100ms instead$/,
      ),
    ]);
    // A second wait on the same context polls without saying it again.
    server.apply(deployment('api', 'shop/api:3.0', { replicas: 2 }));
    await waitForRollout(client, 'Deployment', 'default', 'api', {
      clock: systemClock,
      timeoutMs: 30_000,
      pollMs: 100,
      log: (line) => lines.push(line),
    });
    expect(lines.filter((l) => l.includes('cannot watch rollouts'))).toHaveLength(1);
  });

  test('a rollout that never completes times out on the injected clock, as before', async () => {
    sim = await startKubeSim({ podReadyDelayMs: 5 });
    sim.controllers.setImageBehaviour('shop/api:broken', 'never-ready');
    sim.apply(deployment('api', 'shop/api:1.0', { replicas: 2 }));
    await sim.waitFor('Deployment', 'default', 'api', settled);
    sim.apply(deployment('api', 'shop/api:broken', { replicas: 2 }));
    // Ten minutes pass in about a second: each second of the clock is 2 ms of real time.
    let now = 0;
    const fast: Clock = {
      now: () => now,
      sleep: async (ms) => {
        await new Promise((resolve) => setTimeout(resolve, ms / 500));
        now += ms;
      },
    };
    const result = await waitForRollout(clientOf(sim, fast), 'Deployment', 'default', 'api', {
      clock: fast,
      timeoutMs: 10 * 60_000,
    });
    expect(result.failed).toMatch(
      /^not rolled out after 10m: (\d+ out of 2 new replicas have been updated|\d+ old replicas are pending termination|\d+ of 2 updated replicas are available)$/,
    );
    expect(result.elapsedMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect(watches(sim).length).toBeGreaterThanOrEqual(1);
  });

  test('a server that closes every watch at once is polled instead, said once', async () => {
    sim = await startKubeSim({ podReadyDelayMs: 5 });
    sim.controllers.setImageBehaviour('shop/api:broken', 'never-ready');
    sim.apply(deployment('api', 'shop/api:1.0', { replicas: 2 }));
    await sim.waitFor('Deployment', 'default', 'api', settled);
    sim.apply(deployment('api', 'shop/api:broken', { replicas: 2 }));
    sim.injectFault({ path: /watch=1/, closeWatchAfterMs: 0 });
    let now = 0;
    const fast: Clock = {
      now: () => now,
      sleep: async (ms) => {
        await new Promise((resolve) => setTimeout(resolve, ms / 200));
        now += ms;
      },
    };
    const lines: string[] = [];
    const result = await waitForRollout(clientOf(sim, fast), 'Deployment', 'default', 'api', {
      clock: fast,
      timeoutMs: 60_000,
      log: (line) => lines.push(line),
    });
    expect(result.failed).toMatch(/^not rolled out after 1m: /);
    expect(lines.filter((l) => l.includes('polling'))).toEqual([
      'lab: watches of rollouts close as soon as they open; polling every 1s instead',
    ]);
    // A few watches, then reads once a second of the clock: not a loop of reconnections.
    expect(watches(sim).length).toBeLessThanOrEqual(10);
    expect(reads(sim).length).toBeGreaterThan(30);
  });
});
