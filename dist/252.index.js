export const id = 252;
export const ids = [252];
export const modules = {

/***/ 5941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RS: () => (/* binding */ checkPermissions)
/* harmony export */ });
/* unused harmony exports permissionsFor, describePermission, missingPermissions */
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(370);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4184);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5392);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6384);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * Checks up front, with SelfSubjectAccessReviews, that the credentials hold every permission a
 * later rollback will need, so a missing RBAC verb is found before the deploy, not during it.
 */





const PURPOSES = {
    guard: (kind) => `the guard needs them to roll back ${kind}s and to record a healthy release`,
    rehearse: (kind) => `a rehearsal needs them to roll ${kind}s back and forward`,
};
/**
 * The permissions a mode needs on workloads of one kind named `names`: read and patch them,
 * list their history and pods; the guard also reads and writes the ledger ConfigMap. Named
 * where the verb takes a name, so a Role narrowed by `resourceNames` passes the check.
 */
function permissionsFor(kind, names, purpose) {
    const plural = _client_js__WEBPACK_IMPORTED_MODULE_0__/* .PLURALS */ .wX[kind];
    const workloads = (verb) => names.map((name) => ({ verb, group: 'apps', resource: plural, name }));
    const reads = [
        ...workloads('get'),
        ...workloads('patch'),
        {
            verb: 'list',
            group: 'apps',
            resource: kind === 'Deployment' ? 'replicasets' : 'controllerrevisions',
        },
        { verb: 'list', group: '', resource: 'pods' },
    ];
    if (purpose === 'rehearse')
        return reads;
    return [
        ...reads,
        { verb: 'get', group: '', resource: 'configmaps', name: _ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .LEDGER_NAME */ .yD },
        // A create is authorised before the object has a name: resourceNames cannot narrow it.
        { verb: 'create', group: '', resource: 'configmaps' },
        { verb: 'update', group: '', resource: 'configmaps', name: _ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .LEDGER_NAME */ .yD },
    ];
}
/** `patch deployments.apps "api"`: a permission as RBAC names it. */
function describePermission({ verb, group, resource, name }) {
    return `${verb} ${group ? `${resource}.${group}` : resource}${name ? ` "${name}"` : ''}`;
}
/** The permissions of `checks` the credentials lack. */
async function missingPermissions(client, checks, namespace) {
    const allowed = await Promise.all(checks.map(({ verb, group, resource, name }) => client.can(verb, group, resource, namespace, name)));
    return checks.filter((_, i) => !allowed[i]);
}
/**
 * Every permission `purpose` needs for `refs`, checked once per context, namespace and kind;
 * throws one error per scope that lacks some. A server that cannot be reached stops here too;
 * a check that fails otherwise is only warned about.
 */
async function checkPermissions(clients, refs, options) {
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A)(options.concurrency);
    const scopes = new Map();
    for (const ref of refs) {
        const key = `${ref.context}|${ref.namespace}|${ref.kind}`;
        const scope = scopes.get(key) ?? { ref, names: new Set() };
        scope.names.add(ref.name);
        scopes.set(key, scope);
    }
    const lacking = await Promise.all([...scopes.values()].map(({ ref, names }) => limit(async () => {
        const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .clientFor */ .$V)(clients, ref.context);
        const checks = permissionsFor(ref.kind, [...names], options.purpose);
        const missing = await missingPermissions(client, checks, ref.namespace).catch((error) => {
            // A server that cannot be reached now will not be reached by the capture either.
            if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeError */ .a3 && error.network)
                return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(error.message);
            options.warn(`${ref.context}: could not check permissions (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}); continuing`);
            return [];
        });
        if (missing instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo)
            return missing;
        return missing.length
            ? new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`context "${ref.context}", namespace "${ref.namespace}": the credentials lack ${missing.map(describePermission).join(', ')} (${PURPOSES[options.purpose]((0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .kindName */ .E)(ref.kind))})`)
            : undefined;
    })));
    // One line per problem: several scopes of one unreachable context fail the same way.
    const errors = [
        ...new Map(lacking.filter((e) => e !== undefined).map((e) => [e.message, e])).values(),
    ];
    if (errors.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserErrors */ .tQ(errors);
}


