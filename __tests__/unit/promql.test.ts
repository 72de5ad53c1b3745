import { durationSeconds, narrowRanges, rangeWindows } from '../../src/metrics/promql.js';

describe('narrowRanges', () => {
  test.each<[string, string, number, string]>([
    ['a window longer than the watch is cut', 'sum(increase(x[1m]))', 20, 'sum(increase(x[20s]))'],
    ['a shorter one is kept', 'sum(rate(x[10s]))', 20, 'sum(rate(x[10s]))'],
    ['equal is kept', 'rate(x[20s])', 20, 'rate(x[20s])'],
    ['compound durations', 'rate(x[1h30m])', 600, 'rate(x[600s])'],
    [
      'subquery keeps its step',
      'max_over_time(rate(x[1m])[10m:30s])',
      120,
      'max_over_time(rate(x[1m])[120s:30s])',
    ],
    [
      'every window of the quantile',
      'histogram_quantile(0.95, sum by (le) (rate(b{job="api"}[1m])))',
      5.9,
      'histogram_quantile(0.95, sum by (le) (rate(b{job="api"}[5s])))',
    ],
    ['at least one second', 'rate(x[1m])', 0, 'rate(x[1s])'],
    [
      'brackets inside label values are not windows',
      'sum(rate(http{path=~"/v1/[5m]", q=\'[2h]\'}[5m]))',
      30,
      'sum(rate(http{path=~"/v1/[5m]", q=\'[2h]\'}[30s]))',
    ],
    ['escaped quotes in strings', 'rate(x{a="\\"[1m]"}[1m])', 10, 'rate(x{a="\\"[1m]"}[10s])'],
    ['no windows at all', 'up{job="api"}', 10, 'up{job="api"}'],
    ['offsets are not windows', 'rate(x[1m] offset 1h)', 10, 'rate(x[10s] offset 1h)'],
  ])('%s', (_name, query, seconds, expected) => {
    expect(narrowRanges(query, seconds)).toBe(expected);
  });

  test.each<[string, string, number, number, string]>([
    // At a 30 s scrape, rate() over less than 60 s sees fewer than two samples: no data.
    ['never below two scrapes', 'rate(x[5m])', 10, 60, 'rate(x[60s])'],
    ['a range already shorter is kept', 'rate(x[30s])', 10, 60, 'rate(x[30s])'],
    ['past the floor, the time since the deploy', 'rate(x[5m])', 90, 60, 'rate(x[90s])'],
  ])('%s', (_name, query, seconds, floor, expected) => {
    expect(narrowRanges(query, seconds, floor)).toBe(expected);
  });

  test.each<[string, string[]]>([
    ['job:errors:ratio_rate5m', []],
    ['rate(x[1m] offset 1h)', ['1m']],
    ['max_over_time(rate(x[1m])[10m:30s])', ['1m', '10m']],
  ])('rangeWindows(%s)', (query, expected) => {
    expect(
      rangeWindows(query)
        .map((w) => query.slice(w.from, w.to))
        .sort(),
    ).toEqual([...expected].sort());
  });

  test.each<[string, number]>([
    ['30s', 30],
    ['1m', 60],
    ['1h30m', 5400],
    ['500ms', 0.5],
    ['1w', 604_800],
  ])('durationSeconds(%s)', (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });
});
