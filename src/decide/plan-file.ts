/**
 * The `plan` input: the plan a guard made when approval was required, handed to `mode:
 * rollback` in a job a person approved. It is read strictly: an action of an unknown kind, a
 * stage without actions or a plan of another version is refused before anything is done.
 */
import { readFileBounded, TooLargeError } from '../bounded.js';
import { UserError, quote } from '../errors.js';
import { formatBytes, LIMITS } from '../limits.js';
import { parseErrorLine } from '../parse-error.js';
import type { ActionKind, Plan } from './plan.js';

const isFullSha = (value: unknown): boolean =>
  typeof value === 'string' && /^[0-9a-f]{40}$/.test(value);

const KINDS: readonly ActionKind[] = [
  'feature-flag',
  'migration-down',
  'kubernetes',
  'git-revert',
  'command',
];

const problem = (why: string): UserError =>
  new UserError(`input 'plan': ${why}; pass the 'plan' output of a guard step unchanged`);

export function readPlan(value: string): Plan {
  const file = /^\s*[{[]/.test(value) ? undefined : value.trim();
  let text = value;
  if (file !== undefined) {
    try {
      text = readFileBounded(file, LIMITS.snapshotFile);
    } catch (error) {
      if (error instanceof TooLargeError)
        throw problem(`${quote(file)} is larger than ${formatBytes(error.limit)}`);
      throw new UserError(`input 'plan': neither JSON nor a readable file: ${quote(file)}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw problem(`not JSON (${parseErrorLine(error)})`);
  }
  return checkPlan(parsed);
}

/** The plan's shape, checked where a wrong value would do something else than was approved. */
export function checkPlan(value: unknown): Plan {
  const plan = value as Partial<Plan> | null;
  if (plan === null || typeof plan !== 'object' || Array.isArray(plan))
    throw problem('not a rollback plan (expected an object)');
  if (plan.version !== 1)
    throw problem(`version ${quote(plan.version)}; this release reads version 1`);
  if (!Array.isArray(plan.stages)) throw problem('no stages');
  // Read as unknown: the input is whatever a person pasted, whatever the type says.
  (plan.stages as unknown[]).forEach((value, i) => {
    const stage = value as { name?: unknown; why?: unknown; actions?: unknown } | null;
    if (
      !stage ||
      typeof stage.name !== 'string' ||
      typeof stage.why !== 'string' ||
      !Array.isArray(stage.actions) ||
      !stage.actions.length
    )
      throw problem(`stage ${i + 1} has no name, no why or no actions`);
    for (const item of stage.actions as unknown[]) {
      const action = item as {
        kind?: unknown;
        targets?: unknown;
        revert?: { base?: unknown };
      } | null;
      const kind = action?.kind;
      if (!KINDS.includes(kind as ActionKind))
        throw problem(`stage ${quote(stage.name)}: unknown action ${quote(kind)}`);
      if (kind === 'kubernetes' && !Array.isArray(action?.targets))
        throw problem(`stage ${quote(stage.name)}: a kubernetes action without targets`);
      if (kind === 'git-revert' && !isFullSha(action?.revert?.base))
        throw problem(`stage ${quote(stage.name)}: a git revert without a base commit`);
    }
  });
  // What flags, steps and the down-migration run travels with the plan: each must be there.
  const specs = (plan as { specs?: { flags?: unknown; steps?: unknown; 'down-command'?: unknown } })
    .specs;
  const named = (list: unknown): string[] =>
    Array.isArray(list)
      ? list.flatMap((x) =>
          typeof (x as { name?: unknown }).name === 'string' ? [(x as { name: string }).name] : [],
        )
      : [];
  const flags = named(specs?.flags);
  const steps = named(specs?.steps);
  for (const stage of plan.stages)
    for (const action of stage.actions) {
      for (const flag of action.flags ?? [])
        if (!flags.includes(flag))
          throw problem(`flag ${quote(flag)} is named but the plan does not carry it`);
      for (const step of action.steps ?? [])
        if (!steps.includes(step))
          throw problem(`step ${quote(step)} is named but the plan does not carry it`);
      if (action.kind === 'migration-down' && !Array.isArray(specs?.['down-command']))
        throw problem('a down-migration is named but the plan does not carry its command');
    }
  return {
    reasons: [],
    'left-alone': [],
    advice: [],
    triggers: [],
    ...plan,
  } as Plan;
}
