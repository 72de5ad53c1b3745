import type { CapturedTarget } from '../../src/kube/snapshot.js';
import {
  capturedNotes,
  captureSummary,
  freezeSummaryLine,
  frozenSummary,
  type CaptureSummaryInput,
} from '../../src/report/capture-summary.js';
import { freezeLine, type FreezeState } from '../../src/decide/freeze.js';
import { freezeReport } from '../../src/report/json.js';

const R = 'e'.repeat(40);
const A = 'a'.repeat(40);

const api: CapturedTarget = {
  context: 'eu-west',
  kind: 'Deployment',
  namespace: 'shop',
  name: 'api',
  uid: 'u1',
  revision: 3,
  generation: 3,
  replicas: 2,
  paused: false,
  history: [3, 2, 1],
  images: { api: 'shop/api:3.0' },
  digests: { api: [`sha256:${'a'.repeat(64)}`] },
  gitops: undefined,
  template: {},
};

const BASE: CaptureSummaryInput = {
  targets: [api],
  triggers: [],
  findings: [],
  baselines: undefined,
};

describe('captureSummary: the targets, then the triggers when there are any', () => {
  test.each<[string, Partial<CaptureSummaryInput>, string[], string[]]>([
    [
      'one target, no triggers',
      {},
      [
        '## rollback-action: captured 1 target\n\n| Context | Target | Revision | Images | Digests | Replicas | GitOps |',
        '| eu-west | `shop/deployment/api` | 3 | api=shop/api:3.0 | sha256:aaaaaaaaaaaa | 2 | - |\n',
      ],
      ['### Triggers'],
    ],
    [
      'two targets, one GitOps-managed and without digests',
      {
        targets: [
          api,
          {
            ...api,
            kind: 'StatefulSet',
            name: 'db',
            digests: {},
            replicas: undefined,
            revision: undefined,
            gitops: { tool: 'argocd', owner: 'shop' },
          },
        ],
      },
      [
        'captured 2 targets',
        '| eu-west | `shop/statefulset/db` | ? | api=shop/api:3.0 | (none reported) | - | argocd: shop |',
      ],
      ['### Triggers'],
    ],
    [
      'triggers with a preflight warning and a baseline',
      {
        triggers: ['error-rate', 'p95'],
        findings: [{ trigger: 'p95', level: 'warning', message: 'no series yet' }],
        baselines: {
          'error-rate': {
            value: 0.01,
            from: 'history',
            end: '2026-01-01T00:00:00Z',
            windowMs: 600_000,
            query: 'q',
          },
        },
      },
      [
        '\n\n### Triggers checked before the deploy\n\n| Trigger | Preflight | Baseline |',
        '| `error-rate` | ✅ ok | 0.01 over the 10m before 2026-01-01T00:00:00Z |',
        '| `p95` | ⚠️ no series yet | - |\n',
      ],
      [],
    ],
  ])('%s', (_name, input, present, absent) => {
    const markdown = captureSummary({ ...BASE, ...input });
    for (const text of present) expect(markdown).toContain(text);
    for (const text of absent) expect(markdown).not.toContain(text);
  });
});

describe('capturedNotes', () => {
  test.each<[string, Partial<CapturedTarget>, string, string[]]>([
    ['plain', {}, 'eu-west shop/deployment/api: revision 3, shop/api:3.0', []],
    [
      'paused and managed by Flux',
      { paused: true, gitops: { tool: 'flux', owner: 'Kustomization flux-system/shop' } },
      'eu-west shop/deployment/api: revision 3, shop/api:3.0 (paused)',
      [
        'eu-west shop/deployment/api is managed by Flux (Kustomization flux-system/shop): a kubectl-style undo would be reverted by its next sync',
        'eu-west shop/deployment/api is paused: a rollback will refuse until it is resumed',
      ],
    ],
  ])('%s', (_name, target, info, warnings) => {
    expect(capturedNotes({ ...api, ...target })).toEqual({ info, warnings });
  });
});

describe('the freeze said: log lines, summary, report', () => {
  const incident = { number: 7, url: 'https://github.com/acme/shop/issues/7' };
  const base = { incident, service: 'api', notes: [] };
  test.each<[FreezeState, string | undefined, string, ReturnType<typeof freezeReport>]>([
    [
      { state: 'clear' },
      undefined,
      '✅ no open incident',
      { freeze: null, 'freeze-unchecked': null },
    ],
    [
      { state: 'unchecked', problem: 'no github-token or GITHUB_REPOSITORY' },
      'the deploy freeze was not checked (no github-token or GITHUB_REPOSITORY); capturing anyway',
      '⚠️ not checked',
      { freeze: null, 'freeze-unchecked': 'no github-token or GITHUB_REPOSITORY' },
    ],
    [
      { ...base, state: 'frozen' },
      'deploys are frozen: incident #7 (https://github.com/acme/shop/issues/7) is open for api; close it when the RCA allows, deploy a revert of its commits, or set override-freeze: true',
      '⛔ frozen by incident [#7](https://github.com/acme/shop/issues/7)',
      {
        freeze: { incident: 7, url: incident.url, overridden: false, 'lifted-by': null },
        'freeze-unchecked': null,
      },
    ],
    [
      { ...base, state: 'overridden' },
      'deploy freeze overridden (override-freeze: true): incident #7 (https://github.com/acme/shop/issues/7) is still open for api',
      '⚠️ overridden',
      {
        freeze: { incident: 7, url: incident.url, overridden: true, 'lifted-by': null },
        'freeze-unchecked': null,
      },
    ],
    [
      { ...base, state: 'lifted', revert: { revert: R, reverted: A } },
      'deploy freeze lifted: eeeeeee reverts aaaaaaa of incident #7 (https://github.com/acme/shop/issues/7), which stays open for its RCA',
      '✅ lifted by `eeeeeee`',
      {
        freeze: { incident: 7, url: incident.url, overridden: false, 'lifted-by': R },
        'freeze-unchecked': null,
      },
    ],
  ])('%#: the state of %j', (state, line, summary, report) => {
    expect(freezeLine(state)).toBe(line);
    expect(freezeSummaryLine(state)).toContain(summary);
    expect(freezeReport(state)).toEqual(report);
  });

  test('a frozen capture summary says the line, that nothing changed, and why no revert lifted it', () => {
    const text = frozenSummary({
      ...base,
      state: 'frozen',
      notes: ['no git checkout in the workspace'],
    });
    expect(text).toContain('## ⛔ rollback-action: deploys are frozen');
    expect(text).toContain('incident #7 (https://github.com/acme/shop/issues/7) is open for api');
    expect(text).toContain('Nothing was captured or changed.');
    expect(text).toContain('- no git checkout in the workspace');
    expect(frozenSummary({ state: 'clear' })).toBe('');
  });
});
