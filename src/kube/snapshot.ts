/**
 * The pre-deploy snapshot: per target and context, what ran before the deploy, so a rollback
 * goes back to exactly that (even when it is not the "previous" revision, and even when its
 * revision was pruned from history by then).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFileBounded, TooLargeError } from '../bounded.js';
import { UserError, quote } from '../errors.js';
import { formatBytes, LIMITS } from '../limits.js';
import { parseErrorLine } from '../parse-error.js';
import type { Baseline } from '../metrics/baselines.js';
import { snapshotFile, snapshotFromFile } from '../report/json.js';
import type { SnapshotFile } from '../report/types.js';
import { kindName, type PodTemplate, type Pod, type Workload, type WorkloadKind } from './types.js';

export interface TargetRef {
  context: string;
  kind: WorkloadKind;
  namespace: string;
  name: string;
}

export interface GitOpsMarker {
  tool: 'argocd' | 'flux';
  /** The application or Kustomization/HelmRelease that owns the workload. */
  owner: string;
}

export interface CapturedTarget extends TargetRef {
  uid: string;
  revision: number | undefined;
  generation: number | undefined;
  replicas: number | undefined;
  paused: boolean;
  /** Revisions still in history at capture time, newest first. */
  history: number[];
  images: Record<string, string>;
  /** Image digests the running pods report, per container. */
  digests: Record<string, string[]>;
  gitops: GitOpsMarker | undefined;
  template: PodTemplate;
}

/** The snapshot as the code uses it; written and read as SnapshotFile (report/types.ts). */
export interface Snapshot {
  version: 1;
  capturedAt: string;
  sha: string | undefined;
  runUrl: string | undefined;
  targets: CapturedTarget[];
  /** Each trigger's value before the deploy, by trigger name (when the policy has triggers). */
  baselines?: Record<string, Baseline>;
  /** The deployed range's base (what a git revert goes back to), and where it came from. */
  base?: { sha: string; from: string };
}

export function refKey(ref: TargetRef): string {
  return `${ref.context}/${ref.namespace}/${kindName(ref.kind)}/${ref.name}`;
}

export function findCaptured(snapshot: Snapshot, ref: TargetRef): CapturedTarget | undefined {
  return snapshot.targets.find((t) => refKey(t) === refKey(ref));
}

/** Argo CD and Flux mark what they manage with these labels and annotations. */
export function gitOpsOf(workload: Workload): GitOpsMarker | undefined {
  const labels = workload.metadata.labels ?? {};
  const annotations = workload.metadata.annotations ?? {};
  const argo =
    annotations['argocd.argoproj.io/tracking-id'] ??
    labels['argocd.argoproj.io/instance'] ??
    annotations['argocd.argoproj.io/instance'];
  if (argo) return { tool: 'argocd', owner: argo.split(':')[0] ?? argo };
  const flux =
    labels['kustomize.toolkit.fluxcd.io/name'] !== undefined
      ? `Kustomization ${labels['kustomize.toolkit.fluxcd.io/namespace'] ?? ''}/${labels['kustomize.toolkit.fluxcd.io/name']}`
      : labels['helm.toolkit.fluxcd.io/name'] !== undefined
        ? `HelmRelease ${labels['helm.toolkit.fluxcd.io/namespace'] ?? ''}/${labels['helm.toolkit.fluxcd.io/name']}`
        : undefined;
  return flux ? { tool: 'flux', owner: flux } : undefined;
}

export function imagesOf(template: PodTemplate): Record<string, string> {
  const containers = [
    ...(template.spec?.initContainers ?? []),
    ...(template.spec?.containers ?? []),
  ];
  return Object.fromEntries(containers.map((c) => [c.name, c.image ?? '']));
}

/** `docker.io/library/api@sha256:ab…` → `sha256:ab…`, per container, from ready or not pods alike. */
export function digestsOf(pods: Pod[]): Record<string, string[]> {
  const digests: Record<string, Set<string>> = {};
  for (const pod of pods) {
    for (const status of pod.status?.containerStatuses ?? []) {
      const digest = /@(sha256:[0-9a-f]{64})$/.exec(status.imageID ?? '')?.[1];
      if (digest) (digests[status.name] ??= new Set()).add(digest);
    }
  }
  return Object.fromEntries(Object.entries(digests).map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Writes the snapshot under RUNNER_TEMP (the OS temp dir outside a runner), named by its
 * time, in its kebab-case JSON form (SnapshotFile); returns the file and the JSON written,
 * which is also the `snapshot` output.
 */
export async function writeSnapshot(
  snapshot: Snapshot,
  runnerTemp: string | undefined,
): Promise<{ file: string; json: string }> {
  const json = JSON.stringify(snapshotFile(snapshot));
  const dir = path.join(runnerTemp || os.tmpdir(), 'rollback-action');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `snapshot-${snapshot.capturedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, json);
  return { file, json };
}

/** A snapshot from the `snapshot` input: JSON text, or the path of a file holding it. */
export function readSnapshot(value: string): Snapshot {
  // JSON text starts with { or [ (a list is JSON too, just not a snapshot); else it is a path.
  const file = /^\s*[{[]/.test(value) ? undefined : value;
  const text = file === undefined ? value : readFileText(file);
  // Never the parser's message: it quotes the text, and a wrong path may name any file.
  const notOurs = (why: string): UserError =>
    new UserError(
      file === undefined
        ? `input 'snapshot': not a rollback-action snapshot (${why}); use the 'snapshot' output of mode: capture`
        : `input 'snapshot': ${quote(file)} is not a rollback-action snapshot (${why})`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw notOurs(parseErrorLine(error));
  }
  const snapshot = parsed as Partial<SnapshotFile> | null;
  if (snapshot?.version !== 1 || !Array.isArray(snapshot.targets))
    throw notOurs('expected version 1 with targets');
  if (typeof snapshot['captured-at'] !== 'string') throw notOurs("expected 'captured-at'");
  return snapshotFromFile(snapshot as SnapshotFile);
}

function readFileText(file: string): string {
  try {
    return readFileBounded(file, LIMITS.snapshotFile);
  } catch (error) {
    if (error instanceof TooLargeError)
      throw new UserError(
        `input 'snapshot': ${quote(file)} is larger than ${formatBytes(error.limit)}; it is not a snapshot from mode: capture`,
      );
    throw new UserError(`input 'snapshot': neither JSON nor a readable file: ${quote(file)}`);
  }
}

/** A target as people read it, one way everywhere: `eu-west shop/deployment/api`. */
export function describeRef(ref: TargetRef): string {
  return `${ref.context} ${ref.namespace}/${kindName(ref.kind)}/${ref.name}`;
}
