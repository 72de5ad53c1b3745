/** What every mode receives from main.ts: the settings and the doors to the outside world. */
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { OutputName } from '../constants.js';
import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { repeatedTargetWarnings, uniqueTargets } from '../targets.js';
import type { Git } from '../git.js';
import type { GitHub } from '../github.js';
import type { KubeClient } from '../kube/client.js';
import type { Notifier } from '../notify.js';
import type { GoodRelease } from '../kube/ledger.js';
import type { CapturedTarget, Snapshot, TargetRef } from '../kube/snapshot.js';
import type { Baseline } from '../metrics/baselines.js';
import type { ModeReport } from '../report/types.js';

export interface RunInfo {
  sha: string | undefined;
  runUrl: string | undefined;
  runnerTemp: string | undefined;
}

export interface ModeContext {
  config: Config;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  run: RunInfo;
  /** Opens the Kubernetes clients, one per context, on first use. */
  kube: () => Map<string, KubeClient>;
  /** git in the workspace (the token given per command); undefined without a checkout. */
  git: () => Git | undefined;
  /** GitHub's REST API for this repository; undefined without a token or repository. */
  github: () => GitHub | undefined;
  /** The policy's notifications (Slack, PagerDuty, webhooks); sends nothing without them. */
  notifier: Notifier;
  /** Aborted when the workflow run is cancelled (guard and rollback listen for it). */
  cancelled?: AbortSignal;
}

export interface ModeResult {
  outputs: Partial<Record<OutputName, string>>;
  /** This mode's part of the run report (after its head). */
  report: ModeReport;
  /** Set when the run failed after doing what it could; main fails the step with it. */
  failure?: string;
}

export type ModeHandler = (context: ModeContext) => Promise<ModeResult>;

/** Every target in every context, with its namespace resolved (target, input/policy, context). */
export function targetRefs(context: ModeContext): TargetRef[] {
  const { config } = context;
  if (config.targets.value.length === 0)
    throw new UserError("no targets: set the 'targets' input or the policy's 'targets'");
  const clients = context.kube();
  const refs: TargetRef[] = [];
  for (const [name, client] of clients) {
    // A target without a namespace takes the context's; it may then repeat another target.
    const { targets, repeated } = uniqueTargets(
      config.targets.value,
      config.namespace.value ?? client.defaultNamespace,
    );
    for (const message of repeatedTargetWarnings(
      repeated,
      config.namespace.value ?? client.defaultNamespace,
      ` in context "${name}"`,
    ))
      core.warning(`rollback-action: ${message}`);
    for (const target of targets) {
      refs.push({
        context: name,
        kind: target.kind,
        namespace: target.namespace ?? config.namespace.value ?? client.defaultNamespace,
        name: target.name,
      });
    }
  }
  return refs;
}

/** This run as the ledger records it. */
export function goodRelease(context: ModeContext): GoodRelease {
  return {
    recordedAt: new Date(context.clock.now()).toISOString(),
    sha: context.run.sha,
    runUrl: context.run.runUrl,
    reason: context.config.reason,
  };
}

/** What runs now, as this run records it (capture, and a rehearsal's starting point). */
export function snapshotNow(
  context: ModeContext,
  targets: CapturedTarget[],
  baselines: Record<string, Baseline> | undefined,
): Snapshot {
  return {
    version: 1,
    capturedAt: new Date(context.clock.now()).toISOString(),
    sha: context.run.sha,
    runUrl: context.run.runUrl,
    targets,
    ...(baselines ? { baselines } : {}),
  };
}
