import { isAlertExpression, promqlProblem } from '../../src/metrics/promql-syntax.js';

describe('promqlProblem', () => {
  test.each<[string, string, number | undefined, string | RegExp | undefined]>([
    ['a valid query', 'sum(rate(x{job="api"}[5m]))', undefined, undefined],
    ['a comparison', 'up == 0', undefined, undefined],
    ['a regex with $ anchors', 'x{path=~"^/api$"}', undefined, undefined],
    ['a regex with an escaped dot', 'x{host=~"api\\\\.example\\\\.com"}', undefined, undefined],
    ['a raw-string regex', 'x{path=~`/api/v\\d+`}', undefined, undefined],
    [
      // JavaScript accepts lookahead; Prometheus (RE2) refuses it with bad_data at run time.
      'a lookahead Prometheus cannot run',
      'sum(rate(http_requests_total{code=~"5(?!03).."}[5m]))',
      36,
      'label matcher code=~"5(?!03)..": "5(?!03).." uses lookaround ((?=, (?!, (?<=, (?<!), which Prometheus\' and Alertmanager\'s regular expressions (RE2) do not have',
    ],
    [
      'a backreference',
      "x{a=~'(x)\\\\1'}",
      6,
      /^label matcher a=~'\(x\)\\\\1': "\(x\)\\\\1" uses backreferences/,
    ],
    [
      'an unclosed group',
      'x{a!~"(x"}',
      6,
      /^label matcher a!~"\(x": "\(x" is not a regular expression/,
    ],
    [
      "Argo's example: ~ where =~ was meant",
      'sum(rate(http_requests_total{response_code~"5.*"}[5m]))',
      43,
      /^not valid PromQL at column 43, near '~"5\.\*"\}\[5m\]\)\)'; a regular-expression match is written =~$/,
    ],
    ['an unclosed parenthesis', 'sum(rate(x[5m])', 16, /the query ends at column 16/],
    ['an unknown function', 'foo_bar(x)', 8, /^not valid PromQL at column 8/],
    ['empty', '', 1, /the query ends at column 1/],
    [
      'Argo args',
      'x{service="{{args.service-name}}"}',
      12,
      /^\{\{args\.service-name\}\} is a template/,
    ],
    [
      'Flagger variables',
      'x{namespace="{{ namespace }}"}',
      14,
      /^\{\{ namespace \}\} is a template/,
    ],
    ['Grafana interval', 'rate(x[$__rate_interval])', 8, /^\$__rate_interval is a template/],
    ['Grafana variables', 'x{job="$job"}', 8, /^\$job is a template/],
    ['braced variables', 'x{job="${job}"}', 8, /^\$\{job\} is a template/],
    ['a range vector', 'x[5m]', 1, /^returns a range vector/],
    ['a subquery, in parentheses', '(rate(x[1m])[5m:1m])', 1, /^returns a range vector/],
    ['a string', '"abc"', 1, /^returns a string/],
  ])('%s', (_name, query, column, message) => {
    const problem = promqlProblem(query);
    expect(problem?.column).toBe(column);
    if (message === undefined) expect(problem).toBeUndefined();
    else expect(problem?.message).toMatch(message);
  });
});

describe('isAlertExpression', () => {
  test.each<[string, boolean]>([
    ['up == 0', true],
    ['(sum(rate(x{code=~"5.."}[5m])) / sum(rate(x[5m]))) > 0.05', true],
    // The SRE workbook's multi-window burn rate page.
    ['(a_rate1h > 14.4 * 0.001) and (a_rate5m > 14.4 * 0.001)', true],
    ['x > 1 or y > 2', true],
    ['x > 1 unless y', true],
    ['sum by (pod) (x) > on (pod) group_left y', true],
    ['x > bool 1', false],
    ['x > 1 or vector(0)', false],
    ['sum(rate(x[5m]))', false],
    ['a / b', false],
  ])('%s: %s', (query, expected) => {
    expect(isAlertExpression(query)).toBe(expected);
  });
});