/***/ }),

/***/ 5325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ historyBaselines),
/* harmony export */   dA: () => (/* binding */ resolveBaselines),
/* harmony export */   hf: () => (/* binding */ captureBaselines)
/* harmony export */ });
/* unused harmony exports queryKey, alertBaselines, sampledBaselines */
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9834);
/* harmony import */ var _alertmanager_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8980);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);



/** An alert has no typical value to compare with: its baseline is the alerts already firing. */
function valued(source) {
    return !source.trigger.rule.alert;
}
function queryKey(query) {
    return JSON.stringify(query.ratio ?? query.query ?? query.alerts?.matchers ?? null);
}
/** The alerts each alert trigger sees firing now: the baseline a guard does not count. */
async function alertBaselines(sources, now) {
    const alerting = sources.filter((s) => s.trigger.query.alerts);
    const readings = await Promise.all(
    // Every alert there is now, whatever its start, is from before the deploy.
    alerting.map((s) => s
        .read({ now, since: now, intervalMs: 0, deployedAt: Infinity })
        .catch((e) => ({ reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(e) }))));
    return Object.fromEntries(alerting.flatMap((source, i) => {
        const reading = readings[i];
        if (!reading || reading.value === undefined)
            return [];
        const alerts = [...(reading.preexisting ?? []), ...(reading.ignored ?? [])];
        return [
            [
                source.trigger.rule.name,
                {
                    value: alerts.length,
                    from: 'capture',
                    end: (0,_time_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTimestamp */ .Ey)(now),
                    windowMs: 0,
                    query: queryKey(source.trigger.query),
                    alerts: alerts.map(_alertmanager_js__WEBPACK_IMPORTED_MODULE_0__/* .alertKey */ .aG),
                },
            ],
        ];
    }));
}
/** Baselines from each source's history, for the sources that keep one. */
async function historyBaselines(sources, end, windowMs) {
    const entries = await Promise.all(sources.filter(valued).map(async (source) => {
        if (!source.baseline)
            return undefined;
        const reading = await source.baseline(end, windowMs);
        return [
            source.trigger.rule.name,
            {
                value: reading.value,
                ...(reading.value === undefined ? { reason: reading.reason ?? 'no value' } : {}),
                from: 'history',
                end: (0,_time_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTimestamp */ .Ey)(end),
                windowMs,
                query: queryKey(source.trigger.query),
            },
        ];
    }));
    return Object.fromEntries(entries.filter((e) => e !== undefined));
}
/**
 * Baselines sampled now, for sources without history: two reads `sampleMs` apart (counters
 * and histograms need two scrapes to give a rate or a quantile).
 */
async function sampledBaselines(sources, clock, sampleMs) {
    const sampled = sources.filter(valued);
    if (sampled.length === 0)
        return {};
    const since = clock.now();
    const window = () => ({
        now: clock.now(),
        since,
        intervalMs: sampleMs,
    });
    const first = window();
    await Promise.all(sampled.map((s) => s.read(first).catch(() => undefined)));
    await clock.sleep(sampleMs);
    const second = window();
    const readings = await Promise.all(sampled.map((s) => s.read(second).catch((e) => ({ reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(e) }))));
    return Object.fromEntries(sampled.map((source, i) => {
        const reading = readings[i];
        return [
            source.trigger.rule.name,
            {
                value: reading?.value,
                ...(reading?.value === undefined ? { reason: reading?.reason ?? 'no value' } : {}),
                from: 'capture',
                end: (0,_time_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTimestamp */ .Ey)(second.now),
                windowMs: sampleMs,
                query: queryKey(source.trigger.query),
            },
        ];
    }));
}
/** Stored baselines whose query still matches, completed from history where missing. */
async function resolveBaselines(sources, stored, end, windowMs) {
    const kept = Object.fromEntries(sources.flatMap((s) => {
        const b = stored?.[s.trigger.rule.name];
        return b && b.value !== undefined && b.query === queryKey(s.trigger.query)
            ? [[s.trigger.rule.name, b]]
            : [];
    }));
    const rest = sources.filter((s) => !(s.trigger.rule.name in kept));
    return { ...(await historyBaselines(rest, end, windowMs)), ...kept };
}
/** How long capture samples a source without history for its baseline, at most. */
const SAMPLE_MS = 15_000;
/**
 * The baselines a capture records: Prometheus history before now; other sources (scrape,
 * http-json) sampled twice now; the alerts firing now for alert triggers.
 */
