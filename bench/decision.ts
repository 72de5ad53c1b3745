/**
 * `npm run bench` (first part): how well the guard decides. 420 deploys of known truth (240
 * healthy, 180 regressed, over 15 families; bench/traces.ts) are backfilled into the real
 * Prometheus with promtool and replayed through `mode: backtest` of the bundled action
 * (dist/index.js, run as a runner runs it) with a 15m window and a 10 s poll, under four rule
 * sets on the same data: the `runbook` preset, the runbook's plain rule, a Flagger Canary and
 * an Argo Rollouts AnalysisTemplate (bench/rules/). Deploys are laid out on `BENCH_SERIES`
 * jobs (one label `job` each), one after another on each, 30 minutes apart; each rule set
 * replays each job in one action run, several runs at once.
 *
 * `BENCH_DEPLOYS=60` replays the first 60 of the same seeded set (quick iteration);
 * `BENCH_SEED` changes the set. The committed section comes from the full 420.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Prometheus, openMetrics } from '../lab/prometheus/server.js';
import { runAction } from '../lab/runner/harness.js';
import { formatTimestamp } from '../src/time.js';
import { machine, writeSection } from './report.js';
import { PRESET_SETTLE } from '../src/analysis/rules.js';
import { sprtOptions } from '../src/analysis/sequential.js';
import { parseDuration } from '../src/duration.js';
import {
  BEFORE_SECONDS,
  BUCKETS,
  HEALTHY,
  REGIONS,
  REGRESSED,
  SEGMENT_SECONDS,
  deploySet,
  SCRAPE_SECONDS,
  firstReadable,
  generate,
  informationBound,
  lastCounters,
  mulberry32,
  plan,
  type Counters,
  type DeployPlan,
  type Family,
  type Region,
} from './traces.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = Number(process.env.BENCH_SEED ?? 20261206);
const TOTAL = Number(process.env.BENCH_DEPLOYS ?? 420);
const SERIES = Number(process.env.BENCH_SERIES ?? 8);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 4);
const WINDOW = '15m';
const INTERVAL = '10s';
const POLL = (parseDuration(INTERVAL) ?? 0) / 1000;

interface RuleSet {
  name: string;
  /** The policy file for one job, and the files it imports. */
  policy: (job: string) => string;
  files: Record<string, string>;
}

async function ruleSets(): Promise<RuleSet[]> {
  const rules = (name: string) => readFile(path.join(ROOT, 'bench', 'rules', name), 'utf8');
  const plain = await rules('runbook-plain.yml');
  const canary = await rules('flagger-canary.yaml');
  const analysis = await rules('argo-analysis.yaml');
  return [
    {
      name: 'runbook preset',
      policy: (job) =>
        `preset: runbook\nmetrics:\n  provider: prometheus\n  selector: 'job="${job}"'\n`,
      files: {},
    },
    { name: 'plain runbook rule', policy: (job) => plain.replaceAll('bench-job', job), files: {} },
    {
      name: 'Flagger-style',
      policy: (job) =>
        `metrics: { provider: prometheus }\nimport:\n  - file: flagger-canary.yaml\n    args: { target: ${job} }\n`,
      files: { 'flagger-canary.yaml': canary },
    },
    {
      name: 'Argo-Rollouts-style',
      policy: (job) =>
        `metrics: { provider: prometheus }\nimport:\n  - file: argo-analysis.yaml\n    args: { service-name: ${job} }\n`,
      files: { 'argo-analysis.yaml': analysis },
    },
  ];
}

interface Deploy {
  index: number;
  job: string;
  /** Unix seconds of the rollout. */
  at: number;
  plan: DeployPlan;
}

interface Point {
  labels: Record<string, string>;
  points: [number, number][];
}

