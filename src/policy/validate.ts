import type { ErrorObject } from 'ajv';
import { YAMLException, loadAll } from 'js-yaml';
import schema from '../../schema/rollback-policy.schema.json' with { type: 'json' };
import validateSchema from './schema-validator.js';
import { DURATION_HINT, checkDuration, parseDuration, type DurationKind } from '../duration.js';
import { UserError, UserErrors, quote, type SourceLocation, messageOf } from '../errors.js';
import { parseSelector } from '../metrics/exposition.js';
import { parseMatchers } from '../metrics/alertmanager.js';
import { aggregatesAlerts, isAlertExpression, promqlProblem } from '../metrics/promql-syntax.js';
import { parseQuery } from '../metrics/scrape.js';
import { jsonPathProblem } from '../metrics/http-json.js';
import { withLabels } from './presets.js';
import { eventCountOf, histogramQuantileOf } from '../metrics/promql.js';
import { didYouMean } from '../suggest.js';
import { parseTarget, type Target } from '../targets.js';
import { globToRegExp } from '../decide/migrations.js';
import { isFactName } from '../rollback/command.js';
import { hasCredentials, redactUrl, urlSecrets } from '../url.js';
import { locateNodes, type NodePosition } from './locate.js';
import { TIMESTAMP_HINT, parseTimestamp } from '../time.js';
import type { Policy, ProviderName, SmokeHttpSpec, TriggerSpec } from './types.js';
import { isSlaLevel } from '../verify/sla.js';
import { inflect } from '../text.js';

export { schema as policySchema };

/** Top-level keys of the design that later releases bring, and what they are for. */
const PLANNED_KEYS: Record<string, string> = {
  gitops: 'git revert for GitOps-managed workloads',
};

/**
 * Keys that would hold a secret in the committed file, by the mapping they appear in: the
 * policy names the environment variable instead. The value is never repeated in the error.
 */
const SECRET_KEYS: Record<string, Record<string, string>> = {
  '/notify/slack': { 'webhook-url': 'webhook-url-env', url: 'webhook-url-env' },
  '/notify/pagerduty': {
    'routing-key': 'routing-key-env',
    'integration-key': 'routing-key-env',
    'service-key': 'routing-key-env',
  },
};

/** Top-level keys people reach for that the policy spells another way. */
const RENAMED_KEYS: Record<string, string> = { verification: 'verify' };

/**
 * Parses and validates a policy file's text. Throws UserErrors with one line per problem,
 * each `file:line:column: where: what`, so a person (or an editor) goes straight to it.
 */
export function parsePolicy(text: string, file: string): ParsedPolicy {
  let documents: unknown[];
  try {
    documents = loadAll(text, { filename: file, maxAliases: 100 });
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = error.mark;
      const location = mark ? { file, line: mark.line + 1, column: mark.column + 1 } : undefined;
      throw new UserErrors([lineError(location, file, `invalid YAML: ${error.reason}`)]);
    }
    throw error;
  }
  const positions = locateNodes(text);
  const at = (pointer: string, preferKey = false): SourceLocation => {
    const position: NodePosition = positions.get(pointer) ?? { line: 1, column: 1 };
    const line = preferKey ? (position.keyLine ?? position.line) : position.line;
    const column = preferKey ? (position.keyColumn ?? position.column) : position.column;
    return { file, line, column };
  };
  if (documents.length > 1) {
    throw new UserErrors([
      lineError(undefined, file, 'the policy must be a single YAML document, found several'),
    ]);
  }
  const document = documents[0];
  // An empty file, or one holding only comments, is an empty policy.
  if (document === undefined || document === null) return { policy: {}, warnings: [] };
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new UserErrors([
      lineError(at(''), file, 'the policy must be a mapping of keys to values'),
    ]);
  }

  // Aliases make a document a graph: one that contains itself, or expands to millions of
  // values from a few lines, is refused before anything walks it.
  const shape = aliasProblem(document);
  if (shape) throw new UserErrors([lineError(undefined, file, shape)]);
  // Ajv's code for the schema, generated at build time (scripts/policy-validator.ts).
  if (!validateSchema(document)) {
    const errors = dedupe(withinLimits(validateSchema.errors ?? [])).map((e) =>
      schemaError(e, at, file),
    );
    throw new UserErrors(inSourceOrder(errors));
  }
  const policy = document as Policy;
  const found = checkMeaning(policy);
  const semantic = found
    .filter((p) => p.level !== 'warning')
    .map(({ pointer, message }) =>
      lineError(at(pointer), file, `${describePointer(pointer)}: ${message}`),
    );
  if (semantic.length > 0) throw new UserErrors(inSourceOrder(semantic));
  const warnings = found
    .filter((p) => p.level === 'warning')
    .map(({ pointer, message }) =>
      lineError(at(pointer), file, `${describePointer(pointer)}: ${message}`),
    );
  return { policy, warnings: inSourceOrder(warnings) };
}

/** Values a policy may expand to: a real one has a few hundred. */
const MAX_VALUES = 100_000;

/** Why a loaded document cannot be a policy (or `what`) because of its aliases, if it cannot. */
export function aliasProblem(document: unknown, what = 'the policy'): string | undefined {
  let values = 0;
  const inside = new Set<unknown>();
  const walk = (node: unknown): string | undefined => {
    if (++values > MAX_VALUES)
      return `${what} expands to more than ${MAX_VALUES.toLocaleString('en')} values (YAML aliases repeating each other?); write it out`;
    if (typeof node !== 'object' || node === null) return undefined;
    if (inside.has(node)) return 'a YAML alias refers to a node that contains it (a loop)';
    inside.add(node);
    for (const child of Object.values(node)) {
      const problem = walk(child);
      if (problem) return problem;
    }
    inside.delete(node);
    return undefined;
  };
  return walk(document);
}

