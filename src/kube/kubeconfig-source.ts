/**
 * Where a kubeconfig is, found the way kubectl looks (the `kubeconfig` input, then KUBECONFIG,
 * then ~/.kube/config, then the in-cluster service account), without reading it. Kept apart
 * from connect.ts so a run that needs no cluster never loads @kubernetes/client-node.
 */
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../errors.js';

export interface KubeconfigLookup {
  /** Kubeconfig text from the `kubeconfig` input. */
  kubeconfig?: string;
  env: NodeJS.ProcessEnv;
}

export type KubeconfigSource =
  | { kind: 'input'; text: string }
  | { kind: 'files'; files: string[] }
  | { kind: 'home'; file: string }
  | { kind: 'in-cluster' };

/** The first place that holds a kubeconfig, or undefined when there is none. */
export function findKubeconfig(options: KubeconfigLookup): KubeconfigSource | undefined {
  if (options.kubeconfig) return { kind: 'input', text: options.kubeconfig };
  const files = (options.env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  const existing = files.filter((f) => existsSync(f));
  if (existing.length > 0) return { kind: 'files', files: existing };
  const home = path.join(options.env.HOME ?? os.homedir(), '.kube', 'config');
  if (existsSync(home)) return { kind: 'home', file: home };
  if (options.env.KUBERNETES_SERVICE_HOST) return { kind: 'in-cluster' };
  return undefined;
}

/** Whether a kubeconfig can be found where loadKubeConfig looks, without reading it. */
export function hasKubeConfig(options: KubeconfigLookup): boolean {
  return findKubeconfig(options) !== undefined;
}

export function noKubeconfigError(): UserError {
  return new UserError(
    "no kubeconfig: set the 'kubeconfig' input, KUBECONFIG, or ~/.kube/config, or run in a cluster",
  );
}
