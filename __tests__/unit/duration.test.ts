import { jest } from '@jest/globals';
import { MAX_TIMER_MS, systemClock } from '../../src/clock.js';
import { checkDuration, formatDuration, parseDuration } from '../../src/duration.js';

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

describe('checkDuration', () => {
  test.each<[Parameters<typeof checkDuration>[0], number, ReturnType<typeof checkDuration>]>([
    ['interval', 0, { error: 'must be at least 1s (a shorter poll only loads the backend)' }],
    ['interval', 999, { error: 'must be at least 1s (a shorter poll only loads the backend)' }],
    ['interval', 1_000, undefined],
    ['window', 0, { error: 'must be at least 1s' }],
    ['window', 6 * 3_600_000, undefined],
    [
      'window',
      6 * 3_600_000 + 1,
      {
        warning:
          'is longer than 6h: a GitHub-hosted runner stops a job at 6h, so this needs a self-hosted runner',
      },
    ],
    [
      'window',
      5 * 86_400_000,
      {
        warning:
          'is longer than 6h: a GitHub-hosted runner stops a job at 6h, so this needs a self-hosted runner',
      },
    ],
    [
      'window',
      5 * 86_400_000 + 1,
      { error: 'must be at most 5d (a job runs at most 5d, on a self-hosted runner)' },
    ],
    ['for', 0, undefined],
    ['request-timeout', 50, { error: 'must be at least 100ms' }],
    [
      'request-timeout',
      3_600_000,
      { error: 'must be at most 10m (a poll would wait longer than any window needs)' },
    ],
    ['lookback', 30 * 86_400_000, undefined],
  ])('%s of %d ms', (kind, ms, expected) => {
    expect(checkDuration(kind, ms)).toEqual(expected);
  });
});

describe('systemClock.sleep', () => {
  afterEach(() => jest.useRealTimers());

  test('a sleep longer than a timer can hold waits in parts instead of firing at once', async () => {
    jest.useFakeTimers();
    let woke = false;
    const slept = systemClock.sleep(MAX_TIMER_MS + 5_000).then(() => (woke = true));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(MAX_TIMER_MS - 1_000);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(5_000);
    await slept;
    expect(woke).toBe(true);
  });
});
