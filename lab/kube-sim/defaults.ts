/**
 * What the API server fills in on write, so objects read back as they would from a real
 * cluster (and so kubectl's typed round trip of a template matches what the controllers stored).
 */
import { createHash } from 'node:crypto';
import { goJson, type Json } from './patch.js';

type Obj = Record<string, any>;

function imagePullPolicy(image: string): string {
  const lastPart = image.split('/').pop() ?? image;
  const tag = lastPart.includes('@')
    ? 'digest'
    : lastPart.includes(':')
      ? lastPart.split(':').pop()
      : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(container: Obj): void {
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  if (typeof container.image === 'string')
    container.imagePullPolicy ??= imagePullPolicy(container.image);
  container.resources ??= {};
  for (const port of container.ports ?? []) port.protocol ??= 'TCP';
}

export function defaultPodTemplate(template: Obj | undefined): void {
  if (!template) return;
  template.metadata ??= {};
  if (!('creationTimestamp' in template.metadata)) template.metadata.creationTimestamp = null;
  const spec = (template.spec ??= {});
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

export function defaultWorkload(kind: string, object: Obj): void {
  const spec = (object.spec ??= {});
  switch (kind) {
    case 'Deployment':
      spec.replicas ??= 1;
      spec.strategy ??= {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      };
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      break;
    case 'StatefulSet':
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= 'OrderedReady';
      spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
      spec.revisionHistoryLimit ??= 10;
      spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      break;
    case 'DaemonSet':
      spec.updateStrategy ??= {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
      };
      spec.revisionHistoryLimit ??= 10;
      break;
    case 'ReplicaSet':
      spec.replicas ??= 1;
      break;
  }
  defaultPodTemplate(spec.template);
}

/** The API server's pod-template-hash alphabet (no vowels, no confusable digits). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A stable, safe-encoded hash of a value, as the controllers use for names and labels. */
export function templateHash(value: Json, collisionCount = 0): string {
  const digits = String(fnv32a(`${goJson(value)}#${collisionCount}`));
  return Array.from(digits)
    .map((d) => ALPHANUMS[d.charCodeAt(0) % ALPHANUMS.length])
    .join('');
}

/** The digest a registry would report for an image, stable per image reference. */
export function imageDigest(image: string): string {
  return `sha256:${createHash('sha256').update(image).digest('hex')}`;
}

export function randomSuffix(length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMS[Math.floor(Math.random() * ALPHANUMS.length)];
  return out;
}
