/** Semantic checks of what a rollback runs: flags, steps, git.branch, migrations, trigger scope. */
import { execFileSync } from 'node:child_process';
import { UserErrors } from '../../src/errors.js';
import { branchNameProblem, parsePolicy } from '../../src/policy/validate.js';

const FILE = '.github/rollback-policy.yml';

function errorsOf(text: string): string[] {
  try {
    parsePolicy(text, FILE);
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  throw new Error('expected parsePolicy to throw');
}

const GOOD = `targets: [deployment/api, payments/statefulset/db]
namespace: shop
contexts: [eu-west, us-east]
strategy: feature-flag
triggers:
  - name: errors
    query: sum(rate(http_requests_total{code=~"5.."}[1m]))
    above: 5
    context: eu-west
    targets: [deploy/api, shop/deployment/api, payments/sts/db]
flags:
  - name: checkout-v2
    request:
      url: https://flags.example.com/api/flags/checkout-v2
      headers: { X-Team: shop }
      headers-env: { Authorization: FLAGS_TOKEN }
      body: { on: false }
    timeout: 10s
    verify-window: 2m
  - name: search
    command: [flagctl, off, search]
steps:
  - name: helm
    run: [helm, rollback, shop]
    env: { HELM_NAMESPACE: shop }
    check: { run: [sh, -c, 'helm status shop | grep -q deployed'], timeout: 1m }
git: { branch: release/2026.11 }
migrations: { paths: ['db/**/*.sql', '!db/seeds/*.sql'], replace-defaults: true, down-command: [make, down] }
`;

describe('policy: flags, steps, git, migrations, trigger scope', () => {
  test('a policy using all of them is accepted without warnings', () => {
    const { policy, warnings } = parsePolicy(GOOD, FILE);
    expect(warnings).toEqual([]);
    expect(policy.flags?.map((f) => f.name)).toEqual(['checkout-v2', 'search']);
  });

  test.each([
    [
      'a flag with neither request nor command',
      'flags:\n  - name: a\n',
      `${FILE}:2:5: flags[0]: flag 'a' has neither 'request' nor 'command': give the HTTP request or the command that turns it off`,
    ],
    [
      'a flag with both',
      'flags:\n  - {name: a, command: [x], request: {url: "https://f.example"}}\n',
      `${FILE}:2:5: flags[0]: flag 'a' has both 'request' and 'command'; keep one`,
    ],
    [
      'duplicate flag names',
      'flags:\n  - {name: a, command: [x]}\n  - {name: a, command: [y]}\n',
      `${FILE}:3:12: flags[1].name: duplicate flag name 'a'`,
    ],
    [
      'credentials in a flag URL',
      'flags:\n  - name: a\n    request: {url: "https://ops:hunter2@f.example/x"}\n',
      `${FILE}:3:20: flags[0].request.url: 'https://***@f.example/x' carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through headers-env (from the step's secrets)`,
    ],
    [
      'a literal Authorization header',
      'flags:\n  - name: a\n    request:\n      url: https://f.example/x\n      headers: {Authorization: Bearer abc}\n',
      `${FILE}:5:32: flags[0].request.headers.Authorization: the Authorization header holds a credential, and the policy file is committed with the repository; give it through headers-env (Authorization: SOME_SECRET, set from the step's secrets)`,
    ],
    [
      'a GET with a body',
      'flags:\n  - name: a\n    request: {method: GET, url: "https://f.example/x", body: off}\n',
      `${FILE}:3:62: flags[0].request.body: a GET request cannot carry a body (fetch refuses it); use POST, PUT or PATCH`,
    ],
    [
      'a verify-window below a second',
      'flags:\n  - {name: a, command: [x], verify-window: 10ms}\n',
      `${FILE}:2:44: flags[0].verify-window: '10ms' must be at least 1s`,
    ],
    [
      'a flag timeout past 10 minutes',
      'flags:\n  - {name: a, command: [x], timeout: 1h}\n',
      `${FILE}:2:38: flags[0].timeout: '1h' must be at most 10m (a flag is the fast rollback; a slower switch belongs in steps)`,
    ],
    [
      'a step written as one shell string',
      'steps:\n  - name: helm\n    run: ["helm rollback shop"]\n',
      `${FILE}:3:11: steps[0].run[0]: 'helm rollback shop' looks like a shell command line, but commands run without a shell: write its words as a list, ["helm", "rollback", "shop"]`,
    ],
    [
      'a check written as a pipeline',
      'steps:\n  - name: s\n    run: [x]\n    check: {run: ["curl -s x | grep ok"]}\n',
      `${FILE}:4:19: steps[0].check.run[0]: 'curl -s x | grep ok' looks like a shell command line, but commands run without a shell: write it as a script for sh, ["sh", "-c", "curl -s x | grep ok"]`,
    ],
    [
      'duplicate step names',
      'steps:\n  - {name: s, run: [x]}\n  - {name: s, run: [y]}\n',
      `${FILE}:3:12: steps[1].name: duplicate step name 's'`,
    ],
    [
      'a step setting a fact',
      'steps:\n  - {name: s, run: [x], env: {ROLLBACK_PREVIOUS_SHA: abc}}\n',
      `${FILE}:2:54: steps[0].env.ROLLBACK_PREVIOUS_SHA: ROLLBACK_PREVIOUS_SHA is set by the action from what it found, and overrides this value; remove it`,
    ],
    [
      'a down-command as one string',
      'migrations: {down-command: ["make down"]}\n',
      `${FILE}:1:29: migrations.down-command[0]: 'make down' looks like a shell command line, but commands run without a shell: write its words as a list, ["make", "down"]`,
    ],
    [
      'a branch with a space',
      'git: {branch: "release 1"}\n',
      `${FILE}:1:15: git.branch: 'release 1' is not a branch name git accepts: it contains a space`,
    ],
    [
      'an absolute migration path',
      'migrations: {paths: [/db/migrate/*.rb]}\n',
      `${FILE}:1:22: migrations.paths[0]: '/db/migrate/*.rb' is absolute; migration paths are matched relative to the repository root, like 'db/migrate/*.rb'`,
    ],
    [
      'a glob that does not compile',
      "migrations: {paths: ['db/{a,b/*.sql']}\n",
      expect.stringMatching(
        /^\.github\/rollback-policy\.yml:1:22: migrations\.paths\[0\]: 'db\/\{a,b\/\*\.sql' is not a glob this action can read \(.+\); use \*\* \* \? \[abc\] \{a,b\}$/,
      ),
    ],
    [
      'replace-defaults without paths',
      'migrations: {replace-defaults: true}\n',
      `${FILE}:1:32: migrations.replace-defaults: true without 'paths' leaves no migration globs, so no migration would ever be seen; list them under paths, or remove replace-defaults`,
    ],
    [
      'a trigger context the policy does not list',
      'contexts: [eu-west, us-east]\ntriggers:\n  - {name: t, query: up, above: 1, context: eu-wset}\n',
      `${FILE}:3:45: triggers[0].context: 'eu-wset' is not one of the policy's contexts (eu-west, us-east) (did you mean 'eu-west'?)`,
    ],
    [
      'a trigger target that does not parse',
      'triggers:\n  - {name: t, query: up, above: 1, targets: [pod/api]}\n',
      `${FILE}:2:46: triggers[0].targets[0]: 'pod/api': unknown kind 'pod'; expected one of deployment, statefulset, daemonset`,
    ],
    [
      'a trigger target the policy does not guard',
      'targets: [deployment/api]\ntriggers:\n  - {name: t, query: up, above: 1, targets: [deployment/apj]}\n',
      `${FILE}:3:46: triggers[0].targets[0]: 'deployment/apj' is not one of the policy's targets (deployment/api) (did you mean 'deployment/api'?)`,
    ],
    [
      'a trigger target in another namespace',
      'targets: [deployment/api]\nnamespace: shop\ntriggers:\n  - {name: t, query: up, above: 1, targets: [web/deployment/api]}\n',
      `${FILE}:4:46: triggers[0].targets[0]: 'web/deployment/api' is not one of the policy's targets (deployment/api) (did you mean 'deployment/api'?)`,
    ],
    [
      'strategy feature-flag without flags',
      'strategy: feature-flag\n',
      `${FILE}:1:11: strategy: 'feature-flag' needs 'flags': the flags to turn off`,
    ],
    [
      'strategy command with an empty steps list',
      'strategy: command\nsteps: []\n',
      `${FILE}:1:11: strategy: 'command' needs 'steps': the commands to run`,
    ],
  ])('%s', (_name, text, message) => {
    expect(errorsOf(text)).toEqual([message]);
  });

  test('every problem is reported at once, in source order', () => {
    const text = [
      'strategy: command',
      'flags:',
      '  - {name: a}',
      '  - {name: a, command: ["flagctl off a"]}',
      'git: {branch: -main}',
      'migrations: {replace-defaults: true}',
      '',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      `${FILE}:1:11: strategy: 'command' needs 'steps': the commands to run`,
      `${FILE}:3:5: flags[0]: flag 'a' has neither 'request' nor 'command': give the HTTP request or the command that turns it off`,
      `${FILE}:4:12: flags[1].name: duplicate flag name 'a'`,
      `${FILE}:4:25: flags[1].command[0]: 'flagctl off a' looks like a shell command line, but commands run without a shell: write its words as a list, ["flagctl", "off", "a"]`,
      `${FILE}:5:15: git.branch: '-main' is not a branch name git accepts: it starts with '-'`,
      `${FILE}:6:32: migrations.replace-defaults: true without 'paths' leaves no migration globs, so no migration would ever be seen; list them under paths, or remove replace-defaults`,
    ]);
  });

  test.each([
    [
      'sh -c is allowed as it is',
      'steps:\n  - {name: s, run: [sh, -c, \'echo "$ROLLBACK_REASON"\']}\n',
    ],
    ['a one-word command', 'steps:\n  - {name: s, run: [./rollback.sh]}\n'],
    [
      'a scoped trigger when the policy lists no contexts or targets',
      'triggers:\n  - {name: t, query: up, above: 1, context: anywhere, targets: [deployment/x]}\n',
    ],
    ['a negated migration glob', "migrations: {paths: ['db/*.sql', '!db/seed.sql']}\n"],
  ])('accepted: %s', (_name, text) => {
    expect(parsePolicy(text, FILE).policy).toBeDefined();
  });
});

describe('branchNameProblem agrees with git check-ref-format', () => {
  const names = [
    'main',
    'release/2026.11',
    'feature/x-y_z',
    'ünïcode',
    'a b',
    'a..b',
    'a~1',
    'a^',
    'a:b',
    'a?',
    'a*',
    'a[b',
    'a\\b',
    '/main',
    'main/',
    'a//b',
    'main.lock',
    'a/b.lock/c',
    '.hidden',
    'a/.b',
    'a.',
    'a@{b',
    'tab\there',
  ];
  test.each(names)('%j', (name) => {
    let gitAccepts = true;
    try {
      execFileSync('git', ['check-ref-format', `refs/heads/${name}`], { stdio: 'ignore' });
    } catch {
      gitAccepts = false;
    }
    expect(branchNameProblem(name) === undefined).toBe(gitAccepts);
  });

  // git takes these as a ref, but as a branch for `git push` they read as an option and as HEAD.
  test.each([
    ['-main', "it starts with '-'"],
    ['@', "'@' alone is not a name"],
  ])('stricter than git for %j', (name, why) => {
    expect(branchNameProblem(name)).toBe(why);
  });
});
