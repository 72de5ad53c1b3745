/**
 * guard with triggers and no targets, through the harness, against small Prometheus
 * stand-ins: the backend's warnings are shown once each; credentials in the URL never reach
 * the log; an unreachable backend ends inconclusive with nothing to roll back.
 */
import { createServer, type Server } from 'node:http';
import { runAction } from '../../lab/runner/harness.js';
import { closeServer, freePort, listenOnLoopback } from '../../lab/util/net.js';

const POLICY = `
triggers:
  - {name: up, query: 'sum(up{job="api"})', below: 1, consecutive: 2, severity: P0}
watch: {window: 2s, interval: 1s}
`;

let server: Server | undefined;
afterEach(async () => {
  if (server) await closeServer(server);
  server = undefined;
});

test("a backend's warnings are shown once each, and the watch still judges", async () => {
  let queries = 0;
  server = createServer((_req, res) => {
    queries += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        status: 'success',
        warnings: ['PromQL info: metric might not be a counter'],
        data: { resultType: 'vector', result: [{ metric: {}, value: [1, '1'] }] },
      }),
    );
  });
  const url = await listenOnLoopback(server);
  const result = await runAction({
    inputs: { 'prometheus-url': url },
    files: { '.github/rollback-policy.yml': POLICY },
  });
  expect({ exit: result.exitCode, verdict: result.outputs.verdict }).toEqual({
    exit: 0,
    verdict: 'healthy',
  });
  expect(queries).toBeGreaterThanOrEqual(3);
  expect(result.annotations).toEqual([
    {
      level: 'warning',
      message: "trigger 'up': prometheus warns: PromQL info: metric might not be a counter",
    },
  ]);
});

test('credentials in the Prometheus URL never reach the log; unreachable is inconclusive', async () => {
  const port = await freePort();
  const result = await runAction({
    inputs: { 'prometheus-url': `http://admin:hunter2@127.0.0.1:${port}` },
    files: { '.github/rollback-policy.yml': POLICY },
  });
  expect(result.exitCode).toBe(0);
  expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' });
  expect(result.stdout).toContain(`Prometheus unreachable at http://***@127.0.0.1:${port}/`);
  // The only place it appears is the command that tells the runner to mask it.
  const stdout = result.stdout.replace(/^::add-mask::.*$/gm, '');
  for (const text of [stdout, result.stderr, result.summary, result.outputs.report ?? ''])
    expect(text).not.toContain('hunter2');
  expect(result.masks).toContain('hunter2');
});
