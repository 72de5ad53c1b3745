/**
 * Prometheus' answers read by pure functions, on fixtures of every response shape (see
 * __tests__/fixtures/prometheus/README.md: which came from the lab's real Prometheus 2.42 and
 * which were written after its documented envelope), as Argo Rollouts tests its provider.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alertKey,
  alertStarts,
  longestScrapeInterval,
  readEnvelope,
  readInstant,
  readLabelValues,
  readRange,
  type Envelope,
  type Instant,
} from '../../src/metrics/prometheus-answer.js';
import { PrometheusProvider } from '../../src/metrics/prometheus.js';
import type { Reading } from '../../src/metrics/provider.js';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/prometheus',
);
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The `data` of a fixture that is a success. */
function dataOf(name: string): unknown {
  const envelope = readEnvelope(200, fixture(name));
  if (envelope.status !== 'success') throw new Error(`${name} is not a success`);
  return envelope.data;
}

const Q = 'q';

describe('readEnvelope', () => {
  test.each<[string, number, string, Envelope | Partial<Envelope>]>([
    ['a success', 200, 'vector-one.json', { status: 'success', warnings: [], infos: [] }],
    [
      'warnings and Prometheus 3 infos beside the data',
      200,
      'vector-warnings-infos.json',
      {
        status: 'success',
        warnings: ['remote_read: partial data from store eu-1'],
        infos: [
          'PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "temp" (1:6)',
        ],
      },
    ],
    [
      'bad_data: the query is wrong',
      400,
      'error-bad-data.json',
      {
        status: 'error',
        errorType: 'bad_data',
        error: 'invalid parameter "query": 1:34: parse error: unclosed left parenthesis',
        warnings: [],
      },
    ],
    ['execution', 422, 'error-execution.json', { status: 'error', errorType: 'execution' }],
    [
      'timeout',
      503,
      'error-timeout.json',
      {
        status: 'error',
        errorType: 'timeout',
        error: 'query timed out in expression evaluation',
        warnings: [],
      },
    ],
    ['canceled', 503, 'error-canceled.json', { status: 'error', errorType: 'canceled' }],
    ['internal', 500, 'error-internal.json', { status: 'error', errorType: 'internal' }],
    ['unavailable', 503, 'error-unavailable.json', { status: 'error', errorType: 'unavailable' }],
    [
      "a proxy's HTML page",
      502,
      'proxy-502.html',
      {
        status: 'none',
        reason: 'Prometheus answered HTTP 502 without JSON, an HTML page',
        fault: 'backend',
      },
    ],
    [
      'a body cut off',
      200,
      'truncated.json',
      { status: 'none', reason: 'Prometheus answered HTTP 200 without JSON', fault: 'backend' },
    ],
    [
      'a path the API has not',
      404,
      'not-found.txt',
      { status: 'none', reason: 'Prometheus answered HTTP 404 without JSON', fault: 'backend' },
    ],
    [
      "an authenticating proxy's own JSON",
      401,
      'proxy-401.json',
      {
        status: 'none',
        reason:
          'Prometheus answered HTTP 401 with JSON that is not an API answer (check its credentials)',
        fault: 'backend',
      },
    ],
  ])('%s', (_name, status, file, expected) => {
    expect(readEnvelope(status, fixture(file))).toMatchObject(expected);
  });

  test.each<[string, number, string, string]>([
    [
      '401 without a body',
      401,
      '',
      'Prometheus answered HTTP 401 without JSON (check its credentials)',
    ],
    [
      '403 as text',
      403,
      'Forbidden',
      'Prometheus answered HTTP 403 without JSON (check its credentials)',
    ],
    ['500 without a body', 500, '', 'Prometheus answered HTTP 500 without JSON'],
    ['JSON null', 200, 'null', 'Prometheus answered HTTP 200 with JSON that is not an API answer'],
    ['a JSON list', 200, '[]', 'Prometheus answered HTTP 200 with JSON that is not an API answer'],
    [
      'an unknown status',
      200,
      '{"status":"partial"}',
      'Prometheus answered HTTP 200 with JSON that is not an API answer',
    ],
  ])('%s is no answer', (_name, status, text, reason) => {
    expect(readEnvelope(status, text)).toEqual({ status: 'none', reason, fault: 'backend' });
  });

  test('the server is named as the provider gives it, and an HTML page is said to be one', () => {
    expect(
      readEnvelope(
        503,
        '<!DOCTYPE html><title>Maintenance</title>',
        'Prometheus at http://***@prom:9090/',
      ),
    ).toEqual({
      status: 'none',
      reason: 'Prometheus at http://***@prom:9090/ answered HTTP 503 without JSON, an HTML page',
      fault: 'backend',
    });
  });

  test('an error without its fields still names a type and an error', () => {
    expect(readEnvelope(503, '{"status":"error"}')).toEqual({
      status: 'error',
      errorType: 'error',
      error: 'unknown error',
      warnings: [],
    });
  });

  test('warnings that are not strings are left out', () => {
    const envelope = readEnvelope(200, '{"status":"success","data":1,"warnings":["w",2,null]}');
    expect(envelope).toEqual({ status: 'success', data: 1, warnings: ['w'], infos: [] });
  });
});

