/**
 * The policy file as its JSON Schema (schema/rollback-policy.schema.json) describes it. Values
 * are as written: durations are strings here and become milliseconds in the resolved config.
 */
import type {
  Approval,
  InconclusiveAction,
  NoDataAction,
  Severity,
  Strategy,
} from '../constants.js';
import type { SeriesMode } from '../analysis/series.js';

export type ProviderName = 'prometheus' | 'scrape' | 'http-json' | 'health' | 'alertmanager';

export interface TriggerSpec {
  name: string;
  provider?: ProviderName;
  query?: string;
  /** `alert`: the query is an alert expression, judged by whether it returns series. */
  kind?: 'value' | 'alert';
  /** `as-written`: the query's ranges are not cut to the time since the deploy. */
  range?: 'since-deploy' | 'as-written';
  ratio?: { errors: string; total: string };
  /** provider: alertmanager: the alerts watched, as Alertmanager matchers. */
  matchers?: string[];
  /** provider: alertmanager: `severity` label value → severity. */
  'severity-map'?: Record<string, Severity>;
  'include-silenced'?: boolean;
  url?: string;
  'json-path'?: string;
  headers?: Record<string, string>;
  /** Header name → environment variable holding its value (a secret: masked). */
  'headers-env'?: Record<string, string>;
  'expect-status'?: number;
  'body-match'?: string;
  above?: number;
  below?: number;
  'at-least'?: number;
  'at-most'?: number;
  relative?: string;
  series?: SeriesMode;
  for?: string;
  consecutive?: number;
  'failure-limit'?: number;
  'min-requests'?: number;
  'fast-fail'?: boolean;
  /** Count triggers: a rate as high before the deploy raises the bar to it. */
  'relative-to-baseline'?: boolean;
  'no-data'?: NoDataAction;
  severity?: Severity;
  /** Scope: when this trigger fails, only this context's targets are rolled back. */
  context?: string;
  /** Scope: when this trigger fails, only these targets (kind/name) are rolled back. */
  targets?: string[];
}

/** How the policy connects to a monitoring server (Prometheus, Alertmanager). */
export interface Connection {
  url?: string;
  timeout?: string;
  headers?: Record<string, string>;
  'headers-env'?: Record<string, string>;
  'bearer-token-env'?: string;
  'basic-auth'?: { 'username-env': string; 'password-env': string };
  'ca-file'?: string;
}

export interface Policy {
  version?: 1;
  targets?: string[];
  namespace?: string;
  contexts?: string[];
  watch?: {
    window?: string;
    interval?: string;
    'no-data'?: NoDataAction;
    inconclusive?: InconclusiveAction;
    'min-requests'?: number;
    /** After the rollout, how long non-P0 triggers only watch (a warm-up is not a breach). */
    settle?: string;
    'baseline-window'?: string;
    'rollout-timeout'?: string;
  };
  metrics?: {
    provider?: ProviderName;
    prometheus?: Connection & { 'scrape-interval'?: string };
    alertmanager?: Connection;
    scrape?: { urls?: string[]; timeout?: string };
    selector?: string;
  };
  preset?: 'runbook' | 'none';
  triggers?: TriggerSpec[];
  backtest?: { 'deploy-times'?: string[]; lookback?: string };
  strategy?: Strategy;
  approval?: Approval;
  rollback?: {
    'to-revision'?: 'previous' | 'last-good' | number;
    concurrency?: number;
    timeout?: string;
  };
  git?: GitPolicy;
  migrations?: MigrationsPolicy;
  flags?: FlagSpec[];
  incident?: IncidentPolicy;
  notify?: NotifyPolicy;
  steps?: CommandStepSpec[];
  /** Analysis from other tools made triggers: Argo Rollouts, Flagger, Prometheus rule files. */
  import?: ImportEntry[];
  verify?: VerifyPolicy;
  rehearsal?: RehearsalPolicy;
  /** Not written by users: the triggers the loader made from `import`, checked, in order. */
  imported?: ImportedTriggerSpec[];
}

