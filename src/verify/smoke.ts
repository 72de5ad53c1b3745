/**
 * Smoke checks after a rollback (runbook 000, "Post-Rollback Validation": endpoints responding,
 * health checks passing, smoke tests run). An HTTP check is tried again, with a doubling wait,
 * only when its failure can change while the rollback settles: no connection, a timeout, a
 * 5xx, 429 or 408, or a body that does not match yet. A 404, a redirect or a request that
 * cannot be made fails at once: waiting would not change it. A command check runs once
 * (argv, no shell, a timeout). Secrets (headers-env values, URL credentials) are masked
 * before the first request and scrubbed from every detail and log line.
 */
import { systemClock, type Clock } from '../clock.js';
import { parseDuration } from '../duration.js';
import { readBodyBounded } from '../bounded.js';
import {
  HttpFailure,
  classifyFetchError,
  headersFromEnv,
  prepareRequest,
} from '../metrics/http.js';
import { pickOne } from '../metrics/http-json.js';
import { describeExit, runProgram } from '../process.js';
import { outputTail, quoteArgv } from '../rollback/command.js';
import type { SmokeCheckSpec, SmokeHttpSpec } from '../policy/types.js';
import { redactUrl, redactUrlsIn, urlSecrets } from '../url.js';

export interface SmokeResult {
  name: string;
  kind: 'http' | 'command';
  outcome: 'passed' | 'failed';
  /** Requests made or programs run; 0 when the check could not start. */
  attempts: number;
  /** One line, secrets scrubbed. */
  detail: string;
  elapsedMs: number;
}

export interface SmokeOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  setSecret: (secret: string) => void;
  log: (line: string) => void;
  clock?: Clock;
}

export const SMOKE_DEFAULTS = {
  httpTimeoutMs: 10_000,
  retries: 3,
  backoffMs: 2_000,
  commandTimeoutMs: 2 * 60_000,
} as const;

/** Bytes of an answer read at most: enough for a health document, bounded for a wrong URL. */
const ANSWER_BYTES = 1024 * 1024;
const DETAIL_CHARS = 300;
const EXCERPT_CHARS = 120;

/** Runs the checks in order (later ones often depend on the same service warming up). */
export async function runSmokeChecks(
  checks: readonly SmokeCheckSpec[],
  options: SmokeOptions,
): Promise<SmokeResult[]> {
  const results: SmokeResult[] = [];
  for (const check of checks) results.push(await runCheck(check, options));
  return results;
}

async function runCheck(check: SmokeCheckSpec, options: SmokeOptions): Promise<SmokeResult> {
  if (check.http && !check.command) return httpCheck(check.name, check.http, options);
  if (check.command && !check.http) return commandCheck(check, options);
  const detail = `check '${check.name}' needs exactly one of 'http' or 'command'`;
  options.log(detail);
  return {
    name: check.name,
    kind: check.http ? 'http' : 'command',
    outcome: 'failed',
    attempts: 0,
    detail,
    elapsedMs: 0,
  };
}

async function commandCheck(check: SmokeCheckSpec, options: SmokeOptions): Promise<SmokeResult> {
  const argv = check.command ?? [];
  const timeoutMs =
    (check.timeout === undefined ? undefined : parseDuration(check.timeout)) ??
    SMOKE_DEFAULTS.commandTimeoutMs;
  options.log(`smoke '${check.name}': ${quoteArgv(argv)}`);
  const result = await runProgram(argv, {
    env: options.env,
    cwd: options.cwd,
    timeoutMs,
    maxOutput: 64 * 1024,
  });
  for (const line of outputTail(result, 20)) options.log(`  ${line}`);
  const passed = result.code === 0;
  const detail = oneLine(describeExit(argv[0] ?? '', result));
  options.log(`smoke '${check.name}' ${passed ? 'passed' : `failed: ${detail}`}`);
  return {
    name: check.name,
    kind: 'command',
    outcome: passed ? 'passed' : 'failed',
    attempts: result.startError ? 0 : 1,
    detail,
    elapsedMs: result.elapsedMs,
  };
}

/** One attempt's end: passed, or failed and whether another attempt could pass. */
type Attempt = { passed: true; detail: string } | { passed: false; detail: string; retry: boolean };

