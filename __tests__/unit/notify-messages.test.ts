import type { Plan } from '../../src/decide/plan.js';
import {
  dedupKey,
  describeVersions,
  escapeSlack,
  initiatedFacts,
  notificationsLine,
  outcomeEvent,
  outcomeFacts,
  pagerDutyEvent,
  slackMessage,
  subscriptions,
  webhookBody,
  willRollBack,
  type NotifyFacts,
} from '../../src/report/notify-messages.js';
import type { GuardReport, RollbackModeReport } from '../../src/report/types.js';

const AT = Date.parse('2026-11-20T03:04:05Z');

const COMPLETED: NotifyFacts = {
  event: 'completed',
  verdict: 'rolled-back',
  service: 'api',
  targets: ['eu-west shop/deployment/api'],
  severity: 'P0',
  reason: 'error-rate-severe (P0): 0.25 > 0.1',
  versions: [
    {
      target: 'eu-west shop/deployment/api',
      container: 'api',
      from: 'shop/api:2.0',
      to: 'shop/api:1.9',
    },
  ],
  destination: 'the snapshot captured at 2026-11-20T03:00:00Z',
  strategy: 'kubernetes',
  verified: true,
  rollbackSeconds: 42.25,
  incidentUrl: 'https://github.com/acme/shop/issues/7',
  runUrl: 'https://github.com/acme/shop/actions/runs/99',
  repository: 'acme/shop',
  sha: 'abcdef1234567890',
  at: AT,
};

