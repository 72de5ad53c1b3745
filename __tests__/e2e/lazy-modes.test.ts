/**
 * Each mode's code is an `import()` that esbuild emits as a chunk beside dist/index.js, and
 * @kubernetes/client-node is a chunk of its own loaded only with a kubeconfig: a chunk missing
 * from dist/ (or not loadable) would fail only the runs of that mode. Every mode is run from
 * the built dist until its own code speaks: with a kubeconfig whose contexts do not include
 * the one asked for, the Kubernetes modes reach connect() (so the client chunk loaded), and
 * backtest, without triggers, says so from its own module.
 */
import { kubeconfigFor } from '../../lab/kube-sim/server.js';
import { runAction } from '../../lab/runner/harness.js';
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
