/**
 * A GET to a monitoring server's JSON API (Prometheus, Alertmanager) as the policy connects to
 * it: extra headers, bearer or basic credentials, a CA bundle, a timeout and a size cap. The
 * one place those servers are reached; each provider reads the answer in its own terms.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { readBodyBounded } from '../bounded.js';

export interface ApiConnection {
  url: string;
  headers?: Record<string, string>;
  bearerToken?: string;
  basicAuth?: { username: string; password: string };
  /** PEM CA bundle the server's certificate must chain to (read from `ca-file`). */
  ca?: string;
  timeoutMs?: number;
}

/** Query parameters; a list repeats the name (Alertmanager's `filter`, one matcher each). */
export type ApiParams = Record<string, string | readonly string[]>;

export function apiGet(
  connection: ApiConnection,
  path: string,
  params: ApiParams,
  maxBytes: number,
): Promise<{ status: number; text: string }> {
  const url = new URL(connection.url.replace(/\/$/, '') + path);
  for (const [name, value] of Object.entries(params))
    for (const each of typeof value === 'string' ? [value] : value)
      url.searchParams.append(name, each);
  const headers: http.OutgoingHttpHeaders = { Accept: 'application/json', ...connection.headers };
  if (connection.bearerToken) headers.Authorization = `Bearer ${connection.bearerToken}`;
  else if (connection.basicAuth)
    headers.Authorization = `Basic ${Buffer.from(`${connection.basicAuth.username}:${connection.basicAuth.password}`).toString('base64')}`;
  const timeout = connection.timeoutMs ?? 10_000;
  const send = url.protocol === 'https:' ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      { headers, timeout, ...(connection.ca ? { ca: connection.ca } : {}) },
      (res) => {
        readBodyBounded(res, maxBytes).then(
          (text) => resolve({ status: res.statusCode ?? 0, text }),
          reject,
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeout} ms`)));
    req.on('error', reject);
  });
}
