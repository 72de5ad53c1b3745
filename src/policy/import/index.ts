/**
 * The policy's `import:` as triggers. Each imported file's documents are read for what they
 * are: Argo Rollouts AnalysisTemplates, Flagger Canaries (with the MetricTemplates of every
 * imported file), Prometheus rule files. The triggers made get the same checks as a policy's
 * own (PromQL parsed offline, placeholders refused, conditions that make sense), each problem
 * at its place in the imported file. Pure: the files' text in, triggers and problems out.
 */
import { triggerProblems } from '../validate.js';
import { ARGO_KINDS, argoTriggers } from './argo.js';
import {
  dig,
  quote,
  readDocuments,
  text,
  type ImportContext,
  type ImportProblem,
  type ImportedTrigger,
  type YamlDocument,
} from './common.js';
import { flaggerTriggers, type MetricTemplate } from './flagger.js';
import { ruleGroupsPointer, ruleTriggers } from './rules.js';

export type { ImportProblem, ImportedTrigger } from './common.js';

/** One `import:` entry with its file's text (read by the loader). */
export interface ImportFile {
  /** Its index in `import:`. */
  entry: number;
  file: string;
  text: string;
  args: Record<string, string>;
}

export interface Imported {
  triggers: ImportedTrigger[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** Args an entry gives that none of its file's documents uses (a typo, most often). */
  unknownArgs: { entry: number; name: string; known: string[] }[];
}

const IMPORTABLE =
  'AnalysisTemplate or ClusterAnalysisTemplate (argoproj.io), Canary or MetricTemplate (flagger.app), a Prometheus rule file (groups:) or a PrometheusRule';

type Kind = 'argo' | 'canary' | 'metric-template' | 'rules';

function kindOf(value: unknown): Kind | undefined {
  const apiVersion = text(dig(value, 'apiVersion')) ?? '';
  const kind = dig(value, 'kind');
  if (apiVersion.startsWith('argoproj.io/') && ARGO_KINDS.includes(kind as never)) return 'argo';
  if (apiVersion.startsWith('flagger.app/') && kind === 'Canary') return 'canary';
  if (apiVersion.startsWith('flagger.app/') && kind === 'MetricTemplate') return 'metric-template';
  if (ruleGroupsPointer(value) !== undefined) return 'rules';
  return undefined;
}

export function importTriggers(
  files: readonly ImportFile[],
  guard: { intervalMs: number; intervalFrom: string },
): Imported {
  const problems: ImportProblem[] = [];
  const parsed: { file: ImportFile; document: YamlDocument; kind: Kind }[] = [];
  for (const file of files) {
    const documents = readDocuments(file.text, file.file);
    if (!Array.isArray(documents)) {
      problems.push(documents);
      continue;
    }
    if (documents.length === 0)
      problems.push({
        at: { file: file.file, line: 1, column: 1 },
        message: `import[${file.entry}]: the file holds no document to import (expected an ${IMPORTABLE})`,
      });
    // A manifest often keeps the Rollout or Canary's workload beside its analysis: other
    // Kubernetes objects in a file that holds something importable are passed over, said once.
    const importable = documents.some((d) => kindOf(d.value) !== undefined);
    for (const document of documents) {
      const kind = kindOf(document.value);
      if (kind) parsed.push({ file, document, kind });
      else if (importable && typeof dig(document.value, 'kind') === 'string')
        problems.push({
          at: document.at(''),
          level: 'warning',
          message: `${describeDocument(document)} passed over: only its analysis is imported`,
        });
      else
        problems.push({
          at: document.at(''),
          message: `${describeDocument(document)} cannot be imported: expected an ${IMPORTABLE}`,
        });
    }
  }

  const templates: MetricTemplate[] = parsed
    .filter((p) => p.kind === 'metric-template')
    .map(({ document }) => ({
      document,
      name: text(dig(document.value, 'metadata', 'name')) ?? '',
      namespace: text(dig(document.value, 'metadata', 'namespace')),
    }));
  const used = new Set<MetricTemplate>();
  const made: { trigger: ImportedTrigger; entry: string }[] = [];
  const known = new Map(files.map((f) => [f, new Set<string>()]));
  const madeBy = new Map<ImportFile, number>();
  for (const { file, document, kind } of parsed) {
    const context: ImportContext = {
      entry: `import[${file.entry}]`,
      args: file.args,
      knownArgs: known.get(file) ?? new Set(),
      ...guard,
    };
    const mapped =
      kind === 'argo'
        ? argoTriggers(document, context)
        : kind === 'canary'
          ? flaggerTriggers(document, templates, context, used)
          : kind === 'rules'
            ? ruleTriggers(document, ruleGroupsPointer(document.value) ?? '/groups', context)
            : { triggers: [], problems: [] };
    problems.push(...mapped.problems);
    made.push(...mapped.triggers.map((trigger) => ({ trigger, entry: context.entry })));
    madeBy.set(file, (madeBy.get(file) ?? 0) + mapped.triggers.length);
  }
  // A file that makes no trigger guards nothing: a guard over it would call every deploy
  // healthy. MetricTemplates are the exception: the Canary that uses them makes the triggers.
  for (const file of files) {
    const kinds = parsed.filter((p) => p.file === file).map((p) => p.kind);
    const failed = problems.some((p) => p.at.file === file.file && p.level !== 'warning');
    if (
      kinds.length &&
      !failed &&
      !madeBy.get(file) &&
      !kinds.every((k) => k === 'metric-template')
    )
      problems.push({
        at: { file: file.file, line: 1, column: 1 },
        message: `import[${file.entry}]: ${file.file} makes no trigger (nothing in it can be judged: no alerting rule, no metric to import), so a guard over it would call every deploy healthy`,
      });
  }
  for (const template of templates)
    if (!used.has(template))
      problems.push({
        at: template.document.at(''),
        level: 'warning',
        message: `MetricTemplate ${quote(template.name)} is used by no imported Canary metric: it adds no trigger`,
      });

  const triggers = uniqueNames(made, problems);
  // The checks every trigger of the policy gets, each at its place in the imported file.
  for (const found of triggerProblems(triggers.map((t) => t.trigger.spec))) {
    const made = triggers[found.index];
    if (!made) continue;
    const { trigger, entry } = made;
    // A column inside a query whose placeholders were filled is a column of the filled text.
    const filled =
      found.key.startsWith('/query') &&
      trigger.spec.query !== undefined &&
      trigger.mapped.some((m) => m.startsWith('args:') || m.startsWith('{{'))
        ? ` (the query as filled: ${trigger.spec.query})`
        : '';
    problems.push({
      at: found.key.startsWith('/query') ? trigger.queryAt : trigger.at,
      message: `${entry} ${quote(trigger.spec.name)}: ${found.message}${filled}`,
      ...(found.level ? { level: found.level } : {}),
    });
  }
  const unknownArgs = files.flatMap((file) => {
    const names = known.get(file) ?? new Set<string>();
    return Object.keys(file.args)
      .filter((name) => !names.has(name))
      .map((name) => ({ entry: file.entry, name, known: [...names] }));
  });
  return {
    triggers: triggers.map((t) => t.trigger),
    errors: problems.filter((p) => p.level !== 'warning'),
    warnings: problems.filter((p) => p.level === 'warning'),
    unknownArgs,
  };
}

/**
 * Imported triggers named alike (the same alert in two groups, one metric name in two
 * templates) are told apart by a suffix, and the user is told: names key the report.
 */
function uniqueNames<T extends { trigger: ImportedTrigger }>(
  made: readonly T[],
  problems: ImportProblem[],
): T[] {
  const taken = new Map<string, string>();
  return made.map((m) => {
    const { spec } = m.trigger;
    let name = spec.name;
    for (let n = 2; taken.has(name); n++) name = `${spec.name}-${n}`;
    if (name !== spec.name)
      problems.push({
        at: m.trigger.at,
        level: 'warning',
        message: `trigger name ${quote(spec.name)} is taken by ${taken.get(spec.name) ?? 'another import'}: this one is named ${quote(name)}`,
      });
    taken.set(name, spec.source);
    return name === spec.name ? m : { ...m, trigger: { ...m.trigger, spec: { ...spec, name } } };
  });
}

function describeDocument(document: YamlDocument): string {
  const kind = dig(document.value, 'kind');
  const apiVersion = dig(document.value, 'apiVersion');
  const n = `document ${document.index + 1}`;
  if (typeof kind === 'string')
    return `${n} (${typeof apiVersion === 'string' ? `${apiVersion} ` : ''}${kind})`;
  return n;
}
