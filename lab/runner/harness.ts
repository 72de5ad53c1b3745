/**
 * Runs the bundled action the way a GitHub-hosted runner runs a `node24` action step: inputs
 * as INPUT_* variables with the runner's name mangling and action.yml defaults, the file
 * commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY), the
 * event payload file, RUNNER_TEMP and GITHUB_WORKSPACE, and a minimal environment (nothing
 * leaks in from the test process). Returns what the runner would record.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { parseFileCommands, parseLog, type Annotation } from './commands.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ActionManifest {
  runs: { using: string; main: string; pre?: string; post?: string };
  inputs?: Record<
    string,
    { description?: string; required?: boolean; default?: string | number | boolean }
  >;
  outputs?: Record<string, { description?: string }>;
}

export async function readManifest(actionDir = REPO_ROOT): Promise<ActionManifest> {
  return load(await readFile(path.join(actionDir, 'action.yml'), 'utf8')) as ActionManifest;
}

/**
 * A job: the steps of one job share RUNNER_TEMP, the workspace, and what earlier steps wrote
 * to GITHUB_ENV, as on a runner. Create one for multi-step tests and dispose of it after.
 */
export class Job {
  readonly env: Record<string, string> = {};
  private constructor(
    readonly dir: string,
    readonly temp: string,
    readonly workspace: string,
  ) {}

  static async create(workspace?: string): Promise<Job> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'runner-job-'));
    const temp = path.join(dir, 'temp');
    await mkdir(temp, { recursive: true });
    const ws = workspace ?? path.join(dir, 'workspace');
    await mkdir(ws, { recursive: true });
    return new Job(dir, temp, ws);
  }

  run(options: Omit<RunOptions, 'job'> = {}): Promise<RunResult> {
    return runAction({ ...options, job: this });
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

export interface RunOptions {
  /** Run as a step of this job (shared RUNNER_TEMP, workspace and GITHUB_ENV). */
  job?: Job;
  /** `with:` values, by the names in action.yml. */
  inputs?: Record<string, string>;
  /** Extra environment (`env:` of the step). */
  env?: Record<string, string>;
  /** The job's workspace; a fresh empty directory when omitted (removed afterwards). */
  workspace?: string;
  /** Files to create in the workspace before the step runs, by relative path. */
  files?: Record<string, string>;
  eventName?: string;
  event?: unknown;
  /** What `${{ github.token }}` expands to. */
  token?: string;
  apiUrl?: string;
  repository?: string;
  sha?: string;
  /** State saved by an earlier step of the same action (STATE_* variables). */
  state?: Record<string, string>;
  /** Which entry to run: `main` (default) or `post`. */
  step?: 'main' | 'post';
  actionDir?: string;
  timeoutMs?: number;
  /**
   * Called with each chunk of stdout as it comes, to act while the step runs; `signal` sends
   * the step a signal, as a runner does when the workflow run is cancelled (SIGINT, SIGTERM).
   */
  onStdout?: (chunk: string, signal: (name: NodeJS.Signals) => void) => void;
}

export interface RunResult {
  exitCode: number | null;
  timedOut: boolean;
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** The log as the runner would show it, masked. */
  log: string;
  /** Raw stdout and stderr, unmasked, for leak checks. */
  stdout: string;
  stderr: string;
  debug: string[];
  masks: string[];
  /** Files the step left under RUNNER_TEMP, by path relative to it (read before cleanup). */
  tempFiles: Record<string, string>;
  /** RUNNER_TEMP as the step saw it (already removed when the result is returned). */
  runnerTemp: string;
  warnings: string[];
  durationMs: number;
}

/**
 * Everything a step printed or wrote (log, summary, outputs, files under RUNNER_TEMP) except
 * the runner's add-mask commands, which name the secrets on purpose: for leak checks.
 */
export function shownText(result: RunResult): string {
  return [
    result.stdout.replace(/^::add-mask::.*$/gm, ''),
    result.stderr,
    result.summary,
    ...Object.values(result.outputs),
    ...Object.values(result.tempFiles),
  ].join('\n');
}

/**
 * The annotations, less the warnings of best-effort GitHub calls that reached the harness's
 * closed default port (no fake GitHub given): for tests about something else.
 */
export function withoutDeadGitHub(annotations: readonly Annotation[]): Annotation[] {
  return annotations.filter((a) => !(a.level === 'warning' && /: 500 bad port\b/.test(a.message)));
}

/** The runner's input variable name: spaces to underscores, upper case; hyphens stay. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Expands the one expression action.yml defaults use here; others are an error in a test. */
function expandDefault(value: string, token: string): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_whole, expression: string) => {
    if (expression === 'github.token') return token;
    throw new Error(`harness: unsupported expression in an action.yml default: ${expression}`);
  });
}

