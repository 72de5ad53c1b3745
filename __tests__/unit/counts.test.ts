/**
 * Judging on counts: latency quantiles as a share of slow requests (histogram buckets), count
 * rates as a Poisson rate against the threshold or the rate before the deploy, the settle
 * period after a rollout, and a quiet service judged on the whole window at its end.
 */
import { boundaryFor, slowRequests, testCounts } from '../../src/analysis/counts.js';
import { watchedTriggers } from '../../src/analysis/rules.js';
import { poissonSprt, sprt, sprtMixture, wilsonUpper } from '../../src/analysis/sequential.js';
import {
  evaluateTrigger,
  type Bucket,
  type Observation,
  type TriggerRule,
} from '../../src/analysis/triggers.js';
import { judge } from '../../src/analysis/verdict.js';
import { bucketCounts } from '../../src/metrics/prometheus-answer.js';
import { eventCountOf, histogramQuantileOf } from '../../src/metrics/promql.js';

const S = 1000;
const LES = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, Infinity];

/** Cumulative buckets for `total` requests of which `slowAbove[le]` took longer than le. */
function buckets(total: number, slowAbove: Record<number, number>): Bucket[] {
  return LES.map((le) => ({ le, count: total - (slowAbove[le] ?? 0) }));
}

describe('slow requests from buckets', () => {
  test.each<[string, number, number | undefined]>([
    ['a threshold on a boundary is that boundary', 1, 1],
    ['between boundaries, the next one up (never down)', 0.8, 1],
    ['just below a boundary', 0.4999, 0.5],
    ['floating point noise on a boundary', 0.1 + 0.2 - 0.05, 0.25],
    ['above every finite boundary: none', 6, undefined],
  ])('boundaryFor: %s', (_name, threshold, expected) => {
    expect(boundaryFor(buckets(100, {}), threshold)).toBe(expected);
  });

  test.each<[string, Bucket[], number, { slow: number; total: number } | undefined]>([
    ['slow above 1 s', buckets(1000, { 1: 70, 2.5: 10 }), 1, { slow: 70, total: 1000 }],
    ['nothing slow', buckets(50, {}), 0.5, { slow: 0, total: 50 }],
    ['no +Inf bucket', [{ le: 1, count: 5 }], 1, undefined],
    ['no such boundary', buckets(10, {}), 0.75, undefined],
  ])('slowRequests: %s', (_name, given, boundary, expected) => {
    expect(slowRequests(given, boundary)).toEqual(expected);
  });

  test.each<[string, { labels: Record<string, string>; value: number }[], Bucket[] | undefined]>([
    [
      'Prometheus 3 spellings, unsorted',
      [
        { labels: { le: '+Inf' }, value: 10 },
        { labels: { le: '0.5' }, value: 7 },
        { labels: { le: '1.0' }, value: 9 },
      ],
      [
        { le: 0.5, count: 7 },
        { le: 1, count: 9 },
        { le: Infinity, count: 10 },
      ],
    ],
    ['no +Inf: not a histogram', [{ labels: { le: '1' }, value: 3 }], undefined],
    ['no le label', [{ labels: {}, value: 3 }], undefined],
  ])('bucketCounts: %s', (_name, series, expected) => {
    expect(bucketCounts(series)).toEqual(expected);
  });
});

const RATIO_RULE: TriggerRule = {
  name: 'error-rate',
  severity: 'P1',
  above: 0.05,
  noData: 'hold',
};

