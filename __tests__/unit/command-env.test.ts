import { commandEnv, quoteArgv, stepEnv, type CommandFacts } from '../../src/rollback/command.js';

const API = {
  context: 'eu-west',
  namespace: 'shop',
  kind: 'deployment',
  name: 'api',
  revision: 7,
  images: { web: 'shop/api:1.4', 'log-shipper': 'fluent/bit:3' },
};

describe('commandEnv', () => {
  test.each<[string, CommandFacts, Record<string, string>]>([
    [
      'only the verdict is known',
      { verdict: 'rolled-back', targets: [] },
      { ROLLBACK_VERDICT: 'rolled-back' },
    ],
    [
      'SHAs and reason, no targets',
      {
        verdict: 'rolled-back',
        previousSha: 'a1',
        deployedSha: 'b2',
        reason: 'error-rate',
        targets: [],
      },
      {
        ROLLBACK_VERDICT: 'rolled-back',
        ROLLBACK_PREVIOUS_SHA: 'a1',
        ROLLBACK_DEPLOYED_SHA: 'b2',
        ROLLBACK_REASON: 'error-rate',
      },
    ],
    [
      'empty strings are not facts',
      { verdict: 'rollback-recommended', previousSha: '', reason: '', targets: [] },
      { ROLLBACK_VERDICT: 'rollback-recommended' },
    ],
    [
      'one target: revision, first image, one variable per container',
      { verdict: 'rolled-back', targets: [API] },
      {
        ROLLBACK_VERDICT: 'rolled-back',
        ROLLBACK_REVISION: '7',
        ROLLBACK_PREVIOUS_IMAGE: 'shop/api:1.4',
        ROLLBACK_PREVIOUS_IMAGE_API_WEB: 'shop/api:1.4',
        ROLLBACK_PREVIOUS_IMAGE_API_LOG_SHIPPER: 'fluent/bit:3',
        ROLLBACK_TARGETS: JSON.stringify([API]),
      },
    ],
    [
      'no revision and no images: neither is set',
      {
        verdict: 'rolled-back',
        targets: [{ context: 'c', namespace: 'n', kind: 'statefulset', name: 'db', images: {} }],
      },
      {
        ROLLBACK_VERDICT: 'rolled-back',
        ROLLBACK_TARGETS: JSON.stringify([
          { context: 'c', namespace: 'n', kind: 'statefulset', name: 'db', images: {} },
        ]),
      },
    ],
    [
      'two regions at the same image: one variable',
      {
        verdict: 'rolled-back',
        targets: [
          { ...API, images: { web: 'shop/api:1.4' } },
          { ...API, context: 'us-east', revision: 9, images: { web: 'shop/api:1.4' } },
        ],
      },
      {
        ROLLBACK_VERDICT: 'rolled-back',
        ROLLBACK_REVISION: '7',
        ROLLBACK_PREVIOUS_IMAGE: 'shop/api:1.4',
        ROLLBACK_PREVIOUS_IMAGE_API_WEB: 'shop/api:1.4',
        ROLLBACK_TARGETS: JSON.stringify([
          { ...API, images: { web: 'shop/api:1.4' } },
          { ...API, context: 'us-east', revision: 9, images: { web: 'shop/api:1.4' } },
        ]),
      },
    ],
    [
      'two regions at different images: the ambiguous variable is left out',
      {
        verdict: 'rolled-back',
        targets: [
          { ...API, images: { web: 'shop/api:1.4' } },
          { ...API, context: 'us-east', images: { web: 'shop/api:1.3' } },
        ],
      },
      {
        ROLLBACK_VERDICT: 'rolled-back',
        ROLLBACK_REVISION: '7',
        ROLLBACK_PREVIOUS_IMAGE: 'shop/api:1.4',
        ROLLBACK_TARGETS: JSON.stringify([
          { ...API, images: { web: 'shop/api:1.4' } },
          { ...API, context: 'us-east', images: { web: 'shop/api:1.3' } },
        ]),
      },
    ],
    [
      'a reason holding shell syntax is passed as it is',
      { verdict: 'rolled-back', reason: '$(touch /tmp/x); `id`', targets: [] },
      { ROLLBACK_VERDICT: 'rolled-back', ROLLBACK_REASON: '$(touch /tmp/x); `id`' },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(commandEnv(facts)).toEqual(expected);
  });
});

describe('stepEnv', () => {
  test('facts win over the policy and the job; unknown facts are not inherited', () => {
    const env = stepEnv(
      {
        PATH: '/bin',
        ROLLBACK_PREVIOUS_SHA: 'stale',
        ROLLBACK_PREVIOUS_IMAGE_API_WEB: 'old',
        ROLLBACK_MINE: 'kept',
      },
      { ROLLBACK_VERDICT: 'healthy', HELM_NAMESPACE: 'shop' },
      { verdict: 'rolled-back', targets: [] },
    );
    expect(env).toEqual({
      PATH: '/bin',
      ROLLBACK_MINE: 'kept',
      HELM_NAMESPACE: 'shop',
      ROLLBACK_VERDICT: 'rolled-back',
    });
  });
});

describe('quoteArgv', () => {
  test.each([
    [['helm', 'rollback', 'shop', '3'], 'helm rollback shop 3'],
    [['sh', '-c', 'echo "$X" > f'], `sh -c 'echo "$X" > f'`],
    [['echo', "it's"], `echo 'it'\\''s'`],
    [['printf', ''], `printf ''`],
  ])('%j', (argv, expected) => {
    expect(quoteArgv(argv)).toBe(expected);
  });
});
