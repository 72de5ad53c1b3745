import { formatDuration, parseDuration } from '../../src/duration.js';

describe('parseDuration', () => {
  test.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['2d', 172_800_000],
    [' 10m ', 600_000],
    ['1m30s500ms', 90_500],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(['', '5', '5 minutes', '5M', 'm5', '-5m', '1h 30m', '5mm', 'abc', '.5s'])(
    '%j is not a duration',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe('formatDuration', () => {
  test.each([
    [0, '0s'],
    [500, '500ms'],
    [30_000, '30s'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [86_400_000 + 1_000, '1d1s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test.each(['30s', '1h30m', '2d', '1m30s500ms'])('%s survives a round trip', (text) => {
    expect(formatDuration(parseDuration(text) ?? -1)).toBe(text);
  });
});
