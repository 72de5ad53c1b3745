import { UserErrors } from '../../src/errors.js';
import { locateNodes } from '../../src/policy/locate.js';
import { describePointer, parsePolicy } from '../../src/policy/validate.js';

const FILE = '.github/rollback-policy.yml';

function errorsOf(text: string): string[] {
  try {
    parsePolicy(text, FILE);
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  throw new Error('expected parsePolicy to throw');
}

const FULL = `# yaml-language-server: $schema=../schema/rollback-policy.schema.json
version: 1
targets: [deployment/api, payments/statefulset/db]
namespace: shop
contexts: [eu-west, us-east]
watch: { window: 10m, interval: 30s, no-data: hold, min-requests: 100 }
metrics:
  provider: prometheus
  prometheus:
    url: http://prometheus.monitoring:9090
    timeout: 10s
    headers: { X-Scope-OrgID: shop }
    bearer-token-env: PROM_TOKEN
  selector: 'job="api"'
preset: runbook
triggers:
  - name: error-rate
    ratio:
      errors: http_requests_total{code=~"5.."}
      total: http_requests_total
    above: 0.05
    for: 5m
    fast-fail: true
    severity: P0
  - name: p95-vs-baseline
    query: histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))
    relative: +50%
    for: 10m
    severity: P1
  - name: health
    provider: health
    url: https://shop.example/healthz
    expect-status: 200
    consecutive: 3
strategy: auto
approval: auto
rollback: { to-revision: last-good, concurrency: 4, timeout: 10m }
`;

describe('parsePolicy', () => {
  test('a policy using every section is accepted as written', () => {
    const { policy } = parsePolicy(FULL, FILE);
    expect(policy.targets).toEqual(['deployment/api', 'payments/statefulset/db']);
    expect(policy.triggers?.map((t) => t.name)).toEqual([
      'error-rate',
      'p95-vs-baseline',
      'health',
    ]);
    expect(policy.rollback?.['to-revision']).toBe('last-good');
  });

  test.each([
    ['', {}],
    ['# only a comment\n', {}],
    ['strategy: none\n', { strategy: 'none' }],
    ['rollback:\n  to-revision: 3\n', { rollback: { 'to-revision': 3 } }],
  ])('%j', (text, expected) => {
    expect(parsePolicy(text, FILE).policy).toEqual(expected);
  });

  test.each([
    ['watch:\n  windw: 5m\n', `${FILE}:2:3: unknown key 'windw' in watch (did you mean 'window'?)`],
    [
      'stratgy: auto\n',
      `${FILE}:1:1: unknown key 'stratgy' at the top level (did you mean 'strategy'?)`,
    ],
    [
      'watch:\n  zzz: 1\n',
      `${FILE}:2:3: unknown key 'zzz' in watch; known keys: window, interval, no-data, inconclusive, min-requests, settle, baseline-window, rollout-timeout`,
    ],
    [
      'watch:\n  window: 5 minutes\n',
      `${FILE}:2:11: watch.window: '5 minutes' is not a duration (use a number with a unit, e.g. 30s, 5m, 1h30m)`,
    ],
    [
      'watch:\n  window: 5\n',
      `${FILE}:2:11: watch.window: 5 is not a duration (use a number with a unit, e.g. 30s, 5m, 1h30m)`,
    ],
    [
      'strategy: kubernets\n',
      `${FILE}:1:11: strategy: 'kubernets' is not one of auto, kubernetes, git-revert, feature-flag, command, none (did you mean 'kubernetes'?)`,
    ],
    ['version: 2\n', `${FILE}:1:10: version: must be 1, got 2`],
    [
      'targets: deployment/api\n',
      `${FILE}:1:10: targets: expected array, got string 'deployment/api'`,
    ],
    [
      'targets:\n  - deploymnet/api\n',
      `${FILE}:2:5: targets[0]: 'deploymnet/api': unknown kind 'deploymnet' (did you mean 'deployment'?); expected one of deployment, statefulset, daemonset`,
    ],
    [
      'triggers:\n  - name: x\n    above: "5"\n',
      `${FILE}:3:12: triggers[0].above: expected number, got string '5'`,
    ],
    ['triggers:\n  - above: 5\n', `${FILE}:2:5: triggers[0]: missing required key 'name'`],
    [
      'triggers:\n  - name: x\n    query: up\n',
      `${FILE}:2:5: triggers[0]: trigger 'x' has no condition (set above, below, at-least, at-most or relative)`,
    ],
    [
      'triggers:\n  - {name: x, query: up, above: 1}\n  - {name: x, query: up, above: 2}\n',
      `${FILE}:3:12: triggers[1].name: duplicate trigger name 'x'`,
    ],
    [
      'triggers:\n  - {name: x, above: 1}\n',
      `${FILE}:2:5: triggers[0]: trigger 'x' reads prometheus but has neither 'query' nor 'ratio'`,
    ],
    [
      'metrics: {provider: scrape}\ntriggers:\n  - {name: x, above: 1, query: a, ratio: {errors: b, total: c}}\n',
      `${FILE}:3:5: triggers[0]: trigger 'x' has both 'query' and 'ratio'; keep one`,
    ],
    [
      'triggers:\n  - {name: h, provider: health, consecutive: 3, above: 0}\n',
      `${FILE}:2:5: triggers[0]: trigger 'h' (health) needs a 'url'`,
    ],
    [
      'triggers:\n  - name: r\n    ratio: {errors: \'sum(rate(x{code="500"}[1m]))\', total: x}\n    above: 0.05\n',
      `${FILE}:2:5: triggers[0]: trigger 'r': ratio 'sum(rate(x{code="500"}[1m]))' is not a counter's series selector; write it like http_requests_total{job="api",code=~"5.."} (its increase is summed for you)`,
    ],
    [
      'triggers:\n  - {name: j, provider: http-json, url: "http://m/api", above: 0.05}\n',
      `${FILE}:2:5: triggers[0]: trigger 'j' (http-json) needs a 'json-path' to pick its value`,
    ],
    [
      'triggers:\n  - {name: up, query: up, below: 1, headers-env: {X-Key: KEY}}\n',
      `${FILE}:2:5: triggers[0]: trigger 'up' reads prometheus: its headers go under metrics.prometheus (headers, headers-env), not on the trigger`,
    ],
    [
      "triggers:\n  - {name: j, provider: http-json, url: 'http://m/api', json-path: $.v, above: 1, headers-env: {X-Key: 'not a var'}}\n",
      `${FILE}:2:104: triggers[0].headers-env.X-Key: 'not a var' is not an environment variable name (letters, digits and _)`,
    ],
    [
      'metrics:\n  prometheus: {url: prom:9090}\n',
      `${FILE}:2:21: metrics.prometheus.url: 'prom:9090' is not an http:// or https:// URL`,
    ],
    [
      'backtest:\n  deploy-times: ["2026-11-20 14:05"]\n',
      `${FILE}:2:18: backtest.deploy-times[0]: '2026-11-20 14:05' is not a time (use ISO 8601 with a zone, e.g. 2026-11-20T14:05:00Z)`,
    ],
    [
      'rollback:\n  to-revision: prev\n',
      `${FILE}:2:16: rollback.to-revision: 'prev' is not valid (expected 'previous', 'last-good' or a revision number)`,
    ],
    ['rollback:\n  concurrency: 0\n', `${FILE}:2:16: rollback.concurrency: 0 must be >= 1`],
    [
      'triggers:\n  - {name: h, provider: health, url: "http://h/", body-match: "(unclosed"}\n',
      `${FILE}:2:63: triggers[0].body-match: '(unclosed' is not a regular expression (Invalid regular expression: /(unclosed/: Unterminated group)`,
    ],
    [
      'rehearsal: {issue: often}\n',
      `${FILE}:1:20: rehearsal.issue: expected boolean, got string 'often'`,
    ],
    // One duration rule for inputs and policy alike.
    [
      'watch: {interval: 0s}\n',
      `${FILE}:1:19: watch.interval: '0s' must be at least 1s (a shorter poll only loads the backend)`,
    ],
    [
      'watch: {interval: 500ms}\n',
      `${FILE}:1:19: watch.interval: '500ms' must be at least 1s (a shorter poll only loads the backend)`,
    ],
    ['watch: {window: 0s}\n', `${FILE}:1:17: watch.window: '0s' must be at least 1s`],
    [
      'watch: {window: 1000h, interval: 1h}\n',
      `${FILE}:1:17: watch.window: '1000h' must be at most 5d (a job runs at most 5d, on a self-hosted runner)`,
    ],
    [
      'metrics: {prometheus: {url: "http://p", timeout: 1000h}}\n',
      `${FILE}:1:50: metrics.prometheus.timeout: '1000h' must be at most 10m (a poll would wait longer than any window needs)`,
    ],
    [
      'triggers:\n  - {name: x, query: up, above: 1, for: 999d}\n',
      `${FILE}:2:41: triggers[0].for: '999d' must be at most 5d (a job runs at most 5d, on a self-hosted runner)`,
    ],
    // above with below is a band; the band must not be empty, and relative goes alone.
    [
      'triggers:\n  - {name: x, query: up, above: 0.5, below: 5}\n',
      `${FILE}:2:5: triggers[0]: trigger 'x': with both, the lower edge (5) must be less than the upper (0.5): the trigger fails outside the band between them`,
    ],
    [
      'triggers:\n  - {name: x, query: "sum(rate(e[1m]))", above: 5, relative-to-baseline: true}\n',
      `${FILE}:2:5: triggers[0]: trigger 'x': relative-to-baseline judges a count against the rate before the deploy, so it needs a count query (sum(increase(selector[1m]))) and 'above'; 'sum(rate(e[1m]))' is not one`,
    ],
    [
      'triggers:\n  - {name: x, query: "sum(increase(e[1m]))", below: 5, relative-to-baseline: true}\n',
      `${FILE}:2:5: triggers[0]: trigger 'x': relative-to-baseline raises 'above' to the rate before the deploy when that was higher, so it needs 'above'`,
    ],
    [
      'watch:\n  settle: 2h\n',
      `${FILE}:2:11: watch.settle: '2h' must be at most 30m (a warm-up longer than that is a regression)`,
    ],
    [
      'triggers:\n  - {name: x, query: up, above: 5, relative: +50%}\n',
      `${FILE}:2:5: triggers[0]: trigger 'x' has 'relative' with 'above'; use one: relative compares with the baseline, above and below with fixed numbers`,
    ],
    [
      'triggers:\n  - {name: x, query: up, relative: -100%}\n',
      `${FILE}:2:5: triggers[0]: trigger 'x': relative -100% would need the value below zero times the baseline, so it could never fail; a drop is written like -30%`,
    ],
    [
      'triggers:\n  - {name: x, query: up, above: 5, at-least: 5}\n',
      `${FILE}:2:5: triggers[0]: trigger 'x' has 'above' and 'at-least'; keep one (above is >, at-least is >=)`,
    ],
    [
      'triggers:\n  - {name: x, query: up, above: 5, for: 1m, failure-limit: 3}\n',
      `${FILE}:2:5: triggers[0]: trigger 'x' has 'for' and 'failure-limit'; keep one: for (held this long), consecutive (polls in a row) or failure-limit (failing polls in the window)`,
    ],
    [
      'triggers:\n  - {name: x, query: up, at-least: 1, at-most: 5}\n',
      `${FILE}:2:5: triggers[0]: trigger 'x': with both, the lower edge (5) must be less than the upper (1): the trigger fails outside the band between them`,
    ],
    [
      "triggers:\n  - {name: x, kind: alert, query: 'up == 0', above: 0}\n",
      `${FILE}:2:5: triggers[0]: trigger 'x' is kind: alert, judged by whether its query returns series; 'above' has no meaning there: remove it`,
    ],
    // Alertmanager triggers: judged by the alerts their matchers select.
    [
      'triggers:\n  - {name: a, provider: alertmanager, matchers: [\'x="y"\'], above: 0, query: up}\n',
      `${FILE}:2:5: triggers[0]: trigger 'a' reads Alertmanager, judged by the alerts its matchers select; 'query' and 'above' have no meaning there: remove them`,
    ],
    [
      'triggers:\n  - {name: a, provider: alertmanager, matchers: [x=y], min-requests: 20}\n',
      `${FILE}:2:5: triggers[0]: trigger 'a' reads Alertmanager, judged by the alerts its matchers select; 'min-requests' has no meaning there: remove it`,
    ],
    // A credential in a literal header is as committed as one in a URL.
    [
      'metrics: {alertmanager: {headers: {Authorization: Bearer abc}}}\n',
      `${FILE}:1:51: metrics.alertmanager.headers.Authorization: the Authorization header holds a credential, and the policy file is committed with the repository; give it through headers-env (Authorization: SOME_SECRET, set from the step's secrets)`,
    ],
    [
      "triggers:\n  - {name: j, provider: http-json, url: 'http://x/m', json-path: $.v, above: 1, headers: {DD-API-KEY: abc}}\n",
      `${FILE}:2:103: triggers[0].headers.DD-API-KEY: the DD-API-KEY header holds a credential, and the policy file is committed with the repository; give it through headers-env (DD-API-KEY: SOME_SECRET, set from the step's secrets)`,
    ],
    [
      'triggers:\n  - {name: a, provider: alertmanager}\n',
      `${FILE}:2:5: triggers[0]: trigger 'a' reads Alertmanager and needs 'matchers' (like ['service="api"']), or every alert of every team would count`,
    ],
    [
      'triggers:\n  - {name: a, provider: alertmanager, matchers: [\'severity=~"(page"\']}\n',
      `${FILE}:2:50: triggers[0].matchers[0]: 'severity=~"(page"' is not an Alertmanager matcher: "(page" is not a regular expression (Invalid regular expression: /^(?:(page)$/: Unterminated group)`,
    ],
    [
      "triggers:\n  - {name: a, query: up, above: 1, matchers: ['x=y']}\n",
      `${FILE}:2:5: triggers[0]: trigger 'a': 'matchers' belongs to provider: alertmanager; its provider is prometheus`,
    ],
    [
      "triggers:\n  - {name: a, provider: alertmanager, matchers: [x=y], url: 'http://am:9093'}\n",
      `${FILE}:2:5: triggers[0]: trigger 'a' reads Alertmanager: its URL and headers go under metrics.alertmanager (url, headers, headers-env), not on the trigger`,
    ],
    [
      'triggers:\n  - {name: a, provider: alertmanager, matchers: [x=y], severity-map: {page: P5}}\n',
      `${FILE}:2:77: triggers[0].severity-map.page: 'P5' is not one of P0, P1, P2`,
    ],
    [
      'metrics: {alertmanager: {url: "https://u:pw@am:9093"}}\n',
      `${FILE}:1:31: metrics.alertmanager.url: 'https://***@am:9093/' carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through metrics.alertmanager.basic-auth (from the step's secrets)`,
    ],
    // A key without a value, and an empty name, say so in words.
    [
      'import:\n  - file:\n',
      `${FILE}:2:5: import[0].file: expected string, got nothing (the key has no value)`,
    ],
    ["triggers:\n  - {name: ''}\n", `${FILE}:2:12: triggers[0].name: is empty`],
    // NaN and infinity are named as YAML writes them.
    [
      'triggers:\n  - {name: x, query: up, above: .nan}\n',
      `${FILE}:2:33: triggers[0].above: expected number, got .nan, which is not a finite number`,
    ],
    [
      'triggers:\n  - {name: x, query: up, below: -.inf}\n',
      `${FILE}:2:33: triggers[0].below: expected number, got -.inf, which is not a finite number`,
    ],
    // Credentials never belong in a file committed with the repository; the message hides them.
    [
      'triggers:\n  - {name: h, provider: health, url: "http://bob:secret@h/healthz"}\n',
      `${FILE}:2:38: triggers[0].url: 'http://***@h/healthz' carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through headers-env (from the step's secrets)`,
    ],
    [
      'metrics: {prometheus: {url: "https://u:pw@prom:9090"}}\n',
      `${FILE}:1:29: metrics.prometheus.url: 'https://***@prom:9090/' carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through metrics.prometheus.basic-auth (from the step's secrets)`,
    ],
    [
      'metrics: {prometheus: {url: "ftp://u:pw@prom"}}\n',
      `${FILE}:1:29: metrics.prometheus.url: 'ftp://***@prom/' is not an http:// or https:// URL`,
    ],
    ['a: 1\n---\nb: 2\n', `${FILE}: the policy must be a single YAML document, found several`],
    ['- a\n- b\n', `${FILE}:1:1: the policy must be a mapping of keys to values`],
    ['a: [1\nb: 2\n', `${FILE}:2:1: invalid YAML: deficient indentation`],
    ['a: 1\na: 2\n', `${FILE}:2:1: invalid YAML: duplicated mapping key`],
    [
      'strategy: "auto\n',
      expect.stringMatching(new RegExp(`^${FILE.replace(/\./g, '\\.')}:\\d+:\\d+: invalid YAML: `)),
    ],
  ])('%j', (text, message) => {
    expect(errorsOf(text)).toEqual([message]);
  });

  test.each([
    [
      'an alias inside itself',
      'targets: &a [*a]\n',
      `${FILE}: a YAML alias refers to a node that contains it (a loop)`,
    ],
    [
      'aliases that expand a few lines into a billion values',
      Array.from({ length: 9 }, (_, i) =>
        i === 0
          ? 'x1: &x1 [a, a, a, a, a, a, a, a, a, a]'
          : `x${i + 1}: &x${i + 1} [${Array.from({ length: 10 }, () => `*x${i}`).join(', ')}]`,
      ).join('\n'),
      `${FILE}: the policy expands to more than 100,000 values (YAML aliases repeating each other?); write it out`,
    ],
  ])('%s is one line, at once', (_name, text, message) => {
    expect(errorsOf(text)).toEqual([message]);
  });

  test('a list over its limit is one problem, not one per item', () => {
    const triggers = Array.from({ length: 5000 }, (_, i) => `  - {name: t${i}}`).join('\n');
    expect(errorsOf(`triggers:\n${triggers}\n`)).toEqual([
      `${FILE}:2:3: triggers: 5000 items; at most 100 are allowed`,
    ]);
  });

  test.each([
    [
      'matchers every alert satisfies',
      'triggers:\n  - {name: a, provider: alertmanager, matchers: [\'service=~".*"\']}\n',
      `${FILE}:2:49: triggers[0].matchers: service=~".*" selects every alert, so any team's new alert would roll this deploy back: match this service's alerts (service="api")`,
    ],
    [
      'ALERTS aggregated without its alertname',
      'triggers:\n  - {name: a, kind: alert, query: \'count(ALERTS{service="api"}) > 0\'}\n',
      `${FILE}:2:35: triggers[0].query: aggregates ALERTS without keeping alertname, so alerts already firing before the deploy cannot be told from new ones and count too: select ALERTS{…} itself, or aggregate by (alertname, …)`,
    ],
    [
      'a quantile per pod: no one count of slow requests',
      'triggers:\n  - {name: x, query: "histogram_quantile(0.9, sum by (le, pod) (rate(h_bucket[1m])))", above: 1}\n',
      `${FILE}:2:22: triggers[0].query: judged on the quantile alone: slow requests are counted (and a sequential test can fail it early) only for histogram_quantile(q, sum by (le) (rate(<buckets>[range])))`,
    ],
    [
      'fast-fail where nothing is counted',
      'triggers:\n  - {name: x, query: "avg(cpu)", above: 1, fast-fail: true}\n',
      `${FILE}:2:55: triggers[0].fast-fail: has no effect here: a sequential test needs counts, from a ratio, histogram_quantile(q, sum by (le) (rate(<buckets>[range]))) or sum(increase(<counter>[range]))`,
    ],
  ])('a warning, not an error: %s', (_, text, message) => {
    expect(parsePolicy(text, FILE).warnings.map((w) => w.message)).toEqual([message]);
  });

  test.each([
    'triggers:\n  - {name: a, provider: alertmanager, matchers: [\'team!=""\', \'service=~".*"\']}\n',
    "triggers:\n  - {name: a, kind: alert, query: 'count by (alertname) (ALERTS) > 0'}\n",
    'triggers:\n  - {name: a, kind: alert, query: \'ALERTS{alertstate="firing"}\'}\n',
    'metrics: {prometheus: {headers: {X-Scope-OrgID: shop}}}\n',
  ])('no warning: %s', (text) => {
    expect(parsePolicy(text, FILE).warnings).toEqual([]);
  });

  test('an alert expression with a threshold is a warning suggesting kind: alert', () => {
    expect(
      parsePolicy(
        "triggers:\n  - {name: burn, query: 'x > 14.4 * 0.001', above: 0}\n",
        FILE,
      ).warnings.map((w) => w.message),
    ).toEqual([
      `${FILE}:2:25: triggers[0].query: an alert expression (a comparison that filters) returns nothing while all is well, so with a threshold it can only be inconclusive: add kind: alert, which fails while it returns series`,
    ]);
    expect(
      parsePolicy("triggers:\n  - {name: burn, kind: alert, query: 'x > 14.4 * 0.001'}\n", FILE)
        .warnings,
    ).toEqual([]);
  });

  test('a window only a self-hosted runner can watch is a warning at its place', () => {
    expect(parsePolicy('watch: {window: 8h}\n', FILE).warnings.map((w) => w.message)).toEqual([
      `${FILE}:1:17: watch.window: '8h' is longer than 6h: a GitHub-hosted runner stops a job at 6h, so this needs a self-hosted runner`,
    ]);
  });

  test('every problem is reported at once, in file order', () => {
    const errors = errorsOf('strategy: x\nwatch:\n  window: y\n  windw: 1m\n');
    expect(errors.map((e) => e.split(': ')[0])).toEqual([
      `${FILE}:1:11`,
      `${FILE}:3:11`,
      `${FILE}:4:3`,
    ]);
  });
});

describe('notify', () => {
  test('a policy with every channel is accepted, secrets named by variable', () => {
    const { policy } = parsePolicy(
      `notify:
  slack: {webhook-url-env: SLACK_WEBHOOK_URL, on: [initiated, completed, failed], channel: '#incidents'}
  pagerduty: {routing-key-env: PD_ROUTING_KEY, severities: [P0, P1], url: 'https://events.eu.pagerduty.com/v2/enqueue'}
  webhooks:
    - {name: audit, url: 'https://audit.example.com/rollbacks', headers-env: {Authorization: AUDIT_TOKEN}, on: [completed]}
    - {name: status, url-env: STATUS_HOOK_URL}
`,
      FILE,
    );
    expect(policy.notify?.webhooks?.map((w) => w.name)).toEqual(['audit', 'status']);
    expect(policy.notify?.pagerduty?.severities).toEqual(['P0', 'P1']);
  });

  test.each([
    [
      'the Slack variable left out',
      'notify:\n  slack: {on: [completed]}\n',
      `${FILE}:2:10: notify.slack: missing required key 'webhook-url-env'`,
    ],
    [
      'the PagerDuty variable left out',
      'notify:\n  pagerduty: {severities: [P0]}\n',
      `${FILE}:2:14: notify.pagerduty: missing required key 'routing-key-env'`,
    ],
    [
      'the Slack URL itself in the file (never repeated in the message)',
      'notify:\n  slack: {webhook-url: "https://hooks.slack.com/services/T0/B0/s3cretPath"}\n',
      `${FILE}:2:10: notify.slack: missing required key 'webhook-url-env'`,
      `${FILE}:2:11: notify.slack: 'webhook-url' would put a secret in the policy file, which is committed with the repository; keep it in a secret, set it under the step's env:, and name the variable in 'webhook-url-env'`,
    ],
    [
      'a URL where the variable name goes (never repeated)',
      'notify:\n  slack: {webhook-url-env: "https://hooks.slack.com/services/T0/B0/s3cretPath"}\n',
      `${FILE}:2:28: notify.slack.webhook-url-env: holds what looks like the secret itself (a URL or a credential), not the name of an environment variable: put the value in a secret, set it under env: from the secret, and name the variable here`,
    ],
    [
      'a routing key where the variable name goes (never repeated)',
      'notify:\n  pagerduty: {routing-key-env: e93facc04764012d7bfb002500d5d1a6}\n',
      `${FILE}:2:32: notify.pagerduty.routing-key-env: looks like the routing key itself, not the name of an environment variable: the key is now in the repository, so rotate it, keep the new one in a secret and name its variable here (like PD_ROUTING_KEY)`,
    ],
    [
      'a literal webhook URL with credentials',
      'notify:\n  webhooks:\n    - {name: audit, url: "https://bot:hunter2@audit.example.com/hook"}\n',
      `${FILE}:3:26: notify.webhooks[0].url: 'https://***@audit.example.com/hook' carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through url-env or headers-env (from the step's secrets)`,
    ],
    [
      'a literal webhook URL with a token parameter',
      'notify:\n  webhooks:\n    - {name: audit, url: "https://audit.example.com/hook?token=abc123"}\n',
      `${FILE}:3:26: notify.webhooks[0].url: 'https://audit.example.com/hook?token=***' carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through url-env or headers-env (from the step's secrets)`,
    ],
    [
      'a Slack webhook URL given as a plain webhook',
      'notify:\n  webhooks:\n    - {name: chat, url: "https://hooks.slack.com/services/T0/B0/s3cretPath"}\n',
      `${FILE}:3:25: notify.webhooks[0].url: a hooks.slack.com webhook URL is itself the credential, and the policy file is committed with the repository: keep it in a secret and name its variable in url-env or headers-env`,
    ],
    [
      'a credential header written out',
      'notify:\n  webhooks:\n    - {name: audit, url: "https://a.example.com/", headers: {Authorization: "Bearer x"}}\n',
      `${FILE}:3:77: notify.webhooks[0].headers.Authorization: the Authorization header holds a credential, and the policy file is committed with the repository; give it through headers-env (Authorization: SOME_SECRET, set from the step's secrets)`,
    ],
    [
      'a token where the variable name of a header goes (never repeated)',
      'notify:\n  webhooks:\n    - {name: audit, url: "https://a.example.com/", headers-env: {Authorization: "Bearer abc123"}}\n',
      `${FILE}:3:81: notify.webhooks[0].headers-env.Authorization: holds what looks like the secret itself (a URL or a credential), not the name of an environment variable: put the value in a secret, set it under env: from the secret, and name the variable here`,
    ],
    [
      'an unknown event',
      'notify:\n  slack: {webhook-url-env: SLACK_WEBHOOK_URL, on: [initiated, complete]}\n',
      `${FILE}:2:63: notify.slack.on[1]: 'complete' is not one of initiated, completed, failed, recommended (did you mean 'completed'?)`,
    ],
    [
      'a webhook with both URLs',
      'notify:\n  webhooks:\n    - {name: audit, url: "https://a.example.com/", url-env: HOOK}\n',
      `${FILE}:3:7: notify.webhooks[0]: webhook 'audit' has both 'url' and 'url-env'; keep one`,
    ],
    [
      'a webhook without a URL',
      'notify:\n  webhooks:\n    - {name: audit}\n',
      `${FILE}:3:7: notify.webhooks[0]: webhook 'audit' has neither 'url' nor 'url-env': give the URL, or the environment variable that holds it when it is a secret`,
    ],
    [
      'two webhooks of one name',
      'notify:\n  webhooks:\n    - {name: a, url: "https://a.example.com/"}\n    - {name: a, url: "https://b.example.com/"}\n',
      `${FILE}:4:14: notify.webhooks[1].name: duplicate webhook name 'a'`,
    ],
    [
      'a severity that does not exist',
      'notify:\n  pagerduty: {routing-key-env: PD_KEY, severities: [P3]}\n',
      `${FILE}:2:53: notify.pagerduty.severities[0]: 'P3' is not one of P0, P1, P2`,
    ],
  ])('%s: one line at its place', (_name, text, ...messages) => {
    expect(errorsOf(text)).toEqual(messages);
    // The secret, when there was one, is in no message.
    for (const m of messages) expect(m).not.toMatch(/s3cretPath|e93facc0|hunter2|abc123/);
  });
});

describe('locateNodes', () => {
  const source = 'a: 1\nlist:\n  - x\n  - { k: v }\n"we/ird": 2\n';
  test.each([
    ['', 1, 1],
    ['/a', 1, 4],
    ['/list', 3, 3],
    ['/list/0', 3, 5],
    ['/list/1', 4, 5],
    ['/list/1/k', 4, 10],
    ['/we~1ird', 5, 11],
  ])('%s is at %d:%d', (pointer, line, column) => {
    expect(locateNodes(source).get(pointer)).toMatchObject({ line, column });
  });

  test('a key remembers where it stands', () => {
    expect(locateNodes(source).get('/list/1/k')).toMatchObject({ keyLine: 4, keyColumn: 7 });
  });
});

describe('describePointer', () => {
  test.each([
    ['', ''],
    ['/watch/window', 'watch.window'],
    ['/triggers/0/for', 'triggers[0].for'],
    ['/metrics/prometheus/headers/a~1b', 'metrics.prometheus.headers.a/b'],
  ])('%j is %j', (pointer, text) => {
    expect(describePointer(pointer)).toBe(text);
  });
});
