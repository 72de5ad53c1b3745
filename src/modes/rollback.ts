import * as core from '@actions/core';
import { Outputs, SNAPSHOT_ENV, type Verdict } from '../constants.js';
import { UserError } from '../errors.js';
import { readSnapshot } from '../kube/snapshot.js';
import { code, markdownTable } from '../report/markdown.js';
import { formatRevisionSpec } from '../revision.js';
import { rollbackTargets, type Destination, type TargetResult } from '../rollback/kubernetes.js';
import { describeRef, targetRefs, type ModeContext, type ModeResult } from './context.js';

/**
 * `mode: rollback`: every target in every context back to the captured snapshot (when a
 * capture step ran, or `snapshot` is given), else to `to-revision`; then waits for each
 * rollout. With `dry-run`, `approval: required` or `strategy: none` it only plans, through
 * the API server's dry run, and recommends.
 */
export async function rollback(context: ModeContext): Promise<ModeResult> {
  const { config } = context;
  const strategy = config.strategy.value;
  if (strategy === 'git-revert' || strategy === 'feature-flag') {
    throw new UserError(
      `strategy '${strategy}' is not available in this release; use 'auto', 'kubernetes' or 'none'`,
    );
  }
  const destination = chooseDestination(context);
  const planOnly = config.dryRun || config.approval.value === 'required' || strategy === 'none';
  const why = config.dryRun
    ? 'dry-run'
    : config.approval.value === 'required'
      ? 'approval: required'
      : strategy === 'none'
        ? 'strategy: none'
        : undefined;
  const refs = targetRefs(context);
  const clients = context.kube();
  if (config.reason) core.info(`Reason: ${config.reason}`);
  core.info(
    `Rolling back ${refs.length} target${refs.length === 1 ? '' : 's'} to ${describeDestination(destination)}${why ? ` (plan only: ${why})` : ''}`,
  );

  const started = context.clock.now();
  const results = await core.group('Rollback', () =>
    rollbackTargets(clients, refs, {
      to: destination,
      dryRun: planOnly,
      wait: !planOnly,
      timeoutMs: config.rollbackTimeoutMs,
      concurrency: config.concurrency,
      clock: context.clock,
      log: (line) => core.info(line),
    }),
  );
  const seconds = (context.clock.now() - started) / 1000;
  const failed = results.filter((r) => r.outcome === 'failed');
  const rolledBack = results.some((r) => r.outcome === 'rolled-back');
  const verdict: Verdict = failed.length
    ? 'rollback-failed'
    : planOnly
      ? 'rollback-recommended'
      : 'rolled-back';

  if (context.env.GITHUB_STEP_SUMMARY)
    await writeSummary(verdict, destination, results, seconds, config.reason);
  const outputs = {
    [Outputs.Verdict]: verdict,
    [Outputs.Strategy]: planOnly && strategy === 'none' ? 'none' : 'kubernetes',
    [Outputs.RolledBack]: String(rolledBack),
    [Outputs.RollbackSeconds]: seconds.toFixed(1),
  };
  const report = {
    verdict,
    strategy: outputs[Outputs.Strategy],
    reason: config.reason ?? null,
    destination: describeDestination(destination),
    'plan-only': why ?? null,
    'rollback-seconds': seconds,
    targets: results,
  };
  const failure = failed.length
    ? `rollback failed for ${failed.length} of ${results.length} targets: ${failed.map((r) => `${describeRef(r)}: ${r.message} (state: ${r.state ?? 'unknown'})`).join('; ')}`
    : undefined;
  return { outputs, report, failure };
}

function chooseDestination(context: ModeContext): Destination {
  const { config, env } = context;
  if (config.toRevision.from === 'input') return { kind: 'spec', spec: config.toRevision.value };
  const snapshot = config.snapshot ?? env[SNAPSHOT_ENV];
  if (snapshot) return { kind: 'snapshot', snapshot: readSnapshot(snapshot) };
  return { kind: 'spec', spec: config.toRevision.value };
}

function describeDestination(destination: Destination): string {
  if (destination.kind === 'snapshot')
    return `the snapshot captured at ${destination.snapshot.capturedAt}`;
  const spec = destination.spec;
  return spec.kind === 'number'
    ? `revision ${spec.revision}`
    : formatRevisionSpec(spec) === 'last-good'
      ? 'the last verified-good release'
      : 'the previous revision';
}

const OUTCOME: Record<TargetResult['outcome'], string> = {
  'rolled-back': '✅ rolled back',
  skipped: '⏭️ already there',
  planned: '📝 would roll back',
  failed: '❌ failed',
};

async function writeSummary(
  verdict: Verdict,
  destination: Destination,
  results: TargetResult[],
  seconds: number,
  reason: string | undefined,
): Promise<void> {
  await core.summary
    .addRaw(`## rollback-action: ${verdict}\n\n`)
    .addRaw(
      `Back to ${describeDestination(destination)}${reason ? `, because: ${reason}` : ''}. ${seconds.toFixed(1)} s in all.\n\n`,
    )
    .addRaw(
      markdownTable(
        ['Context', 'Target', 'Revision', 'Result', 'Seconds', 'Detail'],
        results.map((r) => [
          r.context,
          code(`${r.namespace}/${r.kind.toLowerCase()}/${r.name}`),
          r.fromRevision === undefined && r.toRevision === undefined
            ? '-'
            : `${r.fromRevision ?? '?'} → ${r.toRevision ?? 'recorded'}`,
          OUTCOME[r.outcome],
          r.seconds === undefined ? '-' : r.seconds.toFixed(1),
          [r.message, r.state ? `state: ${r.state}` : '', ...r.diff].filter(Boolean).join('\n'),
        ]),
      ),
    )
    .addEOL()
    .write();
}
