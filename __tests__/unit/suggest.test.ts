import { didYouMean } from '../../src/suggest.js';

describe('didYouMean', () => {
  test.each([
    ['windw', ['window', 'interval'], " (did you mean 'window'?)"],
    ['Window', ['window', 'interval'], " (did you mean 'window'?)"],
    ['intreval', ['window', 'interval'], " (did you mean 'interval'?)"],
    ['kubernets', ['auto', 'kubernetes'], " (did you mean 'kubernetes'?)"],
    ['foo', ['mode', 'policy'], ''],
    ['x', ['window'], ''],
    ['', ['window'], ''],
    ['window', [], ''],
  ])('%s among %j', (value, candidates, expected) => {
    expect(didYouMean(value, candidates)).toBe(expected);
  });
});
