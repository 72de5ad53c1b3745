/**
 * The decision table (runbook 000's tree, extended) and the plan runner's escalation, over
 * facts written out in full: each row is a situation an on-call engineer would recognise.
 */
import { forRejudging } from '../../src/analysis/rules.js';
import {
  evaluateTrigger,
  type Observation,
  type TriggerRule,
} from '../../src/analysis/triggers.js';
import type { RolloutOutcome } from '../../src/analysis/rollout.js';
import type { Judgement } from '../../src/analysis/verdict.js';
import type { TriggerState } from '../../src/analysis/triggers.js';
import { failingTriggers } from '../../src/decide/gather.js';
import { checkPlan } from '../../src/decide/plan-file.js';
import { classifyRange } from '../../src/decide/migrations.js';
import {
  decide,
  describePlan,
  scopeRefs,
  type DecisionFacts,
  type FailingTrigger,
  type Plan,
  type PlanAction,
} from '../../src/decide/plan.js';
import { refKey, type TargetRef } from '../../src/kube/snapshot.js';
import { runPlan, type ActionResult, type Executors } from '../../src/rollback/run-plan.js';

const ref = (context: string, name = 'api', kind: TargetRef['kind'] = 'Deployment'): TargetRef => ({
  context,
  kind,
  namespace: 'shop',
  name,
});
const EU = ref('eu-west');
const US = ref('us-east');
const WORKER = ref('eu-west', 'worker');
const RANGE = { base: 'a'.repeat(40), head: 'b'.repeat(40), from: 'last-good', commits: 3 };
const ADDITIVE = classifyRange([
  {
    path: 'prisma/migrations/1_add/migration.sql',
    status: 'added',
    text: 'ALTER TABLE "orders" ADD COLUMN "code" TEXT;\n',
  },
]);
const DESTRUCTIVE = classifyRange([
  {
    path: 'prisma/migrations/2_drop/migration.sql',
    status: 'added',
    text: 'ALTER TABLE "orders" DROP COLUMN "legacy_total";\n',
  },
]);

function facts(over: Partial<DecisionFacts> = {}): DecisionFacts {
  return {
    strategy: 'auto',
    strategyChosen: false,
    refs: [EU, US],
    gitops: {},
    failing: [{ name: 'error-rate' }],
    flags: [],
    steps: [],
    range: RANGE,
    migrations: classifyRange([]),
    downCommand: false,
    git: { delivery: 'pull-request', mode: 'one', revertPrAfterUndo: false },
    ...over,
  };
}

/** A plan as one line per stage: `stage: kind(detail) kind(detail) [gated]`. */
function shape(plan: Plan): string[] {
  const action = (a: PlanAction): string => {
    const detail =
      a.kind === 'kubernetes'
        ? (a.targets ?? []).map((t) => `${t.context}/${t.name}`).join(',')
        : a.kind === 'git-revert'
          ? `${a.revert?.delivery ?? ''}${a['follow-up'] ? ',follow-up' : ''}`
          : a.kind === 'feature-flag'
            ? (a.flags ?? []).join(',')
            : a.kind === 'command'
              ? (a.steps ?? []).join(',')
              : '';
    return `${a.kind}(${detail})`;
  };
  return plan.stages.map(
    (s) => `${s.name}: ${s.actions.map(action).join(' ')}${s.gated ? ' [gated]' : ''}`,
  );
}

