export const id = 806;
export const ids = [806];
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

/***/ 5392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SC: () => (/* binding */ readLedger),
/* harmony export */   mC: () => (/* binding */ lastGood),
/* harmony export */   u7: () => (/* binding */ recordGoodRelease),
/* harmony export */   yD: () => (/* binding */ LEDGER_NAME)
/* harmony export */ });
/* unused harmony exports LEDGER_LIMIT, ledgerTarget, recordGood */
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(370);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _capture_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6339);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4184);
/* harmony import */ var _rollout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4236);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7261);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6384);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8992);
/**
 * The last-known-good ledger: a ConfigMap per namespace recording each release that a guard
 * verified (or a person marked good): per target its revision, images, digests and template,
 * with the git SHA, time and run URL. Writes carry the resourceVersion they read, so two
 * writers never lose each other's entries (a 409 re-reads and retries); history is bounded.
 */








const LEDGER_NAME = 'rollback-action-ledger';
const LEDGER_KEY = 'releases.json';
const LEDGER_LIMIT = 20;
function parse(configMap) {
    const text = configMap?.data?.[LEDGER_KEY];
    if (!text)
        return [];
    try {
        const entries = JSON.parse(text);
        return Array.isArray(entries) ? entries : [];
    }
    catch {
        return [];
    }
}
async function readLedger(client, namespace) {
    return parse(await client.getConfigMap(namespace, LEDGER_NAME));
}
function ledgerTarget(captured) {
    return {
        kind: captured.kind,
        name: captured.name,
        revision: captured.revision,
        images: captured.images,
        digests: captured.digests,
        template: captured.template,
    };
}
/** Adds an entry (newest first, at most LEDGER_LIMIT), retrying on a concurrent write. */
async function recordGood(client, namespace, entry, attempts = 5) {
    for (let attempt = 1;; attempt++) {
        const current = await client.getConfigMap(namespace, LEDGER_NAME);
        const entries = [entry, ...parse(current)].slice(0, LEDGER_LIMIT);
        const data = { [LEDGER_KEY]: JSON.stringify(entries) };
        try {
            if (current)
                await client.updateConfigMap(namespace, { ...current, data });
            else
                await client.createConfigMap(namespace, {
                    apiVersion: 'v1',
                    kind: 'ConfigMap',
                    metadata: {
                        name: LEDGER_NAME,
                        namespace,
                        labels: { 'app.kubernetes.io/managed-by': 'rollback-action' },
                    },
                    data,
                });
            return entries.length;
        }
        catch (error) {
            // 409: someone wrote in between (a stale resourceVersion, or a create race); read again.
            if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeError */ .a3 && error.status === 409 && attempt < attempts)
                continue;
            throw error;
        }
    }
}
/**
 * The newest verified release of a target (of commit `sha`, a full SHA or a prefix, when
 * given), or a one-line reason there is none.
 */
