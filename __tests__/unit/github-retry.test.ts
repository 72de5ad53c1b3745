/**
 * When a GitHub request is tried again (src/github-retry.ts): rate limits after the wait GitHub
 * asks for, server errors of repeatable requests with backoff, nothing else, never unbounded.
 */
import { expect, test } from '@jest/globals';
import {
  GITHUB_RETRIES,
  MAX_GITHUB_WAIT_MS,
  githubRetryDelay,
  type GitHubAnswer,
} from '../../src/github-retry.js';

const NOW = Date.parse('2026-12-07T03:00:00Z');
const answer = (
  status: number,
  headers: GitHubAnswer['headers'] = {},
  message = 'Server Error',
): GitHubAnswer => ({ status, headers, message });

test.each<[string, GitHubAnswer | undefined, string, number | undefined]>([
  [
    'a secondary rate limit waits its Retry-After, a POST too',
    answer(403, { 'retry-after': '3' }, 'You have exceeded a secondary rate limit.'),
    'POST',
    3_000,
  ],
  ['a 429 with Retry-After', answer(429, { 'retry-after': '1' }), 'GET', 1_000],
  [
    'a secondary rate limit without Retry-After waits a minute',
    answer(403, {}, 'You have exceeded a secondary rate limit. Please wait.'),
    'GET',
    MAX_GITHUB_WAIT_MS,
  ],
  [
    'a primary rate limit waits until its reset',
    answer(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 20) }),
    'GET',
    20_000,
  ],
  [
    'a rate limit asking for longer than a minute fails now',
    answer(403, { 'retry-after': '3600' }),
    'GET',
    undefined,
  ],
  [
    'a 403 without a limit (a permission) fails now',
    answer(403, {}, 'Resource not accessible by integration'),
    'GET',
    undefined,
  ],
  ['bad credentials fail now', answer(401, {}, 'Bad credentials'), 'GET', undefined],
  ['a validation error fails now', answer(422, {}, 'Validation Failed'), 'POST', undefined],
  ['a 502 of a read is retried after 1 s', answer(502), 'GET', 1_000],
  ['a 503 of an update is retried', answer(503), 'PATCH', 1_000],
  // It may have been carried out: the caller looks before making it again.
  ['a 502 of a POST is not repeated blindly', answer(502), 'POST', undefined],
  ['no answer at all (a network error) is not retried here', undefined, 'GET', undefined],
])('%s', (_name, given, method, wait) => {
  expect(githubRetryDelay(given, method, 0, NOW)).toBe(wait);
});

test('server errors back off, and stop after the last retry', () => {
  const waits = [0, 1, 2, 3].map((attempt) => githubRetryDelay(answer(503), 'GET', attempt, NOW));
  expect(waits).toEqual([1_000, 2_000, undefined, undefined]);
  expect(GITHUB_RETRIES).toBe(2);
});
