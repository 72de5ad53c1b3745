/**
 * Runs a workflow's job, or a composite action, step by step on the lab as a runner would:
 * `${{ }}` in `with:`, `env:` and `if:` resolved from the contexts a test gives
 * (expressions.ts), `uses:` of this action or a sub-action run by the harness from that
 * directory, a composite's own steps with its `inputs.*` and `steps.*`, and `run:` steps in
 * bash with the file commands. Any other `uses:` (actions/checkout, a cloud login) needs a
 * stand-in from the test: it is never skipped silently.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { parseFileCommands } from './commands.js';
import { condition, interpolate, resolveMap, type Contexts, type Status } from './expressions.js';
import { REPO_ROOT, runAction, type Job, type RunResult } from './harness.js';

type Scalar = string | number | boolean;

export interface WorkflowStep {
  id?: string;
  name?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, Scalar>;
  env?: Record<string, Scalar>;
  'continue-on-error'?: boolean;
}

export interface WorkflowJob {
  needs?: string | string[];
  if?: string | boolean;
  env?: Record<string, Scalar>;
  outputs?: Record<string, string>;
  steps: WorkflowStep[];
}

export interface Workflow {
  env?: Record<string, Scalar>;
  jobs: Record<string, WorkflowJob>;
}

interface CompositeManifest {
  inputs?: Record<string, { default?: Scalar }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: 'composite'; steps: WorkflowStep[] };
}

/** The repository's own name in `uses:`; its sub-actions are folders under it. */
export const OWN_ACTION = 'rollback-action/rollback-action';

/** A stand-in for an action the lab does not have; what it returns are its outputs. */
export type StandIn = (
  step: { with: Record<string, string>; env: Record<string, string> },
  job: Job,
) => Promise<Record<string, string> | undefined>;

export interface StepRun {
  id: string | undefined;
  name: string;
  kind: 'action' | 'composite' | 'run' | 'stand-in';
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  /** The harness's record of a JavaScript action's step. */
  result?: RunResult;
  /** A composite's own steps. */
  steps?: StepRun[];
  /** A run step's stdout and stderr. */
  log?: string;
}

export interface JobRun {
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  steps: StepRun[];
}

export interface RunOptions {
  job: Job;
  /** `github` (with `event`, `event_name`, `sha`, `repository`, `token`), `inputs`, `vars`, ... */
  contexts: Contexts;
  /** By `uses:` without its `@version`. */
  standIns?: Record<string, StandIn>;
  /** The GitHub API the action's steps call (fake GitHub); the harness's dead port otherwise. */
  apiUrl?: string;
  timeoutMs?: number;
}

/** The directory a `uses:` of this action names, or undefined for anyone else's. */
export function ownActionDir(uses: string): string | undefined {
  const ref = uses.split('@')[0] ?? '';
  if (ref === OWN_ACTION) return REPO_ROOT;
  if (ref.startsWith(`${OWN_ACTION}/`)) return path.join(REPO_ROOT, ref.slice(OWN_ACTION.length));
  return undefined;
}

export async function readYaml<T>(file: string): Promise<T> {
  return load(await readFile(file, 'utf8')) as T;
}

/** One job of a workflow: its `if:` against `needs`, its env, its steps, then its outputs. */
export async function runJob(
  workflow: Workflow,
  name: string,
  options: RunOptions,
): Promise<JobRun> {
  const spec = workflow.jobs[name];
  if (!spec) throw new Error(`workflow runner: no job '${name}'`);
  // The needs context holds the jobs this one needs, and success() asks whether they all passed.
  const needed = [spec.needs ?? []].flat();
  const needs = Object.fromEntries(
    needed.map((need) => {
      const result = options.contexts.needs?.[need];
      if (!result) throw new Error(`workflow runner: job '${name}' needs '${need}', not given`);
      return [need, result];
    }),
  );
  const contexts = { ...options.contexts, needs };
  const needsStatus = Object.values(needs).every((n) => n.result === 'success');
  if (!condition(spec.if, contexts, needsStatus ? 'success' : 'failure'))
    return { result: 'skipped', outputs: {}, steps: [] };
  const workflowEnv = resolveMap(workflow.env, contexts);
  const env = { ...workflowEnv, ...resolveMap(spec.env, { ...contexts, env: workflowEnv }) };
  const { runs, status, steps } = await runSteps(spec.steps, env, { ...options, contexts });
  const outputs = resolveMap(spec.outputs, { ...contexts, env, steps });
  return { result: status === 'success' ? 'success' : 'failure', outputs, steps: runs };
}

/** Steps in order, as one job or one composite: a failed step skips the rest unless `if:` says. */
export async function runSteps(
  steps: readonly WorkflowStep[],
  env: Record<string, string>,
  options: RunOptions,
): Promise<{ runs: StepRun[]; status: Status; steps: NonNullable<Contexts['steps']> }> {
  const context: NonNullable<Contexts['steps']> = {};
  const runs: StepRun[] = [];
  let status: Status = 'success';
  for (const step of steps) {
    // GITHUB_ENV from earlier steps is in the env context, under what the step sets itself.
    const before = { ...options.contexts, env: { ...env, ...options.job.env }, steps: context };
    const stepEnv = { ...before.env, ...resolveMap(step.env, before) };
    const contexts = { ...before, env: stepEnv };
    const name = step.name ?? step.id ?? step.uses ?? 'run';
    const run: StepRun = condition(step.if, contexts, status)
      ? await runStep(step, name, contexts, options)
      : { id: step.id, name, kind: step.run ? 'run' : 'action', outcome: 'skipped', outputs: {} };
    runs.push(run);
    if (step.id)
      context[step.id] = {
        outputs: run.outputs,
        outcome: run.outcome,
        conclusion:
          run.outcome === 'failure' && step['continue-on-error'] ? 'success' : run.outcome,
      };
    if (run.outcome === 'failure' && !step['continue-on-error']) status = 'failure';
  }
  return { runs, status, steps: context };
}