function lastGood(entries, kind, name, sha) {
    for (const entry of entries) {
        if (sha !== undefined && !entry.sha?.toLowerCase().startsWith(sha))
            continue;
        const target = entry.targets.find((t) => t.kind === kind && t.name === name);
        if (target)
            return { entry, target };
    }
    if (sha !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`to-revision ${sha}: no verified release of ${(0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .kindName */ .E)(kind)}/${name} from that commit in the ledger (ConfigMap ${LEDGER_NAME}); a Kubernetes rollback to a commit needs one, a git revert does not`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`to-revision last-good: no verified release of ${(0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .kindName */ .E)(kind)}/${name} in the ledger (ConfigMap ${LEDGER_NAME}); a guard that passes, or mode mark-good, records one`);
}
/** Records what `refs` run now in their namespaces' ledgers; refuses anything mid-rollout. */
async function recordGoodRelease(clients, refs, 
/** The entry's facts, or a function giving them once every target is read and rolled out. */
release, options) {
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_6__/* ["default"] */ .A)(options.concurrency);
    const captured = await Promise.all(refs.map((ref) => limit(async () => {
        const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .clientFor */ .$V)(clients, ref.context);
        const state = (0,_rollout_js__WEBPACK_IMPORTED_MODULE_3__/* .rolloutStatus */ .OI)(ref.kind, await client.getWorkload(ref.kind, ref.namespace, ref.name));
        if (!state.done)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${(0,_snapshot_js__WEBPACK_IMPORTED_MODULE_4__/* .describeRef */ .Ro)(ref)} is not fully rolled out (${state.failed ?? state.message}); not marking it good`);
        return (0,_capture_js__WEBPACK_IMPORTED_MODULE_1__/* .captureTarget */ .GI)(client, ref);
    }).catch((error) => (error instanceof Error ? error : new Error(String(error))))));
    const failures = captured.filter((c) => c instanceof Error);
    if (failures.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserErrors */ .tQ(failures.map((e) => (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo ? e : new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(e.message))));
    const facts = typeof release === 'function' ? await release() : release;
    const groups = new Map();
    for (const target of captured) {
        const key = `${target.context}|${target.namespace}`;
        groups.set(key, [...(groups.get(key) ?? []), target]);
    }
    const recorded = [];
    for (const [key, targets] of groups) {
        const [contextName = '', namespace = ''] = key.split('|');
        const entries = await recordGood((0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .clientFor */ .$V)(clients, contextName), namespace, {
            ...facts,
            targets: targets.map(ledgerTarget),
        });
        const names = targets.map((t) => `${(0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .kindName */ .E)(t.kind)}/${t.name}@${t.revision ?? '?'}`);
        options.log(`${contextName}/${namespace}: recorded ${names.join(', ')} as good in ConfigMap ${LEDGER_NAME} (${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(entries, 'release')} kept)`);
        recorded.push({ context: contextName, namespace, targets: names, entries });
    }
    return recorded;
}


/***/ }),

/***/ 4236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OI: () => (/* binding */ rolloutStatus),
/* harmony export */   gj: () => (/* binding */ waitForRollout)
/* harmony export */ });
/* unused harmony export watchStep */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4184);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6384);




function rolloutStatus(kind, w) {
    const name = w.metadata.name;
    const s = w.status ?? {};
    const generation = w.metadata.generation ?? 0;
    if (kind === 'Deployment') {
        if (generation > (s.observedGeneration ?? 0))
            return { done: false, message: 'waiting for the deployment spec update to be observed' };
        const progressing = s.conditions?.find((c) => c.type === 'Progressing');
        if (progressing?.reason === 'ProgressDeadlineExceeded') {
            return {
                done: false,
                message: `deployment "${name}" exceeded its progress deadline`,
                failed: `deployment "${name}" exceeded its progress deadline`,
            };
        }
        const want = w.spec.replicas ?? 1;
        const updated = s.updatedReplicas ?? 0;
        if (updated < want)
            return { done: false, message: `${updated} out of ${want} new replicas have been updated` };
        if ((s.replicas ?? 0) > updated)
            return {
                done: false,
                message: `${(s.replicas ?? 0) - updated} old replicas are pending termination`,
            };
        if ((s.availableReplicas ?? 0) < updated)
            return {
                done: false,
                message: `${s.availableReplicas ?? 0} of ${updated} updated replicas are available`,
            };
        return { done: true, message: `deployment "${name}" successfully rolled out` };
    }
    if (kind === 'DaemonSet') {
        if (generation > (s.observedGeneration ?? 0))
            return { done: false, message: 'waiting for the daemon set spec update to be observed' };
        const desired = s.desiredNumberScheduled ?? 0;
        if ((s.updatedNumberScheduled ?? 0) < desired)
            return {
                done: false,
                message: `${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated`,
            };
        if ((s.numberAvailable ?? 0) < desired)
            return {
                done: false,
                message: `${s.numberAvailable ?? 0} of ${desired} updated pods are available`,
            };
        return { done: true, message: `daemon set "${name}" successfully rolled out` };
    }
    if (!s.observedGeneration || generation > s.observedGeneration)
        return { done: false, message: 'waiting for the statefulset spec update to be observed' };
    const want = w.spec.replicas ?? 1;
    if ((s.readyReplicas ?? 0) < want)
        return {
            done: false,
            message: `waiting for ${want - (s.readyReplicas ?? 0)} pods to be ready`,
        };
    const partition = w.spec.updateStrategy?.rollingUpdate?.partition;
    if (w.spec.updateStrategy?.type === 'RollingUpdate' && partition !== undefined && partition > 0) {
        if ((s.updatedReplicas ?? 0) < want - partition)
            return {
                done: false,
                message: `${s.updatedReplicas ?? 0} out of ${want - partition} new pods have been updated (partitioned)`,
            };
        return {
            done: true,
            message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated`,
        };
    }
    if (s.updateRevision !== s.currentRevision)
        return {
            done: false,
            message: `rolling update to ${s.updateRevision ?? '?'}: ${s.updatedReplicas ?? 0} pods updated`,
        };
    return {
        done: true,
        message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision ?? '?'}`,
    };
}
/** The step for one event of a watch on the workload `name` (pure). */
function watchStep(name, event) {
    const object = (typeof event.object === 'object' && event.object !== null ? event.object : {});
    const rv = typeof object.metadata?.resourceVersion === 'string' ? object.metadata.resourceVersion : '';
    switch (event.type) {
        case 'ADDED':
        case 'MODIFIED':
            if (object.metadata?.name !== name || !rv)
                return { do: 'ignore' };
            return { do: 'judge', workload: event.object, resourceVersion: rv };
        case 'DELETED':
            return object.metadata?.name === name ? { do: 'reread' } : { do: 'ignore' };
        case 'BOOKMARK':
            return rv ? { do: 'resume', resourceVersion: rv } : { do: 'ignore' };
        case 'ERROR': {
            const reason = typeof object.message === 'string' ? object.message : 'watch error';
            return object.code === 410 || object.reason === 'Expired' || object.reason === 'Gone'
                ? { do: 'relist', reason }
                : { do: 'reopen', reason };
        }
        default:
            return { do: 'ignore' };
    }
}
/** The longest one watch is asked to stay open; the server may close it sooner. */
const WATCH_SECONDS = 300;
/** Watches in a row that close before any event, after which polling takes over. */
const EMPTY_WATCHES = 3;
/** Clients already said to be polled, so the fallback is said once per context. */
const pollingSaid = new WeakSet();
const TICK = Symbol('tick');
async function waitForRollout(client, kind, namespace, name, options) {
    const { clock, timeoutMs } = options;
    const pollMs = options.pollMs ?? 1_000;
    const started = clock.now();
    const label = `${client.context} ${(0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .kindName */ .E)(kind)}/${name}`;
    let last = '';
    let state = { done: false, message: '' };
    /** Judges a read of the workload: the result when the wait is over. */
    const judge = (workload) => {
        if (workload)
            state = rolloutStatus(kind, workload);
        const elapsedMs = clock.now() - started;
        if (state.message !== last) {
            options.log?.(`${label}: ${state.message} (${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(elapsedMs)})`);
            last = state.message;
        }
        if (state.done || state.failed)
            return { ...state, elapsedMs };
        if (elapsedMs >= timeoutMs)
            return {
                ...state,
                failed: `not rolled out after ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(timeoutMs)}: ${state.message}`,
                elapsedMs,
            };
        return undefined;
    };
    const left = () => Math.max(1, timeoutMs - (clock.now() - started));
    const poll = async () => {
        for (;;) {
            await clock.sleep(Math.min(pollMs, left()));
            const over = judge(await client.getWorkload(kind, namespace, name));
            if (over)
                return over;
        }
    };
    const first = await client.getWorkload(kind, namespace, name);
    let over = judge(first);
    if (over)
        return over;
    let resourceVersion = first.metadata.resourceVersion;
    const relist = async () => {
        const listed = await client.listWorkload(kind, namespace, name);
        // Gone: the same "not found" a read gives, as polling would have said.
        const workload = listed.workload ?? (await client.getWorkload(kind, namespace, name));
        resourceVersion = listed.resourceVersion || workload.metadata.resourceVersion;
        return judge(workload);
    };
    /** Follows one watch until it ends: the result when the wait is over, and how much news came. */
    const follow = async (stream) => {
        let news = 0;
        try {
            let pending = stream.next();
            for (;;) {
                const event = await Promise.race([
                    pending,
                    clock.sleep(Math.min(pollMs, left())).then(() => TICK),
                ]);
                if (event === TICK) {
                    const over = judge(undefined);
                    if (over)
                        return { over, news };
                    continue;
                }
                if (event === undefined)
                    return { news };
                pending = stream.next();
                const step = watchStep(name, event);
                let over;
                if (step.do === 'judge') {
                    resourceVersion = step.resourceVersion;
                    over = judge(step.workload);
                }
                else if (step.do === 'resume') {
                    resourceVersion = step.resourceVersion;
                }
                else if (step.do === 'reread') {
                    const workload = await client.getWorkload(kind, namespace, name);
                    resourceVersion = workload.metadata.resourceVersion;
                    over = judge(workload);
                }
                else if (step.do === 'relist') {
                    return { over: await relist(), news };
                }
                else if (step.do === 'reopen') {
                    return { news };
                }
                // News of the workload (a state, a bookmark), as opposed to errors.
                if (step.do !== 'ignore')
                    news += 1;
                if (over)
                    return { over, news };
            }
        }
        finally {
            stream.close();
        }
    };
    let empty = 0;
    for (;;) {
        let stream;
        try {
            stream = await client.watchWorkload(kind, namespace, name, resourceVersion, WATCH_SECONDS);
        }
        catch (error) {
            if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeError */ .a3 && error.status === 410)) {
                if (!pollingSaid.has(client)) {
                    pollingSaid.add(client);
                    options.log?.(`${client.context}: cannot watch rollouts (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}); polling every ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(pollMs)} instead`);
                }
                return poll();
            }
        }
        // 410 Gone at the opening: the resourceVersion is too old; read again, watch from there.
        const followed = stream ? await follow(stream) : { over: await relist(), news: 0 };
        if (followed.over)
            return followed.over;
        // Closed by the server or the network: resume from the last resourceVersion seen. A
        // server that closes (or refuses with 410) every watch at once is no longer watched, but
        // polled, rather than asked again and again.
        empty = followed.news === 0 ? empty + 1 : 0;
        if (empty >= EMPTY_WATCHES) {
            if (!pollingSaid.has(client)) {
                pollingSaid.add(client);
                options.log?.(`${client.context}: watches of rollouts close as soon as they open; polling every ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(pollMs)} instead`);
            }
            return poll();
        }
        // Once at once (a server timeout is normal); after a closure with nothing in it, a pause.
        if (empty > 1)
            await clock.sleep(Math.min(pollMs, left()));
        over = judge(undefined);
        if (over)
            return over;
    }
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

/***/ 6252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ verificationSection)
/* harmony export */ });
/* unused harmony export verifySummary */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6412);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/**
 * Verification for people: the smoke checks as a table, whether each target runs the snapshot's
 * images, and the time against the SLA. Pure; the job summary and the incident embed it.
 * Details hold text a service answered, so they go in code spans: no mention, link or HTML
 * in them is rendered.
 */



/** The evidence under the verification's heading: smoke checks, images, the SLA. */
function verifySummary({ smoke, images, sla }) {
    const parts = [];
    parts.push(smoke.length
        ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Qj)(['Check', 'Kind', 'Result', 'Attempts', 'Time', 'Detail'], smoke.map((s) => [
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(s.name),
            s.kind,
            s.outcome === 'passed' ? '✅ passed' : '❌ failed',
            String(s.attempts),
            (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(s.elapsedMs),
            s.detail ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(s.detail) : '',
        ]))
        : 'No smoke checks configured (policy `verify.checks`).');
    if (images.length)
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Qj)(['Target', 'Images', 'Differences'], images.map((i) => [
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(i.target),
            i.match ? `✅ as ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(i.against ?? 'captured')}` : '❌ differ',
            i.differences.map(_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY).join('<br>'),
        ])));
    if (sla)
        parts.push(`**Rollback SLA:** ${sla.met ? '✅ met' : '❌ missed'}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(sla.detail)}`);
    return `${parts.join('\n\n')}\n`;
}
/** The verification's section of a summary: verified or why not, then the evidence. */
function verificationSection(v) {
    return [
        `### Verification: ${v.verified ? '✅ verified' : '❌ not verified'}\n\n`,
        v.problem ? `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeExternal */ .Zk)(v.problem, 2000)}\n\n` : '',
        `Triggers judged again: ${v.stability.verdict}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(v.stability.detail)}\n\n`,
        verifySummary({ smoke: v.smoke, images: v.images, ...(v.sla ? { sla: v.sla } : {}) }),
        '\n',
    ].join('');
}


