export const id = 492;
export const ids = [492];
export const modules = {

/***/ 5849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nx: () => (/* binding */ forRejudging),
/* harmony export */   XJ: () => (/* binding */ triggersOf),
/* harmony export */   _G: () => (/* binding */ unreachableTriggers),
/* harmony export */   ou: () => (/* binding */ describeWatched),
/* harmony export */   yU: () => (/* binding */ watchedTriggers)
/* harmony export */ });
/* unused harmony export defaultMinRequests */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _policy_presets_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4490);
/* harmony import */ var _metrics_promql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7654);
/* harmony import */ var _metrics_scrape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9529);
/* harmony import */ var _metrics_selectors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5147);
/* harmony import */ var _metrics_alertmanager_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8980);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7666);
/* harmony import */ var _triggers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3190);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8992);









const DEFAULT_SEVERITY = 'P1';
function triggersOf(policy) {
    // The preset's triggers are metric queries: with Alertmanager as the default, Prometheus.
    const preset = (policy.preset === 'runbook' ? (0,_policy_presets_js__WEBPACK_IMPORTED_MODULE_6__/* .runbookTriggers */ .a)(policy.metrics?.selector) : []).map((t) => policy.metrics?.provider === 'alertmanager' ? { provider: 'prometheus', ...t } : t);
    const own = policy.triggers ?? [];
    // Imported triggers the policy's own replaced were dropped when the policy was loaded.
    const imported = policy.imported ?? [];
    const named = [...imported, ...own];
    // A trigger of the policy (or an imported one) replaces a preset trigger of the same name.
    return [...preset.filter((p) => !named.some((t) => t.name === p.name)), ...named];
}
/**
 * Unless the policy says otherwise, a ratio is judged only over enough requests that one
 * failed request alone cannot breach its threshold (20 for 5 %, 10 for 10 %): on a quiet
 * service a single 5xx among three requests is 33 %, and no reason to roll back.
 */
function defaultMinRequests(threshold) {
    if (!(threshold > 0 && threshold < 1))
        return undefined;
    // The epsilon keeps 1 / 0.05 at 20 where floating point would make it 20.000000000000004.
    return Math.ceil(1 / threshold - 1e-9);
}
/** The default map with the policy's entries over it, keys compared in lower case. */
function severityMap(own) {
    const map = { ..._metrics_alertmanager_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_SEVERITY_MAP */ .Ld };
    for (const [label, severity] of Object.entries(own ?? {}))
        map[label.toLowerCase()] = severity;
    return map;
}
/** The preset's settle period: long enough for a warm-up, short of a P1 regression's minute. */
const PRESET_SETTLE = '30s';
/**
 * A latency quantile of a histogram, as its provider reads it: judged also as the share of
 * requests slower than the threshold, from the bucket counts.
 */
