import type { Clock } from '../../src/clock.js';
import { progressLine, watch, type TriggerSource } from '../../src/analysis/watch.js';
import type { WatchedTrigger } from '../../src/analysis/rules.js';
import type { TriggerRule } from '../../src/analysis/triggers.js';
import type { PollWindow, Reading } from '../../src/metrics/provider.js';

const S = 1000;
function fakeClock(start = 0): Clock {
  let now = start;
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
  };
}

function source(
  rule: Partial<TriggerRule> & { name: string },
  read: (w: PollWindow) => Reading,
): TriggerSource {
  const trigger: WatchedTrigger = {
    rule: { severity: 'P1', noData: 'hold', ...rule },
    provider: 'prometheus',
    query: {},
  };
  return { trigger, read: (w) => Promise.resolve(read(w)) };
}

/** A count-based error ratio at 50 requests/s that turns to `bad` after `from` ms. */
function errorRatio(good: number, bad: number, from: number): (w: PollWindow) => Reading {
  return (w) => {
    const elapsed = (w.now - w.since) / 1000;
    const ratio = w.now - w.since >= from ? bad : good;
    return {
      value: ratio,
      windowTotal: 1500,
      errors: Math.round(ratio * 50 * elapsed),
      total: Math.round(50 * elapsed),
    };
  };
}

describe('watch', () => {
  test('a cancel during the wait between polls ends the watch inconclusive, judging nothing', async () => {
    const controller = new AbortController();
    let polls = 0;
    const result = await watch(
      [
        source({ name: 'errors', above: 0.5, consecutive: 1 }, () => {
          // The run is cancelled while the third poll is read: the watch ends after it.
          if (++polls === 3) controller.abort('SIGTERM');
          return { value: 0 };
        }),
      ],
      {
        clock: fakeClock(),
        since: 0,
        windowMs: 600 * S,
        intervalMs: 30 * S,
        cancelled: controller.signal,
      },
    );
    expect(polls).toBe(3);
    expect(result.polls).toBe(3);
    expect(result.judgement).toEqual({
      verdict: 'inconclusive',
      severity: undefined,
      failing: [],
      unjudged: [],
      failStep: false,
      cancelled: 'SIGTERM',
    });
  });

  test('a healthy release passes at the end of the window, one poll per interval', async () => {
    const lines: string[] = [];
    const result = await watch(
      [
        source(
          { name: 'error-rate', above: 0.05, forMs: 300 * S, fastFail: {} },
          errorRatio(0.01, 0.01, 0),
        ),
      ],
      {
        clock: fakeClock(),
        since: 0,
        windowMs: 600 * S,
        intervalMs: 30 * S,
        log: (l) => lines.push(l),
      },
    );
    expect(result.judgement.verdict).toBe('pass');
    expect(result.polls).toBe(21);
    expect(result.elapsedMs).toBe(600 * S);
    expect(lines[1]).toBe('[30s] ok: error-rate 0.01');
    expect(result.observations['error-rate']).toHaveLength(21);
  });

  test('a severe regression stops the watch at the first failing poll, long before "for"', async () => {
    const result = await watch(
      [
        source(
          { name: 'error-rate', above: 0.05, forMs: 300 * S, fastFail: {}, severity: 'P0' },
          errorRatio(0.01, 0.2, 0),
        ),
      ],
      {
        clock: fakeClock(),
        since: 0,
        windowMs: 600 * S,
        intervalMs: 5 * S,
      },
    );
    expect(result.judgement).toMatchObject({ verdict: 'fail', severity: 'P0' });
    expect(result.elapsedMs).toBeLessThanOrEqual(5 * S);
    expect(result.states[0]).toMatchObject({ fastFailed: true });
  });

  test('a backend that never answers ends inconclusive, never a rollback', async () => {
    const result = await watch(
      [
        source({ name: 'p95', above: 1, forMs: 60 * S }, () => ({
          reason: 'Prometheus unreachable',
        })),
      ],
      {
        clock: fakeClock(),
        since: 0,
        windowMs: 120 * S,
        intervalMs: 30 * S,
      },
    );
    expect(result.judgement).toMatchObject({
      verdict: 'inconclusive',
      unjudged: [{ name: 'p95', why: 'no data in 5 polls' }],
      failStep: false,
    });
    expect(result.states[0]?.detail).toBe('Prometheus unreachable');
  });

  test('a backend lost mid-watch: the polls before it do not make a pass, nor a rollback', async () => {
    const result = await watch(
      [
        source({ name: 'error-rate', above: 0.05, forMs: 60 * S }, (w) =>
          w.now < 150 * S ? { value: 0.01 } : { reason: 'Prometheus unreachable' },
        ),
      ],
      { clock: fakeClock(), since: 0, windowMs: 300 * S, intervalMs: 30 * S },
    );
    expect(result.judgement).toMatchObject({
      verdict: 'inconclusive',
      failStep: false,
      unjudged: [
        { name: 'error-rate', why: 'no data at the end of the window (Prometheus unreachable)' },
      ],
    });
    expect(result.coverage['error-rate']).toEqual({ polls: 11, withData: 5 });
  });

  test.each<[string, (polls: number) => boolean, { rejected: boolean; polls: number }]>([
    // The query is wrong from the start: the policy's error, the watch stops at once.
    ['refused at the first poll', () => true, { rejected: true, polls: 1 }],
    // It read fine before: the backend changed (a proxy's 400), not the policy: no data.
    ['refused after reading fine', (n) => n === 3, { rejected: false, polls: 21 }],
  ])('a refused query: %s', async (_, refuses, expected) => {
    let polls = 0;
    const result = await watch(
      [
        source({ name: 'alerts', above: 0, alert: true }, () =>
          refuses(++polls)
            ? { reason: 'Alertmanager refused the matchers', rejected: true }
            : { value: 0 },
        ),
      ],
      { clock: fakeClock(), since: 0, windowMs: 20 * S, intervalMs: S },
    );
    expect({
      rejected: (result.judgement.rejected?.length ?? 0) > 0,
      polls: result.polls,
    }).toEqual(expected);
    if (!expected.rejected) expect(result.judgement.verdict).toBe('pass');
  });

  test('a source that throws is no data for that poll, with the error as the reason', async () => {
    let calls = 0;
    const flaky: TriggerSource = {
      trigger: {
        rule: { name: 'p95', severity: 'P1', noData: 'hold', above: 1 },
        provider: 'prometheus',
        query: {},
      },
      read: () =>
        ++calls === 1
          ? Promise.reject(new Error('socket hang up'))
          : Promise.resolve({ value: 0.2 }),
    };
    const result = await watch([flaky], {
      clock: fakeClock(),
      since: 0,
      windowMs: 60 * S,
      intervalMs: 30 * S,
    });
    expect(result.observations.p95?.[0]).toEqual({ at: 0, reason: 'socket hang up' });
    expect(result.judgement.verdict).toBe('pass');
  });

  test('relative triggers compare with the baseline; the most severe failure names the verdict', async () => {
    const result = await watch(
      [
        source(
          { name: 'p95-vs-baseline', relativePercent: 50, forMs: 120 * S, severity: 'P2' },
          () => ({ value: 0.4 }),
        ),
        source({ name: 'health', above: 0, consecutive: 3, severity: 'P0' }, (w) => ({
          value: w.now >= 60 * S ? 1 : 0,
        })),
      ],
      {
        clock: fakeClock(),
        since: 0,
        windowMs: 600 * S,
        intervalMs: 30 * S,
        baselines: { 'p95-vs-baseline': 0.2 },
      },
    );
    expect(result.judgement.verdict).toBe('fail');
    expect(result.judgement.failing.map((s) => s.name)).toEqual(['health', 'p95-vs-baseline']);
    expect(result.judgement.severity).toBe('P0');
    expect(result.elapsedMs).toBe(120 * S);
  });
});

