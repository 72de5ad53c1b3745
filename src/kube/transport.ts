/**
 * The one door to a Kubernetes API server. @kubernetes/client-node loads the kubeconfig and
 * authenticates (tokens, exec plugins, client certificates, CA, proxies); requests go out
 * here as raw JSON, because the client's typed models drop fields they do not know and a
 * rollback must put back the pod template exactly as it was. Every request is counted.
 */
import type * as http from 'node:http';
import type * as https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

import { TooLargeError } from '../bounded.js';
import { send } from '../http-client.js';
import { formatBytes, LIMITS } from '../limits.js';
import { describeNetworkError } from '../net-errors.js';
import { scrubSecrets } from '../secrets.js';
import { redactUrl, redactUrlsIn } from '../url.js';
import type { Json } from './types.js';
import { messageOf } from '../errors.js';
import { openWatch, type WatchStream } from './watch.js';

export interface KubeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  timeoutMs?: number;
}

/** An answer from the API server that is not a success, with its Status fields. */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly request: KubeRequest,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface NetworkDetails {
  /** Node's error code: ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED... */
  code?: string;
  /** The server, redacted. */
  server?: string;
  /** What happened, in a few words: `connection refused`. */
  reason?: string;
  /** Whether the server had answered any request of this run before this one failed. */
  answeredBefore?: boolean;
}

/** No answer at all: refused, reset, timed out. Whether a write landed is unknown. */
export class KubeNetworkError extends Error {
  constructor(
    message: string,
    readonly request: KubeRequest,
    readonly details: NetworkDetails = {},
  ) {
    super(message);
  }
}

export interface Transport {
  readonly context: string;
  /** The API server's URL for messages: its userinfo redacted. */
  readonly server: string;
  /** Requests sent so far, for the report and the API-call budget in tests. */
  readonly calls: number;
  request<T = Json>(request: KubeRequest): Promise<T>;
  /** Opens a watch (a GET with `watch=1` in its query); absent where watching is not offered. */
  watch?(request: KubeRequest): Promise<WatchStream>;
}

export class HttpTransport implements Transport {
  calls = 0;
  readonly server: string;
  /** Whether the server has answered in this run: after that, a refusal is a restart. */
  private answered = false;

  constructor(
    private readonly kubeConfig: KubeConfig,
    readonly context: string,
    /** The URL as the kubeconfig has it, userinfo included; never printed. */
    private readonly endpoint: string,
  ) {
    this.server = redactUrl(endpoint);
  }

  async request<T = Json>(request: KubeRequest): Promise<T> {
    const options: https.RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(options);
    const url = new URL(this.endpoint.replace(/\/$/, '') + request.path);
    for (const [key, value] of Object.entries(request.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, value);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    // applyToHTTPSOptions sets the Authorization header (a token, or one from an exec plugin);
    // the rest (CA, client certificate, agent) is TLS's.
    const { headers: auth, ...tls } = options;
    const headers: http.OutgoingHttpHeaders = {
      ...(auth as http.OutgoingHttpHeaders | undefined),
      Accept: 'application/json',
      'User-Agent': 'rollback-action',
      ...(body !== undefined
        ? {
            'Content-Type': request.contentType ?? 'application/json',
            'Content-Length': Buffer.byteLength(body),
          }
        : {}),
    };
    this.calls += 1;
    const answeredBefore = this.answered;
    const answer = await send({
      method: request.method,
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      timeoutMs: request.timeoutMs ?? 30_000,
      maxBytes: LIMITS.kubeAnswer,
      tls,
      onAnswer: () => (this.answered = true),
    }).catch((error: unknown) => {
      const where = `${request.method} ${url.pathname} on ${this.server}`;
      // Not a network failure: the answer came, it is too big to hold. Not worth a retry.
      if (error instanceof TooLargeError)
        throw new Error(`${where}: the API server answered more than ${formatBytes(error.limit)}`);
      const code = (error as NodeJS.ErrnoException).code;
      const reason = redactUrlsIn(describeNetworkError(code, messageOf(error)));
      throw new KubeNetworkError(`${where}: ${reason}`, request, {
        code,
        reason,
        server: this.server,
        answeredBefore,
      });
    });
    const { status, text } = answer;
    const retryAfter = answer.headers['retry-after'];
    let parsed: unknown;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      parsed = undefined;
    }
    if (status >= 200 && status < 300) return parsed as T;
    const statusBody = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
      message?: unknown;
      reason?: unknown;
    };
    // An auth proxy in front of the API server may quote the credential it refused.
    const message = scrubSecrets(
      typeof statusBody.message === 'string'
        ? redactUrlsIn(statusBody.message)
        : redactUrlsIn(text.slice(0, 200)) || `HTTP ${status}`,
    );
    const reason = typeof statusBody.reason === 'string' ? statusBody.reason : `HTTP${status}`;
    const seconds = retryAfter === undefined ? undefined : Number(retryAfter);
    throw new KubeApiError(
      status,
      reason,
      message,
      request,
      Number.isFinite(seconds) ? seconds : undefined,
    );
  }

  async watch(request: KubeRequest): Promise<WatchStream> {
    const options: https.RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(options);
    const url = new URL(this.endpoint.replace(/\/$/, '') + request.path);
    for (const [key, value] of Object.entries(request.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, value);
    const headers: http.OutgoingHttpHeaders = {
      ...((options.headers ?? {}) as http.OutgoingHttpHeaders),
      Accept: 'application/json',
      'User-Agent': 'rollback-action',
    };
    this.calls += 1;
    const stream = await openWatch({ url, options, headers, server: this.server, request });
    this.answered = true;
    return stream;
  }
}
