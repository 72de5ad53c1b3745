/** The one source of time, injected so a 10-minute watch is tested in milliseconds. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Node's timers hold at most 2^31-1 ms; a longer one fires at once (with a warning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms) => {
    for (let left = ms; left > 0; left -= MAX_TIMER_MS)
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, MAX_TIMER_MS)));
  },
};

/** Time replayed from `start`: sleeping moves it on at once (backtests over history). */
export function replayClock(start: number): Clock {
  let now = start;
  return {
    now: () => now,
    sleep: (ms) => {
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}
