import { evaluateTrigger, type Observation } from '../../src/analysis/triggers.js';
import {
  alertKey,
  DEFAULT_SEVERITY_MAP,
  parseMatchers,
  sortAlerts,
  type AlertQuery,
} from '../../src/metrics/alertmanager.js';

describe('parseMatchers: as Alertmanager reads a matcher, sent canonical', () => {
  test.each<[string, string[] | string]>([
    ['service="api"', ['service="api"']],
    ['service=api', ['service="api"']],
    ['  severity =~ "page|critical"  ', ['severity=~"page|critical"']],
    ['severity=~page|critical', ['severity=~"page|critical"']],
    ['team!=""', ['team!=""']],
    ['env!~"dev.*"', ['env!~"dev.*"']],
    // A set, as amtool and Prometheus write it, becomes one matcher each.
    ['{service="api", severity=~"page|critical"}', ['service="api"', 'severity=~"page|critical"']],
    ['msg="a, b"', ['msg="a, b"']],
    ['msg="say \\"hi\\""', ['msg="say \\"hi\\""']],
    ['service="api', 'a quoted value is not closed'],
    ['foo', 'not a matcher like service="api"'],
    ['{service="api", team}', '"team": not a matcher like service="api"'],
    ['a="b" c', 'the quoted value has a bad escape or text after its quote'],
    ['{}', 'no matcher'],
    ['1abc="x"', 'not a matcher like service="api"'],
    ['a=b"c"', 'a quote inside an unquoted value'],
    // RE2 syntax JavaScript lacks is still RE2: Alertmanager accepts these.
    ['severity=~"(?i)critical"', ['severity=~"(?i)critical"']],
    ['pod=~"(?P<name>api)-.*"', ['pod=~"(?P<name>api)-.*"']],
    ['x=~"(?is:a.b)"', ['x=~"(?is:a.b)"']],
    [
      'severity=~"(?!info).*"',
      '"(?!info).*" uses lookaround ((?=, (?!, (?<=, (?<!), which Prometheus\' and Alertmanager\'s regular expressions (RE2) do not have',
    ],
    [
      'a=~"(x"',
      '"(x" is not a regular expression (Invalid regular expression: /^(?:(x)$/: Unterminated group)',
    ],
  ])('%s', (text, expected) => {
    const parsed = parseMatchers(text);
    if (Array.isArray(expected)) expect(parsed).toEqual({ matchers: expected });
    else expect(parsed).toEqual({ error: expected });
  });
});

const T0 = Date.parse('2026-11-27T12:00:00Z');
const query: AlertQuery = {
  matchers: ['service="api"'],
  includeSilenced: false,
  severityMap: { ...DEFAULT_SEVERITY_MAP, sev1: 'P0' },
};
const alert = (
  name: string,
  startsAt: number,
  extra: { severity?: string; endsAt?: number; silenced?: boolean; inhibited?: boolean } = {},
) => ({
  labels: { alertname: name, ...(extra.severity ? { severity: extra.severity } : {}) },
  startsAt: new Date(startsAt).toISOString(),
  endsAt: new Date(extra.endsAt ?? T0 + 600_000).toISOString(),
  status: {
    state: extra.silenced || extra.inhibited ? 'suppressed' : 'active',
    silencedBy: extra.silenced ? ['s1'] : [],
    inhibitedBy: extra.inhibited ? ['f1'] : [],
  },
});

const names = (list: { labels: Record<string, string> }[]) => list.map((a) => a.labels.alertname);

