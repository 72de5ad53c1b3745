import { assertSha, baseCandidates, type BaseCandidate } from '../../src/decide/range.js';
import { UserError } from '../../src/errors.js';
import { subcommandOf } from '../../src/git.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const ZERO = '0'.repeat(40);

describe('baseCandidates: the order bases are tried in', () => {
  test.each<[string, Parameters<typeof baseCandidates>[0], BaseCandidate[]]>([
    ['nothing known', {}, []],
    [
      'all three, in the issue order',
      { toRevision: A, lastGoodSha: B, pushBefore: C },
      [
        { sha: A, from: 'to-revision' },
        { sha: B, from: 'last-good' },
        { sha: C, from: 'push-before' },
      ],
    ],
    [
      'a duplicate keeps its first source',
      { toRevision: A, lastGoodSha: A, pushBefore: B },
      [
        { sha: A, from: 'to-revision' },
        { sha: B, from: 'push-before' },
      ],
    ],
    [
      "a new branch's before (40 zeros) is ignored",
      { lastGoodSha: B, pushBefore: ZERO },
      [{ sha: B, from: 'last-good' }],
    ],
    ['64 zeros (SHA-256) too', { pushBefore: '0'.repeat(64) }, []],
    [
      'upper case is lowered, an abbreviated to-revision kept',
      { toRevision: 'ABCDEF1', pushBefore: C.toUpperCase() },
      [
        { sha: 'abcdef1', from: 'to-revision' },
        { sha: C, from: 'push-before' },
      ],
    ],
    [
      'to-revision previous, last-good or a number names no commit',
      { toRevision: 'previous', pushBefore: C },
      [{ sha: C, from: 'push-before' }],
    ],
    ['to-revision last-good', { toRevision: 'last-good' }, []],
    ['to-revision digits only is a revision number', { toRevision: '1234567' }, []],
    [
      'a 40-digit SHA without letters is still a SHA',
      { toRevision: '1'.repeat(40) },
      [{ sha: '1'.repeat(40), from: 'to-revision' }],
    ],
    ['blank values are absent', { toRevision: ' ', lastGoodSha: '', pushBefore: '' }, []],
  ])('%s', (_name, facts, expected) => {
    expect(baseCandidates(facts)).toEqual(expected);
  });

  test.each<[string, Parameters<typeof baseCandidates>[0], RegExp]>([
    ['an option as to-revision', { toRevision: '-x' }, /to-revision '-x' is not a commit SHA/],
    [
      'an option as last-good',
      { lastGoodSha: '--upload-pack=touch /tmp/x' },
      /last-good SHA '--upload-pack=touch \/tmp\/x' is not a full commit SHA/,
    ],
    ['non-hex as before', { pushBefore: 'g'.repeat(40) }, /push event's before .* is not a full/],
    ['an abbreviated last-good', { lastGoodSha: 'abcdef1' }, /not a full commit SHA/],
    ['a ref name as to-revision', { toRevision: 'main' }, /not a commit SHA/],
    ['a leading zero digits-only to-revision', { toRevision: '0123456' }, /neither/],
    ['eleven digits', { toRevision: '12345678901' }, /neither/],
  ])('%s is refused', (_name, facts, message) => {
    expect(() => baseCandidates(facts)).toThrow(UserError);
    expect(() => baseCandidates(facts)).toThrow(message);
  });
});

describe('assertSha', () => {
  test.each([
    ['-x', false],
    ['--all', false],
    ['HEAD', false],
    ['abc', false],
    ['abcdef1', true],
    [A, true],
    ['f'.repeat(64), true],
    ['f'.repeat(65), false],
    [`${A}\n`, true],
    [`${A}^`, false],
    [`${A}:path`, false],
  ])('%j → %s', (value, ok) => {
    if (ok) expect(assertSha(value, 'x')).toBe(value.trim().toLowerCase());
    else expect(() => assertSha(value, 'x')).toThrow(UserError);
  });
});

describe('subcommandOf: what a GitError and the commit identity key on', () => {
  test.each<[string[], string | undefined]>([
    [['-c', 'a=b', 'commit', '-m', 'x'], 'commit'],
    [['-c', 'core.hooksPath=/dev/null', 'push', 'origin'], 'push'],
    [['-C', '/tmp', 'revert'], 'revert'],
    [['--no-pager', 'log'], 'log'],
    [[], undefined],
  ])('%j → %s', (args, expected) => {
    expect(subcommandOf(args)).toBe(expected);
  });
});
