import { markGoodSummary } from '../../src/report/mark-good-summary.js';

const ledger = [
  { context: 'eu-west', namespace: 'shop', targets: ['deployment/api@3'], entries: 2 },
  {
    context: 'us-east',
    namespace: 'shop',
    targets: ['deployment/api@3', 'statefulset/db@1'],
    entries: 20,
  },
];

describe('markGoodSummary', () => {
  test.each<[string, string | undefined, string[], string[]]>([
    [
      'without a reason',
      undefined,
      [
        '## ✅ rollback-action: marked good\n\nWhat runs now is the last verified-good release: `to-revision: last-good` goes back to it.\n\n',
        '| Context | Namespace | Recorded | Releases kept |',
        '| eu-west | shop | deployment/api@3 | 2 |',
        '| us-east | shop | deployment/api@3, statefulset/db@1 | 20 |\n',
      ],
      ['Reason:'],
    ],
    [
      'with a reason, escaped',
      'smoke tests <passed>',
      ['goes back to it. Reason: smoke tests &lt;passed&gt;.\n\n'],
      [],
    ],
  ])('%s', (_name, reason, present, absent) => {
    const markdown = markGoodSummary(ledger, reason);
    for (const text of present) expect(markdown).toContain(text);
    for (const text of absent) expect(markdown).not.toContain(text);
  });
});
