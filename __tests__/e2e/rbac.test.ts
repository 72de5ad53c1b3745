/**
 * Least privilege, proven on the lab: each Role of `examples/rbac.yaml` is granted alone
 * (kube-sim forbids everything else, as an API server does for a ServiceAccount bound to only
 * that Role) and its modes run green, with no request refused along the way. Then each verb a
 * Role grants is taken away in turn: the mode stops, or warns where the step is best effort,
 * with one line naming that verb and resource, and no verb is left that nothing needs.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { loadAll } from 'js-yaml';
import { apiImage, releaseEverywhere, startRegions } from '../../lab/kube-sim/regions.js';
import type { KubeSim, PolicyRule } from '../../lab/kube-sim/server.js';
import {
  closeStandIns,
  NO_HISTORY,
  prometheusAnswering,
  vector,
} from '../../lab/prometheus/stand-in.js';
import { Job, REPO_ROOT, runAction, type RunResult } from '../../lab/runner/harness.js';

interface Role {
  name: string;
  modes: string[];
  rules: PolicyRule[];
}

async function roles(): Promise<Role[]> {
  const text = await readFile(path.join(REPO_ROOT, 'examples/rbac.yaml'), 'utf8');
  return (loadAll(text) as Record<string, any>[])
    .filter((doc) => doc.kind === 'Role')
    .map((doc) => ({
      name: doc.metadata.name,
      modes: String(doc.metadata.annotations['rollback-action/modes']).split(/,\s*/),
      rules: doc.rules,
    }));
}

/** Each (rule, verb) of a Role, and the Role without it. */
function withoutEachVerb(rules: readonly PolicyRule[]) {
  return rules.flatMap((rule, i) =>
    rule.verbs.map((verb) => ({
      verb,
      rule,
      rules: rules.map((r, j) =>
        j === i ? { ...r, verbs: r.verbs.filter((v) => v !== verb) } : r,
      ),
    })),
  );
}

const POLICY = `triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 2s, interval: 1s}
verify: {window: 1s}
`;

interface Lab {
  sim: KubeSim;
  job: Job;
  /** A plan a guard with approval required left for a later job. */
  plan?: string;
  /** Runs a step of the job, or with `fresh` a step of another job (no snapshot of its own). */
  run(mode: string, extra?: Record<string, string>, where?: { fresh: true }): Promise<RunResult>;
}

/**
 * A scenario sets the lab up with full access (releases, a capture, a ledger), then `act` runs
 * the mode under test once the Role alone is granted, and says whether it went as it should.
 */
interface Scenario {
  mode: string;
  title: string;
  setUp(lab: Lab): Promise<void>;
  act(lab: Lab): Promise<RunResult>;
  /** The step's exit code and error line when it went as it should (a rollback fails the step). */
  done?: { exit: number; lines: RegExp[] };
  succeeded(result: RunResult, lab: Lab): void;
}

/** A set-up of releases (`1.0`, `1.1-bad`) and modes that must succeed, one after another. */
function given(...steps: string[]): (lab: Lab) => Promise<void> {
  return async (lab) => {
    for (const step of steps)
      if (/^\d/.test(step)) await releaseEverywhere({ r: lab.sim }, step);
      else expect((await lab.run(step)).exitCode).toBe(0);
  };
}

