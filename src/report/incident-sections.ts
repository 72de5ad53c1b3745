/**
 * The sections of the incident issue, each a whole piece of Markdown (heading, text, table),
 * so the body is shortened by showing fewer rows or points, never by cutting a section.
 * `Limits` says how much of each list to show; incident.ts picks the largest that fits.
 */
import { STAGE_LABEL } from './plan.js';
import { formatDuration } from '../duration.js';
import { format } from '../analysis/triggers.js';
import { plural } from '../text.js';
import { mermaidChart } from './chart.js';
import { codeSpan, escapeExternal, safeTable } from './escape.js';
import type { IncidentFacts, IncidentTrigger } from './incident-facts.js';

export interface Limits {
  /** Rows of a long table (commits keep this many at each end). */
  rows: number;
  /** Charts of failing metrics, and points in each. */
  charts: number;
  points: number;
  /** Characters of one piece of outside text. */
  text: number;
}

/** From the whole story to the least that still says it; the last always fits. */
export const LEVELS: readonly Limits[] = [
  { rows: 60, charts: 8, points: 40, text: 300 },
  { rows: 25, charts: 4, points: 30, text: 200 },
  { rows: 8, charts: 2, points: 20, text: 120 },
  { rows: 3, charts: 1, points: 12, text: 80 },
];

const STATUS: Record<IncidentTrigger['status'], string> = {
  fail: '❌ fail',
  'no-data': '❔ no data',
  pass: '✅ pass',
};

/** `2026-11-20 14:05:00`: the timeline's column says UTC. */
export function utc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Whole seconds: `4m30s`. */
export function duration(ms: number): string {
  return formatDuration(Math.max(0, Math.round(ms / 1000)) * 1000);
}

/** What people call a release: an image's tag, or the start of its digest. */
export function versionOf(image: string): string {
  const digest = /@sha256:([0-9a-f]{12})/i.exec(image);
  if (digest) return `sha256:${digest[1] ?? ''}`;
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : 'latest';
}

/** The releases on one side of the rollback, as one short phrase. */
export function releases(f: IncidentFacts, side: 'before' | 'after'): string | undefined {
  const tags = [...new Set(f.versions.flatMap((v) => (v[side] ? [versionOf(v[side])] : [])))];
  if (tags.length === 0) return undefined;
  return tags.length <= 2 ? tags.join(', ') : `${tags.slice(0, 2).join(', ')} and others`;
}

/** The first `keep` and last `keep` items, and how many are not shown between them. */
export function headTail<T>(items: readonly T[], keep: number): [T[], number, T[]] {
  if (items.length <= keep * 2) return [[...items], 0, []];
  return [items.slice(0, keep), items.length - keep * 2, items.slice(-keep)];
}

/** Rows of a long table with one "… N more" row in the middle, as wide as the others. */
function longRows(
  rows: readonly string[][],
  keep: number,
  width: number,
  what: string,
): string[][] {
  const [head, hidden, tail] = headTail(rows, keep);
  if (!hidden) return head;
  return [
    ...head,
    [`… ${plural(hidden, what)} more`, ...Array<string>(width - 1).fill('…')],
    ...tail,
  ];
}

const prompt = (text: string): string => `_✏️ ${text}_`;

const failing = (f: IncidentFacts): IncidentTrigger[] =>
  f.triggers.filter((t) => t.status === 'fail');

function outcomePhrase(f: IncidentFacts): string {
  const before = releases(f, 'before');
  const after = releases(f, 'after');
  switch (f.verdict) {
    case 'rolled-back':
      return `rolled back${before ? ` from ${before}` : ''}${after ? ` to ${after}` : ''}`;
    case 'rollback-recommended':
      return `not rolled back automatically: a rollback${before ? ` of ${before}` : ''} is recommended`;
    case 'rollback-failed':
      return `the rollback${before ? ` of ${before}` : ''} failed`;
    default:
      return f.verdict;
  }
}

