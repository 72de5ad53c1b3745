export const id = 777;
export const ids = [777];
export const modules = {

/***/ 2115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YM: () => (/* binding */ rolloutTrigger),
/* harmony export */   fb: () => (/* binding */ ROLLOUT_TRIGGER)
/* harmony export */ });
/* unused harmony export ROLLOUT_SEVERITY */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8992);

const ROLLOUT_TRIGGER = 'rollout';
/** The old pods still serve while a rollout hangs: serious, not an outage (runbook P1). */
const ROLLOUT_SEVERITY = 'P1';
function rolloutTrigger(outcomes) {
    const failed = outcomes.filter((o) => o.state === 'failed');
    const unknown = outcomes.filter((o) => o.state === 'unknown');
    const list = (items) => items.map((o) => `${o.target}: ${o.message}`).join('; ');
    const base = {
        name: ROLLOUT_TRIGGER,
        severity: ROLLOUT_SEVERITY,
        threshold: 0,
        baseline: undefined,
        breachingSince: undefined,
        fastFailed: false,
    };
    if (failed.length)
        return { ...base, status: 'fail', value: failed.length, detail: list(failed) };
    if (unknown.length)
        return { ...base, status: 'no-data', value: undefined, detail: list(unknown) };
    return {
        ...base,
        status: 'pass',
        value: 0,
        detail: outcomes.length ? `${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .L)(outcomes.length, 'target')} rolled out` : 'no targets',
    };
}


/***/ }),

/***/ 7777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OP: () => (/* binding */ decisionFacts),
/* harmony export */   Vd: () => (/* binding */ scopeProblems),
/* harmony export */   WD: () => (/* binding */ failingTriggers),
/* harmony export */   Yh: () => (/* binding */ rangeBases),
/* harmony export */   j_: () => (/* binding */ readEvent),
/* harmony export */   lg: () => (/* binding */ gitOpsOwners),
/* harmony export */   n0: () => (/* binding */ deployTime),
/* harmony export */   ne: () => (/* binding */ rangeNotes),
/* harmony export */   nr: () => (/* binding */ rangeFacts)
/* harmony export */ });
/* unused harmony exports FLAG_VERIFY_MS, lastGoodSha, pushBefore */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _analysis_rollout_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2115);
/* harmony import */ var _analysis_rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5849);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7607);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(8992);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _kube_types_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(6384);
/* harmony import */ var _kube_ledger_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5392);
/* harmony import */ var _kube_releases_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4219);
/* harmony import */ var _kube_snapshot_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7261);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8993);
/* harmony import */ var _migrations_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7995);
/* harmony import */ var _range_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5177);
/**
 * The facts the decision needs, gathered from the outside world once: which triggers failed and
 * where they apply, who manages each target (GitOps), the deployed commit range read with real
 * git, and the migrations in it. Everything that can fail here becomes a stated fact ("the
 * range could not be read: ..."), never a thrown error: a failed deploy still gets its plan.
 */














const BASE_SOURCES = ['to-revision', 'last-good', 'push-before', 'first-parent'];
const isBaseSource = (from) => BASE_SOURCES.includes(from);
/** How long the failing triggers are judged again after the flags are off (the issue's 2m). */
const FLAG_VERIFY_MS = 120_000;
/** The failing triggers with their scope (`context:`, `targets:`; a rollout: its targets). */
function failingTriggers(judgement, config, rollout, refs) {
    const specs = (0,_analysis_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .triggersOf */ .XJ)(config.policy);
    return judgement.failing.map((state) => {
        if (state.name === _analysis_rollout_js__WEBPACK_IMPORTED_MODULE_11__/* .ROLLOUT_TRIGGER */ .fb) {
            const failed = new Set(rollout.filter((o) => o.state === 'failed').map((o) => o.target));
            return {
                name: state.name,
                refs: refs.filter((r) => failed.has((0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_7__/* .describeRef */ .Ro)(r))).map(_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_7__/* .refKey */ .XF),
            };
        }
        const spec = specs.find((s) => s.name === state.name);
        const targets = spec?.targets?.flatMap((text) => {
            const parsed = (0,_targets_js__WEBPACK_IMPORTED_MODULE_8__/* .parseTarget */ .hu)(text);
            return 'error' in parsed
                ? []
                : [
                    {
                        kind: parsed.kind,
                        name: parsed.name,
                        ...(parsed.namespace ? { namespace: parsed.namespace } : {}),
                    },
                ];
        });
        return {
            name: state.name,
            ...(spec?.context ? { context: spec.context } : {}),
            ...(targets?.length ? { targets } : {}),
        };
    });
}
/**
 * Who manages each target: from the capture, else read from the cluster now. The workloads
 * read are returned too, so an undo right after reuses them instead of reading again.
 */
