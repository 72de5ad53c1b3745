export const id = 402;
export const ids = [402];
export const modules = {

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

/***/ 3402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  guard: () => (/* binding */ guard)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/analysis/rollout.ts
var analysis_rollout = __webpack_require__(2115);
// EXTERNAL MODULE: ./src/analysis/rules.ts
var rules = __webpack_require__(5849);
// EXTERNAL MODULE: ./src/analysis/watch.ts + 1 modules
var watch = __webpack_require__(8088);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/metrics/baselines.ts
var metrics_baselines = __webpack_require__(5325);
// EXTERNAL MODULE: ./src/report/evidence.ts
var evidence = __webpack_require__(3877);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/time.ts
var time = __webpack_require__(9834);
// EXTERNAL MODULE: ./src/modes/context.ts
var modes_context = __webpack_require__(1235);
// EXTERNAL MODULE: ./src/modes/rollouts.ts
var rollouts = __webpack_require__(2720);
// EXTERNAL MODULE: ./src/kube/ledger.ts
var ledger = __webpack_require__(5392);
// EXTERNAL MODULE: ./src/report/stale-reverts.ts
var stale_reverts = __webpack_require__(877);
// EXTERNAL MODULE: ./src/modes/stale-reverts.ts + 1 modules
var modes_stale_reverts = __webpack_require__(8178);
// EXTERNAL MODULE: ./src/modes/metrics.ts + 6 modules
var metrics = __webpack_require__(6492);
// EXTERNAL MODULE: ./src/decide/gather.ts
var gather = __webpack_require__(7777);
// EXTERNAL MODULE: ./src/analysis/series.ts
var analysis_series = __webpack_require__(6201);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/chart.ts
var report_chart = __webpack_require__(194);
// EXTERNAL MODULE: ./src/report/rollback.ts
var rollback = __webpack_require__(1908);
;// CONCATENATED MODULE: ./src/report/guard-summary.ts






/** The alerts each alert trigger saw and did not count, one line per kind. */
function notCounted(observations) {
    return Object.entries(observations).flatMap(([name, series]) => {
        const alerts = (0,evidence/* uncountedAlerts */.Tq)(series);
        return alerts ? (0,evidence/* uncountedLines */.b0)(name, alerts) : [];
    });
}
/** A trigger's evidence for the report: its last state and every observation. */
function evidenceOf(state, series) {
    return {
        name: state.name,
        severity: state.severity,
        status: state.status,
        value: state.value ?? null,
        threshold: state.threshold ?? null,
        baseline: state.baseline ?? null,
        'fast-failed': state.fastFailed,
        // Passing, but over its threshold for part of its `for` already: how far along.
        breaching: state.breaching ?? null,
        // The query as it was run at the last poll, when its ranges were cut.
        'query-as-run': series.findLast((o) => o.query !== undefined)?.query ?? null,
        // Several series: the one this row describes (which pod), and how many there were.
        'series-labels': state.seriesLabels ?? null,
        'series-count': state.seriesCount ?? null,
        // Alert triggers: the alerts of the last poll that were not counted, and why.
        ...alertEvidence(series),
        detail: state.detail,
        series: series.map((o) => [
            (0,time/* formatTimestamp */.Ey)(o.at),
            (0,analysis_series/* shownValue */.JJ)(o) ?? null,
            ...(o.reason ? [o.reason] : []),
        ]),
    };
}
function alertEvidence(series) {
    const alerts = (0,evidence/* uncountedAlerts */.Tq)(series);
    if (!alerts)
        return {};
    const record = (a) => ({
        labels: a.labels,
        since: a.since === undefined ? null : (0,time/* formatTimestamp */.Ey)(a.since),
    });
    return {
        'alerts-firing': (series.at(-1)?.series ?? []).map(record),
        'alerts-preexisting': alerts.preexisting.map(record),
        'alerts-ignored': alerts.ignored.map(record),
    };
}
const VERDICT_ICON = {
    healthy: '✅',
    'rolled-back': '↩️',
    'rollback-recommended': '⚠️',
    'rollback-failed': '❌',
    inconclusive: '❔',
};
/** Charts in the summary: the failing metrics, a few, short (the incident has the rest). */
const SUMMARY_CHARTS = 3;
const SUMMARY_POINTS = 30;
/** Each failing metric over the watch with its threshold, as Mermaid charts. */
function failingCharts(s) {
    const charts = s.states
        .filter((state) => state.status === 'fail')
        .flatMap((state) => {
        const chart = (0,report_chart/* mermaidChart */.C6)({
            name: state.name,
            observations: s.observations[state.name] ?? [],
            threshold: state.threshold,
            ...(s.deployedAt !== undefined ? { origin: s.deployedAt } : {}),
        }, SUMMARY_POINTS);
        return chart ? [chart] : [];
    });
    if (!charts.length)
        return '';
    const more = charts.length - SUMMARY_CHARTS;
    return `### Failing metrics\n\n${charts.slice(0, SUMMARY_CHARTS).join('\n\n')}\n\n${more > 0 ? `${more} more in the report.\n\n` : ''}`;
}
/** The guard's job summary, in Markdown: the verdict first, then the evidence. Pure. */
function guardSummary(s) {
    const parts = [
        `## ${VERDICT_ICON[s.verdict]} rollback-action: ${s.verdict}${s.severity ? ` (${s.severity})` : ''}\n\n`,
        `${s.headline}.\n\n`,
        '### Triggers\n\n',
        (0,markdown/* markdownTable */.Qj)(evidence/* EVIDENCE_HEADERS */.f3, (0,evidence/* evidenceRows */.dK)(s.states, s.observations)),
        '\n\n',
        failingCharts(s),
    ];
    const uncounted = notCounted(s.observations);
    if (uncounted.length)
        parts.push(`Alerts not counted:\n\n${uncounted.map((line) => `- ${(0,markdown/* escapeText */.X1)(line)}`).join('\n')}\n\n`);
    // Cut ranges change values (a p95 over 30 s is not a p95 over 5 m): show what was run.
    const asRun = Object.entries(s.observations).flatMap(([name, series]) => {
        const query = series.findLast((o) => o.query !== undefined)?.query;
        return query ? [`- ${(0,markdown/* code */.aY)(name)}: ${(0,markdown/* code */.aY)(query)}`] : [];
    });
    if (asRun.length)
        parts.push(`Queries as run at the last poll, their ranges cut to the time since the deploy:\n\n${asRun.join('\n')}\n\n`);
    if (s.rollout.length)
        parts.push('### Rollout\n\n', (0,markdown/* markdownTable */.Qj)(['Target', 'State', 'Seconds', 'Detail'], s.rollout.map((r) => [(0,markdown/* code */.aY)(r.target), r.state, (r.elapsedMs / 1000).toFixed(1), r.message])), '\n\n');
    if (s.rollback)
        parts.push('### Rollback\n\n', (0,rollback/* rollbackTable */.F)(s.rollback), '\n\n');
    if (s.ledger?.length)
        parts.push(`Recorded as the last verified-good release in ${s.ledger.map((l) => `${l.context}/${l.namespace}`).join(', ')}.\n`);
    return parts.join('');
}

// EXTERNAL MODULE: ./src/rollback/execute.ts + 1 modules
var execute = __webpack_require__(5626);
// EXTERNAL MODULE: ./src/rollback/respond.ts + 6 modules
var respond = __webpack_require__(516);
// EXTERNAL MODULE: ./src/report/plan.ts
var plan = __webpack_require__(1307);
// EXTERNAL MODULE: ./src/rollback/incident.ts + 1 modules
var rollback_incident = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/report/incident.ts
var report_incident = __webpack_require__(7182);
// EXTERNAL MODULE: ./src/report/verify-summary.ts
var verify_summary = __webpack_require__(6252);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/modes/guard.ts




























/**
 * `mode: guard`, after the deploy: waits for the rollout (a rollout that cannot complete
 * fails at once), then watches every trigger for the window and judges. A failing verdict
 * rolls the targets back to the snapshot (or `to-revision`) unless approval is required;
 * missing data never rolls back, it ends inconclusive; a healthy release is recorded in the
 * ledger as the last verified-good one.
 */
async function guard(context) {
    const { config } = context;
    const sources = (0,metrics/* triggerSources */.f)(context);
    const hasTargets = config.targets.value.length > 0;
    if (sources.length === 0 && !hasTargets)
        throw new errors/* UserError */.yo("nothing to guard: set 'targets' (their rollout is watched) or triggers in the policy (preset: runbook, or triggers:)");
    const snapshot = (0,execute/* capturedSnapshot */.Ly)(context);
    const refs = hasTargets ? (0,modes_context/* targetRefs */.iT)(context) : [];
    const scoped = (0,gather/* scopeProblems */.Vd)(config, refs);
    if (scoped.length)
        throw new errors/* UserErrors */.tQ(scoped.map((m) => new errors/* UserError */.yo(m)));
    // A flag's secret missing now would be found only at 3 a.m., after the watch: say it now.
    for (const flag of config.policy.flags ?? [])
        for (const [header, variable] of Object.entries(flag.request?.['headers-env'] ?? {}))
            if (!context.env[variable])
                core/* warning */.$e(`rollback-action: flag '${flag.name}' (${config.policyFile ?? 'policy'}): headers-env ${header} names ${variable}, which is not set in this step; the flag cannot be turned off`);
    const rollout = refs.length
        ? await core/* group */.Os('Rollout', () => (0,rollouts/* waitForRollouts */.h)(context, refs))
        : [];
    const rolloutState = (0,analysis_rollout/* rolloutTrigger */.YM)(rollout);
    const deployedAt = await (0,gather/* deployTime */.n0)(context, refs, snapshot);
    core/* info */.pq(`Deploy at ${(0,time/* formatTimestamp */.Ey)(deployedAt)} (${snapshot ? 'the capture' : refs.length ? 'the current revision' : 'now'}); ${(0,src_text/* plural */.L)(sources.length, 'trigger')}`);
    let baselines = {};
    let watched;
    let judgement;
    if (rolloutState.status === 'fail') {
        core/* info */.pq(`rollout failed: ${rolloutState.detail}`);
        judgement = {
            verdict: 'fail',
            severity: rolloutState.severity,
            failing: [rolloutState],
            unjudged: [],
            failStep: false,
        };
    }
    else {
        if (sources.length) {
            baselines = await core/* group */.Os('Baselines', async () => {
                const found = await (0,metrics_baselines/* resolveBaselines */.dA)(sources, snapshot?.baselines, deployedAt, config.baselineWindowMs);
                for (const [name, b] of Object.entries(found))
                    core/* info */.pq(`${name}: baseline ${(0,evidence/* describeBaseline */.FT)(b)}`);
                return found;
            });
            watched = await core/* group */.Os('Watch', () => watchSources(context, sources, baselines, deployedAt));
        }
        for (const line of notCounted(watched?.observations ?? {}))
            core/* info */.pq(line);
        judgement = withRollout(watched?.judgement, rolloutState);
    }
    const detectedAt = context.clock.now();
    const outcome = await act(context, judgement, refs, { rollout, snapshot, sources, baselines });
    // A healthy release supersedes the revert pull requests that would roll back past it.
    const staleReverts = outcome.verdict === 'healthy' && !config.dryRun
        ? await (0,modes_stale_reverts/* settleStaleReverts */.IO)(context, refs, outcome.merged ?? null)
        : null;
    // A rollback that failed, or that cannot be shown to have worked, is the runbooks' P0.
    if (judgement.severity !== 'P0' &&
        (outcome.verdict === 'rollback-failed' || outcome.response?.verification?.verified === false))
        judgement = {
            ...judgement,
            severity: 'P0',
            // Said in the headline: a P2 trigger's run that reads P0 must say why.
            escalation: {
                name: 'rollback',
                severity: 'P0',
                detail: outcome.verdict === 'rollback-failed'
                    ? 'the rollback failed'
                    : 'the rollback is not verified (the runbooks escalate that to P0)',
            },
        };
    const states = [rolloutState, ...(watched?.states ?? [])];
    const headline = headlineOf(judgement, outcome, config.windowMs.value);
    const failure = failureOf(outcome, judgement, headline, config.inconclusive.value);
    const deployments = outcome.response
        ? await (0,respond/* markRolledBackDeployment */.oK)(context, outcome.response.run, headline)
        : undefined;
    const incident = outcome.response
        ? await (0,rollback_incident/* fileIncident */.ZW)(context, (0,rollback_incident/* responseFacts */.Zc)(context, refs, outcome.response, {
            verdict: outcome.verdict,
            severity: judgement.severity,
            headline,
            deployedAt,
            detectedAt,
            states,
            observations: watched?.observations ?? {},
            range: await (0,rollback_incident/* incidentRange */.OQ)(context, refs, outcome.response, snapshot),
        }))
        : undefined;
    // A failing step gets its one error line from main (the failure); the rest say it here.
    if (failure === undefined)
        (outcome.verdict === 'inconclusive' ? core/* warning */.$e : core/* info */.pq)(`${outcome.verdict}: ${headline}`);
    if (context.env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z
            .addRaw(guardSummary({
            verdict: outcome.verdict,
            severity: judgement.severity,
            headline,
            states,
            observations: watched?.observations ?? {},
            rollout,
            rollback: undefined,
            ledger: outcome.ledger,
            deployedAt,
        }) +
            (outcome.response ? (0,plan/* planSection */.l)((0,respond/* sectionOf */.ZE)(outcome.response)) : '') +
            (outcome.response?.verification
                ? (0,verify_summary/* verificationSection */.P)(outcome.response.verification)
                : '') +
            (0,report_incident/* incidentNote */.Z7)(incident) +
            (0,stale_reverts/* staleRevertsSection */.m)(staleReverts))
            .write();
    return {
        outputs: {
            [constants/* Outputs */.tY.Verdict]: outcome.verdict,
            [constants/* Outputs */.tY.Strategy]: outcome.response?.run.strategy ?? 'none',
            [constants/* Outputs */.tY.RolledBack]: String(outcome.response?.run.rolledBack ?? false),
            ...(outcome.response?.run.changed
                ? { [constants/* Outputs */.tY.RollbackSeconds]: outcome.response.secondsToVerified.toFixed(1) }
                : {}),
            ...(outcome.response?.verification
                ? { [constants/* Outputs */.tY.Verified]: String(outcome.response.verification.verified) }
                : {}),
            ...(incident && 'url' in incident ? { [constants/* Outputs */.tY.IncidentUrl]: incident.url } : {}),
            ...(outcome.response ? { [constants/* Outputs */.tY.Plan]: JSON.stringify(outcome.response.plan) } : {}),
        },
        report: {
            verdict: outcome.verdict,
            severity: judgement.severity ?? null,
            'severity-from': judgement.escalation ?? null,
            headline,
            'deployed-at': (0,time/* formatTimestamp */.Ey)(deployedAt),
            watch: watched
                ? {
                    'window-ms': config.windowMs.value,
                    'interval-ms': config.intervalMs.value,
                    polls: watched.polls,
                    'elapsed-ms': watched.elapsedMs,
                }
                : null,
            triggers: states.map((s) => evidenceOf(s, watched?.observations[s.name] ?? [])),
            unjudged: judgement.unjudged,
            baselines: (0,json/* baselineReports */.nz)(baselines),
            rollout: rollout.map(json/* rolloutReport */.eE),
            decision: outcome.response?.plan ?? null,
            rollback: outcome.response ? (0,respond/* rollbackReport */.F3)(outcome.response) : null,
            ledger: outcome.ledger?.map(json/* ledgerReport */.gM) ?? null,
            deployments: deployments ?? null,
            incident: incident ?? null,
            'stale-reverts': staleReverts,
            verification: outcome.response?.verification
                ? (0,json/* verificationReport */.st)(outcome.response.verification)
                : null,
        },
        failure,
    };
}
function watchSources(context, sources, baselines, deployedAt) {
    const { config, clock } = context;
    for (const warning of (0,rules/* unreachableTriggers */._G)(sources.map((s) => s.trigger.rule), config.windowMs.value, config.intervalMs.value))
        core/* warning */.$e(warning);
    core/* info */.pq(`Watching for ${(0,duration/* formatDuration */.a3)(config.windowMs.value)}, a poll every ${(0,duration/* formatDuration */.a3)(config.intervalMs.value)}:`);
    for (const { trigger } of sources)
        core/* info */.pq(`  ${(0,rules/* describeWatched */.ou)(trigger, baselines[trigger.rule.name]?.value)}${trigger.origin ? `  [${trigger.origin.source}]` : ''}`);
    return (0,watch/* watch */.w)(sources.map((source) => withKnownAlerts(source, baselines[source.trigger.rule.name])), {
        clock,
        since: clock.now(),
        deployedAt,
        windowMs: config.windowMs.value,
        intervalMs: config.intervalMs.value,
        baselines: Object.fromEntries(Object.entries(baselines).map(([k, b]) => [k, b.value])),
        log: (line) => core/* info */.pq(line),
    });
}
/** An alert trigger reads with the alerts its capture saw firing: those are the baseline. */
function withKnownAlerts(source, baseline) {
    if (!baseline?.alerts)
        return source;
    const knownAlerts = new Set(baseline.alerts);
    return { ...source, read: (window) => source.read({ ...window, knownAlerts }) };
}
/** A rollout whose status could not be read leaves a passing watch inconclusive. */
function withRollout(watched, rollout) {
    const base = watched ?? {
        verdict: 'pass',
        severity: undefined,
        failing: [],
        unjudged: [],
        failStep: false,
    };
    if (rollout.status !== 'no-data' || base.verdict === 'fail')
        return base;
    return {
        ...base,
        verdict: 'inconclusive',
        unjudged: [...base.unjudged, { name: rollout.name, why: rollout.detail }],
    };
}
async function act(context, judgement, refs, seen) {
    const { config } = context;
    if (judgement.verdict === 'inconclusive')
        return { verdict: 'inconclusive' };
    if (judgement.verdict !== 'fail') {
        if (config.dryRun)
            return { verdict: 'healthy' };
        // The merged reverts this release carries: recorded with it, and settled after it.
        const merged = await (0,modes_stale_reverts/* mergedReverts */.yc)(context, refs);
        if (!refs.length)
            return { verdict: 'healthy', merged };
        try {
            return {
                verdict: 'healthy',
                merged,
                ledger: await (0,ledger/* recordGoodRelease */.u7)(context.kube(), refs, (0,modes_stale_reverts/* withReverts */.Yt)((0,modes_context/* goodRelease */.J6)(context), merged), { concurrency: context.config.concurrency, log: (line) => core/* info */.pq(line) }),
            };
        }
        catch (error) {
            core/* warning */.$e(`healthy, but not recorded as last-good: ${(0,errors/* messageOf */.bD)(error)}`);
            return { verdict: 'healthy', merged };
        }
    }
    const failingNames = new Set(judgement.failing.map((s) => s.name));
    const first = judgement.failing[0];
    const response = await (0,respond/* respond */.uf)(context, {
        refs,
        failing: (0,gather/* failingTriggers */.WD)(judgement, config, seen.rollout, refs),
        manual: false,
        snapshot: seen.snapshot,
        verdict: 'fail',
        headline: first ? `${first.name} (${first.severity}): ${first.detail}` : 'the deploy failed',
        severity: judgement.severity,
        rejudge: {
            sources: seen.sources.filter((s) => failingNames.has(s.trigger.rule.name)),
            baselines: Object.fromEntries(Object.entries(seen.baselines).map(([k, b]) => [k, b.value])),
        },
    });
    return { verdict: response.run.verdict, response };
}
function headlineOf(judgement, outcome, windowMs) {
    const first = judgement.failing[0];
    if (first) {
        const run = outcome.response?.run;
        const acted = !run
            ? ''
            : run.verdict === 'rolled-back'
                ? run.changed
                    ? `; rolled back (${run.strategy}) in ${outcome.response?.seconds.toFixed(1) ?? '?'} s`
                    : '; already at the rollback target: nothing to change'
                : run.verdict === 'rollback-failed'
                    ? '; the rollback failed'
                    : `; ${run.summary}`;
        return `${first.name} (${first.severity}): ${first.detail}${(0,evidence/* gradeNote */.oJ)(judgement)}${acted}`;
    }
    if (judgement.verdict === 'inconclusive')
        return `not enough data to judge: ${judgement.unjudged.map((u) => `${u.name} (${u.why})`).join(', ')}; nothing was rolled back`;
    return `every trigger passed for ${(0,duration/* formatDuration */.a3)(windowMs)}`;
}
function failureOf(outcome, judgement, headline, inconclusive) {
    const run = outcome.response?.run;
    if (run?.verdict === 'rollback-failed' && run.failure)
        return run.failure;
    if (judgement.rejected?.length)
        return `${judgement.rejected.map((r) => `trigger '${r.name}': ${r.why}`).join('; ')}; nothing was judged or rolled back: fix the trigger (mode: validate checks it offline)`;
    if (outcome.verdict === 'rolled-back')
        return `the deploy was rolled back: ${headline}`;
    if (outcome.verdict === 'rollback-recommended')
        return `rollback recommended: ${headline}`;
    if (outcome.verdict === 'inconclusive' && judgement.failStep)
        return `inconclusive, and a trigger has no-data: fail: ${headline}`;
    if (outcome.verdict === 'inconclusive' && inconclusive === 'fail')
        return `inconclusive, and watch.inconclusive is fail: ${headline}`;
    return undefined;
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


/***/ }),

/***/ 8178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yc: () => (/* binding */ mergedReverts),
  IO: () => (/* binding */ settleStaleReverts),
  Yt: () => (/* binding */ withReverts)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/incident-of-run.ts + 1 modules
var incident_of_run = __webpack_require__(9678);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/rollback/revert-record.ts
var revert_record = __webpack_require__(48);
;// CONCATENATED MODULE: ./src/rollback/stale-reverts.ts
/**
 * When a run verifies a commit healthy (a guard that passed, mark-good), the revert pull
 * requests this action opened for the same service and branch whose reverted commits are
 * ancestors of that commit are stale: merging one would roll back past a healthy release.
 * Policy `git.stale-reverts` says what happens to them: `close` (default: a comment naming the
 * verified commit, the label `rollback-superseded`, closed), `comment`, or `keep`. Best effort:
 * a failure is one warning, and the verdict stands.
 */



const SUPERSEDED_LABEL = 'rollback-superseded';
/** On a merged revert pull request once a release carrying it is verified: noted once. */
const DEPLOYED_LABEL = 'rollback-deployed';
const COMMENT_MARKER = '<!-- rollback-action:superseded -->';
/** Whether `ancestor` is in the history of `of`: local git first, GitHub's compare otherwise. */
async function isAncestor(git, github, ancestor, of) {
    if (git) {
        const r = await git.run(['merge-base', '--is-ancestor', ancestor, of], { allowFail: true });
        if (r.code === 0)
            return true;
        if (r.code === 1)
            return false;
        // 128: a commit the checkout lacks (a shallow clone); GitHub knows.
    }
    const status = await github.compareStatus(ancestor, of);
    return status === 'ahead' || status === 'identical';
}
function comment(verified, record, closing) {
    return [
        COMMENT_MARKER,
        `${closing ? 'Closed' : 'Superseded'} by rollback-action: ${(0,markdown/* code */.aY)(verified.sha.slice(0, 7))} was verified healthy at ${verified.at}${verified.runUrl ? ` by ${verified.runUrl}` : ''}, and it already contains the reverted commits (${record.reverted.map((sha) => (0,markdown/* code */.aY)(sha.slice(0, 7))).join(', ')}). Merging this revert would roll back past a healthy release.`,
        closing
            ? 'If the revert is still wanted, reopen it and remove the label `rollback-superseded`.'
            : 'Policy `git.stale-reverts: comment` leaves it open: close it unless the revert is still wanted.',
    ].join('\n\n');
}
async function supersedeStaleReverts(github, git, verified, options) {
    const service = (0,revert_record/* serviceOf */.z5)(verified.policyFile, verified.refs);
    const branch = (0,revert_record/* branchOfRef */.V4)(verified.ref);
    const open = await github.listLabelledPullRequests(options.label);
    const done = [];
    for (const pr of open) {
        const record = (0,revert_record/* parseRevertMarker */.yK)(pr.body);
        // Not ours (no marker), or already handled by an earlier run.
        if (!record || pr.labels.includes(SUPERSEDED_LABEL))
            continue;
        const left = (detail) => done.push({ number: pr.number, url: pr.url, action: 'left', detail });
        const decision = (0,revert_record/* staleDecision */.W6)(record, { sha: verified.sha, branch, service });
        if (decision.kind === 'keep') {
            left(decision.why);
            continue;
        }
        try {
            const reverts = [...new Set([record.head, ...record.reverted])];
            const contained = await Promise.all(reverts.map((sha) => isAncestor(git, github, sha, verified.sha)));
            if (!contained.every(Boolean)) {
                left(`${verified.sha.slice(0, 7)} does not contain the reverted commits`);
                continue;
            }
            const what = `reverts ${record.head.slice(0, 7)}; superseded by ${verified.sha.slice(0, 7)}`;
            if (options.policy === 'keep') {
                done.push({ number: pr.number, url: pr.url, action: 'kept', detail: what });
                continue;
            }
            if (options.policy === 'comment') {
                const said = (await github.listIssueComments(pr.number)).some((c) => c.body.includes(COMMENT_MARKER));
                if (!said)
                    await github.commentOnIssue(pr.number, comment(verified, record, false));
                done.push({
                    number: pr.number,
                    url: pr.url,
                    action: 'commented',
                    detail: said ? `${what} (said before)` : what,
                });
                continue;
            }
            // Closed first: a refusal leaves it open and unlabelled, so the next run tries again.
            await github.closePullRequest(pr.number);
            await github.commentOnIssue(pr.number, comment(verified, record, true));
            await github.addLabels(pr.number, [SUPERSEDED_LABEL]);
            done.push({ number: pr.number, url: pr.url, action: 'closed', detail: what });
        }
        catch (error) {
            done.push({
                number: pr.number,
                url: pr.url,
                action: 'failed',
                detail: `not settled (${options.policy}): ${(0,errors/* messageOf */.bD)(error)}`,
            });
        }
    }
    return done;
}
/**
 * The revert pull requests of this service and branch merged since the last verified release:
 * closed, merged, not yet noted (no DEPLOYED_LABEL), their merge commit in the verified one.
 */
async function findMergedReverts(github, git, verified, options) {
    const service = (0,revert_record/* serviceOf */.z5)(verified.policyFile, verified.refs);
    const branch = (0,revert_record/* branchOfRef */.V4)(verified.ref);
    const found = [];
    for (const pr of await github.listLabelledPullRequests(options.label, 'closed')) {
        const record = (0,revert_record/* parseRevertMarker */.yK)(pr.body);
        if (!record || !pr.merged || pr.labels.includes(DEPLOYED_LABEL))
            continue;
        if ((0,revert_record/* staleDecision */.W6)(record, { sha: verified.sha, branch, service }).kind === 'keep')
            continue;
        const mergeCommit = await github.mergeCommitOf(pr.number);
        if (mergeCommit && (await isAncestor(git, github, mergeCommit, verified.sha)))
            found.push({ number: pr.number, url: pr.url, mergeCommit, record });
    }
    return found;
}
/** The incident's comment: the revert it waited for went out and was verified. */
function deployedComment(verified, merged) {
    return `The revert pull request [#${merged.number}](${merged.url}) was merged (${(0,markdown/* code */.aY)(merged.mergeCommit.slice(0, 7))}), and ${(0,markdown/* code */.aY)(verified.sha.slice(0, 7))}, which carries it, was verified healthy at ${verified.at}${verified.runUrl ? ` by ${verified.runUrl}` : ''}.`;
}
/** One line for the log: `revert pull request #12 closed: superseded by 1a2b3c4`. */
function describeStaleRevert(r) {
    return `revert pull request #${r.number} ${r.action}: ${r.detail} (${r.url})`;
}

// EXTERNAL MODULE: ./src/time.ts
var time = __webpack_require__(9834);
;// CONCATENATED MODULE: ./src/modes/stale-reverts.ts
/**
 * After a run verified a commit healthy (guard, mark-good), the revert pull requests of this
 * service are settled (rollback/stale-reverts.ts): the merged ones this release is the first
 * to carry are recorded in the ledger entry and told to their incident, and the open ones it
 * makes stale follow policy `git.stale-reverts`. No token, no commit, or GitHub not answering:
 * said once, and the healthy verdict stands.
 */





function verifiedOf(context, refs, sha) {
    return {
        sha,
        ref: context.env.GITHUB_REF,
        runUrl: context.run.runUrl,
        at: (0,time/* formatTimestamp */.Ey)(context.clock.now()),
        policyFile: context.config.policyFile,
        refs,
    };
}
const labelOf = (context) => context.config.policy.git?.labels?.[0] ?? 'rollback';
/**
 * Before the ledger is written: the merged reverts the healthy release carries. Null when
 * GitHub cannot be asked (said once here; the settling after it is then skipped too).
 */
async function mergedReverts(context, refs) {
    const github = context.github();
    const sha = context.run.sha;
    if (!github || !sha)
        return null;
    try {
        return await findMergedReverts(github, context.git(), verifiedOf(context, refs, sha), {
            label: labelOf(context),
        });
    }
    catch (error) {
        core/* warning */.$e(`rollback-action: revert pull requests were not checked against this healthy release: ${(0,errors/* messageOf */.bD)(error)}`);
        return null;
    }
}
/** A ledger entry's facts with the merged reverts it carries, when there are any. */
function withReverts(release, merged) {
    return merged?.length
        ? { ...release, reverts: merged.map((m) => ({ number: m.number, url: m.url })) }
        : release;
}
async function settleStaleReverts(context, refs, merged) {
    const { config } = context;
    const policy = config.policy.git?.['stale-reverts'] ?? 'close';
    const github = context.github();
    const sha = context.run.sha;
    if (!github || !sha || merged === null)
        return null;
    const verified = verifiedOf(context, refs, sha);
    const settled = [];
    for (const m of merged) {
        try {
            const incident = await github.findOpenIssue('incident', (0,incident_of_run/* incidentMarkersFor */.xk)(refs, context.env.GITHUB_REPOSITORY));
            if (incident)
                await github.commentOnIssue(incident.number, deployedComment(verified, m));
            await github.addLabels(m.number, [DEPLOYED_LABEL]);
            settled.push({
                number: m.number,
                url: m.url,
                action: 'deployed',
                detail: `merged as ${m.mergeCommit.slice(0, 7)}; ${incident ? `incident #${incident.number} told` : 'no open incident'}`,
            });
        }
        catch (error) {
            settled.push({
                number: m.number,
                url: m.url,
                action: 'failed',
                detail: `merged, but not noted: ${(0,errors/* messageOf */.bD)(error)}`,
            });
        }
    }
    try {
        settled.push(...(await supersedeStaleReverts(github, context.git(), verified, {
            policy,
            label: labelOf(context),
        })));
    }
    catch (error) {
        core/* warning */.$e(`rollback-action: revert pull requests were not checked against this healthy release: ${(0,errors/* messageOf */.bD)(error)}`);
        return settled.length ? settled : null;
    }
    for (const r of settled)
        if (r.action === 'failed')
            core/* warning */.$e(`rollback-action: ${describeStaleRevert(r)}`);
        else
            core/* info */.pq(describeStaleRevert(r));
    return settled;
}


/***/ }),

