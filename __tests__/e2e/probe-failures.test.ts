/**
 * A health check whose request cannot be made is never a failed check: a header value (from
 * the environment) holding a newline is refused before the watch, in one line, and a healthy
 * service is not rolled back. (At the request itself such a failure is no data: see the
 * http-failures unit tests.)
 */
import { createServer, type Server } from 'node:http';
import { runAction } from '../../lab/runner/harness.js';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';

let server: Server | undefined;
afterEach(async () => {
  if (server) await closeServer(server);
  server = undefined;
});

test('a header value that cannot be sent: refused before the watch, never rolled back', async () => {
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
  expect(result.exitCode).toBe(1);
  expect(result.outputs.verdict).toBeUndefined();
  expect(result.annotations.map((a) => a.message)).toEqual([
    'rollback-action: .github/rollback-policy.yml: triggers[0].headers-env.X-Probe-Token: the environment variable PROBE_TOKEN holds a line break or another control character, which a request header cannot carry (trim the secret)',
  ]);
  expect(asked).toBe(0);
  const shown = [result.stdout.replace(/^::add-mask::.*$/gm, ''), result.stderr, result.summary];
  for (const text of [...shown, result.outputs.report ?? ''])
    expect(text).not.toContain('tok3n-line');
}, 60_000);
