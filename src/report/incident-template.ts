/**
 * `incident.template`: a team's own layout with named placeholders (`{{timeline}}`,
 * `{{ verdict }}`) filled from the same facts and sections as the default body. A placeholder
 * the action does not know stays in the text as written and is reported, so a typo is seen.
 */
import { escapeExternal } from './escape.js';
import type { IncidentFacts } from './incident-facts.js';
import { bodySections, fit, incidentTitle, markersOf } from './incident.js';
import {
  chartsSection,
  checklistSection,
  commitsSection,
  decisionSection,
  impactSection,
  linksSection,
  promptsSection,
  slaSection,
  summarySection,
  timelineSection,
  triggersSection,
  utc,
  verificationSection,
  versionsSection,
  type Limits,
} from './incident-sections.js';

type Filler = (f: IncidentFacts, l: Limits) => string;

const at = (ms: number | undefined): string => (ms === undefined ? 'unknown' : `${utc(ms)} UTC`);

/** Every placeholder, by name: scalars are escaped text, sections whole Markdown. */
export const PLACEHOLDERS: Readonly<Record<string, Filler>> = {
  title: (f) => escapeExternal(incidentTitle(f), 256),
  // Both markers: the identity that finds the issue and what it froze deploys on.
  marker: (f) => markersOf(f),
  service: (f) => escapeExternal(f.service, 100),
  targets: (f, l) =>
    f.targets
      .slice(0, l.rows)
      .map((t) => escapeExternal(t, l.text))
      .join(', '),
  verdict: (f) => f.verdict,
  severity: (f) => f.severity ?? 'none',
  headline: (f, l) => escapeExternal(f.headline, l.text * 2),
  actor: (f) => (f.actor ? escapeExternal(f.actor, 100) : 'unknown'),
  'run-url': (f) =>
    f.runUrl && /^https?:\/\/[^\s()<>[\]"'`]+$/.test(f.runUrl) ? f.runUrl : 'unknown',
  'deployed-at': (f) => at(f.deployedAt),
  'detected-at': (f) => at(f.detectedAt),
  'decided-at': (f) => at(f.decidedAt),
  'verified-at': (f) => at(f.verifiedAt),
  summary: summarySection,
  impact: (f) => impactSection(f),
  timeline: timelineSection,
  triggers: triggersSection,
  charts: chartsSection,
  versions: versionsSection,
  commits: commitsSection,
  decision: decisionSection,
  verification: verificationSection,
  sla: (f) => slaSection(f),
  links: (f) => linksSection(f),
  prompts: () => promptsSection(),
  checklist: (f) => checklistSection(f),
  body: (f, l) => bodySections(f, l).join('\n'),
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.-]*)\s*\}\}/g;

/** `{{Run_URL}}` is `run-url`: people write names in more than one case. */
const normal = (name: string): string => name.toLowerCase().replace(/_/g, '-');

export function fillTemplate(
  template: string,
  f: IncidentFacts,
): { text: string; unknown: string[] } {
  const unknown = new Set<string>();
  // The markers are how the next event and the deploy freeze find this issue: a template
  // cannot leave them out.
  const withMarker = /\{\{\s*marker\s*\}\}/i.test(template) ? template : `{{marker}}\n${template}`;
  const text = fit((l) =>
    // One pass: a value that contains `{{x}}` is not filled again.
    withMarker.replace(PLACEHOLDER, (whole, name: string) => {
      const key = normal(name);
      // Own keys only: `{{constructor}}` is not a placeholder.
      const filler = Object.hasOwn(PLACEHOLDERS, key) ? PLACEHOLDERS[key] : undefined;
      if (filler) return filler(f, l);
      unknown.add(name);
      return whole;
    }),
  );
  return { text, unknown: [...unknown] };
}