/** A policy and what is worth knowing about it that does not stop it (each with its place). */
export interface ParsedPolicy {
  policy: Policy;
  warnings: UserError[];
}

/**
 * A list over its size limit is one problem, not one per item: 100,000 triggers are reported
 * as too many, not as 100,000 triggers without a condition.
 */
function withinLimits(errors: ErrorObject[]): ErrorObject[] {
  const tooLong = errors.filter((e) => e.keyword === 'maxItems').map((e) => `${e.instancePath}/`);
  if (tooLong.length === 0) return errors;
  return errors.filter(
    (e) => e.keyword === 'maxItems' || !tooLong.some((prefix) => e.instancePath.startsWith(prefix)),
  );
}

function inSourceOrder(errors: UserError[]): UserError[] {
  const key = (e: UserError): number =>
    (e.location?.line ?? 0) * 100_000 + (e.location?.column ?? 0);
  return [...errors].sort((a, b) => key(a) - key(b));
}

function lineError(location: SourceLocation | undefined, file: string, message: string): UserError {
  const where = location ? `${file}:${location.line}:${location.column}` : file;
  return new UserError(`${where}: ${message}`, location ?? { file, line: 1, column: 1 });
}

/**
 * One error per place: anyOf reports every branch that failed, and a bad value under a
 * union is clearer as one sentence than as three.
 */
function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = new Set(
    errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath),
  );
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (anyOfPaths.has(e.instancePath) && e.keyword !== 'anyOf') return false;
    const key =
      e.keyword === 'additionalProperties' || e.keyword === 'required'
        ? `${e.instancePath}|${JSON.stringify(e.params)}`
        : e.instancePath;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function schemaError(
  error: ErrorObject,
  at: (pointer: string, preferKey?: boolean) => SourceLocation,
  file: string,
): UserError {
  const path = error.instancePath;
  const where = describePointer(path);
  const params = error.params as Record<string, unknown>;
  const value = quote(typeof error.data === 'string' ? redactUrl(error.data) : error.data);
  const here = (message: string): UserError => lineError(at(path), file, `${where}: ${message}`);

  // Any failure under the duration definition (wrong type or pattern) has one cure.
  if (error.schemaPath.includes('/duration/'))
    return here(`${value} is not a duration (${DURATION_HINT})`);
  if (error.schemaPath.includes('/envName/'))
    return here(
      looksLikeSecret(error.data)
        ? 'holds what looks like the secret itself (a URL or a credential), not the name of an environment variable: put the value in a secret, set it under env: from the secret, and name the variable here'
        : `${value} is not an environment variable name (letters, digits and _)`,
    );
  if (error.schemaPath.includes('/url/'))
    return here(`${quote(redactUrl(String(error.data)))} is not an http:// or https:// URL`);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const planned = path === '' ? PLANNED_KEYS[key] : undefined;
      const secretKey = SECRET_KEYS[path]?.[key];
      if (secretKey)
        return lineError(
          at(`${path}/${escape(key)}`, true),
          file,
          `${where}: ${quote(key)} would put a secret in the policy file, which is committed with the repository; keep it in a secret, set it under the step's env:, and name the variable in ${quote(secretKey)}`,
        );
      if (planned)
        return lineError(
          at(`${path}/${escape(key)}`, true),
          file,
          `${quote(key)} is not available in this release (${planned}); remove it until then`,
        );
      const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const known = Object.keys(parent?.properties ?? {});
      const inside = path === '' ? 'at the top level' : `in ${where}`;
      const renamed = path === '' ? RENAMED_KEYS[key] : undefined;
      const hint = renamed
        ? ` (did you mean '${renamed}'?)`
        : didYouMean(key, known) || (known.length ? `; known keys: ${known.join(', ')}` : '');
      return lineError(
        at(`${path}/${escape(key)}`, true),
        file,
        `unknown key ${quote(key)} ${inside}${hint}`,
      );
    }
    case 'required':
      return lineError(
        at(path),
        file,
        `${where || 'the policy'}: missing required key ${quote(String(params.missingProperty))}`,
      );
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return here(
        `${value} is not one of ${allowed.join(', ')}${didYouMean(String(error.data), allowed)}`,
      );
    }
    case 'const':
      return here(`must be ${JSON.stringify(params.allowedValue)}, got ${value}`);
    case 'type':
      if (typeof error.data === 'number' && !Number.isFinite(error.data))
        return here(
          `expected ${String(params.type)}, got ${yamlNumber(error.data)}, which is not a finite number`,
        );
      if (error.data === null)
        return here(`expected ${String(params.type)}, got nothing (the key has no value)`);
      return here(`expected ${String(params.type)}, got ${typeName(error.data)} ${value}`);
    case 'minLength':
      if (params.limit === 1) return here('is empty');
      return here(`${value} is shorter than ${String(params.limit)} characters`);
    case 'maxItems':
      return here(
        `${String((error.data as unknown[]).length)} items; at most ${String(params.limit)} are allowed`,
      );
    case 'anyOf': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return here(
        `${value} is not valid${description ? ` (expected ${description.replace(/\.$/, '')})` : ''}`,
      );
    }
    default:
      return here(`${value} ${error.message ?? 'is not valid'}`);
  }
}

interface Problem {
  pointer: string;
  message: string;
  /** A warning is shown and does not stop the run; anything else is an error. */
  level?: 'warning';
}

