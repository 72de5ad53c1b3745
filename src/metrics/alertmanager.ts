/**
 * The alerts a team already has, read from Alertmanager's API v2 (`GET /api/v2/alerts`, one
 * `filter` per matcher). An alert matching the trigger's matchers that began after the deploy
 * breaches (one series per alert, its severity from its `severity` label); alerts already
 * firing before the deploy are the baseline, listed and not counted until they resolve and
 * fire again (Alertmanager then gives them a new start); silenced and inhibited alerts are
 * listed and ignored unless the trigger includes them. An Alertmanager that cannot be read is
 * no data, never a breach; matchers it refuses are the policy's error.
 */
import { TooLargeError } from '../bounded.js';
import type { Severity } from '../constants.js';
import { formatBytes, LIMITS } from '../limits.js';
import { describeLabels } from '../analysis/series.js';
import { redactUrl, redactUrlsIn } from '../url.js';
import { apiGet, type ApiConnection } from './api-client.js';
import { re2Problem } from './re2.js';
import type {
  Finding,
  MetricProvider,
  MetricQuery,
  PollWindow,
  Reading,
  SeriesValue,
} from './provider.js';
import { inflect, plural } from '../text.js';
import { messageOf } from '../errors.js';

export type AlertmanagerOptions = ApiConnection;

export interface AlertQuery {
  /** Canonical matchers (`service="api"`), one `filter` each. */
  matchers: readonly string[];
  includeSilenced: boolean;
  /** `severity` label value (lower case) → severity; the trigger's own when unmapped. */
  severityMap: Readonly<Record<string, Severity>>;
}

/**
 * Common `severity` label values as this action's severities, from the runbooks' decision
 * matrix: P0 is "roll back now" (what pages), P1 "roll back within minutes" (kubernetes-mixin
 * marks a crash loop `warning`), P2 "look first" (`info`). A policy's `severity-map` adds to
 * and overrides these; rule-file imports use them too.
 */
export const DEFAULT_SEVERITY_MAP: Readonly<Record<string, Severity>> = Object.fromEntries([
  ...['critical', 'page', 'pager', 'emergency', 'p0', 'sev0', 'sev1'].map((v) => [v, 'P0']),
  ...['warning', 'warn', 'error', 'high', 'major', 'p1', 'sev2'].map((v) => [v, 'P1']),
  ...['info', 'low', 'minor', 'ticket', 'none', 'p2', 'sev3', 'sev4'].map((v) => [v, 'P2']),
]) as Record<string, Severity>;

const MATCHER = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|!~|!=|=)\s*([\s\S]*?)\s*$/;

/**
 * A policy's matcher text as Alertmanager's own parser reads it (`service="api"`,
 * `severity=~page|critical`), or `{a="b", c=~"d"}` as a set: canonical matchers to send, or
 * what is wrong, regular expressions checked as RE2 reads them.
 */
export function parseMatchers(text: string): { matchers: string[] } | { error: string } {
  const trimmed = text.trim();
  const inner = trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1) : trimmed;
  if (inner.trim() === '') return { error: 'no matcher' };
  const parts = splitOutsideQuotes(inner);
  if (parts === undefined) return { error: 'a quoted value is not closed' };
  const matchers: string[] = [];
  for (const part of parts) {
    if (part.trim() === '') continue;
    // In a set, say which of its matchers is wrong.
    const which = parts.length > 1 ? `${JSON.stringify(part.trim())}: ` : '';
    const m = MATCHER.exec(part);
    if (!m) return { error: `${which}not a matcher like service="api"` };
    const [, name = '', op = '', raw = ''] = m;
    let value = raw;
    if (raw.startsWith('"')) {
      try {
        value = JSON.parse(raw) as string;
      } catch {
        return { error: `${which}the quoted value has a bad escape or text after its quote` };
      }
    } else if (raw.includes('"')) return { error: `${which}a quote inside an unquoted value` };
    const regex = op === '=~' || op === '!~' ? re2Problem(value) : undefined;
    if (regex) return { error: `${which}${regex}` };
    matchers.push(`${name}${op}${JSON.stringify(value)}`);
  }
  if (matchers.length === 0) return { error: 'no matcher' };
  return { matchers };
}

