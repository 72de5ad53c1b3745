/**
 * A GET to a monitoring server's JSON API (Prometheus, Alertmanager) as the policy connects to
 * it: extra headers, bearer or basic credentials, a CA bundle, a timeout and a size cap. The
 * one place those servers are reached; each provider reads the answer in its own terms.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { send } from '../http-client.js';
import { scrubSecrets } from '../secrets.js';
import { basicCredentials } from '../url.js';

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

export async function apiGet(
  connection: ApiConnection,
  path: string,
  params: ApiParams,
  maxBytes: number,
): Promise<{ status: number; text: string }> {
  const url = new URL(connection.url.replace(/\/$/, '') + path);
  for (const [name, value] of Object.entries(params))
    for (const each of typeof value === 'string' ? [value] : value)
      url.searchParams.append(name, each);
  const headers: OutgoingHttpHeaders = { Accept: 'application/json', ...connection.headers };
  if (connection.bearerToken) headers.Authorization = `Bearer ${connection.bearerToken}`;
  else if (connection.basicAuth)
    headers.Authorization = `Basic ${basicCredentials(connection.basicAuth.username, connection.basicAuth.password)}`;
  const { status, text } = await send({
    url,
    headers,
    timeoutMs: connection.timeoutMs ?? 10_000,
    maxBytes,
    ...(connection.ca ? { tls: { ca: connection.ca } } : {}),
  });
  // An error answer may quote the credentials it refused: they go no further than here.
  return { status, text: scrubSecrets(text) };
}
