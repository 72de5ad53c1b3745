/**
 * Secrets (issue 15): every credential the action is given, with a recognisable value, through
 * every mode against one lab, and every artefact searched for each of them (raw, and
 * URL-encoded or base64 where a service or a header would encode it). The credentials: the
 * kubeconfig's token, client key, password and a password in a server URL; the GitHub token;
 * Prometheus' URL userinfo, a header, a bearer token and basic auth from the environment; a
 * flag service's header; a smoke check's header; the Slack URL and a webhook's URL and header.
 * The servers check the credentials they are sent, so a run that did not use one fails here.
 * Each secret used must also be masked (an add-mask line) before the step first prints about
 * what it guards: masking is what protects a secret the action does not know it printed.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGitFixture, HISTORY, type GitFixture } from '../../lab/git/fixture.js';
import { FakeGitHub } from '../../lab/github/server.js';
import { deployment, imageOf, settled } from '../../lab/kube-sim/fixtures.js';
import { RESOURCES } from '../../lab/kube-sim/resources.js';
import { startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { startReceiver, type Receiver } from '../../lab/receiver/server.js';
import { Job, runAction, shownText, type RunResult } from '../../lab/runner/harness.js';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';
import { Record as Trials } from './record.js';

const record = new Trials(fileURLToPath(import.meta.url));
afterAll(() => record.save());

const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** The secrets, recognisable in any text. */
const S = {
  kubeToken: 's3cr3t-kube-token-7f3a',
  kubeKeyText: 's3cr3tKubeClientKey9d2b',
  kubePassword: 's3cr3t-kube-passw0rd-41c8',
  kubeUrlPassword: 's3cr3t-kube-url-pw-5e19',
  githubToken: 'ghs_s3cr3tGitHubToken7f3a00000000000000',
  promUrlPassword: 's3cr3t-prom-url-pw/2b6d',
  promApiKey: 's3cr3t-prom-api-key-61d0',
  promBearer: 's3cr3t-prom-bearer-8e0f',
  promBasicPassword: 's3cr3t-prom-basic-pw-3a7c',
  flagToken: 's3cr3t-flag-token-c4e2',
  smokeKey: 's3cr3t-smoke-key-b85a',
  slackPath: '/services/T0SHOP/B0ROLL/s3cr3tSlackPath0a9b',
  hookSig: 's3cr3t-hook-sig-93f1',
  hookToken: 's3cr3t-hook-token-d71f',
};
const KEY_PEM = `-----BEGIN PRIVATE KEY-----\n${S.kubeKeyText}\n-----END PRIVATE KEY-----\n`;
const KEY_DATA = b64(KEY_PEM);
const CERT_DATA = b64('-----BEGIN CERTIFICATE-----\nnotSecretCert\n-----END CERTIFICATE-----\n');
const PROM_USER = 'promuser';
const PROM_BASIC_USER = 'prom-basic-user';

/** Every form a secret could be shown in: raw, URL-encoded, and the basic-auth pairs' base64. */
function forms(): Record<string, string[]> {
  const all: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(S))
    all[name] = [...new Set([value, encodeURIComponent(value)])];
  all.kubeKeyData = [KEY_DATA];
  all.kubePassword?.push(b64(`kubeadmin:${S.kubePassword}`));
  all.kubeUrlPassword?.push(b64(`kubeadmin:${S.kubeUrlPassword}`));
  all.promUrlPassword?.push(b64(`${PROM_USER}:${S.promUrlPassword}`));
  all.promBasicPassword?.push(b64(`${PROM_BASIC_USER}:${S.promBasicPassword}`));
  all.githubToken?.push(b64(`x-access-token:${S.githubToken}`));
  return all;
}
const FORMS = forms();

/** The secrets (by name) found in `text`, with the form that showed: empty when none. */
function leaks(text: string): string[] {
  return Object.entries(FORMS).flatMap(([name, list]) =>
    list.filter((form) => text.includes(form)).map((form) => `${name} as ${form}`),
  );
}

interface Lab {
  sims: Record<string, KubeSim>;
  kubeconfig: string;
  prometheus: string;
  prometheusRequests: { auth: string; refused: boolean }[];
  receiver: Receiver;
  /** Fails every request, quoting its path and credentials back, as careless services do. */
  echo: Receiver;
  gh: FakeGitHub;
  git: GitFixture;
  env: Record<string, string>;
  close(): Promise<void>;
}

