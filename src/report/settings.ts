import type { Config, Sourced } from '../config.js';
import { formatDuration } from '../duration.js';
import { formatRevisionSpec } from '../revision.js';
import { formatTarget } from '../targets.js';
import { redactUrl } from '../url.js';

export interface SettingRow {
  name: string;
  value: string;
  from: Sourced<unknown>['from'];
}

/** The resolved settings as rows for people: durations and targets in the words users type. */
export function settingRows(config: Config): SettingRow[] {
  const row = <T>(name: string, sourced: Sourced<T>, show: (value: T) => string): SettingRow => ({
    name,
    value: show(sourced.value),
    from: sourced.from,
  });
  return [
    row('targets', config.targets, (v) => (v.length ? v.map(formatTarget).join(', ') : '(none)')),
    row('namespace', config.namespace, (v) => v ?? "(the kubeconfig context's)"),
    row('contexts', config.contexts, (v) => (v.length ? v.join(', ') : '(current context)')),
    row('prometheus-url', config.prometheusUrl, (v) => (v ? redactUrl(v) : '(none)')),
    row('alertmanager-url', config.alertmanagerUrl, (v) => (v ? redactUrl(v) : '(none)')),
    row('window', config.windowMs, formatDuration),
    row('interval', config.intervalMs, formatDuration),
    row('no-data', config.noData, String),
    row('inconclusive', config.inconclusive, String),
    row('strategy', config.strategy, String),
    row('to-revision', config.toRevision, formatRevisionSpec),
    row('approval', config.approval, String),
    { name: 'dry-run', value: String(config.dryRun), from: config.dryRun ? 'input' : 'default' },
    {
      name: 'reason',
      value: config.reason ?? '(none)',
      from: config.reason === undefined ? 'default' : 'input',
    },
  ];
}