describe('sequential tests on counts', () => {
  test.each<[string, number, number, 'fail' | 'continue']>([
    ['250 a minute against 100: fails in a minute', 250, 60, 'fail'],
    ['150 a minute for a minute: not yet sure', 150, 60, 'continue'],
    ['150 a minute for ten minutes: sure', 1500, 600, 'fail'],
    ['at the threshold for an hour: never', 6000, 3600, 'continue'],
    ['nothing counted yet', 0, 0, 'continue'],
  ])('poissonSprt: %s', (_name, count, seconds, decision) => {
    expect(poissonSprt(count, seconds, 100 / 60, 200 / 60).decision).toBe(decision);
  });

  // A ratio just above its threshold: only a near alternative favours it. Against 7.5 % alone
  // (1.5 × 5 %) 6.2 % drifts the wrong way and is never proven; the mixture proves it.
  test.each<[string, number, number, 'fail' | 'continue', 'fail' | 'continue']>([
    ['6.2 % of 10000 against 5 %', 620, 10000, 'fail', 'continue'],
    ['6 % of 2000: not yet sure', 120, 2000, 'continue', 'continue'],
    ['exactly 5 % of 50000: never', 2500, 50000, 'continue', 'continue'],
    ['3 % of 50000 (errors already there): never', 1500, 50000, 'continue', 'continue'],
    ['15 % of 300: at once', 45, 300, 'fail', 'fail'],
    ['nothing counted', 0, 0, 'continue', 'continue'],
  ])('sprtMixture: %s', (_name, errors, total, mixture, alone) => {
    const options = { p0: 0.05, alpha: 0.001, beta: 0.01 };
    expect(
      sprtMixture(errors, total, { ...options, alternatives: [0.0625, 0.075, 0.1] }).decision,
    ).toBe(mixture);
    expect(sprt(errors, total, { ...options, p1: 0.075 }).decision).toBe(alone);
  });

  test('the mixture is one test: its bound is not raised for the number of alternatives', () => {
    const one = sprtMixture(60, 300, {
      p0: 0.05,
      alpha: 0.001,
      beta: 0.01,
      alternatives: [0.1],
    });
    expect(one).toEqual(sprt(60, 300, { p0: 0.05, p1: 0.1, alpha: 0.001, beta: 0.01 }));
    expect(sprtMixture(60, 300, { p0: 0.05, alpha: 0.001, beta: 0.01, alternatives: [] })).toEqual({
      llr: 0,
      upper: one.upper,
      decision: 'continue',
    });
  });

  test.each<[string, Parameters<typeof testCounts>[0]['fastFail'], number, number, string]>([
    ['the mixture by default', {}, 620, 10000, 'fail'],
    ['a policy that names p1 gets that one test', { p1: 0.075 }, 620, 10000, 'continue'],
    ['a larger alpha decides sooner', { alpha: 0.05 }, 130, 2000, 'fail'],
  ])('testCounts: %s', (_name, fastFail, bad, total, decision) => {
    const rule = { ...RATIO_RULE, fastFail };
    expect(testCounts(rule, { kind: 'ratio', bad, total, p0: 0.05 }).decision).toBe(decision);
  });

  test.each<[number, number, [number, number] | undefined]>([
    [2, 360, [0.02, 0.04]],
    [0, 20, [0.3, 0.4]],
    [360, 360, [1, 1]],
    [0, 0, undefined],
  ])('wilsonUpper(%d, %d)', (errors, total, range) => {
    const upper = wilsonUpper(errors, total);
    if (range === undefined) expect(upper).toBeUndefined();
    else {
      expect(upper).toBeGreaterThanOrEqual(range[0]);
      expect(upper).toBeLessThanOrEqual(range[1]);
    }
  });
});

const P95: TriggerRule = {
  name: 'p95-latency',
  severity: 'P1',
  above: 1,
  forMs: 600 * S,
  quantile: 0.95,
  minRequests: 20,
  fastFail: {},
  noData: 'hold',
};
const P95_RELATIVE: TriggerRule = {
  ...P95,
  name: 'p95-vs-baseline',
  severity: 'P2',
  above: undefined,
  relativePercent: 50,
  forMs: 300 * S,
};
const COUNT: TriggerRule = {
  name: 'server-errors-per-minute',
  severity: 'P0',
  above: 100,
  perSeconds: 60,
  fastFail: {},
  noData: 'hold',
};
const RATIO: TriggerRule = {
  name: 'error-rate',
  severity: 'P1',
  above: 0.05,
  forMs: 300 * S,
  minRequests: 20,
  fastFail: {},
  noData: 'hold',
  settleMs: 30 * S,
};

/** Polls every 10 s from t=0 (the rollout) to t=seconds, each with `at(t)`'s fields. */
function polls(seconds: number, at: (t: number) => Partial<Observation>): Observation[] {
  const out: Observation[] = [];
  for (let t = 0; t <= seconds; t += 10) out.push({ at: t * S, ...at(t) });
  return out;
}

