/** `npm run demo` plays to the end; `npm run lab` starts, says where things are, and stops on Ctrl-C. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../../lab/runner/harness.js';

const TSX = path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

function start(script: string): {
  child: ReturnType<typeof spawn>;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [TSX, script], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

test('npm run demo plays the incident to the end', async () => {
  const demo = start('lab/demo.ts');
  const timer = setTimeout(() => demo.child.kill('SIGKILL'), 110_000);
  const code = await demo.exited;
  clearTimeout(timer);
  const out = demo.output();
  expect({ code, tail: out.slice(-400) }).toMatchObject({ code: 0 });
  expect(out).toContain('capture: exit 0');
  expect(out).toContain('eu-west shop/deployment/api: revision 1, shop/api:1.0');
  expect(out).toContain('error-rate: ok (prometheus)');
  // The guard fails the step because the deploy was rolled back: that is its job.
  expect(out).toContain('guard: exit 1, verdict rolled-back');
  expect(out).toMatch(
    /error-rate(-severe)? FAILS: .* beyond doubt \(sequential test, LLR [\d.]+ ≥ [\d.]+\)/,
  );
  expect(out).toContain('eu-west deployment/api: rolling back revision 2 → 1');
  expect(out).toContain(
    'us-east deployment/api: skipped, current template already matches revision 1',
  );
  expect(out).toMatch(
    /error ratio: 0\.0 % \(Prometheus, last 10 s\)\n[^\n]*\| deployment\.apps\/api/,
  );
  // It ends with the incident the guard filed: its URL, title and whole body.
  expect(out).toContain('5. The incident issue #1: https://github.com/acme/shop/issues/1');
  // P0 when the 10 % trigger fails or grades the 5 % one; a close first poll may stay P1.
  expect(out).toMatch(/title: \[P[01]\] api rolled back: 2\.0-bad → 1\.0/);
  for (const section of ['## Summary', '## Impact', '## Timeline (UTC)', '## Verification'])
    expect(out).toContain(`> ${section}`);
  expect(out).toMatch(/> - \*\*Failed requests during the breach:\*\* \d+ of \d+/);
  expect(out).toMatch(
    /> \| [\d: -]+ \| \+\d+s \| Finished stage 1 \(application rollback\): ✅ worked \|/,
  );
  expect(out).toMatch(/done: \d+ requests sent/);
}, 120_000);

test('npm run lab prints the kubeconfig and URLs, and Ctrl-C stops everything it started', async () => {
  const lab = start('lab/lab-cli.ts');
  const deadline = Date.now() + 30_000;
  while (!lab.output().includes('git remote:') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const out = lab.output();
  const kubeconfig = /KUBECONFIG=(\S+)/.exec(out)?.[1];
  const github = /fake GitHub: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  const app = /demo service: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  expect(kubeconfig).toBeDefined();
  // The selector a policy needs for the lab's service, as the README's example writes it.
  expect(out).toContain(`the service's series: job="shop-api"`);
  expect(out).toContain(`metrics: {selector: 'job="shop-api"'}`);
  expect((await fetch(`${app ?? ''}/healthz`)).status).toBeLessThan(600);
  lab.child.kill('SIGINT');
  expect(await lab.exited).toBe(130);
  await expect(fetch(`${github ?? ''}/`)).rejects.toThrow();
  await expect(fetch(`${app ?? ''}/metrics`)).rejects.toThrow();
  const prometheus = /Prometheus: {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  if (prometheus) await expect(fetch(`${prometheus}/-/ready`)).rejects.toThrow();
}, 60_000);
