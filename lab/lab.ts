/**
 * The rehearsal lab in one call: a kube-sim per region (one kubeconfig with a context each),
 * the demo service following the first region's `shop/api` Deployment, real Prometheus
 * scraping it (when installed), optionally the real Alertmanager fed by its alerting rules, fake GitHub, and a git remote with a deploy history.
 * Everything binds to 127.0.0.1 and `stop()` ends all of it, also when a step failed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DemoApp } from './demo-app/app.js';
import { createGitFixture, type GitFixture } from './git/fixture.js';
import { startFakeGitHub, type FakeGitHub } from './github/server.js';
import { LoadGenerator } from './demo-app/load.js';
import { deployment, imageOf, settled } from './kube-sim/fixtures.js';
import { kubeconfigFor, startKubeSim, type KubeSim } from './kube-sim/server.js';
import { Prometheus, prometheusInstalled } from './prometheus/server.js';
import { Alertmanager, alertmanagerInstalled } from './alertmanager/server.js';

export const LAB_NAMESPACE = 'shop';
export const LAB_DEPLOYMENT = 'api';
/** The Prometheus job label of the demo service: a policy's selector is `job="shop-api"`. */
export const LAB_JOB = 'shop-api';

export interface LabOptions {
  contexts?: string[];
  podReadyDelayMs?: number;
  /** `auto` uses Prometheus when the package is installed; `required` fails without it. */
  prometheus?: 'auto' | 'required' | 'off';
  /**
   * The real Alertmanager, fed by Prometheus' alerting rules over the demo service (LAB_RULES);
   * `auto` when the package is installed. Default `off`.
   */
  alertmanager?: 'auto' | 'required' | 'off';
}

/** The alerting rules the lab's Prometheus evaluates over the demo service, every second. */
export const LAB_RULES = `groups:
  - name: shop-api
    rules:
      - alert: ShopApiErrorBudgetBurn
        expr: |
          sum(rate(http_requests_total{job="${LAB_JOB}",code=~"5.."}[10s]))
            / sum(rate(http_requests_total{job="${LAB_JOB}"}[10s])) > 0.05
        for: 2s
        labels:
          severity: page
          service: api
        annotations:
          summary: More than 5 % of requests to the shop API fail
      - alert: ShopApiSlow
        expr: |
          histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="${LAB_JOB}"}[10s]))) > 1
        for: 2s
        labels:
          severity: warning
          service: api
        annotations:
          summary: The shop API's p95 is above 1 s
`;

export interface Lab {
  dir: string;
  contexts: string[];
  sims: Record<string, KubeSim>;
  kubeconfigPath: string;
  app: DemoApp;
  prometheus: Prometheus | undefined;
  alertmanager: Alertmanager | undefined;
  github: FakeGitHub;
  git: GitFixture;
  /** Applies the `api` Deployment with this image in every region (or the ones named). */
  deploy(image: string, contexts?: string[]): void;
  /** Deploys `image` everywhere and waits until the first region runs it, settled (30 s at most). */
  release(image: string): Promise<void>;
  /** The image the first region's `api` Deployment runs. */
  runningImage(): string | undefined;
  /**
   * Starts load on the demo service (bounded by `durationMs`) and waits until Prometheus has
   * seen over 100 requests, so a guard has traffic to judge from its first poll.
   */
  underLoad(ratePerSecond: number, durationMs: number): Promise<LoadGenerator>;
  stop(): Promise<void>;
}

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const contexts = options.contexts ?? ['eu-west', 'us-east'];
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const each of stops.reverse()) await each().catch(() => undefined);
    stops.length = 0;
  };
  try {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rollback-lab-'));
    stops.push(() => rm(dir, { recursive: true, force: true }));
    const sims: Record<string, KubeSim> = {};
    for (const context of contexts) {
      const sim = await startKubeSim({
        podReadyDelayMs: options.podReadyDelayMs ?? 300,
        namespaces: [LAB_NAMESPACE],
      });
      stops.push(() => sim.close());
      sims[context] = sim;
    }
    const kubeconfigPath = path.join(dir, 'kubeconfig');
    await writeFile(
      kubeconfigPath,
      kubeconfigFor(
        contexts.map((name) => ({ name, url: sims[name]?.url ?? '', namespace: LAB_NAMESPACE })),
      ),
    );
    const first = sims[contexts[0] ?? ''];
    if (!first) throw new Error('lab: at least one context is needed');
    const app = await new DemoApp({
      sim: first,
      namespace: LAB_NAMESPACE,
      deployment: LAB_DEPLOYMENT,
    }).start();
    stops.push(() => app.close());
    let alertmanager: Alertmanager | undefined;
    const alerts = options.alertmanager ?? 'off';
    if (alerts === 'required' || (alerts === 'auto' && alertmanagerInstalled())) {
      const started = await Alertmanager.start();
      stops.push(() => started.stop());
      alertmanager = started;
    }
    let prometheus: Prometheus | undefined;
    const wanted = options.prometheus ?? 'auto';
    if (wanted === 'required' || (wanted === 'auto' && prometheusInstalled())) {
      prometheus = await Prometheus.start({
        ...(alertmanager ? { rules: LAB_RULES, alertmanagerUrl: alertmanager.url } : {}),
        targets: [
          {
            job: LAB_JOB,
            address: app.url.replace('http://', ''),
            labels: { namespace: LAB_NAMESPACE },
          },
        ],
      });
      const started = prometheus;
      stops.push(() => started.stop());
    }
    const github = await startFakeGitHub('acme/shop');
    stops.push(() => github.close());
    const git = await createGitFixture();
    stops.push(() => git.cleanup());
    const deploy = (image: string, only = contexts): void => {
      for (const context of only)
        sims[context]?.apply(
          deployment(LAB_DEPLOYMENT, image, { namespace: LAB_NAMESPACE, replicas: 3 }),
        );
    };
    return {
      dir,
      contexts,
      sims,
      kubeconfigPath,
      app,
      prometheus,
      alertmanager,
      github,
      git,
      deploy,
      async release(image) {
        deploy(image);
        await first.waitFor(
          'Deployment',
          LAB_NAMESPACE,
          LAB_DEPLOYMENT,
          (o) => settled(o) && imageOf(o) === image,
          30_000,
        );
      },
      runningImage() {
        return imageOf(first.get('Deployment', LAB_NAMESPACE, LAB_DEPLOYMENT));
      },
      async underLoad(ratePerSecond, durationMs) {
        const load = new LoadGenerator({ url: `${app.url}/`, ratePerSecond, durationMs }).start();
        stops.push(() => Promise.resolve(load.stop()));
        await prometheus?.waitFor(
          `sum(increase(http_requests_total{job="${LAB_JOB}"}[10s]))`,
          (s) => Number(s[0]?.value?.[1] ?? 0) > 100,
        );
        return load;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Ends the lab on Ctrl-C or termination, then exits; for the CLI entry points. */
export function stopOnSignals(lab: { stop(): Promise<void> }): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void lab.stop().finally(() => process.exit(130));
    });
  }
}
