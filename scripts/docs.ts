/**
 * Generates the README's usage block and its inputs and outputs tables from action.yml, so
 * the two never drift (a test compares them). `npm run docs` rewrites the README in place.
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { load } from 'js-yaml';
import { INPUT_TYPES, type InputName } from '../src/constants.js';
import type { ActionManifest } from '../lab/runner/harness.js';

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
function replaceSection(readme: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${readme.slice(0, from + start.length)}\n${body}\n${readme.slice(to)}`;
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { readme, manifest } = await readRepoFiles();
  const updated = renderReadme(readme, manifest);
  if (updated !== readme) await writeFile(path.join(ROOT, 'README.md'), updated);
  console.log(updated === readme ? 'README.md is up to date' : 'README.md updated from action.yml');
}
