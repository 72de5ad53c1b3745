/**
 * A bounded load generator on loopback: a fixed request rate for a fixed time (or count),
 * at most `maxInFlight` requests at once, and it stops by itself.
 */
export interface LoadOptions {
  url: string;
  ratePerSecond: number;
  durationMs: number;
  maxRequests?: number;
  maxInFlight?: number;
}

export interface LoadResult {
  sent: number;
  byStatus: Record<string, number>;
  skipped: number;
}

export class LoadGenerator {
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private stopResolve: (() => void) | undefined;
  readonly result: LoadResult = { sent: 0, byStatus: {}, skipped: 0 };
  readonly done: Promise<LoadResult>;

  constructor(private readonly options: LoadOptions) {
    this.done = new Promise((resolve) => {
      this.stopResolve = () => resolve(this.result);
    });
  }

  start(): this {
    const { ratePerSecond, durationMs, maxRequests = Number.MAX_SAFE_INTEGER } = this.options;
    const started = Date.now();
    const tickMs = 20;
    let due = 0;
    this.timer = setInterval(() => {
      const elapsed = Date.now() - started;
      if (elapsed >= durationMs || this.result.sent >= maxRequests) {
        this.stop();
        return;
      }
      const target = Math.min(maxRequests, Math.floor((elapsed / 1000) * ratePerSecond));
      due = target - this.result.sent - this.result.skipped;
      for (; due > 0; due--) this.fire();
    }, tickMs);
    return this;
  }

  private fire(): void {
    if (this.inFlight >= (this.options.maxInFlight ?? 200)) {
      this.result.skipped += 1;
      return;
    }
    this.inFlight += 1;
    this.result.sent += 1;
    fetch(this.options.url, { signal: AbortSignal.timeout(10_000) })
      .then(async (res) => {
        await res.arrayBuffer();
        this.result.byStatus[res.status] = (this.result.byStatus[res.status] ?? 0) + 1;
      })
      .catch(() => {
        this.result.byStatus.error = (this.result.byStatus.error ?? 0) + 1;
      })
      .finally(() => {
        this.inFlight -= 1;
      });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.stopResolve?.();
  }
}
