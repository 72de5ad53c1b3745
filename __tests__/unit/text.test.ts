import { inflect, plural } from '../../src/text.js';

describe('plural', () => {
  test.each<[number, string, string | undefined, string]>([
    [0, 'target', undefined, '0 targets'],
    [1, 'target', undefined, '1 target'],
    [3, 'target', undefined, '3 targets'],
    [2, 'failed poll', undefined, '2 failed polls'],
    [1, 'entry', 'entries', '1 entry'],
    [5, 'entry', 'entries', '5 entries'],
  ])('%d %s', (count, word, pluralWord, expected) => {
    expect(plural(count, word, pluralWord)).toBe(expected);
  });
});

describe('inflect', () => {
  test.each<[number, string, string | undefined, string]>([
    [1, 'trigger', undefined, 'trigger'],
    [2, 'trigger', undefined, 'triggers'],
    [1, 'has', 'have', 'has'],
    [0, 'has', 'have', 'have'],
  ])('%d %s', (count, word, pluralWord, expected) => {
    expect(inflect(count, word, pluralWord)).toBe(expected);
  });
});
