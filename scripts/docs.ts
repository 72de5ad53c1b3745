/**
 * Generates the README's usage block and its inputs and outputs tables from action.yml, and
 * docs/policy.md's key reference, `runbook` preset and example from the policy schema, the
 * code and examples/rollback-policy.yml, so none of them drift (tests compare them).
 * `npm run docs` rewrites both files in place.
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { load } from 'js-yaml';
import { INPUT_TYPES, type InputName } from '../src/constants.js';
import type { ActionManifest } from '../lab/runner/harness.js';
import { renderRbacTable } from './permissions-docs.js';
import {
  PRESET_SELECTOR,
  renderExample,
  renderKeys,
  renderPreset,
  type PolicySchema,
} from './policy-docs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ACTION_REF = 'rollback-action/rollback-action@v1';

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function renderUsage(manifest: ActionManifest): string {
  const lines = [`- uses: ${ACTION_REF}`, '  with:'];
  for (const [name, spec] of Object.entries(manifest.inputs ?? {})) {
    const words = oneLine(spec.description).split(' ');
    let line = '    #';
    for (const word of words) {
      if (line.length + word.length + 1 > 92) {
        lines.push(line);
        line = '    #';
      }
      line += ` ${word}`;
    }
    lines.push(line);
    const value =
      spec.default === undefined
        ? ''
        : ` ${JSON.stringify(String(spec.default)).replace(/^"(.*)"$/, "'$1'")}`;
    lines.push(`    ${name}:${value}`, '');
  }
  lines.pop();
  return ['```yaml', ...lines, '```'].join('\n');
}

export function renderInputs(manifest: ActionManifest): string {
  const rows = Object.entries(manifest.inputs ?? {}).map(([name, spec]) => {
    const type = INPUT_TYPES[name as InputName] as string | undefined;
    const fallback = spec.default === undefined ? '' : `\`${String(spec.default)}\``;
    return `| \`${name}\` | ${type ?? '?'} | ${fallback} | ${cell(oneLine(spec.description))} |`;
  });
  return ['| Name | Type | Default | Description |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

export function renderOutputs(manifest: ActionManifest): string {
  const rows = Object.entries(manifest.outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(oneLine(spec.description))} |`,
  );
  return ['| Name | Description |', '| --- | --- |', ...rows].join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
function replaceSection(text: string, name: string, body: string, file = 'README.md'): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

export function renderReadme(readme: string, manifest: ActionManifest): string {
  let out = replaceSection(readme, 'usage', renderUsage(manifest));
  out = replaceSection(out, 'inputs', renderInputs(manifest));
  return replaceSection(out, 'outputs', renderOutputs(manifest));
}

export async function readRepoFiles(): Promise<{ readme: string; manifest: ActionManifest }> {
  const [readme, action] = await Promise.all([
    readFile(path.join(ROOT, 'README.md'), 'utf8'),
    readFile(path.join(ROOT, 'action.yml'), 'utf8'),
  ]);
  return { readme, manifest: load(action) as ActionManifest };
}

export const POLICY_DOC = 'docs/policy.md';
export const EXAMPLE_POLICY = 'examples/rollback-policy.yml';

export function renderPolicyDoc(doc: string, schema: PolicySchema, example: string): string {
  let out = replaceSection(doc, 'keys', renderKeys(schema), POLICY_DOC);
  out = replaceSection(out, 'preset', renderPreset(PRESET_SELECTOR), POLICY_DOC);
  return replaceSection(out, 'example', renderExample(example), POLICY_DOC);
}

export const PERMISSIONS_DOC = 'docs/permissions.md';
export const RBAC_EXAMPLE = 'examples/rbac.yaml';

export function renderPermissionsDoc(doc: string, rbacYaml: string): string {
  return replaceSection(doc, 'rbac', renderRbacTable(rbacYaml), PERMISSIONS_DOC);
}

export async function readPermissionsFiles(): Promise<{ doc: string; rbac: string }> {
  const [doc, rbac] = await Promise.all([
    readFile(path.join(ROOT, PERMISSIONS_DOC), 'utf8'),
    readFile(path.join(ROOT, RBAC_EXAMPLE), 'utf8'),
  ]);
  return { doc, rbac };
}

export async function readPolicyFiles(): Promise<{
  doc: string;
  schema: PolicySchema;
  example: string;
}> {
  const [doc, schema, example] = await Promise.all([
    readFile(path.join(ROOT, POLICY_DOC), 'utf8'),
    readFile(path.join(ROOT, 'schema/rollback-policy.schema.json'), 'utf8'),
    readFile(path.join(ROOT, EXAMPLE_POLICY), 'utf8'),
  ]);
  return { doc, schema: JSON.parse(schema) as PolicySchema, example };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { readme, manifest } = await readRepoFiles();
  const updated = renderReadme(readme, manifest);
  if (updated !== readme) await writeFile(path.join(ROOT, 'README.md'), updated);
  console.log(updated === readme ? 'README.md is up to date' : 'README.md updated from action.yml');
  const policy = await readPolicyFiles();
  const doc = renderPolicyDoc(policy.doc, policy.schema, policy.example);
  if (doc !== policy.doc) await writeFile(path.join(ROOT, POLICY_DOC), doc);
  console.log(
    doc === policy.doc
      ? `${POLICY_DOC} is up to date`
      : `${POLICY_DOC} updated from the schema, the preset and ${EXAMPLE_POLICY}`,
  );
  const permissions = await readPermissionsFiles();
  const rbacDoc = renderPermissionsDoc(permissions.doc, permissions.rbac);
  if (rbacDoc !== permissions.doc) await writeFile(path.join(ROOT, PERMISSIONS_DOC), rbacDoc);
  console.log(
    rbacDoc === permissions.doc
      ? `${PERMISSIONS_DOC} is up to date`
      : `${PERMISSIONS_DOC} updated from ${RBAC_EXAMPLE}`,
  );
}