const SCENARIOS: Scenario[] = [
  {
    mode: 'capture',
    title: 'before a deploy',
    setUp: given('1.0'),
    act: (lab) => lab.run('capture'),
    succeeded: (result) => expect(result.outputs.snapshot).toBeTruthy(),
  },
  {
    mode: 'guard',
    title: 'a healthy deploy, recorded as good',
    setUp: given('1.0', 'capture', '1.1'),
    act: (lab) => lab.run('guard'),
    succeeded: (result, lab) => {
      expect(result.outputs.verdict).toBe('healthy');
      expect(lab.sim.get('ConfigMap', 'shop', 'rollback-action-ledger')).toBeDefined();
    },
  },
  {
    mode: 'guard',
    title: 'a bad deploy, rolled back and verified',
    setUp: given('1.0', 'capture', '1.1-bad'),
    act: (lab) => lab.run('guard'),
    done: { exit: 1, lines: [/^rollback-action: the deploy was rolled back: errors \(P1\)/] },
    succeeded: (result, lab) => {
      expect(result.outputs).toMatchObject({ verdict: 'rolled-back', verified: 'true' });
      expect(apiImage(lab.sim)).toBe('shop/api:1.0');
    },
  },
  {
    mode: 'rollback',
    title: 'to the last verified-good release',
    setUp: given('1.0', 'mark-good', '1.1', '1.2'),
    act: (lab) => lab.run('rollback', { 'to-revision': 'last-good' }),
    succeeded: (result, lab) => {
      expect(result.outputs.verdict).toBe('rolled-back');
      expect(apiImage(lab.sim)).toBe('shop/api:1.0');
    },
  },
  {
    mode: 'rollback',
    title: 'an approved plan, in a job of its own',
    setUp: async (lab) => {
      await given('1.0', 'capture', '1.1-bad')(lab);
      const guarded = await lab.run('guard', { approval: 'required' });
      expect(guarded.outputs.verdict).toBe('rollback-recommended');
      lab.plan = guarded.outputs.plan;
    },
    act: (lab) => lab.run('rollback', { plan: lab.plan ?? '' }, { fresh: true }),
    succeeded: (result, lab) => {
      expect(result.outputs).toMatchObject({ verdict: 'rolled-back', verified: 'true' });
      expect(apiImage(lab.sim)).toBe('shop/api:1.0');
    },
  },
  {
    mode: 'rehearse',
    title: 'a drill: back and forward again',
    setUp: given('1.0', '1.1'),
    act: (lab) => lab.run('rehearse'),
    succeeded: (result, lab) => {
      expect(result.outputs).toMatchObject({ verdict: 'healthy', verified: 'true' });
      expect(apiImage(lab.sim)).toBe('shop/api:1.1');
    },
  },
  {
    mode: 'mark-good',
    title: 'recorded twice: the ledger created, then updated',
    setUp: given('1.0'),
    act: async (lab) => {
      const first = await lab.run('mark-good');
      if (first.exitCode !== 0) return first;
      await releaseEverywhere({ r: lab.sim }, '1.1');
      return lab.run('mark-good');
    },
    succeeded: (_result, lab) => {
      const data = lab.sim.get('ConfigMap', 'shop', 'rollback-action-ledger')?.data ?? {};
      expect(JSON.parse(String(data['releases.json']))).toHaveLength(2);
    },
  },
  {
    mode: 'verify',
    title: 'after a capture',
    setUp: given('1.0', 'capture'),
    act: (lab) => lab.run('verify'),
    succeeded: (result) => expect(result.outputs.verified).toBe('true'),
  },
  {
    mode: 'backtest',
    title: 'deploy times from the rollout history',
    setUp: given('1.0', '1.1'),
    act: (lab) => lab.run('backtest'),
    succeeded: (result) => expect(JSON.parse(result.outputs.report ?? '{}').backtest).toBeTruthy(),
  },
];

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await closeStandIns();
  for (const o of open.splice(0)) await o.close();
});

async function lab(): Promise<Lab> {
  const regions = await startRegions(['eu-west']);
  open.push(regions);
  const sim = regions.sims['eu-west'] as KubeSim;
  // The bad release fails the error trigger; every other release passes it.
  const prometheus = await prometheusAnswering((url) =>
    url.pathname.endsWith('/query_range')
      ? { body: NO_HISTORY }
      : {
          body: vector({ value: [Date.now() / 1000, apiImage(sim).endsWith('-bad') ? '1' : '0'] }),
        },
  );
  const job = await Job.create();
  open.push({ close: () => job.dispose() });
  const inputs = {
    kubeconfig: regions.kubeconfig,
    targets: 'deployment/api',
    'prometheus-url': prometheus,
  };
  return {
    sim,
    job,
    run: (mode, extra = {}, where) =>
      (where?.fresh ? runAction : job.run.bind(job))({
        inputs: { ...inputs, ...extra, mode },
        files: { '.github/rollback-policy.yml': POLICY },
        timeoutMs: 60_000,
      }),
  };
}