describe('sortAlerts: firing after the cutoff, the baseline before it, muted ones aside', () => {
  test.each<[string, ReturnType<typeof alert>[], boolean, Record<string, string[]>]>([
    ['none', [], false, { firing: [], preexisting: [], ignored: [] }],
    [
      'began before the deploy: the baseline',
      [alert('Old', T0 - 3_600_000)],
      false,
      { firing: [], preexisting: ['Old'], ignored: [] },
    ],
    [
      'began at the deploy or after: counted',
      [alert('AtDeploy', T0), alert('After', T0 + 5000)],
      false,
      { firing: ['AtDeploy', 'After'], preexisting: [], ignored: [] },
    ],
    [
      'silenced and inhibited: ignored',
      [
        alert('Muted', T0 + 1000, { silenced: true }),
        alert('Inhibited', T0 + 1000, { inhibited: true }),
      ],
      false,
      { firing: [], preexisting: [], ignored: ['Muted', 'Inhibited'] },
    ],
    [
      'include-silenced: counted like the others',
      [
        alert('Muted', T0 + 1000, { silenced: true }),
        alert('OldMuted', T0 - 1000, { silenced: true }),
      ],
      true,
      { firing: ['Muted'], preexisting: ['OldMuted'], ignored: [] },
    ],
    [
      'resolved (ended before now): left out',
      [alert('Gone', T0 + 1000, { endsAt: T0 + 2000 })],
      false,
      { firing: [], preexisting: [], ignored: [] },
    ],
  ])('%s', (_, alerts, includeSilenced, expected) => {
    const sorted = sortAlerts(alerts, { ...query, includeSilenced }, T0, T0 + 10_000);
    expect({
      firing: names(sorted.firing),
      preexisting: names(sorted.preexisting),
      ignored: names(sorted.ignored),
    }).toEqual(expected);
  });

  test('an alert seen firing at capture is the baseline, whatever start it carries', () => {
    // A source whose clock runs ahead: started "in an hour", but already there at capture.
    const skewed = alert('Skewed', T0 + 3_600_000);
    const [atCapture] = sortAlerts([skewed], query, Infinity, T0 - 1000).preexisting;
    if (!atCapture) throw new Error('not seen at capture');
    const known = new Set([alertKey(atCapture)]);
    expect(names(sortAlerts([skewed], query, T0, T0 + 10_000, known).preexisting)).toEqual([
      'Skewed',
    ]);
    // Without a capture it would count; resolved and fired again, it starts anew and counts.
    expect(names(sortAlerts([skewed], query, T0, T0 + 10_000).firing)).toEqual(['Skewed']);
    const again = alert('Skewed', T0 + 3_700_000);
    expect(names(sortAlerts([again], query, T0, T0 + 10_000, known).firing)).toEqual(['Skewed']);
  });

  test.each<[string | undefined, string | undefined]>([
    ['critical', 'P0'],
    ['PAGE', 'P0'],
    ['sev1', 'P0'],
    ['warning', 'P1'],
    ['info', 'P2'],
    ['error', 'P1'],
    ['whatever', undefined],
    [undefined, undefined],
  ])('severity label %s is %s', (label, severity) => {
    const [firing] = sortAlerts(
      [alert('A', T0 + 1, label === undefined ? {} : { severity: label })],
      query,
      T0,
      T0 + 10,
    ).firing;
    expect(firing?.severity).toBe(severity);
  });
});

describe('an alert trigger takes the severity of the alerts that fail it', () => {
  const rule = {
    name: 'alerts',
    severity: 'P1' as const,
    noData: 'hold' as const,
    above: 0,
    alert: true,
  };
  const poll = (
    at: number,
    ...alerts: [string, 'P0' | 'P1' | 'P2' | undefined][]
  ): Observation => ({
    at,
    value: alerts.length ? 1 : 0,
    series: alerts.map(([name, severity]) => ({
      labels: { alertname: name },
      value: 1,
      ...(severity ? { severity } : {}),
    })),
  });
  test.each<[string, Observation[], { status: string; severity: string; detail?: string }]>([
    ['no alert: passes at the trigger severity', [poll(0)], { status: 'pass', severity: 'P1' }],
    [
      // Failing at once, it says which alert, not "for 0s".
      'one P2 alert',
      [poll(0), poll(1000, ['Slow', 'P2'])],
      { status: 'fail', severity: 'P2', detail: 'firing on {alertname="Slow"}' },
    ],
    [
      'unmapped: the trigger severity',
      [poll(0, ['Odd', undefined])],
      { status: 'fail', severity: 'P1' },
    ],
    [
      'several: the most severe failing one',
      [poll(0, ['Slow', 'P2'], ['Burn', 'P0'], ['Odd', undefined])],
      { status: 'fail', severity: 'P0' },
    ],
  ])('%s', (_, observations, expected) => {
    expect(evaluateTrigger(rule, observations)).toMatchObject(expected);
  });
});
