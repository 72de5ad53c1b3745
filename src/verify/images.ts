/**
 * Does a target run what the snapshot captured? Digests decide where the snapshot has them
 * (a tag can be moved, a digest cannot); image strings decide otherwise, and also for a
 * container whose pods report no digest now (scaled to zero, or not started yet).
 */
import { runningOf } from '../kube/capture.js';
import type { KubeClient } from '../kube/client.js';
import type { CapturedTarget, TargetRef } from '../kube/snapshot.js';

export interface RunningImages {
  images: Record<string, string>;
  digests: Record<string, string[]>;
}

export interface ImagesVerdict {
  match: boolean;
  /** One line per container that differs, for the summary and the incident. */
  differences: string[];
}

/** Pure: the snapshot's images and digests against what runs now. */
export function imagesMatch(
  captured: Pick<CapturedTarget, 'images' | 'digests'>,
  current: RunningImages,
): ImagesVerdict {
  const differences: string[] = [];
  const containers = [
    ...new Set([...Object.keys(captured.images), ...Object.keys(current.images)]),
  ].sort();
  for (const container of containers) {
    const was = captured.images[container];
    const now = current.images[container];
    if (was === undefined) {
      differences.push(`container ${container}: runs ${now ?? ''}, not in the snapshot`);
      continue;
    }
    if (now === undefined) {
      differences.push(`container ${container}: in the snapshot (${was}), not running now`);
      continue;
    }
    const wanted = captured.digests[container] ?? [];
    const running = current.digests[container] ?? [];
    if (wanted.length && running.length) {
      // Every pod must run one of the captured digests: one stray pod is a release not undone.
      const stray = running.filter((d) => !wanted.includes(d));
      // The image names first when they differ: a person reads tags, the digests prove it.
      if (stray.length)
        differences.push(
          was === now
            ? `container ${container}: pods run ${stray.map(short).join(', ')}, the snapshot has ${wanted.map(short).join(', ')}`
            : `container ${container}: runs ${now} (${stray.map(short).join(', ')}), the snapshot has ${was} (${wanted.map(short).join(', ')})`,
        );
    } else if (was !== now) {
      differences.push(`container ${container}: runs ${now}, the snapshot has ${was}`);
    }
  }
  return { match: differences.length === 0, differences };
}

/** `sha256:0123456789ab…`: enough to tell digests apart in a table. */
function short(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}

/** What `ref` runs now, read the way capture reads it. */
export async function readRunning(client: KubeClient, ref: TargetRef): Promise<RunningImages> {
  const workload = await client.getWorkload(ref.kind, ref.namespace, ref.name);
  return runningOf(client, ref.namespace, workload);
}

/** `spec.containers[api].image: shop/api:1.1 → shop/api:1.0`, as the undo's diff writes it. */
const IMAGE_CHANGE = /^spec\.(?:initContainers|containers)\[([^\]]+)\]\.image: (.+) → (.+)$/;

/** Pure: the image changes in a template diff, one per container. */
export function imageChanges(
  diff: readonly string[],
): { container: string; before: string; after: string }[] {
  return diff.flatMap((line) => {
    const m = IMAGE_CHANGE.exec(line);
    return m?.[1] && m[2] && m[3] ? [{ container: m[1], before: m[2], after: m[3] }] : [];
  });
}

/**
 * Pure: what a target runs after an undo whose template change is `diff`, from what it ran
 * before: each changed container's new image; digests are not known ahead, so images decide.
 */
export function imagesAfter(
  before: Readonly<Record<string, string>>,
  diff: readonly string[],
): Pick<CapturedTarget, 'images' | 'digests'> {
  const images = { ...before };
  for (const change of imageChanges(diff)) images[change.container] = change.after;
  return { images, digests: {} };
}
