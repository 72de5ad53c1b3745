/**
 * The lab's step runner, its pure parts: `${{ }}` resolved as the runner does, `if:` with its
 * implicit success(), which `uses:` are this action's, and steps' outputs mapped through a
 * job's `outputs:` and `steps.<id>` (run: steps only, no action is started).
 */
import * as path from 'node:path';
import {
  condition,
  evaluate,
  interpolate,
  type Contexts,
  type Status,
} from '../../lab/runner/expressions.js';
import { Job, REPO_ROOT } from '../../lab/runner/harness.js';
import { ownActionDir, runJob, type Workflow } from '../../lab/runner/workflow.js';

const contexts: Contexts = {
  github: {
    event_name: 'workflow_dispatch',
    sha: 'abc123',
    repository: 'acme/shop',
    event: { inputs: { 'dry-run': true }, head_commit: { message: "it's $(done)" } },
  },
  inputs: { environment: 'staging', 'to-revision': 'last-good', 'dry-run': true, empty: '' },
  env: { TARGETS: 'deployment/api' },
  vars: { PROMETHEUS_URL: 'http://prom:9090' },
  secrets: { TOKEN: 's3cret' },
  steps: {
    guard: { outputs: { verdict: 'rolled-back' }, outcome: 'failure', conclusion: 'failure' },
  },
  needs: { deploy: { outputs: { plan: '{"version":1}' }, result: 'failure' } },
};

test.each([
  ['${{ inputs.to-revision }}', 'last-good'],
  ['${{ inputs.dry-run }}', 'true'],
  ["${{ inputs.empty || 'previous' }}", 'previous'],
  ['${{ inputs.missing }}', ''],
  ['deploy-${{ inputs.environment }}', 'deploy-staging'],
  ['${{ vars.PROMETHEUS_URL }}/api/v1', 'http://prom:9090/api/v1'],
  ['${{ env.TARGETS }} in ${{ github.repository }}', 'deployment/api in acme/shop'],
  ['${{ steps.guard.outputs.verdict }}', 'rolled-back'],
  ['${{ needs.deploy.outputs.plan }}', '{"version":1}'],
  ['${{ secrets.TOKEN }}', 's3cret'],
  ["${{ format('{0}:{1}', vars.NOPE, github.sha) }}", ':abc123'],
  ["${{ 'a }} b' }}", 'a }} b'],
  ['${{ github.event.head_commit.message }}', "it's $(done)"],
  ['no expression', 'no expression'],
])('interpolate %s → %s', (value, expected) => {
  expect(interpolate(value, contexts)).toBe(expected);
});

test.each<[string | boolean | undefined, Status, boolean]>([
  [undefined, 'success', true],
  [undefined, 'failure', false],
  ["needs.deploy.outputs.plan != ''", 'success', true],
  ["needs.deploy.outputs.plan != ''", 'failure', false],
  ["${{ !cancelled() && steps.guard.outputs.verdict == 'rolled-back' }}", 'failure', true],
  ['${{ always() }}', 'failure', true],
  ['failure()', 'failure', true],
  ['failure()', 'success', false],
  ["${{ inputs.environment == 'production' }}", 'success', false],
  [false, 'success', false],
])('if: %s after %s → %s', (text, status, expected) => {
  expect(condition(text, contexts, status)).toBe(expected);
});

test('an unknown context or a syntax error throws instead of becoming empty', () => {
  expect(() => evaluate('nosuch.value', contexts)).toThrow();
  expect(() => interpolate('${{ inputs.environment == }}', contexts)).toThrow();
  expect(() => interpolate('${{ inputs.environment', contexts)).toThrow(/not closed/);
});

test.each([
  ['rollback-action/rollback-action@v1', REPO_ROOT],
  ['rollback-action/rollback-action/capture@v1', path.join(REPO_ROOT, 'capture')],
  ['rollback-action/rollback-action/guarded-deploy@main', path.join(REPO_ROOT, 'guarded-deploy')],
  ['actions/checkout@v5', undefined],
  ['rollback-action/rollback-action-fork@v1', undefined],
])('uses: %s runs from %s', (uses, dir) => {
  expect(ownActionDir(uses)).toBe(dir);
});

describe('a job of run: steps', () => {
  let job: Job;
  beforeEach(async () => (job = await Job.create()));
  afterEach(() => job.dispose());

  const workflow: Workflow = {
    env: { STAGE: 'wf' },
    jobs: {
      build: {
        env: { TARGET: '${{ inputs.environment }}-${{ env.STAGE }}' },
        outputs: { said: '${{ steps.say.outputs.said }}', skipped: '${{ steps.never.outcome }}' },
        steps: [
          { id: 'export', run: 'echo "EXPORTED=from-env-file" >> "$GITHUB_ENV"' },
          {
            id: 'say',
            env: { VALUE: '${{ github.event.head_commit.message }}' },
            run: 'echo "said=$TARGET $EXPORTED $VALUE" >> "$GITHUB_OUTPUT"',
          },
          { id: 'fail', run: 'false' },
          { id: 'never', run: 'echo ran > ran' },
          {
            id: 'after',
            if: '${{ failure() }}',
            run: 'echo "seen=${{ steps.fail.outcome }}" >> "$GITHUB_OUTPUT"',
          },
        ],
      },
      gated: { needs: 'build', if: "needs.build.outputs.said != ''", steps: [] },
    },
  };

  test('outputs flow through GITHUB_OUTPUT, steps.* and the job outputs; a failure skips what follows', async () => {
    const run = await runJob(workflow, 'build', { job, contexts });
    expect(run.steps.map((s) => `${s.id ?? ''}:${s.outcome}`)).toEqual([
      'export:success',
      'say:success',
      'fail:failure',
      'never:skipped',
      'after:success',
    ]);
    expect(run.result).toBe('failure');
    // The commit message reached the script through env:, as data: `$(done)` was not run.
    expect(run.outputs).toEqual({
      said: "staging-wf from-env-file it's $(done)",
      skipped: 'skipped',
    });
    expect(run.steps[4]?.outputs).toEqual({ seen: 'failure' });
  });

  test("a job's if: reads needs, and a failed need makes success() false", async () => {
    const needs = { build: { outputs: { said: 'x' }, result: 'failure' } };
    expect(
      (await runJob(workflow, 'gated', { job, contexts: { ...contexts, needs } })).result,
    ).toBe('skipped');
    const ok = { build: { outputs: { said: 'x' }, result: 'success' } };
    expect(
      (await runJob(workflow, 'gated', { job, contexts: { ...contexts, needs: ok } })).result,
    ).toBe('success');
  });

  test('a uses: without a stand-in stops the run instead of being skipped', async () => {
    const other: Workflow = { jobs: { j: { steps: [{ uses: 'actions/checkout@v5' }] } } };
    await expect(runJob(other, 'j', { job, contexts })).rejects.toThrow(
      'workflow runner: no stand-in for uses: actions/checkout@v5',
    );
  });
});
