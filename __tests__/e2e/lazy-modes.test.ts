/**
 * Each mode's code is an `import()` that esbuild emits as a chunk beside dist/index.js, and
 * @kubernetes/client-node is a chunk of its own loaded only with a kubeconfig: a chunk missing
 * from dist/ (or not loadable) would fail only the runs of that mode. Every mode is run from
 * the built dist until its own code speaks: with a kubeconfig whose contexts do not include
 * the one asked for, the Kubernetes modes reach connect() (so the client chunk loaded), and
 * backtest, without triggers, says so from its own module.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubeconfigFor } from '../../lab/kube-sim/server.js';
import { REPO_ROOT, runAction } from '../../lab/runner/harness.js';
import { MODES, type Mode } from '../../src/constants.js';

const kubeconfig = kubeconfigFor([{ name: 'eu-west', url: 'http://127.0.0.1:9' }]);
const WRONG_CONTEXT =
  "rollback-action: input 'contexts': 'us-east' is not a context of the kubeconfig; it has eu-west";
const EXPECTED: Record<Mode, string> = {
  guard: WRONG_CONTEXT,
  capture: WRONG_CONTEXT,
  rollback: WRONG_CONTEXT,
  verify: WRONG_CONTEXT,
  rehearse: WRONG_CONTEXT,
  'mark-good': WRONG_CONTEXT,
  backtest:
    'rollback-action: backtest: the policy has no triggers to replay (preset: runbook, or triggers:)',
  validate: WRONG_CONTEXT,
};

test.each(MODES.map((mode) => [mode, EXPECTED[mode]]))(
  "mode: %s loads its chunk from dist and runs until its own check: '%s'",
  async (mode, expected) => {
    const result = await runAction({
      inputs: {
        mode,
        targets: 'deployment/api',
        'prometheus-url': 'http://127.0.0.1:9',
        kubeconfig,
        contexts: 'us-east',
      },
      timeoutMs: 60_000,
    });
    expect({ exit: result.exitCode, errors: result.annotations.map((a) => a.message) }).toEqual({
      exit: 1,
      errors: [expected],
    });
  },
);

test('mode: validate without a kubeconfig runs without the Kubernetes client', async () => {
  const result = await runAction({
    inputs: { mode: 'validate', targets: 'deployment/api', 'prometheus-url': 'http://127.0.0.1:9' },
    timeoutMs: 60_000,
  });
  expect({ exit: result.exitCode, errors: result.annotations }).toEqual({ exit: 0, errors: [] });
  expect(result.summary).toContain('No kubeconfig in this step: the contexts were not checked.');
});

/**
 * What `mode: validate` loads is the cold start of every job that validates (issue 14). Neither
 * undici is loaded: the bundled one (@actions/core's OIDC client, @actions/github's proxy agent:
 * 0.4 MB; scripts/build.ts leaves it out of core, the GitHub client is imported at its first
 * call) nor Node's own, which an ES module's import of node:http loads (src/node-http.ts); nor
 * TLS, which validate, sending no request, does not need. A module hook records the dist files
 * the run loads and, at exit, Node's own modules.
 */
test('mode: validate loads no undici and no TLS', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'validate-loads-'));
  try {
    const record = path.join(dir, 'loaded.txt');
    const builtins = path.join(dir, 'builtins.txt');
    const hook = path.join(dir, 'hook.mjs');
    await writeFile(
      hook,
      `import { registerHooks } from 'node:module';
import { appendFileSync, writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(${JSON.stringify(builtins)}, process.moduleLoadList.join('\\n')));
registerHooks({ load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(record)}, url + '\\n');
  return next(url, context);
} });
`,
    );
    const result = await runAction({
      inputs: {
        mode: 'validate',
        targets: 'deployment/api',
        'prometheus-url': 'http://127.0.0.1:9',
      },
      env: { NODE_OPTIONS: `--import=${hook}` },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(0);
    const dist = path.join(REPO_ROOT, 'dist');
    const loaded = [
      ...new Set(
        (await readFile(record, 'utf8'))
          .split('\n')
          .filter(Boolean)
          .map((u) => fileURLToPath(u)),
      ),
    ].filter((f) => f.startsWith(dist + path.sep));
    expect(loaded).toContain(path.join(dist, 'index.js'));
    const withUndici: string[] = [];
    for (const file of loaded)
      if (/undici/i.test(await readFile(file, 'utf8'))) withUndici.push(path.basename(file));
    expect(withUndici).toEqual([]);
    const nodeModules = (await readFile(builtins, 'utf8')).split('\n');
    expect(nodeModules).toContain('NativeModule internal/modules/esm/loader');
    expect(
      nodeModules.filter((m) => /^NativeModule (internal\/deps\/undici\/|tls$|https$)/.test(m)),
    ).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
