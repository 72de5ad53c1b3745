export const id = 355;
export const ids = [355];
export const modules = {

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

/***/ 1355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  capture: () => (/* binding */ capture_capture)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/kube/capture.ts
var capture = __webpack_require__(6339);
// EXTERNAL MODULE: ./src/kube/permissions.ts
var permissions = __webpack_require__(5941);
// EXTERNAL MODULE: ./src/kube/snapshot.ts
var kube_snapshot = __webpack_require__(7261);
// EXTERNAL MODULE: ./src/metrics/baselines.ts
var metrics_baselines = __webpack_require__(5325);
;// CONCATENATED MODULE: ./src/metrics/preflight.ts

/** Every trigger's source read once, before the deploy; what would keep it from judging. */
async function preflight(sources, now, intervalMs) {
    const found = await Promise.all(sources.map(async (s) => {
        const finding = await s
            .check({ now, since: now, intervalMs })
            .catch((e) => ({ level: 'error', message: (0,src_errors/* messageOf */.bD)(e) }));
        return finding ? { trigger: s.trigger.rule.name, ...finding } : undefined;
    }));
    return found.filter((f) => f !== undefined);
}
/**
 * Preflight of every trigger, said in the log: errors stop the capture (and so the deploy);
 * warnings are shown and returned with the rest.
 */
async function checkTriggers(sources, now, intervalMs, log) {
    const findings = await preflight(sources, now, intervalMs);
    for (const { trigger } of sources) {
        const finding = findings.find((f) => f.trigger === trigger.rule.name);
        if (!finding)
            log.info(`${trigger.rule.name}: ok (${trigger.provider})`);
        else if (finding.level === 'warning')
            log.warning(`preflight: trigger '${finding.trigger}': ${finding.message}`);
    }
    const errors = findings.filter((f) => f.level === 'error');
    if (errors.length)
        throw new src_errors/* UserErrors */.tQ(errors.map((f) => new src_errors/* UserError */.yo(`preflight: trigger '${f.trigger}': ${f.message}`)));
    return findings;
}

// EXTERNAL MODULE: ./src/report/evidence.ts
var evidence = __webpack_require__(3877);
// EXTERNAL MODULE: ./src/report/json.ts
var report_json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/kube/types.ts
var types = __webpack_require__(6384);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/decide/freeze.ts
var decide_freeze = __webpack_require__(4917);
;// CONCATENATED MODULE: ./src/report/capture-summary.ts






/** The capture's job summary: every target as captured, then each trigger's preflight. */
function captureSummary({ targets, triggers, findings, baselines, freeze, }) {
    const head = `## rollback-action: captured ${(0,src_text/* plural */.L)(targets.length, 'target')}\n\n${freeze ? `${freezeSummaryLine(freeze)}\n\n` : ''}`;
    const table = (0,markdown/* markdownTable */.Qj)(['Context', 'Target', 'Revision', 'Images', 'Digests', 'Replicas', 'GitOps'], targets.map((t) => [
        t.context,
        (0,markdown/* code */.aY)(`${t.namespace}/${(0,types/* kindName */.E)(t.kind)}/${t.name}`),
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
    ]));
    if (triggers.length === 0)
        return `${head}${table}\n`;
    const checked = (0,markdown/* markdownTable */.Qj)(['Trigger', 'Preflight', 'Baseline'], triggers.map((name) => {
        const finding = findings.find((f) => f.trigger === name);
        const baseline = baselines?.[name];
        return [
            (0,markdown/* code */.aY)(name),
            finding ? `${finding.level === 'error' ? '❌' : '⚠️'} ${finding.message}` : '✅ ok',
            baseline ? (0,evidence/* describeBaseline */.FT)(baseline) : '-',
        ];
    }));
    return `${head}${table}\n\n### Triggers checked before the deploy\n\n${checked}\n`;
}
/** A captured target in the log: one line of what runs, and a warning for what will refuse. */
function capturedNotes(t) {
    const warnings = [];
    if (t.gitops)
        warnings.push(`${(0,kube_snapshot/* describeRef */.Ro)(t)} is managed by ${t.gitops.tool === 'argocd' ? 'Argo CD' : 'Flux'} (${t.gitops.owner}): a kubectl-style undo would be reverted by its next sync`);
    if (t.paused)
        warnings.push(`${(0,kube_snapshot/* describeRef */.Ro)(t)} is paused: a rollback will refuse until it is resumed`);
    return {
        info: `${(0,kube_snapshot/* describeRef */.Ro)(t)}: revision ${t.revision ?? '?'}, ${Object.values(t.images).join(', ')}${t.paused ? ' (paused)' : ''}`,
        warnings,
    };
}
const incidentLink = (i) => `[#${i.number}](${i.url})`;
/** The freeze in one line of the capture's summary. */
function freezeSummaryLine(s) {
    switch (s.state) {
        case 'clear':
            return '**Deploy freeze:** ✅ no open incident for these targets';
        case 'unchecked':
            return `**Deploy freeze:** ⚠️ not checked (${(0,markdown/* escapeText */.X1)(s.problem)}); captured anyway`;
        case 'frozen':
            return `**Deploy freeze:** ⛔ frozen by incident ${incidentLink(s.incident)}`;
        case 'overridden':
            return `**Deploy freeze:** ⚠️ overridden (override-freeze: true); incident ${incidentLink(s.incident)} is still open`;
        case 'lifted':
            return `**Deploy freeze:** ✅ lifted by ${(0,markdown/* code */.aY)(s.revert?.revert.slice(0, 7) ?? '')}, which reverts ${(0,markdown/* code */.aY)(s.revert?.reverted.slice(0, 7) ?? '')} of incident ${incidentLink(s.incident)} (still open for its RCA)`;
    }
}
/** The summary of a capture the freeze stopped: the same line as the error, and why. */
function frozenSummary(s) {
    if (s.state !== 'frozen')
        return '';
    return [
        '## ⛔ rollback-action: deploys are frozen\n',
        `${(0,markdown/* escapeText */.X1)((0,decide_freeze/* frozenLine */.Ri)(s.service, s.incident))}\n`,
        `Nothing was captured or changed. Incident ${incidentLink(s.incident)} is the freeze: closing it lifts it.\n`,
        ...(s.notes.length ? [s.notes.map((n) => `- ${(0,markdown/* escapeText */.X1)(n)}`).join('\n'), ''] : []),
    ].join('\n');
}

// EXTERNAL MODULE: ./src/decide/range.ts
var range = __webpack_require__(5177);
// EXTERNAL MODULE: ./src/github.ts
var github = __webpack_require__(9248);
// EXTERNAL MODULE: ./src/report/incident-of-run.ts + 1 modules
var incident_of_run = __webpack_require__(9678);
;// CONCATENATED MODULE: ./src/modes/freeze.ts
/**
 * The deploy freeze, before a capture: is an incident the action filed for these targets still
 * open, and if so, does the commit being deployed revert what it froze on? GitHub (the open
 * incident, its markers) and git (the deployed commit's history) are read here; what they say
 * is judged by the pure half in decide/freeze.ts. Nothing is changed anywhere.
 *
 * GitHub not answering, or no token, leaves the freeze unchecked: a warning, and the capture
 * goes on. The freeze is a guard rail on top of the incident, and a GitHub outage must not
 * also stop the deploy that fixes production.
 */





/** Revert commits read from the deployed history at most (git's --grep picks them). */
const MAX_REVERTS = 1000;
async function checkFreeze(context, refs, log) {
    const github = context.github();
    if (!github)
        return { state: 'unchecked', problem: 'no github-token or GITHUB_REPOSITORY' };
    const { service } = (0,incident_of_run/* incidentIdentity */.Xx)(refs, context.env.GITHUB_REPOSITORY);
    // The same targets, or any one of them (a capture of one region of an incident's two).
    const markers = (0,incident_of_run/* incidentMarkersFor */.xk)(refs, context.env.GITHUB_REPOSITORY);
    let open;
    try {
        open = await github.findOpenIssue('incident', markers);
    }
    catch (error) {
        return { state: 'unchecked', problem: unreadable(error) };
    }
    if (!open)
        return { state: 'clear' };
    const incident = { number: open.number, url: open.url };
    const notes = [];
    const frozen = [...(0,decide_freeze/* parseFrozeMarkers */.Zx)(open.body), ...(await commentMarkers(github, open, notes))];
    let revert;
    if (frozen.length === 0)
        notes.push(`incident #${open.number} records no commits (no froze marker): no revert can lift it`);
    else {
        const git = context.git();
        if (!git)
            notes.push('no git checkout in the workspace: the deployed commit was not searched for a revert');
        else
            try {
                revert = (0,decide_freeze/* findRevert */.WE)(await deployedHistory(git, context.run.sha, frozen, log), frozen);
                if (!revert)
                    notes.push(`no commit deployed since ${frozen.map((f) => f.head.slice(0, 7)).join(', ')} reverts one of the incident's commits`);
            }
            catch (error) {
                notes.push(`the deployed history could not be searched for a revert: ${(0,src_errors/* messageOf */.bD)(error)}`);
            }
    }
    const state = revert ? 'lifted' : context.config.overrideFreeze ? 'overridden' : 'frozen';
    return { state, incident, service, ...(revert ? { revert } : {}), notes };
}
/** Each later event's marker, from the comments the action itself wrote. */
async function commentMarkers(github, open, notes) {
    if (open.comments === 0)
        return [];
    try {
        const comments = await github.listIssueComments(open.number);
        // Anyone may comment on a public repository's issue: only the filer's markers count.
        return comments
            .filter((c) => open.author !== undefined && c.author === open.author)
            .flatMap((c) => (0,decide_freeze/* parseFrozeMarkers */.Zx)(c.body));
    }
    catch (error) {
        notes.push(`the incident's comments could not be read (${(0,src_errors/* messageOf */.bD)(error)}): its body alone counts`);
        return [];
    }
}
/**
 * The commits deployed since the bad heads, newest first, that say they revert something:
 * `git log <deployed> --not <heads>` with git's --grep. A head the checkout lacks is fetched,
 * and a shallow checkout deepened until it reaches the deployed commit; a head origin no longer
 * has (history rewritten) excludes nothing, so the deployed commit's whole history is searched.
 */
async function deployedHistory(git, sha, frozen, log) {
    const history = new range/* History */.BZ(git, log);
    const deployed = sha
        ? await history.require((0,range/* assertSha */.B1)(sha, 'the deployed commit (GITHUB_SHA)'), 'head')
        : (await git.run(['rev-parse', '--verify', 'HEAD^{commit}'])).stdout.trim();
    const heads = [];
    for (const head of new Set(frozen.map((f) => f.head).filter(range/* isFullSha */.Wf))) {
        try {
            const found = await history.require(head, "the incident's deployed commit");
            if (found !== deployed)
                await history.reaches(deployed, found);
            heads.push(found);
        }
        catch (error) {
            log(`${head.slice(0, 7)}: ${(0,src_errors/* messageOf */.bD)(error)}; the whole history is searched`);
        }
    }
    const r = await git.run([
        'log',
        '--format=%H%x00%B%x1e',
        `--max-count=${MAX_REVERTS}`,
        '--extended-regexp',
        '--regexp-ignore-case',
        '--grep=This reverts commit [0-9a-f]{7}',
        '--grep=^Reverts: [0-9a-f]{7}',
        deployed,
        ...(heads.length ? ['--not', ...heads] : []),
        '--',
    ], { maxOutput: 16 * 1024 * 1024 });
    return r.stdout
        .split('\x1e')
        .map((record) => record.replace(/^\n/, ''))
        .filter(Boolean)
        .map((record) => {
        const [commit = '', message = ''] = record.split('\0');
        return { sha: commit.trim(), message };
    });
}
/** Why the open incidents could not be read: a 403 names the permission the check needs. */
function unreadable(error) {
    if (error instanceof github/* GitHubError */.y_ && error.status === 403 && !/rate limit/i.test(error.message))
        return `the workflow's token cannot read issues (GitHub list issues: 403); give the job permissions ${github/* ISSUE_READ_PERMISSIONS */.WN}`;
    return (0,src_errors/* messageOf */.bD)(error);
}

// EXTERNAL MODULE: ./src/modes/context.ts
var modes_context = __webpack_require__(1235);
// EXTERNAL MODULE: ./src/modes/metrics.ts + 6 modules
var metrics = __webpack_require__(6492);
// EXTERNAL MODULE: ./src/decide/gather.ts
var gather = __webpack_require__(7777);
;// CONCATENATED MODULE: ./src/modes/capture.ts

















/**
 * `mode: capture`, before the deploy: refuses while an incident the action filed for these
 * targets is open (the deploy freeze, docs/decide.md), then checks that the credentials can do
 * a rollback later and that every trigger's metrics can be read (preflight), records what
 * every target runs now and each trigger's baseline, and leaves the snapshot where later steps
 * find it.
 */
async function capture_capture(context) {
    const { config, clock } = context;
    const refs = (0,modes_context/* targetRefs */.iT)(context);
    const scoped = (0,gather/* scopeProblems */.Vd)(config, refs);
    if (scoped.length)
        throw new src_errors/* UserErrors */.tQ(scoped.map((m) => new src_errors/* UserError */.yo(m)));
    const clients = context.kube();
    const log = {
        info: (line) => core/* info */.pq(line),
        warning: (line) => core/* warning */.$e(line),
    };
    // The deploy freeze first: a deploy frozen by an open incident touches nothing, not even a read.
    const freeze = await core/* group */.Os('Deploy freeze', () => checkFreeze(context, refs, (line) => core/* info */.pq(line)));
    const freezeText = (0,decide_freeze/* freezeLine */.GW)(freeze);
    if ('notes' in freeze && freeze.state !== 'lifted')
        for (const note of freeze.notes)
            log.info(note);
    if (freeze.state === 'frozen')
        return frozen(context, freeze, freezeText ?? '');
    if (freezeText && freeze.state === 'lifted')
        log.info(freezeText);
    else if (freezeText)
        log.warning(`rollback-action: ${freezeText}`);
    // Permissions first: a missing RBAC verb found now is a deploy not started blind.
    await (0,permissions/* checkPermissions */.RS)(clients, refs, {
        purpose: 'guard',
        concurrency: config.concurrency,
        warn: log.warning,
    });
    // Then the metrics: a trigger that cannot be read is found before the deploy, not after.
    const sources = (0,metrics/* triggerSources */.f)(context);
    const findings = sources.length
        ? await core/* group */.Os('Preflight', () => checkTriggers(sources, clock.now(), config.intervalMs.value, log))
        : [];
    const targets = await (0,capture/* captureTargets */.ZA)(clients, refs, { concurrency: config.concurrency });
    const baselines = sources.length
        ? await core/* group */.Os('Baselines', async () => {
            const found = await (0,metrics_baselines/* captureBaselines */.hf)(sources, clock, {
                intervalMs: config.intervalMs.value,
                baselineWindowMs: config.baselineWindowMs,
            });
            for (const [name, baseline] of Object.entries(found))
                log.info(`${name}: ${(0,evidence/* describeBaseline */.FT)(baseline)}`);
            return found;
        })
        : undefined;
    // The deployed range, before the deploy: its base is recorded, and a point of no return is
    // said now, while the deploy can still be stopped, not after it failed.
    const git = context.git();
    const range = await core/* group */.Os('Deployed range', async () => (0,gather/* rangeFacts */.nr)(git, context.env.GITHUB_WORKSPACE || process.cwd(), context.run.sha, 
    // The base resolved by this capture must not be its own input.
    git ? await (0,gather/* rangeBases */.Yh)(context, clients, refs, undefined) : {}, config, (line) => core/* debug */.Yz(line)));
    for (const line of (0,gather/* rangeNotes */.ne)(range))
        (line.warn ? log.warning : log.info)(line.text);
    const snapshot = {
        ...(0,modes_context/* snapshotNow */.p9)(context, targets, baselines),
        ...(range.range ? { base: { sha: range.range.base, from: range.range.baseFrom } } : {}),
    };
    const { file, json } = await (0,kube_snapshot/* writeSnapshot */.oF)(snapshot, context.run.runnerTemp);
    core/* exportVariable */.dN(constants/* SNAPSHOT_ENV */.Fk, file);
    for (const target of targets) {
        const notes = capturedNotes(target);
        log.info(notes.info);
        for (const warning of notes.warnings)
            log.warning(warning);
    }
    if (context.env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z
            .addRaw(captureSummary({
            targets,
            triggers: sources.map((s) => s.trigger.rule.name),
            findings,
            baselines,
            freeze,
        }))
            .write();
    return {
        outputs: { [constants/* Outputs */.tY.Snapshot]: json },
        report: {
            snapshot: {
                path: file,
                targets: targets.map(report_json/* capturedTargetReport */.MR),
                baselines: baselines ? (0,report_json/* baselineReports */.nz)(baselines) : null,
            },
            preflight: findings,
            ...(0,report_json/* freezeReport */.kf)(freeze),
        },
    };
}
/** A frozen capture: one error line (from main), the same in the summary, nothing captured. */
async function frozen(context, freeze, line) {
    if (context.env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z.addRaw(frozenSummary(freeze)).write();
    return {
        outputs: {},
        report: { snapshot: null, preflight: [], ...(0,report_json/* freezeReport */.kf)(freeze) },
        failure: line,
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
