/**
 * Loads the kubeconfig the way kubectl finds one (the `kubeconfig` input, then KUBECONFIG,
 * then ~/.kube/config, then the in-cluster service account) and opens one client per context.
 * Credentials in it are registered as secrets first, so no log line can show them.
 * This is the one module that loads @kubernetes/client-node (about 19 MB bundled, most of a
 * cold start): main.ts imports it only when a kubeconfig is there to read.
 */
import * as path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { readFileBounded, TooLargeError } from '../bounded.js';
import type { Clock } from '../clock.js';
import { UserError, quote } from '../errors.js';
import { formatBytes, LIMITS } from '../limits.js';
import { parseErrorLine } from '../parse-error.js';
import { didYouMean } from '../suggest.js';
import { basicCredentials, urlSecrets } from '../url.js';
import { KubeClient } from './client.js';
import { HttpTransport } from './transport.js';
import { findKubeconfig, noKubeconfigError } from './kubeconfig-source.js';

export interface ConnectOptions {
  /** Kubeconfig text from the `kubeconfig` input. */
  kubeconfig?: string;
  contexts: string[];
  /** Where `contexts` was set, for the error that names a wrong one: `input 'contexts'`. */
  contextsFrom?: string;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  setSecret: (value: string) => void;
  log?: (line: string) => void;
  /** How long one call's transient failures are retried. */
  retryForMs?: number;
}

export function loadKubeConfig(options: Pick<ConnectOptions, 'kubeconfig' | 'env'>): {
  kubeConfig: KubeConfig;
  source: string;
} {
  const kubeConfig = new KubeConfig();
  // Each source is named in its own error, so a broken file is not blamed on the input.
  const load = (source: string, read: () => void): { kubeConfig: KubeConfig; source: string } => {
    try {
      read();
    } catch (error) {
      if (error instanceof TooLargeError)
        throw new UserError(
          `${source}: larger than ${formatBytes(error.limit)}; a kubeconfig is a few KiB`,
        );
      throw new UserError(`${source}: cannot be read as a kubeconfig: ${parseErrorLine(error)}`);
    }
    return { kubeConfig, source };
  };
  const found = findKubeconfig(options);
  switch (found?.kind) {
    case 'input':
      return load("input 'kubeconfig'", () => kubeConfig.loadFromString(found.text));
    case 'files':
      return load(`KUBECONFIG (${found.files.join(path.delimiter)})`, () => {
        loadFile(kubeConfig, found.files[0] ?? '');
        for (const more of found.files.slice(1)) {
          const other = new KubeConfig();
          loadFile(other, more);
          kubeConfig.mergeConfig(other, true);
        }
      });
    case 'home':
      return load(found.file, () => loadFile(kubeConfig, found.file));
    case 'in-cluster':
      return load('the in-cluster service account', () => kubeConfig.loadFromCluster());
    case undefined:
      throw noKubeconfigError();
  }
}

/** client-node's loadFromFile, with a cap: it would read a file of any size (or /dev/zero). */
function loadFile(kubeConfig: KubeConfig, file: string): void {
  kubeConfig.loadFromString(readFileBounded(file, LIMITS.kubeconfigFile));
  kubeConfig.makePathsAbsolute(path.dirname(file));
}

/** Every credential value in a kubeconfig, so the logs mask them: userinfo of URLs too. */
export function secretsOf(kubeConfig: KubeConfig): string[] {
  const values: string[] = [];
  for (const user of kubeConfig.getUsers()) {
    for (const value of [user.token, user.password, user.keyData]) {
      if (typeof value === 'string' && value.length >= 4) values.push(value);
    }
    // A user and password travel as one base64 value, which an error may quote.
    if (user.username && user.password) values.push(basicCredentials(user.username, user.password));
  }
  for (const cluster of kubeConfig.getClusters())
    for (const url of [cluster.server, cluster.proxyUrl])
      if (typeof url === 'string') values.push(...urlSecrets(url));
  return [...new Set(values)];
}

export function connect(options: ConnectOptions): Map<string, KubeClient> {
  const { kubeConfig, source } = loadKubeConfig(options);
  for (const secret of secretsOf(kubeConfig)) options.setSecret(secret);
  const known = kubeConfig.getContexts().map((c) => c.name);
  // Any YAML loads (a passwd file is one string): say what is missing, not which context.
  if (known.length === 0) throw new UserError(`${source}: holds no contexts; is it a kubeconfig?`);
  // client-node reads a missing current-context as undefined, whatever its declared type says.
  const current = kubeConfig.getCurrentContext() as string | undefined;
  if (options.contexts.length === 0 && !current)
    throw new UserError(
      `${source}: has no current-context; name the contexts to act in with input 'contexts' (it has ${known.join(', ')})`,
    );
  const wanted = options.contexts.length > 0 ? options.contexts : [current ?? ''];
  const clients = new Map<string, KubeClient>();
  for (const context of wanted) {
    if (!known.includes(context)) {
      const from =
        options.contexts.length > 0
          ? (options.contextsFrom ?? "input 'contexts'")
          : `${source}: current-context`;
      throw new UserError(
        `${from}: ${quote(context)} is not a context of the kubeconfig${didYouMean(context, known)}; it has ${known.join(', ')}`,
      );
    }
    const forContext = new KubeConfig();
    forContext.loadFromOptions({
      clusters: kubeConfig.getClusters(),
      users: kubeConfig.getUsers(),
      contexts: kubeConfig.getContexts(),
      currentContext: context,
    });
    const server = forContext.getCurrentCluster()?.server;
    if (!server) throw new UserError(`kubeconfig: context ${quote(context)} has no cluster server`);
    const namespace = contextNamespace(kubeConfig, context);
    clients.set(
      context,
      new KubeClient(new HttpTransport(forContext, context, server), {
        clock: options.clock,
        log: options.log,
        namespace,
        retryForMs: options.retryForMs,
      }),
    );
  }
  return clients;
}

/** The namespace a context names, else `default`. */
export function contextNamespace(kubeConfig: KubeConfig, context: string): string {
  return kubeConfig.getContextObject(context)?.namespace ?? 'default';
}
