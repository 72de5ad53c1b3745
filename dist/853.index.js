export const id = 853;
export const ids = [853];
export const modules = {

/***/ 8088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* binding */ watch)
});

// UNUSED EXPORTS: progressLine

// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/analysis/triggers.ts + 2 modules
var triggers = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/analysis/verdict.ts

const RANK = { P0: 0, P1: 1, P2: 2 };
function bySeverity(items) {
    return [...items].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
/** Why a trigger cannot be judged on the data it had, or undefined when it can. */
function unjudgedBecause(state, coverage) {
    const { polls = 0, withData = 0 } = coverage ?? {};
    // A quiet service: thin polls, but the whole window's counts were enough to judge.
    if (state.judgedOnWindow)
        return undefined;
    if (withData === 0)
        return `no data in ${(0,src_text/* plural */.L)(polls, 'poll')}`;
    if (state.status === 'no-data')
        return `no data at the end of the window (${state.detail})`;
    if (withData * 2 < polls)
        return `data on only ${withData} of ${polls} polls`;
    return undefined;
}
/**
 * The verdict has failed; is the release also beyond a more severe trigger's threshold that
 * has not failed yet? A 25 % error ratio usually proves "above 5 %" (P1) a poll or two before
 * "above 10 %" (P0), yet the runbooks call it P0. One look at a 99.9 % lower bound, taken
 * once the decision is made, grades it without adding false alarms to the decision itself.
 */
function escalationOf(states, severity) {
    const beyond = bySeverity(states.filter((s) => s.status !== 'fail' &&
        RANK[s.severity] < RANK[severity] &&
        s.lowerBound !== undefined &&
        s.threshold !== undefined &&
        s.lowerBound > s.threshold))[0];
    if (!beyond)
        return undefined;
    return {
        name: beyond.name,
        severity: beyond.severity,
        detail: `${beyond.name}'s threshold ${String(beyond.threshold)} is exceeded with 99.9 % confidence (${String(beyond.errors)} errors in ${String(beyond.total)} requests, lower bound ${(beyond.lowerBound ?? 0).toFixed(3)})`,
    };
}
function judge(states, options) {
    const failing = bySeverity(states.filter((s) => s.status === 'fail'));
    const worst = failing[0];
    if (worst) {
        const escalation = escalationOf(states, worst.severity);
        return {
            verdict: 'fail',
            severity: escalation?.severity ?? worst.severity,
            ...(escalation ? { escalation } : {}),
            failing,
            unjudged: [],
            failStep: false,
        };
    }
    if (!options.windowEnded)
        return { verdict: 'watching', severity: undefined, failing, unjudged: [], failStep: false };
    const unjudged = states.flatMap((s) => {
        const why = unjudgedBecause(s, options.coverage[s.name]);
        return why === undefined ? [] : [{ name: s.name, why }];
    });
    if (unjudged.length > 0)
        return {
            verdict: 'inconclusive',
            severity: undefined,
            failing,
            unjudged,
            failStep: unjudged.some((u) => options.noDataFail.has(u.name)),
        };
    return { verdict: 'pass', severity: undefined, failing, unjudged, failStep: false };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/analysis/watch.ts





/**
 * One short line per poll, what needs attention first: failing triggers, then those already
 * breaching (and how long of how long), then those without data (and why, in words), then
 * the rest as `ok:` with their values. Conditions and queries are printed once, before the
 * watch, not on every line.
 */
function progressLine(elapsedMs, states, intervalMs) {
    // Whole seconds unless polls are closer than that: a real clock drifts by milliseconds
    // that nobody needs to read (the first poll is "[0s]", not "[3ms]").
    const shown = intervalMs >= 1000 ? Math.round(elapsedMs / 1000) * 1000 : elapsedMs;
    const of = (status) => states.filter((s) => s.status === status);
    const ok = of('pass').filter((s) => !s.breaching);
    const parts = [
        ...of('fail').map((s) => `${s.name} FAILS: ${s.detail}`),
        ...of('pass')
            .filter((s) => s.breaching)
            .map((s) => `${s.name} ${(0,triggers/* format */.GP)(s.value)}, breaching ${s.breaching ?? ''}`),
        ...noData(of('no-data')),
        ...(ok.length ? [`ok: ${ok.map((s) => `${s.name} ${(0,triggers/* format */.GP)(s.value)}`).join(', ')}`] : []),
    ];
    return `[${(0,duration/* formatDuration */.a3)(shown)}] ${parts.join(' · ')}`;
}
/** Triggers without data, those with the same reason together: a backend down is one cause. */
function noData(states) {
    const byReason = new Map();
    for (const s of states) {
        const reason = withoutQuery(s.detail);
        byReason.set(reason, [...(byReason.get(reason) ?? []), s.name]);
    }
    return [...byReason].map(([reason, names]) => `${names.join(', ')} ${(0,src_text/* inflect */.m)(names.length, 'has', 'have')} no data: ${reason}`);
}
/** A backend's reason without the query it quotes: the queries are shown once, at the start. */
function withoutQuery(reason) {
    return reason.replace(/ \(query: .*\)$/s, '');
}
async function watch(sources, options) {
    const { clock, since, windowMs, intervalMs } = options;
    const observations = Object.fromEntries(sources.map((s) => [s.trigger.rule.name, []]));
    const coverage = Object.fromEntries(sources.map((s) => [s.trigger.rule.name, { polls: 0, withData: 0 }]));
    const noDataFail = new Set(sources.filter((s) => s.trigger.rule.noData === 'fail').map((s) => s.trigger.rule.name));
    for (let polls = 1;; polls++) {
        const at = clock.now();
        const readings = await Promise.all(sources.map((s) => s
            .read({ now: at, since, intervalMs, deployedAt: options.deployedAt ?? since })
            .catch((error) => ({ reason: (0,errors/* messageOf */.bD)(error) }))));
        const states = sources.map((source, i) => {
            const name = source.trigger.rule.name;
            const series = observations[name] ?? [];
            series.push({ at, ...readings[i] });
            const state = (0,triggers/* evaluateTrigger */.gm)(source.trigger.rule, series, options.baselines?.[name], {
                since,
                final: at - since >= windowMs,
            });
            const counted = coverage[name];
            if (counted) {
                counted.polls += 1;
                if (state.value !== undefined)
                    counted.withData += 1;
            }
            return state;
        });
        const elapsedMs = at - since;
        // A query the backend refuses never gives data: stop, and say it is the policy's error.
        // Unless it read fine earlier in this watch: then the backend changed, not the policy,
        // and the refusal is no data like any other failure.
        const rejected = sources.flatMap((s, i) => {
            const reading = readings[i];
            const name = s.trigger.rule.name;
            return reading?.rejected && (coverage[name]?.withData ?? 0) === 0
                ? [{ name, why: reading.reason ?? 'the query was rejected' }]
                : [];
        });
        if (rejected.length) {
            options.log?.(progressLine(elapsedMs, states, intervalMs));
            return {
                judgement: {
                    verdict: 'inconclusive',
                    severity: undefined,
                    failing: [],
                    unjudged: rejected,
                    failStep: true,
                    rejected,
                },
                states,
                observations,
                coverage,
                polls,
                elapsedMs,
            };
        }
        const judgement = judge(states, {
            windowEnded: elapsedMs >= windowMs,
            coverage,
            noDataFail,
        });
        options.log?.(progressLine(elapsedMs, states, intervalMs));
        if (judgement.verdict !== 'watching')
            return { judgement, states, observations, coverage, polls, elapsedMs };
        const next = at + intervalMs;
        await clock.sleep(Math.max(0, Math.min(next, since + windowMs) - clock.now()));
    }
}


/***/ }),

