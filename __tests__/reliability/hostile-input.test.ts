/**
 * Hostile and bad input. Property-based (fast-check, a fixed seed and run count, so every
 * machine tries the same values): any input value and any policy text is either accepted or
 * refused in one line naming the input or file:line, never a stack trace, never a change; a
 * sample of the same policies goes through the bundled action. Then text from outside
 * (commit messages, branch names, metric labels) carrying shell, Markdown/HTML, mentions,
 * references, closing keywords and workflow commands goes through a guard that reverts in git
 * and files an incident: nothing runs, nobody is pinged, nothing is closed, no command is
 * obeyed, and the issue still renders.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { marked, type Token, type Tokens } from 'marked';
import { UserError, UserErrors } from '../../src/errors.js';
import { readInputs } from '../../src/inputs.js';
import { parsePolicy } from '../../src/policy/validate.js';
import { createGitFixture, HISTORY, type GitFixture } from '../../lab/git/fixture.js';
import { apiImage, releaseEverywhere, startRegions } from '../../lab/kube-sim/regions.js';
import { FakeGitHub } from '../../lab/github/server.js';
import { closeStandIns, prometheusAnswering, vector } from '../../lab/prometheus/stand-in.js';
import { REPO_ROOT, runAction, shownText } from '../../lab/runner/harness.js';
import { Record } from './record.js';

const record = new Record(fileURLToPath(import.meta.url));
afterAll(() => record.save());

const SEED = 20261207;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await closeStandIns();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
const STACK = /^\s+at |TypeError|ReferenceError|RangeError|SyntaxError/m;

/** What a person could type or a bot could write: the odd characters most likely to hurt. */
const SPECIAL = [
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999999',
  'NaN',
  '~',
  'null',
  'true',
  '[',
  '{',
  '}',
  '*a',
  '&a',
  '!!binary AAAA',
  '!!js/function "x"',
  '|',
  '>-',
  '%YAML 1.2',
  '---',
  "'",
  '"',
  '\\',
  '#',
  ':',
  '- -',
  '? x',
  '\u0000',
  '\u202e',
  '\ufeff',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'x'.repeat(5000),
  '$(touch /tmp/x)',
  '::error::x',
  '${{ secrets.X }}',
];
const value = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** One problem per line, named by where it is: the shape every refusal must have. */
function expectOneLineEach(messages: readonly string[], where: RegExp): void {
  for (const message of messages) {
    expect(message).not.toMatch(/[\r\n]/);
    expect(message).toMatch(where);
    expect(message).not.toMatch(STACK);
  }
}

describe('properties, in-process', () => {
  const INPUTS = [
    'mode',
    'policy',
    'targets',
    'namespace',
    'contexts',
    'prometheus-url',
    'alertmanager-url',
    'window',
    'interval',
    'strategy',
    'to-revision',
    'approval',
    'reason',
    'dry-run',
    'deploy-times',
    'deployment-id',
    'override-freeze',
  ];

  test('any value of any input: accepted, or refused in one line per input naming it', () => {
    const saved = { ...process.env };
    const runs = 1000;
    const seen = { accepted: 0, refused: 0 };
    try {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...INPUTS), value, { maxKeys: 6 }), (inputs) => {
          // An empty input is an input left out, as on a runner.
          for (const name of INPUTS) process.env[`INPUT_${name.toUpperCase()}`] = '';
          // An environment variable cannot hold NUL; a runner could not pass one.
          for (const [name, text] of Object.entries(inputs))
            process.env[`INPUT_${name.toUpperCase()}`] = text.replace(/\0/g, '');
          try {
            readInputs();
            seen.accepted += 1;
          } catch (error) {
            seen.refused += 1;
            expect(error).toBeInstanceOf(UserErrors);
            const messages = (error as UserErrors).errors.map((e) => e.message);
            expect(messages.length).toBeGreaterThan(0);
            expectOneLineEach(messages, /^input '[a-z-]+': /);
          }
        }),
        { seed: SEED, numRuns: runs },
      );
    } finally {
      process.env = saved;
    }
    expect(seen.accepted).toBeGreaterThan(runs / 10);
    expect(seen.refused).toBeGreaterThan(runs / 10);
    record.add({
      area: 'hostile input',
      fault:
        'any value of any input (fast-check: binary and unicode strings, huge and negative numbers, YAML and shell syntax, workflow commands)',
      modes: ['in-process: readInputs'],
      runs,
      outcome: "accepted, or refused with one line per bad input, each naming it ('input ...')",
      lost: 'nothing',
    });
  });

  test('any policy text, valid policies mutated: parsed, or refused in one line per problem at file:line', async () => {
    const example = await readFile(path.join(REPO_ROOT, 'examples/rollback-policy.yml'), 'utf8');
    const lines = example.split('\n');
    const runs = 1500;
    const seen = { parsed: 0, refused: 0 };
    fc.assert(
      fc.property(policyText(lines), (text) => {
        try {
          const { warnings } = parsePolicy(text, 'policy.yml');
          seen.parsed += 1;
          expectOneLineEach(
            warnings.map((w) => w.message),
            /^policy\.yml(:\d+:\d+)?: /,
          );
        } catch (error) {
          seen.refused += 1;
          const errors = error instanceof UserErrors ? error.errors : [error];
          for (const e of errors) expect(e).toBeInstanceOf(UserError);
          expectOneLineEach(
            errors.map((e) => (e as Error).message),
            /^policy\.yml(:\d+:\d+)?: /,
          );
        }
      }),
      { seed: SEED, numRuns: runs },
    );
    // Both sides were tried: many mutations still parse, many are refused.
    expect(seen.parsed).toBeGreaterThan(runs / 10);
    expect(seen.refused).toBeGreaterThan(runs / 10);
    record.add({
      area: 'hostile input',
      fault:
        'any policy file (fast-check: arbitrary text, the example policy with values replaced by wrong types, huge numbers, unicode, NUL, YAML tags and aliases, lines deleted, duplicated or inserted)',
      modes: ['in-process: parsePolicy'],
      runs,
      outcome: 'parsed, or refused with one line per problem at file:line:column',
      lost: 'nothing',
    });
  });
});

