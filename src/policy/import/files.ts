/**
 * The I/O of `import:`: each file read through the bounded reader, from inside the workspace
 * only, then handed to the pure importers; their triggers joined with the policy's own (which
 * win a name clash, as over the preset). Every problem is one line at its place.
 */
import * as path from 'node:path';
import { readFileBounded, TooLargeError } from '../../bounded.js';
import { DEFAULTS } from '../../config.js';
import { parseDuration } from '../../duration.js';
import { UserError, UserErrors, quote, type SourceLocation } from '../../errors.js';
import { formatBytes, LIMITS } from '../../limits.js';
import { didYouMean } from '../../suggest.js';
import { placeInWorkspace } from '../inside.js';
import { locateNodes } from '../locate.js';
import { runbookTriggers } from '../presets.js';
import type { ImportedTriggerSpec, Policy } from '../types.js';
import { importTriggers, type ImportFile, type ImportProblem } from './index.js';

/** At most this many triggers in all, as for the policy's own. */
const MAX_TRIGGERS = 100;

export interface LoadedImports {
  imported: ImportedTriggerSpec[];
  warnings: UserError[];
}

/**
 * Reads and maps the policy's imports. Throws UserErrors, one per problem, when any file is
 * missing, outside the workspace, or holds something that cannot be imported.
 */
export function loadImports(
  workspace: string,
  policyFile: string,
  policyText: string,
  policy: Policy,
  intervalInputMs?: number,
): LoadedImports {
  const entries = policy.import ?? [];
  if (entries.length === 0) return { imported: [], warnings: [] };
  const positions = locateNodes(policyText);
  const inPolicy = (pointer: string): SourceLocation => {
    const p = positions.get(pointer) ?? { line: 1, column: 1 };
    return { file: policyFile, line: p.line, column: p.column };
  };
  const errors: UserError[] = [];
  const files: ImportFile[] = [];
  entries.forEach((entry, i) => {
    const at = inPolicy(`/import/${i}/file`);
    const fail = (message: string): void => {
      errors.push(lineError(at, `import[${i}].file: ${message}`));
    };
    const read = readInside(workspace, entry.file);
    if (typeof read !== 'string') return fail(read.why);
    files.push({
      entry: i,
      file: path.normalize(entry.file),
      text: read,
      args: Object.fromEntries(Object.entries(entry.args ?? {}).map(([k, v]) => [k, String(v)])),
    });
  });
  // Files that cannot be read are reported with what is wrong in those that can: every
  // problem at once, not one file per run.
  const intervalText = policy.watch?.interval;
  const policyInterval = intervalText === undefined ? undefined : parseDuration(intervalText);
  const guard =
    intervalInputMs !== undefined
      ? { intervalMs: intervalInputMs, intervalFrom: "input 'interval'" }
      : policyInterval !== undefined
        ? { intervalMs: policyInterval, intervalFrom: `${policyFile} watch.interval` }
        : {
            intervalMs: DEFAULTS.intervalMs,
            intervalFrom: 'the default interval',
          };
  const result = importTriggers(files, guard);
  const order = files.map((f) => f.file);
  for (const { entry, name, known } of result.unknownArgs)
    errors.push(
      lineError(
        inPolicy(`/import/${entry}/args/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`),
        `import[${entry}].args.${name}: no document of ${quote(entries[entry]?.file ?? '')} uses an arg ${quote(name)}${didYouMean(name, known) || (known.length ? `; it takes ${known.join(', ')}` : '; it takes none')}`,
      ),
    );
  if (errors.length || result.errors.length)
    throw new UserErrors([...errors, ...inOrder(result.errors, order).map(problemError)]);
  const warnings = inOrder(result.warnings, order).map(problemError);

  // The policy's own trigger of the same name wins, as it does over the preset.
  const own = new Map((policy.triggers ?? []).map((t, i) => [t.name, i]));
  const imported: ImportedTriggerSpec[] = [];
  const presetNames = new Set(
    policy.preset === 'runbook' ? runbookTriggers(policy.metrics?.selector).map((t) => t.name) : [],
  );
  for (const trigger of result.triggers) {
    const replacedBy = own.get(trigger.spec.name);
    if (replacedBy !== undefined) {
      const at = inPolicy(`/triggers/${replacedBy}/name`);
      warnings.push(
        problemError({
          at: trigger.at,
          message: `imported trigger ${quote(trigger.spec.name)} is replaced by the policy's own trigger of that name (${at.file}:${at.line})`,
        }),
      );
      continue;
    }
    if (presetNames.has(trigger.spec.name))
      warnings.push(
        problemError({
          at: trigger.at,
          level: 'warning',
          message: `imported trigger ${quote(trigger.spec.name)} replaces the runbook preset's trigger of that name`,
        }),
      );
    imported.push({ ...trigger.spec, mapped: trigger.mapped });
  }
  const total = imported.length + (policy.triggers?.length ?? 0);
  if (total > MAX_TRIGGERS)
    throw new UserErrors([
      lineError(
        inPolicy('/import'),
        `import: ${imported.length} imported triggers and ${policy.triggers?.length ?? 0} of the policy's own make ${total}; at most ${MAX_TRIGGERS} are allowed`,
      ),
    ]);
  return { imported, warnings };
}

/** A file's text when it is a readable file inside the workspace, or why not. */
function readInside(workspace: string, file: string): string | { why: string } {
  const place = placeInWorkspace(workspace, file);
  if ('outside' in place)
    return {
      why:
        place.outside === 'link'
          ? `${quote(file)} is a link that leads outside the workspace`
          : `${quote(file)} is outside the workspace; import reads files of the repository, given relative to it`,
    };
  try {
    return readFileBounded(place.path, LIMITS.importFile);
  } catch (error) {
    if (error instanceof TooLargeError)
      return {
        why: `${quote(file)} is larger than ${formatBytes(error.limit)}; an imported file is a few KiB`,
      };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { why: `file not found: ${quote(file)}` };
    if (code === 'EISDIR') return { why: `${quote(file)} is a directory, not a file` };
    return { why: `cannot read ${quote(file)} (${code ?? 'error'})` };
  }
}

function lineError(at: SourceLocation, message: string): UserError {
  return new UserError(`${at.file}:${at.line}:${at.column}: ${message}`, at);
}

function problemError(problem: ImportProblem): UserError {
  return lineError(problem.at, problem.message);
}

/** Problems in the order of the imports, then of their lines. */
function inOrder(problems: ImportProblem[], files: string[]): ImportProblem[] {
  return [...problems].sort(
    (a, b) =>
      files.indexOf(a.at.file) - files.indexOf(b.at.file) ||
      a.at.line - b.at.line ||
      a.at.column - b.at.column,
  );
}
