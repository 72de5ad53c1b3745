/**
 * The policy's triggers (and the preset's) as rules the analysis evaluates: durations in ms,
 * `relative: +50%` as a percentage, the watch's no-data policy and minimum requests as
 * defaults, and the sequential test on for count-based ratios unless a trigger turns it off.
 */
import type { Severity } from '../constants.js';
import { formatDuration, parseDuration } from '../duration.js';
import type { MetricQuery } from '../metrics/provider.js';
import { runbookTriggers } from '../policy/presets.js';
import type { ImportedTriggerSpec, Policy, ProviderName, TriggerSpec } from '../policy/types.js';
import { eventCountOf, histogramQuantileOf, rangeWindows } from '../metrics/promql.js';
import { parseQuery } from '../metrics/scrape.js';
import { readsAlerts } from '../metrics/selectors.js';
import { DEFAULT_SEVERITY_MAP, parseMatchers } from '../metrics/alertmanager.js';
import { redactUrl } from '../url.js';
import { describeCondition, format, thresholdOf, type TriggerRule } from './triggers.js';
import { plural } from '../text.js';

export interface WatchedTrigger {
  rule: TriggerRule;
  provider: ProviderName;
  query: MetricQuery;
  /** Health and http-json triggers: where to look. */
  url?: string;
  jsonPath?: string;
  expectStatus?: number;
  bodyMatch?: string;
  /** An imported trigger: where it came from and what was mapped to what. */
  origin?: { source: string; mapped: string[] };
}

const DEFAULT_SEVERITY: Severity = 'P1';

export function triggersOf(policy: Policy): TriggerSpec[] {
  // The preset's triggers are metric queries: with Alertmanager as the default, Prometheus.
  const preset = (policy.preset === 'runbook' ? runbookTriggers(policy.metrics?.selector) : []).map(
    (t) =>
      policy.metrics?.provider === 'alertmanager' ? { provider: 'prometheus' as const, ...t } : t,
  );
  const own = policy.triggers ?? [];
  // Imported triggers the policy's own replaced were dropped when the policy was loaded.
  const imported = policy.imported ?? [];
  const named = [...imported, ...own];
  // A trigger of the policy (or an imported one) replaces a preset trigger of the same name.
  return [...preset.filter((p) => !named.some((t) => t.name === p.name)), ...named];
}

/**
 * Unless the policy says otherwise, a ratio is judged only over enough requests that one
 * failed request alone cannot breach its threshold (20 for 5 %, 10 for 10 %): on a quiet
 * service a single 5xx among three requests is 33 %, and no reason to roll back.
 */
export function defaultMinRequests(threshold: number): number | undefined {
  if (!(threshold > 0 && threshold < 1)) return undefined;
  // The epsilon keeps 1 / 0.05 at 20 where floating point would make it 20.000000000000004.
  return Math.ceil(1 / threshold - 1e-9);
}

/** The default map with the policy's entries over it, keys compared in lower case. */
function severityMap(own: Record<string, Severity> | undefined): Record<string, Severity> {
  const map: Record<string, Severity> = { ...DEFAULT_SEVERITY_MAP };
  for (const [label, severity] of Object.entries(own ?? {})) map[label.toLowerCase()] = severity;
  return map;
}

/** The preset's settle period: long enough for a warm-up, short of a P1 regression's minute. */
export const PRESET_SETTLE = '30s';

/**
 * A latency quantile of a histogram, as its provider reads it: judged also as the share of
 * requests slower than the threshold, from the bucket counts.
 */
function histogramOf(
  provider: ProviderName,
  query: string | undefined,
): { buckets: string; quantile: number } | undefined {
  if (query === undefined) return undefined;
  if (provider === 'prometheus') return histogramQuantileOf(query);
  if (provider !== 'scrape') return undefined;
  const parsed = parseQuery(query);
  return typeof parsed !== 'string' && parsed.kind === 'quantile'
    ? { buckets: parsed.source, quantile: parsed.q }
    : undefined;
}