export function summarySection(f: IncidentFacts, l: Limits): string {
  const names = failing(f).map((t) => escapeExternal(t.name, l.text));
  const shownTargets = f.targets.slice(0, l.rows).map((t) => codeSpan(t, l.text));
  const more = f.targets.length - shownTargets.length;
  const lines = [
    `- **Verdict:** ${f.verdict}${f.severity ? ` (${f.severity})` : ''}: ${escapeExternal(outcomePhrase(f), l.text)}`,
    `- **What happened:** ${escapeExternal(f.headline, l.text * 2)}`,
    `- **Service:** ${escapeExternal(f.service, 100)}; targets: ${shownTargets.join(', ') || 'none'}${more > 0 ? ` and ${more} more` : ''}`,
    `- **Deployed:** ${utc(f.deployedAt)} UTC${f.actor ? ` by ${escapeExternal(f.actor, 100)}` : ''}`,
    ...(f.rolledBackBy
      ? [`- **Rolled back by:** ${escapeExternal(f.rolledBackBy, 100)}, by hand (mode: rollback)`]
      : []),
  ];
  if (f.detectedAt !== undefined)
    lines.push(
      `- **Detected:** ${utc(f.detectedAt)} UTC, ${duration(f.detectedAt - f.deployedAt)} after the deploy${names.length ? `, by ${names.join(', ')}` : ''}`,
    );
  // At 3 a.m. the run's logs are the next click: first here, again under Links.
  const run = runLink(f.runUrl);
  if (run) lines.push(`- **Run:** ${run}`);
  if (f.verification)
    lines.push(
      `- **Verified:** ${f.verification.verified ? `yes${f.verifiedAt !== undefined ? `, at ${utc(f.verifiedAt)} UTC` : ''}` : '**no**: see Verification'}`,
    );
  return `## Summary\n\n${lines.join('\n')}\n`;
}

export function impactSection(f: IncidentFacts): string {
  const i = f.impact ?? {};
  const failed =
    i.failedRequests === undefined
      ? prompt('not measured: fill in from the service’s dashboards')
      : `${Math.round(i.failedRequests).toLocaleString('en-US')}${i.requests ? ` of ${Math.round(i.requests).toLocaleString('en-US')} (${((100 * i.failedRequests) / i.requests).toPrecision(3)} %)` : ''}${i.countedBy ? `, counted by ${escapeExternal(i.countedBy, 200)} from the deploy to the decision` : ''}`;
  const breach =
    i.breachMs !== undefined
      ? duration(i.breachMs)
      : f.breachBeganAt !== undefined && f.verifiedAt !== undefined
        ? `at most ${duration(f.verifiedAt - f.breachBeganAt)} (from the breach’s start to the verified rollback)`
        : prompt('not known: from the breach’s start to recovery');
  return [
    '## Impact\n',
    `- **Failed requests during the breach:** ${failed}`,
    `- **Breach duration:** ${breach}`,
    `- **Affected users:** ${prompt('number or share of users')}`,
    `- **Data loss or corruption:** ${prompt('none, or what')}`,
    `- **Business impact:** ${prompt('revenue, SLA credits, complaints')}`,
    '',
  ].join('\n');
}

