/**
 * The action's undo against kubectl's, shape by shape: two identical kube-sims get the same
 * history; `kubectl rollout undo` runs on one, the action's rollback on the other; the objects
 * that result must be equal, and the action must not make more API calls than kubectl did
 * (counting the calls that read, list and patch; kubectl's discovery calls are not counted).
 */
import {
  daemonSet,
  deployment,
  statefulSet,
  type WorkloadOptions,
  settled,
} from '../../lab/kube-sim/fixtures.js';
import { Kubectl } from '../../lab/kube-sim/kubectl.js';
import { startKubeSim, type KubeSim } from '../../lab/kube-sim/server.js';
import { runAction } from '../../lab/runner/harness.js';

type Kind = 'Deployment' | 'StatefulSet' | 'DaemonSet';
interface Shape {
  name: string;
  kind?: Kind;
  /** Each entry is one release: an image, or full workload options. */
  releases: (string | (WorkloadOptions & { image: string }))[];
  annotations?: Record<string, string>[];
  paused?: boolean;
  toRevision?: number;
}

const container = (
  image: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({ name: 'api', image, ...extra });

const SHAPES: Shape[] = [
  { name: 'two revisions, back to the previous', releases: ['api:1', 'api:2'] },
  { name: 'four revisions, back to the previous', releases: ['api:1', 'api:2', 'api:3', 'api:4'] },
  {
    name: 'change-cause on every revision',
    releases: ['api:1', 'api:2', 'api:3'],
    annotations: [
      { 'kubernetes.io/change-cause': 'first' },
      { 'kubernetes.io/change-cause': 'second' },
      { 'kubernetes.io/change-cause': 'third', team: 'shop' },
    ],
  },
  {
    name: 'an old template comes back, then a new one',
    releases: ['api:1', 'api:2', 'api:1', 'api:3'],
  },
  {
    name: '--to-revision of the first of four',
    releases: ['api:1', 'api:2', 'api:3', 'api:4'],
    toRevision: 1,
  },
  {
    name: 'several containers',
    releases: [
      { image: 'api:1', containers: [container('api:1'), { name: 'proxy', image: 'envoy:1.30' }] },
      {
        image: 'api:2',
        containers: [
          container('api:2'),
          { name: 'proxy', image: 'envoy:1.31' },
          { name: 'log', image: 'fluent:3' },
        ],
      },
    ],
  },
  {
    name: 'init containers, env and volumes',
    releases: [
      {
        image: 'api:1',
        containers: [
          container('api:1', {
            env: [{ name: 'MODE', value: 'a' }],
            volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
          }),
        ],
        spec: {
          template: {
            metadata: { labels: { app: 'api' } },
            spec: {
              initContainers: [{ name: 'migrate', image: 'api:1', command: ['migrate'] }],
              containers: [container('api:1')],
              volumes: [{ name: 'cache', emptyDir: {} }],
            },
          },
        },
      },
      {
        image: 'api:2',
        containers: [
          container('api:2', {
            env: [
              { name: 'MODE', value: 'b' },
              { name: 'NEW', value: '1' },
            ],
          }),
        ],
      },
    ],
  },
  {
    name: 'fields newer than many clients (sidecar restartPolicy, resizePolicy, hostUsers)',
    releases: [
      {
        image: 'api:1',
        spec: {
          template: {
            metadata: { labels: { app: 'api' } },
            spec: {
              hostUsers: false,
              initContainers: [{ name: 'mesh', image: 'mesh:1', restartPolicy: 'Always' }],
              containers: [
                container('api:1', {
                  resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
                }),
              ],
            },
          },
        },
      },
      'api:2',
    ],
  },
  { name: 'a paused Deployment is refused', releases: ['api:1', 'api:2'], paused: true },
  {
    name: 'already at the wanted revision is skipped',
    releases: ['api:1', 'api:2', 'api:3'],
    toRevision: 3,
  },
  { name: 'a missing revision is refused', releases: ['api:1', 'api:2'], toRevision: 9 },
  {
    name: 'a StatefulSet back to the previous',
    kind: 'StatefulSet',
    releases: ['db:1', 'db:2', 'db:3'],
  },
  {
    name: 'a DaemonSet back to the first',
    kind: 'DaemonSet',
    releases: ['agent:1', 'agent:2', 'agent:3'],
    toRevision: 1,
  },
];

const FACTORIES = {
  Deployment: deployment,
  StatefulSet: statefulSet,
  DaemonSet: daemonSet,
} as const;
const PLURAL = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
} as const;

async function build(shape: Shape): Promise<KubeSim> {
  const sim = await startKubeSim({ podReadyDelayMs: 5 });
  const kind = shape.kind ?? 'Deployment';
  const name = kind === 'Deployment' ? 'api' : kind === 'StatefulSet' ? 'db' : 'agent';
  for (const [i, release] of shape.releases.entries()) {
    const { image, ...options } = typeof release === 'string' ? { image: release } : release;
    const annotations = shape.annotations?.[i];
    const object = FACTORIES[kind](name, image, {
      ...options,
      ...(annotations ? { annotations } : {}),
    });
    if (kind !== 'Deployment') object.spec.template.spec.containers[0].name = name;
    sim.apply(object);
    await sim.waitFor(
      kind,
      'default',
      name,
      (o) =>
        settled(o) &&
        o.spec.template.spec.containers[0].image ===
          (object.spec.template.spec.containers[0].image as string),
    );
  }
  if (shape.paused) {
    const current = sim.get(kind, 'default', name);
    sim.apply({ ...current, spec: { ...current?.spec, paused: true } });
    await sim.waitFor(kind, 'default', name, (o) =>
      o.status?.conditions?.some((c: any) => c.reason === 'DeploymentPaused'),
    );
  }
  return sim;
}

