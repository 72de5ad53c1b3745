/**
 * The sub-actions (capture/, guard/, rollback/, rehearse/) and the guarded-deploy composite
 * stay in step with action.yml: each input and output they declare reads as the main
 * action's, each declares the inputs its mode reads and no other, none declares `mode`, and
 * a sub-action given another mode refuses in one line.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Inputs, type InputName } from '../../src/constants.js';
import { REPO_ROOT, readManifest, runAction } from '../../lab/runner/harness.js';
import { readYaml, type WorkflowStep } from '../../lab/runner/workflow.js';

const CORE = ['policy', 'targets', 'namespace', 'contexts', 'kubeconfig', 'github-token'] as const;
// `window` too: every mode checks that the interval fits in the window (src/config.ts).
const METRICS = ['prometheus-url', 'alertmanager-url', 'window', 'interval'] as const;
const ACTING = ['to-revision', 'dry-run'] as const;
const DECIDING = ['strategy', 'approval', 'reason', 'snapshot', 'deployment-id'] as const;

/**
 * What each mode reads (src/modes/<mode>.ts and what it calls; main.ts for all of them).
 * capture reads `to-revision` (a commit SHA is the deployed range's base it records);
 * rehearse reads `strategy` and `approval` only to warn that they do not apply, so they are
 * left out of its short table.
 */
const READS: Record<string, readonly InputName[]> = {
  capture: [...CORE, ...METRICS, 'to-revision', 'override-freeze'],
  guard: [...CORE, ...METRICS, ...ACTING, ...DECIDING],
  rollback: [...CORE, ...METRICS, ...ACTING, ...DECIDING, 'plan'],
  rehearse: [...CORE, ...METRICS, ...ACTING],
};
const NOT_APPLICABLE: Record<string, readonly string[]> = { rehearse: ['strategy', 'approval'] };

/** Config fields that are inputs, by the input's name (src/config.ts). */
const CONFIG_FIELDS: Record<string, InputName> = {
  targets: 'targets',
  namespace: 'namespace',
  contexts: 'contexts',
  prometheusUrl: 'prometheus-url',
  alertmanagerUrl: 'alertmanager-url',
  windowMs: 'window',
  intervalMs: 'interval',
  strategy: 'strategy',
  toRevision: 'to-revision',
  approval: 'approval',
  reason: 'reason',
  dryRun: 'dry-run',
  kubeconfig: 'kubeconfig',
  snapshot: 'snapshot',
  deployTimes: 'deploy-times',
  plan: 'plan',
  githubToken: 'github-token',
  deploymentId: 'deployment-id',
  overrideFreeze: 'override-freeze',
};

const main = await readManifest();
const subActions = await Promise.all(
  Object.keys(READS).map(async (mode) => ({
    mode,
    manifest: await readManifest(path.join(REPO_ROOT, mode)),
  })),
);

const declared = (manifest: { inputs?: Record<string, unknown> }): string[] =>
  Object.keys(manifest.inputs ?? {});

describe.each(subActions)('$mode/action.yml', ({ mode, manifest }) => {
  test('every input and output reads as in action.yml, and mode is not one', () => {
    expect(declared(manifest)).not.toContain(Inputs.Mode);
    for (const [name, spec] of Object.entries(manifest.inputs ?? {}))
      expect({ name, ...spec }).toEqual({ name, ...main.inputs?.[name] });
    for (const [name, spec] of Object.entries(manifest.outputs ?? {}))
      expect({ name, ...spec }).toEqual({ name, ...main.outputs?.[name] });
  });

  test('it declares exactly the inputs its mode reads', () => {
    expect([...declared(manifest)].sort()).toEqual([...(READS[mode] ?? [])].sort());
  });

  test('every input the mode file reads itself is declared (or named as not applying)', () => {
    const source = readFileSync(path.join(REPO_ROOT, 'src/modes', `${mode}.ts`), 'utf8');
    const read = [...source.matchAll(/config\??\.(\w+)/g)].flatMap(
      ([, field]) => CONFIG_FIELDS[field ?? ''] ?? [],
    );
    const missing = read.filter(
      (name) => !declared(manifest).includes(name) && !NOT_APPLICABLE[mode]?.includes(name),
    );
    expect(missing).toEqual([]);
  });

  test('it runs on node24 from a committed entry that pins the mode', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: 'index.js' });
    expect(readFileSync(path.join(REPO_ROOT, mode, 'index.js'), 'utf8')).toContain(
      `runPinned('${mode}')`,
    );
  });
});

