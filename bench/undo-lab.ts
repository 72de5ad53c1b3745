/**
 * The lab of the rollback benchmark (bench/undo.ts), in a process of its own so that the
 * simulated controllers' work is not charged to the action measured in the parent: three
 * kube-sims, each with `size` Deployments at revision 2 whose previous revision is 1, and
 * the controllers running. Driven over the IPC channel; exits when the parent goes away.
 */
import { deployment, settled } from '../lab/kube-sim/fixtures.js';
import { startKubeSim, type KubeSim } from '../lab/kube-sim/server.js';

export type LabRequest =
  | { do: 'prepare'; size: number; contexts: number; podReadyDelayMs: number }
  | { do: 'requests' }
  | { do: 'close' };
export type LabAnswer = { urls: string[] } | { requests: number } | { closed: true };

export const NAMESPACE = 'bench';

let sims: KubeSim[] = [];

async function allSettled(sim: KubeSim, image: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const items = sim.list('Deployment', NAMESPACE);
    if (items.every((o) => settled(o) && o.spec.template.spec.containers[0].image === image))
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the Deployments of ${sim.url} did not settle on ${image} within 120 s`);
}

async function prepare(size: number, contexts: number, podReadyDelayMs: number): Promise<string[]> {
  await close();
  for (let c = 0; c < contexts; c++) {
    // Bookmarks about once a minute, as an API server sends them (kube-sim's default, 1 s,
    // suits tests); hundreds of open watches would otherwise get hundreds a second.
    const sim = await startKubeSim({
      podReadyDelayMs,
      namespaces: [NAMESPACE],
      bookmarkIntervalMs: 60_000,
    });
    sims.push(sim);
    for (const image of ['bench/app:1', 'bench/app:2']) {
      for (let i = 0; i < size; i++)
        sim.apply(deployment(`svc-${i}`, image, { namespace: NAMESPACE, replicas: 1 }));
      await allSettled(sim, image);
    }
  }
  return sims.map((sim) => sim.url);
}

async function close(): Promise<void> {
  for (const sim of sims) await sim.close();
  sims = [];
}

function answer(message: LabAnswer): void {
  process.send?.(message);
}

process.on('message', (message: LabRequest) => {
  void (async () => {
    if (message.do === 'prepare')
      answer({ urls: await prepare(message.size, message.contexts, message.podReadyDelayMs) });
    else if (message.do === 'requests')
      answer({ requests: sims.reduce((n, sim) => n + sim.requests.length, 0) });
    else {
      await close();
      answer({ closed: true });
      process.disconnect();
    }
  })().catch((error: unknown) => {
    console.error(`bench lab: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
});
process.on('disconnect', () => void close());
