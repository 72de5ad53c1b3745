/**
 * The policy's command steps (Helm, Compose, Terraform, a CDN purge): each an argv run without
 * a shell through runProgram, with the facts the action established in its environment
 * (ROLLBACK_*), a timeout, and a check that must pass before the step counts as done. Facts
 * travel only as environment variables, never spliced into the argv: a reason or a SHA read
 * from outside cannot become code, even when the step itself is `sh -c '... "$ROLLBACK_REASON"'`.
 */
import { parseDuration } from '../duration.js';
import { describeExit, runProgram, type RunResult } from '../process.js';
import type { CommandStepSpec } from '../policy/types.js';

export interface CommandFacts {
  previousSha?: string;
  deployedSha?: string;
  verdict: string;
  reason?: string;
  targets: {
    context: string;
    namespace: string;
    kind: string;
    name: string;
    revision?: number;
    images: Record<string, string>;
  }[];
}

export interface StepResult {
  name: string;
  outcome: 'done' | 'planned' | 'failed';
  detail: string;
  elapsedMs: number;
  check?: { outcome: 'passed' | 'failed'; detail: string };
}

export const DEFAULT_STEP_TIMEOUT_MS = 5 * 60_000;
/** Output lines of a program shown in the log: the end, where errors are. */
export const OUTPUT_TAIL_LINES = 50;
const MAX_LINE = 500;
/** Per stream: enough for the last 50 lines, small enough for a chatty program. */
const MAX_OUTPUT = 256 * 1024;

/** The names commandEnv owns: inherited or policy values of these are dropped, never passed on. */
const FACT_NAME =
  /^ROLLBACK_(?:PREVIOUS_SHA|DEPLOYED_SHA|VERDICT|REASON|REVISION|TARGETS|PREVIOUS_IMAGE(?:_\w*)?)$/;

/** True for the names the action sets from its facts (a policy's own value would be overridden). */
export function isFactName(name: string): boolean {
  return FACT_NAME.test(name);
}

/** `api` + `web-server` → `API_WEB_SERVER`. */
function upperSnake(text: string): string {
  return text
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/**
 * The environment a step sees, pure. Only what is known is set: an unknown SHA is absent, not
 * empty, so `${ROLLBACK_PREVIOUS_SHA:?}` in a script fails loudly. A per-container name shared
 * by two targets with different images (the same Deployment in two regions, at different
 * releases) is left out: a step must not get one region's image for the other's.
 */
export function commandEnv(facts: CommandFacts): Record<string, string> {
  const env: Record<string, string> = { ROLLBACK_VERDICT: facts.verdict };
  if (facts.previousSha) env.ROLLBACK_PREVIOUS_SHA = facts.previousSha;
  if (facts.deployedSha) env.ROLLBACK_DEPLOYED_SHA = facts.deployedSha;
  if (facts.reason) env.ROLLBACK_REASON = facts.reason;
  const first = facts.targets[0];
  if (first?.revision !== undefined) env.ROLLBACK_REVISION = String(first.revision);
  const firstImage = first ? Object.values(first.images)[0] : undefined;
  if (firstImage) env.ROLLBACK_PREVIOUS_IMAGE = firstImage;
  const images = new Map<string, string | undefined>();
  for (const target of facts.targets)
    for (const [container, image] of Object.entries(target.images)) {
      const suffix = upperSnake(`${target.name}_${container}`);
      if (!suffix || !image) continue;
      const key = `ROLLBACK_PREVIOUS_IMAGE_${suffix}`;
      images.set(key, images.has(key) && images.get(key) !== image ? undefined : image);
    }
  for (const [key, image] of images) if (image !== undefined) env[key] = image;
  if (facts.targets.length) env.ROLLBACK_TARGETS = JSON.stringify(facts.targets);
  return env;
}

/** An argv as a person would type it, for logs only (it is never given to a shell). */
export function quoteArgv(argv: readonly string[]): string {
  return argv
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

/** The last lines of a program's output, each cut, for the log. */
export function outputTail(result: RunResult, max = OUTPUT_TAIL_LINES): string[] {
  const lines = [result.stdout, result.stderr]
    .flatMap((text) => text.split('\n'))
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line));
  if (lines.length <= max) return lines;
  return [`(${lines.length - max} earlier lines not shown)`, ...lines.slice(-max)];
}

/**
 * The inherited environment, the step's `env`, then the facts, last: what the action found is
 * the truth the report states, and a policy value (or a stale ROLLBACK_* of the job) must not
 * make a step act on another SHA than the one reported. Owned names are dropped from the
 * first two so an unknown fact stays absent.
 */
export function stepEnv(
  inherited: NodeJS.ProcessEnv,
  own: Record<string, string> | undefined,
  facts: CommandFacts,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries({ ...inherited, ...own }))
    if (!isFactName(name)) env[name] = value;
  return { ...env, ...commandEnv(facts) };
}

function timeoutOf(text: string | undefined, fallback: number): number {
  return (text === undefined ? undefined : parseDuration(text)) ?? fallback;
}

export async function runCommandStep(
  step: CommandStepSpec,
  options: {
    env: NodeJS.ProcessEnv;
    cwd: string;
    facts: CommandFacts;
    dryRun: boolean;
    log: (line: string) => void;
    defaultTimeoutMs?: number;
  },
): Promise<StepResult> {
  const { log } = options;
  const name = step.name;
  const fallback = options.defaultTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const env = stepEnv(options.env, step.env, options.facts);
  if (options.dryRun) {
    log(`step '${name}': would run ${quoteArgv(step.run)}`);
    if (step.check) log(`step '${name}': then check ${quoteArgv(step.check.run)}`);
    for (const [key, value] of Object.entries(commandEnv(options.facts)))
      log(`  ${key}=${quoteArgv([value])}`);
    return { name, outcome: 'planned', detail: `would run ${quoteArgv(step.run)}`, elapsedMs: 0 };
  }
  const started = Date.now();
  const run = async (argv: readonly string[], timeoutMs: number): Promise<RunResult> => {
    log(`step '${name}': ${quoteArgv(argv)}`);
    const result = await runProgram(argv, {
      env,
      cwd: options.cwd,
      timeoutMs,
      maxOutput: MAX_OUTPUT,
    });
    for (const line of outputTail(result)) log(`  ${line}`);
    return result;
  };
  const argv0 = step.run[0] ?? '';
  const result = await run(step.run, timeoutOf(step.timeout, fallback));
  const exit = describeExit(argv0, result);
  if (result.code !== 0) {
    log(`step '${name}' failed: ${exit}`);
    return { name, outcome: 'failed', detail: exit, elapsedMs: Date.now() - started };
  }
  if (!step.check) {
    log(`step '${name}' done`);
    return { name, outcome: 'done', detail: exit, elapsedMs: Date.now() - started };
  }
  const checked = await run(step.check.run, timeoutOf(step.check.timeout, fallback));
  const checkExit = describeExit(step.check.run[0] ?? '', checked);
  const passed = checked.code === 0;
  log(`step '${name}' ${passed ? 'done, check passed' : `failed: its check: ${checkExit}`}`);
  return {
    name,
    outcome: passed ? 'done' : 'failed',
    detail: passed ? exit : `the command ran, but its check failed: ${checkExit}`,
    elapsedMs: Date.now() - started,
    check: { outcome: passed ? 'passed' : 'failed', detail: checkExit },
  };
}
