/**
 * Files and answers that are not what the action expects, through the bundled action: a
 * wrong path is named without quoting the file it points at, and nothing is read past its
 * cap (/dev/zero, a 50 MB Prometheus answer).
 */
import { createServer, type Server } from 'node:http';
import { deployment } from '../../lab/kube-sim/fixtures.js';
import { startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { runAction, type RunResult } from '../../lab/runner/harness.js';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';

let server: Server | undefined;
let sim: KubeSim | undefined;
afterEach(async () => {
  if (server) await closeServer(server);
  await sim?.close();
  server = undefined;
  sim = undefined;
});

const errors = (result: RunResult): string[] =>
  result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const everything = (result: RunResult): string =>
  [result.stdout, result.stderr, result.summary, ...Object.values(result.outputs)].join('\n');

async function withDeployment(): Promise<KubeSim> {
  sim = await startKubeSim({ podReadyDelayMs: 10 });
  sim.apply(deployment('api', 'shop/api:1.0'));
  return sim;
}

test('a snapshot path naming a file that is not a snapshot: named, never quoted', async () => {
  const kube = await withDeployment();
  const result = await runAction({
    inputs: {
      mode: 'rollback',
      kubeconfig: kube.kubeconfig('sim'),
      targets: 'deployment/api',
      snapshot: 'passwd',
    },
    files: { passwd: PASSWD },
  });
  expect(result.exitCode).toBe(1);
  expect(errors(result)).toEqual([
    "rollback-action: input 'snapshot': 'passwd' is not a rollback-action snapshot (not valid JSON)",
  ]);
  expect(everything(result)).not.toContain('root:x');
  expect(kube.requests.filter((r) => r.method !== 'GET')).toEqual([]);
});

// A policy path of /dev/zero, or a link to it: __tests__/reliability/oversized-input.test.ts.
test.each<[string, Record<string, string>, Record<string, string>, string]>([
  [
    'a snapshot path of /dev/zero',
    { mode: 'rollback', targets: 'deployment/api', snapshot: '/dev/zero', kubeconfig: 'x' },
    {},
    "rollback-action: input 'snapshot': '/dev/zero' is larger than 16 MiB; it is not a snapshot from mode: capture",
  ],
  [
    'a KUBECONFIG of /dev/zero',
    { mode: 'capture', targets: 'deployment/api' },
    { KUBECONFIG: '/dev/zero' },
    'rollback-action: KUBECONFIG (/dev/zero): larger than 4 MiB; a kubeconfig is a few KiB',
  ],
  [
    'a KUBECONFIG that is a passwd file',
    { mode: 'capture', targets: 'deployment/api' },
    { KUBECONFIG: '/etc/passwd' },
    'rollback-action: KUBECONFIG (/etc/passwd): holds no contexts; is it a kubeconfig?',
  ],
])('%s: one line, the input and the limit', async (_name, inputs, env, message) => {
  const result = await runAction({ inputs, env, timeoutMs: 30_000 });
  expect(result.exitCode).toBe(1);
  expect(errors(result)).toEqual([message]);
  expect(everything(result)).not.toContain('root:x');
  expect(result.durationMs).toBeLessThan(10_000);
});

test('a CA file of /dev/zero is refused with the limit', async () => {
  const result = await runAction({
    files: {
      '.github/rollback-policy.yml': `
metrics:
  prometheus: {url: 'https://127.0.0.1:1', ca-file: /dev/zero}
triggers:
  - {name: up, query: 'sum(up)', below: 1, severity: P0}
`,
    },
  });
  expect(result.exitCode).toBe(1);
  expect(errors(result)).toEqual([
    "rollback-action: .github/rollback-policy.yml: metrics.prometheus.ca-file '/dev/zero' is larger than 1 MiB; a CA bundle is a few KiB",
  ]);
});

test('a Prometheus answering 50 MB: no data and a line saying to aggregate, never a rollback', async () => {
  let bytesSent = 0;
  server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const chunk = Buffer.alloc(1024 * 1024, ' ');
    res.write('{"status":"success","data":{"resultType":"vector","result":[');
    let left = 50;
    const more = (): void => {
      while (left > 0) {
        left -= 1;
        bytesSent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', more);
          return;
        }
      }
      res.end(']}}');
    };
    res.on('error', () => undefined);
    more();
  });
  const url = await listenOnLoopback(server);
  const result = await runAction({
    inputs: { 'prometheus-url': url },
    files: {
      '.github/rollback-policy.yml': `
triggers:
  - {name: latency, query: 'http_request_duration_seconds', above: 1, severity: P1}
watch: {window: 2s, interval: 1s}
`,
    },
  });
  expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' });
  expect(result.stdout).toMatch(
    /Prometheus at http:\/\/127\.0\.0\.1:\d+ answered more than 16 MiB for this query; aggregate it \(sum by \.\.\.\)/,
  );
  // The action stopped reading: the stand-in could not send every byte of every answer.
  const polls = (JSON.parse(result.outputs.report ?? '{}') as { watch?: { polls?: number } }).watch
    ?.polls;
  expect(bytesSent).toBeLessThan((polls ?? 3) * 50 * 1024 * 1024);
}, 60_000);