const POD_A = { __name__: 'http_requests_total', code: '200', job: 'api', pod: 'a' };
const POD_B = { __name__: 'http_requests_total', code: '500', job: 'api', pod: 'b' };

describe('readInstant', () => {
  test.each<[string, string, Instant]>([
    ['a scalar', 'scalar.json', { value: 3, warnings: [] }],
    [
      'a scalar NaN',
      'scalar-nan.json',
      { value: undefined, reason: 'NaN (query: q)', fault: 'empty', warnings: [] },
    ],
    [
      'one series: its value and its labels',
      'vector-one.json',
      { value: 11, series: [{ labels: {}, value: 11 }], warnings: [] },
    ],
    [
      'no series',
      'vector-empty.json',
      { value: undefined, reason: 'empty result (query: q)', fault: 'empty', warnings: [] },
    ],
    [
      'NaN',
      'vector-nan.json',
      { value: undefined, reason: 'NaN (query: q)', fault: 'empty', warnings: [] },
    ],
    [
      '+Inf',
      'vector-inf.json',
      { value: undefined, reason: '+Inf (query: q)', fault: 'empty', warnings: [] },
    ],
    [
      '-Inf',
      'vector-minus-inf.json',
      { value: undefined, reason: '-Inf (query: q)', fault: 'empty', warnings: [] },
    ],
    [
      'a value that is no number',
      'vector-stale.json',
      { value: undefined, reason: 'stale (query: q)', fault: 'empty', warnings: [] },
    ],
    [
      'a native histogram',
      'vector-native-histogram.json',
      { value: undefined, reason: 'a histogram (query: q)', fault: 'empty', warnings: [] },
    ],
    [
      'several series, none finite',
      'vector-several-none-finite.json',
      {
        value: undefined,
        reason: '2 series, none finite (query: q)',
        fault: 'empty',
        warnings: [],
      },
    ],
    [
      'a string',
      'string.json',
      {
        value: undefined,
        reason: 'unexpected string where an instant vector was expected (query: q)',
        fault: 'query',
        warnings: [],
      },
    ],
    [
      'a matrix (a range selector in an instant query)',
      'matrix-instant.json',
      {
        value: undefined,
        reason: 'unexpected matrix where an instant vector was expected (query: q)',
        fault: 'query',
        warnings: [],
      },
    ],
    [
      'a vector whose result is no list',
      'wrong-shape-result.json',
      {
        value: undefined,
        reason: 'unexpected vector where an instant vector was expected (query: q)',
        fault: 'query',
        warnings: [],
      },
    ],
  ])('%s', (_name, file, expected) => {
    expect(readInstant(dataOf(file), [], Q)).toEqual(expected);
  });

  test('several series: each with its labels, judged on its own', () => {
    const result = readInstant(dataOf('vector-several.json'), [], Q);
    expect(result).toMatchObject({ value: undefined, reason: '2 series', fault: 'several' });
    // The instance label holds the lab target's ephemeral port.
    expect('series' in result && result.series).toEqual([
      { labels: expect.objectContaining(POD_A) as unknown, value: 10 },
      { labels: expect.objectContaining(POD_B) as unknown, value: 1 },
    ]);
  });

  test('the warnings given are carried', () => {
    const envelope = readEnvelope(200, fixture('vector-warnings-infos.json'));
    if (envelope.status !== 'success') throw new Error('not a success');
    expect(readInstant(envelope.data, envelope.warnings, Q)).toEqual({
      value: 0.02,
      series: [{ labels: {}, value: 0.02 }],
      warnings: ['remote_read: partial data from store eu-1'],
    });
  });

  test.each<[string, unknown]>([
    ['no data', undefined],
    ['data with no result type', {}],
  ])('%s is an unexpected answer', (_name, data) => {
    expect(readInstant(data, [], Q)).toEqual({
      value: undefined,
      reason: 'unexpected answer where an instant vector was expected (query: q)',
      fault: 'query',
      warnings: [],
    });
  });
});