/** Arbitrary text, or the example policy with one to three lines mutated. */
function policyText(lines: readonly string[]): fc.Arbitrary<string> {
  const mutation = fc.tuple(
    fc.nat({ max: lines.length - 1 }),
    fc.constantFrom('value', 'delete', 'duplicate', 'insert', 'indent'),
    value,
  );
  const mutated = fc.array(mutation, { minLength: 1, maxLength: 3 }).map((edits) => {
    const copy = [...lines];
    for (const [at, kind, text] of edits) {
      const line = copy[at] ?? '';
      if (kind === 'value') copy[at] = line.replace(/:(\s.*)?$/, `: ${text}`);
      else if (kind === 'delete') copy.splice(at, 1);
      else if (kind === 'duplicate') copy.splice(at, 0, line);
      else if (kind === 'insert') copy.splice(at, 0, text);
      else copy[at] = ` ${line}`;
    }
    return copy.join('\n');
  });
  return fc.oneof(mutated, mutated, fc.string({ unit: 'binary', maxLength: 400 }));
}

test('a sample of the same policies through the bundled action (mode: validate): a valid run or one line per problem, the workspace untouched', async () => {
  const example = await readFile(path.join(REPO_ROOT, 'examples/rollback-policy.yml'), 'utf8');
  const samples = fc.sample(policyText(example.split('\n')), { seed: SEED, numRuns: 12 });
  let refused = 0;
  for (const text of samples) {
    const workspace = await mkdtemp(path.join(tmpdir(), 'hostile-policy-'));
    cleanups.push(() => rm(workspace, { recursive: true, force: true }));
    const r = await runAction({
      workspace,
      inputs: { mode: 'validate' },
      files: { '.github/rollback-policy.yml': text },
      timeoutMs: 30_000,
    });
    expect(await readdir(workspace, { recursive: true })).toEqual([
      '.github',
      '.github/rollback-policy.yml',
    ]);
    expect(await readFile(path.join(workspace, '.github/rollback-policy.yml'), 'utf8')).toBe(text);
    expect(r.timedOut).toBe(false);
    expect([0, 1]).toContain(r.exitCode);
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(STACK);
    const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    if (r.exitCode === 1) {
      refused += 1;
      expect(errors.length).toBeGreaterThan(0);
      expectOneLineEach(
        errors,
        /^rollback-action: (\.github\/rollback-policy\.yml(:\d+:\d+)?: |… \d+ more problems|interval .* is longer than window|no Prometheus URL)/,
      );
    }
  }
  // The sample holds both: valid policies run, broken ones are refused.
  expect(refused).toBeGreaterThan(0);
  expect(refused).toBeLessThan(samples.length);
  record.add({
    area: 'hostile input',
    fault: 'a sample of the generated policies (fixed seed) through the bundled action',
    modes: ['validate'],
    runs: samples.length,
    outcome: 'a valid run, or exit 1 with one annotation per problem at file:line; no stack trace',
    lost: 'nothing',
  });
}, 120_000);

