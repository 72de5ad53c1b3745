/**
 * A Prometheus stand-in on loopback for tests that need an exact answer (a warning, an error
 * type, a value at a threshold) rather than the real server's: each request's URL is mapped
 * to a JSON body and status. Closed by `closeStandIns()` (in an afterEach), also on failure.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from '../util/net.js';

const open = new Map<string, Server>();

/** Starts a stand-in answering each request with `answer(url)`; returns its base URL. */
export async function prometheusAnswering(
  answer: (url: URL) => { status?: number; body: unknown },
): Promise<string> {
  const server = createServer((req, res) => {
    const { status = 200, body } = answer(new URL(req.url ?? '/', 'http://stand-in'));
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  const url = await listenOnLoopback(server);
  open.set(url, server);
  return url;
}

/**
 * Starts a stand-in that answers each request itself (slowly, as HTML, endlessly...), for
 * answers that are no JSON; returns its base URL. Closed by `closeStandIns()` like the others.
 */
export async function prometheusServing(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  const server = createServer(handle);
  const url = await listenOnLoopback(server);
  open.set(url, server);
  return url;
}

/** Stops the stand-in at `url` now (Prometheus going down), open connections included. */
export async function stopStandIn(url: string): Promise<void> {
  const server = open.get(url);
  open.delete(url);
  if (server) await closeServer(server);
}

/** Closes every stand-in started so far. */
export async function closeStandIns(): Promise<void> {
  const servers = [...open.values()];
  open.clear();
  await Promise.all(servers.map((s) => closeServer(s)));
}

export type InstantSeries = { metric?: Record<string, string>; value: [number, string] };

/** An instant-query answer of one or more series. */
export function vector(...result: InstantSeries[]): Record<string, unknown> {
  return {
    status: 'success',
    data: { resultType: 'vector', result: result.map((r) => ({ metric: {}, ...r })) },
  };
}

/** A range-query answer without history. */
export const NO_HISTORY = { status: 'success', data: { resultType: 'matrix', result: [] } };