/** Where each duration of the policy sits, and the rule it follows (see DURATION_LIMITS). */
const DURATION_KEYS: [pointer: string, kind: DurationKind][] = [
  ['/watch/window', 'window'],
  ['/watch/interval', 'interval'],
  ['/watch/baseline-window', 'baseline-window'],
  ['/watch/settle', 'settle'],
  ['/watch/rollout-timeout', 'rollout-timeout'],
  ['/metrics/prometheus/timeout', 'request-timeout'],
  ['/metrics/prometheus/scrape-interval', 'interval'],
  ['/metrics/alertmanager/timeout', 'request-timeout'],
  ['/metrics/scrape/timeout', 'request-timeout'],
  ['/rollback/timeout', 'rollback-timeout'],
  ['/backtest/lookback', 'lookback'],
];

function valueAt(policy: Policy, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], policy);
}

/**
 * Checks a schema cannot express: targets that parse, unique
 * trigger names, conditions that make sense, valid regexes, durations within their limits,
 * and URLs without credentials (the policy is committed with the repository).
 */
function checkMeaning(policy: Policy): Problem[] {
  const problems: Problem[] = [];
  policy.targets?.forEach((text, i) => {
    const parsed = parseTarget(text);
    if ('error' in parsed) problems.push({ pointer: `/targets/${i}`, message: parsed.error });
  });
  for (const [pointer, kind] of DURATION_KEYS) {
    const text = valueAt(policy, pointer);
    if (typeof text === 'string') checkDurationAt(text, kind, pointer, problems);
  }
  const names = new Set<string>();
  policy.triggers?.forEach((trigger, i) => {
    if (names.has(trigger.name)) {
      problems.push({
        pointer: `/triggers/${i}/name`,
        message: `duplicate trigger name ${quote(trigger.name)}`,
      });
    }
    names.add(trigger.name);
    const provider = trigger.provider ?? policy.metrics?.provider ?? 'prometheus';
    const condition =
      trigger.kind === 'alert' && provider !== 'prometheus'
        ? `trigger ${quote(trigger.name)} is kind: alert, which reads Prometheus; its provider is ${provider}`
        : provider === 'alertmanager'
          ? alertmanagerProblem(trigger)
          : conditionProblem(trigger);
    if (condition) problems.push({ pointer: `/triggers/${i}`, message: condition });
    if (trigger.for !== undefined)
      checkDurationAt(trigger.for, 'for', `/triggers/${i}/for`, problems);
    if (trigger['body-match'] !== undefined)
      checkRegex(trigger['body-match'], `/triggers/${i}/body-match`, problems);
    if (trigger.url !== undefined && hasCredentials(trigger.url))
      problems.push({ pointer: `/triggers/${i}/url`, message: credentialsProblem(trigger.url) });
    const source = sourceProblem(trigger, policy.metrics?.provider ?? 'prometheus');
    if (source) problems.push({ pointer: `/triggers/${i}`, message: source });
    else if (provider === 'alertmanager') problems.push(...matcherProblems(trigger, i));
    else if ((trigger.provider ?? policy.metrics?.provider ?? 'prometheus') === 'prometheus')
      problems.push(...promqlProblems(trigger, i));
  });
  const selector = policy.metrics?.selector;
  const selectorProblem =
    selector === undefined ? undefined : promqlProblem(withLabels('up', selector));
  if (selectorProblem)
    problems.push({
      pointer: '/metrics/selector',
      message: `${quote(selector)} is not a list of label matchers like job="api": ${selectorProblem.message.replace(/ at column \d+/, '')}`,
    });
  const headerMaps: [string, Record<string, string> | undefined][] = [
    ['/metrics/prometheus/headers', policy.metrics?.prometheus?.headers],
    ['/metrics/alertmanager/headers', policy.metrics?.alertmanager?.headers],
    ...(policy.triggers ?? []).map((t, i): [string, Record<string, string> | undefined] => [
      `/triggers/${i}/headers`,
      t.headers,
    ]),
    ...(policy.flags ?? []).map((f, i): [string, Record<string, string> | undefined] => [
      `/flags/${i}/request/headers`,
      f.request?.headers,
    ]),
    ...(policy.verify?.checks ?? []).map((c, i): [string, Record<string, string> | undefined] => [
      `/verify/checks/${i}/http/headers`,
      c.http?.headers,
    ]),
    ...(policy.notify?.webhooks ?? []).map((w, i): [string, Record<string, string> | undefined] => [
      `/notify/webhooks/${i}/headers`,
      w.headers,
    ]),
  ];
  for (const [pointer, headers] of headerMaps)
    for (const name of Object.keys(headers ?? {}).filter((h) => CREDENTIAL_HEADER.test(h)))
      problems.push({
        pointer: `${pointer}/${escape(name)}`,
        message: `the ${name} header holds a credential, and the policy file is committed with the repository; give it through headers-env (${name}: SOME_SECRET, set from the step's secrets)`,
      });
  for (const server of ['prometheus', 'alertmanager'] as const) {
    const url = policy.metrics?.[server]?.url;
    if (url !== undefined && hasCredentials(url))
      problems.push({
        pointer: `/metrics/${server}/url`,
        message: credentialsProblem(url, `metrics.${server}.basic-auth`),
      });
  }
  policy.metrics?.scrape?.urls?.forEach((url, i) => {
    if (hasCredentials(url))
      problems.push({ pointer: `/metrics/scrape/urls/${i}`, message: credentialsProblem(url) });
  });
  policy.backtest?.['deploy-times']?.forEach((text, i) => {
    if (parseTimestamp(text) === undefined)
      problems.push({
        pointer: `/backtest/deploy-times/${i}`,
        message: `${quote(text)} is not a time (${TIMESTAMP_HINT})`,
      });
  });
  problems.push(
    ...scopeProblems(policy),
    ...actionProblems(policy),
    ...verifyProblems(policy),
    ...notifyProblems(policy),
  );
  return problems;
}

