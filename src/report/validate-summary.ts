/** What validate checked, for people: warnings, the settings with their sources, the triggers. */
import { code, escapeText, markdownTable } from './markdown.js';
import type { SettingRow } from './settings.js';

/** A trigger as validate shows it: where it came from and what it judges. */
export interface ValidatedTrigger {
  name: string;
  /** `policy`, `preset`, `policy (replaces the preset)`, or `import file:line Kind name`. */
  from: string;
  /** `name: fails when ...`, as the guard's log says it. */
  description: string;
  /** What an imported trigger's fields became. */
  mapped: string[];
}

export interface ValidateSummaryInput {
  policyFile: string | undefined;
  /** Every warning: the configuration's, then validate's own. */
  warnings: readonly string[];
  settings: readonly SettingRow[];
  triggers: readonly ValidatedTrigger[];
  /** The channels a rollback notifies, one line each (validate's log says them the same). */
  notifications?: readonly string[];
  /** One line on the kubeconfig contexts. */
  contexts: string;
}

/** The job summary of validate. */
export function validateSummary(input: ValidateSummaryInput): string {
  const { warnings, triggers } = input;
  const policy = input.policyFile ? code(input.policyFile) : 'none (inputs and defaults only)';
  return [
    `## ${warnings.length ? '⚠️' : '✅'} rollback-action: configuration is valid\n\n`,
    `Policy file: ${policy}. Nothing was changed and no metric was read.\n\n`,
    warnings.length ? `${warnings.map((w) => `- ⚠️ ${escapeText(w)}`).join('\n')}\n\n` : '',
    markdownTable(
      ['Setting', 'Value', 'From'],
      input.settings.map((r) => [code(r.name), r.value, r.from]),
    ),
    '\n\n### Triggers that will be judged\n\n',
    triggers.length
      ? markdownTable(
          ['Trigger', 'When it fails, and what it reads', 'From'],
          triggers.map((t) => [
            code(t.name),
            t.description.replace(/^[^:]*: /, ''),
            [t.from, ...t.mapped].join('\n'),
          ]),
        )
      : 'None: a guard watches only the rollout of its targets.',
    input.notifications?.length
      ? `\n\n### Notifications of a rollback\n\n${input.notifications.map((n) => `- ${escapeText(n)}`).join('\n')}`
      : '',
    `\n\n${escapeText(input.contexts)}\n`,
  ].join('');
}
