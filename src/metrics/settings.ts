/**
 * Where metrics come from, resolved once from the config and the environment: the Prometheus
 * and Alertmanager connections (URL from the input or policy; credentials from the environment
 * variables the policy names, masked at once), the scrape URLs, and the request headers of health and
 * http-json triggers (values from the environment masked the same way). A variable the policy
 * names but the step does not set is the user's error, reported before anything is read.
 */
import path from 'node:path';
import { readFileBounded, TooLargeError } from '../bounded.js';
import type { Config } from '../config.js';
import { parseDuration } from '../duration.js';
import { UserError, UserErrors } from '../errors.js';
import { formatBytes, LIMITS } from '../limits.js';
import { basicCredentials, urlSecrets } from '../url.js';
import type { Connection } from '../policy/types.js';
import type { AlertmanagerOptions } from './alertmanager.js';
import type { ApiConnection } from './api-client.js';
import type { PrometheusOptions } from './prometheus.js';
import type { ScrapeOptions } from './scrape.js';

export interface MetricsSettings {
  prometheus: PrometheusOptions | undefined;
  alertmanager?: AlertmanagerOptions | undefined;
  scrape: ScrapeOptions | undefined;
  /** Request headers of health and http-json triggers, by trigger name (env values resolved). */
  triggerHeaders?: Record<string, Record<string, string>>;
  /** Where the Prometheus URL was set, for messages: an input or the policy key. */
  prometheusFrom: string;
}

export function resolveMetrics(
  config: Config,
  env: NodeJS.ProcessEnv,
  setSecret: (secret: string) => void,
  /** `validate` runs where the secrets may not be: a missing variable is then only a warning. */
  onMissingEnv?: (message: string) => void,
): MetricsSettings {
  const file = config.policyFile ?? 'the policy';
  const settings = config.policy.metrics?.prometheus ?? {};
  const errors: UserError[] = [];
  const secret = (where: string, name: string): string | undefined => {
    const value = env[name];
    if (!value) {
      const message = `${file}: ${where} names the environment variable ${name}, which is not set in this step (add it under env:)`;
      if (onMissingEnv) onMissingEnv(message);
      else errors.push(new UserError(message));
      return undefined;
    }
    setSecret(value);
    // A line break cannot travel in a header: say so now, not on every poll of the watch.
    if (Array.from(value).some((c) => c !== '\t' && (c < ' ' || c === '\u007f'))) {
      errors.push(
        new UserError(
          `${file}: ${where}: the environment variable ${name} holds a line break or another control character, which a request header cannot carry (trim the secret)`,
        ),
      );
      return undefined;
    }
    return value;
  };
  /** Plain headers plus those whose values come from the environment (masked). */
  const headersOf = (
    where: string,
    plain: Record<string, string> | undefined,
    fromEnv: Record<string, string> | undefined,
  ): Record<string, string> | undefined => {
    if (!plain && !fromEnv) return undefined;
    const headers = { ...plain };
    for (const [header, name] of Object.entries(fromEnv ?? {})) {
      const value = secret(`${where}.headers-env.${header}`, name);
      if (value !== undefined) headers[header] = value;
    }
    return headers;
  };

  // The userinfo of every URL read is a credential like any other: masked before any use.
  const urls = [
    config.prometheusUrl.value,
    config.alertmanagerUrl.value,
    ...(config.policy.metrics?.scrape?.urls ?? []),
    ...(config.policy.triggers ?? []).map((t) => t.url),
  ];
  for (const text of urls) if (text) urlSecrets(text).forEach(setSecret);

  /** A server's connection from its policy section: headers, credentials, CA, timeout. */
  const connect = (where: string, url: string, section: Connection): ApiConnection => {
    const connection: ApiConnection = { url };
    if (section.timeout) connection.timeoutMs = parseDuration(section.timeout);
    const headers = headersOf(where, section.headers, section['headers-env']);
    if (headers) connection.headers = headers;
    const caFile = section['ca-file'];
    if (caFile) {
      const ca = readCa(caFile, env.GITHUB_WORKSPACE || process.cwd());
      if (typeof ca === 'string') connection.ca = ca;
      else errors.push(new UserError(`${file}: ${where}.ca-file '${caFile}' ${ca.why}`));
    }
    const tokenEnv = section['bearer-token-env'];
    if (tokenEnv) {
      const token = secret(`${where}.bearer-token-env`, tokenEnv);
      if (token !== undefined) connection.bearerToken = token;
    }
    const basic = section['basic-auth'];
    if (basic) {
      const username = secret(`${where}.basic-auth.username-env`, basic['username-env']);
      const password = secret(`${where}.basic-auth.password-env`, basic['password-env']);
      if (username !== undefined && password !== undefined) {
        // Sent as one base64 value, which a refusing server may quote back.
        setSecret(basicCredentials(username, password));
        connection.basicAuth = { username, password };
      }
    }
    return connection;
  };

  let prometheus: PrometheusOptions | undefined;
  const url = config.prometheusUrl.value;
  if (url) {
    prometheus = connect('metrics.prometheus', url, settings);
    const interval = settings['scrape-interval'];
    if (interval) prometheus.scrapeIntervalMs = parseDuration(interval);
  }
  const alertmanagerUrl = config.alertmanagerUrl.value;
  const alertmanager = alertmanagerUrl
    ? connect('metrics.alertmanager', alertmanagerUrl, config.policy.metrics?.alertmanager ?? {})
    : undefined;
  const triggerHeaders: Record<string, Record<string, string>> = {};
  // Only the policy's own triggers have headers (the preset's read Prometheus).
  config.policy.triggers?.forEach((trigger, i) => {
    const headers = headersOf(`triggers[${i}]`, trigger.headers, trigger['headers-env']);
    if (headers) triggerHeaders[trigger.name] = headers;
  });
  if (errors.length) throw new UserErrors(errors);

  const scrapeSettings = config.policy.metrics?.scrape;
  const scrape: ScrapeOptions | undefined = scrapeSettings?.urls?.length
    ? {
        urls: scrapeSettings.urls,
        ...(scrapeSettings.timeout ? { timeoutMs: parseDuration(scrapeSettings.timeout) } : {}),
      }
    : undefined;
  return {
    prometheus,
    alertmanager,
    scrape,
    triggerHeaders,
    prometheusFrom:
      config.prometheusUrl.from === 'input'
        ? "input 'prometheus-url'"
        : `${file} metrics.prometheus.url`,
  };
}

/** The CA bundle, read once (relative to the workspace), or why it cannot be used. */
function readCa(file: string, workspace: string): string | { why: string } {
  let text: string;
  try {
    text = readFileBounded(path.resolve(workspace, file), LIMITS.caFile);
  } catch (error) {
    if (error instanceof TooLargeError)
      return { why: `is larger than ${formatBytes(error.limit)}; a CA bundle is a few KiB` };
    const code = (error as NodeJS.ErrnoException).code;
    return { why: code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})` };
  }
  return text.includes('-----BEGIN CERTIFICATE-----')
    ? text
    : { why: 'holds no PEM certificate (-----BEGIN CERTIFICATE-----)' };
}
