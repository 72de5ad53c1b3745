import { validateSummary, type ValidateSummaryInput } from '../../src/report/validate-summary.js';

const BASE: ValidateSummaryInput = {
  policyFile: '.github/rollback-policy.yml',
  warnings: [],
  settings: [{ name: 'window', value: '10m', from: 'policy' }],
  triggers: [],
  contexts: 'No kubeconfig in this step: the contexts were not checked.',
};

describe('validateSummary', () => {
  test.each<[string, Partial<ValidateSummaryInput>, string[], string[]]>([
    [
      'valid, no triggers',
      {},
      [
        '## ✅ rollback-action: configuration is valid\n\nPolicy file: `.github/rollback-policy.yml`. Nothing was changed and no metric was read.\n\n| Setting | Value | From |',
        '| `window` | 10m | policy |\n\n### Triggers that will be judged\n\nNone: a guard watches only the rollout of its targets.',
        '\n\nNo kubeconfig in this step: the contexts were not checked.\n',
      ],
      ['- ⚠️'],
    ],
    [
      'warnings, no policy file, an imported trigger',
      {
        policyFile: undefined,
        warnings: ['window 1m is shorter than <for>'],
        triggers: [
          {
            name: 'error-rate',
            from: 'import rules.yml:3 PrometheusRule HighErrors',
            description: 'error-rate: fails when x > 0.05',
            mapped: ['for 5m → for 5m'],
          },
        ],
      },
      [
        '## ⚠️ rollback-action: configuration is valid',
        'Policy file: none (inputs and defaults only).',
        '- ⚠️ window 1m is shorter than &lt;for&gt;\n\n| Setting',
        '| `error-rate` | fails when x > 0.05 | import rules.yml:3 PrometheusRule HighErrors<br>for 5m → for 5m |',
      ],
      ['None: a guard'],
    ],
  ])('%s', (_name, input, present, absent) => {
    const markdown = validateSummary({ ...BASE, ...input });
    for (const text of present) expect(markdown).toContain(text);
    for (const text of absent) expect(markdown).not.toContain(text);
  });
});