async function captureBaselines(sources, clock, options) {
    const now = clock.now();
    const sampleMs = Math.min(options.intervalMs, SAMPLE_MS);
    const [history, sampled, alerts] = await Promise.all([
        historyBaselines(sources, now, options.baselineWindowMs),
        sampledBaselines(sources.filter((s) => !s.baseline && s.trigger.provider !== 'health'), clock, sampleMs),
        alertBaselines(sources, now),
    ]);
    return { ...sampled, ...history, ...alerts };
}


/***/ }),

/***/ 9252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  REHEARSAL_LABEL: () => (/* binding */ REHEARSAL_LABEL),
  rehearse: () => (/* binding */ rehearse)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/kube/capture.ts
var capture = __webpack_require__(6339);
// EXTERNAL MODULE: ./src/kube/permissions.ts
var permissions = __webpack_require__(5941);
// EXTERNAL MODULE: ./src/kube/snapshot.ts
var kube_snapshot = __webpack_require__(7261);
// EXTERNAL MODULE: ./src/metrics/baselines.ts
var metrics_baselines = __webpack_require__(5325);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/rollback.ts
var rollback = __webpack_require__(1908);
// EXTERNAL MODULE: ./src/report/verify-summary.ts
var verify_summary = __webpack_require__(6252);
;// CONCATENATED MODULE: ./src/report/rehearsal.ts
/**
 * A rollback rehearsal for people: did the drill pass, why not, how long the rollback took
 * against the SLA, and each leg's targets and verification. Pure: the drill's facts in, the
 * judgement and Markdown out; the summary and the optional rehearsal issue share the text.
 */






