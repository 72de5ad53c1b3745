/**
 * The demo service: an HTTP app exporting Prometheus metrics (`http_requests_total` by code,
 * `http_request_duration_seconds`) whose behaviour follows what kube-sim runs. Each request is
 * served "by" one ready pod of its Deployment, picked at random, and behaves as that pod's
 * image does: a healthy tag, a `bad` tag returning a share of 5xx, a `slow` tag adding
 * latency. A rollout therefore shifts the error ratio pod by pod, as in a real cluster.
 */
import { createServer, type Server } from 'node:http';
import { Counter, Histogram, Registry } from 'prom-client';
import type { KubeSim } from '../kube-sim/server.js';
import { closeServer, listenOnLoopback } from '../util/net.js';

export interface Behaviour {
  errorRate: number;
  latencyMs: number;
}

export const DEFAULT_BEHAVIOURS: Record<string, Behaviour> = {
  bad: { errorRate: 0.25, latencyMs: 5 },
  slow: { errorRate: 0, latencyMs: 1200 },
};
const HEALTHY: Behaviour = { errorRate: 0, latencyMs: 5 };

export interface DemoAppOptions {
  sim: KubeSim;
  namespace?: string;
  deployment: string;
  /** Behaviour by a word in the image tag (`shop/api:2.0-bad` is bad). */
  behaviours?: Record<string, Behaviour>;
}

export function behaviourOfImage(
  image: string,
  behaviours: Record<string, Behaviour> = DEFAULT_BEHAVIOURS,
): Behaviour {
  const tag = image.includes(':') ? (image.split(':').pop() ?? '') : '';
  for (const [word, behaviour] of Object.entries(behaviours)) {
    if (tag.split(/[-._]/).includes(word)) return behaviour;
  }
  return HEALTHY;
}

/** The few fields of kube-sim's objects the app reads. */
interface DeploymentView {
  spec: { selector?: { matchLabels?: Record<string, string> } };
}
interface PodView {
  metadata: { labels?: Record<string, string> };
  spec: { containers: { image?: string }[] };
  status?: { conditions?: { type: string; status: string }[] };
}

export class DemoApp {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests served, by status code.',
    labelNames: ['code', 'method'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency.',
    labelNames: ['method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly server: Server;
  url = '';

  constructor(private readonly options: DemoAppOptions) {
    this.server = createServer((req, res) => {
      if (req.url === '/metrics') {
        void this.registry.metrics().then((text) => {
          res.writeHead(200, { 'Content-Type': this.registry.contentType });
          res.end(text);
        });
        return;
      }
      if (req.url === '/healthz') {
        const serving = this.readyImages().length > 0;
        res.writeHead(serving ? 200 : 503).end(serving ? 'ok' : 'no ready pods');
        return;
      }
      void this.serve(req.method ?? 'GET').then(({ code, body }) =>
        res.writeHead(code, { 'Content-Type': 'text/plain' }).end(body),
      );
    });
  }

  /** Images of the Deployment's ready pods, one entry per pod. */
  readyImages(): string[] {
    const { sim, namespace = 'default', deployment } = this.options;
    const d = sim.get('Deployment', namespace, deployment) as DeploymentView | undefined;
    if (!d) return [];
    const selector = d.spec.selector?.matchLabels ?? {};
    return (sim.list('Pod', namespace) as PodView[])
      .filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v))
      .filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
      .map((p) => p.spec.containers[0]?.image ?? '');
  }

  private async serve(method: string): Promise<{ code: number; body: string }> {
    const started = process.hrtime.bigint();
    const images = this.readyImages();
    let code = 503;
    let body = 'no ready pods';
    if (images.length > 0) {
      const image = images[Math.floor(Math.random() * images.length)] ?? '';
      const behaviour = behaviourOfImage(image, this.options.behaviours);
      await new Promise((r) => setTimeout(r, behaviour.latencyMs));
      const failed = Math.random() < behaviour.errorRate;
      code = failed ? 500 : 200;
      body = failed ? `error from ${image}` : `ok from ${image}`;
    }
    this.requests.inc({ code: String(code), method });
    this.duration.observe({ method }, Number(process.hrtime.bigint() - started) / 1e9);
    return { code, body };
  }

  async start(): Promise<this> {
    this.url = await listenOnLoopback(this.server);
    return this;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }
}