describe('evaluateTrigger on counts', () => {
  test.each<
    [
      string,
      TriggerRule,
      Observation[],
      number | undefined,
      { final?: boolean },
      'pass' | 'fail' | 'no-data',
      RegExp,
    ]
  >([
    [
      'p95 above 1 s: 12 % of requests slower than 1 s fails long before its 10m',
      P95,
      polls(20, (t) => ({ value: 1.4, buckets: buckets(t * 50, { 1: t * 6 }) })),
      undefined,
      {},
      'fail',
      /120 of 1000 requests slower than 1s: more than 5 % of requests slower than 1s beyond doubt/,
    ],
    [
      'a threshold between buckets is judged at the next boundary, and says so',
      { ...P95, above: 0.8 },
      polls(20, (t) => ({ value: 1.4, buckets: buckets(t * 50, { 1: t * 6 }) })),
      undefined,
      {},
      'fail',
      /slower than 1s, the first bucket at or above 0\.8s/,
    ],
    [
      'p95 just under the threshold: 3 % slow passes',
      P95,
      polls(60, (t) => ({ value: 0.7, buckets: buckets(t * 50, { 1: t * 1.5 }) })),
      undefined,
      {},
      'pass',
      /^0\.7 \(fails > 1 for 600s\)/,
    ],
    [
      'p95 50 % above a 0.25 s baseline: counted above 0.5 s',
      P95_RELATIVE,
      polls(20, (t) => ({ value: 0.75, buckets: buckets(t * 50, { 0.5: t * 10 }) })),
      0.25,
      {},
      'fail',
      /200 of 1000 requests slower than 0\.5s, the first bucket at or above 0\.375s/,
    ],
    [
      '250 5xx a minute: fails on the count, not on one poll',
      COUNT,
      polls(60, (t) => ({ value: 250, count: (250 * t) / 60, countSeconds: t })),
      undefined,
      {},
      'fail',
      /250 in 60s .*a rate above 100 per 60s beyond doubt/,
    ],
    [
      '90 errors in a 15-second warm-up burst are fewer than 100 in any minute',
      COUNT,
      polls(60, (t) => ({
        value: t <= 20 ? 360 : 90,
        count: Math.min(t, 15) * 6,
        countSeconds: t,
      })),
      undefined,
      {},
      'pass',
      /so far 90 in 60s/,
    ],
    [
      'a count is judged once a whole minute is counted, however high before',
      COUNT,
      polls(50, (t) => ({ value: 2000, count: (2000 * t) / 60, countSeconds: t })),
      undefined,
      {},
      'pass',
      /^2000 \(fails when the count since the rollout proves more than 100 per 60s; so far 1667 in 50s/,
    ],
    [
      'before a whole minute, 80 counted is no rate yet',
      COUNT,
      polls(50, (t) => ({ value: 96, count: (96 * t) / 60, countSeconds: t })),
      undefined,
      {},
      'pass',
      /^96 \(fails when the count since the rollout proves more than 100 per 60s; so far 80 in 50s/,
    ],
    [
      'as many as before the deploy, counted a little over it in under a minute: no proof',
      { ...COUNT, relativeToBaseline: true },
      polls(50, (t) => ({ value: 130, count: (130 * t) / 50, countSeconds: t })),
      126,
      {},
      'pass',
      /so far 130 in 50s/,
    ],
    [
      'with a for, the rate before the deploy raises the bar of every poll too',
      { ...COUNT, relativeToBaseline: true, forMs: 120 * S },
      polls(300, (t) => ({ value: 150, count: (150 * t) / 60, countSeconds: t })),
      150,
      {},
      'pass',
      /^150 \(fails > 150 for 120s\)/,
    ],
    [
      'one noisy poll above 100 decides nothing',
      COUNT,
      polls(60, (t) => ({
        value: t === 60 ? 130 : 40,
        count: (40 * t) / 60,
        countSeconds: t,
      })),
      undefined,
      {},
      'pass',
      /^130 \(fails when the count since the rollout proves more than 100 per 60s; so far 40 in 60s/,
    ],
    [
      'already 240 a minute before the deploy, and 250 now: not its cause',
      { ...COUNT, relativeToBaseline: true },
      polls(300, (t) => ({ value: 250, count: (250 * t) / 60, countSeconds: t })),
      240,
      {},
      'pass',
      /proves more than 240 \(the rate before the deploy\) per 60s; so far 1250 in 300s/,
    ],
    [
      'already 120 a minute before, 400 now: the deploy raised it',
      { ...COUNT, relativeToBaseline: true },
      polls(60, (t) => ({ value: 400, count: (400 * t) / 60, countSeconds: t })),
      120,
      {},
      'fail',
      /a rate above 120 per 60s beyond doubt/,
    ],
    [
      'a warm-up burst inside the settle period is neither a breach nor evidence',
      RATIO,
      polls(120, (t) => ({
        value: t <= 20 ? 0.12 : 0.005,
        windowTotal: 1500,
        errors: Math.round(t <= 20 ? t * 50 * 0.12 : 120 + (t - 20) * 50 * 0.005),
        total: t * 50,
      })),
      undefined,
      {},
      'pass',
      /^0\.005 \(fails > 0\.05 for 300s\)$/,
    ],
    [
      'the same burst without a settle period is proven at once',
      { ...RATIO, settleMs: undefined },
      polls(20, (t) => ({ value: 0.12, windowTotal: 1000, errors: t * 6, total: t * 50 })),
      undefined,
      {},
      'fail',
      /120 errors in 1000 requests: a ratio above 0\.05 beyond doubt/,
    ],
    [
      'while settling, the trigger says so',
      RATIO,
      polls(20, (t) => ({ value: 0.12, windowTotal: 1000, errors: t * 6, total: t * 50 })),
      undefined,
      {},
      'pass',
      /settling after the rollout, 20s of 30s$/,
    ],
    [
      'a P0 trigger does not settle: a severe regression fails at the first poll',
      { ...RATIO, name: 'error-rate-severe', severity: 'P0', above: 0.1, forMs: 60 * S },
      polls(10, (t) => ({ value: 0.25, windowTotal: 500, errors: t * 12.5, total: t * 50 })),
      undefined,
      {},
      'fail',
      /125 errors in 500 requests/,
    ],
    [
      'a regression after the settle is counted from the settle, not diluted by it',
      RATIO,
      polls(90, (t) => ({
        value: 0.2,
        windowTotal: 300,
        errors: t * 10 * 0.2,
        total: t * 10,
      })),
      undefined,
      {},
      'fail',
      /120 errors in 600 requests/,
    ],
    [
      'a regression three minutes in is judged on its own counts, not on the healthy minutes before',
      { ...RATIO, name: 'error-rate-severe', severity: 'P0', above: 0.1, forMs: 60 * S },
      polls(190, (t) => ({
        value: t > 180 ? 0.25 : 0.005,
        windowTotal: 600,
        errors: 0.1 * Math.min(t, 180) + 5 * Math.max(0, t - 180),
        total: 20 * t,
      })),
      undefined,
      {},
      'fail',
      /^50 errors in 200 requests: a ratio above 0\.1 beyond doubt/,
    ],
    [
      'a quiet service: too few requests in every poll, but the window shows it healthy',
      { ...RATIO, settleMs: undefined },
      polls(900, (t) => ({
        windowTotal: 12,
        errors: t >= 400 ? 1 : 0,
        total: Math.round(t * 0.4),
      })).map((o) => ({ ...o, value: 0 })),
      undefined,
      { final: true },
      'pass',
      /judged on the whole window: 1 error in 360 requests, a share below 0\.05 with 99\.9 % confidence/,
    ],
    [
      '5.8 % against 5 %: too close for the test or `for`, above it over the whole window',
      { ...RATIO, settleMs: undefined, forMs: 600 * S },
      polls(900, (t) => ({
        value: t % 20 ? 0.045 : 0.071,
        windowTotal: 100,
        errors: Math.round(t * 10 * 0.058),
        total: t * 10,
      })),
      undefined,
      { final: true },
      'fail',
      /^judged on the whole window: 522 errors in 9000 requests: a ratio above 0\.05 beyond doubt \(one look, 99\.9 % lower bound 0\.05\d*\)/,
    ],
    [
      'the same before the end of the window: not yet',
      { ...RATIO, settleMs: undefined, forMs: 600 * S },
      polls(900, (t) => ({
        value: t % 20 ? 0.045 : 0.071,
        windowTotal: 100,
        errors: Math.round(t * 10 * 0.058),
        total: t * 10,
      })),
      undefined,
      {},
      'pass',
      /^0\.071 \(fails > 0\.05 for 600s\); breaching, 0s of 10m$/,
    ],
    [
      'a quiet service at 4 %: not clearly below 5 %, still unjudged',
      { ...RATIO, settleMs: undefined },
      polls(900, (t) => ({
        windowTotal: 12,
        errors: Math.round(t * 0.4 * 0.04),
        total: Math.round(t * 0.4),
      })).map((o) => ({ ...o, value: 0.04 })),
      undefined,
      { final: true },
      'no-data',
      /too few to judge/,
    ],
    [
      'before the end of the window a quiet service stays unjudged',
      { ...RATIO, settleMs: undefined },
      polls(600, (t) => ({ windowTotal: 12, errors: 0, total: Math.round(t * 0.4) })).map((o) => ({
        ...o,
        value: 0,
      })),
      undefined,
      {},
      'no-data',
      /too few to judge/,
    ],
  ])('%s', (_name, rule, observations, baseline, options, status, detail) => {
    const state = evaluateTrigger(rule, observations, baseline, { since: 0, ...options });
    expect(state.detail).toMatch(detail);
    expect(state.status).toBe(status);
  });

  test('a trigger judged on the whole window is not left unjudged by its thin polls', () => {
    const state = evaluateTrigger(
      { ...RATIO, settleMs: undefined },
      polls(900, (t) => ({ value: 0, windowTotal: 12, errors: 0, total: Math.round(t * 0.4) })),
      undefined,
      { since: 0, final: true },
    );
    expect(
      judge([state], {
        windowEnded: true,
        coverage: { 'error-rate': { polls: 91, withData: 0 } },
        noDataFail: new Set(),
      }).verdict,
    ).toBe('pass');
  });
});

describe('which triggers are judged on counts', () => {
  test.each<[string, { quantile: number; buckets: string } | undefined]>([
    [
      'histogram_quantile(0.95, sum by (le) (rate(h_bucket{job="a"}[1m])))',
      { quantile: 0.95, buckets: 'h_bucket{job="a"}' },
    ],
    [
      'histogram_quantile(0.99, sum(increase(h_bucket[5m])) by (le))',
      { quantile: 0.99, buckets: 'h_bucket' },
    ],
    ['histogram_quantile(0.95, sum by (le, pod) (rate(h_bucket[1m])))', undefined],
    ['histogram_quantile(0.95, rate(h_bucket[1m]))', undefined],
    ['histogram_quantile(1, sum by (le) (rate(h_bucket[1m])))', undefined],
    ['max(h_bucket)', undefined],
  ])('histogramQuantileOf(%s)', (query, expected) => {
    expect(histogramQuantileOf(query)).toEqual(expected);
  });

  test.each<[string, { selector: string; rangeSeconds: number } | undefined]>([
    [
      'sum(increase(e{code=~"5.."}[1m])) or vector(0)',
      { selector: 'e{code=~"5.."}', rangeSeconds: 60 },
    ],
    ['sum(increase(e[2m]))', { selector: 'e', rangeSeconds: 120 }],
    ['sum by (pod) (increase(e[1m]))', undefined],
    ['sum(rate(e[1m]))', undefined],
    ['sum(increase(e[1m])) or vector(1)', undefined],
  ])('eventCountOf(%s)', (query, expected) => {
    expect(eventCountOf(query)).toEqual(expected);
  });

  test('the runbook preset judges latency on buckets and 5xx as a rate against the baseline, after a 30s settle', () => {
    const rules = Object.fromEntries(
      watchedTriggers({ preset: 'runbook', metrics: { selector: 'job="api"' } }).map((t) => [
        t.rule.name,
        t,
      ]),
    );
    expect(rules['p95-latency']?.rule).toMatchObject({
      quantile: 0.95,
      minRequests: 20,
      settleMs: 30_000,
    });
    expect(rules['p99-latency']?.query.histogram).toEqual({
      quantile: 0.99,
      buckets: 'http_request_duration_seconds_bucket{job="api"}',
    });
    expect(rules['p95-vs-baseline']?.rule.fastFail).toEqual({});
    expect(rules['server-errors-per-minute']?.rule).toMatchObject({
      perSeconds: 60,
      relativeToBaseline: true,
    });
    expect(rules['server-errors-per-minute']?.query.events).toEqual({
      selector: 'http_requests_total{job="api",code=~"5.."}',
    });
    // A policy's own settle wins; without the preset there is none unless asked for.
    expect(
      watchedTriggers({ preset: 'runbook', watch: { settle: '0s' } })[0]?.rule.settleMs,
    ).toBeUndefined();
    expect(
      watchedTriggers({
        triggers: [{ name: 'x', ratio: { errors: 'e', total: 't' }, above: 0.05 }],
      })[0]?.rule.settleMs,
    ).toBeUndefined();
  });
});

test.each<[string, Parameters<typeof watchedTriggers>[0], unknown]>([
  [
    'a scrape quantile is judged on its buckets too',
    {
      metrics: { provider: 'scrape' },
      triggers: [{ name: 'p95', query: 'histogram_quantile(0.95, h_bucket{job="a"})', above: 1 }],
    },
    { quantile: 0.95, buckets: 'h_bucket{job="a"}' },
  ],
  [
    'a quantile with a lower bound only is not a share of slow requests',
    {
      triggers: [
        {
          name: 'p95',
          query: 'histogram_quantile(0.95, sum by (le) (rate(h_bucket[1m])))',
          below: 1,
        },
      ],
    },
    undefined,
  ],
  [
    'ranges as written read the old release too: not counted since the rollout',
    {
      triggers: [
        {
          name: 'p95',
          query: 'histogram_quantile(0.95, sum by (le) (rate(h_bucket[1m])))',
          above: 1,
          range: 'as-written',
        },
      ],
    },
    undefined,
  ],
])('%s', (_name, policy, histogram) => {
  expect(watchedTriggers(policy)[0]?.query.histogram).toEqual(histogram);
});
