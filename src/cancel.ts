/**
 * A cancelled workflow run: the runner sends the step SIGINT, then SIGTERM a few seconds
 * later, then kills it. Node's default for both is to exit at once, which would lose the
 * report and could cut a rollback between two regions; instead the signal aborts the watch
 * (nothing is decided on half a window) and lets a rollback in flight finish.
 */
export interface Cancellation {
  /** Aborted, with the signal's name as its reason, at the first signal. */
  readonly signal: AbortSignal;
  /** The first signal received, if any. */
  readonly by: () => NodeJS.Signals | undefined;
  /** Stops listening: Node's default comes back. */
  stop(): void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export function listenForCancel(announce: (signal: NodeJS.Signals) => void): Cancellation {
  const controller = new AbortController();
  let first: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    // The runner's SIGTERM after its SIGINT is the same cancel: said once.
    if (first) return;
    first = signal;
    announce(signal);
    controller.abort(signal);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return {
    signal: controller.signal,
    by: () => first,
    stop: () => {
      for (const s of SIGNALS) process.off(s, handler);
    },
  };
}
