/**
 * Turns one feature flag off: the fastest rollback, tried first. A flag is an HTTP request to
 * the flag service or a command (through runProgram: argv, no shell). Secrets (headers-env
 * values, URL credentials) are masked before anything is sent, and nothing the service answers
 * is printed beyond a short excerpt with every secret of the request scrubbed from it: a
 * service that echoes the request must not leak the token into the log.
 */
import { formatBytes } from '../limits.js';
import { parseDuration } from '../duration.js';
import { HttpFailure, classifyFetchError, prepareRequest } from '../metrics/http.js';
import { describeExit, runProgram } from '../process.js';
import type { FlagSpec, HttpRequestSpec } from '../policy/types.js';
import { redactUrl, redactUrlsIn, urlSecrets } from '../url.js';
import { outputTail, quoteArgv } from './command.js';

export interface FlagResult {
  name: string;
  outcome: 'off' | 'planned' | 'failed';
  detail: string;
  status?: number;
  elapsedMs: number;
  /** `POST https://flags.example.com/api/flags/checkout-v2`, the URL redacted. */
  request?: string;
}

export interface FlagOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  dryRun: boolean;
  log: (line: string) => void;
  setSecret: (secret: string) => void;
  defaultTimeoutMs?: number;
}

export const DEFAULT_FLAG_TIMEOUT_MS = 30_000;
/** Bytes of an answer read at most: only an excerpt is ever shown. */
const ANSWER_BYTES = 4096;
const EXCERPT_CHARS = 200;
/** A literal body shown in a dry run up to this; a longer one by its size. */
const BODY_SHOWN = 500;

export async function turnFlagOff(flag: FlagSpec, options: FlagOptions): Promise<FlagResult> {
  const timeoutMs =
    (flag.timeout === undefined ? undefined : parseDuration(flag.timeout)) ??
    options.defaultTimeoutMs ??
    DEFAULT_FLAG_TIMEOUT_MS;
  if (flag.request && !flag.command) return request(flag.name, flag.request, timeoutMs, options);
  if (flag.command && !flag.request) return command(flag.name, flag.command, timeoutMs, options);
  const detail = `flag '${flag.name}' needs exactly one of 'request' or 'command'`;
  options.log(detail);
  return { name: flag.name, outcome: 'failed', detail, elapsedMs: 0 };
}

async function command(
  name: string,
  argv: string[],
  timeoutMs: number,
  options: FlagOptions,
): Promise<FlagResult> {
  const { log } = options;
  if (options.dryRun) {
    const detail = `would run ${quoteArgv(argv)}`;
    log(`flag '${name}': ${detail}`);
    return { name, outcome: 'planned', detail, elapsedMs: 0 };
  }
  log(`flag '${name}': ${quoteArgv(argv)}`);
  const result = await runProgram(argv, {
    env: options.env,
    cwd: options.cwd,
    timeoutMs,
    maxOutput: 64 * 1024,
  });
  for (const line of outputTail(result, 20)) log(`  ${line}`);
  const exit = describeExit(argv[0] ?? '', result);
  const off = result.code === 0;
  log(`flag '${name}' ${off ? 'off' : `still on: ${exit}`}`);
  return { name, outcome: off ? 'off' : 'failed', detail: exit, elapsedMs: result.elapsedMs };
}

async function request(
  name: string,
  spec: HttpRequestSpec,
  timeoutMs: number,
  options: FlagOptions,
): Promise<FlagResult> {
  const { log } = options;
  const method = spec.method ?? 'POST';
  const shown = `${method} ${redactUrl(spec.url)}`;
  const failed = (detail: string, extra: Partial<FlagResult> = {}): FlagResult => {
    log(`flag '${name}': ${detail}`);
    return { name, outcome: 'failed', detail, elapsedMs: 0, request: shown, ...extra };
  };

  // Every secret is masked before anything can print or send it.
  const secrets = urlSecrets(spec.url);
  const headers: Record<string, string> = { ...spec.headers };
  const missing: string[] = [];
  for (const [header, variable] of Object.entries(spec['headers-env'] ?? {})) {
    const value = options.env[variable];
    if (value) {
      secrets.push(value);
      headers[header] = value;
    } else missing.push(`${variable} (header ${header})`);
  }
  secrets.forEach(options.setSecret);
  // A dry run says so too: the real run would fail the same way.
  if (missing.length)
    return failed(
      `headers-env names ${missing.length === 1 ? 'the environment variable' : 'environment variables'} ${missing.join(', ')} not set in this step (add ${missing.length === 1 ? 'it' : 'them'} under env:)`,
    );

  const body =
    spec.body === undefined
      ? undefined
      : typeof spec.body === 'string'
        ? spec.body
        : JSON.stringify(spec.body);
  if (typeof spec.body === 'object' && !Object.keys(headers).some(isContentType))
    headers['Content-Type'] = 'application/json';

  const prepared = prepareRequest(spec.url, headers);
  if (prepared instanceof HttpFailure) return failed(`${shown}: ${prepared.message}`);

  if (options.dryRun) {
    const names = Object.keys(headers);
    log(`flag '${name}': would send ${shown}`);
    if (names.length) log(`  headers: ${names.join(', ')}`);
    if (body !== undefined)
      log(
        body.length <= BODY_SHOWN
          ? `  body: ${body}`
          : `  body: ${formatBytes(Buffer.byteLength(body))}`,
      );
    return {
      name,
      outcome: 'planned',
      detail: `would send ${shown}`,
      elapsedMs: 0,
      request: shown,
    };
  }

  const started = Date.now();
  const scrub = (text: string): string =>
    secrets.reduce((out, secret) => out.split(secret).join('***'), redactUrlsIn(text));
  let status: number;
  let answer: string;
  try {
    const response = await fetch(prepared.url, {
      method,
      headers: prepared.headers,
      ...(body !== undefined ? { body } : {}),
      // A redirect is an answer, not a switch: following it would resend the credentials elsewhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    answer = await readStart(response, ANSWER_BYTES);
  } catch (error) {
    const failure = classifyFetchError(error, timeoutMs);
    return failed(`${shown}: ${scrub(failure.message)}`, { elapsedMs: Date.now() - started });
  }
  const elapsedMs = Date.now() - started;
  const ok =
    spec['expect-status'] === undefined
      ? status >= 200 && status < 300
      : status === spec['expect-status'];
  if (ok) {
    const detail = `${shown} answered ${status} in ${elapsedMs} ms`;
    log(`flag '${name}' off: ${detail}`);
    return { name, outcome: 'off', detail, status, elapsedMs, request: shown };
  }
  const excerpt = scrub(answer).replace(/\s+/g, ' ').trim();
  const expected = spec['expect-status'] === undefined ? 'a 2xx' : String(spec['expect-status']);
  const detail = `${shown} answered ${status}, expected ${expected}${
    status >= 300 && status < 400 ? ' (redirects are not followed)' : ''
  }${excerpt ? `: ${excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt}` : ''}`;
  return failed(detail, { status, elapsedMs });
}

function isContentType(header: string): boolean {
  return header.toLowerCase() === 'content-type';
}

/**
 * The first bytes of an answer; the rest is never read (the stream is cancelled). A body cut
 * short (the timeout) keeps what came: the status already said whether the flag is off.
 */
async function readStart(response: Response, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    // Leaving the loop cancels the web stream: the rest is never downloaded.
    const body = (response.body ?? []) as AsyncIterable<Uint8Array>;
    for await (const chunk of body) {
      chunks.push(Buffer.from(chunk));
      total += chunk.length;
      if (total >= limit) break;
    }
  } catch {
    // the excerpt is what arrived
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, limit);
}
