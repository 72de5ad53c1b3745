/**
 * The one choke point for git. Every git command of the action comes through `Git.run`: an
 * argv without a shell (SHAs and paths come from event files and commits), a timeout, bounded
 * output, no prompt for credentials. The token is given to one command at a time, the way
 * actions/checkout does it (an `http.<server>/.extraheader`), so it is never in a remote URL,
 * never in git config on disk, and never in a log line.
 */
import { runProgram, type RunResult } from './process.js';

export interface GitRunOptions {
  /** Give the token to this command (fetch, push, ls-remote). */
  auth?: boolean;
  /** Return a non-zero exit instead of throwing GitError. */
  allowFail?: boolean;
  timeoutMs?: number;
  cwd?: string;
  /** Text for the command's stdin (a commit message with `-F -`, never an argument). */
  input?: string;
  /** Characters of stdout and stderr kept (runProgram keeps the end). */
  maxOutput?: number;
}

export interface Git {
  readonly cwd: string;
  run(args: readonly string[], options?: GitRunOptions): Promise<RunResult>;
}

export interface CreateGitOptions {
  cwd: string;
  token?: string;
  /** GITHUB_SERVER_URL: the server the extraheader is scoped to. */
  serverUrl?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  setSecret?: (secret: string) => void;
}

export const BOT_NAME = 'github-actions[bot]';
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';

const DEFAULT_TIMEOUT_MS = 120_000;
/** Commands that make commits: they get the bot's identity on the command line, not in config. */
const COMMITTING = new Set(['commit', 'revert', 'rebase', 'cherry-pick', 'merge']);

/** One line: `git <subcommand>: <the last line git wrote to stderr>`. */
export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    /** The command's arguments as given to run (the auth header is never among them). */
    readonly args: readonly string[],
    readonly code: number | undefined,
    /** The last line of stderr (or of stdout when stderr is empty). */
    readonly stderr: string,
  ) {
    super(
      `git ${subcommandOf(args) ?? ''}: ${stderr || (code === undefined ? 'ended' : `exit ${code}`)}`,
    );
  }
}

/** The git subcommand of an argv (`-c k=v` and `-C dir` before it skipped). */
export function subcommandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-c' || arg === '-C') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

export function createGit(options: CreateGitOptions): Git {
  const serverUrl = (options.serverUrl || 'https://github.com').replace(/\/+$/, '');
  const basic = options.token
    ? Buffer.from(`x-access-token:${options.token}`, 'utf8').toString('base64')
    : undefined;
  const secrets = [options.token, basic].filter((s): s is string => !!s);
  for (const secret of secrets) options.setSecret?.(secret);
  // Output is redacted too: GIT_TRACE in the user's env would print the config values.
  const redact = (text: string): string =>
    secrets.reduce((t, secret) => t.split(secret).join('***'), text);
  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
  };
  const key = `http.${serverUrl}/.extraheader`;

  return {
    cwd: options.cwd,
    async run(args, runOptions = {}) {
      const sub = subcommandOf(args);
      const prefix: string[] = [];
      // The header goes through the environment (GIT_CONFIG_COUNT), not the command line,
      // which other processes on a self-hosted runner can read in /proc.
      const base = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
      const auth: NodeJS.ProcessEnv =
        runOptions.auth && basic
          ? {
              GIT_CONFIG_COUNT: String(base + 2),
              // The empty value first clears a header actions/checkout persisted in .git/config:
              // two Authorization headers make the server refuse both.
              [`GIT_CONFIG_KEY_${base}`]: key,
              [`GIT_CONFIG_VALUE_${base}`]: '',
              [`GIT_CONFIG_KEY_${base + 1}`]: key,
              [`GIT_CONFIG_VALUE_${base + 1}`]: `AUTHORIZATION: basic ${basic}`,
            }
          : {};
      if (sub && COMMITTING.has(sub))
        prefix.push('-c', `user.name=${BOT_NAME}`, '-c', `user.email=${BOT_EMAIL}`);
      options.log?.(redact(`git ${args.join(' ')}`));
      const raw = await runProgram(['git', ...prefix, ...args], {
        cwd: runOptions.cwd ?? options.cwd,
        env: { ...env, ...auth },
        timeoutMs: runOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(runOptions.input !== undefined ? { input: runOptions.input } : {}),
        ...(runOptions.maxOutput !== undefined ? { maxOutput: runOptions.maxOutput } : {}),
      });
      const result: RunResult = { ...raw, stdout: redact(raw.stdout), stderr: redact(raw.stderr) };
      if (result.code !== 0 && !runOptions.allowFail) {
        const last = result.startError
          ? result.startError
          : result.timedOut
            ? `timed out after ${(result.elapsedMs / 1000).toFixed(1)} s`
            : (lastLine(result.stderr) ?? lastLine(result.stdout) ?? '');
        throw new GitError(args, result.code, last);
      }
      return result;
    },
  };
}

function lastLine(text: string): string | undefined {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
  return line && line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
