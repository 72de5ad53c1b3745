import type { Observation, TriggerState } from '../../src/analysis/triggers.js';
import { impactFacts, incidentFactsOf } from '../../src/report/incident-of-run.js';

const state = (name: string, status: TriggerState['status']): TriggerState => ({
  name,
  severity: 'P1',
  status,
  value: undefined,
  threshold: undefined,
  baseline: undefined,
  breachingSince: undefined,
  fastFailed: false,
  detail: '',
});
const counts = (pairs: [number, number][]): Observation[] =>
  pairs.map(([errors, total], i) => ({ at: i * 10_000, value: errors / total, errors, total }));

describe('impactFacts: failed requests from the failing ratio triggers’ counts', () => {
  test.each<[string, TriggerState[], Record<string, Observation[]>, unknown]>([
    [
      'the last counts of the one failing ratio trigger',
      [state('error-rate', 'fail')],
      {
        'error-rate': counts([
          [1, 100],
          [40, 300],
          [90, 500],
        ]),
      },
      { failedRequests: 90, requests: 500, countedBy: 'error-rate' },
    ],
    [
      'the failing trigger with the most errors speaks for the service',
      [state('a', 'fail'), state('b', 'fail')],
      { a: counts([[5, 100]]), b: counts([[70, 400]]) },
      { failedRequests: 70, requests: 400, countedBy: 'b' },
    ],
    [
      'a passing trigger counts for nothing',
      [state('error-rate', 'pass')],
      { 'error-rate': counts([[90, 500]]) },
      undefined,
    ],
    [
      'a trigger without counts (latency) is not guessed',
      [state('p95', 'fail')],
      { p95: [{ at: 0, value: 2.5 }] },
      undefined,
    ],
    [
      'a poll without counts after one with counts: the last counted one',
      [state('error-rate', 'fail')],
      { 'error-rate': [...counts([[12, 80]]), { at: 20_000, reason: 'backend down' }] },
      { failedRequests: 12, requests: 80, countedBy: 'error-rate' },
    ],
    [
      'zero requests counted: nothing to say',
      [state('error-rate', 'fail')],
      { 'error-rate': [{ at: 0, errors: 0, total: 0 }] },
      undefined,
    ],
  ])('%s', (_, failing, observations, expected) => {
    expect(impactFacts(failing, observations).impact).toEqual(expected);
  });
});

describe('incidentFactsOf: times', () => {
  const base = {
    service: 'api',
    targets: ['prod ns/deployment/api'],
    verdict: 'rolled-back' as const,
    severity: 'P1' as const,
    headline: 'h',
    deployedAt: 1_000,
    detectedAt: 60_000,
    states: [],
    observations: {},
    kubernetes: [],
  };
  const verification = (verified: boolean) => ({
    verified,
    images: [],
    smoke: [],
    stability: { verdict: 'pass' as const, detail: '' },
    sla: { elapsedMs: 45_000, limitMs: 600_000, met: true, detail: '' },
  });
  test('verified: the decision plus the time to verify', () => {
    expect(
      incidentFactsOf({ ...base, decidedAt: 61_000, verification: verification(true) }).verifiedAt,
    ).toBe(106_000);
  });
  test('not verified: no verified time', () => {
    expect(
      incidentFactsOf({ ...base, decidedAt: 61_000, verification: verification(false) }).verifiedAt,
    ).toBeUndefined();
  });
});

describe('incidentFactsOf: a trigger over its threshold but not yet for long enough', () => {
  test('is shown breaching, never a plain pass', async () => {
    const { incidentBody } = await import('../../src/report/incident.js');
    const facts = incidentFactsOf({
      service: 'api',
      targets: ['prod ns/deployment/api'],
      verdict: 'rolled-back',
      severity: 'P1',
      headline: 'h',
      deployedAt: 0,
      detectedAt: 1,
      states: [
        { ...state('error-ratio', 'pass'), value: 0.3, threshold: 0.05, breaching: '0s of 3s' },
        { ...state('latency', 'pass'), value: 0.1, threshold: 1 },
      ],
      observations: {},
      kubernetes: [],
    });
    const body = incidentBody(facts);
    expect(body).toMatch(/\| error-ratio \| P1 \| 🟠 breaching \(0s of 3s\) \| 0\.3 \|/);
    expect(body).toMatch(/\| latency \| P1 \| ✅ pass \|/);
  });
});