/** The events the action saw, in order: [time, what]. */
export function timelineEvents(f: IncidentFacts, l: Limits): [number, string][] {
  const names = failing(f)
    .map((t) => escapeExternal(t.name, l.text))
    .join(', ');
  const events: [number, string][] = [
    [
      f.deployedAt,
      `Deployed${releases(f, 'before') ? ` ${escapeExternal(releases(f, 'before') ?? '', l.text)}` : ''}`,
    ],
  ];
  if (f.breachBeganAt !== undefined)
    events.push([f.breachBeganAt, `Breach began${names ? `: ${names}` : ''}`]);
  if (f.detectedAt !== undefined)
    events.push([
      f.detectedAt,
      `Detected: verdict ${f.verdict}${f.severity ? ` (${f.severity})` : ''}`,
    ]);
  if (f.decidedAt !== undefined) events.push([f.decidedAt, 'Decision: plan made']);
  (f.plan?.stages ?? []).forEach((s, n) => {
    const name = `stage ${n + 1} (${escapeExternal(s.name, l.text)})`;
    if (s.startedAt !== undefined) events.push([s.startedAt, `Started ${name}`]);
    if (s.finishedAt !== undefined)
      events.push([s.finishedAt, `Finished ${name}: ${STAGE_LABEL[s.outcome]}`]);
  });
  if (f.verifiedAt !== undefined)
    events.push([
      f.verifiedAt,
      f.verification?.verified === false ? 'Verification ended: **not verified**' : 'Verified',
    ]);
  // Stable: events at the same second keep the order they happen in.
  return events.sort((a, b) => a[0] - b[0]);
}

export function timelineSection(f: IncidentFacts, l: Limits): string {
  const rows = timelineEvents(f, l).map(([at, what]) => {
    const since = at - f.deployedAt;
    return [utc(at), since < 0 ? `-${duration(-since)}` : `+${duration(since)}`, what];
  });
  return `## Timeline (UTC)\n\n${safeTable(['Time (UTC)', 'Since deploy', 'Event'], longRows(rows, l.rows, 3, 'event'))}\n`;
}

export function triggersSection(f: IncidentFacts, l: Limits): string {
  // Failing first: the reason for the incident is the first thing read.
  const order = { fail: 0, 'no-data': 1, pass: 2 } as const;
  const sorted = [...f.triggers].sort((a, b) => order[a.status] - order[b.status]);
  const rows = sorted.map((t) => [
    escapeExternal(t.name, l.text),
    t.severity,
    // Over its threshold, not yet for long enough: not a pass a reader should trust.
    t.breaching ? `🟠 breaching (${escapeExternal(t.breaching, 60)})` : STATUS[t.status],
    format(t.value),
    t.threshold === undefined
      ? '-'
      : `${t.direction === 'below' ? '<' : '>'} ${format(t.threshold)}`,
    t.baseline === undefined ? '-' : format(t.baseline),
    escapeExternal(t.detail, l.text),
  ]);
  const table = safeTable(
    ['Trigger', 'Severity', 'Status', 'Observed', 'Threshold', 'Baseline', 'Detail'],
    longRows(rows, l.rows, 7, 'trigger'),
  );
  return `## Triggers\n\n${f.triggers.length ? table : 'No trigger was judged.'}\n`;
}

export function chartsSection(f: IncidentFacts, l: Limits): string {
  const charts = failing(f).flatMap((t) => {
    const chart = mermaidChart(
      {
        name: t.name,
        observations: t.observations,
        threshold: t.threshold,
        direction: t.direction,
        origin: f.deployedAt,
      },
      l.points,
    );
    return chart ? [{ t, chart }] : [];
  });
  if (!charts.length) return '';
  const shown = charts.slice(0, l.charts);
  const parts = shown.map(({ t, chart }) => {
    const gaps = t.observations.filter((o) => o.value === undefined || !Number.isFinite(o.value));
    const polls = t.observations.length - gaps.length;
    const note = `${plural(polls, 'poll')}${polls > l.points ? `, shown as ${l.points} points (the worst of each stretch)` : ''}${gaps.length ? `; ${plural(gaps.length, 'poll')} without data not shown` : ''}.`;
    return `### ${escapeExternal(t.name, l.text)}\n\n${chart}\n\n${note}\n`;
  });
  const rest = charts.length - shown.length;
  if (rest > 0) parts.push(`${plural(rest, 'more failing metric')} not charted: see Triggers.\n`);
  return `## Failing metrics over the watch\n\n${parts.join('\n')}`;
}

