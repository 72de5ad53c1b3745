import { didYouMean } from '../../src/suggest.js';

describe('didYouMean', () => {
  test.each([
    ['windw', ['window', 'interval'], " (did you mean 'window'?)"],
    ['Window', ['window', 'interval'], " (did you mean 'window'?)"],
    ['intreval', ['window', 'interval'], " (did you mean 'interval'?)"],
    ['kubernets', ['auto', 'kubernetes'], " (did you mean 'kubernetes'?)"],
    ['gaurd', ['capture', 'guard', 'rollback'], " (did you mean 'guard'?)"],
    ['Gaurd', ['capture', 'guard'], " (did you mean 'guard'?)"],
    ['rollbakc', ['rollback', 'mark-good'], " (did you mean 'rollback'?)"],
    ['ab', ['ba', 'xy'], " (did you mean 'ba'?)"],
    ['foo', ['mode', 'policy'], ''],
    ['ofo', ['mode', 'policy'], ''],
    ['x', ['window'], ''],
    ['', ['window'], ''],
    ['window', [], ''],
  ])('%s among %j', (value, candidates, expected) => {
    expect(didYouMean(value, candidates)).toBe(expected);
  });
});