/** Hosts whose webhook URLs carry their credential in the path. */
const SECRET_URL_HOSTS = /^(?:hooks\.slack\.com|(?:[a-z0-9-]+\.)?webhook\.office\.com)$/i;

/**
 * Notifications: one URL per webhook, unique names, and no secret in the committed file (URL
 * credentials, a URL that is itself the credential, a key pasted where its variable's name goes).
 */
function notifyProblems(policy: Policy): Problem[] {
  const notify = policy.notify;
  if (!notify) return [];
  const problems: Problem[] = [];
  const literalUrl = (url: string, pointer: string, instead: string): void => {
    if (urlSecrets(url).length || hasCredentials(url))
      problems.push({ pointer, message: credentialsProblem(url, instead) });
    else if (URL.canParse(url) && SECRET_URL_HOSTS.test(new URL(url).hostname))
      problems.push({
        pointer,
        message: `a ${new URL(url).hostname} webhook URL is itself the credential, and the policy file is committed with the repository: keep it in a secret and name its variable in ${instead}`,
      });
  };
  const key = notify.pagerduty?.['routing-key-env'];
  if (key !== undefined && /\d/.test(key) && /[a-z]/.test(key) && /^[a-z0-9]{20,}$/i.test(key))
    problems.push({
      pointer: '/notify/pagerduty/routing-key-env',
      message:
        'looks like the routing key itself, not the name of an environment variable: the key is now in the repository, so rotate it, keep the new one in a secret and name its variable here (like PD_ROUTING_KEY)',
    });
  const url = notify.pagerduty?.url;
  if (url !== undefined) literalUrl(url, '/notify/pagerduty/url', 'routing-key-env');
  const names = new Set<string>();
  notify.webhooks?.forEach((hook, i) => {
    const at = `/notify/webhooks/${i}`;
    if (names.has(hook.name))
      problems.push({
        pointer: `${at}/name`,
        message: `duplicate webhook name ${quote(hook.name)}`,
      });
    names.add(hook.name);
    if (hook.url !== undefined && hook['url-env'] !== undefined)
      problems.push({
        pointer: at,
        message: `webhook ${quote(hook.name)} has both 'url' and 'url-env'; keep one`,
      });
    else if (hook.url === undefined && hook['url-env'] === undefined)
      problems.push({
        pointer: at,
        message: `webhook ${quote(hook.name)} has neither 'url' nor 'url-env': give the URL, or the environment variable that holds it when it is a secret`,
      });
    if (hook.url !== undefined) literalUrl(hook.url, `${at}/url`, 'url-env or headers-env');
  });
  return problems;
}

/** A value given where an environment variable's name goes that is more likely the secret. */
function looksLikeSecret(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    (/:\/\//.test(value) || /^(?:bearer|basic|token)\s/i.test(value) || value.length > 64)
  );
}

/** Smoke checks: one kind each, unique names, no committed credentials, comparisons that can be made. */
function verifyProblems(policy: Policy): Problem[] {
  const verify = policy.verify;
  if (!verify) return [];
  const problems: Problem[] = [];
  if (verify.window !== undefined)
    checkDurationAt(verify.window, 'verify-window', '/verify/window', problems);
  if (verify.sla !== undefined && !isSlaLevel(verify.sla))
    checkDurationAt(verify.sla, 'sla', '/verify/sla', problems);
  const names = new Set<string>();
  verify.checks?.forEach((check, i) => {
    const at = `/verify/checks/${i}`;
    const name = quote(check.name);
    if (names.has(check.name))
      problems.push({ pointer: `${at}/name`, message: `duplicate check name ${name}` });
    names.add(check.name);
    if (check.http && check.command)
      problems.push({
        pointer: at,
        message: `check ${name} has both 'http' and 'command'; keep one`,
      });
    else if (!check.http && !check.command)
      problems.push({
        pointer: at,
        message: `check ${name} has neither 'http' nor 'command': give the request or the command that passes when the service works`,
      });
    if (check.command) {
      problems.push(...argvProblems(check.command, `${at}/command`));
      if (check.timeout !== undefined)
        checkDurationAt(check.timeout, 'step-timeout', `${at}/timeout`, problems);
    } else if (check.http && check.timeout !== undefined)
      problems.push({
        pointer: `${at}/timeout`,
        message: `an HTTP check's timeout goes under http (http.timeout), per attempt`,
      });
    if (check.http) problems.push(...smokeHttpProblems(check.http, `${at}/http`));
  });
  return problems;
}