describe('decide', () => {
  test.each<[string, Partial<DecisionFacts>, string[]]>([
    [
      'plain targets: undo everywhere, a revert only if the undo fails',
      {},
      [
        'application rollback: kubernetes(eu-west/api,us-east/api)',
        'git revert (escalation): git-revert(pull-request)',
      ],
    ],
    [
      'no range (no checkout): undo, and no escalation stage',
      { range: undefined, migrations: undefined },
      ['application rollback: kubernetes(eu-west/api,us-east/api)'],
    ],
    [
      'flags first, then the undo',
      { flags: [{ name: 'checkout-v2', verifyMs: 120_000 }] },
      [
        'feature flags off: feature-flag(checkout-v2)',
        'application rollback: kubernetes(eu-west/api,us-east/api)',
        'git revert (escalation): git-revert(pull-request)',
      ],
    ],
    [
      'a GitOps target is reverted in git, the other undone',
      { gitops: { [refKey(US)]: { tool: 'argocd', owner: 'shop' } } },
      ['application rollback: kubernetes(eu-west/api) git-revert(pull-request)'],
    ],
    [
      'only GitOps targets: a revert, no undo',
      {
        gitops: {
          [refKey(EU)]: { tool: 'flux', owner: 'Kustomization flux-system/shop' },
          [refKey(US)]: { tool: 'flux', owner: 'Kustomization flux-system/shop' },
        },
      },
      ['application rollback: git-revert(pull-request)'],
    ],
    [
      'GitOps but nothing to revert: nothing the action may do',
      { gitops: { [refKey(EU)]: { tool: 'argocd', owner: 'shop' } }, refs: [EU], range: undefined },
      [],
    ],
    [
      'strategy kubernetes undoes GitOps targets too',
      {
        strategy: 'kubernetes',
        strategyChosen: true,
        gitops: { [refKey(US)]: { tool: 'argocd', owner: 'shop' } },
      },
      ['application rollback: kubernetes(eu-west/api,us-east/api)'],
    ],
    [
      'no targets: revert the range',
      { refs: [] },
      ['application rollback: git-revert(pull-request)'],
    ],
    [
      'no targets, push delivery',
      { refs: [], git: { delivery: 'push', mode: 'per-commit', revertPrAfterUndo: false } },
      ['application rollback: git-revert(push)'],
    ],
    [
      'no targets, command steps: the steps are the rollback',
      { refs: [], steps: ['compose-previous'] },
      ['application rollback: command(compose-previous)'],
    ],
    [
      'targets and steps: the steps follow the undo',
      { steps: ['purge-cdn'] },
      [
        'application rollback: kubernetes(eu-west/api,us-east/api) command(purge-cdn)',
        'git revert (escalation): git-revert(pull-request)',
      ],
    ],
    [
      'additive migration: the undo goes ahead',
      { migrations: ADDITIVE },
      [
        'application rollback: kubernetes(eu-west/api,us-east/api)',
        'git revert (escalation): git-revert(pull-request)',
      ],
    ],
    [
      'destructive migration: every application stage gated',
      { migrations: DESTRUCTIVE },
      [
        'application rollback: kubernetes(eu-west/api,us-east/api) [gated]',
        'git revert (escalation): git-revert(pull-request) [gated]',
      ],
    ],
    [
      'destructive migration with flags: the flags still run first, ungated',
      { migrations: DESTRUCTIVE, flags: [{ name: 'f', verifyMs: 1000 }], range: undefined },
      [
        'feature flags off: feature-flag(f)',
        'application rollback: kubernetes(eu-west/api,us-east/api) [gated]',
      ],
    ],
    [
      'destructive migration with a down command: it runs first, when approved',
      { migrations: DESTRUCTIVE, downCommand: true, range: undefined },
      ['application rollback: migration-down() kubernetes(eu-west/api,us-east/api) [gated]'],
    ],
    [
      'a trigger scoped to eu-west rolls back eu-west only',
      { failing: [{ name: 'eu-errors', context: 'eu-west' }], range: undefined },
      ['application rollback: kubernetes(eu-west/api)'],
    ],
    [
      'a trigger scoped to a target',
      {
        refs: [EU, WORKER],
        failing: [{ name: 'worker-lag', targets: [{ kind: 'Deployment', name: 'worker' }] }],
        range: undefined,
      },
      ['application rollback: kubernetes(eu-west/worker)'],
    ],
    [
      'a scoped and an unscoped trigger: everything',
      { failing: [{ name: 'eu', context: 'eu-west' }, { name: 'all' }], range: undefined },
      ['application rollback: kubernetes(eu-west/api,us-east/api)'],
    ],
    [
      'a failed rollout covers only the targets that failed',
      { failing: [{ name: 'rollout', refs: [refKey(US)] }], range: undefined },
      ['application rollback: kubernetes(us-east/api)'],
    ],
    [
      'revert-pr-after-undo: a follow-up pull request',
      { git: { delivery: 'push', mode: 'one', revertPrAfterUndo: true } },
      [
        'application rollback: kubernetes(eu-west/api,us-east/api) git-revert(pull-request,follow-up)',
        'git revert (escalation): git-revert(push)',
      ],
    ],
    [
      'strategy git-revert with targets: only the revert',
      { strategy: 'git-revert', strategyChosen: true },
      ['application rollback: git-revert(pull-request)'],
    ],
    [
      'strategy feature-flag: only the flags',
      { strategy: 'feature-flag', strategyChosen: true, flags: [{ name: 'f', verifyMs: 1 }] },
      ['feature flags off: feature-flag(f)'],
    ],
    [
      'strategy command: only the steps',
      { strategy: 'command', strategyChosen: true, steps: ['helm-rollback'] },
      ['application rollback: command(helm-rollback)'],
    ],
  ])('%s', (_name, over, expected) => {
    expect(shape(decide(facts(over)))).toEqual(expected);
  });

  test('the reasons name the migration file, line and statement; the advice says fix forward', () => {
    const plan = decide(facts({ migrations: DESTRUCTIVE }));
    expect(plan.reasons.join('\n')).toContain(
      'prisma/migrations/2_drop/migration.sql:1: ALTER TABLE "orders" DROP COLUMN "legacy_total"',
    );
    expect(plan.advice[0]).toMatch(/^Fix forward/);
    expect(plan.stages[0]?.gated).toContain('prisma/migrations/2_drop/migration.sql');
  });

  test('an additive migration says the schema stays', () => {
    expect(decide(facts({ migrations: ADDITIVE })).reasons.join('\n')).toContain(
      'only add to the schema: the application rollback is safe, and the schema stays as it is',
    );
  });

  test('a partial rollback says which targets were left alone and why', () => {
    const plan = decide(facts({ failing: [{ name: 'eu-errors', context: 'eu-west' }] }));
    expect(plan['left-alone']).toEqual([
      {
        target: 'us-east shop/deployment/api',
        why: "no failing trigger covers it ('eu-errors' is scoped elsewhere)",
      },
    ]);
    expect(describePlan(plan).join('\n')).toContain('left alone: us-east shop/deployment/api');
  });

  test('GitOps targets that cannot be reverted are left for a person, with why', () => {
    const plan = decide(
      facts({
        refs: [EU],
        gitops: { [refKey(EU)]: { tool: 'argocd', owner: 'shop' } },
        range: { error: 'no git checkout' },
      }),
    );
    expect(plan.stages).toEqual([]);
    expect(plan['left-alone'][0]?.why).toContain('Argo CD application shop; no git checkout');
  });

  test('scopeRefs keeps the given order and covers nothing for an unknown context', () => {
    expect(scopeRefs([EU, US], [{ name: 'x', context: 'ap-south' }]).covered).toEqual([]);
  });
});

