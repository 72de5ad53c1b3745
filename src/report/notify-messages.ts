/**
 * What a notification says, for Slack, PagerDuty (Events API v2) and a JSON webhook. Pure:
 * the run's facts in, the request body out; the one place that sends them is src/notify.ts.
 * The wording follows the runbooks' communication templates (rollback initiated, completed,
 * and the escalation when it fails). Text from outside (a reason, a commit subject, a metric
 * label, a trigger's detail) is made inert where it is rendered: Slack's control characters
 * escaped and mentions broken, so nothing in a commit can ping a channel.
 */
import type { Severity } from '../constants.js';
import type { Plan } from '../decide/plan.js';
import { describeRef, type TargetRef } from '../kube/snapshot.js';
import type { NotifyEvent, NotifyPolicy } from '../policy/types.js';
import { oneLine } from './escape.js';
import { escapeText } from './markdown.js';
import { versionsOf } from './incident-of-run.js';
import type { GuardReport, RollbackModeReport } from './types.js';

export const NOTIFY_EVENTS: readonly NotifyEvent[] = [
  'initiated',
  'completed',
  'failed',
  'recommended',
];

/** The events each kind of channel gets unless the policy says otherwise. */
export const DEFAULT_ON: Readonly<
  Record<'slack' | 'pagerduty' | 'webhook', readonly NotifyEvent[]>
> = {
  slack: NOTIFY_EVENTS,
  // One page, once the outcome is known: what the person paged must do depends on it.
  pagerduty: ['completed', 'failed', 'recommended'],
  webhook: NOTIFY_EVENTS,
};

export const DEFAULT_PAGE_SEVERITIES: readonly Severity[] = ['P0'];
export const PAGERDUTY_URL = 'https://events.pagerduty.com/v2/enqueue';

/** What one container ran before the rollback and runs (or will run) after it. */
export interface NotifyVersion {
  /** `eu-west shop/deployment/api`. */
  target: string;
  container: string;
  from?: string;
  to?: string;
}

/** Everything a notification can say about one event of the run. */
export interface NotifyFacts {
  event: NotifyEvent;
  /** The run's verdict (`rolled-back`, ...); for `initiated`, the watch's (`fail`, `manual`). */
  verdict: string;
  service: string;
  targets: readonly string[];
  severity?: Severity;
  /** Why: the failing trigger's headline, or the `reason` input. */
  reason: string;
  versions: readonly NotifyVersion[];
  /** Where the rollback goes, in words (`the captured snapshot`, `the previous revision`). */
  destination?: string;
  commits?: { deployed?: string; previous?: string };
  /** initiated: the plan's strategy; after: what was done (`feature-flag+kubernetes`). */
  strategy: string;
  /** The plan's stages, in order (initiated). */
  stages?: readonly string[];
  verified?: boolean;
  /** Why the rollback is not verified. */
  verificationProblem?: string;
  rollbackSeconds?: number;
  incidentUrl?: string;
  pullRequestUrl?: string;
  /** failed: what failed; recommended: what a person must do. */
  actionNeeded?: string;
  runUrl?: string;
  repository?: string;
  sha?: string;
  /** When the event happened (epoch ms). */
  at: number;
}

const ZWSP = '\u200b';

/**
 * Text from outside, safe in a Slack mrkdwn message: one line, bounded, `&`, `<` and `>`
 * escaped as Slack asks (so `<!channel>`, `<@U123>` and `<url|text>` are shown, not acted on),
 * and a zero-width space after each `@` so `@here` is not a mention where names are linked.
 */
export function escapeSlack(text: string, max = 300): string {
  return oneLine(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, `@${ZWSP}`);
}

/** A Slack link `<url|label>`; a URL Slack could misread is shown as escaped text instead. */
function slackLink(url: string, label: string): string {
  if (!/^https?:\/\/[^\s<>|]+$/.test(url)) return escapeSlack(url);
  return `<${url.replace(/&/g, '&amp;')}|${escapeSlack(label, 80)}>`;
}

const TITLES: Record<NotifyEvent, string> = {
  initiated: 'ROLLBACK INITIATED',
  completed: 'ROLLBACK COMPLETED',
  failed: 'ROLLBACK FAILED',
  recommended: 'ROLLBACK RECOMMENDED',
};

