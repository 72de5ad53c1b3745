import {
  defaultMinRequests,
  triggersOf,
  unreachableTriggers,
  watchedTriggers,
} from '../../src/analysis/rules.js';
import type { TriggerRule } from '../../src/analysis/triggers.js';
import { runbookTriggers, withLabels } from '../../src/policy/presets.js';
import { parsePolicy } from '../../src/policy/validate.js';

describe('the runbook preset', () => {
  test.each([
    ['http_requests_total', ['job="api"'], 'http_requests_total{job="api"}'],
    [
      'http_requests_total',
      ['{job="api"}', 'code=~"5.."'],
      'http_requests_total{job="api",code=~"5.."}',
    ],
    ['up', [undefined, ''], 'up'],
  ])('withLabels(%s, %j)', (metric, matchers, expected) => {
    expect(withLabels(metric, ...matchers)).toBe(expected);
  });

  test("gives the runbooks' triggers for a selector", () => {
    const triggers = runbookTriggers('job="api"');
    expect(triggers.map((t) => [t.name, t.above ?? t.relative, t.for ?? null, t.severity])).toEqual(
      [
        ['error-rate', 0.05, '5m', 'P1'],
        ['error-rate-severe', 0.1, '1m', 'P0'],
        ['server-errors-per-minute', 100, null, 'P0'],
        ['p95-latency', 1, '10m', 'P1'],
        ['p99-latency', 2, '10m', 'P1'],
        ['p95-vs-baseline', '+50%', '5m', 'P2'],
      ],
    );
    expect(triggers[0]?.ratio).toEqual({
      errors: 'http_requests_total{job="api",code=~"5.."}',
      total: 'http_requests_total{job="api"}',
    });
    expect(triggers[3]?.query).toBe(
      'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[1m])))',
    );
  });

  test("a minimal policy is three lines, and its own triggers replace the preset's by name", () => {
    const { policy } = parsePolicy(
      'preset: runbook\nmetrics: { selector: \'job="api"\' }\ntriggers: [{ name: p99-latency, query: q, above: 5, for: 1m }]\n',
      'p.yml',
    );
    const triggers = triggersOf(policy);
    expect(triggers).toHaveLength(6);
    expect(triggers.find((t) => t.name === 'p99-latency')).toEqual({
      name: 'p99-latency',
      query: 'q',
      above: 5,
      for: '1m',
    });
  });
});

describe('watchedTriggers', () => {
  const watched = (yaml: string): ReturnType<typeof watchedTriggers> =>
    watchedTriggers(parsePolicy(yaml, 'p.yml').policy);

  test.each<[string, string, Record<string, unknown>]>([
    [
      'durations in ms, relative as a percentage',
      'triggers: [{ name: t, query: q, relative: "+50%", for: 10m }]',
      { forMs: 600_000, relativePercent: 50, fastFail: false },
    ],
    [
      "the watch's no-data and min-requests are defaults",
      'watch: { no-data: fail, min-requests: 50 }\ntriggers: [{ name: t, query: q, above: 1 }]',
      { noData: 'fail', minRequests: 50 },
    ],
    [
      "a trigger's own no-data wins",
      'watch: { no-data: fail }\ntriggers: [{ name: t, query: q, above: 1, no-data: rollback }]',
      { noData: 'rollback' },
    ],
    [
      'ratios get the sequential test by default',
      'triggers: [{ name: t, ratio: { errors: e, total: t }, above: 0.05 }]',
      { fastFail: {} },
    ],
    [
      'unless it is turned off',
      'triggers: [{ name: t, ratio: { errors: e, total: t }, above: 0.05, fast-fail: false }]',
      { fastFail: false },
    ],
    [
      'a ratio needs, by default, enough requests that one error alone cannot breach it',
      'triggers: [{ name: t, ratio: { errors: e, total: t }, above: 0.05 }]',
      { minRequests: 20 },
    ],
    [
      'min-requests: 0 turns that off',
      'triggers: [{ name: t, ratio: { errors: e, total: t }, above: 0.05, min-requests: 0 }]',
      { minRequests: 0 },
    ],
    [
      "the watch's min-requests wins over the derived one",
      'watch: { min-requests: 5 }\ntriggers: [{ name: t, ratio: { errors: e, total: t }, above: 0.05 }]',
      { minRequests: 5 },
    ],
    [
      'a plain query has no request count, so no default',
      'triggers: [{ name: t, query: q, above: 0.05 }]',
      { minRequests: undefined },
    ],
    [
      'severity defaults to P1',
      'triggers: [{ name: t, query: q, above: 1 }]',
      { severity: 'P1', noData: 'hold' },
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(watched(yaml)[0]?.rule).toMatchObject(expected);
  });

  test('a health trigger fails on a failed probe (value 1), after its consecutive count', () => {
    const [health] = watched(
      'triggers: [{ name: health, provider: health, url: "https://shop.example/healthz", consecutive: 3, expect-status: 204 }]',
    );
    expect(health).toMatchObject({
      provider: 'health',
      url: 'https://shop.example/healthz',
      expectStatus: 204,
      rule: { above: 0, consecutive: 3 },
    });
  });

  test('the metrics provider is the default for every trigger', () => {
    const triggers = watched(
      'metrics: { provider: scrape }\ntriggers: [{ name: a, query: q, above: 1 }, { name: b, provider: http-json, url: "http://x/y", json-path: $.v, above: 2 }]',
    );
    expect(triggers.map((t) => t.provider)).toEqual(['scrape', 'http-json']);
    expect(triggers[1]).toMatchObject({ jsonPath: '$.v' });
  });
});

describe('defaultMinRequests', () => {
  test.each<[number, number | undefined]>([
    [0.05, 20],
    [0.1, 10],
    [0.01, 100],
    [0.03, 34],
    [0.5, 2],
    [0, undefined],
    [1, undefined],
    [100, undefined],
  ])('threshold %d: %s', (threshold, expected) => {
    expect(defaultMinRequests(threshold)).toBe(expected);
  });
});

describe('unreachableTriggers', () => {
  const rule = (r: Partial<TriggerRule>): TriggerRule => ({
    name: 't',
    severity: 'P1',
    noData: 'hold',
    ...r,
  });
  test.each<[string, Partial<TriggerRule>, number, number, string[]]>([
    ['a for that fits', { forMs: 300_000 }, 600_000, 30_000, []],
    [
      'a for longer than the window',
      { forMs: 600_000 },
      300_000,
      30_000,
      ["trigger 't' must breach for 10m but the window is 5m: it cannot fail"],
    ],
    [
      'a ratio with its sequential test still has a way',
      { forMs: 600_000, fastFail: {} },
      300_000,
      30_000,
      [
        "trigger 't' must breach for 10m but the window is 5m: only its sequential test can fail it",
      ],
    ],
    ['consecutive that fits (polls at 0, 30 and 60 s)', { consecutive: 3 }, 60_000, 30_000, []],
    [
      'consecutive that cannot',
      { consecutive: 4 },
      60_000,
      30_000,
      ["trigger 't' needs 4 failing polls in a row but the window holds 3: it cannot fail"],
    ],
    ['no duration at all', {}, 1_000, 1_000, []],
  ])('%s', (_name, r, windowMs, intervalMs, expected) => {
    expect(unreachableTriggers([rule(r)], windowMs, intervalMs)).toEqual(expected);
  });
});
