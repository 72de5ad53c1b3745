import * as core from '@actions/core';
import { Outputs } from '../constants.js';
import { rollbackTable } from '../report/rollback.js';
import {
  chooseDestination,
  describeDestination,
  executeRollback,
  planOnlyReason,
} from '../rollback/execute.js';
import { targetRefs, type ModeContext, type ModeResult } from './context.js';

/**
 * `mode: rollback`: every target in every context back to the captured snapshot (when a
 * capture step ran, or `snapshot` is given), else to `to-revision`; then waits for each
 * rollout. With `dry-run`, `approval: required` or `strategy: none` it only plans, through
 * the API server's dry run, and recommends.
 */
export async function rollback(context: ModeContext): Promise<ModeResult> {
  const { config } = context;
  const destination = chooseDestination(context);
  const why = planOnlyReason(config);
  const refs = targetRefs(context);
  if (config.reason) core.info(`Reason: ${config.reason}`);
  const done = await executeRollback(context, refs, destination, why);

  if (context.env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(`## rollback-action: ${done.verdict}\n\n`)
      .addRaw(
        `Back to ${describeDestination(destination)}${config.reason ? `, because: ${config.reason}` : ''}. ${done.seconds.toFixed(1)} s in all.\n\n`,
      )
      .addRaw(rollbackTable(done.results))
      .addEOL()
      .write();
  }
  const outputs = {
    [Outputs.Verdict]: done.verdict,
    [Outputs.Strategy]: done.strategy,
    [Outputs.RolledBack]: String(done.rolledBack),
    [Outputs.RollbackSeconds]: done.seconds.toFixed(1),
  };
  const report = {
    verdict: done.verdict,
    strategy: done.strategy,
    reason: config.reason ?? null,
    ...done.report,
  };
  return { outputs, report, failure: done.failure };
}