async function gitOpsOwners(clients, refs, snapshot) {
    const owners = {};
    const read = new Map();
    await Promise.all(refs.map(async (ref) => {
        const captured = snapshot ? (0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_7__/* .findCaptured */ .SW)(snapshot, ref) : undefined;
        if (captured) {
            owners[(0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_7__/* .refKey */ .XF)(ref)] = captured.gitops;
            return;
        }
        const workload = await clients
            .get(ref.context)
            ?.getWorkload(ref.kind, ref.namespace, ref.name)
            .catch(() => undefined);
        if (workload)
            read.set((0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_7__/* .refKey */ .XF)(ref), workload);
        owners[(0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_7__/* .refKey */ .XF)(ref)] = workload ? (0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_7__/* .gitOpsOf */ .eM)(workload) : undefined;
    }));
    return { owners, read };
}
/** The ledger's last verified-good commit of the first target, when there is one. */
async function lastGoodSha(clients, refs) {
    const ref = refs[0];
    const client = ref ? clients.get(ref.context) : undefined;
    if (!ref || !client)
        return undefined;
    try {
        return (0,_kube_ledger_js__WEBPACK_IMPORTED_MODULE_5__/* .lastGood */ .mC)(await (0,_kube_ledger_js__WEBPACK_IMPORTED_MODULE_5__/* .readLedger */ .SC)(client, ref.namespace), ref.kind, ref.name).entry.sha;
    }
    catch {
        return undefined;
    }
}
/** The event that started this run (GITHUB_EVENT_PATH), when it can be read. */
function readEvent(env) {
    const file = env.GITHUB_EVENT_PATH;
    if (!file || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** The push event's `before`, when this run was started by a push. */
function pushBefore(env) {
    if (env.GITHUB_EVENT_NAME !== 'push')
        return undefined;
    const before = readEvent(env)?.before;
    return typeof before === 'string' ? before : undefined;
}
/** The deployed range and its migrations, or why they could not be read. */
async function rangeFacts(git, workspace, head, bases, config, log) {
    if (!head)
        return { error: 'no deployed commit (GITHUB_SHA is not set)' };
    if (!git || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(workspace, '.git')))
        return {
            error: 'no git checkout in the workspace (run actions/checkout before this step); migrations not checked',
        };
    const settings = {
        paths: config.policy.migrations?.paths,
        replaceDefaults: config.policy.migrations?.['replace-defaults'],
    };
    const globs = (0,_migrations_js__WEBPACK_IMPORTED_MODULE_9__/* .migrationGlobs */ .Sh)(settings);
    try {
        const recorded = bases.recorded;
        const candidates = (0,_range_js__WEBPACK_IMPORTED_MODULE_10__/* .baseCandidates */ .qr)(bases);
        const range = await (0,_range_js__WEBPACK_IMPORTED_MODULE_10__/* .readDeployedRange */ .SG)(git, head, recorded && isBaseSource(recorded.from)
            ? [{ sha: recorded.sha, from: recorded.from }, ...candidates]
            : candidates, {
            isMigration: (file) => (0,_migrations_js__WEBPACK_IMPORTED_MODULE_9__/* .isMigrationPath */ .y6)(file, globs),
            log,
        });
        return { range, migrations: (0,_migrations_js__WEBPACK_IMPORTED_MODULE_9__/* .classifyRange */ .iU)(range.files, settings) };
    }
    catch (error) {
        return { error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error) };
    }
}
/** Where the deployed range may start, for this run (the capture's choice first, when it made one). */
async function rangeBases(context, clients, refs, snapshot) {
    const to = context.config.toRevision.value;
    const lastGood = await lastGoodSha(clients, refs);
    const before = pushBefore(context.env);
    return {
        ...(to.kind === 'commit' ? { toRevision: to.sha } : {}),
        ...(lastGood ? { lastGoodSha: lastGood } : {}),
        ...(before ? { pushBefore: before } : {}),
        ...(snapshot?.base && to.kind !== 'commit' ? { recorded: snapshot.base } : {}),
    };
}
/** The decision's facts, from what was gathered. */
function decisionFacts(config, parts) {
    const policy = config.policy;
    const flags = (policy.flags ?? []).map((f) => ({
        name: f.name,
        verifyMs: f['verify-window'] === undefined
            ? FLAG_VERIFY_MS
            : ((0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E9)(f['verify-window']) ?? FLAG_VERIFY_MS),
    }));
    const { range, error } = parts.range;
    return {
        strategy: config.strategy.value,
        strategyChosen: config.strategy.from !== 'default',
        refs: parts.refs,
        gitops: parts.gitops,
        failing: parts.failing,
        // A manual rollback asks for the release back: flags only when asked for by name.
        flags: parts.manual && config.strategy.value !== 'feature-flag' ? [] : flags,
        steps: (policy.steps ?? []).map((s) => s.name),
        range: range
            ? { base: range.base, head: range.head, from: range.baseFrom, commits: range.commits.length }
            : { error: error ?? 'not read' },
        ...(parts.range.migrations ? { migrations: parts.range.migrations } : {}),
        downCommand: (policy.migrations?.['down-command']?.length ?? 0) > 0,
        git: {
            delivery: policy.git?.delivery ?? 'pull-request',
            ...(policy.git?.branch ? { branch: policy.git.branch } : {}),
            mode: policy.git?.revert ?? 'one',
            revertPrAfterUndo: policy.git?.['revert-pr-after-undo'] ?? false,
        },
    };
}
/** What capture says about the range it is about to deploy, one line each. */
function rangeNotes(facts) {
    if (!facts.range)
        return [{ text: `deployed range: not read (${facts.error ?? 'unknown'})`, warn: false }];
    const { range, migrations } = facts;
    const lines = [
        {
            text: `deployed range ${range.base.slice(0, 7)}..${range.head.slice(0, 7)} (base from ${range.baseFrom}): ${(0,_text_js__WEBPACK_IMPORTED_MODULE_12__/* .plural */ .L)(range.commits.length, 'commit')}`,
            warn: false,
        },
    ];
    for (const file of migrations?.files ?? []) {
        const destructive = file.findings.filter((f) => f.effect === 'destructive');
        if (destructive.length)
            lines.push(...destructive.map((f) => ({
                text: `${file.path}:${f.line}: ${f.statement}: ${f.why}. A point of no return: if this deploy fails, it is not rolled back automatically (fix forward, or approve the plan)`,
                warn: true,
            })));
        else
            lines.push({
                text: `${file.path}: ${file.kind === 'additive' ? 'additive' : 'no schema change the previous release needs'}`,
                warn: false,
            });
    }
    return lines;
}
/**
 * Trigger scopes that cover nothing this run acts on: a typo in `context:` or `targets:` would
 * leave a failing deploy alone ("scoped elsewhere"), so it stops the run before the watch.
 */