export function watchedTriggers(policy: Policy): WatchedTrigger[] {
  const defaultProvider = policy.metrics?.provider ?? 'prometheus';
  const settle = policy.watch?.settle ?? (policy.preset === 'runbook' ? PRESET_SETTLE : undefined);
  const settleMs = settle === undefined ? 0 : (parseDuration(settle) ?? 0);
  return triggersOf(policy).map((spec) => {
    const provider = spec.provider ?? defaultProvider;
    const relative =
      spec.relative === undefined ? undefined : Number(spec.relative.replace('%', ''));
    // Alertmanager's alerts read like an alert expression: none is 0, each new alert a 1.
    const alert = spec.kind === 'alert' || provider === 'alertmanager';
    const above = spec.above ?? spec['at-least'];
    const valued = !alert && (spec.range ?? 'since-deploy') === 'since-deploy';
    const histogram =
      valued && (above !== undefined || (relative ?? 0) > 0)
        ? histogramOf(provider, spec.query)
        : undefined;
    const events =
      valued && provider === 'prometheus' && above !== undefined && spec.query !== undefined
        ? eventCountOf(spec.query)
        : undefined;
    const counted = !!(spec.ratio || histogram || events);
    const rule: TriggerRule = {
      name: spec.name,
      severity: spec.severity ?? DEFAULT_SEVERITY,
      // A health check and an alert expression read 1 when failing, 0 when not.
      above: provider === 'health' || alert ? (spec.above ?? 0) : (spec.above ?? spec['at-least']),
      below: spec.below ?? spec['at-most'],
      ...(spec['at-least'] !== undefined ? { aboveInclusive: true } : {}),
      ...(spec['at-most'] !== undefined ? { belowInclusive: true } : {}),
      ...(spec['failure-limit'] !== undefined ? { failureLimit: spec['failure-limit'] } : {}),
      relativePercent: relative,
      forMs: spec.for === undefined ? undefined : parseDuration(spec.for),
      consecutive: spec.consecutive,
      minRequests:
        spec['min-requests'] ??
        policy.watch?.['min-requests'] ??
        (spec.ratio && above !== undefined
          ? defaultMinRequests(above)
          : histogram
            ? defaultMinRequests(1 - histogram.quantile)
            : undefined),
      fastFail: spec['fast-fail'] === false || !counted ? false : {},
      ...(histogram ? { quantile: histogram.quantile } : {}),
      ...(events ? { perSeconds: events.rangeSeconds } : {}),
      ...(spec['relative-to-baseline'] && spec.query && eventCountOf(spec.query)
        ? { relativeToBaseline: true }
        : {}),
      ...(settleMs > 0 ? { settleMs } : {}),
      noData: spec['no-data'] ?? policy.watch?.['no-data'] ?? 'hold',
      ...(spec.series ? { series: spec.series } : {}),
      ...(alert ? { alert: true } : {}),
    };
    const watched: WatchedTrigger = {
      rule,
      provider,
      query: {
        query: spec.query,
        ratio: spec.ratio,
        ...(spec.kind === 'alert' ? { alert: true } : {}),
        ...(spec.range === 'as-written' ? { asWritten: true } : {}),
        ...(histogram ? { histogram } : {}),
        ...(events ? { events: { selector: events.selector } } : {}),
        ...(provider === 'alertmanager'
          ? {
              alerts: {
                matchers: (spec.matchers ?? []).flatMap((m) => {
                  const parsed = parseMatchers(m);
                  return 'matchers' in parsed ? parsed.matchers : [];
                }),
                includeSilenced: spec['include-silenced'] ?? false,
                severityMap: severityMap(spec['severity-map']),
              },
            }
          : {}),
      },
    };
    if (spec.url !== undefined) watched.url = spec.url;
    if (spec['json-path'] !== undefined) watched.jsonPath = spec['json-path'];
    if (spec['expect-status'] !== undefined) watched.expectStatus = spec['expect-status'];
    if (spec['body-match'] !== undefined) watched.bodyMatch = spec['body-match'];
    if ('source' in spec && typeof spec.source === 'string')
      watched.origin = { source: spec.source, mapped: (spec as ImportedTriggerSpec).mapped };
    return watched;
  });
}

/**
 * Triggers that cannot fail within the window as configured (a `for` or a run of consecutive
 * polls longer than the window), each with why: worth a warning before watching, since they
 * would pass whatever happens. A sequential test can still fail a ratio trigger early.
 */
export function unreachableTriggers(
  rules: readonly TriggerRule[],
  windowMs: number,
  intervalMs: number,
): string[] {
  return rules.flatMap((rule) => {
    const early = rule.fastFail !== false && rule.fastFail !== undefined;
    const settle = rule.settleMs && rule.severity !== 'P0' ? rule.settleMs : 0;
    if (settle >= windowMs)
      return [
        `trigger '${rule.name}' settles for ${formatDuration(settle)} after the rollout but the window is ${formatDuration(windowMs)}: it cannot fail (watch.settle)`,
      ];
    // A breach counts only after the settle: that much less of the window can hold one.
    if (rule.forMs !== undefined && rule.forMs > windowMs - settle)
      return [
        `trigger '${rule.name}' must breach for ${formatDuration(rule.forMs)} but the window is ${formatDuration(windowMs)}${settle ? `, ${formatDuration(settle)} of it settling` : ''}: ${early ? 'only its sequential test can fail it' : 'it cannot fail'}`,
      ];
    // A count per minute is judged once a whole minute is counted (after any settle).
    if (rule.perSeconds !== undefined && !rule.forMs && rule.perSeconds * 1000 > windowMs - settle)
      return [
        `trigger '${rule.name}' judges a count per ${formatDuration(rule.perSeconds * 1000)} but the window is ${formatDuration(windowMs)}${settle ? `, ${formatDuration(settle)} of it settling` : ''}: it cannot fail`,
      ];
    const polls = Math.floor(windowMs / intervalMs) + 1;
    if (rule.failureLimit !== undefined && rule.failureLimit >= polls)
      return [
        `trigger '${rule.name}' fails after more than ${rule.failureLimit} failing polls but the window holds ${polls}: it cannot fail`,
      ];
    if (rule.consecutive !== undefined && rule.consecutive > polls)
      return [
        `trigger '${rule.name}' needs ${rule.consecutive} failing polls in a row but the window holds ${polls}: it cannot fail`,
      ];
    return [];
  });
}

