import { identifying, selectorsOf } from '../../src/metrics/selectors.js';

describe('selectorsOf', () => {
  test.each<[string, string, string[]]>([
    ['a bare metric', 'up', ['up']],
    [
      "the preset's count, with or vector(0)",
      'sum(increase(http_requests_total{job="api",code=~"5.."}[1m])) or vector(0)',
      ['http_requests_total{job="api",code=~"5.."}'],
    ],
    [
      'a ratio of two selectors, each once',
      'sum(rate(x{a="1"}[5m])) / sum(rate(x[5m])) + sum(rate(x{a="1"}[1m]))',
      ['x{a="1"}', 'x'],
    ],
    [
      'a histogram quantile',
      'histogram_quantile(0.95, sum by (le) (rate(h_bucket{job="api"}[1m])))',
      ['h_bucket{job="api"}'],
    ],
    ['no selector at all', 'vector(1)', []],
    [
      'braces that are a string, not a selector',
      'label_replace(vector(1), "a", "{x}", "", "")',
      [],
    ],
  ])('%s', (_name, query, expected) => {
    expect(selectorsOf(query).map((s) => s.text)).toEqual(expected);
  });

  test('matchers come with their operator and the value as written', () => {
    expect(selectorsOf('x{job="api", code!~\'5..\'}')[0]?.matchers).toEqual([
      { label: 'job', op: '=', value: '"api"' },
      { label: 'code', op: '!~', value: "'5..'" },
    ]);
  });
});

describe('identifying', () => {
  test.each<[string, string | undefined]>([
    // A service that has no 5xx (or no 503) yet still has its requests: that is enough.
    ['http_requests_total{job="api",code=~"5.."}', 'http_requests_total{job="api"}'],
    ['http_requests_total{job="api",code="503"}', 'http_requests_total{job="api"}'],
    ['x{namespace="shop",pod=~"api-.*"}', 'x{namespace="shop"}'],
    ['x{code="503"}', 'x{}'],
    ['{__name__=~"http_.*"}', undefined],
  ])('%s → %s', (selector, expected) => {
    const [parsed] = selectorsOf(selector);
    if (!parsed) throw new Error('no selector');
    expect(identifying(parsed)).toBe(expected);
  });
});