function scopeProblems(config, refs) {
    if (refs.length === 0)
        return [];
    const contexts = [...new Set(refs.map((r) => r.context))];
    const where = config.policyFile ?? 'the policy';
    return (0,_analysis_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .triggersOf */ .XJ)(config.policy).flatMap((spec) => {
        const problems = [];
        if (spec.context !== undefined && !contexts.includes(spec.context))
            problems.push(`${where}: trigger '${spec.name}': context '${spec.context}' is not one this run acts on (${contexts.join(', ')}); a failure there would roll nothing back`);
        for (const text of spec.targets ?? []) {
            const parsed = (0,_targets_js__WEBPACK_IMPORTED_MODULE_8__/* .parseTarget */ .hu)(text);
            const covered = !('error' in parsed) &&
                refs.some((r) => r.kind === parsed.kind &&
                    r.name === parsed.name &&
                    (parsed.namespace === undefined || parsed.namespace === r.namespace));
            if (!covered)
                problems.push(`${where}: trigger '${spec.name}': target '${text}' is not one of the targets (${[...new Set(refs.map((r) => `${(0,_kube_types_js__WEBPACK_IMPORTED_MODULE_13__/* .kindName */ .E)(r.kind)}/${r.name}`))].join(', ')}); a failure would roll nothing back`);
        }
        return problems;
    });
}
/** The capture's time, else when the running revision was created, else now. */
async function deployTime(context, refs, snapshot) {
    if (snapshot)
        return Date.parse(snapshot.capturedAt);
    if (refs.length === 0)
        return context.clock.now();
    const clients = context.kube();
    const times = await Promise.all(refs.map(async (ref) => {
        const client = clients.get(ref.context);
        return client
            ? (await (0,_kube_releases_js__WEBPACK_IMPORTED_MODULE_6__/* .readReleases */ .t)(client, ref).catch(() => undefined))?.current?.at
            : undefined;
    }));
    const known = times.filter((t) => t !== undefined);
    return known.length ? Math.max(...known) : context.clock.now();
}


