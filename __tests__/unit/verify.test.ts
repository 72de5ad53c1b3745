import { UserErrors } from '../../src/errors.js';
import { parsePolicy } from '../../src/policy/validate.js';
import { verifySummary } from '../../src/report/verify-summary.js';
import { imageChanges, imagesAfter, imagesMatch } from '../../src/verify/images.js';
import { judgeSla, slaOf } from '../../src/verify/sla.js';
import type { SmokeResult } from '../../src/verify/smoke.js';

const FILE = '.github/rollback-policy.yml';
const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

function errorsOf(text: string): string[] {
  try {
    parsePolicy(text, FILE);
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  throw new Error('expected parsePolicy to throw');
}

describe('imagesMatch', () => {
  test.each([
    ['same image, no digests', { api: 'api:v1' }, {}, { api: 'api:v1' }, {}, []],
    [
      'image string differs, no digests captured',
      { api: 'api:v1' },
      {},
      { api: 'api:v2' },
      { api: [B] },
      ['container api: runs api:v2, the snapshot has api:v1'],
    ],
    [
      'digests decide over a moved tag',
      { api: 'api:v1' },
      { api: [A] },
      { api: 'api:v1' },
      { api: [A] },
      [],
    ],
    [
      'a pod on another digest under the same tag',
      { api: 'api:v1' },
      { api: [A] },
      { api: 'api:v1' },
      { api: [A, B] },
      ['container api: pods run sha256:bbbbbbbbbbbb…, the snapshot has sha256:aaaaaaaaaaaa…'],
    ],
    [
      'another tag on another digest: the tags named first, the digests as proof',
      { api: 'api:v1' },
      { api: [A] },
      { api: 'api:v2' },
      { api: [B] },
      [
        'container api: runs api:v2 (sha256:bbbbbbbbbbbb…), the snapshot has api:v1 (sha256:aaaaaaaaaaaa…)',
      ],
    ],
    [
      'a retag of the same digest is the same release',
      { api: 'api:v1' },
      { api: [A] },
      { api: 'api:stable' },
      { api: [A] },
      [],
    ],
    [
      'no digest reported now: the image string decides',
      { api: 'api:v1' },
      { api: [A] },
      { api: 'api:v2' },
      {},
      ['container api: runs api:v2, the snapshot has api:v1'],
    ],
    [
      'a container added and one gone',
      { api: 'api:v1', old: 'old:1' },
      {},
      { api: 'api:v1', sidecar: 'proxy:2' },
      {},
      [
        'container old: in the snapshot (old:1), not running now',
        'container sidecar: runs proxy:2, not in the snapshot',
      ],
    ],
  ])('%s', (_why, images, digests, nowImages, nowDigests, differences) => {
    const verdict = imagesMatch(
      { images, digests: digests },
      { images: nowImages, digests: nowDigests },
    );
    expect(verdict).toEqual({ match: differences.length === 0, differences });
  });
});

describe('imagesAfter: what an undo leaves running, from its template diff', () => {
  test.each<[string, Record<string, string>, string[], Record<string, string>]>([
    [
      'one container changed',
      { api: 'shop/api:1.1', proxy: 'envoy:1' },
      ['spec.containers[api].image: shop/api:1.1 → shop/api:1.0'],
      { api: 'shop/api:1.0', proxy: 'envoy:1' },
    ],
    [
      'an init container and a container',
      { migrate: 'shop/migrate:2', api: 'shop/api:2' },
      [
        'spec.initContainers[migrate].image: shop/migrate:2 → shop/migrate:1',
        'spec.containers[api].image: shop/api:2 → shop/api:1',
      ],
      { migrate: 'shop/migrate:1', api: 'shop/api:1' },
    ],
    [
      'other fields changed: images as they were',
      { api: 'shop/api:1' },
      ['spec.containers[api].env[LEVEL].value: debug → info', 'metadata.labels.v: 2 → 1'],
      { api: 'shop/api:1' },
    ],
    ['no diff', { api: 'a:1' }, [], { api: 'a:1' }],
  ])('%s', (_, before, diff, images) => {
    expect(imagesAfter(before, diff)).toEqual({ images, digests: {} });
  });

  test('imageChanges reads registry ports and digests in image names', () => {
    expect(
      imageChanges([
        'spec.containers[api].image: reg:5000/shop/api@sha256:aa → reg:5000/shop/api:1.0',
      ]),
    ).toEqual([
      { container: 'api', before: 'reg:5000/shop/api@sha256:aa', after: 'reg:5000/shop/api:1.0' },
    ]);
  });
});

describe('SLA', () => {
  test.each([
    [undefined, 30 * 60_000],
    ['standard', 30 * 60_000],
    ['high', 15 * 60_000],
    ['critical', 10 * 60_000],
    ['20m', 20 * 60_000],
    ['1h30m', 90 * 60_000],
  ])('slaOf(%j) = %d ms', (value, ms) => {
    expect(slaOf(value)).toBe(ms);
  });

  test('an unvalidated value is a bug, said as such', () => {
    expect(() => slaOf('urgent')).toThrow("verify.sla 'urgent' is neither");
  });

  test.each([
    [
      0,
      7 * 60_000 + 12_345,
      10 * 60_000,
      true,
      'verified 7m12s after the decision, within the 10m SLA',
    ],
    [0, 10 * 60_000, 10 * 60_000, true, 'verified 10m after the decision, within the 10m SLA'],
    [
      0,
      12 * 60_000 + 30_000,
      10 * 60_000,
      false,
      'verified 12m30s after the decision, 2m30s over the 10m SLA',
    ],
    [5_000, 1_000, 60_000, true, 'verified 0s after the decision, within the 1m SLA'],
  ])('judgeSla(%d, %d, %d)', (startedAt, verifiedAt, limitMs, met, detail) => {
    const judged = judgeSla(startedAt, verifiedAt, limitMs);
    expect(judged).toEqual({
      elapsedMs: Math.max(0, verifiedAt - startedAt),
      limitMs,
      met,
      detail,
    });
  });

  test('not verified is never within the SLA, however quick', () => {
    expect(judgeSla(0, 3_000, 600_000, false)).toEqual({
      elapsedMs: 3_000,
      limitMs: 600_000,
      met: false,
      detail: 'not verified 3s after the decision: the 10m SLA is not met until it is',
    });
  });
});

describe('verifySummary', () => {
  const passed: SmokeResult = {
    name: 'health',
    kind: 'http',
    outcome: 'passed',
    attempts: 2,
    detail: 'GET http://api/healthz: answered 200',
    elapsedMs: 2_300,
  };
  const failed: SmokeResult = {
    name: 'login | flow',
    kind: 'command',
    outcome: 'failed',
    attempts: 1,
    detail: 'npm: exit 1: @oncall see <b>|</b>',
    elapsedMs: 61_000,
  };

  test('every part, with outside text kept inert', () => {
    const text = verifySummary({
      smoke: [passed, failed],
      images: [
        { target: 'eu-west shop/deployment/api', match: true, differences: [] },
        {
          target: 'us-east shop/deployment/api',
          match: false,
          differences: ['container api: runs api:v2, the snapshot has api:v1'],
        },
      ],
      sla: judgeSla(0, 12 * 60_000, 10 * 60_000),
    });
    expect(text).toBe(
      [
        '| Check | Kind | Result | Attempts | Time | Detail |',
        '| --- | --- | --- | --- | --- | --- |',
        '| health | http | ✅ passed | 2 | 2s300ms | `GET http://api/healthz: answered 200` |',
        '| login \\| flow | command | ❌ failed | 1 | 1m1s | `npm: exit 1: @oncall see <b>\\|</b>` |',
        '',
        '| Target | Images | Differences |',
        '| --- | --- | --- |',
        '| `eu-west shop/deployment/api` | ✅ as captured |  |',
        '| `us-east shop/deployment/api` | ❌ differ | `container api: runs api:v2, the snapshot has api:v1` |',
        '',
        '**Rollback SLA:** ❌ missed: verified 12m after the decision, 2m over the 10m SLA',
        '',
      ].join('\n'),
    );
  });

  test('no checks is said; the SLA only when there is one', () => {
    const text = verifySummary({ smoke: [], images: [], sla: judgeSla(0, 60_000, 600_000) });
    expect(text).not.toContain('### Verification');
    expect(text).toContain('No smoke checks configured (policy `verify.checks`).');
    expect(text).toContain(
      '**Rollback SLA:** ✅ met: verified 1m after the decision, within the 10m SLA',
    );
    expect(verifySummary({ smoke: [passed], images: [] })).not.toContain('SLA');
  });
});

describe('verify in the policy', () => {
  test('a full verify section is accepted as written', () => {
    const { policy } = parsePolicy(
      `verify:
  window: 2m
  sla: critical
  checks:
    - name: health
      http:
        url: https://shop.example/healthz
        headers-env: { X-Api-Key: SMOKE_KEY }
        json-path: $.status
        equals: ok
        retries: 5
        backoff: 1s
    - name: login
      command: [npm, run, test:smoke]
      timeout: 5m
`,
      FILE,
    );
    expect(policy.verify?.sla).toBe('critical');
    expect(policy.verify?.checks?.map((c) => c.name)).toEqual(['health', 'login']);
  });

  test.each([
    [
      'verification is not the key',
      'verification: {}\n',
      `${FILE}:1:1: unknown key 'verification' at the top level (did you mean 'verify'?)`,
    ],
    [
      'a check with both kinds',
      'verify:\n  checks:\n    - {name: a, http: {url: "http://h/"}, command: [x]}\n',
      `${FILE}:3:7: verify.checks[0]: check 'a' has both 'http' and 'command'; keep one`,
    ],
    [
      'a check with neither',
      'verify:\n  checks:\n    - {name: a}\n',
      `${FILE}:3:7: verify.checks[0]: check 'a' has neither 'http' nor 'command': give the request or the command that passes when the service works`,
    ],
    [
      'credentials in the URL',
      'verify:\n  checks:\n    - {name: a, http: {url: "https://u:pw@h/"}}\n',
      `${FILE}:3:29: verify.checks[0].http.url: 'https://***@h/' carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through headers-env (from the step's secrets)`,
    ],
    [
      'a repeated name',
      'verify:\n  checks:\n    - {name: a, command: [x]}\n    - {name: a, command: [y]}\n',
      `${FILE}:4:14: verify.checks[1].name: duplicate check name 'a'`,
    ],
    [
      'a JSONPath left open',
      'verify:\n  checks:\n    - name: a\n      http: {url: "http://h/", json-path: "$.items[", equals: 1}\n',
      `${FILE}:4:43: verify.checks[0].http.json-path: '$.items[' is not a JSONPath this action can evaluate: a bracket or parenthesis is not closed`,
    ],
    [
      'a filter that does not parse',
      'verify:\n  checks:\n    - name: a\n      http: {url: "http://h/", json-path: "$[?(@.x ==)]", equals: 1}\n',
      `${FILE}:4:43: verify.checks[0].http.json-path: '$[?(@.x ==)]' is not a JSONPath this action can evaluate: ?(@.x ==) does not parse: Expected expression after == at character 9`,
    ],
    [
      'a JSONPath without a comparison',
      'verify:\n  checks:\n    - name: a\n      http: {url: "http://h/", json-path: "$.ok"}\n',
      `${FILE}:4:43: verify.checks[0].http.json-path: needs 'equals', 'at-least' or 'at-most': what the value it finds must be`,
    ],
    [
      'a comparison without a JSONPath',
      'verify:\n  checks:\n    - name: a\n      http: {url: "http://h/", at-least: 1}\n',
      `${FILE}:4:42: verify.checks[0].http.at-least: 'at-least' compares the value json-path finds, and there is no json-path`,
    ],
    [
      'an unknown SLA level',
      'verify: {sla: urgent}\n',
      `${FILE}:1:15: verify.sla: 'urgent' is not valid (expected 'critical' (10m), 'high' (15m), 'standard' (30m, the default) or a duration such as 20m: the time allowed from the decision to verified)`,
    ],
    [
      'an SLA under a minute',
      'verify: {sla: 30s}\n',
      `${FILE}:1:15: verify.sla: '30s' must be at least 1m`,
    ],
    [
      'a window under a second',
      'verify: {window: 10ms}\n',
      `${FILE}:1:18: verify.window: '10ms' must be at least 1s`,
    ],
    [
      'too many retries',
      'verify:\n  checks:\n    - {name: a, http: {url: "http://h/", retries: 11}}\n',
      `${FILE}:3:51: verify.checks[0].http.retries: 11 must be <= 10`,
    ],
    [
      'a timeout beside http',
      'verify:\n  checks:\n    - {name: a, http: {url: "http://h/"}, timeout: 5s}\n',
      `${FILE}:3:52: verify.checks[0].timeout: an HTTP check's timeout goes under http (http.timeout), per attempt`,
    ],
    [
      'a shell line as argv',
      'verify:\n  checks:\n    - {name: a, command: ["curl -f http://h/"]}\n',
      `${FILE}:3:27: verify.checks[0].command[0]: 'curl -f http://h/' looks like a shell command line, but commands run without a shell: write its words as a list, ["curl", "-f", "http://h/"]`,
    ],
  ])('%s', (_why, text, message) => {
    expect(errorsOf(text)).toEqual([message]);
  });
});
