/**
 * A Prometheus rule file (`groups: [...]`, or a PrometheusRule's `spec.groups`) into triggers:
 * each alerting rule becomes a `kind: alert` trigger (its `expr` the query, its `for` the
 * trigger's, its `labels.severity` a P0–P2 severity); recording rules are skipped. The file is
 * first checked as `promtool check rules` checks it. Pure.
 */
import type { Severity } from '../../constants.js';
import { formatDuration } from '../../duration.js';
import { DEFAULT_SEVERITY_MAP } from '../../metrics/alertmanager.js';
import { promqlProblem } from '../../metrics/promql-syntax.js';
import {
  dig,
  intervalNote,
  isMapping,
  plain,
  oneLine,
  placeOf,
  quote,
  type ImportContext,
  type ImportProblem,
  type ImportedTrigger,
  type Mapped,
  type YamlDocument,
} from './common.js';
import { plural } from '../../text.js';

/** A plain rule file, or a PrometheusRule (monitoring.coreos.com) holding one. */
export function ruleGroupsPointer(value: unknown): string | undefined {
  if (!isMapping(value)) return undefined;
  if (value.kind === 'PrometheusRule') return '/spec/groups';
  return value.kind === undefined && 'groups' in value ? '/groups' : undefined;
}

/** Prometheus's duration (model.ParseDuration): whole units from y to ms, largest first, or 0. */
const PROM_DURATION =
  /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNITS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1];

