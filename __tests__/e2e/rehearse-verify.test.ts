/**
 * `mode: rehearse` and `mode: verify` through the runner harness with the bundled action, on
 * kube-sim regions, a Prometheus stand-in, a smoke-check server and the fake GitHub:
 *   - a drill rolls back, verifies, rolls forward, verifies, and every target ends on the
 *     template it started with; the rehearsal issue is labelled rollback-rehearsal;
 *   - a broken rollback path (no history, an old image that does not start, a smoke check that
 *     fails on the old release) fails the step loudly and still rolls forward;
 *   - verify on its own: images against the capture (or the template), smoke checks, triggers.
 */
import { createServer } from 'node:http';
import { FakeGitHub } from '../../lab/github/server.js';
import { apiImage, releaseEverywhere, startRegions } from '../../lab/kube-sim/regions.js';
import type { KubeSim } from '../../lab/kube-sim/server.js';
import { closeStandIns, prometheusAnswering, vector } from '../../lab/prometheus/stand-in.js';
import { Job, runAction, shownText } from '../../lab/runner/harness.js';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await closeStandIns();
  for (const o of open.splice(0)) await o.close();
});

async function regions(names: string[]) {
  const started = await startRegions(names);
  open.push(started);
  return started;
}

/** The Prometheus stand-in: `errors` reads `value()` at every poll. */
async function prometheus(value: () => number): Promise<string> {
  return prometheusAnswering(() => ({
    body: vector({ value: [Date.now() / 1000, String(value())] }),
  }));
}

/** A smoke-check endpoint answering `status()` at each request. */
async function smokeServer(status: () => number): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(status(), { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
  });
  const url = await listenOnLoopback(server);
  open.push({ close: () => closeServer(server) });
  return url;
}

const template = (sim: KubeSim | undefined): string =>
  JSON.stringify(
    (sim?.get('Deployment', 'shop', 'api') as { spec?: { template?: unknown } } | undefined)?.spec
      ?.template,
  );

/** Regions that ran 1.0 and then 1.1 (a drill goes back from 1.1), with each one's template now. */
async function released(names: string[]) {
  const started = await regions(names);
  await releaseEverywhere(started.sims, '1.0');
  await releaseEverywhere(started.sims, '1.1');
  const before = Object.fromEntries(
    Object.entries(started.sims).map(([region, sim]) => [region, template(sim)]),
  );
  return { ...started, before };
}

/** A rehearsal's inputs for deployment/api in both regions, reading `prometheus`. */
const bothRegions = (kubeconfig: string, prometheus: string): Record<string, string> => ({
  mode: 'rehearse',
  kubeconfig,
  contexts: 'eu-west, us-east',
  targets: 'deployment/api',
  'prometheus-url': prometheus,
});

const policy = (smoke: string, extra = ''): string => `
triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 3s, interval: 1s}
rollback: {timeout: 5s}
verify:
  window: 2s
  sla: critical
  checks:
    - {name: healthz, http: {url: '${smoke}/healthz', retries: 1, backoff: 100ms}}
${extra}`;