function smokeHttpProblems(http: SmokeHttpSpec, at: string): Problem[] {
  const problems: Problem[] = [];
  if (hasCredentials(http.url))
    problems.push({ pointer: `${at}/url`, message: credentialsProblem(http.url) });
  const path = http['json-path'];
  const compared = (['equals', 'at-least', 'at-most'] as const).filter(
    (k) => http[k] !== undefined,
  );
  if (path === undefined && compared.length)
    problems.push({
      pointer: `${at}/${compared[0]}`,
      message: `'${compared[0]}' compares the value json-path finds, and there is no json-path`,
    });
  if (path !== undefined) {
    const problem = jsonPathProblem(path);
    if (problem)
      problems.push({
        pointer: `${at}/json-path`,
        message: `${quote(path)} is not a JSONPath this action can evaluate: ${problem}`,
      });
    if (compared.length === 0)
      problems.push({
        pointer: `${at}/json-path`,
        message: "needs 'equals', 'at-least' or 'at-most': what the value it finds must be",
      });
  }
  if (http.equals !== undefined && compared.length > 1)
    problems.push({
      pointer: `${at}/equals`,
      message: "'equals' goes alone; 'at-least' and 'at-most' bound a number",
    });
  const low = http['at-least'];
  const high = http['at-most'];
  if (low !== undefined && high !== undefined && low > high)
    problems.push({
      pointer: `${at}/at-least`,
      message: `${String(low)} is above at-most ${String(high)}: no value could pass`,
    });
  if (http.method === 'HEAD' && (http['body-contains'] !== undefined || path !== undefined))
    problems.push({
      pointer: `${at}/method`,
      message:
        'a HEAD request gets no body, so body-contains and json-path could never pass; use GET',
    });
  if (http.timeout !== undefined)
    checkDurationAt(http.timeout, 'request-timeout', `${at}/timeout`, problems);
  if (http.backoff !== undefined)
    checkDurationAt(http.backoff, 'smoke-backoff', `${at}/backoff`, problems);
  return problems;
}

/**
 * A trigger's scope names what the policy guards: a context or target it does not list would
 * make a failing trigger roll back nothing. Checked only against the policy's own lists, since
 * the inputs may give them at run time.
 */
function scopeProblems(policy: Policy): Problem[] {
  const problems: Problem[] = [];
  const contexts = policy.contexts ?? [];
  const targets = policy.targets ?? [];
  const known = targets.map(parseTarget).filter((t): t is Target => !('error' in t));
  policy.triggers?.forEach((trigger, i) => {
    const { context } = trigger;
    if (context !== undefined && contexts.length && !contexts.includes(context))
      problems.push({
        pointer: `/triggers/${i}/context`,
        message: `${quote(context)} is not one of the policy's contexts (${contexts.join(', ')})${didYouMean(context, contexts)}`,
      });
    trigger.targets?.forEach((text, j) => {
      const pointer = `/triggers/${i}/targets/${j}`;
      const parsed = parseTarget(text);
      if ('error' in parsed) problems.push({ pointer, message: parsed.error });
      else if (targets.length && !known.some((k) => sameWorkload(parsed, k, policy.namespace)))
        problems.push({
          pointer,
          message: `${quote(text)} is not one of the policy's targets (${targets.join(', ')})${didYouMean(text, targets)}`,
        });
    });
  });
  return problems;
}

/** `deploy/api` is `deployment/api`; a namespace left out (or unknown) matches any. */
function sameWorkload(a: Target, b: Target, namespace: string | undefined): boolean {
  const nsA = a.namespace ?? namespace;
  const nsB = b.namespace ?? namespace;
  return a.kind === b.kind && a.name === b.name && (!nsA || !nsB || nsA === nsB);
}

/** What the rollback runs: flags, command steps, the revert branch, migration globs. */
function actionProblems(policy: Policy): Problem[] {
  const problems: Problem[] = [];
  const duplicate = (seen: Set<string>, name: string, pointer: string, what: string): void => {
    if (seen.has(name))
      problems.push({ pointer, message: `duplicate ${what} name ${quote(name)}` });
    seen.add(name);
  };
  const flagNames = new Set<string>();
  policy.flags?.forEach((flag, i) => {
    const at = `/flags/${i}`;
    duplicate(flagNames, flag.name, `${at}/name`, 'flag');
    if (flag.request && flag.command)
      problems.push({
        pointer: at,
        message: `flag ${quote(flag.name)} has both 'request' and 'command'; keep one`,
      });
    else if (!flag.request && !flag.command)
      problems.push({
        pointer: at,
        message: `flag ${quote(flag.name)} has neither 'request' nor 'command': give the HTTP request or the command that turns it off`,
      });
    const url = flag.request?.url;
    if (url !== undefined && hasCredentials(url))
      problems.push({ pointer: `${at}/request/url`, message: credentialsProblem(url) });
    if (flag.request?.method === 'GET' && flag.request.body !== undefined)
      problems.push({
        pointer: `${at}/request/body`,
        message: 'a GET request cannot carry a body (fetch refuses it); use POST, PUT or PATCH',
      });
    if (flag.command) problems.push(...argvProblems(flag.command, `${at}/command`));
    if (flag.timeout !== undefined)
      checkDurationAt(flag.timeout, 'flag-timeout', `${at}/timeout`, problems);
    if (flag['verify-window'] !== undefined)
      checkDurationAt(flag['verify-window'], 'verify-window', `${at}/verify-window`, problems);
  });
  const stepNames = new Set<string>();
  policy.steps?.forEach((step, i) => {
    const at = `/steps/${i}`;
    duplicate(stepNames, step.name, `${at}/name`, 'step');
    problems.push(...argvProblems(step.run, `${at}/run`));
    if (step.check) problems.push(...argvProblems(step.check.run, `${at}/check/run`));
    if (step.timeout !== undefined)
      checkDurationAt(step.timeout, 'step-timeout', `${at}/timeout`, problems);
    if (step.check?.timeout !== undefined)
      checkDurationAt(step.check.timeout, 'step-timeout', `${at}/check/timeout`, problems);
    for (const name of Object.keys(step.env ?? {}).filter(isFactName))
      problems.push({
        pointer: `${at}/env/${escape(name)}`,
        message: `${name} is set by the action from what it found, and overrides this value; remove it`,
      });
  });
  const down = policy.migrations?.['down-command'];
  if (down) problems.push(...argvProblems(down, '/migrations/down-command'));
  const branch = policy.git?.branch;
  const branchProblem = branch === undefined ? undefined : branchNameProblem(branch);
  if (branch !== undefined && branchProblem)
    problems.push({
      pointer: '/git/branch',
      message: `${quote(branch)} is not a branch name git accepts: ${branchProblem}`,
    });
  const paths = policy.migrations?.paths ?? [];
  paths.forEach((glob, i) => {
    const problem = globProblem(glob);
    if (problem) problems.push({ pointer: `/migrations/paths/${i}`, message: problem });
  });
  if (policy.migrations?.['replace-defaults'] === true && paths.length === 0)
    problems.push({
      pointer: '/migrations/replace-defaults',
      message:
        "true without 'paths' leaves no migration globs, so no migration would ever be seen; list them under paths, or remove replace-defaults",
    });
  if (policy.strategy === 'feature-flag' && !policy.flags?.length)
    problems.push({
      pointer: '/strategy',
      message: "'feature-flag' needs 'flags': the flags to turn off",
    });
  if (policy.strategy === 'command' && !policy.steps?.length)
    problems.push({
      pointer: '/strategy',
      message: "'command' needs 'steps': the commands to run",
    });
  return problems;
}