function histogramOf(provider, query) {
    if (query === undefined)
        return undefined;
    if (provider === 'prometheus')
        return (0,_metrics_promql_js__WEBPACK_IMPORTED_MODULE_1__/* .histogramQuantileOf */ .lW)(query);
    if (provider !== 'scrape')
        return undefined;
    const parsed = (0,_metrics_scrape_js__WEBPACK_IMPORTED_MODULE_2__/* .parseQuery */ .m)(query);
    return typeof parsed !== 'string' && parsed.kind === 'quantile'
        ? { buckets: parsed.source, quantile: parsed.q }
        : undefined;
}
function watchedTriggers(policy) {
    const defaultProvider = policy.metrics?.provider ?? 'prometheus';
    const settle = policy.watch?.settle ?? (policy.preset === 'runbook' ? PRESET_SETTLE : undefined);
    const settleMs = settle === undefined ? 0 : ((0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(settle) ?? 0);
    return triggersOf(policy).map((spec) => {
        const provider = spec.provider ?? defaultProvider;
        const relative = spec.relative === undefined ? undefined : Number(spec.relative.replace('%', ''));
        // Alertmanager's alerts read like an alert expression: none is 0, each new alert a 1.
        const alert = spec.kind === 'alert' || provider === 'alertmanager';
        const above = spec.above ?? spec['at-least'];
        const valued = !alert && (spec.range ?? 'since-deploy') === 'since-deploy';
        const histogram = valued && (above !== undefined || (relative ?? 0) > 0)
            ? histogramOf(provider, spec.query)
            : undefined;
        const events = valued && provider === 'prometheus' && above !== undefined && spec.query !== undefined
            ? (0,_metrics_promql_js__WEBPACK_IMPORTED_MODULE_1__/* .eventCountOf */ .Hw)(spec.query)
            : undefined;
        const counted = !!(spec.ratio || histogram || events);
        const rule = {
            name: spec.name,
            severity: spec.severity ?? DEFAULT_SEVERITY,
            // A health check and an alert expression read 1 when failing, 0 when not.
            above: provider === 'health' || alert ? (spec.above ?? 0) : (spec.above ?? spec['at-least']),
            below: spec.below ?? spec['at-most'],
            ...(spec['at-least'] !== undefined ? { aboveInclusive: true } : {}),
            ...(spec['at-most'] !== undefined ? { belowInclusive: true } : {}),
            ...(spec['failure-limit'] !== undefined ? { failureLimit: spec['failure-limit'] } : {}),
            relativePercent: relative,
            forMs: spec.for === undefined ? undefined : (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(spec.for),
            consecutive: spec.consecutive,
            minRequests: spec['min-requests'] ??
                policy.watch?.['min-requests'] ??
                (spec.ratio && above !== undefined
                    ? defaultMinRequests(above)
                    : histogram
                        ? defaultMinRequests(1 - histogram.quantile)
                        : undefined),
            fastFail: spec['fast-fail'] === false || !counted ? false : {},
            ...(histogram ? { quantile: histogram.quantile } : {}),
            ...(events ? { perSeconds: events.rangeSeconds } : {}),
            ...(events && spec['relative-to-baseline'] ? { relativeToBaseline: true } : {}),
            ...(settleMs > 0 ? { settleMs } : {}),
            noData: spec['no-data'] ?? policy.watch?.['no-data'] ?? 'hold',
            ...(spec.series ? { series: spec.series } : {}),
            ...(alert ? { alert: true } : {}),
        };
        const watched = {
            rule,
            provider,
            query: {
                query: spec.query,
                ratio: spec.ratio,
                ...(spec.kind === 'alert' ? { alert: true } : {}),
                ...(spec.range === 'as-written' ? { asWritten: true } : {}),
                ...(histogram ? { histogram } : {}),
                ...(events ? { events: { selector: events.selector } } : {}),
                ...(provider === 'alertmanager'
                    ? {
                        alerts: {
                            matchers: (spec.matchers ?? []).flatMap((m) => {
                                const parsed = (0,_metrics_alertmanager_js__WEBPACK_IMPORTED_MODULE_4__/* .parseMatchers */ .J$)(m);
                                return 'matchers' in parsed ? parsed.matchers : [];
                            }),
                            includeSilenced: spec['include-silenced'] ?? false,
                            severityMap: severityMap(spec['severity-map']),
                        },
                    }
                    : {}),
            },
        };
        if (spec.url !== undefined)
            watched.url = spec.url;
        if (spec['json-path'] !== undefined)
            watched.jsonPath = spec['json-path'];
        if (spec['expect-status'] !== undefined)
            watched.expectStatus = spec['expect-status'];
        if (spec['body-match'] !== undefined)
            watched.bodyMatch = spec['body-match'];
        if ('source' in spec && typeof spec.source === 'string')
            watched.origin = { source: spec.source, mapped: spec.mapped };
        return watched;
    });
}
/**
 * Triggers that cannot fail within the window as configured (a `for` or a run of consecutive
 * polls longer than the window), each with why: worth a warning before watching, since they
 * would pass whatever happens. A sequential test can still fail a ratio trigger early.
 */
function unreachableTriggers(rules, windowMs, intervalMs) {
    return rules.flatMap((rule) => {
        const early = rule.fastFail !== false && rule.fastFail !== undefined;
        if (rule.settleMs && rule.severity !== 'P0' && rule.settleMs >= windowMs)
            return [
                `trigger '${rule.name}' settles for ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(rule.settleMs)} after the rollout but the window is ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(windowMs)}: it cannot fail (watch.settle)`,
            ];
        if (rule.forMs !== undefined && rule.forMs > windowMs)
            return [
                `trigger '${rule.name}' must breach for ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(rule.forMs)} but the window is ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(windowMs)}: ${early ? 'only its sequential test can fail it' : 'it cannot fail'}`,
            ];
        const polls = Math.floor(windowMs / intervalMs) + 1;
        if (rule.failureLimit !== undefined && rule.failureLimit >= polls)
            return [
                `trigger '${rule.name}' fails after more than ${rule.failureLimit} failing polls but the window holds ${polls}: it cannot fail`,
            ];
        if (rule.consecutive !== undefined && rule.consecutive > polls)
            return [
                `trigger '${rule.name}' needs ${rule.consecutive} failing polls in a row but the window holds ${polls}: it cannot fail`,
            ];
        return [];
    });
}
/**
 * A trigger in one line for people, printed once before a watch and by `validate`: when it
 * fails, how long it must hold, and what it reads. `baseline` fills in a relative threshold.
 */
function describeWatched(trigger, baseline) {
    const { rule, query } = trigger;
    const condition = trigger.provider === 'health'
        ? 'fails when the check fails'
        : query.alerts
            ? `fails when an alert matching ${query.alerts.matchers.join(', ')} that began after the deploy fires${query.alerts.includeSilenced ? ' (silenced and inhibited ones too)' : ''}`
            : query.alert
                ? 'fails while the alert expression returns series'
                : rule.relativePercent !== undefined && baseline === undefined
                    ? `fails ${rule.relativePercent < 0 ? 'below' : 'above'} the baseline ${rule.relativePercent < 0 ? '' : '+'}${rule.relativePercent}%`
                    : `fails ${(0,_triggers_js__WEBPACK_IMPORTED_MODULE_5__/* .describeCondition */ .pu)(rule, (0,_triggers_js__WEBPACK_IMPORTED_MODULE_5__/* .thresholdOf */ .pI)(rule, baseline), baseline)}`;
    const early = rule.fastFail !== false && rule.fastFail !== undefined;
    const hold = rule.failureLimit !== undefined
        ? `on more than ${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(rule.failureLimit, 'poll')} of the window`
        : rule.consecutive !== undefined
            ? `${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(rule.consecutive, 'poll')} in a row`
            : rule.forMs
                ? `for ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(rule.forMs)}`
                : rule.perSeconds !== undefined && early
                    ? `as a rate, on every event since the rollout (a sequential test, never one poll)${rule.relativeToBaseline ? ', against the rate before the deploy when that was higher' : ''}`
                    : 'at once';
    const sooner = !early
        ? ''
        : rule.quantile !== undefined
            ? ` (sooner when a sequential test is sure that more than ${(0,_triggers_js__WEBPACK_IMPORTED_MODULE_5__/* .format */ .GP)((1 - rule.quantile) * 100)} % of requests are slower, from the histogram's buckets)`
            : rule.perSeconds !== undefined && !rule.forMs
                ? ''
                : ' (sooner when a sequential test is sure)';
    const reads = query.ratio
        ? `errors ${query.ratio.errors} over requests ${query.ratio.total}`
        : query.query !== undefined
            ? query.query
            : query.alerts
                ? "Alertmanager's active alerts (severity from each alert's severity label)"
                : trigger.provider === 'health'
                    ? `${(0,_url_js__WEBPACK_IMPORTED_MODULE_8__/* .redactUrl */ .BO)(trigger.url ?? '')}, expecting HTTP ${trigger.expectStatus ?? 200}${trigger.bodyMatch ? ` and a body matching /${trigger.bodyMatch}/` : ''}`
                    : `${trigger.jsonPath ?? ''} of ${(0,_url_js__WEBPACK_IMPORTED_MODULE_8__/* .redactUrl */ .BO)(trigger.url ?? '')}`;
    const options = [
        // min-requests counts a ratio's requests; other queries have none to count.
        query.ratio && rule.minRequests !== undefined ? `min-requests ${rule.minRequests}` : '',
        rule.noData !== 'hold' ? `no-data: ${rule.noData}` : '',
        rule.series && rule.series !== 'any' ? `series: ${rule.series}` : '',
        rule.settleMs && rule.severity !== 'P0'
            ? `settles ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(rule.settleMs)} after the rollout`
            : '',
    ].filter(Boolean);
    // What a Prometheus query reads: the release's own traffic, or not, and why.
    // Prometheus' ALERTS are states, not traffic: their own start decides (ALERTS_FOR_STATE).
    const traffic = trigger.provider !== 'prometheus' || query.query === undefined
        ? ''
        : query.alert && (0,_metrics_selectors_js__WEBPACK_IMPORTED_MODULE_3__/* .readsAlerts */ .dS)(query.query)
            ? ' (alerts active before the deploy are not counted: their start from ALERTS_FOR_STATE)'
            : query.asWritten
                ? ' (ranges as written: includes traffic from before the deploy)'
                : (0,_metrics_promql_js__WEBPACK_IMPORTED_MODULE_1__/* .rangeWindows */ .Tu)(query.query).length === 0
                    ? ' (no range to cut to the time since the deploy: includes traffic from before it)'
                    : ' (ranges cut to the time since the deploy, at least two scrapes)';
    return `${rule.name} (${rule.severity}, ${trigger.provider}): ${condition} ${hold}${sooner}${options.length ? `; ${options.join(', ')}` : ''}; reads ${reads}${traffic}`;
}
/**
 * A failing trigger as it is judged again after a first remedy (flags off): breaching on two
 * polls in a row still fails it, whatever its `for` or failure limit (a 10-minute `for` cannot
 * be met in a 2-minute check, and the release has already failed once); no fast fail, which
 * needs the whole watch's counts.
 */
function forRejudging(rule) {
    const { forMs: _for, failureLimit: _limit, ...rest } = rule;
    return { ...rest, consecutive: 2, fastFail: false };
}


/***/ }),