/***/ }),

/***/ 5177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B1: () => (/* binding */ assertSha),
/* harmony export */   BZ: () => (/* binding */ History),
/* harmony export */   SG: () => (/* binding */ readDeployedRange),
/* harmony export */   Wf: () => (/* binding */ isFullSha),
/* harmony export */   qr: () => (/* binding */ baseCandidates)
/* harmony export */ });
/* unused harmony exports MAX_RANGE_COMMITS, MAX_DEEPEN, MAX_MIGRATION_BYTES */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * The deployed commit range, read with real git: from a base (the commit the deploy replaced)
 * to the deployed head. It feeds two decisions: which migrations the deploy brought (a
 * destructive one forbids an automatic rollback) and which commits a git revert undoes. Both
 * go wrong quietly on a wrong range, so every step is checked: SHAs are validated before they
 * reach git, a base must be an ancestor of the head, and what a shallow checkout lacks is
 * fetched, or the error says how to make the checkout deep enough.
 */


/** SHA-1 (40) or SHA-256 (64) object names, lower case. */
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** An abbreviated SHA as `to-revision` takes it: a commit has at least one letter. */
const SHORT_SHA = /^[0-9a-f]{7,64}$/;
/** The `before` of a push that created the branch. */
const ZERO_SHA = /^(?:0{40}|0{64})$/;
const MAX_RANGE_COMMITS = 5000;
/** How far a shallow checkout is deepened, in steps (small ranges are the common case). */
const DEEPEN_STEPS = [10, 40, 150, 800];
const MAX_DEEPEN = DEEPEN_STEPS.reduce((a, b) => a + b, 0);
/** Bigger migration files are left unread: classifyRange then counts them as destructive. */
const MAX_MIGRATION_BYTES = 1024 * 1024;
const FETCH_TIMEOUT_MS = 300_000;
function isFullSha(value) {
    return FULL_SHA.test(value);
}
/** Throws unless `value` is a (possibly abbreviated) hex SHA: nothing else reaches git as one. */
function assertSha(value, what, options = {}) {
    const sha = value.trim().toLowerCase();
    const ok = options.full ? FULL_SHA.test(sha) : SHORT_SHA.test(sha);
    if (!ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)} is not a ${options.full ? 'full ' : ''}commit SHA (hexadecimal)`);
    return sha;
}
/**
 * Pure: the bases to try, in the issue's order: `to-revision` when it is a commit SHA, the
 * ledger's last-good SHA, the push event's `before` (40 zeros for a new branch: ignored);
 * readDeployedRange adds the head's first parent last. Duplicates are dropped. A to-revision
 * that names no commit (`previous`, `last-good`, a revision number) is not a base here; a
 * value that is neither, or a malformed ledger or event SHA, is refused rather than skipped.
 */
function baseCandidates(facts) {
    const out = [];
    const add = (sha, from) => {
        if (!out.some((c) => c.sha === sha))
            out.push({ sha, from });
    };
    const to = facts.toRevision?.trim();
    if (to && !/^(?:previous|last-good|[1-9]\d{0,9})$/.test(to)) {
        const sha = assertSha(to, 'to-revision');
        if (!/[a-f]/.test(sha) && !FULL_SHA.test(sha))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`to-revision ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(to)} is neither a revision number nor a SHA`);
        add(sha, 'to-revision');
    }
    if (facts.lastGoodSha?.trim())
        add(assertSha(facts.lastGoodSha, 'the last-good SHA', { full: true }), 'last-good');
    const before = facts.pushBefore?.trim();
    if (before && !ZERO_SHA.test(before))
        add(assertSha(before, "the push event's before", { full: true }), 'push-before');
    return out;
}
async function readDeployedRange(git, head, candidates, options) {
    const notes = [];
    const note = (line) => {
        notes.push(line);
        options.log?.(line);
    };
    const history = new History(git, note);
    const headSha = await history.require(assertSha(head, 'the deployed commit'), 'head');
    let chosen;
    for (const candidate of candidates) {
        const sha = await history.require(assertSha(candidate.sha, candidate.from), candidate.from);
        if (sha === headSha)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`nothing deployed between ${short(sha)} (${candidate.from}) and ${short(headSha)}: the base is the deployed commit itself`);
        if (await history.reaches(headSha, sha)) {
            chosen = { sha, from: candidate.from };
            break;
        }
        const why = history.shallow
            ? `not an ancestor of ${short(headSha)} within the ${MAX_DEEPEN} commits fetched`
            : `not an ancestor of ${short(headSha)} (another branch?)`;
        // An explicit to-revision is what the user asked for: never replaced by a guess.
        if (candidate.from === 'to-revision')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`to-revision ${short(sha)} is ${why}: a git revert goes back to an earlier commit of the deployed branch${history.shallow ? '; set fetch-depth: 0 on actions/checkout' : ''}`);
        note(`skipped ${candidate.from} ${short(sha)}: ${why}`);
    }
    chosen ??= { sha: await history.firstParent(headSha), from: 'first-parent' };
    const commits = await readCommits(git, chosen.sha, headSha);
    const files = await readFiles(git, chosen.sha, headSha, options.isMigration);
    options.log?.(`deployed range ${short(chosen.sha)}..${short(headSha)} (base from ${chosen.from}): ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .L)(commits.length, 'commit')}, ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .L)(files.length, 'migration file')}`);
    return { base: chosen.sha, baseFrom: chosen.from, head: headSha, commits, files, notes };
}
function short(sha) {
    return sha.slice(0, 7);
}
const SHALLOW_HINT = 'actions/checkout needs fetch-depth: 0 (or a depth that covers the deployed range)';
/** What the checkout has of history, and fetching what it lacks from origin (the range, the freeze). */
class History {
    git;
    note;
    shallow = false;
    checkedShallow = false;
    steps = 0;
    constructor(git, note) {
        this.git = git;
        this.note = note;
    }
    async isShallow() {
        if (!this.checkedShallow) {
            const r = await this.git.run(['rev-parse', '--is-shallow-repository']);
            this.shallow = r.stdout.trim() === 'true';
            this.checkedShallow = true;
        }
        return this.shallow;
    }
    async resolve(sha) {
        const r = await this.git.run(['rev-parse', '--verify', '--quiet', `${sha}^{commit}`], {
            allowFail: true,
        });
        const full = r.stdout.trim();
        return r.code === 0 && isFullSha(full) ? full : undefined;
    }
    /** The full SHA of a commit, fetched from origin when the checkout lacks it. */
    async require(sha, what) {
        const present = await this.resolve(sha);
        if (present)
            return present;
        if (isFullSha(sha)) {
            // In a shallow checkout the commit alone is enough: its ancestry comes by deepening.
            const depth = (await this.isShallow()) ? ['--depth=1'] : [];
            const r = await this.git.run(['fetch', '--no-tags', '--quiet', ...depth, 'origin', sha], {
                auth: true,
                allowFail: true,
                timeoutMs: FETCH_TIMEOUT_MS,
            });
            const fetched = r.code === 0 ? await this.resolve(sha) : undefined;
            if (fetched) {
                this.note(`fetched ${what} ${short(sha)}, which the checkout lacked`);
                return fetched;
            }
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`commit ${sha} (${what}) is not in the checkout and could not be fetched from origin${isFullSha(sha) ? '' : ' (give the full SHA)'}: ${SHALLOW_HINT}`);
    }
    async isAncestor(ancestor, of) {
        const r = await this.git.run(['merge-base', '--is-ancestor', ancestor, of], {
            allowFail: true,
        });
        if (r.code === 0)
            return true;
        if (r.code === 1)
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`git merge-base: ${r.stderr.trim().split('\n').at(-1) ?? `exit ${r.code ?? 'by signal'}`}`);
    }
    /** Whether `base` is an ancestor of `head`, deepening a shallow checkout up to a bound. */
    async reaches(head, base) {
        if (await this.isAncestor(base, head))
            return true;
        while (await this.deepen(head))
            if (await this.isAncestor(base, head))
                return true;
        return false;
    }
    /** Fetches the next step of history below head; false when there is nothing more to get. */
    async deepen(head) {
        if (!(await this.isShallow()))
            return false;
        const step = DEEPEN_STEPS[this.steps];
        if (step === undefined)
            return false;
        const before = await this.count(head);
        const r = await this.git.run(['fetch', '--no-tags', '--quiet', `--deepen=${step}`, 'origin', head], { auth: true, allowFail: true, timeoutMs: FETCH_TIMEOUT_MS });
        if (r.code !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`could not deepen the shallow checkout (git fetch: ${r.stderr.trim().split('\n').at(-1) ?? ''}): ${SHALLOW_HINT}`);
        this.steps += 1;
        this.checkedShallow = false;
        const after = await this.count(head);
        if (after > before)
            this.note(`fetched ${after - before} commits a shallow checkout lacked`);
        return after > before;
    }
    async count(head) {
        const r = await this.git.run(['rev-list', '--count', head]);
        return Number(r.stdout.trim());
    }
    /** The head's first parent: the base when no candidate is an ancestor. */
    async firstParent(head) {
        for (;;) {
            const parent = await this.resolve(`${head}^1`);
            if (parent)
                return parent;
            if (!(await this.deepen(head)))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the deployed commit ${short(head)} has no parent in the checkout${this.shallow ? `: ${SHALLOW_HINT}` : ' (it is the first commit)'}`);
        }
    }
}
async function readCommits(git, base, head) {
    const r = await git.run([
        'log',
        '--topo-order',
        `--max-count=${MAX_RANGE_COMMITS + 1}`,
        '--format=%H%x00%P%x00%an%x00%s',
        `${base}..${head}`,
        '--',
    ], { maxOutput: 64 * 1024 * 1024 });
    const commits = r.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => {
        const [sha = '', parents = '', author = '', subject = ''] = line.split('\0');
        return { sha, parents: parents.split(' ').filter(Boolean), subject, author };
    });
    if (commits.length > MAX_RANGE_COMMITS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the deployed range ${short(base)}..${short(head)} has more than ${MAX_RANGE_COMMITS} commits: is the base right?`);
    return commits;
}
const STATUS = {
    A: 'added',
    C: 'added',
    M: 'modified',
    T: 'modified',
    D: 'deleted',
    R: 'renamed',
};
async function readFiles(git, base, head, isMigration) {
    // -z: paths verbatim (no quoting of unusual characters), renames as two fields.
    const r = await git.run(['diff', '--name-status', '-z', '-M', base, head, '--'], {
        maxOutput: 64 * 1024 * 1024,
    });
    const fields = r.stdout.split('\0');
    const files = [];
    for (let i = 0; i < fields.length;) {
        const code = fields[i++] ?? '';
        if (!code)
            continue;
        const letter = code.charAt(0);
        const renamed = letter === 'R' || letter === 'C';
        const previousPath = renamed ? fields[i++] : undefined;
        const path = fields[i++] ?? '';
        const status = STATUS[letter] ?? 'modified';
        if (!isMigration(path) && !(previousPath !== undefined && isMigration(previousPath)))
            continue;
        const file = { path, status };
        if (letter === 'R')
            file.previousPath = previousPath;
        if (status !== 'deleted') {
            const text = await readBlob(git, head, path);
            if (text !== undefined)
                file.text = text;
        }
        if (status === 'modified') {
            const previousText = await readBlob(git, base, path);
            if (previousText !== undefined)
                file.previousText = previousText;
        }
        files.push(file);
    }
    return files;
}
/** A file's text at a commit; undefined when it is too big (or gone) to read. */
async function readBlob(git, commit, path) {
    const spec = `${commit}:${path}`;
    const size = await git.run(['cat-file', '-s', spec], { allowFail: true });
    if (size.code !== 0 || Number(size.stdout.trim()) > MAX_MIGRATION_BYTES)
        return undefined;
    const r = await git.run(['cat-file', 'blob', spec], {
        allowFail: true,
        maxOutput: 2 * MAX_MIGRATION_BYTES,
    });
    return r.code === 0 ? r.stdout : undefined;
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


/***/ })

};
