/**
 * Imported analysis judged on real data: an Argo Rollouts AnalysisTemplate (args filled) and
 * the lab's own Prometheus rule file, imported by the policy, guard a deploy through the
 * bundled action against the lab's real Prometheus scraping the demo service under load. A
 * good release passes; a bad one (25 % errors) fails an imported trigger and is rolled back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAB_RULES, startLab, type Lab } from '../../lab/lab.js';
import { Job, type RunResult } from '../../lab/runner/harness.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import');

const POLICY = `
targets: [deployment/api]
namespace: shop
watch:
  interval: 1s
  rollout-timeout: 10s
import:
  - file: rollouts/success-rate.yaml
    args: { service-name: shop-api, window: 30s }
  - file: monitoring/shop.rules.yml
`;

let lab: Lab;
let job: Job;

beforeAll(async () => {
  lab = await startLab({ contexts: ['eu-west'], prometheus: 'required', podReadyDelayMs: 200 });
  await lab.release('shop/api:1.0');
  await lab.underLoad(50, 240_000);
}, 90_000);

afterAll(async () => {
  await lab.stop();
});

beforeEach(async () => {
  job = await Job.create();
});

afterEach(async () => {
  await job.dispose();
});

function step(mode: string, extra: Record<string, string> = {}): Promise<RunResult> {
  return job.run({
    inputs: { mode, kubeconfig: '', 'prometheus-url': lab.prometheus?.url ?? '', ...extra },
    files: {
      '.github/rollback-policy.yml': POLICY,
      'rollouts/success-rate.yaml': readFileSync(
        path.join(FIXTURES, 'argo/success-rate.yaml'),
        'utf8',
      ),
      'monitoring/shop.rules.yml': LAB_RULES,
    },
    env: { KUBECONFIG: lab.kubeconfigPath },
    timeoutMs: 120_000,
  });
}

interface Evidence {
  name: string;
  status: string;
  severity: string;
}

function triggers(result: RunResult): Evidence[] {
  return (JSON.parse(result.outputs.report ?? '{}') as { triggers: Evidence[] }).triggers;
}

test('validate shows the imported triggers, queries filled, with their sources', async () => {
  const result = await step('validate');
  expect(result.exitCode).toBe(0);
  expect(result.log).toContain(
    'success-rate (P1, prometheus): fails < 0.95 on more than 3 polls of the window; reads sum(rate(http_requests_total{job="shop-api",code!~"5.."}[30s])) / sum(rate(http_requests_total{job="shop-api"}[30s]))',
  );
  expect(result.log).toContain(
    '[import rollouts/success-rate.yaml:13 AnalysisTemplate success-rate]',
  );
  expect(result.log).toMatch(
    /ShopApiErrorBudgetBurn \(P0, prometheus\): fails while the alert expression returns series for 2s; .*\[import monitoring\/shop\.rules\.yml:\d+ alert ShopApiErrorBudgetBurn \(group shop-api\)\]/,
  );
}, 60_000);

test('a good release passes every imported trigger', async () => {
  expect((await step('capture')).exitCode).toBe(0);
  await lab.release('shop/api:1.1');
  const guarded = await step('guard', { window: '10s' });
  expect(guarded.outputs).toMatchObject({ verdict: 'healthy', 'rolled-back': 'false' });
  const names = triggers(guarded).map((t) => [t.name, t.status]);
  expect(names).toEqual(
    expect.arrayContaining([
      ['success-rate', 'pass'],
      ['ShopApiErrorBudgetBurn', 'pass'],
      ['ShopApiSlow', 'pass'],
    ]),
  );
  expect(lab.runningImage()).toBe('shop/api:1.1');
}, 90_000);

test('a bad release fails an imported trigger and is rolled back', async () => {
  expect((await step('capture')).exitCode).toBe(0);
  await lab.release('shop/api:2.0-bad');
  const guarded = await step('guard', { window: '60s' });
  expect(guarded.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
  const failed = triggers(guarded)
    .filter((t) => t.status === 'fail')
    .map((t) => t.name);
  // Whichever holds first: the Argo template (more than 3 polls below 0.95) or the rule (2s).
  expect(failed.some((n) => n === 'success-rate' || n === 'ShopApiErrorBudgetBurn')).toBe(true);
  expect(lab.runningImage()).toBe('shop/api:1.1');
}, 120_000);