/** The object, without what differs between two servers by nature (uids, times, versions). */
function comparable(o: any): any {
  const copy = structuredClone(o);
  delete copy.metadata.uid;
  delete copy.metadata.resourceVersion;
  delete copy.metadata.creationTimestamp;
  for (const c of copy.status?.conditions ?? []) {
    delete c.lastUpdateTime;
    delete c.lastTransitionTime;
  }
  return copy;
}

function history(sim: KubeSim, kind: Kind): string[] {
  if (kind === 'Deployment')
    return sim
      .list('ReplicaSet', 'default')
      .map(
        (rs) =>
          `${rs.metadata.name} r${rs.metadata.annotations['deployment.kubernetes.io/revision']} x${rs.spec.replicas} ${JSON.stringify(rs.metadata.annotations)}`,
      )
      .sort();
  return sim
    .list('ControllerRevision', 'default')
    .map((r) => `${r.metadata.name} r${r.revision}`)
    .sort();
}

/** Calls that read, list or write objects (not discovery), up to and including the first PATCH. */
function undoCalls(sim: KubeSim, from: number): string[] {
  const calls = sim.requests
    .slice(from)
    .filter((r) => /^\/(api\/v1|apis\/apps\/v1)\/namespaces\//.test(r.path));
  const patch = calls.findIndex((r) => r.method === 'PATCH');
  return (patch >= 0 ? calls.slice(0, patch + 1) : calls).map(
    (r) => `${r.method} ${r.path.replace(/^.*\/namespaces\/default\//, '')}`,
  );
}

describe('undo equivalence with kubectl rollout undo', () => {
  test.each(SHAPES.map((s) => [s.name, s] as const))('%s', async (_name, shape) => {
    const kind = shape.kind ?? 'Deployment';
    const name = kind === 'Deployment' ? 'api' : kind === 'StatefulSet' ? 'db' : 'agent';
    const [viaKubectl, viaAction] = await Promise.all([build(shape), build(shape)]);
    const kubectl = await Kubectl.forConfig(viaKubectl.kubeconfig('sim'));
    try {
      expect(comparable(viaAction.get(kind, 'default', name))).toEqual(
        comparable(viaKubectl.get(kind, 'default', name)),
      );

      const kubectlFrom = viaKubectl.requests.length;
      const args = [
        'rollout',
        'undo',
        `${PLURAL[kind]}/${name}`,
        ...(shape.toRevision ? [`--to-revision=${shape.toRevision}`] : []),
      ];
      const byKubectl = await kubectl.run(args);

      const actionFrom = viaAction.requests.length;
      const byAction = await runAction({
        inputs: {
          mode: 'rollback',
          kubeconfig: viaAction.kubeconfig('sim'),
          targets: `${kind.toLowerCase()}/${name}`,
          'to-revision': shape.toRevision ? String(shape.toRevision) : 'previous',
        },
        // No GitHub: the incident's own reads (when the release went out) are not the undo's.
        token: '',
      });

      const report = JSON.parse(
        byAction.outputs.report ?? '{"rollback":{"targets":[{}]}}',
      ).rollback;
      const outcome = report.targets[0].outcome as string;
      if (byKubectl.stdout.includes(' rolled back')) expect(outcome).toBe('rolled-back');
      else if (byKubectl.stdout.includes('skipped rollback')) expect(outcome).toBe('skipped');
      else {
        expect(byKubectl.code).toBe(1);
        expect(outcome).toBe('failed');
        expect(report.targets[0].message).toBe(
          byKubectl.stderr
            .replace(/^error: /, '')
            .trim()
            .replace(
              "resume it first with 'kubectl rollout resume' and try again",
              `resume it first (kubectl rollout resume deployment/${name}) and try again`,
            )
            .replace('you cannot rollback a paused deployment;', `deployment "${name}" is paused;`),
        );
      }

      await viaKubectl.waitFor(kind, 'default', name, settled);
      await viaAction.waitFor(kind, 'default', name, settled);
      expect(comparable(viaAction.get(kind, 'default', name))).toEqual(
        comparable(viaKubectl.get(kind, 'default', name)),
      );
      expect(history(viaAction, kind)).toEqual(history(viaKubectl, kind));

      const actionCalls = undoCalls(viaAction, actionFrom);
      const kubectlCalls = undoCalls(viaKubectl, kubectlFrom);
      expect(actionCalls.length).toBeLessThanOrEqual(kubectlCalls.length);
    } finally {
      await kubectl.dispose();
      await viaKubectl.close();
      await viaAction.close();
    }
  });
});
