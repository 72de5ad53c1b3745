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

/** The one value at `jsonPath` in `document`, or why there is not exactly one. */
export function pickOne(
  document: unknown,
  jsonPath: string,
): { value: unknown } | { reason: string } {
  const found: unknown[] = JSONPath<unknown[]>({
    path: jsonPath,
    json: document as object,
    wrap: true,
  });
  if (found.length === 0) return { reason: `${jsonPath} finds nothing` };
  if (found.length > 1)
    return { reason: `${jsonPath} finds ${found.length} values where one was expected` };
  return { value: found[0] };
}

/** The number at `jsonPath` in `document`, or why there is none. */
export function pickNumber(document: unknown, jsonPath: string): Reading {
  const one = pickOne(document, jsonPath);
  if ('reason' in one) return one;
  const raw = one.value;
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

/** jsonpath-plus's safe evaluator, which parses filter scripts (not in its type declarations). */
type ScriptClass = new (code: string) => unknown;
const SafeScript = (JSONPath.prototype as unknown as { safeVm: { Script: ScriptClass } }).safeVm
  .Script;

/**
 * Why `jsonPath` is not an expression this action can evaluate, if it is not. jsonpath-plus
 * reads almost anything (`$.a[` finds `$.a`) and parses a filter only when it meets data, so a
 * typo would otherwise surface as "finds nothing" at 3 a.m.: brackets must balance and every
 * filter or script must parse.
 */
export function jsonPathProblem(jsonPath: string): string | undefined {
  if (!jsonPath.startsWith('$')) return "a JSONPath starts with '$' (the document's root)";
  let depth = 0;
  let quoteChar: string | undefined;
  for (const char of jsonPath) {
    if (quoteChar) {
      if (char === quoteChar) quoteChar = undefined;
    } else if (char === "'" || char === '"') quoteChar = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    if (depth < 0) return `'${char}' closes nothing`;
  }
  if (quoteChar) return `a quote (${quoteChar}) is not closed`;
  if (depth > 0) return 'a bracket or parenthesis is not closed';
  for (const segment of JSONPath.toPathArray(jsonPath)) {
    const script = /^\??\((.*)\)$/s.exec(segment)?.[1];
    if (script === undefined) continue;
    try {
      // The same rewrite of @-names jsonpath-plus applies before it parses a script.
      new SafeScript(
        script
          .replace(/@(parentProperty|parent|property|root|path)/g, '_$$_$1')
          .replace(/@([.\s)[]|$)/g, '_$$_v$1'),
      );
    } catch (error) {
      return `${segment} does not parse: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return undefined;
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
