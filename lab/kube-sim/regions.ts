/**
 * Several kube-sims, one per region, behind one kubeconfig, and a release of deployment/api
 * in each: the multi-region scenario the end-to-end tests share.
 */
import { deployment, imageOf, settled } from './fixtures.js';
import { kubeconfigFor, startKubeSim, type KubeSim } from './server.js';

export interface Regions {
  sims: Record<string, KubeSim>;
  kubeconfig: string;
  close(): Promise<void>;
}

/** One sim per region, namespace `shop`, pods ready after 10 ms. */
export async function startRegions(regions: readonly string[]): Promise<Regions> {
  const sims: Record<string, KubeSim> = {};
  try {
    for (const region of regions)
      sims[region] = await startKubeSim({ podReadyDelayMs: 10, namespaces: ['shop'] });
  } catch (error) {
    for (const sim of Object.values(sims)) await sim.close();
    throw error;
  }
  const kubeconfig = kubeconfigFor(
    regions.map((name) => ({
      name,
      url: sims[name]?.url ?? '',
      namespace: 'shop',
      token: `t-${name}`,
    })),
  );
  return {
    sims,
    kubeconfig,
    close: async () => {
      for (const sim of Object.values(sims)) await sim.close();
    },
  };
}

/** Releases `shop/api:<tag>` as deployment/api in every sim and waits for it to settle. */
export async function releaseEverywhere(
  sims: Record<string, KubeSim>,
  tag: string,
  annotations?: Record<string, string>,
): Promise<void> {
  for (const sim of Object.values(sims)) {
    sim.apply(
      deployment('api', `shop/api:${tag}`, {
        namespace: 'shop',
        ...(annotations ? { annotations } : {}),
      }),
    );
    await sim.waitFor(
      'Deployment',
      'shop',
      'api',
      (o) => settled(o) && imageOf(o) === `shop/api:${tag}`,
    );
  }
}

/** The image deployment/api runs in `sim`'s template. */
export const apiImage = (sim: KubeSim | undefined): string =>
  imageOf(sim?.get('Deployment', 'shop', 'api'));
