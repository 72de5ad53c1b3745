/**
 * A GET with a timeout and a size cap for the HTTP providers (health, http-json, scrape),
 * through the one HTTP client (http-client.ts), following redirects as fetch does. A failure
 * says what kind it is, because only one kind is evidence against the
 * service: `connection` (refused, reset, timed out: the service is down). `request` (it could
 * not be built: a bad URL or header), `address` (DNS), `tls` (an untrusted or expired
 * certificate) and `too-large` are the configuration's fault, never a failed check.
 */
import { http } from '../node-http.js';
import { TooLargeError } from '../bounded.js';
import { HttpError, send } from '../http-client.js';
import { formatBytes } from '../limits.js';
import { describeNetworkError, networkFault } from '../net-errors.js';
import { scrubSecrets } from '../secrets.js';
import { redactUrlsIn, splitCredentials } from '../url.js';

export interface HttpAnswer {
  status: number;
  body: string;
}

export type HttpFailureKind = 'request' | 'address' | 'tls' | 'connection' | 'too-large';

export class HttpFailure extends Error {
  constructor(
    message: string,
    readonly kind: HttpFailureKind,
  ) {
    super(message);
  }

  /** Not evidence the service is down: a request that could not be made or read. */
  get misconfigured(): boolean {
    return this.kind !== 'connection';
  }
}

/**
 * The URL and headers to send, or why they cannot be sent. Credentials in the URL become a
 * Basic Authorization header (fetch refuses them in the URL). Messages never hold a header
 * value: it may come from a secret.
 */
export function prepareRequest(
  url: string,
  headers: Record<string, string>,
): { url: URL; headers: Record<string, string> } | HttpFailure {
  if (!URL.canParse(url)) return new HttpFailure('not a valid URL', 'request');
  const parsed = splitCredentials(new URL(url));
  if (parsed.url.protocol !== 'http:' && parsed.url.protocol !== 'https:')
    return new HttpFailure(`unsupported protocol '${parsed.url.protocol}'`, 'request');
  const prepared = { ...headers };
  const named = Object.keys(prepared).some((h) => h.toLowerCase() === 'authorization');
  if (parsed.authorization && !named) prepared.Authorization = parsed.authorization;
  for (const [name, value] of Object.entries(prepared)) {
    try {
      http().validateHeaderName(name);
    } catch {
      return new HttpFailure(`header name '${name}' is not a valid HTTP header name`, 'request');
    }
    try {
      http().validateHeaderValue(name, value);
    } catch {
      return new HttpFailure(
        `header '${name}' cannot be sent: its value holds a newline or another character HTTP forbids`,
        'request',
      );
    }
  }
  return { url: parsed.url, headers: prepared };
}

/** fetch's messages without a cause code, for requests it refused to make. */
const UNSENDABLE = new Set(['bad port', 'unknown scheme', 'not implemented... yet...']);

/**
 * What a failure of fetch or of the HTTP client means. Messages are fetch's own only where
 * they cannot quote input.
 */
export function classifyFetchError(error: unknown, timeoutMs: number): HttpFailure {
  if (error instanceof HttpFailure) return error;
  if (error instanceof TooLargeError)
    return new HttpFailure(`answered more than ${formatBytes(error.limit)}`, 'too-large');
  if (error instanceof HttpError)
    return new HttpFailure(
      error.timedOut
        ? error.message
        : redactUrlsIn(describeNetworkError(error.code, error.message)),
      error.kind,
    );
  const { name, cause } = error as { name?: string; cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError' || name === 'AbortError')
    return new HttpFailure(`no answer within ${timeoutMs} ms`, 'connection');
  if (cause?.code) {
    const fault = networkFault(cause.code);
    return new HttpFailure(
      redactUrlsIn(describeNetworkError(cause.code, cause.message ?? cause.code)),
      fault,
    );
  }
  if (cause?.message && UNSENDABLE.has(cause.message))
    return new HttpFailure(`the request cannot be sent (${cause.message})`, 'request');
  if (cause?.message) return new HttpFailure(redactUrlsIn(cause.message), 'connection');
  // A TypeError with no cause is fetch refusing to build the request; its message may quote
  // a header value, so it is not repeated.
  return new HttpFailure('the request cannot be built', 'request');
}

export async function httpGet(
  url: string,
  timeoutMs: number,
  headers: Record<string, string>,
  maxBytes: number,
): Promise<HttpAnswer> {
  const prepared = prepareRequest(url, headers);
  if (prepared instanceof HttpFailure) throw prepared;
  try {
    const { status, text } = await send({
      url: prepared.url,
      headers: prepared.headers,
      timeoutMs,
      maxBytes,
      redirects: 20,
    });
    // An error answer may quote the credentials it refused: they go no further than here.
    return { status, body: scrubSecrets(text) };
  } catch (error) {
    throw classifyFetchError(error, timeoutMs);
  }
}

/**
 * The headers to send: the policy's own, then each `headers-env` header from the step's
 * environment. Its values are secrets (returned for masking); a variable not set is named in
 * `missing`, never guessed empty.
 */
export function headersFromEnv(
  headers: Record<string, string> | undefined,
  headersEnv: Record<string, string> | undefined,
  env: NodeJS.ProcessEnv,
): { headers: Record<string, string>; secrets: string[]; missing: string[] } {
  const out: Record<string, string> = { ...headers };
  const secrets: string[] = [];
  const missing: string[] = [];
  for (const [header, variable] of Object.entries(headersEnv ?? {})) {
    const value = env[variable];
    if (value) {
      secrets.push(value);
      out[header] = value;
    } else missing.push(`${variable} (header ${header})`);
  }
  return { headers: out, secrets, missing };
}
