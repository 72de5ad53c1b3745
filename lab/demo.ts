/**
 * `npm run demo`: plays what the action can do at this landing, through the runner harness,
 * exactly as a workflow step would run it. The lab issue replaces this with a whole incident
 * (good release, bad deploy, detection, rollback, verification, incident issue).
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { REPO_ROOT, runAction, type RunResult } from './runner/harness.js';

function show(title: string, result: RunResult): void {
  console.log(`\n=== ${title} (exit ${String(result.exitCode)}, ${result.durationMs} ms)`);
  console.log(result.log.trimEnd().replace(/^/gm, '  | '));
  if (result.summary) {
    console.log('  job summary:');
    console.log(result.summary.trimEnd().replace(/^/gm, '  > '));
  }
}

const policy = await readFile(path.join(REPO_ROOT, 'examples/rollback-policy.yml'), 'utf8');
const files = { '.github/rollback-policy.yml': policy };

console.log(
  'rollback-action demo: the bundled dist/index.js, run as a GitHub runner runs a node24 step.',
);
show('1. validate the example policy', await runAction({ inputs: { mode: 'validate' }, files }));
show(
  '2. the same, with inputs overriding the policy (as a manual workflow_dispatch would)',
  await runAction({
    inputs: { 'to-revision': 'last-good', window: '5m', reason: 'p95 doubled' },
    files,
  }),
);
show(
  '3. a typo in the policy: one line, file:line:column, nothing touched',
  await runAction({
    files: { '.github/rollback-policy.yml': policy.replace('interval:', 'intreval:') },
  }),
);
