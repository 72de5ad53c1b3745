/** The deploy freeze's pure half: the froze marker, revert containment, its lines and report. */
import { targetMarker } from '../../src/report/incident.js';
import {
  findRevert,
  frozeMarker,
  frozeOf,
  MAX_FROZE_COMMITS,
  parseFrozeMarkers,
  revertedBy,
  type Froze,
  type HistoryCommit,
} from '../../src/decide/freeze.js';
import {
  incidentBody,
  incidentComment,
  incidentKey,
  incidentMarker,
} from '../../src/report/incident.js';
import { fillTemplate } from '../../src/report/incident-template.js';
import { incidentFactsOf, incidentIdentity } from '../../src/report/incident-of-run.js';
import type { TargetRef } from '../../src/kube/snapshot.js';
import { facts } from '../fixtures/incident.js';

/** A full SHA made of one repeated hex digit (or a few), readable in tables. */
const sha = (c: string): string => c.repeat(40).slice(0, 40);
const A = sha('a');
const B = sha('b');
const C = sha('c');
const D = sha('d');
const R = sha('e');
const R2 = sha('f');
const FROZE: Froze = { head: A, commits: [A, B] };

describe('frozeOf: what an incident records', () => {
  test.each<[string, string | undefined, { sha: string; parents: string[] }[], Froze | undefined]>([
    ['no head', undefined, [], undefined],
    ['a head that is not a full SHA', 'abc1234', [], undefined],
    // GITHUB_SHA on an event without a commit, and a push's `before` for a new branch.
    ["git's null SHA", '0'.repeat(40), [], undefined],
    ['a head alone (no range read)', A.toUpperCase(), [], { head: A, commits: [A] }],
    [
      // Merge A of branch commit C onto B: the first-parent chain (A, B) before C.
      'a merge: the first-parent chain first, then the merged branch',
      A,
      [
        { sha: A, parents: [B, C] },
        { sha: C, parents: [D] },
        { sha: B, parents: [D] },
      ],
      { head: A, commits: [A, B, C] },
    ],
  ])('%s', (_, head, commits, expected) => {
    expect(frozeOf(head, commits)).toEqual(expected);
  });

  test(`bounded: the head and at most ${MAX_FROZE_COMMITS} more`, () => {
    const chain = Array.from({ length: 40 }, (_, i) => (i + 1).toString(16).padStart(40, '0'));
    const commits = chain.map((s, i) => ({ sha: s, parents: chain.slice(i + 1, i + 2) }));
    const froze = frozeOf(chain[0], commits);
    expect(froze?.commits).toEqual(chain.slice(0, MAX_FROZE_COMMITS + 1));
    expect(frozeMarker(froze ?? FROZE).length).toBeLessThan(700);
  });
});

describe('the froze marker', () => {
  test.each<[string, Froze, string]>([
    ['head only', { head: A, commits: [] }, `<!-- rollback-action:froze head=${A} -->`],
    ['head and commits', FROZE, `<!-- rollback-action:froze head=${A} commits=${A},${B} -->`],
    [
      'anything but a full SHA is left out: nothing can end the comment early',
      { head: A, commits: [B, '--> <b>', 'abc1234'] },
      `<!-- rollback-action:froze head=${A} commits=${B} -->`,
    ],
  ])('renders %s', (_, froze, marker) => {
    expect(frozeMarker(froze)).toBe(marker);
  });

  test.each<[string, string, Froze[]]>([
    ['round trip', frozeMarker(FROZE), [FROZE]],
    [
      'head only: the head is a commit of its own',
      frozeMarker({ head: C, commits: [] }),
      [{ head: C, commits: [C] }],
    ],
    [
      'every marker of a body and its comments, in order',
      `x\n${frozeMarker(FROZE)}\ny ${frozeMarker({ head: C, commits: [C, D] })}`,
      [FROZE, { head: C, commits: [C, D] }],
    ],
    ['an abbreviated head is not a marker', '<!-- rollback-action:froze head=abc1234 -->', []],
    ['the identity marker is not one', incidentMarker('0123456789abcdef'), []],
    [
      'a list that is too long is cut at the bound',
      `<!-- rollback-action:froze head=${A} commits=${Array.from({ length: 30 }, (_, i) => i.toString(16).padStart(40, '0')).join(',')} -->`,
      [
        {
          head: A,
          commits: [
            A,
            ...Array.from({ length: MAX_FROZE_COMMITS }, (_, i) =>
              i.toString(16).padStart(40, '0'),
            ),
          ],
        },
      ],
    ],
  ])('parses %s', (_, text, expected) => {
    expect(parseFrozeMarkers(text)).toEqual(expected);
  });
});

describe('revertedBy: what a commit message says it reverts', () => {
  test.each<[string, string, string[]]>([
    ['git revert', `Revert "feat: x"\n\nThis reverts commit ${A}.`, [A]],
    [
      'git revert -m 1 of a merge',
      `Revert "Merge pull request #12"\n\nThis reverts commit ${A}, reversing\nchanges made to ${B}.`,
      [A],
    ],
    [
      "this action's one-commit revert: a trailer per commit",
      `Revert deploy bbbbbbb..aaaaaaa: rolled-back\n\nReverts: ${A}\nReverts: ${B}`,
      [A, B],
    ],
    ['abbreviated, upper case', 'This reverts commit AAAAAAA.', ['aaaaaaa']],
    ['too short to mean a commit', 'This reverts commit aaaaaa.', []],
    ['a trailer only at the start of a line', `see Reverts: ${A}`, []],
    ['a pull request reference is not a commit', 'Reverts acme/shop#12', []],
  ])('%s', (_, message, expected) => {
    expect(revertedBy(message)).toEqual(expected);
  });
});