describe('mode: rehearse', () => {
  test('a drill across two regions: back to the previous release, verified and timed, forward again; filed as a rehearsal, never an incident', async () => {
    const { sims, kubeconfig, before } = await released(['eu-west', 'us-east']);
    const seen = new Set<string>();
    const smoke = await smokeServer(() => {
      seen.add(apiImage(sims['eu-west']));
      return 200;
    });
    const url = await prometheus(() => 0);
    const gh = await new FakeGitHub('acme/shop').start();
    open.push(gh);
    const result = await runAction({
      inputs: bothRegions(kubeconfig, url),
      token: gh.token,
      apiUrl: gh.url,
      repository: 'acme/shop',
      files: {
        '.github/rollback-policy.yml': policy(
          smoke,
          'rehearsal: {issue: true, labels: [staging]}\n',
        ),
      },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      verdict: 'healthy',
      verified: 'true',
      'rolled-back': 'false',
    });
    expect(Number(result.outputs['rollback-seconds'])).toBeGreaterThan(0);
    // Every target ends on the template it started with; the smoke check saw both releases.
    for (const [region, sim] of Object.entries(sims)) {
      expect(template(sim)).toBe(before[region]);
      expect(apiImage(sim)).toBe('shop/api:1.1');
    }
    expect([...seen].sort()).toEqual(['shop/api:1.0', 'shop/api:1.1']);
    const { rehearsal } = JSON.parse(result.outputs.report ?? '{}');
    expect(rehearsal).toMatchObject({
      passed: true,
      problems: [],
      'rolled-back-to': 'the previous revision',
    });
    expect(rehearsal.rollback.targets.map((t: { outcome: string }) => t.outcome)).toEqual([
      'rolled-back',
      'rolled-back',
    ]);
    expect(rehearsal.rollback.verification.images.every((i: { match: boolean }) => i.match)).toBe(
      true,
    );
    expect(rehearsal.rollback.verification.sla['limit-ms']).toBe(600_000);
    expect(rehearsal['roll-forward'].targets.map((t: { outcome: string }) => t.outcome)).toEqual([
      'rolled-back',
      'rolled-back',
    ]);
    expect(rehearsal['roll-forward'].verification.verified).toBe(true);
    // One issue, labelled as a drill: the incident label never.
    expect(gh.issues).toHaveLength(1);
    const issue = gh.issues[0];
    expect(issue?.labels.map((l) => l.name)).toEqual(['rollback-rehearsal', 'staging']);
    expect(issue?.title).toMatch(/^Rollback rehearsal of api: passed in \d+s \(SLA 10m\)$/);
    expect(issue?.body).toContain('## ✅ rollback-action: rehearsal passed');
    expect(issue?.body).toContain('### The roll forward');
    expect(result.summary).toContain('**Rollback SLA:** ✅ met');
    gh.assertClean();
  });

  test.each([
    [
      'no earlier release to go back to',
      async (sims: Record<string, KubeSim>) => {
        await releaseEverywhere(sims, '1.1');
      },
      () => 200,
      /^rollback-action: the rehearsal found the rollback path broken: the rollback failed for eu-west shop\/deployment\/api: no rollout history found for deployment "api"$/,
    ],
    [
      'the previous image does not start any more',
      async (sims: Record<string, KubeSim>) => {
        await releaseEverywhere(sims, '1.0');
        await releaseEverywhere(sims, '1.1');
        sims['eu-west']?.controllers.setImageBehaviour('shop/api:1.0', 'never-ready');
      },
      () => 200,
      /^rollback-action: the rehearsal found the rollback path broken: the rollback failed for eu-west shop\/deployment\/api: /,
    ],
  ])(
    '%s: the step fails loudly and staging ends where it started',
    async (_, setUp, _status, line) => {
      const { sims, kubeconfig } = await regions(['eu-west']);
      await setUp(sims);
      const before = template(sims['eu-west']);
      const smoke = await smokeServer(() => 200);
      const url = await prometheus(() => 0);
      const result = await runAction({
        inputs: { mode: 'rehearse', kubeconfig, targets: 'deployment/api', 'prometheus-url': url },
        files: { '.github/rollback-policy.yml': policy(smoke) },
        timeoutMs: 60_000,
      });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.verdict).toBe('rollback-failed');
      expect(result.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
        expect.stringMatching(line),
      ]);
      expect(apiImage(sims['eu-west'])).toBe('shop/api:1.1');
      // Where the drill changed the template, the roll forward put the starting one back.
      expect(JSON.parse(template(sims['eu-west'])).spec.containers).toEqual(
        JSON.parse(before).spec.containers,
      );
      expect(result.summary).toContain('## ❌ rollback-action: rehearsal failed');
    },
  );

  test('a smoke check failing on the old release: not verified, rolled forward, the check named', async () => {
    const { sims, kubeconfig } = await released(['eu-west']);
    const smoke = await smokeServer(() =>
      apiImage(sims['eu-west']) === 'shop/api:1.0' ? 503 : 200,
    );
    const url = await prometheus(() => 0);
    const result = await runAction({
      inputs: { mode: 'rehearse', kubeconfig, targets: 'deployment/api', 'prometheus-url': url },
      files: { '.github/rollback-policy.yml': policy(smoke) },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ verdict: 'rollback-failed', verified: 'false' });
    expect(result.outputs['rollback-seconds']).toBeUndefined();
    const { rehearsal } = JSON.parse(result.outputs.report ?? '{}');
    expect(rehearsal.problems).toEqual([
      expect.stringMatching(/^after the rollback: smoke check healthz: .*503/),
    ]);
    expect(rehearsal['roll-forward'].verification.verified).toBe(true);
    expect(apiImage(sims['eu-west'])).toBe('shop/api:1.1');
  });

  test('a cancelled drill (SIGINT while it verifies the old release) rolls forward before it ends', async () => {
    const { sims, kubeconfig, before } = await released(['eu-west', 'us-east']);
    const url = await prometheus(() => 0);
    let sent = false;
    const result = await runAction({
      inputs: bothRegions(kubeconfig, url),
      files: {
        '.github/rollback-policy.yml': `triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, severity: P1}
watch: {interval: 1s}
verify: {window: 30s}
`,
      },
      onStdout: (chunk, signal) => {
        if (!sent && chunk.includes('Judging errors again')) {
          sent = true;
          // The drill is on the old release now, waiting out its verify window.
          expect(apiImage(sims['eu-west'])).toBe('shop/api:1.0');
          signal('SIGINT');
        }
      },
      timeoutMs: 60_000,
    });
    expect(sent).toBe(true);
    expect(result.exitCode).not.toBe(0);
    expect(result.log).toContain(
      'the rehearsal was cancelled (SIGINT): rolling forward to the release that ran before the drill',
    );
    expect(result.log).toMatch(
      /rolled forward after the cancel: eu-west shop\/deployment\/api rolled-back, us-east shop\/deployment\/api rolled-back/,
    );
    for (const [region, sim] of Object.entries(sims)) {
      expect(apiImage(sim)).toBe('shop/api:1.1');
      expect(JSON.parse(template(sim)).spec.containers).toEqual(
        JSON.parse(before[region] ?? '{}').spec.containers,
      );
    }
  });

  test('a region that cannot roll back leaves the drill unverified, whatever the other says', async () => {
    const { sims, kubeconfig } = await regions(['eu-west', 'us-east']);
    // us-east has never run anything older: it has no release to go back to.
    await releaseEverywhere({ 'eu-west': sims['eu-west'] as KubeSim }, '1.0');
    await releaseEverywhere(sims, '1.1');
    const url = await prometheus(() => 0);
    const result = await runAction({
      inputs: bothRegions(kubeconfig, url),
      files: {
        '.github/rollback-policy.yml': `triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, severity: P1}
watch: {interval: 1s}
verify: {window: 2s, sla: critical}
`,
      },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ verdict: 'rollback-failed', verified: 'false' });
    expect(result.outputs['rollback-seconds']).toBeUndefined();
    const { rehearsal } = JSON.parse(result.outputs.report ?? '{}');
    expect(rehearsal.rollback.verification.verified).toBe(false);
    expect(rehearsal.rollback.verification.problem).toContain(
      'us-east shop/deployment/api did not change: no rollout history found',
    );
    expect(rehearsal.rollback.verification.sla.met).toBe(false);
    expect(result.summary).not.toContain('**Rollback SLA:** ✅ met');
    expect(apiImage(sims['eu-west'])).toBe('shop/api:1.1');
    expect(apiImage(sims['us-east'])).toBe('shop/api:1.1');
  });

  test('a named revision a target does not have is an input mistake: one line, nothing changed, nothing filed', async () => {
    const { sims, kubeconfig, before } = await released(['eu-west']);
    const gh = await new FakeGitHub('acme/shop').start();
    open.push(gh);
    const result = await runAction({
      inputs: { mode: 'rehearse', kubeconfig, targets: 'deployment/api', 'to-revision': '99' },
      token: gh.token,
      apiUrl: gh.url,
      repository: 'acme/shop',
      files: { '.github/rollback-policy.yml': 'rehearsal: {issue: true}\n' },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      "rollback-action: input 'to-revision': eu-west shop/deployment/api: unable to find specified revision 99 in history; no rehearsal, nothing was changed",
    ]);
    expect(template(sims['eu-west'])).toBe(before['eu-west']);
    expect(gh.issues).toEqual([]);
  });

  test('a service mid-rollout is not rehearsed: refused, nothing changed', async () => {
    const { sims, kubeconfig } = await released(['eu-west']);
    const sim = sims['eu-west'];
    sim?.controllers.setImageBehaviour('shop/api:1.2-stuck', 'never-ready');
    const { deployment } = await import('../../lab/kube-sim/fixtures.js');
    sim?.apply(
      deployment('api', 'shop/api:1.2-stuck', {
        namespace: 'shop',
        spec: { progressDeadlineSeconds: 1 },
      }),
    );
    const before = template(sim);
    const result = await runAction({
      inputs: { mode: 'rehearse', kubeconfig, targets: 'deployment/api' },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^rollback-action: no rehearsal: eu-west shop\/deployment\/api is not rolled out \(failed: .*\); nothing was changed$/,
      ),
    ]);
    expect(template(sim)).toBe(before);
  });

  test('dry run: the plan, nothing changed', async () => {
    const { sims, kubeconfig, before } = await released(['eu-west']);
    const result = await runAction({
      inputs: { mode: 'rehearse', kubeconfig, targets: 'deployment/api', 'dry-run': 'true' },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe('rollback-recommended');
    expect(template(sims['eu-west'])).toBe(before['eu-west']);
    expect(shownText(result)).toContain('shop/api:1.1 → shop/api:1.0');
  });
});