const failedTargets = (results) => results.filter((r) => r.outcome === 'failed').map((r) => `${(0,kube_snapshot/* describeRef */.Ro)(r)}: ${r.message}`);
function judgeDrill(d) {
    const problems = [];
    const back = d.rollback;
    const failed = failedTargets(back.results);
    if (failed.length)
        problems.push(`the rollback failed for ${failed.join('; ')}`);
    else if (!d.dryRun && !back.results.some((r) => r.outcome === 'rolled-back'))
        problems.push(`nothing was rolled back: every target was already at ${d.destination}, so the drill proved nothing`);
    const v = back.verification;
    // A target that did not change already says why the leg is not verified; the SLA is
    // judged on a verified rollback only.
    if (v && !v.verified && !failed.length)
        problems.push(`after the rollback: ${v.problem ?? 'not verified'}`);
    if (v?.verified && v.sla && !v.sla.met)
        problems.push(`the rollback SLA was missed: ${v.sla.detail}`);
    if (d.forward) {
        const stuck = failedTargets(d.forward.results);
        if (stuck.length)
            problems.push(`the roll forward failed, staging may still run the older release: ${stuck.join('; ')}`);
        const fv = d.forward.verification;
        if (fv && !fv.verified && !stuck.length)
            problems.push(`after the roll forward: ${fv.problem ?? 'not verified'}`);
    }
    return {
        passed: problems.length === 0,
        problems,
        ...(v?.verified && v.sla ? { rollbackSeconds: v.sla.elapsedMs / 1000 } : {}),
    };
}
const seconds = (ms) => (0,duration/* formatDuration */.a3)(Math.max(0, Math.round(ms / 1000)) * 1000);
function rehearsalTitle(d, j) {
    const sla = d.rollback.verification?.sla;
    const took = j.rollbackSeconds !== undefined && sla
        ? ` in ${seconds(j.rollbackSeconds * 1000)} (SLA ${seconds(sla.limitMs)})`
        : '';
    return (0,report_escape/* oneLine */.TN)(`Rollback rehearsal of ${d.service}: ${d.dryRun ? 'dry run' : j.passed ? 'passed' : 'FAILED'}${j.passed ? took : `: ${j.problems[0] ?? ''}`}`, 256);
}
/** The drill as Markdown: the verdict, the problems, then each leg's table and verification. */
function rehearsalReport(d, j, runUrl) {
    const icon = d.dryRun ? '📝' : j.passed ? '✅' : '❌';
    const parts = [
        `## ${icon} rollback-action: rehearsal ${d.dryRun ? 'planned (dry run)' : j.passed ? 'passed' : 'failed'}\n\n`,
    ];
    const legs = [
        `- **Rolled back to:** ${(0,markdown/* escapeText */.X1)(d.destination)}, ${seconds(d.rollback.finishedAt - d.rollback.startedAt)} to roll out${j.rollbackSeconds !== undefined ? `, ${seconds(j.rollbackSeconds * 1000)} to verified` : ''}`,
    ];
    const sla = d.rollback.verification?.sla;
    if (sla)
        legs.push(`- **Rollback SLA:** ${sla.met ? '✅ met' : '❌ missed'}: ${(0,markdown/* escapeText */.X1)(sla.detail)}`);
    if (d.forward)
        legs.push(`- **Rolled forward** to the release that ran before the drill: ${seconds(d.forward.finishedAt - d.forward.startedAt)}${d.forward.verification ? `, ${d.forward.verification.verified ? 'verified' : '**not verified**'}` : ''}`);
    if (runUrl)
        legs.push(`- **Run:** ${runUrl}`);
    parts.push(`${legs.join('\n')}\n\n`);
    if (j.problems.length)
        parts.push(`The rollback path is broken; fix it before it is needed:\n\n${j.problems.map((p) => `- ${(0,report_escape/* escapeExternal */.Zk)(p, 1000)}`).join('\n')}\n\n`);
    parts.push('### The rollback\n\n', (0,rollback/* rollbackTable */.F)(d.rollback.results), '\n\n');
    if (d.rollback.verification)
        parts.push((0,verify_summary/* verificationSection */.P)(d.rollback.verification));
    if (d.forward) {
        parts.push('### The roll forward\n\n', (0,rollback/* rollbackTable */.F)(d.forward.results, 'rolled forward'), '\n\n');
        if (d.forward.verification)
            parts.push((0,verify_summary/* verificationSection */.P)(d.forward.verification));
    }
    return parts.join('');
}

// EXTERNAL MODULE: ./src/rollback/execute.ts + 1 modules
var execute = __webpack_require__(5626);
// EXTERNAL MODULE: ./src/report/incident-of-run.ts + 1 modules
var incident_of_run = __webpack_require__(9678);
// EXTERNAL MODULE: ./src/verify/images.ts
var verify_images = __webpack_require__(887);
// EXTERNAL MODULE: ./src/verify/verify.ts + 1 modules
var verify = __webpack_require__(5255);
// EXTERNAL MODULE: ./src/modes/context.ts
var modes_context = __webpack_require__(1235);
// EXTERNAL MODULE: ./src/modes/metrics.ts + 6 modules
var metrics = __webpack_require__(6492);
// EXTERNAL MODULE: ./src/modes/rollouts.ts
var rollouts = __webpack_require__(2720);
;// CONCATENATED MODULE: ./src/modes/rehearse.ts
















const REHEARSAL_LABEL = 'rollback-rehearsal';
/**
 * `mode: rehearse`, on staging: the real rollback path run on purpose. Records what runs (on
 * disk before anything changes), rolls back to the previous release (or `to-revision`),
 * verifies and times it against the SLA, rolls forward to what ran before, verifies again, and
 * reports the drill. A broken path (no history, an image that does not start, a smoke check
 * failing on the old release) fails the step, and the roll forward still runs.
 */
