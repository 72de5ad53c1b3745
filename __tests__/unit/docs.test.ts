/**
 * The generated documentation does not drift from what it is generated from: docs/policy.md
 * from the policy schema, the preset and the example (`npm run docs` regenerates it), and
 * docs/troubleshooting.md lists exactly the user-facing error messages of src/.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import {
  readPermissionsFiles,
  readPolicyFiles,
  renderPermissionsDoc,
  renderPolicyDoc,
} from '../../scripts/docs.js';
import { defaultFrom, policyKeys } from '../../scripts/policy-docs.js';
import { parsePolicy } from '../../src/policy/validate.js';
import { documentedMessages, extractMessages } from '../../scripts/messages.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('docs/permissions.md', () => {
  test('its RBAC table is generated from examples/rbac.yaml, the Roles the lab proves (run `npm run docs`)', async () => {
    const { doc, rbac } = await readPermissionsFiles();
    expect(doc).toBe(renderPermissionsDoc(doc, rbac));
    expect(doc).toContain(
      '| `rollback` | `rollback-action-rollback` | `get`, `watch`, `patch` deployments',
    );
  });
});

describe('docs/policy.md', () => {
  test('is generated from the schema, the preset and the example (run `npm run docs`)', async () => {
    const { doc, schema, example } = await readPolicyFiles();
    expect(doc).toBe(renderPolicyDoc(doc, schema, example));
  });

  test('documents every key of the schema, nested ones included', async () => {
    const { doc, schema } = await readPolicyFiles();
    const paths = policyKeys(schema).map((r) => r.path);
    for (const key of ['watch.interval', 'triggers[].for', 'notify.webhooks[].on', 'git.delivery'])
      expect(paths).toContain(key);
    for (const key of paths) expect(doc).toContain(`| \`${key}\``);
  });

  test.each([
    ['watch.window', '', '10m'],
    ['rollback.concurrency', '', '4'],
    ['git.revert', "'one' (default): one revert commit", 'one'],
    ['verify.sla', "'critical' (10m), 'standard' (30m, the default)", 'standard'],
    ['flags[].timeout', 'Give up after this long (default 30s).', '30s'],
    [
      'x.url',
      'The endpoint (default https://a.example/v2; the EU one is b)',
      'https://a.example/v2',
    ],
    ['x.on', 'Default: completed, failed (one page).', 'completed, failed'],
    ['x.method', 'Default POST.', 'POST'],
    ['x.other', 'Nothing said.', ''],
  ])('the default of %s', (key, description, expected) => {
    expect(defaultFrom(key, description)).toBe(expected);
  });

  test('the example it embeds is a valid policy that uses every top-level section', async () => {
    const { example, schema } = await readPolicyFiles();
    const { policy } = parsePolicy(example, 'examples/rollback-policy.yml');
    const unused = Object.keys(schema.properties).filter(
      (key) => !(key in policy) && !['import', 'steps', 'backtest'].includes(key),
    );
    expect(unused).toEqual([]);
  });
});

describe('docs/troubleshooting.md', () => {
  test('lists every user-facing error message of src/, and only those', async () => {
    const doc = await readFile(path.join(ROOT, 'docs/troubleshooting.md'), 'utf8');
    const inCode = new Set(extractMessages(path.join(ROOT, 'src')).map((m) => m.pattern));
    const inDoc = new Set(documentedMessages(doc));
    const missing = [...inCode].filter((m) => !inDoc.has(m));
    const stale = [...inDoc].filter((m) => !inCode.has(m));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  test('finds the messages of each kind of source', () => {
    const found = extractMessages(path.join(ROOT, 'src'));
    const rules = new Set(found.map((m) => m.rule));
    expect([...rules].sort()).toEqual(
      [
        'UserError',
        'error class',
        'failure',
        'helper',
        'problem',
        'problem helper',
        'boundary',
      ].sort(),
    );
    expect(found.map((m) => m.pattern)).toContain("input 'policy': file not found: '…'");
  });
});
