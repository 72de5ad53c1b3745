/**
 * `npm run bench`, section `rollback`: from the decision to every rollout complete, for 1, 10
 * and 100 Deployments in each of 3 contexts (three kube-sims with their controllers running),
 * through the action's own code (the undo and the rollout wait of the rollback mode), against
 * what an on-call engineer would script with the real kubectl on the same lab: per context,
 * in parallel, one `kubectl rollout undo` naming every Deployment, then `kubectl rollout
 * status` for each. Runs alternate which side goes first; the ratio is of their medians.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../src/clock.js';
import { DEFAULTS } from '../src/config.js';
import { connect } from '../src/kube/connect.js';
import type { TargetRef } from '../src/kube/snapshot.js';
import { rollbackTargets } from '../src/rollback/kubernetes.js';
import { Kubectl } from '../lab/kube-sim/kubectl.js';
import { kubeconfigFor } from '../lab/kube-sim/server.js';
import { machine, resultPath, writeSection } from './report.js';
import { NAMESPACE, type LabAnswer, type LabRequest } from './undo-lab.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CONTEXTS = ['eu-west', 'us-east', 'ap-south'];
/** Deployments per context, and paired runs (action and kubectl) at that size. */
const SIZES: [size: number, runs: number][] = [
  [1, 5],
  [10, 3],
  [100, 1],
];
/** Small but not zero: each new pod is ready this long after it is created. */
const POD_READY_MS = 100;
const TIMEOUT_MS = 180_000;

/** The kube-sims live in a child process, so their controllers do not share our CPU time. */
class Lab {
  private readonly child: ChildProcess;
  private readonly answers: { resolve: (answer: LabAnswer) => void; reject: (e: Error) => void }[] =
    [];

  constructor() {
    const tsx = path.join(HERE, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
    this.child = spawn(process.execPath, [tsx, path.join(HERE, 'undo-lab.ts')], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (answer: LabAnswer) => this.answers.shift()?.resolve(answer));
    this.child.on('exit', (code) => {
      for (const waiting of this.answers.splice(0))
        waiting.reject(new Error(`the bench lab exited with ${code}`));
    });
  }

  ask<T extends LabAnswer>(request: LabRequest): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.answers.push({ resolve: (answer) => resolve(answer as T), reject });
      this.child.send(request);
    });
  }

  async requests(): Promise<number> {
    return (await this.ask<{ requests: number }>({ do: 'requests' })).requests;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await this.ask({ do: 'close' }).catch(() => undefined);
    this.child.kill();
  }
}

interface Run {
  ms: number;
  calls: number;
}

function names(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `svc-${i}`);
}

/** The action: connect, undo every target and wait for its rollout, as `mode: rollback` does. */
async function action(
  kubeconfig: string,
  size: number,
): Promise<Run & { clientCalls: number; undoneMs: number }> {
  const refs: TargetRef[] = CONTEXTS.flatMap((context) =>
    names(size).map((name) => ({
      context,
      kind: 'Deployment' as const,
      namespace: NAMESPACE,
      name,
    })),
  );
  const started = performance.now();
  let undoneMs = 0;
  const clients = connect({
    kubeconfig,
    contexts: CONTEXTS,
    env: {},
    clock: systemClock,
    setSecret: () => undefined,
  });
  const results = await rollbackTargets(clients, refs, {
    to: { kind: 'spec', spec: { kind: 'previous' } },
    dryRun: false,
    wait: true,
    timeoutMs: TIMEOUT_MS,
    concurrency: DEFAULTS.concurrency,
    clock: systemClock,
    // The last "rolling back" line marks the end of the undos; the rest is rollouts.
    log: (line) => {
      if (line.includes(': rolling back ')) undoneMs = performance.now() - started;
    },
  });
  const ms = performance.now() - started;
  const failed = results.filter((r) => r.outcome !== 'rolled-back');
  if (failed.length)
    throw new Error(`the action did not roll back ${failed.length}: ${failed[0]?.message}`);
  const clientCalls = [...clients.values()].reduce((n, c) => n + c.transport.calls, 0);
  return { ms, calls: 0, clientCalls, undoneMs };
}

