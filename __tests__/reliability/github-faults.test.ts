/**
 * GitHub failing while the action files the incident of a rollback it made, through the
 * bundled action (guard detecting a bad release, and a manual rollback), against kube-sim and
 * fake GitHub: a 5xx once, a secondary rate limit with Retry-After, a bad token, and issue
 * creation failing for good. The rollback always stands; the outputs and summary say what
 * happened to the incident; a failure is one annotation; every request the action made is
 * counted, so a retry storm fails the test. Recorded for docs/reliability.md.
 */
import { fileURLToPath } from 'node:url';
import { FakeGitHub } from '../../lab/github/server.js';
import { deployment, imageOf, settled } from '../../lab/kube-sim/fixtures.js';
import { kubeconfigFor, startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { prometheusAnswering, stopStandIn, vector } from '../../lab/prometheus/stand-in.js';
import { runAction, type RunResult } from '../../lab/runner/harness.js';
import { Record, type Trial } from './record.js';

const record = new Record(fileURLToPath(import.meta.url));
/** Trials by case, added in the cases' order: concurrent tests finish in any order. */
const trials: (Trial | undefined)[] = [];
afterAll(async () => {
  for (const trial of trials) if (trial) record.add(trial);
  await record.save();
});

const MODES = ['guard', 'rollback'] as const;
type Mode = (typeof MODES)[number];

const POLICY = `targets: [deployment/api]
namespace: shop
triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P0}
watch: {window: 3s, interval: 1s}
rollback: {timeout: 20s}
verify: {window: 1s}
`;

interface Run {
  result: RunResult;
  gh: FakeGitHub;
  /** The image the cluster runs after the step. */
  image: string | undefined;
}

/**
 * One step of `mode` after shop/api:1.1 replaced 1.0: guard sees errors while 1.1 runs and
 * rolls back; rollback does it on demand. `fault` is set on fake GitHub before the step.
 */
async function step(mode: Mode, fault: (gh: FakeGitHub) => void, token?: string): Promise<Run> {
  const closing: (() => Promise<void>)[] = [];
  try {
    const sim: KubeSim = await startKubeSim({ podReadyDelayMs: 10, namespaces: ['shop'] });
    closing.push(() => sim.close());
    for (const image of ['shop/api:1.0', 'shop/api:1.1']) {
      sim.apply(deployment('api', image, { namespace: 'shop' }));
      await sim.waitFor('Deployment', 'shop', 'api', (o) => settled(o) && imageOf(o) === image);
    }
    const running = (): string | undefined => imageOf(sim.get('Deployment', 'shop', 'api'));
    const prometheus = await prometheusAnswering(() => ({
      body: vector({ value: [Date.now() / 1000, running() === 'shop/api:1.1' ? '1' : '0'] }),
    }));
    closing.push(() => stopStandIn(prometheus));
    const gh = await new FakeGitHub('acme/shop').start();
    closing.push(() => gh.close());
    fault(gh);
    const result = await runAction({
      inputs: {
        mode,
        'prometheus-url': prometheus,
        kubeconfig: kubeconfigFor([{ name: 'eu-west', url: sim.url, namespace: 'shop' }]),
        ...(mode === 'rollback' ? { 'to-revision': 'previous', reason: 'errors after 1.1' } : {}),
      },
      files: { '.github/rollback-policy.yml': POLICY },
      token: token ?? gh.token,
      apiUrl: gh.url,
      timeoutMs: 90_000,
    });
    gh.assertClean();
    return { result, gh, image: running() };
  } finally {
    for (const close of closing.reverse()) await close();
  }
}

/** The requests of each operation, `operationId status` in order: what a retry storm shows. */
function calls(gh: FakeGitHub): string[] {
  return gh.calls.map((c) => `${c.operationId ?? c.path} ${c.status}`);
}

/** The rollback happened and stands, whatever became of the incident. */
function expectRolledBack(run: Run): void {
  expect(run.result.timedOut).toBe(false);
  expect(run.image).toBe('shop/api:1.0');
  expect(run.result.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
}

/** The lines that are about GitHub or the incident, of all the step's annotations. */
function aboutGitHub(result: RunResult): string[] {
  return result.annotations
    .filter((a) => /GitHub|incident/.test(a.message))
    .map((a) => `${a.level}: ${a.message}`);
}

/** The one incident was filed: the output links it and no annotation is about GitHub. */
function expectFiled(run: Run): void {
  const issues = run.gh.issues.filter((i) => !i.pull_request);
  expect(issues).toHaveLength(1);
  expect(run.result.outputs['incident-url']).toBe(
    `https://github.com/acme/shop/issues/${String(issues[0]?.number)}`,
  );
  expect(aboutGitHub(run.result)).toEqual([]);
}

/** Every case runs in both modes, all at once: each run has its own cluster and GitHub. */
const CASES: {
  fault: string;
  inject: (gh: FakeGitHub) => void;
  token?: string;
  check: (run: Run) => void;
  outcome: string;
  lost: string;
}[] = [
  {
    fault: '502 once on issue creation',
    inject: (gh) => gh.injectFault({ operationId: 'issues/create', status: 502, times: 1 }),
    check: (run) => {
      expectFiled(run);
      // Not repeated blindly (a POST's 5xx may have been done): looked for, then made once more.
      expect(calls(run.gh)).toEqual([
        'issues/list-for-repo 200',
        'issues/create 502',
        'issues/list-for-repo 200',
        'issues/create 201',
      ]);
      expect(run.result.log).toMatch(
        /^GitHub create issue: 502 Server Error; filing the incident once more$/m,
      );
    },
    outcome:
      'rolled back; the incident is looked for (the 502 may have made it), then filed once; its URL in the outputs',
    lost: 'nothing',
  },
  {
    fault: '403 secondary rate limit with Retry-After 1 s on issue creation',
    inject: (gh) =>
      gh.injectFault({ operationId: 'issues/create', status: 403, retryAfterSeconds: 1, times: 1 }),
    check: (run) => {
      expectFiled(run);
      expect(calls(run.gh)).toEqual([
        'issues/list-for-repo 200',
        'issues/create 403',
        'issues/create 201',
      ]);
      const [refused, retried] = run.gh.calls.filter((c) => c.operationId === 'issues/create');
      expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(950);
      expect(run.result.log).toMatch(
        /^GitHub POST \/repos\/\{owner\}\/\{repo\}\/issues: 403 You have exceeded a secondary rate limit\. .*; retrying in 1 s$/m,
      );
    },
    outcome:
      'rolled back; Retry-After honoured (one retry 1 s later, said in the log), then the incident is filed',
    lost: 'nothing',
  },
  {
    fault: '401 Bad credentials (a wrong token)',
    token: 'ghs_notTheRightToken0000000000000000000000',
    inject: () => undefined,
    check: (run) => {
      expect(run.gh.issues).toHaveLength(0);
      expect(run.result.outputs['incident-url'] ?? '').toBe('');
      expect(aboutGitHub(run.result)).toEqual([
        'warning: rollback-action: the incident was not filed: GitHub list issues: 401 Bad credentials (the token is not valid for this repository); the rollback stands',
      ]);
      // Never retried: one request, refused.
      expect(calls(run.gh)).toEqual(['/repos/acme/shop/issues 401']);
      expectTextToFileByHand(run.result.summary);
    },
    outcome:
      'rolled back; one warning says the incident was not filed and why (the token is not valid); one request, not retried; the summary holds its text',
    lost: "nothing: the incident's whole text is in the job summary, to file by hand",
  },
  {
    fault: '503 on every issue creation, after the rollback succeeded',
    inject: (gh) => gh.injectFault({ operationId: 'issues/create', status: 503 }),
    check: (run) => {
      expect(run.gh.issues).toHaveLength(0);
      expect(run.result.outputs['incident-url'] ?? '').toBe('');
      expect(aboutGitHub(run.result)).toEqual([
        'warning: rollback-action: the incident was not filed: GitHub create issue: 503 Server Error; the rollback stands',
      ]);
      expect(run.result.summary).toContain(
        'the incident was not filed: GitHub create issue: 503 Server Error',
      );
      // Bounded: looked for and made twice in all, never more.
      expect(calls(run.gh)).toEqual([
        'issues/list-for-repo 200',
        'issues/create 503',
        'issues/list-for-repo 200',
        'issues/create 503',
      ]);
      expectTextToFileByHand(run.result.summary);
    },
    outcome:
      'the rollback stands (previous revision running); outputs say rolled-back, incident-url empty; one warning and the summary say the incident was not filed, the summary holds its text; 2 creation requests in all',
    lost: "nothing: the incident's whole text is in the job summary, to file by hand",
  },
];

/** An incident GitHub did not take is in the job summary whole, title and evidence. */
function expectTextToFileByHand(summary: string): void {
  const folded =
    /<details><summary>The incident's text, to file by hand<\/summary>\n\n(`{3,})markdown\n# (.+)\n([\s\S]*?)\n\1\n/.exec(
      summary,
    );
  expect(folded?.[2]).toMatch(/api/);
  expect(folded?.[3]).toMatch(/## /);
}

/** How many modes each case has held in: it is recorded once it held in all. */
const held: number[] = [];

test.concurrent.each(CASES.flatMap((c, i) => MODES.map((mode) => [c.fault, mode, i] as const)))(
  'GitHub %s, %s: the rollback stands',
  async (_fault, mode, i) => {
    const c = CASES[i];
    if (!c) throw new Error(`no case ${i}`);
    const run = await step(mode, c.inject, c.token);
    expectRolledBack(run);
    expect(JSON.parse(run.result.outputs.report ?? '{}')).toMatchObject({
      verdict: 'rolled-back',
    });
    c.check(run);
    held[i] = (held[i] ?? 0) + 1;
    if (held[i] === MODES.length)
      trials[i] = {
        area: 'GitHub',
        fault: c.fault,
        modes: [...MODES],
        runs: MODES.length,
        outcome: c.outcome,
        lost: c.lost,
      };
  },
  60_000,
);
