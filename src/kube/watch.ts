/**
 * A Kubernetes watch over one HTTP response: the API server answers `?watch=1` with one JSON
 * event per line and keeps the response open. The transport opens it (authentication as for
 * any request); this reads it, one event at a time, and says when the server closed it.
 */
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { RequestOptions } from 'node:https';
import { http, https } from '../node-http.js';

import { readBodyBounded } from '../bounded.js';
import { messageOf } from '../errors.js';
import { LIMITS } from '../limits.js';
import { describeNetworkError } from '../net-errors.js';
import { redactUrlsIn } from '../url.js';
import { KubeApiError, KubeNetworkError, type KubeRequest } from './transport.js';
import type { Json } from './types.js';

/** One event as the API server sends it: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR. */
export interface WatchEvent {
  type: string;
  object: Json;
}

export interface WatchStream {
  /** The next event; undefined once the watch is closed (by the server, the network or us). */
  next(): Promise<WatchEvent | undefined>;
  close(): void;
}

export interface WatchTarget {
  url: URL;
  options: RequestOptions;
  headers: OutgoingHttpHeaders;
  /** The server, redacted, for messages. */
  server: string;
  request: KubeRequest;
}

/**
 * Opens the watch; resolves once the server has answered its headers. A refusal (any status
 * but 2xx) is a KubeApiError, no answer a KubeNetworkError, as for a plain request.
 */
export function openWatch(target: WatchTarget): Promise<WatchStream> {
  const { url, request } = target;
  const send = url.protocol === 'https:' ? https().request : http().request;
  return new Promise<WatchStream>((resolve, reject) => {
    const req = send(url, { ...target.options, method: 'GET', headers: target.headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        resolve(readEvents(res, () => req.destroy()));
        return;
      }
      readBodyBounded(res, 64 * 1024).then(
        (text) => reject(apiError(status, text, request)),
        (error: unknown) => reject(apiError(status, messageOf(error), request)),
      );
    });
    // Only until the headers come: after that, a silent watch is normal (nothing changes).
    req.setTimeout(request.timeoutMs ?? 30_000, () =>
      req.destroy(
        Object.assign(new Error(`no answer within ${request.timeoutMs ?? 30_000} ms`), {
          code: 'ETIMEDOUT',
        }),
      ),
    );
    req.on('response', () => req.setTimeout(0));
    req.on('error', (error: NodeJS.ErrnoException) => {
      // As the transport says it; describeError in client.ts makes it the line users read.
      const where = `${request.method} ${url.pathname} on ${target.server}`;
      const reason = redactUrlsIn(describeNetworkError(error.code, messageOf(error)));
      reject(
        new KubeNetworkError(`${where}: ${reason}`, request, {
          code: error.code,
          reason,
          server: target.server,
        }),
      );
    });
    req.end();
  });
}

function apiError(status: number, text: string, request: KubeRequest): KubeApiError {
  let body: { message?: unknown; reason?: unknown } = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null) body = parsed;
  } catch {
    // not a Status: the text itself says what happened
  }
  const message =
    typeof body.message === 'string'
      ? redactUrlsIn(body.message)
      : redactUrlsIn(text.slice(0, 200)) || `HTTP ${status}`;
  const reason = typeof body.reason === 'string' ? body.reason : `HTTP${status}`;
  return new KubeApiError(status, reason, message, request);
}

/**
 * The events of an open watch response, split on newlines. A line longer than the API
 * answer limit, or one that is not JSON, ends the watch (the caller resumes or relists).
 */
function readEvents(res: IncomingMessage, destroy: () => void): WatchStream {
  const queue: WatchEvent[] = [];
  const waiting: ((event: WatchEvent | undefined) => void)[] = [];
  let buffered = '';
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    destroy();
    for (const wake of waiting.splice(0)) wake(undefined);
  };
  const push = (event: WatchEvent): void => {
    const wake = waiting.shift();
    if (wake) wake(event);
    else queue.push(event);
  };
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    if (ended) return;
    buffered += chunk;
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      const event = parseEvent(line);
      if (!event) return end();
      push(event);
    }
    if (buffered.length > LIMITS.kubeAnswer) end();
  });
  res.on('end', end);
  res.on('close', end);
  res.on('error', end);
  return {
    next: () => {
      const event = queue.shift();
      if (event) return Promise.resolve(event);
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: end,
  };
}

/** One line of a watch: `{"type": ..., "object": ...}`, or undefined when it is not one. */
export function parseEvent(line: string): WatchEvent | undefined {
  try {
    const parsed = JSON.parse(line) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { type, object } = parsed as { type?: unknown; object?: unknown };
    if (typeof type !== 'string' || typeof object !== 'object' || object === null) return undefined;
    return { type, object: object as Json };
  } catch {
    return undefined;
  }
}
