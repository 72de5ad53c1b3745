/** Server-side printing: the `Table` kubectl asks for (`as=Table`) to print `kubectl get`. */
import type { ResourceDef } from './resources.js';
import type { KubeObject } from './store.js';

interface Column {
  name: string;
  type: 'string' | 'integer';
  format?: string;
  priority?: number;
  cell: (o: KubeObject) => string | number;
}

/** Go's duration.HumanDuration, which the API server uses for the Age column. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  return d < 8 && h % 24 !== 0 ? `${d}d${h % 24}h` : `${d}d`;
}

const name: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name };
const age: Column = {
  name: 'Age',
  type: 'string',
  cell: (o) => humanDuration(Date.now() - Date.parse(o.metadata.creationTimestamp)),
};
const int = (title: string, get: (o: KubeObject) => number | undefined, priority = 0): Column => ({
  name: title,
  type: 'integer',
  priority,
  cell: (o) => get(o) ?? 0,
});
const str = (title: string, get: (o: KubeObject) => string, priority = 0): Column => ({
  name: title,
  type: 'string',
  priority,
  cell: get,
});
const containers = (o: KubeObject): KubeObject[] => o.spec?.template?.spec?.containers ?? [];
const selector = (o: KubeObject): string =>
  Object.entries<string>(o.spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

const COLUMNS: Record<string, Column[]> = {
  Deployment: [
    name,
    str('Ready', (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`),
    int('Up-to-date', (o) => o.status?.updatedReplicas),
    int('Available', (o) => o.status?.availableReplicas),
    age,
    str(
      'Containers',
      (o) =>
        containers(o)
          .map((c) => c.name)
          .join(','),
      1,
    ),
    str(
      'Images',
      (o) =>
        containers(o)
          .map((c) => c.image)
          .join(','),
      1,
    ),
    str('Selector', selector, 1),
  ],
  ReplicaSet: [
    name,
    int('Desired', (o) => o.spec?.replicas),
    int('Current', (o) => o.status?.replicas),
    int('Ready', (o) => o.status?.readyReplicas),
    age,
  ],
  StatefulSet: [
    name,
    str('Ready', (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`),
    age,
  ],
  DaemonSet: [
    name,
    int('Desired', (o) => o.status?.desiredNumberScheduled),
    int('Current', (o) => o.status?.currentNumberScheduled),
    int('Ready', (o) => o.status?.numberReady),
    int('Up-to-date', (o) => o.status?.updatedNumberScheduled),
    int('Available', (o) => o.status?.numberAvailable),
    str(
      'Node Selector',
      (o) =>
        Object.entries<string>(o.spec?.template?.spec?.nodeSelector ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
    ),
    age,
  ],
  Pod: [
    name,
    str(
      'Ready',
      (o) =>
        `${(o.status?.containerStatuses ?? []).filter((c: KubeObject) => c.ready).length}/${(o.spec?.containers ?? []).length}`,
    ),
    str(
      'Status',
      (o) =>
        o.status?.containerStatuses?.find((c: KubeObject) => c.state?.waiting)?.state.waiting
          .reason ??
        o.status?.phase ??
        'Pending',
    ),
    int('Restarts', (o) =>
      (o.status?.containerStatuses ?? []).reduce(
        (n: number, c: KubeObject) => n + (c.restartCount ?? 0),
        0,
      ),
    ),
    age,
    str('IP', (o) => o.status?.podIP ?? '<none>', 1),
    str('Node', (o) => o.spec?.nodeName ?? '<none>', 1),
  ],
  ConfigMap: [
    name,
    int('Data', (o) => Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length),
    age,
  ],
  Namespace: [name, str('Status', (o) => o.status?.phase ?? 'Active'), age],
  ControllerRevision: [
    name,
    str('Controller', (o) => {
      const owner = (o.metadata.ownerReferences ?? [])[0];
      return owner ? `${String(owner.kind).toLowerCase()}.apps/${owner.name}` : '<none>';
    }),
    int('Revision', (o) => o.revision),
    age,
  ],
};

export function toTable(def: ResourceDef, items: KubeObject[], resourceVersion: string): unknown {
  const columns = COLUMNS[def.kind] ?? [name, age];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.format ?? '',
      description: c.name,
      priority: c.priority ?? 0,
    })),
    rows: items.map((o) => ({
      cells: columns.map((c) => c.cell(o)),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}
