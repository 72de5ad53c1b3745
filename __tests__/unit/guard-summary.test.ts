import type { TriggerState } from '../../src/analysis/triggers.js';
import { guardSummary, type GuardSummary } from '../../src/report/guard-summary.js';

const state = (name: string, status: TriggerState['status'], detail: string): TriggerState => ({
  name,
  severity: 'P1',
  status,
  value: status === 'fail' ? 1 : 0,
  threshold: 0,
  baseline: undefined,
  breachingSince: undefined,
  fastFailed: false,
  detail,
});

const BASE: GuardSummary = {
  verdict: 'healthy',
  severity: undefined,
  headline: 'every trigger passed for 10m',
  states: [state('errors', 'pass', '0 (fails > 0.05)')],
  observations: { errors: [{ at: 0, value: 0 }] },
  rollout: [],
  rollback: undefined,
  ledger: undefined,
};

describe('guardSummary: the verdict first, then only the sections that have something', () => {
  test.each<[string, Partial<GuardSummary>, string[], string[]]>([
    [
      'healthy, recorded as last-good',
      {
        ledger: [
          { context: 'eu-west', namespace: 'shop', targets: ['deployment/api@2'], entries: 1 },
        ],
      },
      [
        '## ✅ rollback-action: healthy\n\nevery trigger passed for 10m.',
        'Recorded as the last verified-good release in eu-west/shop.',
      ],
      ['### Rollback', 'Alerts not counted', 'Queries as run'],
    ],
    [
      'a trigger still settling is shown settling, not passed',
      { states: [{ ...state('latency', 'pass', '0.2 (fails > 1); settling'), settling: true }] },
      ['| `latency` | P1 | ⏳ settling |'],
      ['✅ pass'],
    ],
    [
      'cancelled before judging: said above the table, and nothing shown as passed',
      {
        verdict: 'inconclusive',
        headline:
          'the run was cancelled (SIGTERM) during the watch: nothing was judged or rolled back',
        cancelled: 'SIGTERM',
        states: [state('errors', 'pass', '0 (fails > 0.05)'), state('latency', 'fail', '2 > 1')],
      },
      [
        'Not judged: the run was cancelled (SIGTERM). The release that is running was not verified',
        '| `errors` | P1 | ⚪ not judged |',
        '| `latency` | P1 | ❌ fail |',
      ],
      ['✅ pass'],
    ],
    [
      'rolled back, graded, with a query as run and alerts not counted',
      {
        verdict: 'rolled-back',
        severity: 'P0',
        headline: 'alerts (P0): firing on {alertname="Burn"}',
        states: [state('alerts', 'fail', 'firing on {alertname="Burn"}')],
        observations: {
          alerts: [
            {
              at: 0,
              value: 1,
              query: 'rate(x{code=~"5.."}[30s])',
              preexisting: [{ labels: { alertname: 'DiskFull' }, value: 1 }],
            },
          ],
        },
        rollback: [],
      },
      [
        '## ↩️ rollback-action: rolled-back (P0)',
        '- alerts: already firing before the deploy, not counted unless resolved and fired again: DiskFull',
        '- `alerts`: `rate(x{code=~"5.."}[30s])`',
        '### Rollback',
      ],
      ['Recorded as the last verified-good release'],
    ],
    [
      'a failing metric is charted against its threshold, a passing one is not',
      {
        verdict: 'rolled-back',
        deployedAt: 0,
        states: [
          { ...state('error-rate', 'fail', '0.2 (fails > 0.05)'), threshold: 0.05 },
          state('latency', 'pass', '0.1'),
        ],
        observations: {
          'error-rate': [
            { at: 10_000, value: 0.01 },
            { at: 20_000, value: 0.2 },
          ],
          latency: [{ at: 10_000, value: 0.1 }],
        },
      },
      [
        '### Failing metrics',
        'title "error-rate: value, and threshold 0.05 (flat line)"',
        'x-axis "time since the deploy (m:ss)" ["+0:10", "+0:20"]',
        'line [0.01, 0.2]',
        'line [0.05, 0.05]',
      ],
      ['title "latency'],
    ],
    [
      'a failing trigger without a single value: no empty chart',
      {
        verdict: 'rolled-back',
        states: [state('health', 'fail', 'down')],
        observations: { health: [{ at: 0, reason: 'connection refused' }] },
      },
      ['### Triggers'],
      ['### Failing metrics', '```mermaid'],
    ],
  ])('%s', (_, change, present, absent) => {
    const text = guardSummary({ ...BASE, ...change });
    for (const p of present) expect(text).toContain(p);
    for (const a of absent) expect(text).not.toContain(a);
  });
});
