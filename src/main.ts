import { maskSecret } from './secrets.js';
import { listenForCancel, type Cancellation } from './cancel.js';
import * as core from '@actions/core';
import { systemClock, type Clock } from './clock.js';
import { resolveConfig } from './config.js';
import { Outputs, type Mode } from './constants.js';
import { UserError, UserErrors, messageOf } from './errors.js';
import { readInputs } from './inputs.js';
import type { KubeClient } from './kube/client.js';
import { hasKubeConfig, noKubeconfigError } from './kube/kubeconfig-source.js';
import type { ModeContext, ModeHandler } from './modes/context.js';
import { loadPolicy } from './policy/load.js';
import { createGit, type Git } from './git.js';
import { createGitHub, type GitHub } from './github.js';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { escapeText } from './report/markdown.js';
import { writeReportFile } from './report/run-report.js';
import type { RunReport } from './report/types.js';
import { redactUrlsIn, urlSecrets } from './url.js';
import { createNotifier, notifyOutcome, silentNotifier, type Notifier } from './notify.js';

/**
 * Each mode's code is imported when it runs, so esbuild emits it as a chunk beside index.js and a
 * start pays for compiling only the mode it runs (`mode: validate` never loads the Kubernetes,
 * GitHub or rollback code).
 */
const MODE_LOADERS: Record<Mode, () => Promise<ModeHandler>> = {
  guard: async () => (await import('./modes/guard.js')).guard,
  capture: async () => (await import('./modes/capture.js')).capture,
  rollback: async () => (await import('./modes/rollback.js')).rollback,
  verify: async () => (await import('./modes/verify.js')).verify,
  rehearse: async () => (await import('./modes/rehearse.js')).rehearse,
  'mark-good': async () => (await import('./modes/mark-good.js')).markGood,
  backtest: async () => (await import('./modes/backtest.js')).backtest,
  validate: async () => (await import('./modes/validate.js')).validate,
};

/**
 * The action's one error boundary. Everything below throws; here a user's mistake becomes one
 * annotated line per problem and exit code 1, and anything else a one-line failure with the
 * stack in the debug log.
 */