/** Commas outside double quotes split; undefined when a quote is left open. */
function splitOutsideQuotes(text: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quoted && c === '\\') {
      current += c + (text[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (quoted) return undefined;
  parts.push(current);
  return parts;
}

interface GettableAlert {
  labels: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  status?: { state?: string; silencedBy?: string[]; inhibitedBy?: string[] };
}

function isAlert(value: unknown): value is GettableAlert {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as { labels?: unknown; startsAt?: unknown };
  return (
    typeof a.labels === 'object' &&
    a.labels !== null &&
    typeof a.startsAt === 'string' &&
    Number.isFinite(Date.parse(a.startsAt))
  );
}

/**
 * One alert's identity across processes: its labels and its start. An alert that resolves
 * and fires again starts anew, so it is another alert.
 */
export function alertKey(alert: SeriesValue): string {
  return `${describeLabels(alert.labels)}@${alert.since ?? ''}`;
}

/** Alerts sorted as a poll sees them: what breaches, what was there before, what is muted. */
export interface SortedAlerts {
  firing: SeriesValue[];
  preexisting: SeriesValue[];
  ignored: SeriesValue[];
}

/**
 * Pure: each active alert into firing (began at or after `cutoff`), pre-existing (before it)
 * or ignored (silenced or inhibited, unless included). Resolved alerts are left out.
 */
export function sortAlerts(
  alerts: readonly GettableAlert[],
  query: AlertQuery,
  cutoff: number,
  now: number,
  /** Alerts seen firing at capture (alertKey): the baseline, whatever their start. */
  known: ReadonlySet<string> = new Set(),
): SortedAlerts {
  const sorted: SortedAlerts = { firing: [], preexisting: [], ignored: [] };
  for (const alert of alerts) {
    const ends = alert.endsAt ? Date.parse(alert.endsAt) : NaN;
    if (Number.isFinite(ends) && ends <= now) continue;
    const since = Date.parse(alert.startsAt);
    const label = alert.labels.severity?.toLowerCase();
    const severity = label === undefined ? undefined : query.severityMap[label];
    const series: SeriesValue = {
      labels: alert.labels,
      value: 1,
      since,
      ...(severity ? { severity } : {}),
    };
    const muted =
      alert.status?.state === 'suppressed' ||
      (alert.status?.silencedBy?.length ?? 0) > 0 ||
      (alert.status?.inhibitedBy?.length ?? 0) > 0;
    if (muted && !query.includeSilenced) sorted.ignored.push(series);
    else if (since < cutoff || known.has(alertKey(series))) sorted.preexisting.push(series);
    else sorted.firing.push(series);
  }
  return sorted;
}

/** Preflight's word on the alerts firing before the deploy, if any: they are the baseline. */
export function alreadyFiring(alerts: readonly SeriesValue[]): Finding | undefined {
  if (alerts.length === 0) return undefined;
  const names = [...new Set(alerts.map((a) => a.labels.alertname ?? describeLabels(a.labels)))];
  return {
    level: 'warning',
    message: `${plural(alerts.length, 'alert')} already firing (${names.join(', ')}): the baseline, not counted unless ${inflect(alerts.length, 'it resolves and fires', 'they resolve and fire')} again`,
  };
}

type Answer = { alerts: GettableAlert[] } | { reason: string; rejected?: true; auth?: true };

export class AlertmanagerProvider implements MetricProvider {
  readonly name = 'alertmanager';
  constructor(private readonly options: AlertmanagerOptions) {}

  private async alerts(query: AlertQuery): Promise<Answer> {
    const where = redactUrl(this.options.url);
    let answer: { status: number; text: string };
    try {
      answer = await apiGet(
        this.options,
        '/api/v2/alerts',
        { filter: query.matchers, active: 'true', silenced: 'true', inhibited: 'true' },
        LIMITS.prometheusAnswer,
      );
    } catch (error) {
      if (error instanceof TooLargeError)
        return {
          reason: `Alertmanager answered more than ${formatBytes(error.limit)}; narrow the matchers`,
        };
      return {
        reason: `Alertmanager unreachable at ${where}: ${redactUrlsIn(messageOf(error))}`,
      };
    }
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      body = undefined;
    }
    // Alertmanager answers a matcher it cannot parse with 400 and its reason as a JSON string;
    // any other 400 (a proxy's HTML page) says nothing about the matchers.
    if (answer.status === 400 && typeof body === 'string')
      return {
        reason: `Alertmanager refused the matchers ${query.matchers.join(', ')}: ${body}`,
        rejected: true,
      };
    if (answer.status === 401 || answer.status === 403)
      return {
        reason: `Alertmanager at ${where} answered HTTP ${answer.status} (check its credentials)`,
        auth: true,
      };
    const notHere = `is ${where} Alertmanager's base URL (like http://alertmanager:9093)?`;
    if (answer.status === 404)
      return { reason: `${where} answered HTTP 404 for /api/v2/alerts: ${notHere}` };
    if (answer.status >= 300 && answer.status < 400)
      return {
        reason: `${where} answered HTTP ${answer.status}, a redirect: give the URL it redirects to`,
      };
    if (answer.status !== 200)
      return { reason: `Alertmanager at ${where} answered HTTP ${answer.status}` };
    if (!Array.isArray(body) || !body.every(isAlert))
      return {
        reason: `${where} answered /api/v2/alerts with something that is not a list of alerts: ${notHere}`,
      };
    return { alerts: body };
  }

  async read(query: MetricQuery, window: PollWindow): Promise<Reading> {
    if (!query.alerts) return { reason: 'the trigger has no matchers' };
    const answer = await this.alerts(query.alerts);
    if ('reason' in answer)
      return { reason: answer.reason, ...(answer.rejected ? { rejected: true } : {}) };
    const sorted = sortAlerts(
      answer.alerts,
      query.alerts,
      window.deployedAt ?? window.since,
      window.now,
      window.knownAlerts,
    );
    return {
      value: sorted.firing.length ? 1 : 0,
      series: sorted.firing,
      preexisting: sorted.preexisting,
      ignored: sorted.ignored,
    };
  }

  /** Preflight: Alertmanager answers the matchers; alerts firing now are the baseline. */
  async check(query: MetricQuery, window: PollWindow): Promise<Finding | undefined> {
    if (!query.alerts) return { level: 'error', message: 'the trigger has no matchers' };
    const answer = await this.alerts(query.alerts);
    if ('reason' in answer) return { level: 'error', message: answer.reason };
    return alreadyFiring(sortAlerts(answer.alerts, query.alerts, Infinity, window.now).preexisting);
  }
}
