/**
 * Any metrics API that answers JSON (the runbooks' `curl metrics-api/error_rate | jq .value`):
 * the value is picked by a JSONPath expression. An HTTP error, a body that is not JSON, or a
 * path that finds no number is no data, never a failure.
 */
import { JSONPath } from 'jsonpath-plus';
import { LIMITS } from '../limits.js';
import { redactUrl } from '../url.js';
import { httpGet, HttpFailure } from './http.js';
import type { Reading } from './provider.js';
import { messageOf } from '../errors.js';

export interface JsonSource {
  url: string;
  jsonPath: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** The number at `jsonPath` in `document`, or why there is none. */
export function pickNumber(document: unknown, jsonPath: string): Reading {
  const found: unknown[] = JSONPath<unknown[]>({
    path: jsonPath,
    json: document as object,
    wrap: true,
  });
  if (found.length === 0) return { reason: `${jsonPath} finds nothing` };
  if (found.length > 1)
    return { reason: `${jsonPath} finds ${found.length} values where one was expected` };
  const raw = found[0];
  const value =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && raw.trim() !== ''
        ? Number(raw)
        : Number.NaN;
  return Number.isFinite(value)
    ? { value }
    : { reason: `${jsonPath} is ${JSON.stringify(raw)}, not a finite number` };
}

export async function readJson(source: JsonSource): Promise<Reading> {
  const url = redactUrl(source.url);
  try {
    const answer = await httpGet(
      source.url,
      source.timeoutMs ?? 10_000,
      { Accept: 'application/json', ...source.headers },
      LIMITS.httpJsonAnswer,
    );
    if (answer.status < 200 || answer.status > 299)
      return { reason: `HTTP ${answer.status} from ${url}` };
    let document: unknown;
    try {
      document = JSON.parse(answer.body);
    } catch {
      return { reason: `${url} did not answer JSON` };
    }
    return pickNumber(document, source.jsonPath);
  } catch (error) {
    const reading: Reading = { reason: `${url}: ${messageOf(error)}` };
    if (error instanceof HttpFailure && error.misconfigured) reading.misconfigured = true;
    return reading;
  }
}
