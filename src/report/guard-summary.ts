/**
 * What a guard leaves for people: the job summary (verdict, evidence, what was run, the
 * rollout, the rollback, the ledger) and each trigger's evidence for the report. Pure.
 */
import type { RolloutOutcome } from '../analysis/rollout.js';
import { shownValue } from '../analysis/series.js';
import type { Observation, TriggerState } from '../analysis/triggers.js';
import type { Verdict } from '../constants.js';
import type { LedgerRecord } from '../kube/ledger.js';
import type { SeriesValue } from '../metrics/provider.js';
import type { TargetResult } from '../rollback/kubernetes.js';
import { formatTimestamp } from '../time.js';
import { EVIDENCE_HEADERS, evidenceRows, uncountedAlerts, uncountedLines } from './evidence.js';
import { code, escapeText, markdownTable } from './markdown.js';
import { mermaidChart } from './chart.js';
import { rollbackTable } from './rollback.js';
import type { AlertReport, TriggerReport } from './types.js';

/** The alerts each alert trigger saw and did not count, one line per kind. */
export function notCounted(
  observations: Readonly<Record<string, readonly Observation[]>>,
): string[] {
  return Object.entries(observations).flatMap(([name, series]) => {
    const alerts = uncountedAlerts(series);
    return alerts ? uncountedLines(name, alerts) : [];
  });
}

/** A trigger's evidence for the report: its last state and every observation. */
export function evidenceOf(state: TriggerState, series: readonly Observation[]): TriggerReport {
  return {
    name: state.name,
    severity: state.severity,
    status: state.status,
    value: state.value ?? null,
    threshold: state.threshold ?? null,
    baseline: state.baseline ?? null,
    'fast-failed': state.fastFailed,
    // Passing, but over its threshold for part of its `for` already: how far along.
    breaching: state.breaching ?? null,
    // The query as it was run at the last poll, when its ranges were cut.
    'query-as-run': series.findLast((o) => o.query !== undefined)?.query ?? null,
    // Several series: the one this row describes (which pod), and how many there were.
    'series-labels': state.seriesLabels ?? null,
    'series-count': state.seriesCount ?? null,
    // Alert triggers: the alerts of the last poll that were not counted, and why.
    ...alertEvidence(series),
    detail: state.detail,
    series: series.map((o) => [
      formatTimestamp(o.at),
      shownValue(o) ?? null,
      ...(o.reason ? [o.reason] : []),
    ]),
  };
}

function alertEvidence(
  series: readonly Observation[],
): Pick<TriggerReport, 'alerts-firing' | 'alerts-preexisting' | 'alerts-ignored'> {
  const alerts = uncountedAlerts(series);
  if (!alerts) return {};
  const record = (a: SeriesValue): AlertReport => ({
    labels: a.labels,
    since: a.since === undefined ? null : formatTimestamp(a.since),
  });
  return {
    'alerts-firing': (series.at(-1)?.series ?? []).map(record),
    'alerts-preexisting': alerts.preexisting.map(record),
    'alerts-ignored': alerts.ignored.map(record),
  };
}

const VERDICT_ICON: Record<Verdict, string> = {
  healthy: '✅',
  'rolled-back': '↩️',
  'rollback-recommended': '⚠️',
  'rollback-failed': '❌',
  inconclusive: '❔',
};

export interface GuardSummary {
  verdict: Verdict;
  severity: string | undefined;
  headline: string;
  states: readonly TriggerState[];
  observations: Readonly<Record<string, readonly Observation[]>>;
  rollout: readonly RolloutOutcome[];
  rollback: readonly TargetResult[] | undefined;
  ledger: readonly LedgerRecord[] | undefined;
  /** The charts' time origin. */
  deployedAt?: number;
  /** The signal that cancelled the run before it judged anything. */
  cancelled?: string;
}

/** Charts in the summary: the failing metrics, a few, short (the incident has the rest). */
const SUMMARY_CHARTS = 3;
const SUMMARY_POINTS = 30;

/** Each failing metric over the watch with its threshold, as Mermaid charts. */
export function failingCharts(s: GuardSummary): string {
  const charts = s.states
    .filter((state) => state.status === 'fail')
    .flatMap((state) => {
      const chart = mermaidChart(
        {
          name: state.name,
          observations: s.observations[state.name] ?? [],
          threshold: state.threshold,
          ...(s.deployedAt !== undefined ? { origin: s.deployedAt } : {}),
        },
        SUMMARY_POINTS,
      );
      return chart ? [chart] : [];
    });
  if (!charts.length) return '';
  const more = charts.length - SUMMARY_CHARTS;
  return `### Failing metrics\n\n${charts.slice(0, SUMMARY_CHARTS).join('\n\n')}\n\n${more > 0 ? `${more} more in the report.\n\n` : ''}`;
}

/** The guard's job summary, in Markdown: the verdict first, then the evidence. Pure. */
export function guardSummary(s: GuardSummary): string {
  const parts = [
    `## ${VERDICT_ICON[s.verdict]} rollback-action: ${s.verdict}${s.severity ? ` (${s.severity})` : ''}\n\n`,
    `${s.headline}.\n\n`,
    '### Triggers\n\n',
    ...(s.cancelled
      ? [
          `Not judged: the run was cancelled (${s.cancelled}). The release that is running was not verified; the triggers below are as of the last poll.\n\n`,
        ]
      : []),
    markdownTable(EVIDENCE_HEADERS, evidenceRows(s.states, s.observations, !!s.cancelled)),
    '\n\n',
    failingCharts(s),
  ];
  const uncounted = notCounted(s.observations);
  if (uncounted.length)
    parts.push(
      `Alerts not counted:\n\n${uncounted.map((line) => `- ${escapeText(line)}`).join('\n')}\n\n`,
    );
  // Cut ranges change values (a p95 over 30 s is not a p95 over 5 m): show what was run.
  const asRun = Object.entries(s.observations).flatMap(([name, series]) => {
    const query = series.findLast((o) => o.query !== undefined)?.query;
    return query ? [`- ${code(name)}: ${code(query)}`] : [];
  });
  if (asRun.length)
    parts.push(
      `Queries as run at the last poll, their ranges cut to the time since the deploy:\n\n${asRun.join('\n')}\n\n`,
    );
  if (s.rollout.length)
    parts.push(
      '### Rollout\n\n',
      markdownTable(
        ['Target', 'State', 'Seconds', 'Detail'],
        s.rollout.map((r) => [code(r.target), r.state, (r.elapsedMs / 1000).toFixed(1), r.message]),
      ),
      '\n\n',
    );
  if (s.rollback) parts.push('### Rollback\n\n', rollbackTable(s.rollback), '\n\n');
  if (s.ledger?.length)
    parts.push(
      `Recorded as the last verified-good release in ${s.ledger.map((l) => `${l.context}/${l.namespace}`).join(', ')}.\n`,
    );
  return parts.join('');
}