const EMOJI: Record<NotifyEvent, string> = {
  initiated: ':rotating_light:',
  completed: ':white_check_mark:',
  failed: ':x:',
  recommended: ':warning:',
};

const short = (sha: string): string => sha.slice(0, 7);

/** `shop/api:2.0 → shop/api:1.9`, one per distinct change, at most `max`. */
export function describeVersions(facts: NotifyFacts, max = 5): string | undefined {
  const lines = [
    ...new Set(
      facts.versions.map((v) =>
        // Only one side known (the rollback has not run): the other is said by `destination`.
        v.from && v.to ? `${v.from} → ${v.to}` : v.to ? `→ ${v.to}` : (v.from ?? '?'),
      ),
    ),
  ];
  const commits =
    facts.commits?.deployed && facts.commits.previous
      ? `commit ${short(facts.commits.deployed)} → ${short(facts.commits.previous)}`
      : facts.commits?.deployed
        ? `commit ${short(facts.commits.deployed)}`
        : undefined;
  if (!lines.length) return commits;
  const shown = lines.slice(0, max).join(', ');
  return lines.length > max ? `${shown} and ${lines.length - max} more` : shown;
}

function verification(facts: NotifyFacts): string | undefined {
  if (facts.verified === undefined) return undefined;
  return facts.verified
    ? 'verified'
    : `NOT verified${facts.verificationProblem ? `: ${facts.verificationProblem}` : ''}`;
}

/** The headline of a message: what happened to which service, in one line. */
export function notifyHeadline(facts: NotifyFacts): string {
  const service = oneLine(facts.service, 80);
  const severity = facts.severity ? `[${facts.severity}] ` : '';
  const versions = describeVersions(facts, 2);
  const what: Record<NotifyEvent, string> = {
    initiated: `rolling back ${service}${versions ? ` (${versions})` : ''}`,
    completed: `${service} rolled back${versions ? ` (${versions})` : ''}${facts.verified === false ? ', NOT verified' : ''}`,
    failed: `rollback of ${service} failed${facts.verified === false && facts.verdict === 'rolled-back' ? ' verification' : ''}`,
    recommended: `${service}: rollback recommended, a person must act`,
  };
  return `${severity}${what[facts.event]}`;
}

/** The body of a Slack incoming webhook: `text` in mrkdwn (and the legacy channel override). */
export function slackMessage(
  facts: NotifyFacts,
  channel?: string,
): { text: string; channel?: string } {
  const field = (name: string, value: string | undefined, max = 300): string[] =>
    value === undefined || value === '' ? [] : [`*${name}:* ${escapeSlack(value, max)}`];
  const versions = describeVersions(facts);
  const seconds =
    facts.rollbackSeconds === undefined ? undefined : `${facts.rollbackSeconds.toFixed(1)} s`;
  const links = [
    facts.incidentUrl ? slackLink(facts.incidentUrl, 'Incident') : undefined,
    facts.pullRequestUrl ? slackLink(facts.pullRequestUrl, 'Revert pull request') : undefined,
    facts.runUrl ? slackLink(facts.runUrl, 'Workflow run') : undefined,
  ].filter((l): l is string => l !== undefined);
  const lines = [
    `${EMOJI[facts.event]} *${TITLES[facts.event]}*: ${escapeSlack(notifyHeadline(facts), 200)}`,
    ...field('Service', `${facts.service} (${facts.targets.join(', ')})`),
    ...field(facts.event === 'initiated' ? 'Rolling back' : 'Version', versions),
    ...(facts.event === 'initiated' ? field('To', facts.destination) : []),
    ...field('Severity', facts.severity),
    ...field('Reason', facts.reason, 500),
    ...(facts.event === 'initiated'
      ? field('Plan', facts.stages?.join(', then if needed ') ?? facts.strategy)
      : field('Strategy', facts.strategy === 'none' ? undefined : facts.strategy)),
    ...field('Duration', seconds),
    ...field('Verification', verification(facts), 500),
    ...field(facts.event === 'failed' ? 'What failed' : 'Action needed', facts.actionNeeded, 500),
    ...field('Started', facts.event === 'initiated' ? utc(facts.at) : undefined),
    ...(links.length ? [links.join(' · ')] : []),
  ];
  return { text: lines.join('\n'), ...(channel ? { channel } : {}) };
}

function utc(at: number): string {
  return `${new Date(at).toISOString().slice(11, 16)} UTC`;
}

