/**
 * The workflow templates and the guarded-deploy composite, run step by step through the lab's
 * step runner with their own `with:` values (expressions resolved from the event, inputs and
 * vars given here): the action's steps run the bundled action on a kube-sim region, a
 * Prometheus stand-in whose error count follows the image deployed, and fake GitHub. The
 * templates' deploy step runs as written, with the real kubectl. Stand-ins replace only
 * actions/checkout (the policy file appears in the workspace) and the cloud login placeholder
 * (a kubeconfig for the region appears in KUBECONFIG).
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { FakeGitHub } from '../../lab/github/server.js';
import { apiImage, releaseEverywhere, startRegions } from '../../lab/kube-sim/regions.js';
import { imageOf } from '../../lab/kube-sim/fixtures.js';
import type { KubeSim } from '../../lab/kube-sim/server.js';
import { closeStandIns, prometheusAnswering, vector } from '../../lab/prometheus/stand-in.js';
import type { Contexts } from '../../lab/runner/expressions.js';
import { Job, REPO_ROOT } from '../../lab/runner/harness.js';
import {
  readYaml,
  runJob,
  type JobRun,
  type StandIn,
  type Workflow,
} from '../../lab/runner/workflow.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await closeStandIns();
  for (const o of open.splice(0).reverse()) await o.close();
});

const GOOD = 'shop/api:1.0';
const SHA = 'c0ffee0000000000000000000000000000000001';
const POLICY = `
triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 3s, interval: 1s}
rollback: {timeout: 10s}
rehearsal: {issue: true}
`;

interface Lab {
  sim: KubeSim;
  gh: FakeGitHub;
  contexts: Contexts;
  /** A runner machine for one job, with the stand-ins for checkout and the cloud login. */
  job(): Promise<{ job: Job; standIns: Record<string, StandIn> }>;
}

/** One region with `tags` released in order; the errors trigger fails unless GOOD runs. */
async function lab(tags: string[], extra: Partial<Contexts> = {}): Promise<Lab> {
  const region = await startRegions(['eu-west']);
  open.push(region);
  const sim = region.sims['eu-west'] as KubeSim;
  for (const tag of tags) await releaseEverywhere(region.sims, tag);
  const prometheus = await prometheusAnswering(() => ({
    body: vector({ value: [Date.now() / 1000, apiImage(sim) === GOOD ? '0' : '1'] }),
  }));
  const gh = await new FakeGitHub('acme/shop').start();
  open.push(gh);
  const contexts: Contexts = {
    github: { event_name: 'push', event: {}, sha: SHA, repository: 'acme/shop', token: gh.token },
    vars: { PROMETHEUS_URL: prometheus, IMAGE_REPOSITORY: 'shop/api' },
    ...extra,
  };
  return {
    sim,
    gh,
    contexts,
    async job() {
      const job = await Job.create();
      open.push({ close: () => job.dispose() });
      const standIns: Record<string, StandIn> = {
        'actions/checkout': async () => {
          await mkdir(path.join(job.workspace, '.github'), { recursive: true });
          await writeFile(path.join(job.workspace, '.github/rollback-policy.yml'), POLICY);
          return undefined;
        },
        'your-org/cluster-login': async () => {
          const file = path.join(job.dir, 'kubeconfig');
          await writeFile(file, region.kubeconfig);
          job.env.KUBECONFIG = file;
          return undefined;
        },
      };
      return { job, standIns };
    },
  };
}

const template = (name: string): Promise<Workflow> =>
  readYaml<Workflow>(path.join(REPO_ROOT, 'workflow-templates', `${name}.yml`));

async function runTemplate(l: Lab, workflow: Workflow, name: string, more: Partial<Contexts> = {}) {
  const { job, standIns } = await l.job();
  return runJob(workflow, name, {
    job,
    contexts: { ...l.contexts, ...more },
    standIns,
    apiUrl: l.gh.url,
  });
}

const step = (run: JobRun, name: string) => run.steps.find((s) => s.name === name);
const outcomes = (run: JobRun): string[] => run.steps.map((s) => `${s.name}: ${s.outcome}`);

