/**
 * The last-known-good ledger: a ConfigMap per namespace recording each release that a guard
 * verified (or a person marked good): per target its revision, images, digests and template,
 * with the git SHA, time and run URL. Writes carry the resourceVersion they read, so two
 * writers never lose each other's entries (a 409 re-reads and retries); history is bounded.
 */
import { UserError } from '../errors.js';
import { KubeError, type KubeClient } from './client.js';
import type { CapturedTarget } from './snapshot.js';
import type { ConfigMap, PodTemplate, WorkloadKind } from './types.js';

export const LEDGER_NAME = 'rollback-action-ledger';
const LEDGER_KEY = 'releases.json';
export const LEDGER_LIMIT = 20;

export interface LedgerTarget {
  kind: WorkloadKind;
  name: string;
  revision: number | undefined;
  images: Record<string, string>;
  digests: Record<string, string[]>;
  template: PodTemplate;
}

export interface LedgerEntry {
  recordedAt: string;
  sha: string | undefined;
  runUrl: string | undefined;
  reason: string | undefined;
  targets: LedgerTarget[];
}

function parse(configMap: ConfigMap | undefined): LedgerEntry[] {
  const text = configMap?.data?.[LEDGER_KEY];
  if (!text) return [];
  try {
    const entries = JSON.parse(text) as unknown;
    return Array.isArray(entries) ? (entries as LedgerEntry[]) : [];
  } catch {
    return [];
  }
}

export async function readLedger(client: KubeClient, namespace: string): Promise<LedgerEntry[]> {
  return parse(await client.getConfigMap(namespace, LEDGER_NAME));
}

export function ledgerTarget(captured: CapturedTarget): LedgerTarget {
  return {
    kind: captured.kind,
    name: captured.name,
    revision: captured.revision,
    images: captured.images,
    digests: captured.digests,
    template: captured.template,
  };
}

/** Adds an entry (newest first, at most LEDGER_LIMIT), retrying on a concurrent write. */
export async function recordGood(
  client: KubeClient,
  namespace: string,
  entry: LedgerEntry,
  attempts = 5,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const current = await client.getConfigMap(namespace, LEDGER_NAME);
    const entries = [entry, ...parse(current)].slice(0, LEDGER_LIMIT);
    const data = { [LEDGER_KEY]: JSON.stringify(entries) };
    try {
      if (current) await client.updateConfigMap(namespace, { ...current, data });
      else
        await client.createConfigMap(namespace, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: {
            name: LEDGER_NAME,
            namespace,
            labels: { 'app.kubernetes.io/managed-by': 'rollback-action' },
          },
          data,
        });
      return entries.length;
    } catch (error) {
      // 409: someone wrote in between (a stale resourceVersion, or a create race); read again.
      if (error instanceof KubeError && error.status === 409 && attempt < attempts) continue;
      throw error;
    }
  }
}

/** The newest verified release of a target, or a one-line reason there is none. */
export function lastGood(
  entries: LedgerEntry[],
  kind: WorkloadKind,
  name: string,
): { entry: LedgerEntry; target: LedgerTarget } {
  for (const entry of entries) {
    const target = entry.targets.find((t) => t.kind === kind && t.name === name);
    if (target) return { entry, target };
  }
  throw new UserError(
    `to-revision last-good: no verified release of ${kind.toLowerCase()}/${name} in the ledger (ConfigMap ${LEDGER_NAME}); a guard that passes, or mode mark-good, records one`,
  );
}
