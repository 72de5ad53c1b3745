/**
 * What the importers share: an imported file's YAML documents with the place of every node
 * (for `file:line:column` in messages), the shape of their answers, and small readers of
 * untyped YAML. Pure: text in, documents out.
 */
import { YAMLException, loadAll } from 'js-yaml';
import { formatDuration } from '../../duration.js';
import { quote, type SourceLocation } from '../../errors.js';
import { locateDocuments } from '../locate.js';
import type { TriggerSpec } from '../types.js';
import { aliasProblem } from '../validate.js';

export interface YamlDocument {
  /** The file as the policy names it. */
  file: string;
  /** 0-based index of the document in its file. */
  index: number;
  value: unknown;
  /** Where the node at a JSON Pointer starts (its key when `preferKey`). */
  at(pointer: string, preferKey?: boolean): SourceLocation;
}

/** One thing wrong (or worth a look, a warning) in an imported file, at its place. */
export interface ImportProblem {
  at: SourceLocation;
  message: string;
  level?: 'warning';
}

/** A trigger made from an imported file, and where and how it was made. */
export interface ImportedTrigger {
  /** Its `source` says where it came from: `import file:line Kind name`. */
  spec: TriggerSpec & { source: string };
  /** The metric's (or rule's) place, and its query's. */
  at: SourceLocation;
  queryAt: SourceLocation;
  /** What was read into which key, for `validate` to show: `successCondition ... → below 0.95`. */
  mapped: string[];
}

export interface Mapped {
  triggers: ImportedTrigger[];
  problems: ImportProblem[];
}

/** What an importer knows of the import entry and the guard it feeds. */
export interface ImportContext {
  /** `import[N]`, for messages that point back at the policy. */
  entry: string;
  /** Values from the entry's `args`. */
  args: Record<string, string>;
  /** The args the file's documents can use: mappers add what they declare or fill. */
  knownArgs: Set<string>;
  /** The guard's poll interval, and where it is set, to compare the tools' intervals with. */
  intervalMs: number;
  intervalFrom: string;
}

export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path of keys, or undefined where the path leaves the mappings. */
export function dig(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => (isMapping(node) ? node[key] : undefined), value);
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A scalar of YAML as written (`5m`, `3`), anything else as JSON. */
export function plain(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

/** `file:line`, how a source names a place. */
export function placeOf(at: SourceLocation): string {
  return `${at.file}:${at.line}`;
}

/** The documents of an imported file, or why it is not YAML (at its place). */
export function readDocuments(source: string, file: string): YamlDocument[] | ImportProblem {
  let values: unknown[];
  try {
    values = loadAll(source, { filename: file, maxAliases: 100 });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const mark = error.mark;
    return {
      at: { file, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 },
      message: `invalid YAML: ${error.reason}`,
    };
  }
  const positions = locateDocuments(source);
  const documents: YamlDocument[] = [];
  for (const [index, value] of values.entries()) {
    const shape = aliasProblem(value, 'the document');
    if (shape) return { at: { file, line: 1, column: 1 }, message: shape };
    // `---` with nothing after it is no document, as kubectl reads it.
    if (value === null || value === undefined) continue;
    const map = positions[index];
    documents.push({
      file,
      index,
      value,
      at(pointer, preferKey = false) {
        // The nearest enclosing node that has a place: a default value has none of its own.
        let p = pointer;
        for (;;) {
          const found = map?.get(p);
          if (found) {
            const line = preferKey ? (found.keyLine ?? found.line) : found.line;
            const column = preferKey ? (found.keyColumn ?? found.column) : found.column;
            return { file, line, column };
          }
          if (p === '') return { file, line: 1, column: 1 };
          p = p.slice(0, p.lastIndexOf('/'));
        }
      },
    });
  }
  return documents;
}

/**
 * A duration as Prometheus, Argo Rollouts and Flagger write it (Go and Prometheus forms:
 * `30s`, `1m30s`, `500ms`, `1h`, `1d`, `1w`, `1y`; `0`), in milliseconds, or undefined.
 */
export function toolDuration(value: unknown): number | undefined {
  if (typeof value === 'number' && value === 0) return 0;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed === '0') return 0;
  if (!/^(?:\d+(?:\.\d+)?(?:ms|us|µs|ns|s|m|h|d|w|y))+$/.test(trimmed)) return undefined;
  const unit: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1_000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 7 * 86_400_000,
    y: 365 * 86_400_000,
  };
  let total = 0;
  for (const [, amount, u] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|s|m|h|d|w|y)/g))
    total += Number(amount) * (unit[u ?? 's'] ?? 0);
  return Math.round(total);
}

/** A warning when a tool measured at another interval than this guard polls at. */
export function intervalNote(
  tool: string,
  intervalMs: number | undefined,
  context: ImportContext,
): string | undefined {
  if (intervalMs === undefined || intervalMs === context.intervalMs) return undefined;
  return `${tool} measures every ${formatDuration(intervalMs)}; this guard polls every ${formatDuration(context.intervalMs)} (${context.intervalFrom}), one interval for all triggers`;
}

/**
 * A query written over several lines (a YAML block) on one line, as the log, summary and
 * report show a trigger's query: whitespace outside string literals collapsed, none just
 * inside brackets, comments (`#` to the end of a line) dropped. Strings are kept as written.
 */
export function oneLine(query: string): string {
  let out = '';
  let quoteChar: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const c = query.charAt(i);
    if (quoteChar) {
      out += c;
      if (c === '\\' && quoteChar !== '`') out += query.charAt(++i);
      else if (c === quoteChar) quoteChar = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quoteChar = c;
      out += c;
    } else if (c === '#') {
      while (i + 1 < query.length && query.charAt(i + 1) !== '\n') i++;
    } else if (/\s/.test(c)) {
      if (out !== '' && !out.endsWith(' ') && !/[({[]$/.test(out)) out += ' ';
    } else {
      if (/[)}\],]/.test(c) && out.endsWith(' ')) out = out.slice(0, -1);
      out += c;
    }
  }
  return out.trim();
}

export { quote };
