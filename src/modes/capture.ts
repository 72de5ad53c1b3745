import * as core from '@actions/core';
import { UserError, UserErrors } from '../errors.js';
import { Outputs, SNAPSHOT_ENV } from '../constants.js';
import { captureTargets } from '../kube/capture.js';
import { checkPermissions } from '../kube/permissions.js';
import { writeSnapshot, type Snapshot } from '../kube/snapshot.js';
import { captureBaselines } from '../metrics/baselines.js';
import { checkTriggers } from '../metrics/preflight.js';
import { describeBaseline } from '../report/evidence.js';
import { baselineReports, capturedTargetReport, freezeReport } from '../report/json.js';
import { captureSummary, capturedNotes, frozenSummary } from '../report/capture-summary.js';
import { freezeLine, type FreezeState } from '../decide/freeze.js';
import { checkFreeze } from './freeze.js';
import { snapshotNow, targetRefs, type ModeContext, type ModeResult } from './context.js';
import { triggerSources } from './metrics.js';
import { scopeProblems } from '../decide/gather.js';
import { rangeBases, rangeFacts, rangeNotes } from '../decide/gather.js';

/**
 * `mode: capture`, before the deploy: refuses while an incident the action filed for these
 * targets is open (the deploy freeze, docs/decide.md), then checks that the credentials can do
 * a rollback later and that every trigger's metrics can be read (preflight), records what
 * every target runs now and each trigger's baseline, and leaves the snapshot where later steps
 * find it.
 */
export async function capture(context: ModeContext): Promise<ModeResult> {
  const { config, clock } = context;
  const refs = targetRefs(context);
  const scoped = scopeProblems(config, refs);
  if (scoped.length) throw new UserErrors(scoped.map((m) => new UserError(m)));
  const clients = context.kube();
  const log = {
    info: (line: string) => core.info(line),
    warning: (line: string) => core.warning(line),
  };

  // The deploy freeze first: a deploy frozen by an open incident touches nothing, not even a read.
  const freeze = await core.group('Deploy freeze', () =>
    checkFreeze(context, refs, (line) => core.info(line)),
  );
  const freezeText = freezeLine(freeze);
  if ('notes' in freeze && freeze.state !== 'lifted')
    for (const note of freeze.notes) log.info(note);
  if (freeze.state === 'frozen') return frozen(context, freeze, freezeText ?? '');
  if (freezeText && freeze.state === 'lifted') log.info(freezeText);
  else if (freezeText) log.warning(`rollback-action: ${freezeText}`);

  // Permissions first: a missing RBAC verb found now is a deploy not started blind.
  await checkPermissions(clients, refs, {
    purpose: 'guard',
    concurrency: config.concurrency,
    warn: log.warning,
  });
  // Then the metrics: a trigger that cannot be read is found before the deploy, not after.
  const sources = triggerSources(context);
  const findings = sources.length
    ? await core.group('Preflight', () =>
        checkTriggers(sources, clock.now(), config.intervalMs.value, log),
      )
    : [];
  const targets = await captureTargets(clients, refs, { concurrency: config.concurrency });
  const baselines = sources.length
    ? await core.group('Baselines', async () => {
        const found = await captureBaselines(sources, clock, {
          intervalMs: config.intervalMs.value,
          baselineWindowMs: config.baselineWindowMs,
        });
        for (const [name, baseline] of Object.entries(found))
          log.info(`${name}: ${describeBaseline(baseline)}`);
        return found;
      })
    : undefined;

  // The deployed range, before the deploy: its base is recorded, and a point of no return is
  // said now, while the deploy can still be stopped, not after it failed.
  const git = context.git();
  const range = await core.group('Deployed range', async () =>
    rangeFacts(
      git,
      context.env.GITHUB_WORKSPACE || process.cwd(),
      context.run.sha,
      // The base resolved by this capture must not be its own input.
      git ? await rangeBases(context, clients, refs, undefined) : {},
      config,
      (line) => core.debug(line),
    ),
  );
  for (const line of rangeNotes(range)) (line.warn ? log.warning : log.info)(line.text);

  const snapshot: Snapshot = {
    ...snapshotNow(context, targets, baselines),
    ...(range.range ? { base: { sha: range.range.base, from: range.range.baseFrom } } : {}),
  };
  const { file, json } = await writeSnapshot(snapshot, context.run.runnerTemp);
  core.exportVariable(SNAPSHOT_ENV, file);

  for (const target of targets) {
    const notes = capturedNotes(target);
    log.info(notes.info);
    for (const warning of notes.warnings) log.warning(warning);
  }
  if (context.env.GITHUB_STEP_SUMMARY)
    await core.summary
      .addRaw(
        captureSummary({
          targets,
          triggers: sources.map((s) => s.trigger.rule.name),
          findings,
          baselines,
          freeze,
        }),
      )
      .write();
  return {
    outputs: { [Outputs.Snapshot]: json },
    report: {
      snapshot: {
        path: file,
        targets: targets.map(capturedTargetReport),
        baselines: baselines ? baselineReports(baselines) : null,
      },
      preflight: findings,
      ...freezeReport(freeze),
    },
  };
}

/** A frozen capture: one error line (from main), the same in the summary, nothing captured. */
async function frozen(
  context: ModeContext,
  freeze: FreezeState,
  line: string,
): Promise<ModeResult> {
  if (context.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(frozenSummary(freeze)).write();
  return {
    outputs: {},
    report: { snapshot: null, preflight: [], ...freezeReport(freeze) },
    failure: line,
  };
}
