export const id = 390;
export const ids = [390];
export const modules = {

/***/ 6455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ZW: () => (/* binding */ fileIncident),
  Z5: () => (/* binding */ incidentDue),
  OQ: () => (/* binding */ incidentRange),
  Zc: () => (/* binding */ responseFacts)
});

// UNUSED EXPORTS: DEFAULT_INCIDENT_ON

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/bounded.ts
var bounded = __webpack_require__(6586);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/decide/freeze.ts
var freeze = __webpack_require__(4917);
// EXTERNAL MODULE: ./src/github.ts
var src_github = __webpack_require__(9248);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
// EXTERNAL MODULE: ./src/report/incident.ts
var incident = __webpack_require__(7182);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/incident-sections.ts
var incident_sections = __webpack_require__(4527);
;// CONCATENATED MODULE: ./src/report/incident-template.ts
/**
 * `incident.template`: a team's own layout with named placeholders (`{{timeline}}`,
 * `{{ verdict }}`) filled from the same facts and sections as the default body. A placeholder
 * the action does not know stays in the text as written and is reported, so a typo is seen.
 */



const at = (ms) => (ms === undefined ? 'unknown' : `${(0,incident_sections/* utc */.n$)(ms)} UTC`);
/** Every placeholder, by name: scalars are escaped text, sections whole Markdown. */
const PLACEHOLDERS = {
    title: (f) => (0,report_escape/* escapeExternal */.Zk)((0,incident/* incidentTitle */.Bl)(f), 256),
    // Both markers: the identity that finds the issue and what it froze deploys on.
    marker: (f) => (0,incident/* markersOf */.Bs)(f),
    service: (f) => (0,report_escape/* escapeExternal */.Zk)(f.service, 100),
    targets: (f, l) => f.targets
        .slice(0, l.rows)
        .map((t) => (0,report_escape/* escapeExternal */.Zk)(t, l.text))
        .join(', '),
    verdict: (f) => f.verdict,
    severity: (f) => f.severity ?? 'none',
    headline: (f, l) => (0,report_escape/* escapeExternal */.Zk)(f.headline, l.text * 2),
    actor: (f) => (f.actor ? (0,report_escape/* escapeExternal */.Zk)(f.actor, 100) : 'unknown'),
    'run-url': (f) => f.runUrl && /^https?:\/\/[^\s()<>[\]"'`]+$/.test(f.runUrl) ? f.runUrl : 'unknown',
    'deployed-at': (f) => at(f.deployedAt),
    'detected-at': (f) => at(f.detectedAt),
    'decided-at': (f) => at(f.decidedAt),
    'verified-at': (f) => at(f.verifiedAt),
    summary: incident_sections/* summarySection */.Gd,
    impact: (f) => (0,incident_sections/* impactSection */.Y_)(f),
    timeline: incident_sections/* timelineSection */.RG,
    triggers: incident_sections/* triggersSection */.b_,
    charts: incident_sections/* chartsSection */.$m,
    versions: incident_sections/* versionsSection */.FZ,
    commits: incident_sections/* commitsSection */.ET,
    decision: incident_sections/* decisionSection */.Ms,
    verification: incident_sections/* verificationSection */.Ph,
    sla: (f) => (0,incident_sections/* slaSection */.ek)(f),
    links: (f) => (0,incident_sections/* linksSection */.d4)(f),
    prompts: () => (0,incident_sections/* promptsSection */.n)(),
    checklist: (f) => (0,incident_sections/* checklistSection */.ep)(f),
    body: (f, l) => (0,incident/* bodySections */.VC)(f, l).join('\n'),
};
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.-]*)\s*\}\}/g;
/** `{{Run_URL}}` is `run-url`: people write names in more than one case. */
const normal = (name) => name.toLowerCase().replace(/_/g, '-');
function fillTemplate(template, f) {
    const unknown = new Set();
    // The markers are how the next event and the deploy freeze find this issue: a template
    // cannot leave them out.
    const withMarker = /\{\{\s*marker\s*\}\}/i.test(template) ? template : `{{marker}}\n${template}`;
    const text = (0,incident/* fit */.Uj)((l) => 
    // One pass: a value that contains `{{x}}` is not filled again.
    withMarker.replace(PLACEHOLDER, (whole, name) => {
        const key = normal(name);
        // Own keys only: `{{constructor}}` is not a placeholder.
        const filler = Object.hasOwn(PLACEHOLDERS, key) ? PLACEHOLDERS[key] : undefined;
        if (filler)
            return filler(f, l);
        unknown.add(name);
        return whole;
    }));
    return { text, unknown: [...unknown] };
}

// EXTERNAL MODULE: ./src/report/incident-of-run.ts + 1 modules
var incident_of_run = __webpack_require__(9678);
// EXTERNAL MODULE: ./src/decide/gather.ts
var gather = __webpack_require__(7777);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/rollback/incident.ts
/**
 * Files the incident after a rollback, or comments on the open one for the same targets (found
 * by the hidden marker), with `github-token`. Best effort: whatever GitHub answers, the
 * rollback stands, the step's result is the rollback's, and a failure is one warning.
 */











/**
 * The deployed commits for the incident: the range the decision read from the checkout, else
 * (no checkout, or too shallow) GitHub's compare from the base the ledger, the capture or the
 * push names to the deployed commit. Only when an incident is due; never an error.
 */
async function incidentRange(context, refs, response, snapshot) {
    if (response.range)
        return response.range;
    const head = context.run.sha;
    const github = context.github();
    if (!head || !github || !incidentDue(context, response.run.verdict))
        return undefined;
    try {
        const bases = await (0,gather/* rangeBases */.Yh)(context, refs.length ? context.kube() : new Map(), refs, snapshot);
        const base = bases.recorded?.sha ?? bases.lastGoodSha ?? bases.pushBefore ?? bases.toRevision;
        if (!base || /^0+$/.test(base) || base === head)
            return undefined;
        const commits = await github.compareCommits(base, head);
        core/* info */.pq(`Deployed commits for the incident, from GitHub: ${base.slice(0, 12)}..${head.slice(0, 12)}, ${commits.length}`);
        return { base, head, commits };
    }
    catch (error) {
        core/* info */.pq(`The deployed commits could not be read from GitHub either: ${(0,errors/* messageOf */.bD)(error)}`);
        return undefined;
    }
}
/** The incident's facts from a response (guard's or rollback's) and what the mode saw. */
function responseFacts(context, refs, response, seen, 
/** A manual rollback: GITHUB_ACTOR ran it, and did not deploy what it undid. */
manual = false) {
    const actor = context.env.GITHUB_ACTOR;
    return (0,incident_of_run/* incidentFactsOf */.R$)({
        ...(0,incident_of_run/* incidentIdentity */.Xx)(refs, context.env.GITHUB_REPOSITORY),
        ...seen,
        decidedAt: response.decidedAt,
        kubernetes: response.kubernetes.results,
        ...(seen.range ? { range: seen.range } : response.range ? { range: response.range } : {}),
        plan: response.plan,
        run: response.run,
        ...(context.run.runUrl ? { runUrl: context.run.runUrl } : {}),
        ...(actor ? (manual ? { rolledBackBy: actor } : { actor }) : {}),
        ...(response.verification ? { verification: response.verification } : {}),
    });
}
const DEFAULT_INCIDENT_ON = [
    'rolled-back',
    'rollback-recommended',
    'rollback-failed',
];
/** Whether this run files (or comments on) an incident for `verdict`: facts are read only then. */
function incidentDue(context, verdict) {
    const on = context.config.policy.incident?.on ?? DEFAULT_INCIDENT_ON;
    return on.includes(verdict) && !context.config.dryRun && context.github() !== undefined;
}
async function fileIncident(context, reported) {
    // Without a range read, the deployed commit is what the deploy freeze waits for a revert of.
    const froze = reported.froze ?? (0,freeze/* frozeOf */.wW)(context.run.sha);
    const facts = froze ? { ...reported, froze } : reported;
    const policy = context.config.policy.incident;
    const on = policy?.on ?? DEFAULT_INCIDENT_ON;
    if (!on.includes(facts.verdict))
        return undefined;
    if (context.config.dryRun) {
        core/* info */.pq(`dry run: would file or comment on the incident '${(0,incident/* incidentTitle */.Bl)(facts)}'`);
        return undefined;
    }
    const github = context.github();
    if (!github) {
        const problem = 'no incident filed: the step has no github-token or GITHUB_REPOSITORY';
        core/* warning */.$e(`rollback-action: ${problem}`);
        return { problem };
    }
    try {
        const marker = (0,incident/* markerOf */.we)(facts);
        const open = await github.findOpenIssue('incident', marker);
        if (open) {
            const url = await github.commentOnIssue(open.number, (0,incident/* incidentComment */.Co)(facts));
            core/* info */.pq(`Incident #${open.number} is still open: commented ${url}`);
            return { action: 'commented', number: open.number, url };
        }
        const body = bodyOf(context, facts);
        const create = {
            title: (0,incident/* incidentTitle */.Bl)(facts),
            body,
            labels: (0,incident/* incidentLabels */.sV)(facts, policy?.labels ?? []),
        };
        const owner = facts.actor ?? facts.rolledBackBy;
        const assignees = policy?.assignees ?? (owner ? [owner] : []);
        const issue = await github.createIssue({ ...create, assignees }).catch((error) => {
            // An actor who cannot be assigned (a bot, an outside contributor) is GitHub's 422:
            // the incident matters more than its assignee.
            if (error instanceof src_github/* GitHubError */.y_ && error.status === 422 && assignees.length)
                return github.createIssue(create);
            throw error;
        });
        core/* info */.pq(`Incident filed: #${issue.number} ${issue.url}`);
        return { action: 'created', number: issue.number, url: issue.url };
    }
    catch (error) {
        const problem = `the incident was not filed: ${(0,errors/* messageOf */.bD)(error)}`;
        core/* warning */.$e(`rollback-action: ${problem}; the rollback stands`);
        return { problem };
    }
}
/** The policy's template, filled, or the built-in layout; a template's unknown names warn. */
function bodyOf(context, facts) {
    const file = context.config.policy.incident?.template;
    if (!file)
        return (0,incident/* incidentBody */.Ty)(facts);
    const workspace = context.env.GITHUB_WORKSPACE || process.cwd();
    try {
        const { text, unknown } = fillTemplate((0,bounded/* readFileBounded */.Y1)(external_node_path_.resolve(workspace, file), limits/* LIMITS */.b.policyFile), facts);
        if (unknown.length)
            core/* warning */.$e(`rollback-action: incident.template ${file}: unknown placeholder${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `{{${u}}}`).join(', ')}; left as written`);
        return text;
    }
    catch (error) {
        core/* warning */.$e(`rollback-action: incident.template ${file} could not be read (${(0,errors/* messageOf */.bD)(error)}); the built-in layout is used`);
        return (0,incident/* incidentBody */.Ty)(facts);
    }
}


