import { downsample, mermaidChart, mermaidLabel, sinceLabel } from '../../src/report/chart.js';
import { codeSpan, escapeExternal, safeTable } from '../../src/report/escape.js';
import {
  BODY_BUDGET,
  GITHUB_BODY_LIMIT,
  incidentBody,
  incidentComment,
  incidentKey,
  incidentLabels,
  incidentMarker,
  incidentTitle,
} from '../../src/report/incident.js';
import { fillTemplate } from '../../src/report/incident-template.js';
import type {
  IncidentCheck,
  IncidentCommit,
  IncidentTrigger,
} from '../../src/report/incident-facts.js';
import { facts, sec, T0 } from '../fixtures/incident.js';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing');
  return value;
}

/** The text of one `## heading` section, up to the next one. */
function section(body: string, heading: string): string {
  const start = body.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = body.indexOf('\n## ', start + 1);
  return body.slice(start, end < 0 ? undefined : end);
}

/** Cells of a table row, split on pipes that are not escaped. */
const cells = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/** Every ```mermaid block. */
const mermaidBlocks = (md: string): string[] =>
  [...md.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');

describe('title, labels, key', () => {
  test.each([
    [{}, '[P1] api rolled back: 1.4.2 → 1.4.1'],
    [{ verdict: 'rollback-recommended' as const }, '[P1] api: rollback recommended for 1.4.2'],
    [
      { verdict: 'rollback-failed' as const, severity: 'P0' as const },
      '[P0] api: rollback of 1.4.2 failed',
    ],
    [{ verdict: 'inconclusive' as const, severity: undefined }, 'api 1.4.2: inconclusive'],
    [{ versions: [] }, '[P1] api rolled back'],
    [
      {
        versions: [
          {
            context: 'eu',
            target: 'ns/deployment/api',
            container: 'api',
            before: 'r/api@sha256:0123456789abcdef0123',
          },
        ],
      },
      '[P1] api rolled back: sha256:0123456789ab',
    ],
    [{ service: 'api\n@evil' }, '[P1] api @evil rolled back: 1.4.2 → 1.4.1'],
  ])('%j', (over, title) => {
    expect(incidentTitle(facts(over))).toBe(title);
  });

  test('a title is one line of at most 256 characters', () => {
    const title = incidentTitle(facts({ service: 'x'.repeat(1000) }));
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title).not.toMatch(/\n/);
  });

  test.each([
    [{}, [], ['incident', 'severity:P1']],
    [
      { severity: 'P0' as const },
      ['team:payments', 'Incident', 'severity:p0', ''],
      ['incident', 'severity:P0', 'team:payments'],
    ],
    [{ severity: undefined }, ['sev', 'sev'], ['incident', 'sev']],
  ])('labels %j %j', (over, extra, labels) => {
    expect(incidentLabels(facts(over), extra)).toEqual(labels);
  });

  test('the key is the same for the same targets in any order, and differs otherwise', () => {
    const key = incidentKey('api', ['b', 'a']);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(incidentKey('api', ['a', 'b', 'a'])).toBe(key);
    expect(incidentKey('api', ['a'])).not.toBe(key);
    expect(incidentKey('web', ['a', 'b'])).not.toBe(key);
  });

  test.each([
    ['616a5a01b1df696d', '<!-- rollback-action:incident key=616a5a01b1df696d -->'],
    ['a--> <b', '<!-- rollback-action:incident key=a-b -->'],
  ])('marker %j', (key, marker) => {
    expect(incidentMarker(key)).toBe(marker);
  });
});

