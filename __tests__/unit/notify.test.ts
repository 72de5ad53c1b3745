/**
 * The notifications' one HTTP door (postJson) and the notifier around it, against a loopback
 * receiver: retried only for what can change (5xx, 429 honouring Retry-After, no connection),
 * redirects not followed, answers read up to a cap; secrets masked when read, never in a
 * detail or a warning; a dry run sends nothing; events reach each channel in order.
 */
import type { Clock } from '../../src/clock.js';
import { createNotifier, postJson, retryAfterMs, type PostOptions } from '../../src/notify.js';
import type { NotifyPolicy } from '../../src/policy/types.js';
import type { NotifyFacts } from '../../src/report/notify-messages.js';
import { startReceiver, type Receiver, type Script } from '../../lab/receiver/server.js';
import { freePort } from '../../lab/util/net.js';

const open: Receiver[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

async function receiver(script?: Script): Promise<Receiver> {
  const r = await startReceiver(script);
  open.push(r);
  return r;
}

/** A clock whose sleeps return at once and are remembered. */
function fakeClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  let now = Date.parse('2026-11-20T03:00:00Z');
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

function options(clock: Clock, change: Partial<PostOptions> = {}): PostOptions {
  return {
    timeoutMs: 2_000,
    attempts: 3,
    backoffMs: 1_000,
    maxRetryAfterMs: 15_000,
    clock,
    ...change,
  };
}

describe('postJson', () => {
  test.each<[string, Script, { ok: boolean; attempts: number; detail?: RegExp }, number[]]>([
    [
      '2xx at once',
      () => ({ status: 202, body: '{"status":"success"}' }),
      { ok: true, attempts: 1 },
      [],
    ],
    [
      '500 then 200: tried again after the backoff',
      (_p, n) => ({ status: n === 1 ? 500 : 200 }),
      { ok: true, attempts: 2 },
      [1_000],
    ],
    [
      '429 with Retry-After: 3 waits three seconds',
      (_p, n) => (n === 1 ? { status: 429, headers: { 'Retry-After': '3' } } : { status: 200 }),
      { ok: true, attempts: 2 },
      [3_000],
    ],
    [
      '503 every time: three tries, doubling waits',
      () => ({ status: 503, body: 'down for maintenance' }),
      {
        ok: false,
        attempts: 3,
        detail: /^answered 503: down for maintenance \(after 3 attempts\)$/,
      },
      [1_000, 2_000],
    ],
    [
      'a Retry-After longer than the run waits is not waited for',
      () => ({ status: 429, headers: { 'Retry-After': '3600' } }),
      {
        ok: false,
        attempts: 1,
        detail: /^answered 429, Retry-After 3600 s, longer than this run waits$/,
      },
      [],
    ],
    [
      '400 is the request’s fault: not tried again',
      () => ({ status: 400, body: 'invalid_payload' }),
      { ok: false, attempts: 1, detail: /^answered 400: invalid_payload$/ },
      [],
    ],
    [
      'a redirect is not followed (it would carry the secret elsewhere)',
      () => ({ status: 302, headers: { Location: 'http://127.0.0.1:9/elsewhere' } }),
      { ok: false, attempts: 1, detail: /^answered 302 \(redirects are not followed\)$/ },
      [],
    ],
    [
      'a huge answer is read only up to the cap',
      () => ({ status: 500, body: 'x'.repeat(200_000) }),
      { ok: false, attempts: 1, detail: /^answered 500$/ },
      [],
    ],
  ])('%s', async (_name, script, expected, waits) => {
    const r = await receiver(script);
    const clock = fakeClock();
    const attempts = _name.startsWith('a huge') ? 1 : 3;
    const result = await postJson(
      `${r.url}/hook`,
      { 'X-Test': '1' },
      { a: 1 },
      options(clock, { attempts }),
    );
    expect(result).toMatchObject({ ok: expected.ok, attempts: expected.attempts });
    if (!result.ok && expected.detail) expect(result.detail).toMatch(expected.detail);
    expect(clock.slept).toEqual(waits);
    expect(r.requests).toHaveLength(expected.attempts);
    expect(r.requests[0]).toMatchObject({
      method: 'POST',
      path: '/hook',
      json: { a: 1 },
      headers: { 'content-type': 'application/json', 'x-test': '1' },
    });
  });

  test('nobody listening: tried again, then one line saying so', async () => {
    const port = await freePort();
    const clock = fakeClock();
    const result = await postJson(`http://127.0.0.1:${port}/`, {}, {}, options(clock));
    expect(result).toEqual({
      ok: false,
      attempts: 3,
      detail: 'connection refused (after 3 attempts)',
    });
    expect(clock.slept).toEqual([1_000, 2_000]);
  });

  test('a header that cannot be sent is not tried at all', async () => {
    const result = await postJson(
      'http://127.0.0.1:9/',
      { 'X-Key': 'a\nb' },
      {},
      options(fakeClock()),
    );
    expect(result).toMatchObject({ ok: false, attempts: 0 });
  });

  test.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Fri, 20 Nov 2026 03:00:30 GMT', 30_000],
    ['soon', undefined],
    [null, undefined],
  ])('Retry-After %j is %s ms', (value, ms) => {
    expect(retryAfterMs(value, Date.parse('2026-11-20T03:00:00Z'))).toBe(ms);
  });
});

