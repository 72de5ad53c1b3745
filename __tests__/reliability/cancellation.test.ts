/**
 * A cancelled workflow run (issue 15): the runner sends the step's process SIGINT, then
 * SIGTERM. During the watch the bundled action ends within a couple of seconds, inconclusive,
 * report and outputs written; during a rollback of three regions every region in flight
 * finishes and is reported; and a rehearsal's snapshot is on disk before its first change.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployment, imageOf, releaseInTurn } from '../../lab/kube-sim/fixtures.js';
import { kubeconfigFor, startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { closeStandIns, prometheusAnswering, vector } from '../../lab/prometheus/stand-in.js';
import { Job, runAction, type RunResult } from '../../lab/runner/harness.js';
import { Record } from './record.js';

const record = new Record(fileURLToPath(import.meta.url));
afterAll(() => record.save());

const sims: KubeSim[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
  await closeStandIns();
});

/** A kube-sim whose deployment/api went 1.0 → 2.0. */
async function withHistory(): Promise<KubeSim> {
  const sim = await startKubeSim({ podReadyDelayMs: 10 });
  sims.push(sim);
  await releaseInTurn(sim, ['shop/api:1.0', 'shop/api:2.0']);
  return sim;
}

interface Report {
  verdict: string;
  cancelled?: string;
  rollback?: { targets: { context: string; outcome: string; state?: string }[] } | null;
}

/** The report output, which must also be the report file under RUNNER_TEMP. */
function reportOf(result: RunResult): Report {
  const text = result.outputs.report;
  expect(text).toBeDefined();
  const file = Object.entries(result.tempFiles).find(([name]) => /report.*\.json$/.test(name));
  expect(file && JSON.parse(file[1])).toEqual(JSON.parse(text ?? '{}'));
  return JSON.parse(text ?? '{}') as Report;
}

test.each(['SIGINT', 'SIGTERM'] as const)(
  '%s during the watch: ends within 2 s, inconclusive, nothing rolled back, report written',
  async (name) => {
    const sim = await withHistory();
    const prometheus = await prometheusAnswering(() => ({ body: vector({ value: [1, '0'] }) }));
    let sentAt = 0;
    let seen = '';
    const result = await runAction({
      inputs: {
        mode: 'guard',
        kubeconfig: sim.kubeconfig('eu-west'),
        targets: 'deployment/api',
        'prometheus-url': prometheus,
      },
      files: {
        // A poll every 30 s: a prompt end shows the wait between polls is cut short.
        '.github/rollback-policy.yml': `triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 10m, interval: 30s}
`,
      },
      onStdout: (chunk, signal) => {
        seen += chunk;
        // After the first poll's progress line ("[0s] ..."): the watch is waiting for the next.
        if (!sentAt && /^\[0s\]/m.test(seen)) {
          sentAt = Date.now();
          signal(name);
        }
      },
      timeoutMs: 30_000,
    });
    const endedAfter = Date.now() - sentAt;
    expect(sentAt).toBeGreaterThan(0);
    expect(result.timedOut).toBe(false);
    expect(endedAfter).toBeLessThan(2_000);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' });
    const report = reportOf(result);
    expect(report).toMatchObject({ verdict: 'inconclusive', cancelled: name });
    expect(result.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringMatching(
        new RegExp(`^rollback-action: the run was cancelled \\(${name}\\): a watch stops`),
      ),
    });
    expect(result.summary).toContain(`the run was cancelled (${name}) during the watch`);
    expect(sim.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(imageOf(sim.get('Deployment', 'default', 'api'))).toBe('shop/api:2.0');
    expect(result.stderr).toBe('');
    record.add({
      area: 'cancellation',
      fault: `${name} during the watch (a poll every 30 s, 10-minute window)`,
      modes: ['guard'],
      runs: 1,
      outcome:
        'ended within 2 s; verdict inconclusive; nothing rolled back; report (with the signal), summary and outputs written',
      lost: 'nothing',
    });
  },
  30_000,
);

