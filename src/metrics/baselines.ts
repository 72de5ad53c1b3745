/**
 * Baselines: what each trigger's metric looked like before the deploy, for relative triggers
 * (p95 +50 %) and for the report. From Prometheus history (the window before the deploy), or,
 * for the scrape provider, sampled at capture time and carried in the snapshot.
 */
import type { Clock } from '../clock.js';
import { formatTimestamp } from '../time.js';
import { alertKey } from './alertmanager.js';
import type { MetricQuery, Reading } from './provider.js';
import type { MetricSource } from './sources.js';
import { messageOf } from '../errors.js';

export interface Baseline {
  value: number | undefined;
  /** Why there is no value. */
  reason?: string;
  from: 'history' | 'capture';
  /** The end of the baseline window (the deploy), ISO 8601. */
  end: string;
  windowMs: number;
  /** The trigger's query as it was; a stored baseline of a changed query is not used. */
  query: string;
  /**
   * Alert triggers: the alerts firing at capture (see alertKey), the baseline whatever their
   * start says (a source whose clock runs ahead dates them after the deploy).
   */
  alerts?: string[];
}

/** An alert has no typical value to compare with: its baseline is the alerts already firing. */
function valued(source: MetricSource): boolean {
  return !source.trigger.rule.alert;
}

export function queryKey(query: MetricQuery): string {
  return JSON.stringify(query.ratio ?? query.query ?? query.alerts?.matchers ?? null);
}

/** The alerts each alert trigger sees firing now: the baseline a guard does not count. */
export async function alertBaselines(
  sources: readonly MetricSource[],
  now: number,
): Promise<Record<string, Baseline>> {
  const alerting = sources.filter((s) => s.trigger.query.alerts);
  const readings = await Promise.all(
    // Every alert there is now, whatever its start, is from before the deploy.
    alerting.map((s) =>
      s
        .read({ now, since: now, intervalMs: 0, deployedAt: Infinity })
        .catch((e: unknown): Reading => ({ reason: messageOf(e) })),
    ),
  );
  return Object.fromEntries(
    alerting.flatMap((source, i): [string, Baseline][] => {
      const reading = readings[i];
      if (!reading || reading.value === undefined) return [];
      const alerts = [...(reading.preexisting ?? []), ...(reading.ignored ?? [])];
      return [
        [
          source.trigger.rule.name,
          {
            value: alerts.length,
            from: 'capture',
            end: formatTimestamp(now),
            windowMs: 0,
            query: queryKey(source.trigger.query),
            alerts: alerts.map(alertKey),
          },
        ],
      ];
    }),
  );
}

/** Baselines from each source's history, for the sources that keep one. */
export async function historyBaselines(
  sources: readonly MetricSource[],
  end: number,
  windowMs: number,
): Promise<Record<string, Baseline>> {
  const entries = await Promise.all(
    sources.filter(valued).map(async (source): Promise<[string, Baseline] | undefined> => {
      if (!source.baseline) return undefined;
      const reading = await source.baseline(end, windowMs);
      return [
        source.trigger.rule.name,
        {
          value: reading.value,
          ...(reading.value === undefined ? { reason: reading.reason ?? 'no value' } : {}),
          from: 'history',
          end: formatTimestamp(end),
          windowMs,
          query: queryKey(source.trigger.query),
        },
      ];
    }),
  );
  return Object.fromEntries(entries.filter((e) => e !== undefined));
}

/**
 * Baselines sampled now, for sources without history: two reads `sampleMs` apart (counters
 * and histograms need two scrapes to give a rate or a quantile).
 */
export async function sampledBaselines(
  sources: readonly MetricSource[],
  clock: Clock,
  sampleMs: number,
): Promise<Record<string, Baseline>> {
  const sampled = sources.filter(valued);
  if (sampled.length === 0) return {};
  const since = clock.now();
  const window = (): { now: number; since: number; intervalMs: number } => ({
    now: clock.now(),
    since,
    intervalMs: sampleMs,
  });
  const first = window();
  await Promise.all(sampled.map((s) => s.read(first).catch(() => undefined)));
  await clock.sleep(sampleMs);
  const second = window();
  const readings = await Promise.all(
    sampled.map((s) => s.read(second).catch((e: unknown): Reading => ({ reason: messageOf(e) }))),
  );
  return Object.fromEntries(
    sampled.map((source, i): [string, Baseline] => {
      const reading = readings[i];
      return [
        source.trigger.rule.name,
        {
          value: reading?.value,
          ...(reading?.value === undefined ? { reason: reading?.reason ?? 'no value' } : {}),
          from: 'capture',
          end: formatTimestamp(second.now),
          windowMs: sampleMs,
          query: queryKey(source.trigger.query),
        },
      ];
    }),
  );
}

/** Stored baselines whose query still matches, completed from history where missing. */
export async function resolveBaselines(
  sources: readonly MetricSource[],
  stored: Readonly<Record<string, Baseline>> | undefined,
  end: number,
  windowMs: number,
): Promise<Record<string, Baseline>> {
  const kept = Object.fromEntries(
    sources.flatMap((s) => {
      const b = stored?.[s.trigger.rule.name];
      return b && b.value !== undefined && b.query === queryKey(s.trigger.query)
        ? [[s.trigger.rule.name, b]]
        : [];
    }),
  );
  const rest = sources.filter((s) => !(s.trigger.rule.name in kept));
  return { ...(await historyBaselines(rest, end, windowMs)), ...kept };
}

/** How long capture samples a source without history for its baseline, at most. */
const SAMPLE_MS = 15_000;

/**
 * The baselines a capture records: Prometheus history before now; other sources (scrape,
 * http-json) sampled twice now; the alerts firing now for alert triggers.
 */
export async function captureBaselines(
  sources: readonly MetricSource[],
  clock: Clock,
  options: { intervalMs: number; baselineWindowMs: number },
): Promise<Record<string, Baseline>> {
  const now = clock.now();
  const sampleMs = Math.min(options.intervalMs, SAMPLE_MS);
  const [history, sampled, alerts] = await Promise.all([
    historyBaselines(sources, now, options.baselineWindowMs),
    sampledBaselines(
      sources.filter((s) => !s.baseline && s.trigger.provider !== 'health'),
      clock,
      sampleMs,
    ),
    alertBaselines(sources, now),
  ]);
  return { ...sampled, ...history, ...alerts };
}