describe('text from outside, through a guard that reverts in git and files an incident', () => {
  const PWNED = path.join(tmpdir(), `rollback-action-pwned-${process.pid}`);
  /** Shell, Markdown and HTML, mentions, references, closing keywords, workflow commands. */
  const HOSTILE = [
    `$(touch ${PWNED})`,
    `\`touch ${PWNED}\``,
    `; touch ${PWNED} #`,
    '<img src=x onerror=alert(1)>',
    '<details open id="hostile"><summary>open me</summary>',
    '``` unbalanced fence',
    '@octocat and @acme/oncall',
    'see #123 and acme/shop#7',
    'Fixes #1, closes #2, resolves acme/shop#3',
    '::set-output name=pwned::1',
    '::add-mask::hostile-mask',
    '::error::hostile-annotation',
    '::stop-commands::hostile-token',
  ];
  // A branch name cannot hold spaces; the rest of git's rules allow all this.
  const BRANCH = 'feature/$(touch${IFS}' + PWNED + ')-`id`-@octocat-#9';
  // The incident's headings around and after the commits that carry the unbalanced fence.
  const SECTIONS = [
    'Summary',
    'Timeline (UTC)',
    'Triggers',
    'Commits deployed',
    'Decision',
    'Links',
  ];

  let fixture: GitFixture;
  let gh: FakeGitHub;
  afterEach(async () => {
    await gh.close();
    await fixture.cleanup();
  });

  /** Outside code, where GitHub looks for mentions, references and closing keywords. */
  function prose(markdown: string): string {
    const html = marked.parse(markdown, { async: false });
    return html.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '');
  }

  function expectInert(markdown: string): void {
    // The commits table's pull request column links the merged pull request on purpose.
    const text = prose(markdown).replace(/<td>#\d+<\/td>/g, '');
    // Mentions and references are broken by a zero-width space, an entity in the source.
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).not.toMatch(/(^|[^&\w])#\d/);
    expect(text).not.toMatch(/\b(close[sd]?|fix(e[sd])?|resolve[sd]?)\b:?\s+[\w/-]*#\d/i);
    // No element from outside: the HTML stays text.
    expect(text).not.toMatch(/<img|<details open id="hostile"/);
  }

  /** The headings and tables survive: every table row as wide as its header. */
  function expectStructure(markdown: string, sections: readonly string[]): void {
    const tokens = marked.lexer(markdown);
    const headings = tokens
      .filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 2)
      .map((t) => t.text);
    for (const section of sections) expect(headings).toContain(section);
    const tables = tokens.filter((t: Token): t is Tokens.Table => t.type === 'table');
    for (const table of tables)
      for (const row of table.rows) expect(row).toHaveLength(table.header.length);
  }

  test('a hostile image name: rolled back, shown as code, the Versions table whole', async () => {
    fixture = await createGitFixture(HISTORY.slice(0, 2));
    gh = await new FakeGitHub('acme/shop').start();
    const regions = await startRegions(['eu-west']);
    cleanups.push(() => regions.close());
    const bad = `1.1-$(touch ${PWNED})-\`id\`;@octocat|#1<img src=x onerror=alert(1)>::error::x`;
    await releaseEverywhere(regions.sims, '1.0');
    await releaseEverywhere(regions.sims, bad);
    const url = await prometheusAnswering(() => ({
      body: vector({
        value: [
          Date.now() / 1000,
          apiImage(regions.sims['eu-west']).startsWith('shop/api:1.1') ? '1' : '0',
        ],
      }),
    }));
    const r = await runAction({
      token: gh.token,
      apiUrl: gh.url,
      inputs: { 'prometheus-url': url, kubeconfig: regions.kubeconfig, targets: 'deployment/api' },
      files: {
        '.github/rollback-policy.yml':
          "triggers:\n  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P1}\nwatch: {window: 3s, interval: 1s}\n",
      },
      timeoutMs: 60_000,
    });
    expect(r.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
    expect(apiImage(regions.sims['eu-west'])).toBe('shop/api:1.0');
    expect(existsSync(PWNED)).toBe(false);
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(STACK);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error::x'))).toEqual([]);
    const incident = gh.issues.find((i) => !i.pull_request);
    const body = incident?.body ?? '';
    expect(body).toContain('## Versions');
    // The image is there, as code: shown as written, inert.
    expect(body).toMatch(/`+shop\/api:1\.1-\$\(touch /);
    expectInert(body);
    expectStructure(body, ['Summary', 'Versions', 'Decision', 'Links']);
    expect(incident?.title).not.toMatch(/[\r\n]/);
    gh.assertClean();
    record.add({
      area: 'hostile input',
      fault:
        'an image name carrying `$(touch ...)`, backticks, `;`, a mention, a pipe, #1, `<img onerror>` and `::error::`, rolled back by a guard that files an incident',
      modes: ['guard'],
      runs: 1,
      outcome:
        'rolled back; nothing executed; the image shown as code, the Versions table as wide as its header; no mention, reference or HTML',
      lost: 'nothing',
    });
  }, 90_000);

  test('nothing runs, nobody is pinged, nothing closes, no command is obeyed; the issue renders', async () => {
    fixture = await createGitFixture([
      {
        name: 'initial',
        message: 'Initial commit: shop api',
        files: { 'src/app.ts': 'export const version = "1.0";\n' },
      },
      {
        name: 'release-1.1',
        message: 'release: api 1.1',
        files: { 'src/app.ts': 'export const version = "1.1";\n' },
      },
      {
        name: 'merge',
        message: `Merge pull request #12 from acme/${BRANCH}\n\n${HOSTILE.join('\n')}`,
        branch: {
          name: BRANCH,
          commits: HOSTILE.map((subject, i) => ({
            message: `${subject}\n\n${HOSTILE.join('\n')}`,
            files: { [`src/change-${i}.ts`]: `export const n = ${i};\n` },
          })),
        },
      },
    ]);
    gh = await new FakeGitHub('acme/shop', undefined, fixture.origin).start();
    // Metric label values from outside too: the failing series is labelled with all of it.
    const labels = Object.fromEntries(HOSTILE.map((text, i) => [`l${i}`, text]));
    const url = await prometheusAnswering(() => ({
      body: vector({ metric: labels, value: [Date.now() / 1000, '1'] }),
    }));
    const r = await runAction({
      workspace: fixture.workspace,
      eventName: 'push',
      event: { before: fixture.shas['release-1.1'], after: fixture.shas.merge },
      sha: fixture.shas.merge,
      repository: 'acme/shop',
      token: gh.token,
      apiUrl: gh.url,
      inputs: { 'prometheus-url': url },
      files: {
        '.github/rollback-policy.yml': `
triggers:
  - {name: errors, query: 'sum by (l0, l3, l6, l8, l9) (errors)', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 3s, interval: 1s}
`,
      },
      timeoutMs: 60_000,
    });
    expect(r.outputs).toMatchObject({ verdict: 'rollback-recommended', strategy: 'git-revert' });
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(STACK);

    // Nothing was run by a shell.
    expect(existsSync(PWNED)).toBe(false);
    // No workflow command from outside was obeyed: none starts a line of the log, no output,
    // mask or annotation came of one.
    const commandLines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    for (const line of commandLines)
      expect(line).toMatch(/^::(add-mask|group|endgroup|debug|notice|warning|error)::/);
    expect(commandLines.join('\n')).not.toMatch(/hostile|pwned|set-output|stop-commands/);
    expect(r.outputs.pwned).toBeUndefined();
    expect(r.masks).not.toContain('hostile-mask');
    expect(r.annotations.map((a) => a.message).join('\n')).not.toMatch(/^hostile/m);

    // The incident and the revert pull request: inert, and whole.
    const incident = gh.issues.find((i) => !i.pull_request);
    const pull = gh.issues.find((i) => i.pull_request);
    expect(incident?.body).toContain('## Commits deployed');
    expect(incident?.body).toContain('onerror');
    expectInert(incident?.body ?? '');
    expectStructure(incident?.body ?? '', SECTIONS);
    expect(pull?.body).toBeDefined();
    expectInert(pull?.body ?? '');
    expect(pull?.title).not.toMatch(/[\r\n]/);
    // The job summary (where GitHub pings no one): no HTML and no mention from outside.
    const summary = prose(r.summary);
    expect(summary).not.toMatch(/<img|<details open id="hostile"/);
    expect(summary).not.toMatch(/@(octocat|acme)/);
    expect(summary).toContain('Triggers');
    expectStructure(r.summary, []);
    // No issue was closed by a keyword (the fake GitHub holds only what the run created).
    expect(gh.issues.filter((i) => i.state === 'closed')).toEqual([]);
    gh.assertClean();
    expect(shownText(r)).not.toContain(gh.token);
    record.add({
      area: 'hostile input',
      fault:
        'commit messages, a branch name and metric label values carrying shell (`$(touch ...)`, backticks, `;`), HTML (`<img onerror>`, `<details>`), an unbalanced code fence, @mentions, #123 and owner/repo#7, closing keywords (Fixes #1), and workflow-command lines (`::set-output`, `::add-mask::`, `::error::`, `::stop-commands::`), in a guard that opens a revert pull request and files an incident',
      modes: ['guard'],
      runs: 1,
      outcome:
        'nothing executed; mentions, references and closing keywords broken; HTML shown as text; no workflow command at the start of a log line; incident, pull request and summary render with headings and tables intact',
      lost: 'nothing',
    });
  }, 90_000);
});