describe('readRange', () => {
  test('several series: every finite sample of each, in ms', () => {
    const result = readRange(dataOf('range-several.json'), Q);
    expect(result).toEqual({
      values: [
        [1796590616930, 10],
        [1796590617930, 10],
        [1796590618930, 10],
        [1796590619930, 10],
        [1796590616930, 1],
        [1796590617930, 1],
        [1796590618930, 1],
        [1796590619930, 1],
      ],
    });
  });

  test.each<[string, string, { reason: string; fault: string }]>([
    ['no series', 'range-empty.json', { reason: 'no history (query: q)', fault: 'empty' }],
    [
      'only NaN and infinities',
      'range-none-finite.json',
      { reason: 'no finite values in history (query: q)', fault: 'empty' },
    ],
    [
      'a result that is no list',
      'wrong-shape-result.json',
      { reason: 'no history (query: q)', fault: 'empty' },
    ],
  ])('%s', (_name, file, expected) => {
    expect(readRange(dataOf(file), Q)).toEqual(expected);
  });
});

describe('the other API answers', () => {
  test('label values', () => {
    expect(readLabelValues(dataOf('label-values.json'))).toEqual(['200', '500']);
    expect(readLabelValues({ not: 'a list' })).toEqual([]);
  });

  test.each<[string, unknown, number]>([
    ['the active targets', dataOf('targets.json'), 1000],
    [
      'the longest of several',
      { activeTargets: [{ scrapeInterval: '15s' }, { scrapeInterval: '1m' }, {}] },
      60_000,
    ],
    ['no targets', { activeTargets: [] }, 0],
    ['no data', undefined, 0],
  ])('scrape interval of %s', (_name, data, ms) => {
    expect(longestScrapeInterval(data)).toBe(ms);
  });

  test('ALERTS_FOR_STATE: when each alert began, keyed on its labels but the state', () => {
    const data = {
      resultType: 'vector',
      result: [
        {
          metric: { __name__: 'ALERTS_FOR_STATE', alertname: 'HighErrors', pod: 'a' },
          value: [1796590619.93, '1796590000'],
        },
        { metric: { alertname: 'NoValue' } },
      ],
    };
    const starts = alertStarts(data);
    expect(starts?.get(alertKey({ alertname: 'HighErrors', pod: 'a', alertstate: 'firing' }))).toBe(
      1796590000000,
    );
    expect(starts?.get(alertKey({ alertname: 'NoValue' }))).toBeNaN();
    expect(alertStarts({ resultType: 'scalar', result: 'x' })).toBeUndefined();
  });
});

describe('the provider maps each answer to a reading', () => {
  let server: Server | undefined;
  afterEach(async () => {
    if (server) await closeServer(server);
    server = undefined;
  });

  /** A Prometheus stand-in on loopback answering every query with one fixture. */
  async function answering(status: number, file: string): Promise<PrometheusProvider> {
    server = createServer((_req, res) => res.writeHead(status).end(fixture(file)));
    const url = await listenOnLoopback(server);
    return new PrometheusProvider({ url, timeoutMs: 5_000, scrapeIntervalMs: 1_000 });
  }

  const window = { now: 1_796_590_620_000, since: 1_796_590_560_000, intervalMs: 10_000 };

  test.each<[string, number, string, Reading]>([
    [
      'one value',
      200,
      'vector-one.json',
      { value: 11, series: [{ labels: {}, value: 11 }], warnings: [] },
    ],
    [
      'its warnings carried',
      200,
      'vector-warnings-infos.json',
      {
        value: 0.02,
        series: [{ labels: {}, value: 0.02 }],
        warnings: ['remote_read: partial data from store eu-1'],
      },
    ],
    ['NaN is no data', 200, 'vector-nan.json', { reason: 'NaN (query: up)', warnings: [] }],
    [
      'bad_data: the query is rejected',
      400,
      'error-bad-data.json',
      {
        reason:
          'Prometheus rejects the query: bad_data: invalid parameter "query": 1:34: parse error: unclosed left parenthesis (query: up)',
        rejected: true,
      },
    ],
    [
      'a timeout is the server’s, no data',
      503,
      'error-timeout.json',
      {
        reason:
          'Prometheus at <url> could not answer: timeout: query timed out in expression evaluation (query: up)',
      },
    ],
    [
      "a proxy's HTML page",
      502,
      'proxy-502.html',
      { reason: 'Prometheus at <url> answered HTTP 502 without JSON, an HTML page', warnings: [] },
    ],
    [
      "an authenticating proxy's JSON",
      401,
      'proxy-401.json',
      {
        reason:
          'Prometheus at <url> answered HTTP 401 with JSON that is not an API answer (check its credentials)',
        warnings: [],
      },
    ],
  ])('%s', async (_name, status, file, expected) => {
    const provider = await answering(status, file);
    const reading = await provider.read({ query: 'up', asWritten: true }, window);
    // The server is named, by its URL (an ephemeral port here).
    expect({
      ...reading,
      reason: reading.reason?.replace(/http:\/\/127\.0\.0\.1:\d+/, '<url>'),
    }).toEqual(expected);
  });
});
