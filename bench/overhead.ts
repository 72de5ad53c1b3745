/**
 * `npm run bench`: what the action costs before it does anything, measured on the built
 * dist/ (build it first: `npm run build`; this benchmark builds nothing). Three goals:
 * - bundle: all of dist's JavaScript under 5 MB (index.js alone is reported too);
 * - cold start: `mode: validate` of a small policy within 3× of `node -e 0`, as medians of
 *   paired runs in alternating order, so a busy machine slows both sides alike;
 * - memory: peak RSS under 90 MiB through a 30-minute guard of 10 triggers on a replayed
 *   clock (`mode: backtest` of one deploy over a Prometheus holding a backfilled history).
 * Each process is run under GNU time (`/usr/bin/time`, Debian package `time`) for its peak RSS.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Prometheus, openMetrics, prometheusInstalled } from '../lab/prometheus/server.js';
import { inputVariable, readManifest } from '../lab/runner/harness.js';
import { formatTimestamp } from '../src/time.js';
import { machine, resultPath, writeSection } from './report.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const TIME = '/usr/bin/time';
const PAIRS = 15;
const GOALS = { bundleBytes: 5 * 1e6, startRatio: 3, guardRssMiB: 90 };

/** One process's cost: wall time as this process saw it, CPU time and peak RSS as GNU time did. */
interface Run {
  wallMs: number;
  cpuMs: number;
  rssKiB: number;
  exitCode: number | null;
  output: string;
}