/**
 * A command written as one shell string (`["helm rollback shop"]`) would look for a program
 * named "helm rollback shop". `sh -c` is allowed without a warning: its script is written in
 * the committed policy, like a workflow's own `run:`, and the facts reach it only as
 * environment variables, which a shell expands as data.
 */
function argvProblems(argv: readonly string[], pointer: string): Problem[] {
  const [only] = argv;
  if (argv.length !== 1 || only === undefined || !/\s/.test(only.trim())) return [];
  const words = only.trim().split(/\s+/);
  const shellOnly = /[|&;<>()$`*?'"\\]/.test(only);
  const instead = shellOnly
    ? `["sh", "-c", ${JSON.stringify(only)}]`
    : `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
  return [
    {
      pointer: `${pointer}/0`,
      message: `${quote(only)} looks like a shell command line, but commands run without a shell: write ${shellOnly ? 'it as a script for sh' : 'its words as a list'}, ${instead}`,
    },
  ];
}

/** Why git would refuse `name` as a branch (the rules of git check-ref-format), if it would. */
export function branchNameProblem(name: string): string | undefined {
  // git refuses ASCII controls, space, DEL and these; other Unicode is allowed.
  const bad = Array.from(name).find((c) => c <= ' ' || c === '\u007f' || '~^:?*[\\'.includes(c));
  if (bad !== undefined)
    return `it contains ${bad === ' ' ? 'a space' : bad < ' ' || bad === '\u007f' ? 'a control character' : quote(bad)}`;
  if (name.startsWith('-')) return "it starts with '-'";
  if (name.startsWith('/') || name.endsWith('/')) return "it starts or ends with '/'";
  if (name.includes('//')) return "it has an empty part ('//')";
  if (name.includes('..')) return "it contains '..'";
  if (name.includes('@{')) return "it contains '@{'";
  if (name === '@') return "'@' alone is not a name";
  if (name.endsWith('.')) return "it ends with '.'";
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `its part ${quote(part)} starts with '.'`;
    if (part.endsWith('.lock')) return `its part ${quote(part)} ends with '.lock'`;
  }
  return undefined;
}

/** Migration globs match paths relative to the repository root (`!` excludes). */
function globProblem(text: string): string | undefined {
  const glob = text.startsWith('!') ? text.slice(1) : text;
  if (/^(?:\/|\\|[A-Za-z]:[\\/])/.test(glob))
    return `${quote(text)} is absolute; migration paths are matched relative to the repository root, like 'db/migrate/*.rb'`;
  try {
    globToRegExp(glob);
  } catch (error) {
    return `${quote(text)} is not a glob this action can read (${(error as Error).message}); use ** * ? [abc] {a,b}`;
  }
  return undefined;
}

/**
 * The checks a policy's own trigger gets (conditions, durations, PromQL parsed offline,
 * placeholders refused), for triggers made elsewhere: imported ones. Each problem names the
 * trigger by its index and the key under it (`/query`, `/for`, or '' for the trigger).
 */
export function triggerProblems(
  triggers: TriggerSpec[],
): { index: number; key: string; message: string; level?: 'warning' }[] {
  return checkMeaning({ triggers }).flatMap(({ pointer, message, level }) => {
    const match = /^\/triggers\/(\d+)(.*)$/.exec(pointer);
    if (!match) return [];
    return [{ index: Number(match[1]), key: match[2] ?? '', message, ...(level ? { level } : {}) }];
  });
}

function checkDurationAt(
  text: string,
  kind: DurationKind,
  pointer: string,
  problems: Problem[],
): void {
  const ms = parseDuration(text);
  const found = ms === undefined ? undefined : checkDuration(kind, ms);
  if (!found) return;
  if ('error' in found) problems.push({ pointer, message: `${quote(text)} ${found.error}` });
  else problems.push({ pointer, level: 'warning', message: `${quote(text)} ${found.warning}` });
}