const PD_SEVERITY: Record<Severity, 'critical' | 'error' | 'warning'> = {
  P0: 'critical',
  P1: 'error',
  P2: 'warning',
};

/**
 * The dedup key: one PagerDuty alert per service of a repository while it is open, so the
 * events of one incident (and a repeat before anyone resolved it) group instead of paging again.
 */
export function dedupKey(facts: Pick<NotifyFacts, 'repository' | 'service'>): string {
  return `rollback-action/${facts.repository ?? 'local'}/${facts.service}`.slice(0, 255);
}

/** An Events API v2 trigger (https://events.pagerduty.com/v2/enqueue). */
export function pagerDutyEvent(facts: NotifyFacts, routingKey: string): Record<string, unknown> {
  const links = [
    facts.incidentUrl ? { href: facts.incidentUrl, text: 'Incident issue' } : undefined,
    facts.pullRequestUrl ? { href: facts.pullRequestUrl, text: 'Revert pull request' } : undefined,
    facts.runUrl ? { href: facts.runUrl, text: 'Workflow run' } : undefined,
  ].filter((l) => l !== undefined);
  const reason = facts.actionNeeded ?? facts.reason;
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey(facts),
    client: 'rollback-action',
    ...(facts.runUrl ? { client_url: facts.runUrl } : {}),
    payload: {
      // PagerDuty cuts the summary at 1024 characters; the reason is what is cut first.
      summary: oneLine(`${notifyHeadline(facts)}: ${oneLine(reason, 1024)}`, 1024),
      source: oneLine(facts.service, 255),
      severity: facts.severity ? PD_SEVERITY[facts.severity] : 'info',
      timestamp: new Date(facts.at).toISOString(),
      ...(facts.repository ? { group: facts.repository } : {}),
      class: `rollback ${facts.event}`,
      custom_details: webhookBody(facts),
    },
    ...(links.length ? { links } : {}),
  };
}

/** A JSON webhook's body: the run's facts, kebab-case like the report, `null` when unknown. */
export function webhookBody(facts: NotifyFacts): Record<string, unknown> {
  return {
    source: 'rollback-action',
    event: facts.event,
    verdict: facts.verdict,
    service: facts.service,
    targets: facts.targets,
    severity: facts.severity ?? null,
    reason: oneLine(facts.reason, 1000),
    versions: facts.versions.map((v) => ({
      target: v.target,
      container: v.container,
      from: v.from ?? null,
      to: v.to ?? null,
    })),
    destination: facts.destination ?? null,
    strategy: facts.strategy,
    stages: facts.stages ?? null,
    verified: facts.verified ?? null,
    'verification-problem': facts.verificationProblem ?? null,
    'rollback-seconds': facts.rollbackSeconds ?? null,
    'action-needed': facts.actionNeeded ?? null,
    'incident-url': facts.incidentUrl ?? null,
    'pull-request-url': facts.pullRequestUrl ?? null,
    'run-url': facts.runUrl ?? null,
    repository: facts.repository ?? null,
    sha: facts.sha ?? null,
    at: new Date(facts.at).toISOString(),
  };
}

/** The event an outcome is: nothing for healthy and inconclusive runs. */
export function outcomeEvent(
  verdict: string,
  verified: boolean | undefined,
): NotifyEvent | undefined {
  if (verdict === 'rolled-back') return verified === false ? 'failed' : 'completed';
  if (verdict === 'rollback-failed') return 'failed';
  if (verdict === 'rollback-recommended') return 'recommended';
  return undefined;
}

/** One channel the policy subscribes, as validate lists it. */
export interface Subscription {
  /** `slack`, `pagerduty`, `webhook audit`. */
  channel: string;
  events: readonly NotifyEvent[];
  /** PagerDuty: the severities that page. */
  severities?: readonly Severity[];
  /** Where the URL or key comes from: `env SLACK_WEBHOOK_URL`, or a URL (redacted). */
  from: string;
}

