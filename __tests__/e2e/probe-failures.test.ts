/**
 * A health check whose request cannot be made is no data, never a failed check: a healthy
 * service is not rolled back because a header value (from the environment) holds a newline.
 */
import { createServer, type Server } from 'node:http';
import { runAction } from '../../lab/runner/harness.js';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';

let server: Server | undefined;
afterEach(async () => {
  if (server) await closeServer(server);
  server = undefined;
});

test('a header value that cannot be sent: inconclusive, not rolled back', async () => {
  let asked = 0;
  server = createServer((_req, res) => {
    asked += 1;
    res.writeHead(200).end('ok');
  });
  const url = await listenOnLoopback(server);
  const policy = `
triggers:
  - name: health
    provider: health
    url: '${url}/healthz'
    headers-env: {X-Probe-Token: PROBE_TOKEN}
    consecutive: 3
    severity: P0
watch: {window: 4s, interval: 1s}
`;
  const result = await runAction({
    env: { PROBE_TOKEN: 'tok3n-line-one\ntok3n-line-two' },
    files: { '.github/rollback-policy.yml': policy },
  });
  expect(result.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' });
  expect(result.stdout).toContain(
    "header 'X-Probe-Token' cannot be sent: its value holds a newline or another character HTTP forbids",
  );
  expect(asked).toBe(0);
  const shown = [result.stdout.replace(/^::add-mask::.*$/gm, ''), result.stderr, result.summary];
  for (const text of [...shown, result.outputs.report ?? ''])
    expect(text).not.toContain('tok3n-line');
}, 60_000);