/** One `import:` entry: a file in the repository and the values of its template arguments. */
export interface ImportEntry {
  file: string;
  args?: Record<string, string | number | boolean>;
}

/** A trigger made from an imported file: where it came from and what was mapped to what. */
export interface ImportedTriggerSpec extends TriggerSpec {
  source: string;
  mapped: string[];
}

/** How a git revert is made and delivered. */
export interface GitPolicy {
  delivery?: 'pull-request' | 'push';
  branch?: string;
  revert?: 'one' | 'per-commit';
  labels?: string[];
  'revert-pr-after-undo'?: boolean;
  'stale-reverts'?: 'close' | 'comment' | 'keep';
}

export interface MigrationsPolicy {
  paths?: string[];
  'replace-defaults'?: boolean;
  /** Reverses the deployed migrations; runs only with approval granted. */
  'down-command'?: string[];
}

/** An HTTP request the policy describes (a flag switch). */
export interface HttpRequestSpec {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  'headers-env'?: Record<string, string>;
  body?: string | Record<string, unknown>;
  'expect-status'?: number;
}

/** A feature flag turned off as the first, fastest rollback: a request or a command. */
export interface FlagSpec {
  name: string;
  request?: HttpRequestSpec;
  command?: string[];
  timeout?: string;
  'verify-window'?: string;
}

/** A command step: argv without a shell, a timeout, and its own check. */
export interface CommandStepSpec {
  name: string;
  run: string[];
  timeout?: string;
  env?: Record<string, string>;
  check?: { run: string[]; timeout?: string };
}

/** How a rollback is verified (after each rollback step, and in mode: verify). */
export interface VerifyPolicy {
  checks?: SmokeCheckSpec[];
  /** How long the failing triggers are judged again (default 2m). */
  window?: string;
  /** A duration, or a runbook level: critical (10m), high (15m), standard (30m). */
  sla?: string;
}

/** A smoke check: exactly one of `http` and `command`. */
export interface SmokeCheckSpec {
  name: string;
  http?: SmokeHttpSpec;
  command?: string[];
  /** A command check's timeout (default 2m); an HTTP check has its own under `http`. */
  timeout?: string;
}

export interface SmokeHttpSpec {
  url: string;
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  'headers-env'?: Record<string, string>;
  'expect-status'?: number;
  'body-contains'?: string;
  'json-path'?: string;
  equals?: string | number | boolean | null;
  'at-least'?: number;
  'at-most'?: number;
  timeout?: string;
  retries?: number;
  backoff?: string;
}

/** `mode: rehearse`: how a drill is reported beyond the summary. */
export interface RehearsalPolicy {
  /** File each drill as an issue labelled rollback-rehearsal (never an incident). */
  issue?: boolean;
  labels?: string[];
}

/** The incident issue filed after a rollback. */
export interface IncidentPolicy {
  on?: ('rolled-back' | 'rollback-recommended' | 'rollback-failed' | 'inconclusive')[];
  labels?: string[];
  assignees?: string[];
  template?: string;
}

/** What happened to a rollback, as a notification says it. */
export type NotifyEvent = 'initiated' | 'completed' | 'failed' | 'recommended';

/** Messages about a rollback. Secrets are named by environment variable, never written here. */
export interface NotifyPolicy {
  slack?: {
    'webhook-url-env': string;
    on?: NotifyEvent[];
    channel?: string;
  };
  pagerduty?: {
    'routing-key-env': string;
    /** The severities that page; default P0. */
    severities?: Severity[];
    on?: NotifyEvent[];
    /** The Events API endpoint (tests, the EU service). */
    url?: string;
  };
  webhooks?: WebhookSpec[];
}

/** A JSON webhook: exactly one of `url` and `url-env`. */
export interface WebhookSpec {
  name: string;
  url?: string;
  'url-env'?: string;
  headers?: Record<string, string>;
  'headers-env'?: Record<string, string>;
  on?: NotifyEvent[];
}