/***/ }),

/***/ 516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oK: () => (/* binding */ markRolledBackDeployment),
  uf: () => (/* binding */ respond),
  F3: () => (/* binding */ rollbackReport),
  ZE: () => (/* binding */ sectionOf)
});

// UNUSED EXPORTS: specsOf

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/decide/gather.ts
var gather = __webpack_require__(7777);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/kube/snapshot.ts
var kube_snapshot = __webpack_require__(7261);
;// CONCATENATED MODULE: ./src/decide/plan.ts


const plan_short = (sha) => sha.slice(0, 7);
/** Which targets the failing triggers cover: all, unless every failing trigger is scoped. */
function scopeRefs(refs, failing) {
    const covers = (trigger, ref) => {
        if (trigger.refs)
            return trigger.refs.includes((0,kube_snapshot/* refKey */.XF)(ref));
        if (trigger.context !== undefined && trigger.context !== ref.context)
            return false;
        if (trigger.targets)
            return trigger.targets.some((t) => t.kind === ref.kind &&
                t.name === ref.name &&
                (t.namespace === undefined || t.namespace === ref.namespace));
        return true;
    };
    const covered = refs.filter((ref) => failing.some((t) => covers(t, ref)));
    const names = failing.map((t) => `'${t.name}'`).join(', ');
    const leftAlone = refs
        .filter((ref) => !covered.includes(ref))
        .map((ref) => ({
        target: (0,kube_snapshot/* describeRef */.Ro)(ref),
        why: `no failing trigger covers it (${names} ${failing.length === 1 ? 'is' : 'are'} scoped elsewhere)`,
    }));
    return { covered, leftAlone };
}
function migrationReasons(migrations) {
    if (!migrations || migrations.files.length === 0)
        return { reasons: migrations ? ['migrations: none in the deployed range'] : [], advice: [] };
    const files = migrations.files.map((f) => f.path);
    if (migrations.kind !== 'destructive')
        return {
            reasons: [
                `migrations: ${files.join(', ')} ${migrations.kind === 'additive' ? 'only add to the schema' : 'change nothing the previous release needs'}: the application rollback is safe, and the schema stays as it is`,
            ],
            advice: [],
        };
    const destructive = migrations.files.find((f) => f.kind === 'destructive');
    const line = destructive?.findings.find((x) => x.effect === 'destructive')?.line;
    const gateFile = destructive ? `${destructive.path}${line ? `:${line}` : ''}` : undefined;
    const findings = migrations.files.flatMap((f) => f.findings
        .filter((x) => x.effect === 'destructive')
        .map((x) => `${f.path}:${x.line}: ${x.statement} (${x.why})`));
    return {
        reasons: [`migrations: a point of no return in the deployed range: ${findings.join('; ')}`],
        advice: [
            'Fix forward: the previous release cannot run on the migrated schema, and reversing the migration loses data.',
            ...findings.map((f) => `Look at ${f}`),
            'To roll back anyway, approve the plan: mode rollback with this plan runs the down-migration command (migrations.down-command) first, when one is set.',
        ],
        gate: `a destructive migration (${gateFile ?? files[0]}) is a point of no return`,
    };
}
/** The plan for a failed deploy (or a manual rollback): stages in order, with the reasons. */
function decide(facts) {
    const reasons = [];
    const stages = [];
    const range = facts.range && 'base' in facts.range ? facts.range : undefined;
    if (facts.range && 'error' in facts.range)
        reasons.push(`deployed range: not read (${facts.range.error})`);
    else if (range)
        reasons.push(`deployed range: ${plan_short(range.base)}..${plan_short(range.head)}, ${(0,src_text/* plural */.L)(range.commits, 'commit')} (base from ${range.from})`);
    const migration = migrationReasons(facts.migrations);
    reasons.push(...migration.reasons);
    // A revert keeps the files of migrations that stay applied (not the destructive ones, which
    // only an approved down-migration reverses): the migration tool must still find them.
    const kept = (facts.migrations?.files ?? [])
        .filter((f) => f.kind !== 'destructive' && f.status !== 'deleted')
        .map((f) => f.path);
    const revert = (delivery = facts.git.delivery) => range
        ? {
            kind: 'git-revert',
            revert: {
                base: range.base,
                head: range.head,
                delivery,
                mode: facts.git.mode,
                ...(facts.git.branch ? { branch: facts.git.branch } : {}),
                ...(kept.length ? { keep: kept } : {}),
            },
        }
        : undefined;
    const noRevert = facts.range && 'error' in facts.range ? facts.range.error : 'no deployed range';
    const { covered, leftAlone } = scopeRefs(facts.refs, facts.failing);
    if (leftAlone.length)
        reasons.push(`partial rollback: ${covered.length} of ${facts.refs.length} targets (${leftAlone.map((l) => l.target).join(', ')} left alone)`);
    const strategy = facts.strategy;
    const want = (kind) => strategy === 'auto' || strategy === 'none' || strategy === kind;
    if (facts.strategyChosen && strategy !== 'auto')
        reasons.push(`strategy: ${strategy} (chosen; the facts below are shown, not followed)`);
    // 1. Feature flags: the fastest and least disruptive, and safe whatever the schema.
    if (facts.flags.length && want('feature-flag'))
        stages.push({
            name: 'feature flags off',
            why: `${facts.flags.map((f) => f.name).join(', ')} off first: the fastest way back, the schema untouched`,
            actions: [{ kind: 'feature-flag', flags: facts.flags.map((f) => f.name) }],
            'verify-ms': Math.max(...facts.flags.map((f) => f.verifyMs)),
        });
    else if (strategy === 'feature-flag')
        reasons.push('strategy feature-flag, but the policy has no flags');
    // 2. The application rollback.
    const actions = [];
    const whys = [];
    if (strategy === 'git-revert') {
        const action = revert();
        if (action) {
            actions.push(action);
            whys.push(`revert ${plan_short(range?.base ?? '')}..${plan_short(range?.head ?? '')} in git (chosen)`);
        }
        else
            reasons.push(`strategy git-revert, but nothing can be reverted: ${noRevert}`);
    }
    else if (strategy === 'command') {
        if (facts.steps.length) {
            actions.push({ kind: 'command', steps: [...facts.steps] });
            whys.push(`the policy's steps (${facts.steps.join(', ')}) (chosen)`);
        }
        else
            reasons.push('strategy command, but the policy has no steps');
    }
    else if (strategy !== 'feature-flag') {
        const gitops = covered.filter((ref) => facts.gitops[(0,kube_snapshot/* refKey */.XF)(ref)]);
        const plain = covered.filter((ref) => !facts.gitops[(0,kube_snapshot/* refKey */.XF)(ref)]);
        const undo = strategy === 'kubernetes' ? covered : plain;
        if (strategy === 'kubernetes' && gitops.length)
            reasons.push(`GitOps: ${gitops.map((r) => `${(0,kube_snapshot/* describeRef */.Ro)(r)} (${ownerOf(facts.gitops[(0,kube_snapshot/* refKey */.XF)(r)])})`).join(', ')} undone in the cluster as chosen; the next sync puts the deployed release back unless git is reverted too`);
        if (undo.length) {
            actions.push({ kind: 'kubernetes', targets: undo });
            whys.push(`undo ${(0,src_text/* plural */.L)(undo.length, 'target')} in the cluster, as kubectl rollout undo does`);
        }
        if (strategy !== 'kubernetes' && gitops.length) {
            const owners = gitops.map((r) => `${(0,kube_snapshot/* describeRef */.Ro)(r)} (${ownerOf(facts.gitops[(0,kube_snapshot/* refKey */.XF)(r)])})`);
            const action = revert();
            if (action) {
                actions.push(action);
                whys.push(`revert in git for ${owners.join(', ')}: an undo in the cluster would be put back by the next sync`);
            }
            else {
                reasons.push(`GitOps: ${owners.join(', ')} cannot be reverted in git (${noRevert}), and an undo would be put back by the next sync: left for a person`);
                for (const r of gitops)
                    leftAlone.push({
                        target: (0,kube_snapshot/* describeRef */.Ro)(r),
                        why: `managed by ${ownerOf(facts.gitops[(0,kube_snapshot/* refKey */.XF)(r)])}; ${noRevert}`,
                    });
            }
        }
        if (facts.refs.length === 0) {
            if (facts.steps.length) {
                actions.push({ kind: 'command', steps: [...facts.steps] });
                whys.push(`no Kubernetes targets: the policy's steps (${facts.steps.join(', ')})`);
            }
            else {
                const action = revert();
                if (action) {
                    actions.push(action);
                    whys.push('no Kubernetes targets: revert the deployed commits in git, so the pipeline redeploys the previous code');
                }
                else
                    reasons.push(`no Kubernetes targets, and nothing can be reverted in git: ${noRevert}`);
            }
        }
        else if (facts.steps.length) {
            actions.push({ kind: 'command', steps: [...facts.steps] });
            whys.push(`then the policy's steps (${facts.steps.join(', ')})`);
        }
    }
    if (actions.length) {
        if (facts.downCommand && facts.migrations?.kind === 'destructive')
            actions.unshift({ kind: 'migration-down' });
        const undone = actions.some((a) => a.kind === 'kubernetes');
        const reverted = actions.some((a) => a.kind === 'git-revert');
        if (undone && !reverted && facts.git.revertPrAfterUndo) {
            const action = revert('pull-request');
            if (action)
                actions.push({ ...action, 'follow-up': true });
            else
                reasons.push(`revert-pr-after-undo: no pull request (${noRevert})`);
        }
        stages.push({
            name: 'application rollback',
            why: whys.join('; '),
            actions,
            ...(migration.gate ? { gated: migration.gate } : {}),
        });
        // 3. Escalation: an undo that fails is followed by a revert, so the pipeline redeploys.
        const fallback = revert();
        if (undone && !reverted && fallback && (strategy === 'auto' || strategy === 'none'))
            stages.push({
                name: 'git revert (escalation)',
                why: 'only when the undo fails: revert the deployed commits in git',
                actions: [fallback],
                ...(migration.gate ? { gated: migration.gate } : {}),
            });
    }
    const nothing = stages.length > 0
        ? undefined
        : facts.refs.length === 0
            ? 'no targets to roll back'
            : leftAlone.length === facts.refs.length
                ? 'every target left alone'
                : 'nothing to roll back with';
    return {
        version: 1,
        strategy,
        reasons,
        stages,
        'left-alone': leftAlone,
        advice: migration.advice,
        ...(nothing ? { nothing } : {}),
        ...(range ? { range } : {}),
        triggers: facts.failing.map((t) => t.name),
    };
}
function ownerOf(marker) {
    if (!marker)
        return 'unknown';
    return marker.tool === 'argocd' ? `Argo CD application ${marker.owner}` : `Flux ${marker.owner}`;
}
/** The plan as log lines: the reasons, then each stage with its actions. */
function describePlan(plan) {
    const lines = plan.reasons.map((r) => `- ${r}`);
    plan.stages.forEach((stage, i) => {
        lines.push(`${i + 1}. ${stage.name}: ${stage.why}${stage.gated ? ` [needs approval: ${stage.gated}]` : ''}`);
    });
    for (const l of plan['left-alone'])
        lines.push(`  left alone: ${l.target}: ${l.why}`);
    for (const a of plan.advice)
        lines.push(`  advice: ${a}`);
    return lines;
}

