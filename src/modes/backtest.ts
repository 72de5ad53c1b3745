import * as core from '@actions/core';
import { watch } from '../analysis/watch.js';
import { replayClock } from '../clock.js';
import { formatDuration } from '../duration.js';
import { UserError } from '../errors.js';
import { clientFor } from '../kube/client.js';
import { readReleases } from '../kube/releases.js';
import { historyBaselines } from '../metrics/baselines.js';
import type { MetricSource } from '../metrics/sources.js';
import { gradeNote } from '../report/evidence.js';
import { backtestSummary } from '../report/backtest-summary.js';
import type { ReplayedDeploy } from '../report/types.js';
import { formatTimestamp } from '../time.js';
import { describeRef } from '../kube/snapshot.js';
import { targetRefs, type ModeContext, type ModeResult } from './context.js';
import { triggerSources } from './metrics.js';
import { plural } from '../text.js';

/**
 * `mode: backtest`: what the policy would have done for past deploys. Each deploy (given in
 * `deploy-times`, or the targets' revisions created within the lookback) is replayed through
 * the same watch and triggers, on a replayed clock whose polls query Prometheus at past
 * times; baselines come from the history before each deploy. Changes nothing.
 */
export async function backtest(context: ModeContext): Promise<ModeResult> {
  const { config } = context;
  const all = triggerSources(context);
  if (all.length === 0)
    throw new UserError(
      'backtest: the policy has no triggers to replay (preset: runbook, or triggers:)',
    );
  const sources = all.filter((s) => s.baseline !== undefined);
  const skipped = all.filter((s) => s.baseline === undefined).map((s) => s.trigger.rule.name);
  if (sources.length === 0)
    throw new UserError(
      `backtest: only Prometheus keeps history; none of the triggers (${skipped.join(', ')}) reads it`,
    );
  if (skipped.length)
    core.warning(`backtest: ${skipped.join(', ')} read sources without history; not replayed`);

  const now = context.clock.now();
  const deploys = await findDeploys(context, now);
  if (deploys.length === 0)
    throw new UserError(
      `backtest: no deploys to replay: give 'deploy-times', or targets with revisions created in the last ${formatDuration(config.lookbackMs)}`,
    );
  core.info(
    `Replaying ${plural(deploys.length, 'deploy')} against ${plural(sources.length, 'trigger')}: window ${formatDuration(config.windowMs.value)}, a poll every ${formatDuration(config.intervalMs.value)}`,
  );

  const results: ReplayedDeploy[] = [];
  for (const [i, deploy] of deploys.entries()) {
    const next = deploys[i + 1]?.at ?? now;
    const until = Math.min(deploy.at + config.windowMs.value, next, now);
    const cutBy = next < now ? 'the next deploy came first' : 'the deploy is recent';
    const replayed = await core.group(`${formatTimestamp(deploy.at)} (${deploy.source})`, () =>
      replay(context, sources, deploy.at, until, cutBy),
    );
    results.push({ ...replayed, source: deploy.source });
    core.info(
      `${replayed.at}: ${replayed.verdict}${replayed.trigger ? ` after ${replayed['after-seconds'] ?? 0}s by ${replayed.trigger}` : replayed.verdict === 'inconclusive' ? `: ${replayed.detail}` : ''}`,
    );
  }

  if (context.env.GITHUB_STEP_SUMMARY)
    await core.summary
      .addRaw(backtestSummary(results, config.windowMs.value, config.intervalMs.value))
      .write();
  return {
    outputs: {},
    report: { backtest: { deploys: results, 'not-replayed': skipped } },
  };
}

async function findDeploys(
  context: ModeContext,
  now: number,
): Promise<{ at: number; source: string }[]> {
  const { config } = context;
  if (config.deployTimes.value.length) {
    const future = config.deployTimes.value.filter((t) => t > now);
    if (future.length)
      throw new UserError(
        `${config.deployTimes.from === 'input' ? "input 'deploy-times'" : `${config.policyFile ?? 'policy'} backtest.deploy-times`}: ${formatTimestamp(future[0] ?? now)} is in the future`,
      );
    return [...config.deployTimes.value]
      .sort((a, b) => a - b)
      .map((at) => ({ at, source: 'given' }));
  }
  if (config.targets.value.length === 0) return [];
  const clients = context.kube();
  const found = (
    await Promise.all(
      targetRefs(context).map(async (ref) => {
        const { releases } = await readReleases(clientFor(clients, ref.context), ref);
        return releases
          .filter((r) => r.at >= now - config.lookbackMs)
          .map((r) => ({
            at: r.at,
            target: describeRef(ref),
            source: `${describeRef(ref)} revision ${r.revision}`,
          }));
      }),
    )
  ).flat();
  return mergeDeploys(found, config.intervalMs.value);
}

/**
 * Deploys in time order. A revision of another target created within one poll interval of
 * the deploy before it (the same release reaching several regions or services) is part of
 * that deploy; two revisions of the same target are always two deploys.
 */
export function mergeDeploys<T extends { at: number; target: string }>(
  found: readonly T[],
  gapMs: number,
): T[] {
  const kept: { deploy: T; targets: Set<string> }[] = [];
  for (const d of [...found].sort((a, b) => a.at - b.at)) {
    const last = kept.at(-1);
    if (last && d.at - last.deploy.at < gapMs && !last.targets.has(d.target))
      last.targets.add(d.target);
    else kept.push({ deploy: d, targets: new Set([d.target]) });
  }
  return kept.map((k) => k.deploy);
}

async function replay(
  context: ModeContext,
  sources: readonly MetricSource[],
  at: number,
  until: number,
  /** Why the replay may end before the window does. */
  cutBy: string,
): Promise<Omit<ReplayedDeploy, 'source'>> {
  const { config } = context;
  const baselines = await historyBaselines(sources, at, config.baselineWindowMs);
  const result = await watch(sources, {
    clock: replayClock(at),
    since: at,
    windowMs: Math.max(0, until - at),
    intervalMs: config.intervalMs.value,
    baselines: Object.fromEntries(Object.entries(baselines).map(([k, b]) => [k, b.value])),
    log: (line) => core.info(line),
  });
  const { judgement } = result;
  if (judgement.rejected?.length)
    throw new UserError(
      judgement.rejected.map((r) => `backtest: trigger '${r.name}': ${r.why}`).join('; '),
    );
  const first = judgement.failing[0];
  const seconds = Math.round(result.elapsedMs / 1000);
  const partial = until - at < config.windowMs.value;
  // A release is healthy only after its whole window: a breach held 8 s of a 1 m window says
  // nothing about the other 52 s. A failure found within what was replayed still stands.
  const verdict =
    judgement.verdict === 'fail'
      ? 'would roll back'
      : judgement.verdict === 'pass' && !partial
        ? 'healthy'
        : 'inconclusive';
  return {
    at: formatTimestamp(at),
    verdict,
    'after-seconds': first ? seconds : null,
    trigger: first?.name ?? null,
    severity: judgement.severity ?? null,
    detail: first
      ? `${first.detail}${gradeNote(judgement)}`
      : judgement.unjudged.length
        ? judgement.unjudged.map((u) => `${u.name}: ${u.why}`).join('; ')
        : partial
          ? `only ${formatDuration(until - at)} of the ${formatDuration(config.windowMs.value)} window could be replayed (${cutBy}): too little to call it healthy`
          : 'every trigger passed',
    'replayed-seconds': Math.round((until - at) / 1000),
    partial,
  };
}