describe('escapeSlack', () => {
  test.each([
    ['plain text', 'error rate 25%', 'error rate 25%'],
    ['control characters of mrkdwn', 'a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
    ['a broadcast', '<!channel> deploy <!here|here>', '&lt;!channel&gt; deploy &lt;!here|here&gt;'],
    ['a user mention', 'by <@U024BE7LH>', 'by &lt;@\u200bU024BE7LH&gt;'],
    ['a link', '<https://evil.example|click>', '&lt;https://evil.example|click&gt;'],
    ['plain @channel', 'ping @channel and @here', 'ping @\u200bchannel and @\u200bhere'],
    ['an escape already written', '&lt;!here&gt;', '&amp;lt;!here&amp;gt;'],
    ['newlines and invisible characters', 'a\nb\u202ec\u0007', 'a bc'],
  ])('%s', (_name, input, expected) => {
    expect(escapeSlack(input)).toBe(expected);
  });

  test('long text is cut to its budget', () => {
    expect(escapeSlack('x'.repeat(1000), 50)).toHaveLength(50);
  });
});

describe('slackMessage', () => {
  test.each<[string, Partial<NotifyFacts>, string[], string[]]>([
    [
      'completed',
      {},
      [
        ':white_check_mark: *ROLLBACK COMPLETED*: [P0] api rolled back (shop/api:2.0 → shop/api:1.9)',
        '*Service:* api (eu-west shop/deployment/api)',
        '*Version:* shop/api:2.0 → shop/api:1.9',
        '*Strategy:* kubernetes',
        '*Duration:* 42.3 s',
        '*Verification:* verified',
        '<https://github.com/acme/shop/issues/7|Incident> · <https://github.com/acme/shop/actions/runs/99|Workflow run>',
      ],
      ['Action needed', 'Started'],
    ],
    [
      'initiated',
      {
        event: 'initiated',
        verdict: 'fail',
        versions: [{ target: 't', container: 'api', to: 'shop/api:1.9' }],
        stages: ['Kubernetes undo', 'git revert'],
        verified: undefined,
        rollbackSeconds: undefined,
        incidentUrl: undefined,
      },
      [
        ':rotating_light: *ROLLBACK INITIATED*: [P0] rolling back api (→ shop/api:1.9)',
        '*Rolling back:* → shop/api:1.9',
        '*To:* the snapshot captured at 2026-11-20T03:00:00Z',
        '*Plan:* Kubernetes undo, then if needed git revert',
        '*Started:* 03:04 UTC',
      ],
      ['Incident', 'Verification'],
    ],
    [
      'failed verification',
      { event: 'failed', verified: false, verificationProblem: 'smoke check checkout failed' },
      [
        ':x: *ROLLBACK FAILED*: [P0] rollback of api failed verification',
        '*Verification:* NOT verified: smoke check checkout failed',
      ],
      [],
    ],
    [
      'recommended',
      {
        event: 'recommended',
        verdict: 'rollback-recommended',
        severity: 'P1',
        actionNeeded: 'merge pull request #12 to roll back',
        pullRequestUrl: 'https://github.com/acme/shop/pull/12',
      },
      [
        ':warning: *ROLLBACK RECOMMENDED*: [P1] api: rollback recommended, a person must act',
        '*Action needed:* merge pull request #12 to roll back',
        '<https://github.com/acme/shop/pull/12|Revert pull request>',
      ],
      [],
    ],
    [
      'outside text stays inert',
      {
        reason: 'fix <!channel> & @here <https://evil.example|login>',
        service: 'api<@U1>',
      },
      ['*Reason:* fix &lt;!channel&gt; &amp; @\u200bhere &lt;https://evil.example|login&gt;'],
      ['<!channel>', '<https://evil.example', '<@U1>'],
    ],
  ])('%s', (_name, change, present, absent) => {
    const { text } = slackMessage({ ...COMPLETED, ...change });
    for (const line of present) expect(text).toContain(line);
    for (const line of absent) expect(text).not.toContain(line);
  });

  test('the channel override only when the policy names one', () => {
    expect(slackMessage(COMPLETED)).not.toHaveProperty('channel');
    expect(slackMessage(COMPLETED, '#incidents').channel).toBe('#incidents');
  });

  test('a URL Slack would misread is not a link', () => {
    const { text } = slackMessage({ ...COMPLETED, incidentUrl: 'https://x.example/a|b>c' });
    expect(text).toContain('https://x.example/a|b&gt;c');
    expect(text).not.toContain('<https://x.example/a|b>');
  });
});

describe('pagerDutyEvent', () => {
  test('an Events API v2 trigger with the routing key, a stable dedup key and links', () => {
    expect(pagerDutyEvent(COMPLETED, 'k'.repeat(32))).toEqual({
      routing_key: 'k'.repeat(32),
      event_action: 'trigger',
      dedup_key: 'rollback-action/acme/shop/api',
      client: 'rollback-action',
      client_url: 'https://github.com/acme/shop/actions/runs/99',
      payload: {
        summary:
          '[P0] api rolled back (shop/api:2.0 → shop/api:1.9): error-rate-severe (P0): 0.25 > 0.1',
        source: 'api',
        severity: 'critical',
        timestamp: '2026-11-20T03:04:05.000Z',
        group: 'acme/shop',
        class: 'rollback completed',
        custom_details: webhookBody(COMPLETED),
      },
      links: [
        { href: 'https://github.com/acme/shop/issues/7', text: 'Incident issue' },
        { href: 'https://github.com/acme/shop/actions/runs/99', text: 'Workflow run' },
      ],
    });
  });

  test.each([
    ['P0', 'critical'],
    ['P1', 'error'],
    ['P2', 'warning'],
    [undefined, 'info'],
  ] as const)('%s is %s', (severity, expected) => {
    const { severity: _dropped, ...rest } = COMPLETED;
    const facts: NotifyFacts = severity ? { ...rest, severity } : rest;
    const event = pagerDutyEvent(facts, 'k') as { payload: { severity: string } };
    expect(event.payload.severity).toBe(expected);
  });

  test('the summary stays within 1024 characters, however long the reason', () => {
    const event = pagerDutyEvent({ ...COMPLETED, reason: 'r'.repeat(5000) }, 'k') as {
      payload: { summary: string };
    };
    expect(event.payload.summary.length).toBeLessThanOrEqual(1024);
    expect(event.payload.summary.startsWith('[P0] api rolled back')).toBe(true);
  });

  test('the dedup key is the same for every event of a service, and at most 255 characters', () => {
    expect(dedupKey({ ...COMPLETED, event: 'initiated' } as NotifyFacts)).toBe(dedupKey(COMPLETED));
    expect(dedupKey({ repository: 'a/b', service: 's'.repeat(400) })).toHaveLength(255);
    expect(dedupKey({ service: 'api' })).toBe('rollback-action/local/api');
  });
});

describe('webhookBody', () => {
  test('the facts in kebab-case keys, null where unknown', () => {
    const body = webhookBody({ ...COMPLETED, event: 'initiated', verified: undefined });
    expect(body).toMatchObject({
      source: 'rollback-action',
      event: 'initiated',
      verdict: 'rolled-back',
      service: 'api',
      severity: 'P0',
      verified: null,
      'rollback-seconds': 42.25,
      'incident-url': 'https://github.com/acme/shop/issues/7',
      'run-url': 'https://github.com/acme/shop/actions/runs/99',
      versions: [
        {
          target: 'eu-west shop/deployment/api',
          container: 'api',
          from: 'shop/api:2.0',
          to: 'shop/api:1.9',
        },
      ],
      at: '2026-11-20T03:04:05.000Z',
    });
    for (const key of Object.keys(body)) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('which event an outcome is', () => {
  test.each([
    ['rolled-back', true, 'completed'],
    ['rolled-back', undefined, 'completed'],
    ['rolled-back', false, 'failed'],
    ['rollback-failed', undefined, 'failed'],
    ['rollback-recommended', undefined, 'recommended'],
    ['healthy', undefined, undefined],
    ['inconclusive', undefined, undefined],
  ] as const)('%s, verified %s: %s', (verdict, verified, event) => {
    expect(outcomeEvent(verdict, verified)).toBe(event);
  });
});

const PLAN: Plan = {
  version: 1,
  strategy: 'auto',
  reasons: [],
  stages: [
    {
      name: 'Kubernetes undo',
      why: 'targets',
      actions: [
        {
          kind: 'kubernetes',
          targets: [{ context: 'eu-west', kind: 'Deployment', namespace: 'shop', name: 'api' }],
        },
      ],
    },
    {
      name: 'git revert',
      why: 'if the undo fails',
      actions: [
        {
          kind: 'git-revert',
          revert: { base: 'b'.repeat(40), head: 'h'.repeat(40), delivery: 'push', mode: 'one' },
        },
      ],
    },
  ],
  'left-alone': [],
  advice: [],
  triggers: ['error-rate'],
  commits: { deployed: 'd'.repeat(40), previous: 'p'.repeat(40) },
};

describe('willRollBack: initiated goes out only when the plan will change something now', () => {
  const gated: Plan = { ...PLAN, stages: PLAN.stages.map((s) => ({ ...s, gated: 'DROP COLUMN' })) };
  test.each<[string, Plan, string | undefined, boolean, boolean]>([
    ['a plan that runs', PLAN, undefined, false, true],
    ['dry run', PLAN, 'dry-run', false, false],
    ['approval required', PLAN, 'approval: required', false, false],
    ['strategy none', PLAN, 'strategy: none', false, false],
    ['no stage', { ...PLAN, stages: [] }, undefined, false, false],
    ['a destructive migration, not approved', gated, undefined, false, false],
    ['a destructive migration, approved', gated, undefined, true, true],
  ])('%s', (_name, plan, planOnly, approved, expected) => {
    expect(willRollBack(plan, planOnly, approved)).toBe(expected);
  });
});

describe('initiatedFacts', () => {
  test('versions from the images running to those captured; the plan in stages', () => {
    const facts = initiatedFacts({
      plan: PLAN,
      verdict: 'fail',
      severity: 'P1',
      reason: 'error-rate (P1): 0.07 > 0.05',
      destination: 'the snapshot captured at 2026-11-20T03:00:00Z',
      running: new Map([
        ['eu-west shop/deployment/api', { api: 'shop/api:2.0', sidecar: 'envoy:1' }],
      ]),
      captured: new Map([
        ['eu-west shop/deployment/api', { api: 'shop/api:1.9', sidecar: 'envoy:1' }],
      ]),
      run: { repository: 'acme/shop', at: AT },
    });
    expect(facts).toMatchObject({
      event: 'initiated',
      service: 'api',
      targets: ['eu-west shop/deployment/api'],
      severity: 'P1',
      strategy: 'kubernetes+git-revert',
      stages: ['Kubernetes undo', 'git revert'],
      versions: [
        {
          target: 'eu-west shop/deployment/api',
          container: 'api',
          from: 'shop/api:2.0',
          to: 'shop/api:1.9',
        },
      ],
    });
    expect(describeVersions(facts)).toBe('shop/api:2.0 → shop/api:1.9');
  });

  test('without Kubernetes targets the service is the repository and the version a commit', () => {
    const facts = initiatedFacts({
      plan: { ...PLAN, stages: PLAN.stages.slice(1) },
      verdict: 'fail',
      severity: undefined,
      reason: 'r',
      destination: 'the previous revision',
      running: new Map(),
      captured: new Map(),
      run: { repository: 'acme/shop', at: AT },
    });
    expect(facts.service).toBe('shop');
    expect(facts.targets).toEqual(['acme/shop']);
    expect(describeVersions(facts)).toBe('commit ddddddd → ppppppp');
  });
});

const ROLLBACK: NonNullable<GuardReport['rollback']> = {
  verdict: 'rolled-back',
  strategy: 'kubernetes',
  escalated: false,
  destination: 'the snapshot captured at 2026-11-20T03:00:00Z',
  'plan-only': null,
  'rollback-seconds': 12,
  stages: [],
  attempts: [],
  targets: [
    {
      context: 'eu-west',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'api',
      outcome: 'rolled-back',
      'from-revision': 3,
      'to-revision': 2,
      message: '',
      diff: ['spec.containers[api].image: shop/api:2.0 → shop/api:1.9'],
      state: null,
      seconds: 12,
    },
  ],
  reverts: [],
};

function guardReport(change: Partial<GuardReport>): GuardReport {
  return {
    verdict: 'rolled-back',
    severity: 'P1',
    'severity-from': null,
    headline: 'error-rate (P1): 0.07 > 0.05; rolled back (kubernetes) in 12.0 s',
    'deployed-at': '2026-11-20T03:00:00Z',
    watch: null,
    triggers: [],
    unjudged: [],
    baselines: {},
    rollout: [],
    decision: PLAN,
    rollback: ROLLBACK,
    ledger: null,
    deployments: null,
    incident: null,
    'stale-reverts': null,
    verification: null,
    ...change,
  };
}

const VERIFIED = {
  verified: true,
  problem: null,
  images: [],
  smoke: [],
  stability: { verdict: 'pass' as const, detail: '' },
  sla: { 'elapsed-ms': 1, 'limit-ms': 2, met: true, detail: '' },
};

describe('outcomeFacts: the outcome from the run report', () => {
  const run = { repository: 'acme/shop', runUrl: 'https://r', at: AT };
  test.each<
    [
      string,
      GuardReport | RollbackModeReport,
      Record<string, string>,
      string | undefined,
      Partial<NotifyFacts> | undefined,
    ]
  >([
    [
      'healthy: nothing',
      guardReport({ verdict: 'healthy', rollback: null }),
      {},
      undefined,
      undefined,
    ],
    [
      'rolled back and verified: completed, with the incident and the seconds',
      guardReport({ verification: VERIFIED }),
      { 'rollback-seconds': '14.5', 'incident-url': 'https://github.com/acme/shop/issues/7' },
      'the deploy was rolled back: …',
      {
        event: 'completed',
        severity: 'P1',
        verified: true,
        rollbackSeconds: 14.5,
        incidentUrl: 'https://github.com/acme/shop/issues/7',
        versions: [
          {
            target: 'eu-west shop/deployment/api',
            container: 'api',
            from: 'shop/api:2.0',
            to: 'shop/api:1.9',
          },
        ],
      },
    ],
    [
      'rolled back but not verified: failed, P0',
      guardReport({ verification: { ...VERIFIED, verified: false, problem: 'smoke failed' } }),
      {},
      undefined,
      {
        event: 'failed',
        severity: 'P0',
        verified: false,
        actionNeeded: 'the rollback is not verified: smoke failed',
      },
    ],
    [
      'the rollback failed: failed, P0, with the step’s failure',
      guardReport({
        verdict: 'rollback-failed',
        rollback: { ...ROLLBACK, verdict: 'rollback-failed' },
      }),
      {},
      'rollback failed: kubernetes: timed out',
      { event: 'failed', severity: 'P0', actionNeeded: 'rollback failed: kubernetes: timed out' },
    ],
    [
      'approval required: recommended, saying how to approve',
      guardReport({
        verdict: 'rollback-recommended',
        rollback: {
          ...ROLLBACK,
          verdict: 'rollback-recommended',
          'plan-only': 'approval: required',
        },
      }),
      {},
      'rollback recommended: …',
      {
        event: 'recommended',
        actionNeeded:
          "approval required: carry out this run's plan with mode: rollback (input plan), or fix forward",
      },
    ],
    [
      'a revert pull request to merge: recommended, with its link',
      guardReport({
        verdict: 'rollback-recommended',
        rollback: {
          ...ROLLBACK,
          verdict: 'rollback-recommended',
          reverts: [
            {
              outcome: 'reverted',
              delivery: 'pull-request',
              branch: 'main',
              'head-branch': 'rollback/x',
              reverted: [],
              commits: [],
              messages: [],
              'diff-stat': '',
              'pull-request': { number: 12, url: 'https://github.com/acme/shop/pull/12' },
              pushed: null,
              conflicts: [],
              error: null,
              since: [],
              reason: null,
            },
          ],
        },
      }),
      {},
      'rollback waits for a person: merge pull request #12 to roll back',
      {
        event: 'recommended',
        pullRequestUrl: 'https://github.com/acme/shop/pull/12',
        actionNeeded: 'rollback waits for a person: merge pull request #12 to roll back',
      },
    ],
    [
      'mode rollback: the reason input, no severity',
      {
        verdict: 'rolled-back',
        strategy: 'kubernetes',
        reason: 'checkout broken',
        approved: false,
        decision: PLAN,
        rollback: ROLLBACK,
        deployments: null,
        incident: null,
        verification: null,
      },
      {},
      undefined,
      { event: 'completed', reason: 'checkout broken' },
    ],
  ])('%s', (_name, report, outputs, failure, expected) => {
    const facts = outcomeFacts({ report, outputs, failure, run });
    if (expected === undefined) expect(facts).toBeUndefined();
    else expect(facts).toMatchObject(expected);
    // A manual rollback has no severity of its own: PagerDuty pages it only when it fails.
    if ('approved' in report) expect(facts?.severity).toBeUndefined();
  });
});

describe('what validate lists, and the summary line', () => {
  test('defaults applied: every event to Slack and webhooks; PagerDuty pages P0 outcomes', () => {
    expect(
      subscriptions(
        {
          slack: { 'webhook-url-env': 'SLACK' },
          pagerduty: { 'routing-key-env': 'PD' },
          webhooks: [{ name: 'audit', url: 'https://a.example/h', on: [] }],
        },
        (u) => u,
      ),
    ).toEqual([
      {
        channel: 'slack',
        events: ['initiated', 'completed', 'failed', 'recommended'],
        from: 'env SLACK',
      },
      {
        channel: 'pagerduty',
        events: ['completed', 'failed', 'recommended'],
        severities: ['P0'],
        from: 'env PD',
      },
      { channel: 'webhook audit', events: [], from: 'https://a.example/h' },
    ]);
  });

  test('one line per run, each channel with its events', () => {
    expect(
      notificationsLine([
        { channel: 'slack', event: 'initiated', status: 'sent', detail: 'answered 200' },
        { channel: 'slack', event: 'completed', status: 'sent', detail: 'answered 200' },
        { channel: 'pagerduty', event: 'completed', status: 'skipped', detail: 'P1 does not page' },
        { channel: 'webhook a', event: 'completed', status: 'failed', detail: 'answered 500 <b>' },
      ]),
    ).toBe(
      '**Notifications:** slack: ✅ initiated, ✅ completed · pagerduty: ➖ completed (skipped: P1 does not page) · webhook a: ❌ completed (failed: answered 500 &lt;b&gt;)',
    );
  });
});
