import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import pLimit from 'p-limit';
import { Outputs, SNAPSHOT_ENV } from '../constants.js';
import { UserError, UserErrors, messageOf } from '../errors.js';
import { captureTarget, missingPermissions } from '../kube/capture.js';
import { KubeError } from '../kube/client.js';
import { clientFor } from '../kube/connect.js';
import { describeRef, type CapturedTarget, type Snapshot } from '../kube/snapshot.js';
import { kindName } from '../kube/types.js';
import {
  alertBaselines,
  historyBaselines,
  sampledBaselines,
  type Baseline,
} from '../metrics/baselines.js';
import { preflight, type PreflightFinding } from '../metrics/preflight.js';
import type { MetricSource } from '../metrics/sources.js';
import { describeBaseline } from '../report/evidence.js';
import { code, markdownTable } from '../report/markdown.js';
import { targetRefs, type ModeContext, type ModeResult } from './context.js';
import { triggerSources } from './metrics.js';
import { plural } from '../text.js';

/**
 * `mode: capture`, before the deploy: checks that the credentials can do a rollback later and
 * that every trigger's metrics can be read (preflight), records what every target runs now and
 * each trigger's baseline, and leaves the snapshot where later steps find it.
 */
export async function capture(context: ModeContext): Promise<ModeResult> {
  const refs = targetRefs(context);
  const clients = context.kube();
  const limit = pLimit(context.config.concurrency);

  // Permissions first: a missing RBAC verb found now is a deploy not started blind.
  const scopes = [
    ...new Map(refs.map((r) => [`${r.context}|${r.namespace}|${r.kind}`, r])).values(),
  ];
  const lacking = await Promise.all(
    scopes.map((ref) =>
      limit(async () => {
        const client = clientFor(clients, ref.context);
        const missing = await missingPermissions(client, ref.kind, ref.namespace).catch(
          (error: unknown) => {
            // A server that cannot be reached now will not be reached by the capture either.
            if (error instanceof KubeError && error.network) return new UserError(error.message);
            core.warning(
              `${ref.context}: could not check permissions (${messageOf(error)}); continuing`,
            );
            return [];
          },
        );
        if (missing instanceof UserError) return missing;
        return missing.length
          ? new UserError(
              `context "${ref.context}", namespace "${ref.namespace}": the credentials lack ${missing.join(', ')} (a rollback of ${kindName(ref.kind)}s needs them)`,
            )
          : undefined;
      }),
    ),
  );
  // One line per problem: several scopes of one unreachable context fail the same way.
  const permissionErrors = [
    ...new Map(
      lacking.filter((e): e is UserError => e !== undefined).map((e) => [e.message, e]),
    ).values(),
  ];
  if (permissionErrors.length) throw new UserErrors(permissionErrors);

  // Then the metrics: a trigger that cannot be read is found before the deploy, not after.
  const sources = triggerSources(context);
  const findings = sources.length
    ? await core.group('Preflight', () => checkSources(context, sources))
    : [];

  const results = await Promise.all(
    refs.map((ref) =>
      limit(async () => {
        const client = clientFor(clients, ref.context);
        try {
          return await captureTarget(client, ref);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      }),
    ),
  );
  const failures = results.filter((r): r is Error => r instanceof Error);
  if (failures.length)
    throw new UserErrors(
      failures.map((e) => (e instanceof UserError ? e : new UserError(e.message))),
    );
  const targets = results as CapturedTarget[];
  const baselines = sources.length
    ? await core.group('Baselines', () => captureBaselines(context, sources))
    : undefined;

  const snapshot: Snapshot = {
    version: 1,
    capturedAt: new Date(context.clock.now()).toISOString(),
    sha: context.run.sha,
    runUrl: context.run.runUrl,
    targets,
    ...(baselines ? { baselines } : {}),
  };
  const json = JSON.stringify(snapshot);
  const dir = path.join(context.run.runnerTemp || os.tmpdir(), 'rollback-action');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `snapshot-${snapshot.capturedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, json);
  core.exportVariable(SNAPSHOT_ENV, file);

  for (const t of targets) {
    core.info(
      `${describeRef(t)}: revision ${t.revision ?? '?'}, ${Object.values(t.images).join(', ')}${t.paused ? ' (paused)' : ''}`,
    );
    if (t.gitops)
      core.warning(
        `${describeRef(t)} is managed by ${t.gitops.tool === 'argocd' ? 'Argo CD' : 'Flux'} (${t.gitops.owner}): a kubectl-style undo would be reverted by its next sync`,
      );
    if (t.paused)
      core.warning(`${describeRef(t)} is paused: a rollback will refuse until it is resumed`);
  }
  if (context.env.GITHUB_STEP_SUMMARY) {
    core.summary
      .addRaw(`## rollback-action: captured ${plural(targets.length, 'target')}\n\n`)
      .addRaw(
        markdownTable(
          ['Context', 'Target', 'Revision', 'Images', 'Digests', 'Replicas', 'GitOps'],
          targets.map((t) => [
            t.context,
            code(`${t.namespace}/${kindName(t.kind)}/${t.name}`),
            String(t.revision ?? '?'),
            Object.entries(t.images)
              .map(([c, i]) => `${c}=${i}`)
              .join(', '),
            Object.values(t.digests)
              .flat()
              .map((d) => d.slice(0, 19))
              .join(', ') || '(none reported)',
            String(t.replicas ?? '-'),
            t.gitops ? `${t.gitops.tool}: ${t.gitops.owner}` : '-',
          ]),
        ),
      )
      .addEOL();
    if (sources.length)
      core.summary
        .addRaw(`\n### Triggers checked before the deploy\n\n`)
        .addRaw(
          markdownTable(
            ['Trigger', 'Preflight', 'Baseline'],
            sources.map(({ trigger: { rule } }) => {
              const finding = findings.find((f) => f.trigger === rule.name);
              const baseline = baselines?.[rule.name];
              return [
                code(rule.name),
                finding ? `${finding.level === 'error' ? '❌' : '⚠️'} ${finding.message}` : '✅ ok',
                baseline ? describeBaseline(baseline) : '-',
              ];
            }),
          ),
        )
        .addEOL();
    await core.summary.write();
  }
  return {
    outputs: { [Outputs.Snapshot]: json },
    report: {
      snapshot: {
        path: file,
        targets: targets.map((t) => ({
          context: t.context,
          namespace: t.namespace,
          kind: t.kind,
          name: t.name,
          revision: t.revision,
          images: t.images,
        })),
        baselines: baselines ?? null,
      },
      preflight: findings,
    },
  };
}

