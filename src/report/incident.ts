/**
 * The incident issue: title, labels, the hidden marker that finds it again, the RCA-shaped
 * body (runbook 000's template with every fact the action knows), and the comment a later
 * event adds to it. Pure: facts in, text out; the GitHub calls live elsewhere.
 */
import { createHash } from 'node:crypto';
import { frozeMarker } from '../decide/freeze.js';
import { escapeExternal, oneLine } from './escape.js';
import type { IncidentFacts } from './incident-facts.js';
import type { IncidentFiled, IncidentUnfiled } from '../rollback/incident.js';
import { escapeText } from './markdown.js';
import {
  chartsSection,
  checklistSection,
  commitsSection,
  decisionSection,
  impactSection,
  LEVELS,
  linksSection,
  promptsSection,
  releases,
  slaSection,
  summarySection,
  timelineSection,
  triggersSection,
  utc,
  verificationSection,
  versionsSection,
  type Limits,
} from './incident-sections.js';

export type { IncidentFacts } from './incident-facts.js';

/** GitHub refuses a body or comment longer than this. */
export const GITHUB_BODY_LIMIT = 65_536;
/** What the renderers aim under: room for a person's edits and for the marker. */
export const BODY_BUDGET = 60_000;

export function incidentTitle(f: IncidentFacts): string {
  const before = releases(f, 'before');
  const after = releases(f, 'after');
  const service = oneLine(f.service, 80);
  const what =
    f.verdict === 'rolled-back'
      ? `${service} rolled back${before ? `: ${before}` : ''}${after ? ` → ${after}` : ''}`
      : f.verdict === 'rollback-recommended'
        ? `${service}: rollback recommended${before ? ` for ${before}` : ''}`
        : f.verdict === 'rollback-failed'
          ? `${service}: rollback${before ? ` of ${before}` : ''} failed`
          : `${service}${before ? ` ${before}` : ''}: ${f.verdict}`;
  return oneLine(`${f.severity ? `[${f.severity}] ` : ''}${what}`, 256);
}

/** `incident`, the severity, then the policy's labels; once each, as GitHub compares them. */
export function incidentLabels(f: IncidentFacts, extra: readonly string[]): string[] {
  const all = ['incident', ...(f.severity ? [`severity:${f.severity}`] : []), ...extra];
  const seen = new Set<string>();
  return all.flatMap((label) => {
    const name = oneLine(label, 50);
    const key = name.toLowerCase();
    if (!name || seen.has(key)) return [];
    seen.add(key);
    return [name];
  });
}

/** Stable for the same service and targets, whatever their order. */
export function incidentKey(service: string, targets: readonly string[]): string {
  const identity = [service.trim(), ...[...new Set(targets.map((t) => t.trim()))].sort()].join(
    '\n',
  );
  return createHash('sha256').update(identity).digest('hex').slice(0, 16);
}

/** The hidden comment that finds the open incident for the same targets. */
export function incidentMarker(key: string): string {
  // Nothing that could end the comment early or change its words.
  const safe = key.replace(/[^A-Za-z0-9._]+/g, '-').slice(0, 64);
  return `<!-- rollback-action:incident key=${safe} -->`;
}

export const markerOf = (f: IncidentFacts): string =>
  incidentMarker(incidentKey(f.service, f.targets));

/** Targets named one by one at most: a freeze is about the first ones a deploy touches. */
export const MAX_TARGET_MARKERS = 50;

/**
 * One target's marker, whatever incident names it: the deploy freeze finds an incident by any
 * target a capture shares with it, so capturing one region of two does not slip past it.
 */
export function targetMarker(target: string): string {
  const key = createHash('sha256').update(target.trim()).digest('hex').slice(0, 16);
  return `<!-- rollback-action:target key=${key} -->`;
}

/** The identity marker, then (when known) what the incident froze deploys on. */
export const markersOf = (f: IncidentFacts): string =>
  [
    markerOf(f),
    ...(f.froze ? [frozeMarker(f.froze)] : []),
    ...f.targets.slice(0, MAX_TARGET_MARKERS).map(targetMarker),
  ].join('\n');

/** The first rendering, from the fullest to the shortest, that fits under the budget. */
export function fit(render: (limits: Limits) => string): string {
  let text = '';
  for (const limits of LEVELS) {
    text = render(limits);
    if (text.length <= BODY_BUDGET) return text;
  }
  return text;
}

/** The body's sections in the RCA template's order, at the given limits. */
export function bodySections(f: IncidentFacts, l: Limits): string[] {
  return [
    summarySection(f, l),
    impactSection(f),
    timelineSection(f, l),
    triggersSection(f, l),
    chartsSection(f, l),
    versionsSection(f, l),
    commitsSection(f, l),
    decisionSection(f, l),
    verificationSection(f, l),
    slaSection(f),
    linksSection(f),
    promptsSection(),
    checklistSection(f),
  ].filter(Boolean);
}

export function incidentBody(f: IncidentFacts): string {
  return fit((l) =>
    [
      // No heading with the title: GitHub shows the title right above the body.
      `${markersOf(f)}\n`,
      ...bodySections(f, l),
    ].join('\n'),
  );
}

/**
 * A new event on an open incident: what happened this time, without the prompts. Its froze
 * marker adds this event's bad commits to what the freeze waits for a revert of.
 */
export function incidentComment(f: IncidentFacts): string {
  return fit((l) =>
    [
      ...(f.froze ? [`${frozeMarker(f.froze)}\n`] : []),
      `### New event at ${utc(f.detectedAt ?? f.deployedAt)} UTC: ${escapeExternal(incidentTitle(f), 256)}\n`,
      summarySection(f, l).replace('## Summary', '#### Summary'),
      timelineSection(f, l).replace('## ', '#### '),
      triggersSection(f, { ...l, rows: Math.min(l.rows, 10) }).replace('## ', '#### '),
      versionsSection(f, { ...l, rows: Math.min(l.rows, 10) }).replace('## ', '#### '),
      decisionSection(f, l).replace('## ', '#### '),
      verificationSection(f, l).replace('## ', '#### '),
      slaSection(f).replace('## ', '#### '),
      linksSection(f).replace('## ', '#### '),
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

/**
 * For a job summary: where the incident is, or why there is none; an incident GitHub did not
 * take is shown whole (folded), so whoever reads the run can file it by hand.
 */
export function incidentNote(incident: IncidentFiled | IncidentUnfiled | undefined): string {
  if (!incident) return '';
  if ('problem' in incident) {
    const why = `⚠️ ${escapeText(incident.problem)}.\n\n`;
    if (incident.body === undefined) return why;
    const text = `# ${incident.title ?? ''}\n\n${incident.body}`;
    // A fence longer than any run of backticks in the text, which it may hold itself.
    const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    return `${why}<details><summary>The incident's text, to file by hand</summary>\n\n${fence}markdown\n${text}\n${fence}\n\n</details>\n\n`;
  }
  return incident.action === 'created'
    ? `Incident filed: [#${incident.number}](${incident.url}).\n\n`
    : `Incident [#${incident.number}](${incident.url}) was still open: this run is a comment on it.\n\n`;
}
