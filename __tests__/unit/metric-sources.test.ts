import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchedTriggers } from '../../src/analysis/rules.js';
import { resolveConfig } from '../../src/config.js';
import { UserErrors } from '../../src/errors.js';
import type { ActionInputs } from '../../src/inputs.js';
import { resolveMetrics } from '../../src/metrics/settings.js';
import { metricSources } from '../../src/metrics/sources.js';
import { parsePolicy } from '../../src/policy/validate.js';

const FILE = '.github/rollback-policy.yml';
const INPUTS: ActionInputs = {
  mode: 'guard',
  policyPath: FILE,
  policyExplicit: false,
  dryRun: false,
  overrideFreeze: false,
  warnings: [],
};

function configOf(yaml: string, inputs: Partial<ActionInputs> = {}) {
  return resolveConfig({ ...INPUTS, ...inputs }, { file: FILE, ...parsePolicy(yaml, FILE) });
}

function messages(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  return [];
}

describe('resolveMetrics', () => {
  test('credentials come from the variables the policy names, and are masked', () => {
    const masked: string[] = [];
    const settings = resolveMetrics(
      configOf(
        'metrics:\n  prometheus:\n    url: http://prom:9090\n    timeout: 3s\n    headers: {X-Scope-OrgID: shop}\n    basic-auth: {username-env: PU, password-env: PP}\n',
      ),
      { PU: 'reader', PP: 'hunter2' },
      (s) => masked.push(s),
    );
    expect(settings.prometheus).toEqual({
      url: 'http://prom:9090',
      timeoutMs: 3000,
      headers: { 'X-Scope-OrgID': 'shop' },
      basicAuth: { username: 'reader', password: 'hunter2' },
    });
    // The pair is sent as one base64 value, which a refusing server may quote: masked too.
    expect(masked).toEqual(['reader', 'hunter2', btoa('reader:hunter2')]);
    expect(settings.prometheusFrom).toBe(`${FILE} metrics.prometheus.url`);
  });

  test('the input URL wins over the policy and says so', () => {
    const settings = resolveMetrics(
      configOf('metrics:\n  prometheus:\n    url: http://prom:9090\n', {
        prometheusUrl: 'http://other:9090',
      }),
      {},
      () => undefined,
    );
    expect(settings.prometheus?.url).toBe('http://other:9090');
    expect(settings.prometheusFrom).toBe("input 'prometheus-url'");
  });

  test('every variable the step lacks is named at once', () => {
    expect(
      messages(() =>
        resolveMetrics(
          configOf(
            'metrics:\n  prometheus:\n    url: http://prom:9090\n    bearer-token-env: TOKEN\n    basic-auth: {username-env: PU, password-env: PP}\n',
          ),
          { PU: 'reader' },
          () => undefined,
        ),
      ),
    ).toEqual([
      `${FILE}: metrics.prometheus.bearer-token-env names the environment variable TOKEN, which is not set in this step (add it under env:)`,
      `${FILE}: metrics.prometheus.basic-auth.password-env names the environment variable PP, which is not set in this step (add it under env:)`,
    ]);
  });
});

describe('resolveMetrics: headers', () => {
  const POLICY = [
    'metrics:',
    '  prometheus:',
    '    url: http://prom:9090',
    '    headers: {X-Scope-OrgID: shop}',
    '    headers-env: {X-Api-Key: PROM_KEY}',
    'triggers:',
    "  - {name: up, query: 'up', below: 1}",
    '  - name: errors-api',
    '    provider: http-json',
    '    url: https://metrics.example.com/api/errors',
    '    json-path: $.rate',
    '    headers: {Accept-Language: en}',
    '    headers-env: {DD-API-KEY: DD_KEY, DD-APPLICATION-KEY: DD_APP}',
    '    above: 0.05',
    '',
  ].join('\n');

  test('plain and environment values are merged; the environment ones are masked', () => {
    const masked: string[] = [];
    const settings = resolveMetrics(
      configOf(POLICY),
      { PROM_KEY: 'pk', DD_KEY: 'dk', DD_APP: 'da' },
      (s) => masked.push(s),
    );
    expect(settings.prometheus?.headers).toEqual({ 'X-Scope-OrgID': 'shop', 'X-Api-Key': 'pk' });
    expect(settings.triggerHeaders).toEqual({
      'errors-api': { 'Accept-Language': 'en', 'DD-API-KEY': 'dk', 'DD-APPLICATION-KEY': 'da' },
    });
    expect(masked).toEqual(['pk', 'dk', 'da']);
  });

  test('each missing variable is named by where the policy asks for it', () => {
    expect(
      messages(() => resolveMetrics(configOf(POLICY), { DD_KEY: 'dk' }, () => undefined)),
    ).toEqual([
      `${FILE}: metrics.prometheus.headers-env.X-Api-Key names the environment variable PROM_KEY, which is not set in this step (add it under env:)`,
      `${FILE}: triggers[1].headers-env.DD-APPLICATION-KEY names the environment variable DD_APP, which is not set in this step (add it under env:)`,
    ]);
  });
});

