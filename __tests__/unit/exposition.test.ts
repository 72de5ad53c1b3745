import {
  counterIncrease,
  histogramQuantile,
  parseExposition,
  parseSelector,
  select,
} from '../../src/metrics/exposition.js';

const scrape = (lines: string[]): ReturnType<typeof parseExposition> =>
  parseExposition(lines.join('\n'));

describe('parseExposition', () => {
  test('samples with labels, escapes, special values and timestamps; comments skipped', () => {
    const samples = scrape([
      '# HELP http_requests_total Requests.',
      '# TYPE http_requests_total counter',
      'http_requests_total{code="200",path="/a\\"b\\\\c"} 1027 1395066363000',
      'http_requests_total{code="500"} 3',
      'up 1',
      'latency_bucket{le="+Inf"} +Inf',
      'temperature -Inf',
      'weird NaN',
      'not a sample line',
    ]);
    expect(samples).toEqual([
      { name: 'http_requests_total', labels: { code: '200', path: '/a"b\\c' }, value: 1027 },
      { name: 'http_requests_total', labels: { code: '500' }, value: 3 },
      { name: 'up', labels: {}, value: 1 },
      { name: 'latency_bucket', labels: { le: '+Inf' }, value: Number.POSITIVE_INFINITY },
      { name: 'temperature', labels: {}, value: Number.NEGATIVE_INFINITY },
      { name: 'weird', labels: {}, value: Number.NaN },
    ]);
  });

  test('select by name and label matchers (strings or regular expressions)', () => {
    const samples = scrape([
      'r{code="200"} 1',
      'r{code="503"} 2',
      'r{code="500"} 3',
      'other{code="500"} 9',
    ]);
    expect(select(samples, 'r', { code: /^5..$/ }).map((s) => s.value)).toEqual([2, 3]);
    expect(select(samples, 'r', { code: '200' }).map((s) => s.value)).toEqual([1]);
  });
});

describe('counterIncrease', () => {
  test.each([
    ['steady growth', ['c{pod="a"} 10', 'c{pod="b"} 5'], ['c{pod="a"} 25', 'c{pod="b"} 6'], 16],
    ['a reset (the pod restarted) counts the new value', ['c{pod="a"} 100'], ['c{pod="a"} 7'], 7],
    [
      'a new series counts whole; a vanished one counts nothing',
      ['c{pod="a"} 10', 'c{pod="old"} 50'],
      ['c{pod="a"} 12', 'c{pod="new"} 4'],
      6,
    ],
    ['nothing before', [], ['c 3'], 3],
  ])('%s', (_name, before, after, expected) => {
    expect(counterIncrease(scrape(before), scrape(after))).toBe(expected);
  });
});

describe('histogramQuantile (as PromQL interpolates)', () => {
  const buckets = (counts: Record<string, number>): string[] =>
    Object.entries(counts).map(([le, n]) => `h_bucket{le="${le}"} ${n}`);
  test.each([
    // 100 observations: 50 ≤ 0.1, 40 in (0.1, 0.5], 10 in (0.5, 1]
    ['median', 0.5, { '0.1': 50, '0.5': 90, '1': 100, '+Inf': 100 }, 0.1],
    [
      'p95 inside the last finite bucket',
      0.95,
      { '0.1': 50, '0.5': 90, '1': 100, '+Inf': 100 },
      0.75,
    ],
    ['p90 at a bucket edge', 0.9, { '0.1': 50, '0.5': 90, '1': 100, '+Inf': 100 }, 0.5],
    ['beyond the last finite bucket: its bound', 0.99, { '0.1': 0, '1': 50, '+Inf': 100 }, 1],
    ['the first bucket interpolates from zero', 0.25, { '0.2': 100, '+Inf': 100 }, 0.05],
  ])('%s', (_name, q, counts, expected) => {
    expect(histogramQuantile(q, [], scrape(buckets(counts)))).toBeCloseTo(expected, 10);
  });

  test('only the observations between the two scrapes count', () => {
    const before = scrape(buckets({ '0.1': 1000, '1': 1000, '+Inf': 1000 }));
    const after = scrape(buckets({ '0.1': 1000, '1': 1100, '+Inf': 1100 }));
    expect(histogramQuantile(0.5, before, after)).toBeCloseTo(0.55, 10);
  });

  test.each([
    ['no observations', { '0.1': 0, '+Inf': 0 }],
    ['no +Inf bucket', { '0.1': 5, '1': 10 }],
  ])('%s: undefined (no data)', (_name, counts) => {
    expect(histogramQuantile(0.5, [], scrape(buckets(counts)))).toBeUndefined();
  });
});

describe('parseSelector', () => {
  const samples = scrape([
    'r{code="200",path="/a"} 1',
    'r{code="503",path="/a"} 2',
    'r{code="500",path="/b"} 3',
    'r{code="404"} 4',
  ]);
  test.each([
    ['r', [1, 2, 3, 4]],
    ['r{}', [1, 2, 3, 4]],
    ['r{code=~"5.."}', [2, 3]],
    ['r{code!~"5..",code!="404"}', [1]],
    ['r{ path = "/a" , code != "200" }', [2]],
    ['r{code=~"50"}', []],
  ])('%s', (text, values) => {
    const selector = parseSelector(text);
    expect(selector).toBeDefined();
    expect(select(samples, selector?.name ?? '', selector?.matchers).map((s) => s.value)).toEqual(
      values,
    );
  });

  test.each(['sum(r)', 'r{code=5}', 'r{code="5"', 'rate(r[1m])', '{code="5"}'])(
    '%s is not a selector',
    (text) => {
      expect(parseSelector(text)).toBeUndefined();
    },
  );
});