/***/ 6492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ triggerSources)
});

// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/analysis/rules.ts
var rules = __webpack_require__(5849);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/bounded.ts
var bounded = __webpack_require__(6586);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
// EXTERNAL MODULE: ./src/url.ts
var src_url = __webpack_require__(7666);
;// CONCATENATED MODULE: ./src/metrics/settings.ts
/**
 * Where metrics come from, resolved once from the config and the environment: the Prometheus
 * and Alertmanager connections (URL from the input or policy; credentials from the environment
 * variables the policy names, masked at once), the scrape URLs, and the request headers of health and
 * http-json triggers (values from the environment masked the same way). A variable the policy
 * names but the step does not set is the user's error, reported before anything is read.
 */






function resolveMetrics(config, env, setSecret, 
/** `validate` runs where the secrets may not be: a missing variable is then only a warning. */
onMissingEnv) {
    const file = config.policyFile ?? 'the policy';
    const settings = config.policy.metrics?.prometheus ?? {};
    const errors = [];
    const secret = (where, name) => {
        const value = env[name];
        if (!value) {
            const message = `${file}: ${where} names the environment variable ${name}, which is not set in this step (add it under env:)`;
            if (onMissingEnv)
                onMissingEnv(message);
            else
                errors.push(new src_errors/* UserError */.yo(message));
            return undefined;
        }
        setSecret(value);
        // A line break cannot travel in a header: say so now, not on every poll of the watch.
        if (Array.from(value).some((c) => c !== '\t' && (c < ' ' || c === '\u007f'))) {
            errors.push(new src_errors/* UserError */.yo(`${file}: ${where}: the environment variable ${name} holds a line break or another control character, which a request header cannot carry (trim the secret)`));
            return undefined;
        }
        return value;
    };
    /** Plain headers plus those whose values come from the environment (masked). */
    const headersOf = (where, plain, fromEnv) => {
        if (!plain && !fromEnv)
            return undefined;
        const headers = { ...plain };
        for (const [header, name] of Object.entries(fromEnv ?? {})) {
            const value = secret(`${where}.headers-env.${header}`, name);
            if (value !== undefined)
                headers[header] = value;
        }
        return headers;
    };
    // The userinfo of every URL read is a credential like any other: masked before any use.
    const urls = [
        config.prometheusUrl.value,
        config.alertmanagerUrl.value,
        ...(config.policy.metrics?.scrape?.urls ?? []),
        ...(config.policy.triggers ?? []).map((t) => t.url),
    ];
    for (const text of urls)
        if (text)
            (0,src_url/* urlSecrets */.Fn)(text).forEach(setSecret);
    /** A server's connection from its policy section: headers, credentials, CA, timeout. */
    const connect = (where, url, section) => {
        const connection = { url };
        if (section.timeout)
            connection.timeoutMs = (0,duration/* parseDuration */.E9)(section.timeout);
        const headers = headersOf(where, section.headers, section['headers-env']);
        if (headers)
            connection.headers = headers;
        const caFile = section['ca-file'];
        if (caFile) {
            const ca = readCa(caFile, env.GITHUB_WORKSPACE || process.cwd());
            if (typeof ca === 'string')
                connection.ca = ca;
            else
                errors.push(new src_errors/* UserError */.yo(`${file}: ${where}.ca-file '${caFile}' ${ca.why}`));
        }
        const tokenEnv = section['bearer-token-env'];
        if (tokenEnv) {
            const token = secret(`${where}.bearer-token-env`, tokenEnv);
            if (token !== undefined)
                connection.bearerToken = token;
        }
        const basic = section['basic-auth'];
        if (basic) {
            const username = secret(`${where}.basic-auth.username-env`, basic['username-env']);
            const password = secret(`${where}.basic-auth.password-env`, basic['password-env']);
            if (username !== undefined && password !== undefined)
                connection.basicAuth = { username, password };
        }
        return connection;
    };
    let prometheus;
    const url = config.prometheusUrl.value;
    if (url) {
        prometheus = connect('metrics.prometheus', url, settings);
        const interval = settings['scrape-interval'];
        if (interval)
            prometheus.scrapeIntervalMs = (0,duration/* parseDuration */.E9)(interval);
    }
    const alertmanagerUrl = config.alertmanagerUrl.value;
    const alertmanager = alertmanagerUrl
        ? connect('metrics.alertmanager', alertmanagerUrl, config.policy.metrics?.alertmanager ?? {})
        : undefined;
    const triggerHeaders = {};
    // Only the policy's own triggers have headers (the preset's read Prometheus).
    config.policy.triggers?.forEach((trigger, i) => {
        const headers = headersOf(`triggers[${i}]`, trigger.headers, trigger['headers-env']);
        if (headers)
            triggerHeaders[trigger.name] = headers;
    });
    if (errors.length)
        throw new src_errors/* UserErrors */.tQ(errors);
    const scrapeSettings = config.policy.metrics?.scrape;
    const scrape = scrapeSettings?.urls?.length
        ? {
            urls: scrapeSettings.urls,
            ...(scrapeSettings.timeout ? { timeoutMs: (0,duration/* parseDuration */.E9)(scrapeSettings.timeout) } : {}),
        }
        : undefined;
    return {
        prometheus,
        alertmanager,
        scrape,
        triggerHeaders,
        prometheusFrom: config.prometheusUrl.from === 'input'
            ? "input 'prometheus-url'"
            : `${file} metrics.prometheus.url`,
    };
}
/** The CA bundle, read once (relative to the workspace), or why it cannot be used. */
function readCa(file, workspace) {
    let text;
    try {
        text = (0,bounded/* readFileBounded */.Y1)(external_node_path_default().resolve(workspace, file), limits/* LIMITS */.b.caFile);
    }
    catch (error) {
        if (error instanceof bounded/* TooLargeError */.qB)
            return { why: `is larger than ${(0,limits/* formatBytes */.z)(error.limit)}; a CA bundle is a few KiB` };
        const code = error.code;
        return { why: code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})` };
    }
    return text.includes('-----BEGIN CERTIFICATE-----')
        ? text
        : { why: 'holds no PEM certificate (-----BEGIN CERTIFICATE-----)' };
}

// EXTERNAL MODULE: ./src/metrics/alertmanager.ts
var metrics_alertmanager = __webpack_require__(8980);
// EXTERNAL MODULE: ./src/metrics/http.ts
var http = __webpack_require__(7345);
;// CONCATENATED MODULE: ./src/metrics/health.ts
/**
 * Health checks as a metric: 0 when the probe answers as expected, 1 when it does not (a
 * wrong status, a body that does not match, a refused connection or a timeout: the service
 * is what is being probed). A request that cannot be made (a bad URL or header, an address
 * that does not resolve, an untrusted certificate, an oversized answer) is no data: the
 * configuration is wrong, which says nothing about the release.
 * Used with `consecutive`, as the runbooks' "health check fails 3 times in a row".
 */




async function probe(check) {
    const expected = check.expectStatus ?? 200;
    try {
        const answer = await (0,http/* httpGet */.lx)(check.url, check.timeoutMs ?? 5_000, check.headers ?? {}, limits/* LIMITS */.b.healthAnswer);
        if (answer.status !== expected)
            return { value: 1, reason: `HTTP ${answer.status}, expected ${expected}` };
        if (check.bodyMatch !== undefined && !new RegExp(check.bodyMatch).test(answer.body))
            return { value: 1, reason: `the body does not match /${check.bodyMatch}/` };
        return { value: 0 };
    }
    catch (error) {
        if (error instanceof http/* HttpFailure */.HR && error.misconfigured)
            return {
                reason: `cannot probe ${(0,src_url/* redactUrl */.BO)(check.url)}: ${error.message}`,
                misconfigured: true,
            };
        return { value: 1, reason: (0,src_errors/* messageOf */.bD)(error) };
    }
}

// EXTERNAL MODULE: ./src/metrics/http-json.ts
var http_json = __webpack_require__(4316);
;// CONCATENATED MODULE: ./src/metrics/provider.ts
/** The middle value (the mean of the two middle ones for an even count); robust to spikes. */
function median(values) {
    const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
    if (sorted.length === 0)
        return undefined;
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

// EXTERNAL MODULE: ./src/metrics/promql.ts
var promql = __webpack_require__(7654);
// EXTERNAL MODULE: ./src/metrics/selectors.ts
var metrics_selectors = __webpack_require__(5147);
;// CONCATENATED MODULE: ./src/metrics/prometheus-answer.ts
/**
 * Prometheus' HTTP API answers read by pure functions, from the HTTP status and the body text
 * to what they say; the provider only asks and maps. The envelope, as Prometheus documents it
 * (querying/api, "Format overview"): `status` is `success` or `error`; an error has
 * `errorType` and `error`; `warnings` (and, from Prometheus 3, info-level `infos`) may come
 * beside `data`. Sample values are strings, so NaN, +Inf and -Inf arrive as such.
 */

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value) => Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
/** The envelope of an answer with HTTP status `httpStatus` and body `text`. */
function readEnvelope(httpStatus, text) {
    const auth = httpStatus === 401 || httpStatus === 403 ? ' (check its credentials)' : '';
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        return {
            status: 'none',
            reason: `Prometheus answered HTTP ${httpStatus} without JSON${auth}`,
            fault: 'backend',
        };
    }
    if (isObject(body) && body.status === 'success')
        return {
            status: 'success',
            data: body.data,
            warnings: strings(body.warnings),
            infos: strings(body.infos),
        };
    if (isObject(body) && body.status === 'error')
        return {
            status: 'error',
            errorType: typeof body.errorType === 'string' ? body.errorType : 'error',
            error: typeof body.error === 'string' ? body.error : 'unknown error',
            warnings: strings(body.warnings),
        };
    // A proxy's or an authenticator's own JSON, say: not Prometheus speaking.
    return {
        status: 'none',
        reason: `Prometheus answered HTTP ${httpStatus} with JSON that is not an API answer${auth}`,
        fault: 'backend',
    };
}
/** A sample's value and its text; a native histogram or a missing value is no number. */
function sampleOf(pair, histogram) {
    if (Array.isArray(pair) && pair.length === 2) {
        const raw = String(pair[1]);
        return { raw, value: Number(raw) };
    }
    return { raw: histogram === undefined ? 'no value' : 'a histogram', value: NaN };
}
/** An instant query's `data` read as one value, several series, or why neither (`expr` named). */
function readInstant(data, warnings, expr) {
    const none = (reason, fault) => ({
        value: undefined,
        reason: `${reason} (query: ${expr})`,
        fault,
        warnings,
    });
    const resultType = isObject(data) ? data.resultType : undefined;
    const result = isObject(data) ? data.result : undefined;
    if (resultType === 'scalar' && Array.isArray(result)) {
        const { raw, value } = sampleOf(result, undefined);
        return Number.isFinite(value) ? { value, warnings } : none(raw, 'empty');
    }
    if (resultType !== 'vector' || !Array.isArray(result))
        return none(`unexpected ${typeof resultType === 'string' ? resultType : 'answer'}`, 'query');
    if (result.length === 0)
        return none('empty result', 'empty');
    const samples = result.map((s) => {
        const sample = isObject(s) ? s : {};
        const labels = (isObject(sample.metric) ? sample.metric : {});
        return { labels, ...sampleOf(sample.value, sample.histogram) };
    });
    if (samples.length > 1) {
        const series = samples
            .filter((s) => Number.isFinite(s.value))
            .map(({ labels, value }) => ({ labels, value }));
        if (series.length === 0)
            return none(`${result.length} series, none finite`, 'empty');
        return {
            value: undefined,
            series,
            reason: `${result.length} series`,
            fault: 'several',
            warnings,
        };
    }
    const [{ labels, raw, value }] = samples;
    if (!Number.isFinite(value))
        return none(raw, 'empty');
    // Its labels too: when a second pod's series appears later, each keeps its own history.
    return { value, series: [{ labels, value }], warnings };
}
/**
 * A range query's `data`: the finite samples of all its series ([ms, value]), or why there
 * are none. Several series (one per pod) give every sample of each, so a median over them is
 * the typical value of one series.
 */
function readRange(data, expr) {
    const result = isObject(data) ? data.result : undefined;
    if (!Array.isArray(result) || result.length === 0)
        return { reason: `no history (query: ${expr})`, fault: 'empty' };
    const values = result
        .flatMap((s) => isObject(s) && Array.isArray(s.values) ? s.values : [])
        .filter((pair) => Array.isArray(pair) && pair.length === 2)
        .map(([t, v]) => [Number(t) * 1000, Number(v)])
        .filter(([t, v]) => Number.isFinite(t) && Number.isFinite(v));
    return values.length
        ? { values }
        : { reason: `no finite values in history (query: ${expr})`, fault: 'empty' };
}
/** An alert's identity across ALERTS and ALERTS_FOR_STATE: its labels but the state's. */
function alertKey(labels) {
    return JSON.stringify(Object.entries(labels)
        .filter(([name]) => name !== '__name__' && name !== 'alertstate')
        .sort(([a], [b]) => a.localeCompare(b)));
}
/**
 * When each alert became active (ms), by alertKey, from an ALERTS_FOR_STATE vector (its value
 * is that time in seconds); undefined when `data` is no vector.
 */
function alertStarts(data) {
    const result = isObject(data) ? data.result : undefined;
    if (!Array.isArray(result))
        return undefined;
    const since = new Map();
    for (const s of result) {
        const sample = isObject(s) ? s : {};
        const labels = (isObject(sample.metric) ? sample.metric : {});
        since.set(alertKey(labels), sampleOf(sample.value, undefined).value * 1000);
    }
    return since;
}
/** The longest scrape interval (ms) of /api/v1/targets' active targets; 0 when none says. */
function longestScrapeInterval(data) {
    const targets = isObject(data) && Array.isArray(data.activeTargets) ? data.activeTargets : [];
    const seconds = targets.map((t) => (0,promql/* durationSeconds */.o8)(isObject(t) && typeof t.scrapeInterval === 'string' ? t.scrapeInterval : ''));
    return seconds.length ? Math.max(...seconds) * 1000 : 0;
}
/** The label values API's `data`: its strings. */
function readLabelValues(data) {
    return strings(data);
}
/**
 * Cumulative bucket counts by `le` (seconds; `+Inf` last), or undefined without the +Inf
 * bucket, which holds every request. Pure.
 */
function bucketCounts(series) {
    const buckets = series
        .map((s) => ({ le: leOf(s.labels.le), count: s.value }))
        .filter((b) => !Number.isNaN(b.le) && Number.isFinite(b.count))
        .sort((a, b) => a.le - b.le);
    return buckets.at(-1)?.le === Infinity ? buckets : undefined;
}
function leOf(text) {
    if (text === undefined)
        return NaN;
    return /^\+?inf$/i.test(text.trim()) ? Infinity : Number(text);
}

// EXTERNAL MODULE: ./src/metrics/api-client.ts
var api_client = __webpack_require__(3145);
;// CONCATENATED MODULE: ./src/metrics/prometheus.ts
/**
 * Prometheus through its HTTP API (instant and range queries), with bearer or basic auth,
 * extra headers, a custom CA and a timeout. A query Prometheus rejects is reported with its
 * own error and the query; an empty vector, NaN, +Inf, or an unreachable server is no data.
 * History (range queries) gives the pre-deploy baseline and replays past deploys.
 */










/** Prometheus answered, and said the query is wrong (bad PromQL, a timeout on its side...). */
class PrometheusQueryError extends Error {
    errorType;
    constructor(message, 
    /** Prometheus' errorType: `bad_data` is the query's fault, the others the server's. */
    errorType) {
        super(message);
        this.errorType = errorType;
    }
}
class PrometheusProvider {
    options;
    name = 'prometheus';
    interval;
    constructor(options) {
        this.options = options;
    }
    /**
     * The scrape interval in ms (the longest of the active targets'), asked once; 0 when it
     * cannot be known, and then ranges have no floor.
     */
    scrapeInterval() {
        this.interval ??= (async () => {
            if (this.options.scrapeIntervalMs !== undefined)
                return this.options.scrapeIntervalMs;
            const answer = await this.api('/api/v1/targets', { state: 'active' });
            return answer.status === 'success' ? longestScrapeInterval(answer.data) : 0;
        })();
        return this.interval;
    }
    /** GET an API path: its envelope, or why there is none (the query's fault when too big). */
    async api(path, params) {
        try {
            const answer = await (0,api_client/* apiGet */.V)(this.options, path, params, limits/* LIMITS */.b.prometheusAnswer);
            return readEnvelope(answer.status, answer.text);
        }
        catch (error) {
            // Too big to hold: the query's shape is the problem (a series per pod), not the server.
            if (error instanceof bounded/* TooLargeError */.qB)
                return {
                    status: 'none',
                    reason: `Prometheus answered more than ${(0,limits/* formatBytes */.z)(error.limit)} for this query; aggregate it (sum by ...) (query: ${params.query ?? ''})`,
                    fault: 'query',
                };
            return {
                status: 'none',
                reason: `Prometheus unreachable at ${(0,src_url/* redactUrl */.BO)(this.options.url)}: ${(0,src_url/* redactUrlsIn */.$1)((0,src_errors/* messageOf */.bD)(error))}`,
                fault: 'backend',
            };
        }
    }
    static rejected(answer, expr) {
        return new PrometheusQueryError(`${answer.errorType}: ${answer.error} (query: ${expr})`, answer.errorType);
    }
    /** One instant query at `time` (ms). Throws PrometheusQueryError when Prometheus rejects it. */
    async instant(expr, time) {
        const answer = await this.api('/api/v1/query', {
            query: expr,
            time: (time / 1000).toFixed(3),
        });
        if (answer.status === 'none')
            return { value: undefined, reason: answer.reason, fault: answer.fault, warnings: [] };
        if (answer.status === 'error')
            throw PrometheusProvider.rejected(answer, expr);
        return readInstant(answer.data, answer.warnings, expr);
    }
    /**
     * A range query from `start` to `end` (ms) every `stepMs`: the finite values of its series
     * (of all of them, when there are several), or why there are none. Throws PrometheusQueryError when Prometheus rejects the query.
     */
    async range(expr, start, end, stepMs) {
        const answer = await this.api('/api/v1/query_range', {
            query: expr,
            start: (start / 1000).toFixed(3),
            end: (end / 1000).toFixed(3),
            step: `${Math.max(1, Math.round(stepMs / 1000))}s`,
        });
        if (answer.status === 'none')
            return { reason: answer.reason, fault: answer.fault };
        if (answer.status === 'error')
            throw PrometheusProvider.rejected(answer, expr);
        return readRange(answer.data, expr);
    }
    async read(query, window) {
        try {
            if (query.query) {
                // The release's own traffic: ranges cut to the time since the deploy, but never
                // below two scrapes, where rate() sees fewer than two samples and reads nothing.
                const asRun = query.asWritten || (0,promql/* rangeWindows */.Tu)(query.query).length === 0
                    ? query.query
                    : (0,promql/* narrowRanges */.UX)(query.query, (window.now - window.since) / 1000, (2 * (await this.scrapeInterval())) / 1000);
                const result = await this.instant(asRun, window.now);
                const run = asRun === query.query ? {} : { query: asRun };
                if (query.alert) {
                    const reading = { ...PrometheusProvider.asAlert(result), ...run };
                    return (0,metrics_selectors/* readsAlerts */.dS)(query.query)
                        ? await this.withoutPreexisting(reading, window.deployedAt ?? window.since, window.now)
                        : reading;
                }
                const counts = await this.countsSince(query, window);
                if (result.value === undefined)
                    return 'series' in result
                        ? { series: result.series, warnings: result.warnings, ...run, ...counts }
                        : { reason: result.reason, warnings: result.warnings, ...run, ...counts };
                return {
                    ...run,
                    value: result.value,
                    ...(result.series ? { series: result.series } : {}),
                    warnings: result.warnings,
                    ...counts,
                };
            }
            if (query.ratio)
                return await this.ratio(query.ratio, window);
            return { reason: 'the trigger has neither query nor ratio' };
        }
        catch (error) {
            // A query Prometheus calls bad is the policy's fault: no amount of waiting gives data.
            if (error instanceof PrometheusQueryError && error.errorType === 'bad_data')
                return { reason: `Prometheus rejects the query: ${error.message}`, rejected: true };
            return { reason: (0,src_errors/* messageOf */.bD)(error) };
        }
    }
    /**
     * Over Prometheus' own ALERTS series, the alerts active since before the deploy are the
     * baseline, as with Alertmanager: their start is ALERTS_FOR_STATE's value (the time the
     * alert became active, in seconds), matched on the alert's labels. Series without an
     * alertname (an aggregation) or without a start on record are counted as they are.
     */
    async withoutPreexisting(reading, cutoff, now) {
        const names = [...new Set((reading.series ?? []).map((s) => s.labels.alertname))].filter((n) => n !== undefined);
        if (names.length === 0)
            return reading;
        const pattern = names.map((n) => n.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')).join('|');
        const answer = await this.api('/api/v1/query', {
            query: `ALERTS_FOR_STATE{alertname=~${JSON.stringify(pattern)}}`,
            time: (now / 1000).toFixed(3),
        });
        const since = answer.status === 'success' ? alertStarts(answer.data) : undefined;
        if (!since)
            return reading;
        const firing = [];
        const preexisting = [];
        for (const s of reading.series ?? []) {
            const began = since.get(alertKey(s.labels));
            const dated = began !== undefined && Number.isFinite(began) ? { ...s, since: began } : s;
            (began !== undefined && began < cutoff ? preexisting : firing).push(dated);
        }
        return {
            ...reading,
            value: firing.length ? 1 : 0,
            series: firing,
            preexisting,
        };
    }
    /** An alert expression's reading: nothing returned is 0, each series returned is a 1. */
    static asAlert(result) {
        if ('series' in result && result.series)
            return {
                ...(result.value !== undefined ? { value: 1 } : {}),
                series: result.series.map((s) => ({ ...s, value: 1 })),
                warnings: result.warnings,
            };
        if (result.value !== undefined)
            return { value: 1, warnings: result.warnings };
        return result.fault === 'empty' && result.reason.startsWith('empty result')
            ? { value: 0, series: [], warnings: result.warnings }
            : { reason: result.reason, warnings: result.warnings };
    }
    /**
     * What a sequential test counts since the watch began: a histogram's requests per bucket
     * (a latency quantile), or a count query's events. Nothing before two scrapes have passed,
     * where increase() reads nothing; nothing either when Prometheus cannot say.
     */
    async countsSince(query, window) {
        if (!query.histogram && !query.events)
            return {};
        const seconds = Math.floor((window.now - window.since) / 1000);
        if (seconds < Math.max(1, (2 * (await this.scrapeInterval())) / 1000))
            return {};
        if (query.events) {
            const count = await this.instant(`sum(increase(${query.events.selector}[${seconds}s])) or vector(0)`, window.now);
            return count.value === undefined ? {} : { count: count.value, countSeconds: seconds };
        }
        const buckets = await this.instant(`sum by (le) (increase(${query.histogram?.buckets ?? ''}[${seconds}s]))`, window.now);
        const parsed = bucketCounts('series' in buckets ? (buckets.series ?? []) : []);
        return parsed ? { buckets: parsed } : {};
    }
    /** Errors over total in the recent window, and both counted since the watch began. */
    async ratio(ratio, window) {
        const elapsed = Math.max(1, Math.ceil((window.now - window.since) / 1000));
        // Recent: two polls (at least 30 s), but never reaching back before the watch began.
        const recent = Math.min(elapsed, Math.max(30, Math.ceil((2 * window.intervalMs) / 1000)));
        const increase = (selector, seconds) => `sum(increase(${selector}[${seconds}s])) or vector(0)`;
        const [errorsRecent, totalRecent, errorsSince, totalSince] = await Promise.all([
            this.instant(increase(ratio.errors, recent), window.now),
            this.instant(increase(ratio.total, recent), window.now),
            this.instant(increase(ratio.errors, elapsed), window.now),
            this.instant(increase(ratio.total, elapsed), window.now),
        ]);
        const warnings = [errorsRecent, totalRecent, errorsSince, totalSince].flatMap((r) => r.warnings);
        if (totalRecent.value === undefined)
            return { reason: totalRecent.reason, warnings };
        if (totalRecent.value <= 0)
            return { reason: 'no requests in the window', windowTotal: 0, warnings };
        const reading = {
            value: (errorsRecent.value ?? 0) / totalRecent.value,
            windowTotal: totalRecent.value,
            warnings,
        };
        if (errorsSince.value !== undefined && totalSince.value !== undefined) {
            reading.errors = Math.round(errorsSince.value);
            reading.total = Math.round(totalSince.value);
        }
        return reading;
    }
    async check(query, window) {
        try {
            if (query.query) {
                const result = await this.instant(query.query, window.now);
                // An alert expression that returns nothing is the healthy case, not an empty query.
                const empty = result.value === undefined && !('series' in result) && result.fault === 'empty';
                const finding = query.alert && empty ? undefined : PrometheusProvider.finding(result);
                if (finding?.level === 'error')
                    return finding;
                // A value is no proof: `or vector(0)` reads 0 when the selector matches nothing at all.
                const missing = await this.missingSeries(query.query, window.now);
                if (missing)
                    return { level: 'error', message: missing };
                // Alerts firing now are the baseline a guard will not count: worth saying before.
                if (query.alert && (0,metrics_selectors/* readsAlerts */.dS)(query.query)) {
                    const now = await this.withoutPreexisting(PrometheusProvider.asAlert(result), Infinity, window.now);
                    return (0,metrics_alertmanager/* alreadyFiring */.qA)(now.preexisting ?? []) ?? finding;
                }
                return finding;
            }
            if (!query.ratio)
                return { level: 'error', message: 'the trigger has neither query nor ratio' };
            const missing = await this.missingSeries(query.ratio.total, window.now);
            if (missing)
                return { level: 'error', message: missing };
            // No errors at all is the normal case: only the requests must be there.
            const errors = await this.instant(`sum(increase(${query.ratio.errors}[5m]))`, window.now);
            if (errors.value === undefined && errors.fault !== 'empty')
                return PrometheusProvider.finding(errors);
            const total = await this.instant(`sum(increase(${query.ratio.total}[5m]))`, window.now);
            if (total.value === 0)
                return { level: 'warning', message: `no requests in the last 5m (${query.ratio.total})` };
            return PrometheusProvider.finding(total);
        }
        catch (error) {
            return { level: 'error', message: (0,src_errors/* messageOf */.bD)(error) };
        }
    }
    /**
     * When not one of the series selectors in `expr` matches a series, even with only its
     * equality matchers (no 5xx yet is normal; no `job="api"` at all is a typo), says so and
     * names the label values the metric does have; otherwise undefined.
     */
    async missingSeries(expr, time) {
        // ALERTS has series only while an alert is active: none is the healthy case.
        const selectors = (0,metrics_selectors/* selectorsOf */.Yv)(expr).filter((s) => s.metric !== 'ALERTS');
        if (selectors.length === 0)
            return undefined;
        for (const selector of selectors) {
            for (const text of new Set([selector.text, (0,metrics_selectors/* identifying */.j)(selector) ?? selector.text]))
                if ((await this.instant(`count(${text})`, time)).value !== undefined)
                    return undefined;
        }
        const first = selectors.find((s) => s.metric !== undefined) ?? selectors[0];
        if (!first)
            return undefined;
        const tried = selectors.map((s) => s.text).join(', ');
        if (first.metric === undefined)
            return `no series match ${tried}`;
        const named = `{__name__="${first.metric}"}`;
        if ((await this.instant(`count(${named})`, time)).value === undefined)
            return `no series match ${tried}: Prometheus has no series named ${first.metric} at all`;
        const hints = [];
        for (const { label } of first.matchers.filter((m) => m.op === '=' && metrics_selectors/* TARGET_LABELS */.SB.has(m.label))) {
            const values = await this.labelValues(label, named, time);
            if (values.length)
                hints.push(`${label}=${values
                    .slice(0, 5)
                    .map((v) => JSON.stringify(v))
                    .join(' or ')}${values.length > 5 ? ` (${values.length} values)` : ''}`);
        }
        return `no series match ${tried}; ${first.metric} has series${hints.length ? ` with ${hints.join(', ')}` : ', but none with these labels'}: check the selector`;
    }
    /** The values `label` takes on the series `match` selects (the label values API). */
    async labelValues(label, match, time) {
        const answer = await this.api(`/api/v1/label/${encodeURIComponent(label)}/values`, {
            'match[]': match,
            start: ((time - 3_600_000) / 1000).toFixed(3),
            end: (time / 1000).toFixed(3),
        });
        return answer.status === 'success' ? readLabelValues(answer.data) : [];
    }
    static finding(result) {
        // Several series are judged each on its own: nothing wrong with the query.
        if (result.value !== undefined || 'series' in result)
            return undefined;
        return { level: result.fault === 'empty' ? 'warning' : 'error', message: result.reason };
    }
    /**
     * The typical value before the deploy: for a query, the median over the window (a spike
     * does not move it); for a ratio, errors over requests across the whole window.
     */
    async baseline(query, end, windowMs) {
        try {
            if (query.ratio) {
                const seconds = Math.max(1, Math.round(windowMs / 1000));
                const expr = `(sum(increase(${query.ratio.errors}[${seconds}s])) or vector(0)) / sum(increase(${query.ratio.total}[${seconds}s]))`;
                const result = await this.instant(expr, end);
                return result.value === undefined ? { reason: result.reason } : { value: result.value };
            }
            if (!query.query)
                return { reason: 'the trigger has neither query nor ratio' };
            const history = await this.range(query.query, end - windowMs, end, Math.max(1_000, windowMs / 40));
            if ('reason' in history)
                return { reason: history.reason };
            return { value: median(history.values.map(([, v]) => v)) };
        }
        catch (error) {
            return { reason: (0,src_errors/* messageOf */.bD)(error) };
        }
    }
}

// EXTERNAL MODULE: ./src/metrics/scrape.ts
var metrics_scrape = __webpack_require__(9529);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/metrics/sources.ts







function fromProvider(trigger, provider) {
    const baseline = provider.baseline?.bind(provider);
    return {
        trigger,
        read: (window) => provider.read(trigger.query, window),
        check: (window) => provider.check(trigger.query, window),
        ...(baseline ? { baseline: (end, windowMs) => baseline(trigger.query, end, windowMs) } : {}),
    };
}
function healthSource(trigger, url, headers) {
    const check = {
        url,
        ...(headers ? { headers } : {}),
        ...(trigger.expectStatus !== undefined ? { expectStatus: trigger.expectStatus } : {}),
        ...(trigger.bodyMatch !== undefined ? { bodyMatch: trigger.bodyMatch } : {}),
    };
    return {
        trigger,
        read: () => probe(check),
        check: async () => {
            const reading = await probe(check);
            if (reading.value === undefined)
                return { level: 'error', message: reading.reason ?? 'no answer' };
            return reading.value === 0
                ? undefined
                : {
                    level: 'warning',
                    message: `the check fails before the deploy: ${reading.reason ?? ''}`,
                };
        },
    };
}
function jsonSource(trigger, url, jsonPath, headers) {
    const read = () => (0,http_json/* readJson */.Vh)({ url, jsonPath, ...(headers ? { headers } : {}) });
    return {
        trigger,
        read,
        check: async () => {
            const reading = await read();
            if (reading.value !== undefined)
                return undefined;
            // A request that cannot be made will not work after the deploy either.
            return {
                level: reading.misconfigured ? 'error' : 'warning',
                message: reading.reason ?? 'no value',
            };
        },
    };
}
function metricSources(watched, settings, options) {
    const file = options.policyFile ?? 'the policy';
    const prometheus = settings.prometheus ? new PrometheusProvider(settings.prometheus) : undefined;
    const alertmanager = settings.alertmanager
        ? new metrics_alertmanager/* AlertmanagerProvider */.b9(settings.alertmanager)
        : undefined;
    const scrape = options.scrape ?? (settings.scrape ? new metrics_scrape/* ScrapeProvider */.S(settings.scrape) : undefined);
    const lacking = new Map();
    const lack = (why, trigger) => {
        lacking.set(why, [...(lacking.get(why) ?? []), trigger.rule.name]);
        return undefined;
    };
    const sources = watched.map((trigger) => {
        const headers = settings.triggerHeaders?.[trigger.rule.name];
        switch (trigger.provider) {
            case 'prometheus':
                return prometheus
                    ? fromProvider(trigger, prometheus)
                    : lack(`no Prometheus URL: set input 'prometheus-url' or metrics.prometheus.url in ${file}`, trigger);
            case 'alertmanager':
                return alertmanager
                    ? fromProvider(trigger, alertmanager)
                    : lack(`no Alertmanager URL: set input 'alertmanager-url' or metrics.alertmanager.url in ${file}`, trigger);
            case 'scrape':
                return scrape
                    ? fromProvider(trigger, scrape)
                    : lack(`no URLs to scrape: set metrics.scrape.urls in ${file}`, trigger);
            case 'health':
                return trigger.url ? healthSource(trigger, trigger.url, headers) : lack('no url', trigger);
            case 'http-json':
                return trigger.url && trigger.jsonPath
                    ? jsonSource(trigger, trigger.url, trigger.jsonPath, headers)
                    : lack('no url and json-path', trigger);
        }
    });
    if (lacking.size)
        throw new src_errors/* UserErrors */.tQ([...lacking].map(([why, names]) => new src_errors/* UserError */.yo(`${(0,src_text/* inflect */.m)(names.length, 'trigger')} ${names.map(src_errors/* quote */.hD).join(', ')}: ${why}`)));
    return sources;
}

;// CONCATENATED MODULE: ./src/modes/metrics.ts
/** The policy's triggers with their metric sources, for the modes that read metrics. */





function triggerSources(context, options = {}) {
    const watched = (0,rules/* watchedTriggers */.yU)(context.config.policy);
    if (watched.length === 0)
        return [];
    const settings = resolveMetrics(context.config, context.env, secrets/* maskSecret */.$, options.onMissingEnv);
    const sources = metricSources(watched, settings, {
        policyFile: context.config.policyFile,
        ...options,
    });
    return sources.map((source) => withWarnings(source));
}
/** A backend's warnings (Prometheus: partial data, a truncated result) shown once each. */
function withWarnings(source) {
    const shown = new Set();
    return {
        ...source,
        read: async (window) => {
            const reading = await source.read(window);
            for (const warning of reading.warnings ?? []) {
                if (shown.has(warning))
                    continue;
                shown.add(warning);
                core/* warning */.$e(`trigger '${source.trigger.rule.name}': ${source.trigger.provider} warns: ${warning}`);
            }
            return reading;
        },
    };
}


/***/ })

};