/***/ }),

/***/ 5626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ly: () => (/* binding */ capturedSnapshot),
  gV: () => (/* binding */ chooseDestination),
  aC: () => (/* binding */ describeDestination),
  yk: () => (/* binding */ executeRollback),
  SQ: () => (/* binding */ planOnlyReason)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/kube/snapshot.ts
var snapshot = __webpack_require__(7261);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/revision.ts
var revision = __webpack_require__(8130);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/kube/client.ts + 1 modules
var kube_client = __webpack_require__(4184);
// EXTERNAL MODULE: ./src/kube/json.ts
var kube_json = __webpack_require__(7619);
// EXTERNAL MODULE: ./src/kube/ledger.ts
var ledger = __webpack_require__(5392);
// EXTERNAL MODULE: ./src/kube/rollout.ts
var rollout = __webpack_require__(4236);
// EXTERNAL MODULE: ./src/kube/selector.ts
var kube_selector = __webpack_require__(740);
// EXTERNAL MODULE: ./src/kube/undo.ts
var kube_undo = __webpack_require__(2511);
// EXTERNAL MODULE: ./src/kube/types.ts
var types = __webpack_require__(6384);
;// CONCATENATED MODULE: ./src/rollback/kubernetes.ts
/**
 * Kubernetes rollback for many targets across contexts: each one read, planned as kubectl
 * would (undo.ts), patched once, and optionally waited for. Targets run concurrently with a
 * bound; one failing target or region never stops the others, and each gets its own result.
 */