/** Every channel of the policy with its events, defaults applied. */
export function subscriptions(
  policy: NotifyPolicy | undefined,
  showUrl: (url: string) => string,
): Subscription[] {
  if (!policy) return [];
  const out: Subscription[] = [];
  if (policy.slack)
    out.push({
      channel: 'slack',
      events: policy.slack.on ?? DEFAULT_ON.slack,
      from: `env ${policy.slack['webhook-url-env']}`,
    });
  if (policy.pagerduty)
    out.push({
      channel: 'pagerduty',
      events: policy.pagerduty.on ?? DEFAULT_ON.pagerduty,
      severities: policy.pagerduty.severities ?? DEFAULT_PAGE_SEVERITIES,
      from: `env ${policy.pagerduty['routing-key-env']}`,
    });
  for (const hook of policy.webhooks ?? [])
    out.push({
      channel: `webhook ${hook.name}`,
      events: hook.on ?? DEFAULT_ON.webhook,
      from: hook['url-env'] ? `env ${hook['url-env']}` : showUrl(hook.url ?? ''),
    });
  return out;
}

/** `slack: initiated, completed` as validate's log and summary say it. */
export function describeSubscription(s: Subscription): string {
  const events = s.events.length ? s.events.join(', ') : 'never (on: [])';
  const pages = s.severities ? ` for ${s.severities.join(', ')}` : '';
  return `${s.channel}: ${events}${pages} (${s.from})`;
}

/** What every event says about the run itself. */
export interface RunFacts {
  runUrl?: string;
  repository?: string;
  sha?: string;
  at: number;
}