let lab: Lab;
const runs: { mode: string; result: RunResult }[] = [];
/** The runs whose own assertions held; the last test records them once it found no leak. */
const proven = new Set<string>();

const ALL =
  'kubeconfig token, client key, password, server-URL password; GitHub token; Prometheus URL userinfo and API key header; flag and smoke-check headers; Slack and webhook URLs and header';
/** What each run tried and what it did, for docs/reliability.md. */
const TRIALS: Record<string, { modes: string[]; fault: string; outcome: string }> = {
  validate: {
    modes: ['validate'],
    fault: `recognisable secrets in every credential (${ALL})`,
    outcome:
      'valid; the Prometheus URL shown as `http://***@…`; each secret masked before the first line',
  },
  capture: {
    modes: ['capture'],
    fault: 'recognisable kubeconfig credentials, Prometheus URL userinfo and API key',
    outcome:
      'snapshot written; kubeconfig credentials masked before the first line naming a region; none in the snapshot or report',
  },
  guard: {
    modes: ['guard'],
    fault: `a bad release, with every credential in use (${ALL})`,
    outcome:
      'flag off, rolled back in 2 regions, verified, incident filed, Slack and webhook told; no secret in log, summary, outputs, report, incident, notifications or cluster objects',
  },
  'mark-good': {
    modes: ['mark-good'],
    fault: 'recognisable kubeconfig credentials and GitHub token',
    outcome: 'ledger entry written; no secret in it or in the log',
  },
  rollback: {
    modes: ['rollback'],
    fault: 'manual rollback to the last good release, with every credential in use',
    outcome:
      'rolled back and verified; no secret in log, report, notifications or Deployment annotations',
  },
  verify: {
    modes: ['verify'],
    fault: 'smoke check with a secret header, kubeconfig credentials',
    outcome: 'verified; header masked before the check ran, shown nowhere',
  },
  rehearse: {
    modes: ['rehearse'],
    fault: 'a drill with every credential in use',
    outcome: 'back and forward again, rehearsal issue filed; no secret in it or in the log',
  },
  backtest: {
    modes: ['backtest'],
    fault: 'Prometheus read with a bearer token and an API key from env',
    outcome: 'replayed; both masked at start, shown nowhere',
  },
  'guard (git revert)': {
    modes: ['guard'],
    fault: 'git revert as a pull request; Prometheus basic auth from env',
    outcome:
      'revert pull request opened; GitHub token in no commit, ref, pull request or .git/config; basic auth masked with its base64',
  },
  'capture (echoing Prometheus)': {
    modes: ['capture'],
    fault: "Prometheus rejects a query quoting the request's Authorization and API key",
    outcome: 'stopped before acting: one line naming the trigger, credentials shown as `***`',
  },
  'guard (echoing services)': {
    modes: ['guard'],
    fault: 'flag service, smoke check, Slack and webhook fail quoting the URL and headers they got',
    outcome:
      'escalated from the flag to the cluster, rolled back, reported not verified; every quoted secret shown as `***`',
  },
};