async function destinationFor(client, ref, to) {
    if (to.kind === 'snapshot') {
        const captured = (0,snapshot/* findCaptured */.SW)(to.snapshot, ref);
        if (!captured)
            throw new kube_undo/* UndoRefused */.nd(`the snapshot has no entry for ${(0,types/* kindName */.E)(ref.kind)}/${ref.name} in context "${ref.context}", namespace "${ref.namespace}"`);
        return { kind: 'template', template: captured.template, revision: captured.revision };
    }
    const spec = to.spec;
    if (spec.kind === 'previous')
        return { kind: 'previous' };
    if (spec.kind === 'number')
        return { kind: 'revision', revision: spec.revision };
    const { target } = (0,ledger/* lastGood */.mC)(await (0,ledger/* readLedger */.SC)(client, ref.namespace), ref.kind, ref.name, spec.kind === 'commit' ? spec.sha : undefined);
    return { kind: 'template', template: target.template, revision: target.revision };
}
/** One read of the workload and one list of its history, as kubectl does; then the plan. */
async function plan(client, ref, to, prefetched) {
    const workload = prefetched ?? (await client.getWorkload(ref.kind, ref.namespace, ref.name));
    const selector = (0,kube_selector/* selectorString */.z)(workload.spec.selector);
    const undo = ref.kind === 'Deployment'
        ? (0,kube_undo/* planDeploymentUndo */.HC)(workload, await client.listReplicaSets(ref.namespace, selector), to)
        : (0,kube_undo/* planRevisionUndo */.j5)(workload, await client.listControllerRevisions(ref.namespace, selector), to);
    return { undo, workload };
}
async function rollbackOne(client, ref, options) {
    const started = options.clock.now();
    const label = `${ref.context} ${(0,types/* kindName */.E)(ref.kind)}/${ref.name}`;
    let patched = false;
    try {
        const to = await destinationFor(client, ref, options.to);
        for (let attempt = 1;; attempt++) {
            // A conflict's retry reads again: the prefetched copy is what conflicted.
            const { undo, workload } = await plan(client, ref, to, attempt === 1 ? options.prefetched?.get((0,snapshot/* refKey */.XF)(ref)) : undefined);
            if (undo.action === 'skip') {
                options.log(`${label}: skipped, ${undo.reason}`);
                return {
                    ...ref,
                    outcome: 'skipped',
                    toRevision: undo.revision,
                    fromRevision: undo.revision,
                    message: `skipped: ${undo.reason}`,
                    diff: [],
                };
            }
            const diff = (0,kube_json/* diffLines */.Pp)(workload.spec.template, undo.template);
            const move = `revision ${undo.fromRevision ?? '?'} → ${undo.toRevision ?? 'recorded template'}`;
            try {
                await client.patchWorkload(ref.kind, ref.namespace, ref.name, undo.patchType, undo.patch, options.dryRun);
            }
            catch (error) {
                // Someone changed the workload between our read and our write: read and plan again.
                if (error instanceof kube_client/* KubeError */.a3 && error.status === 409 && attempt < 3)
                    continue;
                throw error;
            }
            patched = !options.dryRun;
            if (options.dryRun) {
                options.log(`${label}: would roll back ${move} (server dry run accepted)`);
                for (const line of diff)
                    options.log(`    ${line}`);
                return {
                    ...ref,
                    outcome: 'planned',
                    fromRevision: undo.fromRevision,
                    toRevision: undo.toRevision,
                    message: `would roll back ${move}`,
                    diff,
                };
            }
            options.log(`${label}: rolling back ${move}`);
            return {
                ...ref,
                outcome: 'rolled-back',
                fromRevision: undo.fromRevision,
                toRevision: undo.toRevision,
                message: `rolled back ${move}`,
                diff,
                seconds: (options.clock.now() - started) / 1000,
            };
        }
    }
    catch (error) {
        const message = (0,errors/* messageOf */.bD)(error);
        options.log(`${label}: failed: ${message}`);
        const state = patched
            ? 'rollback applied; its rollout could not be followed'
            : error instanceof kube_client/* KubeError */.a3 && error.network
                ? 'unknown: the API server did not answer, the rollback may or may not have been applied'
                : 'unchanged';
        return {
            ...ref,
            outcome: 'failed',
            message,
            state,
            // Worth one more try only when nothing was applied and the API server, not the
            // workload, was the trouble; a second undo after a patch would go back once more.
            retryable: !patched &&
                error instanceof kube_client/* KubeError */.a3 &&
                (error.network || error.status === 429 || (error.status ?? 0) >= 500),
            diff: [],
            seconds: (options.clock.now() - started) / 1000,
        };
    }
}
/**
 * Waits for a rolled-back target's rollout (a watch, no request slot): one that does not
 * complete in time, or cannot be followed, fails the target with the rollback applied.
 */