export function promDuration(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (value === '0') return 0;
  const match = PROM_DURATION.exec(value);
  if (!match) return undefined;
  return UNITS.reduce((total, unit, i) => total + Number(match[i + 1] ?? 0) * unit, 0);
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const GROUP_KEYS = new Set(['name', 'interval', 'limit', 'rules', 'query_offset', 'labels']);
const RULE_KEYS = new Set([
  'record',
  'alert',
  'expr',
  'for',
  'keep_firing_for',
  'labels',
  'annotations',
]);

/** A rule's `labels.severity` as this action's severity, as Alertmanager triggers map it. */
export function severityOf(label: string | undefined): { severity: Severity; known: boolean } {
  if (label === undefined) return { severity: 'P1', known: true };
  const mapped = DEFAULT_SEVERITY_MAP[label.trim().toLowerCase()];
  return mapped ? { severity: mapped, known: true } : { severity: 'P1', known: false };
}

/** Text with `{{` and `}}` that do not pair up, as Go's template parser refuses it. */
function unclosedTemplate(value: string): boolean {
  let open = false;
  for (let i = 0; i < value.length - 1; i++) {
    const two = value.slice(i, i + 2);
    if (two === '{{') {
      if (open) return true;
      open = true;
      i += 1;
    } else if (two === '}}' && open) {
      open = false;
      i += 1;
    }
  }
  return open;
}

/**
 * What `promtool check rules` would refuse in the file, each at its place: unknown keys,
 * empty or repeated group names, a rule with both or neither of alert and record, a missing
 * or unparsable expr, durations, label and annotation names and values, a recording rule's
 * name, `for` or annotations, and unclosed templates.
 */
export function checkRuleFile(document: YamlDocument, groupsPointer: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const problem = (pointer: string, message: string, preferKey = false): void => {
    problems.push({ at: document.at(pointer, preferKey), message });
  };
  const groups = dig(document.value, ...groupsPointer.split('/').slice(1));
  if (groups === undefined || groups === null) return problems;
  if (!Array.isArray(groups)) {
    problem(groupsPointer, 'groups must be a list of rule groups');
    return problems;
  }
  const names = new Set<string>();
  groups.forEach((group, g) => {
    const at = `${groupsPointer}/${g}`;
    if (!isMapping(group)) return problem(at, 'a rule group must be a mapping');
    for (const key of Object.keys(group))
      if (!GROUP_KEYS.has(key))
        problem(`${at}/${key}`, `unknown key ${quote(key)} in a rule group`, true);
    const name = group.name;
    if (typeof name !== 'string' || name === '')
      return problem(at, 'a rule group needs a name (promtool: Groupname must not be empty)');
    if (names.has(name)) problem(`${at}/name`, `group name ${quote(name)} is repeated in the file`);
    names.add(name);
    if (group.interval !== undefined && promDuration(group.interval) === undefined)
      problem(
        `${at}/interval`,
        `group ${quote(name)}: interval ${quote(group.interval)} is not a duration`,
      );
    const rules = group.rules ?? [];
    if (!Array.isArray(rules))
      return problem(`${at}/rules`, `group ${quote(name)}: rules must be a list`);
    rules.forEach((rule, r) => {
      const ruleAt = `${at}/rules/${r}`;
      const what = `group ${quote(name)}, rule ${r + 1}`;
      if (!isMapping(rule)) return problem(ruleAt, `${what}: a rule must be a mapping`);
      const { alert, record, expr } = rule;
      const label = typeof alert === 'string' ? alert : typeof record === 'string' ? record : '';
      const named = `${what}${label ? ` ${quote(label)}` : ''}`;
      for (const key of Object.keys(rule))
        if (!RULE_KEYS.has(key))
          problem(`${ruleAt}/${key}`, `${named}: unknown key ${quote(key)}`, true);
      if (alert !== undefined && record !== undefined)
        problem(ruleAt, `${named}: has both alert and record; a rule is one or the other`);
      else if ((alert ?? record) === undefined || label === '')
        problem(ruleAt, `${named}: needs alert (an alerting rule) or record (a recording rule)`);
      if (typeof expr !== 'string' || expr.trim() === '') problem(ruleAt, `${named}: has no expr`);
      else {
        const syntax = promqlProblem(expr);
        if (syntax) problem(`${ruleAt}/expr`, `${named}: expr ${syntax.message}`, true);
      }
      if (record !== undefined) {
        if (typeof record === 'string' && !METRIC_NAME.test(record))
          problem(`${ruleAt}/record`, `${named}: ${quote(record)} is not a metric name`);
        for (const key of ['for', 'keep_firing_for', 'annotations'])
          if (rule[key] !== undefined)
            problem(`${ruleAt}/${key}`, `${named}: a recording rule has no ${key}`, true);
      }
      for (const key of ['for', 'keep_firing_for'])
        if (rule[key] !== undefined && promDuration(rule[key]) === undefined)
          problem(`${ruleAt}/${key}`, `${named}: ${key} ${quote(rule[key])} is not a duration`);
      for (const key of ['labels', 'annotations']) {
        const map = rule[key];
        if (map === undefined || map === null) continue;
        if (!isMapping(map)) {
          problem(`${ruleAt}/${key}`, `${named}: ${key} must be a mapping of names to strings`);
          continue;
        }
        for (const [k, v] of Object.entries(map)) {
          if (!LABEL_NAME.test(k))
            problem(
              `${ruleAt}/${key}/${k}`,
              `${named}: ${quote(k)} is not a valid ${key === 'labels' ? 'label' : 'annotation'} name`,
              true,
            );
          if (typeof v === 'object' && v !== null)
            problem(
              `${ruleAt}/${key}/${k}`,
              `${named}: ${key}.${k} must be a string, not a ${Array.isArray(v) ? 'list' : 'mapping'}`,
            );
          else if (typeof v === 'string' && unclosedTemplate(v))
            problem(
              `${ruleAt}/${key}/${k}`,
              `${named}: ${key}.${k} has a template that is not closed ({{ without }})`,
            );
        }
      }
    });
  });
  return problems;
}

/** The alerting rules of a checked rule file as `kind: alert` triggers. */
export function ruleTriggers(
  document: YamlDocument,
  groupsPointer: string,
  context: ImportContext,
): Mapped {
  const problems = checkRuleFile(document, groupsPointer);
  const triggers: ImportedTrigger[] = [];
  if (problems.length) return { triggers, problems };
  const groups = dig(document.value, ...groupsPointer.split('/').slice(1));
  const skipped: string[] = [];
  (Array.isArray(groups) ? groups : []).forEach((group: Record<string, unknown>, g) => {
    const groupName = String(group.name);
    const at = `${groupsPointer}/${g}`;
    const differs = intervalNote(
      `rule group ${quote(groupName)} (interval ${plain(group.interval)})`,
      promDuration(group.interval),
      context,
    );
    if (differs)
      problems.push({ at: document.at(`${at}/interval`), level: 'warning', message: differs });
    const rules = (group.rules ?? []) as Record<string, unknown>[];
    rules.forEach((rule, r) => {
      const ruleAt = `${at}/rules/${r}`;
      if (typeof rule.record === 'string') return void skipped.push(rule.record);
      const name = String(rule.alert);
      const mapped: string[] = ['alert → kind: alert (fails while expr returns series)'];
      const forMs = promDuration(rule.for) ?? 0;
      if (forMs > 0) mapped.push(`for ${plain(rule.for)} → for ${formatDuration(forMs)}`);
      if (rule.keep_firing_for !== undefined)
        mapped.push(
          `keep_firing_for ${plain(rule.keep_firing_for)} not mapped: a trigger passes as soon as its expr returns nothing`,
        );
      const label = dig(rule, 'labels', 'severity');
      const severityLabel = label === undefined || label === null ? undefined : plain(label);
      const { severity, known } = severityOf(severityLabel);
      mapped.push(
        severityLabel === undefined
          ? `no labels.severity → ${severity}`
          : `labels.severity ${severityLabel} → ${severity}`,
      );
      if (!known)
        problems.push({
          at: document.at(`${ruleAt}/labels/severity`),
          level: 'warning',
          message: `alert ${quote(name)}: severity ${quote(severityLabel)} is not one this action knows (critical/page → P0, warning → P1, info → P2): judged as ${severity}`,
        });
      const place = document.at(ruleAt);
      triggers.push({
        spec: {
          name,
          provider: 'prometheus',
          kind: 'alert',
          query: oneLine(String(rule.expr)),
          ...(forMs > 0 ? { for: formatDuration(forMs) } : {}),
          severity,
          source: `import ${placeOf(place)} alert ${name} (group ${groupName})`,
        },
        at: place,
        queryAt: document.at(`${ruleAt}/expr`, true),
        mapped,
      });
    });
  });
  if (skipped.length)
    problems.push({
      at: document.at(groupsPointer),
      level: 'warning',
      message: `${plural(skipped.length, 'recording rule')} skipped (${skipped.slice(0, 3).join(', ')}${skipped.length > 3 ? ', ...' : ''}): only alerting rules become triggers`,
    });
  return { triggers, problems };
}
