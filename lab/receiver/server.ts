/**
 * A webhook receiver on loopback: records every request (method, path, headers, body) and
 * answers each one as a script says (a status, headers such as Retry-After, a body), by the
 * request's number per path. It stands in for Slack's incoming webhooks, PagerDuty's Events
 * API and any JSON webhook. Bodies are read up to a cap, so a runaway sender cannot fill memory.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from '../util/net.js';

export interface ReceivedRequest {
  method: string;
  /** The path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as text, and parsed when it is JSON. */
  text: string;
  json: unknown;
  at: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** How to answer the `n`th request (from 1) to `path`. Default: 200 `ok`, as Slack does. */
export type Script = (path: string, n: number, request: ReceivedRequest) => Answer;

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** The requests to one path, in order. */
  to(path: string): ReceivedRequest[];
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

export async function startReceiver(
  script: Script = () => ({ status: 200, body: 'ok' }),
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text) as unknown;
      } catch {
        json = undefined;
      }
      const path = req.url ?? '/';
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path,
        headers: req.headers,
        text,
        json,
        at: Date.now(),
      };
      requests.push(request);
      const bare = path.split('?')[0] ?? path;
      const n = (counts.get(bare) ?? 0) + 1;
      counts.set(bare, n);
      const answer = script(bare, n, request);
      res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
    });
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    requests,
    to: (path) => requests.filter((r) => (r.path.split('?')[0] ?? r.path) === path),
    close: () => closeServer(server),
  };
}
