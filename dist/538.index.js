export const id = 538;
export const ids = [538];
export const modules = {

/***/ 4538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollback: () => (/* binding */ rollback)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/bounded.ts
var bounded = __webpack_require__(6586);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
// EXTERNAL MODULE: ./src/parse-error.ts
var parse_error = __webpack_require__(8567);
;// CONCATENATED MODULE: ./src/decide/plan-file.ts
/**
 * The `plan` input: the plan a guard made when approval was required, handed to `mode:
 * rollback` in a job a person approved. It is read strictly: an action of an unknown kind, a
 * stage without actions or a plan of another version is refused before anything is done.
 */




const isFullSha = (value) => typeof value === 'string' && /^[0-9a-f]{40}$/.test(value);
const KINDS = [
    'feature-flag',
    'migration-down',
    'kubernetes',
    'git-revert',
    'command',
];
const problem = (why) => new errors/* UserError */.yo(`input 'plan': ${why}; pass the 'plan' output of a guard step unchanged`);
function readPlan(value) {
    const file = /^\s*[{[]/.test(value) ? undefined : value.trim();
    let text = value;
    if (file !== undefined) {
        try {
            text = (0,bounded/* readFileBounded */.Y1)(file, limits/* LIMITS */.b.snapshotFile);
        }
        catch (error) {
            if (error instanceof bounded/* TooLargeError */.qB)
                throw problem(`${(0,errors/* quote */.hD)(file)} is larger than ${(0,limits/* formatBytes */.z)(error.limit)}`);
            throw new errors/* UserError */.yo(`input 'plan': neither JSON nor a readable file: ${(0,errors/* quote */.hD)(file)}`);
        }
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw problem(`not JSON (${(0,parse_error/* parseErrorLine */.E)(error)})`);
    }
    return checkPlan(parsed);
}
/** The plan's shape, checked where a wrong value would do something else than was approved. */
function checkPlan(value) {
    const plan = value;
    if (plan === null || typeof plan !== 'object' || Array.isArray(plan))
        throw problem('not a rollback plan (expected an object)');
    if (plan.version !== 1)
        throw problem(`version ${(0,errors/* quote */.hD)(plan.version)}; this release reads version 1`);
    if (!Array.isArray(plan.stages))
        throw problem('no stages');
    // Read as unknown: the input is whatever a person pasted, whatever the type says.
    plan.stages.forEach((value, i) => {
        const stage = value;
        if (!stage ||
            typeof stage.name !== 'string' ||
            typeof stage.why !== 'string' ||
            !Array.isArray(stage.actions) ||
            !stage.actions.length)
            throw problem(`stage ${i + 1} has no name, no why or no actions`);
        for (const item of stage.actions) {
            const action = item;
            const kind = action?.kind;
            if (!KINDS.includes(kind))
                throw problem(`stage ${(0,errors/* quote */.hD)(stage.name)}: unknown action ${(0,errors/* quote */.hD)(kind)}`);
            if (kind === 'kubernetes' && !Array.isArray(action?.targets))
                throw problem(`stage ${(0,errors/* quote */.hD)(stage.name)}: a kubernetes action without targets`);
            if (kind === 'git-revert' && !isFullSha(action?.revert?.base))
                throw problem(`stage ${(0,errors/* quote */.hD)(stage.name)}: a git revert without a base commit`);
        }
    });
    // What flags, steps and the down-migration run travels with the plan: each must be there.
    const specs = plan
        .specs;
    const named = (list) => Array.isArray(list)
        ? list.flatMap((x) => typeof x.name === 'string' ? [x.name] : [])
        : [];
    const flags = named(specs?.flags);
    const steps = named(specs?.steps);
    for (const stage of plan.stages)
        for (const action of stage.actions) {
            for (const flag of action.flags ?? [])
                if (!flags.includes(flag))
                    throw problem(`flag ${(0,errors/* quote */.hD)(flag)} is named but the plan does not carry it`);
            for (const step of action.steps ?? [])
                if (!steps.includes(step))
                    throw problem(`step ${(0,errors/* quote */.hD)(step)} is named but the plan does not carry it`);
            if (action.kind === 'migration-down' && !Array.isArray(specs?.['down-command']))
                throw problem('a down-migration is named but the plan does not carry its command');
        }
    return {
        reasons: [],
        'left-alone': [],
        advice: [],
        triggers: [],
        ...plan,
    };
}

// EXTERNAL MODULE: ./src/report/plan.ts
var plan = __webpack_require__(1307);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/report/verify-summary.ts
var verify_summary = __webpack_require__(6252);
// EXTERNAL MODULE: ./src/rollback/execute.ts + 1 modules
var execute = __webpack_require__(5626);
// EXTERNAL MODULE: ./src/rollback/respond.ts + 6 modules
var respond = __webpack_require__(516);
// EXTERNAL MODULE: ./src/rollback/incident.ts + 1 modules
var rollback_incident = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/report/incident.ts
var report_incident = __webpack_require__(7182);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/kube/client.ts + 1 modules
var client = __webpack_require__(4184);
// EXTERNAL MODULE: ./src/kube/releases.ts
var releases = __webpack_require__(4219);
// EXTERNAL MODULE: ./src/modes/context.ts
var modes_context = __webpack_require__(1235);
// EXTERNAL MODULE: ./src/modes/metrics.ts + 6 modules
var metrics = __webpack_require__(6492);
;// CONCATENATED MODULE: ./src/modes/rollback.ts
















/**
 * `mode: rollback`: on demand, or to carry out a plan a guard made when approval was required
 * (input `plan`). Without a plan the decision is made here, as the guard makes it, for every
 * target: back to the captured snapshot (when a capture step ran, or `snapshot` is given), else
 * to `to-revision`; a service without targets is reverted in git. With `dry-run`, `approval:
 * required` or `strategy: none` it only plans.
 */
async function rollback(context) {
    const { config } = context;
    const approved = config.plan === undefined ? undefined : readPlan(config.plan);
    // Inputs first (the snapshot is read before any cluster is), then the clusters.
    const snapshot = (0,execute/* capturedSnapshot */.Ly)(context);
    const refs = approved ? [] : config.targets.value.length ? (0,modes_context/* targetRefs */.iT)(context) : [];
    if (approved)
        checkPlanContexts(approved, context);
    if (config.reason)
        core/* info */.pq(`Reason: ${config.reason}`);
    const failingNames = new Set(approved?.triggers ?? []);
    const stored = Object.fromEntries(Object.entries(snapshot?.baselines ?? {}).map(([name, b]) => [name, b.value]));
    // An approved plan judges again what failed; a manual rollback shows every trigger passes
    // (a relative one only against the capture's baseline: the one before now is the bad release's).
    const sources = approved
        ? approved.stages.some((s) => s['verify-ms'] !== undefined)
            ? (0,metrics/* triggerSources */.f)(context).filter((s) => failingNames.has(s.trigger.rule.name))
            : []
        : judgeable(context, stored);
    const reason = config.reason ?? (approved ? 'an approved plan' : 'a manual rollback');
    const response = await (0,respond/* respond */.uf)(context, {
        refs,
        failing: [{ name: 'manual' }],
        manual: approved === undefined,
        snapshot,
        verdict: 'manual',
        headline: reason,
        rejudge: { sources, baselines: stored },
        ...(approved ? { approved } : {}),
    });
    const { run } = response;
    const deployments = await (0,respond/* markRolledBackDeployment */.oK)(context, run, run.summary);
    const actor = context.env.GITHUB_ACTOR;
    // When the undone release went out (for the incident only, read after the undo, never
    // before it): the capture's time, else its revision's, else the decision's.
    const deployedAt = snapshot
        ? Date.parse(snapshot.capturedAt)
        : (0,rollback_incident/* incidentDue */.Z5)(context, run.verdict)
            ? ((await undoneReleaseTime(context, response.kubernetes.results)) ?? response.decidedAt)
            : response.decidedAt;
    const incident = await (0,rollback_incident/* fileIncident */.ZW)(context, (0,rollback_incident/* responseFacts */.Zc)(context, refs, response, {
        verdict: run.verdict,
        // A person chose to roll back: the severity is theirs to set in the issue.
        severity: undefined,
        headline: `${approved ? 'an approved plan carried out' : 'a manual rollback'}${actor ? ` by ${actor}` : ''}: ${reason}; ${run.summary}`,
        deployedAt,
        detectedAt: response.decidedAt,
        states: [],
        observations: {},
        range: await (0,rollback_incident/* incidentRange */.OQ)(context, refs, response, snapshot),
    }, approved === undefined));
    if (context.env.GITHUB_STEP_SUMMARY) {
        const to = approved ? 'the approved plan' : (0,execute/* describeDestination */.aC)((0,execute/* chooseDestination */.gV)(context));
        await core/* summary */.z
            .addRaw(`## rollback-action: ${run.verdict}\n\n`)
            .addRaw(`${approved ? 'Carried out' : 'Back to'} ${to}${config.reason ? `, because: ${(0,markdown/* escapeText */.X1)(config.reason)}` : ''}: ${run.summary}. ${response.seconds.toFixed(1)} s in all.\n\n`)
            .addRaw((0,plan/* planSection */.l)((0,respond/* sectionOf */.ZE)(response)))
            .addRaw(response.verification ? (0,verify_summary/* verificationSection */.P)(response.verification) : '')
            .addRaw((0,report_incident/* incidentNote */.Z7)(incident))
            .addEOL()
            .write();
    }
    const outputs = {
        [constants/* Outputs */.tY.Verdict]: run.verdict,
        [constants/* Outputs */.tY.Strategy]: run.strategy,
        [constants/* Outputs */.tY.RolledBack]: String(run.rolledBack),
        ...(run.changed ? { [constants/* Outputs */.tY.RollbackSeconds]: response.secondsToVerified.toFixed(1) } : {}),
        ...(response.verification
            ? { [constants/* Outputs */.tY.Verified]: String(response.verification.verified) }
            : {}),
        ...(incident && 'url' in incident ? { [constants/* Outputs */.tY.IncidentUrl]: incident.url } : {}),
        [constants/* Outputs */.tY.Plan]: JSON.stringify(response.plan),
    };
    const report = {
        verdict: run.verdict,
        strategy: run.strategy,
        reason: config.reason ?? null,
        approved: approved !== undefined,
        decision: response.plan,
        rollback: (0,respond/* rollbackReport */.F3)(response),
        deployments: deployments ?? null,
        incident: incident ?? null,
        verification: response.verification ? (0,json/* verificationReport */.st)(response.verification) : null,
    };
    return { outputs, report, failure: run.verdict === 'rolled-back' ? undefined : run.failure };
}
/** Every context an approved plan acts in must be one this run can reach: checked first. */
function checkPlanContexts(plan, context) {
    const wanted = [
        ...new Set(plan.stages.flatMap((s) => s.actions.flatMap((a) => (a.targets ?? []).map((t) => t.context)))),
    ];
    if (wanted.length === 0)
        return;
    const known = [...context.kube().keys()];
    const missing = wanted.filter((c) => !known.includes(c));
    if (missing.length)
        throw new errors/* UserError */.yo(`input 'plan': it acts in context${missing.length === 1 ? '' : 's'} ${missing.map((c) => `'${c}'`).join(', ')}, which the kubeconfig here does not have (${known.join(', ') || 'none'}); nothing was done`);
}
/** When the newest of the undone revisions was created: the bad release's deploy time. */
async function undoneReleaseTime(context, results) {
    const times = await Promise.all(results
        .filter((r) => r.outcome === 'rolled-back' && r.fromRevision !== undefined)
        .map(async (r) => {
        const read = await (0,releases/* readReleases */.t)((0,client/* clientFor */.$V)(context.kube(), r.context), r).catch(() => undefined);
        return read?.releases.find((release) => release.revision === r.fromRevision)?.at;
    }));
    const known = times.filter((t) => t !== undefined);
    return known.length ? Math.max(...known) : undefined;
}
/**
 * Every trigger a manual rollback can judge afterwards: a relative one only against the
 * capture's baseline. A metrics setting that does not resolve never stops the rollback.
 */
function judgeable(context, stored) {
    try {
        return (0,metrics/* triggerSources */.f)(context).filter((s) => s.trigger.rule.relativePercent === undefined || stored[s.trigger.rule.name] !== undefined);
    }
    catch (error) {
        core/* warning */.$e(`rollback-action: the triggers cannot be judged after the rollback: ${(0,errors/* messageOf */.bD)(error)}`);
        return [];
    }
}


/***/ })

};