/** A Prometheus that refuses a request without the API key or a known credential. */
async function prometheus(
  sims: Record<string, KubeSim>,
  seen: Lab['prometheusRequests'],
): Promise<{ url: string; close(): Promise<void> }> {
  const accepted: Record<string, string> = {
    [`Basic ${b64(`${PROM_USER}:${S.promUrlPassword}`)}`]: 'url userinfo',
    [`Bearer ${S.promBearer}`]: 'bearer token',
    [`Basic ${b64(`${PROM_BASIC_USER}:${S.promBasicPassword}`)}`]: 'basic auth',
  };
  const server = createServer((req: IncomingMessage, res) => {
    const auth = accepted[req.headers.authorization ?? ''];
    const refused = !auth || req.headers['x-api-key'] !== S.promApiKey;
    seen.push({ auth: auth ?? String(req.headers.authorization), refused });
    if (refused) {
      res.writeHead(401, { 'Content-Type': 'text/plain' }).end('Unauthorized');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://prometheus');
    const query = url.searchParams.get('query') ?? '';
    if (query.includes('rejected')) {
      // A query Prometheus rejects, quoting the request's credentials in its error.
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          status: 'error',
          errorType: 'bad_data',
          error: `refused for ${String(req.headers.authorization)} key ${String(req.headers['x-api-key'])}`,
        }),
      );
      return;
    }
    if (query.includes('echo')) {
      // Prometheus behind a proxy that quotes the credentials of a query it refuses.
      res
        .writeHead(503, { 'Content-Type': 'text/plain' })
        .end(
          `upstream refused ${String(req.headers.authorization)} key ${String(req.headers['x-api-key'])}`,
        );
      return;
    }
    // The git-revert guard's query always fails; `sum(errors)` fails while 1.1 runs.
    const value = query.includes('git_errors')
      ? 1
      : imageOf(sims['eu-west']?.get('Deployment', 'shop', 'api')) === 'shop/api:1.1'
        ? 1
        : 0;
    const now = Date.now() / 1000;
    const body = url.pathname.endsWith('/query_range')
      ? {
          status: 'success',
          data: {
            resultType: 'matrix',
            result: [{ metric: {}, values: range(url).map((t) => [t, String(value)]) }],
          },
        }
      : {
          status: 'success',
          data: { resultType: 'vector', result: [{ metric: {}, value: [now, String(value)] }] },
        };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  const base = await listenOnLoopback(server);
  return {
    url: base.replace('http://', `http://${PROM_USER}:${encodeURIComponent(S.promUrlPassword)}@`),
    close: () => closeServer(server),
  };
}

/** The sample times of a range query, at most 500 of them. */
function range(url: URL): number[] {
  const start = Number(url.searchParams.get('start'));
  const end = Number(url.searchParams.get('end'));
  const step = Math.max(Number.parseFloat(url.searchParams.get('step') ?? '15') || 15, 1);
  const times: number[] = [];
  for (let t = start; t <= end && times.length < 500; t += step) times.push(t);
  return times.length > 0 ? times : [Date.now() / 1000];
}

function kubeconfig(sims: Record<string, KubeSim>): string {
  const eu = sims['eu-west']?.url ?? '';
  const us = (sims['us-east']?.url ?? '').replace(
    'http://',
    `http://kubeadmin:${S.kubeUrlPassword}@`,
  );
  return `apiVersion: v1
kind: Config
clusters:
- name: eu-west
  cluster: {server: '${eu}', insecure-skip-tls-verify: true}
- name: us-east
  cluster: {server: '${us}', insecure-skip-tls-verify: true}
users:
- name: eu-west
  user: {token: ${S.kubeToken}, client-certificate-data: ${CERT_DATA}, client-key-data: ${KEY_DATA}}
- name: us-east
  user: {username: kubeadmin, password: ${S.kubePassword}}
contexts:
- name: eu-west
  context: {cluster: eu-west, user: eu-west, namespace: shop}
- name: us-east
  context: {cluster: us-east, user: us-east, namespace: shop}
current-context: eu-west
`;
}

async function release(tag: string): Promise<void> {
  for (const sim of Object.values(lab.sims)) {
    sim.apply(deployment('api', `shop/api:${tag}`, { namespace: 'shop' }));
    await sim.waitFor(
      'Deployment',
      'shop',
      'api',
      (o) => settled(o) && imageOf(o) === `shop/api:${tag}`,
    );
  }
}

const images = (): string[] =>
  Object.values(lab.sims).map((sim) => imageOf(sim.get('Deployment', 'shop', 'api')));

/** The policy of the Kubernetes modes: every secret-bearing setting, from the environment. */
function policy(
  metrics = '    headers-env: {X-Api-Key: PROM_API_KEY}\n',
  r = lab.receiver.url,
  triggers = '',
): string {
  return `targets: [deployment/api]
namespace: shop
triggers:
  - {name: errors, query: 'sum(errors)', above: 0.5, consecutive: 1, severity: P1}
${triggers}watch: {window: 3s, interval: 1s}
rollback: {timeout: 20s}
metrics:
  prometheus:
${metrics}flags:
  - name: checkout-v2
    request:
      method: PATCH
      url: '${r}/flags/checkout-v2'
      headers-env: {Authorization: FLAG_TOKEN}
      body: {enabled: false}
    verify-window: 1s
verify:
  window: 2s
  checks:
    - {name: healthz, http: {url: '${r}/healthz', headers-env: {X-Smoke-Key: SMOKE_KEY}, retries: 1, backoff: 100ms}}
notify:
  slack: {webhook-url-env: SLACK_WEBHOOK_URL}
  webhooks:
    - {name: audit, url-env: AUDIT_URL, headers-env: {Authorization: HOOK_TOKEN}}
rehearsal: {issue: true}
`;
}

