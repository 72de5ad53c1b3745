/**
 * Notifications: the one place that posts to Slack, PagerDuty and webhooks. Best effort: a
 * notification that cannot be sent is recorded and ends as one warning naming the channel,
 * never the URL or the key, and never changes the verdict, the outputs or the step's result.
 *
 * Secrets (the Slack URL, the routing key, a webhook's URL from url-env and its headers-env
 * values) are read once, when the notifier is made, and masked at once. A request has a
 * timeout and a size-capped answer, follows no redirect (it would resend the secret
 * elsewhere), and is tried again only for what can change: no connection, a 5xx, a 429,
 * waiting as long as Retry-After asks when that is not too long. `initiated` is sent without
 * holding the rollback up; the events of one run reach each channel in order.
 */
import { secretForms } from './secrets.js';
import * as core from '@actions/core';
import type { Clock } from './clock.js';
import type { ModeContext, ModeResult } from './modes/context.js';
import type { GuardReport, RollbackModeReport } from './report/types.js';
import type { Severity } from './constants.js';
import { readBodyBounded } from './bounded.js';
import { HttpFailure, classifyFetchError, headersFromEnv, prepareRequest } from './metrics/http.js';
import type { NotifyEvent, NotifyPolicy } from './policy/types.js';
import {
  DEFAULT_ON,
  DEFAULT_PAGE_SEVERITIES,
  PAGERDUTY_URL,
  notificationsLine,
  outcomeFacts,
  pagerDutyEvent,
  slackMessage,
  webhookBody,
  type NotifyFacts,
} from './report/notify-messages.js';
import { isHttpUrl, redactUrlsIn, urlSecrets } from './url.js';

/** One notification as the report lists it. */
export interface NotificationRecord {
  /** `slack`, `pagerduty`, `webhook audit`. */
  channel: string;
  event: NotifyEvent;
  /** `planned`: a dry run; `skipped`: subscribed, but the severity does not page. */
  status: 'sent' | 'failed' | 'planned' | 'skipped';
  /** One line, without any secret. */
  detail: string;
}

export interface Notifier {
  /** Starts sending; returns at once, so a rollback never waits for a notification. */
  start(facts: NotifyFacts): void;
  /** Sends after everything started before it has ended. Never throws. */
  send(facts: NotifyFacts): Promise<void>;
  /** Waits for every delivery; warns once per channel that failed; returns the records. */
  settle(): Promise<NotificationRecord[]>;
  /**
   * The run stopped on an error: when a rollback was announced (initiated) and no outcome was
   * sent, `failed` goes out with `why`; then everything settles. Never throws.
   */
  abandon(why: string, at: number): Promise<void>;
  /** The events started so far. */
  readonly events: readonly NotifyEvent[];
}

export interface PostOptions {
  timeoutMs: number;
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the second try, doubled after each. */
  backoffMs: number;
  /** A Retry-After longer than this is not waited for: the notification fails instead. */
  maxRetryAfterMs: number;
  clock: Clock;
}

export const POST_DEFAULTS = {
  timeoutMs: 10_000,
  attempts: 3,
  backoffMs: 1_000,
  maxRetryAfterMs: 15_000,
} as const;

/** Bytes of an answer read at most: only an excerpt is ever shown. */
const ANSWER_BYTES = 16 * 1024;
const EXCERPT_CHARS = 150;

export type PostResult =
  { ok: true; status: number; attempts: number } | { ok: false; detail: string; attempts: number };

/**
 * POSTs `body` as JSON. Resolves with what happened, never rejects; `detail` may quote the
 * service's answer and Node's error, so callers scrub their secrets from it.
 */
