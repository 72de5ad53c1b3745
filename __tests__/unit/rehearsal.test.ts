import {
  judgeDrill,
  rehearsalReport,
  rehearsalTitle,
  type Drill,
} from '../../src/report/rehearsal.js';
import type { TargetResult } from '../../src/rollback/kubernetes.js';
import type { Verification } from '../../src/verify/verify.js';

const target = (outcome: TargetResult['outcome'], message = ''): TargetResult => ({
  context: 'staging',
  kind: 'Deployment',
  namespace: 'shop',
  name: 'api',
  outcome,
  message,
  diff:
    outcome === 'rolled-back' ? ['spec.containers[api].image: shop/api:1.1 → shop/api:1.0'] : [],
});
const verified = (ok: boolean, elapsedMs = 42_000, limitMs = 600_000): Verification => ({
  verified: ok,
  images: [],
  smoke: [],
  stability: { verdict: 'pass', detail: 'every trigger passed' },
  sla: {
    elapsedMs,
    limitMs,
    met: elapsedMs <= limitMs,
    detail: `verified ${elapsedMs / 1000}s after the decision`,
  },
  ...(ok ? {} : { problem: 'smoke check healthz: 503' }),
});
const leg = (results: TargetResult[], verification?: Verification) => ({
  startedAt: 0,
  finishedAt: 30_000,
  results,
  ...(verification ? { verification } : {}),
});
const GOOD: Drill = {
  service: 'api',
  destination: 'the previous revision',
  dryRun: false,
  rollback: leg([target('rolled-back')], verified(true)),
  forward: leg([target('rolled-back')], verified(true)),
};

describe('judgeDrill: what the drill proves broken', () => {
  test.each<[string, Partial<Drill>, string[], number | undefined]>([
    ['a clean drill', {}, [], 42],
    [
      'no history',
      { rollback: leg([target('failed', 'no rollout history found for deployment "api"')]) },
      [
        'the rollback failed for staging shop/deployment/api: no rollout history found for deployment "api"',
      ],
      undefined,
    ],
    [
      'already there: a drill that proved nothing',
      { rollback: leg([target('skipped')]) },
      [
        'nothing was rolled back: every target was already at the previous revision, so the drill proved nothing',
      ],
      undefined,
    ],
    [
      'a smoke check failing on the old release',
      { rollback: leg([target('rolled-back')], verified(false)) },
      ['after the rollback: smoke check healthz: 503'],
      undefined,
    ],
    [
      'verified, over the SLA',
      { rollback: leg([target('rolled-back')], verified(true, 700_000)) },
      ['the rollback SLA was missed: verified 700s after the decision'],
      700,
    ],
    [
      'the roll forward failing is said, with what staging may run',
      { forward: leg([target('failed', 'rollout did not complete')]) },
      [
        'the roll forward failed, staging may still run the older release: staging shop/deployment/api: rollout did not complete',
      ],
      42,
    ],
    [
      'a dry run with nothing changed is no problem',
      { dryRun: true, rollback: leg([target('planned')]), forward: undefined },
      [],
      undefined,
    ],
  ])('%s', (_, change, problems, seconds) => {
    const j = judgeDrill({ ...GOOD, ...change });
    expect(j.problems).toEqual(problems);
    expect(j.passed).toBe(problems.length === 0);
    expect(j.rollbackSeconds).toBe(seconds);
  });
});

describe('the drill for people', () => {
  test.each<[string, Partial<Drill>, string]>([
    ['passed', {}, 'Rollback rehearsal of api: passed in 42s (SLA 10m)'],
    [
      'failed: the first problem',
      { rollback: leg([target('failed', 'no rollout history')]) },
      'Rollback rehearsal of api: FAILED: the rollback failed for staging shop/deployment/api: no rollout history',
    ],
    [
      'dry run',
      { dryRun: true, rollback: leg([target('planned')]), forward: undefined },
      'Rollback rehearsal of api: dry run',
    ],
  ])('title: %s', (_, change, title) => {
    const d = { ...GOOD, ...change };
    expect(rehearsalTitle(d, judgeDrill(d))).toBe(title);
  });

  test('the report: verdict, legs, problems, both tables', () => {
    const d = { ...GOOD, rollback: leg([target('rolled-back')], verified(false)) };
    const text = rehearsalReport(d, judgeDrill(d), 'https://github.com/acme/shop/actions/runs/1');
    expect(text).toContain('## ❌ rollback-action: rehearsal failed');
    expect(text).toContain('- **Rolled back to:** the previous revision, 30s to roll out');
    expect(text).toContain(
      'The rollback path is broken; fix it before it is needed:\n\n- after the rollback: smoke check healthz: 503',
    );
    expect(text).toContain('### The rollback');
    expect(text).toContain('### The roll forward');
    expect(text).toContain('- **Run:** https://github.com/acme/shop/actions/runs/1');
  });
});

describe('the drill rendered as GitHub renders it', () => {
  test('tables keep their columns; a hostile message stays text', async () => {
    const { marked } = await import('marked');
    const evil = '@octocat fixes #12 <img src=x onerror=alert(1)> | broken';
    const d = { ...GOOD, rollback: leg([target('failed', evil)]) };
    const page = marked.parse(rehearsalReport(d, judgeDrill(d)), { async: false, gfm: true });
    expect(page).not.toContain('<img');
    expect(page).not.toMatch(/@octocat(?!<)/);
    const rows = [...page.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
      (r) => (r[1] ?? '').match(/<t[hd][\s>]/g)?.length ?? 0,
    );
    expect(new Set(rows)).toEqual(new Set([6]));
  });
});