/** Executors that answer from a script: `kind` → outcomes per attempt, in order. */
function scripted(
  script: Partial<Record<PlanAction['kind'], ActionResult['outcome'][]>>,
  verify: ('pass' | 'fail' | 'inconclusive')[] = [],
): Executors & { calls: string[] } {
  const calls: string[] = [];
  const used: Record<string, number> = {};
  return {
    calls,
    run: (action, { dryRun, attempt }) => {
      calls.push(`${action.kind}#${attempt}${dryRun ? ' dry' : ''}`);
      const n = (used[action.kind] = (used[action.kind] ?? 0) + 1);
      const outcome = dryRun ? 'planned' : (script[action.kind]?.[n - 1] ?? 'done');
      return Promise.resolve({
        kind: action.kind,
        outcome,
        detail: `${action.kind} ${outcome}`,
        retryable: true,
        changed: outcome === 'done',
      });
    },
    verify: () => {
      calls.push('verify');
      return Promise.resolve({ verdict: verify.shift() ?? 'pass', detail: 'judged' });
    },
  };
}

const FLAGS_THEN_UNDO = decide(facts({ flags: [{ name: 'f', verifyMs: 1000 }] }));

describe('runPlan', () => {
  const options = { approved: false, now: () => 0, log: () => undefined };
  test.each<[string, Plan, Parameters<typeof scripted>, string, string, string[]]>([
    [
      'flags fix it',
      FLAGS_THEN_UNDO,
      [{}, ['pass']],
      'rolled-back',
      'feature-flag',
      ['feature-flag#1', 'verify'],
    ],
    [
      'flags do not fix it: escalate to the undo',
      FLAGS_THEN_UNDO,
      [{}, ['fail']],
      'rolled-back',
      'feature-flag+kubernetes',
      ['feature-flag#1', 'verify', 'kubernetes#1'],
    ],
    [
      'no data after the flags: escalate, the original failure stands',
      FLAGS_THEN_UNDO,
      [{}, ['inconclusive']],
      'rolled-back',
      'feature-flag+kubernetes',
      ['feature-flag#1', 'verify', 'kubernetes#1'],
    ],
    [
      'an undo failing once is retried and works',
      decide(facts()),
      [{ kubernetes: ['failed', 'done'] }],
      'rolled-back',
      'kubernetes',
      ['kubernetes#1', 'kubernetes#2'],
    ],
    [
      'an undo failing twice escalates to the revert',
      decide(facts()),
      [{ kubernetes: ['failed', 'failed'] }],
      'rolled-back',
      'git-revert',
      ['kubernetes#1', 'kubernetes#2', 'git-revert#1'],
    ],
    [
      'everything fails: rollback-failed',
      decide(facts()),
      [{ kubernetes: ['failed', 'failed'], 'git-revert': ['failed', 'failed'] }],
      'rollback-failed',
      'none',
      ['kubernetes#1', 'kubernetes#2', 'git-revert#1', 'git-revert#2'],
    ],
    [
      'a destructive migration stops at the gate',
      decide(facts({ migrations: DESTRUCTIVE })),
      [{}],
      'rollback-recommended',
      'none',
      [],
    ],
    [
      'flags before a gate still run',
      decide(facts({ migrations: DESTRUCTIVE, flags: [{ name: 'f', verifyMs: 1 }] })),
      [{}, ['fail']],
      'rollback-recommended',
      'feature-flag',
      ['feature-flag#1', 'verify'],
    ],
  ])('%s', async (_name, plan, args, verdict, strategy, calls) => {
    const executors = scripted(...args);
    const run = await runPlan(plan, executors, options);
    expect([run.verdict, run.strategy]).toEqual([verdict, strategy]);
    expect(executors.calls).toEqual(calls);
  });

  test('approved: the gated stage runs, the down-migration first', async () => {
    const executors = scripted({});
    const run = await runPlan(
      decide(facts({ migrations: DESTRUCTIVE, downCommand: true })),
      executors,
      {
        ...options,
        approved: true,
      },
    );
    expect(run.verdict).toBe('rolled-back');
    expect(executors.calls).toEqual(['migration-down#1', 'kubernetes#1']);
  });

  test('a failed down-migration stops the old code from starting', async () => {
    const executors = scripted({ 'migration-down': ['failed', 'failed'] });
    const run = await runPlan(
      decide(facts({ migrations: DESTRUCTIVE, downCommand: true, range: undefined })),
      executors,
      { ...options, approved: true },
    );
    expect(run.verdict).toBe('rollback-failed');
    expect(executors.calls).toEqual(['migration-down#1', 'migration-down#2']);
    expect(run.failure).toContain('migration-down');
  });

  test('plan only: every action is a dry run, the verdict a recommendation', async () => {
    const executors = scripted({});
    const run = await runPlan(FLAGS_THEN_UNDO, executors, { ...options, planOnly: 'dry-run' });
    expect(run.verdict).toBe('rollback-recommended');
    expect(executors.calls).toEqual(['feature-flag#1 dry', 'kubernetes#1 dry', 'git-revert#1 dry']);
  });

  test('a follow-up that fails does not change a rollback that worked', async () => {
    const plan = decide(
      facts({ git: { delivery: 'pull-request', mode: 'one', revertPrAfterUndo: true } }),
    );
    const executors = scripted({ 'git-revert': ['failed', 'failed'] });
    const run = await runPlan(plan, executors, options);
    expect([run.verdict, run.strategy]).toEqual(['rolled-back', 'kubernetes']);
  });

  test('an executor that throws is a failed attempt, retried', async () => {
    let n = 0;
    const executors: Executors = {
      run: (action) => {
        if (n++ === 0) return Promise.reject(new Error('connection reset'));
        return Promise.resolve({
          kind: action.kind,
          outcome: 'done',
          detail: 'ok',
          retryable: true,
          changed: true,
        });
      },
      verify: () => Promise.resolve({ verdict: 'pass', detail: '' }),
    };
    const run = await runPlan(decide(facts({ range: undefined })), executors, options);
    expect(run.verdict).toBe('rolled-back');
    expect(run.attempts.map((a) => `${a.attempt} ${a.outcome} ${a.detail}`)).toEqual([
      '1 failed connection reset',
      '2 done ok',
    ]);
  });
});

