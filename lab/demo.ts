/**
 * `npm run demo`: the lab plays an incident. A good release is deployed to two regions and
 * takes traffic; the action (the bundled dist/index.js, through the runner harness) captures
 * what runs, checks every trigger's query and records baselines; a bad release goes out with
 * the real kubectl; the action's guard watches the runbook's triggers, catches the error ratio
 * within seconds, rolls every region back to the snapshot, verifies it and files the incident
 * issue on the fake GitHub, after which the ratio falls. The demo ends with the incident.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { errorRatioBetween, requestsByCode } from './demo-app/exposition.js';
import { LoadGenerator } from './demo-app/load.js';
import { LAB_DEPLOYMENT, LAB_NAMESPACE, startLab, stopOnSignals, type Lab } from './lab.js';
import { Job } from './runner/harness.js';

const exec = promisify(execFile);
const started = Date.now();
const say = (text: string): void => {
  const [first = '', ...rest] = text.split('\n');
  const indent = /^\s*/.exec(first)?.[0] ?? '';
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${first}`);
  for (const line of rest) console.log(`${' '.repeat(9)}${indent}${line}`);
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const RATIO = `(sum(rate(http_requests_total{job="shop-api",code=~"5.."}[10s])) or vector(0)) / sum(rate(http_requests_total{job="shop-api"}[10s]))`;

async function errorRatio(lab: Lab, last: { counts?: Record<string, number> }): Promise<string> {
  if (lab.prometheus) {
    const [sample] = await lab.prometheus.query(RATIO);
    return sample?.value
      ? `${(Number(sample.value[1]) * 100).toFixed(1)} % (Prometheus, last 10 s)`
      : 'no data yet (Prometheus)';
  }
  const counts = requestsByCode(await (await fetch(`${lab.app.url}/metrics`)).text());
  const ratio = last.counts ? errorRatioBetween(last.counts, counts) : undefined;
  last.counts = counts;
  return ratio === undefined
    ? 'no data yet (scrape)'
    : `${(ratio * 100).toFixed(1)} % (scraped /metrics, since the last look)`;
}

async function kubectl(lab: Lab, args: string[]): Promise<string> {
  const { stdout } = await exec(
    'kubectl',
    [
      `--kubeconfig=${lab.kubeconfigPath}`,
      `--cache-dir=${path.join(lab.dir, 'kube-cache')}`,
      ...args,
    ],
    { timeout: 60_000 },
  );
  return stdout.trim();
}

/** The last scrape, so each look reports the requests since the one before. */
const memory: { counts?: Record<string, number> } = {};
async function watchRatio(
  lab: Lab,
  seconds: number,
  until: (ratio: string) => boolean,
): Promise<void> {
  for (let i = 0; i < seconds / 2; i++) {
    await sleep(2000);
    const ratio = await errorRatio(lab, memory);
    say(`  error ratio: ${ratio}`);
    if (until(ratio)) return;
  }
}

const lab = await startLab();
stopOnSignals(lab);
let load: LoadGenerator | undefined;
try {
  say(
    `lab up: kube-sim in ${lab.contexts.join(' and ')}, demo service ${lab.app.url}, fake GitHub ${lab.github.url}`,
  );
  say(
    lab.prometheus
      ? `Prometheus ${lab.prometheus.url} scrapes the service every second`
      : "Prometheus is not installed: watching by scraping the service's /metrics directly",
  );

  say('1. Deploying the good release shop/api:1.0 to both regions');
  lab.deploy('shop/api:1.0');
  for (const context of lab.contexts)
    say(
      `  ${context}: ${await kubectl(lab, ['--context', context, 'rollout', 'status', `deployment/${LAB_DEPLOYMENT}`, '--timeout=60s'])}`,
    );
  load = new LoadGenerator({
    url: `${lab.app.url}/`,
    ratePerSecond: 50,
    durationMs: 120_000,
  }).start();
  say('  traffic: 50 requests/s for at most 2 minutes');
  await watchRatio(lab, 8, (r) => r.startsWith('0.0'));

  say(
    '2. Before the next deploy, the action captures what runs (mode: capture, through the runner harness)',
  );
  await mkdir(path.join(lab.git.workspace, '.github'), { recursive: true });
  await writeFile(
    path.join(lab.git.workspace, '.github/rollback-policy.yml'),
    [
      `version: 1`,
      `targets: [deployment/${LAB_DEPLOYMENT}]`,
      `namespace: ${LAB_NAMESPACE}`,
      `contexts: [${lab.contexts.join(', ')}]`,
      // The runbooks' triggers on the demo service's metrics, polled every second.
      'preset: runbook',
      lab.prometheus
        ? `metrics: { selector: 'job="shop-api"' }`
        : `metrics: { provider: scrape, scrape: { urls: ["${lab.app.url}/metrics"] } }`,
      `watch: { window: 2m, interval: 1s, min-requests: 20 }`,
      '',
    ].join('\n'),
  );
  // One job: the capture step leaves the snapshot where the rollback step finds it.
  const job = await Job.create(lab.git.workspace);
  // The commit being deployed, as GITHUB_SHA names it: the incident records it.
  const sha = (await lab.git.git(['rev-parse', 'HEAD'], lab.git.workspace)).trim();
  const step = async (title: string, inputs: Record<string, string>) => {
    const result = await job.run({
      inputs: {
        kubeconfig: await readFile(lab.kubeconfigPath, 'utf8'),
        ...(lab.prometheus ? { 'prometheus-url': lab.prometheus.url } : {}),
        ...inputs,
      },
      apiUrl: lab.github.url,
      token: lab.github.token,
      sha,
    });
    say(
      `  ${title}: exit ${String(result.exitCode)}${result.outputs.verdict ? `, verdict ${result.outputs.verdict}` : ''}`,
    );
    for (const line of result.log.trim().split('\n')) say(`  | ${line}`);
    return result;
  };
  let incidentUrl: string | undefined;
  try {
    await step('capture', { mode: 'capture' });

    say('3. Deploying the bad release shop/api:2.0-bad to eu-west (kubectl set image)');
    say(
      `  ${await kubectl(lab, ['--context', 'eu-west', 'set', 'image', `deployment/${LAB_DEPLOYMENT}`, `${LAB_DEPLOYMENT}=shop/api:2.0-bad`])}`,
    );
    say(
      `  ${await kubectl(lab, ['--context', 'eu-west', 'rollout', 'status', `deployment/${LAB_DEPLOYMENT}`, '--timeout=60s'])}`,
    );

    say('4. The action guards the deploy (mode: guard): it watches, decides and rolls back');
    incidentUrl = (await step('guard', { mode: 'guard' })).outputs['incident-url'];
  } finally {
    await job.dispose();
  }
  await watchRatio(lab, 30, (r) => r.startsWith('0.0'));
  for (const line of (
    await kubectl(lab, [
      '--context',
      'eu-west',
      'rollout',
      'history',
      `deployment/${LAB_DEPLOYMENT}`,
    ])
  ).split('\n'))
    say(`  | ${line}`);

  // What the on-call engineer opens first: the incident, as the fake GitHub holds it.
  const incident = lab.github.issues.find((i) => !i.pull_request);
  if (incident) {
    say(`5. The incident issue #${incident.number}: ${incidentUrl ?? '(no incident-url output)'}`);
    say(`  title: ${incident.title}`);
    say(`  labels: ${incident.labels.map((l) => l.name).join(', ')}`);
    for (const line of (incident.body ?? '').split('\n')) say(`  > ${line}`);
  } else say('5. No incident issue was filed: see the guard log above');

  const counts = load.result.byStatus;
  say(
    `done: ${load.result.sent} requests sent (${Object.entries(counts)
      .map(([code, n]) => `${n} × ${code}`)
      .join(', ')})`,
  );
} finally {
  load?.stop();
  await lab.stop();
}