beforeAll(async () => {
  const closers: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    for (const each of closers.reverse()) await each().catch(() => undefined);
  };
  try {
    const sims: Record<string, KubeSim> = {};
    for (const region of ['eu-west', 'us-east']) {
      const sim = await startKubeSim({ podReadyDelayMs: 10, namespaces: ['shop'] });
      closers.push(() => sim.close());
      sims[region] = sim;
    }
    const prometheusRequests: Lab['prometheusRequests'] = [];
    const prom = await prometheus(sims, prometheusRequests);
    closers.push(() => prom.close());
    const receiver = await startReceiver();
    closers.push(() => receiver.close());
    const echo = await startReceiver((where, _n, request) => ({
      status: where === '/healthz' ? 503 : 500,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        error: `refused ${request.path} from ${String(request.headers.authorization)}`,
        headers: request.headers,
      }),
    }));
    closers.push(() => echo.close());
    const steps = HISTORY.slice(0, HISTORY.findIndex((s) => s.name === 'merge-discounts') + 1);
    const git = await createGitFixture(steps);
    closers.push(() => git.cleanup());
    const gh = await new FakeGitHub('acme/shop', S.githubToken, git.origin).start();
    closers.push(() => gh.close());
    lab = {
      sims,
      kubeconfig: kubeconfig(sims),
      prometheus: prom.url,
      prometheusRequests,
      receiver,
      echo,
      gh,
      git,
      env: {
        PROM_API_KEY: S.promApiKey,
        PROM_TOKEN: S.promBearer,
        PROM_USER: PROM_BASIC_USER,
        PROM_PASSWORD: S.promBasicPassword,
        FLAG_TOKEN: `Bearer ${S.flagToken}`,
        SMOKE_KEY: S.smokeKey,
        SLACK_WEBHOOK_URL: `${receiver.url}${S.slackPath}`,
        AUDIT_URL: `${receiver.url}/audit?sig=${S.hookSig}`,
        HOOK_TOKEN: `Bearer ${S.hookToken}`,
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}, 60_000);

afterAll(async () => {
  await (lab as Lab | undefined)?.close();
});

/** Runs one mode as a step of `job` with every secret in its inputs and environment. */
async function step(
  job: Job,
  mode: string,
  inputs: Record<string, string> = {},
  files: Record<string, string> = { '.github/rollback-policy.yml': policy() },
  env: Record<string, string> = {},
): Promise<RunResult> {
  const result = await job.run({
    inputs: {
      // `guard (echoing services)`: a label for the record, and its mode.
      mode: mode.split(' ')[0] ?? mode,
      kubeconfig: lab.kubeconfig,
      contexts: 'eu-west, us-east',
      'prometheus-url': lab.prometheus,
      ...inputs,
    },
    env: { ...lab.env, ACTIONS_STEP_DEBUG: 'true', ...env },
    files,
    token: S.githubToken,
    apiUrl: lab.gh.url,
    repository: 'acme/shop',
    timeoutMs: 90_000,
  });
  runs.push({ mode, result });
  return result;
}

/**
 * The step showed none of the secrets, and each one it used was masked before the first line
 * about what it protects (`anchors`: the secret's name, and a pattern of that first line).
 */
function expectMasked(result: RunResult, used: Record<string, RegExp>): void {
  expect(leaks(shownText(result))).toEqual([]);
  const lines = result.stdout.split('\n');
  // An add-mask line is escaped as every workflow command is (%, CR, LF).
  const unescaped = lines.map((line) =>
    line.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'),
  );
  for (const [name, anchor] of Object.entries(used)) {
    const secret = name === 'kubeKeyData' ? KEY_DATA : S[name as keyof typeof S];
    const masked = unescaped.indexOf(`::add-mask::${secret}`);
    const first = lines.findIndex((line) => !line.startsWith('::add-mask::') && anchor.test(line));
    expect({ name, masked: masked >= 0, before: first === -1 || masked < first }).toEqual({
      name,
      masked: true,
      before: true,
    });
  }
}