/** Every deploy's trace, laid out on its job, as the OpenMetrics text promtool backfills. */
function backfill(start: number): { deploys: Deploy[]; text: string; samples: number } {
  const set = deploySet(SEED).slice(0, TOTAL);
  const deploys: Deploy[] = [];
  const families = {
    requests: new Map<string, Point>(),
    bucket: new Map<string, Point>(),
    count: new Map<string, Point>(),
    sum: new Map<string, Point>(),
  };
  const series = (map: Map<string, Point>, labels: Record<string, string>): Point => {
    const key = JSON.stringify(labels);
    let s = map.get(key);
    if (!s) map.set(key, (s = { labels, points: [] }));
    return s;
  };
  let samples = 0;
  const carried = new Map<string, Record<Region, Counters>>();
  for (const [index, { family, seed }] of set.entries()) {
    const job = `bench-${index % SERIES}`;
    const slot = Math.floor(index / SERIES);
    const at = start + slot * SEGMENT_SECONDS + BEFORE_SECONDS;
    const rng = mulberry32(seed);
    const deployPlan = plan(family, rng);
    const trace = generate(deployPlan, rng, carried.get(job));
    carried.set(job, lastCounters(trace));
    deploys.push({ index, job, at, plan: deployPlan });
    for (const region of REGIONS) {
      const labels = { job, region };
      for (const { t, counters: c } of trace.samples[region]) {
        const time = at + t;
        series(families.requests, { ...labels, code: '200' }).points.push([time, c.ok]);
        series(families.requests, { ...labels, code: '500' }).points.push([time, c.errors]);
        let cumulative = 0;
        c.buckets.forEach((n, i) => {
          cumulative += n;
          const le = i < BUCKETS.length ? String(BUCKETS[i]) : '+Inf';
          series(families.bucket, { ...labels, le }).points.push([time, cumulative]);
        });
        series(families.count, labels).points.push([time, cumulative]);
        series(families.sum, labels).points.push([time, Number(c.sum.toFixed(6))]);
        samples += c.buckets.length + 4;
      }
    }
  }
  // The histogram's parts as plain series: promtool stores samples, PromQL needs only names.
  const text = openMetrics([
    { name: 'http_requests_total', type: 'counter', samples: [...families.requests.values()] },
    ...(['bucket', 'count', 'sum'] as const).map((part) => ({
      name: `http_request_duration_seconds_${part}`,
      type: 'gauge' as const,
      samples: [...families[part].values()],
    })),
  ]);
  return { deploys, text, samples };
}

interface Replayed {
  verdict: 'would roll back' | 'healthy' | 'inconclusive';
  after: number | null;
  trigger: string | null;
}

/** One action run: a rule set replaying every deploy of one job. */
async function replayJob(
  rules: RuleSet,
  job: string,
  deploys: Deploy[],
  prometheusUrl: string,
): Promise<Replayed[]> {
  const result = await runAction({
    inputs: {
      mode: 'backtest',
      'prometheus-url': prometheusUrl,
      'deploy-times': deploys.map((d) => formatTimestamp(d.at * 1000)).join('\n'),
      window: WINDOW,
      interval: INTERVAL,
    },
    files: { '.github/rollback-policy.yml': rules.policy(job), ...rules.files },
    timeoutMs: 900_000,
  });
  const errors = result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
  if (result.exitCode !== 0 || errors.length)
    throw new Error(
      `${rules.name} on ${job}: the action ended ${result.exitCode ?? 'by timeout'}: ${errors.join('; ') || result.stderr.slice(-500)}`,
    );
  const report = JSON.parse(result.outputs.report ?? '{}') as {
    backtest?: {
      deploys: {
        verdict: Replayed['verdict'];
        'after-seconds': number | null;
        trigger: string | null;
      }[];
    };
  };
  const replayed = report.backtest?.deploys ?? [];
  if (replayed.length !== deploys.length)
    throw new Error(
      `${rules.name} on ${job}: ${replayed.length} deploys replayed, ${deploys.length} given`,
    );
  return replayed.map((d) => ({
    verdict: d.verdict,
    after: d['after-seconds'],
    trigger: d.trigger,
  }));
}