async function httpCheck(
  name: string,
  spec: SmokeHttpSpec,
  options: SmokeOptions,
): Promise<SmokeResult> {
  const clock = options.clock ?? systemClock;
  const method = spec.method ?? 'GET';
  const shown = `${method} ${redactUrl(spec.url)}`;
  const { headers, secrets, missing } = headersFromEnv(
    spec.headers,
    spec['headers-env'],
    options.env,
  );
  secrets.push(...urlSecrets(spec.url));
  secrets.forEach(options.setSecret);
  const scrub = (text: string): string =>
    oneLine(secrets.reduce((out, secret) => out.split(secret).join('***'), redactUrlsIn(text)));
  const started = clock.now();
  const result = (
    outcome: SmokeResult['outcome'],
    attempts: number,
    detail: string,
  ): SmokeResult => {
    const line = scrub(detail);
    options.log(`smoke '${name}' ${outcome}: ${line}`);
    return {
      name,
      kind: 'http',
      outcome,
      attempts,
      detail: line,
      elapsedMs: clock.now() - started,
    };
  };
  if (missing.length)
    return result(
      'failed',
      0,
      `headers-env names ${missing.join(', ')}, not set in this step (add it under env:)`,
    );
  const prepared = prepareRequest(spec.url, headers);
  if (prepared instanceof HttpFailure) return result('failed', 0, `${shown}: ${prepared.message}`);

  const timeoutMs = (spec.timeout && parseDuration(spec.timeout)) || SMOKE_DEFAULTS.httpTimeoutMs;
  const retries = spec.retries ?? SMOKE_DEFAULTS.retries;
  let waitMs =
    (spec.backoff === undefined ? undefined : parseDuration(spec.backoff)) ??
    SMOKE_DEFAULTS.backoffMs;
  for (let attempt = 1; ; attempt++) {
    const end = await attemptOnce(prepared, method, spec, timeoutMs);
    if (end.passed) return result('passed', attempt, `${shown}: ${end.detail}`);
    if (!end.retry || attempt > retries)
      return result(
        'failed',
        attempt,
        `${shown}: ${end.detail}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`,
      );
    options.log(`smoke '${name}': attempt ${attempt}: ${scrub(end.detail)}; again in ${waitMs} ms`);
    await clock.sleep(waitMs);
    waitMs *= 2;
  }
}

/** Statuses a service gives while it is starting or overloaded: worth asking again. */
function transient(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

async function attemptOnce(
  prepared: { url: URL; headers: Record<string, string> },
  method: string,
  spec: SmokeHttpSpec,
  timeoutMs: number,
): Promise<Attempt> {
  const expected = spec['expect-status'] ?? 200;
  const needsBody = spec['body-contains'] !== undefined || spec['json-path'] !== undefined;
  let status: number;
  let body = '';
  try {
    const response = await fetch(prepared.url, {
      method,
      headers: prepared.headers,
      // A redirect is an answer, not a switch: following it would send the headers elsewhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    if (status === expected && needsBody && response.body)
      body = await readBodyBounded(response.body, ANSWER_BYTES);
    else await response.body?.cancel();
  } catch (error) {
    const failure = classifyFetchError(error, timeoutMs);
    // Only a connection failure can change; a bad address, TLS or a huge answer will not.
    return { passed: false, detail: failure.message, retry: !failure.misconfigured };
  }
  if (status !== expected) {
    const redirect =
      status >= 300 && status < 400 ? ' (a redirect: redirects are not followed)' : '';
    return {
      passed: false,
      detail: `answered ${status}, expected ${expected}${redirect}`,
      retry: transient(status),
    };
  }
  const mismatch = bodyMismatch(body, spec);
  if (mismatch)
    return { passed: false, detail: `answered ${status}, but ${mismatch}`, retry: true };
  return {
    passed: true,
    detail: `answered ${status}${needsBody ? ' with the expected body' : ''}`,
  };
}

/** Why the body is not (yet) what the check wants, if it is not. */
export function bodyMismatch(body: string, spec: SmokeHttpSpec): string | undefined {
  const wanted = spec['body-contains'];
  if (wanted !== undefined && !body.includes(wanted))
    return `the body does not contain ${JSON.stringify(wanted)}${excerpt(body)}`;
  const path = spec['json-path'];
  if (path === undefined) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    return `the body is not JSON${excerpt(body)}`;
  }
  const found = pickOne(document, path);
  if ('reason' in found) return found.reason;
  const value = found.value;
  const shown = JSON.stringify(value);
  if (spec.equals !== undefined && value !== spec.equals)
    return `${path} is ${shown}, expected ${JSON.stringify(spec.equals)}`;
  const low = spec['at-least'];
  const high = spec['at-most'];
  if (low === undefined && high === undefined) return undefined;
  const number = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(number)) return `${path} is ${shown}, not a number`;
  if (low !== undefined && number < low) return `${path} is ${shown}, below at-least ${low}`;
  if (high !== undefined && number > high) return `${path} is ${shown}, above at-most ${high}`;
  return undefined;
}

function excerpt(body: string): string {
  const text = oneLine(body);
  if (!text) return '';
  return `: ${text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text}`;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > DETAIL_CHARS ? `${line.slice(0, DETAIL_CHARS)}…` : line;
}