export async function runAction(options: RunOptions = {}): Promise<RunResult> {
  const actionDir = options.actionDir ?? REPO_ROOT;
  const manifest = await readManifest(actionDir);
  if (manifest.runs.using !== 'node24')
    throw new Error(`harness: runs.using is ${manifest.runs.using}, expected node24`);
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24)
    throw new Error(`harness: running node24 actions needs Node 24, this is ${process.version}`);
  const entry = options.step === 'post' ? manifest.runs.post : manifest.runs.main;
  if (!entry) throw new Error(`harness: action.yml has no ${options.step ?? 'main'} entry`);

  const runnerDir = await mkdtemp(path.join(os.tmpdir(), 'runner-'));
  const job = options.job;
  const workspace = options.workspace ?? job?.workspace ?? path.join(runnerDir, 'workspace');
  const files = {
    output: path.join(runnerDir, 'output'),
    state: path.join(runnerDir, 'state'),
    env: path.join(runnerDir, 'env'),
    path: path.join(runnerDir, 'path'),
    summary: path.join(runnerDir, 'step_summary'),
    event: path.join(runnerDir, 'event.json'),
  };
  const temp = job?.temp ?? path.join(runnerDir, 'temp');
  try {
    await mkdir(workspace, { recursive: true });
    await mkdir(temp, { recursive: true });
    for (const [relative, content] of Object.entries(options.files ?? {})) {
      const target = path.join(workspace, relative);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    for (const file of [files.output, files.state, files.env, files.path, files.summary])
      await writeFile(file, '');
    await writeFile(files.event, JSON.stringify(options.event ?? {}));

    const token = options.token ?? 'ghs_harnessToken000000000000000000000000';
    const warnings: string[] = [];
    const declared = manifest.inputs ?? {};
    const given = options.inputs ?? {};
    const unexpected = Object.keys(given).filter((name) => !(name in declared));
    if (unexpected.length > 0) {
      // The runner's own wording for a `with:` key the action does not declare.
      warnings.push(
        `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(declared).join("', '")}']`,
      );
    }
    const inputEnv: Record<string, string> = {};
    for (const [name, spec] of Object.entries(declared)) {
      if (spec.default !== undefined)
        inputEnv[inputVariable(name)] = expandDefault(String(spec.default), token);
    }
    for (const [name, value] of Object.entries(given)) inputEnv[inputVariable(name)] = value;
    const stateEnv = Object.fromEntries(
      Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v]),
    );

    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? os.homedir(),
      LANG: 'C.UTF-8',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: files.output,
      GITHUB_STATE: files.state,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_EVENT_NAME: options.eventName ?? 'push',
      // No test reaches the real GitHub: without a fake, calls are refused at once on loopback
      // (port 9, discard, is closed here) instead of waiting on a network that is not there.
      GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
      GITHUB_REPOSITORY: options.repository ?? 'acme/shop',
      GITHUB_REPOSITORY_OWNER: (options.repository ?? 'acme/shop').split('/')[0] ?? 'acme',
      GITHUB_SHA: options.sha ?? '0000000000000000000000000000000000000000',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_RUN_ID: '1000',
      GITHUB_RUN_NUMBER: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'deploy',
      GITHUB_WORKFLOW: 'deploy',
      GITHUB_ACTION: 'rollback',
      GITHUB_ACTOR: 'octocat',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_TEMP: temp,
      RUNNER_TOOL_CACHE: path.join(runnerDir, 'tool-cache'),
      ...job?.env,
      ...inputEnv,
      ...stateEnv,
      ...options.env,
    };

    const started = Date.now();
    const child = spawn(process.execPath, [path.join(actionDir, entry)], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk, (name) => child.kill(name));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    }).finally(() => clearTimeout(timer));

    const parsed = parseLog(stdout);
    const exported = parseFileCommands(await readFile(files.env, 'utf8'));
    if (job) Object.assign(job.env, exported);
    const outputs = {
      ...parsed.legacyOutputs,
      ...parseFileCommands(await readFile(files.output, 'utf8')),
    };
    return {
      exitCode,
      timedOut,
      outputs,
      state: parseFileCommands(await readFile(files.state, 'utf8')),
      env: exported,
      summary: await readFile(files.summary, 'utf8'),
      annotations: parsed.annotations,
      log: parsed.lines.join('\n'),
      stdout,
      stderr,
      debug: parsed.debug,
      masks: parsed.masks,
      tempFiles: await readTree(temp),
      runnerTemp: temp,
      warnings,
      durationMs: Date.now() - started,
    };
  } finally {
    // The runner's own files and a workspace we made go; a caller's workspace stays.
    await rm(runnerDir, { recursive: true, force: true });
  }
}

async function readTree(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(root, full)] = await readFile(full, 'utf8');
  }
  return files;
}
