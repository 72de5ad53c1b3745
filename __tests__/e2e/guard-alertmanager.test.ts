/**
 * The alerts a team already has, through the bundled action on the lab: the real Alertmanager
 * fed by the real Prometheus' alerting rules over the demo service (under load). A new alert
 * after the deploy rolls back; one already firing before it, or silenced, does not; one that
 * was firing, resolved and fired again after the deploy counts; an Alertmanager that cannot
 * be reached is inconclusive. The same baseline rule holds for `kind: alert` over ALERTS.
 */
import { startLab, type Lab } from '../../lab/lab.js';
import { Job, shownText, type RunResult } from '../../lab/runner/harness.js';
import { createServer } from 'node:http';
import { closeServer, freePort, listenOnLoopback } from '../../lab/util/net.js';

/** The lab's service, polled every second; the triggers follow. */
const GUARDED = `
targets: [deployment/api]
namespace: shop
watch:
  interval: 1s
  rollout-timeout: 10s
triggers:
`;
const POLICY = `${GUARDED}  - name: service-alerts
    provider: alertmanager
    matchers: ['service="api"']
`;
const BURN = 'alertname="ShopApiErrorBudgetBurn"';

let lab: Lab;
let job: Job;

function alertmanager() {
  if (!lab.alertmanager) throw new Error('no Alertmanager in the lab');
  return lab.alertmanager;
}

async function step(
  mode: string,
  extra: Record<string, string> = {},
  policy = POLICY,
  onStdout?: (chunk: string) => void,
): Promise<RunResult> {
  return job.run({
    inputs: {
      mode,
      kubeconfig: '',
      'alertmanager-url': alertmanager().url,
      'prometheus-url': lab.prometheus?.url ?? '',
      ...extra,
    },
    files: { '.github/rollback-policy.yml': policy },
    env: { KUBECONFIG: lab.kubeconfigPath },
    timeoutMs: 120_000,
    ...(onStdout ? { onStdout } : {}),
  });
}

interface Evidence {
  name: string;
  status: string;
  severity: string;
  detail: string;
  'alerts-firing'?: { labels: Record<string, string> }[];
  'alerts-preexisting'?: { labels: Record<string, string>; since: string }[];
  'alerts-ignored'?: { labels: Record<string, string> }[];
}

function trigger(result: RunResult, name = 'service-alerts'): Evidence {
  const report = JSON.parse(result.outputs.report ?? '{}') as { triggers: Evidence[] };
  const found = report.triggers.find((t) => t.name === name);
  if (!found) throw new Error(`no trigger ${name} in the report`);
  return found;
}

/** A good release running, and no alert of the rules still active (bounded). */
async function healthyAgain(): Promise<void> {
  await lab.release('shop/api:1.0');
  await alertmanager().waitFor([BURN], (alerts) => alerts.length === 0, 45_000);
}

