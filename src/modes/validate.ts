import * as core from '@actions/core';
import { describeWatched, unreachableTriggers } from '../analysis/rules.js';
import { hasKubeConfig } from '../kube/kubeconfig-source.js';
import { repeatedTargetWarnings, uniqueTargets } from '../targets.js';
import { runbookTriggers } from '../policy/presets.js';
import { settingRows, type SettingRow } from '../report/settings.js';
import type { ValidateReport } from '../report/types.js';
import { validateSummary, type ValidatedTrigger } from '../report/validate-summary.js';
import type { ModeContext, ModeResult } from './context.js';
import { triggerSources } from './metrics.js';
import { plural } from '../text.js';
import { describeSubscription, subscriptions } from '../report/notify-messages.js';
import { redactUrl } from '../url.js';

/**
 * `mode: validate`: checks everything a guard or rollback would use that needs no network
 * (inputs and the policy file were checked before this runs): each trigger has the backend it
 * reads, the environment variables it names, a window that can hold it, and the contexts
 * named are in the kubeconfig. Shows the settings with where each came from and the triggers
 * that will be judged, the preset expanded. Changes nothing and reads no metric.
 */
export async function validate(context: ModeContext): Promise<ModeResult> {
  const { config, env } = context;
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    core.warning(`rollback-action: ${message}`);
  };

  // Providers and their settings: a trigger without its backend throws here, as guard would.
  const sources = triggerSources(context, { onMissingEnv: warn });
  for (const warning of unreachableTriggers(
    sources.map((s) => s.trigger.rule),
    config.windowMs.value,
    config.intervalMs.value,
  ))
    warn(warning);
  const contexts = checkContexts(context);
  // Without a cluster, a target without a namespace is known by the configured one only.
  for (const message of repeatedTargetWarnings(
    uniqueTargets(config.targets.value, config.namespace.value).repeated,
    config.namespace.value,
  ))
    warn(message);
  const notifications = subscriptions(config.policy.notify, redactUrl);
  for (const variable of notifyVariables(config.policy))
    if (!env[variable.name])
      warn(
        `${variable.key} names ${variable.name}, which is not set in this step; guard and rollback would not notify ${variable.channel}`,
      );
  const total = warnings.length + config.warnings.length;

  const rows = settingRows(config);
  const preset = new Set(
    config.policy.preset === 'runbook'
      ? runbookTriggers(config.policy.metrics?.selector).map((t) => t.name)
      : [],
  );
  const own = new Set(config.policy.triggers?.map((t) => t.name) ?? []);
  const fromOf = (name: string): string =>
    own.has(name) ? (preset.has(name) ? 'policy (replaces the preset)' : 'policy') : 'preset';
  const triggers = sources.map(({ trigger }): ValidatedTrigger => ({
    name: trigger.rule.name,
    // An imported trigger says where it came from: `import file:line Kind name`.
    from: trigger.origin
      ? `${trigger.origin.source}${preset.has(trigger.rule.name) ? ' (replaces the preset)' : ''}`
      : fromOf(trigger.rule.name),
    description: describeWatched(trigger),
    mapped: trigger.origin?.mapped ?? [],
  }));

  core.info(
    `Configuration is valid${total ? ` (${plural(total, 'warning')})` : ''}: ${config.policyFile ?? 'no policy file'}`,
  );
  for (const row of rows) core.info(`  ${row.name.padEnd(17)} ${row.value}  [${row.from}]`);
  core.info(
    triggers.length
      ? `Triggers that will be judged (${triggers.length}):`
      : 'No triggers: a guard watches only the rollout of its targets.',
  );
  for (const t of triggers) {
    core.info(`  ${t.description}  [${t.from}]`);
    for (const line of t.mapped) core.info(`      ${line}`);
  }
  core.info(
    notifications.length
      ? `Notifications of a rollback (${notifications.length}):`
      : 'No notifications (notify: in the policy).',
  );
  for (const s of notifications) core.info(`  ${describeSubscription(s)}`);
  core.info(contexts);

  // Outside a runner (a local `node dist/index.js`) there is no summary file to write.
  if (env.GITHUB_STEP_SUMMARY)
    await core.summary
      .addRaw(
        validateSummary({
          policyFile: config.policyFile,
          warnings: [...config.warnings.map((w) => w.message), ...warnings],
          settings: rows,
          triggers,
          notifications: notifications.map(describeSubscription),
          contexts,
        }),
      )
      .write();
  return {
    outputs: {},
    report: {
      settings: settingsRecord(rows),
      triggers: triggers.map((t) => ({
        name: t.name,
        from: t.from,
        judged: t.description,
        ...(t.mapped.length ? { mapped: t.mapped } : {}),
      })),
      notify: notifications.map((s) => ({
        channel: s.channel,
        events: [...s.events],
        severities: s.severities ? [...s.severities] : null,
        from: s.from,
      })),
      warnings,
    },
  };
}

/** Every environment variable the notifications read, with the key that names it. */
function notifyVariables(
  policy: ModeContext['config']['policy'],
): { name: string; key: string; channel: string }[] {
  const notify = policy.notify;
  if (!notify) return [];
  return [
    ...(notify.slack
      ? [
          {
            name: notify.slack['webhook-url-env'],
            key: 'notify.slack.webhook-url-env',
            channel: 'Slack',
          },
        ]
      : []),
    ...(notify.pagerduty
      ? [
          {
            name: notify.pagerduty['routing-key-env'],
            key: 'notify.pagerduty.routing-key-env',
            channel: 'PagerDuty',
          },
        ]
      : []),
    ...(notify.webhooks ?? []).flatMap((hook, i) => [
      ...(hook['url-env']
        ? [
            {
              name: hook['url-env'],
              key: `notify.webhooks[${i}].url-env`,
              channel: `webhook '${hook.name}'`,
            },
          ]
        : []),
      ...Object.entries(hook['headers-env'] ?? {}).map(([header, name]) => ({
        name,
        key: `notify.webhooks[${i}].headers-env.${header}`,
        channel: `webhook '${hook.name}'`,
      })),
    ]),
  ];
}

/** The contexts named are in the kubeconfig, when there is one to read (no server is asked). */
function checkContexts(context: ModeContext): string {
  if (!hasKubeConfig({ kubeconfig: context.config.kubeconfig, env: context.env }))
    return 'No kubeconfig in this step: the contexts were not checked.';
  const clients = context.kube();
  return `Kubeconfig contexts: ${[...clients.keys()].join(', ')} (found; no server was contacted).`;
}

function settingsRecord(rows: SettingRow[]): ValidateReport['settings'] {
  return Object.fromEntries(rows.map((row) => [row.name, { value: row.value, from: row.from }]));
}
