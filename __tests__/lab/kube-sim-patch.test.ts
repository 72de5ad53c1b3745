import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  goJson,
  PatchError,
} from '../../lab/kube-sim/patch.js';
import { matches, parseSelector } from '../../lab/kube-sim/selectors.js';

const POD_SPEC = {
  spec: {
    containers: [
      {
        name: 'api',
        image: 'api:1',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        ports: [{ containerPort: 80 }],
      },
      { name: 'sidecar', image: 'proxy:1' },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
  metadata: { finalizers: ['a'], labels: { app: 'x', tier: 'web' } },
};

describe('strategic merge patch', () => {
  test.each<[string, unknown, unknown]>([
    [
      'kubectl set image: merge by name, $setElementOrder kept',
      {
        spec: {
          $setElementOrder$containers: [{ name: 'api' }, { name: 'sidecar' }],
          containers: [{ name: 'api', image: 'api:2' }],
        },
      },
      (d: any) => {
        d.spec.containers[0].image = 'api:2';
      },
    ],
    [
      'a new list element is appended',
      { spec: { containers: [{ name: 'new', image: 'n:1' }] } },
      (d: any) => {
        d.spec.containers.push({ name: 'new', image: 'n:1' });
      },
    ],
    [
      '$patch: delete removes one element',
      { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } },
      (d: any) => {
        d.spec.containers.pop();
      },
    ],
    [
      '$patch: replace on a map replaces it whole (ControllerRevision data)',
      { spec: { $patch: 'replace', containers: [{ name: 'only', image: 'o:1' }] } },
      (d: any) => {
        d.spec = { containers: [{ name: 'only', image: 'o:1' }] };
      },
    ],
    [
      '$patch: replace in a list replaces the list',
      { spec: { volumes: [{ $patch: 'replace' }, { name: 'cache', emptyDir: {} }] } },
      (d: any) => {
        d.spec.volumes = [{ name: 'cache', emptyDir: {} }];
      },
    ],
    [
      'null deletes a key; nested env merges by name',
      {
        metadata: { labels: { tier: null } },
        spec: { containers: [{ name: 'api', env: [{ name: 'B', value: '3' }] }] },
      },
      (d: any) => {
        delete d.metadata.labels.tier;
        d.spec.containers[0].env[1].value = '3';
      },
    ],
    [
      'finalizers merge as a set; $deleteFromPrimitiveList removes',
      { metadata: { finalizers: ['b', 'a'], '$deleteFromPrimitiveList/finalizers': ['a'] } },
      (d: any) => {
        d.metadata.finalizers = ['b'];
      },
    ],
    [
      'a list without a merge key (args) is replaced',
      { spec: { containers: [{ name: 'api', args: ['--x'] }] } },
      (d: any) => {
        d.spec.containers[0].args = ['--x'];
      },
    ],
    [
      '$setElementOrder reorders',
      { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'api' }] } },
      (d: any) => {
        d.spec.containers.reverse();
      },
    ],
  ])('%s', (_name, rawPatch, mutate) => {
    const patch = JSON.parse(
      JSON.stringify(rawPatch).replace(/\$setElementOrder\$/g, '$setElementOrder/'),
    );
    const expected = structuredClone(POD_SPEC);
    (mutate as (d: unknown) => void)(expected);
    expect(applyStrategicMergePatch(POD_SPEC as any, patch)).toEqual(expected);
  });

  test.each([
    [[1], 400],
    [{ spec: { containers: [{ image: 'no-name' }] } }, 422],
    [{ spec: { $patch: 'explode' } }, 422],
  ])('%j is refused with %d', (patch, code) => {
    expect(() => applyStrategicMergePatch(POD_SPEC as any, patch as any)).toThrow(
      expect.objectContaining({ status: code }),
    );
  });
});

describe('JSON patch and merge patch', () => {
  test('JSON patch replaces, adds and tests', () => {
    const out = applyJsonPatch({ a: 1, b: { c: 2 } }, [
      { op: 'test', path: '/a', value: 1 },
      { op: 'replace', path: '/b/c', value: 3 },
      { op: 'add', path: '/d', value: [1] },
    ]);
    expect(out).toEqual({ a: 1, b: { c: 3 }, d: [1] });
  });

  test.each([
    [{ op: 'replace', path: '/a' }, 400],
    [[{ op: 'test', path: '/a', value: 2 }], 422],
    [[{ op: 'replace', path: '/missing/x', value: 1 }], 422],
  ])('%j is refused with %d', (patch, code) => {
    expect(() => applyJsonPatch({ a: 1 }, patch)).toThrow(PatchError);
    expect(() => applyJsonPatch({ a: 1 }, patch)).toThrow(
      expect.objectContaining({ status: code }),
    );
  });

  test.each([
    [{ a: 1, b: { c: 2 } }, { b: { c: null, d: 4 } }, { a: 1, b: { d: 4 } }],
    [{ a: [1, 2] }, { a: [3] }, { a: [3] }],
    [{ a: 1 }, { a: { x: 1 } }, { a: { x: 1 } }],
  ])('merge patch %j + %j', (doc, patch, expected) => {
    expect(applyMergePatch(doc, patch)).toEqual(expected);
  });
});

describe('goJson (the bytes kubectl compares for StatefulSet and DaemonSet undo)', () => {
  test.each([
    [
      { b: 1, a: { d: [1, { z: 1, y: null }], c: 'x' } },
      '{"a":{"c":"x","d":[1,{"y":null,"z":1}]},"b":1}',
    ],
    [{ s: '<a&b>' }, '{"s":"\\u003ca\\u0026b\\u003e"}'],
    [{ $patch: 'replace', metadata: {} }, '{"$patch":"replace","metadata":{}}'],
  ])('%j', (value, text) => {
    expect(goJson(value as any)).toBe(text);
  });
});

describe('selectors', () => {
  const labels = { app: 'api', tier: 'web', 'pod-template-hash': 'abc' };
  test.each([
    ['', true],
    ['app=api', true],
    ['app==api,tier=web', true],
    ['app!=api', false],
    ['tier in (web,db)', true],
    ['tier notin (web)', false],
    ['tier', true],
    ['!tier', false],
    ['missing notin (x)', true],
    ['app=api,tier in (db)', false],
  ])('%j matches: %s', (selector, expected) => {
    expect(matches(parseSelector(selector), labels)).toBe(expected);
  });
});