describe('progressLine', () => {
  const state = {
    name: 'error-rate',
    severity: 'P1' as const,
    status: 'pass' as const,
    value: 0.01,
    threshold: 0.05,
    baseline: undefined,
    breachingSince: undefined,
    fastFailed: false,
    detail: '0.01 (fails > 0.05 for 300s)',
  };
  test.each([
    [3, 1000, '[0s]'],
    [1499, 1000, '[1s]'],
    [61_020, 30_000, '[1m1s]'],
    [250, 250, '[250ms]'],
    [0, 500, '[0s]'],
  ])('%d ms elapsed, a poll every %d ms: %s', (elapsed, interval, shown) => {
    expect(progressLine(elapsed, [state], interval)).toBe(`${shown} ok: error-rate 0.01`);
  });

  test('a trigger settling after the rollout is shown apart, never as ok, whatever it reads', () => {
    expect(
      progressLine(
        10_000,
        [
          { ...state, name: 'error-rate', value: 0.211, settling: true },
          { ...state, name: 'error-rate-severe', value: 0.211, severity: 'P0' as const },
        ],
        10_000,
      ),
    ).toBe('[10s] settling: error-rate 0.211 · ok: error-rate-severe 0.211');
  });

  test('a backend that is down is said once, for every trigger it leaves without data', () => {
    const down = {
      ...state,
      status: 'no-data' as const,
      value: undefined,
      detail: 'Prometheus unreachable at http://127.0.0.1:1/: connection refused',
    };
    expect(
      progressLine(
        0,
        [
          { ...down, name: 'a' },
          { ...down, name: 'b' },
          { ...state, name: 'c' },
        ],
        1000,
      ),
    ).toBe(
      '[0s] a, b have no data: Prometheus unreachable at http://127.0.0.1:1/: connection refused · ok: c 0.01',
    );
  });

  test('what needs attention comes first, the queries stay out, the rest is one ok list', () => {
    const states = [
      { ...state, name: 'p99', value: 0.2 },
      {
        ...state,
        name: 'p95',
        status: 'no-data' as const,
        value: undefined,
        detail: 'empty result (query: histogram_quantile(0.95, sum by (le) (rate(x[1m]))))',
      },
      { ...state, name: 'slow', value: 1.4, breaching: '12s of 1m' },
      {
        ...state,
        name: 'errors',
        status: 'fail' as const,
        value: 0.3,
        detail: '0.3 > 0.05 for 60s',
      },
    ];
    expect(progressLine(60_000, states, 10_000)).toBe(
      '[1m] errors FAILS: 0.3 > 0.05 for 60s · slow 1.4, breaching 12s of 1m · p95 has no data: empty result · ok: p99 0.2',
    );
  });
});