test('deploy-with-rollback: the deploy step sets a bad image, the guard rolls it back and files the incident', async () => {
  const l = await lab(['1.0']);
  const run = await runTemplate(l, await template('deploy-with-rollback'), 'deploy');
  expect(outcomes(run)).toEqual([
    'actions/checkout@v5: success',
    'Cluster credentials (PLACEHOLDER): success',
    'Capture the pre-deploy state: success',
    'Deploy: success',
    // A rollback fails the step: the deploy did not go out.
    'Guard the deploy: failure',
    // Only for a deploy step that failed.
    'Put back what ran before the failed deploy: skipped',
  ]);
  const capture = JSON.parse(step(run, 'Capture the pre-deploy state')?.outputs.snapshot ?? '{}');
  expect(capture.targets[0].images.api).toBe(GOOD);
  expect(step(run, 'Guard the deploy')?.outputs).toMatchObject({
    verdict: 'rolled-back',
    'rolled-back': 'true',
    verified: 'true',
  });
  // The template's own deploy step (kubectl set image) made the release that was undone.
  const released = l.sim.list('ReplicaSet', 'shop').map((rs) => imageOf(rs));
  expect(released).toEqual(expect.arrayContaining([GOOD, `shop/api:${SHA}`]));
  expect(apiImage(l.sim)).toBe(GOOD);
  expect(l.gh.issues).toHaveLength(1);
});

test('deploy-with-approval: the deploy job recommends with a plan; the approved job carries it out; a healthy deploy skips it', async () => {
  const l = await lab(['1.0']);
  const workflow = await template('deploy-with-approval');
  const deploy = await runTemplate(l, workflow, 'deploy');
  expect(deploy.outputs.verdict).toBe('rollback-recommended');
  expect(apiImage(l.sim)).toBe(`shop/api:${SHA}`);
  const needs = { deploy: { outputs: deploy.outputs, result: deploy.result } };
  // Another runner machine: no snapshot of its own, only the plan.
  const rollback = await runTemplate(l, workflow, 'rollback', { needs });
  expect(outcomes(rollback)).toContain('Carry out the approved plan: success');
  expect(step(rollback, 'Carry out the approved plan')?.outputs).toMatchObject({
    verdict: 'rolled-back',
    strategy: 'kubernetes',
  });
  expect(apiImage(l.sim)).toBe(GOOD);

  const healthy = { deploy: { outputs: { verdict: 'healthy', plan: '' }, result: 'success' } };
  expect((await runTemplate(l, workflow, 'rollback', { needs: healthy })).result).toBe('skipped');
});

describe('manual-rollback', () => {
  const dispatch = (dryRun: boolean): Partial<Contexts> => {
    const inputs = {
      environment: 'production',
      targets: 'deployment/api',
      'to-revision': 'previous',
      reason: 'checkout errors after 1.1',
      'dry-run': dryRun,
    };
    return { inputs, github: { event_name: 'workflow_dispatch', event: { inputs } } };
  };

  test.each([
    [false, 'rolled-back', GOOD],
    [true, 'rollback-recommended', 'shop/api:1.1'],
  ])('dry-run %s: verdict %s, the region runs %s', async (dryRun, verdict, image) => {
    const l = await lab(['1.0', '1.1']);
    const more = dispatch(dryRun);
    const run = await runTemplate(l, await template('manual-rollback'), 'rollback', {
      ...more,
      github: { ...l.contexts.github, ...more.github },
    });
    expect(step(run, 'Roll back')?.outputs.verdict).toBe(verdict);
    expect(step(run, 'Roll back')?.result?.log).toContain('checkout errors after 1.1');
    expect(apiImage(l.sim)).toBe(image);
  });
});

