export const id = 119;
export const ids = [119];
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

/***/ 8119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verify: () => (/* binding */ verify)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _decide_gather_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7777);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _kube_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4184);
/* harmony import */ var _kube_snapshot_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7261);
/* harmony import */ var _metrics_baselines_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5325);
/* harmony import */ var _report_json_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(2794);
/* harmony import */ var _report_verify_summary_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6252);
/* harmony import */ var _rollback_execute_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5626);
/* harmony import */ var _verify_verify_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5255);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1235);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6492);
/* harmony import */ var _rollouts_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2720);














/**
 * `mode: verify`, on its own: after a rollback done by hand (or by anything else), is the
 * service where it should be? Every target's rollout completes and runs the snapshot's images
 * (with a capture in the job, or input `snapshot`), else what its own template says; the
 * smoke checks pass; every trigger passes for `verify.window`. `inconclusive` is never
 * verified. Changes nothing.
 */
async function verify(context) {
    const { config } = context;
    const sources = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_11__/* .triggerSources */ .f)(context);
    const checks = config.policy.verify?.checks ?? [];
    const hasTargets = config.targets.value.length > 0;
    if (!hasTargets && !sources.length && !checks.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo("nothing to verify: set 'targets' (their rollout and images are checked), triggers in the policy, or verify.checks");
    const snapshot = (0,_rollback_execute_js__WEBPACK_IMPORTED_MODULE_8__/* .capturedSnapshot */ .Ly)(context);
    const refs = hasTargets ? (0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .targetRefs */ .iT)(context) : [];
    const rollouts = refs.length
        ? await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Rollout', () => (0,_rollouts_js__WEBPACK_IMPORTED_MODULE_12__/* .waitForRollouts */ .h)(context, refs))
        : [];
    const unfinished = rollouts
        .filter((r) => r.state !== 'done')
        .map((r) => `${r.target}: the rollout ${r.state === 'failed' ? 'failed' : 'could not be read'}: ${r.message}`);
    const expected = await expectedImages(context, refs, snapshot);
    // The baselines are from before the release now running (the capture's, when there is one).
    const baselines = sources.length
        ? await (0,_metrics_baselines_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveBaselines */ .dA)(sources, snapshot?.baselines, await (0,_decide_gather_js__WEBPACK_IMPORTED_MODULE_2__/* .deployTime */ .n0)(context, refs, snapshot), config.baselineWindowMs)
        : {};
    const verification = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Verify', () => (0,_verify_verify_js__WEBPACK_IMPORTED_MODULE_9__/* .verifyState */ .FI)(context, {
        expected,
        sources,
        baselines: Object.fromEntries(Object.entries(baselines).map(([k, b]) => [k, b.value])),
        problems: unfinished,
    }));
    const line = verification.verified
        ? `verified: ${[
            refs.length
                ? `${refs.length} target${refs.length === 1 ? '' : 's'} rolled out as expected`
                : '',
            checks.length ? `${checks.length} smoke check${checks.length === 1 ? '' : 's'} passed` : '',
            sources.length ? verification.stability.detail : '',
        ]
            .filter(Boolean)
            .join('; ')}`
        : `not verified: ${verification.problem ?? ''}`;
    if (verification.verified)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line);
    if (context.env.GITHUB_STEP_SUMMARY)
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
            .addRaw(`## ${verification.verified ? '✅' : '❌'} rollback-action: ${line.split(':')[0]}\n\n`)
            .addRaw((0,_report_verify_summary_js__WEBPACK_IMPORTED_MODULE_7__/* .verificationSection */ .P)(verification))
            .write();
    return {
        outputs: { [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Outputs */ .tY.Verified]: String(verification.verified) },
        report: {
            verified: verification.verified,
            rollout: rollouts.map(_report_json_js__WEBPACK_IMPORTED_MODULE_13__/* .rolloutReport */ .eE),
            verification: (0,_report_json_js__WEBPACK_IMPORTED_MODULE_13__/* .verificationReport */ .st)(verification),
        },
        ...(verification.verified ? {} : { failure: line }),
    };
}
/** What each target should run: the snapshot's images when it has the target, else its template's. */
async function expectedImages(context, refs, snapshot) {
    return Promise.all(refs.map(async (ref) => {
        const captured = snapshot ? (0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_5__/* .findCaptured */ .SW)(snapshot, ref) : undefined;
        if (captured)
            return { ref, images: captured };
        try {
            const workload = await (0,_kube_client_js__WEBPACK_IMPORTED_MODULE_4__/* .clientFor */ .$V)(context.kube(), ref.context).getWorkload(ref.kind, ref.namespace, ref.name);
            return {
                ref,
                images: { images: (0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_5__/* .imagesOf */ .IC)(workload.spec.template), digests: {} },
                against: 'its template',
            };
        }
        catch (error) {
            // Unreadable now: the image check says so (it reads the target again).
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`${ref.name}: template not read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(error)}`);
            return { ref, images: { images: {}, digests: {} }, against: 'its template' };
        }
    }));
}


/***/ })

};