const FACTS: NotifyFacts = {
  event: 'initiated',
  verdict: 'fail',
  service: 'api',
  targets: ['eu-west shop/deployment/api'],
  severity: 'P0',
  reason: 'error-rate-severe (P0): 0.25 > 0.1',
  versions: [],
  strategy: 'kubernetes',
  repository: 'acme/shop',
  at: Date.parse('2026-11-20T03:00:00Z'),
};

interface Seen {
  secrets: string[];
  log: string[];
  warnings: string[];
}

function notifierFor(policy: NotifyPolicy, env: NodeJS.ProcessEnv, dryRun = false) {
  const seen: Seen = { secrets: [], log: [], warnings: [] };
  const notifier = createNotifier({
    policy,
    env,
    dryRun,
    setSecret: (s) => seen.secrets.push(s),
    log: (l) => seen.log.push(l),
    warn: (l) => seen.warnings.push(l),
    clock: fakeClock(),
  });
  return { notifier, seen };
}

describe('createNotifier', () => {
  test('every channel gets its events in order; secrets masked as soon as read', async () => {
    const r = await receiver();
    const slackUrl = `${r.url}/services/T000/B000/slackS3cretPath`;
    const { notifier, seen } = notifierFor(
      {
        slack: { 'webhook-url-env': 'SLACK_URL' },
        pagerduty: { 'routing-key-env': 'PD_KEY', url: `${r.url}/v2/enqueue` },
        webhooks: [
          {
            name: 'audit',
            url: `${r.url}/audit`,
            headers: { 'X-Team': 'shop' },
            'headers-env': { Authorization: 'AUDIT_TOKEN' },
            on: ['completed'],
          },
        ],
      },
      {
        SLACK_URL: slackUrl,
        PD_KEY: 'pdkey0123456789abcdef0123456789ab',
        AUDIT_TOKEN: 'Bearer audit-s3cret',
      },
    );
    // Masked when the notifier is made, before anything was sent.
    expect(seen.secrets).toEqual(
      expect.arrayContaining([
        slackUrl,
        '/services/T000/B000/slackS3cretPath',
        'pdkey0123456789abcdef0123456789ab',
        'Bearer audit-s3cret',
      ]),
    );
    expect(r.requests).toHaveLength(0);
    notifier.start(FACTS);
    await notifier.send({ ...FACTS, event: 'completed', verdict: 'rolled-back' });
    const records = await notifier.settle();
    expect(records).toEqual([
      { channel: 'slack', event: 'initiated', status: 'sent', detail: 'answered 200' },
      { channel: 'slack', event: 'completed', status: 'sent', detail: 'answered 200' },
      { channel: 'pagerduty', event: 'completed', status: 'sent', detail: 'answered 200' },
      { channel: 'webhook audit', event: 'completed', status: 'sent', detail: 'answered 200' },
    ]);
    const slack = r.to('/services/T000/B000/slackS3cretPath');
    expect(slack.map((q) => (q.json as { text: string }).text.split('\n')[0])).toEqual([
      expect.stringContaining('ROLLBACK INITIATED'),
      expect.stringContaining('ROLLBACK COMPLETED'),
    ]);
    expect(r.to('/v2/enqueue')[0]?.json).toMatchObject({
      routing_key: 'pdkey0123456789abcdef0123456789ab',
      event_action: 'trigger',
      payload: { severity: 'critical' },
    });
    expect(r.to('/audit')[0]?.headers).toMatchObject({
      authorization: 'Bearer audit-s3cret',
      'x-team': 'shop',
    });
    expect(seen.warnings).toEqual([]);
  });

  test('PagerDuty pages only the severities listed; the rest are recorded as skipped', async () => {
    const r = await receiver();
    const { notifier } = notifierFor(
      { pagerduty: { 'routing-key-env': 'PD_KEY', url: `${r.url}/v2/enqueue` } },
      { PD_KEY: 'k' },
    );
    await notifier.send({ ...FACTS, event: 'completed', severity: 'P1' });
    await notifier.send({ ...FACTS, event: 'initiated' });
    expect(await notifier.settle()).toEqual([
      {
        channel: 'pagerduty',
        event: 'completed',
        status: 'skipped',
        detail: 'P1 does not page (severities: P0)',
      },
    ]);
    expect(r.requests).toHaveLength(0);
  });

  test('a dry run sends nothing and says what it would send, without a secret', async () => {
    const r = await receiver();
    const { notifier, seen } = notifierFor(
      {
        slack: { 'webhook-url-env': 'SLACK_URL' },
        pagerduty: { 'routing-key-env': 'PD_KEY', url: `${r.url}/pd` },
      },
      { SLACK_URL: `${r.url}/slackS3cretPath`, PD_KEY: 'pdS3cretKey' },
      true,
    );
    await notifier.send({ ...FACTS, event: 'recommended' });
    const records = await notifier.settle();
    expect(records.map((x) => [x.channel, x.status])).toEqual([
      ['slack', 'planned'],
      ['pagerduty', 'planned'],
    ]);
    expect(records[1]?.detail).toMatch(/^dry run: would send a critical trigger: /);
    expect(r.requests).toHaveLength(0);
    expect(JSON.stringify([records, seen.log])).not.toMatch(/S3cret/);
  });

  test('a channel that fails is one warning naming it, never its URL; the answer is scrubbed', async () => {
    // A service that echoes the request back must not leak the URL into the log.
    const r = await receiver((path) => ({ status: 500, body: `no route for ${path}` }));
    const { notifier, seen } = notifierFor(
      { webhooks: [{ name: 'audit', 'url-env': 'HOOK_URL' }] },
      { HOOK_URL: `${r.url}/hooks/s3cretTokenPath0123` },
    );
    notifier.start(FACTS);
    await notifier.send({ ...FACTS, event: 'completed' });
    const records = await notifier.settle();
    expect(records.map((x) => x.status)).toEqual(['failed', 'failed']);
    expect(seen.warnings).toEqual([
      "webhook 'audit' was not notified (initiated, completed): answered 500: no route for *** (after 3 attempts); the rollback and its verdict are not affected",
    ]);
    expect(JSON.stringify([records, seen.log, seen.warnings])).not.toContain('s3cretTokenPath');
  });

  test('a variable not set is a warning when the notifier is made, naming the variable only', async () => {
    const { notifier, seen } = notifierFor(
      {
        slack: { 'webhook-url-env': 'SLACK_URL' },
        webhooks: [
          { name: 'x', url: 'http://127.0.0.1:9/', 'headers-env': { 'X-Key': 'HOOK_KEY' } },
        ],
      },
      { SLACK_URL: 'not a url at all' },
    );
    expect(seen.warnings).toEqual([
      'Slack will not be notified: SLACK_URL (notify.slack.webhook-url-env) does not hold an http:// or https:// URL',
      "webhook 'x' will not be notified: notify.webhooks[0].headers-env names HOOK_KEY (header X-Key), not set in this step (set it under env: from a secret)",
    ]);
    expect(seen.secrets).toContain('not a url at all');
    await notifier.send({ ...FACTS, event: 'completed' });
    expect((await notifier.settle()).map((x) => x.status)).toEqual(['failed', 'failed']);
    // Warned once, when the run began.
    expect(seen.warnings).toHaveLength(2);
  });

  test('a run that stops after initiated sends failed; one that had its outcome does not', async () => {
    const r = await receiver();
    const policy: NotifyPolicy = { webhooks: [{ name: 'audit', url: `${r.url}/audit` }] };
    const first = notifierFor(policy, {}).notifier;
    first.start(FACTS);
    await first.abandon('the run stopped: out of memory', FACTS.at);
    expect(
      r.requests.map((q) => q.json as { event: string; 'action-needed': string | null }),
    ).toEqual([
      expect.objectContaining({ event: 'initiated' }),
      expect.objectContaining({
        event: 'failed',
        'action-needed': 'the run stopped: out of memory',
        severity: 'P0',
      }),
    ]);
    const second = notifierFor(policy, {}).notifier;
    second.start(FACTS);
    await second.send({ ...FACTS, event: 'completed' });
    await second.abandon('late error', FACTS.at);
    expect(r.requests.map((q) => (q.json as { event: string }).event)).toEqual([
      'initiated',
      'failed',
      'initiated',
      'completed',
    ]);
  });

  test('no policy: nothing is read or sent', async () => {
    const { notifier, seen } = notifierFor({}, { SLACK_URL: 'x' });
    await notifier.send(FACTS);
    expect(await notifier.settle()).toEqual([]);
    expect(seen).toEqual({ secrets: [], log: [], warnings: [] });
  });
});