test('SIGTERM while the guard awaits a rollout that never ends: stops at once, inconclusive, report written', async () => {
  const sim = await startKubeSim({ podReadyDelayMs: 10 });
  sims.push(sim);
  await releaseInTurn(sim, ['shop/api:1.0']);
  // 2.0's pods never become ready: the wait would last the whole rollout timeout (10m).
  sim.controllers.setImageBehaviour('shop/api:2.0', 'never-ready');
  sim.apply(deployment('api', 'shop/api:2.0', { replicas: 2 }));
  const prometheus = await prometheusAnswering(() => ({ body: vector({ value: [1, '0'] }) }));
  let sentAt = 0;
  let seen = '';
  const result = await runAction({
    inputs: {
      mode: 'guard',
      kubeconfig: sim.kubeconfig('eu-west'),
      targets: 'deployment/api',
      'prometheus-url': prometheus,
    },
    files: {
      '.github/rollback-policy.yml': `triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 10m, interval: 30s, rollout-timeout: 10m}
`,
    },
    onStdout: (chunk, signal) => {
      seen += chunk;
      // The wait's first line about the target: it is now waiting.
      if (!sentAt && /eu-west deployment\/api: /.test(seen)) {
        sentAt = Date.now();
        signal('SIGTERM');
      }
    },
    timeoutMs: 30_000,
  });
  expect(sentAt).toBeGreaterThan(0);
  expect(result.timedOut).toBe(false);
  expect(Date.now() - sentAt).toBeLessThan(2_000);
  expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' });
  expect(reportOf(result)).toMatchObject({ verdict: 'inconclusive', cancelled: 'SIGTERM' });
  expect(result.summary).toContain('the run was cancelled (SIGTERM) during the rollout wait');
  // Nothing judged, nothing changed: no query, no patch.
  expect(sim.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  expect(imageOf(sim.get('Deployment', 'default', 'api'))).toBe('shop/api:2.0');
  record.add({
    area: 'cancellation',
    fault: 'SIGTERM while the guard awaits a rollout that never ends (10-minute rollout timeout)',
    modes: ['guard'],
    runs: 1,
    outcome:
      'ended within 2 s; verdict inconclusive; nothing judged or rolled back; report (with the signal), summary and outputs written',
    lost: 'nothing',
  });
}, 30_000);

const REGIONS = ['eu-west', 'us-east', 'ap-south'];

test('SIGTERM while three regions roll back: each region in flight finishes, and is reported', async () => {
  const regions = await Promise.all(REGIONS.map(() => withHistory()));
  let signal: ((name: NodeJS.Signals) => void) | undefined;
  let sent = false;
  for (const sim of regions) {
    // Each undo patch is answered 0.5 s late: the signal lands while all are in flight.
    sim.injectFault({ method: 'PATCH', latencyMs: 500 });
    sim.onRequest = ({ method }) => {
      if (method === 'PATCH' && !sent && signal) {
        sent = true;
        signal('SIGTERM');
      }
    };
  }
  const result = await runAction({
    inputs: {
      mode: 'rollback',
      kubeconfig: kubeconfigFor(
        regions.map((sim, i) => ({ name: REGIONS[i] ?? '', url: sim.url })),
      ),
      contexts: REGIONS.join(','),
      targets: 'deployment/api',
      'to-revision': 'previous',
    },
    onStdout: (_chunk, send) => (signal ??= send),
    timeoutMs: 30_000,
  });
  expect(sent).toBe(true);
  expect(result.timedOut).toBe(false);
  expect(result.exitCode).toBe(0);
  const report = reportOf(result);
  expect(report.cancelled).toBe('SIGTERM');
  expect(report.rollback?.targets.map((t) => [t.context, t.outcome])).toEqual(
    REGIONS.map((r) => [r, 'rolled-back']),
  );
  expect(result.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
  for (const region of REGIONS) expect(result.summary).toContain(`| ${region} |`);
  for (const sim of regions) {
    // Finished, and once: one undo patch carried out in each region.
    expect(sim.requests.filter((r) => r.method === 'PATCH' && r.status === 200)).toHaveLength(1);
    expect(imageOf(sim.get('Deployment', 'default', 'api'))).toBe('shop/api:1.0');
  }
  expect(result.stderr).toBe('');
  record.add({
    area: 'cancellation',
    fault: 'SIGTERM when the first undo patch of a 3-region rollback reaches the API server',
    modes: ['rollback'],
    runs: 1,
    outcome:
      'every region in flight finished its undo (once each) and was reported; verdict rolled-back; report (with the signal), summary and outputs written',
    lost: 'nothing',
  });
}, 30_000);

test("a rehearsal's snapshot is on disk before its first change, so a killed run can be undone", async () => {
  const sim = await withHistory();
  const job = await Job.create();
  try {
    const dir = path.join(job.temp, 'rollback-action');
    let atFirstPatch: string[] | undefined;
    let kill: ((name: NodeJS.Signals) => void) | undefined;
    sim.onRequest = ({ method }) => {
      if (method !== 'PATCH' || atFirstPatch) return;
      atFirstPatch = existsSync(dir)
        ? readdirSync(dir).filter((f) => f.startsWith('snapshot-'))
        : [];
      // What the runner does after its grace period: no handler can run.
      kill?.('SIGKILL');
    };
    const result = await job.run({
      inputs: {
        mode: 'rehearse',
        kubeconfig: sim.kubeconfig('staging'),
        targets: 'deployment/api',
      },
      onStdout: (_chunk, send) => (kill ??= send),
      timeoutMs: 30_000,
    });
    expect(result.exitCode).toBeNull();
    expect(atFirstPatch).toEqual([expect.stringMatching(/^snapshot-.*\.json$/)]);
    const snapshot = JSON.parse(
      result.tempFiles[`rollback-action/${atFirstPatch?.[0] ?? ''}`] ?? '{}',
    );
    expect(JSON.stringify(snapshot)).toContain('shop/api:2.0');
    record.add({
      area: 'cancellation',
      fault: 'SIGKILL at the first change of a rehearsal',
      modes: ['rehearse'],
      runs: 1,
      outcome:
        'the snapshot of the starting point was on disk before the first patch reached the API server',
      lost: 'the report of the killed run (a killed process writes nothing); the snapshot holds what to roll forward to',
    });
  } finally {
    await job.dispose();
  }
}, 30_000);