/** Kube credentials: masked before the first line that names a region or a workload. */
const KUBE = /eu-west|us-east|deployment\/api/;
const KUBE_SECRETS = {
  kubeToken: KUBE,
  kubeKeyData: KUBE,
  kubePassword: KUBE,
  kubeUrlPassword: KUBE,
};
/** Read when the step starts: masked before its first line of any kind. */
const ANY = /./;

const failures = (result: RunResult): string[] =>
  result.annotations.filter((a) => a.level === 'error').map((a) => a.message);

describe('secrets through every mode', () => {
  let job: Job;
  beforeAll(async () => {
    job = await Job.create();
  });
  afterAll(async () => {
    await (job as Job | undefined)?.dispose();
  });

  test('validate', async () => {
    const result = await step(job, 'validate');
    expect({ exit: result.exitCode, errors: failures(result) }).toEqual({ exit: 0, errors: [] });
    expect(result.stdout).toMatch(/prometheus-url +http:\/\/\*\*\*@127\.0\.0\.1:\d+\/ /);
    expectMasked(result, { githubToken: ANY, promUrlPassword: ANY, promApiKey: ANY });
    proven.add('validate');
  });

  test('capture, then guard of a bad release: flag off, rolled back, verified, incident, notified', async () => {
    await release('1.0');
    const captured = await step(job, 'capture');
    expect(captured.exitCode).toBe(0);
    expectMasked(captured, { githubToken: ANY, promUrlPassword: ANY, ...KUBE_SECRETS });
    proven.add('capture');

    await release('1.1');
    const result = await step(job, 'guard');
    expect(result.outputs).toMatchObject({ verdict: 'rolled-back', 'rolled-back': 'true' });
    expect(images()).toEqual(['shop/api:1.0', 'shop/api:1.0']);
    expect(result.outputs['incident-url']).toMatch(/\/issues\/\d+$/);
    // Each credential reached its service (so each was really used), and the step shows none.
    const r = lab.receiver;
    expect(r.to('/flags/checkout-v2')[0]?.headers.authorization).toBe(`Bearer ${S.flagToken}`);
    expect(r.to('/healthz').at(-1)?.headers['x-smoke-key']).toBe(S.smokeKey);
    expect(r.to(S.slackPath).length).toBeGreaterThan(0);
    expect(r.to('/audit').at(-1)?.headers.authorization).toBe(`Bearer ${S.hookToken}`);
    expectMasked(result, {
      githubToken: ANY,
      promUrlPassword: ANY,
      promApiKey: ANY,
      slackPath: ANY,
      hookSig: ANY,
      hookToken: ANY,
      flagToken: /flag 'checkout-v2'/,
      smokeKey: /smoke 'healthz'/,
      ...KUBE_SECRETS,
    });
    proven.add('guard');
  });

  test('mark-good, then a manual rollback to the last good release', async () => {
    const good = await step(job, 'mark-good');
    expect(good.exitCode).toBe(0);
    // The ledger records the verified release in each region.
    for (const sim of Object.values(lab.sims))
      expect(
        JSON.stringify(sim.get('ConfigMap', 'shop', 'rollback-action-ledger')?.data ?? {}),
      ).toContain('shop/api:1.0');
    expectMasked(good, { githubToken: ANY, ...KUBE_SECRETS });
    proven.add('mark-good');

    await release('1.2');
    const result = await step(job, 'rollback', {
      'to-revision': 'last-good',
      strategy: 'kubernetes',
      reason: 'checkout errors',
    });
    expect(result.outputs).toMatchObject({ verdict: 'rolled-back', verified: 'true' });
    expect(images()).toEqual(['shop/api:1.0', 'shop/api:1.0']);
    expectMasked(result, {
      githubToken: ANY,
      promUrlPassword: ANY,
      slackPath: ANY,
      hookToken: ANY,
      smokeKey: /smoke 'healthz'/,
      ...KUBE_SECRETS,
    });
    proven.add('rollback');
  });

  test('verify, then a rehearsal', async () => {
    const verified = await step(job, 'verify');
    expect(verified.outputs).toMatchObject({ verified: 'true' });
    expectMasked(verified, { githubToken: ANY, smokeKey: /smoke 'healthz'/, ...KUBE_SECRETS });
    proven.add('verify');

    const result = await step(job, 'rehearse');
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'healthy', verified: 'true' });
    expect(images()).toEqual(['shop/api:1.0', 'shop/api:1.0']);
    expect(lab.gh.issues.some((i) => i.labels.some((l) => l.name === 'rollback-rehearsal'))).toBe(
      true,
    );
    expectMasked(result, { githubToken: ANY, promUrlPassword: ANY, ...KUBE_SECRETS });
    proven.add('rehearse');
  });

  test('backtest, Prometheus read with a bearer token', async () => {
    const hour = Date.now() - 3_600_000;
    const result = await step(
      job,
      'backtest',
      {
        'deploy-times': [hour, hour + 1_200_000].map((t) => new Date(t).toISOString()).join('\n'),
      },
      {
        '.github/rollback-policy.yml': policy(
          '    headers-env: {X-Api-Key: PROM_API_KEY}\n    bearer-token-env: PROM_TOKEN\n',
        ),
      },
    );
    expect({ exit: result.exitCode, errors: failures(result) }).toEqual({ exit: 0, errors: [] });
    expect(lab.prometheusRequests.some((q) => q.auth === 'bearer token')).toBe(true);
    expectMasked(result, { promBearer: ANY, promApiKey: ANY });
    proven.add('backtest');
  });
});