beforeAll(async () => {
  lab = await startLab({
    contexts: ['eu-west'],
    prometheus: 'required',
    alertmanager: 'required',
    podReadyDelayMs: 200,
  });
  await lab.release('shop/api:1.0');
  await lab.underLoad(50, 400_000);
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

test('a new alert from the rules after a bad deploy rolls back, graded by its severity label', async () => {
  await healthyAgain();
  const captured = await step('capture');
  expect(captured.exitCode).toBe(0);
  await lab.release('shop/api:2.0-bad');
  const guarded = await step('guard', { window: '60s' });
  expect(guarded.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
  const evidence = trigger(guarded);
  expect(evidence.status).toBe('fail');
  // severity: page maps to P0.
  expect(evidence.severity).toBe('P0');
  expect(evidence.detail).toMatch(/firing on \{alertname="ShopApiErrorBudgetBurn"/);
  expect(evidence['alerts-firing']?.map((a) => a.labels.alertname)).toContain(
    'ShopApiErrorBudgetBurn',
  );
  expect(guarded.log).toContain(
    'service-alerts (P1, alertmanager): fails when an alert matching service="api" that began after the deploy fires at once',
  );
  expect(lab.runningImage()).toBe('shop/api:1.0');
}, 150_000);

test('an alert already firing before the deploy is the baseline: listed, not counted', async () => {
  await healthyAgain();
  const hourAgo = Date.now() - 3_600_000;
  await alertmanager().post([
    {
      labels: { alertname: 'DiskFilling', service: 'api', severity: 'critical' },
      startsAt: hourAgo,
      endsAt: Date.now() + 600_000,
    },
  ]);
  const captured = await step('capture');
  expect(captured.exitCode).toBe(0);
  expect(captured.annotations.map((a) => a.message).join('\n')).toContain(
    '1 alert already firing (DiskFilling): the baseline, not counted unless it resolves and fires again',
  );
  await lab.release('shop/api:1.1');
  const guarded = await step('guard', { window: '6s' });
  expect(guarded.outputs).toMatchObject({ verdict: 'healthy', 'rolled-back': 'false' });
  expect(trigger(guarded)['alerts-preexisting']?.map((a) => a.labels.alertname)).toEqual([
    'DiskFilling',
  ]);
  expect(guarded.log).toMatch(
    /service-alerts: already firing before the deploy, not counted unless resolved and fired again: DiskFilling \{service="api",severity="critical"\} since \d{4}-/,
  );
  expect(guarded.summary).toContain('Alerts not counted');
  expect(lab.runningImage()).toBe('shop/api:1.1');
  await alertmanager().post([
    {
      labels: { alertname: 'DiskFilling', service: 'api', severity: 'critical' },
      startsAt: hourAgo,
      endsAt: Date.now(),
    },
  ]);
}, 150_000);

test('a baseline alert that resolves and fires again after the deploy counts', async () => {
  await healthyAgain();
  const labels = { alertname: 'QueueBacklog', service: 'api', severity: 'info' };
  await alertmanager().post([
    { labels, startsAt: Date.now() - 3_600_000, endsAt: Date.now() + 600_000 },
  ]);
  expect((await step('capture')).exitCode).toBe(0);
  await lab.release('shop/api:1.2');
  let flapped: Promise<void> | undefined;
  const guarded = await step('guard', { window: '30s' }, POLICY, (chunk) => {
    // Once the watch is polling: the alert resolves, then fires again a moment later.
    if (flapped || !/^\[\d+s\]/m.test(chunk)) return;
    flapped = (async () => {
      await alertmanager().post([{ labels, startsAt: Date.now() - 3_600_000, endsAt: Date.now() }]);
      await new Promise((r) => setTimeout(r, 1500));
      await alertmanager().post([{ labels, startsAt: Date.now(), endsAt: Date.now() + 600_000 }]);
    })();
  });
  await flapped;
  expect(guarded.outputs).toMatchObject({ verdict: 'rolled-back' });
  const evidence = trigger(guarded);
  // severity: info maps to P2.
  expect(evidence).toMatchObject({ status: 'fail', severity: 'P2' });
  expect(evidence['alerts-firing']?.map((a) => a.labels.alertname)).toEqual(['QueueBacklog']);
  await alertmanager().post([{ labels, endsAt: Date.now() }]);
}, 150_000);

test('a silenced alert is listed and ignored; include-silenced counts it', async () => {
  await healthyAgain();
  const silence = await alertmanager().silence({ alertname: 'ShopApiErrorBudgetBurn' });
  expect(silence).toMatch(/\S/);
  expect((await step('capture')).exitCode).toBe(0);
  await lab.release('shop/api:2.1-bad');
  // Long enough for the rule to fire (and be silenced) inside the window.
  const guarded = await step('guard', { window: '25s' });
  expect(guarded.outputs).toMatchObject({ verdict: 'healthy', 'rolled-back': 'false' });
  expect(trigger(guarded)['alerts-ignored']?.map((a) => a.labels.alertname)).toContain(
    'ShopApiErrorBudgetBurn',
  );
  expect(guarded.log).toContain('service-alerts: silenced or inhibited, ignored');

  const counting = POLICY.replace(
    'matchers: [\'service="api"\']',
    'matchers: [\'service="api"\']\n    include-silenced: true',
  );
  const strict = await step('guard', { window: '20s' }, counting);
  expect(strict.outputs).toMatchObject({ verdict: 'rolled-back' });
}, 150_000);

test('Alertmanager out of reach is inconclusive: no rollback on missing data', async () => {
  await healthyAgain();
  // Credentials in the URL are a secret like any other: never printed.
  const closed = `http://oncall:s3cret-pw@127.0.0.1:${await freePort()}`;
  const guarded = await step('guard', { window: '3s', 'alertmanager-url': closed });
  expect(guarded.outputs).toMatchObject({ verdict: 'inconclusive', 'rolled-back': 'false' });
  expect(shownText(guarded)).not.toContain('s3cret-pw');
  expect(guarded.log).toMatch(
    /service-alerts has no data: Alertmanager unreachable at http:\/\/\*\*\*@127\.0\.0\.1:\d+/,
  );
  expect(lab.runningImage()).toBe('shop/api:1.0');
}, 60_000);

test('matchers Alertmanager cannot parse are refused before anything runs', async () => {
  const bad = POLICY.replace('[\'service="api"\']', "['service=\"api', '{team}']");
  const result = await step('validate', {}, bad);
  expect(result.exitCode).toBe(1);
  const errors = result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
  expect(errors).toEqual([
    expect.stringMatching(
      /rollback-policy\.yml:10:\d+: triggers\[0\]\.matchers\[0\]: 'service="api' is not an Alertmanager matcher: a quoted value is not closed/,
    ),
    expect.stringMatching(
      /rollback-policy\.yml:10:\d+: triggers\[0\]\.matchers\[1\]: '\{team\}' is not an Alertmanager matcher: not a matcher like service="api"/,
    ),
  ]);
}, 60_000);

test('kind: alert over ALERTS counts only alerts that became active after the deploy', async () => {
  await healthyAgain();
  const policy = `${GUARDED}  - name: rule-alerts
    kind: alert
    query: ALERTS{alertstate="firing", service="api"}
`;
  // A bad release fires the rule; the guard of a later deploy sees it as already active.
  await lab.release('shop/api:2.2-bad');
  await lab.prometheus?.waitFor(`ALERTS{${BURN},alertstate="firing"}`);
  expect((await step('capture', {}, policy)).exitCode).toBe(0);
  await lab.release('shop/api:2.3-bad');
  const before = await step('guard', { window: '5s' }, policy);
  expect(before.outputs).toMatchObject({ verdict: 'healthy' });
  expect(
    trigger(before, 'rule-alerts')['alerts-preexisting']?.map((a) => a.labels.alertname),
  ).toContain('ShopApiErrorBudgetBurn');

  // Healthy again, then a bad deploy: the rule's new alert counts.
  await healthyAgain();
  await lab.prometheus?.waitFor(`ALERTS{${BURN}}`, (s) => s.length === 0, 45_000);
  expect((await step('capture', {}, policy)).exitCode).toBe(0);
  await lab.release('shop/api:2.4-bad');
  const after = await step('guard', { window: '60s' }, policy);
  expect(after.outputs).toMatchObject({ verdict: 'rolled-back' });
  expect(trigger(after, 'rule-alerts').detail).toMatch(
    /firing on \{alertname="ShopApiErrorBudgetBurn"/,
  );
}, 240_000);

test('an alert dated after the deploy but firing at capture stays the baseline (a clock ahead)', async () => {
  await healthyAgain();
  const labels = { alertname: 'SkewedClock', service: 'api', severity: 'critical' };
  // Its source's clock runs an hour ahead: it "starts" after the deploy, yet is already here.
  await alertmanager().post([
    { labels, startsAt: Date.now() + 3_600_000, endsAt: Date.now() + 7_200_000 },
  ]);
  const captured = await step('capture');
  expect(captured.log).toMatch(/service-alerts: \d+ alerts? firing at capture/);
  await lab.release('shop/api:1.3');
  const guarded = await step('guard', { window: '4s' });
  expect(guarded.outputs).toMatchObject({ verdict: 'healthy', 'rolled-back': 'false' });
  expect(trigger(guarded)['alerts-preexisting']?.map((a) => a.labels.alertname)).toContain(
    'SkewedClock',
  );
  // (It cannot be resolved before its start; the tests after this one do not read these alerts.)
}, 60_000);

test('what answers at the URL decides the message: a proxy page, a wrong path, not Alertmanager', async () => {
  // A stand-in in front of the lab: its answer for /api/v2/alerts, by path prefix.
  const answers: Record<string, { status: number; type: string; body: string }> = {
    '/proxy400': { status: 400, type: 'text/html', body: '<html><h1>400 Bad Request</h1></html>' },
    '/notfound': { status: 404, type: 'text/plain', body: '404 page not found' },
    '/other': { status: 200, type: 'application/json', body: '{"status":"success"}' },
  };
  const server = createServer((req, res) => {
    const answer = Object.entries(answers).find(([prefix]) => req.url?.startsWith(prefix))?.[1];
    res.writeHead(answer?.status ?? 500, { 'content-type': answer?.type ?? 'text/plain' });
    res.end(answer?.body ?? '');
  });
  const url = await listenOnLoopback(server);
  try {
    const said = async (path: string): Promise<string[]> => {
      const result = await step('capture', { 'alertmanager-url': `${url}${path}` });
      expect(result.exitCode).toBe(1);
      return result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    };
    expect(await said('/proxy400')).toEqual([
      `rollback-action: preflight: trigger 'service-alerts': Alertmanager at ${url}/proxy400 answered HTTP 400`,
    ]);
    expect(await said('/notfound')).toEqual([
      `rollback-action: preflight: trigger 'service-alerts': ${url}/notfound answered HTTP 404 for /api/v2/alerts: is ${url}/notfound Alertmanager's base URL (like http://alertmanager:9093)?`,
    ]);
    expect(await said('/other')).toEqual([
      `rollback-action: preflight: trigger 'service-alerts': ${url}/other answered /api/v2/alerts with something that is not a list of alerts: is ${url}/other Alertmanager's base URL (like http://alertmanager:9093)?`,
    ]);
  } finally {
    await closeServer(server);
  }
}, 60_000);
