import type { SeriesMode } from '../../src/analysis/series.js';
import { describeLabels } from '../../src/analysis/series.js';
import {
  evaluateTrigger,
  type Observation,
  type TriggerRule,
} from '../../src/analysis/triggers.js';

const S = 1000;
const rule = (extra: Partial<TriggerRule>): TriggerRule => ({
  name: 'restarts',
  severity: 'P1',
  noData: 'hold',
  ...extra,
});
/** One poll every 30 s; each poll's series by pod name (one series is also the value). */
const polls = (...values: Record<string, number>[]): Observation[] =>
  values.map((byPod, i) => ({
    at: i * 30 * S,
    ...(Object.keys(byPod).length === 1 ? { value: Object.values(byPod)[0] } : {}),
    series: Object.entries(byPod).map(([pod, value]) => ({
      labels: { __name__: 'x', pod },
      value,
    })),
  }));

describe('evaluateTrigger over several series', () => {
  test.each<[string, Partial<TriggerRule>, Observation[], Record<string, unknown>]>([
    [
      // The defect: two crash-looping pods were "2 series where one was expected", no data.
      'any (the default): one pod breaching fails the trigger, and is named',
      { above: 0 },
      polls({ 'api-1': 0, 'api-2': 0 }, { 'api-1': 3, 'api-2': 0 }),
      {
        status: 'fail',
        seriesLabels: '{pod="api-1"}',
        seriesCount: 2,
        detail: '{pod="api-1"}: 3 > 0 for 0s (2 series)',
      },
    ],
    [
      'any: each series holds its own "for"; two pods taking turns never fail a 90s rule',
      { above: 0.5, forMs: 90 * S },
      polls({ a: 1, b: 0 }, { a: 1, b: 0 }, { a: 0, b: 1 }, { a: 0, b: 1 }, { a: 1, b: 0 }),
      { status: 'pass', seriesLabels: '{pod="a"}', breaching: '0s of 1m30s' },
    ],
    [
      'any: a pod that keeps breaching for 90s fails',
      { above: 0.5, forMs: 90 * S },
      polls({ a: 1, b: 0 }, { a: 1, b: 0 }, { a: 1, b: 0 }, { a: 1, b: 0 }),
      { status: 'fail', seriesLabels: '{pod="a"}' },
    ],
    [
      'any: a pod that appears later is judged on its own polls',
      { above: 0.5, consecutive: 2 },
      polls({ a: 0 }, { a: 0, b: 1 }, { a: 0, b: 1 }),
      {
        status: 'fail',
        seriesLabels: '{pod="b"}',
        detail: '{pod="b"}: 1 > 0.5 2 polls in a row (2 series)',
      },
    ],
    [
      'any: all passing shows the one closest to its threshold',
      { above: 5 },
      polls({ a: 1, b: 4 }),
      { status: 'pass', seriesLabels: '{pod="b"}', value: 4 },
    ],
    [
      'any, below: the lowest is the one shown',
      { below: 1 },
      polls({ a: 3, b: 2 }),
      { status: 'pass', seriesLabels: '{pod="b"}', value: 2 },
    ],
    [
      'all: one pod breaching is not enough',
      { above: 0, series: 'all' },
      polls({ a: 3, b: 0 }),
      { status: 'pass', value: 0, detail: '0 (fails > 0) (all of 2 series)' },
    ],
    [
      'all: every pod breaching fails',
      { above: 0, series: 'all' },
      polls({ a: 3, b: 1 }),
      { status: 'fail', value: 1 },
    ],
    ['max', { above: 5, series: 'max' }, polls({ a: 3, b: 6 }), { status: 'fail', value: 6 }],
    ['min', { below: 1, series: 'min' }, polls({ a: 3, b: 0.5 }), { status: 'fail', value: 0.5 }],
    ['sum', { above: 5, series: 'sum' }, polls({ a: 3, b: 3 }), { status: 'fail', value: 6 }],
    ['avg', { above: 5, series: 'avg' }, polls({ a: 3, b: 6 }), { status: 'pass', value: 4.5 }],
    [
      // An alert expression: a pod's series gone from a poll is resolved, not missing data.
      'an alert that stops firing on one pod passes, not no data',
      { above: 0, alert: true, consecutive: 2 },
      [
        { at: 0, value: 0, series: [] },
        {
          at: 30 * S,
          series: [
            { labels: { pod: 'a' }, value: 1 },
            { labels: { pod: 'b' }, value: 1 },
          ],
        },
        { at: 60 * S, value: 0, series: [] },
      ],
      { status: 'pass', value: 0 },
    ],
    [
      'an alert firing on one pod for two polls fails, naming it',
      { above: 0, alert: true, consecutive: 2 },
      [
        {
          at: 0,
          series: [
            { labels: { pod: 'a' }, value: 1 },
            { labels: { pod: 'b' }, value: 1 },
          ],
        },
        { at: 30 * S, value: 1, series: [{ labels: { pod: 'b' }, value: 1 }] },
      ],
      {
        status: 'fail',
        seriesLabels: '{pod="b"}',
        detail: 'firing on {pod="b"} 2 polls in a row (1 alert in the last poll)',
      },
    ],
    [
      'one series all along is judged as before, without labels',
      { above: 5 },
      polls({ a: 6 }),
      { status: 'fail', detail: '6 > 5 for 0s' },
    ],
  ])('%s', (_name, extra, observations, expected) => {
    expect(evaluateTrigger(rule(extra), observations)).toMatchObject(expected);
  });

  test.each<[SeriesMode]>([['any'], ['all'], ['max']])(
    '%s: no series at all is no data',
    (mode) => {
      expect(
        evaluateTrigger(rule({ above: 0, series: mode }), [{ at: 0, reason: 'empty result' }]),
      ).toMatchObject({ status: 'no-data' });
    },
  );
});

test.each([
  [{ pod: 'api-1', __name__: 'x' }, '{pod="api-1"}'],
  [{ namespace: 'shop', pod: 'a"b' }, '{namespace="shop",pod="a\\"b"}'],
  [{}, '{}'],
])('describeLabels %j', (labels, shown) => {
  expect(describeLabels(labels)).toBe(shown);
});
