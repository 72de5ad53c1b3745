/** One interface for every metrics backend; each provider is a module of its own. */
import type { Severity } from '../constants.js';
import type { AlertQuery } from './alertmanager.js';

export interface SeriesValue {
  labels: Record<string, string>;
  value: number;
  /** An alert's severity, from its `severity` label (see alertmanager.ts). */
  severity?: Severity;
  /** When an alert began, in ms. */
  since?: number;
}

/** One poll of one trigger's metric, as the analysis takes it (see analysis/triggers.ts). */
export interface Reading {
  value?: number;
  windowTotal?: number;
  errors?: number;
  total?: number;
  /** Histogram quantile triggers: each bucket's requests since the watch began. */
  buckets?: { le: number; count: number }[];
  /** Count triggers: events since the watch began, over `countSeconds`. */
  count?: number;
  countSeconds?: number;
  /** Why there is no value: the backend's own words where it gave some. */
  reason?: string;
  /** The backend refused the query itself (bad syntax or types): a configuration error. */
  rejected?: boolean;
  /** A query returning several series (one per pod, say): each with its labels and value. */
  series?: SeriesValue[];
  /** Alerts already firing before the deploy: shown, not counted. */
  preexisting?: SeriesValue[];
  /** Silenced or inhibited alerts: shown, not counted. */
  ignored?: SeriesValue[];
  /** The query as it was run, when it differs from the policy's (its ranges cut). */
  query?: string;
  /** No value because the request cannot work as configured (URL, header, DNS, TLS, size). */
  misconfigured?: boolean;
  warnings?: string[];
}

export interface MetricQuery {
  /** An expression whose single value is compared with the threshold. */
  query?: string;
  /** An alert-style expression: no series is healthy (0), any series breaches (1 each). */
  alert?: boolean;
  /** `range: as-written`: the query's ranges are not cut to the time since the deploy. */
  asWritten?: boolean;
  /** Counter selectors for a count-based ratio (errors over total). */
  ratio?: { errors: string; total: string };
  /** A histogram quantile's bucket selector: its counts since the deploy are read too. */
  histogram?: { buckets: string; quantile: number };
  /** A count query's counter selector (`sum(increase(x[1m]))`): its increase since the deploy too. */
  events?: { selector: string };
  /** Alertmanager: the alerts to watch. */
  alerts?: AlertQuery;
}

export interface PollWindow {
  /** Now, in ms since the epoch. */
  now: number;
  /** When the watch began (the deploy finished), in ms. */
  since: number;
  /** The poll interval, in ms; ratios are computed over a window of at least two of them. */
  intervalMs: number;
  /**
   * When the deploy began (the capture), in ms, when known: alerts that began before it are
   * the baseline. Defaults to `since`.
   */
  deployedAt?: number;
  /** Alerts firing at capture (see alertKey): the baseline whatever their start says. */
  knownAlerts?: ReadonlySet<string>;
}

/**
 * What a preflight found. `error`: the trigger cannot work as written (bad PromQL, refused
 * credentials, an unreachable backend); the deploy should not start. `warning`: it works but
 * sees nothing yet (an empty result), which may be a typo or simply no traffic.
 */
export interface Finding {
  level: 'error' | 'warning';
  message: string;
}

export interface MetricProvider {
  readonly name: string;
  read(query: MetricQuery, window: PollWindow): Promise<Reading>;
  /** Preflight: runs the query once and says what is wrong with it, if anything. */
  check(query: MetricQuery, window: PollWindow): Promise<Finding | undefined>;
  /** The query's typical value over `windowMs` before `end` (ms), from history, if kept. */
  baseline?(query: MetricQuery, end: number, windowMs: number): Promise<Reading>;
}

/** The middle value (the mean of the two middle ones for an even count); robust to spikes. */
export function median(values: readonly number[]): number | undefined {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