/** Runs `tasks` at most `parallel` at a time, in order of the results. */
async function pool<T>(tasks: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

/**
 * CPU seconds of this process's finished children (the action runs), from /proc: with
 * Prometheus's own, what the replay costs on a machine with nothing else to do.
 */
async function childrenCpu(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8').catch(() => '');
  // Fields after the command (which may hold spaces): cutime and cstime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) / 100;
}

/** Queries Prometheus answered and the CPU it spent, from its own metrics. */
async function prometheusLoad(url: string): Promise<{ queries: number; cpu: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const sum = (pattern: RegExp) =>
    [...text.matchAll(pattern)].reduce((a, m) => a + Number(m[1] ?? 0), 0);
  return {
    queries: sum(
      /^prometheus_http_requests_total\{code="\d+",handler="\/api\/v1\/query(?:_range)?"\} (\S+)$/gm,
    ),
    cpu: sum(/^process_cpu_seconds_total (\S+)$/gm),
  };
}

interface Row {
  family: Family;
  deploys: number;
  falseRollbacks: number;
  detected: number;
  inconclusive: number;
  /** Seconds from onset to the decision, of the detected regressions. */
  times: number[];
  early: number;
  triggers: Map<string, number>;
  /** Of the regressions of the error ratio alone: the fewest seconds any test could take. */
  bounds: number[];
}

/** The families judged on the error ratio alone, whose information bound is computed. */
const BOUNDED: readonly Family[] = ['error ratio ×3', 'slow leak'];

/** The preset's settle and its sequential tests' error probabilities. */
const SETTLE_SECONDS = (parseDuration(PRESET_SETTLE) ?? 0) / 1000;
const { alpha: ALPHA, beta: BETA } = sprtOptions(0.05);

export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: a value that was measured, not an interpolation between two.
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

function tally(deploys: Deploy[], replayed: Replayed[]): Map<Family, Row> {
  const rows = new Map<Family, Row>();
  for (const family of [...HEALTHY, ...REGRESSED])
    rows.set(family, {
      family,
      deploys: 0,
      falseRollbacks: 0,
      detected: 0,
      inconclusive: 0,
      times: [],
      early: 0,
      triggers: new Map(),
      bounds: [],
    });
  deploys.forEach((d, i) => {
    const r = replayed[i];
    const row = rows.get(d.plan.family);
    if (!r || !row) return;
    row.deploys++;
    const bound = BOUNDED.includes(d.plan.family)
      ? informationBound(d.plan, { settleSeconds: SETTLE_SECONDS, alpha: ALPHA, beta: BETA })
      : undefined;
    if (bound !== undefined) row.bounds.push(bound);
    if (r.verdict === 'inconclusive') row.inconclusive++;
    if (r.verdict !== 'would roll back') return;
    if (r.trigger) row.triggers.set(r.trigger, (row.triggers.get(r.trigger) ?? 0) + 1);
    if (!d.plan.regressed) {
      row.falseRollbacks++;
      return;
    }
    row.detected++;
    const seconds = (r.after ?? 0) - (d.plan.onset ?? 0);
    if (seconds < 0) row.early++;
    row.times.push(seconds);
  });
  return rows;
}

const secs = (s: number | undefined): string => (s === undefined ? '–' : `${s} s`);
const triggers = (row: Row): string =>
  [...row.triggers.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n}`)
    .join(', ') || '–';

function table(rows: Map<Family, Row>): string {
  const lines = [
    '| family | deploys | false rollbacks | detected | median to detect | p90 to detect | inconclusive | decided by |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows.values()) {
    if (row.deploys === 0) continue;
    const regressed = (REGRESSED as readonly string[]).includes(row.family);
    lines.push(
      `| ${row.family}${regressed ? ' (regressed)' : ''} | ${row.deploys} | ${regressed ? '–' : row.falseRollbacks} | ${regressed ? `${row.detected}${row.early ? ` (${row.early} before onset)` : ''}` : '–'} | ${regressed ? secs(quantile(row.times, 0.5)) : '–'} | ${regressed ? secs(quantile(row.times, 0.9)) : '–'} | ${row.inconclusive} | ${triggers(row)} |`,
    );
  }
  return lines.join('\n');
}

/** One line a rule set: the figures a reader compares first. */
function summary(sets: readonly { name: string; rows: Map<Family, Row> }[]): string {
  const lines = [
    '| rule set | false rollbacks | regressions caught | caught before onset | median to detect | p90 to detect | healthy inconclusive |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const set of sets) {
    const t = totals(set.rows);
    const early = [...set.rows.values()].reduce((a, r) => a + r.early, 0);
    lines.push(
      `| ${set.name} | ${t.falseRollbacks} of ${t.healthy} | ${t.detected} of ${t.regressed} | ${early} | ${secs(quantile(t.times, 0.5))} | ${secs(quantile(t.times, 0.9))} | ${t.healthyInconclusive} of ${t.healthy} |`,
    );
  }
  return lines.join('\n');
}

interface Totals {
  healthy: number;
  regressed: number;
  falseRollbacks: number;
  detected: number;
  healthyInconclusive: number;
  times: number[];
}

function totals(rows: Map<Family, Row>): Totals {
  const all = [...rows.values()];
  const healthy = all.filter((r) => (HEALTHY as readonly string[]).includes(r.family));
  const regressed = all.filter((r) => (REGRESSED as readonly string[]).includes(r.family));
  const sum = (list: Row[], f: (r: Row) => number) => list.reduce((a, r) => a + f(r), 0);
  return {
    healthy: sum(healthy, (r) => r.deploys),
    regressed: sum(regressed, (r) => r.deploys),
    falseRollbacks: sum(healthy, (r) => r.falseRollbacks),
    detected: sum(regressed, (r) => r.detected),
    healthyInconclusive: sum(healthy, (r) => r.inconclusive),
    times: regressed.flatMap((r) => r.times),
  };
}

const verdict = (met: boolean, missedBy: string): string => (met ? 'met' : `missed by ${missedBy}`);

/** The goals of issue 14 for the runbook preset, each met or missed by how much. */
function goals(
  preset: Map<Family, Row>,
  others: { name: string; rows: Map<Family, Row> }[],
  severe: { seconds: number; readable: number }[],
): string[] {
  const t = totals(preset);
  const lines: string[] = [];
  const allowed = Math.round((t.healthy * 1) / 240);
  lines.push(
    `- At most ${allowed} false rollback in ${t.healthy} healthy deploys: ${t.falseRollbacks} — ${verdict(t.falseRollbacks <= allowed, `${t.falseRollbacks - allowed}`)}.`,
  );
  lines.push(
    `- All ${t.regressed} regressions caught: ${t.detected} — ${verdict(t.detected === t.regressed, `${t.regressed - t.detected}`)}.`,
  );
  for (const row of preset.values()) {
    if (!(REGRESSED as readonly string[]).includes(row.family) || row.deploys === 0) continue;
    const median = quantile(row.times, 0.5);
    const bound = quantile(row.bounds, 0.5);
    const why =
      bound === undefined
        ? ''
        : ` Its information bound: a sequential test with a false-alarm probability of ${ALPHA} decides, on average, once the requests since the onset (and after the ${SETTLE_SECONDS} s settle) carry ln((1-β)/α) of information against 5 % (each request its Kullback-Leibler divergence from 5 %); at each deploy's traffic and ratio that takes a median ${bound.toFixed(0)} s over these deploys (\`informationBound\` in bench/traces.ts).`;
    lines.push(
      `- ${row.family}: median time to detect at most 60 s: ${secs(median)} — ${median === undefined ? 'missed (nothing detected)' : verdict(median <= 60, `${median - 60} s`)}.${why}`,
    );
  }
  const severeMedian = quantile(
    severe.map((s) => s.seconds),
    0.5,
  );
  const readable = quantile(
    severe.map((s) => s.readable),
    0.5,
  );
  lines.push(
    `- An error ratio of 20-30 % (the ${severe.length} detected deploys of 'delayed onset' and of 'error ratio ×30' at 20 % or more) detected within a median 15 s of its onset: ${secs(severeMedian)} — ${severeMedian === undefined ? 'missed (nothing detected)' : verdict(severeMedian <= 15, `${severeMedian - 15} s`)}. The data allow no less than a median ${secs(readable)}: a sample every ${SCRAPE_SECONDS} s read by a poll every ${POLL} s, the first poll that can read a sample taken after the onset comes that long after it (\`firstReadable\` in bench/traces.ts); live, with 1 s scrapes, see the detection section.`,
  );
  const inconclusiveAllowed = Math.floor(t.healthy * 0.05);
  lines.push(
    `- At most 5 % of healthy deploys inconclusive (${inconclusiveAllowed} of ${t.healthy}): ${t.healthyInconclusive} — ${verdict(t.healthyInconclusive <= inconclusiveAllowed, `${t.healthyInconclusive - inconclusiveAllowed}`)}.`,
  );
  for (const other of others) {
    const o = totals(other.rows);
    const fewer = t.falseRollbacks < o.falseRollbacks;
    const detects = t.detected >= o.detected;
    lines.push(
      `- Better than the ${other.name} (fewer false rollbacks, ${t.falseRollbacks} against ${o.falseRollbacks}, at equal or better detection, ${t.detected} against ${o.detected}): ${verdict(
        fewer && detects,
        [
          fewer ? '' : `${t.falseRollbacks - o.falseRollbacks + 1} false rollback(s)`,
          detects ? '' : `${o.detected - t.detected} detection(s)`,
        ]
          .filter(Boolean)
          .join(' and '),
      )}.`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const began = performance.now();
  const loadBefore = os.loadavg()[0] ?? 0;
  const dist = path.join(ROOT, 'dist', 'index.js');
  if (!existsSync(dist)) throw new Error(`${dist} is missing: build it first (npm run build)`);
  const hour = 3600;
  // The traces end at least two hours ago: promtool's blocks stay clear of the head block.
  const slots = Math.ceil(TOTAL / SERIES);
  const start = Math.floor(Date.now() / 1000 / hour) * hour - slots * SEGMENT_SECONDS - 3 * hour;
  const { deploys, text, samples } = backfill(start);
  const generated = performance.now();
  console.log(
    `seed ${SEED}: ${deploys.length} deploys on ${Math.min(SERIES, deploys.length)} jobs, ${samples} samples (${(text.length / 2 ** 20).toFixed(0)} MiB of OpenMetrics) in ${((generated - began) / 1000).toFixed(1)} s`,
  );
  const prometheus = await Prometheus.start({
    targets: [],
    backfill: text,
    startTimeoutMs: 120_000,
  });
  const loaded = performance.now();
  // promtool ran as a child too: its CPU is not the replay's.
  const promtoolCpu = await childrenCpu();
  console.log(`backfilled and started Prometheus in ${((loaded - generated) / 1000).toFixed(1)} s`);
  try {
    const only = (process.env.BENCH_RULES ?? '').split(',').filter(Boolean);
    const sets = (await ruleSets()).filter((r, i) => !only.length || only.includes(String(i)));
    const jobs = [...new Set(deploys.map((d) => d.job))];
    const tasks = sets.flatMap((rules) =>
      jobs.map((job) => async () => {
        const mine = deploys.filter((d) => d.job === job);
        const t0 = performance.now();
        const replayed = await replayJob(rules, job, mine, prometheus.url);
        console.log(
          `${rules.name}, ${job}: ${mine.length} deploys in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
        return { rules: rules.name, deploys: mine, replayed };
      }),
    );
    const done = await pool(tasks, PARALLEL);
    const replayedAt = performance.now();
    const served = await prometheusLoad(prometheus.url);
    const actionCpu = (await childrenCpu()) - promtoolCpu;
    console.log(
      `replayed in ${((replayedAt - loaded) / 1000).toFixed(1)} s; Prometheus answered ${served.queries} queries with ${served.cpu.toFixed(1)} s of CPU`,
    );
    const bySet = sets.map((rules) => {
      const runs = done.filter((r) => r.rules === rules.name);
      return {
        name: rules.name,
        rows: tally(
          runs.flatMap((r) => r.deploys),
          runs.flatMap((r) => r.replayed),
        ),
      };
    });
    // Severe error ratios: the step families whose ratio after onset is 20 % or more.
    const presetRuns = done.filter((r) => r.rules === 'runbook preset');
    // The preset's wrong answers, on the console, for whoever is tuning it.
    for (const r of presetRuns)
      r.deploys.forEach((d, i) => {
        const got = r.replayed[i]?.verdict;
        if (d.plan.regressed ? got !== 'would roll back' : got === 'would roll back')
          console.log(
            `runbook preset wrong: ${d.plan.family} ${JSON.stringify(d.plan.params)} → ${got} (${r.replayed[i]?.trigger ?? '–'})`,
          );
      });
    const severe = presetRuns.flatMap((r) =>
      r.deploys.flatMap((d, i) => {
        const replayed = r.replayed[i];
        const to = d.plan.params.to ?? 0;
        const step = ['delayed onset', 'error ratio ×30'].includes(d.plan.family);
        if (!step || to < 0.2 || replayed?.verdict !== 'would roll back') return [];
        const onset = d.plan.onset ?? 0;
        return [{ seconds: (replayed.after ?? 0) - onset, readable: firstReadable(onset, POLL) }];
      }),
    );
    const [preset, ...others] = bySet;
    if (!preset) throw new Error('no rule sets');
    const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
    const elapsed = performance.now() - began;
    const load = `${loadBefore.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end`;
    const markdown = [
      `## Decision quality: ${deploys.length} deploys of known truth, four rule sets`,
      '',
      `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}.`,
      '',
      `How: \`npm run bench\` (or \`node_modules/.bin/node node_modules/tsx/dist/cli.mjs bench/decision.ts\`), seed ${SEED}. ` +
        `bench/traces.ts generated ${deploys.length} deploys (${totals(preset.rows).healthy} healthy, ${totals(preset.rows).regressed} regressed) ` +
        `as request counters by \`code\` and a latency histogram with the client libraries' default buckets (0.005 … 10 s), in two regions, ` +
        `drawing every request (count per 5 s Poisson, error Bernoulli, duration log-normal); samples every 15 s. ` +
        `promtool backfilled the ${samples} samples into the real Prometheus (${seconds(loaded - generated)}), ` +
        `and the bundled action replayed each deploy through \`mode: backtest\` (\`window: ${WINDOW}\`, \`interval: ${INTERVAL}\`, baseline: the 10 minutes before) ` +
        `under each rule set: ${deploys.length} deploys on ${jobs.length} jobs, one action run per job and rule set, ${PARALLEL} at once: ${seconds(replayedAt - loaded)} to replay, Prometheus answering ${served.queries} queries with ${served.cpu.toFixed(0)} s of CPU and the action runs using ${actionCpu.toFixed(0)} s of CPU; ${seconds(elapsed)} in all, ` +
        `the machine shared with other work (1-minute load average ${load}).`,
      '',
      'Truth: a healthy deploy judged `would roll back` is a false rollback; a regressed one judged so is detected, and its time to detect runs from the onset (the rollout; the delayed onset; for a slow leak, the moment it crosses the runbook 5 % threshold). Times are nearest-rank median and p90.',
      '',
      'Families (each deploy draws its own values; baseline: 10-30 requests/s over two regions, 0.2-1 % errors, p95 0.2-0.3 s, p99 1.4× p95):',
      '- healthy: steady; traffic ramp (to 3× or ⅓ over the window); very low traffic (0.4 requests/s); warm-up burst (10-30 s after the rollout of 6-12 % errors, or p95 2-3×, or both); scrape gaps (one or two of 60-120 s); counter reset (one region restarts from 0 between 1 and 12 min); errors already elevated (2.5-3.5 % and 110-130 5xx a minute before and after); noisy latency (σ 0.8, p95 0.35-0.5 s before and after).',
      '- regressed: error ratio ×3 (2-3 % → 6-9 %); error ratio ×30 (0.3-0.8 % → 9-24 %); delayed onset (20-30 % errors from 2-5 min after the rollout); slow leak (errors climbing 2-4 points a minute from the rollout); latency ×3 (p95 → 0.6-0.9 s: only the +50 %-over-baseline trigger can see it); latency ×7 (p95 → 1.4-2.1 s, p99 2-2.9 s); one region only (one of two regions at 20-30 % errors: 10-15 % overall).',
      '',
      'Rule sets (bench/rules/):',
      "- **runbook preset**: `preset: runbook` with the job's selector, as the action defines it (src/policy/presets.ts).",
      '- **plain runbook rule**: error rate > 5 % for 5m, p95 > 1 s for 10m, p99 > 2 s for 10m, 5xx > 100 a minute; plain thresholds held for their duration (`fast-fail: false`), no baseline (`runbook-plain.yml`).',
      "- **Flagger-style**: a Canary (`flagger-canary.yaml`) imported with Flagger's documented defaults: `request-success-rate` min 99 (%), `request-duration` (p99) max 500 (ms), metric interval 1m, `analysis.threshold: 5` (rolled back at the 5th failed check; a check is a 10 s poll here, not Flagger's 1m), via MetricTemplates on the application's metrics.",
      '- **Argo-Rollouts-style**: the documented `success-rate` AnalysisTemplate (`argo-analysis.yaml`): `successCondition: result[0] >= 0.95`, `failureLimit: 3`, `sum(irate(...[5m]))` ratio; measured every 10 s poll instead of its 5m interval. The documented template has no latency metric.',
      '',
      '### Summary',
      '',
      'All families together (times over the detected regressions, from their onset; a detection before the onset is a rollback of a release that was still healthy).',
      '',
      summary(bySet),
      '',
      ...bySet.flatMap((s) => [`### ${s.name}`, '', table(s.rows), '']),
      '### Goals (`preset: runbook`, 10 s poll)',
      '',
      ...goals(preset.rows, others, severe),
      `- The whole decision benchmark within about 8 minutes (480 s): ${seconds(elapsed)} — ${verdict(elapsed <= 480_000, seconds(elapsed - 480_000))}, on this machine shared with other work; ` +
        `the replay's own cost was ${(actionCpu + served.cpu).toFixed(0)} s of CPU (action runs and Prometheus), about ${((actionCpu + served.cpu) / os.cpus().length / 60).toFixed(1)} minutes of its ${os.cpus().length} cores.`,
    ].join('\n');
    await writeSection('decision', markdown);
    console.log(markdown);
  } finally {
    await prometheus.stop();
  }
}

await main();
