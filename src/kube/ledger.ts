/**
 * The last-known-good ledger: a ConfigMap per namespace recording each release that a guard
 * verified (or a person marked good): per target its revision, images, digests and template,
 * with the git SHA, time and run URL. Writes carry the resourceVersion they read, so two
 * writers never lose each other's entries (a 409 re-reads and retries); history is bounded.
 */
import pLimit from 'p-limit';
import { UserError, UserErrors } from '../errors.js';
import { captureTarget } from './capture.js';
import { KubeError, clientFor, type KubeClient } from './client.js';
import { rolloutStatus } from './rollout.js';
import { describeRef, type CapturedTarget, type TargetRef } from './snapshot.js';
import { kindName, type ConfigMap, type PodTemplate, type WorkloadKind } from './types.js';
import { plural } from '../text.js';

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
  /** Revert pull requests merged since, that this release is the first verified to carry. */
  reverts?: { number: number; url: string }[];
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

/**
 * The newest verified release of a target (of commit `sha`, a full SHA or a prefix, when
 * given), or a one-line reason there is none.
 */
export function lastGood(
  entries: LedgerEntry[],
  kind: WorkloadKind,
  name: string,
  sha?: string,
): { entry: LedgerEntry; target: LedgerTarget } {
  for (const entry of entries) {
    if (sha !== undefined && !entry.sha?.toLowerCase().startsWith(sha)) continue;
    const target = entry.targets.find((t) => t.kind === kind && t.name === name);
    if (target) return { entry, target };
  }
  if (sha !== undefined)
    throw new UserError(
      `to-revision ${sha}: no verified release of ${kindName(kind)}/${name} from that commit in the ledger (ConfigMap ${LEDGER_NAME}); a Kubernetes rollback to a commit needs one, a git revert does not`,
    );
  throw new UserError(
    `to-revision last-good: no verified release of ${kindName(kind)}/${name} in the ledger (ConfigMap ${LEDGER_NAME}); a guard that passes, or mode mark-good, records one`,
  );
}

export interface LedgerRecord {
  context: string;
  namespace: string;
  /** What was recorded, `deployment/api@3`. */
  targets: string[];
  entries: number;
}

/** What a ledger entry says of the run that recorded it. */
export interface GoodRelease {
  recordedAt: string;
  sha: string | undefined;
  runUrl: string | undefined;
  reason: string | undefined;
  reverts?: { number: number; url: string }[];
}

/** Records what `refs` run now in their namespaces' ledgers; refuses anything mid-rollout. */
export async function recordGoodRelease(
  clients: ReadonlyMap<string, KubeClient>,
  refs: readonly TargetRef[],
  /** The entry's facts, or a function giving them once every target is read and rolled out. */
  release: GoodRelease | (() => Promise<GoodRelease>),
  options: { concurrency: number; log: (line: string) => void },
): Promise<LedgerRecord[]> {
  const limit = pLimit(options.concurrency);
  const captured = await Promise.all(
    refs.map((ref) =>
      limit(async () => {
        const client = clientFor(clients, ref.context);
        const state = rolloutStatus(
          ref.kind,
          await client.getWorkload(ref.kind, ref.namespace, ref.name),
        );
        if (!state.done)
          throw new UserError(
            `${describeRef(ref)} is not fully rolled out (${state.failed ?? state.message}); not marking it good`,
          );
        return captureTarget(client, ref);
      }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    ),
  );
  const failures = captured.filter((c): c is Error => c instanceof Error);
  if (failures.length)
    throw new UserErrors(
      failures.map((e) => (e instanceof UserError ? e : new UserError(e.message))),
    );
  const facts = typeof release === 'function' ? await release() : release;

  const groups = new Map<string, CapturedTarget[]>();
  for (const target of captured as CapturedTarget[]) {
    const key = `${target.context}|${target.namespace}`;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  const recorded: LedgerRecord[] = [];
  for (const [key, targets] of groups) {
    const [contextName = '', namespace = ''] = key.split('|');
    const entries = await recordGood(clientFor(clients, contextName), namespace, {
      ...facts,
      targets: targets.map(ledgerTarget),
    });
    const names = targets.map((t) => `${kindName(t.kind)}/${t.name}@${t.revision ?? '?'}`);
    options.log(
      `${contextName}/${namespace}: recorded ${names.join(', ')} as good in ConfigMap ${LEDGER_NAME} (${plural(entries, 'release')} kept)`,
    );
    recorded.push({ context: contextName, namespace, targets: names, entries });
  }
  return recorded;
}