export async function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  options: PostOptions,
): Promise<PostResult> {
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  const prepared = prepareRequest(url, {
    ...headers,
    ...(hasType ? {} : { 'Content-Type': 'application/json' }),
  });
  if (prepared instanceof HttpFailure) return { ok: false, detail: prepared.message, attempts: 0 };
  const text = JSON.stringify(body);
  let waitMs = options.backoffMs;
  for (let attempt = 1; ; attempt++) {
    let retry: { detail: string; afterMs?: number } | undefined;
    try {
      const response = await fetch(prepared.url, {
        method: 'POST',
        headers: prepared.headers,
        body: text,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const answer = response.body
        ? await readBodyBounded(response.body, ANSWER_BYTES).catch(() => '')
        : '';
      if (response.status >= 200 && response.status < 300)
        return { ok: true, status: response.status, attempts: attempt };
      const detail = `answered ${response.status}${excerpt(answer)}${
        response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : ''
      }`;
      if (response.status !== 429 && response.status < 500)
        return { ok: false, detail, attempts: attempt };
      const afterMs = retryAfterMs(response.headers.get('retry-after'), options.clock.now());
      retry = { detail, ...(afterMs !== undefined ? { afterMs } : {}) };
    } catch (error) {
      const failure = classifyFetchError(error, options.timeoutMs);
      // A bad address, TLS or an unsendable request will not change by asking again.
      if (failure.misconfigured) return { ok: false, detail: failure.message, attempts: attempt };
      retry = { detail: failure.message };
    }
    const tried = attempt > 1 ? ` (after ${attempt} attempts)` : '';
    if (attempt >= options.attempts)
      return { ok: false, detail: `${retry.detail}${tried}`, attempts: attempt };
    if (retry.afterMs !== undefined && retry.afterMs > options.maxRetryAfterMs)
      return {
        ok: false,
        detail: `${retry.detail}, Retry-After ${Math.ceil(retry.afterMs / 1000)} s, longer than this run waits${tried}`,
        attempts: attempt,
      };
    await options.clock.sleep(retry.afterMs ?? waitMs);
    waitMs *= 2;
  }
}

/** Retry-After in ms (seconds, or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function excerpt(answer: string): string {
  const line = answer.replace(/\s+/g, ' ').trim();
  if (!line) return '';
  return `: ${line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS)}…` : line}`;
}

/** A channel as the policy and the step's environment make it, secrets read and masked. */
interface Channel {
  /** As the report names it: `slack`, `pagerduty`, `webhook audit`. */
  id: string;
  /** As people read it: `Slack`, `PagerDuty`, `webhook 'audit'`. */
  label: string;
  events: readonly NotifyEvent[];
  severities?: readonly Severity[];
  /** Why it cannot be sent to (a variable not set): nothing is tried. */
  problem?: string;
  url: string;
  headers: Record<string, string>;
  body: (facts: NotifyFacts) => unknown;
  /** What the log shows of the body in a dry run. */
  preview: (facts: NotifyFacts) => string;
}

export interface NotifierOptions {
  policy: NotifyPolicy | undefined;
  env: NodeJS.ProcessEnv;
  dryRun: boolean;
  setSecret: (secret: string) => void;
  log: (line: string) => void;
  warn: (line: string) => void;
  clock: Clock;
  post?: Partial<Omit<PostOptions, 'clock'>>;
}

/** A notifier for a run that sends nothing (modes that never roll back). */
export const silentNotifier: Notifier = {
  start: () => undefined,
  send: () => Promise.resolve(),
  settle: () => Promise.resolve([]),
  abandon: () => Promise.resolve(),
  events: [],
};

/**
 * Reads the channels' secrets from the environment (masking each at once) and returns the
 * notifier. A variable the policy names but the step does not set is one warning now, before
 * any watch, rather than a silent channel at 3 a.m.
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const secrets: string[] = [];
  // Each secret in the forms a service may echo it back in (the token after `Bearer `, encoded).
  const mask = (value: string): void => {
    if (!value) return;
    for (const form of secretForms(value)) {
      secrets.push(form);
      options.setSecret(form);
    }
  };
  const channels = readChannels(options, mask);
  for (const c of channels)
    if (c.problem) options.warn(`${c.label} will not be notified: ${c.problem}`);
  if (!channels.length) return silentNotifier;

  const scrub = (text: string): string =>
    secrets
      .filter((s) => s.length >= 4)
      .reduce((out, s) => out.split(s).join('***'), redactUrlsIn(text));
  const post: PostOptions = { ...POST_DEFAULTS, ...options.post, clock: options.clock };
  const records: NotificationRecord[] = [];
  const events: NotifyEvent[] = [];
  let initiated: NotifyFacts | undefined;
  let chain: Promise<void> = Promise.resolve();

  const deliver = async (channel: Channel, facts: NotifyFacts): Promise<void> => {
    const record = (status: NotificationRecord['status'], detail: string): void => {
      const line = scrub(detail);
      records.push({ channel: channel.id, event: facts.event, status, detail: line });
      options.log(`notify: ${channel.label} (${facts.event}): ${status}: ${line}`);
    };
    if (channel.severities) {
      const severity = facts.severity;
      if (!severity || !channel.severities.includes(severity)) {
        record(
          'skipped',
          `${severity ?? 'no severity'} does not page (severities: ${channel.severities.join(', ')})`,
        );
        return;
      }
    }
    if (channel.problem) return record('failed', channel.problem);
    if (options.dryRun) return record('planned', `dry run: would send ${channel.preview(facts)}`);
    const result = await postJson(channel.url, channel.headers, channel.body(facts), post);
    if (result.ok)
      record(
        'sent',
        `answered ${result.status}${result.attempts > 1 ? ` after ${result.attempts} attempts` : ''}`,
      );
    else record('failed', result.detail);
  };

  const enqueue = (facts: NotifyFacts): Promise<void> => {
    events.push(facts.event);
    if (facts.event === 'initiated') initiated = facts;
    const subscribed = channels.filter((c) => c.events.includes(facts.event));
    chain = chain
      .then(() => Promise.all(subscribed.map((c) => deliver(c, facts))))
      .then(
        () => undefined,
        // deliver records its failures; this only keeps the chain alive whatever happens.
        () => undefined,
      );
    return chain;
  };

  const notifier: Notifier = {
    start: (facts) => void enqueue(facts),
    send: (facts) => enqueue(facts),
    abandon: async (why, at) => {
      try {
        if (initiated && events.every((e) => e === 'initiated'))
          await enqueue({
            ...initiated,
            event: 'failed',
            verdict: 'rollback-failed',
            severity: 'P0',
            actionNeeded: why,
            at,
          });
        await notifier.settle();
      } catch {
        // best effort, as every notification
      }
    },
    settle: async () => {
      await chain;
      const failed = new Map<string, NotificationRecord[]>();
      for (const r of records.filter((r) => r.status === 'failed'))
        failed.set(r.channel, [...(failed.get(r.channel) ?? []), r]);
      for (const [id, list] of failed) {
        const channel = channels.find((c) => c.id === id);
        // A channel that could not be set up was warned about when the run began.
        if (!channel || channel.problem) continue;
        const last = list.at(-1)?.detail ?? '';
        options.warn(
          `${channel.label} was not notified (${list.map((r) => r.event).join(', ')}): ${last}; the rollback and its verdict are not affected`,
        );
      }
      return [...records];
    },
    get events() {
      return [...events];
    },
  };
  return notifier;
}

/**
 * After guard or rollback: the outcome (completed, failed or recommended) from the mode's
 * report, once the incident is filed so its URL is in the message; then every delivery ends
 * and one line goes to the job summary. The records for the report; undefined for other modes.
 */
export async function notifyOutcome(
  context: ModeContext,
  result: ModeResult,
): Promise<NotificationRecord[] | undefined> {
  const { config, env } = context;
  if (config.mode !== 'guard' && config.mode !== 'rollback') return undefined;
  const facts = outcomeFacts({
    report: result.report as GuardReport | RollbackModeReport,
    outputs: result.outputs,
    failure: result.failure,
    run: {
      ...(context.run.runUrl ? { runUrl: context.run.runUrl } : {}),
      ...(env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {}),
      ...(context.run.sha ? { sha: context.run.sha } : {}),
      at: context.clock.now(),
    },
  });
  if (facts) await context.notifier.send(facts);
  const records = await context.notifier.settle();
  if (records.length && env.GITHUB_STEP_SUMMARY)
    await core.summary
      .addRaw(`\n${notificationsLine(records)}\n`)
      .write()
      .catch(() => undefined);
  return records;
}

/** The policy's channels, each secret read from the environment and masked at once. */
function readChannels(options: NotifierOptions, mask: (secret: string) => void): Channel[] {
  const { policy, env } = options;
  if (!policy) return [];
  const channels: Channel[] = [];
  /** A URL from a variable: masked whole and by its path, which is the credential of many hooks. */
  const urlFrom = (variable: string, key: string): { url: string; problem?: string } => {
    const value = env[variable]?.trim();
    if (!value)
      return {
        url: '',
        problem: `${key} names ${variable}, which is not set in this step (set it under env: from a secret)`,
      };
    mask(value);
    urlSecrets(value).forEach(mask);
    if (!isHttpUrl(value))
      return { url: '', problem: `${variable} (${key}) does not hold an http:// or https:// URL` };
    const { pathname, search } = new URL(value);
    if (`${pathname}${search}`.length >= 16) mask(`${pathname}${search}`);
    return { url: value };
  };

  const slack = policy.slack;
  if (slack) {
    const { url, problem } = urlFrom(slack['webhook-url-env'], 'notify.slack.webhook-url-env');
    channels.push({
      id: 'slack',
      label: 'Slack',
      events: slack.on ?? DEFAULT_ON.slack,
      ...(problem ? { problem } : {}),
      url,
      headers: {},
      body: (facts) => slackMessage(facts, slack.channel),
      preview: (facts) => JSON.stringify(slackMessage(facts, slack.channel).text.split('\n')[0]),
    });
  }

  const pd = policy.pagerduty;
  if (pd) {
    const variable = pd['routing-key-env'];
    const key = env[variable]?.trim() ?? '';
    if (key) mask(key);
    urlSecrets(pd.url ?? '').forEach(mask);
    channels.push({
      id: 'pagerduty',
      label: 'PagerDuty',
      events: pd.on ?? DEFAULT_ON.pagerduty,
      severities: pd.severities ?? DEFAULT_PAGE_SEVERITIES,
      ...(key
        ? {}
        : {
            problem: `notify.pagerduty.routing-key-env names ${variable}, which is not set in this step (set it under env: from a secret)`,
          }),
      url: pd.url ?? PAGERDUTY_URL,
      headers: {},
      body: (facts) => pagerDutyEvent(facts, key),
      preview: (facts) => {
        const event = pagerDutyEvent(facts, '***') as {
          payload: { severity: string; summary: string };
        };
        return `a ${event.payload.severity} trigger: ${JSON.stringify(event.payload.summary)}`;
      },
    });
  }

  for (const [i, hook] of (policy.webhooks ?? []).entries()) {
    const at = `notify.webhooks[${i}]`;
    const variable = hook['url-env'];
    const source = variable ? urlFrom(variable, `${at}.url-env`) : { url: hook.url ?? '' };
    if (!variable) urlSecrets(source.url).forEach(mask);
    const { headers, secrets, missing } = headersFromEnv(hook.headers, hook['headers-env'], env);
    secrets.forEach(mask);
    const problem =
      source.problem ??
      (missing.length
        ? `${at}.headers-env names ${missing.join(', ')}, not set in this step (set it under env: from a secret)`
        : undefined);
    channels.push({
      id: `webhook ${hook.name}`,
      label: `webhook '${hook.name}'`,
      events: hook.on ?? DEFAULT_ON.webhook,
      ...(problem ? { problem } : {}),
      url: source.url,
      headers,
      body: webhookBody,
      preview: (facts) =>
        `the ${facts.event} JSON (${JSON.stringify(webhookBody(facts)).length} bytes)`,
    });
  }
  return channels;
}
