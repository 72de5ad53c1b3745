import { rolloutTrigger, type RolloutOutcome } from '../../src/analysis/rollout.js';
import { unjudgedBecause } from '../../src/analysis/verdict.js';
import type { TriggerState } from '../../src/analysis/triggers.js';
import { median } from '../../src/metrics/provider.js';
import {
  describeBaseline,
  evidenceRows,
  formatValue,
  sparkline,
} from '../../src/report/evidence.js';
import { formatTimestamp, parseTimestamp } from '../../src/time.js';

describe('sparkline', () => {
  test.each<[string, (number | undefined)[], number, string]>([
    ['empty', [], 10, ''],
    ['rising', [0, 1, 2, 3, 4, 5, 6, 7], 10, '▁▂▃▄▅▆▇█'],
    ['flat zero', [0, 0, 0], 10, '▁▁▁'],
    ['flat non-zero', [0.2, 0.2], 10, '▄▄'],
    ['gaps are dots', [0, undefined, 7], 10, '▁·█'],
    ['all missing', [undefined, undefined], 10, '··'],
    ['a spike survives grouping (max per group)', [0, 0, 0, 9, 0, 0, 0, 0], 4, '▁█▁▁'],
    ['NaN is a gap', [1, Number.NaN, 2], 10, '▁·█'],
  ])('%s', (_name, values, width, expected) => {
    expect(sparkline(values, width)).toBe(expected);
  });
});

describe('formatValue', () => {
  test.each<[number | undefined, string]>([
    [undefined, 'no data'],
    [0, '0'],
    [0.052345, '0.0523'],
    [1234.5, '1235'],
    [0.00001234, '0.0000123'],
    [12.345, '12.3'],
  ])('%p → %s', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});

describe('evidenceRows', () => {
  const state: TriggerState = {
    name: 'error-rate',
    severity: 'P1',
    status: 'pass',
    value: 0.202,
    threshold: 0.1,
    baseline: undefined,
    breachingSince: 0,
    fastFailed: false,
    detail: '0.202 (fails > 0.1 for 60s); breaching, 12s of 1m',
  };
  test.each<[string, Partial<TriggerState>, number, string]>([
    // Above the threshold but not for long enough yet: never a green "pass".
    ['breaching, not yet held', { breaching: '12s of 1m' }, 2, '🟠 breaching, 12s of 1m'],
    ['passing', { value: 0.01, breachingSince: undefined }, 2, '✅ pass'],
    ['failing early', { status: 'fail', fastFailed: true }, 2, '❌ fail (sequential test)'],
    ['a band shows both edges', { floor: 0.5, threshold: 5 }, 4, 'outside 0.5–5'],
  ])('%s', (_name, change, column, shown) => {
    expect(evidenceRows([{ ...state, ...change }], {})[0]?.[column]).toBe(shown);
  });
});

describe('describeBaseline', () => {
  test.each([
    [
      {
        value: 0.2,
        from: 'history' as const,
        end: '2026-11-20T14:05:00Z',
        windowMs: 600_000,
        query: '',
      },
      '0.2 over the 10m before 2026-11-20T14:05:00Z',
    ],
    [
      {
        value: 0.01,
        from: 'capture' as const,
        end: '2026-11-20T14:05:00Z',
        windowMs: 15_000,
        query: '',
      },
      '0.01 sampled for 15s at capture, 2026-11-20T14:05:00Z',
    ],
    [
      {
        value: undefined,
        reason: 'no history (query: up)',
        from: 'history' as const,
        end: '2026-11-20T14:05:00Z',
        windowMs: 600_000,
        query: '',
      },
      'none (no history (query: up))',
    ],
  ])('%j', (baseline, expected) => {
    expect(describeBaseline(baseline)).toBe(expected);
  });
});

describe('median', () => {
  test.each<[number[], number | undefined]>([
    [[], undefined],
    [[3], 3],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[1, Number.NaN, 100, 2], 2],
  ])('%j → %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('parseTimestamp', () => {
  test.each<[string, number | undefined]>([
    ['2026-11-20T14:05:00Z', Date.UTC(2026, 10, 20, 14, 5)],
    ['2026-11-20T14:05Z', Date.UTC(2026, 10, 20, 14, 5)],
    ['2026-11-20 14:05:00Z', Date.UTC(2026, 10, 20, 14, 5)],
    ['2026-11-20T15:05:00+01:00', Date.UTC(2026, 10, 20, 14, 5)],
    ['2026-11-20T14:05:00.250Z', Date.UTC(2026, 10, 20, 14, 5, 0, 250)],
    ['2026-11-20T14:05:00', undefined],
    ['2026-11-20', undefined],
    ['1763647500', undefined],
    ['2026-13-40T14:05:00Z', undefined],
    ['now', undefined],
  ])('%s', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  test('formatTimestamp drops zero milliseconds', () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 20, 14, 5))).toBe('2026-11-20T14:05:00Z');
    expect(formatTimestamp(Date.UTC(2026, 10, 20, 14, 5, 0, 250))).toBe('2026-11-20T14:05:00.250Z');
  });
});

describe('rolloutTrigger', () => {
  const outcome = (state: RolloutOutcome['state'], message = 'm'): RolloutOutcome => ({
    target: `eu-west shop/deployment/${state}`,
    state,
    message,
    elapsedMs: 0,
  });
  test.each<[string, RolloutOutcome[], Partial<TriggerState>]>([
    ['no targets pass', [], { status: 'pass', detail: 'no targets' }],
    ['all done pass', [outcome('done'), outcome('done')], { status: 'pass', value: 0 }],
    [
      'one failed fails at once, P1, naming it',
      [outcome('done'), outcome('failed', 'exceeded its progress deadline')],
      {
        status: 'fail',
        severity: 'P1',
        value: 1,
        detail: 'eu-west shop/deployment/failed: exceeded its progress deadline',
      },
    ],
    [
      'an unreadable status is no data, never a failure',
      [outcome('done'), outcome('unknown', 'HTTP 503')],
      { status: 'no-data', value: undefined, detail: 'eu-west shop/deployment/unknown: HTTP 503' },
    ],
    ['a failure outranks no data', [outcome('unknown'), outcome('failed')], { status: 'fail' }],
  ])('%s', (_name, outcomes, expected) => {
    expect(rolloutTrigger(outcomes)).toMatchObject(expected);
  });
});

describe('unjudgedBecause', () => {
  const state = (status: TriggerState['status'], detail = 'x'): TriggerState => ({
    name: 't',
    severity: 'P1',
    status,
    value: undefined,
    threshold: undefined,
    baseline: undefined,
    breachingSince: undefined,
    fastFailed: false,
    detail,
  });
  test.each<
    [string, TriggerState, { polls: number; withData: number } | undefined, string | undefined]
  >([
    ['full data', state('pass'), { polls: 10, withData: 10 }, undefined],
    ['exactly half', state('pass'), { polls: 10, withData: 5 }, undefined],
    ['under half', state('pass'), { polls: 10, withData: 4 }, 'data on only 4 of 10 polls'],
    ['never', state('no-data'), { polls: 1, withData: 0 }, 'no data in 1 poll'],
    ['unknown trigger', state('no-data'), undefined, 'no data in 0 polls'],
    [
      'lost at the end',
      state('no-data', 'Prometheus unreachable'),
      { polls: 10, withData: 9 },
      'no data at the end of the window (Prometheus unreachable)',
    ],
  ])('%s', (_name, s, coverage, expected) => {
    expect(unjudgedBecause(s, coverage)).toBe(expected);
  });
});