/** The targets a plan acts on, in the order it names them. */
function planTargets(plan: Plan): TargetRef[] {
  const seen = new Set<string>();
  return plan.stages
    .flatMap((s) => s.actions.flatMap((a) => a.targets ?? []))
    .filter((t) => {
      const key = describeRef(t);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The service people call it by: the first target's name, else the repository's. */
function serviceOf(targets: readonly TargetRef[], repository: string | undefined): string {
  return targets[0]?.name ?? repository?.split('/')[1] ?? 'service';
}

function commitsOf(plan: Plan): NotifyFacts['commits'] {
  const deployed = plan.commits?.deployed ?? plan.range?.head;
  const previous = plan.commits?.previous ?? plan.range?.base;
  return deployed || previous
    ? { ...(deployed ? { deployed } : {}), ...(previous ? { previous } : {}) }
    : undefined;
}

/** True when running the plan will change something now (not only plan, not wait for approval). */
export function willRollBack(plan: Plan, planOnly: string | undefined, approved: boolean): boolean {
  const first = plan.stages[0];
  return planOnly === undefined && first !== undefined && (approved || !first.gated);
}

export interface InitiatedInput {
  plan: Plan;
  /** The watch's verdict (`fail`) or `manual`. */
  verdict: string;
  severity: Severity | undefined;
  reason: string;
  destination: string;
  /** Images running now, by target (`describeRef`), where they were read. */
  running: ReadonlyMap<string, Record<string, string>>;
  /** Images the rollback goes back to, by target, when it goes to the capture. */
  captured: ReadonlyMap<string, Record<string, string>>;
  run: RunFacts;
}

/** `initiated`: the decision is taken and the plan is about to run. */
export function initiatedFacts(input: InitiatedInput): NotifyFacts {
  const { plan, run } = input;
  const targets = planTargets(plan);
  const versions = targets.flatMap((t): NotifyVersion[] => {
    const target = describeRef(t);
    const from = input.running.get(target) ?? {};
    const to = input.captured.get(target) ?? {};
    return [...new Set([...Object.keys(from), ...Object.keys(to)])]
      .filter((c) => from[c] !== to[c])
      .map((container) => ({
        target,
        container,
        ...(from[container] ? { from: from[container] } : {}),
        ...(to[container] ? { to: to[container] } : {}),
      }));
  });
  const kinds = [
    ...new Set(
      plan.stages.flatMap((s) => s.actions.filter((a) => !a['follow-up']).map((a) => a.kind)),
    ),
  ];
  const commits = commitsOf(plan);
  return {
    event: 'initiated',
    verdict: input.verdict,
    service: serviceOf(targets, run.repository),
    targets: targets.length ? targets.map(describeRef) : [run.repository ?? 'service'],
    ...(input.severity ? { severity: input.severity } : {}),
    reason: input.reason,
    versions,
    destination: input.destination,
    ...(commits ? { commits } : {}),
    strategy: kinds.join('+') || 'none',
    stages: plan.stages.map((s) => s.name),
    ...runFields(run),
  };
}

function runFields(run: RunFacts): Pick<NotifyFacts, 'runUrl' | 'repository' | 'sha' | 'at'> {
  return {
    ...(run.runUrl ? { runUrl: run.runUrl } : {}),
    ...(run.repository ? { repository: run.repository } : {}),
    ...(run.sha ? { sha: run.sha } : {}),
    at: run.at,
  };
}

export interface OutcomeInput {
  /** The mode's part of the run report: guard's, or rollback's. */
  report: GuardReport | RollbackModeReport;
  outputs: Partial<Record<string, string>>;
  /** The step's failure line, when the run fails the step. */
  failure: string | undefined;
  run: RunFacts;
}

/** What a person must do about a recommendation, in one line. */
function actionFor(report: GuardReport | RollbackModeReport, failure: string | undefined): string {
  const planOnly = report.rollback?.['plan-only'];
  if (planOnly === 'approval: required')
    return "approval required: carry out this run's plan with mode: rollback (input plan), or fix forward";
  if (planOnly === 'strategy: none') return 'strategy is none: roll back by hand, or fix forward';
  if (planOnly === 'dry-run') return 'a dry run: nothing was changed';
  return failure ?? 'see the run';
}

/** completed, failed or recommended, from the run's report; undefined for any other verdict. */
export function outcomeFacts(input: OutcomeInput): NotifyFacts | undefined {
  const { report, run } = input;
  const rollback = report.rollback;
  const verification = report.verification;
  const event = outcomeEvent(report.verdict, verification?.verified);
  if (!event || !rollback) return undefined;
  const plan = report.decision;
  const targets = plan ? planTargets(plan) : [];
  const guard = 'headline' in report ? report : undefined;
  const manual = 'approved' in report ? report : undefined;
  const severity = event === 'failed' ? 'P0' : (guard?.severity ?? undefined);
  const seconds = Number(input.outputs['rollback-seconds']);
  const pullRequest = rollback.reverts.find((r) => r['pull-request'])?.['pull-request']?.url;
  const commits = plan ? commitsOf(plan) : undefined;
  const actionNeeded =
    event === 'recommended'
      ? actionFor(report, input.failure)
      : event === 'failed'
        ? report.verdict === 'rolled-back'
          ? `the rollback is not verified: ${verification?.problem ?? 'see the run'}`
          : (input.failure ?? 'see the run')
        : undefined;
  return {
    event,
    verdict: report.verdict,
    service: serviceOf(targets, run.repository),
    targets: targets.length ? targets.map(describeRef) : [run.repository ?? 'service'],
    ...(severity ? { severity } : {}),
    reason:
      guard?.headline ??
      manual?.reason ??
      (manual?.approved ? 'an approved plan' : 'a manual rollback'),
    versions: versionsOf(rollback.targets).map((v) => ({
      target: `${v.context} ${v.target}`,
      container: v.container,
      from: v.before,
      ...(v.after ? { to: v.after } : {}),
    })),
    destination: rollback.destination,
    ...(commits ? { commits } : {}),
    strategy: rollback.strategy,
    ...(verification ? { verified: verification.verified } : {}),
    ...(verification?.problem ? { verificationProblem: verification.problem } : {}),
    ...(Number.isFinite(seconds) && input.outputs['rollback-seconds'] !== undefined
      ? { rollbackSeconds: seconds }
      : {}),
    ...(input.outputs['incident-url'] ? { incidentUrl: input.outputs['incident-url'] } : {}),
    ...(pullRequest ? { pullRequestUrl: pullRequest } : {}),
    ...(actionNeeded ? { actionNeeded } : {}),
    ...runFields(run),
  };
}

/** One line of the job summary: each channel and how each of its events went. */
export function notificationsLine(
  records: readonly { channel: string; event: NotifyEvent; status: string; detail: string }[],
): string {
  const byChannel = new Map<string, string[]>();
  for (const r of records) {
    const mark = r.status === 'sent' ? '✅' : r.status === 'failed' ? '❌' : '➖';
    const why = r.status === 'sent' ? '' : ` (${r.status}: ${r.detail})`;
    byChannel.set(r.channel, [...(byChannel.get(r.channel) ?? []), `${mark} ${r.event}${why}`]);
  }
  const parts = [...byChannel].map(([channel, events]) => `${channel}: ${events.join(', ')}`);
  return `**Notifications:** ${escapeText(parts.join(' · '))}`;
}
