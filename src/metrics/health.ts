/**
 * Health checks as a metric: 0 when the probe answers as expected, 1 when it does not (a
 * wrong status, a body that does not match, a refused connection or a timeout: the service
 * is what is being probed). A request that cannot be made (a bad URL or header, an address
 * that does not resolve, an untrusted certificate, an oversized answer) is no data: the
 * configuration is wrong, which says nothing about the release.
 * Used with `consecutive`, as the runbooks' "health check fails 3 times in a row".
 */
import { LIMITS } from '../limits.js';
import { redactUrl } from '../url.js';
import { httpGet, HttpFailure } from './http.js';
import type { Reading } from './provider.js';
import { messageOf } from '../errors.js';

export interface HealthProbe {
  url: string;
  expectStatus?: number;
  bodyMatch?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export async function probe(check: HealthProbe): Promise<Reading> {
  const expected = check.expectStatus ?? 200;
  try {
    const answer = await httpGet(
      check.url,
      check.timeoutMs ?? 5_000,
      check.headers ?? {},
      LIMITS.healthAnswer,
    );
    if (answer.status !== expected)
      return { value: 1, reason: `HTTP ${answer.status}, expected ${expected}` };
    if (check.bodyMatch !== undefined && !new RegExp(check.bodyMatch).test(answer.body))
      return { value: 1, reason: `the body does not match /${check.bodyMatch}/` };
    return { value: 0 };
  } catch (error) {
    if (error instanceof HttpFailure && error.misconfigured)
      return {
        reason: `cannot probe ${redactUrl(check.url)}: ${error.message}`,
        misconfigured: true,
      };
    return { value: 1, reason: messageOf(error) };
  }
}