/***/ 3877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FT: () => (/* binding */ describeBaseline),
/* harmony export */   Tq: () => (/* binding */ uncountedAlerts),
/* harmony export */   b0: () => (/* binding */ uncountedLines),
/* harmony export */   dK: () => (/* binding */ evidenceRows),
/* harmony export */   f3: () => (/* binding */ EVIDENCE_HEADERS),
/* harmony export */   oJ: () => (/* binding */ gradeNote)
/* harmony export */ });
/* unused harmony exports formatValue, sparkline, describeAlert */
/* harmony import */ var _analysis_series_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6201);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9834);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4285);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8992);
/**
 * The evidence a verdict rests on, for people: each trigger's last value against its
 * threshold and baseline, and its time series as a sparkline (one character per poll or per
 * group of polls), so the summary shows when things went wrong without a dashboard.
 */





const BARS = '▁▂▃▄▅▆▇█';
const GAP = '·';
/** A number as people read it: at most three significant digits, no exponent for ratios. */
function formatValue(value) {
    if (value === undefined)
        return 'no data';
    if (value === 0)
        return '0';
    if (Math.abs(value) >= 100)
        return value.toFixed(0);
    return Number(value.toPrecision(3)).toString();
}
/** "; graded P0: why" when the severity came from a trigger beyond its threshold, else "". */
function gradeNote(judgement) {
    const e = judgement.escalation;
    return e ? `; graded ${e.severity}: ${e.detail}` : '';
}
/**
 * The series in at most `width` characters, each the largest value of its group of polls (a
 * spike is never averaged away), scaled from the lowest to the highest value; `·` is a poll
 * without data.
 */
