/** The contract's pieces that live in more than one file stay in step. */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DEFAULTS } from '../../src/config.js';
import {
  APPROVALS,
  Inputs,
  MODES,
  NO_DATA_ACTIONS,
  Outputs,
  SEVERITIES,
  STRATEGIES,
} from '../../src/constants.js';
import { formatDuration } from '../../src/duration.js';
import { parsePolicy, policySchema } from '../../src/policy/validate.js';
import { REPO_ROOT, readManifest } from '../../lab/runner/harness.js';
import { readRepoFiles, renderReadme } from '../../scripts/docs.js';

describe('action.yml, README and the code agree', () => {
  test('the README usage block and tables are generated from action.yml (run `npm run docs`)', async () => {
    const { readme, manifest } = await readRepoFiles();
    expect(renderReadme(readme, manifest)).toBe(readme);
  });

  test('action.yml declares exactly the inputs and outputs in src/constants.ts', async () => {
    const manifest = await readManifest();
    expect(Object.keys(manifest.inputs ?? {})).toEqual(Object.values(Inputs));
    expect(Object.keys(manifest.outputs ?? {})).toEqual(Object.values(Outputs));
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  test('the mode input names every mode that works, and only those', async () => {
    const manifest = await readManifest();
    const description = manifest.inputs?.mode?.description ?? '';
    const named = [...description.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
    expect(named).toEqual([...MODES]);
  });

  test.each([
    ['window', formatDuration(DEFAULTS.windowMs)],
    ['interval', formatDuration(DEFAULTS.intervalMs)],
    ['strategy', DEFAULTS.strategy],
    ['to-revision', DEFAULTS.toRevision.kind],
    ['approval', DEFAULTS.approval],
  ])("the default stated for '%s' is the one the code applies (%s)", async (name, value) => {
    const manifest = await readManifest();
    expect(manifest.inputs?.[name]?.description).toContain(`Default \`${value}\``);
  });
});

describe('the policy schema', () => {
  type Schema = {
    definitions: Record<string, { enum?: unknown[] }>;
    properties: Record<string, { enum?: unknown[] }>;
  };
  const schema = policySchema as unknown as Schema;

  test.each([
    ['strategy', schema.definitions.strategy?.enum, STRATEGIES],
    ['no-data', schema.definitions.noData?.enum, NO_DATA_ACTIONS],
    ['severity', schema.definitions.severity?.enum, SEVERITIES],
    ['approval', schema.properties.approval?.enum, APPROVALS],
  ])('%s values match the code', (_name, inSchema, inCode) => {
    expect(inSchema).toEqual([...inCode]);
  });

  test('the shipped example policy is valid', async () => {
    const text = await readFile(path.join(REPO_ROOT, 'examples/rollback-policy.yml'), 'utf8');
    expect(parsePolicy(text, 'examples/rollback-policy.yml').policy.targets).toEqual([
      'deployment/api',
      'deployment/worker',
    ]);
  });

  test('the file on disk is the schema the action embeds', async () => {
    const text = await readFile(path.join(REPO_ROOT, 'schema/rollback-policy.schema.json'), 'utf8');
    expect(JSON.parse(text)).toEqual(policySchema);
  });
});