export async function run(
  env: NodeJS.ProcessEnv = process.env,
  clock: Clock = systemClock,
): Promise<void> {
  let notifier: Notifier | undefined;
  let cancel: Cancellation | undefined;
  try {
    const startedAt = new Date(clock.now()).toISOString();
    const inputs = readInputs();
    if (inputs.kubeconfig) core.setSecret(inputs.kubeconfig);
    if (inputs.githubToken) maskSecret(inputs.githubToken);
    // Credentials in the URL input (userinfo, ?token=) are masked before anything prints.
    for (const secret of urlSecrets(inputs.prometheusUrl ?? '')) maskSecret(secret);
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const loaded = loadPolicy(
      workspace,
      inputs.policyPath,
      inputs.policyExplicit,
      inputs.intervalMs,
    );
    const config = resolveConfig(inputs, loaded);
    for (const { message, location: at } of config.warnings)
      core.warning(
        `rollback-action: ${message}`,
        at ? { file: at.file, startLine: at.line, startColumn: at.column } : {},
      );

    // Only the modes that roll back notify; their secrets are read and masked now.
    notifier =
      config.mode === 'guard' || config.mode === 'rollback'
        ? createNotifier({
            policy: config.policy.notify,
            env,
            dryRun: config.dryRun,
            setSecret: maskSecret,
            log: (line) => core.info(line),
            warn: (line) => core.warning(`rollback-action: ${line}`),
            clock,
          })
        : silentNotifier;

    // @kubernetes/client-node is most of the bundle: it is loaded only when there is a
    // kubeconfig to read, and without one the first use says so as connect() would.
    const kube = hasKubeConfig({ kubeconfig: config.kubeconfig, env })
      ? await import('./kube/connect.js')
      : undefined;
    const handler = await MODE_LOADERS[config.mode]();
    // The modes that watch and roll back end a cancelled run themselves, report written;
    // rehearse rolls forward on its own handler; the rest change nothing worth finishing.
    if (config.mode === 'guard' || config.mode === 'rollback')
      cancel = listenForCancel((signal) =>
        core.warning(
          `rollback-action: the run was cancelled (${signal}): a watch stops with verdict inconclusive, a rollback already started is finished, and the report and outputs are written`,
        ),
      );
    let clients: Map<string, KubeClient> | undefined;
    let git: Git | undefined | null;
    let github: GitHub | undefined | null;
    const context: ModeContext = {
      config,
      clock,
      env,
      run: {
        sha: env.GITHUB_SHA,
        runUrl: env.GITHUB_RUN_ID
          ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID}`
          : undefined,
        runnerTemp: env.RUNNER_TEMP,
      },
      kube: () => {
        if (!kube) throw noKubeconfigError();
        return (clients ??= kube.connect({
          kubeconfig: config.kubeconfig,
          contexts: config.contexts.value,
          contextsFrom:
            config.contexts.from === 'policy'
              ? `${config.policyFile ?? 'the policy'} contexts`
              : "input 'contexts'",
          env,
          clock,
          setSecret: maskSecret,
          log: (line) => core.info(line),
          // A transient API failure is retried, but never for longer than the rollback may take.
          retryForMs: Math.min(60_000, config.rollbackTimeoutMs),
        }));
      },
      git: () => {
        if (git === undefined)
          git = existsSync(path.join(workspace, '.git'))
            ? createGit({
                cwd: workspace,
                ...(config.githubToken ? { token: config.githubToken } : {}),
                ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
                env,
                // Each git command in the debug log; what it meant is logged by its caller.
                log: (line) => core.debug(line),
                setSecret: maskSecret,
              })
            : null;
        return git ?? undefined;
      },
      github: () => {
        if (github === undefined)
          github =
            config.githubToken && env.GITHUB_REPOSITORY
              ? createGitHub({
                  token: config.githubToken,
                  repository: env.GITHUB_REPOSITORY,
                  ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
                  sleep: (ms) => clock.sleep(ms),
                  log: (line) => core.info(line),
                })
              : null;
        return github ?? undefined;
      },
      notifier,
      ...(cancel ? { cancelled: cancel.signal } : {}),
    };
    const result = await handler(context);
    const notifications = await notifyOutcome(context, result);

    const report: RunReport = {
      'report-version': 1,
      mode: config.mode,
      'started-at': startedAt,
      'finished-at': new Date(clock.now()).toISOString(),
      'policy-file': config.policyFile ?? null,
      ...result.report,
      ...(notifications ? { notifications } : {}),
      ...(cancel?.by() ? { cancelled: cancel.by() } : {}),
    };
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
    core.setOutput(Outputs.Report, JSON.stringify(report));
    core.setOutput(Outputs.ReportPath, await writeReportFile(report, env.RUNNER_TEMP));
    if (result.failure) core.setFailed(`rollback-action: ${result.failure}`);
  } catch (error) {
    // A rollback announced, then cut short by an error, must not be left at "initiated".
    await notifier?.abandon(`the run stopped: ${redactUrlsIn(messageOf(error))}`, clock.now());
    await fail(error, env);
  } finally {
    cancel?.stop();
  }
}

/** More problems than this are counted, not listed: the first ones are the ones to fix. */
const MAX_ERROR_LINES = 20;

async function fail(error: unknown, env: NodeJS.ProcessEnv): Promise<void> {
  const userErrors =
    error instanceof UserErrors ? error.errors : error instanceof UserError ? [error] : undefined;
  const lines: string[] = [];
  if (userErrors) {
    for (const e of userErrors.slice(0, MAX_ERROR_LINES)) {
      const at = e.location;
      lines.push(redactUrlsIn(e.message));
      core.error(
        `rollback-action: ${redactUrlsIn(e.message)}`,
        at ? { file: at.file, startLine: at.line, startColumn: at.column } : {},
      );
    }
    const more = userErrors.length - MAX_ERROR_LINES;
    if (more > 0) {
      lines.push(`… and ${more} more problems`);
      core.error(`rollback-action: ${more} more problems not shown; fix the ones above first`);
    }
    process.exitCode = core.ExitCode.Failure;
  } else {
    if (error instanceof Error && error.stack) core.debug(error.stack);
    // A library's message may quote a URL it was given: the boundary redacts what it prints.
    lines.push(redactUrlsIn(messageOf(error)));
    core.setFailed(`rollback-action: ${redactUrlsIn(messageOf(error))}`);
  }
  // The summary is what a person opens first: it says why nothing was done.
  if (env.GITHUB_STEP_SUMMARY)
    await core.summary
      .addRaw(`## ❌ rollback-action: ${userErrors ? 'stopped before acting' : 'failed'}\n\n`)
      .addRaw(userErrors ? 'Nothing was changed. Fix this and run again:\n\n' : '')
      .addRaw(lines.map((l) => `- ${escapeText(l)}`).join('\n'))
      .addEOL()
      .write()
      .catch(() => undefined);
}