export function versionsSection(f: IncidentFacts, l: Limits): string {
  if (!f.versions.length) return `## Versions\n\n${prompt('no target images were recorded')}\n`;
  const rows = f.versions.map((v) => [
    escapeExternal(v.context, l.text),
    codeSpan(v.target, l.text),
    escapeExternal(v.container, l.text),
    codeSpan(v.before, l.text),
    v.after === undefined
      ? 'unchanged'
      : v.after === v.before
        ? 'unchanged'
        : codeSpan(v.after, l.text),
  ]);
  return `## Versions\n\n${safeTable(['Region', 'Target', 'Container', 'Before the rollback', 'After the rollback'], longRows(rows, l.rows, 5, 'container'))}\n`;
}

const shortSha = (sha: string): string =>
  /^[0-9a-f]{7,64}$/i.test(sha) ? codeSpan(sha.slice(0, 12)) : escapeExternal(sha, 40);

export function commitsSection(f: IncidentFacts, l: Limits): string {
  if (!f.range) return '';
  const { base, head, commits } = f.range;
  const rows = commits.map((c) => [
    shortSha(c.sha),
    escapeExternal(c.author, 80),
    // A number from the API, not outside text: GitHub links it to the pull request.
    c.pr !== undefined && Number.isInteger(c.pr) && c.pr > 0 ? `#${c.pr}` : '-',
    escapeExternal(c.subject, l.text),
  ]);
  const intro = `${shortSha(base)} … ${shortSha(head)}: ${plural(commits.length, 'commit')}, newest first.`;
  const table = rows.length
    ? `\n\n${safeTable(['Commit', 'Author', 'Pull request', 'Subject'], longRows(rows, l.rows, 4, 'commit'))}`
    : '';
  return `## Commits deployed\n\n${intro}${table}\n`;
}

export function decisionSection(f: IncidentFacts, l: Limits): string {
  if (!f.plan) return '';
  const p = f.plan;
  const list = (items: readonly string[]): string => {
    const [head, hidden, tail] = headTail(items, l.rows);
    return [
      ...head.map((r) => `- ${escapeExternal(r, l.text * 2)}`),
      ...(hidden ? [`- … ${plural(hidden, 'more line')}`] : []),
      ...tail.map((r) => `- ${escapeExternal(r, l.text * 2)}`),
    ].join('\n');
  };
  const parts = ['## Decision\n', list(p.reasons)];
  if (p.stages.length) {
    const rows = p.stages.map((s, n) => [
      `${n + 1}. ${escapeExternal(s.name, l.text)}`,
      escapeExternal(s.why, l.text),
      STAGE_LABEL[s.outcome],
      s.startedAt === undefined ? '-' : utc(s.startedAt).slice(11),
      s.finishedAt === undefined ? '-' : utc(s.finishedAt).slice(11),
      s.detail
        .slice(0, l.rows)
        .map((d) => escapeExternal(d, l.text))
        .join('; ') || '-',
    ]);
    parts.push(
      '',
      safeTable(
        ['Stage', 'Why', 'Outcome', 'Started', 'Finished', 'Detail'],
        longRows(rows, l.rows, 6, 'stage'),
      ),
    );
  }
  if (p.leftAlone.length)
    parts.push('', 'Left alone:', '', list(p.leftAlone.map((a) => `${a.target}: ${a.why}`)));
  // After a rollback that worked, fix-forward advice is history, not a next step.
  if (p.advice.length && f.verdict !== 'rolled-back')
    parts.push('', '**Fix forward:**', '', list(p.advice));
  return `${parts.join('\n')}\n`;
}

export function verificationSection(f: IncidentFacts, l: Limits): string {
  const v = f.verification;
  if (!v) return '';
  const head = v.verified
    ? `✅ Verified${f.verifiedAt !== undefined ? ` at ${utc(f.verifiedAt)} UTC` : ''}.`
    : '❌ **Not verified**: the rollback ran, but the checks below did not all pass.';
  const icon = { pass: '✅ pass', fail: '❌ fail', 'no-data': '❔ no data', skipped: '⏭️ skipped' };
  const table = v.checks.length
    ? `\n\n${safeTable(
        ['Check', 'Result', 'Detail'],
        longRows(
          v.checks.map((c) => [
            escapeExternal(c.name, l.text),
            icon[c.status],
            escapeExternal(c.detail, l.text),
          ]),
          l.rows,
          3,
          'check',
        ),
      )}`
    : '';
  return `## Verification\n\n${head}${table}\n`;
}

