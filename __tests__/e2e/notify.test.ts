/**
 * Notifications through the runner harness with the bundled action: kube-sim, a Prometheus
 * stand-in, fake GitHub for the incident, and one loopback receiver standing in for Slack,
 * PagerDuty and a JSON webhook. A bad deploy: Slack hears initiated then completed (with the
 * incident), PagerDuty gets one critical trigger for a P0 and nothing for a P1, the webhook
 * its JSON; no URL, key or header value in anything the step shows. A receiver failing once is
 * tried again; one that is down is one warning and changes nothing else. A healthy deploy and
 * a dry run send nothing.
 */
import { deployment, imageOf, settled } from '../../lab/kube-sim/fixtures.js';
import { kubeconfigFor, startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { FakeGitHub } from '../../lab/github/server.js';
import { closeStandIns, prometheusAnswering, vector } from '../../lab/prometheus/stand-in.js';
import { startReceiver, type Receiver, type Script } from '../../lab/receiver/server.js';
import { runAction, shownText, type RunResult } from '../../lab/runner/harness.js';
import { freePort } from '../../lab/util/net.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await closeStandIns();
  for (const o of open.splice(0)) await o.close();
});

/** The secrets of these runs: none may appear in the log, summary, outputs or report file. */
const SLACK_PATH = '/services/T0SHOP/B0ROLL/slackS3cretWebhookPath';
const ROUTING_KEY = 'pdR0utingKey0123456789abcdef0123';
const HOOK_TOKEN = 'Bearer hookS3cretToken';

async function receiver(script?: Script): Promise<Receiver> {
  const r = await startReceiver(script);
  open.push(r);
  return r;
}

/** Deployment api at shop/api:1.0, then `tag`, settled. */
async function cluster(tag: string): Promise<{ sim: KubeSim; kubeconfig: string }> {
  const sim = await startKubeSim({ podReadyDelayMs: 10, namespaces: ['shop'] });
  open.push(sim);
  for (const image of ['shop/api:1.0', `shop/api:${tag}`]) {
    sim.apply(deployment('api', image, { namespace: 'shop' }));
    await sim.waitFor('Deployment', 'shop', 'api', (o) => settled(o) && imageOf(o) === image);
  }
  const kubeconfig = kubeconfigFor([
    { name: 'eu-west', url: sim.url, namespace: 'shop', token: 't' },
  ]);
  return { sim, kubeconfig };
}

/** A Prometheus stand-in whose every query answers `value()`, read at each poll. */
function prometheus(value: () => number): Promise<string> {
  return prometheusAnswering((url) =>
    url.pathname.endsWith('/query_range')
      ? {
          body: {
            status: 'success',
            data: {
              resultType: 'matrix',
              result: [{ metric: {}, values: [[1, String(value())]] }],
            },
          },
        }
      : { body: vector({ value: [Date.now() / 1000, String(value())] }) },
  );
}

function policy(severity: 'P0' | 'P1', notify: string): string {
  return `targets: [deployment/api]
namespace: shop
triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: ${severity}}
watch: {window: 3s, interval: 1s}
notify:
${notify}`;
}

function everyChannel(base: string): string {
  return `  slack: {webhook-url-env: SLACK_WEBHOOK_URL}
  pagerduty: {routing-key-env: PD_ROUTING_KEY, url: '${base}/v2/enqueue'}
  webhooks:
    - {name: audit, url: '${base}/audit', headers: {X-Team: shop}, headers-env: {Authorization: AUDIT_TOKEN}}
`;
}

async function guard(options: {
  severity?: 'P0' | 'P1';
  errors: number;
  notify: string;
  slackUrl: string;
  inputs?: Record<string, string>;
}): Promise<{ result: RunResult; gh: FakeGitHub; sim: KubeSim }> {
  const { sim, kubeconfig } = await cluster('1.1');
  const gh = await new FakeGitHub('acme/shop').start();
  open.push(gh);
  const result = await runAction({
    // Errors while the bad release runs (when the test wants them), none once it is rolled back.
    inputs: {
      'prometheus-url': await prometheus(() =>
        imageOf(sim.get('Deployment', 'shop', 'api')) === 'shop/api:1.1' ? options.errors : 0,
      ),
      kubeconfig,
      ...options.inputs,
    },
    env: {
      SLACK_WEBHOOK_URL: options.slackUrl,
      PD_ROUTING_KEY: ROUTING_KEY,
      AUDIT_TOKEN: HOOK_TOKEN,
      GITHUB_RUN_ID: '4242',
    },
    files: { '.github/rollback-policy.yml': policy(options.severity ?? 'P0', options.notify) },
    token: gh.token,
    apiUrl: gh.url,
    repository: 'acme/shop',
    timeoutMs: 90_000,
  });
  return { result, gh, sim };
}

function expectNoSecret(result: RunResult, slackUrl: string, onlySlack = false): void {
  const shown = shownText(result);
  for (const secret of [slackUrl, SLACK_PATH, ROUTING_KEY, HOOK_TOKEN, 'hookS3cretToken'])
    expect(shown).not.toContain(secret);
  expect(result.masks).toEqual(
    expect.arrayContaining(onlySlack ? [slackUrl] : [slackUrl, ROUTING_KEY, HOOK_TOKEN]),
  );
}

