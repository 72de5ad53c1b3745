/**
 * The incident body rendered as GitHub does (GFM, here with marked): the structure a reader
 * sees, not the Markdown source. Tables keep their columns, the chart stays a Mermaid code
 * block, and hostile text stays text.
 */
import { marked } from 'marked';
import { incidentBody, incidentComment, incidentNote } from '../../src/report/incident.js';
import { facts } from '../fixtures/incident.js';
import type { IncidentFacts } from '../../src/report/incident-facts.js';

const EVIL =
  '@octocat fixes #12 <img src=x onerror=alert(1)> <script>alert(1)</script> | `x` [a](javascript:alert(1)) <!-- rollback-action:incident key=x -->\n| a | b |';

function hostile(): IncidentFacts {
  const base = facts();
  const [latency, errorRate] = base.triggers;
  if (!latency || !errorRate || !base.plan) throw new Error('fixture changed');
  return facts({
    headline: EVIL,
    actor: '@evil',
    triggers: [latency, { ...errorRate, name: EVIL, detail: EVIL }],
    versions: [{ context: EVIL, target: EVIL, container: EVIL, before: EVIL, after: 'ok:1' }],
    range: {
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
      commits: [{ sha: EVIL, author: EVIL, subject: EVIL, pr: 12 }],
    },
    plan: { ...base.plan, reasons: [EVIL], leftAlone: [{ target: EVIL, why: EVIL }] },
    verification: { verified: false, checks: [{ name: EVIL, status: 'fail', detail: EVIL }] },
  });
}

const html = (md: string): string => marked.parse(md, { async: false, gfm: true });

/** Each table as rows of cell counts: header row first. */
function tables(page: string): number[][] {
  return [...page.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
      (r) => (r[1] ?? '').match(/<t[hd][\s>]/g)?.length ?? 0,
    ),
  );
}

/** The text a reader sees outside code, entities decoded as a browser would. */
function proseText(page: string): string {
  return page
    .replace(/<pre>[\s\S]*?<\/pre>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe.each([
  ['realistic', facts()],
  ['hostile', hostile()],
])('%s facts rendered', (_, f) => {
  const page = html(incidentBody(f));

  test('every table row has as many cells as its header', () => {
    const found = tables(page);
    expect(found.length).toBeGreaterThanOrEqual(6);
    for (const rows of found) {
      const [header, ...body] = rows;
      expect(body.length).toBeGreaterThan(0);
      for (const n of body) expect(n).toBe(header);
    }
  });

  test('the chart is a Mermaid code block', () => {
    const blocks = page.match(/<pre><code class="language-mermaid">[\s\S]*?<\/code><\/pre>/g);
    expect(blocks).toHaveLength(1);
    expect(blocks?.[0]).toContain('xychart-beta');
  });

  test('the sections are headings in order, and the checklist is task items', () => {
    const h2 = [...page.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(h2.slice(0, 3)).toEqual(['Summary', 'Impact', 'Timeline (UTC)']);
    expect(h2.at(-1)).toBe('Post-rollback checklist');
    expect(page.match(/<input [^>]*type="checkbox"/g)?.length).toBe(10);
  });

  test('no HTML, mention, reference or marker from outside', () => {
    expect(page).not.toMatch(/<img|<script|<a href="javascript/i);
    // Ours only: the identity marker and one per target.
    expect(page.match(/<!--/g)).toHaveLength(1 + f.targets.length);
    // A pull request's number comes from the API, alone in its cell: it may link.
    const prs = new Set((f.range?.commits ?? []).map((c) => `<td>#${c.pr ?? ''}</td>`));
    const prose = proseText(
      page.replace(/<td>#\d+<\/td>/g, (cell) => (prs.has(cell) ? '<td></td>' : cell)),
    );
    expect(prose).not.toMatch(/@\w/);
    expect(prose).not.toMatch(/#\d/);
    expect(prose).not.toMatch(/\bgh-\d/i);
    // The only links are the run's (in the summary and under Links).
    expect(new Set(page.match(/<a href="[^"]*"/g))).toEqual(
      new Set(['<a href="https://github.com/acme/api/actions/runs/123456789"']),
    );
  });
});

test('the comment renders with whole tables', () => {
  for (const rows of tables(html(incidentComment(hostile())))) {
    const [header, ...body] = rows;
    for (const n of body) expect(n).toBe(header);
  }
});

describe('incidentNote: the summary line about the incident', () => {
  test.each<[string, Parameters<typeof incidentNote>[0], RegExp[], RegExp[]]>([
    ['none due', undefined, [/^$/], []],
    [
      'filed',
      { action: 'created', number: 7, url: 'https://github.com/acme/shop/issues/7' },
      [/^Incident filed: \[#7\]\(https:\/\/github\.com\/acme\/shop\/issues\/7\)\.\n\n$/],
      [/details/],
    ],
    [
      'not filed, no text made (no token)',
      { problem: 'no incident filed: the step has no github-token' },
      [/^⚠️ no incident filed: the step has no github-token\.\n\n$/],
      [/details/],
    ],
    [
      'not filed: its text, folded, to file by hand',
      {
        problem: 'the incident was not filed: 503',
        title: 'Rollback of api',
        body: '## What\n\nbad',
      },
      [
        /^⚠️ the incident was not filed: 503\.\n\n<details><summary>The incident's text, to file by hand<\/summary>\n\n```markdown\n# Rollback of api\n\n## What\n\nbad\n```\n\n<\/details>\n\n$/,
      ],
      [],
    ],
    [
      'a body holding a fence gets a longer one',
      { problem: 'p', title: 't', body: 'log:\n```\nx\n````\n' },
      [/\n`````markdown\n# t\n[\s\S]*\n`````\n/],
      [],
    ],
  ])('%s', (_name, incident, present, absent) => {
    const note = incidentNote(incident);
    for (const pattern of present) expect(note).toMatch(pattern);
    for (const pattern of absent) expect(note).not.toMatch(pattern);
  });
});