describe('the body: every section, filled with the facts', () => {
  const body = incidentBody(facts());

  test('sections in the RCA template order', () => {
    const order = [
      'Summary',
      'Impact',
      'Timeline (UTC)',
      'Triggers',
      'Failing metrics over the watch',
      'Versions',
      'Commits deployed',
      'Decision',
      'Verification',
      'Time against SLA',
      'Links',
      'Root cause',
      'Contributing factors',
      'Lessons learned',
      'Action items',
      'Post-rollback checklist',
    ];
    const at = order.map((h) => body.indexOf(`\n## ${h}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('starts with the marker, once', () => {
    expect(body.startsWith(`${incidentMarker(incidentKey('api', facts().targets))}\n`)).toBe(true);
    // Then one marker per target (the deploy freeze finds the incident by any of them).
    expect(body.match(/<!--/g)).toHaveLength(1 + facts().targets.length);
    expect(body.match(/rollback-action:incident key=/g)).toHaveLength(1);
  });

  test('summary', () => {
    const s = section(body, 'Summary');
    expect(s).toContain('- **Verdict:** rolled-back (P1): rolled back from 1.4.2 to 1.4.1');
    expect(s).toContain('- **Deployed:** 2026-11-20 14:05:00 UTC by octocat');
    expect(s).toContain(
      '- **Detected:** 2026-11-20 14:13:00 UTC, 8m after the deploy, by error-rate',
    );
    expect(s).toContain('- **Verified:** yes, at 2026-11-20 14:16:30 UTC');
    expect(s).toContain(
      '- **Run:** [Workflow run](https://github.com/acme/api/actions/runs/123456789)',
    );
  });

  test('impact: failed requests and the breach duration', () => {
    const s = section(body, 'Impact');
    expect(s).toContain('- **Failed requests during the breach:** 1,234 of 16,890 (7.31 %)');
    expect(s).toContain('- **Breach duration:** 6m30s');
    expect(s).toContain('- **Affected users:** _✏️');
  });

  test('impact unknown: prompts, or the span from the breach to verification', () => {
    const s = section(incidentBody(facts({ impact: undefined })), 'Impact');
    expect(s).toContain('- **Failed requests during the breach:** _✏️ not measured');
    expect(s).toContain('- **Breach duration:** at most 8m30s');
  });

  test.each([
    ['Deployed 1.4.2', '2026-11-20 14:05:00', '+0s'],
    ['Breach began: error-rate', '2026-11-20 14:08:00', '+3m'],
    ['Detected: verdict rolled-back (P1)', '2026-11-20 14:13:00', '+8m'],
    ['Decision: plan made', '2026-11-20 14:13:01', '+8m1s'],
    ['Started stage 1 (kubernetes undo)', '2026-11-20 14:13:02', '+8m2s'],
    ['Finished stage 1 (kubernetes undo): ✅ worked', '2026-11-20 14:14:30', '+9m30s'],
    ['Verified', '2026-11-20 14:16:30', '+11m30s'],
  ])('timeline: %s at %s UTC', (event, time, since) => {
    const rows = section(body, 'Timeline (UTC)')
      .split('\n')
      .filter((l) => l.startsWith('| 2026'))
      .map(cells);
    expect(rows).toContainEqual([time, since, event]);
  });

  test('timeline rows are in time order', () => {
    const times = section(body, 'Timeline (UTC)')
      .split('\n')
      .filter((l) => l.startsWith('| 2026'))
      .map((l) => cells(l)[0]);
    expect(times).toEqual([...times].sort());
  });

  test('triggers: failing first, with observed, threshold, baseline and status', () => {
    const rows = section(body, 'Triggers')
      .split('\n')
      .filter((l) => l.startsWith('| '))
      .map(cells);
    expect(rows[0]).toEqual([
      'Trigger',
      'Severity',
      'Status',
      'Observed',
      'Threshold',
      'Baseline',
      'Detail',
    ]);
    expect(rows[2]).toEqual([
      'error-rate',
      'P1',
      '❌ fail',
      '0.083',
      '> 0.05',
      '0.004',
      '0.083 &gt; 0.05 for 5m',
    ]);
    expect(rows[3]).toEqual([
      'p95-latency',
      'P2',
      '✅ pass',
      '412',
      '> 1000',
      '380',
      'p95 412 ms, under 1000 ms',
    ]);
  });

  test('versions before and after, per region', () => {
    const rows = section(body, 'Versions')
      .split('\n')
      .filter((l) => l.startsWith('| prod'))
      .map(cells);
    expect(rows).toEqual([
      [
        'prod-eu',
        '`production/deployment/api`',
        'api',
        '`ghcr.io/acme/api:1.4.2`',
        '`ghcr.io/acme/api:1.4.1`',
      ],
      [
        'prod-us',
        '`production/deployment/api`',
        'api',
        '`ghcr.io/acme/api:1.4.2`',
        '`ghcr.io/acme/api:1.4.1`',
      ],
    ]);
  });

  test('commits with authors and pull requests', () => {
    const s = section(body, 'Commits deployed');
    expect(s).toContain('`111111111111` … `222222222222`: 2 commits, newest first.');
    expect(s).toContain(
      '| `a1b2c3d4e5f6` | Dana Ops | #481 | Pool database connections per request |',
    );
    expect(s).toContain('| `b1b2c3d4e5f6` | Lee Dev | - | Bump client timeout to 2s |');
  });

  test('decision: reasons and stages with outcomes and times', () => {
    const s = section(body, 'Decision');
    expect(s).toContain('- strategy auto: kubernetes undo of 2 targets');
    expect(s).toContain(
      '| 1. kubernetes undo | the previous revision is known and no migration blocks it | ✅ worked | 14:13:02 | 14:14:30 | kubernetes: 2 targets rolled back |',
    );
  });

  test('verification, SLA and the run link', () => {
    expect(section(body, 'Verification')).toContain('✅ Verified at 2026-11-20 14:16:30 UTC.');
    expect(section(body, 'Verification')).toContain('| smoke /healthz | ✅ pass | 200 in 41 ms |');
    expect(section(body, 'Time against SLA')).toContain(
      'Decision to verified: 3m29s against the SLA of 15m: **met**, 11m31s to spare.',
    );
    expect(section(body, 'Links')).toContain(
      '- [Workflow run](https://github.com/acme/api/actions/runs/123456789)',
    );
  });

  test.each([
    [{ sla: { limitMs: 60_000, elapsedMs: 95_000 } }, '**missed** by 35s'],
    [
      { verification: { verified: false, checks: [] } },
      '**not met**: the rollback was not verified',
    ],
  ])('SLA %j', (over, text) => {
    expect(section(incidentBody(facts(over)), 'Time against SLA')).toContain(text);
  });

  test('a run URL that is not http(s) is text, not a link', () => {
    const s = section(incidentBody(facts({ runUrl: 'javascript:alert(1)' })), 'Links');
    expect(s).not.toContain('](');
  });

  test('the checklist ticks what the action did, and leaves the rest to people', () => {
    const s = section(body, 'Post-rollback checklist');
    expect(s).toContain('- [x] Rollback verified');
    expect(s).toContain('- [x] Smoke checks passed');
    expect(s).toContain('- [ ] Stakeholders told the rollback is complete');
    expect(s).toContain('- [ ] Root cause analysis scheduled');
    const failed = section(
      incidentBody(facts({ verification: undefined })),
      'Post-rollback checklist',
    );
    expect(failed).toContain('- [ ] Rollback verified');
    // The freeze holds further deploys while the issue is open: that item is done.
    expect(s).toMatch(
      /- \[x\] Further deploys of .* held until the cause is known: `capture` refuses/,
    );
  });

  test.each<[string, IncidentCheck[], string]>([
    [
      'verified with no smoke check configured: not ticked, and says how',
      [
        { kind: 'images', name: 'images', status: 'pass', detail: '' },
        { kind: 'triggers', name: 'triggers', status: 'pass', detail: '' },
      ],
      '- [ ] Smoke checks passed (none configured: `verify.checks` in the policy runs them)',
    ],
    [
      'a smoke check failed while the images matched',
      [
        { kind: 'images', name: 'images', status: 'pass', detail: '' },
        { kind: 'smoke', name: 'healthz', status: 'fail', detail: '503' },
      ],
      '- [ ] Smoke checks passed',
    ],
    [
      'every smoke check passed',
      [{ kind: 'smoke', name: 'healthz', status: 'pass', detail: '200' }],
      '- [x] Smoke checks passed',
    ],
  ])('checklist, smoke item: %s', (_, checks, line) => {
    const s = section(
      incidentBody(facts({ verification: { verified: true, checks } })),
      'Post-rollback checklist',
    );
    expect(s).toContain(line);
  });

  test('root cause, factors, lessons and action items are prompts', () => {
    expect(section(body, 'Root cause')).toContain('_✏️ What caused it');
    expect(section(body, 'Action items')).toContain('| Action | Owner | Due | Priority | Status |');
  });

  test('fix-forward advice shows only when the rollback did not happen', () => {
    const plan = { ...must(facts().plan), advice: ['Fix forward: the schema moved on'] };
    expect(section(incidentBody(facts({ plan })), 'Decision')).not.toContain('Fix forward');
    expect(
      section(incidentBody(facts({ plan, verdict: 'rollback-recommended' })), 'Decision'),
    ).toContain('- Fix forward: the schema moved on');
  });

  test('the comment: shorter, the same facts, no prompts or marker', () => {
    const comment = incidentComment(facts());
    expect(
      comment.startsWith('### New event at 2026-11-20 14:13:00 UTC: \\[P1\\] api rolled back'),
    ).toBe(true);
    expect(comment).toContain('| 2026-11-20 14:13:00 | +8m | Detected: verdict rolled-back (P1) |');
    expect(comment).toContain('| error-rate | P1 | ❌ fail | 0.083 | > 0.05 | 0.004 |');
    expect(comment).not.toContain('Root cause');
    expect(comment).not.toContain('<!--');
    expect(comment.length).toBeLessThan(body.length);
  });
});

describe('escapeExternal: outside text cannot act', () => {
  test.each([
    // Mentions: a zero-width space after the @ (GitHub looks after escapes are gone).
    ['@octocat', '@&#8203;octocat'],
    ['@acme/oncall', '@&#8203;acme/oncall'],
    ['cc @a, @b', 'cc @&#8203;a, @&#8203;b'],
    // References and closing keywords.
    ['fixes #12', 'fixes #&#8203;12'],
    ['closes acme/api#3', 'closes acme/api#&#8203;3'],
    ['see GH-7', 'see GH-&#8203;7'],
    ['https://github.com/acme/api/issues/12', 'https:&#8203;//github.com/acme/api/issues/12'],
    ['www.example.com', 'www&#8203;.example.com'],
    ['# 1', '\\# 1'],
    // HTML, including a comment that could fake the marker.
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<!-- rollback-action:incident key=x -->', '&lt;\\!-- rollback-action:incident key=x --&gt;'],
    ['a &amp; b', 'a &amp;amp; b'],
    // Tables, code spans, emphasis, links, images.
    ['a | b', 'a &#124; b'],
    ['one\ntwo\r\nthree', 'one two three'],
    ['`rm -rf`', '\\`rm -rf\\`'],
    ['**bold** _it_ ~x~', '\\*\\*bold\\*\\* \\_it\\_ \\~x\\~'],
    ['[click](https://evil)', '\\[click\\](https:&#8203;//evil)'],
    ['![x](y)', '\\!\\[x\\](y)'],
    ['C:\\dir', 'C:\\\\dir'],
    // Block starts, and invisible characters.
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['1.4.2', '1.4.2'],
    ['a\u202Eb\u0000c', 'abc'],
  ])('%j', (text, escaped) => {
    expect(escapeExternal(text)).toBe(escaped);
  });

  test('long text is cut to its limit with an ellipsis', () => {
    expect(escapeExternal('x'.repeat(500), 10)).toBe('xxxxxxxxx…');
  });

  test.each([
    ['a`b', '``a`b``'],
    ['``x', '``` ``x ```'],
    ['a|b', '`a\\|b`'],
    ['', ''],
  ])('codeSpan %j', (text, span) => {
    expect(codeSpan(text)).toBe(span);
  });

  test('safeTable keeps the column count', () => {
    expect(safeTable(['a', 'b'], [['1'], ['x\ny', '2', 'extra']])).toBe(
      '| a | b |\n| --- | --- |\n| 1 |   |\n| x y | 2 |',
    );
  });

  test('hostile facts leave no mention, reference, HTML or extra marker in the body', () => {
    const evil =
      '@octocat fixes #12 <img src=x onerror=alert(1)> | `x` <!-- rollback-action:incident key=x -->';
    const body = incidentBody(
      facts({
        headline: evil,
        actor: '@evil',
        triggers: [{ ...must(facts().triggers[1]), name: evil, detail: evil }],
        range: {
          base: 'a'.repeat(40),
          head: 'b'.repeat(40),
          commits: [{ sha: evil, author: evil, subject: evil, pr: 12 }],
        },
        plan: { ...must(facts().plan), reasons: [evil] },
      }),
    );
    // Ours only: the identity marker and one per target.
    expect(body.match(/<!--/g)).toHaveLength(1 + facts().targets.length);
    expect(body).not.toMatch(/<img/i);
    // Outside code, every @ and # before a word is broken by the zero-width space.
    const prose = body
      .replace(/```[\s\S]*?```/g, '')
      .replace(/(?<!\\)`[^`]*`/g, '')
      // As GitHub reads it: entities decoded (8203 is the zero-width space).
      .replace(/&#8203;/g, '\u200b')
      .replace(/&#124;/g, '|');
    expect(prose).not.toMatch(/@\w/);
    // The pull request's number is from the API: it may link.
    expect(prose.replace('| #12 |', '')).not.toMatch(/#\d/);
    // Mermaid labels keep only plain characters.
    for (const block of mermaidBlocks(body)) expect(block).not.toMatch(/[<>@#`|]/);
  });
});

describe('the Mermaid chart', () => {
  test('well formed: as many labels as values, the threshold a second line', () => {
    const blocks = mermaidBlocks(incidentBody(facts()));
    expect(blocks).toHaveLength(1);
    const lines = must(blocks[0])
      .split('\n')
      .map((l) => l.trim());
    expect(lines[0]).toBe('xychart-beta');
    expect(lines[1]).toBe('title "error-rate: value, and threshold 0.05 (flat line)"');
    const labels = /^x-axis "time since the deploy \(m:ss\)" \[(.*)\]$/
      .exec(must(lines[2]))?.[1]
      ?.split(', ');
    const series = lines
      .filter((l) => l.startsWith('line ['))
      .map((l) => l.slice(6, -1).split(', '));
    expect(series).toHaveLength(2);
    // 40 polls, one without data.
    expect(labels).toHaveLength(39);
    expect(series[0]).toHaveLength(39);
    expect(series[1]).toEqual(Array(39).fill('0.05'));
    expect(labels?.slice(0, 3)).toEqual(['"+0:00"', '"+0:15"', '"+0:30"']);
    expect(new Set(labels).size).toBe(labels?.length);
  });

  test('downsampling keeps the worst of each stretch, at most 40 points', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ at: i, value: i === 517 ? 99 : 1 }));
    const shown = downsample(points);
    expect(shown).toHaveLength(40);
    expect(shown.some((p) => p.value === 99)).toBe(true);
    expect(downsample(points, 40, 'below').some((p) => p.value === 99)).toBe(false);
  });

  test.each([
    [0, '+0:00'],
    [75_000, '+1:15'],
    [3_723_000, '+1:02:03'],
  ])('sinceLabel %d', (ms, label) => {
    expect(sinceLabel(ms)).toBe(label);
  });

  test('labels and numbers Mermaid reads', () => {
    expect(mermaidLabel('rate{code=~"5.."} ; %% #x "y" [z]')).toBe('rate code 5.. x y z');
    const chart = mermaidChart({
      name: 'tiny',
      observations: [{ at: 0, value: 1e-9 }],
      threshold: 2e21,
    });
    expect(chart).not.toMatch(/\de[+-]?\d/);
    expect(mermaidChart({ name: 'none', observations: [{ at: 0 }] })).toBeUndefined();
  });
});

describe('size: under GitHub limit, shortened by whole rows', () => {
  const commits: IncidentCommit[] = Array.from({ length: 5000 }, (_, i) => ({
    sha: i.toString(16).padStart(5, '0').padEnd(40, 'f'),
    author: `Author ${i}`,
    subject: `Change number ${i} `.repeat(20),
    pr: i + 1,
  }));
  const triggers: IncidentTrigger[] = Array.from({ length: 50 }, (_, n) => ({
    name: `trigger-${n}`,
    severity: 'P1',
    status: 'fail',
    value: 2,
    threshold: 1,
    baseline: 0.5,
    detail: 'x'.repeat(400),
    observations: Array.from({ length: 1000 }, (_, i) => ({ at: sec(i), value: (i % 7) + n })),
  }));
  const big = facts({ triggers, range: { base: 'a'.repeat(40), head: 'b'.repeat(40), commits } });
  const body = incidentBody(big);

  test('the body fits, with the first and last commits and how many are left out', () => {
    expect(body.length).toBeLessThanOrEqual(BODY_BUDGET);
    expect(body.length).toBeLessThan(GITHUB_BODY_LIMIT);
    const s = section(body, 'Commits deployed');
    expect(s).toContain('5000 commits');
    // The first commit and the last (4999 is 0x1387).
    expect(s).toContain('| `00000fffffff` | Author 0 | #1 |');
    expect(s).toContain('| `01387fffffff` | Author 4999 | #5000 |');
    expect(s).toMatch(/\| … \d+ commits more \| … \| … \| … \|/);
  });

  test('every table row has its header column count; every chart is whole', () => {
    let width = 0;
    for (const line of body.split('\n')) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      const n = cells(line).length;
      if (!width) width = n;
      expect(n).toBe(width);
    }
    const blocks = mermaidBlocks(body);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const labels = /x-axis "[^"]*" \[(.*)\]/.exec(block)?.[1]?.split(', ') ?? [];
      const lines = [...block.matchAll(/line \[(.*)\]/g)].map((m) => (m[1] ?? '').split(', '));
      expect(labels.length).toBeLessThanOrEqual(40);
      for (const values of lines) expect(values).toHaveLength(labels.length);
    }
    expect(body).toMatch(/\d+ more failing metrics not charted: see Triggers\./);
    expect((body.match(/```/g) ?? []).length % 2).toBe(0);
  });

  test('the comment and a template fit too', () => {
    expect(incidentComment(big).length).toBeLessThanOrEqual(BODY_BUDGET);
    expect(fillTemplate('{{body}}\n{{commits}}\n{{charts}}', big).text.length).toBeLessThanOrEqual(
      BODY_BUDGET,
    );
  });
});

describe('fillTemplate', () => {
  test('named placeholders filled; unknown ones reported and left visible', () => {
    const { text, unknown } = fillTemplate(
      '{{marker}}\nVerdict: {{ verdict }} ({{severity}}) at {{detected-at}} by {{Actor}}\n{{timeline}}\n{{owner}} {{run_url}} {{ nope }}',
      facts(),
    );
    expect(unknown).toEqual(['owner', 'nope']);
    expect(text).toContain('Verdict: rolled-back (P1) at 2026-11-20 14:13:00 UTC by octocat');
    expect(text).toContain('| 2026-11-20 14:13:00 | +8m | Detected: verdict rolled-back (P1) |');
    expect(text).toContain(
      '{{owner}} https://github.com/acme/api/actions/runs/123456789 {{ nope }}',
    );
  });

  test('the marker is added when the template leaves it out', () => {
    const { text } = fillTemplate('{{headline}}', facts());
    expect(text.split('\n')[0]).toBe(incidentMarker(incidentKey('api', facts().targets)));
  });

  test('values are filled once: a {{placeholder}} inside a value stays text', () => {
    const { text, unknown } = fillTemplate(
      '{{headline}} {{constructor}}',
      facts({ headline: 'x {{timeline}}' }),
    );
    expect(text).toContain('x {{timeline}}');
    expect(text).not.toContain('| Time (UTC) |');
    expect(unknown).toEqual(['constructor']);
  });

  test('times at the second', () => {
    expect(
      fillTemplate('{{deployed-at}}|{{verified-at}}', facts({ verifiedAt: undefined })).text,
    ).toContain(`${new Date(T0).toISOString().slice(0, 10)} 14:05:00 UTC|unknown`);
  });
});
