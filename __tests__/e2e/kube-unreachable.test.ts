/**
 * An API server that cannot be reached, through the bundled action: a wrong address fails
 * fast with one line (no retry loop at capture), and a password in the kubeconfig's server
 * URL appears nowhere the step writes, retry lines included.
 */
import { deployment } from '../../lab/kube-sim/fixtures.js';
import { kubeconfigFor, startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { FakeGitHub } from '../../lab/github/server.js';
import { runAction, shownText } from '../../lab/runner/harness.js';
import { freePort } from '../../lab/util/net.js';

const PASSWORD = 's3cr3t-pw';

let sim: KubeSim | undefined;
let gh: FakeGitHub | undefined;
/** GitHub as a runner has it (no open incident): capture's deploy freeze is checked and clear. */
async function github(): Promise<{ token: string; apiUrl: string }> {
  gh = await new FakeGitHub('acme/shop').start();
  return { token: gh.token, apiUrl: gh.url };
}
afterEach(async () => {
  await gh?.close();
  gh = undefined;
  await sim?.close();
  sim = undefined;
});

test('capture against a closed port: one line naming the context and server, at once', async () => {
  const port = await freePort();
  const kubeconfig = kubeconfigFor([
    { name: 'eu-west', url: `http://deployer:${PASSWORD}@127.0.0.1:${port}` },
  ]);
  const result = await runAction({
    ...(await github()),
    inputs: { mode: 'capture', kubeconfig, targets: 'deployment/api' },
    timeoutMs: 30_000,
  });
  expect(result.exitCode).toBe(1);
  expect(result.durationMs).toBeLessThan(5_000);
  expect(result.annotations).toEqual([
    {
      level: 'error',
      message: `rollback-action: context "eu-west": cannot connect to the API server http://***@127.0.0.1:${port}/: connection refused`,
    },
  ]);
  const mentions = result.log.split('\n').filter((line) => line.includes(`127.0.0.1:${port}`));
  expect(mentions.length).toBeLessThan(5);
  expect(result.outputs.snapshot).toBeUndefined();
  expect(shownText(result)).not.toContain(PASSWORD);
  expect(result.masks).toEqual(expect.arrayContaining([PASSWORD, `deployer:${PASSWORD}`]));
});

test('a server that answers, then drops connections: retried, no line shows the password', async () => {
  sim = await startKubeSim({ podReadyDelayMs: 10 });
  // The workload is read (the server has answered), then its ReplicaSets never come.
  sim.apply(deployment('api', 'shop/api:1.0'));
  sim.injectFault({ method: 'GET', path: /\/replicasets/, drop: true });
  const url = new URL(sim.url);
  const kubeconfig = kubeconfigFor([
    { name: 'sim', url: `http://deployer:${PASSWORD}@${url.host}` },
  ]);
  const result = await runAction({
    inputs: {
      mode: 'rollback',
      kubeconfig,
      targets: 'deployment/api',
      'to-revision': 'previous',
    },
    files: { '.github/rollback-policy.yml': 'rollback:\n  timeout: 2s\n' },
  });
  expect(result.exitCode).toBe(1);
  expect(result.log).toMatch(/replicasets on http:\/\/\*\*\*@127\.0\.0\.1:\d+\/: .*; retrying in/);
  expect(sim.requests.filter((r) => r.path.endsWith('/replicasets')).length).toBeGreaterThan(2);
  expect(shownText(result)).not.toContain(PASSWORD);
});

test('503s at capture are still retried', async () => {
  sim = await startKubeSim({ podReadyDelayMs: 10 });
  sim.injectFault({ method: 'POST', status: 503, times: 2 });
  const result = await runAction({
    ...(await github()),
    inputs: { mode: 'capture', kubeconfig: sim.kubeconfig('sim'), targets: 'deployment/api' },
  });
  // No such deployment: the capture gets past the permission check, after retries.
  expect(result.log).toMatch(/retrying in/);
  expect(result.annotations.map((a) => a.message)).toEqual([
    'rollback-action: deployments.apps "api" not found in namespace "default" (context "sim")',
  ]);
});