/** kubectl: per context in parallel, one undo of every Deployment, then a status for each. */
async function kubectl(cli: Kubectl, size: number): Promise<Run> {
  const started = performance.now();
  await Promise.all(
    CONTEXTS.map(async (context) => {
      const scope = [`--context=${context}`, `--namespace=${NAMESPACE}`];
      const deployments = names(size).map((name) => `deployment/${name}`);
      const undo = await cli.run([...scope, 'rollout', 'undo', ...deployments], {
        timeoutMs: TIMEOUT_MS,
      });
      if (undo.code !== 0) throw new Error(`kubectl rollout undo: ${undo.stderr.trim()}`);
      for (const d of deployments) {
        const status = await cli.run([...scope, 'rollout', 'status', d, '--timeout=180s'], {
          timeoutMs: TIMEOUT_MS,
        });
        if (status.code !== 0) throw new Error(`kubectl rollout status ${d}: ${status.stderr}`);
      }
    }),
  );
  return { ms: performance.now() - started, calls: 0 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface Row {
  size: number;
  runs: number;
  action: number[];
  /** When the action's last undo was sent, per run. */
  undone: number[];
  kubectl: number[];
  actionCalls: number;
  kubectlCalls: number;
}

const rows: Row[] = [];
const lab = new Lab();
const benchStarted = performance.now();
const loadBefore = os.loadavg()[0] ?? 0;
try {
  for (const [size, runs] of SIZES) {
    const { urls } = await lab.ask<{ urls: string[] }>({
      do: 'prepare',
      size,
      contexts: CONTEXTS.length,
      podReadyDelayMs: POD_READY_MS,
    });
    const kubeconfig = kubeconfigFor(
      CONTEXTS.map((name, i) => ({ name, url: urls[i] ?? '', namespace: NAMESPACE })),
    );
    const cli = await Kubectl.forConfig(kubeconfig);
    try {
      // Warm both: kubectl's discovery cache (as on an engineer's machine), our JIT.
      for (const context of CONTEXTS)
        await cli.run([`--context=${context}`, `--namespace=${NAMESPACE}`, 'get', 'deployments']);
      const row: Row = {
        size,
        runs,
        action: [],
        undone: [],
        kubectl: [],
        actionCalls: 0,
        kubectlCalls: 0,
      };
      // Each run is an undo to the previous revision from a settled state: the action's undo
      // goes from app:2 to app:1, kubectl's from app:1 back to app:2, and so on, alternating
      // which goes first so that neither always inherits the other's leftovers.
      for (let run = 0; run < runs; run++) {
        const sides =
          run % 2 === 0 ? (['action', 'kubectl'] as const) : (['kubectl', 'action'] as const);
        for (const side of sides) {
          const before = await lab.requests();
          if (side === 'action') {
            const result = await action(kubeconfig, size);
            row.action.push(result.ms);
            row.undone.push(result.undoneMs);
            row.actionCalls = (await lab.requests()) - before;
            if (result.clientCalls !== row.actionCalls)
              console.warn(
                `action calls: the client counted ${result.clientCalls}, kube-sim ${row.actionCalls}`,
              );
          } else {
            row.kubectl.push((await kubectl(cli, size)).ms);
            row.kubectlCalls = (await lab.requests()) - before;
          }
        }
        console.log(
          `${size} × ${CONTEXTS.length}: run ${run + 1}: action ${row.action.at(-1)?.toFixed(0)} ms (undos sent by ${row.undone.at(-1)?.toFixed(0)} ms), kubectl ${row.kubectl.at(-1)?.toFixed(0)} ms`,
        );
      }
      rows.push(row);
    } finally {
      await cli.dispose();
    }
  }
} finally {
  await lab.close();
}
const seconds = (performance.now() - benchStarted) / 1000;
const loadAfter = os.loadavg()[0] ?? 0;

const ratio = (r: Row): number => median(r.action) / median(r.kubectl);
const table = [
  '| Deployments per context (× 3 contexts) | runs | action, median ms | last undo sent by the action, median ms | kubectl undo + status, median ms | ratio action / kubectl | action API calls (per target) | kubectl API calls (per target) |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => {
    const targets = r.size * CONTEXTS.length;
    return `| ${r.size} | ${r.runs} | ${median(r.action).toFixed(0)} | ${median(r.undone).toFixed(0)} | ${median(r.kubectl).toFixed(0)} | ${ratio(r).toFixed(2)} | ${r.actionCalls} (${(r.actionCalls / targets).toFixed(1)}) | ${r.kubectlCalls} (${(r.kubectlCalls / targets).toFixed(1)}) |`;
  }),
];
const goals = rows.map((r) => {
  const value = ratio(r);
  return `- ${r.size} per context: ratio ${value.toFixed(2)}: ${value <= 1 ? 'met' : `missed by ${(value - 1).toFixed(2)} (the action ${(median(r.action) - median(r.kubectl)).toFixed(0)} ms slower)`}`;
});
const section = [
  '## Rollback speed: from the decision to every rollout complete',
  '',
  `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. This benchmark took ${seconds.toFixed(0)} s;`,
  `the machine's 1-minute load average was ${loadBefore.toFixed(1)} at its start and ${loadAfter.toFixed(1)} at its end (other work shared the CPUs).`,
  '',
  `Three kube-sims on loopback (one per context: ${CONTEXTS.join(', ')}), in a process of their own, with their`,
  `controllers running, every new pod ready ${POD_READY_MS} ms after it is created and a watch bookmark a minute; each context holds N`,
  'Deployments of one replica at revision 2 over revision 1. A run is an undo to the previous revision of every',
  'Deployment in every context, timed from the decision until every rollout is complete:',
  '',
  `- **action**: \`connect\` and \`rollbackTargets\` (src/rollback/kubernetes.ts, as \`mode: rollback\` runs it:`,
  `  concurrency ${DEFAULTS.concurrency}, the default), each undo followed by \`waitForRollout\`, which follows the`,
  '  rollout through a watch;',
  '- **kubectl** (/usr/bin/kubectl v1.32, warm discovery cache), per context and the three contexts in parallel:',
  '  `kubectl rollout undo deployment/svc-0 deployment/svc-1 …` (one process naming every Deployment), then',
  '  `kubectl rollout status deployment/svc-i` for each, one after another.',
  '',
  "Bookmarks: with kube-sim's test default of one a second on each watch, the hundreds of watches open at 100",
  'per context kept the simulator busy enough to be the bottleneck of both sides (more so of the action, whose',
  'watches stay open); an API server sends one about a minute apart, as the lab here does.',
  '',
  'Runs alternate which side goes first; each side undoes what the other did, so both always go back one revision',
  'from a settled state. API calls are counted by kube-sim for one run of each side. Command: `BENCH_ONLY=rollback',
  'npm run bench` (or `tsx bench/undo.ts`).',
  '',
  ...table,
  '',
  'Goal: the action no slower than kubectl undo + status at every size (ratio ≤ 1):',
  '',
  ...goals,
];
await mkdir(path.dirname(resultPath('rollback')), { recursive: true });
await writeSection('rollback', section.join('\n'));
console.log(section.join('\n'));