describe('forRejudging', () => {
  const rule: TriggerRule = {
    name: 'error-rate',
    severity: 'P1',
    above: 0.05,
    forMs: 300_000,
    failureLimit: 3,
    fastFail: {},
    noData: 'hold',
  };
  const polls = (...values: number[]): Observation[] =>
    values.map((value, i) => ({ at: i * 10_000, value }));
  test.each<[string, Observation[], string]>([
    ['two breaching polls in a row still fail, whatever the for', polls(0.2, 0.2), 'fail'],
    ['one breaching poll is not enough', polls(0.01, 0.2), 'pass'],
    ['recovered at the end passes', polls(0.2, 0.01), 'pass'],
  ])('%s', (_name, observations, status) => {
    expect(evaluateTrigger(forRejudging(rule), observations).status).toBe(status);
    // The same observations under the original rule never fail within 20 seconds.
    expect(evaluateTrigger(rule, observations).status).not.toBe('fail');
  });
});

describe('failingTriggers', () => {
  const policy = {
    triggers: [
      { name: 'eu', query: 'x', above: 1, context: 'eu-west' },
      { name: 'db-lag', query: 'y', above: 1, targets: ['statefulset/db', 'payments/deploy/api'] },
      { name: 'all', query: 'z', above: 1 },
    ],
  };
  const failing = (...names: string[]): Pick<Judgement, 'failing'> => ({
    failing: names.map((name) => ({ name }) as TriggerState),
  });
  test.each<[string, string[], FailingTrigger[]]>([
    ['a context scope', ['eu'], [{ name: 'eu', context: 'eu-west' }]],
    [
      'targets in any spelling kubectl takes, with their namespace',
      ['db-lag'],
      [
        {
          name: 'db-lag',
          targets: [
            { kind: 'StatefulSet', name: 'db' },
            { kind: 'Deployment', name: 'api', namespace: 'payments' },
          ],
        },
      ],
    ],
    ['no scope', ['all'], [{ name: 'all' }]],
    [
      'the rollout: the targets whose rollout failed',
      ['rollout'],
      [{ name: 'rollout', refs: [refKey(US)] }],
    ],
  ])('%s', (_name, names, expected) => {
    const rollout: RolloutOutcome[] = [
      { target: 'eu-west shop/deployment/api', state: 'done', message: '', elapsedMs: 1 },
      { target: 'us-east shop/deployment/api', state: 'failed', message: 'deadline', elapsedMs: 1 },
    ];
    expect(failingTriggers(failing(...names), { policy }, rollout, [EU, US])).toEqual(expected);
  });
});

