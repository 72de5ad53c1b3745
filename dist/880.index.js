export const id = 880;
export const ids = [880];
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

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  markGood: () => (/* binding */ markGood)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/kube/ledger.ts
var kube_ledger = __webpack_require__(5392);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/report/mark-good-summary.ts

/** The job summary of mark-good: one row per ledger written. */
function markGoodSummary(ledger, reason) {
    return [
        '## ✅ rollback-action: marked good\n\n',
        `What runs now is the last verified-good release: \`to-revision: last-good\` goes back to it.${reason ? ` Reason: ${(0,markdown/* escapeText */.X1)(reason)}.` : ''}\n\n`,
        (0,markdown/* markdownTable */.Qj)(['Context', 'Namespace', 'Recorded', 'Releases kept'], ledger.map((l) => [l.context, l.namespace, l.targets.join(', '), String(l.entries)])),
        '\n',
    ].join('');
}

// EXTERNAL MODULE: ./src/report/stale-reverts.ts
var stale_reverts = __webpack_require__(877);
// EXTERNAL MODULE: ./src/modes/stale-reverts.ts + 1 modules
var modes_stale_reverts = __webpack_require__(8178);
// EXTERNAL MODULE: ./src/modes/context.ts
var modes_context = __webpack_require__(1235);
;// CONCATENATED MODULE: ./src/modes/mark-good.ts







/**
 * `mode: mark-good`: records what the targets run now as a verified-good release in each
 * namespace's ledger, so `to-revision: last-good` can return to it. Only fully rolled-out
 * targets are recorded; anything mid-rollout is refused.
 */
async function markGood(context) {
    const refs = (0,modes_context/* targetRefs */.iT)(context);
    // The merged reverts this release carries, once its targets are read and rolled out:
    // recorded with it, and settled after it.
    let merged = null;
    const ledger = await (0,kube_ledger/* recordGoodRelease */.u7)(context.kube(), refs, async () => {
        merged = await (0,modes_stale_reverts/* mergedReverts */.yc)(context, refs);
        return (0,modes_stale_reverts/* withReverts */.Yt)((0,modes_context/* goodRelease */.J6)(context), merged);
    }, { concurrency: context.config.concurrency, log: (line) => core/* info */.pq(line) });
    // A release marked good supersedes the revert pull requests that would roll back past it.
    const staleReverts = await (0,modes_stale_reverts/* settleStaleReverts */.IO)(context, refs, merged);
    if (context.env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z
            .addRaw(markGoodSummary(ledger, context.config.reason) + (0,stale_reverts/* staleRevertsSection */.m)(staleReverts))
            .write();
    return {
        outputs: {},
        report: { ledger: ledger.map(json/* ledgerReport */.gM), 'stale-reverts': staleReverts },
    };
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


/***/ }),

/***/ 48:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V4: () => (/* binding */ branchOfRef),
/* harmony export */   VE: () => (/* binding */ revertMarker),
/* harmony export */   W6: () => (/* binding */ staleDecision),
/* harmony export */   yK: () => (/* binding */ parseRevertMarker),
/* harmony export */   z5: () => (/* binding */ serviceOf)
/* harmony export */ });
/* unused harmony export sameService */
/* harmony import */ var _kube_snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7261);

const PREFIX = '<!-- rollback-action:revert ';
const MARKER = /<!-- rollback-action:revert (\{.*?\}) -->/s;
const SHA = /^[0-9a-f]{40}$/;
function serviceOf(policyFile, refs) {
    return { policy: policyFile ?? null, targets: refs.map(_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRef */ .Ro).sort() };
}
/**
 * Whether the revert `record` is of the `verified` run's service: the same targets and policy
 * file. A run without a policy file (a mark-good job with no checkout) cannot name the policy,
 * so its targets alone decide, when it has any.
 */
function sameService(record, verified) {
    const targets = record.targets.length === verified.targets.length &&
        record.targets.every((t, i) => t === verified.targets[i]);
    return (targets &&
        (record.policy === verified.policy || (verified.policy === null && verified.targets.length > 0)));
}
/** The hidden marker: JSON in an HTML comment, `--` escaped so no value can close it. */
function revertMarker(record) {
    return `${PREFIX}${JSON.stringify(record).replace(/--/g, '-\\u002d')} -->`;
}
/** The record of a pull request body, or undefined when it has none or a malformed one. */
function parseRevertMarker(body) {
    const json = MARKER.exec(body ?? '')?.[1];
    if (!json)
        return undefined;
    try {
        const r = JSON.parse(json);
        const shas = [r.base, r.head, ...(Array.isArray(r.reverted) ? r.reverted : [undefined])];
        if (r.version !== 1 ||
            typeof r.branch !== 'string' ||
            !shas.every((s) => typeof s === 'string' && SHA.test(s)) ||
            !Array.isArray(r.service?.targets) ||
            !r.service.targets.every((t) => typeof t === 'string') ||
            (r.service.policy !== null && typeof r.service.policy !== 'string'))
            return undefined;
        return r;
    }
    catch {
        return undefined;
    }
}
/**
 * Before ancestry is known: a revert of another service or of another branch than the
 * verified run's is left alone. `branch` is undefined when the run was not on a branch (a tag):
 * then ancestry alone decides.
 */
function staleDecision(record, verified) {
    if (!sameService(record.service, verified.service))
        return { kind: 'keep', why: 'another service (policy or targets)' };
    if (verified.branch !== undefined && verified.branch !== record.branch)
        return {
            kind: 'keep',
            why: `it reverts on ${record.branch}, this run verified ${verified.branch}`,
        };
    return { kind: 'check-ancestry' };
}
/** The branch of a GITHUB_REF, or undefined for a tag or a pull request's merge ref. */
function branchOfRef(ref) {
    return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}


/***/ })

};
