/**
 * The one HTTP client against real servers on loopback: the answer whatever its status, the
 * deadline over the whole exchange, the size cap, redirects (credentials kept to one origin),
 * a CA bundle, and each failure's kind as net-errors.ts classifies it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { generate } from 'selfsigned';
import { closeServer, freePort, listenOnLoopback } from '../../lab/util/net.js';
import { TooLargeError } from '../../src/bounded.js';
import { HttpError, send, type HttpRequest } from '../../src/http-client.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => closeServer(s)));
});

/** A loopback server that hands each request, its body read, to `handler`. */
async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handler(req, res, body));
  });
  servers.push(server);
  return listenOnLoopback(server);
}

const request = (url: string, more: Partial<HttpRequest> = {}): HttpRequest => ({
  url: new URL(url),
  timeoutMs: 5_000,
  maxBytes: 1024,
  ...more,
});

/** What send() gave: the answer's parts, or the failure's class, kind and code. */
async function outcome(req: HttpRequest): Promise<unknown> {
  try {
    const { status, text } = await send(req);
    return { status, text };
  } catch (error) {
    if (error instanceof HttpError)
      return { failed: 'HttpError', kind: error.kind, code: error.code, message: error.message };
    return { failed: (error as Error).name, message: (error as Error).message };
  }
}

describe('answers', () => {
  test.each<[string, Handler, Partial<HttpRequest>, unknown]>([
    ['a 200 and its body', (_q, res) => res.end('ok'), {}, { status: 200, text: 'ok' }],
    [
      'a 503 is an answer, not a failure',
      (_q, res) => res.writeHead(503).end('busy'),
      {},
      { status: 503, text: 'busy' },
    ],
    [
      'method, headers and body are sent',
      (req, res, body) => res.end(`${req.method ?? ''} ${String(req.headers['x-team'])} ${body}`),
      { method: 'PATCH', headers: { 'X-Team': 'shop' }, body: '{"a":1}' },
      { status: 200, text: 'PATCH shop {"a":1}' },
    ],
    [
      'a body at the cap is read',
      (_q, res) => res.end('x'.repeat(1024)),
      {},
      { status: 200, text: 'x'.repeat(1024) },
    ],
    [
      'a body over the cap is given up',
      (_q, res) => res.end('x'.repeat(1025)),
      {},
      { failed: 'TooLargeError', message: new TooLargeError(1024).message },
    ],
    [
      'a redirect is an answer unless asked to follow',
      (_q, res) => res.writeHead(302, { Location: '/there' }).end(),
      {},
      { status: 302, text: '' },
    ],
    [
      'redirects followed, up to the number asked',
      (req, res) =>
        req.url === '/c' ? res.end('arrived') : res.writeHead(301, { Location: '/c' }).end(),
      { redirects: 1 },
      { status: 200, text: 'arrived' },
    ],
    [
      'no more redirects than asked: the last is the answer',
      (req, res) =>
        req.url === '/c'
          ? res.end('arrived')
          : res.writeHead(301, { Location: req.url === '/a' ? '/b' : '/c' }).end(),
      { redirects: 1 },
      { status: 301, text: '' },
    ],
    [
      'a POST does not follow a redirect',
      (_q, res) => res.writeHead(307, { Location: '/there' }).end(),
      { method: 'POST', redirects: 5 },
      { status: 307, text: '' },
    ],
  ])('%s', async (_name, handler, more, expected) => {
    expect(await outcome(request(`${await serve(handler)}/a`, more))).toEqual(expected);
  });

  test('the Retry-After header and the others are given', async () => {
    const url = await serve((_q, res) => res.writeHead(429, { 'Retry-After': '3' }).end());
    const answer = await send(request(url));
    expect(answer.headers['retry-after']).toBe('3');
  });

  test('onAnswer is called when an answer arrives, before its body is read', async () => {
    const calls: string[] = [];
    const url = await serve((_q, res) => res.end('x'.repeat(2048)));
    await expect(send(request(url, { onAnswer: () => calls.push('answer') }))).rejects.toThrow(
      TooLargeError,
    );
    expect(calls).toEqual(['answer']);
  });
});

