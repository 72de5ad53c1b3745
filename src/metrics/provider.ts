/** One interface for every metrics backend; each provider is a module of its own. */

/** One poll of one trigger's metric, as the analysis takes it (see analysis/triggers.ts). */
export interface Reading {
  value?: number;
  windowTotal?: number;
  errors?: number;
  total?: number;
  /** Why there is no value: the backend's own words where it gave some. */
  reason?: string;
  warnings?: string[];
}

export interface MetricQuery {
  /** An expression whose single value is compared with the threshold. */
  query?: string;
  /** Counter selectors for a count-based ratio (errors over total). */
  ratio?: { errors: string; total: string };
}

export interface PollWindow {
  /** Now, in ms since the epoch. */
  now: number;
  /** When the watch began (the deploy finished), in ms. */
  since: number;
  /** The poll interval, in ms; ratios are computed over a window of at least two of them. */
  intervalMs: number;
}

export interface MetricProvider {
  readonly name: string;
  read(query: MetricQuery, window: PollWindow): Promise<Reading>;
  /** Preflight: runs the query once and says what is wrong with it, if anything. */
  check(query: MetricQuery, window: PollWindow): Promise<string | undefined>;
}