async function rehearse(context) {
    const { config } = context;
    const refs = (0,modes_context/* targetRefs */.iT)(context);
    // A drill runs the Kubernetes undo on purpose: settings for real incidents do not apply.
    if (config.approval.value === 'required')
        core/* warning */.$e('rollback-action: approval: required does not apply to a rehearsal: the drill rolls back and forward without one');
    if (config.strategy.value !== 'auto' && config.strategy.value !== 'kubernetes')
        core/* warning */.$e(`rollback-action: strategy: ${config.strategy.value} does not apply to a rehearsal: it drills the Kubernetes undo`);
    const clients = context.kube();
    await (0,permissions/* checkPermissions */.RS)(clients, refs, {
        purpose: 'rehearse',
        concurrency: config.concurrency,
        warn: (line) => core/* warning */.$e(line),
    });
    // A drill on a service mid-rollout would undo someone's deploy: refuse before any change.
    const settled = await core/* group */.Os('Rollout', () => (0,rollouts/* waitForRollouts */.h)(context, refs));
    const unsettled = settled.filter((r) => r.state !== 'done');
    if (unsettled.length)
        throw new errors/* UserError */.yo(`no rehearsal: ${unsettled.map((r) => (r.state === 'unknown' ? `${r.target}: ${r.message}` : `${r.target} is not rolled out (${r.state}: ${r.message})`)).join('; ')}; nothing was changed`);
    const destination = { kind: 'spec', spec: config.toRevision.value };
    // A revision someone named that a target does not have is a mistake in the input, not a
    // broken rollback path: said before anything changes, and no rehearsal issue is filed.
    if (config.toRevision.from !== 'default')
        await checkDestination(context, refs, destination);
    const sources = (0,metrics/* triggerSources */.f)(context);
    const start = await startingPoint(context, refs, sources);
    const baselines = Object.fromEntries(Object.entries(start.baselines ?? {}).map(([k, b]) => [k, b.value]));
    const dryRun = config.dryRun ? 'dry-run' : undefined;
    // Back to where staging was, whatever the rollback found: once, from whichever asks first.
    let undoing;
    let forwarding;
    const rollForward = (verify = true) => (forwarding ??= leg(context, refs, { kind: 'snapshot', snapshot: start }, undefined, () => undefined, 
    // Cancelled: back first and fast; the runner kills the step seconds after its signal.
    !verify
        ? undefined
        : (done) => ({
            expected: done.flatMap((r) => {
                const captured = (0,kube_snapshot/* findCaptured */.SW)(start, r);
                return captured && r.outcome !== 'failed' ? [{ ref: r, images: captured }] : [];
            }),
            sources,
            baselines,
        })));
    // A cancelled run (the runner sends SIGINT, then SIGTERM) must not leave staging on the
    // old release: roll forward at once, then end as the signal asked.
    const cancelled = (signal) => {
        core/* warning */.$e(`rollback-action: the rehearsal was cancelled (${signal}): rolling forward to the release that ran before the drill`);
        // An undo in flight ends first: rolling forward under it could leave the old release.
        void (undoing ?? Promise.resolve())
            .catch(() => undefined)
            .then(() => rollForward(false))
            .then((l) => core/* info */.pq(`rolled forward after the cancel: ${l.results.map((r) => `${(0,kube_snapshot/* describeRef */.Ro)(r)} ${r.outcome}`).join(', ')}`))
            .finally(() => {
            stopListening();
            process.kill(process.pid, signal);
        });
    };
    const stopListening = () => {
        process.off('SIGINT', cancelled);
        process.off('SIGTERM', cancelled);
    };
    if (!dryRun) {
        process.once('SIGINT', cancelled);
        process.once('SIGTERM', cancelled);
    }
    let rollback;
    let forward;
    try {
        rollback = await core/* group */.Os('Rehearsal: roll back', () => leg(context, refs, destination, dryRun, (undo) => {
            undoing = undo;
        }, (done) => ({
            expected: done.flatMap((r) => {
                const captured = (0,kube_snapshot/* findCaptured */.SW)(start, r);
                return r.outcome === 'rolled-back' && captured
                    ? [
                        {
                            ref: r,
                            images: (0,verify_images/* imagesAfter */.XK)(captured.images, r.diff),
                            against: 'the release rolled back to',
                        },
                    ]
                    : [];
            }),
            sources,
            baselines,
        })));
    }
    finally {
        // Also when the rollback leg threw: staging goes back before the error is reported.
        if (!dryRun)
            forward = await core/* group */.Os('Rehearsal: roll forward', () => rollForward());
        stopListening();
    }
    const drill = {
        service: (0,incident_of_run/* incidentIdentity */.Xx)(refs, context.env.GITHUB_REPOSITORY).service,
        destination: (0,execute/* describeDestination */.aC)(destination),
        dryRun: dryRun !== undefined,
        rollback,
        ...(forward ? { forward } : {}),
    };
    const judgement = judgeDrill(drill);
    const report = rehearsalReport(drill, judgement, context.run.runUrl);
    const issue = config.policy.rehearsal?.issue && !dryRun
        ? await fileRehearsal(context, drill, judgement, report)
        : undefined;
    const headline = `rehearsal ${dryRun ? 'planned (dry run)' : judgement.passed ? 'passed' : 'failed'}`;
    if (judgement.passed)
        core/* info */.pq(`${headline}: ${rehearsalTitle(drill, judgement)}`);
    if (context.env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z
            .addRaw(report)
            .addRaw(issue && 'url' in issue ? `Filed as [#${issue.number}](${issue.url}).\n` : '')
            .write();
    const verified = rollback.verification && forward?.verification
        ? rollback.verification.verified && forward.verification.verified
        : undefined;
    return {
        outputs: {
            // The drill's verdict: healthy when the rollback path works, rollback-failed when not.
            [constants/* Outputs */.tY.Verdict]: dryRun
                ? 'rollback-recommended'
                : judgement.passed
                    ? 'healthy'
                    : 'rollback-failed',
            [constants/* Outputs */.tY.Strategy]: 'kubernetes',
            [constants/* Outputs */.tY.RolledBack]: 'false',
            ...(verified !== undefined ? { [constants/* Outputs */.tY.Verified]: String(verified) } : {}),
            ...(judgement.rollbackSeconds !== undefined
                ? { [constants/* Outputs */.tY.RollbackSeconds]: judgement.rollbackSeconds.toFixed(1) }
                : {}),
        },
        report: {
            rehearsal: {
                passed: judgement.passed,
                'dry-run': drill.dryRun,
                problems: judgement.problems,
                'rollback-seconds': judgement.rollbackSeconds ?? null,
                'started-from': start.capturedAt,
                'rolled-back-to': drill.destination,
                rollback: legReport(rollback),
                'roll-forward': forward ? legReport(forward) : null,
                issue: issue ?? null,
            },
            rollout: settled.map(json/* rolloutReport */.eE),
        },
        ...(judgement.passed || dryRun
            ? {}
            : {
                failure: `the rehearsal found the rollback path broken: ${judgement.problems.join('; ')}`,
            }),
    };
}
/** What runs now, with the baselines, written to disk before the drill changes anything. */
async function startingPoint(context, refs, sources) {
    const { config, clock } = context;
    const targets = await (0,capture/* captureTargets */.ZA)(context.kube(), refs, { concurrency: config.concurrency });
    const baselines = sources.length
        ? await (0,metrics_baselines/* captureBaselines */.hf)(sources, clock, {
            intervalMs: config.intervalMs.value,
            baselineWindowMs: config.baselineWindowMs,
        })
        : undefined;
    const snapshot = (0,modes_context/* snapshotNow */.p9)(context, targets, baselines);
    const { file } = await (0,kube_snapshot/* writeSnapshot */.oF)(snapshot, context.run.runnerTemp);
    core/* info */.pq(`Starting point recorded in ${file}: the roll forward returns to it`);
    return snapshot;
}
/** One leg of the drill: the undo across every context, then its verification. */
async function leg(context, refs, destination, planOnly, 
/** The undo as it starts: a cancel waits for it before rolling forward. */
started, toVerify) {
    const startedAt = context.clock.now();
    if (destination.kind === 'snapshot')
        core/* info */.pq('Rolling forward to the release that ran before the drill:');
    const undo = (0,execute/* executeRollback */.yk)(context, refs, destination, planOnly);
    started(undo);
    const done = await undo;
    const finishedAt = context.clock.now();
    if (!toVerify ||
        planOnly ||
        (!done.rolledBack && done.results.every((r) => r.outcome !== 'failed')))
        return { startedAt, finishedAt, results: done.results };
    // The SLA is the rollback's: the roll forward is verified, not timed against it. A target
    // that failed is not where it should be: the leg is not verified, whatever the others say.
    const verification = await (0,verify/* verifyState */.FI)(context, {
        ...(destination.kind === 'spec' ? { decidedAt: startedAt } : {}),
        ...toVerify(done.results),
        problems: done.results
            .filter((r) => r.outcome === 'failed')
            .map((r) => `${(0,kube_snapshot/* describeRef */.Ro)(r)} did not change: ${r.message}`),
    });
    return { startedAt, finishedAt, results: done.results, verification };
}
function legReport(l) {
    return {
        'started-at': new Date(l.startedAt).toISOString(),
        'finished-at': new Date(l.finishedAt).toISOString(),
        targets: l.results.map(json/* targetOutcome */.u),
        verification: l.verification ? (0,json/* verificationReport */.st)(l.verification) : null,
    };
}
/** The drill as an issue labelled rollback-rehearsal: best effort, never an incident. */
async function fileRehearsal(context, drill, judgement, body) {
    const github = context.github();
    if (!github) {
        const problem = 'the rehearsal was not filed as an issue: the step has no github-token or GITHUB_REPOSITORY';
        core/* warning */.$e(`rollback-action: ${problem}`);
        return { problem };
    }
    try {
        const labels = [
            ...new Set([REHEARSAL_LABEL, ...(context.config.policy.rehearsal?.labels ?? [])]),
        ];
        const issue = await github.createIssue({
            title: rehearsalTitle(drill, judgement),
            body,
            labels,
        });
        core/* info */.pq(`Rehearsal filed: #${issue.number} ${issue.url}`);
        return { number: issue.number, url: issue.url };
    }
    catch (error) {
        const problem = `the rehearsal was not filed as an issue: ${(0,errors/* messageOf */.bD)(error)}`;
        core/* warning */.$e(`rollback-action: ${problem}`);
        return { problem };
    }
}
/** Plans the rollback without making it: a target that cannot go to `destination` is refused. */
async function checkDestination(context, refs, destination) {
    const planned = await core/* group */.Os('Rehearsal: the named revision', () => (0,execute/* executeRollback */.yk)(context, refs, destination, 'checking to-revision'));
    const missing = planned.results.filter((r) => r.outcome === 'failed');
    if (missing.length)
        throw new errors/* UserError */.yo(`${context.config.toRevision.from === 'input' ? "input 'to-revision'" : 'policy rollback.to-revision'}: ${missing.map((r) => `${(0,kube_snapshot/* describeRef */.Ro)(r)}: ${r.message}`).join('; ')}; no rehearsal, nothing was changed`);
}


/***/ }),