export function slaSection(f: IncidentFacts): string {
  if (!f.sla)
    return `## Time against SLA\n\n${prompt('no rollback SLA is set (policy verify.sla)')}\n`;
  const { limitMs, elapsedMs } = f.sla;
  const unverified = f.verification?.verified === false;
  const met = !unverified && elapsedMs <= limitMs;
  const verdict = unverified
    ? '**not met**: the rollback was not verified'
    : met
      ? `**met**, ${duration(limitMs - elapsedMs)} to spare`
      : `**missed** by ${duration(elapsedMs - limitMs)}`;
  return `## Time against SLA\n\nDecision to verified: ${duration(elapsedMs)} against the SLA of ${duration(limitMs)}: ${verdict}.\n`;
}

/** A link only to a plain http(s) address; anything else is shown as text. */
function runLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return /^https?:\/\/[^\s()<>[\]"'`]+$/.test(url) ? `[Workflow run](${url})` : escapeExternal(url);
}

export function linksSection(f: IncidentFacts): string {
  return `## Links\n\n- ${runLink(f.runUrl) ?? prompt('no run URL')}\n`;
}

export function promptsSection(): string {
  return [
    '## Root cause\n',
    prompt('What caused it, and why the checks before production did not catch it.'),
    '',
    '## Contributing factors\n',
    `1. ${prompt('technical')}`,
    `2. ${prompt('process')}`,
    `3. ${prompt('testing gap')}`,
    '',
    '## Lessons learned\n',
    `- ${prompt('what went wrong')}`,
    `- ${prompt('what went right')}`,
    '',
    '## Action items\n',
    safeTable(
      ['Action', 'Owner', 'Due', 'Priority', 'Status'],
      [[prompt('action'), prompt('owner'), prompt('date'), 'High', 'Open']],
    ),
    '',
  ].join('\n');
}

/** The runbooks' post-rollback checklist; what the action itself did is already ticked. */
export function checklistSection(f: IncidentFacts): string {
  const v = f.verification;
  const smokeChecks = v?.checks.filter((c) => c.kind === 'smoke') ?? [];
  const smoke = smokeChecks.length > 0 && smokeChecks.every((c) => c.status === 'pass');
  const item = (done: boolean, text: string): string => `- [${done ? 'x' : ' '}] ${text}`;
  return [
    '## Post-rollback checklist\n',
    item(
      v?.verified === true,
      'Rollback verified: rollouts complete, images as before, triggers passing',
    ),
    item(
      smoke,
      smokeChecks.length || !v
        ? 'Smoke checks passed'
        : 'Smoke checks passed (none configured: `verify.checks` in the policy runs them)',
    ),
    item(false, 'Critical user flows checked by hand (sign-in, the main paths)'),
    item(false, 'Dashboards show no error spikes; error rate and latency back to the baseline'),
    item(false, 'Data integrity checked (record counts, no orphaned or corrupt records)'),
    item(false, 'Stakeholders told the rollback is complete'),
    // The deploy freeze holds them: capture refuses while this issue is open.
    item(
      true,
      `Further deploys of ${escapeExternal(f.service, 100)} held until the cause is known: \`capture\` refuses while this issue is open (\`override-freeze\` to deploy anyway, or deploy a revert)`,
    ),
    item(false, 'Logs and metrics of the window kept as evidence'),
    item(false, 'Root cause analysis scheduled (within 24 hours)'),
    item(false, 'Runbooks, alerts and tests updated'),
    '',
  ].join('\n');
}
