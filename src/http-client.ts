/**
 * The one HTTP client of the providers and the Kubernetes transport: a request with a deadline
 * for the whole exchange, an answer read under a size cap (bounded.ts), TLS options (a CA
 * bundle, or what client-node sets: client certificate, CA, agent), and a failure classified
 * as net-errors.ts draws the line. Each caller brings its own auth and words failures its own
 * way; nothing here prints a header.
 */
import type {
  ClientRequest,
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
} from 'node:http';
import type { RequestOptions } from 'node:https';
import { http, https } from './node-http.js';
import { readBodyBounded, TooLargeError } from './bounded.js';
import { networkFault, type NetworkFault } from './net-errors.js';

export interface HttpRequest {
  method?: string;
  url: URL;
  headers?: OutgoingHttpHeaders;
  body?: string;
  /** For the whole exchange, redirects and the answer's body included. */
  timeoutMs: number;
  /** The answer's body is given up past this many bytes (TooLargeError). */
  maxBytes: number;
  /** Passed to node:https (and node:http): ca, cert, key, agent... */
  tls?: RequestOptions;
  /** Redirects a GET follows (as fetch does: 20); none by default. */
  redirects?: number;
  /** Called when an answer's status arrives, before its body is read. */
  onAnswer?: () => void;
}

export interface HttpResponse {
  status: number;
  text: string;
  headers: IncomingHttpHeaders;
}

/** No answer, or none read whole: Node's message (or the deadline's), its code, its kind. */
export class HttpError extends Error {
  readonly kind: NetworkFault;
  constructor(
    message: string,
    readonly code: string | undefined,
    /** The deadline passed (code ETIMEDOUT; the message says the deadline). */
    readonly timedOut = false,
  ) {
    super(message);
    this.kind = networkFault(code);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function asHttpError(error: unknown): Error {
  if (error instanceof HttpError || error instanceof TooLargeError) return error;
  // Read, not instanceof: Node's errors may come from another realm (Jest's VM modules).
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return new HttpError(
    typeof message === 'string' ? message : String(error),
    typeof code === 'string' ? code : undefined,
  );
}

/**
 * Sends `request`: the answer whatever its status, or an HttpError (no answer) or a
 * TooLargeError (an answer too big to hold).
 */
export function send(request: HttpRequest): Promise<HttpResponse> {
  const method = request.method ?? 'GET';
  return new Promise<HttpResponse>((resolve, reject) => {
    let current: ClientRequest | undefined;
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const fail = (error: unknown): void =>
      settle(() => {
        current?.destroy();
        reject(asHttpError(error));
      });
    const timer = setTimeout(() => {
      fail(new HttpError(`no answer within ${request.timeoutMs} ms`, 'ETIMEDOUT', true));
    }, request.timeoutMs);

    const go = (url: URL, headers: OutgoingHttpHeaders, hops: number, retry = true): void => {
      const options = { ...request.tls, method, headers };
      let answered = false;
      const onAnswer = (res: IncomingMessage): void => {
        answered = true;
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (
          REDIRECTS.has(status) &&
          location &&
          method === 'GET' &&
          hops < (request.redirects ?? 0)
        ) {
          res.resume();
          if (!URL.canParse(location, url.href)) {
            fail(new HttpError('redirected to a location that is no URL', 'ERR_INVALID_URL'));
            return;
          }
          const next = new URL(location, url);
          // As fetch: credentials are not sent on to another origin.
          const onward =
            next.origin === url.origin
              ? headers
              : Object.fromEntries(
                  Object.entries(headers).filter(
                    ([name]) => name.toLowerCase() !== 'authorization',
                  ),
                );
          go(next, onward, hops + 1);
          return;
        }
        request.onAnswer?.();
        readBodyBounded(res, request.maxBytes).then(
          (text) => settle(() => resolve({ status, text, headers: res.headers })),
          fail,
        );
      };
      let req: ClientRequest;
      try {
        req = (url.protocol === 'https:' ? https().request : http().request)(
          url,
          options,
          onAnswer,
        );
      } catch (error) {
        // A header or URL Node refuses to send (ERR_INVALID_CHAR, ERR_INVALID_PROTOCOL...).
        fail(error);
        return;
      }
      current = req;
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed while idle: the request never reached it.
        // A GET is sent once more on a new connection, as fetch does.
        if (
          retry &&
          !answered &&
          method === 'GET' &&
          req.reusedSocket &&
          error.code === 'ECONNRESET'
        )
          go(url, headers, hops, false);
        else fail(error);
      });
      req.end(request.body);
    };
    go(request.url, request.headers ?? {}, 0);
  });
}