describe('findRevert: does the history deployed since the bad head revert it?', () => {
  const revert = (s: string, of: string): HistoryCommit => ({
    sha: s,
    message: `Revert "x"\n\nThis reverts commit ${of}.`,
  });
  test.each<[string, HistoryCommit[], Froze[], { revert: string; reverted: string } | undefined]>([
    ['nothing deployed since', [], [FROZE], undefined],
    ['a revert of the head', [revert(R, A)], [FROZE], { revert: R, reverted: A }],
    [
      'a revert of another commit of the range',
      [revert(R, B)],
      [FROZE],
      { revert: R, reverted: B },
    ],
    [
      'an abbreviated SHA names it',
      [revert(R, B.slice(0, 9))],
      [FROZE],
      { revert: R, reverted: B },
    ],
    ['a revert of a commit the incident is not about', [revert(R, C)], [FROZE], undefined],
    [
      'a revert re-applied later (newest first) counts for nothing',
      [revert(R2, R), revert(R, A)],
      [FROZE],
      undefined,
    ],
    [
      'a revert of the revert listed before it cannot cancel it',
      [revert(R, A), revert(R2, R)],
      [FROZE],
      { revert: R, reverted: A },
    ],
    [
      "a later event's commits count too (a comment's marker)",
      [revert(R, D)],
      [FROZE, { head: D, commits: [D] }],
      { revert: R, reverted: D },
    ],
    [
      "this action's trailers",
      [{ sha: R, message: `Revert deploy: rolled-back\n\nReverts: ${B}` }],
      [FROZE],
      { revert: R, reverted: B },
    ],
    ['no marker: nothing lifts it', [revert(R, A)], [], undefined],
  ])('%s', (_, history, frozen, expected) => {
    expect(findRevert(history, frozen)).toEqual(expected);
  });
});

describe('the incident carries what it froze on', () => {
  const froze = { head: A, commits: [A, B] };
  const key = incidentMarker(incidentKey('api', facts().targets));

  test('the body: the identity marker, then the froze marker', () => {
    const lines = incidentBody(facts({ froze })).split('\n');
    expect(lines.slice(0, 2)).toEqual([key, frozeMarker(froze)]);
  });

  test('without a froze, the body has no froze marker', () => {
    expect(incidentBody(facts())).not.toContain('rollback-action:froze');
  });

  test('each target has its own marker, so a capture of any one of them finds the incident', () => {
    const body = incidentBody(facts());
    for (const target of facts().targets) expect(body).toContain(targetMarker(target));
    expect(targetMarker('eu-west shop/deployment/api')).toMatch(
      /^<!-- rollback-action:target key=[0-9a-f]{16} -->$/,
    );
  });

  test("a later event's comment carries its own froze marker, first", () => {
    expect(incidentComment(facts({ froze })).split('\n')[0]).toBe(frozeMarker(froze));
    expect(incidentComment(facts())).not.toContain('rollback-action:froze');
  });

  test.each([
    ['a template with {{marker}}', 'Title\n{{marker}}\n{{headline}}'],
    ['a template without it', '{{headline}}'],
  ])('%s: both markers, once each', (_, template) => {
    const { text } = fillTemplate(template, facts({ froze }));
    expect(text.split(key)).toHaveLength(2);
    expect(parseFrozeMarkers(text)).toEqual([froze]);
  });
});

describe('incidentIdentity: the key guard files under and capture looks for', () => {
  const ref = (context: string, name: string): TargetRef => ({
    context,
    kind: 'Deployment',
    namespace: 'shop',
    name,
  });
  test.each<[TargetRef[], string | undefined, { service: string; targets: string[] }]>([
    [
      [ref('eu-west', 'api'), ref('us-east', 'api')],
      'acme/shop',
      { service: 'api', targets: ['eu-west shop/deployment/api', 'us-east shop/deployment/api'] },
    ],
    [[], 'acme/shop', { service: 'shop', targets: ['acme/shop'] }],
    [[], undefined, { service: 'service', targets: ['service'] }],
  ])('%j in %s', (refs, repository, identity) => {
    expect(incidentIdentity(refs, repository)).toEqual(identity);
  });

  test("the incident's froze comes from the run's range: the head and its first-parent chain", () => {
    const f = incidentFactsOf({
      ...incidentIdentity([ref('eu-west', 'api')], 'acme/shop'),
      verdict: 'rolled-back',
      severity: 'P1',
      headline: 'x',
      deployedAt: 0,
      detectedAt: 1,
      states: [],
      observations: {},
      kubernetes: [],
      range: {
        base: D,
        head: A,
        commits: [
          { sha: A, parents: [B, C], subject: 'Merge pull request #1' },
          { sha: C, parents: [D], subject: 'feat' },
          { sha: B, parents: [D], subject: 'fix' },
        ],
      },
    });
    expect(f.froze).toEqual({ head: A, commits: [A, B, C] });
  });
});