describe('a revert keeps the files of migrations that stay applied', () => {
  test.each<[string, Partial<DecisionFacts>, string[] | undefined]>([
    [
      'additive: kept',
      { refs: [], migrations: ADDITIVE },
      ['prisma/migrations/1_add/migration.sql'],
    ],
    [
      'destructive: reversed only with approval, so not kept',
      { refs: [], migrations: DESTRUCTIVE },
      undefined,
    ],
    ['none in the range', { refs: [] }, undefined],
  ])('%s', (_name, over, keep) => {
    expect(decide(facts(over)).stages[0]?.actions[0]?.revert?.keep).toEqual(keep);
  });
});

describe('checkPlan', () => {
  const stage = (actions: unknown[]): unknown => ({ name: 's', why: 'w', actions });
  const specs = { flags: [{ name: 'f', command: ['true'] }], steps: [], 'down-command': null };
  test.each<[string, unknown, RegExp]>([
    ['not an object', [], /not a rollback plan/],
    ['another version', { version: 2, stages: [] }, /version 2; this release reads version 1/],
    [
      'a stage without why',
      { version: 1, stages: [{ name: 's', actions: [{ kind: 'kubernetes', targets: [] }] }] },
      /stage 1 has no name, no why or no actions/,
    ],
    ['an unknown action', { version: 1, stages: [stage([{ kind: 'rm' }])] }, /unknown action 'rm'/],
    [
      'a flag the plan does not carry',
      { version: 1, stages: [stage([{ kind: 'feature-flag', flags: ['g'] }])], specs },
      /flag 'g' is named but the plan does not carry it/,
    ],
    [
      'a step the plan does not carry',
      { version: 1, stages: [stage([{ kind: 'command', steps: ['x'] }])], specs },
      /step 'x' is named/,
    ],
    [
      'a down-migration without its command',
      { version: 1, stages: [stage([{ kind: 'migration-down' }])], specs },
      /down-migration is named but the plan does not carry its command/,
    ],
    [
      'a revert without a full base',
      { version: 1, stages: [stage([{ kind: 'git-revert', revert: { base: 'abc' } }])] },
      /without a base commit/,
    ],
  ])('%s is refused', (_name, plan, message) => {
    expect(() => checkPlan(plan)).toThrow(message);
  });

  test('a plan the action wrote reads back as it was', () => {
    const plan = { ...decide(facts({ flags: [{ name: 'f', verifyMs: 1 }] })), specs };
    expect(checkPlan(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });
});