/** Preflight of every trigger: errors stop the capture (and so the deploy); warnings are shown. */
async function checkSources(
  context: ModeContext,
  sources: readonly MetricSource[],
): Promise<PreflightFinding[]> {
  const findings = await preflight(sources, context.clock.now(), context.config.intervalMs.value);
  for (const { trigger } of sources) {
    const finding = findings.find((f) => f.trigger === trigger.rule.name);
    if (!finding) core.info(`${trigger.rule.name}: ok (${trigger.provider})`);
    else if (finding.level === 'warning')
      core.warning(`preflight: trigger '${finding.trigger}': ${finding.message}`);
  }
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length)
    throw new UserErrors(
      errors.map((f) => new UserError(`preflight: trigger '${f.trigger}': ${f.message}`)),
    );
  return findings;
}

/**
 * Prometheus history before now; other sources (scrape, http-json) sampled twice now; the
 * alerts firing now for alert triggers.
 */
async function captureBaselines(
  context: ModeContext,
  sources: readonly MetricSource[],
): Promise<Record<string, Baseline>> {
  const now = context.clock.now();
  const sampleMs = Math.min(context.config.intervalMs.value, SAMPLE_MS);
  const [history, sampled, alerts] = await Promise.all([
    historyBaselines(sources, now, context.config.baselineWindowMs),
    sampledBaselines(
      sources.filter((s) => !s.baseline && s.trigger.provider !== 'health'),
      context.clock,
      sampleMs,
    ),
    alertBaselines(sources, now),
  ]);
  const baselines = { ...sampled, ...history, ...alerts };
  for (const [name, baseline] of Object.entries(baselines))
    core.info(`${name}: ${describeBaseline(baseline)}`);
  return baselines;
}

/** How long capture samples a source without history for its baseline, at most. */
const SAMPLE_MS = 15_000;