/** The step's warning annotations. */
const warningsOf = (result: RunResult): string[] =>
  result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);

const textOf = (r: { json: unknown }): string => (r.json as { text: string }).text;

interface Report {
  verdict: string;
  notifications: { channel: string; event: string; status: string; detail: string }[];
}
const reportOf = (result: RunResult): Report => JSON.parse(result.outputs.report ?? '{}') as Report;

test('a bad deploy (P0): Slack hears initiated then completed, PagerDuty one critical trigger, the webhook its JSON; no secret shown', async () => {
  const r = await receiver();
  const slackUrl = `${r.url}${SLACK_PATH}`;
  const { result, gh, sim } = await guard({ errors: 1, notify: everyChannel(r.url), slackUrl });
  expect(result.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
  expect(imageOf(sim.get('Deployment', 'shop', 'api'))).toBe('shop/api:1.0');
  const incidentUrl = result.outputs['incident-url'] ?? '';
  expect(incidentUrl).toMatch(/^https:\/\/github\.com\/acme\/shop\/issues\/\d+$/);

  const slack = r.to(SLACK_PATH);
  expect(slack.map((q) => textOf(q).split('\n')[0])).toEqual([
    expect.stringMatching(/^:rotating_light: \*ROLLBACK INITIATED\*: \[P0\] rolling back api/),
    expect.stringMatching(
      /^:white_check_mark: \*ROLLBACK COMPLETED\*: \[P0\] api rolled back \(shop\/api:1\.1 → shop\/api:1\.0\)/,
    ),
  ]);
  expect(textOf(slack[0] ?? { json: {} })).toContain('*Rolling back:* shop/api:1.1');
  const completed = textOf(slack[1] ?? { json: {} });
  expect(completed).toContain('*Service:* api (eu-west shop/deployment/api)');
  expect(completed).toContain('*Version:* shop/api:1.1 → shop/api:1.0');
  expect(completed).toContain(`<${incidentUrl}|Incident>`);
  expect(completed).toContain('<https://github.com/acme/shop/actions/runs/4242|Workflow run>');

  const pd = r.to('/v2/enqueue');
  expect(pd).toHaveLength(1);
  expect(pd[0]?.json).toMatchObject({
    routing_key: ROUTING_KEY,
    event_action: 'trigger',
    dedup_key: 'rollback-action/acme/shop/api',
    payload: {
      severity: 'critical',
      source: 'api',
      summary: expect.stringMatching(/^\[P0\] api rolled back/),
      custom_details: { event: 'completed', 'incident-url': incidentUrl },
    },
    links: expect.arrayContaining([{ href: incidentUrl, text: 'Incident issue' }]),
  });

  const audit = r.to('/audit');
  expect(audit.map((q) => (q.json as { event: string }).event)).toEqual(['initiated', 'completed']);
  expect(audit[1]?.headers).toMatchObject({
    authorization: HOOK_TOKEN,
    'x-team': 'shop',
    'content-type': 'application/json',
  });
  expect(audit[1]?.json).toMatchObject({
    event: 'completed',
    verdict: 'rolled-back',
    service: 'api',
    targets: ['eu-west shop/deployment/api'],
    severity: 'P0',
    strategy: 'kubernetes',
    versions: [
      {
        target: 'eu-west shop/deployment/api',
        container: 'api',
        from: 'shop/api:1.1',
        to: 'shop/api:1.0',
      },
    ],
    'incident-url': incidentUrl,
    'run-url': 'https://github.com/acme/shop/actions/runs/4242',
    'rollback-seconds': expect.any(Number),
  });

  expect(reportOf(result).notifications).toEqual([
    { channel: 'slack', event: 'initiated', status: 'sent', detail: 'answered 200' },
    { channel: 'webhook audit', event: 'initiated', status: 'sent', detail: 'answered 200' },
    { channel: 'slack', event: 'completed', status: 'sent', detail: 'answered 200' },
    { channel: 'pagerduty', event: 'completed', status: 'sent', detail: 'answered 200' },
    { channel: 'webhook audit', event: 'completed', status: 'sent', detail: 'answered 200' },
  ]);
  expect(result.summary).toContain(
    '**Notifications:** slack: ✅ initiated, ✅ completed · webhook audit: ✅ initiated, ✅ completed · pagerduty: ✅ completed',
  );
  expect(warningsOf(result).filter((w) => w.includes('notif'))).toEqual([]);
  expect(gh.issues).toHaveLength(1);
  expectNoSecret(result, slackUrl);
}, 120_000);

test('a P1 pages nobody by default; a receiver failing once (500) is tried again', async () => {
  const r = await receiver((path, n) => ({ status: path === SLACK_PATH && n === 1 ? 500 : 200 }));
  const slackUrl = `${r.url}${SLACK_PATH}`;
  const { result } = await guard({
    severity: 'P1',
    errors: 1,
    notify: everyChannel(r.url),
    slackUrl,
  });
  expect(result.outputs.verdict).toBe('rolled-back');
  expect(r.to('/v2/enqueue')).toEqual([]);
  // The first initiated answered 500 and was sent again: three requests, two messages.
  const slack = r.to(SLACK_PATH).map((q) => textOf(q).split('\n')[0]);
  expect(slack).toHaveLength(3);
  expect(slack[0]).toBe(slack[1]);
  expect(slack[2]).toMatch(/ROLLBACK COMPLETED\*: \[P1\]/);
  const records = reportOf(result).notifications;
  expect(records).toContainEqual({
    channel: 'slack',
    event: 'initiated',
    status: 'sent',
    detail: 'answered 200 after 2 attempts',
  });
  expect(records).toContainEqual({
    channel: 'pagerduty',
    event: 'completed',
    status: 'skipped',
    detail: 'P1 does not page (severities: P0)',
  });
  expect(warningsOf(result).filter((w) => w.includes('notif'))).toEqual([]);
  expectNoSecret(result, slackUrl);
}, 120_000);

test('a receiver that is down: one warning naming the channel, and nothing else changes', async () => {
  const notify = '  slack: {webhook-url-env: SLACK_WEBHOOK_URL}\n';
  const slackUrl = `http://127.0.0.1:${await freePort()}${SLACK_PATH}`;
  const { result } = await guard({ errors: 1, notify, slackUrl });
  expect(result.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
  // The step's result is the rollback's: the same one error line as without notifications.
  expect(result.exitCode).toBe(1);
  expect(result.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
    expect.stringMatching(/^rollback-action: the deploy was rolled back: errors \(P0\)/),
  ]);
  expect(warningsOf(result).filter((w) => w.includes('notif'))).toEqual([
    'rollback-action: Slack was not notified (initiated, completed): connection refused (after 3 attempts); the rollback and its verdict are not affected',
  ]);
  expect(reportOf(result).notifications.map((n) => n.status)).toEqual(['failed', 'failed']);
  expectNoSecret(result, slackUrl, true);
}, 120_000);

test('a healthy deploy sends nothing', async () => {
  const r = await receiver();
  const { result } = await guard({
    errors: 0,
    notify: everyChannel(r.url),
    slackUrl: `${r.url}${SLACK_PATH}`,
  });
  expect(result.outputs.verdict).toBe('healthy');
  expect(r.requests).toEqual([]);
  expect(reportOf(result).notifications).toEqual([]);
  expect(result.summary).not.toContain('Notifications');
}, 120_000);

test('a dry run sends nothing and says what it would send, without a secret', async () => {
  const r = await receiver();
  const slackUrl = `${r.url}${SLACK_PATH}`;
  const { result, sim } = await guard({
    errors: 1,
    notify: everyChannel(r.url),
    slackUrl,
    inputs: { 'dry-run': 'true' },
  });
  expect(result.outputs.verdict).toBe('rollback-recommended');
  expect(imageOf(sim.get('Deployment', 'shop', 'api'))).toBe('shop/api:1.1');
  expect(r.requests).toEqual([]);
  expect(reportOf(result).notifications.map((n) => [n.channel, n.event, n.status])).toEqual([
    ['slack', 'recommended', 'planned'],
    ['pagerduty', 'recommended', 'planned'],
    ['webhook audit', 'recommended', 'planned'],
  ]);
  expect(result.log).toMatch(/notify: Slack \(recommended\): planned: dry run: would send "/);
  expectNoSecret(result, slackUrl);
}, 120_000);

test('validate lists what a rollback would notify and warns of a variable not set', async () => {
  const result = await runAction({
    inputs: { mode: 'validate' },
    env: { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/x' },
    files: {
      '.github/rollback-policy.yml': `notify:
  slack: {webhook-url-env: SLACK_WEBHOOK_URL, on: [failed]}
  pagerduty: {routing-key-env: PD_ROUTING_KEY}
`,
    },
  });
  expect(result.exitCode).toBe(0);
  expect(result.log).toContain('Notifications of a rollback (2):');
  expect(result.log).toContain('  slack: failed (env SLACK_WEBHOOK_URL)');
  expect(result.log).toContain(
    '  pagerduty: completed, failed, recommended for P0 (env PD_ROUTING_KEY)',
  );
  expect(warningsOf(result)).toEqual([
    'rollback-action: notify.pagerduty.routing-key-env names PD_ROUTING_KEY, which is not set in this step; guard and rollback would not notify PagerDuty',
  ]);
  expect(JSON.parse(result.outputs.report ?? '{}').notify).toEqual([
    { channel: 'slack', events: ['failed'], severities: null, from: 'env SLACK_WEBHOOK_URL' },
    {
      channel: 'pagerduty',
      events: ['completed', 'failed', 'recommended'],
      severities: ['P0'],
      from: 'env PD_ROUTING_KEY',
    },
  ]);
  expect(result.summary).toContain('### Notifications of a rollback');
}, 60_000);