async function followRollout(client, result, options) {
    const { context, kind, namespace, name } = result;
    const began = options.clock.now();
    const seconds = () => (result.seconds ?? 0) + (options.clock.now() - began) / 1000;
    const move = `revision ${result.fromRevision ?? '?'} → ${result.toRevision ?? 'recorded template'}`;
    try {
        const waited = await (0,rollout/* waitForRollout */.gj)(client, kind, namespace, name, {
            clock: options.clock,
            timeoutMs: options.timeoutMs,
            log: options.log,
        });
        if (!waited.failed)
            return { ...result, seconds: seconds() };
        return {
            ...result,
            outcome: 'failed',
            message: `patched (${move}) but ${waited.failed}`,
            state: 'rollback applied, rollout not complete',
            seconds: seconds(),
        };
    }
    catch (error) {
        const message = (0,errors/* messageOf */.bD)(error);
        options.log(`${context} ${(0,types/* kindName */.E)(kind)}/${name}: failed: ${message}`);
        return {
            context,
            kind,
            namespace,
            name,
            outcome: 'failed',
            message,
            state: 'rollback applied; its rollout could not be followed',
            retryable: false,
            diff: [],
            seconds: seconds(),
        };
    }
}
async function rollbackTargets(clients, refs, options) {
    const limit = (0,p_limit/* default */.A)(options.concurrency);
    // One undo per workload, whatever the caller passed: a second undo would go back again.
    const unique = [...new Map(refs.map((ref) => [(0,snapshot/* refKey */.XF)(ref), ref])).values()];
    return Promise.all(unique.map(async (ref) => {
        const client = (0,kube_client/* clientFor */.$V)(clients, ref.context);
        const result = await limit(() => rollbackOne(client, ref, options));
        // The bound is on requests; a rollout is followed through one open watch, so the
        // rollouts of every target are awaited together, as kubectl's would be in parallel.
        return options.wait && result.outcome === 'rolled-back'
            ? followRollout(client, result, options)
            : result;
    }));
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/rollback/execute.ts
/**
 * A Kubernetes rollback as a step of a run: where to (the snapshot, or `to-revision`), whether
 * it is only planned (dry run, approval, strategy none), carried out across every context, and
 * what it did, for the verdict, the outputs and the report. Used by `guard` and `rollback`.
 */







/** Why a rollback would only be planned (dry run, approval, strategy none), if it would. */
function planOnlyReason(config) {
    if (config.dryRun)
        return 'dry-run';
    if (config.approval.value === 'required')
        return 'approval: required';
    if (config.strategy.value === 'none')
        return 'strategy: none';
    return undefined;
}
/** Rolls every ref back (or plans it, when `planOnly` says why) and waits for the rollouts. */
async function executeRollback(context, refs, destination, planOnly, prefetched) {
    const { config } = context;
    core/* info */.pq(`Rolling back ${(0,src_text/* plural */.L)(refs.length, 'target')} to ${describeDestination(destination)}${planOnly ? ` (plan only: ${planOnly})` : ''}`);
    const started = context.clock.now();
    // Inside the plan runner's log group: runners do not nest groups.
    const results = await rollbackTargets(context.kube(), [...refs], {
        to: destination,
        dryRun: planOnly !== undefined,
        wait: planOnly === undefined,
        timeoutMs: config.rollbackTimeoutMs,
        concurrency: config.concurrency,
        clock: context.clock,
        log: (line) => core/* info */.pq(line),
        ...(prefetched ? { prefetched } : {}),
    });
    const seconds = (context.clock.now() - started) / 1000;
    const failed = results.filter((r) => r.outcome === 'failed');
    // A plan is not a rollback: one that cannot be made (no earlier revision) is still only a
    // recommendation, never a "rollback-failed" that reads as a rollback gone wrong.
    const verdict = planOnly
        ? 'rollback-recommended'
        : failed.length
            ? 'rollback-failed'
            : 'rolled-back';
    const failedList = failed
        .map((r) => `${(0,snapshot/* describeRef */.Ro)(r)}: ${r.message} (state: ${r.state ?? 'unknown'})`)
        .join('; ');
    const strategy = planOnly && config.strategy.value === 'none' ? 'none' : 'kubernetes';
    return {
        verdict,
        strategy,
        rolledBack: results.some((r) => r.outcome === 'rolled-back'),
        seconds,
        results,
        failure: !failed.length
            ? undefined
            : planOnly
                ? `rollback recommended (${planOnly}), but it could not be planned for ${failed.length} of ${results.length} targets: ${failedList}`
                : `rollback failed for ${failed.length} of ${results.length} targets: ${failedList}`,
        report: {
            destination: describeDestination(destination),
            'plan-only': planOnly ?? null,
            'rollback-seconds': seconds,
            targets: results.map(json/* targetOutcome */.u),
        },
    };
}
function chooseDestination(context) {
    const { config } = context;
    if (config.toRevision.from === 'input')
        return { kind: 'spec', spec: config.toRevision.value };
    const snapshot = capturedSnapshot(context);
    if (snapshot)
        return { kind: 'snapshot', snapshot };
    return { kind: 'spec', spec: config.toRevision.value };
}
/** The snapshot given as input, or the one a capture step earlier in the job left. */
function capturedSnapshot(context) {
    const value = context.config.snapshot ?? context.env[constants/* SNAPSHOT_ENV */.Fk];
    return value ? (0,snapshot/* readSnapshot */.RA)(value) : undefined;
}
function describeDestination(destination) {
    if (destination.kind === 'snapshot')
        return `the snapshot captured at ${destination.snapshot.capturedAt}`;
    const spec = destination.spec;
    if (spec.kind === 'commit')
        return `the verified release of commit ${spec.sha}`;
    return spec.kind === 'number'
        ? `revision ${spec.revision}`
        : (0,revision/* formatRevisionSpec */.uy)(spec) === 'last-good'
            ? 'the last verified-good release'
            : 'the previous revision';
}


/***/ }),

