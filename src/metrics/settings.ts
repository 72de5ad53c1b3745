/**
 * Where metrics come from, resolved once from the config and the environment: the Prometheus
 * connection (URL from the input or policy; credentials from the environment variables the
 * policy names, masked at once) and the scrape URLs. A variable the policy names but the step
 * does not set is the user's error, reported before anything is read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { parseDuration } from '../duration.js';
import { UserError, UserErrors } from '../errors.js';
import type { PrometheusOptions } from './prometheus.js';
import type { ScrapeOptions } from './scrape.js';

export interface MetricsSettings {
  prometheus: PrometheusOptions | undefined;
  scrape: ScrapeOptions | undefined;
  /** Where the Prometheus URL was set, for messages: an input or the policy key. */
  prometheusFrom: string;
}

export function resolveMetrics(
  config: Config,
  env: NodeJS.ProcessEnv,
  setSecret: (secret: string) => void,
): MetricsSettings {
  const file = config.policyFile ?? 'the policy';
  const settings = config.policy.metrics?.prometheus ?? {};
  const errors: UserError[] = [];
  const secret = (key: string, name: string): string | undefined => {
    const value = env[name];
    if (!value) {
      errors.push(
        new UserError(
          `${file}: metrics.prometheus.${key} names the environment variable ${name}, which is not set in this step (add it under env:)`,
        ),
      );
      return undefined;
    }
    setSecret(value);
    return value;
  };

  let prometheus: PrometheusOptions | undefined;
  const url = config.prometheusUrl.value;
  if (url) {
    // A password in the URL itself is a credential like any other.
    const password = URL.canParse(url) ? new URL(url).password : '';
    if (password) setSecret(decodeURIComponent(password));
    prometheus = { url };
    if (settings.timeout) prometheus.timeoutMs = parseDuration(settings.timeout);
    if (settings.headers) prometheus.headers = settings.headers;
    const caFile = settings['ca-file'];
    if (caFile) {
      const ca = readCa(caFile, env.GITHUB_WORKSPACE || process.cwd());
      if (typeof ca === 'string') prometheus.ca = ca;
      else errors.push(new UserError(`${file}: metrics.prometheus.ca-file '${caFile}' ${ca.why}`));
    }
    const tokenEnv = settings['bearer-token-env'];
    if (tokenEnv) prometheus.bearerToken = secret('bearer-token-env', tokenEnv);
    const basic = settings['basic-auth'];
    if (basic) {
      const username = secret('basic-auth.username-env', basic['username-env']);
      const password = secret('basic-auth.password-env', basic['password-env']);
      if (username !== undefined && password !== undefined)
        prometheus.basicAuth = { username, password };
    }
  }
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
    scrape,
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
    text = readFileSync(path.resolve(workspace, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { why: code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})` };
  }
  return text.includes('-----BEGIN CERTIFICATE-----')
    ? text
    : { why: 'holds no PEM certificate (-----BEGIN CERTIFICATE-----)' };
}
