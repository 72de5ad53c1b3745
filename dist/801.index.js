export const id = 801;
export const ids = [801];
export const modules = {

/***/ 5801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validate: () => (/* binding */ validate)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/analysis/rules.ts
var rules = __webpack_require__(5849);
// EXTERNAL MODULE: ./src/kube/kubeconfig-source.ts
var kubeconfig_source = __webpack_require__(7434);
// EXTERNAL MODULE: ./src/targets.ts
var targets = __webpack_require__(8993);
// EXTERNAL MODULE: ./src/policy/presets.ts
var presets = __webpack_require__(4490);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/revision.ts
var revision = __webpack_require__(8130);
// EXTERNAL MODULE: ./src/url.ts
var url = __webpack_require__(7666);
;// CONCATENATED MODULE: ./src/report/settings.ts




/** The resolved settings as rows for people: durations and targets in the words users type. */
function settingRows(config) {
    const row = (name, sourced, show) => ({
        name,
        value: show(sourced.value),
        from: sourced.from,
    });
    return [
        row('targets', config.targets, (v) => (v.length ? v.map(targets/* formatTarget */.P4).join(', ') : '(none)')),
        row('namespace', config.namespace, (v) => v ?? "(the kubeconfig context's)"),
        row('contexts', config.contexts, (v) => (v.length ? v.join(', ') : '(current context)')),
        row('prometheus-url', config.prometheusUrl, (v) => (v ? (0,url/* redactUrl */.BO)(v) : '(none)')),
        row('alertmanager-url', config.alertmanagerUrl, (v) => (v ? (0,url/* redactUrl */.BO)(v) : '(none)')),
        row('window', config.windowMs, duration/* formatDuration */.a3),
        row('interval', config.intervalMs, duration/* formatDuration */.a3),
        row('no-data', config.noData, String),
        row('inconclusive', config.inconclusive, String),
        row('strategy', config.strategy, String),
        row('to-revision', config.toRevision, revision/* formatRevisionSpec */.uy),
        row('approval', config.approval, String),
        { name: 'dry-run', value: String(config.dryRun), from: config.dryRun ? 'input' : 'default' },
        {
            name: 'reason',
            value: config.reason ?? '(none)',
            from: config.reason === undefined ? 'default' : 'input',
        },
    ];
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/report/validate-summary.ts
/** What validate checked, for people: warnings, the settings with their sources, the triggers. */

/** The job summary of validate. */
function validateSummary(input) {
    const { warnings, triggers } = input;
    const policy = input.policyFile ? (0,markdown/* code */.aY)(input.policyFile) : 'none (inputs and defaults only)';
    return [
        `## ${warnings.length ? '⚠️' : '✅'} rollback-action: configuration is valid\n\n`,
        `Policy file: ${policy}. Nothing was changed and no metric was read.\n\n`,
        warnings.length ? `${warnings.map((w) => `- ⚠️ ${(0,markdown/* escapeText */.X1)(w)}`).join('\n')}\n\n` : '',
        (0,markdown/* markdownTable */.Qj)(['Setting', 'Value', 'From'], input.settings.map((r) => [(0,markdown/* code */.aY)(r.name), r.value, r.from])),
        '\n\n### Triggers that will be judged\n\n',
        triggers.length
            ? (0,markdown/* markdownTable */.Qj)(['Trigger', 'When it fails, and what it reads', 'From'], triggers.map((t) => [
                (0,markdown/* code */.aY)(t.name),
                t.description.replace(/^[^:]*: /, ''),
                [t.from, ...t.mapped].join('\n'),
            ]))
            : 'None: a guard watches only the rollout of its targets.',
        input.notifications?.length
            ? `\n\n### Notifications of a rollback\n\n${input.notifications.map((n) => `- ${(0,markdown/* escapeText */.X1)(n)}`).join('\n')}`
            : '',
        `\n\n${(0,markdown/* escapeText */.X1)(input.contexts)}\n`,
    ].join('');
}

// EXTERNAL MODULE: ./src/modes/metrics.ts + 6 modules
var metrics = __webpack_require__(6492);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/report/notify-messages.ts
var notify_messages = __webpack_require__(7122);
;// CONCATENATED MODULE: ./src/modes/validate.ts











/**
 * `mode: validate`: checks everything a guard or rollback would use that needs no network
 * (inputs and the policy file were checked before this runs): each trigger has the backend it
 * reads, the environment variables it names, a window that can hold it, and the contexts
 * named are in the kubeconfig. Shows the settings with where each came from and the triggers
 * that will be judged, the preset expanded. Changes nothing and reads no metric.
 */
async function validate(context) {
    const { config, env } = context;
    const warnings = [];
    const warn = (message) => {
        warnings.push(message);
        core/* warning */.$e(`rollback-action: ${message}`);
    };
    // Providers and their settings: a trigger without its backend throws here, as guard would.
    const sources = (0,metrics/* triggerSources */.f)(context, { onMissingEnv: warn });
    for (const warning of (0,rules/* unreachableTriggers */._G)(sources.map((s) => s.trigger.rule), config.windowMs.value, config.intervalMs.value))
        warn(warning);
    const contexts = checkContexts(context);
    // Without a cluster, a target without a namespace is known by the configured one only.
    for (const message of (0,targets/* repeatedTargetWarnings */.z)((0,targets/* uniqueTargets */.yA)(config.targets.value, config.namespace.value).repeated, config.namespace.value))
        warn(message);
    const notifications = (0,notify_messages/* subscriptions */.x0)(config.policy.notify, url/* redactUrl */.BO);
    for (const variable of notifyVariables(config.policy))
        if (!env[variable.name])
            warn(`${variable.key} names ${variable.name}, which is not set in this step; guard and rollback would not notify ${variable.channel}`);
    const total = warnings.length + config.warnings.length;
    const rows = settingRows(config);
    const preset = new Set(config.policy.preset === 'runbook'
        ? (0,presets/* runbookTriggers */.a)(config.policy.metrics?.selector).map((t) => t.name)
        : []);
    const own = new Set(config.policy.triggers?.map((t) => t.name) ?? []);
    const fromOf = (name) => own.has(name) ? (preset.has(name) ? 'policy (replaces the preset)' : 'policy') : 'preset';
    const triggers = sources.map(({ trigger }) => ({
        name: trigger.rule.name,
        // An imported trigger says where it came from: `import file:line Kind name`.
        from: trigger.origin
            ? `${trigger.origin.source}${preset.has(trigger.rule.name) ? ' (replaces the preset)' : ''}`
            : fromOf(trigger.rule.name),
        description: (0,rules/* describeWatched */.ou)(trigger),
        mapped: trigger.origin?.mapped ?? [],
    }));
    core/* info */.pq(`Configuration is valid${total ? ` (${(0,src_text/* plural */.L)(total, 'warning')})` : ''}: ${config.policyFile ?? 'no policy file'}`);
    for (const row of rows)
        core/* info */.pq(`  ${row.name.padEnd(17)} ${row.value}  [${row.from}]`);
    core/* info */.pq(triggers.length
        ? `Triggers that will be judged (${triggers.length}):`
        : 'No triggers: a guard watches only the rollout of its targets.');
    for (const t of triggers) {
        core/* info */.pq(`  ${t.description}  [${t.from}]`);
        for (const line of t.mapped)
            core/* info */.pq(`      ${line}`);
    }
    core/* info */.pq(notifications.length
        ? `Notifications of a rollback (${notifications.length}):`
        : 'No notifications (notify: in the policy).');
    for (const s of notifications)
        core/* info */.pq(`  ${(0,notify_messages/* describeSubscription */.dy)(s)}`);
    core/* info */.pq(contexts);
    // Outside a runner (a local `node dist/index.js`) there is no summary file to write.
    if (env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z
            .addRaw(validateSummary({
            policyFile: config.policyFile,
            warnings: [...config.warnings.map((w) => w.message), ...warnings],
            settings: rows,
            triggers,
            notifications: notifications.map(notify_messages/* describeSubscription */.dy),
            contexts,
        }))
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
function notifyVariables(policy) {
    const notify = policy.notify;
    if (!notify)
        return [];
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
function checkContexts(context) {
    if (!(0,kubeconfig_source/* hasKubeConfig */.__)({ kubeconfig: context.config.kubeconfig, env: context.env }))
        return 'No kubeconfig in this step: the contexts were not checked.';
    const clients = context.kube();
    return `Kubeconfig contexts: ${[...clients.keys()].join(', ')} (found; no server was contacted).`;
}
function settingsRecord(rows) {
    return Object.fromEntries(rows.map((row) => [row.name, { value: row.value, from: row.from }]));
}


/***/ })

};