/***/ 6813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ judgeAgain)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _analysis_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5849);
/* harmony import */ var _analysis_watch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8088);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7607);
/**
 * The failing triggers judged again for a short window, from a moment on (the flags went off,
 * the rollback completed): each must breach on two polls in a row to still count as failing
 * (a `for: 10m` cannot be met in a 2-minute window, and the release has already failed once),
 * and query ranges are cut to the time since that moment. Used after flags and to verify.
 */




async function judgeAgain(sources, options) {
    if (sources.length === 0)
        return { verdict: options.nothingToJudge, detail: 'no metric trigger to judge again' };
    const { clock, windowMs } = options;
    const intervalMs = Math.min(options.intervalMs, Math.max(1000, windowMs / 4));
    const since = clock.now();
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Judging ${sources.map((s) => s.trigger.rule.name).join(', ')} again for ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(windowMs)}, a poll every ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(intervalMs)}`);
    const result = await (0,_analysis_watch_js__WEBPACK_IMPORTED_MODULE_2__/* .watch */ .w)(sources.map((s) => ({ ...s, trigger: { ...s.trigger, rule: (0,_analysis_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .forRejudging */ .Nx)(s.trigger.rule) } })), {
        clock,
        since,
        deployedAt: since,
        windowMs,
        intervalMs,
        baselines: options.baselines,
        log: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line),
    });
    return {
        verdict: verdictOf(result.judgement),
        detail: detailOf(result.judgement),
        ...(result.judgement.rejected?.length ? { rejected: true } : {}),
    };
}
function verdictOf(judgement) {
    return judgement.verdict === 'fail'
        ? 'fail'
        : judgement.verdict === 'pass'
            ? 'pass'
            : 'inconclusive';
}
function detailOf(judgement) {
    const first = judgement.failing[0];
    if (first)
        return `${first.name} still fails: ${first.detail}`;
    // A query the backend refuses is a mistake to fix, not data that may come.
    if (judgement.rejected?.length)
        return `${judgement.rejected.map((r) => `trigger '${r.name}' cannot be judged: ${r.why}`).join('; ')} (mode: validate checks it offline)`;
    if (judgement.verdict === 'pass')
        return 'every trigger passed';
    return judgement.unjudged.map((u) => `${u.name}: ${u.why}`).join('; ') || 'not judged';
}


/***/ }),

/***/ 5255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  im: () => (/* binding */ verifyRollback),
  FI: () => (/* binding */ verifyState)
});

// UNUSED EXPORTS: stabiliseWindowMs

// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/kube/client.ts + 1 modules
var client = __webpack_require__(4184);
// EXTERNAL MODULE: ./src/kube/snapshot.ts
var snapshot = __webpack_require__(7261);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/verify/images.ts
var verify_images = __webpack_require__(887);
// EXTERNAL MODULE: ./src/verify/sla.ts
var verify_sla = __webpack_require__(8191);
// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/bounded.ts
var bounded = __webpack_require__(6586);
// EXTERNAL MODULE: ./src/metrics/http.ts
var http = __webpack_require__(7345);
// EXTERNAL MODULE: ./src/metrics/http-json.ts
var http_json = __webpack_require__(4316);
// EXTERNAL MODULE: ./src/process.ts
var src_process = __webpack_require__(4006);
// EXTERNAL MODULE: ./src/rollback/command.ts
var command = __webpack_require__(1245);
// EXTERNAL MODULE: ./src/url.ts
var url = __webpack_require__(7666);
;// CONCATENATED MODULE: ./src/verify/smoke.ts
/**
 * Smoke checks after a rollback (runbook 000, "Post-Rollback Validation": endpoints responding,
 * health checks passing, smoke tests run). An HTTP check is tried again, with a doubling wait,
 * only when its failure can change while the rollback settles: no connection, a timeout, a
 * 5xx, 429 or 408, or a body that does not match yet. A 404, a redirect or a request that
 * cannot be made fails at once: waiting would not change it. A command check runs once
 * (argv, no shell, a timeout). Secrets (headers-env values, URL credentials) are masked
 * before the first request and scrubbed from every detail and log line.
 */








const SMOKE_DEFAULTS = {
    httpTimeoutMs: 10_000,
    retries: 3,
    backoffMs: 2_000,
    commandTimeoutMs: 2 * 60_000,
};
/** Bytes of an answer read at most: enough for a health document, bounded for a wrong URL. */
const ANSWER_BYTES = 1024 * 1024;
const DETAIL_CHARS = 300;
const EXCERPT_CHARS = 120;
/** Runs the checks in order (later ones often depend on the same service warming up). */
async function runSmokeChecks(checks, options) {
    const results = [];
    for (const check of checks)
        results.push(await runCheck(check, options));
    return results;
}
async function runCheck(check, options) {
    if (check.http && !check.command)
        return httpCheck(check.name, check.http, options);
    if (check.command && !check.http)
        return commandCheck(check, options);
    const detail = `check '${check.name}' needs exactly one of 'http' or 'command'`;
    options.log(detail);
    return {
        name: check.name,
        kind: check.http ? 'http' : 'command',
        outcome: 'failed',
        attempts: 0,
        detail,
        elapsedMs: 0,
    };
}
async function commandCheck(check, options) {
    const argv = check.command ?? [];
    const timeoutMs = (check.timeout === undefined ? undefined : (0,duration/* parseDuration */.E9)(check.timeout)) ??
        SMOKE_DEFAULTS.commandTimeoutMs;
    options.log(`smoke '${check.name}': ${(0,command/* quoteArgv */.rx)(argv)}`);
    const result = await (0,src_process/* runProgram */.m)(argv, {
        env: options.env,
        cwd: options.cwd,
        timeoutMs,
        maxOutput: 64 * 1024,
    });
    for (const line of (0,command/* outputTail */.ci)(result, 20))
        options.log(`  ${line}`);
    const passed = result.code === 0;
    const detail = oneLine((0,src_process/* describeExit */.K)(argv[0] ?? '', result));
    options.log(`smoke '${check.name}' ${passed ? 'passed' : `failed: ${detail}`}`);
    return {
        name: check.name,
        kind: 'command',
        outcome: passed ? 'passed' : 'failed',
        attempts: result.startError ? 0 : 1,
        detail,
        elapsedMs: result.elapsedMs,
    };
}
async function httpCheck(name, spec, options) {
    const clock = options.clock ?? src_clock/* systemClock */.ml;
    const method = spec.method ?? 'GET';
    const shown = `${method} ${(0,url/* redactUrl */.BO)(spec.url)}`;
    const { headers, secrets, missing } = (0,http/* headersFromEnv */.gx)(spec.headers, spec['headers-env'], options.env);
    secrets.push(...(0,url/* urlSecrets */.Fn)(spec.url));
    secrets.forEach(options.setSecret);
    const scrub = (text) => oneLine(secrets.reduce((out, secret) => out.split(secret).join('***'), (0,url/* redactUrlsIn */.$1)(text)));
    const started = clock.now();
    const result = (outcome, attempts, detail) => {
        const line = scrub(detail);
        options.log(`smoke '${name}' ${outcome}: ${line}`);
        return {
            name,
            kind: 'http',
            outcome,
            attempts,
            detail: line,
            elapsedMs: clock.now() - started,
        };
    };
    if (missing.length)
        return result('failed', 0, `headers-env names ${missing.join(', ')}, not set in this step (add it under env:)`);
    const prepared = (0,http/* prepareRequest */.nd)(spec.url, headers);
    if (prepared instanceof http/* HttpFailure */.HR)
        return result('failed', 0, `${shown}: ${prepared.message}`);
    const timeoutMs = (spec.timeout && (0,duration/* parseDuration */.E9)(spec.timeout)) || SMOKE_DEFAULTS.httpTimeoutMs;
    const retries = spec.retries ?? SMOKE_DEFAULTS.retries;
    let waitMs = (spec.backoff === undefined ? undefined : (0,duration/* parseDuration */.E9)(spec.backoff)) ??
        SMOKE_DEFAULTS.backoffMs;
    for (let attempt = 1;; attempt++) {
        const end = await attemptOnce(prepared, method, spec, timeoutMs);
        if (end.passed)
            return result('passed', attempt, `${shown}: ${end.detail}`);
        if (!end.retry || attempt > retries)
            return result('failed', attempt, `${shown}: ${end.detail}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`);
        options.log(`smoke '${name}': attempt ${attempt}: ${scrub(end.detail)}; again in ${waitMs} ms`);
        await clock.sleep(waitMs);
        waitMs *= 2;
    }
}
/** Statuses a service gives while it is starting or overloaded: worth asking again. */
function smoke_transient(status) {
    return status >= 500 || status === 429 || status === 408;
}
async function attemptOnce(prepared, method, spec, timeoutMs) {
    const expected = spec['expect-status'] ?? 200;
    const needsBody = spec['body-contains'] !== undefined || spec['json-path'] !== undefined;
    let status;
    let body = '';
    try {
        const response = await fetch(prepared.url, {
            method,
            headers: prepared.headers,
            // A redirect is an answer, not a switch: following it would send the headers elsewhere.
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        if (status === expected && needsBody && response.body)
            body = await (0,bounded/* readBodyBounded */.mR)(response.body, ANSWER_BYTES);
        else
            await response.body?.cancel();
    }
    catch (error) {
        const failure = (0,http/* classifyFetchError */.D$)(error, timeoutMs);
        // Only a connection failure can change; a bad address, TLS or a huge answer will not.
        return { passed: false, detail: failure.message, retry: !failure.misconfigured };
    }
    if (status !== expected) {
        const redirect = status >= 300 && status < 400 ? ' (a redirect: redirects are not followed)' : '';
        return {
            passed: false,
            detail: `answered ${status}, expected ${expected}${redirect}`,
            retry: smoke_transient(status),
        };
    }
    const mismatch = bodyMismatch(body, spec);
    if (mismatch)
        return { passed: false, detail: `answered ${status}, but ${mismatch}`, retry: true };
    return {
        passed: true,
        detail: `answered ${status}${needsBody ? ' with the expected body' : ''}`,
    };
}
/** Why the body is not (yet) what the check wants, if it is not. */
function bodyMismatch(body, spec) {
    const wanted = spec['body-contains'];
    if (wanted !== undefined && !body.includes(wanted))
        return `the body does not contain ${JSON.stringify(wanted)}${excerpt(body)}`;
    const path = spec['json-path'];
    if (path === undefined)
        return undefined;
    let document;
    try {
        document = JSON.parse(body);
    }
    catch {
        return `the body is not JSON${excerpt(body)}`;
    }
    const found = (0,http_json/* pickOne */.w9)(document, path);
    if ('reason' in found)
        return found.reason;
    const value = found.value;
    const shown = JSON.stringify(value);
    if (spec.equals !== undefined && value !== spec.equals)
        return `${path} is ${shown}, expected ${JSON.stringify(spec.equals)}`;
    const low = spec['at-least'];
    const high = spec['at-most'];
    if (low === undefined && high === undefined)
        return undefined;
    const number = typeof value === 'number' ? value : Number.NaN;
    if (!Number.isFinite(number))
        return `${path} is ${shown}, not a number`;
    if (low !== undefined && number < low)
        return `${path} is ${shown}, below at-least ${low}`;
    if (high !== undefined && number > high)
        return `${path} is ${shown}, above at-most ${high}`;
    return undefined;
}
function excerpt(body) {
    const text = oneLine(body);
    if (!text)
        return '';
    return `: ${text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text}`;
}
function oneLine(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > DETAIL_CHARS ? `${line.slice(0, DETAIL_CHARS)}…` : line;
}

// EXTERNAL MODULE: ./src/verify/stabilise.ts
var stabilise = __webpack_require__(6813);
;// CONCATENATED MODULE: ./src/verify/verify.ts
/**
 * Verification after a rollback that took effect: every rolled-back target runs what the
 * snapshot captured (digests where it has them), the policy's smoke checks pass, and the
 * failing triggers pass when judged again for `verify.window`. Judged against `verify.sla`
 * from the decision on. `inconclusive` is never reported as verified.
 */










/**
 * The stabilisation window: `verify.window`, else 2m, which is four polls at the default 30s
 * interval; with a shorter interval, four polls are enough (and never longer than the watch).
 */
function stabiliseWindowMs(window, intervalMs, watchMs) {
    const configured = window === undefined ? undefined : (0,duration/* parseDuration */.E9)(window);
    return configured ?? Math.min(120_000, 4 * intervalMs, watchMs);
}
/** After a rollback: the rolled-back targets against the snapshot, the SLA from the decision. */
function verifyRollback(context, options) {
    const expected = options.targets
        .filter((t) => t.outcome === 'rolled-back' || t.outcome === 'skipped')
        .flatMap((ref) => {
        const captured = options.snapshot ? (0,snapshot/* findCaptured */.SW)(options.snapshot, ref) : undefined;
        return captured ? [{ ref, images: captured }] : [];
    });
    return verifyState(context, { ...options, expected });
}
/**
 * Is the service where it should be: each target runs what is expected, the smoke checks
 * pass, and the triggers pass when judged again; timed against the SLA when a decision
 * started the clock.
 */
async function verifyState(context, options) {
    const { config } = context;
    const policy = config.policy.verify;
    const images = await Promise.all(options.expected.map(async ({ ref, images: wanted, against }) => {
        const target = (0,snapshot/* describeRef */.Ro)(ref);
        const was = against ? { against } : {};
        try {
            const running = await (0,verify_images/* readRunning */.Ki)((0,client/* clientFor */.$V)(context.kube(), ref.context), ref);
            return { target, ...(0,verify_images/* imagesMatch */.Uz)(wanted, running), ...was };
        }
        catch (error) {
            return { target, match: false, differences: [`not read: ${(0,errors/* messageOf */.bD)(error)}`], ...was };
        }
    }));
    const smoke = await runSmokeChecks(policy?.checks ?? [], {
        env: context.env,
        cwd: context.env.GITHUB_WORKSPACE || process.cwd(),
        setSecret: secrets/* maskSecret */.$,
        log: (line) => core/* info */.pq(line),
        clock: context.clock,
    });
    const stability = await (0,stabilise/* judgeAgain */._)(options.sources, {
        clock: context.clock,
        windowMs: stabiliseWindowMs(policy?.window, config.intervalMs.value, config.windowMs.value),
        intervalMs: config.intervalMs.value,
        baselines: options.baselines,
        nothingToJudge: 'pass',
    });
    const problems = [
        ...(options.problems ?? []),
        ...images.filter((i) => !i.match).map((i) => `${i.target}: ${i.differences.join('; ')}`),
        ...smoke.filter((s) => s.outcome === 'failed').map((s) => `smoke check ${s.name}: ${s.detail}`),
        ...(stability.verdict === 'pass'
            ? []
            : [
                stability.verdict === 'fail'
                    ? `the triggers still fail: ${stability.detail}`
                    : stability.rejected
                        ? `the triggers cannot be judged: ${stability.detail}`
                        : `not enough data to show the triggers pass: ${stability.detail}`,
            ]),
    ];
    // Unverified is never within the SLA: the clock has not stopped.
    const sla = options.decidedAt === undefined
        ? undefined
        : (0,verify_sla/* judgeSla */.cu)(options.decidedAt, context.clock.now(), (0,verify_sla/* slaOf */.UT)(policy?.sla), problems.length === 0);
    return {
        verified: problems.length === 0,
        images,
        smoke,
        stability,
        ...(sla ? { sla } : {}),
        ...(problems.length ? { problem: problems.join('; ') } : {}),
    };
}


/***/ })

};