test('a git revert (pull request), Prometheus read with basic auth from the environment', async () => {
  const f = lab.git;
  const result = await runAction({
    workspace: f.workspace,
    inputs: { 'prometheus-url': lab.prometheus },
    env: { ...lab.env, ACTIONS_STEP_DEBUG: 'true' },
    files: {
      '.github/rollback-policy.yml': `triggers:
  - {name: errors, query: 'sum(git_errors)', above: 0.5, consecutive: 1, severity: P1}
watch: {window: 3s, interval: 1s}
metrics:
  prometheus:
    headers-env: {X-Api-Key: PROM_API_KEY}
    basic-auth: {username-env: PROM_USER, password-env: PROM_PASSWORD}
notify:
  slack: {webhook-url-env: SLACK_WEBHOOK_URL}
`,
    },
    eventName: 'push',
    event: { before: f.shas['release-1.1'], after: f.shas['merge-discounts'] },
    sha: f.shas['merge-discounts'],
    token: S.githubToken,
    apiUrl: lab.gh.url,
    repository: 'acme/shop',
    timeoutMs: 60_000,
  });
  runs.push({ mode: 'guard (git revert)', result });
  expect(result.outputs).toMatchObject({
    verdict: 'rollback-recommended',
    strategy: 'git-revert',
  });
  expect(lab.gh.issues.some((i) => i.pull_request)).toBe(true);
  expect(lab.prometheusRequests.some((q) => q.auth === 'basic auth')).toBe(true);
  expectMasked(result, {
    githubToken: ANY,
    promBasicPassword: ANY,
    promApiKey: ANY,
    slackPath: ANY,
  });
  proven.add('guard (git revert)');
});

