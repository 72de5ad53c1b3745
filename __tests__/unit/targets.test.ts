import { formatTarget, parseTarget, splitList } from '../../src/targets.js';

describe('parseTarget', () => {
  test.each([
    ['deployment/api', { kind: 'Deployment', name: 'api' }],
    ['deploy/api', { kind: 'Deployment', name: 'api' }],
    ['Deployment/api', { kind: 'Deployment', name: 'api' }],
    ['deployment.apps/api', { kind: 'Deployment', name: 'api' }],
    ['sts/db', { kind: 'StatefulSet', name: 'db' }],
    ['statefulsets/db', { kind: 'StatefulSet', name: 'db' }],
    ['ds/agent', { kind: 'DaemonSet', name: 'agent' }],
    ['payments/deployment/api', { kind: 'Deployment', name: 'api', namespace: 'payments' }],
    ['deployment/api.v2', { kind: 'Deployment', name: 'api.v2' }],
  ])('%s', (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  test.each([
    ['api', /is not a target/],
    ['deployment/', /is not a target/],
    ['a/b/c/d', /is not a target/],
    ['deploymnet/api', /unknown kind 'deploymnet' \(did you mean 'deployment'\?\)/],
    ['pod/api', /unknown kind 'pod'; expected one of deployment, statefulset, daemonset/],
    ['deployment/API', /'API' is not a valid object name/],
    ['Prod/deployment/api', /'Prod' is not a valid namespace/],
  ])('%s is refused', (text, message) => {
    const parsed = parseTarget(text);
    expect('error' in parsed && parsed.error).toMatch(message);
  });

  test.each(['deployment/api', 'payments/statefulset/db'])('%s formats back the same', (text) => {
    const parsed = parseTarget(text);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(formatTarget(parsed)).toBe(text);
  });
});

describe('splitList', () => {
  test.each([
    ['a,b', ['a', 'b']],
    ['a\nb\n', ['a', 'b']],
    [' a , b \n c ', ['a', 'b', 'c']],
    ['a\n# a comment\nb # trailing', ['a', 'b']],
    ['', []],
    [',,\n', []],
  ])('%j', (text, expected) => {
    expect(splitList(text)).toEqual(expected);
  });
});