/** What is wrong with a trigger's condition, if anything. */
function conditionProblem(trigger: TriggerSpec): string | undefined {
  const name = quote(trigger.name);
  const { relative } = trigger;
  const atLeast = trigger['at-least'];
  const atMost = trigger['at-most'];
  if (trigger.above !== undefined && atLeast !== undefined)
    return `trigger ${name} has 'above' and 'at-least'; keep one (above is >, at-least is >=)`;
  if (trigger.below !== undefined && atMost !== undefined)
    return `trigger ${name} has 'below' and 'at-most'; keep one (below is <, at-most is <=)`;
  const holds = (['for', 'consecutive', 'failure-limit'] as const).filter(
    (k) => trigger[k] !== undefined,
  );
  if (holds.length > 1)
    return `trigger ${name} has ${holds.map((k) => `'${k}'`).join(' and ')}; keep one: for (held this long), consecutive (polls in a row) or failure-limit (failing polls in the window)`;
  const above = trigger.above ?? atLeast;
  const below = trigger.below ?? atMost;
  if (trigger.kind === 'alert') {
    const set = (
      [
        'above',
        'below',
        'at-least',
        'at-most',
        'relative',
        'min-requests',
        'fast-fail',
        'relative-to-baseline',
      ] as const
    ).filter((k) => trigger[k] !== undefined);
    if (set.length)
      return `trigger ${name} is kind: alert, judged by whether its query returns series; ${noMeaning(set)}`;
    if (trigger.query === undefined)
      return `trigger ${name} is kind: alert and needs a 'query' (an alert expression, like a rule's expr)`;
    return undefined;
  }
  const hasCondition =
    above !== undefined ||
    below !== undefined ||
    relative !== undefined ||
    (trigger.provider === 'health' && trigger.url !== undefined);
  if (!hasCondition)
    return `trigger ${name} has no condition (set above, below, at-least, at-most or relative)`;
  if (relative !== undefined && (above !== undefined || below !== undefined))
    return `trigger ${name} has 'relative' with ${above !== undefined ? "'above'" : "'below'"}; use one: relative compares with the baseline, above and below with fixed numbers`;
  if (relative !== undefined && Number(relative.replace('%', '')) <= -100)
    return `trigger ${name}: relative ${relative} would need the value below zero times the baseline, so it could never fail; a drop is written like -30%`;
  if (trigger['relative-to-baseline'] === true) {
    const counted = trigger.query === undefined ? undefined : eventCountOf(trigger.query);
    if (!counted)
      return `trigger ${name}: relative-to-baseline judges a count against the rate before the deploy, so it needs a count query (sum(increase(selector[1m]))) and 'above'${trigger.query === undefined ? '' : `; ${quote(trigger.query)} is not one`}`;
    if (above === undefined)
      return `trigger ${name}: relative-to-baseline raises 'above' to the rate before the deploy when that was higher, so it needs 'above'`;
  }
  if (above !== undefined && below !== undefined && !(below < above))
    return `trigger ${name}: with both, the lower edge (${String(below)}) must be less than the upper (${String(above)}): the trigger fails outside the band between them`;
  return undefined;
}

/** A matcher every alert satisfies (name!="" is not: it needs the label). */
const MATCHES_ANY = /^[^=!~]+=~"\.\*"$/;

/** Header names that carry a credential: their values never belong in a committed file. */
const CREDENTIAL_HEADER =
  /^(proxy-)?authorization$|^cookie$|api[-_]?key|token|secret|password|application[-_]?key/i;

function credentialsProblem(url: string, instead = 'headers-env'): string {
  return `${quote(redactUrl(url))} carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through ${instead} (from the step's secrets)`;
}