describe('resolveMetrics: ca-file', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'ca-'));
  const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  writeFileSync(path.join(workspace, 'ca.pem'), PEM);
  writeFileSync(path.join(workspace, 'key.pem'), '-----BEGIN PRIVATE KEY-----\n');
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const withCa = (file: string) =>
    configOf(`metrics:\n  prometheus:\n    url: https://prom:9090\n    ca-file: ${file}\n`);

  test('is read once, relative to the workspace', () => {
    const settings = resolveMetrics(
      withCa('ca.pem'),
      { GITHUB_WORKSPACE: workspace },
      () => undefined,
    );
    expect(settings.prometheus?.ca).toBe(PEM);
  });

  test.each([
    ['missing.pem', 'does not exist'],
    ['key.pem', 'holds no PEM certificate (-----BEGIN CERTIFICATE-----)'],
    ['.', 'cannot be read (EISDIR)'],
  ])('%s is refused with one line', (file, why) => {
    expect(
      messages(() =>
        resolveMetrics(withCa(file), { GITHUB_WORKSPACE: workspace }, () => undefined),
      ),
    ).toEqual([`${FILE}: metrics.prometheus.ca-file '${file}' ${why}`]);
  });
});

describe('metricSources', () => {
  const sourcesOf = (yaml: string, inputs: Partial<ActionInputs> = {}) => {
    const config = configOf(yaml, inputs);
    return metricSources(
      watchedTriggers(config.policy),
      resolveMetrics(config, {}, () => undefined),
      { policyFile: FILE },
    );
  };

  test.each<[string, string, Partial<ActionInputs>, string[]]>([
    [
      'Prometheus triggers without a URL: one line listing them',
      'triggers:\n  - {name: a, query: up, below: 1}\n  - {name: b, query: up, below: 1}\n',
      {},
      [
        `triggers 'a', 'b': no Prometheus URL: set input 'prometheus-url' or metrics.prometheus.url in ${FILE}`,
      ],
    ],
    [
      'scrape triggers without URLs',
      'metrics: {provider: scrape}\ntriggers:\n  - {name: a, query: up, below: 1}\n',
      {},
      [`trigger 'a': no URLs to scrape: set metrics.scrape.urls in ${FILE}`],
    ],
    [
      'both lacking: one line each',
      'triggers:\n  - {name: a, query: up, below: 1}\n  - {name: s, provider: scrape, query: up, below: 1}\n',
      {},
      [
        `trigger 'a': no Prometheus URL: set input 'prometheus-url' or metrics.prometheus.url in ${FILE}`,
        `trigger 's': no URLs to scrape: set metrics.scrape.urls in ${FILE}`,
      ],
    ],
    [
      'health and http-json need nothing else',
      'triggers:\n  - {name: h, provider: health, url: "http://svc/healthz", consecutive: 3, above: 0}\n  - {name: j, provider: http-json, url: "http://m/api", json-path: $.value, above: 0.05}\n',
      {},
      [],
    ],
  ])('%s', (_name, yaml, inputs, expected) => {
    expect(messages(() => sourcesOf(yaml, inputs))).toEqual(expected);
  });

  test('one source per trigger, Prometheus ones keep history for baselines', () => {
    const sources = sourcesOf(
      'metrics:\n  selector: job="api"\npreset: runbook\ntriggers:\n  - {name: h, provider: health, url: "http://svc/healthz", consecutive: 3, above: 0}\n',
      { prometheusUrl: 'http://prom:9090' },
    );
    expect(sources.map((s) => [s.trigger.rule.name, s.baseline !== undefined])).toEqual([
      ['error-rate', true],
      ['error-rate-severe', true],
      ['server-errors-per-minute', true],
      ['p95-latency', true],
      ['p99-latency', true],
      ['p95-vs-baseline', true],
      ['h', false],
    ]);
  });
});