function sparkline(values, width = 60) {
    if (values.length === 0)
        return '';
    const groups = Math.min(width, values.length);
    const size = values.length / groups;
    const peaks = Array.from({ length: groups }, (_, g) => {
        const slice = values
            .slice(Math.floor(g * size), Math.floor((g + 1) * size))
            .filter((v) => v !== undefined && Number.isFinite(v));
        return slice.length ? Math.max(...slice) : undefined;
    });
    const known = peaks.filter((v) => v !== undefined);
    if (known.length === 0)
        return GAP.repeat(groups);
    const low = Math.min(...known);
    const high = Math.max(...known);
    return peaks
        .map((v) => {
        if (v === undefined)
            return GAP;
        if (high === low)
            return v === 0 ? BARS[0] : BARS[3];
        return BARS[Math.round(((v - low) / (high - low)) * (BARS.length - 1))];
    })
        .join('');
}
function describeBaseline(baseline) {
    if (baseline.alerts)
        return `${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .L)(baseline.alerts.length, 'alert')} firing at capture, ${baseline.end} (not counted while they last)`;
    if (baseline.value === undefined)
        return `none (${baseline.reason ?? 'no data'})`;
    const how = baseline.from === 'history'
        ? `over the ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(baseline.windowMs)} before ${baseline.end}`
        : `sampled for ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(baseline.windowMs)} at capture, ${baseline.end}`;
    return `${formatValue(baseline.value)} ${how}`;
}
const STATUS = {
    pass: '✅ pass',
    fail: '❌ fail',
    'no-data': '⚪ no data',
};
/** One row per trigger: the failing ones first, as the verdict ranks them. */
function evidenceRows(states, observations) {
    return states.map((s) => {
        const series = (observations[s.name] ?? []).map(_analysis_series_js__WEBPACK_IMPORTED_MODULE_0__/* .shownValue */ .JJ);
        const known = series.filter((v) => v !== undefined);
        const range = known.length
            ? ` ${formatValue(Math.min(...known))}–${formatValue(Math.max(...known))}`
            : '';
        return [
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(s.name),
            s.severity,
            s.breaching
                ? `🟠 breaching, ${s.breaching}`
                : `${STATUS[s.status]}${s.fastFailed ? ' (sequential test)' : ''}`,
            formatValue(s.value),
            s.threshold === undefined
                ? '-'
                : s.floor !== undefined
                    ? `outside ${formatValue(s.floor)}–${formatValue(s.threshold)}`
                    : formatValue(s.threshold),
            s.baseline === undefined ? '-' : formatValue(s.baseline),
            `${sparkline(series, 40)}${range}`,
            s.detail,
        ];
    });
}
const EVIDENCE_HEADERS = [
    'Trigger',
    'Severity',
    'State',
    'Last',
    'Threshold',
    'Baseline',
    'Series (min–max)',
    'Detail',
];
/** An alert for people: its name, its other labels, and when it began. */
function describeAlert(alert) {
    const { alertname, ...rest } = alert.labels;
    const labels = Object.keys(rest).length ? ` ${(0,_analysis_series_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLabels */ .J3)(rest)}` : '';
    return `${alertname ?? 'alert'}${labels}${alert.since !== undefined ? ` since ${(0,_time_js__WEBPACK_IMPORTED_MODULE_4__/* .formatTimestamp */ .Ey)(alert.since)}` : ''}`;
}
/** The alerts a trigger's last poll saw and did not count, when it reads alerts. */
function uncountedAlerts(observations) {
    const last = observations.findLast((o) => o.preexisting !== undefined || o.ignored !== undefined);
    if (!last)
        return undefined;
    return { preexisting: last.preexisting ?? [], ignored: last.ignored ?? [] };
}
/** One line per kind of alert not counted, for the log and the summary. */
function uncountedLines(name, alerts) {
    return [
        alerts.preexisting.length
            ? `${name}: already firing before the deploy, not counted unless resolved and fired again: ${alerts.preexisting.map(describeAlert).join('; ')}`
            : '',
        alerts.ignored.length
            ? `${name}: silenced or inhibited, ignored (include-silenced: true counts them): ${alerts.ignored.map(describeAlert).join('; ')}`
            : '',
    ].filter(Boolean);
}


/***/ }),

/***/ 877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ staleRevertsSection)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4285);

const WORDS = {
    closed: 'closed',
    commented: 'commented on, left open (git.stale-reverts: comment)',
    kept: 'left open (git.stale-reverts: keep)',
    left: 'left open',
    failed: 'not settled',
    deployed: 'merged revert now verified in a healthy release',
};
/** Nothing when no revert pull request was stale or looked at. */
function staleRevertsSection(settled) {
    const shown = (settled ?? []).filter((r) => r.action !== 'left');
    if (!shown.length)
        return '';
    return [
        '\n### Revert pull requests settled by this healthy release\n',
        ...shown.map((r) => `- [#${r.number}](${r.url}) ${WORDS[r.action]}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(r.detail)}`),
        '',
    ].join('\n');
}


/***/ })

};