test('services that quote the credentials back in their errors: guard of a bad release', async () => {
  const job = await Job.create();
  try {
    const captured = await step(
      job,
      'capture (echoing Prometheus)',
      // The guard's incident is open: deploys are frozen until someone says otherwise.
      { 'override-freeze': 'true' },
      {
        '.github/rollback-policy.yml': policy(
          undefined,
          undefined,
          "  - {name: rejected, query: 'sum(rejected)', above: 0.5}\n",
        ),
      },
    );
    // A user's error (the query), in one line that names it, with the credentials scrubbed.
    expect(captured.exitCode).toBe(1);
    expect(failures(captured)).toEqual([
      "rollback-action: preflight: trigger 'rejected': bad_data: refused for Basic *** key *** (query: sum(rejected))",
    ]);
    proven.add('capture (echoing Prometheus)');

    await release('1.1');
    const e = lab.echo.url;
    const result = await step(
      job,
      'guard (echoing services)',
      { 'prometheus-url': lab.prometheus },
      {
        '.github/rollback-policy.yml': policy(
          undefined,
          e,
          "  - {name: echo, query: 'sum(echo)', above: 0.5, severity: P2}\n",
        ),
      },
      { SLACK_WEBHOOK_URL: `${e}${S.slackPath}`, AUDIT_URL: `${e}/audit?sig=${S.hookSig}` },
    );
    // The flag service failed: escalated to the cluster; the smoke check failed: not verified.
    expect(result.outputs).toMatchObject({ 'rolled-back': 'true', verified: 'false' });
    expect(images()).toEqual(['shop/api:1.0', 'shop/api:1.0']);
    // The incident of this target is still open: the run comments on it.
    expect(result.outputs['incident-url']).toMatch(/\/issues\/1#issuecomment-\d+$/);
    const echo = lab.echo;
    expect(echo.to('/flags/checkout-v2').length).toBeGreaterThan(0);
    expect(echo.to('/healthz').length).toBeGreaterThan(0);
    expect(echo.to(S.slackPath).length).toBeGreaterThan(0);
    expect(echo.to('/audit').length).toBeGreaterThan(0);
    expectMasked(result, {
      githubToken: ANY,
      promUrlPassword: ANY,
      promApiKey: ANY,
      slackPath: ANY,
      hookSig: ANY,
      hookToken: ANY,
      flagToken: /flag 'checkout-v2'/,
      smokeKey: /smoke 'healthz'/,
      ...KUBE_SECRETS,
    });
    proven.add('guard (echoing services)');
  } finally {
    await job.dispose();
  }
});

describe('every artefact, after every mode', () => {
  test('no secret in the fake GitHub, git, the clusters, the receivers or any step', async () => {
    expect(runs.map((r) => r.mode)).toEqual([
      'validate',
      'capture',
      'guard',
      'mark-good',
      'rollback',
      'verify',
      'rehearse',
      'backtest',
      'guard (git revert)',
      'capture (echoing Prometheus)',
      'guard (echoing services)',
    ]);
    // Each credential was sent, and accepted, by its server.
    expect(lab.prometheusRequests.filter((q) => q.refused)).toEqual([]);
    expect(new Set(lab.prometheusRequests.map((q) => q.auth))).toEqual(
      new Set(['url userinfo', 'bearer token', 'basic auth']),
    );
    // The kubeconfig's credentials reached each region: its token, its password or URL's.
    const sent = (region: string): Set<string | undefined> =>
      new Set(lab.sims[region]?.requests.map((q) => q.authorization));
    expect(sent('eu-west')).toEqual(new Set([`Bearer ${S.kubeToken}`]));
    expect(sent('us-east')).toEqual(new Set([`Basic ${b64(`kubeadmin:${S.kubePassword}`)}`]));
    const gh = lab.gh;
    gh.assertClean();
    // GitHub: every request but its Authorization header (which carries the token on purpose).
    const calls = gh.calls.map(({ authorization: _auth, ...call }) => call);
    const github = JSON.stringify({
      calls,
      issues: gh.issues,
      refs: [...gh.refs],
      commits: [...gh.commits],
    });
    expect(github).toContain('rollback');
    expect(leaks(github)).toEqual([]);

    const f = lab.git;
    const log = await f.git(['log', '--all', '--format=%H %an <%ae>%n%B']);
    expect(log).toMatch(/Revert/);
    const refs = await f.git(['for-each-ref', '--format=%(refname)']);
    const config = await readFile(path.join(f.workspace, '.git', 'config'), 'utf8');
    expect(leaks(`${log}\n${refs}\n${config}`)).toEqual([]);

    const stored = Object.values(lab.sims).flatMap((sim) =>
      RESOURCES.flatMap((def) => sim.list(def.kind)),
    );
    const kube = JSON.stringify(stored);
    expect(kube).toContain('rollback');
    expect(leaks(kube)).toEqual([]);

    // Receivers get the notification bodies (their headers and URLs are the credentials).
    const bodies = [...lab.receiver.requests, ...lab.echo.requests].map((q) => q.text).join('\n');
    expect(bodies).toContain('ROLLBACK');
    expect(leaks(bodies)).toEqual([]);

    for (const { mode, result } of runs) {
      expect({ mode, leaks: leaks(`${shownText(result)}\n${result.debug.join('\n')}`) }).toEqual({
        mode,
        leaks: [],
      });
    }

    expect([...proven].sort()).toEqual(Object.keys(TRIALS).sort());
    for (const trial of Object.values(TRIALS))
      record.add({ area: 'secrets', runs: 1, lost: 'nothing', ...trial });
  });
});