describe('mode: verify', () => {
  test('after a capture: verified when the targets run what was captured, not when they do not', async () => {
    const { sims, kubeconfig } = await regions(['eu-west']);
    await releaseEverywhere(sims, '1.0');
    const smoke = await smokeServer(() => 200);
    const url = await prometheus(() => (apiImage(sims['eu-west']) === 'shop/api:1.1' ? 1 : 0));
    const job = await Job.create();
    open.push({ close: () => job.dispose() });
    const inputs = { kubeconfig, targets: 'deployment/api', 'prometheus-url': url };
    const files = { '.github/rollback-policy.yml': policy(smoke) };
    expect((await job.run({ inputs: { ...inputs, mode: 'capture' }, files })).exitCode).toBe(0);
    await releaseEverywhere(sims, '1.1');

    const still = await job.run({
      inputs: { ...inputs, mode: 'verify' },
      files,
      timeoutMs: 60_000,
    });
    expect(still.exitCode).toBe(1);
    expect(still.outputs.verified).toBe('false');
    expect(still.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^rollback-action: not verified: eu-west shop\/deployment\/api: container api: runs shop\/api:1\.1 \(sha256:[0-9a-f]{12}…\), the snapshot has shop\/api:1\.0 \(sha256:[0-9a-f]{12}…\); the triggers still fail: errors still fails/,
      ),
    ]);

    // Undone by hand (as kubectl would): now verified, and nothing was changed by verify.
    await releaseEverywhere(sims, '1.0');
    const before = template(sims['eu-west']);
    const undone = await job.run({
      inputs: { ...inputs, mode: 'verify' },
      files,
      timeoutMs: 60_000,
    });
    expect(undone.exitCode).toBe(0);
    expect(undone.outputs.verified).toBe('true');
    expect(undone.outputs.verdict).toBeUndefined();
    const report = JSON.parse(undone.outputs.report ?? '{}');
    expect(report.verification).toMatchObject({
      verified: true,
      images: [{ target: 'eu-west shop/deployment/api', match: true, differences: [] }],
      stability: { verdict: 'pass' },
      sla: null,
    });
    expect(report.rollout[0]).toMatchObject({
      target: 'eu-west shop/deployment/api',
      state: 'done',
    });
    expect(undone.summary).toContain('## ✅ rollback-action: verified');
    expect(template(sims['eu-west'])).toBe(before);
  });

  test('without a capture: the pods against their own template; a backend that is down is not verified', async () => {
    const { sims, kubeconfig } = await regions(['eu-west']);
    await releaseEverywhere(sims, '1.0');
    const ok = await runAction({
      inputs: { mode: 'verify', kubeconfig, targets: 'deployment/api' },
      timeoutMs: 60_000,
    });
    expect(ok.outputs.verified).toBe('true');
    expect(JSON.parse(ok.outputs.report ?? '{}').verification.images[0].against).toBe(
      'its template',
    );

    const down = await runAction({
      inputs: {
        mode: 'verify',
        kubeconfig,
        targets: 'deployment/api',
        'prometheus-url': 'http://127.0.0.1:9',
      },
      files: {
        '.github/rollback-policy.yml':
          'triggers:\n  - {name: errors, query: sum(errors), above: 0.5}\nverify: {window: 2s}\nwatch: {interval: 1s}\n',
      },
      timeoutMs: 60_000,
    });
    expect(down.exitCode).toBe(1);
    expect(down.outputs.verified).toBe('false');
    expect(down.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^rollback-action: not verified: not enough data to show the triggers pass: errors: /,
      ),
    ]);
  });

  test('a query the backend refuses is named as a mistake to fix, not as missing data', async () => {
    const { kubeconfig } = await regions(['eu-west']);
    const url = await prometheusAnswering(() => ({
      status: 400,
      body: { status: 'error', errorType: 'bad_data', error: 'parse error at char 5' },
    }));
    const result = await runAction({
      inputs: { mode: 'verify', kubeconfig, 'prometheus-url': url },
      files: {
        '.github/rollback-policy.yml':
          'triggers:\n  - {name: errors, query: sum(errors), above: 0.5}\nverify: {window: 2s}\nwatch: {interval: 1s}\n',
      },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^rollback-action: not verified: the triggers cannot be judged: trigger 'errors' cannot be judged: .*parse error at char 5.* \(mode: validate checks it offline\)$/,
      ),
    ]);
  });

  test('nothing to verify is one line', async () => {
    const result = await runAction({ inputs: { mode: 'verify' } });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      "rollback-action: nothing to verify: set 'targets' (their rollout and images are checked), triggers in the policy, or verify.checks",
    ]);
  });
});