/***/ 4219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ readReleases)
/* harmony export */ });
/* harmony import */ var _selector_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(740);
/* harmony import */ var _undo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2511);


function timeOf(metadata) {
    const ms = metadata.creationTimestamp ? Date.parse(metadata.creationTimestamp) : Number.NaN;
    return Number.isFinite(ms) ? ms : undefined;
}
/** Releases newest first, and the one running now. */
async function readReleases(client, ref) {
    const workload = await client.getWorkload(ref.kind, ref.namespace, ref.name);
    const selector = (0,_selector_js__WEBPACK_IMPORTED_MODULE_1__/* .selectorString */ .z)(workload.spec.selector);
    const history = ref.kind === 'Deployment'
        ? (0,_undo_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentHistory */ .SP)(workload, await client.listReplicaSets(ref.namespace, selector)).map((h) => ({ revision: h.revision, at: timeOf(h.replicaSet.metadata) }))
        : (0,_undo_js__WEBPACK_IMPORTED_MODULE_0__/* .revisionHistory */ .uk)(workload, await client.listControllerRevisions(ref.namespace, selector)).map((r) => ({ revision: r.revision, at: timeOf(r.metadata) }));
    const releases = history.filter((r) => r.at !== undefined);
    const running = ref.kind === 'Deployment' ? (0,_undo_js__WEBPACK_IMPORTED_MODULE_0__/* .revisionOf */ .DT)(workload) : releases[0]?.revision;
    return { releases, current: releases.find((r) => r.revision === running) };
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

/***/ 2853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  backtest: () => (/* binding */ backtest),
  mergeDeploys: () => (/* binding */ mergeDeploys)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/analysis/watch.ts + 1 modules
var watch = __webpack_require__(8088);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/kube/client.ts + 1 modules
var client = __webpack_require__(4184);
// EXTERNAL MODULE: ./src/kube/releases.ts
var kube_releases = __webpack_require__(4219);
// EXTERNAL MODULE: ./src/metrics/baselines.ts
var metrics_baselines = __webpack_require__(5325);
// EXTERNAL MODULE: ./src/report/evidence.ts
var evidence = __webpack_require__(3877);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/report/backtest-summary.ts
/** What a backtest found, for people: one row per replayed deploy. */



/** The backtest's job summary: how many deploys would have been rolled back, and each one. */
function backtestSummary(results, windowMs, intervalMs) {
    const acted = results.filter((r) => r.verdict === 'would roll back').length;
    return [
        `## rollback-action: backtest of ${(0,src_text/* plural */.L)(results.length, 'deploy')}\n\n`,
        `The policy would have rolled back ${acted} of them. Window ${(0,duration/* formatDuration */.a3)(windowMs)}, a poll every ${(0,duration/* formatDuration */.a3)(intervalMs)}; nothing was changed.\n\n`,
        (0,markdown/* markdownTable */.Qj)(['Deploy', 'From', 'Verdict', 'After', 'Trigger', 'Detail'], results.map((r) => [
            r.at,
            r.source,
            `${r.verdict}${r.partial ? ` (partial: ${r['replayed-seconds']}s replayed)` : ''}`,
            r['after-seconds'] === null ? '-' : `${r['after-seconds']}s`,
            r.trigger ? `${(0,markdown/* code */.aY)(r.trigger)} ${r.severity ?? ''}` : '-',
            r.detail,
        ])),
        '\n',
    ].join('');
}

// EXTERNAL MODULE: ./src/time.ts
var time = __webpack_require__(9834);
// EXTERNAL MODULE: ./src/kube/snapshot.ts
var snapshot = __webpack_require__(7261);
// EXTERNAL MODULE: ./src/modes/context.ts
var modes_context = __webpack_require__(1235);
// EXTERNAL MODULE: ./src/modes/metrics.ts + 6 modules
var metrics = __webpack_require__(6492);
;// CONCATENATED MODULE: ./src/modes/backtest.ts















/**
 * `mode: backtest`: what the policy would have done for past deploys. Each deploy (given in
 * `deploy-times`, or the targets' revisions created within the lookback) is replayed through
 * the same watch and triggers, on a replayed clock whose polls query Prometheus at past
 * times; baselines come from the history before each deploy. Changes nothing.
 */
async function backtest(context) {
    const { config } = context;
    const all = (0,metrics/* triggerSources */.f)(context);
    if (all.length === 0)
        throw new errors/* UserError */.yo('backtest: the policy has no triggers to replay (preset: runbook, or triggers:)');
    const sources = all.filter((s) => s.baseline !== undefined);
    const skipped = all.filter((s) => s.baseline === undefined).map((s) => s.trigger.rule.name);
    if (sources.length === 0)
        throw new errors/* UserError */.yo(`backtest: only Prometheus keeps history; none of the triggers (${skipped.join(', ')}) reads it`);
    if (skipped.length)
        core/* warning */.$e(`backtest: ${skipped.join(', ')} read sources without history; not replayed`);
    const now = context.clock.now();
    const deploys = await findDeploys(context, now);
    if (deploys.length === 0)
        throw new errors/* UserError */.yo(`backtest: no deploys to replay: give 'deploy-times', or targets with revisions created in the last ${(0,duration/* formatDuration */.a3)(config.lookbackMs)}`);
    core/* info */.pq(`Replaying ${(0,src_text/* plural */.L)(deploys.length, 'deploy')} against ${(0,src_text/* plural */.L)(sources.length, 'trigger')}: window ${(0,duration/* formatDuration */.a3)(config.windowMs.value)}, a poll every ${(0,duration/* formatDuration */.a3)(config.intervalMs.value)}`);
    const results = [];
    for (const [i, deploy] of deploys.entries()) {
        const next = deploys[i + 1]?.at ?? now;
        const until = Math.min(deploy.at + config.windowMs.value, next, now);
        const cutBy = next < now ? 'the next deploy came first' : 'the deploy is recent';
        const replayed = await core/* group */.Os(`${(0,time/* formatTimestamp */.Ey)(deploy.at)} (${deploy.source})`, () => replay(context, sources, deploy.at, until, cutBy));
        results.push({ ...replayed, source: deploy.source });
        core/* info */.pq(`${replayed.at}: ${replayed.verdict}${replayed.trigger ? ` after ${replayed['after-seconds'] ?? 0}s by ${replayed.trigger}` : replayed.verdict === 'inconclusive' ? `: ${replayed.detail}` : ''}`);
    }
    if (context.env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z
            .addRaw(backtestSummary(results, config.windowMs.value, config.intervalMs.value))
            .write();
    return {
        outputs: {},
        report: { backtest: { deploys: results, 'not-replayed': skipped } },
    };
}
async function findDeploys(context, now) {
    const { config } = context;
    if (config.deployTimes.value.length) {
        const future = config.deployTimes.value.filter((t) => t > now);
        if (future.length)
            throw new errors/* UserError */.yo(`${config.deployTimes.from === 'input' ? "input 'deploy-times'" : `${config.policyFile ?? 'policy'} backtest.deploy-times`}: ${(0,time/* formatTimestamp */.Ey)(future[0] ?? now)} is in the future`);
        return [...config.deployTimes.value]
            .sort((a, b) => a - b)
            .map((at) => ({ at, source: 'given' }));
    }
    if (config.targets.value.length === 0)
        return [];
    const clients = context.kube();
    const found = (await Promise.all((0,modes_context/* targetRefs */.iT)(context).map(async (ref) => {
        const { releases } = await (0,kube_releases/* readReleases */.t)((0,client/* clientFor */.$V)(clients, ref.context), ref);
        return releases
            .filter((r) => r.at >= now - config.lookbackMs)
            .map((r) => ({
            at: r.at,
            target: (0,snapshot/* describeRef */.Ro)(ref),
            source: `${(0,snapshot/* describeRef */.Ro)(ref)} revision ${r.revision}`,
        }));
    }))).flat();
    return mergeDeploys(found, config.intervalMs.value);
}
/**
 * Deploys in time order. A revision of another target created within one poll interval of
 * the deploy before it (the same release reaching several regions or services) is part of
 * that deploy; two revisions of the same target are always two deploys.
 */
function mergeDeploys(found, gapMs) {
    const kept = [];
    for (const d of [...found].sort((a, b) => a.at - b.at)) {
        const last = kept.at(-1);
        if (last && d.at - last.deploy.at < gapMs && !last.targets.has(d.target))
            last.targets.add(d.target);
        else
            kept.push({ deploy: d, targets: new Set([d.target]) });
    }
    return kept.map((k) => k.deploy);
}
async function replay(context, sources, at, until, 
/** Why the replay may end before the window does. */
cutBy) {
    const { config } = context;
    const baselines = await (0,metrics_baselines/* historyBaselines */.R)(sources, at, config.baselineWindowMs);
    const result = await (0,watch/* watch */.w)(sources, {
        clock: (0,clock/* replayClock */.G_)(at),
        since: at,
        windowMs: Math.max(0, until - at),
        intervalMs: config.intervalMs.value,
        baselines: Object.fromEntries(Object.entries(baselines).map(([k, b]) => [k, b.value])),
        log: (line) => core/* info */.pq(line),
    });
    const { judgement } = result;
    if (judgement.rejected?.length)
        throw new errors/* UserError */.yo(judgement.rejected.map((r) => `backtest: trigger '${r.name}': ${r.why}`).join('; '));
    const first = judgement.failing[0];
    const seconds = Math.round(result.elapsedMs / 1000);
    const partial = until - at < config.windowMs.value;
    // A release is healthy only after its whole window: a breach held 8 s of a 1 m window says
    // nothing about the other 52 s. A failure found within what was replayed still stands.
    const verdict = judgement.verdict === 'fail'
        ? 'would roll back'
        : judgement.verdict === 'pass' && !partial
            ? 'healthy'
            : 'inconclusive';
    return {
        at: (0,time/* formatTimestamp */.Ey)(at),
        verdict,
        'after-seconds': first ? seconds : null,
        trigger: first?.name ?? null,
        severity: judgement.severity ?? null,
        detail: first
            ? `${first.detail}${(0,evidence/* gradeNote */.oJ)(judgement)}`
            : judgement.unjudged.length
                ? judgement.unjudged.map((u) => `${u.name}: ${u.why}`).join('; ')
                : partial
                    ? `only ${(0,duration/* formatDuration */.a3)(until - at)} of the ${(0,duration/* formatDuration */.a3)(config.windowMs.value)} window could be replayed (${cutBy}): too little to call it healthy`
                    : 'every trigger passed',
        'replayed-seconds': Math.round((until - at) / 1000),
        partial,
    };
}


/***/ }),