test('rollback-rehearsal: a scheduled drill rolls back, verifies, rolls forward, ends healthy and files its issue', async () => {
  const l = await lab(['0.9', '1.0']);
  // The drill rolls back to 0.9 on purpose: a stand-in where every release is healthy, so
  // the drill judges the rollback path, not the release.
  await closeStandIns();
  const healthy = await prometheusAnswering(() => ({
    body: vector({ value: [Date.now() / 1000, '0'] }),
  }));
  const run = await runTemplate(l, await template('rollback-rehearsal'), 'rehearse', {
    github: { ...l.contexts.github, event_name: 'schedule', event: { schedule: '0 10 * * 2' } },
    vars: { PROMETHEUS_URL: healthy },
  });
  expect(step(run, 'Rehearse the rollback')?.outputs).toMatchObject({
    verdict: 'healthy',
    verified: 'true',
  });
  expect(apiImage(l.sim)).toBe(GOOD);
  expect(l.gh.issues.map((i) => i.labels.map((x) => (typeof x === 'string' ? x : x.name)))).toEqual(
    [expect.arrayContaining(['rollback-rehearsal'])],
  );
});

/** A job of one guarded-deploy step whose deploy command is `run`, after checkout and login. */
function guardedDeploy(run: string): Workflow {
  return {
    jobs: {
      deploy: {
        steps: [
          { uses: 'actions/checkout@v5' },
          { uses: 'your-org/cluster-login@v1' },
          {
            id: 'deploy',
            uses: 'rollback-action/rollback-action/guarded-deploy@v1',
            with: {
              run,
              'prometheus-url': '${{ vars.PROMETHEUS_URL }}',
              targets: 'deployment/api',
            },
          },
        ],
      },
    },
  };
}

test("guarded-deploy: capture, the caller's command, guard, in that order; the command runs once as written", async () => {
  const l = await lab(['1.0']);
  // What a caller would pass from an input: quotes, $(...), backticks and ${{ }} stay data.
  const literal = '$(touch injected) `touch injected` ${{ github.token }} "quoted"';
  const command = `kubectl set image deployment/api api=shop/api:2.0 --namespace shop\nprintf '%s\\n' '${literal}' > said`;
  const workflow = guardedDeploy('${{ inputs.command }}');
  const { job, standIns } = await l.job();
  const run = await runJob(workflow, 'deploy', {
    job,
    contexts: { ...l.contexts, inputs: { command } },
    standIns,
    apiUrl: l.gh.url,
  });
  const composite = run.steps[2];
  expect(composite?.steps?.map((s) => `${s.id ?? ''}: ${s.kind} ${s.outcome}`)).toEqual([
    'capture: action success',
    'deploy: run success',
    'guard: action failure',
    'put-back: action skipped',
  ]);
  expect(JSON.parse(composite?.outputs.snapshot ?? '{}').targets[0].images.api).toBe(GOOD);
  expect(composite?.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
  expect(composite?.outputs['report-path']).toMatch(/\.json$/);
  expect(apiImage(l.sim)).toBe(GOOD);
  expect(readFileSync(path.join(job.workspace, 'said'), 'utf8')).toBe(`${literal}\n`);
  expect(existsSync(path.join(job.workspace, 'injected'))).toBe(false);
});

test('guarded-deploy: a deploy command that fails halfway is put back to what the capture recorded', async () => {
  const l = await lab(['1.0']);
  // The new image went out, then the command gave up (as helm --wait would).
  const workflow = guardedDeploy(
    'kubectl set image deployment/api api=shop/api:2.0 --namespace shop\nexit 3',
  );
  const { job, standIns } = await l.job();
  const run = await runJob(workflow, 'deploy', {
    job,
    contexts: l.contexts,
    standIns,
    apiUrl: l.gh.url,
  });
  const composite = run.steps[2];
  expect(composite?.steps?.map((s) => `${s.id ?? ''}: ${s.kind} ${s.outcome}`)).toEqual([
    'capture: action success',
    'deploy: run failure',
    'guard: action skipped',
    'put-back: action success',
  ]);
  expect(run.result).toBe('failure');
  expect(composite?.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
  expect(apiImage(l.sim)).toBe(GOOD);
  const putBack = composite?.steps?.[3]?.result;
  expect(putBack?.log).toContain('the deploy command failed; what ran before it is put back');
});
