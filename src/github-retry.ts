/**
 * When a GitHub request is tried again. @actions/github's client has neither Octokit's retry
 * nor its throttling plugin, so an incident was lost to one 502 or one secondary rate limit
 * after the rollback it reports. Pure: the answer and the attempt in, a wait or no retry out.
 */
import { retryAfterMs } from './notify.js';

/** Retries of one request, at most: three tries in all, as a short outage lasts. */
export const GITHUB_RETRIES = 2;
/** A rate limit asking for a longer wait is not waited for: the call fails, saying so. */
export const MAX_GITHUB_WAIT_MS = 60_000;

/** What a refused request's answer says; absent when no answer came (a network error). */
export interface GitHubAnswer {
  status: number;
  headers: Readonly<Record<string, string | number | undefined>>;
  /** GitHub's message (`You have exceeded a secondary rate limit...`). */
  message: string;
}

/**
 * The wait (ms) before retry number `attempt + 1` of a `method` request answered `answer`, or
 * undefined when it must not be retried: a rate limit (403 or 429 with Retry-After, no
 * requests left until the reset, or GitHub's secondary limit) after the wait GitHub asks for;
 * a server error (5xx) of a request that can be repeated after 1 s, then 2 s. A POST's 5xx is
 * not repeated: it may have been carried out (a second incident). Bad credentials,
 * permissions and validation errors fail at once: no wait changes them.
 */
export function githubRetryDelay(
  answer: GitHubAnswer | undefined,
  method: string,
  attempt: number,
  now: number,
): number | undefined {
  if (!answer || attempt >= GITHUB_RETRIES) return undefined;
  if (answer.status === 403 || answer.status === 429) {
    const wait = rateLimitWait(answer, now);
    return wait !== undefined && wait <= MAX_GITHUB_WAIT_MS ? wait : undefined;
  }
  if (answer.status >= 500 && method.toUpperCase() !== 'POST') return 1000 * 2 ** attempt;
  return undefined;
}

/** How long a rate limit asks to wait, or undefined when the 403 is no rate limit. */
export function rateLimitWait(answer: GitHubAnswer, now: number): number | undefined {
  const header = (name: string): string | undefined => {
    const value = answer.headers[name];
    return value === undefined ? undefined : String(value);
  };
  const after = retryAfterMs(header('retry-after') ?? null, now);
  if (after !== undefined) return after;
  if (header('x-ratelimit-remaining') === '0') {
    const reset = Number(header('x-ratelimit-reset'));
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - now);
  }
  // GitHub's advice for a secondary limit without Retry-After: wait at least a minute.
  if (/secondary rate limit/i.test(answer.message)) return MAX_GITHUB_WAIT_MS;
  return undefined;
}