async function runStep(
  step: WorkflowStep,
  name: string,
  contexts: Contexts,
  options: RunOptions,
): Promise<StepRun> {
  const env = contexts.env ?? {};
  const base = { id: step.id, name };
  if (step.run !== undefined) {
    if (step.shell !== undefined && step.shell !== 'bash')
      throw new Error(`workflow runner: shell '${step.shell}' is not supported`);
    // The runner pastes `${{ }}` into the script before bash reads it, and so does this; the
    // lint test keeps them out of the templates' scripts (values go through env:).
    const shell = await runShell(interpolate(step.run, contexts), env, options);
    return { ...base, kind: 'run', ...shell };
  }
  const uses = step.uses ?? '';
  const given = resolveMap(step.with, contexts);
  const dir = ownActionDir(uses);
  if (dir === undefined) {
    const standIn = options.standIns?.[uses.split('@')[0] ?? ''];
    if (!standIn) throw new Error(`workflow runner: no stand-in for uses: ${uses}`);
    const outputs = (await standIn({ with: given, env }, options.job)) ?? {};
    return { ...base, kind: 'stand-in', outcome: 'success', outputs };
  }
  const manifest = await readYaml<{ runs: { using: string } }>(path.join(dir, 'action.yml'));
  if (manifest.runs.using === 'composite')
    return { ...base, kind: 'composite', ...(await runComposite(dir, given, contexts, options)) };
  const { github } = contexts;
  const result = await runAction({
    job: options.job,
    actionDir: dir,
    inputs: given,
    env,
    eventName: textOf(github, 'event_name') ?? 'push',
    event: github.event ?? {},
    ...(textOf(github, 'token') ? { token: textOf(github, 'token') } : {}),
    ...(textOf(github, 'sha') ? { sha: textOf(github, 'sha') } : {}),
    ...(textOf(github, 'repository') ? { repository: textOf(github, 'repository') } : {}),
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  return {
    ...base,
    kind: 'action',
    outcome: result.exitCode === 0 ? 'success' : 'failure',
    outputs: result.outputs,
    result,
  };
}

/** A composite action: `inputs` are its defaults under what was given; outputs from its steps. */
async function runComposite(
  dir: string,
  given: Record<string, string>,
  contexts: Contexts,
  options: RunOptions,
): Promise<Pick<StepRun, 'outcome' | 'outputs' | 'steps'>> {
  const manifest = await readYaml<CompositeManifest>(path.join(dir, 'action.yml'));
  const defaults = Object.fromEntries(
    Object.entries(manifest.inputs ?? {}).flatMap(([name, spec]) =>
      spec.default === undefined ? [] : [[name, interpolate(String(spec.default), contexts)]],
    ),
  );
  const inner: RunOptions = {
    ...options,
    contexts: { ...contexts, inputs: { ...defaults, ...given } },
  };
  const { runs, status, steps } = await runSteps(manifest.runs.steps, contexts.env ?? {}, inner);
  const outputs = Object.fromEntries(
    Object.entries(manifest.outputs ?? {}).map(([name, spec]) => [
      name,
      interpolate(spec.value, { ...inner.contexts, steps }),
    ]),
  );
  return { outcome: status === 'success' ? 'success' : 'failure', outputs, steps: runs };
}

/** A `run:` step as the runner's bash runs it: `bash --noprofile --norc -eo pipefail`. */
async function runShell(
  script: string,
  env: Record<string, string>,
  options: RunOptions,
): Promise<Pick<StepRun, 'outcome' | 'outputs' | 'log'>> {
  const { job } = options;
  const dir = await mkdtemp(path.join(job.dir, 'step-'));
  const files = {
    script: path.join(dir, 'script.sh'),
    output: path.join(dir, 'output'),
    env: path.join(dir, 'env'),
    summary: path.join(dir, 'summary'),
  };
  await writeFile(files.script, script);
  for (const file of [files.output, files.env, files.summary]) await writeFile(file, '');
  const github = options.contexts.github;
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', files.script], {
    cwd: job.workspace,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: job.dir,
      LANG: 'C.UTF-8',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: job.workspace,
      GITHUB_SHA: textOf(github, 'sha') ?? '',
      GITHUB_REPOSITORY: textOf(github, 'repository') ?? '',
      GITHUB_EVENT_NAME: textOf(github, 'event_name') ?? '',
      RUNNER_TEMP: job.temp,
      ...job.env,
      ...env,
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_STEP_SUMMARY: files.summary,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  }).finally(() => clearTimeout(timer));
  Object.assign(job.env, parseFileCommands(await readFile(files.env, 'utf8')));
  return {
    outcome: code === 0 ? 'success' : 'failure',
    outputs: parseFileCommands(await readFile(files.output, 'utf8')),
    log,
  };
}

function textOf(context: Record<string, unknown>, key: string): string | undefined {
  const value = context[key];
  return typeof value === 'string' ? value : undefined;
}