/** Runs the scenario with `rules` alone granted; the requests the API server refused. */
async function play(scenario: Scenario, rules: readonly PolicyRule[]) {
  const l = await lab();
  await scenario.setUp(l);
  l.sim.grantOnly(rules, 'shop');
  l.sim.requests.length = 0;
  const result = await scenario.act(l);
  const refused = l.sim.requests.filter((r) => r.status === 403);
  return { lab: l, result, refused };
}

/** The lines a person reads: errors and warnings, the GitHub ones of the dead default aside. */
function lines(result: RunResult): string[] {
  return result.annotations
    .filter((a) => a.level === 'error' || a.level === 'warning')
    .map((a) => a.message)
    .filter((m) => !/GitHub|deploy freeze|incident was not filed/.test(m));
}

describe('examples/rbac.yaml', () => {
  test('names a Role for every mode that talks to Kubernetes, each mode once', async () => {
    const modes = (await roles()).flatMap((r) => r.modes).sort();
    expect(modes).toEqual(
      ['backtest', 'capture', 'guard', 'mark-good', 'rehearse', 'rollback', 'verify'].sort(),
    );
  });

  test.each(SCENARIOS.map((s) => [s.mode, s.title, s] as const))(
    '%s (%s) runs green with its Role alone, no request refused',
    async (mode, _title, scenario) => {
      const role = (await roles()).find((r) => r.modes.includes(mode));
      const { lab: l, result, refused } = await play(scenario, role?.rules ?? []);
      const { exit, lines: expected } = scenario.done ?? { exit: 0, lines: [] };
      expect({ exit: result.exitCode, lines: lines(result), refused }).toEqual({
        exit,
        lines: expected.map((line) => expect.stringMatching(line)),
        refused: [],
      });
      scenario.succeeded(result, l);
    },
  );
});

describe('each verb of each Role is needed, and its absence is one line naming it', () => {
  const cases = async () =>
    (await roles()).flatMap((role) =>
      withoutEachVerb(role.rules).map((removed) => ({ role, ...removed })),
    );

  // One test per Role keeps the table readable; each removal plays the Role's scenarios in
  // order until one stops on it, as a deploy job's capture stops before the guard would.
  test.each(['deploy', 'rollback', 'rehearse', 'mark-good', 'verify', 'backtest'])(
    'rollback-action-%s',
    async (name) => {
      const all = (await cases()).filter((c) => c.role.name === `rollback-action-${name}`);
      expect(all.length).toBeGreaterThan(0);
      for (const { role, rule, verb, rules } of all) {
        const resources = (rule.resources ?? []).map((r) =>
          rule.apiGroups?.[0] ? `${r}.${rule.apiGroups[0]}` : r,
        );
        const naming = new RegExp(`\\b${verb} (${resources.join('|').replace(/\./g, '\\.')})\\b`);
        const seen: string[] = [];
        let named = false;
        for (const scenario of SCENARIOS.filter((s) => role.modes.includes(s.mode))) {
          const { lab: l, result, refused } = await play(scenario, rules);
          const said = lines(result).filter((line) => naming.test(line));
          seen.push(
            `${scenario.mode} (${scenario.title}): exit ${result.exitCode}, ${lines(result).join(' | ') || 'no lines'}`,
          );
          if (said.length === 0) {
            // Not needed by this scenario: then nothing was refused on the way either.
            expect({ verb, rule, scenario: scenario.title, refused }).toEqual({
              verb,
              rule,
              scenario: scenario.title,
              refused: [],
            });
            continue;
          }
          expect({ verb, resources, said }).toEqual({
            verb,
            resources,
            said: [expect.stringMatching(/^rollback-action: /)],
          });
          // A step that stopped on it changed no workload on the way (a patch that went
          // through). A watch refused is a warning, and the step goes on by polling.
          const stoppedOnIt = result.annotations.some(
            (a) => a.level === 'error' && naming.test(a.message),
          );
          if (result.exitCode !== 0 && stoppedOnIt)
            expect(l.sim.requests.filter((r) => r.method === 'PATCH' && r.status < 300)).toEqual(
              [],
            );
          named = true;
          break;
        }
        if (!named)
          throw new Error(
            `${role.name} without ${verb} ${resources.join(', ')}: no line named it\n${seen.join('\n')}`,
          );
      }
    },
    240_000,
  );
});