/***/ 1235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J6: () => (/* binding */ goodRelease),
/* harmony export */   iT: () => (/* binding */ targetRefs),
/* harmony export */   p9: () => (/* binding */ snapshotNow)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8993);



/** Every target in every context, with its namespace resolved (target, input/policy, context). */
function targetRefs(context) {
    const { config } = context;
    if (config.targets.value.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo("no targets: set the 'targets' input or the policy's 'targets'");
    const clients = context.kube();
    const refs = [];
    for (const [name, client] of clients) {
        // A target without a namespace takes the context's; it may then repeat another target.
        const { targets, repeated } = (0,_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .uniqueTargets */ .yA)(config.targets.value, config.namespace.value ?? client.defaultNamespace);
        for (const message of (0,_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .repeatedTargetWarnings */ .z)(repeated, config.namespace.value ?? client.defaultNamespace, ` in context "${name}"`))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`rollback-action: ${message}`);
        for (const target of targets) {
            refs.push({
                context: name,
                kind: target.kind,
                namespace: target.namespace ?? config.namespace.value ?? client.defaultNamespace,
                name: target.name,
            });
        }
    }
    return refs;
}
/** This run as the ledger records it. */
function goodRelease(context) {
    return {
        recordedAt: new Date(context.clock.now()).toISOString(),
        sha: context.run.sha,
        runUrl: context.run.runUrl,
        reason: context.config.reason,
    };
}
/** What runs now, as this run records it (capture, and a rehearsal's starting point). */
function snapshotNow(context, targets, baselines) {
    return {
        version: 1,
        capturedAt: new Date(context.clock.now()).toISOString(),
        sha: context.run.sha,
        runUrl: context.run.runUrl,
        targets,
        ...(baselines ? { baselines } : {}),
    };
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


/***/ })

};