/**
 * A trigger in one line for people, printed once before a watch and by `validate`: when it
 * fails, how long it must hold, and what it reads. `baseline` fills in a relative threshold.
 */
export function describeWatched(trigger: WatchedTrigger, baseline?: number): string {
  const { rule, query } = trigger;
  const condition =
    trigger.provider === 'health'
      ? 'fails when the check fails'
      : query.alerts
        ? `fails when an alert matching ${query.alerts.matchers.join(', ')} that began after the deploy fires${query.alerts.includeSilenced ? ' (silenced and inhibited ones too)' : ''}`
        : query.alert
          ? 'fails while the alert expression returns series'
          : rule.relativePercent !== undefined && baseline === undefined
            ? `fails ${rule.relativePercent < 0 ? 'below' : 'above'} the baseline ${rule.relativePercent < 0 ? '' : '+'}${rule.relativePercent}%`
            : `fails ${describeCondition(rule, thresholdOf(rule, baseline), baseline)}`;
  const early = rule.fastFail !== false && rule.fastFail !== undefined;
  const hold =
    rule.failureLimit !== undefined
      ? `on more than ${plural(rule.failureLimit, 'poll')} of the window`
      : rule.consecutive !== undefined
        ? `${plural(rule.consecutive, 'poll')} in a row`
        : rule.forMs
          ? `for ${formatDuration(rule.forMs)}`
          : rule.perSeconds !== undefined && early
            ? `per ${formatDuration(rule.perSeconds * 1000)}, judged on every event since the rollout, never on one poll: a sequential test on the rate once ${formatDuration(rule.perSeconds * 1000)} is counted`
            : 'at once';
  const raised = rule.relativeToBaseline
    ? '; the rate before the deploy raises the bar when it was higher'
    : '';
  const sooner = !early
    ? ''
    : rule.quantile !== undefined
      ? ` (sooner when a sequential test is sure that more than ${format((1 - rule.quantile) * 100)} % of requests are slower, from the histogram's buckets)`
      : rule.perSeconds !== undefined && !rule.forMs
        ? ''
        : ' (sooner when a sequential test is sure)';
  const reads = query.ratio
    ? `errors ${query.ratio.errors} over requests ${query.ratio.total}`
    : query.query !== undefined
      ? query.query
      : query.alerts
        ? "Alertmanager's active alerts (severity from each alert's severity label)"
        : trigger.provider === 'health'
          ? `${redactUrl(trigger.url ?? '')}, expecting HTTP ${trigger.expectStatus ?? 200}${trigger.bodyMatch ? ` and a body matching /${trigger.bodyMatch}/` : ''}`
          : `${trigger.jsonPath ?? ''} of ${redactUrl(trigger.url ?? '')}`;
  const options = [
    // min-requests counts a ratio's requests; other queries have none to count.
    query.ratio && rule.minRequests !== undefined ? `min-requests ${rule.minRequests}` : '',
    rule.noData !== 'hold' ? `no-data: ${rule.noData}` : '',
    rule.series && rule.series !== 'any' ? `series: ${rule.series}` : '',
    rule.settleMs && rule.severity !== 'P0'
      ? `settles ${formatDuration(rule.settleMs)} after the rollout`
      : '',
  ].filter(Boolean);
  // What a Prometheus query reads: the release's own traffic, or not, and why.
  // Prometheus' ALERTS are states, not traffic: their own start decides (ALERTS_FOR_STATE).
  const traffic =
    trigger.provider !== 'prometheus' || query.query === undefined
      ? ''
      : query.alert && readsAlerts(query.query)
        ? ' (alerts active before the deploy are not counted: their start from ALERTS_FOR_STATE)'
        : query.asWritten
          ? ' (ranges as written: includes traffic from before the deploy)'
          : rangeWindows(query.query).length === 0
            ? ' (no range to cut to the time since the deploy: includes traffic from before it)'
            : ' (ranges cut to the time since the deploy, at least two scrapes)';
  return `${rule.name} (${rule.severity}, ${trigger.provider}): ${condition} ${hold}${sooner}${raised}${options.length ? `; ${options.join('; ')}` : ''}; reads ${reads}${traffic}`;
}

/**
 * A failing trigger as it is judged again after a first remedy (flags off): breaching on two
 * polls in a row still fails it, whatever its `for` or failure limit (a 10-minute `for` cannot
 * be met in a 2-minute check, and the release has already failed once); no fast fail, which
 * needs the whole watch's counts.
 */
export function forRejudging(rule: TriggerRule): TriggerRule {
  const { forMs: _for, failureLimit: _limit, ...rest } = rule;
  return { ...rest, consecutive: 2, fastFail: false };
}
