import { backtestSummary } from '../../src/report/backtest-summary.js';
import type { ReplayedDeploy } from '../../src/report/types.js';

const healthy: ReplayedDeploy = {
  at: '2026-01-01T10:00:00Z',
  source: 'given',
  verdict: 'healthy',
  'after-seconds': null,
  trigger: null,
  severity: null,
  detail: 'every trigger passed',
  'replayed-seconds': 600,
  partial: false,
};

describe('backtestSummary', () => {
  test.each<[string, ReplayedDeploy[], string[]]>([
    [
      'one healthy deploy',
      [healthy],
      [
        '## rollback-action: backtest of 1 deploy\n\nThe policy would have rolled back 0 of them. Window 10m, a poll every 30s; nothing was changed.\n\n',
        '| Deploy | From | Verdict | After | Trigger | Detail |',
        '| 2026-01-01T10:00:00Z | given | healthy | - | - | every trigger passed |\n',
      ],
    ],
    [
      'a rollback and a partial replay',
      [
        {
          ...healthy,
          verdict: 'would roll back',
          'after-seconds': 90,
          trigger: 'error-rate',
          severity: 'P1',
          detail: '0.2 > 0.05',
        },
        {
          ...healthy,
          verdict: 'inconclusive',
          partial: true,
          'replayed-seconds': 8,
          detail: 'too little',
        },
      ],
      [
        'backtest of 2 deploys',
        'would have rolled back 1 of them',
        '| would roll back | 90s | `error-rate` P1 | 0.2 > 0.05 |',
        '| inconclusive (partial: 8s replayed) | - | - | too little |',
      ],
    ],
  ])('%s', (_name, results, present) => {
    const markdown = backtestSummary(results, 600_000, 30_000);
    for (const text of present) expect(markdown).toContain(text);
  });
});
