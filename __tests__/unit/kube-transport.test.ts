/**
 * The Kubernetes transport over TLS as a kubeconfig sets it up: client-node applies the
 * cluster's CA and the user's client certificate or token, the HTTP client sends. The lab's
 * kube-sim speaks plain http, so this is where mutual TLS is proven.
 */
import { createServer, type Server } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import { generate } from 'selfsigned';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';
import { createServer as createHttpServer } from 'node:http';
import { maskSecret } from '../../src/secrets.js';
import { HttpTransport, KubeApiError, KubeNetworkError } from '../../src/kube/transport.js';

let server: Server | undefined;
afterEach(async () => {
  if (server) await closeServer(server);
  server = undefined;
});

const pemsFor = (name: string) =>
  generate([{ name: 'commonName', value: name }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });

const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** An API server that trusts only `clientCa` for client certificates, and says who called. */
async function apiServer(
  serverPems: Awaited<ReturnType<typeof pemsFor>>,
  clientCa: string,
): Promise<string> {
  server = createServer(
    {
      key: serverPems.private,
      cert: serverPems.cert,
      ca: clientCa,
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      // A TLS socket: whether the client's certificate chains to clientCa, and whose it is.
      const tls = req.socket as unknown as {
        authorized: boolean;
        getPeerCertificate(): { subject: { CN: string } };
      };
      if (!tls.authorized && !req.headers.authorization) {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({ kind: 'Status', reason: 'Unauthorized', message: 'Unauthorized' }),
        );
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          certificate: tls.authorized ? tls.getPeerCertificate().subject.CN : null,
          authorization: req.headers.authorization ?? null,
          path: req.url,
        }),
      );
    },
  );
  return (await listenOnLoopback(server)).replace('http:', 'https:');
}

function kubeConfig(
  url: string,
  caCert: string,
  user: { certData?: string; keyData?: string; token?: string },
): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'c', server: url, caData: b64(caCert), skipTLSVerify: false }],
    users: [{ name: 'u', ...user }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return config;
}

test('a client certificate from the kubeconfig is presented, the cluster CA trusted', async () => {
  const serverPems = await pemsFor('127.0.0.1');
  const clientPems = await pemsFor('deployer');
  const url = await apiServer(serverPems, clientPems.cert);
  const config = kubeConfig(url, serverPems.cert, {
    certData: b64(clientPems.cert),
    keyData: b64(clientPems.private),
  });
  const transport = new HttpTransport(config, 'ctx', url);
  expect(await transport.request({ method: 'GET', path: '/api', query: { limit: '1' } })).toEqual({
    certificate: 'deployer',
    authorization: null,
    path: '/api?limit=1',
  });
  expect(transport.calls).toBe(1);
});

test('a token from the kubeconfig is sent as a bearer token', async () => {
  const serverPems = await pemsFor('127.0.0.1');
  const url = await apiServer(serverPems, (await pemsFor('nobody')).cert);
  const config = kubeConfig(url, serverPems.cert, { token: 't0ken' });
  const answer = await new HttpTransport(config, 'ctx', url).request({
    method: 'GET',
    path: '/api',
  });
  expect(answer).toMatchObject({ certificate: null, authorization: 'Bearer t0ken' });
});

test('without credentials: the Status the server answers', async () => {
  const serverPems = await pemsFor('127.0.0.1');
  const url = await apiServer(serverPems, (await pemsFor('nobody')).cert);
  const transport = new HttpTransport(kubeConfig(url, serverPems.cert, {}), 'ctx', url);
  const failure: unknown = await transport
    .request({ method: 'GET', path: '/api' })
    .catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(KubeApiError);
  expect(failure).toMatchObject({ status: 401, reason: 'Unauthorized', message: 'Unauthorized' });
});

test('a server whose certificate the cluster CA did not sign: a TLS failure, named', async () => {
  const url = await apiServer(await pemsFor('127.0.0.1'), (await pemsFor('nobody')).cert);
  const otherCa = (await pemsFor('127.0.0.1')).cert;
  const transport = new HttpTransport(kubeConfig(url, otherCa, { token: 't' }), 'ctx', url);
  const failure: unknown = await transport
    .request({ method: 'GET', path: '/api' })
    .catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(KubeNetworkError);
  const { details, message } = failure as KubeNetworkError;
  expect(details).toMatchObject({ server: url, answeredBefore: false });
  expect(message).toMatch(
    new RegExp(`^GET /api on ${url.replace(/[.]/g, '\\.')}: TLS verification failed: `),
  );
});

test('a refusal that quotes the credential: the error holds *** in its place', async () => {
  // An auth proxy in front of the API server, quoting the Authorization it refused.
  const proxy = createHttpServer((req, res) => {
    res.writeHead(401, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        kind: 'Status',
        reason: 'Unauthorized',
        message: `refused ${String(req.headers.authorization)}`,
      }),
    );
  });
  const url = await listenOnLoopback(proxy);
  try {
    const token = 's3cr3t-quoted-token-5d1e';
    const config = new KubeConfig();
    config.loadFromOptions({
      clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
      users: [{ name: 'u', token }],
      contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
      currentContext: 'ctx',
    });
    maskSecret(token);
    const failure: unknown = await new HttpTransport(config, 'ctx', url)
      .request({ method: 'GET', path: '/api' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(KubeApiError);
    expect(failure).toMatchObject({ status: 401, message: 'refused Bearer ***' });
  } finally {
    await closeServer(proxy);
  }
});