async function measure(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const started = performance.now();
  const child = spawn(TIME, ['-f', '@@time %U %S %M', process.execPath, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  const line = /@@time (\S+) (\S+) (\d+)/.exec(output);
  if (!line) throw new Error(`no figures from ${TIME}: ${output.slice(-500)}`);
  return {
    wallMs,
    cpuMs: (Number(line[1]) + Number(line[2])) * 1000,
    rssKiB: Number(line[3]),
    exitCode,
    output,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

function verdict(value: number, goal: number, unit: (v: number) => string): string {
  return value <= goal ? 'met' : `missed by ${unit(value - goal)}`;
}

/** A runner's environment for one step of the action (as lab/runner/harness.ts builds it). */
async function stepEnv(
  dir: string,
  runnerTemp: string,
  inputs: Record<string, string>,
): Promise<NodeJS.ProcessEnv> {
  const manifest = await readManifest(ROOT);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: path.join(dir, 'workspace'),
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: runnerTemp,
  };
  for (const [name, spec] of Object.entries(manifest.inputs ?? {}))
    if (spec.default !== undefined && !String(spec.default).includes('${{'))
      env[inputVariable(name)] = String(spec.default);
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  await writeFile(path.join(dir, 'output'), '');
  await writeFile(path.join(dir, 'summary'), '');
  return env;
}

async function sizes(): Promise<{ index: number; all: number; largest: [string, number] }> {
  const files = (await readdir(DIST)).filter((f) => f.endsWith('.js'));
  const bytes = await Promise.all(
    files.map(async (f) => [f, (await stat(path.join(DIST, f))).size] as [string, number]),
  );
  const largest = bytes.reduce((a, b) => (b[1] > a[1] ? b : a));
  return {
    index: bytes.find(([f]) => f === 'index.js')?.[1] ?? 0,
    all: bytes.reduce((sum, [, size]) => sum + size, 0),
    largest,
  };
}

/** The dist files `mode: validate` loads, recorded by a module hook in a run of its own. */
async function loadedBy(env: NodeJS.ProcessEnv, dir: string): Promise<string[]> {
  const record = path.join(dir, 'loaded.txt');
  const hook = path.join(dir, 'hook.mjs');
  await writeFile(
    hook,
    `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(record)}, url + '\\n');
  return next(url, context);
} });
`,
  );
  await measure(['--import', hook, path.join(DIST, 'index.js')], env);
  const urls = (await readFile(record, 'utf8')).split('\n').filter(Boolean);
  return [...new Set(urls.map((u) => fileURLToPath(u)).filter((f) => f.startsWith(DIST)))];
}

const SMALL_POLICY = `metrics:
  prometheus:
    url: http://127.0.0.1:9090
triggers:
  - name: error-rate
    ratio:
      errors: http_requests_total{job="shop-api",code=~"5.."}
      total: http_requests_total{job="shop-api"}
    above: 0.05
    for: 5m
    severity: P1
`;

interface StartFigures {
  pairs: number;
  nodeWall: number;
  nodeCpu: number;
  nodeRss: number;
  firstWall: number;
  firstCpu: number;
  firstRss: number;
  laterWall: number;
  laterCpu: number;
  laterRss: number;
}

/**
 * `node -e 0` against `mode: validate`, twice: as a job's first step (an empty RUNNER_TEMP,
 * so no compile cache) and as a later step (the cache the previous run left). The three run
 * in a rotating order within each round.
 */
async function coldStart(dir: string): Promise<StartFigures> {
  await mkdir(path.join(dir, 'workspace'), { recursive: true });
  await writeFile(path.join(dir, 'workspace', 'policy.yml'), SMALL_POLICY);
  const laterTemp = path.join(dir, 'temp-later');
  await mkdir(laterTemp, { recursive: true });
  const inputs = { mode: 'validate', policy: 'policy.yml' };
  const entry = path.join(DIST, 'index.js');
  const runs: Record<'node' | 'first' | 'later', Run[]> = { node: [], first: [], later: [] };
  // One unmeasured later-step run fills the compile cache.
  await measure([entry], await stepEnv(dir, laterTemp, inputs));
  for (let round = 0; round < PAIRS; round++) {
    const order = (['node', 'first', 'later'] as const).map(
      (_, i, all) => all[(i + round) % all.length] ?? 'node',
    );
    for (const which of order) {
      let run: Run;
      if (which === 'node') run = await measure(['-e', '0'], { PATH: process.env.PATH });
      else {
        const temp = which === 'later' ? laterTemp : path.join(dir, `temp-${round}`);
        await mkdir(temp, { recursive: true });
        run = await measure([entry], await stepEnv(dir, temp, inputs));
        if (run.exitCode !== 0)
          throw new Error(`mode: validate failed (${run.exitCode}): ${run.output.slice(-800)}`);
        if (which === 'first') await rm(temp, { recursive: true, force: true });
      }
      runs[which].push(run);
    }
  }
  const pick = (which: keyof typeof runs, key: 'wallMs' | 'cpuMs' | 'rssKiB'): number =>
    median(runs[which].map((r) => r[key]));
  return {
    pairs: PAIRS,
    nodeWall: pick('node', 'wallMs'),
    nodeCpu: pick('node', 'cpuMs'),
    nodeRss: pick('node', 'rssKiB'),
    firstWall: pick('first', 'wallMs'),
    firstCpu: pick('first', 'cpuMs'),
    firstRss: pick('first', 'rssKiB'),
    laterWall: pick('later', 'wallMs'),
    laterCpu: pick('later', 'cpuMs'),
    laterRss: pick('later', 'rssKiB'),
  };
}

const MIN = 60;
const STEP = 10; // seconds between backfilled samples
const RATE = 20; // requests per second
const LE = ['0.05', '0.1', '0.25', '0.5', '1', '2', '5', '+Inf'];
/** Share of requests at or under each bucket: most are fast, a few are slow. */
const UNDER = [0.3, 0.6, 0.85, 0.95, 0.98, 0.995, 0.999, 1];
const ERRORS = 0.01;
const CLIENT_ERRORS = 0.03;

/** A healthy service for 100 minutes from `start`: the whole window is watched, none fails. */
function healthyTrace(start: number): string {
  const codes: [string, number][] = [
    ['200', 1 - ERRORS - CLIENT_ERRORS],
    ['404', CLIENT_ERRORS],
    ['500', ERRORS],
  ];
  const requests = codes.map(([code]) => ({
    labels: { job: 'shop-api', code },
    points: [] as [number, number][],
  }));
  const buckets = LE.map((le) => ({
    labels: { job: 'shop-api', le },
    points: [] as [number, number][],
  }));
  for (let t = 0, total = 0; t <= 100 * MIN; t += STEP, total += RATE * STEP) {
    codes.forEach(([, share], i) =>
      requests[i]?.points.push([start + t, Math.round(total * share)]),
    );
    UNDER.forEach((share, i) => buckets[i]?.points.push([start + t, Math.round(total * share)]));
  }
  return openMetrics([
    { name: 'http_requests_total', type: 'counter', samples: requests },
    { name: 'http_request_duration_seconds_bucket', type: 'gauge', samples: buckets },
  ]);
}

const SELECT = 'job="shop-api"';
const P = (q: number): string =>
  `histogram_quantile(${q}, sum by (le) (rate(http_request_duration_seconds_bucket{${SELECT}}[1m])))`;
/** Ten triggers of the kinds the runbooks use: ratios, rates, quantiles, relative to baseline. */
const GUARD_POLICY = `watch:
  window: 30m
  interval: 10s
triggers:
  - {name: error-rate, severity: P1, above: 0.05, for: 5m, ratio: {errors: 'http_requests_total{${SELECT},code=~"5.."}', total: 'http_requests_total{${SELECT}}'}}
  - {name: error-rate-severe, severity: P0, above: 0.25, for: 1m, ratio: {errors: 'http_requests_total{${SELECT},code=~"5.."}', total: 'http_requests_total{${SELECT}}'}}
  - {name: client-errors, severity: P2, above: 0.2, for: 5m, ratio: {errors: 'http_requests_total{${SELECT},code=~"4.."}', total: 'http_requests_total{${SELECT}}'}}
  - {name: errors-per-minute, severity: P1, above: 100, for: 2m, query: 'sum(increase(http_requests_total{${SELECT},code=~"5.."}[1m]))'}
  - {name: p50-latency, severity: P2, above: 0.5, for: 5m, query: '${P(0.5)}'}
  - {name: p95-latency, severity: P1, above: 1, for: 10m, query: '${P(0.95)}'}
  - {name: p99-latency, severity: P1, above: 5, for: 10m, query: '${P(0.99)}'}
  - {name: p95-vs-baseline, severity: P2, relative: +50%, for: 5m, query: '${P(0.95)}'}
  - {name: traffic-drop, severity: P2, relative: -50%, for: 5m, query: 'sum(rate(http_requests_total{${SELECT}}[1m]))'}
  - {name: errors-vs-baseline, severity: P2, relative: +100%, for: 5m, query: 'sum(rate(http_requests_total{${SELECT},code=~"5.."}[1m]))'}
`;

interface GuardFigures {
  run: Run;
  deploys: number;
  verdicts: string;
  replayedSeconds: number;
}

async function guardMemory(dir: string): Promise<GuardFigures> {
  const start = Math.floor(Date.now() / 1000 / MIN) * MIN - 3 * 3600;
  const deployAt = start + 60 * MIN;
  const prometheus = await Prometheus.start({ targets: [], backfill: healthyTrace(start) });
  try {
    const workspace = path.join(dir, 'workspace');
    await mkdir(path.join(workspace, '.github'), { recursive: true });
    await writeFile(path.join(workspace, '.github', 'rollback-policy.yml'), GUARD_POLICY);
    const temp = path.join(dir, 'temp-guard');
    await mkdir(temp, { recursive: true });
    const run = await measure(
      [path.join(DIST, 'index.js')],
      await stepEnv(dir, temp, {
        mode: 'backtest',
        'prometheus-url': prometheus.url,
        'deploy-times': formatTimestamp(deployAt * 1000),
      }),
    );
    if (run.exitCode !== 0)
      throw new Error(`mode: backtest failed (${run.exitCode}): ${run.output.slice(-800)}`);
    const outputs = await readFile(path.join(dir, 'output'), 'utf8');
    const reportLine = /^report<<(\S+)\n([\s\S]*?)\n\1$/m.exec(outputs);
    const report = JSON.parse(reportLine?.[2] ?? '{}') as {
      backtest?: { deploys: { verdict: string; 'replayed-seconds': number }[] };
    };
    const deploys = report.backtest?.deploys ?? [];
    return {
      run,
      deploys: deploys.length,
      verdicts: deploys.map((d) => d.verdict).join(', '),
      replayedSeconds: deploys[0]?.['replayed-seconds'] ?? 0,
    };
  } finally {
    await prometheus.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'index.js')))
    throw new Error('dist/index.js: missing; run `npm run build` first');
  if (!existsSync(TIME))
    throw new Error(`${TIME}: missing; install GNU time (Debian package \`time\`)`);
  if (!prometheusInstalled())
    throw new Error('prometheus and promtool: missing; run `bash scripts/ensure-lab.sh`');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-overhead-'));
  try {
    const started = Date.now();
    // On a shared machine, how busy it was says how far the wall times can be trusted.
    const load = os.loadavg()[0] ?? 0;
    const size = await sizes();
    const validateDir = path.join(dir, 'validate');
    await mkdir(path.join(validateDir, 'workspace'), { recursive: true });
    await writeFile(path.join(validateDir, 'workspace', 'policy.yml'), SMALL_POLICY);
    const loadTemp = path.join(validateDir, 'temp-load');
    await mkdir(loadTemp, { recursive: true });
    const loaded = await loadedBy(
      await stepEnv(validateDir, loadTemp, { mode: 'validate', policy: 'policy.yml' }),
      validateDir,
    );
    const loadedBytes = (await Promise.all(loaded.map(async (f) => (await stat(f)).size))).reduce(
      (a, b) => a + b,
      0,
    );
    const start = await coldStart(validateDir);
    const guard = await guardMemory(path.join(dir, 'guard'));
    const seconds = Math.round((Date.now() - started) / 1000);

    const firstRatio = start.firstWall / start.nodeWall;
    const laterRatio = start.laterWall / start.nodeWall;
    const guardMiB = guard.run.rssKiB / 1024;
    const section = [
      '## Overhead: what the action costs before it does anything',
      '',
      `Measured on ${machine()}, ${new Date().toISOString().slice(0, 10)}, by \`bench/overhead.ts\``,
      `(${seconds} s) on the dist/ built by \`npm run build\` (esbuild), with a load average of`,
      `${load.toFixed(1)} on ${os.cpus().length} CPUs when it began. Each process ran under GNU \`time\``,
      'for its peak RSS (maxrss) and CPU time; wall time is from spawn to exit. With a load',
      'average above the CPU count, processes wait for a CPU and wall times mostly measure the',
      'wait: the CPU-time row is then the better guide.',
      '',
      '| goal | figure | result |',
      '| --- | --- | --- |',
      `| all of dist's JavaScript under 5 MB | ${mb(size.all)} (index.js alone ${mb(size.index)}; largest chunk ${size.largest[0]} ${mb(size.largest[1])}) | ${verdict(size.all, GOALS.bundleBytes, mb)} |`,
      `| \`mode: validate\` within 3× of \`node -e 0\` (job's first step) | ${ms(start.firstWall)} vs ${ms(start.nodeWall)}: ${firstRatio.toFixed(2)}× | ${verdict(firstRatio, GOALS.startRatio, (v) => `${v.toFixed(2)}×`)} |`,
      `| the same, a later step of the job (compile cache warm) | ${ms(start.laterWall)} vs ${ms(start.nodeWall)}: ${laterRatio.toFixed(2)}× | ${verdict(laterRatio, GOALS.startRatio, (v) => `${v.toFixed(2)}×`)} |`,
      `| the same in CPU time (user + sys), first step | ${ms(start.firstCpu)} vs ${ms(start.nodeCpu)}: ${(start.firstCpu / start.nodeCpu).toFixed(2)}× | ${verdict(start.firstCpu / start.nodeCpu, GOALS.startRatio, (v) => `${v.toFixed(2)}×`)} |`,
      `| peak RSS under 90 MiB, 30-minute guard of 10 triggers | ${mib(guard.run.rssKiB)} | ${verdict(guardMiB, GOALS.guardRssMiB, (v) => `${v.toFixed(0)} MiB`)} |`,
      '',
      '**Bundle.** `mode: validate` loads ' +
        `${loaded.length} of dist's files, ${mb(loadedBytes)} (${loaded.map((f) => path.basename(f)).join(', ')}); ` +
        'each mode is an `import()` that esbuild emits as a chunk, and `@kubernetes/client-node` ' +
        '(the largest chunk) is loaded only when a kubeconfig is there to read.',
      '',
      `**Cold start.** ${start.pairs} rounds, each running \`node -e 0\`, \`mode: validate\` as`,
      "a job's first step (a fresh RUNNER_TEMP: no compile cache) and as a later step (the",
      'compile cache under RUNNER_TEMP that an earlier run left), in a rotating order; medians:',
      '',
      '| process | wall | CPU (user + sys) | peak RSS |',
      '| --- | --- | --- | --- |',
      `| \`node -e 0\` | ${ms(start.nodeWall)} | ${ms(start.nodeCpu)} | ${mib(start.nodeRss)} |`,
      `| \`mode: validate\`, first step | ${ms(start.firstWall)} | ${ms(start.firstCpu)} | ${mib(start.firstRss)} |`,
      `| \`mode: validate\`, later step | ${ms(start.laterWall)} | ${ms(start.laterCpu)} | ${mib(start.laterRss)} |`,
      '',
      'The policy is one Prometheus ratio trigger (`bench/overhead.ts` `SMALL_POLICY`), with',
      'the inputs and environment a runner gives a step (as `lab/runner/harness.ts` does).',
      '',
      `**Guard memory.** \`mode: backtest\` of one deploy with a \`30m\` window polled every`,
      `\`10s\` (${guard.replayedSeconds} s replayed) and the 10 triggers of \`GUARD_POLICY\``,
      '(error ratios, 5xx a minute, p50/p95/p99 from a histogram, three relative to the',
      "baseline), on the lab's real Prometheus holding 100 minutes of a healthy service",
      `backfilled with promtool (20 requests/s, 1 % 5xx, a sample every 10 s). Verdict:`,
      `${guard.verdicts || 'none'}; the action's process peaked at ${mib(guard.run.rssKiB)}`,
      `(${ms(guard.run.cpuMs)} of CPU, ${ms(guard.run.wallMs)} wall). No kubeconfig is given,`,
      'so this is the cost of watching and deciding; a guard that rolls back also loads the',
      'Kubernetes client.',
    ].join('\n');
    console.log(section);
    await mkdir(path.dirname(resultPath('overhead')), { recursive: true });
    await writeSection('overhead', section);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
