/**
 * `npm run bench` (section `detect`): how fast the guard's watch catches a regression live.
 * The lab's demo service takes 50 requests/s, the real Prometheus scrapes it every second,
 * and a bad release rolls out: 25 % of requests answered with a 5xx (`2.0-bad`), or every
 * request taking 1.2 s (`2.0-slow`). The action's own watch engine (in this process, on the
 * system clock, polling every second) runs from the moment the rollout completes, with the
 * runbook preset and, for the errors, the 5 % error-rate trigger alone (`for: 5m`, with its
 * sequential test). Goals: a 25 % error ratio in under 15 s, the latency regression in under
 * 60 s (the preset settles 30 s first), where the plain rules cannot fail before 300 s and
 * 600 s.
 */
import { performance } from 'node:perf_hooks';
import { watchedTriggers } from '../src/analysis/rules.js';
import { watch } from '../src/analysis/watch.js';
import { systemClock } from '../src/clock.js';
import { metricSources } from '../src/metrics/sources.js';
import type { Policy } from '../src/policy/types.js';
import { LoadGenerator } from '../lab/demo-app/load.js';
import { imageOf, settled } from '../lab/kube-sim/fixtures.js';
import { LAB_DEPLOYMENT, LAB_NAMESPACE, startLab } from '../lab/lab.js';
import { machine, writeSection } from './report.js';
import { plural } from '../src/text.js';

const TRIALS = Number(process.env.BENCH_TRIALS ?? 3);
const SELECTOR = 'job="shop-api"';
/** The regressions rolled out, by image, each with the policies that judge it. */
const REGRESSIONS: {
  image: string;
  what: string;
  goalSeconds: number;
  plain: string;
  policies: string[];
}[] = [
  {
    image: 'shop/api:2.0-bad',
    what: '25 % of requests answered 5xx',
    goalSeconds: 15,
    plain: 'error rate > 5 % for 5m: ≥ 300 s',
    policies: ['runbook preset', 'error-rate > 5 % for 5m alone'],
  },
  {
    image: 'shop/api:2.0-slow',
    what: 'every request 1.2 s (p95 above 1 s)',
    goalSeconds: 60,
    plain: 'p95 > 1 s for 10m: ≥ 600 s',
    policies: ['runbook preset'],
  },
];
const POLICIES: Record<string, Policy> = {
  'runbook preset': { preset: 'runbook', metrics: { selector: SELECTOR } },
  'error-rate > 5 % for 5m alone': {
    triggers: [
      {
        name: 'error-rate',
        ratio: {
          errors: `http_requests_total{${SELECTOR},code=~"5.."}`,
          total: `http_requests_total{${SELECTOR}}`,
        },
        above: 0.05,
        for: '5m',
      },
    ],
  },
};

interface Detection {
  seconds: number;
  trigger: string;
  severity: string;
}

type Runs = Record<string, Detection>[];

/** One regression in a fresh lab: healthy traffic first, then the bad image rolled out. */
async function trial(regression: (typeof REGRESSIONS)[number]): Promise<Record<string, Detection>> {
  const lab = await startLab({
    contexts: ['eu-west'],
    prometheus: 'required',
    podReadyDelayMs: 200,
  });
  const load = new LoadGenerator({
    url: `${lab.app.url}/`,
    ratePerSecond: 50,
    durationMs: 150_000,
  });
  try {
    const sim = lab.sims['eu-west'];
    const prometheus = lab.prometheus;
    if (!sim || !prometheus) throw new Error('the lab needs eu-west and Prometheus');
    const rolledOut = (image: string) =>
      sim.waitFor(
        'Deployment',
        LAB_NAMESPACE,
        LAB_DEPLOYMENT,
        (o) => settled(o) && imageOf(o) === image,
        30_000,
      );
    lab.deploy('shop/api:1.0');
    await rolledOut('shop/api:1.0');
    load.start();
    // Healthy traffic in Prometheus first, so the bad release is judged against real history.
    await prometheus.waitFor(
      `sum(increase(http_requests_total{${SELECTOR}}[10s]))`,
      (s) => Number(s[0]?.value?.[1] ?? 0) > 300,
    );
    lab.deploy(regression.image);
    await rolledOut(regression.image);
    const since = Date.now();
    const started = performance.now();
    const results = await Promise.all(
      regression.policies.map(async (name) => {
        const policy = POLICIES[name] ?? {};
        const sources = metricSources(
          watchedTriggers(policy),
          { prometheus: { url: prometheus.url }, scrape: undefined, prometheusFrom: 'bench' },
          { policyFile: undefined },
        );
        const result = await watch(sources, {
          clock: systemClock,
          since,
          windowMs: 90_000,
          intervalMs: 1_000,
        });
        const first = result.judgement.failing[0];
        return [
          name,
          {
            seconds: first ? (performance.now() - started) / 1000 : Number.POSITIVE_INFINITY,
            trigger: first
              ? `${first.name}${first.fastFailed ? ' (sequential test)' : ''}`
              : 'none',
            severity: result.judgement.severity ?? '-',
          },
        ] as const;
      }),
    );
    return Object.fromEntries(results);
  } finally {
    load.stop();
    await lab.stop();
  }
}

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
const rows: string[] = [];
const verdicts: string[] = [];
for (const regression of REGRESSIONS) {
  const runs: Runs = [];
  for (let i = 0; i < TRIALS; i++) {
    runs.push(await trial(regression));
    process.stdout.write(`${regression.image}: trial ${i + 1}/${TRIALS} done\n`);
  }
  let worst = 0;
  for (const name of regression.policies) {
    const seconds = sorted(runs.map((r) => r[name]?.seconds ?? Number.POSITIVE_INFINITY));
    const median = seconds[Math.floor(seconds.length / 2)] ?? Number.NaN;
    const max = seconds.at(-1) ?? Number.NaN;
    if (name === 'runbook preset') worst = max;
    const triggers = [...new Set(runs.map((r) => r[name]?.trigger ?? '?'))].join(', ');
    // How often each severity was given, e.g. "P0 3/3": a 25 % error ratio is P0 in the runbooks.
    const counts = runs.map((r) => r[name]?.severity ?? '?');
    const severities = [...new Set(counts)]
      .sort()
      .map((sev) => `${sev} ${counts.filter((c) => c === sev).length}/${runs.length}`)
      .join(' ');
    rows.push(
      `| ${regression.what} | ${name} | ${median.toFixed(1)} | ${max.toFixed(1)} | ${severities} | ${triggers} |`,
    );
  }
  rows.push(`| ${regression.what} | the plain rule | ${regression.plain} | | | by construction |`);
  verdicts.push(
    `- ${regression.what}: under ${regression.goalSeconds} s with \`preset: runbook\`: ${worst < regression.goalSeconds ? `**met** (worst ${worst.toFixed(1)} s)` : `**missed** by ${(worst - regression.goalSeconds).toFixed(1)} s (worst ${worst.toFixed(1)} s)`}`,
  );
}

const section = [
  '## Detection, live',
  '',
  `${machine()}; ${new Date().toISOString().slice(0, 10)}. \`bench/detect.ts\`: the lab's demo service under 50 requests/s, the real Prometheus scraping it every second, a poll every second from the moment the bad release's rollout completes; ${plural(TRIALS, 'trial')} per regression, each in a fresh lab (\`BENCH_TRIALS\` changes it). Seconds from the rollout's completion to the failing verdict.`,
  '',
  '| regression | policy | median s | worst s | severity | first trigger |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  'Goals:',
  '',
  ...verdicts,
].join('\n');
console.log(section);
await writeSection('detect', section);
