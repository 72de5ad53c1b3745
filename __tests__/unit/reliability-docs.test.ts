/**
 * docs/reliability.md is rendered from the suite's record: sections in the areas' order, rows
 * sorted, totals summed, anything lost counted and shown, table cells kept intact.
 */
import { renderReliability } from '../../scripts/reliability-docs.js';
import type { Trial } from '../reliability/record.js';

const trial = (over: Partial<Trial>): Trial => ({
  area: 'Prometheus',
  fault: 'down from the start',
  modes: ['guard'],
  runs: 1,
  outcome: 'inconclusive, nothing rolled back',
  lost: 'nothing',
  ...over,
});

test.each<[string, Trial[], RegExp[], RegExp[]]>([
  [
    'areas in their order, rows sorted within each',
    [
      trial({ area: 'secrets', fault: 'every mode' }),
      trial({ fault: 'slower than the timeout' }),
      trial({ fault: 'answering HTML' }),
    ],
    [/## Prometheus[\s\S]*answering HTML[\s\S]*slower than the timeout[\s\S]*## secrets/],
    [/## GitHub/],
  ],
  [
    'totals over every area',
    [trial({ runs: 3 }), trial({ area: 'git', fault: 'push rejected', runs: 2 })],
    [/\| \*\*all\*\* \| 2 \| 5 \| nothing \|/, /\| \[git\]\(#git\) \| 1 \| 2 \| nothing \|/],
    [],
  ],
  [
    'something lost is counted in the summary and said in its row',
    [trial({ lost: 'the report file' })],
    [/\| \*\*all\*\* \| 1 \| 1 \| 1 \|/, /\| 1 \(see below\) \|/, /\| the report file \|$/m],
    [/\| nothing \|$/m],
  ],
  [
    'nothing lost, with a reason, is still nothing',
    [trial({ lost: 'nothing (nothing was deployed yet)' })],
    [/\| \*\*all\*\* \| 1 \| 1 \| nothing \|/],
    [/see below/],
  ],
  [
    'a pipe or a newline in a cell does not break the table',
    [trial({ fault: 'a | b\nc', modes: ['guard', 'rollback'] })],
    [/\| a \\\| b c \| `guard`, `rollback` \|/],
    [],
  ],
])('%s', (_name, trials, present, absent) => {
  const text = renderReliability(trials);
  for (const pattern of present) expect(text).toMatch(pattern);
  for (const pattern of absent) expect(text).not.toMatch(pattern);
});