/** A Prometheus trigger's PromQL checked offline, each problem at its key. */
function promqlProblems(trigger: TriggerSpec, i: number): Problem[] {
  const texts: [string, string | undefined][] = [
    [`/triggers/${i}/query`, trigger.query],
    [`/triggers/${i}/ratio/errors`, trigger.ratio?.errors],
    [`/triggers/${i}/ratio/total`, trigger.ratio?.total],
  ];
  const problems: Problem[] = texts.flatMap(([pointer, text]) => {
    const problem = text === undefined ? undefined : promqlProblem(text);
    return problem ? [{ pointer, message: problem.message }] : [];
  });
  if (
    problems.length === 0 &&
    trigger.kind === 'alert' &&
    trigger.query !== undefined &&
    aggregatesAlerts(trigger.query)
  )
    problems.push({
      pointer: `/triggers/${i}/query`,
      level: 'warning',
      message:
        'aggregates ALERTS without keeping alertname, so alerts already firing before the deploy cannot be told from new ones and count too: select ALERTS{…} itself, or aggregate by (alertname, …)',
    });
  if (
    problems.length === 0 &&
    trigger.kind !== 'alert' &&
    trigger.query !== undefined &&
    isAlertExpression(trigger.query)
  )
    problems.push({
      pointer: `/triggers/${i}/query`,
      level: 'warning',
      message:
        'an alert expression (a comparison that filters) returns nothing while all is well, so with a threshold it can only be inconclusive: add kind: alert, which fails while it returns series',
    });
  const query = trigger.query;
  const higher =
    (trigger.above ?? trigger['at-least']) !== undefined ||
    Number((trigger.relative ?? '0').replace('%', '')) > 0;
  const quantile = query !== undefined && /\bhistogram_quantile\s*\(/.test(query);
  if (
    problems.length === 0 &&
    trigger.kind !== 'alert' &&
    query !== undefined &&
    higher &&
    quantile &&
    !histogramQuantileOf(query)
  )
    problems.push({
      pointer: `/triggers/${i}/query`,
      level: 'warning',
      message:
        'judged on the quantile alone: slow requests are counted (and a sequential test can fail it early) only for histogram_quantile(q, sum by (le) (rate(<buckets>[range])))',
    });
  else if (
    problems.length === 0 &&
    trigger['fast-fail'] === true &&
    trigger.ratio === undefined &&
    !(query !== undefined && (histogramQuantileOf(query) || eventCountOf(query)))
  )
    problems.push({
      pointer: `/triggers/${i}/fast-fail`,
      level: 'warning',
      message:
        'has no effect here: a sequential test needs counts, from a ratio, histogram_quantile(q, sum by (le) (rate(<buckets>[range]))) or sum(increase(<counter>[range]))',
    });
  return problems;
}

/** `'a' has no meaning there: remove it`, or the plural. */
function noMeaning(keys: readonly string[]): string {
  const named = keys.map((k) => `'${k}'`).join(' and ');
  return keys.length === 1
    ? `${named} has no meaning there: remove it`
    : `${named} have no meaning there: remove them`;
}

/**
 * An Alertmanager trigger is judged by the alerts its matchers select: thresholds, a query or
 * a kind have no meaning there.
 */
function alertmanagerProblem(trigger: TriggerSpec): string | undefined {
  const name = quote(trigger.name);
  const meaningless = (
    [
      'query',
      'ratio',
      'kind',
      'above',
      'below',
      'at-least',
      'at-most',
      'relative',
      'series',
      'min-requests',
      'fast-fail',
      'relative-to-baseline',
    ] as const
  ).filter((k) => trigger[k] !== undefined);
  if (meaningless.length)
    return `trigger ${name} reads Alertmanager, judged by the alerts its matchers select; ${noMeaning(meaningless)}`;
  if (trigger.matchers === undefined)
    return `trigger ${name} reads Alertmanager and needs 'matchers' (like ['service="api"']), or every alert of every team would count`;
  const holds = (['for', 'consecutive', 'failure-limit'] as const).filter(
    (k) => trigger[k] !== undefined,
  );
  if (holds.length > 1)
    return `trigger ${name} has ${holds.map((k) => `'${k}'`).join(' and ')}; keep one`;
  return undefined;
}

/** Each matcher as Alertmanager's parser reads it, each problem at its place. */
function matcherProblems(trigger: TriggerSpec, i: number): Problem[] {
  const parsed = (trigger.matchers ?? []).map(parseMatchers);
  const all = parsed.flatMap((p) => ('matchers' in p ? p.matchers : []));
  if (parsed.every((p) => 'matchers' in p) && all.every((m) => MATCHES_ANY.test(m)))
    return [
      {
        pointer: `/triggers/${i}/matchers`,
        level: 'warning',
        message: `${all.join(', ')} ${inflect(all.length, 'selects', 'select')} every alert, so any team's new alert would roll this deploy back: match this service's alerts (service="api")`,
      },
    ];
  return (trigger.matchers ?? []).flatMap((text, j) => {
    const parsed = parseMatchers(text);
    return 'error' in parsed
      ? [
          {
            pointer: `/triggers/${i}/matchers/${j}`,
            message: `${quote(text)} is not an Alertmanager matcher: ${parsed.error}`,
          },
        ]
      : [];
  });
}

/** What a trigger lacks to be read by its provider, if anything. */
function sourceProblem(trigger: TriggerSpec, defaultProvider: ProviderName): string | undefined {
  const provider = trigger.provider ?? defaultProvider;
  const name = quote(trigger.name);
  const alertKeys = (['matchers', 'severity-map', 'include-silenced'] as const).filter(
    (k) => trigger[k] !== undefined,
  );
  if (provider !== 'alertmanager' && alertKeys.length)
    return `trigger ${name}: ${alertKeys.map((k) => `'${k}'`).join(' and ')} ${inflect(alertKeys.length, 'belongs', 'belong')} to provider: alertmanager; its provider is ${provider}`;
  if (provider === 'alertmanager')
    return trigger.url !== undefined ||
      trigger.headers !== undefined ||
      trigger['headers-env'] !== undefined
      ? `trigger ${name} reads Alertmanager: its URL and headers go under metrics.alertmanager (url, headers, headers-env), not on the trigger`
      : undefined;
  if (provider === 'prometheus' || provider === 'scrape') {
    if (trigger.headers !== undefined || trigger['headers-env'] !== undefined)
      return `trigger ${name} reads ${provider}: its headers go under metrics.prometheus (headers, headers-env), not on the trigger`;
    if (trigger.query === undefined && trigger.ratio === undefined)
      return `trigger ${name} reads ${provider} but has neither 'query' nor 'ratio'`;
    if (trigger.query !== undefined && trigger.ratio !== undefined)
      return `trigger ${name} has both 'query' and 'ratio'; keep one`;
    const notSelector = trigger.ratio
      ? [trigger.ratio.errors, trigger.ratio.total].find((s) => !parseSelector(s))
      : undefined;
    if (notSelector !== undefined)
      return `trigger ${name}: ratio ${quote(notSelector)} is not a counter's series selector; write it like http_requests_total{job="api",code=~"5.."} (its increase is summed for you)`;
    const scrapeQuery =
      provider === 'scrape' && trigger.query !== undefined ? parseQuery(trigger.query) : undefined;
    if (typeof scrapeQuery === 'string') return `trigger ${name}: ${scrapeQuery}`;
    return undefined;
  }
  if (trigger.url === undefined) return `trigger ${name} (${provider}) needs a 'url'`;
  if (provider === 'http-json' && trigger['json-path'] === undefined)
    return `trigger ${name} (http-json) needs a 'json-path' to pick its value`;
  return undefined;
}

function checkRegex(pattern: string, pointer: string, problems: Problem[]): void {
  try {
    new RegExp(pattern);
  } catch (error) {
    problems.push({
      pointer,
      message: `${quote(pattern)} is not a regular expression (${messageOf(error)})`,
    });
  }
}

/** `/triggers/0/for` → `triggers[0].for`. */
export function describePointer(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (out, segment) =>
        /^\d+$/.test(segment) ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment,
      '',
    );
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** NaN and the infinities as YAML writes them (`.nan`, `.inf`, `-.inf`), since JSON has none. */
function yamlNumber(value: number): string {
  return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