// EXTERNAL MODULE: ./src/revision.ts
var revision = __webpack_require__(8130);
// EXTERNAL MODULE: ./src/rollback/execute.ts + 1 modules
var execute = __webpack_require__(5626);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./src/decide/range.ts
var decide_range = __webpack_require__(5177);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github.ts
var github = __webpack_require__(9248);
// EXTERNAL MODULE: ./src/process.ts
var src_process = __webpack_require__(4006);
// EXTERNAL MODULE: ./src/rollback/command.ts
var command = __webpack_require__(1245);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/metrics/http.ts
var http = __webpack_require__(7345);
// EXTERNAL MODULE: ./src/url.ts
var url = __webpack_require__(7666);
;// CONCATENATED MODULE: ./src/rollback/feature-flag.ts
/**
 * Turns one feature flag off: the fastest rollback, tried first. A flag is an HTTP request to
 * the flag service or a command (through runProgram: argv, no shell). Secrets (headers-env
 * values, URL credentials) are masked before anything is sent, and nothing the service answers
 * is printed beyond a short excerpt with every secret of the request scrubbed from it: a
 * service that echoes the request must not leak the token into the log.
 */






const DEFAULT_FLAG_TIMEOUT_MS = 30_000;
/** Bytes of an answer read at most: only an excerpt is ever shown. */
const ANSWER_BYTES = 4096;
const EXCERPT_CHARS = 200;
/** A literal body shown in a dry run up to this; a longer one by its size. */
const BODY_SHOWN = 500;
async function turnFlagOff(flag, options) {
    const timeoutMs = (flag.timeout === undefined ? undefined : (0,duration/* parseDuration */.E9)(flag.timeout)) ??
        options.defaultTimeoutMs ??
        DEFAULT_FLAG_TIMEOUT_MS;
    if (flag.request && !flag.command)
        return request(flag.name, flag.request, timeoutMs, options);
    if (flag.command && !flag.request)
        return feature_flag_command(flag.name, flag.command, timeoutMs, options);
    const detail = `flag '${flag.name}' needs exactly one of 'request' or 'command'`;
    options.log(detail);
    return { name: flag.name, outcome: 'failed', detail, elapsedMs: 0 };
}
async function feature_flag_command(name, argv, timeoutMs, options) {
    const { log } = options;
    if (options.dryRun) {
        const detail = `would run ${(0,command/* quoteArgv */.rx)(argv)}`;
        log(`flag '${name}': ${detail}`);
        return { name, outcome: 'planned', detail, elapsedMs: 0 };
    }
    log(`flag '${name}': ${(0,command/* quoteArgv */.rx)(argv)}`);
    const result = await (0,src_process/* runProgram */.m)(argv, {
        env: options.env,
        cwd: options.cwd,
        timeoutMs,
        maxOutput: 64 * 1024,
    });
    for (const line of (0,command/* outputTail */.ci)(result, 20))
        log(`  ${line}`);
    const exit = (0,src_process/* describeExit */.K)(argv[0] ?? '', result);
    const off = result.code === 0;
    log(`flag '${name}' ${off ? 'off' : `still on: ${exit}`}`);
    return { name, outcome: off ? 'off' : 'failed', detail: exit, elapsedMs: result.elapsedMs };
}
async function request(name, spec, timeoutMs, options) {
    const { log } = options;
    const method = spec.method ?? 'POST';
    const shown = `${method} ${(0,url/* redactUrl */.BO)(spec.url)}`;
    const failed = (detail, extra = {}) => {
        log(`flag '${name}': ${detail}`);
        return { name, outcome: 'failed', detail, elapsedMs: 0, request: shown, ...extra };
    };
    // Every secret is masked before anything can print or send it.
    const secrets = (0,url/* urlSecrets */.Fn)(spec.url);
    const headers = { ...spec.headers };
    const missing = [];
    for (const [header, variable] of Object.entries(spec['headers-env'] ?? {})) {
        const value = options.env[variable];
        if (value) {
            secrets.push(value);
            headers[header] = value;
        }
        else
            missing.push(`${variable} (header ${header})`);
    }
    secrets.forEach(options.setSecret);
    // A dry run says so too: the real run would fail the same way.
    if (missing.length)
        return failed(`headers-env names ${missing.length === 1 ? 'the environment variable' : 'environment variables'} ${missing.join(', ')} not set in this step (add ${missing.length === 1 ? 'it' : 'them'} under env:)`);
    const body = spec.body === undefined
        ? undefined
        : typeof spec.body === 'string'
            ? spec.body
            : JSON.stringify(spec.body);
    if (typeof spec.body === 'object' && !Object.keys(headers).some(isContentType))
        headers['Content-Type'] = 'application/json';
    const prepared = (0,http/* prepareRequest */.nd)(spec.url, headers);
    if (prepared instanceof http/* HttpFailure */.HR)
        return failed(`${shown}: ${prepared.message}`);
    if (options.dryRun) {
        const names = Object.keys(headers);
        log(`flag '${name}': would send ${shown}`);
        if (names.length)
            log(`  headers: ${names.join(', ')}`);
        if (body !== undefined)
            log(body.length <= BODY_SHOWN
                ? `  body: ${body}`
                : `  body: ${(0,limits/* formatBytes */.z)(Buffer.byteLength(body))}`);
        return {
            name,
            outcome: 'planned',
            detail: `would send ${shown}`,
            elapsedMs: 0,
            request: shown,
        };
    }
    const started = Date.now();
    const scrub = (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), (0,url/* redactUrlsIn */.$1)(text));
    let status;
    let answer;
    try {
        const response = await fetch(prepared.url, {
            method,
            headers: prepared.headers,
            ...(body !== undefined ? { body } : {}),
            // A redirect is an answer, not a switch: following it would resend the credentials elsewhere.
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        answer = await readStart(response, ANSWER_BYTES);
    }
    catch (error) {
        const failure = (0,http/* classifyFetchError */.D$)(error, timeoutMs);
        return failed(`${shown}: ${scrub(failure.message)}`, { elapsedMs: Date.now() - started });
    }
    const elapsedMs = Date.now() - started;
    const ok = spec['expect-status'] === undefined
        ? status >= 200 && status < 300
        : status === spec['expect-status'];
    if (ok) {
        const detail = `${shown} answered ${status} in ${elapsedMs} ms`;
        log(`flag '${name}' off: ${detail}`);
        return { name, outcome: 'off', detail, status, elapsedMs, request: shown };
    }
    const excerpt = scrub(answer).replace(/\s+/g, ' ').trim();
    const expected = spec['expect-status'] === undefined ? 'a 2xx' : String(spec['expect-status']);
    const detail = `${shown} answered ${status}, expected ${expected}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}${excerpt ? `: ${excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt}` : ''}`;
    return failed(detail, { status, elapsedMs });
}
function isContentType(header) {
    return header.toLowerCase() === 'content-type';
}
/**
 * The first bytes of an answer; the rest is never read (the stream is cancelled). A body cut
 * short (the timeout) keeps what came: the status already said whether the flag is off.
 */
async function readStart(response, limit) {
    const chunks = [];
    let total = 0;
    try {
        // Leaving the loop cancels the web stream: the rest is never downloaded.
        const body = (response.body ?? []);
        for await (const chunk of body) {
            chunks.push(Buffer.from(chunk));
            total += chunk.length;
            if (total >= limit)
                break;
        }
    }
    catch {
        // the excerpt is what arrived
    }
    return Buffer.concat(chunks).toString('utf8').slice(0, limit);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/git.ts
var src_git = __webpack_require__(1243);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/rollback/revert-record.ts
var revert_record = __webpack_require__(48);
;// CONCATENATED MODULE: ./src/rollback/git-revert.ts
/**
 * The git-revert executor: undoes a deployed range in git, so the normal pipeline redeploys the
 * code from before it. All work happens in a temporary worktree on the target branch's tip, so
 * the user's workspace (its checkout, index and files) is never touched, and the worktree is
 * removed whatever happens. The revert is delivered as a pull request (the default: a person
 * merges it) or pushed to the branch; a push that lost a race is rebased and retried once.
 */









/** At most this many commits since the deployed one are listed (the newest). */
const SINCE_LIMIT = 50;
/** Repository hooks (husky's pre-commit, an LFS pre-push) are the project's, not a rollback's. */
const NO_HOOKS = ['-c', 'core.hooksPath=/dev/null'];
const NETWORK_TIMEOUT_MS = 300_000;
async function revertRange(git, github, options, log) {
    const { range, delivery } = options;
    const result = {
        outcome: 'failed',
        delivery,
        branch: options.branch ?? '',
        reverted: [],
        commits: [],
        messages: [],
        diffStat: '',
    };
    const fail = (error) => {
        log(`git revert failed: ${error}`);
        return { ...result, outcome: 'failed', error };
    };
    if (range.commits.length === 0)
        return fail('the deployed range has no commits to revert');
    if (delivery === 'pull-request' && !github && !options.dryRun)
        return fail('a pull request needs a GitHub token (the github-token input)');
    const root = await (0,promises_.mkdtemp)(external_node_path_.join(process.env.RUNNER_TEMP || external_node_os_.tmpdir(), 'rollback-revert-'));
    const tree = external_node_path_.join(root, 'tree');
    let added = false;
    const inTree = (args, runOptions = {}) => git.run([...NO_HOOKS, ...args], { cwd: tree, ...runOptions });
    try {
        const chain = firstParentChain(range);
        const branch = options.branch ?? (await targetBranch(git, github));
        result.branch = branch;
        await assertBranchName(git, branch);
        const tip = await fetchBranch((args, o) => git.run(args, o), branch);
        if (!(await isAncestor(git, range.head, tip)))
            return fail(`the deployed commit ${git_revert_short(range.head)} is not on ${branch} (tip ${git_revert_short(tip)})`);
        // The branch moved on since the deploy: say what came after, and never revert past a
        // release verified healthy since (merging that revert would roll back a good release).
        if (tip !== range.head) {
            const { commits, total } = await commitsSince(git, range.head, tip, options.verified);
            result.since = commits;
            result.sinceTotal = total;
            log(`${branch} has moved past the deployed commit ${git_revert_short(range.head)}: ${(0,src_text/* plural */.L)(total, 'commit')} since`);
            const healthy = result.since.find((c) => c.verified);
            if (healthy) {
                const reason = `${branch} is already past a release verified healthy: ${git_revert_short(healthy.sha)} ${oneLine(healthy.subject)} (${healthy.verified ?? 'verified'}), newer than the deployed ${git_revert_short(range.head)}; a revert would roll back past it, so none is made: roll forward or fix forward`;
                log(reason);
                return { ...result, outcome: 'superseded', reason };
            }
        }
        await git.run([...NO_HOOKS, 'worktree', 'add', '--detach', '--quiet', tree, tip]);
        added = true;
        const made = await makeReverts(inTree, chain, options, log, tip);
        if (made.kind === 'conflict') {
            log(`git revert: conflict in ${made.paths.join(', ')}`);
            return {
                ...result,
                outcome: 'conflict',
                conflicts: made.paths,
                error: `reverting ${git_revert_short(made.commit)} conflicts with later changes on ${branch}: ${made.paths.join(', ')}`,
            };
        }
        if (made.commits.length === 0) {
            log(`nothing to revert: ${branch} already has the content from before the deploy`);
            return { ...result, outcome: 'skipped' };
        }
        result.reverted = chain.map((c) => c.sha);
        result.messages = made.messages;
        result.diffStat = await diffStat(inTree, tip);
        if (options.dryRun) {
            log(`dry run: would revert ${(0,src_text/* plural */.L)(chain.length, 'commit')} on ${branch}:\n${result.diffStat}`);
            return { ...result, outcome: 'planned' };
        }
        result.commits = made.commits;
        if (delivery === 'push')
            return await pushToBranch(inTree, branch, tip, result, log);
        return await openPullRequest(inTree, github, branch, chain, options, result, log);
    }
    catch (error) {
        return fail((0,errors/* messageOf */.bD)(error));
    }
    finally {
        const removed = !added ||
            (await git.run(['worktree', 'remove', '--force', tree], { allowFail: true })).code === 0;
        await (0,promises_.rm)(root, { recursive: true, force: true });
        // Only when removing failed: prune also drops other stale worktrees, which are not ours.
        if (!removed)
            await git.run(['worktree', 'prune'], { allowFail: true });
    }
}
/**
 * The commits to revert, newest first: the range's first-parent line from head down to base. A
 * merge reverted with `-m 1` takes its branch's commits with it, so those are not reverted
 * again (that would undo them twice). Together they undo exactly base..head, which is why the
 * base must be on that line: a base inside a merged branch has no such set of reverts.
 */
function firstParentChain(range) {
    const bySha = new Map(range.commits.map((c) => [c.sha, c]));
    for (const sha of [range.base, range.head, ...bySha.keys()])
        (0,decide_range/* assertSha */.B1)(sha, 'a commit of the range', { full: true });
    const chain = [];
    for (let sha = range.head; sha !== range.base;) {
        const commit = bySha.get(sha);
        if (!commit || chain.length >= bySha.size)
            throw new Error(`the base ${git_revert_short(range.base)} is not on the first-parent line of ${git_revert_short(range.head)} (inside a merged branch?): a revert cannot go back to it exactly`);
        chain.push(commit);
        sha = commit.parents[0] ?? '';
    }
    return chain;
}
/** Reverts every commit of the range, newest first, into one commit or one per commit. */
async function makeReverts(inTree, chain, options, log, tip) {
    const keep = async () => {
        for (const file of options.keep ?? []) {
            const there = await inTree(['cat-file', '-e', `${tip}:${file}`], { allowFail: true });
            if (there.code === 0)
                await inTree(['checkout', tip, '--', file]);
        }
    };
    const commits = [];
    const messages = [];
    const commit = async (message) => {
        // -F -: the message (commit subjects from the outside world) never is an argument.
        await inTree(['commit', '--quiet', '--no-verify', '--cleanup=whitespace', '-F', '-'], {
            input: message,
        });
        commits.push((await inTree(['rev-parse', 'HEAD'])).stdout.trim());
        messages.push(message);
    };
    for (const c of chain) {
        const mainline = c.parents.length > 1 ? ['-m', '1'] : [];
        const r = await inTree(['revert', '--no-edit', '--no-commit', ...mainline, c.sha], {
            allowFail: true,
        });
        if (r.code !== 0) {
            const unmerged = await inTree(['diff', '--name-only', '-z', '--diff-filter=U']);
            await inTree(['revert', '--abort'], { allowFail: true });
            await inTree(['reset', '--hard', '--quiet'], { allowFail: true });
            const paths = unmerged.stdout.split('\0').filter(Boolean);
            if (paths.length > 0)
                return { kind: 'conflict', commit: c.sha, paths };
            throw new src_git/* GitError */.XS(['revert', c.sha], r.code, lastLine(r.stderr));
        }
        await keep();
        log(`${options.dryRun ? 'would revert' : 'reverted'} ${git_revert_short(c.sha)} ${c.subject}`);
        if (options.mode === 'per-commit') {
            if (await nothingStaged(inTree))
                log(`reverting ${git_revert_short(c.sha)} changes nothing: no commit`);
            else
                await commit(perCommitMessage(c, options));
        }
    }
    if (options.mode === 'one' && !(await nothingStaged(inTree)))
        await commit(rangeMessage(chain, options));
    return { kind: 'done', commits, messages };
}
async function nothingStaged(inTree) {
    const r = await inTree(['diff', '--cached', '--quiet', 'HEAD', '--'], { allowFail: true });
    return r.code === 0;
}
async function diffStat(inTree, from) {
    return (await inTree(['diff', '--stat', from, 'HEAD', '--'])).stdout.trimEnd();
}
/** Pushes to the branch itself; a non-fast-forward (someone pushed meanwhile) is rebased once. */
async function pushToBranch(inTree, branch, tip, result, log) {
    const first = await push(inTree, `refs/heads/${branch}`);
    if (first.kind === 'ok')
        return pushed(inTree, result, false, branch, log);
    if (first.kind === 'error')
        return { ...result, outcome: 'failed', error: first.error };
    log(`push to ${branch} rejected: ${branch} moved since the fetch; rebasing once`);
    const newTip = await fetchBranch(inTree, branch);
    const rebase = await inTree(['rebase', '--quiet', newTip], { allowFail: true });
    if (rebase.code !== 0) {
        await inTree(['rebase', '--abort'], { allowFail: true });
        return {
            ...result,
            outcome: 'failed',
            error: `git rebase: the revert conflicts with what was pushed to ${branch} since ${git_revert_short(tip)}`,
        };
    }
    const commits = (await inTree(['rev-list', '--reverse', `${newTip}..HEAD`])).stdout
        .split('\n')
        .filter(Boolean);
    if (commits.length === 0)
        return { ...result, outcome: 'skipped', commits: [], diffStat: '' };
    const rebased = { ...result, commits, diffStat: await diffStat(inTree, newTip) };
    const second = await push(inTree, `refs/heads/${branch}`);
    if (second.kind === 'ok')
        return pushed(inTree, rebased, true, branch, log);
    return {
        ...rebased,
        outcome: 'failed',
        error: second.kind === 'rejected'
            ? `git push: ${branch} moved again while rebasing; rejected twice, not retried`
            : second.error,
    };
}
async function pushed(inTree, result, retried, branch, log) {
    const sha = (await inTree(['rev-parse', 'HEAD'])).stdout.trim();
    log(`pushed ${git_revert_short(sha)} to ${branch}${retried ? ' (after a rebase)' : ''}`);
    return { ...result, outcome: 'reverted', pushed: { sha, retried } };
}
async function push(inTree, ref, lease) {
    const r = await inTree([
        'push',
        '--porcelain',
        '--no-verify',
        ...(lease !== undefined ? [`--force-with-lease=${ref}:${lease}`] : []),
        'origin',
        `HEAD:${ref}`,
    ], { auth: true, allowFail: true, timeoutMs: NETWORK_TIMEOUT_MS });
    if (r.code === 0)
        return { kind: 'ok' };
    const text = `${r.stdout}\n${r.stderr}`;
    if (/\[rejected\].*\((?:non-fast-forward|fetch first)\)/.test(text))
        return { kind: 'rejected' };
    return {
        kind: 'error',
        error: `git push: ${lastLine(r.stderr) || lastLine(r.stdout) || `exit ${r.code ?? 'by signal'}`}`,
    };
}
/** Pushes the revert to its own branch and opens (or reuses) the pull request. */
async function openPullRequest(inTree, github, branch, chain, options, result, log) {
    const stamp = (options.runId ?? Date.now().toString(36)).replace(/[^\w.-]/g, '-');
    const headBranch = `rollback/revert-${git_revert_short(options.range.head)}-${stamp}`;
    const withBranch = { ...result, headBranch };
    // A re-run of the same run finds its branch: replaced, but only from the SHA seen here.
    const existing = await inTree(['ls-remote', '--heads', 'origin', `refs/heads/${headBranch}`], {
        auth: true,
        timeoutMs: NETWORK_TIMEOUT_MS,
    });
    const lease = existing.stdout.split('\t')[0]?.trim();
    const pushedBranch = await push(inTree, `refs/heads/${headBranch}`, lease || undefined);
    if (pushedBranch.kind !== 'ok')
        return {
            ...withBranch,
            outcome: 'failed',
            error: pushedBranch.kind === 'rejected' ? `git push: ${headBranch} rejected` : pushedBranch.error,
        };
    log(`pushed the revert to ${headBranch}`);
    try {
        const found = await github.findOpenPullRequest(headBranch, branch);
        const pullRequest = found ??
            (await github.createPullRequest({
                head: headBranch,
                base: branch,
                title: subjectOf(options),
                body: pullRequestBody(chain, options, branch, result.since, result.sinceTotal),
            }));
        log(`${found ? 'reusing' : 'opened'} pull request #${pullRequest.number}: ${pullRequest.url}`);
        await github.addLabels(pullRequest.number, options.labels);
        return { ...withBranch, outcome: 'reverted', pullRequest };
    }
    catch (error) {
        return { ...withBranch, outcome: 'failed', error: (0,errors/* messageOf */.bD)(error) };
    }
}
/**
 * The remote's own default branch (its HEAD, which on GitHub is the repository's default
 * branch), asked of git first so a push needs no API call; GitHub's answer when git cannot say.
 */
async function targetBranch(git, github) {
    const r = await git.run(['ls-remote', '--symref', 'origin', 'HEAD'], {
        auth: true,
        allowFail: true,
        timeoutMs: NETWORK_TIMEOUT_MS,
    });
    const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(r.stdout);
    if (r.code === 0 && match?.[1])
        return match[1];
    if (github)
        return github.defaultBranch();
    throw new Error("origin's HEAD names no branch: set git.branch in the policy");
}
/** A branch name git accepts, never one read as an option. */
async function assertBranchName(git, branch) {
    const r = await git.run(['check-ref-format', `refs/heads/${branch}`], { allowFail: true });
    if (branch.startsWith('-') || r.code !== 0)
        throw new Error(`${JSON.stringify(branch)} is not a valid branch name`);
}
/** Fetches the branch into its remote-tracking ref; returns its tip. */
async function fetchBranch(run, branch) {
    const ref = `refs/remotes/origin/${branch}`;
    await run(['fetch', '--no-tags', '--quiet', 'origin', `+refs/heads/${branch}:${ref}`], {
        auth: true,
        timeoutMs: NETWORK_TIMEOUT_MS,
    });
    return (await run(['rev-parse', '--verify', `${ref}^{commit}`])).stdout.trim();
}
/**
 * The commits in `head..tip`, newest first: every one is checked against `verified` (a release
 * verified deep in a long range still counts), and the newest SINCE_LIMIT are kept to show,
 * with any verified one among them. `total` is how many there are.
 */
async function commitsSince(git, head, tip, verified) {
    const all = (await git.run(['rev-list', `${head}..${tip}`])).stdout.split('\n').filter(Boolean);
    const healthy = all.find((sha) => verified?.has(sha));
    const shown = all.slice(0, SINCE_LIMIT);
    if (healthy && !shown.includes(healthy))
        shown.push(healthy);
    if (!shown.length)
        return { commits: [], total: 0 };
    // One git call for the subjects, in the order asked.
    const log = await git.run(['log', '--no-walk=unsorted', '--format=%H%x09%s', ...shown]);
    const commits = log.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => {
        const [sha = '', ...subject] = line.split('\t');
        const by = verified?.get(sha);
        return { sha, subject: subject.join('\t'), ...(by ? { verified: by } : {}) };
    });
    return { commits, total: all.length };
}
async function isAncestor(git, ancestor, of) {
    const r = await git.run(['merge-base', '--is-ancestor', ancestor, of], { allowFail: true });
    if (r.code === 0)
        return true;
    if (r.code === 1)
        return false;
    throw new src_git/* GitError */.XS(['merge-base'], r.code, lastLine(r.stderr));
}
// ---------------------------------------------------------------------------------------------
// Messages
function git_revert_short(sha) {
    return sha.slice(0, 7);
}
function lastLine(text) {
    return (text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .at(-1) ?? '');
}
function subjectOf(options) {
    const { range, message } = options;
    return `Revert deploy ${git_revert_short(range.base)}..${git_revert_short(range.head)}: ${oneLine(message.verdict)}`;
}
/** The headline, the reason and the run, one paragraph each. */
function why(options) {
    const { headline, reason, runUrl } = options.message;
    return [
        headline,
        ...(reason ? [`Reason: ${reason}`] : []),
        ...(runUrl ? [`Run: ${runUrl}`] : []),
    ].filter(Boolean);
}
/** Mode one: what the deploy brought, why it goes, and `Reverts:` trailers git can parse. */
function rangeMessage(chain, options) {
    return [
        subjectOf(options),
        ...why(options),
        [
            'Reverted commits (newest first):',
            ...chain.map((c) => `- ${git_revert_short(c.sha)} ${oneLine(c.subject)}${mergeNote(c)}`),
        ].join('\n'),
        ...keptNote(options),
        chain.map((c) => `Reverts: ${c.sha}`).join('\n'),
    ].join('\n\n');
}
function keptNote(options) {
    return options.keep?.length
        ? [`Kept (the database has run these; the schema stays): ${options.keep.join(', ')}`]
        : [];
}
function perCommitMessage(c, options) {
    const merge = c.parents.length > 1 ? `, reversing changes made to ${c.parents[0] ?? ''}` : '';
    return [
        `Revert "${oneLine(c.subject)}"`,
        `This reverts commit ${c.sha}${merge}.`,
        `Part of: ${subjectOf(options)}`,
        ...why(options),
        `Reverts: ${c.sha}`,
    ].join('\n\n');
}
function mergeNote(c) {
    return c.parents.length > 1 ? ' (a merge: with its branch)' : '';
}
function pullRequestBody(chain, options, branch, since = [], sinceTotal = since.length) {
    const { range, message } = options;
    const record = {
        version: 1,
        service: options.service ?? { policy: null, targets: [] },
        branch,
        base: range.base,
        head: range.head,
        reverted: chain.map((c) => c.sha),
        verdict: message.verdict,
        ...(message.runUrl ? { run: message.runUrl } : {}),
    };
    return [
        `Automatic rollback of the deploy ${(0,markdown/* code */.aY)(`${git_revert_short(range.base)}..${git_revert_short(range.head)}`)}: merging this pull request reverts it, and the normal pipeline redeploys the code from ${(0,markdown/* code */.aY)(git_revert_short(range.base))}.`,
        `**Verdict:** ${(0,markdown/* escapeText */.X1)(message.verdict)}. ${(0,markdown/* escapeText */.X1)(message.headline)}`,
        ...(message.reason ? [`**Reason:** ${(0,markdown/* escapeText */.X1)(message.reason)}`] : []),
        ...(message.runUrl ? [`**Run:** ${message.runUrl}`] : []),
        `**Reverted commits** (newest first; ${options.mode === 'one' ? 'one revert commit' : 'one revert commit each'}):`,
        (0,markdown/* markdownTable */.Qj)(['Commit', 'Subject'], 
        // In a code span: a subject's @mention or HTML is shown, not acted on.
        chain.map((c) => [(0,markdown/* code */.aY)(c.sha), `${(0,markdown/* code */.aY)(oneLine(c.subject))}${mergeNote(c)}`])),
        ...(since.length
            ? [
                `**${(0,markdown/* escapeText */.X1)(branch)} has moved on** since the deployed commit: ${(0,src_text/* plural */.L)(sinceTotal, 'commit')} came after it (${sinceTotal > since.length ? `the newest ${since.length} here` : 'newest first'}). Merging reverts only the deployed range; check that none of these depends on it.`,
                (0,markdown/* markdownTable */.Qj)(['Commit', 'Subject'], since.map((c) => [(0,markdown/* code */.aY)(c.sha), (0,markdown/* code */.aY)(oneLine(c.subject))])),
            ]
            : []),
        `A newer release verified healthy on ${(0,markdown/* code */.aY)(branch)} closes this pull request (policy \`git.stale-reverts\`).`,
        (0,revert_record/* revertMarker */.VE)(record),
    ].join('\n\n');
}
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

// EXTERNAL MODULE: ./src/kube/client.ts + 1 modules
var kube_client = __webpack_require__(4184);
// EXTERNAL MODULE: ./src/kube/ledger.ts
var ledger = __webpack_require__(5392);
// EXTERNAL MODULE: ./src/verify/stabilise.ts
var stabilise = __webpack_require__(6813);
;// CONCATENATED MODULE: ./src/rollback/executors.ts
/**
 * The real executors behind the plan runner: each plan action handed to the module that does
 * it (Kubernetes undo, git revert, flags, command steps, the down-migration), and the flags'
 * re-judgement through the same watch the guard uses. Built once per run from the context.
 */
















/**
 * The commits the targets' ledgers hold as verified healthy, with when and by what: a revert
 * must not go past one. Best effort: a ledger that cannot be read is said and skipped.
 */
async function verifiedReleases(context, refs, log) {
    const verified = new Map();
    if (!refs.length)
        return verified;
    const scopes = [...new Map(refs.map((r) => [`${r.context}|${r.namespace}`, r])).values()];
    for (const ref of scopes) {
        // Another service's release verified in the same namespace says nothing about this one.
        const ours = refs.filter((r) => r.context === ref.context && r.namespace === ref.namespace);
        const isOurs = (entry) => entry.targets.some((t) => ours.some((r) => r.kind === t.kind && r.name === t.name));
        try {
            const client = (0,kube_client/* clientFor */.$V)(context.kube(), ref.context);
            for (const entry of await (0,ledger/* readLedger */.SC)(client, ref.namespace))
                if (entry.sha && isOurs(entry) && !verified.has(entry.sha))
                    verified.set(entry.sha, `verified healthy ${entry.recordedAt}${entry.runUrl ? ` by ${entry.runUrl}` : ''}`);
        }
        catch (error) {
            log(`the ledger of ${ref.context}/${ref.namespace} was not read (${(0,errors/* messageOf */.bD)(error)}); a revert is not checked against it`);
        }
    }
    return verified;
}
/** How old the decision's read of a workload may be for the undo to reuse it. */
const PREFETCH_FRESH_MS = 5_000;
function planExecutors(deps) {
    const { context } = deps;
    const kubernetes = { results: [], seconds: 0 };
    const reverts = [];
    const log = (line) => core/* info */.pq(line);
    const workspace = context.env.GITHUB_WORKSPACE || process.cwd();
    const undo = async (targets, dryRun, attempt) => {
        // A second attempt retries only what failed; what rolled back stays rolled back.
        const failedBefore = new Set(kubernetes.results.filter((r) => r.outcome === 'failed').map(kube_snapshot/* refKey */.XF));
        const refs = attempt > 1 ? targets.filter((t) => failedBefore.has((0,kube_snapshot/* refKey */.XF)(t))) : targets;
        // Reads a few seconds old are what kubectl would read now; after flags' minutes, not.
        const fresh = attempt === 1 &&
            deps.prefetched &&
            context.clock.now() - deps.prefetched.at <= PREFETCH_FRESH_MS
            ? deps.prefetched.workloads
            : undefined;
        const done = await (0,execute/* executeRollback */.yk)(context, refs, deps.destination, dryRun ? (deps.planOnly ?? 'dry-run') : undefined, fresh);
        const byKey = new Map(kubernetes.results.map((r) => [(0,kube_snapshot/* refKey */.XF)(r), r]));
        for (const r of done.results)
            byKey.set((0,kube_snapshot/* refKey */.XF)(r), r);
        kubernetes.results = [...byKey.values()];
        kubernetes.seconds += done.seconds;
        // Across attempts: what the first try rolled back stays in the account.
        const keys = new Set(targets.map(kube_snapshot/* refKey */.XF));
        const all = kubernetes.results.filter((r) => keys.has((0,kube_snapshot/* refKey */.XF)(r)));
        const failed = all.filter((r) => r.outcome === 'failed');
        const count = (outcome) => all.filter((r) => r.outcome === outcome).length;
        const parts = [
            count('rolled-back') ? `${(0,src_text/* plural */.L)(count('rolled-back'), 'target')} rolled back` : '',
            count('skipped') ? `${(0,src_text/* plural */.L)(count('skipped'), 'target')} already there` : '',
            count('planned') ? `${(0,src_text/* plural */.L)(count('planned'), 'target')} would be rolled back` : '',
            failed.length
                ? `${failed.length} of ${all.length} failed: ${failed.map((r) => `${(0,kube_snapshot/* describeRef */.Ro)(r)}: ${r.message} (state: ${r.state ?? 'unknown'})`).join('; ')}`
                : '',
        ].filter(Boolean);
        return {
            kind: 'kubernetes',
            outcome: failed.length ? 'failed' : dryRun ? 'planned' : 'done',
            detail: failed.length
                ? parts.join('; ')
                : `${parts.join('; ')} in ${done.seconds.toFixed(1)} s`,
            retryable: failed.length > 0 && failed.every((r) => r.retryable === true),
            changed: done.rolledBack,
            report: done.report,
        };
    };
    const revert = async (action, dryRun) => {
        const spec = action.revert;
        if (!spec || !deps.git)
            return failed('git-revert', 'no git checkout to revert in', false);
        const range = deps.range && deps.range.base === spec.base && deps.range.head === spec.head
            ? deps.range
            : await (0,decide_range/* readDeployedRange */.SG)(deps.git, spec.head, [{ sha: spec.base, from: 'to-revision' }], {
                isMigration: () => false,
                log,
            });
        const { refs } = deps;
        const result = await revertRange(deps.git, deps.github, {
            range,
            service: (0,revert_record/* serviceOf */.z5)(context.config.policyFile, refs),
            verified: await verifiedReleases(context, refs, log),
            mode: spec.mode,
            delivery: spec.delivery,
            ...(spec.keep?.length ? { keep: spec.keep } : {}),
            ...(spec.branch ? { branch: spec.branch } : {}),
            labels: context.config.policy.git?.labels ?? ['rollback'],
            message: {
                ...deps.message,
                ...(context.run.runUrl ? { runUrl: context.run.runUrl } : {}),
                ...(context.config.reason ? { reason: context.config.reason } : {}),
            },
            dryRun,
            ...(context.env.GITHUB_RUN_ID ? { runId: context.env.GITHUB_RUN_ID } : {}),
        }, log);
        reverts.push(result);
        const where = result.pullRequest
            ? `pull request #${result.pullRequest.number} ${result.pullRequest.url}`
            : result.pushed
                ? `pushed to ${result.branch}${result.pushed.retried ? ' (rebased once)' : ''}`
                : result.branch;
        const outcome = result.outcome === 'reverted' ||
            result.outcome === 'skipped' ||
            result.outcome === 'superseded'
            ? 'done'
            : result.outcome === 'planned'
                ? 'planned'
                : 'failed';
        return {
            kind: 'git-revert',
            outcome,
            detail: result.outcome === 'conflict'
                ? `conflict in ${(result.conflicts ?? []).join(', ')}; aborted, the workspace as it was`
                : result.outcome === 'failed'
                    ? revertError(result.error ?? 'failed', spec.branch, context.config.policyFile)
                    : result.outcome === 'skipped'
                        ? `${result.branch} already has the base's content`
                        : result.outcome === 'superseded'
                            ? (result.reason ?? 'superseded by a newer verified release')
                            : result.outcome === 'planned'
                                ? `would revert ${(0,src_text/* plural */.L)(result.reverted.length, 'commit')} on ${result.branch} (${result.delivery})`
                                : `${(0,src_text/* plural */.L)(result.reverted.length, 'commit')} reverted: ${where}`,
            // A missing branch or a refused token does not change on a second try.
            retryable: result.outcome === 'failed' &&
                !/couldn't find remote ref|403|denied|permission/i.test(result.error ?? ''),
            changed: result.outcome === 'reverted',
            report: result,
            ...(result.pullRequest && result.outcome === 'reverted'
                ? {
                    pending: `merge pull request #${result.pullRequest.number} (${result.pullRequest.url}) to roll back`,
                }
                : result.outcome === 'superseded'
                    ? { pending: result.reason ?? 'no revert: a newer release is verified healthy' }
                    : {}),
        };
    };
    const flags = async (action, dryRun) => {
        const specs = deps.specs.flags;
        const results = [];
        for (const name of action.flags ?? []) {
            const spec = specs.find((f) => f.name === name);
            if (!spec)
                return failed('feature-flag', `no flag named ${name} in the policy`, false);
            results.push(await turnFlagOff(spec, {
                env: context.env,
                cwd: workspace,
                dryRun,
                log,
                setSecret: secrets/* maskSecret */.$,
            }));
        }
        const bad = results.filter((r) => r.outcome === 'failed');
        return {
            kind: 'feature-flag',
            outcome: bad.length ? 'failed' : dryRun ? 'planned' : 'done',
            detail: results.map((r) => `${r.name}: ${r.detail}`).join('; '),
            retryable: true,
            changed: results.some((r) => r.outcome === 'off'),
            report: results,
        };
    };
    const steps = async (action, dryRun) => {
        const specs = deps.specs.steps;
        const results = [];
        for (const name of action.steps ?? []) {
            const spec = specs.find((s) => s.name === name);
            if (!spec)
                return failed('command', `no step named ${name} in the policy`, false);
            const result = await (0,command/* runCommandStep */.Pt)(spec, {
                env: context.env,
                cwd: workspace,
                facts: deps.facts,
                dryRun,
                log,
            });
            results.push(result);
            if (result.outcome === 'failed')
                break; // the next step may rely on this one
        }
        const bad = results.filter((r) => r.outcome === 'failed');
        return {
            kind: 'command',
            outcome: bad.length ? 'failed' : dryRun ? 'planned' : 'done',
            detail: results.map((r) => `${r.name}: ${r.detail}`).join('; '),
            retryable: true,
            changed: results.some((r) => r.outcome === 'done'),
            report: results,
        };
    };
    const down = async (dryRun) => {
        const argv = deps.specs['down-command'] ?? [];
        if (dryRun) {
            log(`would run the down-migration: ${(0,command/* quoteArgv */.rx)(argv)}`);
            return {
                kind: 'migration-down',
                outcome: 'planned',
                detail: `would run ${(0,command/* quoteArgv */.rx)(argv)}`,
                retryable: true,
                changed: false,
            };
        }
        const result = await (0,src_process/* runProgram */.m)(argv, {
            cwd: workspace,
            env: context.env,
            timeoutMs: context.config.rollbackTimeoutMs,
        });
        return {
            kind: 'migration-down',
            outcome: result.code === 0 ? 'done' : 'failed',
            detail: (0,src_process/* describeExit */.K)(argv[0] ?? '', result),
            retryable: !result.timedOut,
            changed: result.code === 0,
        };
    };
    return {
        kubernetes,
        reverts,
        run: async (action, { dryRun, attempt }) => {
            try {
                switch (action.kind) {
                    case 'kubernetes':
                        return await undo(action.targets ?? [], dryRun, attempt);
                    case 'git-revert':
                        return await revert(action, dryRun);
                    case 'feature-flag':
                        return await flags(action, dryRun);
                    case 'command':
                        return await steps(action, dryRun);
                    case 'migration-down':
                        return await down(dryRun);
                }
            }
            catch (error) {
                return failed(action.kind, (0,errors/* messageOf */.bD)(error), true);
            }
        },
        verify: (stage) => rejudge(deps, stage),
    };
}
function failed(kind, detail, retryable) {
    return { kind, outcome: 'failed', detail, retryable, changed: false };
}
/** The failing triggers judged again for the flags' verify window. */
function rejudge(deps, stage) {
    return (0,stabilise/* judgeAgain */._)(deps.rejudge.sources, {
        clock: deps.context.clock,
        windowMs: stage['verify-ms'] ?? 120_000,
        intervalMs: deps.context.config.intervalMs.value,
        baselines: deps.rejudge.baselines,
        nothingToJudge: deps.nothingToJudge,
    });
}
/** A revert's failure, with what the person can change: the branch named, the token's rights. */
function revertError(error, branch, policyFile) {
    if (branch && /couldn't find remote ref/.test(error))
        return `git.branch '${branch}' (${policyFile ?? 'the policy'}) is not a branch of origin: ${error}`;
    if (/403|denied|permission/i.test(error) && !error.includes(github/* TOKEN_PERMISSIONS */.VU))
        return `${error}; the token needs ${github/* TOKEN_PERMISSIONS */.VU}`;
    return error;
}

;// CONCATENATED MODULE: ./src/rollback/run-plan.ts


async function attempt(executors, action, dryRun, n) {
    try {
        return await executors.run(action, { dryRun, attempt: n });
    }
    catch (error) {
        return {
            kind: action.kind,
            outcome: 'failed',
            detail: (0,errors/* messageOf */.bD)(error),
            retryable: true,
            changed: false,
        };
    }
}
async function runPlan(plan, executors, options) {
    const attempts = [];
    const stages = plan.stages.map((s) => ({
        name: s.name,
        outcome: 'not-run',
        actions: [],
    }));
    const record = (stage, n, result) => {
        attempts.push({
            stage: stage.name,
            action: result.kind,
            attempt: n,
            outcome: result.outcome,
            detail: result.detail,
            at: new Date(options.now()).toISOString(),
        });
        options.log(`${stage.name}: ${result.kind}${n > 1 ? ` (attempt ${n})` : ''}: ${result.outcome}: ${result.detail}`);
    };
    const changedKinds = () => {
        const kinds = stages.flatMap((s, i) => s.actions
            .filter((a, j) => a.changed && !plan.stages[i]?.actions[j]?.['follow-up'])
            .map((a) => a.kind));
        return [...new Set(kinds)].join('+') || 'none';
    };
    let escalated = false;
    /** How the run ended; `rolledBack` defaults to whether anything was changed. */
    const end = (verdict, summary, more = {}) => {
        const strategy = more.nothingDone ? 'none' : changedKinds();
        return {
            verdict,
            strategy,
            changed: strategy !== 'none',
            rolledBack: more.rolledBack ?? strategy !== 'none',
            stages,
            attempts,
            escalated,
            ...(more.failure ? { failure: more.failure } : {}),
            summary,
        };
    };
    if (plan.stages.length === 0)
        return end('rollback-recommended', plan.nothing ?? 'nothing to roll back with', {
            failure: `rollback recommended, but nothing can roll it back: ${plan.reasons.at(-1) ?? 'no plan'}`,
            nothingDone: true,
        });
    if (options.planOnly) {
        for (const [i, stage] of plan.stages.entries()) {
            const run = stages[i];
            for (const action of stage.actions) {
                const result = await attempt(executors, action, true, 1);
                record(stage, 1, result);
                run.actions.push(result);
            }
            run.outcome = 'planned';
        }
        const broken = stages.flatMap((s) => s.actions).filter((a) => a.outcome === 'failed');
        return end('rollback-recommended', `rollback planned only (${options.planOnly})`, {
            nothingDone: true,
            ...(broken.length
                ? {
                    failure: `rollback recommended (${options.planOnly}), but ${(0,src_text/* plural */.L)(broken.length, 'planned action')} could not be made: ${broken.map((b) => `${b.kind}: ${b.detail}`).join('; ')}`,
                }
                : {}),
        });
    }
    for (const [i, stage] of plan.stages.entries()) {
        const run = stages[i];
        if (stage.gated && !options.approved) {
            run.outcome = 'gated';
            options.log(`${stage.name}: not run: ${stage.gated}; it needs a person's approval`);
            return end('rollback-recommended', `${stage.name} needs approval: ${stage.gated}`, {
                failure: `rollback recommended, not made: ${stage.gated}`,
            });
        }
        run.startedAt = options.now();
        let failed = false;
        for (const action of stage.actions) {
            if (action['follow-up'] && failed)
                continue;
            let result = await attempt(executors, action, false, 1);
            record(stage, 1, result);
            if (result.outcome === 'failed' && result.retryable) {
                const first = result;
                result = await attempt(executors, action, false, 2);
                record(stage, 2, result);
                // What the first try changed stays changed (one region rolled back, another not).
                result = { ...result, changed: result.changed || first.changed };
            }
            run.actions.push(result);
            if (result.outcome === 'failed' && !action['follow-up']) {
                failed = true;
                // The old code must not start on a schema the down-migration did not restore.
                if (action.kind === 'migration-down')
                    break;
            }
        }
        if (failed) {
            run.finishedAt = options.now();
            run.outcome = 'failed';
            escalated = i < plan.stages.length - 1 || escalated;
            continue;
        }
        if (stage['verify-ms'] !== undefined) {
            const verdict = await executors.verify(stage);
            run.finishedAt = options.now();
            run.verify = verdict;
            options.log(`${stage.name}: judged again: ${verdict.verdict}: ${verdict.detail}`);
            if (verdict.verdict !== 'pass') {
                // No data after the flags is not a pass: the failure the watch saw still stands.
                run.outcome = verdict.verdict === 'fail' ? 'still-failing' : 'unconfirmed';
                escalated = i < plan.stages.length - 1 || escalated;
                continue;
            }
        }
        run.finishedAt = options.now();
        // An action that chose not to act and says why (a revert that would roll back past a
        // release verified since): nothing changed, and a person decides what comes next.
        const held = run.actions.filter((a) => !a.changed && a.pending !== undefined);
        if (held.length && !run.actions.some((a) => a.changed)) {
            run.outcome = 'held';
            const why = held.map((a) => a.pending).join('; ');
            return end('rollback-recommended', why, {
                failure: `no rollback: ${why}`,
                rolledBack: false,
            });
        }
        // A revert pull request changes nothing until someone merges it.
        const done = run.actions.filter((a, j) => a.changed && !stage.actions[j]?.['follow-up']);
        const waiting = done.length > 0 && done.every((a) => a.pending !== undefined);
        run.outcome = waiting ? 'waiting' : 'worked';
        const pending = done.map((a) => a.pending).join('; ');
        return waiting
            ? end('rollback-recommended', pending, {
                failure: `rollback waits for a person: ${pending}`,
                rolledBack: false,
            })
            : end('rolled-back', `rolled back by ${stage.name}`);
    }
    const last = attempts.filter((a) => a.outcome === 'failed').at(-1);
    const stillFailing = stages.find((s) => s.outcome === 'still-failing' || s.outcome === 'unconfirmed');
    const why = last
        ? `${last.action}: ${last.detail}`
        : stillFailing
            ? `${stillFailing.name}: the triggers are not shown to pass (${stillFailing.verify?.detail ?? ''})`
            : 'no stage worked';
    return end('rollback-failed', 'every stage of the plan failed', {
        failure: stages.length === 1
            ? `rollback failed: ${why}`
            : `rollback failed after ${(0,src_text/* plural */.L)(stages.length, 'stage')} (${stages.map((s) => `${s.name}: ${s.outcome}`).join(', ')}); last: ${why}`,
    });
}

;// CONCATENATED MODULE: ./src/rollback/deployments.ts

async function markDeployments(github, options) {
    const failed = await github.getDeployment(options.deploymentId);
    await github.createDeploymentStatus(failed.id, {
        state: 'failure',
        description: options.description,
        ...(options.logUrl ? { logUrl: options.logUrl } : {}),
    });
    try {
        const earlier = (await github.listDeployments(failed.environment)).filter(
        // Earlier: created before it (ids grow, for deployments made in the same second).
        (d) => d.id !== failed.id &&
            (d.createdAt < failed.createdAt || (d.createdAt === failed.createdAt && d.id < failed.id)));
        for (const candidate of earlier) {
            if ((await github.latestDeploymentState(candidate.id)) !== 'success')
                continue;
            await github.createDeploymentStatus(candidate.id, {
                state: 'success',
                description: `running again after the rollback of deployment ${failed.id}`,
                ...(options.logUrl ? { logUrl: options.logUrl } : {}),
            });
            return { failed: failed.id, restored: candidate.id };
        }
        return {
            failed: failed.id,
            problem: `no earlier successful deployment to ${failed.environment}`,
        };
    }
    catch (error) {
        return { failed: failed.id, problem: (0,errors/* messageOf */.bD)(error) };
    }
}
/** The deployment this run belongs to: the input, else the `deployment` event's. */
function deploymentIdOf(input, event) {
    const value = input ?? event?.deployment?.id;
    const id = typeof value === 'number' ? value : Number(value);
    return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

// EXTERNAL MODULE: ./src/verify/verify.ts + 1 modules
var verify = __webpack_require__(5255);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/report/notify-messages.ts
var notify_messages = __webpack_require__(7122);
;// CONCATENATED MODULE: ./src/rollback/respond.ts
/**
 * What `guard` (after a failing verdict) and `rollback` (on demand) both do: gather the facts,
 * decide (or take the approved plan), show the decision, and carry it out with escalation.
 */














async function respond(context, input) {
    const { config } = context;
    const git = context.git();
    let range;
    let read;
    const plan = input.approved ??
        (await core/* group */.Os('Decision', async () => {
            const made = await makePlan(context, input, git);
            range = made.range;
            read = { workloads: made.read, at: context.clock.now() };
            for (const line of describePlan(made.plan))
                core/* info */.pq(line);
            return made.plan;
        }));
    if (input.approved) {
        core/* info */.pq(`Carrying out the approved plan${plan['made-by'] ? ` made by ${plan['made-by']}` : ''}:`);
        for (const line of describePlan(plan))
            core/* info */.pq(line);
    }
    const destination = input.approved ? destinationOf(plan) : (0,execute/* chooseDestination */.gV)(context);
    const planOnly = input.approved
        ? config.dryRun
            ? 'dry-run'
            : undefined
        : (0,execute/* planOnlyReason */.SQ)(config);
    const executors = planExecutors({
        context,
        refs: input.refs,
        specs: plan.specs ?? specsOf(plan, config.policy),
        destination,
        ...(planOnly ? { planOnly } : {}),
        ...(git ? { git } : {}),
        ...(context.github() ? { github: context.github() } : {}),
        ...(range ? { range } : {}),
        ...(read ? { prefetched: read } : {}),
        facts: commandFacts(plan, input, config.reason),
        message: { verdict: input.verdict, headline: input.headline },
        rejudge: input.rejudge,
        nothingToJudge: input.manual ? 'pass' : 'inconclusive',
    });
    const started = context.clock.now();
    if ((0,notify_messages/* willRollBack */.VG)(plan, planOnly, input.approved !== undefined))
        context.notifier.start((0,notify_messages/* initiatedFacts */.bh)(initiatedInput(context, input, plan, destination, read)));
    const run = await core/* group */.Os('Rollback', () => runPlan(plan, executors, {
        ...(planOnly ? { planOnly } : {}),
        approved: input.approved !== undefined,
        now: () => context.clock.now(),
        log: (line) => core/* info */.pq(line),
    }));
    const verification = run.rolledBack
        ? await core/* group */.Os('Verify', () => (0,verify/* verifyRollback */.im)(context, {
            decidedAt: started,
            targets: executors.kubernetes.results,
            // Images are compared with the capture only when the rollback went to it.
            snapshot: destination.kind === 'snapshot' ? destination.snapshot : undefined,
            sources: input.rejudge.sources,
            baselines: input.rejudge.baselines,
        }))
        : undefined;
    if (verification)
        (verification.verified ? core/* info */.pq : core/* warning */.$e)(verification.verified
            ? (verification.sla?.detail ?? 'verified: every check passed')
            : `rollback-action: the rollback is not verified: ${verification.problem ?? ''}`);
    return {
        ...(verification ? { verification } : {}),
        secondsToVerified: (context.clock.now() - started) / 1000,
        decidedAt: started,
        ...(range ? { range } : {}),
        plan: input.approved ? plan : withDestination(plan, context, input),
        run,
        kubernetes: executors.kubernetes,
        reverts: executors.reverts,
        seconds: (context.clock.now() - started) / 1000,
        destination: (0,execute/* describeDestination */.aC)(destination),
        planOnly,
    };
}
/** What the `initiated` notification says: the images running now and where they go. */
function initiatedInput(context, input, plan, destination, read) {
    const running = new Map();
    const captured = new Map();
    for (const ref of input.refs) {
        const workload = read?.workloads.get((0,kube_snapshot/* refKey */.XF)(ref));
        if (workload)
            running.set((0,kube_snapshot/* describeRef */.Ro)(ref), (0,kube_snapshot/* imagesOf */.IC)(workload.spec.template));
    }
    if (destination.kind === 'snapshot')
        for (const target of destination.snapshot.targets)
            captured.set((0,kube_snapshot/* describeRef */.Ro)(target), target.images);
    return {
        plan,
        verdict: input.verdict,
        severity: input.severity,
        reason: context.config.reason ?? input.headline,
        destination: (0,execute/* describeDestination */.aC)(destination),
        running,
        captured,
        run: {
            ...(context.run.runUrl ? { runUrl: context.run.runUrl } : {}),
            ...(context.env.GITHUB_REPOSITORY ? { repository: context.env.GITHUB_REPOSITORY } : {}),
            ...(context.run.sha ? { sha: context.run.sha } : {}),
            at: context.clock.now(),
        },
    };
}
async function makePlan(context, input, git) {
    const { config } = context;
    const clients = input.refs.length ? context.kube() : new Map();
    const range = await (0,gather/* rangeFacts */.nr)(git, context.env.GITHUB_WORKSPACE || process.cwd(), input.snapshot?.sha ?? context.run.sha, 
    // The ledger is read for a range's base only when there is a checkout to read it in.
    git ? await (0,gather/* rangeBases */.Yh)(context, clients, input.refs, input.snapshot) : {}, config, (line) => core/* debug */.Yz(line));
    const { owners: gitops, read } = await (0,gather/* gitOpsOwners */.lg)(clients, input.refs, input.snapshot);
    const plan = decide((0,gather/* decisionFacts */.OP)(config, {
        refs: input.refs,
        failing: input.failing,
        gitops,
        range,
        manual: input.manual,
    }));
    return { plan, range: range.range, read };
}
/** The plan as it leaves this run: with where an undo goes and who made it. */
function withDestination(plan, context, input) {
    const destination = (0,execute/* chooseDestination */.gV)(context);
    const planned = destination.kind === 'snapshot'
        ? { kind: 'snapshot', snapshot: (0,json/* snapshotFile */.Pu)(destination.snapshot) }
        : { kind: 'spec', spec: formatSpec(destination) };
    return {
        ...plan,
        destination: planned,
        commits: {
            ...((input.snapshot?.sha ?? context.run.sha)
                ? { deployed: input.snapshot?.sha ?? context.run.sha }
                : {}),
            ...(plan.range ? { previous: plan.range.base } : {}),
        },
        ...(context.run.runUrl ? { 'made-by': context.run.runUrl } : {}),
        specs: specsOf(plan, context.config.policy),
    };
}
/** The policy's flags, steps and down-migration the plan names, as they are now. */
function specsOf(plan, policy) {
    const actions = plan.stages.flatMap((s) => s.actions);
    const flags = new Set(actions.flatMap((a) => a.flags ?? []));
    const steps = new Set(actions.flatMap((a) => a.steps ?? []));
    return {
        flags: (policy.flags ?? []).filter((f) => flags.has(f.name)),
        steps: (policy.steps ?? []).filter((s) => steps.has(s.name)),
        'down-command': actions.some((a) => a.kind === 'migration-down')
            ? (policy.migrations?.['down-command'] ?? null)
            : null,
    };
}
function formatSpec(destination) {
    const spec = destination.spec;
    if (spec.kind === 'number')
        return String(spec.revision);
    return spec.kind === 'commit' ? spec.sha : spec.kind;
}
function destinationOf(plan) {
    const d = plan.destination;
    if (d?.kind === 'snapshot')
        return { kind: 'snapshot', snapshot: (0,kube_snapshot/* readSnapshot */.RA)(JSON.stringify(d.snapshot)) };
    const spec = (0,revision/* parseRevisionSpec */.i9)(d?.spec ?? 'previous');
    if (!spec)
        throw new errors/* UserError */.yo(`input 'plan': destination ${JSON.stringify(d?.spec)} is not a revision`);
    return { kind: 'spec', spec };
}
function commandFacts(plan, input, reason) {
    const snapshot = input.snapshot;
    // The targets the plan rolls back, not those a scoped trigger left alone.
    const undone = new Set(plan.stages.flatMap((s) => s.actions.flatMap((a) => (a.targets ?? []).map(kube_snapshot/* refKey */.XF))));
    const previous = plan.commits?.previous ?? plan.range?.base;
    const deployed = plan.commits?.deployed ?? snapshot?.sha ?? plan.range?.head;
    return {
        ...(previous ? { previousSha: previous } : {}),
        ...(deployed ? { deployedSha: deployed } : {}),
        verdict: input.verdict,
        reason: reason ?? input.headline,
        targets: (snapshot?.targets ?? [])
            .filter((t) => undone.size === 0 || undone.has((0,kube_snapshot/* refKey */.XF)(t)))
            .map((t) => ({
            context: t.context,
            namespace: t.namespace,
            kind: t.kind,
            name: t.name,
            ...(t.revision !== undefined ? { revision: t.revision } : {}),
            images: t.images,
        })),
    };
}
/** The response for the report: what was decided is beside it; here, what was done. */
function rollbackReport(response) {
    const { run } = response;
    return {
        verdict: run.verdict,
        strategy: run.strategy,
        escalated: run.escalated,
        destination: response.destination,
        'plan-only': response.planOnly ?? null,
        'rollback-seconds': response.seconds,
        stages: run.stages.map((s) => ({
            name: s.name,
            outcome: s.outcome,
            actions: s.actions.map((a) => ({ kind: a.kind, outcome: a.outcome, detail: a.detail })),
            verify: s.verify ?? null,
        })),
        attempts: run.attempts,
        targets: response.kubernetes.results.map(json/* targetOutcome */.u),
        reverts: response.reverts.map(json/* revertReport */.LB),
    };
}
function sectionOf(response) {
    return {
        plan: response.plan,
        run: response.run,
        kubernetes: response.kubernetes.results,
        reverts: response.reverts,
    };
}
/**
 * After a rollback that took effect, the run's GitHub deployment is marked failed and the
 * release running again succeeded. Best effort: the rollback stands whatever GitHub says.
 */
async function markRolledBackDeployment(context, run, description) {
    const id = deploymentIdOf(context.config.deploymentId, (0,gather/* readEvent */.j_)(context.env));
    const github = context.github();
    if (id === undefined || !github || !run.rolledBack)
        return undefined;
    try {
        const marks = await markDeployments(github, {
            deploymentId: id,
            description: `rolled back: ${description}`,
            ...(context.run.runUrl ? { logUrl: context.run.runUrl } : {}),
        });
        core/* info */.pq(`Deployment ${marks.failed} marked failed${marks.restored ? `, ${marks.restored} running again` : ''}${marks.problem ? ` (${marks.problem})` : ''}`);
        return marks;
    }
    catch (error) {
        core/* warning */.$e(`rollback-action: deployment ${id} was not marked failed: ${(0,errors/* messageOf */.bD)(error)}`);
        return { failed: id, problem: (0,errors/* messageOf */.bD)(error) };
    }
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