describe('redirects and credentials', () => {
  test('Authorization goes on to the same origin, never to another', async () => {
    const seen: (string | undefined)[] = [];
    const other = await serve((req, res) => {
      seen.push(req.headers.authorization);
      res.end('other');
    });
    const first = await serve((req, res) => {
      seen.push(req.headers.authorization);
      if (req.url === '/start') res.writeHead(302, { Location: '/same' }).end();
      else res.writeHead(302, { Location: `${other}/elsewhere` }).end();
    });
    const answer = await send(
      request(`${first}/start`, { headers: { Authorization: 'Bearer t' }, redirects: 20 }),
    );
    expect({ status: answer.status, text: answer.text, seen }).toEqual({
      status: 200,
      text: 'other',
      seen: ['Bearer t', 'Bearer t', undefined],
    });
  });
});

describe('kept-alive connections', () => {
  /** Answers a connection's first request; drops the connection at its second, unanswered. */
  async function dropsReusedConnections(): Promise<string> {
    const served = new WeakMap<object, number>();
    return serve((req, res) => {
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      if (count > 1) req.socket.destroy();
      else res.end('fresh');
    });
  }

  test('a GET on a connection the server dropped is sent again on a new one', async () => {
    const url = await dropsReusedConnections();
    expect(await outcome(request(url))).toEqual({ status: 200, text: 'fresh' });
    expect(await outcome(request(url))).toEqual({ status: 200, text: 'fresh' });
  });

  test('a POST is not sent twice', async () => {
    const url = await dropsReusedConnections();
    expect(await outcome(request(url, { method: 'POST', body: 'x' }))).toMatchObject({
      status: 200,
    });
    expect(await outcome(request(url, { method: 'POST', body: 'x' }))).toMatchObject({
      failed: 'HttpError',
      kind: 'connection',
      code: 'ECONNRESET',
    });
  });
});

describe('failures', () => {
  test('a refused connection is the connection’s fault', async () => {
    const url = `http://127.0.0.1:${await freePort()}/`;
    expect(await outcome(request(url))).toMatchObject({
      failed: 'HttpError',
      kind: 'connection',
      code: 'ECONNREFUSED',
    });
  });

  test.each<[string, Handler]>([
    ['no answer at all', () => undefined],
    [
      'an answer whose body never ends',
      (_q, res) => {
        res.writeHead(200);
        res.write('partial');
      },
    ],
  ])('the deadline covers %s', async (_name, handler) => {
    const url = await serve(handler);
    expect(await outcome(request(url, { timeoutMs: 200 }))).toEqual({
      failed: 'HttpError',
      kind: 'connection',
      code: 'ETIMEDOUT',
      message: 'no answer within 200 ms',
    });
  });

  test('a redirect to no URL is the request’s fault', async () => {
    const url = await serve((_q, res) => res.writeHead(302, { Location: 'http://[nope' }).end());
    expect(await outcome(request(url, { redirects: 20 }))).toEqual({
      failed: 'HttpError',
      kind: 'request',
      code: 'ERR_INVALID_URL',
      message: 'redirected to a location that is no URL',
    });
  });

  test('a header Node refuses to send is the request’s fault and not quoted', async () => {
    const url = await serve((_q, res) => res.end());
    const failure = await outcome(request(url, { headers: { 'X-Token': 's3cret\nx' } }));
    expect(failure).toMatchObject({
      failed: 'HttpError',
      kind: 'request',
      code: 'ERR_INVALID_CHAR',
    });
    expect(JSON.stringify(failure)).not.toContain('s3cret');
  });

  test('TLS: trusted with the CA bundle given, a TLS fault without it', async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    const server = createTlsServer({ key: pems.private, cert: pems.cert }, (_q, res) =>
      res.end('secure'),
    );
    servers.push(server);
    const url = (await listenOnLoopback(server)).replace('http:', 'https:');
    expect(await outcome(request(url, { tls: { ca: pems.cert } }))).toEqual({
      status: 200,
      text: 'secure',
    });
    expect(await outcome(request(url))).toMatchObject({ failed: 'HttpError', kind: 'tls' });
  });
});