/***/ 2720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ waitForRollouts)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(370);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _kube_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4184);
/* harmony import */ var _kube_rollout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4236);
/* harmony import */ var _kube_snapshot_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7261);
/** Waiting for targets' rollouts, as guard (after the deploy) and verify (after a change) do. */






/** Every target's rollout, concurrently; status that cannot be read is `unknown`, not failed. */
async function waitForRollouts(context, refs) {
    const clients = context.kube();
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_5__/* ["default"] */ .A)(context.config.concurrency);
    return Promise.all(refs.map((ref) => limit(async () => {
        const target = (0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_4__/* .describeRef */ .Ro)(ref);
        const client = (0,_kube_client_js__WEBPACK_IMPORTED_MODULE_2__/* .clientFor */ .$V)(clients, ref.context);
        try {
            const result = await (0,_kube_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .waitForRollout */ .gj)(client, ref.kind, ref.namespace, ref.name, {
                clock: context.clock,
                timeoutMs: context.config.rolloutTimeoutMs,
                log: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line),
            });
            return {
                target,
                state: result.failed ? 'failed' : 'done',
                message: result.failed ?? result.message,
                elapsedMs: result.elapsedMs,
            };
        }
        catch (error) {
            // Unreadable status is missing data, not a failed rollout.
            return { target, state: 'unknown', message: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error), elapsedMs: 0 };
        }
    })));
}


/***/ })

};
