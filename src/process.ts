/**
 * The one way the action runs a program: an argv list without a shell (nothing read from the
 * outside world is ever parsed by one), a timeout that ends it (SIGTERM, then SIGKILL), and
 * output kept to a bound so a chatty command cannot fill memory. @actions/exec has neither a
 * timeout nor a bound, which is why git and the policy's commands both come through here.
 */
import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Ends the program after this long; the result says it timed out. */
  timeoutMs: number;
  /** Text written to the program's stdin (closed after it). */
  input?: string;
  /** Characters of stdout and of stderr kept (the end is kept: errors come last). */
  maxOutput?: number;
}

export interface RunResult {
  /** The exit code; undefined when a signal ended it or it never started. */
  code: number | undefined;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the program could not be started (not found, not executable). */
  startError?: string;
  elapsedMs: number;
}

const DEFAULT_MAX_OUTPUT = 1_000_000;
const KILL_GRACE_MS = 5_000;

export function runProgram(argv: readonly string[], options: RunOptions): Promise<RunResult> {
  const [file, ...args] = argv;
  const max = options.maxOutput ?? DEFAULT_MAX_OUTPUT;
  const started = Date.now();
  return new Promise((resolve) => {
    if (!file) {
      resolve({
        code: undefined,
        stdout: '',
        stderr: '',
        timedOut: false,
        startError: 'empty command',
        elapsedMs: 0,
      });
      return;
    }
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: false,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let startError: string | undefined;
    const keep = (so: string, chunk: Buffer): string => {
      const next = so + chunk.toString('utf8');
      return next.length > max ? next.slice(next.length - max) : next;
    };
    child.stdout.on('data', (chunk: Buffer) => (stdout = keep(stdout, chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = keep(stderr, chunk)));
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    }, options.timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      startError =
        error.code === 'ENOENT'
          ? `${file}: not found`
          : error.code === 'EACCES'
            ? `${file}: not executable`
            : error.message;
    });
    child.stdin.on('error', () => undefined); // a program that never reads its stdin
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => {
      clearTimeout(timer);
      if (killer) clearTimeout(killer);
      resolve({
        code: startError ? undefined : (code ?? undefined),
        stdout,
        stderr,
        timedOut,
        ...(startError ? { startError } : {}),
        elapsedMs: Date.now() - started,
      });
    });
  });
}

/** One line saying how a program ended, for logs and reports: never its whole output. */
export function describeExit(argv0: string, result: RunResult): string {
  if (result.startError) return result.startError;
  if (result.timedOut) return `${argv0}: timed out after ${(result.elapsedMs / 1000).toFixed(1)} s`;
  const last = lastLine(result.stderr) ?? lastLine(result.stdout);
  if (result.code === 0) return `${argv0}: done`;
  return `${argv0}: exit ${result.code ?? 'by signal'}${last ? `: ${last}` : ''}`;
}

function lastLine(text: string): string | undefined {
  const lines = text.split('\n').map((l) => l.trim());
  const line = lines.filter(Boolean).at(-1);
  return line && line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