test('a sub-action given another mode refuses in one line and runs nothing', async () => {
  const result = await runAction({
    actionDir: path.join(REPO_ROOT, 'capture'),
    inputs: { mode: 'rollback', targets: 'deployment/api' },
  });
  expect(result.exitCode).toBe(1);
  expect(result.annotations.map((a) => `${a.level}: ${a.message}`)).toEqual([
    "error: rollback-action: the capture sub-action always runs mode capture, and 'mode: rollback' was given; remove it, or use rollback-action/rollback-action@v1 for other modes",
  ]);
  expect(result.outputs).toEqual({});
});

describe('guarded-deploy/action.yml', () => {
  interface Composite {
    inputs: Record<string, { description: string; required?: boolean; default?: string }>;
    outputs: Record<string, { description: string; value: string }>;
    runs: { using: string; steps: WorkflowStep[] };
  }
  const composite = readYaml<Composite>(path.join(REPO_ROOT, 'guarded-deploy/action.yml'));
  const sub = (mode: string) => subActions.find((s) => s.mode === mode)?.manifest;

  test('its inputs are run plus those capture and guard read (the capture hands guard its snapshot), as in action.yml', async () => {
    const { inputs } = await composite;
    expect(inputs.run?.required).toBe(true);
    const { run: _run, ...rest } = inputs;
    const wanted = new Set([...declared(sub('capture') ?? {}), ...declared(sub('guard') ?? {})]);
    wanted.delete('snapshot');
    expect(Object.keys(rest).sort()).toEqual([...wanted].sort());
    for (const [name, spec] of Object.entries(rest))
      expect({ name, ...spec }).toEqual({ name, ...main.inputs?.[name] });
  });

  test('each step passes every input of its sub-action through, unchanged', async () => {
    const { runs } = await composite;
    expect(runs.steps.map((s) => s.uses ?? 'run')).toEqual([
      'rollback-action/rollback-action/capture@v1',
      'run',
      'rollback-action/rollback-action/guard@v1',
      'rollback-action/rollback-action/rollback@v1',
    ]);
    // The put-back after a failed deploy goes to the capture's snapshot: not to `to-revision`,
    // not to a plan, and it says why in its own words.
    const own: Record<string, string> = {
      reason: 'the deploy command failed; what ran before it is put back',
    };
    for (const [step, mode, left] of [
      [runs.steps[0], 'capture', []],
      [runs.steps[2], 'guard', []],
      [runs.steps[3], 'rollback', ['to-revision', 'plan']],
    ] as const) {
      const through = Object.fromEntries(
        declared(sub(mode) ?? {})
          .filter((name) => name !== 'snapshot' && !(left as readonly string[]).includes(name))
          .map((name) => [
            name,
            mode === 'rollback'
              ? (own[name] ?? `\${{ inputs.${name} }}`)
              : `\${{ inputs.${name} }}`,
          ]),
      );
      expect(step?.with).toEqual(through);
    }
  });

  test("it exposes guard's outputs and capture's snapshot, described as in action.yml", async () => {
    const { outputs } = await composite;
    for (const [name, spec] of Object.entries(outputs)) {
      expect(spec.description).toBe(main.outputs?.[name]?.description);
      expect(spec.value).toBe(
        name === 'snapshot'
          ? `\${{ steps.capture.outputs.snapshot }}`
          : `\${{ steps.guard.outputs.${name} || steps.put-back.outputs.${name} }}`,
      );
    }
    expect(Object.keys(outputs).sort()).toEqual(
      [...Object.keys(sub('guard')?.outputs ?? {}), 'snapshot'].sort(),
    );
  });
});
