import type { Clock } from '../clock.js';
import { networkFault } from '../net-errors.js';
import { KubeApiError, KubeNetworkError } from './transport.js';

/**
 * A network failure that no retry can fix: a request that cannot be sent, or a server that
 * has never answered in this run and refuses, cannot be resolved, or fails TLS verification
 * (a wrong kubeconfig). Once it has answered, a refusal is a restart and worth waiting out.
 */
export function isConfigurationFailure(error: KubeNetworkError): boolean {
  const { code, answeredBefore } = error.details;
  const fault = networkFault(code);
  if (fault === 'request') return true;
  return (
    answeredBefore === false && (code === 'ECONNREFUSED' || fault === 'address' || fault === 'tls')
  );
}

/** Answers worth another try: throttling, server trouble, and no answer at all. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof KubeNetworkError) return !isConfigurationFailure(error);
  return error instanceof KubeApiError && [429, 500, 502, 503, 504].includes(error.status);
}

/**
 * Runs `operation`, retrying retryable failures with exponential backoff (or the server's
 * Retry-After) until `deadline` (a clock time in ms); then the last error is thrown.
 */
export async function withRetry<T>(
  operation: () => Promise<T>,
  clock: Clock,
  deadline: number,
  /** Narrows what is retried for this operation (a write is not resent blindly). */
  mayRetry: (error: unknown) => boolean = () => true,
  onRetry: (error: Error, delayMs: number) => void = () => undefined,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isRetryable(error) || !mayRetry(error)) throw error;
      const hinted =
        error instanceof KubeApiError && error.retryAfterSeconds !== undefined
          ? error.retryAfterSeconds * 1000
          : undefined;
      const delay = hinted ?? Math.min(8_000, 250 * 2 ** attempt);
      if (clock.now() + delay > deadline) throw error;
      onRetry(error as Error, delay);
      await clock.sleep(delay);
    }
  }
}
