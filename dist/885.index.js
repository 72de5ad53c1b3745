export const id = 885;
export const ids = [885];
export const modules = {

/***/ 6201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J3: () => (/* binding */ describeLabels),
/* harmony export */   JJ: () => (/* binding */ shownValue),
/* harmony export */   OJ: () => (/* binding */ reduceSeries),
/* harmony export */   mz: () => (/* binding */ severalSeries),
/* harmony export */   r7: () => (/* binding */ perSeries)
/* harmony export */ });
/* unused harmony export SERIES_MODES */
const SERIES_MODES = (/* unused pure expression or super */ null && (['any', 'all', 'max', 'min', 'sum', 'avg']));
/** A series' identity, for people: `{pod="api-1"}` (the metric name left out). */
function describeLabels(labels) {
    const shown = Object.entries(labels)
        .filter(([name]) => name !== '__name__')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => `${name}=${JSON.stringify(value)}`);
    return `{${shown.join(',')}}`;
}
/** The series seen over the watch, each with its own observations (absent polls: no data). */
function perSeries(observations, 
/** What a series absent from a poll that had data reads (an alert: 0, not firing). */
absent) {
    const keys = new Map();
    for (const o of observations)
        for (const s of o.series ?? [])
            keys.set(describeLabels(s.labels), s.labels);
    return [...keys].map(([key, labels]) => ({
        labels,
        observations: observations.map((o) => {
            const found = o.series?.find((s) => describeLabels(s.labels) === key);
            const { series: _all, value: _value, ...rest } = o;
            if (found)
                return { ...rest, value: found.value };
            if (absent !== undefined && o.value !== undefined)
                return { ...rest, value: absent };
            return { ...rest, reason: o.reason ?? `no series ${key} in this poll` };
        }),
    }));
}
/** True when the watch saw more than one series: then they are judged as `mode` says. */
function severalSeries(observations) {
    const keys = new Set();
    for (const o of observations)
        for (const s of o.series ?? []) {
            keys.add(describeLabels(s.labels));
            if (keys.size > 1)
                return true;
        }
    return false;
}
const REDUCE = {
    max: (v) => Math.max(...v),
    min: (v) => Math.min(...v),
    sum: (v) => v.reduce((a, b) => a + b, 0),
    avg: (v) => v.reduce((a, b) => a + b, 0) / v.length,
};
/**
 * Each poll's series made one value: `max`, `min`, `sum`, `avg` as named; `all` takes the
 * series least in breach (`leastBreaching`), so the value breaches only when every series does.
 */
function reduceSeries(observations, mode, leastBreaching) {
    return observations.map((o) => {
        const values = (o.series ?? []).map((s) => s.value);
        if (values.length === 0)
            return o;
        const value = mode === 'all' ? leastBreaching(values) : REDUCE[mode](values);
        return { ...o, value };
    });
}
/** One number to show for a poll: its value, or the highest of its series. */
function shownValue(o) {
    if (o.value !== undefined || !o.series?.length)
        return o.value;
    return Math.max(...o.series.map((s) => s.value));
}


/***/ }),

/***/ 3190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pu: () => (/* binding */ describeCondition),
  gm: () => (/* binding */ evaluateTrigger),
  GP: () => (/* binding */ format),
  pI: () => (/* binding */ thresholdOf)
});

// UNUSED EXPORTS: breaches, settleEnd

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/analysis/series.ts
var series = __webpack_require__(6201);
;// CONCATENATED MODULE: ./src/analysis/sequential.ts
function sprtOptions(threshold, overrides = {}) {
    return {
        p0: threshold,
        p1: Math.min(0.999, threshold * 2),
        alpha: 0.001,
        beta: 0.01,
        ...overrides,
    };
}
function sprt(errors, total, options) {
    const { p0, p1, alpha, beta } = options;
    const upper = Math.log((1 - beta) / alpha);
    if (!(p0 > 0 && p0 < p1 && p1 < 1) || total <= 0 || errors < 0 || errors > total)
        return { llr: 0, upper, decision: 'continue' };
    const llr = errors * Math.log(p1 / p0) + (total - errors) * Math.log((1 - p1) / (1 - p0));
    return { llr, upper, decision: llr >= upper ? 'fail' : 'continue' };
}
/** One-sided z for 99.9 %: the same false-alarm level as the sequential test's alpha. */
const Z_999 = 3.09;
/**
 * Wilson's lower confidence bound for a ratio of `errors` in `total`. Valid for one look only:
 * the watch uses it once, at the moment a verdict has already failed, to say how severe the
 * failure is (never to fail a trigger, which would need the sequential test's correction).
 */
function wilsonLower(errors, total, z = Z_999) {
    if (total <= 0 || errors < 0 || errors > total)
        return undefined;
    const p = errors / total;
    const z2 = z * z;
    const centre = p + z2 / (2 * total);
    const spread = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
    return Math.max(0, (centre - spread) / (1 + z2 / total));
}
/**
 * Wald's test on a Poisson rate: `count` events in `seconds`, is the rate at most `rate0`
 * (per second) or at least `rate1`? "More than 100 5xx a minute" is such a rate: judged on
 * every count since the watch began, one noisy poll above 100 cannot decide it.
 */
function poissonSprt(count, seconds, rate0, rate1, { alpha, beta } = { alpha: 0.001, beta: 0.01 }) {
    const upper = Math.log((1 - beta) / alpha);
    if (!(rate0 > 0 && rate1 > rate0) || !(seconds > 0) || !(count >= 0))
        return { llr: 0, upper, decision: 'continue' };
    const llr = count * Math.log(rate1 / rate0) - (rate1 - rate0) * seconds;
    return { llr, upper, decision: llr >= upper ? 'fail' : 'continue' };
}
/**
 * Wilson's upper confidence bound for a ratio: at the end of the window, one look at all of a
 * quiet service's requests. Below the threshold, the release is healthy beyond doubt even
 * though no single poll had enough requests to judge.
 */
function wilsonUpper(errors, total, z = Z_999) {
    if (total <= 0 || errors < 0 || errors > total)
        return undefined;
    const flipped = wilsonLower(total - errors, total, z);
    return flipped === undefined ? undefined : 1 - flipped;
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/analysis/counts.ts
/**
 * The counts a sequential test judges, for each kind of trigger that has them: an error ratio
 * (errors in requests), a latency quantile on a histogram (slow requests in requests: "p95
 * above 1 s" is "more than 5 % of requests slower than 1 s"), and a count rate (5xx in
 * seconds, a Poisson rate). Counted since the watch began, or since a settle period ended
 * (the counts then minus the counts now). Pure.
 */



/**
 * The first bucket boundary at or above the threshold: requests slower than it are slow. A
 * bucket cannot be split, so the count proves "above the boundary", which implies "above the
 * threshold": rounding up never fails a release that is within its threshold.
 */
function boundaryFor(buckets, threshold) {
    return buckets
        .map((b) => b.le)
        .filter((le) => Number.isFinite(le) && le >= threshold * (1 - 1e-9))
        .sort((a, b) => a - b)[0];
}
/** Requests slower than `boundary`, and all requests, from cumulative bucket counts. */
function slowRequests(buckets, boundary) {
    const total = buckets.find((b) => b.le === Infinity)?.count;
    const within = buckets.find((b) => b.le === boundary)?.count;
    if (total === undefined || within === undefined)
        return undefined;
    return { slow: Math.max(0, Math.round(total - within)), total: Math.round(total) };
}
/** The counts of one observation, `from` (the settle's end) taken away. */
function countedSince(rule, latest, from, threshold, baseline) {
    if (!latest || threshold === undefined)
        return undefined;
    const higherFails = rule.relativePercent !== undefined ? rule.relativePercent > 0 : rule.above !== undefined;
    if (!higherFails)
        return undefined;
    if (rule.perSeconds !== undefined) {
        if (latest.count === undefined || latest.countSeconds === undefined)
            return undefined;
        const before = from?.count !== undefined && from.countSeconds !== undefined
            ? { count: from.count, seconds: from.countSeconds }
            : { count: 0, seconds: 0 };
        const limit = rule.relativeToBaseline && baseline !== undefined && Number.isFinite(baseline)
            ? Math.max(threshold, baseline)
            : threshold;
        return {
            kind: 'rate',
            count: Math.max(0, Math.round(latest.count - before.count)),
            seconds: latest.countSeconds - before.seconds,
            perSeconds: rule.perSeconds,
            limit,
        };
    }
    if (rule.quantile !== undefined) {
        if (!latest.buckets)
            return undefined;
        const boundary = boundaryFor(latest.buckets, threshold);
        if (boundary === undefined)
            return undefined;
        const now = slowRequests(latest.buckets, boundary);
        const then = from?.buckets ? slowRequests(from.buckets, boundary) : undefined;
        if (!now)
            return undefined;
        return {
            kind: 'ratio',
            bad: Math.max(0, now.slow - (then?.slow ?? 0)),
            total: Math.max(0, now.total - (then?.total ?? 0)),
            p0: 1 - rule.quantile,
            boundary,
        };
    }
    if (rule.relativePercent !== undefined || rule.above === undefined)
        return undefined;
    if (latest.errors === undefined || latest.total === undefined)
        return undefined;
    return {
        kind: 'ratio',
        bad: Math.max(0, latest.errors - (from?.errors ?? 0)),
        total: Math.max(0, latest.total - (from?.total ?? 0)),
        p0: rule.above,
    };
}
/** The sequential test on the counts: `fail` when a breach is beyond doubt. */
function testCounts(rule, counted) {
    const options = rule.fastFail === false ? {} : (rule.fastFail ?? {});
    if (counted.kind === 'rate') {
        const rate0 = counted.limit / counted.perSeconds;
        return poissonSprt(counted.count, counted.seconds, rate0, 2 * rate0, {
            alpha: options.alpha ?? 0.001,
            beta: options.beta ?? 0.01,
        });
    }
    // Unless the policy names its own alternative: two tests, each at half the false-alarm
    // budget, one against 1.5 times the threshold (quicker on a moderate regression, 7.5 % for
    // 5 %) and one against twice it (quicker on a severe one); the stronger decides.
    if (options.p1 !== undefined)
        return sprt(counted.bad, counted.total, sprtOptions(counted.p0, options));
    const alpha = (options.alpha ?? sprtOptions(counted.p0).alpha) / 2;
    const [moderate, severe] = [1.5, 2].map((k) => sprt(counted.bad, counted.total, sprtOptions(counted.p0, { ...options, alpha, p1: Math.min(0.999, counted.p0 * k) })));
    return moderate.llr - moderate.upper > severe.llr - severe.upper ? moderate : severe;
}
/**
 * Enough counts to judge: a ratio needs the rule's min-requests (at least one); a count per
 * minute needs a whole minute, since 90 errors in a 15-second warm-up are fewer than 100 in
 * any minute.
 */
function enough(rule, counted) {
    return counted.kind === 'rate'
        ? counted.seconds >= counted.perSeconds
        : counted.total >= Math.max(1, rule.minRequests ?? 0);
}
/** Whether a quiet service's ratio is below its threshold beyond doubt over the whole window. */
function clearlyBelow(rule, counted) {
    if (counted.kind !== 'ratio' || !enough(rule, counted))
        return false;
    const upper = wilsonUpper(counted.bad, counted.total);
    return upper !== undefined && upper < counted.p0;
}
/** The counts in words: `312 errors in 2040 requests`, `14 of 220 requests slower than 1.2s`. */
function describeCounts(counted, threshold) {
    if (counted.kind === 'rate')
        return `${counted.count} in ${Math.round(counted.seconds)}s (${format((counted.count / Math.max(1, counted.seconds)) * counted.perSeconds)} per ${counted.perSeconds}s)`;
    if (counted.boundary === undefined)
        return `${(0,src_text/* plural */.L)(counted.bad, 'error')} in ${counted.total} requests`;
    const rounded = threshold !== undefined && counted.boundary > threshold * (1 + 1e-9)
        ? `, the first bucket at or above ${format(threshold)}s`
        : '';
    return `${counted.bad} of ${counted.total} requests slower than ${format(counted.boundary)}s${rounded}`;
}
/** The claim a failing test proves, in words. */
function provenClaim(counted) {
    if (counted.kind === 'rate')
        return `a rate above ${format(counted.limit)} per ${counted.perSeconds}s beyond doubt`;
    const share = `${format(counted.p0 * 100)} %`;
    return counted.boundary === undefined
        ? `a ratio above ${format(counted.p0)} beyond doubt`
        : `more than ${share} of requests slower than ${format(counted.boundary)}s beyond doubt, so the ${format((1 - counted.p0) * 100)}th percentile is above it`;
}
/**
 * The strongest evidence against the release in the counts since `from` (the watch's start
 * or the settle's end): the sequential test over every stretch that ends now, so evidence
 * for the release earlier in the window cannot hide a regression that began later (Page's
 * CUSUM: the test restarted wherever the counts so far favoured the release). A delayed
 * onset or a slow leak is judged on its own counts, not diluted by the healthy minutes
 * before it.
 */
function strongestEvidence(rule, observations, from, threshold, baseline) {
    const latest = observations.at(-1);
    const starts = [from, ...observations.filter((o) => o !== latest && (!from || o.at > from.at))];
    let best;
    for (const start of starts) {
        const counted = countedSince(rule, latest, start, threshold, baseline);
        if (!counted || !enough(rule, counted))
            continue;
        const test = testCounts(rule, counted);
        if (!best || test.llr > best.test.llr)
            best = { counted, test };
    }
    return best;
}

;// CONCATENATED MODULE: ./src/analysis/triggers.ts
/**
 * One trigger over the observations of a watch, three-valued: `pass`, `fail` or `no-data`.
 * A missing, NaN or infinite value, or a ratio over too few requests, is no data, never a
 * failure, unless the trigger's no-data policy says `rollback`, in which case missing data
 * counts against the release like a breach (and still has to last `for`, or `consecutive`).
 */






function usable(value) {
    return value !== undefined && Number.isFinite(value);
}
/** The threshold this value is compared with (relative rules derive it from the baseline). */
function thresholdOf(rule, baseline) {
    if (rule.relativePercent !== undefined) {
        return usable(baseline) && baseline > 0
            ? baseline * (1 + rule.relativePercent / 100)
            : undefined;
    }
    return rule.above ?? rule.below;
}
/** Whether a value breaches the rule, its threshold derived already (see thresholdOf). */
function breaches(rule, value, threshold) {
    if (rule.relativePercent !== undefined)
        return rule.relativePercent < 0 ? value < threshold : value > threshold;
    const over = (limit) => (rule.aboveInclusive ? value >= limit : value > limit);
    const under = (limit) => (rule.belowInclusive ? value <= limit : value < limit);
    if (rule.above !== undefined && rule.below !== undefined)
        return over(rule.above) || under(rule.below);
    return rule.above !== undefined ? over(threshold) : under(threshold);
}
/** The failing condition in words: `> 0.05`, `< 1`, `outside 0.5–5`, or against the baseline. */
function describeCondition(rule, threshold, baseline) {
    if (rule.relativePercent !== undefined) {
        const sign = rule.relativePercent < 0 ? '<' : '>';
        const change = `${rule.relativePercent < 0 ? '' : '+'}${rule.relativePercent}%`;
        return `${sign} ${format(threshold)} (baseline ${format(baseline)} ${change})`;
    }
    const gt = rule.aboveInclusive ? '≥' : '>';
    const lt = rule.belowInclusive ? '≤' : '<';
    if (rule.above !== undefined && rule.below !== undefined)
        return rule.aboveInclusive || rule.belowInclusive
            ? `${lt} ${format(rule.below)} or ${gt} ${format(rule.above)}`
            : `outside ${format(rule.below)}–${format(rule.above)}`;
    return `${rule.above !== undefined ? gt : lt} ${format(threshold)}`;
}
function read(rule, o, threshold) {
    let value = o.value;
    let why;
    if (usable(value) &&
        rule.minRequests !== undefined &&
        o.windowTotal !== undefined &&
        o.windowTotal < rule.minRequests) {
        value = undefined;
        why = `${format(o.windowTotal)} requests in the window, too few to judge (min-requests ${rule.minRequests})`;
    }
    if (!usable(value) || threshold === undefined) {
        const breach = rule.noData === 'rollback';
        return { at: o.at, breach, value: undefined, missing: true, ...(why ? { why } : {}) };
    }
    return { at: o.at, breach: breaches(rule, value, threshold), value, missing: false };
}
/** A value as people read it: three significant digits, whole numbers from 100 up. */
function format(value) {
    if (value === undefined)
        return 'no data';
    return Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(3)).toString();
}
/**
 * A trigger's state over its observations. A query that returned several series is judged
 * as `rule.series` says (see series.ts): by default each series on its own, the trigger
 * taking the state of the one in the worst state, named by its labels.
 */
function evaluateTrigger(rule, observations, baseline, options = {}) {
    if (!(0,series/* severalSeries */.mz)(observations))
        return graded(evaluateOne(rule, observations, baseline, options), observations.at(-1)?.series?.[0]?.severity);
    const count = observations.at(-1)?.series?.length ?? 0;
    const mode = rule.series ?? 'any';
    const threshold = thresholdOf(rule, baseline);
    const higherIsWorse = !((rule.below !== undefined && rule.above === undefined && rule.relativePercent === undefined) ||
        (rule.relativePercent ?? 0) < 0);
    if (mode !== 'any') {
        const leastBreaching = (values) => threshold === undefined
            ? (values[0] ?? NaN)
            : (values.find((v) => !breaches(rule, v, threshold)) ??
                (higherIsWorse ? Math.min(...values) : Math.max(...values)));
        const state = evaluateOne(rule, (0,series/* reduceSeries */.OJ)(observations, mode, leastBreaching), baseline, options);
        return { ...state, seriesCount: count, detail: `${state.detail} (${mode} of ${count} series)` };
    }
    const last = observations.at(-1)?.series ?? [];
    const judged = (0,series/* perSeries */.r7)(observations, rule.alert ? 0 : undefined).map((s) => {
        const labels = (0,series/* describeLabels */.J3)(s.labels);
        const severity = last.find((l) => (0,series/* describeLabels */.J3)(l.labels) === labels)?.severity;
        return {
            labels,
            state: graded(evaluateOne(rule, s.observations, baseline, options), severity),
        };
    });
    const valued = judged.filter((j) => j.state.value !== undefined);
    const worst = valued.reduce((w, j) => !w ||
        (higherIsWorse
            ? (j.state.value ?? 0) > (w.state.value ?? 0)
            : (j.state.value ?? 0) < (w.state.value ?? 0))
        ? j
        : w, undefined);
    const pick = judged
        .filter((j) => j.state.status === 'fail')
        .sort((a, b) => constants/* SEVERITIES */.oC.indexOf(a.state.severity) - constants/* SEVERITIES */.oC.indexOf(b.state.severity))[0] ??
        judged.find((j) => j.state.breaching !== undefined) ??
        worst ??
        judged[0];
    if (!pick)
        return evaluateOne(rule, observations, baseline, options);
    // An alert names the alert that fires, and how many fire.
    const detail = rule.alert
        ? `${pick.state.detail.replace(/^firing\b/, `firing on ${pick.labels}`)} (${(0,src_text/* plural */.L)(count, 'alert')} in the last poll)`
        : `${pick.labels}: ${pick.state.detail} (${count} series)`;
    return { ...pick.state, seriesLabels: pick.labels, seriesCount: count, detail };
}
/** A series that carries its own severity (an alert's label) gives it to the trigger's state. */
function graded(state, severity) {
    return severity && state.status !== 'no-data' ? { ...state, severity } : state;
}
/** A count trigger's condition and its counts so far: it is judged on them, not on one poll. */
function countCondition(rule, counted, threshold) {
    const limit = counted?.kind === 'rate' ? counted.limit : threshold;
    const raised = limit !== undefined && threshold !== undefined && limit > threshold
        ? ` (the rate before the deploy)`
        : '';
    const soFar = counted ? `; so far ${describeCounts(counted, threshold)}` : '';
    return `fails when the count since the rollout proves more than ${format(limit)}${raised} per ${rule.perSeconds ?? 60}s${soFar}`;
}
/** When a non-P0 trigger's settle period ends, if it has one. */
function settleEnd(rule, since) {
    return rule.settleMs && rule.severity !== 'P0' && since !== undefined
        ? since + rule.settleMs
        : undefined;
}
function evaluateOne(rule, observations, baseline, options) {
    const threshold = thresholdOf(rule, baseline);
    // A non-P0 trigger neither breaches nor counts evidence while the release settles.
    const settled = settleEnd(rule, options.since);
    const readings = observations.map((o) => {
        const r = read(rule, o, threshold);
        return settled !== undefined && r.at < settled ? { ...r, breach: false } : r;
    });
    const latest = readings.at(-1);
    const settling = settled !== undefined && latest !== undefined && latest.at < settled
        ? `; settling after the rollout, ${(0,duration/* formatDuration */.a3)(Math.round((latest.at - (options.since ?? 0)) / 1000) * 1000)} of ${(0,duration/* formatDuration */.a3)(rule.settleMs ?? 0)}`
        : '';
    const evidenceFrom = settled === undefined ? undefined : observations.findLast((o) => o.at <= settled);
    const counted = settling
        ? undefined
        : countedSince(rule, observations.at(-1), evidenceFrom, threshold, baseline);
    const { errors, total } = observations.at(-1) ?? {};
    const above = rule.relativePercent === undefined ? rule.above : undefined;
    // An error ratio's lower bound grades the severity of a failed verdict (see verdict.ts).
    const lowerBound = above !== undefined && errors !== undefined && total !== undefined
        ? wilsonLower(errors, total)
        : undefined;
    const base = {
        name: rule.name,
        severity: rule.severity,
        threshold,
        ...(rule.above !== undefined && rule.below !== undefined && rule.relativePercent === undefined
            ? { floor: rule.below }
            : {}),
        baseline,
        value: latest?.value,
        fastFailed: false,
        ...(lowerBound === undefined ? {} : { lowerBound, errors, total }),
    };
    if (!latest)
        return { ...base, status: 'no-data', breachingSince: undefined, detail: 'no observation yet' };
    let start = readings.length;
    while (start > 0 && readings[start - 1]?.breach)
        start -= 1;
    const streak = readings.slice(start);
    const breachingSince = streak[0]?.at;
    const comparison = describeCondition(rule, threshold, baseline);
    const noData = () => {
        // A quiet service: no poll had enough requests, but the whole window may have.
        if (options.final && counted && clearlyBelow(rule, counted))
            return {
                ...base,
                status: 'pass',
                breachingSince: undefined,
                judgedOnWindow: true,
                detail: `judged on the whole window: ${describeCounts(counted, threshold)}, a share below ${counted.kind === 'ratio' ? format(counted.p0) : ''} with 99.9 % confidence`,
            };
        return {
            ...base,
            status: 'no-data',
            breachingSince,
            detail: `${latest.why ?? observations.at(-1)?.reason ?? 'no data'}${settling}`,
        };
    };
    // Argo's failureLimit: breaching polls anywhere in the window, in a row or not.
    if (rule.failureLimit !== undefined) {
        const failed = readings.filter((r) => r.breach).length;
        const what = latest.missing ? 'no data' : `${format(latest.value)} (fails ${comparison})`;
        if (failed > rule.failureLimit)
            return {
                ...base,
                status: 'fail',
                breachingSince,
                detail: `${failed} polls breached ${comparison}, more than failure-limit ${rule.failureLimit}; last ${format(latest.value)}`,
            };
        if (latest.missing)
            return noData();
        return {
            ...base,
            status: 'pass',
            breachingSince: latest.breach ? breachingSince : undefined,
            ...(failed > 0 ? { breaching: `${failed} of ${rule.failureLimit + 1} polls to fail` } : {}),
            detail: `${what}; ${(0,src_text/* plural */.L)(failed, 'failed poll')} of failure-limit ${rule.failureLimit}`,
        };
    }
    // A count trigger without `for` is decided by its sequential test, never by one poll.
    const oneTest = rule.perSeconds !== undefined &&
        rule.forMs === undefined &&
        rule.consecutive === undefined &&
        rule.fastFail !== false;
    if (!oneTest && streak.length > 0 && breachingSince !== undefined) {
        const held = latest.at - breachingSince;
        const enough = rule.consecutive !== undefined
            ? streak.length >= rule.consecutive
            : held >= (rule.forMs ?? 0);
        if (enough) {
            const how = rule.consecutive !== undefined
                ? ` ${(0,src_text/* plural */.L)(streak.length, 'poll')} in a row`
                : rule.alert && !rule.forMs
                    ? '' // an alert that fails at once: "for 0s" says nothing
                    : ` for ${Math.round(held / 1000)}s`;
            // A reading can say why it is bad (a health check's `HTTP 500, expected 200`).
            const note = observations.at(-1)?.reason;
            // A series without labels (count(...) > 0) names nothing: say only that it fires.
            const firing = (observations.at(-1)?.series ?? [])
                .map((s) => (0,series/* describeLabels */.J3)(s.labels))
                .filter((labels) => labels !== '{}');
            const what = latest.missing
                ? `no data (${latest.why ?? note ?? 'no value'}; counted as a breach by no-data: rollback)`
                : rule.alert
                    ? `firing${firing.length ? ` on ${firing.join(', ')}` : ''}`
                    : `${format(latest.value)} ${comparison}${note ? ` (${note})` : ''}`;
            return { ...base, status: 'fail', breachingSince, detail: `${what}${how}` };
        }
    }
    // Counts can fail a trigger before `for` when the evidence is overwhelming. The test counts
    // every request since the watch began (or the settle ended) and bounds its own false
    // alarms, so a thin recent window (set aside by min-requests) does not switch it off; its
    // total must pass min-requests instead.
    const strongest = rule.fastFail !== false && counted
        ? strongestEvidence(rule, observations, evidenceFrom, threshold, baseline)
        : undefined;
    if (strongest?.test.decision === 'fail') {
        const { counted: proof, test } = strongest;
        return {
            ...base,
            status: 'fail',
            fastFailed: true,
            breachingSince,
            detail: `${describeCounts(proof, threshold)}: ${provenClaim(proof)} (sequential test, LLR ${test.llr.toFixed(1)} ≥ ${test.upper.toFixed(1)})`,
        };
    }
    if (latest.missing)
        return noData();
    const breaching = latest.breach && breachingSince !== undefined && !oneTest
        ? rule.consecutive !== undefined
            ? `${streak.length} of ${rule.consecutive} polls in a row`
            : `${(0,duration/* formatDuration */.a3)(Math.round((latest.at - breachingSince) / 1000) * 1000)} of ${(0,duration/* formatDuration */.a3)(rule.forMs ?? 0)}`
        : undefined;
    const pending = breaching ? `; breaching, ${breaching}` : '';
    const hold = rule.forMs
        ? ` for ${Math.round(rule.forMs / 1000)}s`
        : rule.consecutive
            ? ` ${(0,src_text/* plural */.L)(rule.consecutive, 'time')} in a row`
            : '';
    return {
        ...base,
        status: 'pass',
        ...(breaching ? { breaching } : {}),
        breachingSince: latest.breach && !oneTest ? breachingSince : undefined,
        detail: `${rule.alert ? (latest.value ? 'firing' : 'not firing') : format(latest.value)} (${oneTest ? countCondition(rule, counted, threshold) : `fails ${rule.alert ? 'while firing' : comparison}${hold}`})${pending}${settling}`,
    };
}


/***/ }),

/***/ 6586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y1: () => (/* binding */ readFileBounded),
/* harmony export */   mR: () => (/* binding */ readBodyBounded),
/* harmony export */   qB: () => (/* binding */ TooLargeError)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(351);
/**
 * Reads with a cap: a file or an HTTP body is read in chunks and given up as soon as it is
 * over the cap (the stream destroyed), never buffered whole first. Works for character
 * devices like /dev/zero, whose size says 0.
 */


/** More than `limit` bytes were offered; nothing past the cap was kept. */
class TooLargeError extends Error {
    limit;
    name = 'TooLargeError';
    constructor(limit) {
        super(`larger than ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z)(limit)}`);
        this.limit = limit;
    }
}
const CHUNK = 64 * 1024;
/** A file's text, or TooLargeError past `limit` bytes (errno errors pass through). */
function readFileBounded(file, limit) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'r');
    try {
        // A regular file says its size: refuse at once, without reading.
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (stat.isFile() && stat.size > limit)
            throw new TooLargeError(limit);
        const chunks = [];
        let total = 0;
        for (;;) {
            const buffer = Buffer.allocUnsafe(CHUNK);
            const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, 0, CHUNK, null);
            if (read === 0)
                break;
            total += read;
            if (total > limit)
                throw new TooLargeError(limit);
            chunks.push(buffer.subarray(0, read));
        }
        return Buffer.concat(chunks).toString('utf8');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * A body's text, or TooLargeError past `limit` bytes. Leaving the loop early ends the
 * iteration, which destroys a Node stream and cancels a web stream: the rest is never read.
 */
async function readBodyBounded(body, limit) {
    const chunks = [];
    let total = 0;
    for await (const chunk of body) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
        total += buffer.length;
        if (total > limit)
            throw new TooLargeError(limit);
        chunks.push(buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}


/***/ }),

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G_: () => (/* binding */ replayClock),
/* harmony export */   ml: () => (/* binding */ systemClock)
/* harmony export */ });
/* unused harmony export MAX_TIMER_MS */
/** Node's timers hold at most 2^31-1 ms; a longer one fires at once (with a warning). */
const MAX_TIMER_MS = 2 ** 31 - 1;
const systemClock = {
    now: () => Date.now(),
    sleep: async (ms) => {
        for (let left = ms; left > 0; left -= MAX_TIMER_MS)
            await new Promise((resolve) => setTimeout(resolve, Math.min(left, MAX_TIMER_MS)));
    },
};
/** Time replayed from `start`: sleeping moves it on at once (backtests over history). */
function replayClock(start) {
    let now = start;
    return {
        now: () => now,
        sleep: (ms) => {
            now += Math.max(0, ms);
            return Promise.resolve();
        },
    };
}


/***/ }),

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cm: () => (/* binding */ DEFAULT_MODE),
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   Fk: () => (/* binding */ SNAPSHOT_ENV),
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   YL: () => (/* binding */ STRATEGIES),
/* harmony export */   lo: () => (/* binding */ DEFAULT_POLICY_PATH),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   tY: () => (/* binding */ Outputs),
/* harmony export */   zo: () => (/* binding */ APPROVALS)
/* harmony export */ });
/* unused harmony exports INPUT_TYPES, VERDICTS, INCONCLUSIVE_ACTIONS, NO_DATA_ACTIONS */
/**
 * Names of the action's modes, inputs and outputs, in one place. action.yml must list
 * exactly these inputs and outputs (a test checks it), and the README's tables are generated
 * from action.yml plus the `type` column below.
 */
/** Modes that work at this landing; later modes are added as they land. */
const MODES = [
    'guard',
    'capture',
    'rollback',
    'verify',
    'rehearse',
    'mark-good',
    'backtest',
    'validate',
];
const DEFAULT_MODE = 'guard';
const Inputs = {
    Mode: 'mode',
    Policy: 'policy',
    Targets: 'targets',
    Namespace: 'namespace',
    Contexts: 'contexts',
    PrometheusUrl: 'prometheus-url',
    AlertmanagerUrl: 'alertmanager-url',
    Window: 'window',
    Interval: 'interval',
    Strategy: 'strategy',
    ToRevision: 'to-revision',
    Approval: 'approval',
    Reason: 'reason',
    DryRun: 'dry-run',
    Kubeconfig: 'kubeconfig',
    Snapshot: 'snapshot',
    DeployTimes: 'deploy-times',
    Plan: 'plan',
    GitHubToken: 'github-token',
    DeploymentId: 'deployment-id',
    OverrideFreeze: 'override-freeze',
};
/** The value shape of each input, shown in the README's Type column. */
const INPUT_TYPES = {
    mode: 'enum',
    policy: 'path',
    targets: 'list',
    namespace: 'string',
    contexts: 'list',
    'prometheus-url': 'URL',
    'alertmanager-url': 'URL',
    window: 'duration',
    interval: 'duration',
    strategy: 'enum',
    'to-revision': 'string',
    approval: 'enum',
    reason: 'string',
    'dry-run': 'bool',
    kubeconfig: 'YAML',
    snapshot: 'JSON or path',
    'deploy-times': 'list',
    plan: 'JSON',
    'github-token': 'secret',
    'deployment-id': 'number',
    'override-freeze': 'bool',
};
const Outputs = {
    Verdict: 'verdict',
    Strategy: 'strategy',
    RolledBack: 'rolled-back',
    Verified: 'verified',
    RollbackSeconds: 'rollback-seconds',
    IncidentUrl: 'incident-url',
    Snapshot: 'snapshot',
    Plan: 'plan',
    Report: 'report',
    ReportPath: 'report-path',
};
/** Carries the snapshot path from a capture step to later steps of the same job. */
const SNAPSHOT_ENV = 'ROLLBACK_ACTION_SNAPSHOT';
const VERDICTS = (/* unused pure expression or super */ null && ([
    'healthy',
    'rolled-back',
    'rollback-recommended',
    'rollback-failed',
    'inconclusive',
]));
const DEFAULT_POLICY_PATH = '.github/rollback-policy.yml';
const STRATEGIES = [
    'auto',
    'kubernetes',
    'git-revert',
    'feature-flag',
    'command',
    'none',
];
const INCONCLUSIVE_ACTIONS = (/* unused pure expression or super */ null && (['warn', 'fail']));
const APPROVALS = ['auto', 'required'];
const NO_DATA_ACTIONS = (/* unused pure expression or super */ null && (['hold', 'rollback', 'fail']));
const SEVERITIES = ['P0', 'P1', 'P2'];


/***/ }),

/***/ 4917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ freezeLine),
/* harmony export */   Ri: () => (/* binding */ frozenLine),
/* harmony export */   WE: () => (/* binding */ findRevert),
/* harmony export */   Zx: () => (/* binding */ parseFrozeMarkers),
/* harmony export */   nV: () => (/* binding */ frozeMarker),
/* harmony export */   wW: () => (/* binding */ frozeOf)
/* harmony export */ });
/* unused harmony exports MAX_FROZE_COMMITS, revertedBy */
/**
 * The deploy freeze (runbook 003: "block further deploys"), its pure half: what an incident
 * froze on, as the hidden marker the incident body (and each later event's comment) carries,
 * and whether a commit history reverts it. Text in, data out; GitHub and git are elsewhere.
 *
 * The marker: `<!-- rollback-action:froze head=<sha> commits=<sha>,<sha> -->`, full SHAs, the
 * deployed head first and at most MAX_FROZE_COMMITS of its range after it.
 */
/** Commits of the bad range a marker records, besides the head: enough for any revert. */
const MAX_FROZE_COMMITS = 12;
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const MARKER = /<!-- rollback-action:froze head=([0-9a-f]{40}|[0-9a-f]{64})(?: commits=([0-9a-f,]*))? -->/g;
/**
 * What to record: the head, then the range's commits with the first-parent chain first (what
 * `git revert -m 1` and GitHub's revert button name), then the others, up to the bound.
 * Undefined without a full head SHA: a marker that names nothing lifts nothing.
 */
function frozeOf(head, commits = []) {
    const top = head?.trim().toLowerCase();
    // All zeros is git's null SHA (a push that created a branch): no commit to freeze on.
    if (!top || !FULL_SHA.test(top) || /^0+$/.test(top))
        return undefined;
    const bySha = new Map(commits.map((c) => [c.sha, c]));
    const chain = [];
    for (let at = bySha.get(top); at && !chain.includes(at.sha); at = bySha.get(at.parents[0] ?? ''))
        chain.push(at.sha);
    const others = commits.map((c) => c.sha).filter((sha) => !chain.includes(sha));
    const all = [...new Set([top, ...chain, ...others])].filter((sha) => FULL_SHA.test(sha));
    return { head: top, commits: all.slice(0, MAX_FROZE_COMMITS + 1) };
}
function frozeMarker(froze) {
    const commits = froze.commits.filter((sha) => FULL_SHA.test(sha));
    return `<!-- rollback-action:froze head=${froze.head}${commits.length ? ` commits=${commits.join(',')}` : ''} -->`;
}
/** Every froze marker in a text (the body and each comment of the incident), in order. */
function parseFrozeMarkers(text) {
    return [...text.matchAll(MARKER)].map((m) => {
        const head = m[1] ?? '';
        const listed = (m[2] ?? '').split(',').filter((sha) => FULL_SHA.test(sha));
        return { head, commits: [...new Set([head, ...listed])].slice(0, MAX_FROZE_COMMITS + 1) };
    });
}
/**
 * The SHAs a message says it reverts: git's `This reverts commit <sha>` (git revert, GitHub's
 * revert button, this action's per-commit reverts) and the `Reverts: <sha>` trailers of this
 * action's one-commit revert. At least 7 hex digits: an abbreviation is matched as a prefix.
 */
function revertedBy(message) {
    const found = [
        ...message.matchAll(/\bThis reverts commit ([0-9a-f]{7,64})\b/gi),
        ...message.matchAll(/^Reverts: ([0-9a-f]{7,64})\s*$/gim),
    ].map((m) => (m[1] ?? '').toLowerCase());
    return [...new Set(found)];
}
const names = (short, full) => full.startsWith(short);
/**
 * Whether `history` (the commits deployed since the bad head, newest first, as git log lists
 * them) reverts any commit an incident froze on. A revert that is itself reverted later (the
 * change re-applied: `Revert "Revert …"`) counts for nothing. The newest standing revert wins.
 */
function findRevert(history, frozen) {
    const targets = [...new Set(frozen.flatMap((f) => f.commits))];
    // Oldest first: a revert of a revert must come after the revert it cancels.
    const standing = new Map();
    for (const commit of [...history].reverse()) {
        const reverted = revertedBy(commit.message);
        for (const short of reverted) {
            const cancelled = [...standing.keys()].find((revert) => names(short, revert));
            if (cancelled)
                standing.delete(cancelled);
        }
        const hits = targets.filter((sha) => reverted.some((short) => names(short, sha)));
        if (hits.length)
            standing.set(commit.sha, hits);
    }
    const newest = [...standing.entries()].at(-1);
    return newest ? { revert: newest[0], reverted: newest[1][0] ?? '' } : undefined;
}
const short = (sha) => sha.slice(0, 7);
const issue = (i) => `incident #${i.number} (${i.url})`;
/** The one line a frozen capture fails with, and its summary says. */
function frozenLine(service, incident) {
    return `deploys are frozen: ${issue(incident)} is open for ${service}; close it when the RCA allows, deploy a revert of its commits, or set override-freeze: true`;
}
/** The line each state is logged with (level decided by the caller); undefined for clear. */
function freezeLine(s) {
    switch (s.state) {
        case 'clear':
            return undefined;
        case 'unchecked':
            return `the deploy freeze was not checked (${s.problem}); capturing anyway`;
        case 'frozen':
            return frozenLine(s.service, s.incident);
        case 'overridden':
            return `deploy freeze overridden (override-freeze: true): ${issue(s.incident)} is still open for ${s.service}`;
        case 'lifted':
            return `deploy freeze lifted: ${short(s.revert?.revert ?? '')} reverts ${short(s.revert?.reverted ?? '')} of ${issue(s.incident)}, which stays open for its RCA`;
    }
}


/***/ }),

/***/ 7995:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sh: () => (/* binding */ migrationGlobs),
/* harmony export */   iU: () => (/* binding */ classifyRange),
/* harmony export */   tL: () => (/* binding */ globToRegExp),
/* harmony export */   y6: () => (/* binding */ isMigrationPath)
/* harmony export */ });
/* unused harmony exports DEFAULT_MIGRATION_GLOBS, frameworkOf, classifyMigration */
/**
 * Which files of a deployed range are database migrations, and whether any of them is a point
 * of no return. A destructive migration (a drop, a rename, a type change) leaves a schema the
 * previous release cannot use, and reversing it loses data: the design's safety rule is never
 * to roll such a release back automatically. An additive one (new tables, columns, indexes,
 * rows) leaves a schema the previous release still runs on, so the application rollback goes
 * ahead and the schema stays. Pure: paths and texts in, classification out.
 *
 * This is a reader of text, not a parser: comments and string literals are blanked first (so
 * a `DROP` in a comment, or a column named `dropped_at`, is not a drop), then statements and
 * calls are matched. Only the forward half of a migration counts: the Down section of a goose
 * file, Alembic's `downgrade()`, Rails' `def down`, Knex and TypeORM `down`, a golang-migrate
 * `.down.sql` and Liquibase `rollback` blocks are the rollback itself.
 */
/**
 * Where each framework keeps its migrations by default. `**` prefixes, so a monorepo's
 * `services/api/db/migrate/...` counts as well as the root's. Some globs are wider than one
 * framework (`migrations/*.sql` is goose's, golang-migrate's or plain SQL; `migrations/*.ts` is
 * Knex's or TypeORM's): the file's content names the framework (see frameworkOf).
 */
const DEFAULT_MIGRATION_GLOBS = [
    // Prisma Migrate: one folder per migration, `<timestamp>_<name>/migration.sql`.
    '**/prisma/migrations/*/migration.sql',
    // Alembic (and Flask-Migrate, whose Alembic folder is `migrations/`): revision scripts.
    '**/alembic/versions/*.py',
    '**/migrations/versions/*.py',
    // Django: `<app>/migrations/0001_initial.py`; `__init__.py` starts with no digit.
    '**/migrations/[0-9]*.py',
    // Rails (and engines): `db/migrate/20261101120000_add_x.rb`.
    '**/db/migrate/*.rb',
    // Flyway: versioned `V<version>__<description>.sql` and repeatable `R__<description>.sql`
    // (undo `U` files are the rollback, not a change going forward).
    '**/db/migration/V*__*.sql',
    '**/db/migration/R__*.sql',
    // Liquibase: changelogs under a `changelog` folder, or `db.changelog-master.yaml` and kin.
    '**/changelog*/**/*.{xml,yaml,yml,json,sql}',
    '**/db.changelog-*.{xml,yaml,yml,json,sql}',
    // Knex and TypeORM (`migrations/<timestamp>_<name>.js|ts`, `<timestamp>-<Name>.ts`).
    '**/migrations/*.{js,cjs,mjs,ts}',
    // goose (`migrations/<version>_<name>.sql`) and golang-migrate (`<version>_<title>.up.sql`).
    '**/migrations/*.sql',
    '**/*.up.sql',
    '**/*.down.sql',
];
function migrationGlobs(settings = {}) {
    const own = settings.paths ?? [];
    return settings.replaceDefaults ? [...own] : [...DEFAULT_MIGRATION_GLOBS, ...own];
}
const compiled = new Map();
/**
 * A glob as a RegExp over `/`-separated paths: `*` and `?` stay within one segment, `**` as a
 * whole segment spans any number of them (zero included), `[...]` (`[!...]` negated) and
 * `{a,b}` as in a shell. The project's glob matchers (picomatch, minimatch) are dev-only
 * transitive dependencies; this small subset is all the defaults and a policy need.
 */
function globToRegExp(glob) {
    const cached = compiled.get(glob);
    if (cached)
        return cached;
    let re = '';
    let braces = 0;
    for (let i = 0; i < glob.length; i++) {
        const c = glob.charAt(i);
        if (c === '*') {
            const segmentStart = i === 0 || glob[i - 1] === '/';
            if (glob[i + 1] === '*' && segmentStart && glob[i + 2] === '/') {
                re += '(?:[^/]*/)*';
                i += 2;
            }
            else if (glob[i + 1] === '*' && segmentStart && i + 2 === glob.length) {
                re += '.*';
                i += 1;
            }
            else {
                re += '[^/]*';
                while (glob[i + 1] === '*')
                    i++;
            }
        }
        else if (c === '?') {
            re += '[^/]';
        }
        else if (c === '[') {
            const end = glob.indexOf(']', i + 2);
            if (end < 0) {
                re += '\\[';
                continue;
            }
            const body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
            re += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
            i = end;
        }
        else if (c === '{') {
            braces++;
            re += '(?:';
        }
        else if (c === '}' && braces > 0) {
            braces--;
            re += ')';
        }
        else if (c === ',' && braces > 0) {
            re += '|';
        }
        else {
            re += c.replace(/[.+^$()|\\/]/g, '\\$&');
        }
    }
    const regexp = new RegExp(`^${re}$`);
    compiled.set(glob, regexp);
    return regexp;
}
function normalizePath(path) {
    return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}
function isMigrationPath(path, globs = DEFAULT_MIGRATION_GLOBS) {
    const p = normalizePath(path);
    let matched = false;
    for (const glob of globs) {
        const negated = glob.startsWith('!');
        if (globToRegExp(negated ? glob.slice(1) : glob).test(p))
            matched = !negated;
    }
    return matched;
}
/** The framework of a migration file, from its path and, where paths are shared, its content. */
function frameworkOf(path, text = '') {
    const p = normalizePath(path);
    const base = p.slice(p.lastIndexOf('/') + 1);
    if (/(?:^|\/)prisma\/migrations\/[^/]+\/migration\.sql$/.test(p))
        return 'prisma';
    if (/\.(?:up|down)\.sql$/i.test(base))
        return 'golang-migrate';
    if (/\.sql$/i.test(base) && /^--\s*\+goose\s+up\b/im.test(text))
        return 'goose';
    if (/\.sql$/i.test(base) && /^--\s*liquibase\s+formatted\s+sql/im.test(text))
        return 'liquibase';
    if (/^(?:V[0-9][0-9._]*|R)__.+\.sql$/.test(base))
        return 'flyway';
    if (/\.(?:xml|ya?ml|json|sql)$/i.test(base) &&
        (/(?:^|\/)changelog[^/]*\//i.test(p) || /^db\.changelog-/i.test(base)))
        return 'liquibase';
    if (base.endsWith('.py')) {
        if (/\/versions\/[^/]+\.py$/.test(p) || /^\s*from alembic import\b/m.test(text))
            return 'alembic';
        if (/(?:^|\/)migrations\/[0-9][^/]*\.py$/.test(p) || /\bmigrations\.Migration\b/.test(text))
            return 'django';
        return 'unknown';
    }
    if (base.endsWith('.rb'))
        return 'rails';
    if (/\.(?:c|m)?[jt]s$/.test(base)) {
        if (/\bMigrationInterface\b/.test(text))
            return 'typeorm';
        if (/\bexports\.up\b|\bexport\s+(?:async\s+)?function\s+up\b|\bexport\s+const\s+up\b/.test(text))
            return 'knex';
        return 'unknown';
    }
    if (/\.sql$/i.test(base))
        return 'sql';
    return 'unknown';
}
// ---------------------------------------------------------------------------------------------
// Shared helpers
/** Characters replaced by spaces, newlines kept, so offsets and line numbers stay true. */
function blank(s) {
    return s.replace(/[^\n]/g, ' ');
}
function lineStarts(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++)
        if (text[i] === '\n')
            starts.push(i + 1);
    return starts;
}
function lineAt(starts, offset) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo + 1;
}
const MAX_STATEMENT = 120;
function oneLine(s) {
    const flat = s.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_STATEMENT ? `${flat.slice(0, MAX_STATEMENT - 1)}…` : flat;
}
function unquote(name) {
    return name.replace(/["`[\]]/g, '').replace(/\s*\.\s*/g, '.');
}
function kindOf(findings) {
    if (findings.some((f) => f.effect === 'destructive'))
        return 'destructive';
    if (findings.some((f) => f.effect === 'additive'))
        return 'additive';
    return 'none';
}
// The reasons, shared by SQL and the frameworks' own calls so both say the same thing.
const WHY = {
    dropTable: (t) => `drops table ${t} and its rows: the previous release may still read it, and a rollback cannot bring the data back`,
    dropColumn: (c) => `drops column ${c} and its data: the previous release may still read or write it`,
    dropObject: (what, n) => `drops ${what} ${n}: the previous release may still use it, and it is not simply put back`,
    dropIndex: (n) => `drops index ${n}: the previous release may rely on it for uniqueness or speed, and rebuilding it takes time`,
    dropConstraint: (n) => `drops constraint ${n}: rows written without it may not satisfy it again, so it cannot simply be put back`,
    renameTable: (a, b) => `renames table ${a} to ${b}: the previous release still uses the old name`,
    renameColumn: (a, b) => `renames column ${a} to ${b}: the previous release still uses the old name`,
    rename: (what) => `renames ${what}: the previous release still uses the old name`,
    changeType: (c) => `changes the type or definition of ${c}: the previous release may write values it refuses, and converted data may not convert back`,
    setNotNull: (c) => `makes ${c} NOT NULL: the previous release may insert rows without it, and those inserts fail`,
    addNotNull: (c) => `adds column ${c} NOT NULL without a default: the previous release inserts rows without it, and those inserts fail`,
    truncate: (t) => `empties table ${t}: its rows are gone for good`,
    deleteAll: (t) => `deletes every row of ${t} (no WHERE): the rows are gone for good`,
    deleteSome: (t) => `deletes rows of ${t} (with a WHERE): a rollback does not bring them back; check what they were`,
    unreadable: (what) => `${what} the classifier cannot read: check it by hand before any rollback`,
    createTable: (t) => `creates table ${t}: the previous release does not use it`,
    create: (what, n) => `creates ${what}${n ? ` ${n}` : ''}: the previous release does not depend on it`,
    addColumn: (c) => `adds column ${c}: the previous release does not know it and leaves it alone`,
    addConstraint: () => 'adds a constraint or index: the previous release keeps working with it',
    insert: (t) => `inserts rows into ${t}: the previous release keeps working with them`,
};
// ---------------------------------------------------------------------------------------------
// SQL
const ID_PART = '(?:"[^"]*"|`[^`]*`|\\[[^\\]]*\\]|[A-Za-z_][\\w$]*)';
const IDENT = `${ID_PART}(?:\\s*\\.\\s*${ID_PART})*`;
/**
 * Blank comments and string literals in SQL. Quoted identifiers keep their quotes and become
 * `"xxx"`, so `"drop"` is no keyword yet offsets still point at the original name. A dollar-
 * quoted body is a string (a function body runs later, if ever) unless it follows `DO`, which
 * runs it now.
 */
function maskSql(sql) {
    let code = '';
    let plain = '';
    let i = 0;
    while (i < sql.length) {
        const c = sql.charAt(i);
        const next = sql.charAt(i + 1);
        if (c === '-' && next === '-') {
            const end = sql.indexOf('\n', i);
            const stop = end < 0 ? sql.length : end;
            code += blank(sql.slice(i, stop));
            plain += blank(sql.slice(i, stop));
            i = stop;
        }
        else if (c === '/' && next === '*') {
            const end = sql.indexOf('*/', i + 2);
            const stop = end < 0 ? sql.length : end + 2;
            code += blank(sql.slice(i, stop));
            plain += blank(sql.slice(i, stop));
            i = stop;
        }
        else if (c === "'") {
            const backslash = /[eE]$/.test(code);
            let j = i + 1;
            while (j < sql.length) {
                if (backslash && sql[j] === '\\')
                    j += 2;
                else if (sql[j] === "'" && sql[j + 1] === "'")
                    j += 2;
                else if (sql[j] === "'")
                    break;
                else
                    j++;
            }
            const stop = Math.min(j + 1, sql.length);
            code += `'${blank(sql.slice(i + 1, stop - 1))}'`.slice(0, stop - i);
            plain += sql.slice(i, stop);
            i = stop;
        }
        else if (c === '"' || c === '`') {
            let j = i + 1;
            while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c))
                j += sql[j] === c ? 2 : 1;
            const stop = Math.min(j + 1, sql.length);
            const inside = sql.slice(i + 1, stop - 1).replace(/[^\n]/g, 'x');
            code += `${c}${inside}${c}`.slice(0, stop - i);
            plain += sql.slice(i, stop);
            i = stop;
        }
        else if (c === '$' && /^\$(?:[A-Za-z_]\w*)?\$/.test(sql.slice(i))) {
            const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(sql.slice(i))?.[0] ?? '$$';
            const end = sql.indexOf(tag, i + tag.length);
            const stop = end < 0 ? sql.length : end + tag.length;
            const runsNow = /\bDO\s*(?:LANGUAGE\s+\w+\s*)?$/i.test(code);
            const body = sql.slice(i + tag.length, stop - (end < 0 ? 0 : tag.length));
            const inner = runsNow ? maskSql(body) : { code: blank(body), plain: body };
            code += blank(tag) + inner.code + (end < 0 ? '' : blank(tag));
            plain += tag + inner.plain + (end < 0 ? '' : tag);
            i = stop;
        }
        else {
            code += c;
            plain += c;
            i++;
        }
    }
    return { code, plain };
}
/** Split at top-level commas, keeping each part's offset. */
function clauses(text, base) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
        const c = text[i];
        if (c === '(')
            depth++;
        else if (c === ')')
            depth--;
        else if ((c === ',' && depth === 0) || i === text.length) {
            const part = text.slice(start, i);
            const lead = part.length - part.trimStart().length;
            parts.push({ text: part.trimStart(), at: base + start + lead });
            start = i + 1;
        }
    }
    return parts;
}
/** PL/pgSQL words that may precede a statement inside a `DO` block, or a transaction's BEGIN. */
const PL_PREFIX = /^(?:DO\s+(?:LANGUAGE\s+\w+\s+)?|BEGIN\b|ELSE\b|LOOP\b|END\s+(?:IF|LOOP)\b|(?:IF|ELSIF)\b[\s\S]*?\bTHEN\b|EXCEPTION\s+WHEN\b[\s\S]*?\bTHEN\b)\s*/i;
function plPrefix(code) {
    let skip = 0;
    for (;;) {
        const m = PL_PREFIX.exec(code.slice(skip));
        if (!m || m[0].length === 0)
            return skip;
        skip += m[0].length;
    }
}
/** The findings of one statement; `code` is masked, `plain` the same span with comments blanked. */
function statementHits(code, plain) {
    const skip = plPrefix(code);
    const s = code.slice(skip);
    const name = (m, group) => {
        const span = m.indices?.[group];
        return span ? unquote(plain.slice(skip + span[0], skip + span[1])) : '';
    };
    const re = (source) => new RegExp(source, 'id');
    let m;
    if ((m = re(`^DROP\\s+(MATERIALIZED\\s+VIEW|[A-Z]+)\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?(${IDENT})`).exec(s))) {
        const what = (m[1] ?? '').toUpperCase().replace(/\s+/g, ' ');
        const n = name(m, 2);
        const why = what === 'TABLE'
            ? WHY.dropTable(n)
            : what === 'INDEX'
                ? WHY.dropIndex(n)
                : WHY.dropObject(what.toLowerCase(), n);
        return [{ at: skip, effect: 'destructive', why }];
    }
    if ((m = re(`^TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(${IDENT})`).exec(s)))
        return [{ at: skip, effect: 'destructive', why: WHY.truncate(name(m, 1)) }];
    if ((m = re(`^DELETE\\s+FROM\\s+(?:ONLY\\s+)?(${IDENT})`).exec(s))) {
        const t = name(m, 1);
        return /\bWHERE\b/i.test(s)
            ? [{ at: skip, effect: 'warning', why: WHY.deleteSome(t) }]
            : [{ at: skip, effect: 'destructive', why: WHY.deleteAll(t) }];
    }
    if ((m = re(`^RENAME\\s+TABLE\\s+(${IDENT})\\s+TO\\s+(${IDENT})`).exec(s)))
        return [{ at: skip, effect: 'destructive', why: WHY.renameTable(name(m, 1), name(m, 2)) }];
    if (/^(?:EXEC(?:UTE)?\s+)?sp_rename\b/i.test(s))
        return [{ at: skip, effect: 'destructive', why: WHY.rename('an object (sp_rename)') }];
    if ((m = re(`^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(${IDENT})\\s+`).exec(s))) {
        const table = name(m, 1);
        const rest = m[0].length;
        return clauses(s.slice(rest), skip + rest).flatMap((clause) => alterTableClause(clause.text, plain.slice(clause.at), table).map((h) => ({
            ...h,
            at: clause.at,
        })));
    }
    if ((m = re(`^ALTER\\s+(?:MATERIALIZED\\s+VIEW|[A-Z]+)\\s+(?:IF\\s+EXISTS\\s+)?(${IDENT})\\s+(RENAME|DROP|ADD)\\b`).exec(s))) {
        const verb = (m[2] ?? '').toUpperCase();
        const n = name(m, 1);
        if (verb === 'RENAME')
            return [{ at: skip, effect: 'destructive', why: WHY.rename(n) }];
        if (verb === 'DROP')
            return [{ at: skip, effect: 'destructive', why: WHY.dropObject('part of', n) }];
        return [{ at: skip, effect: 'additive', why: WHY.create('a part of', n) }];
    }
    if ((m = re(`^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:UNIQUE\\s+)?(?:TEMP(?:ORARY)?\\s+)?(MATERIALIZED\\s+VIEW|[A-Z]+)\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(${IDENT})?`).exec(s))) {
        const what = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
        const n = name(m, 2);
        const why = what === 'table' ? WHY.createTable(n) : WHY.create(what, n === 'ON' ? '' : n);
        return [{ at: skip, effect: 'additive', why }];
    }
    if ((m = re(`^INSERT\\s+(?:INTO\\s+)?(${IDENT})`).exec(s)))
        return [{ at: skip, effect: 'additive', why: WHY.insert(name(m, 1)) }];
    return [];
}
/** One clause of `ALTER TABLE <table> ...`; `plain` starts where the clause does. */
function alterTableClause(code, plain, table) {
    const re = (source) => new RegExp(source, 'id');
    const name = (m, group) => {
        const span = m.indices?.[group];
        return span ? unquote(plain.slice(span[0], span[1])) : '';
    };
    const col = (n) => `${table}.${n}`;
    let m;
    if ((m = re(`^RENAME\\s+TO\\s+(${IDENT})`).exec(code)))
        return [{ effect: 'destructive', why: WHY.renameTable(table, name(m, 1)) }];
    if ((m = re(`^RENAME\\s+(?:COLUMN\\s+)?(${IDENT})\\s+TO\\s+(${IDENT})`).exec(code)))
        return [{ effect: 'destructive', why: WHY.renameColumn(col(name(m, 1)), name(m, 2)) }];
    if (/^RENAME\b/i.test(code))
        return [{ effect: 'destructive', why: WHY.rename(`a part of table ${table}`) }];
    if ((m = re(`^DROP\\s+(CONSTRAINT|CHECK|FOREIGN\\s+KEY|PRIMARY\\s+KEY|INDEX|KEY|PARTITION)\\b\\s*(?:IF\\s+EXISTS\\s+)?(${IDENT})?`).exec(code))) {
        const what = (m[1] ?? '').toUpperCase();
        const n = name(m, 2) || `${what.toLowerCase()} of ${table}`;
        if (what === 'INDEX' || what === 'KEY')
            return [{ effect: 'destructive', why: WHY.dropIndex(n) }];
        if (what === 'PARTITION')
            return [{ effect: 'destructive', why: WHY.dropObject('partition', `${n} of ${table}`) }];
        return [{ effect: 'destructive', why: WHY.dropConstraint(n) }];
    }
    if ((m = re(`^DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(${IDENT})`).exec(code)))
        return [{ effect: 'destructive', why: WHY.dropColumn(col(name(m, 1))) }];
    if ((m = re(`^ALTER\\s+(?:COLUMN\\s+)?(${IDENT})\\s+(?:SET\\s+DATA\\s+)?TYPE\\b`).exec(code)))
        return [{ effect: 'destructive', why: WHY.changeType(col(name(m, 1))) }];
    if ((m = re(`^ALTER\\s+(?:COLUMN\\s+)?(${IDENT})\\s+SET\\s+NOT\\s+NULL\\b`).exec(code)))
        return [{ effect: 'destructive', why: WHY.setNotNull(col(name(m, 1))) }];
    // SQL Server: `ALTER COLUMN c NVARCHAR(200)`, no TYPE keyword.
    if ((m = re(`^ALTER\\s+COLUMN\\s+(${IDENT})\\s+(?!SET\\b|DROP\\b|ADD\\b|RESTART\\b|RESET\\b|OPTIONS\\b)[A-Z]`).exec(code)))
        return [{ effect: 'destructive', why: WHY.changeType(col(name(m, 1))) }];
    if ((m = re(`^MODIFY\\s+(?:COLUMN\\s+)?(${IDENT})`).exec(code)))
        return [{ effect: 'destructive', why: WHY.changeType(col(name(m, 1))) }];
    if ((m = re(`^CHANGE\\s+(?:COLUMN\\s+)?(${IDENT})\\s+(${IDENT})`).exec(code))) {
        const [from, to] = [name(m, 1), name(m, 2)];
        return from === to
            ? [{ effect: 'destructive', why: WHY.changeType(col(from)) }]
            : [{ effect: 'destructive', why: WHY.renameColumn(col(from), to) }];
    }
    if (/^ADD\s+(?:CONSTRAINT|INDEX|KEY|UNIQUE|PRIMARY|FOREIGN|CHECK|FULLTEXT|SPATIAL)\b/i.test(code))
        return [{ effect: 'additive', why: WHY.addConstraint() }];
    if ((m = re(`^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(${IDENT})`).exec(code))) {
        const c = col(name(m, 1));
        const required = /\bNOT\s+NULL\b/i.test(code) &&
            !/\b(?:DEFAULT|GENERATED|AUTO_INCREMENT|IDENTITY|SERIAL|BIGSERIAL|SMALLSERIAL)\b/i.test(code);
        return required
            ? [{ effect: 'destructive', why: WHY.addNotNull(c) }]
            : [{ effect: 'additive', why: WHY.addColumn(c) }];
    }
    return [];
}
/** Findings of a SQL text; `lineBase` shifts lines when the SQL sits inside another file. */
function sqlFindings(sql, lineBase = 0) {
    const { code, plain } = maskSql(sql);
    const starts = lineStarts(sql);
    const findings = [];
    let start = 0;
    for (let i = 0; i <= code.length; i++) {
        if (i < code.length && code[i] !== ';')
            continue;
        const piece = code.slice(start, i);
        const lead = piece.length - piece.trimStart().length;
        const at = start + lead;
        if (piece.trim()) {
            // Inside a DO block, quote the statement itself rather than the block's opening words.
            const statement = oneLine(plain.slice(at + plPrefix(code.slice(at, i)), i));
            for (const hit of statementHits(code.slice(at, i), plain.slice(at, i)))
                findings.push({
                    line: lineBase + lineAt(starts, at + hit.at),
                    statement,
                    why: hit.why,
                    effect: hit.effect,
                });
        }
        start = i + 1;
    }
    return findings;
}
/** goose runs the `-- +goose Up` section going forward; `-- +goose Down` is the rollback. */
function gooseUp(sql) {
    let up = false;
    return sql
        .split('\n')
        .map((line) => {
        const annotation = /^--\s*\+goose\s+(up|down)\b/i.exec(line);
        if (annotation)
            up = annotation[1]?.toLowerCase() === 'up';
        return up && !annotation ? line : blank(line);
    })
        .join('\n');
}
function maskCode(text, lang) {
    let code = '';
    let plain = '';
    const literals = [];
    const heredocs = [];
    let i = 0;
    const comment = (stop) => {
        code += blank(text.slice(i, stop));
        plain += blank(text.slice(i, stop));
        i = stop;
    };
    const literal = (open, valueAt, valueEnd, stop) => {
        literals.push({ start: open, end: stop, valueAt, value: text.slice(valueAt, valueEnd) });
        code +=
            text.slice(i, valueAt) + blank(text.slice(valueAt, valueEnd)) + text.slice(valueEnd, stop);
        plain += text.slice(i, stop);
        i = stop;
    };
    while (i < text.length) {
        const c = text.charAt(i);
        const rest = text.slice(i, i + 3);
        if (c === '\n' && heredocs.length > 0) {
            // Ruby heredoc bodies start on the line after `<<~SQL`.
            code += c;
            plain += c;
            i++;
            for (const id of heredocs.splice(0)) {
                const end = new RegExp(`^[ \\t]*${id}[ \\t]*$`, 'm');
                const m = end.exec(text.slice(i));
                const bodyEnd = m ? i + m.index : text.length;
                const stop = m ? bodyEnd + m[0].length : text.length;
                literal(i, i, bodyEnd, stop);
            }
            continue;
        }
        if ((lang === 'python' || lang === 'ruby') && c === '#') {
            const end = text.indexOf('\n', i);
            comment(end < 0 ? text.length : end);
        }
        else if (lang === 'ruby' &&
            /^=begin\b/.test(text.slice(i)) &&
            (i === 0 || text[i - 1] === '\n')) {
            const end = text.indexOf('\n=end', i);
            comment(end < 0 ? text.length : end + 5);
        }
        else if (lang === 'js' && c === '/' && text[i + 1] === '/') {
            const end = text.indexOf('\n', i);
            comment(end < 0 ? text.length : end);
        }
        else if (lang === 'js' && c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            comment(end < 0 ? text.length : end + 2);
        }
        else if (lang === 'ruby' && /^<<[~-]?(['"]?)([A-Z_][A-Z0-9_]*)\1/.test(text.slice(i))) {
            const m = /^<<[~-]?(['"]?)([A-Z_][A-Z0-9_]*)\1/.exec(text.slice(i));
            heredocs.push(m?.[2] ?? '');
            code += m?.[0] ?? '';
            plain += m?.[0] ?? '';
            i += m?.[0].length ?? 1;
        }
        else if (lang === 'python' && (rest === '"""' || rest === "'''")) {
            const end = text.indexOf(rest, i + 3);
            const valueEnd = end < 0 ? text.length : end;
            literal(i, i + 3, valueEnd, Math.min(valueEnd + 3, text.length));
        }
        else if (c === '"' || c === "'" || (lang === 'js' && c === '`')) {
            let j = i + 1;
            while (j < text.length && text[j] !== c && (c === '`' || text[j] !== '\n'))
                j += text[j] === '\\' ? 2 : 1;
            const valueEnd = Math.min(j, text.length);
            literal(i, i + 1, valueEnd, Math.min(valueEnd + 1, text.length));
        }
        else {
            code += c;
            plain += c;
            i++;
        }
    }
    return { code, plain, literals };
}
/** The forward half: from the up function to the down one (or the end), or the whole file. */
function forwardRegion(code, up, down) {
    const u = up.exec(code);
    if (!u)
        return [0, code.length];
    const rest = code.slice(u.index + u[0].length);
    const d = down.exec(rest);
    return [u.index, d ? u.index + u[0].length + d.index : code.length];
}
/** The span of a call's arguments: to the matching `)`, or (Ruby without parentheses) to the line's end. */
function argSpan(code, from) {
    let i = from;
    while (code[i] === ' ' || code[i] === '\t')
        i++;
    if (code[i] !== '(') {
        const end = code.indexOf('\n', from);
        return [from, end < 0 ? code.length : end];
    }
    let depth = 0;
    for (let j = i; j < code.length; j++) {
        if (code[j] === '(')
            depth++;
        else if (code[j] === ')' && --depth === 0)
            return [i + 1, j];
    }
    return [i + 1, code.length];
}
/**
 * The span (within the arguments) of the SQL a call runs: its `sql=` keyword argument, or its
 * first positional one. Django's `RunSQL(sql, reverse_sql)` and bindings after the SQL of
 * `knex.raw` or `queryRunner.query` are not what runs going forward.
 */
function forwardSqlArg(args) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i <= args.length; i++) {
        const c = args[i];
        if (c === '(' || c === '[' || c === '{')
            depth++;
        else if (c === ')' || c === ']' || c === '}')
            depth--;
        else if ((c === ',' && depth === 0) || i === args.length) {
            parts.push([start, i]);
            start = i + 1;
        }
    }
    const keyword = (p) => /^\s*(\w+)\s*=(?!=)/.exec(args.slice(p[0], p[1]))?.[1];
    return (parts.find((p) => keyword(p) === 'sql') ?? parts.find((p) => keyword(p) === undefined) ?? [0, 0]);
}
function codeFindings(text, lang, region, call, rules, skipped = () => []) {
    const mask = maskCode(text, lang);
    const starts = lineStarts(text);
    const [from, to] = forwardRegion(mask.code, region.up, region.down);
    const skip = skipped(mask.code);
    const findings = [];
    const pattern = new RegExp(call.source, call.flags.includes('g') ? call.flags : `${call.flags}g`);
    pattern.lastIndex = from;
    for (let m = pattern.exec(mask.code); m && m.index < to; m = pattern.exec(mask.code)) {
        const name = m[1] ?? '';
        const rule = rules[name];
        if (!rule || skip.some(([x, y]) => m.index >= x && m.index < y))
            continue;
        const [a, b] = argSpan(mask.code, m.index + m[0].length);
        const args = mask.code.slice(a, b);
        // A Ruby heredoc's body starts on the line after the call.
        const literals = mask.literals.filter((l) => (l.start >= a && l.end <= b) || (args.includes('<<') && l.start === b + 1));
        const names = [];
        const token = /:([A-Za-z_]\w*)|(["'`])/g;
        // Ruby: the names are the positional arguments, before the first `key:` option.
        const positional = lang === 'ruby' ? args.slice(0, /\b[a-z_]\w*:\s/.exec(args)?.index) : args;
        for (let t = token.exec(positional); t; t = token.exec(positional)) {
            if (t[1] && lang === 'ruby')
                names.push(t[1]);
            else if (t[2]) {
                const lit = literals.find((l) => l.start === a + t.index);
                if (lit) {
                    names.push(lit.value);
                    token.lastIndex = lit.end - a;
                }
            }
        }
        const line = lineAt(starts, m.index);
        const lineStart = starts[line - 1] ?? 0;
        const lineEnd = text.indexOf('\n', m.index);
        const lineText = mask.plain.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
        const verdict = rule({ name, args, names, literals, argsAt: a, line: lineText });
        if (verdict === undefined)
            continue;
        if (verdict === 'sql') {
            const [x, y] = forwardSqlArg(args);
            const sql = literals.filter((l) => l.value.trim() && l.start - a >= x && (l.start - a < y || l.start >= b));
            if (sql.length === 0) {
                findings.push({
                    line,
                    statement: oneLine(mask.plain.slice(lineStart, Math.max(b + 1, m.index))),
                    why: WHY.unreadable('runs SQL'),
                    effect: 'warning',
                });
            }
            for (const l of sql)
                findings.push(...sqlFindings(l.value, lineAt(starts, l.valueAt) - 1));
            continue;
        }
        const end = Math.max(b + (mask.code[b] === ')' ? 1 : 0), lineEnd < 0 ? text.length : lineEnd);
        findings.push({ line, statement: oneLine(mask.plain.slice(lineStart, end)), ...verdict });
    }
    return findings;
}
const destroys = (why) => ({ effect: 'destructive', why });
const adds = (why) => ({ effect: 'additive', why });
const warns = (why) => ({ effect: 'warning', why });
const at = (names, i) => names[i] ?? '?';
const dotted = (names, i) => names[i] === undefined ? at(names, i + 1) : `${at(names, i)}.${at(names, i + 1)}`;
// Alembic: `op.<call>(...)`, also in `with op.batch_alter_table(...) as batch_op:` blocks.
const ALEMBIC = {
    drop_table: (c) => destroys(WHY.dropTable(at(c.names, 0))),
    drop_column: (c) => destroys(WHY.dropColumn(c.names.length > 1 ? dotted(c.names, 0) : at(c.names, 0))),
    rename_table: (c) => destroys(WHY.renameTable(at(c.names, 0), at(c.names, 1))),
    drop_index: (c) => destroys(WHY.dropIndex(at(c.names, 0))),
    drop_constraint: (c) => destroys(WHY.dropConstraint(at(c.names, 0))),
    alter_column: (c) => {
        const column = c.names.length > 1 ? dotted(c.names, 0) : at(c.names, 0);
        const renamed = /\bnew_column_name\s*=\s*(["'])/.exec(c.args);
        if (renamed) {
            const lit = c.literals.find((l) => l.start === c.argsAt + renamed.index + renamed[0].length - 1);
            return destroys(WHY.renameColumn(column, lit?.value ?? '?'));
        }
        if (/\btype_\s*=/.test(c.args))
            return destroys(WHY.changeType(column));
        if (/\bnullable\s*=\s*False\b/.test(c.args))
            return destroys(WHY.setNotNull(column));
        return undefined;
    },
    execute: () => 'sql',
    create_table: (c) => adds(WHY.createTable(at(c.names, 0))),
    add_column: (c) => /\bnullable\s*=\s*False\b/.test(c.args) && !/\bserver_default\s*=/.test(c.args)
        ? destroys(WHY.addNotNull(dotted(c.names, 0)))
        : adds(WHY.addColumn(c.names.length > 1 ? dotted(c.names, 0) : at(c.names, 0))),
    create_index: (c) => adds(WHY.create('index', at(c.names, 0))),
    create_foreign_key: () => adds(WHY.addConstraint()),
    create_unique_constraint: () => adds(WHY.addConstraint()),
    bulk_insert: () => adds(WHY.insert('a table')),
};
// Django: `migrations.<Operation>(...)`, arguments in the order makemigrations writes them.
const DJANGO = {
    RemoveField: (c) => destroys(WHY.dropColumn(dotted(c.names, 0))),
    DeleteModel: (c) => destroys(WHY.dropTable(`of model ${at(c.names, 0)}`)),
    RenameField: (c) => destroys(WHY.renameColumn(dotted(c.names, 0), at(c.names, 2))),
    RenameModel: (c) => destroys(WHY.renameTable(`of model ${at(c.names, 0)}`, at(c.names, 1))),
    AlterField: (c) => destroys(`${WHY.changeType(`field ${dotted(c.names, 0)}`)} (check: AlterField may also be a harmless change)`),
    RemoveIndex: (c) => destroys(WHY.dropIndex(at(c.names, 1))),
    RemoveConstraint: (c) => destroys(WHY.dropConstraint(at(c.names, 1))),
    RunSQL: () => 'sql',
    RunPython: () => warns(WHY.unreadable('runs Python code')),
    AddField: (c) => adds(WHY.addColumn(dotted(c.names, 0))),
    CreateModel: (c) => adds(WHY.createTable(`of model ${at(c.names, 0)}`)),
    AddIndex: () => adds(WHY.addConstraint()),
    AddConstraint: () => adds(WHY.addConstraint()),
};
// Rails: schema statements in `def up` / `def change`, and `t.<x>` inside `change_table`.
const RAILS = {
    remove_column: (c) => destroys(WHY.dropColumn(dotted(c.names, 0))),
    remove_columns: (c) => destroys(WHY.dropColumn(`${at(c.names, 0)}.${c.names.slice(1).join(', ')}`)),
    remove_reference: (c) => destroys(WHY.dropColumn(`${dotted(c.names, 0)}_id`)),
    remove_belongs_to: (c) => destroys(WHY.dropColumn(`${dotted(c.names, 0)}_id`)),
    remove_timestamps: (c) => destroys(WHY.dropColumn(`${at(c.names, 0)}.created_at/updated_at`)),
    drop_table: (c) => destroys(WHY.dropTable(at(c.names, 0))),
    drop_join_table: (c) => destroys(WHY.dropTable(`joining ${at(c.names, 0)} and ${at(c.names, 1)}`)),
    rename_column: (c) => destroys(WHY.renameColumn(dotted(c.names, 0), at(c.names, 2))),
    rename_table: (c) => destroys(WHY.renameTable(at(c.names, 0), at(c.names, 1))),
    change_column: (c) => destroys(WHY.changeType(dotted(c.names, 0))),
    change_column_null: (c) => /\bfalse\b/.test(c.args) ? destroys(WHY.setNotNull(dotted(c.names, 0))) : undefined,
    remove_index: (c) => destroys(WHY.dropIndex(`on ${at(c.names, 0)}`)),
    remove_foreign_key: (c) => destroys(WHY.dropConstraint(`foreign key on ${at(c.names, 0)}`)),
    remove: (c) => destroys(WHY.dropColumn(c.names.join(', '))),
    rename: (c) => destroys(WHY.renameColumn(at(c.names, 0), at(c.names, 1))),
    change: (c) => destroys(WHY.changeType(at(c.names, 0))),
    execute: () => 'sql',
    create_table: (c) => adds(WHY.createTable(at(c.names, 0))),
    create_join_table: (c) => adds(WHY.createTable(`joining ${at(c.names, 0)} and ${at(c.names, 1)}`)),
    add_column: (c) => /\bnull:\s*false\b/.test(c.args) && !/\bdefault:/.test(c.args)
        ? destroys(WHY.addNotNull(dotted(c.names, 0)))
        : adds(WHY.addColumn(dotted(c.names, 0))),
    add_reference: (c) => adds(WHY.addColumn(`${dotted(c.names, 0)}_id`)),
    add_belongs_to: (c) => adds(WHY.addColumn(`${dotted(c.names, 0)}_id`)),
    add_timestamps: (c) => adds(WHY.addColumn(`${at(c.names, 0)}.created_at/updated_at`)),
    add_index: () => adds(WHY.addConstraint()),
    add_foreign_key: () => adds(WHY.addConstraint()),
};
// Knex (`knex.schema...`, `table...`) and TypeORM (`queryRunner...`): one table, as their
// method names overlap; TypeORM passes the table first where Knex's callback already has it.
const JS = {
    dropTable: (c) => destroys(WHY.dropTable(at(c.names, 0))),
    dropTableIfExists: (c) => destroys(WHY.dropTable(at(c.names, 0))),
    dropColumn: (c) => destroys(WHY.dropColumn(c.names.length > 1 ? dotted(c.names, 0) : at(c.names, 0))),
    dropColumns: (c) => destroys(WHY.dropColumn(c.names.join(', '))),
    renameColumn: (c) => c.names.length > 2
        ? destroys(WHY.renameColumn(dotted(c.names, 0), at(c.names, 2)))
        : destroys(WHY.renameColumn(at(c.names, 0), at(c.names, 1))),
    renameTable: (c) => destroys(WHY.renameTable(at(c.names, 0), at(c.names, 1))),
    changeColumn: (c) => destroys(WHY.changeType(dotted(c.names, 0))),
    alter: (c) => destroys(WHY.changeType(/(["'`])(\w+)\1/.exec(c.line)?.[2] ?? 'a column')),
    dropNullable: (c) => destroys(WHY.setNotNull(at(c.names, 0))),
    dropIndex: (c) => destroys(WHY.dropIndex(c.names.join(', ') || 'of the table')),
    dropUnique: () => destroys(WHY.dropConstraint('unique')),
    dropForeign: () => destroys(WHY.dropConstraint('foreign key')),
    dropForeignKey: (c) => destroys(WHY.dropConstraint(`foreign key on ${at(c.names, 0)}`)),
    dropPrimary: () => destroys(WHY.dropConstraint('primary key')),
    dropPrimaryKey: (c) => destroys(WHY.dropConstraint(`primary key of ${at(c.names, 0)}`)),
    dropUniqueConstraint: (c) => destroys(WHY.dropConstraint(at(c.names, 1))),
    dropCheckConstraint: (c) => destroys(WHY.dropConstraint(at(c.names, 1))),
    dropView: (c) => destroys(WHY.dropObject('view', at(c.names, 0))),
    dropSchema: (c) => destroys(WHY.dropObject('schema', at(c.names, 0))),
    truncate: () => destroys(WHY.truncate('(truncate())')),
    clearTable: (c) => destroys(WHY.truncate(at(c.names, 0))),
    query: () => 'sql',
    raw: () => 'sql',
    createTable: (c) => adds(WHY.createTable(at(c.names, 0))),
    createTableIfNotExists: (c) => adds(WHY.createTable(at(c.names, 0))),
    alterTable: (c) => !/\.\s*(?:string|text|integer|bigInteger|tinyint|smallint|mediumint|bigint|boolean|decimal|float|double|real|date|datetime|time|timestamp|timestamps|uuid|json|jsonb|enu|enum|binary|specificType|increments|bigIncrements|index|unique|foreign|primary)\s*\((?![^\n]*\.alter\s*\()/.test(c.args)
        ? undefined
        : adds(`adds columns or indexes to table ${at(c.names, 0)}: the previous release does not use them (any drop, rename or .alter() beside them is listed on its own)`),
    addColumn: (c) => adds(WHY.addColumn(at(c.names, 0))),
    addColumns: (c) => adds(WHY.addColumn(`on ${at(c.names, 0)}`)),
    createIndex: (c) => adds(WHY.create('index on', at(c.names, 0))),
    createForeignKey: () => adds(WHY.addConstraint()),
    createView: (c) => adds(WHY.create('view', at(c.names, 0))),
};
/**
 * Rails' `reversible do |dir| ... dir.down do ... end ... end` inside `def change`: the down
 * branch (a `do ... end` closed at its own indentation, or `{ ... }`) is rollback code.
 */
function railsDownBlocks(code) {
    const blocks = [];
    const open = /^([ \t]*)\w+\.down\s*(do\b|\{)/gm;
    for (let m = open.exec(code); m; m = open.exec(code)) {
        if (m[2] === '{') {
            const [, end] = argSpan(code.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')), m.index + m[0].length - 1);
            blocks.push([m.index, end]);
            continue;
        }
        const close = new RegExp(`^${m[1] ?? ''}end\\b`, 'm');
        const rest = code.slice(m.index + m[0].length);
        const c = close.exec(rest);
        blocks.push([m.index, c ? m.index + m[0].length + c.index : code.length]);
    }
    return blocks;
}
function classifyCode(framework, text) {
    switch (framework) {
        case 'alembic':
            return codeFindings(text, 'python', { up: /^def\s+upgrade\b/m, down: /^def\s+downgrade\b/m }, /\b(?:op|\w+_op)\s*\.\s*(\w+)\s*(?=\()/, ALEMBIC);
        case 'django':
            return codeFindings(text, 'python', { up: /(?!)/, down: /(?!)/ }, /\bmigrations\s*\.\s*(\w+)\s*(?=\()/, DJANGO);
        case 'rails':
            return codeFindings(text, 'ruby', { up: /^\s*def\s+(?:up|change)\b/m, down: /^\s*def\s+down\b/m }, /(?:^[ \t]*|[{;][ \t]*)(?:\w+\.)?(\w+)\b(?![?!=:])/m, RAILS, railsDownBlocks);
        case 'knex':
        case 'typeorm':
            return codeFindings(text, 'js', {
                up: /\bexports\.up\b|\bexport\s+(?:async\s+)?function\s+up\b|\bexport\s+const\s+up\b|\b(?:public\s+)?async\s+up\s*\(/,
                down: /\bexports\.down\b|\bexport\s+(?:async\s+)?function\s+down\b|\bexport\s+const\s+down\b|\b(?:public\s+)?async\s+down\s*\(/,
            }, /\.\s*(\w+)\s*(?=\()/, JS);
        default:
            return [];
    }
}
// ---------------------------------------------------------------------------------------------
// Liquibase XML, YAML and JSON changelogs
const LIQUIBASE_DESTRUCTIVE = new Set([
    'dropTable',
    'dropColumn',
    'renameColumn',
    'renameTable',
    'renameView',
    'modifyDataType',
    'dropView',
    'dropIndex',
    'dropForeignKeyConstraint',
    'dropAllForeignKeyConstraints',
    'dropUniqueConstraint',
    'dropPrimaryKey',
    'dropSequence',
    'dropProcedure',
    'addNotNullConstraint',
    'mergeColumns',
    'delete',
]);
const LIQUIBASE_ADDITIVE = new Set([
    'createTable',
    'addColumn',
    'createIndex',
    'createView',
    'createSequence',
    'insert',
    'loadData',
    'addForeignKeyConstraint',
    'addUniqueConstraint',
    'addPrimaryKey',
]);
/** Blank comments and `rollback` blocks: what Liquibase runs going forward is what is left. */
function liquibaseForward(text, format) {
    if (format === 'xml')
        return text
            .replace(/<!--[\s\S]*?-->/g, blank)
            .replace(/<rollback\b[^>]*\/>|<rollback\b[\s\S]*?<\/rollback>/g, blank);
    const lines = text.split('\n');
    let rollbackIndent = -1;
    return lines
        .map((line) => {
        const indent = line.length - line.trimStart().length;
        if (rollbackIndent >= 0 && (line.trim() === '' || indent > rollbackIndent))
            return blank(line);
        rollbackIndent = -1;
        if (format === 'yaml' && /^\s*#/.test(line))
            return blank(line);
        if (/^\s*(?:-\s*)?"?rollback"?\s*:/.test(line)) {
            rollbackIndent = indent + (/^\s*-/.test(line) ? 2 : 0);
            return blank(line);
        }
        return line;
    })
        .join('\n');
}
function liquibaseFindings(path, text) {
    const format = /\.xml$/i.test(path) ? 'xml' : /\.json$/i.test(path) ? 'json' : 'yaml';
    const forward = liquibaseForward(text, format);
    const starts = lineStarts(text);
    const findings = [];
    const change = format === 'xml' ? /<(\w+)\b([^>]*)>/g : /^[ \t]*-?[ \t]*"?(\w+)"?[ \t]*:[ \t]*(.*)$/gm;
    for (let m = change.exec(forward); m; m = change.exec(forward)) {
        const type = m[1] ?? '';
        const destructive = LIQUIBASE_DESTRUCTIVE.has(type);
        const additive = LIQUIBASE_ADDITIVE.has(type);
        const line = lineAt(starts, m.index);
        if (type === 'sql' && format === 'xml') {
            const close = forward.indexOf('</sql>', m.index);
            const bodyAt = m.index + m[0].length;
            const body = forward.slice(bodyAt, close < 0 ? forward.length : close);
            const sql = body.replace(/<!\[CDATA\[|\]\]>/g, (s) => blank(s));
            findings.push(...sqlFindings(sql, lineAt(starts, bodyAt) - 1));
            continue;
        }
        if (type === 'sql' && format !== 'xml') {
            const value = (m[2] ?? '').trim();
            if (value === '')
                continue; // `- sql:` opening a change; its `sql:` key follows
            const bodyAt = m.index + m[0].length - (m[2] ?? '').length;
            if (/^[|>][-+]?$/.test(value)) {
                // A block scalar: the lines indented deeper than the key.
                const keyIndent = m[0].length - m[0].trimStart().length + 1;
                const after = forward.slice(m.index + m[0].length + 1).split('\n');
                const body = [];
                for (const l of after) {
                    if (l.trim() && l.length - l.trimStart().length < keyIndent)
                        break;
                    body.push(l);
                }
                findings.push(...sqlFindings(body.join('\n'), line));
            }
            else {
                const inline = value.replace(/^["']|["'],?$/g, '');
                findings.push(...sqlFindings(inline, lineAt(starts, bodyAt) - 1));
            }
            continue;
        }
        if (type === 'sqlFile') {
            findings.push({
                line,
                statement: oneLine(text.slice(m.index, m.index + m[0].length)),
                why: WHY.unreadable('runs an SQL file'),
                effect: 'warning',
            });
            continue;
        }
        if (!destructive && !additive)
            continue;
        // The change's attributes: on the XML element, or on the YAML/JSON lines below it.
        const block = format === 'xml'
            ? xmlElement(forward, m.index, m[0], type)
            : forward.slice(m.index, nextSibling(forward, m.index, m[0]));
        const attr = (key) => {
            const m = new RegExp(`\\b${key}"?\\s*[=:]\\s*(?:"([^"]*)"|'([^']*)'|([^\\s,}]+))`).exec(block);
            return m?.[1] ?? m?.[2] ?? m?.[3] ?? '';
        };
        const table = attr('tableName') || attr('baseTableName');
        const column = attr('columnName');
        const qualified = (c) => (table ? `${table}.${c}` : c);
        const why = (() => {
            switch (type) {
                case 'dropTable':
                    return WHY.dropTable(table);
                case 'dropColumn':
                    return WHY.dropColumn(qualified(column || attr('name')));
                case 'renameColumn':
                    return WHY.renameColumn(qualified(attr('oldColumnName')), attr('newColumnName'));
                case 'renameTable':
                    return WHY.renameTable(attr('oldTableName'), attr('newTableName'));
                case 'renameView':
                    return WHY.rename(`view ${attr('oldViewName')} to ${attr('newViewName')}`);
                case 'modifyDataType':
                    return WHY.changeType(`${qualified(column)} (to ${attr('newDataType')})`);
                case 'addNotNullConstraint':
                    return WHY.setNotNull(qualified(column));
                case 'dropIndex':
                    return WHY.dropIndex(attr('indexName'));
                case 'dropView':
                    return WHY.dropObject('view', attr('viewName'));
                case 'delete':
                    return /\bwhere\b/i.test(block) ? WHY.deleteSome(table) : WHY.deleteAll(table);
                case 'createTable':
                    return WHY.createTable(table);
                case 'createIndex':
                    return WHY.create('index', `${attr('indexName')} on ${table}`);
                case 'addColumn':
                    return WHY.addColumn(qualified(attr('name')));
                case 'insert':
                case 'loadData':
                    return WHY.insert(table);
                default:
                    return destructive
                        ? WHY.dropObject(type
                            .replace(/^drop/, '')
                            .replace(/([A-Z])/g, ' $1')
                            .trim()
                            .toLowerCase(), attr('constraintName') || table)
                        : WHY.create(type
                            .replace(/^(add|create)/, '')
                            .replace(/([A-Z])/g, ' $1')
                            .trim()
                            .toLowerCase(), table);
            }
        })();
        const effect = type === 'delete' && /\bwhere\b/i.test(block)
            ? 'warning'
            : destructive
                ? 'destructive'
                : 'additive';
        // An XML change is quoted by its opening tag; its children only name things.
        findings.push({ line, statement: oneLine(format === 'xml' ? m[0] : block), why, effect });
    }
    return findings;
}
/** An XML change with its children (`<addColumn>` names its columns in `<column name=...>`). */
function xmlElement(text, at, open, type) {
    if (open.endsWith('/>'))
        return open;
    const close = text.indexOf(`</${type}>`, at);
    return close < 0 ? open : text.slice(at, close);
}
/** Where a YAML/JSON change's block ends: the next line indented no deeper than its key. */
function nextSibling(text, at, keyLine) {
    const indent = keyLine.length - keyLine.trimStart().length;
    let i = text.indexOf('\n', at);
    while (i >= 0 && i < text.length) {
        const next = text.indexOf('\n', i + 1);
        const line = text.slice(i + 1, next < 0 ? text.length : next);
        if (line.trim() && line.length - line.trimStart().length <= indent)
            return i;
        if (next < 0)
            return text.length;
        i = next;
    }
    return text.length;
}
// ---------------------------------------------------------------------------------------------
// Entry points
/** One migration file, classified by what its forward half does to the schema. */
function classifyMigration(path, text) {
    const framework = frameworkOf(path, text);
    const findings = findingsOf(framework, path, text);
    findings.sort((x, y) => x.line - y.line);
    return { framework, kind: kindOf(findings), findings };
}
function findingsOf(framework, path, text) {
    switch (framework) {
        case 'prisma':
        case 'flyway':
        case 'sql':
            return sqlFindings(text);
        case 'goose':
            return sqlFindings(gooseUp(text));
        case 'golang-migrate':
            // The `.down.sql` half is the rollback itself.
            return /\.down\.sql$/i.test(path) ? [] : sqlFindings(text);
        case 'liquibase':
            return /\.sql$/i.test(path) ? sqlFindings(text) : liquibaseFindings(path, text);
        case 'unknown':
            return [];
        default:
            return classifyCode(framework, text);
    }
}
/**
 * Frameworks whose files change after being applied by design: a Flyway repeatable (`R__`)
 * runs again whenever its checksum changes, and a Liquibase changelog grows by appended
 * change sets. Any other migration that changes has already run somewhere in its old form.
 */
function changesByDesign(framework, path) {
    return framework === 'liquibase' || (framework === 'flyway' && /(?:^|\/)R__[^/]*$/.test(path));
}
/**
 * A Liquibase changelog grows by appended change sets, and Liquibase runs each only once: the
 * findings its base version already had are not new in this range (matched by statement and
 * reason, so lines may move). A Flyway repeatable runs whole again, so it keeps them all.
 */
function alreadyRan(classification, path, file) {
    if (classification.framework !== 'liquibase' ||
        file.status !== 'modified' ||
        file.previousText === undefined)
        return [...classification.findings];
    const before = new Map();
    for (const f of classifyMigration(path, file.previousText).findings) {
        const key = `${f.statement}\n${f.why}`;
        before.set(key, (before.get(key) ?? 0) + 1);
    }
    return classification.findings.filter((f) => {
        const key = `${f.statement}\n${f.why}`;
        const left = before.get(key) ?? 0;
        if (left > 0)
            before.set(key, left - 1);
        return left === 0;
    });
}
/**
 * The migration files of a deployed range (`git diff --name-status base..deployed`), each
 * classified; the range is destructive if any file is. A migration edited or renamed after it
 * may have been applied is a warning of its own: databases that ran the old version do not run
 * the new one, and Flyway's validate fails on the changed checksum. Its content still counts,
 * as databases that have not run it yet will. A file that cannot be read cannot be shown to
 * be additive, so it counts as destructive.
 */
function classifyRange(files, settings = {}) {
    const globs = migrationGlobs(settings);
    const out = [];
    for (const file of files) {
        const path = normalizePath(file.path);
        const was = file.previousPath === undefined ? undefined : normalizePath(file.previousPath);
        if (!isMigrationPath(path, globs) && !(was !== undefined && isMigrationPath(was, globs)))
            continue;
        if (file.status === 'deleted') {
            const framework = frameworkOf(path, file.text ?? '');
            out.push({
                path,
                status: file.status,
                framework,
                kind: 'none',
                findings: [
                    {
                        line: 1,
                        statement: path,
                        why: 'deleted after it may have been applied: the database keeps what it did, and the tool may report it missing',
                        effect: 'warning',
                    },
                ],
            });
            continue;
        }
        if (file.text === undefined) {
            out.push({
                path,
                status: file.status,
                framework: frameworkOf(path),
                kind: 'destructive',
                findings: [
                    { line: 1, statement: path, why: WHY.unreadable('a migration'), effect: 'destructive' },
                ],
            });
            continue;
        }
        const classification = classifyMigration(path, file.text);
        if (classification.framework === 'unknown')
            continue; // a helper beside the migrations
        const findings = alreadyRan(classification, path, file);
        if (file.status === 'modified' && !changesByDesign(classification.framework, path))
            findings.unshift({
                line: 1,
                statement: path,
                why: 'changed after it may have been applied: databases that ran the old version do not run it again (Flyway fails its checksum check)',
                effect: 'warning',
            });
        if (file.status === 'renamed')
            findings.unshift({
                line: 1,
                statement: `${was ?? '?'} → ${path}`,
                why: 'renamed after it may have been applied: tools know a migration by its name or version, so it may run again or be reported missing',
                effect: 'warning',
            });
        out.push({ ...classification, path, status: file.status, kind: kindOf(findings), findings });
    }
    return { kind: kindOf(out.flatMap((f) => f.findings)), files: out };
}


/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Fp: () => (/* binding */ DURATION_HINT),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   fU: () => (/* binding */ checkDuration)
/* harmony export */ });
/* unused harmony export DURATION_LIMITS */
/**
 * Durations as users write them: `500ms`, `30s`, `5m`, `1h30m`, `1.5h`. A bare number is
 * refused because `5` could mean seconds or minutes, and guessing wrong on a rollback window
 * is worse than asking.
 */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
/** Milliseconds for a duration string, or undefined when it is not one. */
function parseDuration(text) {
    const trimmed = text.trim();
    if (!WHOLE.test(trimmed))
        return undefined;
    let total = 0;
    for (const [, amount, unit] of trimmed.matchAll(PART)) {
        total += Number(amount) * UNIT_MS[unit];
    }
    return Math.round(total);
}
/** The shortest readable form of a duration in milliseconds: 90000 → `1m30s`. */
function formatDuration(ms) {
    if (ms === 0)
        return '0s';
    const parts = [];
    let rest = Math.round(ms);
    for (const unit of ['d', 'h', 'm', 's']) {
        const size = UNIT_MS[unit];
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    if (rest > 0)
        parts.push(`${rest}ms`);
    return parts.join('');
}
const DURATION_HINT = 'use a number with a unit, e.g. 30s, 5m, 1h30m';
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A job runs at most 5 days on a self-hosted runner and 6 hours on a GitHub-hosted one. */
const SELF_HOSTED_JOB_MS = 5 * DAY;
const HOSTED_JOB_MS = 6 * HOUR;
const JOB_LIMIT = {
    max: SELF_HOSTED_JOB_MS,
    maxWhy: 'a job runs at most 5d, on a self-hosted runner',
    warnAbove: HOSTED_JOB_MS,
};
/**
 * The one rule for every duration the action takes, from an input or the policy: a poll
 * every 0s would spin, a 1000h window outlives any job, and a timeout beyond Node's timers
 * (2^31-1 ms) would fire at once.
 */
const DURATION_LIMITS = {
    window: { min: SECOND, ...JOB_LIMIT },
    interval: { min: SECOND, ...JOB_LIMIT },
    for: { min: 0, ...JOB_LIMIT },
    'rollout-timeout': { min: SECOND, ...JOB_LIMIT },
    'rollback-timeout': { min: SECOND, ...JOB_LIMIT },
    'baseline-window': { min: SECOND, max: 30 * DAY, maxWhy: 'longer history is not a baseline' },
    settle: { min: 0, max: 30 * MINUTE, maxWhy: 'a warm-up longer than that is a regression' },
    'request-timeout': {
        min: 100,
        max: 10 * MINUTE,
        maxWhy: 'a poll would wait longer than any window needs',
    },
    lookback: { min: MINUTE, max: 90 * DAY, maxWhy: 'a backtest replays at most 90 days' },
    'flag-timeout': {
        min: 100,
        max: 10 * MINUTE,
        maxWhy: 'a flag is the fast rollback; a slower switch belongs in steps',
    },
    'verify-window': { min: SECOND, ...JOB_LIMIT },
    /** Below a minute no rollback could be verified in time; above, the job's own limit. */
    sla: { min: MINUTE, ...JOB_LIMIT },
    'smoke-backoff': {
        min: 0,
        max: 10 * MINUTE,
        maxWhy: 'a smoke check waiting longer between tries outlasts any SLA',
    },
    'step-timeout': { min: SECOND, ...JOB_LIMIT },
};
/** What is wrong with a duration of this kind (an error), or what to know about it (a warning). */
function checkDuration(kind, ms) {
    const limit = DURATION_LIMITS[kind];
    if (ms < limit.min)
        return {
            error: limit.min === 0
                ? 'must not be negative'
                : `must be at least ${formatDuration(limit.min)}${kind === 'interval' ? ' (a shorter poll only loads the backend)' : ''}`,
        };
    if (ms > limit.max)
        return { error: `must be at most ${formatDuration(limit.max)} (${limit.maxWhy})` };
    if (limit.warnAbove !== undefined && ms > limit.warnAbove)
        return {
            warning: `is longer than ${formatDuration(limit.warnAbove)}: a GitHub-hosted runner stops a job at 6h, so this needs a self-hosted runner`,
        };
    return undefined;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   tQ: () => (/* binding */ UserErrors),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
class UserError extends Error {
    location;
    name = 'UserError';
    constructor(message, location) {
        super(message);
        this.location = location;
    }
}
/** Several user errors found in one pass, so every one can be fixed at once. */
class UserErrors extends Error {
    errors;
    name = 'UserErrors';
    constructor(errors) {
        super(errors.map((e) => e.message).join('\n'));
        this.errors = errors;
    }
}
/** The message of anything thrown, for one-line reporting. */
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** A user-supplied value for an error message: strings quoted, others as JSON, long ones cut. */
function quote(value) {
    const text = typeof value === 'string' ? value : value === undefined ? 'undefined' : JSON.stringify(value);
    const short = (text.length > 80 ? `${text.slice(0, 77)}...` : text).replace(/\r?\n/g, '\\n');
    return typeof value === 'string' ? `'${short}'` : short;
}


/***/ }),

/***/ 1243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   lD: () => (/* binding */ createGit)
/* harmony export */ });
/* unused harmony exports BOT_NAME, BOT_EMAIL, subcommandOf */
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/**
 * The one choke point for git. Every git command of the action comes through `Git.run`: an
 * argv without a shell (SHAs and paths come from event files and commits), a timeout, bounded
 * output, no prompt for credentials. The token is given to one command at a time, the way
 * actions/checkout does it (an `http.<server>/.extraheader`), so it is never in a remote URL,
 * never in git config on disk, and never in a log line.
 */

const BOT_NAME = 'github-actions[bot]';
const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';
const DEFAULT_TIMEOUT_MS = 120_000;
/** Commands that make commits: they get the bot's identity on the command line, not in config. */
const COMMITTING = new Set(['commit', 'revert', 'rebase', 'cherry-pick', 'merge']);
/** One line: `git <subcommand>: <the last line git wrote to stderr>`. */
class GitError extends Error {
    args;
    code;
    stderr;
    name = 'GitError';
    constructor(
    /** The command's arguments as given to run (the auth header is never among them). */
    args, code, 
    /** The last line of stderr (or of stdout when stderr is empty). */
    stderr) {
        super(`git ${subcommandOf(args) ?? ''}: ${stderr || (code === undefined ? 'ended' : `exit ${code}`)}`);
        this.args = args;
        this.code = code;
        this.stderr = stderr;
    }
}
/** The git subcommand of an argv (`-c k=v` and `-C dir` before it skipped). */
function subcommandOf(args) {
    for (let i = 0; i < args.length; i++) {
        const arg = args[i] ?? '';
        if (arg === '-c' || arg === '-C')
            i++;
        else if (!arg.startsWith('-'))
            return arg;
    }
    return undefined;
}
function createGit(options) {
    const serverUrl = (options.serverUrl || 'https://github.com').replace(/\/+$/, '');
    const basic = options.token
        ? Buffer.from(`x-access-token:${options.token}`, 'utf8').toString('base64')
        : undefined;
    const secrets = [options.token, basic].filter((s) => !!s);
    for (const secret of secrets)
        options.setSecret?.(secret);
    // Output is redacted too: GIT_TRACE in the user's env would print the config values.
    const redact = (text) => secrets.reduce((t, secret) => t.split(secret).join('***'), text);
    const env = {
        ...(options.env ?? process.env),
        GIT_TERMINAL_PROMPT: '0',
        LC_ALL: 'C',
    };
    const key = `http.${serverUrl}/.extraheader`;
    return {
        cwd: options.cwd,
        async run(args, runOptions = {}) {
            const sub = subcommandOf(args);
            const prefix = [];
            // The header goes through the environment (GIT_CONFIG_COUNT), not the command line,
            // which other processes on a self-hosted runner can read in /proc.
            const base = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
            const auth = runOptions.auth && basic
                ? {
                    GIT_CONFIG_COUNT: String(base + 2),
                    // The empty value first clears a header actions/checkout persisted in .git/config:
                    // two Authorization headers make the server refuse both.
                    [`GIT_CONFIG_KEY_${base}`]: key,
                    [`GIT_CONFIG_VALUE_${base}`]: '',
                    [`GIT_CONFIG_KEY_${base + 1}`]: key,
                    [`GIT_CONFIG_VALUE_${base + 1}`]: `AUTHORIZATION: basic ${basic}`,
                }
                : {};
            if (sub && COMMITTING.has(sub))
                prefix.push('-c', `user.name=${BOT_NAME}`, '-c', `user.email=${BOT_EMAIL}`);
            options.log?.(redact(`git ${args.join(' ')}`));
            const raw = await (0,_process_js__WEBPACK_IMPORTED_MODULE_0__/* .runProgram */ .m)(['git', ...prefix, ...args], {
                cwd: runOptions.cwd ?? options.cwd,
                env: { ...env, ...auth },
                timeoutMs: runOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS,
                ...(runOptions.input !== undefined ? { input: runOptions.input } : {}),
                ...(runOptions.maxOutput !== undefined ? { maxOutput: runOptions.maxOutput } : {}),
            });
            const result = { ...raw, stdout: redact(raw.stdout), stderr: redact(raw.stderr) };
            if (result.code !== 0 && !runOptions.allowFail) {
                const last = result.startError
                    ? result.startError
                    : result.timedOut
                        ? `timed out after ${(result.elapsedMs / 1000).toFixed(1)} s`
                        : (lastLine(result.stderr) ?? lastLine(result.stdout) ?? '');
                throw new GitError(args, result.code, last);
            }
            return result;
        },
    };
}
function lastLine(text) {
    const line = text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .at(-1);
    return line && line.length > 300 ? `${line.slice(0, 300)}…` : line;
}


/***/ }),

/***/ 9248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cl: () => (/* binding */ createGitHub),
/* harmony export */   VU: () => (/* binding */ TOKEN_PERMISSIONS),
/* harmony export */   WN: () => (/* binding */ ISSUE_READ_PERMISSIONS),
/* harmony export */   y_: () => (/* binding */ GitHubError)
/* harmony export */ });
/* unused harmony exports PULL_REQUEST_PERMISSIONS, DEPLOYMENT_PERMISSIONS, ISSUE_PERMISSIONS */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/** What closing, labelling and commenting on a revert pull request needs. */
const PULL_REQUEST_PERMISSIONS = 'pull-requests: write';
/** What marking deployments needs. */
const DEPLOYMENT_PERMISSIONS = 'deployments: write';
const TOKEN_PERMISSIONS = 'contents: write and pull-requests: write';
/** What filing and commenting on an incident needs. */
const ISSUE_PERMISSIONS = 'issues: write';
/** What reading the open incidents needs (the deploy freeze). */
const ISSUE_READ_PERMISSIONS = 'issues: read';
/** Open issues read when looking for the incident to comment on: the newest are enough. */
const ISSUE_PAGES = 3;
function createGitHub(options) {
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(options.repository);
    if (!match?.[1] || !match[2])
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`repository ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(options.repository)} is not owner/name`);
    const owner = match[1];
    const repo = match[2];
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: (options.apiUrl || 'https://api.github.com').replace(/\/+$/, ''),
    });
    const call = async (operation, f, permissions = TOKEN_PERMISSIONS) => {
        try {
            return await f();
        }
        catch (error) {
            throw new GitHubError(operation, error, permissions);
        }
    };
    const toPull = (data) => ({
        number: data.number,
        url: data.html_url,
        head: data.head.ref,
        base: data.base.ref,
    });
    const compare = async (base, head, perPage) => (await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${base}...${head}`,
        per_page: perPage,
    })).data;
    /** One page of issues and pull requests with `label`, newest first. */
    const labelled = async (label, state, page) => (await octokit.rest.issues.listForRepo({
        owner,
        repo,
        state,
        labels: label,
        sort: 'created',
        direction: 'desc',
        per_page: 100,
        page,
    })).data;
    return {
        repository: `${owner}/${repo}`,
        compareCommits: (base, head) => call('compare commits', async () => {
            const data = await compare(base, head, 250);
            return data.commits
                .map((c) => ({
                sha: c.sha,
                parents: c.parents.map((p) => p.sha),
                subject: c.commit.message.split('\n')[0] ?? '',
                ...(c.commit.author?.name ? { author: c.commit.author.name } : {}),
            }))
                .reverse();
        }, 'contents: read'),
        defaultBranch: () => call('get repository', async () => {
            const { data } = await octokit.rest.repos.get({ owner, repo });
            return data.default_branch;
        }),
        findOpenPullRequest: (head, base) => call('list pull requests', async () => {
            const { data } = await octokit.rest.pulls.list({
                owner,
                repo,
                state: 'open',
                head: `${owner}:${head}`,
                base,
                per_page: 100,
            });
            // Filtered again: the filters are the server's, and a wrong match would be reused.
            const found = data.find((p) => p.head.ref === head && p.base.ref === base);
            return found ? toPull(found) : undefined;
        }),
        createPullRequest: (p) => call('create pull request', async () => {
            const { data } = await octokit.rest.pulls.create({ owner, repo, ...p });
            return toPull(data);
        }),
        addLabels: async (issueNumber, labels) => {
            if (labels.length === 0)
                return;
            await call(`add labels to #${issueNumber}`, () => octokit.rest.issues.addLabels({
                owner,
                repo,
                issue_number: issueNumber,
                labels: [...labels],
            }));
        },
        listLabelledPullRequests: (label, state = 'open') => call('list pull requests', async () => {
            const found = [];
            for (let page = 1; page <= ISSUE_PAGES; page++) {
                const data = await labelled(label, state, page);
                for (const i of data)
                    if (i.pull_request)
                        found.push({
                            number: i.number,
                            url: i.html_url,
                            body: i.body ?? '',
                            labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
                            merged: Boolean(i.pull_request.merged_at),
                        });
                if (data.length < 100)
                    break;
            }
            return found;
        }, ISSUE_READ_PERMISSIONS),
        mergeCommitOf: (number) => call(`get pull request #${number}`, async () => {
            const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
            return data.merged ? (data.merge_commit_sha ?? undefined) : undefined;
        }, 'pull-requests: read'),
        closePullRequest: async (number) => {
            await call(`close pull request #${number}`, () => octokit.rest.pulls.update({ owner, repo, pull_number: number, state: 'closed' }), PULL_REQUEST_PERMISSIONS);
        },
        compareStatus: (base, head) => call('compare commits', async () => (await compare(base, head, 1)).status, 'contents: read'),
        findOpenIssue: (label, markers) => call('list issues', async () => {
            for (let page = 1; page <= ISSUE_PAGES; page++) {
                const data = await labelled(label, 'open', page);
                // Pull requests are issues to this endpoint; an incident never is one.
                const wanted = typeof markers === 'string' ? [markers] : markers;
                const found = data.find((i) => !i.pull_request && wanted.some((m) => (i.body ?? '').includes(m)));
                if (found)
                    return {
                        number: found.number,
                        url: found.html_url,
                        title: found.title,
                        body: found.body ?? '',
                        author: found.user?.login,
                        comments: found.comments,
                    };
                if (data.length < 100)
                    return undefined;
            }
            return undefined;
        }, ISSUE_PERMISSIONS),
        listIssueComments: (issueNumber) => call(`list comments of #${issueNumber}`, async () => {
            const comments = [];
            for (let page = 1; page <= ISSUE_PAGES; page++) {
                const { data } = await octokit.rest.issues.listComments({
                    owner,
                    repo,
                    issue_number: issueNumber,
                    per_page: 100,
                    page,
                });
                comments.push(...data.map((c) => ({ body: c.body ?? '', author: c.user?.login })));
                if (data.length < 100)
                    break;
            }
            return comments;
        }, ISSUE_READ_PERMISSIONS),
        createIssue: (p) => call('create issue', async () => {
            const { data } = await octokit.rest.issues.create({
                owner,
                repo,
                title: p.title,
                body: p.body,
                labels: [...p.labels],
                ...(p.assignees?.length ? { assignees: [...p.assignees] } : {}),
            });
            return { number: data.number, url: data.html_url, title: data.title };
        }, ISSUE_PERMISSIONS),
        getDeployment: (id) => call(`get deployment ${id}`, async () => toDeployment((await octokit.rest.repos.getDeployment({ owner, repo, deployment_id: id })).data), DEPLOYMENT_PERMISSIONS),
        listDeployments: (environment) => call('list deployments', async () => (await octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 30 })).data.map(toDeployment), DEPLOYMENT_PERMISSIONS),
        latestDeploymentState: (id) => call(`list statuses of deployment ${id}`, async () => (await octokit.rest.repos.listDeploymentStatuses({
            owner,
            repo,
            deployment_id: id,
            per_page: 1,
        })).data[0]?.state, DEPLOYMENT_PERMISSIONS),
        createDeploymentStatus: async (id, status) => {
            await call(`mark deployment ${id} ${status.state}`, () => octokit.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: id,
                state: status.state,
                // GitHub refuses descriptions over 140 characters.
                description: status.description.length > 140
                    ? `${status.description.slice(0, 139)}…`
                    : status.description,
                ...(status.logUrl ? { log_url: status.logUrl } : {}),
                auto_inactive: false,
            }), DEPLOYMENT_PERMISSIONS);
        },
        commentOnIssue: (issueNumber, body) => call(`comment on #${issueNumber}`, async () => {
            const { data } = await octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: issueNumber,
                body,
            });
            return data.html_url;
        }, ISSUE_PERMISSIONS),
    };
}
/** `GitHub create pull request: 403 Resource not accessible by integration (the token needs ...)`. */
class GitHubError extends Error {
    operation;
    name = 'GitHubError';
    status;
    constructor(operation, cause, permissions = TOKEN_PERMISSIONS) {
        const status = statusOf(cause);
        const message = githubMessage(cause);
        const hint = status === 403 && !/rate limit/i.test(message)
            ? ` (the workflow's token needs ${permissions})`
            : status === 401
                ? ' (the token is not valid for this repository)'
                : '';
        super(`GitHub ${operation}: ${status ?? 'failed'} ${message}${hint}`);
        this.operation = operation;
        this.status = status;
    }
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/** GitHub's own message (and its first validation error), not Octokit's whole text. */
function githubMessage(error) {
    const data = error?.response?.data;
    if (data && typeof data.message === 'string') {
        const first = Array.isArray(data.errors) ? data.errors[0] : undefined;
        const detail = typeof first === 'string'
            ? first
            : first && typeof first.message === 'string'
                ? first.message
                : first && typeof first === 'object'
                    ? JSON.stringify(first)
                    : undefined;
        return oneLine(detail ? `${data.message}: ${detail}` : data.message);
    }
    return oneLine((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error));
}
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}
function toDeployment(d) {
    return { id: d.id, environment: d.environment, sha: d.sha, createdAt: d.created_at };
}


/***/ }),

/***/ 6215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ HttpError),
/* harmony export */   t: () => (/* binding */ send)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _bounded_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6586);
/* harmony import */ var _net_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6926);
/**
 * The one HTTP client of the providers and the Kubernetes transport: a request with a deadline
 * for the whole exchange, an answer read under a size cap (bounded.ts), TLS options (a CA
 * bundle, or what client-node sets: client certificate, CA, agent), and a failure classified
 * as net-errors.ts draws the line. Each caller brings its own auth and words failures its own
 * way; nothing here prints a header.
 */




/** No answer, or none read whole: Node's message (or the deadline's), its code, its kind. */
class HttpError extends Error {
    code;
    timedOut;
    kind;
    constructor(message, code, 
    /** The deadline passed (code ETIMEDOUT; the message says the deadline). */
    timedOut = false) {
        super(message);
        this.code = code;
        this.timedOut = timedOut;
        this.kind = (0,_net_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .networkFault */ .T)(code);
    }
}
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
function asHttpError(error) {
    if (error instanceof HttpError || error instanceof _bounded_js__WEBPACK_IMPORTED_MODULE_2__/* .TooLargeError */ .qB)
        return error;
    // Read, not instanceof: Node's errors may come from another realm (Jest's VM modules).
    const { message, code } = (error ?? {});
    return new HttpError(typeof message === 'string' ? message : String(error), typeof code === 'string' ? code : undefined);
}
/**
 * Sends `request`: the answer whatever its status, or an HttpError (no answer) or a
 * TooLargeError (an answer too big to hold).
 */
function send(request) {
    const method = request.method ?? 'GET';
    return new Promise((resolve, reject) => {
        let current;
        let settled = false;
        const settle = (finish) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            finish();
        };
        const fail = (error) => settle(() => {
            current?.destroy();
            reject(asHttpError(error));
        });
        const timer = setTimeout(() => {
            fail(new HttpError(`no answer within ${request.timeoutMs} ms`, 'ETIMEDOUT', true));
        }, request.timeoutMs);
        const go = (url, headers, hops, retry = true) => {
            const options = { ...request.tls, method, headers };
            let answered = false;
            const onAnswer = (res) => {
                answered = true;
                const status = res.statusCode ?? 0;
                const location = res.headers.location;
                if (REDIRECTS.has(status) &&
                    location &&
                    method === 'GET' &&
                    hops < (request.redirects ?? 0)) {
                    res.resume();
                    if (!URL.canParse(location, url.href)) {
                        fail(new HttpError('redirected to a location that is no URL', 'ERR_INVALID_URL'));
                        return;
                    }
                    const next = new URL(location, url);
                    // As fetch: credentials are not sent on to another origin.
                    const onward = next.origin === url.origin
                        ? headers
                        : Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
                    go(next, onward, hops + 1);
                    return;
                }
                request.onAnswer?.();
                (0,_bounded_js__WEBPACK_IMPORTED_MODULE_2__/* .readBodyBounded */ .mR)(res, request.maxBytes).then((text) => settle(() => resolve({ status, text, headers: res.headers })), fail);
            };
            let req;
            try {
                req = (url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request)(url, options, onAnswer);
            }
            catch (error) {
                // A header or URL Node refuses to send (ERR_INVALID_CHAR, ERR_INVALID_PROTOCOL...).
                fail(error);
                return;
            }
            current = req;
            req.on('error', (error) => {
                // A kept-alive connection the server closed while idle: the request never reached it.
                // A GET is sent once more on a new connection, as fetch does.
                if (retry &&
                    !answered &&
                    method === 'GET' &&
                    req.reusedSocket &&
                    error.code === 'ECONNRESET')
                    go(url, headers, hops, false);
                else
                    fail(error);
            });
            req.end(request.body);
        };
        go(request.url, request.headers ?? {}, 0);
    });
}


/***/ }),

/***/ 6339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GI: () => (/* binding */ captureTarget),
/* harmony export */   Tx: () => (/* binding */ runningOf),
/* harmony export */   ZA: () => (/* binding */ captureTargets)
/* harmony export */ });
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(370);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4184);
/* harmony import */ var _selector_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(740);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7261);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6384);
/* harmony import */ var _undo_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2511);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7619);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/** Reads what a target runs now (capture). */








async function captureTarget(client, ref) {
    const workload = await client.getWorkload(ref.kind, ref.namespace, ref.name);
    const selector = (0,_selector_js__WEBPACK_IMPORTED_MODULE_4__/* .selectorString */ .z)(workload.spec.selector);
    let revision;
    let history;
    if (ref.kind === 'Deployment') {
        history = (0,_undo_js__WEBPACK_IMPORTED_MODULE_2__/* .deploymentHistory */ .SP)(workload, await client.listReplicaSets(ref.namespace, selector)).map((h) => h.revision);
        revision = (0,_undo_js__WEBPACK_IMPORTED_MODULE_2__/* .revisionOf */ .DT)(workload);
    }
    else {
        const revisions = (0,_undo_js__WEBPACK_IMPORTED_MODULE_2__/* .revisionHistory */ .uk)(workload, await client.listControllerRevisions(ref.namespace, selector));
        history = revisions.map((r) => r.revision);
        revision = currentControllerRevision(workload, revisions)?.revision;
    }
    if (revision === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${(0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .kindName */ .E)(ref.kind)}/${ref.name} in namespace "${ref.namespace}" (context "${ref.context}") has no revision to go back to: it has never rolled out`);
    }
    const running = await runningOf(client, ref.namespace, workload);
    return {
        ...ref,
        uid: workload.metadata.uid,
        revision,
        generation: workload.metadata.generation,
        replicas: workload.spec.replicas,
        paused: workload.spec.paused === true,
        history,
        ...running,
        gitops: (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .gitOpsOf */ .eM)(workload),
        template: workload.spec.template,
    };
}
/**
 * What a workload runs: its template's images and the digests its pods report. Shared by
 * capture and verification, so both read "running" the same way. Pods already terminating
 * are left out: after a rollout completes they are the release being replaced, leaving.
 */
async function runningOf(client, namespace, workload) {
    const pods = await client.listPods(namespace, (0,_selector_js__WEBPACK_IMPORTED_MODULE_4__/* .selectorString */ .z)(workload.spec.selector));
    return {
        images: (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .imagesOf */ .IC)(workload.spec.template),
        digests: (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .digestsOf */ .nw)(pods.filter((pod) => !pod.metadata.deletionTimestamp)),
    };
}
function currentControllerRevision(workload, revisions) {
    const byName = revisions.find((r) => r.metadata.name === workload.status?.updateRevision);
    if (byName)
        return byName;
    return revisions.find((r) => (0,_json_js__WEBPACK_IMPORTED_MODULE_6__/* .semanticallyEqual */ .PZ)(r.data?.spec?.template, {
        ...workload.spec.template,
        $patch: 'replace',
    }));
}
/** What every target runs now; throws one error per target that cannot be captured. */
async function captureTargets(clients, refs, options) {
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_7__/* ["default"] */ .A)(options.concurrency);
    const results = await Promise.all(refs.map((ref) => limit(async () => {
        const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .clientFor */ .$V)(clients, ref.context);
        try {
            return await captureTarget(client, ref);
        }
        catch (error) {
            return error instanceof Error ? error : new Error(String(error));
        }
    })));
    const failures = results.filter((r) => r instanceof Error);
    if (failures.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserErrors */ .tQ(failures.map((e) => (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo ? e : new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(e.message))));
    return results;
}


/***/ }),

/***/ 4184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bx: () => (/* binding */ KubeClient),
  a3: () => (/* binding */ KubeError),
  wX: () => (/* binding */ PLURALS),
  $V: () => (/* binding */ clientFor)
});

// UNUSED EXPORTS: describeError

// EXTERNAL MODULE: ./src/net-errors.ts
var net_errors = __webpack_require__(6926);
// EXTERNAL MODULE: ./src/kube/transport.ts + 1 modules
var transport = __webpack_require__(8587);
;// CONCATENATED MODULE: ./src/kube/retry.ts


/**
 * A network failure that no retry can fix: a request that cannot be sent, or a server that
 * has never answered in this run and refuses, cannot be resolved, or fails TLS verification
 * (a wrong kubeconfig). Once it has answered, a refusal is a restart and worth waiting out.
 */
function isConfigurationFailure(error) {
    const { code, answeredBefore } = error.details;
    const fault = (0,net_errors/* networkFault */.T)(code);
    if (fault === 'request')
        return true;
    return (answeredBefore === false && (code === 'ECONNREFUSED' || fault === 'address' || fault === 'tls'));
}
/** Answers worth another try: throttling, server trouble, and no answer at all. */
function isRetryable(error) {
    if (error instanceof transport/* KubeNetworkError */.Up)
        return !isConfigurationFailure(error);
    return error instanceof transport/* KubeApiError */.W3 && [429, 500, 502, 503, 504].includes(error.status);
}
/**
 * Runs `operation`, retrying retryable failures with exponential backoff (or the server's
 * Retry-After) until `deadline` (a clock time in ms); then the last error is thrown.
 */
async function withRetry(operation, clock, deadline, onRetry = () => undefined) {
    for (let attempt = 0;; attempt++) {
        try {
            return await operation();
        }
        catch (error) {
            if (!isRetryable(error))
                throw error;
            const hinted = error instanceof transport/* KubeApiError */.W3 && error.retryAfterSeconds !== undefined
                ? error.retryAfterSeconds * 1000
                : undefined;
            const delay = hinted ?? Math.min(8_000, 250 * 2 ** attempt);
            if (clock.now() + delay > deadline)
                throw error;
            onRetry(error, delay);
            await clock.sleep(delay);
        }
    }
}

;// CONCATENATED MODULE: ./src/kube/client.ts


const PLURALS = {
    Deployment: 'deployments',
    StatefulSet: 'statefulsets',
    DaemonSet: 'daemonsets',
};
const PATCH_CONTENT_TYPES = {
    json: 'application/json-patch+json',
    strategic: 'application/strategic-merge-patch+json',
    merge: 'application/merge-patch+json',
};
class KubeClient {
    transport;
    options;
    constructor(transport, options) {
        this.transport = transport;
        this.options = options;
    }
    get context() {
        return this.transport.context;
    }
    get defaultNamespace() {
        return this.options.namespace ?? 'default';
    }
    async call(request) {
        const deadline = this.options.clock.now() + (this.options.retryForMs ?? 60_000);
        try {
            return await withRetry(() => this.transport.request(request), this.options.clock, deadline, (error, delay) => {
                this.options.log?.(`${this.context}: ${request.method} ${request.path}: ${error.message}; retrying in ${Math.round(delay / 100) / 10}s`);
            });
        }
        catch (error) {
            throw describeError(error, request, this.context);
        }
    }
    getWorkload(kind, namespace, name) {
        return this.call({
            method: 'GET',
            path: `/apis/apps/v1/namespaces/${namespace}/${PLURALS[kind]}/${name}`,
        });
    }
    /**
     * One workload read as a list narrowed by name, as `kubectl rollout status` reads it: the
     * list's resourceVersion is the server's current one, where a watch can start (an object's
     * own may be too old to watch from). Undefined when there is no such workload.
     */
    async listWorkload(kind, namespace, name) {
        const list = await this.call({
            method: 'GET',
            path: `/apis/apps/v1/namespaces/${namespace}/${PLURALS[kind]}`,
            query: { fieldSelector: `metadata.name=${name}` },
        });
        return { workload: list.items[0], resourceVersion: list.metadata.resourceVersion ?? '' };
    }
    /**
     * Watches one workload from `resourceVersion` on. Not retried: a watch that cannot be
     * opened is the caller's to replace (by polling). Fails when the transport cannot watch.
     */
    async watchWorkload(kind, namespace, name, resourceVersion, timeoutSeconds) {
        const request = {
            method: 'GET',
            path: `/apis/apps/v1/namespaces/${namespace}/${PLURALS[kind]}`,
            query: {
                watch: '1',
                fieldSelector: `metadata.name=${name}`,
                resourceVersion,
                allowWatchBookmarks: 'true',
                timeoutSeconds: String(timeoutSeconds),
            },
        };
        if (!this.transport.watch)
            throw new Error(`context "${this.context}" offers no watch`);
        try {
            return await this.transport.watch(request);
        }
        catch (error) {
            throw describeError(error, request, this.context);
        }
    }
    async listReplicaSets(namespace, labelSelector) {
        return (await this.call({
            method: 'GET',
            path: `/apis/apps/v1/namespaces/${namespace}/replicasets`,
            query: { labelSelector },
        })).items;
    }
    async listControllerRevisions(namespace, labelSelector) {
        return (await this.call({
            method: 'GET',
            path: `/apis/apps/v1/namespaces/${namespace}/controllerrevisions`,
            query: { labelSelector },
        })).items;
    }
    async listPods(namespace, labelSelector) {
        return (await this.call({
            method: 'GET',
            path: `/api/v1/namespaces/${namespace}/pods`,
            query: { labelSelector },
        })).items;
    }
    patchWorkload(kind, namespace, name, type, body, dryRun = false) {
        return this.call({
            method: 'PATCH',
            path: `/apis/apps/v1/namespaces/${namespace}/${PLURALS[kind]}/${name}`,
            query: { dryRun: dryRun ? 'All' : undefined },
            body,
            contentType: PATCH_CONTENT_TYPES[type],
        });
    }
    /** A ConfigMap, or undefined when it does not exist. */
    async getConfigMap(namespace, name) {
        try {
            return await this.call({
                method: 'GET',
                path: `/api/v1/namespaces/${namespace}/configmaps/${name}`,
            });
        }
        catch (error) {
            if (error instanceof KubeError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    createConfigMap(namespace, configMap) {
        return this.call({
            method: 'POST',
            path: `/api/v1/namespaces/${namespace}/configmaps`,
            body: configMap,
        });
    }
    /** Replaces a ConfigMap; its resourceVersion makes a concurrent change fail with 409. */
    updateConfigMap(namespace, configMap) {
        return this.call({
            method: 'PUT',
            path: `/api/v1/namespaces/${namespace}/configmaps/${configMap.metadata.name}`,
            body: configMap,
        });
    }
    /**
     * Whether the credentials may `verb` the resource (SelfSubjectAccessReview); with `name`,
     * that one object, so a Role narrowed by `resourceNames` is judged as the server will.
     */
    async can(verb, group, resource, namespace, name) {
        const review = await this.call({
            method: 'POST',
            path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
            body: {
                apiVersion: 'authorization.k8s.io/v1',
                kind: 'SelfSubjectAccessReview',
                spec: { resourceAttributes: { verb, group, resource, namespace, name } },
            },
        });
        return review.status?.allowed === true;
    }
}
/** A failure of one call, described for a person: verb, resource, object, namespace, context. */
class KubeError extends Error {
    status;
    reason;
    network;
    constructor(message, status, reason, network) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.network = network;
    }
}
function verbOf(request) {
    const named = /\/(deployments|statefulsets|daemonsets|replicasets|controllerrevisions|pods|configmaps)\/[^/]+$/.test(request.path);
    switch (request.method) {
        case 'GET':
            return request.query?.watch ? 'watch' : named ? 'get' : 'list';
        case 'PATCH':
            return 'patch';
        case 'PUT':
            return 'update';
        case 'POST':
            return 'create';
        case 'DELETE':
            return 'delete';
    }
}
/** `deployments.apps "api" in namespace "shop"` from a request path. */
function objectOf(path) {
    const match = /^\/(?:api\/v1|apis\/([^/]+)\/v1)\/(?:namespaces\/([^/]+)\/)?([^/]+)(?:\/([^/]+))?/.exec(path);
    if (!match)
        return { resource: path };
    const [, group, namespace, plural = '', name] = match;
    return { resource: group ? `${plural}.${group}` : plural, name, namespace };
}
function describeError(error, request, context) {
    const { resource, name, namespace } = objectOf(request.path);
    const where = `${namespace ? ` in namespace "${namespace}"` : ''} (context "${context}")`;
    const object = name ? `${resource} "${name}"` : resource;
    if (error instanceof transport/* KubeApiError */.W3) {
        switch (error.status) {
            case 401:
                return new KubeError(`unauthorized: the API server of context "${context}" rejected the credentials (${error.message})`, 401, error.reason, false);
            case 403:
                return new KubeError(`forbidden: the credentials may not ${verbOf(request)} ${resource}${where}; grant that verb in RBAC (${error.message})`, 403, error.reason, false);
            case 404:
                return new KubeError(`${object} not found${where}`, 404, error.reason, false);
            case 409:
                return new KubeError(`conflict on ${object}${where}: ${error.message}`, 409, error.reason, false);
            default:
                return new KubeError(`${verbOf(request)} ${object}${where} failed: ${error.status} ${error.reason}: ${error.message}`, error.status, error.reason, false);
        }
    }
    if (error instanceof transport/* KubeNetworkError */.Up) {
        const { reason, server } = error.details;
        if (isConfigurationFailure(error) && server)
            return new KubeError(`context "${context}": cannot connect to the API server ${server}: ${reason ?? error.message}`, undefined, 'NetworkError', true);
        return new KubeError(`no answer to ${verbOf(request)} ${object}${where}: ${error.message}`, undefined, 'NetworkError', true);
    }
    return error instanceof Error ? error : new Error(String(error));
}
/** The client of a context that connect() opened; any other context is a bug, not input. */
function clientFor(clients, context) {
    const client = clients.get(context);
    if (!client)
        throw new Error(`no client for context ${context}`);
    return client;
}


/***/ }),

/***/ 7619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PZ: () => (/* binding */ semanticallyEqual),
/* harmony export */   Pp: () => (/* binding */ diffLines)
/* harmony export */ });
/* unused harmony exports canonical, pruneEmpty */
/** JSON with object keys sorted, so equal values have equal text. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
    }
    return value === undefined ? 'null' : JSON.stringify(value);
}
/**
 * Drops nulls and empty maps and lists, recursively: the API machinery's semantic equality
 * treats nil and empty alike, and `creationTimestamp: null` in a template means "unset".
 */
function pruneEmpty(value) {
    if (value === null || value === undefined)
        return undefined;
    if (Array.isArray(value)) {
        const items = value.map(pruneEmpty).filter((v) => v !== undefined);
        return items.length ? items : undefined;
    }
    if (typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            const pruned = pruneEmpty(v);
            if (pruned !== undefined)
                out[k] = pruned;
        }
        return Object.keys(out).length ? out : undefined;
    }
    return value;
}
function semanticallyEqual(a, b) {
    return canonical(pruneEmpty(a)) === canonical(pruneEmpty(b));
}
/** One line per leaf that differs: `spec.containers[api].image: a → b`. Lists of named items are matched by name. */
function diffLines(before, after, path = '') {
    const show = (v) => v === undefined ? '(unset)' : typeof v === 'string' ? v : canonical(v);
    if (canonical(pruneEmpty(before)) === canonical(pruneEmpty(after)))
        return [];
    const bothObjects = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
    if (bothObjects(before) && bothObjects(after)) {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
        return keys.flatMap((k) => diffLines(before[k], after[k], path ? `${path}.${k}` : k));
    }
    const named = (x) => Array.isArray(x) &&
        x.every((i) => typeof i === 'object' && i !== null && typeof i.name === 'string');
    if (named(before) && named(after)) {
        const names = [...new Set([...before.map((i) => i.name), ...after.map((i) => i.name)])];
        return names.flatMap((n) => diffLines(before.find((i) => i.name === n), after.find((i) => i.name === n), `${path}[${n}]`));
    }
    return [`${path}: ${show(before)} → ${show(after)}`];
}


/***/ }),

/***/ 7434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZE: () => (/* binding */ findKubeconfig),
/* harmony export */   __: () => (/* binding */ hasKubeConfig),
/* harmony export */   vb: () => (/* binding */ noKubeconfigError)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * Where a kubeconfig is, found the way kubectl looks (the `kubeconfig` input, then KUBECONFIG,
 * then ~/.kube/config, then the in-cluster service account), without reading it. Kept apart
 * from connect.ts so a run that needs no cluster never loads @kubernetes/client-node.
 */




/** The first place that holds a kubeconfig, or undefined when there is none. */
function findKubeconfig(options) {
    if (options.kubeconfig)
        return { kind: 'input', text: options.kubeconfig };
    const files = (options.env.KUBECONFIG ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter(Boolean);
    const existing = files.filter((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f));
    if (existing.length > 0)
        return { kind: 'files', files: existing };
    const home = node_path__WEBPACK_IMPORTED_MODULE_2__.join(options.env.HOME ?? node_os__WEBPACK_IMPORTED_MODULE_1__.homedir(), '.kube', 'config');
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(home))
        return { kind: 'home', file: home };
    if (options.env.KUBERNETES_SERVICE_HOST)
        return { kind: 'in-cluster' };
    return undefined;
}
/** Whether a kubeconfig can be found where loadKubeConfig looks, without reading it. */
function hasKubeConfig(options) {
    return findKubeconfig(options) !== undefined;
}
function noKubeconfigError() {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo("no kubeconfig: set the 'kubeconfig' input, KUBECONFIG, or ~/.kube/config, or run in a cluster");
}


/***/ }),

/***/ 740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ selectorString)
/* harmony export */ });
/** A LabelSelector as the `labelSelector` query string the API server parses. */
function selectorString(selector) {
    const terms = Object.entries(selector?.matchLabels ?? {})
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`);
    for (const e of selector?.matchExpressions ?? []) {
        const values = [...(e.values ?? [])].sort().join(',');
        if (e.operator === 'In')
            terms.push(`${e.key} in (${values})`);
        else if (e.operator === 'NotIn')
            terms.push(`${e.key} notin (${values})`);
        else if (e.operator === 'Exists')
            terms.push(e.key);
        else if (e.operator === 'DoesNotExist')
            terms.push(`!${e.key}`);
    }
    return terms.join(',');
}


/***/ }),

/***/ 7261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IC: () => (/* binding */ imagesOf),
/* harmony export */   RA: () => (/* binding */ readSnapshot),
/* harmony export */   Ro: () => (/* binding */ describeRef),
/* harmony export */   SW: () => (/* binding */ findCaptured),
/* harmony export */   XF: () => (/* binding */ refKey),
/* harmony export */   eM: () => (/* binding */ gitOpsOf),
/* harmony export */   nw: () => (/* binding */ digestsOf),
/* harmony export */   oF: () => (/* binding */ writeSnapshot)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _bounded_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6586);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(351);
/* harmony import */ var _parse_error_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8567);
/* harmony import */ var _report_json_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2794);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6384);
/**
 * The pre-deploy snapshot: per target and context, what ran before the deploy, so a rollback
 * goes back to exactly that (even when it is not the "previous" revision, and even when its
 * revision was pruned from history by then).
 */









function refKey(ref) {
    return `${ref.context}/${ref.namespace}/${(0,_types_js__WEBPACK_IMPORTED_MODULE_7__/* .kindName */ .E)(ref.kind)}/${ref.name}`;
}
function findCaptured(snapshot, ref) {
    return snapshot.targets.find((t) => refKey(t) === refKey(ref));
}
/** Argo CD and Flux mark what they manage with these labels and annotations. */
function gitOpsOf(workload) {
    const labels = workload.metadata.labels ?? {};
    const annotations = workload.metadata.annotations ?? {};
    const argo = annotations['argocd.argoproj.io/tracking-id'] ??
        labels['argocd.argoproj.io/instance'] ??
        annotations['argocd.argoproj.io/instance'];
    if (argo)
        return { tool: 'argocd', owner: argo.split(':')[0] ?? argo };
    const flux = labels['kustomize.toolkit.fluxcd.io/name'] !== undefined
        ? `Kustomization ${labels['kustomize.toolkit.fluxcd.io/namespace'] ?? ''}/${labels['kustomize.toolkit.fluxcd.io/name']}`
        : labels['helm.toolkit.fluxcd.io/name'] !== undefined
            ? `HelmRelease ${labels['helm.toolkit.fluxcd.io/namespace'] ?? ''}/${labels['helm.toolkit.fluxcd.io/name']}`
            : undefined;
    return flux ? { tool: 'flux', owner: flux } : undefined;
}
function imagesOf(template) {
    const containers = [
        ...(template.spec?.initContainers ?? []),
        ...(template.spec?.containers ?? []),
    ];
    return Object.fromEntries(containers.map((c) => [c.name, c.image ?? '']));
}
/** `docker.io/library/api@sha256:ab…` → `sha256:ab…`, per container, from ready or not pods alike. */
function digestsOf(pods) {
    const digests = {};
    for (const pod of pods) {
        for (const status of pod.status?.containerStatuses ?? []) {
            const digest = /@(sha256:[0-9a-f]{64})$/.exec(status.imageID ?? '')?.[1];
            if (digest)
                (digests[status.name] ??= new Set()).add(digest);
        }
    }
    return Object.fromEntries(Object.entries(digests).map(([k, v]) => [k, [...v].sort()]));
}
/**
 * Writes the snapshot under RUNNER_TEMP (the OS temp dir outside a runner), named by its
 * time, in its kebab-case JSON form (SnapshotFile); returns the file and the JSON written,
 * which is also the `snapshot` output.
 */
async function writeSnapshot(snapshot, runnerTemp) {
    const json = JSON.stringify((0,_report_json_js__WEBPACK_IMPORTED_MODULE_8__/* .snapshotFile */ .Pu)(snapshot));
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2__.join(runnerTemp || node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir(), 'rollback-action');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    const file = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, `snapshot-${snapshot.capturedAt.replace(/[:.]/g, '-')}.json`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, json);
    return { file, json };
}
/** A snapshot from the `snapshot` input: JSON text, or the path of a file holding it. */
function readSnapshot(value) {
    // JSON text starts with { or [ (a list is JSON too, just not a snapshot); else it is a path.
    const file = /^\s*[{[]/.test(value) ? undefined : value;
    const text = file === undefined ? value : readFileText(file);
    // Never the parser's message: it quotes the text, and a wrong path may name any file.
    const notOurs = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(file === undefined
        ? `input 'snapshot': not a rollback-action snapshot (${why}); use the 'snapshot' output of mode: capture`
        : `input 'snapshot': ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(file)} is not a rollback-action snapshot (${why})`);
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw notOurs((0,_parse_error_js__WEBPACK_IMPORTED_MODULE_6__/* .parseErrorLine */ .E)(error));
    }
    const snapshot = parsed;
    if (snapshot?.version !== 1 || !Array.isArray(snapshot.targets))
        throw notOurs('expected version 1 with targets');
    if (typeof snapshot['captured-at'] !== 'string')
        throw notOurs("expected 'captured-at'");
    return (0,_report_json_js__WEBPACK_IMPORTED_MODULE_8__/* .snapshotFromFile */ .Hi)(snapshot);
}
function readFileText(file) {
    try {
        return (0,_bounded_js__WEBPACK_IMPORTED_MODULE_3__/* .readFileBounded */ .Y1)(file, _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .LIMITS */ .b.snapshotFile);
    }
    catch (error) {
        if (error instanceof _bounded_js__WEBPACK_IMPORTED_MODULE_3__/* .TooLargeError */ .qB)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`input 'snapshot': ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(file)} is larger than ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z)(error.limit)}; it is not a snapshot from mode: capture`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`input 'snapshot': neither JSON nor a readable file: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(file)}`);
    }
}
/** A target as people read it, one way everywhere: `eu-west shop/deployment/api`. */
function describeRef(ref) {
    return `${ref.context} ${ref.namespace}/${(0,_types_js__WEBPACK_IMPORTED_MODULE_7__/* .kindName */ .E)(ref.kind)}/${ref.name}`;
}


/***/ }),

/***/ 8587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G5: () => (/* binding */ HttpTransport),
  W3: () => (/* binding */ KubeApiError),
  Up: () => (/* binding */ KubeNetworkError)
});

// EXTERNAL MODULE: ./src/bounded.ts
var bounded = __webpack_require__(6586);
// EXTERNAL MODULE: ./src/http-client.ts
var http_client = __webpack_require__(6215);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
// EXTERNAL MODULE: ./src/net-errors.ts
var net_errors = __webpack_require__(6926);
// EXTERNAL MODULE: ./src/url.ts
var src_url = __webpack_require__(7666);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./src/kube/watch.ts
/**
 * A Kubernetes watch over one HTTP response: the API server answers `?watch=1` with one JSON
 * event per line and keeps the response open. The transport opens it (authentication as for
 * any request); this reads it, one event at a time, and says when the server closed it.
 */








/**
 * Opens the watch; resolves once the server has answered its headers. A refusal (any status
 * but 2xx) is a KubeApiError, no answer a KubeNetworkError, as for a plain request.
 */
function openWatch(target) {
    const { url, request } = target;
    const send = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
    return new Promise((resolve, reject) => {
        const req = send(url, { ...target.options, method: 'GET', headers: target.headers }, (res) => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) {
                resolve(readEvents(res, () => req.destroy()));
                return;
            }
            (0,bounded/* readBodyBounded */.mR)(res, 64 * 1024).then((text) => reject(apiError(status, text, request)), (error) => reject(apiError(status, (0,errors/* messageOf */.bD)(error), request)));
        });
        // Only until the headers come: after that, a silent watch is normal (nothing changes).
        req.setTimeout(request.timeoutMs ?? 30_000, () => req.destroy(Object.assign(new Error(`no answer within ${request.timeoutMs ?? 30_000} ms`), {
            code: 'ETIMEDOUT',
        })));
        req.on('response', () => req.setTimeout(0));
        req.on('error', (error) => {
            // As the transport says it; describeError in client.ts makes it the line users read.
            const where = `${request.method} ${url.pathname} on ${target.server}`;
            const reason = (0,src_url/* redactUrlsIn */.$1)((0,net_errors/* describeNetworkError */.g)(error.code, (0,errors/* messageOf */.bD)(error)));
            reject(new KubeNetworkError(`${where}: ${reason}`, request, {
                code: error.code,
                reason,
                server: target.server,
            }));
        });
        req.end();
    });
}
function apiError(status, text, request) {
    let body = {};
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null)
            body = parsed;
    }
    catch {
        // not a Status: the text itself says what happened
    }
    const message = typeof body.message === 'string'
        ? (0,src_url/* redactUrlsIn */.$1)(body.message)
        : (0,src_url/* redactUrlsIn */.$1)(text.slice(0, 200)) || `HTTP ${status}`;
    const reason = typeof body.reason === 'string' ? body.reason : `HTTP${status}`;
    return new KubeApiError(status, reason, message, request);
}
/**
 * The events of an open watch response, split on newlines. A line longer than the API
 * answer limit, or one that is not JSON, ends the watch (the caller resumes or relists).
 */
function readEvents(res, destroy) {
    const queue = [];
    const waiting = [];
    let buffered = '';
    let ended = false;
    const end = () => {
        if (ended)
            return;
        ended = true;
        destroy();
        for (const wake of waiting.splice(0))
            wake(undefined);
    };
    const push = (event) => {
        const wake = waiting.shift();
        if (wake)
            wake(event);
        else
            queue.push(event);
    };
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
        if (ended)
            return;
        buffered += chunk;
        for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
            const line = buffered.slice(0, nl).trim();
            buffered = buffered.slice(nl + 1);
            if (!line)
                continue;
            const event = parseEvent(line);
            if (!event)
                return end();
            push(event);
        }
        if (buffered.length > limits/* LIMITS */.b.kubeAnswer)
            end();
    });
    res.on('end', end);
    res.on('close', end);
    res.on('error', end);
    return {
        next: () => {
            const event = queue.shift();
            if (event)
                return Promise.resolve(event);
            if (ended)
                return Promise.resolve(undefined);
            return new Promise((resolve) => waiting.push(resolve));
        },
        close: end,
    };
}
/** One line of a watch: `{"type": ..., "object": ...}`, or undefined when it is not one. */
function parseEvent(line) {
    try {
        const parsed = JSON.parse(line);
        if (typeof parsed !== 'object' || parsed === null)
            return undefined;
        const { type, object } = parsed;
        if (typeof type !== 'string' || typeof object !== 'object' || object === null)
            return undefined;
        return { type, object: object };
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/kube/transport.ts







/** An answer from the API server that is not a success, with its Status fields. */
class KubeApiError extends Error {
    status;
    reason;
    request;
    retryAfterSeconds;
    constructor(status, reason, message, request, retryAfterSeconds) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.request = request;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
/** No answer at all: refused, reset, timed out. Whether a write landed is unknown. */
class KubeNetworkError extends Error {
    request;
    details;
    constructor(message, request, details = {}) {
        super(message);
        this.request = request;
        this.details = details;
    }
}
class HttpTransport {
    kubeConfig;
    context;
    endpoint;
    calls = 0;
    server;
    /** Whether the server has answered in this run: after that, a refusal is a restart. */
    answered = false;
    constructor(kubeConfig, context, 
    /** The URL as the kubeconfig has it, userinfo included; never printed. */
    endpoint) {
        this.kubeConfig = kubeConfig;
        this.context = context;
        this.endpoint = endpoint;
        this.server = (0,src_url/* redactUrl */.BO)(endpoint);
    }
    async request(request) {
        const options = {};
        await this.kubeConfig.applyToHTTPSOptions(options);
        const url = new URL(this.endpoint.replace(/\/$/, '') + request.path);
        for (const [key, value] of Object.entries(request.query ?? {}))
            if (value !== undefined)
                url.searchParams.set(key, value);
        const body = request.body === undefined ? undefined : JSON.stringify(request.body);
        // applyToHTTPSOptions sets the Authorization header (a token, or one from an exec plugin);
        // the rest (CA, client certificate, agent) is TLS's.
        const { headers: auth, ...tls } = options;
        const headers = {
            ...auth,
            Accept: 'application/json',
            'User-Agent': 'rollback-action',
            ...(body !== undefined
                ? {
                    'Content-Type': request.contentType ?? 'application/json',
                    'Content-Length': Buffer.byteLength(body),
                }
                : {}),
        };
        this.calls += 1;
        const answeredBefore = this.answered;
        const answer = await (0,http_client/* send */.t)({
            method: request.method,
            url,
            headers,
            ...(body !== undefined ? { body } : {}),
            timeoutMs: request.timeoutMs ?? 30_000,
            maxBytes: limits/* LIMITS */.b.kubeAnswer,
            tls,
            onAnswer: () => (this.answered = true),
        }).catch((error) => {
            const where = `${request.method} ${url.pathname} on ${this.server}`;
            // Not a network failure: the answer came, it is too big to hold. Not worth a retry.
            if (error instanceof bounded/* TooLargeError */.qB)
                throw new Error(`${where}: the API server answered more than ${(0,limits/* formatBytes */.z)(error.limit)}`);
            const code = error.code;
            const reason = (0,src_url/* redactUrlsIn */.$1)((0,net_errors/* describeNetworkError */.g)(code, (0,errors/* messageOf */.bD)(error)));
            throw new KubeNetworkError(`${where}: ${reason}`, request, {
                code,
                reason,
                server: this.server,
                answeredBefore,
            });
        });
        const { status, text } = answer;
        const retryAfter = answer.headers['retry-after'];
        let parsed;
        try {
            parsed = text ? JSON.parse(text) : undefined;
        }
        catch {
            parsed = undefined;
        }
        if (status >= 200 && status < 300)
            return parsed;
        const statusBody = (typeof parsed === 'object' && parsed !== null ? parsed : {});
        const message = typeof statusBody.message === 'string'
            ? (0,src_url/* redactUrlsIn */.$1)(statusBody.message)
            : (0,src_url/* redactUrlsIn */.$1)(text.slice(0, 200)) || `HTTP ${status}`;
        const reason = typeof statusBody.reason === 'string' ? statusBody.reason : `HTTP${status}`;
        const seconds = retryAfter === undefined ? undefined : Number(retryAfter);
        throw new KubeApiError(status, reason, message, request, Number.isFinite(seconds) ? seconds : undefined);
    }
    async watch(request) {
        const options = {};
        await this.kubeConfig.applyToHTTPSOptions(options);
        const url = new URL(this.endpoint.replace(/\/$/, '') + request.path);
        for (const [key, value] of Object.entries(request.query ?? {}))
            if (value !== undefined)
                url.searchParams.set(key, value);
        const headers = {
            ...(options.headers ?? {}),
            Accept: 'application/json',
            'User-Agent': 'rollback-action',
        };
        this.calls += 1;
        const stream = await openWatch({ url, options, headers, server: this.server, request });
        this.answered = true;
        return stream;
    }
}


/***/ }),

/***/ 6384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ kindName),
/* harmony export */   i: () => (/* binding */ WORKLOAD_KINDS)
/* harmony export */ });
/** The workload kinds the action rolls back, as the API names them. */
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];
/** A kind as users write it in a target and read it in messages: `deployment`. */
function kindName(kind) {
    return kind.toLowerCase();
}


/***/ }),

/***/ 2511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ revisionOf),
/* harmony export */   HC: () => (/* binding */ planDeploymentUndo),
/* harmony export */   SP: () => (/* binding */ deploymentHistory),
/* harmony export */   j5: () => (/* binding */ planRevisionUndo),
/* harmony export */   nd: () => (/* binding */ UndoRefused),
/* harmony export */   uk: () => (/* binding */ revisionHistory)
/* harmony export */ });
/* unused harmony exports REVISION_ANNOTATION, withoutHashLabel, revisionData */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7619);

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
const HASH_LABEL = 'pod-template-hash';
/** Deployment annotations kubectl keeps, instead of taking the ReplicaSet's. */
const ANNOTATIONS_KEPT = new Set([
    'kubectl.kubernetes.io/last-applied-configuration',
    REVISION_ANNOTATION,
    'deployment.kubernetes.io/revision-history',
    'deployment.kubernetes.io/desired-replicas',
    'deployment.kubernetes.io/max-replicas',
    'deprecated.deployment.rollback.to',
]);
/** A rollback kubectl would refuse, with kubectl's reason. */
class UndoRefused extends Error {
}
function controlledBy(owner, object) {
    return (object.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === owner.metadata.uid);
}
function withoutHashLabel(template) {
    const copy = structuredClone(template);
    if (copy.metadata?.labels) {
        const { [HASH_LABEL]: _hash, ...labels } = copy.metadata.labels;
        copy.metadata.labels = labels;
    }
    return copy;
}
function revisionOf(object) {
    const value = Number(object.metadata.annotations?.[REVISION_ANNOTATION]);
    return Number.isInteger(value) && value > 0 ? value : undefined;
}
/** The revisions a workload can go back to, newest first. */
function deploymentHistory(deployment, replicaSets) {
    return replicaSets
        .filter((rs) => controlledBy(deployment, rs))
        .flatMap((rs) => {
        const revision = revisionOf(rs);
        return revision === undefined ? [] : [{ revision, replicaSet: rs }];
    })
        .sort((a, b) => b.revision - a.revision);
}
function planDeploymentUndo(deployment, replicaSets, to) {
    const name = deployment.metadata.name;
    const fromRevision = revisionOf(deployment);
    let target;
    const history = deploymentHistory(deployment, replicaSets);
    // A recorded release still in history goes back through its ReplicaSet (annotations too):
    // under its recorded revision, or under the one its template has now, since a rollback to
    // revision 3 turns that ReplicaSet into revision 5 and revision 3 no longer exists.
    const sameTemplate = (h) => to.kind === 'template' &&
        (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .semanticallyEqual */ .PZ)(withoutHashLabel(h.replicaSet.spec.template), withoutHashLabel(to.template));
    const recorded = to.kind === 'template'
        ? (history.find((h) => h.revision === to.revision && sameTemplate(h)) ??
            history.find(sameTemplate))
        : undefined;
    if (to.kind === 'template' && !recorded) {
        target = { template: to.template, revision: to.revision };
    }
    else if (recorded) {
        target = {
            template: recorded.replicaSet.spec.template,
            annotations: recorded.replicaSet.metadata.annotations,
            revision: recorded.revision,
        };
    }
    else {
        const found = to.kind === 'revision' ? history.find((h) => h.revision === to.revision) : history[1];
        if (!found) {
            if (to.kind === 'revision')
                throw new UndoRefused(`unable to find specified revision ${to.revision} in history`);
            throw new UndoRefused(`no rollout history found for deployment "${name}"`);
        }
        target = {
            template: found.replicaSet.spec.template,
            annotations: found.replicaSet.metadata.annotations,
            revision: found.revision,
        };
    }
    if (deployment.spec.paused === true) {
        throw new UndoRefused(`deployment "${name}" is paused; resume it first (kubectl rollout resume deployment/${name}) and try again`);
    }
    const template = withoutHashLabel(target.template);
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .semanticallyEqual */ .PZ)(template, withoutHashLabel(deployment.spec.template))) {
        return {
            action: 'skip',
            revision: target.revision ?? fromRevision,
            reason: `current template already matches revision ${target.revision ?? fromRevision ?? '?'}`,
        };
    }
    const patch = [{ op: 'replace', path: '/spec/template', value: template }];
    if (target.annotations !== undefined) {
        const annotations = {};
        for (const [k, v] of Object.entries(deployment.metadata.annotations ?? {}))
            if (ANNOTATIONS_KEPT.has(k))
                annotations[k] = v;
        for (const [k, v] of Object.entries(target.annotations ?? {}))
            if (!ANNOTATIONS_KEPT.has(k))
                annotations[k] = v;
        patch.push({ op: 'replace', path: '/metadata/annotations', value: annotations });
    }
    return {
        action: 'patch',
        fromRevision,
        toRevision: target.revision,
        patchType: 'json',
        patch,
        template,
    };
}
/** The data a StatefulSet or DaemonSet controller records for a template. */
function revisionData(template) {
    return { spec: { template: { ...template, $patch: 'replace' } } };
}
function templateOfData(data) {
    const template = data?.spec?.template;
    if (!template)
        return undefined;
    const { $patch: _directive, ...rest } = template;
    return rest;
}
function revisionHistory(workload, revisions) {
    return revisions.filter((r) => controlledBy(workload, r)).sort((a, b) => b.revision - a.revision);
}
function planRevisionUndo(workload, revisions, to) {
    const history = revisionHistory(workload, revisions);
    const current = history.find((r) => (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .semanticallyEqual */ .PZ)(templateOfData(r.data), workload.spec.template));
    let target;
    if (to.kind === 'template') {
        // The recorded template's revision now, which may not be the one it was recorded under.
        const now = history.find((r) => r.revision === to.revision && (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .semanticallyEqual */ .PZ)(templateOfData(r.data), to.template)) ?? history.find((r) => (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .semanticallyEqual */ .PZ)(templateOfData(r.data), to.template));
        target = {
            data: revisionData(to.template),
            template: to.template,
            revision: now?.revision ?? to.revision,
        };
    }
    else {
        if (to.kind === 'previous' && history.length <= 1)
            throw new UndoRefused('no last revision to roll back to');
        const found = to.kind === 'revision' ? history.find((r) => r.revision === to.revision) : history[1];
        if (!found)
            throw new UndoRefused(`unable to find specified revision ${to.kind === 'revision' ? to.revision : 0} in history`);
        target = {
            data: found.data,
            template: templateOfData(found.data) ?? {},
            revision: found.revision,
        };
    }
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .semanticallyEqual */ .PZ)(target.template, workload.spec.template)) {
        return {
            action: 'skip',
            revision: target.revision,
            reason: `current template already matches revision ${target.revision ?? current?.revision ?? '?'}`,
        };
    }
    return {
        action: 'patch',
        fromRevision: current?.revision,
        toRevision: target.revision,
        patchType: 'strategic',
        patch: target.data,
        template: target.template,
    };
}


/***/ }),

/***/ 351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ LIMITS),
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/**
 * How much the action reads at most, per file and per answer. Past a cap it stops reading and
 * says so: a wrong path (/dev/zero) or a huge answer must not exhaust the runner's memory.
 */
const MiB = 1024 * 1024;
const LIMITS = {
    policyFile: 1 * MiB,
    /** Each file of the policy's `import:` (an AnalysisTemplate, a rule file). */
    importFile: 1 * MiB,
    snapshotFile: 16 * MiB,
    caFile: 1 * MiB,
    kubeconfigFile: 4 * MiB,
    prometheusAnswer: 16 * MiB,
    httpJsonAnswer: 8 * MiB,
    healthAnswer: 1 * MiB,
    /** Per scraped URL. */
    scrapeAnswer: 16 * MiB,
    /** Generous: a LIST of ReplicaSets or pods can be big. */
    kubeAnswer: 64 * MiB,
};
/** `16 MiB`, `512 KiB`, `100 bytes`: a cap for messages. */
function formatBytes(bytes) {
    if (bytes >= MiB && bytes % MiB === 0)
        return `${bytes / MiB} MiB`;
    if (bytes >= 1024 && bytes % 1024 === 0)
        return `${bytes / 1024} KiB`;
    return `${bytes} bytes`;
}


/***/ }),

/***/ 4885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/secrets.ts
var src_secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/duration.ts
var src_duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/time.ts
var time = __webpack_require__(9834);
// EXTERNAL MODULE: ./src/revision.ts
var revision = __webpack_require__(8130);
// EXTERNAL MODULE: ./src/targets.ts
var src_targets = __webpack_require__(8993);
;// CONCATENATED MODULE: ./src/config.ts





/** Built-in defaults: the runbooks' longest "for" (p95 over 10 minutes) fits in the window. */
const DEFAULTS = {
    windowMs: 10 * 60_000,
    intervalMs: 30_000,
    noData: 'hold',
    inconclusive: 'warn',
    strategy: 'auto',
    toRevision: { kind: 'previous' },
    approval: 'auto',
    concurrency: 4,
    rollbackTimeoutMs: 10 * 60_000,
    baselineWindowMs: 10 * 60_000,
    rolloutTimeoutMs: 10 * 60_000,
    lookbackMs: 7 * 86_400_000,
};
function pick(input, policy, fallback) {
    if (input !== undefined)
        return { value: input, from: 'input' };
    if (policy !== undefined)
        return { value: policy, from: 'policy' };
    return { value: fallback, from: 'default' };
}
/** Durations and targets in the policy were validated when it was loaded, so these parse. */
function policyDuration(text) {
    return text === undefined ? undefined : (0,src_duration/* parseDuration */.E9)(text);
}
function policyTargets(texts) {
    return texts?.flatMap((text) => {
        const parsed = (0,src_targets/* parseTarget */.hu)(text);
        return 'error' in parsed ? [] : [parsed];
    });
}
function policyRevision(value) {
    return value === undefined ? undefined : (0,revision/* parseRevisionSpec */.i9)(String(value));
}
function resolveConfig(inputs, loaded) {
    const policy = loaded?.policy ?? {};
    const config = {
        mode: inputs.mode,
        policyFile: loaded?.file,
        policy,
        targets: pick(inputs.targets, policyTargets(policy.targets), []),
        namespace: pick(inputs.namespace, policy.namespace, undefined),
        contexts: pick(inputs.contexts, policy.contexts, []),
        prometheusUrl: pick(inputs.prometheusUrl, policy.metrics?.prometheus?.url, undefined),
        alertmanagerUrl: pick(inputs.alertmanagerUrl, policy.metrics?.alertmanager?.url, undefined),
        windowMs: pick(inputs.windowMs, policyDuration(policy.watch?.window), DEFAULTS.windowMs),
        intervalMs: pick(inputs.intervalMs, policyDuration(policy.watch?.interval), DEFAULTS.intervalMs),
        noData: pick(undefined, policy.watch?.['no-data'], DEFAULTS.noData),
        inconclusive: pick(undefined, policy.watch?.inconclusive, DEFAULTS.inconclusive),
        strategy: pick(inputs.strategy, policy.strategy, DEFAULTS.strategy),
        toRevision: pick(inputs.toRevision, policyRevision(policy.rollback?.['to-revision']), DEFAULTS.toRevision),
        approval: pick(inputs.approval, policy.approval, DEFAULTS.approval),
        reason: inputs.reason,
        dryRun: inputs.dryRun,
        kubeconfig: inputs.kubeconfig,
        snapshot: inputs.snapshot,
        concurrency: policy.rollback?.concurrency ?? DEFAULTS.concurrency,
        rollbackTimeoutMs: policyDuration(policy.rollback?.timeout) ?? DEFAULTS.rollbackTimeoutMs,
        baselineWindowMs: policyDuration(policy.watch?.['baseline-window']) ?? DEFAULTS.baselineWindowMs,
        rolloutTimeoutMs: policyDuration(policy.watch?.['rollout-timeout']) ?? DEFAULTS.rolloutTimeoutMs,
        deployTimes: pick(inputs.deployTimes, policy.backtest?.['deploy-times']?.flatMap((t) => (0,time/* parseTimestamp */.EH)(t) ?? []), []),
        lookbackMs: policyDuration(policy.backtest?.lookback) ?? DEFAULTS.lookbackMs,
        plan: inputs.plan,
        githubToken: inputs.githubToken,
        deploymentId: inputs.deploymentId,
        overrideFreeze: inputs.overrideFreeze,
        warnings: [...inputs.warnings.map((message) => ({ message })), ...(loaded?.warnings ?? [])],
    };
    // Targets are made one set where their namespaces are known in full (modes/context.ts).
    const contexts = [...new Set(config.contexts.value)];
    if (contexts.length < config.contexts.value.length) {
        config.warnings.push({
            message: `contexts: ${config.contexts.value
                .filter((c, i) => config.contexts.value.indexOf(c) !== i)
                .map(src_errors/* quote */.hD)
                .join(', ')} named more than once; each context is acted on once`,
        });
        config.contexts.value = contexts;
    }
    // The policy's own strategy is checked with the policy; an input may name what it lacks.
    const needs = {
        'feature-flag': ['flags', policy.flags],
        command: ['steps', policy.steps],
    };
    const strategy = config.strategy.value;
    if (config.strategy.from === 'input' && (strategy === 'feature-flag' || strategy === 'command')) {
        const [key, list] = needs[strategy];
        if (!list?.length)
            throw new src_errors/* UserError */.yo(`input 'strategy': ${(0,src_errors/* quote */.hD)(strategy)} needs the policy's ${(0,src_errors/* quote */.hD)(key)}, and ${loaded?.file ?? 'the policy'} has none`);
    }
    if (config.intervalMs.value > config.windowMs.value) {
        throw new src_errors/* UserError */.yo(`interval ${(0,src_duration/* formatDuration */.a3)(config.intervalMs.value)} (${describeSource(config.intervalMs.from, 'interval', 'watch.interval', loaded)}) ` +
            `is longer than window ${(0,src_duration/* formatDuration */.a3)(config.windowMs.value)} (${describeSource(config.windowMs.from, 'window', 'watch.window', loaded)}): nothing would be polled`);
    }
    return config;
}
function describeSource(from, input, key, loaded) {
    if (from === 'input')
        return `input '${input}'`;
    if (from === 'policy')
        return `${loaded?.file ?? 'policy'} ${key}`;
    return 'default';
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/suggest.ts
var suggest = __webpack_require__(2969);
// EXTERNAL MODULE: ./src/url.ts
var src_url = __webpack_require__(7666);
;// CONCATENATED MODULE: ./src/inputs.ts









/** Reads all inputs; reports every bad one at once, each on its own line. */
function readInputs() {
    const errors = [];
    const warnings = [];
    const fail = (name, problem) => {
        errors.push(new src_errors/* UserError */.yo(`input '${name}': ${problem}`));
        return undefined;
    };
    const text = (name) => core/* getInput */.V4(name) || undefined;
    const oneOf = (name, allowed) => {
        const value = text(name);
        if (value === undefined)
            return undefined;
        if (allowed.includes(value))
            return value;
        return fail(name, `${(0,src_errors/* quote */.hD)(value)} is not one of ${allowed.join(', ')}${(0,suggest/* didYouMean */.a)(value, allowed)}`);
    };
    const duration = (name, kind) => {
        const value = text(name);
        if (value === undefined)
            return undefined;
        const ms = (0,src_duration/* parseDuration */.E9)(value);
        if (ms === undefined)
            return fail(name, `${(0,src_errors/* quote */.hD)(value)} is not a duration (${src_duration/* DURATION_HINT */.Fp})`);
        const found = (0,src_duration/* checkDuration */.fU)(kind, ms);
        if (found && 'error' in found)
            return fail(name, `${(0,src_errors/* quote */.hD)(value)} ${found.error}`);
        if (found)
            warnings.push(`input '${name}': ${(0,src_errors/* quote */.hD)(value)} ${found.warning}`);
        return ms;
    };
    const list = (name) => {
        const value = text(name);
        return value === undefined ? undefined : (0,src_targets/* splitList */.ry)(value);
    };
    const targets = list(constants/* Inputs */.G0.Targets)?.flatMap((item) => {
        const parsed = (0,src_targets/* parseTarget */.hu)(item);
        if ('error' in parsed) {
            fail(constants/* Inputs */.G0.Targets, parsed.error);
            return [];
        }
        return [parsed];
    });
    const namespace = text(constants/* Inputs */.G0.Namespace);
    if (namespace !== undefined && !(0,src_targets/* isNamespaceName */.Pi)(namespace)) {
        fail(constants/* Inputs */.G0.Namespace, `${(0,src_errors/* quote */.hD)(namespace)} is not a valid namespace name`);
    }
    const url = (name) => {
        const value = text(name);
        if (value !== undefined && !(0,src_url/* isHttpUrl */.q$)(value))
            fail(name, `${(0,src_errors/* quote */.hD)((0,src_url/* redactUrl */.BO)(value))} is not an http(s) URL`);
        return value;
    };
    const prometheusUrl = url(constants/* Inputs */.G0.PrometheusUrl);
    const alertmanagerUrl = url(constants/* Inputs */.G0.AlertmanagerUrl);
    const rawRevision = text(constants/* Inputs */.G0.ToRevision);
    const toRevision = rawRevision === undefined ? undefined : (0,revision/* parseRevisionSpec */.i9)(rawRevision);
    if (rawRevision !== undefined && toRevision === undefined) {
        fail(constants/* Inputs */.G0.ToRevision, `${(0,src_errors/* quote */.hD)(rawRevision)} is not a revision (${revision/* REVISION_HINT */.Oi})`);
    }
    const deployTimes = list(constants/* Inputs */.G0.DeployTimes)?.flatMap((item) => {
        const at = (0,time/* parseTimestamp */.EH)(item);
        if (at === undefined) {
            fail(constants/* Inputs */.G0.DeployTimes, `${(0,src_errors/* quote */.hD)(item)} is not a time (${time/* TIMESTAMP_HINT */.z1})`);
            return [];
        }
        return [at];
    });
    const deploymentId = () => {
        const value = text(constants/* Inputs */.G0.DeploymentId);
        if (value !== undefined && !/^[1-9]\d{0,15}$/.test(value))
            fail(constants/* Inputs */.G0.DeploymentId, `${(0,src_errors/* quote */.hD)(value)} is not a deployment id (a positive number)`);
        return value;
    };
    const policy = text(constants/* Inputs */.G0.Policy);
    const inputs = {
        mode: oneOf(constants/* Inputs */.G0.Mode, constants/* MODES */.FN) ?? constants/* DEFAULT_MODE */.Cm,
        policyPath: policy ?? constants/* DEFAULT_POLICY_PATH */.lo,
        policyExplicit: policy !== undefined,
        targets,
        namespace,
        contexts: list(constants/* Inputs */.G0.Contexts),
        prometheusUrl,
        alertmanagerUrl,
        windowMs: duration(constants/* Inputs */.G0.Window, 'window'),
        intervalMs: duration(constants/* Inputs */.G0.Interval, 'interval'),
        strategy: oneOf(constants/* Inputs */.G0.Strategy, constants/* STRATEGIES */.YL),
        toRevision,
        approval: oneOf(constants/* Inputs */.G0.Approval, constants/* APPROVALS */.zo),
        reason: text(constants/* Inputs */.G0.Reason),
        dryRun: inputs_boolean(constants/* Inputs */.G0.DryRun, false, errors),
        kubeconfig: text(constants/* Inputs */.G0.Kubeconfig),
        snapshot: text(constants/* Inputs */.G0.Snapshot),
        deployTimes,
        plan: text(constants/* Inputs */.G0.Plan),
        githubToken: text(constants/* Inputs */.G0.GitHubToken),
        deploymentId: deploymentId(),
        overrideFreeze: inputs_boolean(constants/* Inputs */.G0.OverrideFreeze, false, errors),
        warnings,
    };
    if (errors.length > 0)
        throw new src_errors/* UserErrors */.tQ(errors);
    return inputs;
}
/** core.getBooleanInput, with an empty input meaning the default and a one-line error. */
function inputs_boolean(name, fallback, errors) {
    const raw = core/* getInput */.V4(name);
    if (raw === '')
        return fallback;
    try {
        return core/* getBooleanInput */.Vt(name);
    }
    catch {
        errors.push(new src_errors/* UserError */.yo(`input '${name}': ${(0,src_errors/* quote */.hD)(raw)} is not a boolean (use true or false)`));
        return fallback;
    }
}

// EXTERNAL MODULE: ./src/kube/kubeconfig-source.ts
var kubeconfig_source = __webpack_require__(7434);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/bounded.ts
var bounded = __webpack_require__(6586);
// EXTERNAL MODULE: ./src/limits.ts
var limits = __webpack_require__(351);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/policy/locate.ts

/**
 * Maps JSON Pointers (as Ajv reports them: `/watch/window`, `/triggers/0/for`) to 1-based
 * line and column in the YAML text, from js-yaml's event stream. Only the first document is
 * read; anything it cannot place is simply absent from the map.
 */
function locateNodes(source) {
    return locateDocuments(source)[0] ?? new Map();
}
/**
 * The same for every document of a multi-document YAML text (Kubernetes manifests, an
 * imported file holding a Canary and its MetricTemplates): one map per document, in order.
 */
function locateDocuments(source) {
    const documents = [];
    let positions = new Map();
    let events;
    try {
        events = (0,js_yaml/* parseEvents */.PH)(source, {});
    }
    catch {
        return documents;
    }
    const toLineColumn = lineColumnOf(source);
    const stack = [];
    const childPointer = () => {
        const top = stack.at(-1);
        if (!top)
            return '';
        if (top.kind === 'seq')
            return `${top.pointer}/${top.index}`;
        return top.key === undefined ? undefined : `${top.pointer}/${escapePointer(top.key)}`;
    };
    const record = (pointer, offset) => {
        if (pointer === undefined || offset < 0)
            return;
        const [line, column] = toLineColumn(offset);
        positions.set(pointer, { ...positions.get(pointer), line, column });
    };
    // After a value completes, its parent moves on to the next key or index.
    const advance = () => {
        const top = stack.at(-1);
        if (top?.kind === 'map')
            top.key = undefined;
        else if (top?.kind === 'seq')
            top.index += 1;
    };
    for (const event of events) {
        switch (event.type) {
            case js_yaml/* EVENT_ID */.hy.DOCUMENT:
                positions = new Map();
                documents.push(positions);
                stack.length = 0;
                break;
            case js_yaml/* EVENT_ID */.hy.MAPPING:
            case js_yaml/* EVENT_ID */.hy.SEQUENCE: {
                const pointer = childPointer() ?? '/?';
                record(pointer, event.start);
                stack.push(event.type === js_yaml/* EVENT_ID */.hy.MAPPING
                    ? { kind: 'map', pointer, key: undefined }
                    : { kind: 'seq', pointer, index: 0 });
                break;
            }
            case js_yaml/* EVENT_ID */.hy.SCALAR: {
                const top = stack.at(-1);
                if (top?.kind === 'map' && top.key === undefined) {
                    top.key = (0,js_yaml/* getScalarValue */.KE)(source, event);
                    const [keyLine, keyColumn] = toLineColumn(scalarStart(event));
                    const pointer = `${top.pointer}/${escapePointer(top.key)}`;
                    positions.set(pointer, { line: keyLine, column: keyColumn, keyLine, keyColumn });
                    break;
                }
                record(childPointer(), scalarStart(event));
                advance();
                break;
            }
            case js_yaml/* EVENT_ID */.hy.ALIAS:
                record(childPointer(), event.anchorStart);
                advance();
                break;
            case js_yaml/* EVENT_ID */.hy.POP:
                if (stack.length === 0)
                    break; // the document's own end
                stack.pop();
                advance();
                break;
        }
    }
    return documents;
}
/** A quoted scalar starts at its opening quote, where a person looks for it. */
function scalarStart(event) {
    const quoted = event.style === js_yaml/* SCALAR_STYLE */.jK.SINGLE_QUOTED || event.style === js_yaml/* SCALAR_STYLE */.jK.DOUBLE_QUOTED;
    return quoted ? event.valueStart - 1 : event.valueStart;
}
function escapePointer(segment) {
    return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
/** A function from a 0-based offset to a 1-based [line, column]. */
function lineColumnOf(source) {
    const starts = [0];
    for (let i = 0; i < source.length; i++)
        if (source[i] === '\n')
            starts.push(i + 1);
    return (offset) => {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if ((starts[mid] ?? 0) <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return [low + 1, offset - (starts[low] ?? 0) + 1];
    };
}

// EXTERNAL MODULE: ./src/policy/presets.ts
var presets = __webpack_require__(4490);
;// CONCATENATED MODULE: ./schema/rollback-policy.schema.json
const rollback_policy_schema_namespaceObject = {};
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(6214);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/equal.js
var equal = __webpack_require__(4951);
;// CONCATENATED MODULE: ./src/policy/schema-validator.js
// Generated by scripts/policy-validator.ts from schema/rollback-policy.schema.json; do not edit.
/* eslint-disable */


const validate = (/* unused pure expression or super */ null && (validate10));/* harmony default export */ const schema_validator = (validate10);const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://raw.githubusercontent.com/rollback-action/rollback-action/main/schema/rollback-policy.schema.json","title":"rollback-action policy","description":"When rollback-action rolls a deploy back, how, and how it reports. Inputs of the action override these values.","type":"object","additionalProperties":false,"properties":{"version":{"description":"Policy format version.","const":1},"targets":{"description":"Workloads to guard: kind/name or namespace/kind/name (deployment, statefulset, daemonset).","type":"array","items":{"$ref":"#/definitions/target"},"maxItems":100},"namespace":{"description":"Namespace of targets that do not name one.","$ref":"#/definitions/namespace"},"contexts":{"description":"Kube contexts to act in, one per region. Empty: the kubeconfig's current context.","type":"array","items":{"type":"string","minLength":1},"maxItems":50},"watch":{"description":"How long and how often to watch the service after a deploy.","type":"object","additionalProperties":false,"properties":{"window":{"description":"How long to watch after the rollout completes: at least 1s, at most 5d (a job's longest run on a self-hosted runner; hosted runners stop a job at 6h).","$ref":"#/definitions/duration"},"interval":{"description":"Time between two polls of the metrics: at least 1s, and no longer than the window.","$ref":"#/definitions/duration"},"no-data":{"description":"What a trigger without data does; 'hold' never rolls back on missing data alone.","$ref":"#/definitions/noData"},"inconclusive":{"description":"What a run that could not judge does to the step: 'warn' (default) passes with a warning annotation, 'fail' fails the step. Nothing is rolled back either way.","enum":["warn","fail"]},"min-requests":{"description":"Below this many requests in a ratio's recent window (prometheus: two polls, at least 30s; scrape: since the previous poll), the ratio is no data; the sequential test needs this many in total. Default per ratio trigger: enough that one failed request alone cannot breach its threshold (20 for 5 %); 0 turns it off.","type":"integer","minimum":0},"settle":{"description":"After the rollout completes, how long triggers other than P0 only watch: a warm-up burst (errors or latency in the first seconds) is neither a breach nor evidence against the release. P0 triggers judge from the first poll, so a severe regression still rolls back at once. Default 30s with preset: runbook, else 0s.","$ref":"#/definitions/duration"},"baseline-window":{"description":"How much history before the deploy makes the baseline that relative triggers compare with (default 10m).","$ref":"#/definitions/duration"},"rollout-timeout":{"description":"How long the rollout may take before it counts as failed, a trigger that fires at once (default 10m).","$ref":"#/definitions/duration"}}},"metrics":{"description":"Where metrics come from. Triggers use this provider unless they name another.","type":"object","additionalProperties":false,"properties":{"provider":{"$ref":"#/definitions/provider"},"prometheus":{"type":"object","additionalProperties":false,"properties":{"url":{"$ref":"#/definitions/url"},"timeout":{"$ref":"#/definitions/duration"},"scrape-interval":{"description":"How often Prometheus scrapes the service; ranges are never cut below two of them. Default: read from Prometheus' /api/v1/targets.","$ref":"#/definitions/duration"},"headers":{"$ref":"#/definitions/headers"},"headers-env":{"$ref":"#/definitions/headersEnv"},"bearer-token-env":{"description":"Name of an environment variable holding a bearer token.","$ref":"#/definitions/envName"},"basic-auth":{"type":"object","additionalProperties":false,"required":["username-env","password-env"],"properties":{"username-env":{"$ref":"#/definitions/envName"},"password-env":{"$ref":"#/definitions/envName"}}},"ca-file":{"description":"PEM file, relative to the workspace, with the CA that signed the server's certificate (for a private CA: when set, it is the only CA trusted for this server).","type":"string","minLength":1}}},"alertmanager":{"type":"object","additionalProperties":false,"properties":{"url":{"$ref":"#/definitions/url"},"timeout":{"$ref":"#/definitions/duration"},"headers":{"$ref":"#/definitions/headers"},"headers-env":{"$ref":"#/definitions/headersEnv"},"bearer-token-env":{"description":"Name of an environment variable holding a bearer token.","$ref":"#/definitions/envName"},"basic-auth":{"type":"object","additionalProperties":false,"required":["username-env","password-env"],"properties":{"username-env":{"$ref":"#/definitions/envName"},"password-env":{"$ref":"#/definitions/envName"}}},"ca-file":{"description":"PEM file, relative to the workspace, with the CA that signed the server's certificate (for a private CA: when set, it is the only CA trusted for this server).","type":"string","minLength":1}},"description":"Alertmanager (API v2) for triggers with provider: alertmanager: the alerts the team already has. The URL can also come from the input 'alertmanager-url'."},"scrape":{"type":"object","additionalProperties":false,"properties":{"urls":{"type":"array","items":{"$ref":"#/definitions/url"},"minItems":1},"timeout":{"$ref":"#/definitions/duration"}}},"selector":{"description":"Label matchers that pick the service's series, e.g. job=\"api\" (used by presets).","type":"string"}}},"preset":{"description":"Standard triggers from the runbooks on the usual metric names ('runbook').","enum":["runbook","none"]},"triggers":{"description":"Conditions that fail the deploy.","type":"array","items":{"$ref":"#/definitions/trigger"},"maxItems":100},"import":{"description":"Analysis a team already has, made triggers: Argo Rollouts AnalysisTemplates and ClusterAnalysisTemplates (prometheus metrics), Flagger Canaries with their MetricTemplates and built-in metrics, and Prometheus rule files or PrometheusRules (each alerting rule a kind: alert trigger). `validate` prints the triggers made and where each came from; docs/import.md has the mapping tables.","type":"array","maxItems":20,"items":{"type":"object","additionalProperties":false,"required":["file"],"properties":{"file":{"description":"A YAML file in the repository, relative to the workspace (it may hold several documents, e.g. a Canary and its MetricTemplates).","type":"string","minLength":1},"args":{"description":"Values for the file's templates: Argo's {{args.NAME}}; Flagger's {{ variables.NAME }} and namespace, target, service, ingress (over the Canary's own).","type":"object","additionalProperties":{"type":["string","number","boolean"]}}}}},"backtest":{"description":"mode: backtest replays the policy over past deploys.","type":"object","additionalProperties":false,"properties":{"deploy-times":{"description":"When past deploys finished, ISO 8601 with a zone. Default: found from the targets' rollout history.","type":"array","items":{"type":"string","minLength":1},"maxItems":1000},"lookback":{"description":"How far back to look for deploys in the rollout history (default 7d).","$ref":"#/definitions/duration"}}},"strategy":{"$ref":"#/definitions/strategy"},"approval":{"description":"'required' never rolls back without a person's approval; the verdict is rollback-recommended.","enum":["auto","required"]},"rollback":{"type":"object","additionalProperties":false,"properties":{"to-revision":{"description":"'previous', 'last-good' or a revision number.","anyOf":[{"enum":["previous","last-good"]},{"type":"integer","minimum":1}]},"concurrency":{"description":"Targets and contexts rolled back at once.","type":"integer","minimum":1,"maximum":64},"timeout":{"description":"Give up on a rollback that has not completed after this long.","$ref":"#/definitions/duration"}}},"git":{"description":"How a git revert is made and delivered.","type":"object","additionalProperties":false,"properties":{"delivery":{"description":"'pull-request' (default): the revert on a new branch and a pull request to 'branch'; 'push': the revert pushed to 'branch' so the normal pipeline redeploys.","enum":["pull-request","push"]},"branch":{"description":"The branch the revert goes to (default: the repository's default branch).","type":"string","minLength":1},"revert":{"description":"'one' (default): one revert commit for the whole range; 'per-commit': one revert commit per reverted commit.","enum":["one","per-commit"]},"labels":{"description":"Labels of the revert pull request (default: rollback).","type":"array","items":{"type":"string","minLength":1},"maxItems":20},"revert-pr-after-undo":{"description":"After a Kubernetes undo, also open the revert pull request, so the branch no longer holds what was rolled back.","type":"boolean"},"stale-reverts":{"description":"What a run that verifies a commit healthy (a guard that passed, mark-good) does to this action's open revert pull requests for the same service and branch whose reverted commits that commit already contains (merging one would roll back past a healthy release): 'close' (default): a comment naming the verified commit and the run, the label rollback-superseded, closed; 'comment': only the comment, once; 'keep': nothing.","enum":["close","comment","keep"]}}},"migrations":{"description":"Which files of a deployed range are database migrations.","type":"object","additionalProperties":false,"properties":{"paths":{"description":"Globs of migration files (** any folders, * one name), added to the defaults for Prisma, Alembic, Django, Rails, Flyway, Liquibase, Knex, TypeORM, goose and golang-migrate.","type":"array","items":{"type":"string","minLength":1},"maxItems":100},"replace-defaults":{"description":"true: only 'paths' are migrations.","type":"boolean"},"down-command":{"description":"A command that reverses the deployed migrations; run only when approval: required was granted (mode: rollback with the plan).","$ref":"#/definitions/argv"}}},"flags":{"description":"Feature flags turned off first when a deploy fails, each an HTTP request or a command; the failing triggers are judged again for its verify-window, and the plan escalates when they still fail.","type":"array","maxItems":20,"items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1},"request":{"$ref":"#/definitions/httpRequest"},"command":{"$ref":"#/definitions/argv"},"timeout":{"description":"Give up on the request or command after this long (default 30s).","$ref":"#/definitions/duration"},"verify-window":{"description":"How long the failing triggers are judged again after the flag is off (default 2m).","$ref":"#/definitions/duration"}}}},"steps":{"description":"Commands for what the action does not drive itself (Helm, Docker Compose, Terraform, a CDN purge), run in order without a shell, with the captured facts in their environment (ROLLBACK_PREVIOUS_SHA, ROLLBACK_DEPLOYED_SHA, ...).","type":"array","maxItems":20,"items":{"type":"object","additionalProperties":false,"required":["name","run"],"properties":{"name":{"type":"string","minLength":1},"run":{"$ref":"#/definitions/argv"},"timeout":{"description":"Give up after this long (default 5m).","$ref":"#/definitions/duration"},"env":{"description":"Extra environment variables, name to value (no secrets: the step's own env is passed through).","type":"object","additionalProperties":{"type":"string"}},"check":{"description":"A command that exits 0 when the step worked.","type":"object","additionalProperties":false,"required":["run"],"properties":{"run":{"$ref":"#/definitions/argv"},"timeout":{"$ref":"#/definitions/duration"}}}}}},"verify":{"description":"How a rollback is verified: smoke checks, the window the failing triggers are judged again for, and the rollback time SLA.","type":"object","additionalProperties":false,"properties":{"checks":{"description":"Smoke checks run after the rollback, each an HTTP request or a command.","type":"array","maxItems":50,"items":{"$ref":"#/definitions/smokeCheck"}},"window":{"description":"How long the failing triggers are judged again after the rollback (default 2m).","$ref":"#/definitions/duration"},"sla":{"description":"'critical' (10m), 'high' (15m), 'standard' (30m, the default) or a duration such as 20m: the time allowed from the decision to verified.","anyOf":[{"enum":["critical","high","standard"]},{"$ref":"#/definitions/duration"}]}}},"rehearsal":{"description":"mode: rehearse, a rollback drill on staging: how it is reported beyond the job summary.","type":"object","additionalProperties":false,"properties":{"issue":{"description":"File each drill as an issue labelled rollback-rehearsal, never as an incident (needs issues: write). Default false.","type":"boolean"},"labels":{"description":"Labels added to the rehearsal issue besides rollback-rehearsal (created when missing).","type":"array","items":{"type":"string","minLength":1,"maxLength":50},"maxItems":20}}},"incident":{"description":"The incident issue filed after a rollback (needs issues: write).","type":"object","additionalProperties":false,"properties":{"on":{"description":"The verdicts that file (or comment on) an incident; default rolled-back, rollback-recommended, rollback-failed. Empty: never.","type":"array","items":{"enum":["rolled-back","rollback-recommended","rollback-failed","inconclusive"]},"uniqueItems":true},"labels":{"description":"Labels added to incident and the severity (created when missing).","type":"array","items":{"type":"string","minLength":1,"maxLength":50},"maxItems":20},"assignees":{"description":"Logins assigned to the incident (default: the actor who deployed).","type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$"},"maxItems":10},"template":{"description":"A Markdown file in the repository with {{placeholders}} that replaces the body's layout.","type":"string","minLength":1}}},"notify":{"description":"Messages about a rollback to Slack, PagerDuty and webhooks. Best effort: a notification that fails is one warning and never changes the verdict. Secrets (the Slack URL, the routing key, header values) come from environment variables of the step, named here.","type":"object","additionalProperties":false,"properties":{"slack":{"description":"A Slack incoming webhook.","type":"object","additionalProperties":false,"required":["webhook-url-env"],"properties":{"webhook-url-env":{"description":"The environment variable holding the incoming webhook URL (the URL is the credential: keep it in a secret).","$ref":"#/definitions/envName"},"on":{"description":"Default: initiated, completed, failed, recommended.","$ref":"#/definitions/notifyEvents"},"channel":{"description":"A channel to post to instead of the webhook's own; only legacy webhooks honour it.","type":"string","pattern":"^[#@]?[a-z0-9][a-z0-9._-]{0,79}$"}}},"pagerduty":{"description":"PagerDuty Events API v2: one alert per service while it is open (the dedup key), for the severities listed.","type":"object","additionalProperties":false,"required":["routing-key-env"],"properties":{"routing-key-env":{"description":"The environment variable holding the integration's routing key.","$ref":"#/definitions/envName"},"severities":{"description":"The severities that page (default P0 only); a failed rollback is always P0.","type":"array","items":{"$ref":"#/definitions/severity"},"uniqueItems":true,"minItems":1},"on":{"description":"Default: completed, failed, recommended (one page, once the outcome is known).","$ref":"#/definitions/notifyEvents"},"url":{"description":"The Events API endpoint (default https://events.pagerduty.com/v2/enqueue; the EU service's is https://events.eu.pagerduty.com/v2/enqueue).","$ref":"#/definitions/url"}}},"webhooks":{"description":"JSON posted to any URL: the run's facts in kebab-case keys.","type":"array","maxItems":10,"items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"description":"Shown in the log, the summary and the report instead of the URL.","type":"string","minLength":1,"maxLength":50},"url":{"description":"The URL, when it holds no secret (else url-env).","$ref":"#/definitions/url"},"url-env":{"description":"The environment variable holding the URL, when the URL is a secret.","$ref":"#/definitions/envName"},"headers":{"$ref":"#/definitions/headers"},"headers-env":{"$ref":"#/definitions/headersEnv"},"on":{"description":"Default: initiated, completed, failed, recommended.","$ref":"#/definitions/notifyEvents"}}}}}}},"definitions":{"duration":{"description":"A duration such as 30s, 5m or 1h30m.","type":"string","pattern":"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},"url":{"type":"string","pattern":"^https?://"},"envName":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"},"headers":{"description":"Extra request headers, name to value (kept in the repository: no secrets here).","type":"object","additionalProperties":{"type":"string"}},"headersEnv":{"description":"Request headers whose values come from environment variables of the step (masked in logs), header name to variable name.","type":"object","additionalProperties":{"$ref":"#/definitions/envName"}},"namespace":{"type":"string","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":63},"target":{"description":"kind/name or namespace/kind/name, e.g. deployment/api or payments/statefulset/db.","type":"string","minLength":3},"strategy":{"description":"How to roll back: 'auto' picks from the facts (migrations, feature flags, GitOps, targets); 'kubernetes' undoes the targets as kubectl rollout undo does; 'git-revert' reverts the deployed commits in git; 'feature-flag' turns the policy's flags off; 'command' runs the policy's steps; 'none' only recommends.","enum":["auto","kubernetes","git-revert","feature-flag","command","none"]},"provider":{"enum":["prometheus","scrape","http-json","health","alertmanager"]},"noData":{"enum":["hold","rollback","fail"]},"severity":{"enum":["P0","P1","P2"]},"trigger":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1},"provider":{"$ref":"#/definitions/provider"},"query":{"description":"PromQL (prometheus) or a metric expression (scrape).","type":"string","minLength":1},"kind":{"description":"'alert': the query is an alert expression (a comparison, like a Prometheus rule's expr): it fails while the query returns series and passes while it returns none; no threshold. Default 'value': the query's number is compared with a threshold.","enum":["value","alert"]},"range":{"description":"'since-deploy' (default): every range window of the query longer than the time since the deploy is cut to it (never below two scrape intervals), so the release is judged on its own traffic; 'as-written' keeps the query's ranges.","enum":["since-deploy","as-written"]},"ratio":{"description":"A count-based ratio: two counter series selectors, errors and total (their increases are summed, e.g. http_requests_total{code=~\"5..\"}); enables fast detection of severe regressions.","type":"object","additionalProperties":false,"required":["errors","total"],"properties":{"errors":{"type":"string","minLength":1},"total":{"type":"string","minLength":1}}},"matchers":{"description":"provider: alertmanager: the alerts this trigger watches, as Alertmanager matchers (service=\"api\", severity=~\"page|critical\"); an alert matching all of them that begins after the deploy fails the trigger.","type":"array","items":{"type":"string","minLength":1},"minItems":1,"maxItems":50},"severity-map":{"description":"provider: alertmanager: an alert's 'severity' label value to P0, P1 or P2 (added to the defaults: critical and page P0, warning, error and high P1, info and low P2); the trigger's severity when unmapped.","type":"object","additionalProperties":{"$ref":"#/definitions/severity"}},"include-silenced":{"description":"provider: alertmanager: count silenced and inhibited alerts too (default false: they are listed and ignored).","type":"boolean"},"url":{"description":"URL of a health or http-json trigger.","$ref":"#/definitions/url"},"json-path":{"description":"JSONPath of the value in an http-json response.","type":"string","minLength":1},"headers":{"description":"Extra request headers of a health or http-json trigger (no secrets: use headers-env).","$ref":"#/definitions/headers"},"headers-env":{"description":"Headers of a health or http-json trigger from environment variables (API keys), header name to variable name.","$ref":"#/definitions/headersEnv"},"expect-status":{"type":"integer","minimum":100,"maximum":599},"body-match":{"type":"string"},"above":{"description":"Fails when the value is above this. With 'below' too: fails outside the band [below, above] (edges pass).","type":"number"},"below":{"description":"Fails when the value is below this. With 'above' too: fails outside the band [below, above] (edges pass).","type":"number"},"at-least":{"description":"Fails when the value is this or higher (>=), as Argo Rollouts' result[0] >= N; above is strict (>). With below or at-most: a band.","type":"number"},"at-most":{"description":"Fails when the value is this or lower (<=); below is strict (<). With above or at-least: a band.","type":"number"},"relative":{"description":"Fails when the value is this much worse than the pre-deploy baseline: +50% fails above 1.5× the baseline, -30% fails below 0.7× (a drop). Not combined with above or below.","type":"string","pattern":"^[+-]?[0-9]+(\\.[0-9]+)?%$"},"series":{"description":"When the query returns several series (one per pod, say): 'any' (default) judges each on its own and fails when one does, as Prometheus fires an alert per series; 'all' fails only when every series does; 'max', 'min', 'sum', 'avg' judge one value made of them.","enum":["any","all","max","min","sum","avg"]},"for":{"description":"How long the condition must hold (at most 5d).","$ref":"#/definitions/duration"},"consecutive":{"description":"How many failing polls in a row.","type":"integer","minimum":1},"failure-limit":{"description":"Fails when more polls than this breached in the window, in a row or not (Argo Rollouts' failureLimit). One of for, consecutive, failure-limit.","type":"integer","minimum":0},"min-requests":{"description":"This trigger's minimum requests in the recent window (see watch.min-requests).","type":"integer","minimum":0},"fast-fail":{"description":"Fail before 'for' when the evidence is overwhelming (sequential test): error ratios, latency quantiles of a histogram (judged as the share of requests slower than the threshold) and counts (sum(increase(x[1m]))).","type":"boolean"},"relative-to-baseline":{"description":"Count triggers (sum(increase(x[1m])) with above): when the rate before the deploy was already above the threshold, fail only when the release raised it beyond doubt; a deploy that did not change it is not its cause. On in preset: runbook.","type":"boolean"},"no-data":{"$ref":"#/definitions/noData"},"severity":{"$ref":"#/definitions/severity"},"context":{"description":"Scope this trigger to one kube context (region): when it fails, only that context's targets are rolled back.","type":"string","minLength":1},"targets":{"description":"Scope this trigger to some targets (kind/name): when it fails, only those are rolled back.","type":"array","items":{"$ref":"#/definitions/target"},"minItems":1,"maxItems":100}}},"argv":{"description":"A command as its words, run without a shell: [\"helm\", \"rollback\", \"shop\"].","type":"array","items":{"type":"string","minLength":1},"minItems":1,"maxItems":200},"httpRequest":{"description":"An HTTP request.","type":"object","additionalProperties":false,"required":["url"],"properties":{"method":{"description":"Default POST.","enum":["GET","POST","PUT","PATCH","DELETE"]},"url":{"$ref":"#/definitions/url"},"headers":{"$ref":"#/definitions/headers"},"headers-env":{"$ref":"#/definitions/headersEnv"},"body":{"description":"The request body: text as written, or an object sent as JSON.","anyOf":[{"type":"string"},{"type":"object"}]},"expect-status":{"description":"The status that means done (default: any 2xx).","type":"integer","minimum":100,"maximum":599}}},"smokeCheck":{"description":"A smoke check: an HTTP request (http) or a command (command), one of them.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1},"http":{"$ref":"#/definitions/smokeHttp"},"command":{"$ref":"#/definitions/argv"},"timeout":{"description":"A command check: give up after this long (default 2m).","$ref":"#/definitions/duration"}}},"smokeHttp":{"description":"An HTTP smoke check; redirects are not followed.","type":"object","additionalProperties":false,"required":["url"],"properties":{"url":{"$ref":"#/definitions/url"},"method":{"description":"Default GET.","enum":["GET","HEAD","POST"]},"headers":{"$ref":"#/definitions/headers"},"headers-env":{"$ref":"#/definitions/headersEnv"},"expect-status":{"description":"The status that passes (default 200).","type":"integer","minimum":100,"maximum":599},"body-contains":{"description":"Text the answer must contain.","type":"string","minLength":1},"json-path":{"description":"JSONPath of one value in the JSON answer, compared with equals, at-least or at-most.","type":"string","minLength":1},"equals":{"description":"The value json-path must find (a string, number, boolean or null).","type":["string","number","boolean","null"]},"at-least":{"description":"json-path must find a number >= this.","type":"number"},"at-most":{"description":"json-path must find a number <= this.","type":"number"},"timeout":{"description":"Give up on one attempt after this long (default 10s).","$ref":"#/definitions/duration"},"retries":{"description":"Attempts after the first when the failure can change (connection, 5xx, 429, timeout, a body not yet matching); default 3.","type":"integer","minimum":0,"maximum":10},"backoff":{"description":"Wait before the first retry, doubled before each next one (default 2s).","$ref":"#/definitions/duration"}}},"notifyEvents":{"description":"The events that send a message: initiated (the rollback is about to run), completed (rolled back; verified or not said), failed (the rollback failed, or it is not verified: P0), recommended (a person must act: approve the plan, merge the revert pull request). Empty: never.","type":"array","items":{"enum":["initiated","completed","failed","recommended"]},"uniqueItems":true}}};const schema12 = {"description":"kind/name or namespace/kind/name, e.g. deployment/api or payments/statefulset/db.","type":"string","minLength":3};const schema13 = {"type":"string","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":63};const schema14 = {"description":"A duration such as 30s, 5m or 1h30m.","type":"string","pattern":"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"};const schema16 = {"enum":["hold","rollback","fail"]};const schema20 = {"enum":["prometheus","scrape","http-json","health","alertmanager"]};const schema21 = {"type":"string","pattern":"^https?://"};const schema24 = {"description":"Extra request headers, name to value (kept in the repository: no secrets here).","type":"object","additionalProperties":{"type":"string"}};const schema26 = {"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"};const schema48 = {"description":"How to roll back: 'auto' picks from the facts (migrations, feature flags, GitOps, targets); 'kubernetes' undoes the targets as kubectl rollout undo does; 'git-revert' reverts the deployed commits in git; 'feature-flag' turns the policy's flags off; 'command' runs the policy's steps; 'none' only recommends.","enum":["auto","kubernetes","git-revert","feature-flag","command","none"]};const schema50 = {"description":"A command as its words, run without a shell: [\"helm\", \"rollback\", \"shop\"].","type":"array","items":{"type":"string","minLength":1},"minItems":1,"maxItems":200};const schema72 = {"description":"The events that send a message: initiated (the rollback is about to run), completed (rolled back; verified or not said), failed (the rollback failed, or it is not verified: P0), recommended (a person must act: approve the plan, merge the revert pull request). Empty: never.","type":"array","items":{"enum":["initiated","completed","failed","recommended"]},"uniqueItems":true};const schema40 = {"enum":["P0","P1","P2"]};const func2 = Object.prototype.hasOwnProperty;const func3 = ucs2length["default"] ?? ucs2length;const func0 = equal["default"] ?? equal;const pattern0 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");const pattern1 = new RegExp("^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$", "u");const pattern6 = new RegExp("^https?://", "u");const pattern9 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");const pattern36 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$", "u");const pattern38 = new RegExp("^[#@]?[a-z0-9][a-z0-9._-]{0,79}$", "u");const schema25 = {"description":"Request headers whose values come from environment variables of the step (masked in logs), header name to variable name.","type":"object","additionalProperties":{"$ref":"#/definitions/envName"}};function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){let data0 = data[key0];if(typeof data0 === "string"){if(!pattern9.test(data0)){const err0 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema26,data:data0};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}else {const err1 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}}else {const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}validate11.errors = vErrors;return errors === 0;}const schema38 = {"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1},"provider":{"$ref":"#/definitions/provider"},"query":{"description":"PromQL (prometheus) or a metric expression (scrape).","type":"string","minLength":1},"kind":{"description":"'alert': the query is an alert expression (a comparison, like a Prometheus rule's expr): it fails while the query returns series and passes while it returns none; no threshold. Default 'value': the query's number is compared with a threshold.","enum":["value","alert"]},"range":{"description":"'since-deploy' (default): every range window of the query longer than the time since the deploy is cut to it (never below two scrape intervals), so the release is judged on its own traffic; 'as-written' keeps the query's ranges.","enum":["since-deploy","as-written"]},"ratio":{"description":"A count-based ratio: two counter series selectors, errors and total (their increases are summed, e.g. http_requests_total{code=~\"5..\"}); enables fast detection of severe regressions.","type":"object","additionalProperties":false,"required":["errors","total"],"properties":{"errors":{"type":"string","minLength":1},"total":{"type":"string","minLength":1}}},"matchers":{"description":"provider: alertmanager: the alerts this trigger watches, as Alertmanager matchers (service=\"api\", severity=~\"page|critical\"); an alert matching all of them that begins after the deploy fails the trigger.","type":"array","items":{"type":"string","minLength":1},"minItems":1,"maxItems":50},"severity-map":{"description":"provider: alertmanager: an alert's 'severity' label value to P0, P1 or P2 (added to the defaults: critical and page P0, warning, error and high P1, info and low P2); the trigger's severity when unmapped.","type":"object","additionalProperties":{"$ref":"#/definitions/severity"}},"include-silenced":{"description":"provider: alertmanager: count silenced and inhibited alerts too (default false: they are listed and ignored).","type":"boolean"},"url":{"description":"URL of a health or http-json trigger.","$ref":"#/definitions/url"},"json-path":{"description":"JSONPath of the value in an http-json response.","type":"string","minLength":1},"headers":{"description":"Extra request headers of a health or http-json trigger (no secrets: use headers-env).","$ref":"#/definitions/headers"},"headers-env":{"description":"Headers of a health or http-json trigger from environment variables (API keys), header name to variable name.","$ref":"#/definitions/headersEnv"},"expect-status":{"type":"integer","minimum":100,"maximum":599},"body-match":{"type":"string"},"above":{"description":"Fails when the value is above this. With 'below' too: fails outside the band [below, above] (edges pass).","type":"number"},"below":{"description":"Fails when the value is below this. With 'above' too: fails outside the band [below, above] (edges pass).","type":"number"},"at-least":{"description":"Fails when the value is this or higher (>=), as Argo Rollouts' result[0] >= N; above is strict (>). With below or at-most: a band.","type":"number"},"at-most":{"description":"Fails when the value is this or lower (<=); below is strict (<). With above or at-least: a band.","type":"number"},"relative":{"description":"Fails when the value is this much worse than the pre-deploy baseline: +50% fails above 1.5× the baseline, -30% fails below 0.7× (a drop). Not combined with above or below.","type":"string","pattern":"^[+-]?[0-9]+(\\.[0-9]+)?%$"},"series":{"description":"When the query returns several series (one per pod, say): 'any' (default) judges each on its own and fails when one does, as Prometheus fires an alert per series; 'all' fails only when every series does; 'max', 'min', 'sum', 'avg' judge one value made of them.","enum":["any","all","max","min","sum","avg"]},"for":{"description":"How long the condition must hold (at most 5d).","$ref":"#/definitions/duration"},"consecutive":{"description":"How many failing polls in a row.","type":"integer","minimum":1},"failure-limit":{"description":"Fails when more polls than this breached in the window, in a row or not (Argo Rollouts' failureLimit). One of for, consecutive, failure-limit.","type":"integer","minimum":0},"min-requests":{"description":"This trigger's minimum requests in the recent window (see watch.min-requests).","type":"integer","minimum":0},"fast-fail":{"description":"Fail before 'for' when the evidence is overwhelming (sequential test): error ratios, latency quantiles of a histogram (judged as the share of requests slower than the threshold) and counts (sum(increase(x[1m]))).","type":"boolean"},"relative-to-baseline":{"description":"Count triggers (sum(increase(x[1m])) with above): when the rate before the deploy was already above the threshold, fail only when the release raised it beyond doubt; a deploy that did not change it is not its cause. On in preset: runbook.","type":"boolean"},"no-data":{"$ref":"#/definitions/noData"},"severity":{"$ref":"#/definitions/severity"},"context":{"description":"Scope this trigger to one kube context (region): when it fails, only that context's targets are rolled back.","type":"string","minLength":1},"targets":{"description":"Scope this trigger to some targets (kind/name): when it fails, only those are rolled back.","type":"array","items":{"$ref":"#/definitions/target"},"minItems":1,"maxItems":100}}};const pattern21 = new RegExp("^[+-]?[0-9]+(\\.[0-9]+)?%$", "u");function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema38.required,parentSchema:schema38,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(func2.call(schema38.properties, key0))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(func3(data0) < 1){const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.properties.name,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.name.type,parentSchema:schema38.properties.name,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.provider !== undefined){let data1 = data.provider;if(!(((((data1 === "prometheus") || (data1 === "scrape")) || (data1 === "http-json")) || (data1 === "health")) || (data1 === "alertmanager"))){const err4 = {instancePath:instancePath+"/provider",schemaPath:"#/definitions/provider/enum",keyword:"enum",params:{allowedValues: schema20.enum},message:"must be equal to one of the allowed values",schema:schema20.enum,parentSchema:schema20,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.query !== undefined){let data2 = data.query;if(typeof data2 === "string"){if(func3(data2) < 1){const err5 = {instancePath:instancePath+"/query",schemaPath:"#/properties/query/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.properties.query,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/query",schemaPath:"#/properties/query/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.query.type,parentSchema:schema38.properties.query,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.kind !== undefined){let data3 = data.kind;if(!((data3 === "value") || (data3 === "alert"))){const err7 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema38.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.kind.enum,parentSchema:schema38.properties.kind,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.range !== undefined){let data4 = data.range;if(!((data4 === "since-deploy") || (data4 === "as-written"))){const err8 = {instancePath:instancePath+"/range",schemaPath:"#/properties/range/enum",keyword:"enum",params:{allowedValues: schema38.properties.range.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.range.enum,parentSchema:schema38.properties.range,data:data4};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.ratio !== undefined){let data5 = data.ratio;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){if(data5.errors === undefined){const err9 = {instancePath:instancePath+"/ratio",schemaPath:"#/properties/ratio/required",keyword:"required",params:{missingProperty: "errors"},message:"must have required property '"+"errors"+"'",schema:schema38.properties.ratio.required,parentSchema:schema38.properties.ratio,data:data5};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data5.total === undefined){const err10 = {instancePath:instancePath+"/ratio",schemaPath:"#/properties/ratio/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'",schema:schema38.properties.ratio.required,parentSchema:schema38.properties.ratio,data:data5};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}for(const key1 in data5){if(!((key1 === "errors") || (key1 === "total"))){const err11 = {instancePath:instancePath+"/ratio",schemaPath:"#/properties/ratio/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema38.properties.ratio,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data5.errors !== undefined){let data6 = data5.errors;if(typeof data6 === "string"){if(func3(data6) < 1){const err12 = {instancePath:instancePath+"/ratio/errors",schemaPath:"#/properties/ratio/properties/errors/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.properties.ratio.properties.errors,data:data6};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/ratio/errors",schemaPath:"#/properties/ratio/properties/errors/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.ratio.properties.errors.type,parentSchema:schema38.properties.ratio.properties.errors,data:data6};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data5.total !== undefined){let data7 = data5.total;if(typeof data7 === "string"){if(func3(data7) < 1){const err14 = {instancePath:instancePath+"/ratio/total",schemaPath:"#/properties/ratio/properties/total/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.properties.ratio.properties.total,data:data7};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/ratio/total",schemaPath:"#/properties/ratio/properties/total/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.ratio.properties.total.type,parentSchema:schema38.properties.ratio.properties.total,data:data7};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}else {const err16 = {instancePath:instancePath+"/ratio",schemaPath:"#/properties/ratio/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.properties.ratio.type,parentSchema:schema38.properties.ratio,data:data5};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.matchers !== undefined){let data8 = data.matchers;if(Array.isArray(data8)){if(data8.length > 50){const err17 = {instancePath:instancePath+"/matchers",schemaPath:"#/properties/matchers/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items",schema:50,parentSchema:schema38.properties.matchers,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if(data8.length < 1){const err18 = {instancePath:instancePath+"/matchers",schemaPath:"#/properties/matchers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema38.properties.matchers,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}const len0 = data8.length;for(let i0=0; i0<len0; i0++){let data9 = data8[i0];if(typeof data9 === "string"){if(func3(data9) < 1){const err19 = {instancePath:instancePath+"/matchers/" + i0,schemaPath:"#/properties/matchers/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.properties.matchers.items,data:data9};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}else {const err20 = {instancePath:instancePath+"/matchers/" + i0,schemaPath:"#/properties/matchers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.matchers.items.type,parentSchema:schema38.properties.matchers.items,data:data9};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}}else {const err21 = {instancePath:instancePath+"/matchers",schemaPath:"#/properties/matchers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.properties.matchers.type,parentSchema:schema38.properties.matchers,data:data8};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data["severity-map"] !== undefined){let data10 = data["severity-map"];if(data10 && typeof data10 == "object" && !Array.isArray(data10)){for(const key2 in data10){let data11 = data10[key2];if(!(((data11 === "P0") || (data11 === "P1")) || (data11 === "P2"))){const err22 = {instancePath:instancePath+"/severity-map/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/severity/enum",keyword:"enum",params:{allowedValues: schema40.enum},message:"must be equal to one of the allowed values",schema:schema40.enum,parentSchema:schema40,data:data11};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}else {const err23 = {instancePath:instancePath+"/severity-map",schemaPath:"#/properties/severity-map/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.properties["severity-map"].type,parentSchema:schema38.properties["severity-map"],data:data10};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data["include-silenced"] !== undefined){let data12 = data["include-silenced"];if(typeof data12 !== "boolean"){const err24 = {instancePath:instancePath+"/include-silenced",schemaPath:"#/properties/include-silenced/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema38.properties["include-silenced"].type,parentSchema:schema38.properties["include-silenced"],data:data12};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data.url !== undefined){let data13 = data.url;if(typeof data13 === "string"){if(!pattern6.test(data13)){const err25 = {instancePath:instancePath+"/url",schemaPath:"#/definitions/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema21,data:data13};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}else {const err26 = {instancePath:instancePath+"/url",schemaPath:"#/definitions/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.type,parentSchema:schema21,data:data13};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data["json-path"] !== undefined){let data14 = data["json-path"];if(typeof data14 === "string"){if(func3(data14) < 1){const err27 = {instancePath:instancePath+"/json-path",schemaPath:"#/properties/json-path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.properties["json-path"],data:data14};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}else {const err28 = {instancePath:instancePath+"/json-path",schemaPath:"#/properties/json-path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties["json-path"].type,parentSchema:schema38.properties["json-path"],data:data14};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data.headers !== undefined){let data15 = data.headers;if(data15 && typeof data15 == "object" && !Array.isArray(data15)){for(const key3 in data15){let data16 = data15[key3];if(typeof data16 !== "string"){const err29 = {instancePath:instancePath+"/headers/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/headers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.additionalProperties.type,parentSchema:schema24.additionalProperties,data:data16};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}else {const err30 = {instancePath:instancePath+"/headers",schemaPath:"#/definitions/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data15};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data["headers-env"] !== undefined){if(!(validate11(data["headers-env"], {instancePath:instancePath+"/headers-env",parentData:data,parentDataProperty:"headers-env",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}if(data["expect-status"] !== undefined){let data18 = data["expect-status"];if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){const err31 = {instancePath:instancePath+"/expect-status",schemaPath:"#/properties/expect-status/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema38.properties["expect-status"].type,parentSchema:schema38.properties["expect-status"],data:data18};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}if((typeof data18 == "number") && (isFinite(data18))){if(data18 > 599 || isNaN(data18)){const err32 = {instancePath:instancePath+"/expect-status",schemaPath:"#/properties/expect-status/maximum",keyword:"maximum",params:{comparison: "<=", limit: 599},message:"must be <= 599",schema:599,parentSchema:schema38.properties["expect-status"],data:data18};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}if(data18 < 100 || isNaN(data18)){const err33 = {instancePath:instancePath+"/expect-status",schemaPath:"#/properties/expect-status/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100",schema:100,parentSchema:schema38.properties["expect-status"],data:data18};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}if(data["body-match"] !== undefined){let data19 = data["body-match"];if(typeof data19 !== "string"){const err34 = {instancePath:instancePath+"/body-match",schemaPath:"#/properties/body-match/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties["body-match"].type,parentSchema:schema38.properties["body-match"],data:data19};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}if(data.above !== undefined){let data20 = data.above;if(!((typeof data20 == "number") && (isFinite(data20)))){const err35 = {instancePath:instancePath+"/above",schemaPath:"#/properties/above/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema38.properties.above.type,parentSchema:schema38.properties.above,data:data20};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data.below !== undefined){let data21 = data.below;if(!((typeof data21 == "number") && (isFinite(data21)))){const err36 = {instancePath:instancePath+"/below",schemaPath:"#/properties/below/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema38.properties.below.type,parentSchema:schema38.properties.below,data:data21};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data["at-least"] !== undefined){let data22 = data["at-least"];if(!((typeof data22 == "number") && (isFinite(data22)))){const err37 = {instancePath:instancePath+"/at-least",schemaPath:"#/properties/at-least/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema38.properties["at-least"].type,parentSchema:schema38.properties["at-least"],data:data22};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data["at-most"] !== undefined){let data23 = data["at-most"];if(!((typeof data23 == "number") && (isFinite(data23)))){const err38 = {instancePath:instancePath+"/at-most",schemaPath:"#/properties/at-most/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema38.properties["at-most"].type,parentSchema:schema38.properties["at-most"],data:data23};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data.relative !== undefined){let data24 = data.relative;if(typeof data24 === "string"){if(!pattern21.test(data24)){const err39 = {instancePath:instancePath+"/relative",schemaPath:"#/properties/relative/pattern",keyword:"pattern",params:{pattern: "^[+-]?[0-9]+(\\.[0-9]+)?%$"},message:"must match pattern \""+"^[+-]?[0-9]+(\\.[0-9]+)?%$"+"\"",schema:"^[+-]?[0-9]+(\\.[0-9]+)?%$",parentSchema:schema38.properties.relative,data:data24};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}else {const err40 = {instancePath:instancePath+"/relative",schemaPath:"#/properties/relative/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.relative.type,parentSchema:schema38.properties.relative,data:data24};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data.series !== undefined){let data25 = data.series;if(!((((((data25 === "any") || (data25 === "all")) || (data25 === "max")) || (data25 === "min")) || (data25 === "sum")) || (data25 === "avg"))){const err41 = {instancePath:instancePath+"/series",schemaPath:"#/properties/series/enum",keyword:"enum",params:{allowedValues: schema38.properties.series.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.series.enum,parentSchema:schema38.properties.series,data:data25};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}if(data.for !== undefined){let data26 = data.for;if(typeof data26 === "string"){if(!pattern1.test(data26)){const err42 = {instancePath:instancePath+"/for",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data26};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}else {const err43 = {instancePath:instancePath+"/for",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data26};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}if(data.consecutive !== undefined){let data27 = data.consecutive;if(!(((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27))) && (isFinite(data27)))){const err44 = {instancePath:instancePath+"/consecutive",schemaPath:"#/properties/consecutive/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema38.properties.consecutive.type,parentSchema:schema38.properties.consecutive,data:data27};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}if((typeof data27 == "number") && (isFinite(data27))){if(data27 < 1 || isNaN(data27)){const err45 = {instancePath:instancePath+"/consecutive",schemaPath:"#/properties/consecutive/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema38.properties.consecutive,data:data27};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}}if(data["failure-limit"] !== undefined){let data28 = data["failure-limit"];if(!(((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28))) && (isFinite(data28)))){const err46 = {instancePath:instancePath+"/failure-limit",schemaPath:"#/properties/failure-limit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema38.properties["failure-limit"].type,parentSchema:schema38.properties["failure-limit"],data:data28};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}if((typeof data28 == "number") && (isFinite(data28))){if(data28 < 0 || isNaN(data28)){const err47 = {instancePath:instancePath+"/failure-limit",schemaPath:"#/properties/failure-limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema38.properties["failure-limit"],data:data28};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}}if(data["min-requests"] !== undefined){let data29 = data["min-requests"];if(!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))){const err48 = {instancePath:instancePath+"/min-requests",schemaPath:"#/properties/min-requests/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema38.properties["min-requests"].type,parentSchema:schema38.properties["min-requests"],data:data29};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}if((typeof data29 == "number") && (isFinite(data29))){if(data29 < 0 || isNaN(data29)){const err49 = {instancePath:instancePath+"/min-requests",schemaPath:"#/properties/min-requests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema38.properties["min-requests"],data:data29};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}}if(data["fast-fail"] !== undefined){let data30 = data["fast-fail"];if(typeof data30 !== "boolean"){const err50 = {instancePath:instancePath+"/fast-fail",schemaPath:"#/properties/fast-fail/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema38.properties["fast-fail"].type,parentSchema:schema38.properties["fast-fail"],data:data30};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}if(data["relative-to-baseline"] !== undefined){let data31 = data["relative-to-baseline"];if(typeof data31 !== "boolean"){const err51 = {instancePath:instancePath+"/relative-to-baseline",schemaPath:"#/properties/relative-to-baseline/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema38.properties["relative-to-baseline"].type,parentSchema:schema38.properties["relative-to-baseline"],data:data31};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}if(data["no-data"] !== undefined){let data32 = data["no-data"];if(!(((data32 === "hold") || (data32 === "rollback")) || (data32 === "fail"))){const err52 = {instancePath:instancePath+"/no-data",schemaPath:"#/definitions/noData/enum",keyword:"enum",params:{allowedValues: schema16.enum},message:"must be equal to one of the allowed values",schema:schema16.enum,parentSchema:schema16,data:data32};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}if(data.severity !== undefined){let data33 = data.severity;if(!(((data33 === "P0") || (data33 === "P1")) || (data33 === "P2"))){const err53 = {instancePath:instancePath+"/severity",schemaPath:"#/definitions/severity/enum",keyword:"enum",params:{allowedValues: schema40.enum},message:"must be equal to one of the allowed values",schema:schema40.enum,parentSchema:schema40,data:data33};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data.context !== undefined){let data34 = data.context;if(typeof data34 === "string"){if(func3(data34) < 1){const err54 = {instancePath:instancePath+"/context",schemaPath:"#/properties/context/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.properties.context,data:data34};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}else {const err55 = {instancePath:instancePath+"/context",schemaPath:"#/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.context.type,parentSchema:schema38.properties.context,data:data34};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}if(data.targets !== undefined){let data35 = data.targets;if(Array.isArray(data35)){if(data35.length > 100){const err56 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema38.properties.targets,data:data35};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}if(data35.length < 1){const err57 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema38.properties.targets,data:data35};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}const len1 = data35.length;for(let i1=0; i1<len1; i1++){let data36 = data35[i1];if(typeof data36 === "string"){if(func3(data36) < 3){const err58 = {instancePath:instancePath+"/targets/" + i1,schemaPath:"#/definitions/target/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema12,data:data36};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}else {const err59 = {instancePath:instancePath+"/targets/" + i1,schemaPath:"#/definitions/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data36};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}}else {const err60 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.properties.targets.type,parentSchema:schema38.properties.targets,data:data35};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}}else {const err61 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}validate14.errors = vErrors;return errors === 0;}const schema51 = {"description":"An HTTP request.","type":"object","additionalProperties":false,"required":["url"],"properties":{"method":{"description":"Default POST.","enum":["GET","POST","PUT","PATCH","DELETE"]},"url":{"$ref":"#/definitions/url"},"headers":{"$ref":"#/definitions/headers"},"headers-env":{"$ref":"#/definitions/headersEnv"},"body":{"description":"The request body: text as written, or an object sent as JSON.","anyOf":[{"type":"string"},{"type":"object"}]},"expect-status":{"description":"The status that means done (default: any 2xx).","type":"integer","minimum":100,"maximum":599}}};function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.url === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema51.required,parentSchema:schema51,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!((((((key0 === "method") || (key0 === "url")) || (key0 === "headers")) || (key0 === "headers-env")) || (key0 === "body")) || (key0 === "expect-status"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema51,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.method !== undefined){let data0 = data.method;if(!(((((data0 === "GET") || (data0 === "POST")) || (data0 === "PUT")) || (data0 === "PATCH")) || (data0 === "DELETE"))){const err2 = {instancePath:instancePath+"/method",schemaPath:"#/properties/method/enum",keyword:"enum",params:{allowedValues: schema51.properties.method.enum},message:"must be equal to one of the allowed values",schema:schema51.properties.method.enum,parentSchema:schema51.properties.method,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.url !== undefined){let data1 = data.url;if(typeof data1 === "string"){if(!pattern6.test(data1)){const err3 = {instancePath:instancePath+"/url",schemaPath:"#/definitions/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema21,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/url",schemaPath:"#/definitions/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.type,parentSchema:schema21,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.headers !== undefined){let data2 = data.headers;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){for(const key1 in data2){let data3 = data2[key1];if(typeof data3 !== "string"){const err5 = {instancePath:instancePath+"/headers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/headers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.additionalProperties.type,parentSchema:schema24.additionalProperties,data:data3};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath:instancePath+"/headers",schemaPath:"#/definitions/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data["headers-env"] !== undefined){if(!(validate11(data["headers-env"], {instancePath:instancePath+"/headers-env",parentData:data,parentDataProperty:"headers-env",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}if(data.body !== undefined){let data5 = data.body;const _errs14 = errors;let valid4 = false;const _errs15 = errors;if(typeof data5 !== "string"){const err7 = {instancePath:instancePath+"/body",schemaPath:"#/properties/body/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.body.anyOf[0].type,parentSchema:schema51.properties.body.anyOf[0],data:data5};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}var _valid0 = _errs15 === errors;valid4 = valid4 || _valid0;if(!valid4){const _errs17 = errors;if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){const err8 = {instancePath:instancePath+"/body",schemaPath:"#/properties/body/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.properties.body.anyOf[1].type,parentSchema:schema51.properties.body.anyOf[1],data:data5};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}var _valid0 = _errs17 === errors;valid4 = valid4 || _valid0;}if(!valid4){const err9 = {instancePath:instancePath+"/body",schemaPath:"#/properties/body/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema51.properties.body.anyOf,parentSchema:schema51.properties.body,data:data5};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}else {errors = _errs14;if(vErrors !== null){if(_errs14){vErrors.length = _errs14;}else {vErrors = null;}}}}if(data["expect-status"] !== undefined){let data6 = data["expect-status"];if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){const err10 = {instancePath:instancePath+"/expect-status",schemaPath:"#/properties/expect-status/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema51.properties["expect-status"].type,parentSchema:schema51.properties["expect-status"],data:data6};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 > 599 || isNaN(data6)){const err11 = {instancePath:instancePath+"/expect-status",schemaPath:"#/properties/expect-status/maximum",keyword:"maximum",params:{comparison: "<=", limit: 599},message:"must be <= 599",schema:599,parentSchema:schema51.properties["expect-status"],data:data6};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}if(data6 < 100 || isNaN(data6)){const err12 = {instancePath:instancePath+"/expect-status",schemaPath:"#/properties/expect-status/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100",schema:100,parentSchema:schema51.properties["expect-status"],data:data6};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}}else {const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.type,parentSchema:schema51,data};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}validate17.errors = vErrors;return errors === 0;}const schema61 = {"description":"A smoke check: an HTTP request (http) or a command (command), one of them.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1},"http":{"$ref":"#/definitions/smokeHttp"},"command":{"$ref":"#/definitions/argv"},"timeout":{"description":"A command check: give up after this long (default 2m).","$ref":"#/definitions/duration"}}};const schema62 = {"description":"An HTTP smoke check; redirects are not followed.","type":"object","additionalProperties":false,"required":["url"],"properties":{"url":{"$ref":"#/definitions/url"},"method":{"description":"Default GET.","enum":["GET","HEAD","POST"]},"headers":{"$ref":"#/definitions/headers"},"headers-env":{"$ref":"#/definitions/headersEnv"},"expect-status":{"description":"The status that passes (default 200).","type":"integer","minimum":100,"maximum":599},"body-contains":{"description":"Text the answer must contain.","type":"string","minLength":1},"json-path":{"description":"JSONPath of one value in the JSON answer, compared with equals, at-least or at-most.","type":"string","minLength":1},"equals":{"description":"The value json-path must find (a string, number, boolean or null).","type":["string","number","boolean","null"]},"at-least":{"description":"json-path must find a number >= this.","type":"number"},"at-most":{"description":"json-path must find a number <= this.","type":"number"},"timeout":{"description":"Give up on one attempt after this long (default 10s).","$ref":"#/definitions/duration"},"retries":{"description":"Attempts after the first when the failure can change (connection, 5xx, 429, timeout, a body not yet matching); default 3.","type":"integer","minimum":0,"maximum":10},"backoff":{"description":"Wait before the first retry, doubled before each next one (default 2s).","$ref":"#/definitions/duration"}}};function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.url === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema62.required,parentSchema:schema62,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(func2.call(schema62.properties, key0))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema62,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.url !== undefined){let data0 = data.url;if(typeof data0 === "string"){if(!pattern6.test(data0)){const err2 = {instancePath:instancePath+"/url",schemaPath:"#/definitions/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema21,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/url",schemaPath:"#/definitions/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.type,parentSchema:schema21,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.method !== undefined){let data1 = data.method;if(!(((data1 === "GET") || (data1 === "HEAD")) || (data1 === "POST"))){const err4 = {instancePath:instancePath+"/method",schemaPath:"#/properties/method/enum",keyword:"enum",params:{allowedValues: schema62.properties.method.enum},message:"must be equal to one of the allowed values",schema:schema62.properties.method.enum,parentSchema:schema62.properties.method,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.headers !== undefined){let data2 = data.headers;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){for(const key1 in data2){let data3 = data2[key1];if(typeof data3 !== "string"){const err5 = {instancePath:instancePath+"/headers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/headers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.additionalProperties.type,parentSchema:schema24.additionalProperties,data:data3};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath:instancePath+"/headers",schemaPath:"#/definitions/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data["headers-env"] !== undefined){if(!(validate11(data["headers-env"], {instancePath:instancePath+"/headers-env",parentData:data,parentDataProperty:"headers-env",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}if(data["expect-status"] !== undefined){let data5 = data["expect-status"];if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){const err7 = {instancePath:instancePath+"/expect-status",schemaPath:"#/properties/expect-status/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema62.properties["expect-status"].type,parentSchema:schema62.properties["expect-status"],data:data5};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if((typeof data5 == "number") && (isFinite(data5))){if(data5 > 599 || isNaN(data5)){const err8 = {instancePath:instancePath+"/expect-status",schemaPath:"#/properties/expect-status/maximum",keyword:"maximum",params:{comparison: "<=", limit: 599},message:"must be <= 599",schema:599,parentSchema:schema62.properties["expect-status"],data:data5};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data5 < 100 || isNaN(data5)){const err9 = {instancePath:instancePath+"/expect-status",schemaPath:"#/properties/expect-status/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100",schema:100,parentSchema:schema62.properties["expect-status"],data:data5};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}if(data["body-contains"] !== undefined){let data6 = data["body-contains"];if(typeof data6 === "string"){if(func3(data6) < 1){const err10 = {instancePath:instancePath+"/body-contains",schemaPath:"#/properties/body-contains/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema62.properties["body-contains"],data:data6};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/body-contains",schemaPath:"#/properties/body-contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema62.properties["body-contains"].type,parentSchema:schema62.properties["body-contains"],data:data6};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data["json-path"] !== undefined){let data7 = data["json-path"];if(typeof data7 === "string"){if(func3(data7) < 1){const err12 = {instancePath:instancePath+"/json-path",schemaPath:"#/properties/json-path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema62.properties["json-path"],data:data7};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/json-path",schemaPath:"#/properties/json-path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema62.properties["json-path"].type,parentSchema:schema62.properties["json-path"],data:data7};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.equals !== undefined){let data8 = data.equals;if((((typeof data8 !== "string") && (!((typeof data8 == "number") && (isFinite(data8))))) && (typeof data8 !== "boolean")) && (data8 !== null)){const err14 = {instancePath:instancePath+"/equals",schemaPath:"#/properties/equals/type",keyword:"type",params:{type: schema62.properties.equals.type},message:"must be string,number,boolean,null",schema:schema62.properties.equals.type,parentSchema:schema62.properties.equals,data:data8};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data["at-least"] !== undefined){let data9 = data["at-least"];if(!((typeof data9 == "number") && (isFinite(data9)))){const err15 = {instancePath:instancePath+"/at-least",schemaPath:"#/properties/at-least/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema62.properties["at-least"].type,parentSchema:schema62.properties["at-least"],data:data9};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data["at-most"] !== undefined){let data10 = data["at-most"];if(!((typeof data10 == "number") && (isFinite(data10)))){const err16 = {instancePath:instancePath+"/at-most",schemaPath:"#/properties/at-most/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema62.properties["at-most"].type,parentSchema:schema62.properties["at-most"],data:data10};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.timeout !== undefined){let data11 = data.timeout;if(typeof data11 === "string"){if(!pattern1.test(data11)){const err17 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data11};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data11};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.retries !== undefined){let data12 = data.retries;if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){const err19 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema62.properties.retries.type,parentSchema:schema62.properties.retries,data:data12};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}if((typeof data12 == "number") && (isFinite(data12))){if(data12 > 10 || isNaN(data12)){const err20 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10",schema:10,parentSchema:schema62.properties.retries,data:data12};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(data12 < 0 || isNaN(data12)){const err21 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema62.properties.retries,data:data12};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}if(data.backoff !== undefined){let data13 = data.backoff;if(typeof data13 === "string"){if(!pattern1.test(data13)){const err22 = {instancePath:instancePath+"/backoff",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data13};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}else {const err23 = {instancePath:instancePath+"/backoff",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data13};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}else {const err24 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema62.type,parentSchema:schema62,data};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}validate21.errors = vErrors;return errors === 0;}function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema61.required,parentSchema:schema61,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!((((key0 === "name") || (key0 === "http")) || (key0 === "command")) || (key0 === "timeout"))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema61,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(func3(data0) < 1){const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema61.properties.name,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema61.properties.name.type,parentSchema:schema61.properties.name,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.http !== undefined){if(!(validate21(data.http, {instancePath:instancePath+"/http",parentData:data,parentDataProperty:"http",rootData}))){vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);errors = vErrors.length;}}if(data.command !== undefined){let data2 = data.command;if(Array.isArray(data2)){if(data2.length > 200){const err4 = {instancePath:instancePath+"/command",schemaPath:"#/definitions/argv/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items",schema:200,parentSchema:schema50,data:data2};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data2.length < 1){const err5 = {instancePath:instancePath+"/command",schemaPath:"#/definitions/argv/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema50,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}const len0 = data2.length;for(let i0=0; i0<len0; i0++){let data3 = data2[i0];if(typeof data3 === "string"){if(func3(data3) < 1){const err6 = {instancePath:instancePath+"/command/" + i0,schemaPath:"#/definitions/argv/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.items,data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/command/" + i0,schemaPath:"#/definitions/argv/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.items.type,parentSchema:schema50.items,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}}else {const err8 = {instancePath:instancePath+"/command",schemaPath:"#/definitions/argv/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema50.type,parentSchema:schema50,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.timeout !== undefined){let data4 = data.timeout;if(typeof data4 === "string"){if(!pattern1.test(data4)){const err9 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data4};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema61.type,parentSchema:schema61,data};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}validate20.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://raw.githubusercontent.com/rollback-action/rollback-action/main/schema/rollback-policy.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(func2.call(schema11.properties, key0))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.version !== undefined){let data0 = data.version;if(1 !== data0){const err1 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema11.properties.version,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.targets !== undefined){let data1 = data.targets;if(Array.isArray(data1)){if(data1.length > 100){const err2 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema11.properties.targets,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}const len0 = data1.length;for(let i0=0; i0<len0; i0++){let data2 = data1[i0];if(typeof data2 === "string"){if(func3(data2) < 3){const err3 = {instancePath:instancePath+"/targets/" + i0,schemaPath:"#/definitions/target/minLength",keyword:"minLength",params:{limit: 3},message:"must NOT have fewer than 3 characters",schema:3,parentSchema:schema12,data:data2};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/targets/" + i0,schemaPath:"#/definitions/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data2};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}else {const err5 = {instancePath:instancePath+"/targets",schemaPath:"#/properties/targets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.targets.type,parentSchema:schema11.properties.targets,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.namespace !== undefined){let data3 = data.namespace;if(typeof data3 === "string"){if(func3(data3) > 63){const err6 = {instancePath:instancePath+"/namespace",schemaPath:"#/definitions/namespace/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema13,data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(!pattern0.test(data3)){const err7 = {instancePath:instancePath+"/namespace",schemaPath:"#/definitions/namespace/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema13,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/namespace",schemaPath:"#/definitions/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.contexts !== undefined){let data4 = data.contexts;if(Array.isArray(data4)){if(data4.length > 50){const err9 = {instancePath:instancePath+"/contexts",schemaPath:"#/properties/contexts/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items",schema:50,parentSchema:schema11.properties.contexts,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}const len1 = data4.length;for(let i1=0; i1<len1; i1++){let data5 = data4[i1];if(typeof data5 === "string"){if(func3(data5) < 1){const err10 = {instancePath:instancePath+"/contexts/" + i1,schemaPath:"#/properties/contexts/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.contexts.items,data:data5};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/contexts/" + i1,schemaPath:"#/properties/contexts/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.contexts.items.type,parentSchema:schema11.properties.contexts.items,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}else {const err12 = {instancePath:instancePath+"/contexts",schemaPath:"#/properties/contexts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.contexts.type,parentSchema:schema11.properties.contexts,data:data4};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.watch !== undefined){let data6 = data.watch;if(data6 && typeof data6 == "object" && !Array.isArray(data6)){for(const key1 in data6){if(!((((((((key1 === "window") || (key1 === "interval")) || (key1 === "no-data")) || (key1 === "inconclusive")) || (key1 === "min-requests")) || (key1 === "settle")) || (key1 === "baseline-window")) || (key1 === "rollout-timeout"))){const err13 = {instancePath:instancePath+"/watch",schemaPath:"#/properties/watch/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.watch,data:data6};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data6.window !== undefined){let data7 = data6.window;if(typeof data7 === "string"){if(!pattern1.test(data7)){const err14 = {instancePath:instancePath+"/watch/window",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data7};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/watch/window",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data7};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data6.interval !== undefined){let data8 = data6.interval;if(typeof data8 === "string"){if(!pattern1.test(data8)){const err16 = {instancePath:instancePath+"/watch/interval",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data8};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/watch/interval",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data6["no-data"] !== undefined){let data9 = data6["no-data"];if(!(((data9 === "hold") || (data9 === "rollback")) || (data9 === "fail"))){const err18 = {instancePath:instancePath+"/watch/no-data",schemaPath:"#/definitions/noData/enum",keyword:"enum",params:{allowedValues: schema16.enum},message:"must be equal to one of the allowed values",schema:schema16.enum,parentSchema:schema16,data:data9};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data6.inconclusive !== undefined){let data10 = data6.inconclusive;if(!((data10 === "warn") || (data10 === "fail"))){const err19 = {instancePath:instancePath+"/watch/inconclusive",schemaPath:"#/properties/watch/properties/inconclusive/enum",keyword:"enum",params:{allowedValues: schema11.properties.watch.properties.inconclusive.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.watch.properties.inconclusive.enum,parentSchema:schema11.properties.watch.properties.inconclusive,data:data10};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data6["min-requests"] !== undefined){let data11 = data6["min-requests"];if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){const err20 = {instancePath:instancePath+"/watch/min-requests",schemaPath:"#/properties/watch/properties/min-requests/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.watch.properties["min-requests"].type,parentSchema:schema11.properties.watch.properties["min-requests"],data:data11};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if((typeof data11 == "number") && (isFinite(data11))){if(data11 < 0 || isNaN(data11)){const err21 = {instancePath:instancePath+"/watch/min-requests",schemaPath:"#/properties/watch/properties/min-requests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.watch.properties["min-requests"],data:data11};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}if(data6.settle !== undefined){let data12 = data6.settle;if(typeof data12 === "string"){if(!pattern1.test(data12)){const err22 = {instancePath:instancePath+"/watch/settle",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data12};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}else {const err23 = {instancePath:instancePath+"/watch/settle",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data12};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data6["baseline-window"] !== undefined){let data13 = data6["baseline-window"];if(typeof data13 === "string"){if(!pattern1.test(data13)){const err24 = {instancePath:instancePath+"/watch/baseline-window",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data13};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}else {const err25 = {instancePath:instancePath+"/watch/baseline-window",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data13};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data6["rollout-timeout"] !== undefined){let data14 = data6["rollout-timeout"];if(typeof data14 === "string"){if(!pattern1.test(data14)){const err26 = {instancePath:instancePath+"/watch/rollout-timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data14};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}else {const err27 = {instancePath:instancePath+"/watch/rollout-timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data14};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}}else {const err28 = {instancePath:instancePath+"/watch",schemaPath:"#/properties/watch/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.watch.type,parentSchema:schema11.properties.watch,data:data6};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data.metrics !== undefined){let data15 = data.metrics;if(data15 && typeof data15 == "object" && !Array.isArray(data15)){for(const key2 in data15){if(!(((((key2 === "provider") || (key2 === "prometheus")) || (key2 === "alertmanager")) || (key2 === "scrape")) || (key2 === "selector"))){const err29 = {instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.metrics,data:data15};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data15.provider !== undefined){let data16 = data15.provider;if(!(((((data16 === "prometheus") || (data16 === "scrape")) || (data16 === "http-json")) || (data16 === "health")) || (data16 === "alertmanager"))){const err30 = {instancePath:instancePath+"/metrics/provider",schemaPath:"#/definitions/provider/enum",keyword:"enum",params:{allowedValues: schema20.enum},message:"must be equal to one of the allowed values",schema:schema20.enum,parentSchema:schema20,data:data16};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data15.prometheus !== undefined){let data17 = data15.prometheus;if(data17 && typeof data17 == "object" && !Array.isArray(data17)){for(const key3 in data17){if(!((((((((key3 === "url") || (key3 === "timeout")) || (key3 === "scrape-interval")) || (key3 === "headers")) || (key3 === "headers-env")) || (key3 === "bearer-token-env")) || (key3 === "basic-auth")) || (key3 === "ca-file"))){const err31 = {instancePath:instancePath+"/metrics/prometheus",schemaPath:"#/properties/metrics/properties/prometheus/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.metrics.properties.prometheus,data:data17};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data17.url !== undefined){let data18 = data17.url;if(typeof data18 === "string"){if(!pattern6.test(data18)){const err32 = {instancePath:instancePath+"/metrics/prometheus/url",schemaPath:"#/definitions/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema21,data:data18};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}else {const err33 = {instancePath:instancePath+"/metrics/prometheus/url",schemaPath:"#/definitions/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.type,parentSchema:schema21,data:data18};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data17.timeout !== undefined){let data19 = data17.timeout;if(typeof data19 === "string"){if(!pattern1.test(data19)){const err34 = {instancePath:instancePath+"/metrics/prometheus/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data19};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}else {const err35 = {instancePath:instancePath+"/metrics/prometheus/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data19};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data17["scrape-interval"] !== undefined){let data20 = data17["scrape-interval"];if(typeof data20 === "string"){if(!pattern1.test(data20)){const err36 = {instancePath:instancePath+"/metrics/prometheus/scrape-interval",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data20};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}else {const err37 = {instancePath:instancePath+"/metrics/prometheus/scrape-interval",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data20};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data17.headers !== undefined){let data21 = data17.headers;if(data21 && typeof data21 == "object" && !Array.isArray(data21)){for(const key4 in data21){let data22 = data21[key4];if(typeof data22 !== "string"){const err38 = {instancePath:instancePath+"/metrics/prometheus/headers/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/headers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.additionalProperties.type,parentSchema:schema24.additionalProperties,data:data22};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}}else {const err39 = {instancePath:instancePath+"/metrics/prometheus/headers",schemaPath:"#/definitions/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data21};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}if(data17["headers-env"] !== undefined){if(!(validate11(data17["headers-env"], {instancePath:instancePath+"/metrics/prometheus/headers-env",parentData:data17,parentDataProperty:"headers-env",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}if(data17["bearer-token-env"] !== undefined){let data24 = data17["bearer-token-env"];if(typeof data24 === "string"){if(!pattern9.test(data24)){const err40 = {instancePath:instancePath+"/metrics/prometheus/bearer-token-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema26,data:data24};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}else {const err41 = {instancePath:instancePath+"/metrics/prometheus/bearer-token-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data24};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}if(data17["basic-auth"] !== undefined){let data25 = data17["basic-auth"];if(data25 && typeof data25 == "object" && !Array.isArray(data25)){if(data25["username-env"] === undefined){const err42 = {instancePath:instancePath+"/metrics/prometheus/basic-auth",schemaPath:"#/properties/metrics/properties/prometheus/properties/basic-auth/required",keyword:"required",params:{missingProperty: "username-env"},message:"must have required property '"+"username-env"+"'",schema:schema11.properties.metrics.properties.prometheus.properties["basic-auth"].required,parentSchema:schema11.properties.metrics.properties.prometheus.properties["basic-auth"],data:data25};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}if(data25["password-env"] === undefined){const err43 = {instancePath:instancePath+"/metrics/prometheus/basic-auth",schemaPath:"#/properties/metrics/properties/prometheus/properties/basic-auth/required",keyword:"required",params:{missingProperty: "password-env"},message:"must have required property '"+"password-env"+"'",schema:schema11.properties.metrics.properties.prometheus.properties["basic-auth"].required,parentSchema:schema11.properties.metrics.properties.prometheus.properties["basic-auth"],data:data25};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}for(const key5 in data25){if(!((key5 === "username-env") || (key5 === "password-env"))){const err44 = {instancePath:instancePath+"/metrics/prometheus/basic-auth",schemaPath:"#/properties/metrics/properties/prometheus/properties/basic-auth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.metrics.properties.prometheus.properties["basic-auth"],data:data25};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}if(data25["username-env"] !== undefined){let data26 = data25["username-env"];if(typeof data26 === "string"){if(!pattern9.test(data26)){const err45 = {instancePath:instancePath+"/metrics/prometheus/basic-auth/username-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema26,data:data26};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}else {const err46 = {instancePath:instancePath+"/metrics/prometheus/basic-auth/username-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data26};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data25["password-env"] !== undefined){let data27 = data25["password-env"];if(typeof data27 === "string"){if(!pattern9.test(data27)){const err47 = {instancePath:instancePath+"/metrics/prometheus/basic-auth/password-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema26,data:data27};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}else {const err48 = {instancePath:instancePath+"/metrics/prometheus/basic-auth/password-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data27};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}}else {const err49 = {instancePath:instancePath+"/metrics/prometheus/basic-auth",schemaPath:"#/properties/metrics/properties/prometheus/properties/basic-auth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metrics.properties.prometheus.properties["basic-auth"].type,parentSchema:schema11.properties.metrics.properties.prometheus.properties["basic-auth"],data:data25};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}if(data17["ca-file"] !== undefined){let data28 = data17["ca-file"];if(typeof data28 === "string"){if(func3(data28) < 1){const err50 = {instancePath:instancePath+"/metrics/prometheus/ca-file",schemaPath:"#/properties/metrics/properties/prometheus/properties/ca-file/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.metrics.properties.prometheus.properties["ca-file"],data:data28};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}else {const err51 = {instancePath:instancePath+"/metrics/prometheus/ca-file",schemaPath:"#/properties/metrics/properties/prometheus/properties/ca-file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.metrics.properties.prometheus.properties["ca-file"].type,parentSchema:schema11.properties.metrics.properties.prometheus.properties["ca-file"],data:data28};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}}else {const err52 = {instancePath:instancePath+"/metrics/prometheus",schemaPath:"#/properties/metrics/properties/prometheus/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metrics.properties.prometheus.type,parentSchema:schema11.properties.metrics.properties.prometheus,data:data17};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}if(data15.alertmanager !== undefined){let data29 = data15.alertmanager;if(data29 && typeof data29 == "object" && !Array.isArray(data29)){for(const key6 in data29){if(!(((((((key6 === "url") || (key6 === "timeout")) || (key6 === "headers")) || (key6 === "headers-env")) || (key6 === "bearer-token-env")) || (key6 === "basic-auth")) || (key6 === "ca-file"))){const err53 = {instancePath:instancePath+"/metrics/alertmanager",schemaPath:"#/properties/metrics/properties/alertmanager/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.metrics.properties.alertmanager,data:data29};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data29.url !== undefined){let data30 = data29.url;if(typeof data30 === "string"){if(!pattern6.test(data30)){const err54 = {instancePath:instancePath+"/metrics/alertmanager/url",schemaPath:"#/definitions/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema21,data:data30};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}else {const err55 = {instancePath:instancePath+"/metrics/alertmanager/url",schemaPath:"#/definitions/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.type,parentSchema:schema21,data:data30};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}if(data29.timeout !== undefined){let data31 = data29.timeout;if(typeof data31 === "string"){if(!pattern1.test(data31)){const err56 = {instancePath:instancePath+"/metrics/alertmanager/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data31};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}else {const err57 = {instancePath:instancePath+"/metrics/alertmanager/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data31};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}if(data29.headers !== undefined){let data32 = data29.headers;if(data32 && typeof data32 == "object" && !Array.isArray(data32)){for(const key7 in data32){let data33 = data32[key7];if(typeof data33 !== "string"){const err58 = {instancePath:instancePath+"/metrics/alertmanager/headers/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/headers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.additionalProperties.type,parentSchema:schema24.additionalProperties,data:data33};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}}else {const err59 = {instancePath:instancePath+"/metrics/alertmanager/headers",schemaPath:"#/definitions/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data32};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}if(data29["headers-env"] !== undefined){if(!(validate11(data29["headers-env"], {instancePath:instancePath+"/metrics/alertmanager/headers-env",parentData:data29,parentDataProperty:"headers-env",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}if(data29["bearer-token-env"] !== undefined){let data35 = data29["bearer-token-env"];if(typeof data35 === "string"){if(!pattern9.test(data35)){const err60 = {instancePath:instancePath+"/metrics/alertmanager/bearer-token-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema26,data:data35};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}else {const err61 = {instancePath:instancePath+"/metrics/alertmanager/bearer-token-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data35};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}if(data29["basic-auth"] !== undefined){let data36 = data29["basic-auth"];if(data36 && typeof data36 == "object" && !Array.isArray(data36)){if(data36["username-env"] === undefined){const err62 = {instancePath:instancePath+"/metrics/alertmanager/basic-auth",schemaPath:"#/properties/metrics/properties/alertmanager/properties/basic-auth/required",keyword:"required",params:{missingProperty: "username-env"},message:"must have required property '"+"username-env"+"'",schema:schema11.properties.metrics.properties.alertmanager.properties["basic-auth"].required,parentSchema:schema11.properties.metrics.properties.alertmanager.properties["basic-auth"],data:data36};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}if(data36["password-env"] === undefined){const err63 = {instancePath:instancePath+"/metrics/alertmanager/basic-auth",schemaPath:"#/properties/metrics/properties/alertmanager/properties/basic-auth/required",keyword:"required",params:{missingProperty: "password-env"},message:"must have required property '"+"password-env"+"'",schema:schema11.properties.metrics.properties.alertmanager.properties["basic-auth"].required,parentSchema:schema11.properties.metrics.properties.alertmanager.properties["basic-auth"],data:data36};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}for(const key8 in data36){if(!((key8 === "username-env") || (key8 === "password-env"))){const err64 = {instancePath:instancePath+"/metrics/alertmanager/basic-auth",schemaPath:"#/properties/metrics/properties/alertmanager/properties/basic-auth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.metrics.properties.alertmanager.properties["basic-auth"],data:data36};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}if(data36["username-env"] !== undefined){let data37 = data36["username-env"];if(typeof data37 === "string"){if(!pattern9.test(data37)){const err65 = {instancePath:instancePath+"/metrics/alertmanager/basic-auth/username-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema26,data:data37};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}}else {const err66 = {instancePath:instancePath+"/metrics/alertmanager/basic-auth/username-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data37};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}if(data36["password-env"] !== undefined){let data38 = data36["password-env"];if(typeof data38 === "string"){if(!pattern9.test(data38)){const err67 = {instancePath:instancePath+"/metrics/alertmanager/basic-auth/password-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema26,data:data38};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}}else {const err68 = {instancePath:instancePath+"/metrics/alertmanager/basic-auth/password-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data38};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}}else {const err69 = {instancePath:instancePath+"/metrics/alertmanager/basic-auth",schemaPath:"#/properties/metrics/properties/alertmanager/properties/basic-auth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metrics.properties.alertmanager.properties["basic-auth"].type,parentSchema:schema11.properties.metrics.properties.alertmanager.properties["basic-auth"],data:data36};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}}if(data29["ca-file"] !== undefined){let data39 = data29["ca-file"];if(typeof data39 === "string"){if(func3(data39) < 1){const err70 = {instancePath:instancePath+"/metrics/alertmanager/ca-file",schemaPath:"#/properties/metrics/properties/alertmanager/properties/ca-file/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.metrics.properties.alertmanager.properties["ca-file"],data:data39};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}}else {const err71 = {instancePath:instancePath+"/metrics/alertmanager/ca-file",schemaPath:"#/properties/metrics/properties/alertmanager/properties/ca-file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.metrics.properties.alertmanager.properties["ca-file"].type,parentSchema:schema11.properties.metrics.properties.alertmanager.properties["ca-file"],data:data39};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}}}else {const err72 = {instancePath:instancePath+"/metrics/alertmanager",schemaPath:"#/properties/metrics/properties/alertmanager/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metrics.properties.alertmanager.type,parentSchema:schema11.properties.metrics.properties.alertmanager,data:data29};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}}if(data15.scrape !== undefined){let data40 = data15.scrape;if(data40 && typeof data40 == "object" && !Array.isArray(data40)){for(const key9 in data40){if(!((key9 === "urls") || (key9 === "timeout"))){const err73 = {instancePath:instancePath+"/metrics/scrape",schemaPath:"#/properties/metrics/properties/scrape/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.metrics.properties.scrape,data:data40};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}}if(data40.urls !== undefined){let data41 = data40.urls;if(Array.isArray(data41)){if(data41.length < 1){const err74 = {instancePath:instancePath+"/metrics/scrape/urls",schemaPath:"#/properties/metrics/properties/scrape/properties/urls/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.metrics.properties.scrape.properties.urls,data:data41};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}const len2 = data41.length;for(let i2=0; i2<len2; i2++){let data42 = data41[i2];if(typeof data42 === "string"){if(!pattern6.test(data42)){const err75 = {instancePath:instancePath+"/metrics/scrape/urls/" + i2,schemaPath:"#/definitions/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema21,data:data42};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}}else {const err76 = {instancePath:instancePath+"/metrics/scrape/urls/" + i2,schemaPath:"#/definitions/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.type,parentSchema:schema21,data:data42};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}}}else {const err77 = {instancePath:instancePath+"/metrics/scrape/urls",schemaPath:"#/properties/metrics/properties/scrape/properties/urls/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.metrics.properties.scrape.properties.urls.type,parentSchema:schema11.properties.metrics.properties.scrape.properties.urls,data:data41};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}}if(data40.timeout !== undefined){let data43 = data40.timeout;if(typeof data43 === "string"){if(!pattern1.test(data43)){const err78 = {instancePath:instancePath+"/metrics/scrape/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data43};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}}else {const err79 = {instancePath:instancePath+"/metrics/scrape/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data43};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}}}else {const err80 = {instancePath:instancePath+"/metrics/scrape",schemaPath:"#/properties/metrics/properties/scrape/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metrics.properties.scrape.type,parentSchema:schema11.properties.metrics.properties.scrape,data:data40};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}}if(data15.selector !== undefined){let data44 = data15.selector;if(typeof data44 !== "string"){const err81 = {instancePath:instancePath+"/metrics/selector",schemaPath:"#/properties/metrics/properties/selector/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.metrics.properties.selector.type,parentSchema:schema11.properties.metrics.properties.selector,data:data44};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}}}else {const err82 = {instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metrics.type,parentSchema:schema11.properties.metrics,data:data15};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}}if(data.preset !== undefined){let data45 = data.preset;if(!((data45 === "runbook") || (data45 === "none"))){const err83 = {instancePath:instancePath+"/preset",schemaPath:"#/properties/preset/enum",keyword:"enum",params:{allowedValues: schema11.properties.preset.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.preset.enum,parentSchema:schema11.properties.preset,data:data45};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}}if(data.triggers !== undefined){let data46 = data.triggers;if(Array.isArray(data46)){if(data46.length > 100){const err84 = {instancePath:instancePath+"/triggers",schemaPath:"#/properties/triggers/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema11.properties.triggers,data:data46};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}const len3 = data46.length;for(let i3=0; i3<len3; i3++){if(!(validate14(data46[i3], {instancePath:instancePath+"/triggers/" + i3,parentData:data46,parentDataProperty:i3,rootData}))){vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);errors = vErrors.length;}}}else {const err85 = {instancePath:instancePath+"/triggers",schemaPath:"#/properties/triggers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.triggers.type,parentSchema:schema11.properties.triggers,data:data46};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}}if(data.import !== undefined){let data48 = data.import;if(Array.isArray(data48)){if(data48.length > 20){const err86 = {instancePath:instancePath+"/import",schemaPath:"#/properties/import/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items",schema:20,parentSchema:schema11.properties.import,data:data48};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;}const len4 = data48.length;for(let i4=0; i4<len4; i4++){let data49 = data48[i4];if(data49 && typeof data49 == "object" && !Array.isArray(data49)){if(data49.file === undefined){const err87 = {instancePath:instancePath+"/import/" + i4,schemaPath:"#/properties/import/items/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema11.properties.import.items.required,parentSchema:schema11.properties.import.items,data:data49};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}for(const key10 in data49){if(!((key10 === "file") || (key10 === "args"))){const err88 = {instancePath:instancePath+"/import/" + i4,schemaPath:"#/properties/import/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.import.items,data:data49};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;}}if(data49.file !== undefined){let data50 = data49.file;if(typeof data50 === "string"){if(func3(data50) < 1){const err89 = {instancePath:instancePath+"/import/" + i4+"/file",schemaPath:"#/properties/import/items/properties/file/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.import.items.properties.file,data:data50};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}}else {const err90 = {instancePath:instancePath+"/import/" + i4+"/file",schemaPath:"#/properties/import/items/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.import.items.properties.file.type,parentSchema:schema11.properties.import.items.properties.file,data:data50};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;}}if(data49.args !== undefined){let data51 = data49.args;if(data51 && typeof data51 == "object" && !Array.isArray(data51)){for(const key11 in data51){let data52 = data51[key11];if(((typeof data52 !== "string") && (!((typeof data52 == "number") && (isFinite(data52))))) && (typeof data52 !== "boolean")){const err91 = {instancePath:instancePath+"/import/" + i4+"/args/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/import/items/properties/args/additionalProperties/type",keyword:"type",params:{type: schema11.properties.import.items.properties.args.additionalProperties.type},message:"must be string,number,boolean",schema:schema11.properties.import.items.properties.args.additionalProperties.type,parentSchema:schema11.properties.import.items.properties.args.additionalProperties,data:data52};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}}}else {const err92 = {instancePath:instancePath+"/import/" + i4+"/args",schemaPath:"#/properties/import/items/properties/args/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.import.items.properties.args.type,parentSchema:schema11.properties.import.items.properties.args,data:data51};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;}}}else {const err93 = {instancePath:instancePath+"/import/" + i4,schemaPath:"#/properties/import/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.import.items.type,parentSchema:schema11.properties.import.items,data:data49};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}}}else {const err94 = {instancePath:instancePath+"/import",schemaPath:"#/properties/import/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.import.type,parentSchema:schema11.properties.import,data:data48};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}}if(data.backtest !== undefined){let data53 = data.backtest;if(data53 && typeof data53 == "object" && !Array.isArray(data53)){for(const key12 in data53){if(!((key12 === "deploy-times") || (key12 === "lookback"))){const err95 = {instancePath:instancePath+"/backtest",schemaPath:"#/properties/backtest/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.backtest,data:data53};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}}if(data53["deploy-times"] !== undefined){let data54 = data53["deploy-times"];if(Array.isArray(data54)){if(data54.length > 1000){const err96 = {instancePath:instancePath+"/backtest/deploy-times",schemaPath:"#/properties/backtest/properties/deploy-times/maxItems",keyword:"maxItems",params:{limit: 1000},message:"must NOT have more than 1000 items",schema:1000,parentSchema:schema11.properties.backtest.properties["deploy-times"],data:data54};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}const len5 = data54.length;for(let i5=0; i5<len5; i5++){let data55 = data54[i5];if(typeof data55 === "string"){if(func3(data55) < 1){const err97 = {instancePath:instancePath+"/backtest/deploy-times/" + i5,schemaPath:"#/properties/backtest/properties/deploy-times/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.backtest.properties["deploy-times"].items,data:data55};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}}else {const err98 = {instancePath:instancePath+"/backtest/deploy-times/" + i5,schemaPath:"#/properties/backtest/properties/deploy-times/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.backtest.properties["deploy-times"].items.type,parentSchema:schema11.properties.backtest.properties["deploy-times"].items,data:data55};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}}}else {const err99 = {instancePath:instancePath+"/backtest/deploy-times",schemaPath:"#/properties/backtest/properties/deploy-times/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.backtest.properties["deploy-times"].type,parentSchema:schema11.properties.backtest.properties["deploy-times"],data:data54};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}}if(data53.lookback !== undefined){let data56 = data53.lookback;if(typeof data56 === "string"){if(!pattern1.test(data56)){const err100 = {instancePath:instancePath+"/backtest/lookback",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data56};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}}else {const err101 = {instancePath:instancePath+"/backtest/lookback",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data56};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}}}else {const err102 = {instancePath:instancePath+"/backtest",schemaPath:"#/properties/backtest/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.backtest.type,parentSchema:schema11.properties.backtest,data:data53};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}}if(data.strategy !== undefined){let data57 = data.strategy;if(!((((((data57 === "auto") || (data57 === "kubernetes")) || (data57 === "git-revert")) || (data57 === "feature-flag")) || (data57 === "command")) || (data57 === "none"))){const err103 = {instancePath:instancePath+"/strategy",schemaPath:"#/definitions/strategy/enum",keyword:"enum",params:{allowedValues: schema48.enum},message:"must be equal to one of the allowed values",schema:schema48.enum,parentSchema:schema48,data:data57};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}}if(data.approval !== undefined){let data58 = data.approval;if(!((data58 === "auto") || (data58 === "required"))){const err104 = {instancePath:instancePath+"/approval",schemaPath:"#/properties/approval/enum",keyword:"enum",params:{allowedValues: schema11.properties.approval.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.approval.enum,parentSchema:schema11.properties.approval,data:data58};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}}if(data.rollback !== undefined){let data59 = data.rollback;if(data59 && typeof data59 == "object" && !Array.isArray(data59)){for(const key13 in data59){if(!(((key13 === "to-revision") || (key13 === "concurrency")) || (key13 === "timeout"))){const err105 = {instancePath:instancePath+"/rollback",schemaPath:"#/properties/rollback/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rollback,data:data59};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}}if(data59["to-revision"] !== undefined){let data60 = data59["to-revision"];const _errs152 = errors;let valid52 = false;const _errs153 = errors;if(!((data60 === "previous") || (data60 === "last-good"))){const err106 = {instancePath:instancePath+"/rollback/to-revision",schemaPath:"#/properties/rollback/properties/to-revision/anyOf/0/enum",keyword:"enum",params:{allowedValues: schema11.properties.rollback.properties["to-revision"].anyOf[0].enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rollback.properties["to-revision"].anyOf[0].enum,parentSchema:schema11.properties.rollback.properties["to-revision"].anyOf[0],data:data60};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}var _valid0 = _errs153 === errors;valid52 = valid52 || _valid0;if(!valid52){const _errs154 = errors;if(!(((typeof data60 == "number") && (!(data60 % 1) && !isNaN(data60))) && (isFinite(data60)))){const err107 = {instancePath:instancePath+"/rollback/to-revision",schemaPath:"#/properties/rollback/properties/to-revision/anyOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rollback.properties["to-revision"].anyOf[1].type,parentSchema:schema11.properties.rollback.properties["to-revision"].anyOf[1],data:data60};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}if((typeof data60 == "number") && (isFinite(data60))){if(data60 < 1 || isNaN(data60)){const err108 = {instancePath:instancePath+"/rollback/to-revision",schemaPath:"#/properties/rollback/properties/to-revision/anyOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rollback.properties["to-revision"].anyOf[1],data:data60};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}}var _valid0 = _errs154 === errors;valid52 = valid52 || _valid0;}if(!valid52){const err109 = {instancePath:instancePath+"/rollback/to-revision",schemaPath:"#/properties/rollback/properties/to-revision/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.rollback.properties["to-revision"].anyOf,parentSchema:schema11.properties.rollback.properties["to-revision"],data:data60};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}else {errors = _errs152;if(vErrors !== null){if(_errs152){vErrors.length = _errs152;}else {vErrors = null;}}}}if(data59.concurrency !== undefined){let data61 = data59.concurrency;if(!(((typeof data61 == "number") && (!(data61 % 1) && !isNaN(data61))) && (isFinite(data61)))){const err110 = {instancePath:instancePath+"/rollback/concurrency",schemaPath:"#/properties/rollback/properties/concurrency/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rollback.properties.concurrency.type,parentSchema:schema11.properties.rollback.properties.concurrency,data:data61};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}if((typeof data61 == "number") && (isFinite(data61))){if(data61 > 64 || isNaN(data61)){const err111 = {instancePath:instancePath+"/rollback/concurrency",schemaPath:"#/properties/rollback/properties/concurrency/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64",schema:64,parentSchema:schema11.properties.rollback.properties.concurrency,data:data61};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;}if(data61 < 1 || isNaN(data61)){const err112 = {instancePath:instancePath+"/rollback/concurrency",schemaPath:"#/properties/rollback/properties/concurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rollback.properties.concurrency,data:data61};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}}}if(data59.timeout !== undefined){let data62 = data59.timeout;if(typeof data62 === "string"){if(!pattern1.test(data62)){const err113 = {instancePath:instancePath+"/rollback/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data62};if(vErrors === null){vErrors = [err113];}else {vErrors.push(err113);}errors++;}}else {const err114 = {instancePath:instancePath+"/rollback/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data62};if(vErrors === null){vErrors = [err114];}else {vErrors.push(err114);}errors++;}}}else {const err115 = {instancePath:instancePath+"/rollback",schemaPath:"#/properties/rollback/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rollback.type,parentSchema:schema11.properties.rollback,data:data59};if(vErrors === null){vErrors = [err115];}else {vErrors.push(err115);}errors++;}}if(data.git !== undefined){let data63 = data.git;if(data63 && typeof data63 == "object" && !Array.isArray(data63)){for(const key14 in data63){if(!((((((key14 === "delivery") || (key14 === "branch")) || (key14 === "revert")) || (key14 === "labels")) || (key14 === "revert-pr-after-undo")) || (key14 === "stale-reverts"))){const err116 = {instancePath:instancePath+"/git",schemaPath:"#/properties/git/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.git,data:data63};if(vErrors === null){vErrors = [err116];}else {vErrors.push(err116);}errors++;}}if(data63.delivery !== undefined){let data64 = data63.delivery;if(!((data64 === "pull-request") || (data64 === "push"))){const err117 = {instancePath:instancePath+"/git/delivery",schemaPath:"#/properties/git/properties/delivery/enum",keyword:"enum",params:{allowedValues: schema11.properties.git.properties.delivery.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.git.properties.delivery.enum,parentSchema:schema11.properties.git.properties.delivery,data:data64};if(vErrors === null){vErrors = [err117];}else {vErrors.push(err117);}errors++;}}if(data63.branch !== undefined){let data65 = data63.branch;if(typeof data65 === "string"){if(func3(data65) < 1){const err118 = {instancePath:instancePath+"/git/branch",schemaPath:"#/properties/git/properties/branch/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.git.properties.branch,data:data65};if(vErrors === null){vErrors = [err118];}else {vErrors.push(err118);}errors++;}}else {const err119 = {instancePath:instancePath+"/git/branch",schemaPath:"#/properties/git/properties/branch/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.git.properties.branch.type,parentSchema:schema11.properties.git.properties.branch,data:data65};if(vErrors === null){vErrors = [err119];}else {vErrors.push(err119);}errors++;}}if(data63.revert !== undefined){let data66 = data63.revert;if(!((data66 === "one") || (data66 === "per-commit"))){const err120 = {instancePath:instancePath+"/git/revert",schemaPath:"#/properties/git/properties/revert/enum",keyword:"enum",params:{allowedValues: schema11.properties.git.properties.revert.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.git.properties.revert.enum,parentSchema:schema11.properties.git.properties.revert,data:data66};if(vErrors === null){vErrors = [err120];}else {vErrors.push(err120);}errors++;}}if(data63.labels !== undefined){let data67 = data63.labels;if(Array.isArray(data67)){if(data67.length > 20){const err121 = {instancePath:instancePath+"/git/labels",schemaPath:"#/properties/git/properties/labels/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items",schema:20,parentSchema:schema11.properties.git.properties.labels,data:data67};if(vErrors === null){vErrors = [err121];}else {vErrors.push(err121);}errors++;}const len6 = data67.length;for(let i6=0; i6<len6; i6++){let data68 = data67[i6];if(typeof data68 === "string"){if(func3(data68) < 1){const err122 = {instancePath:instancePath+"/git/labels/" + i6,schemaPath:"#/properties/git/properties/labels/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.git.properties.labels.items,data:data68};if(vErrors === null){vErrors = [err122];}else {vErrors.push(err122);}errors++;}}else {const err123 = {instancePath:instancePath+"/git/labels/" + i6,schemaPath:"#/properties/git/properties/labels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.git.properties.labels.items.type,parentSchema:schema11.properties.git.properties.labels.items,data:data68};if(vErrors === null){vErrors = [err123];}else {vErrors.push(err123);}errors++;}}}else {const err124 = {instancePath:instancePath+"/git/labels",schemaPath:"#/properties/git/properties/labels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.git.properties.labels.type,parentSchema:schema11.properties.git.properties.labels,data:data67};if(vErrors === null){vErrors = [err124];}else {vErrors.push(err124);}errors++;}}if(data63["revert-pr-after-undo"] !== undefined){let data69 = data63["revert-pr-after-undo"];if(typeof data69 !== "boolean"){const err125 = {instancePath:instancePath+"/git/revert-pr-after-undo",schemaPath:"#/properties/git/properties/revert-pr-after-undo/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.git.properties["revert-pr-after-undo"].type,parentSchema:schema11.properties.git.properties["revert-pr-after-undo"],data:data69};if(vErrors === null){vErrors = [err125];}else {vErrors.push(err125);}errors++;}}if(data63["stale-reverts"] !== undefined){let data70 = data63["stale-reverts"];if(!(((data70 === "close") || (data70 === "comment")) || (data70 === "keep"))){const err126 = {instancePath:instancePath+"/git/stale-reverts",schemaPath:"#/properties/git/properties/stale-reverts/enum",keyword:"enum",params:{allowedValues: schema11.properties.git.properties["stale-reverts"].enum},message:"must be equal to one of the allowed values",schema:schema11.properties.git.properties["stale-reverts"].enum,parentSchema:schema11.properties.git.properties["stale-reverts"],data:data70};if(vErrors === null){vErrors = [err126];}else {vErrors.push(err126);}errors++;}}}else {const err127 = {instancePath:instancePath+"/git",schemaPath:"#/properties/git/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.git.type,parentSchema:schema11.properties.git,data:data63};if(vErrors === null){vErrors = [err127];}else {vErrors.push(err127);}errors++;}}if(data.migrations !== undefined){let data71 = data.migrations;if(data71 && typeof data71 == "object" && !Array.isArray(data71)){for(const key15 in data71){if(!(((key15 === "paths") || (key15 === "replace-defaults")) || (key15 === "down-command"))){const err128 = {instancePath:instancePath+"/migrations",schemaPath:"#/properties/migrations/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.migrations,data:data71};if(vErrors === null){vErrors = [err128];}else {vErrors.push(err128);}errors++;}}if(data71.paths !== undefined){let data72 = data71.paths;if(Array.isArray(data72)){if(data72.length > 100){const err129 = {instancePath:instancePath+"/migrations/paths",schemaPath:"#/properties/migrations/properties/paths/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema11.properties.migrations.properties.paths,data:data72};if(vErrors === null){vErrors = [err129];}else {vErrors.push(err129);}errors++;}const len7 = data72.length;for(let i7=0; i7<len7; i7++){let data73 = data72[i7];if(typeof data73 === "string"){if(func3(data73) < 1){const err130 = {instancePath:instancePath+"/migrations/paths/" + i7,schemaPath:"#/properties/migrations/properties/paths/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.migrations.properties.paths.items,data:data73};if(vErrors === null){vErrors = [err130];}else {vErrors.push(err130);}errors++;}}else {const err131 = {instancePath:instancePath+"/migrations/paths/" + i7,schemaPath:"#/properties/migrations/properties/paths/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.migrations.properties.paths.items.type,parentSchema:schema11.properties.migrations.properties.paths.items,data:data73};if(vErrors === null){vErrors = [err131];}else {vErrors.push(err131);}errors++;}}}else {const err132 = {instancePath:instancePath+"/migrations/paths",schemaPath:"#/properties/migrations/properties/paths/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.migrations.properties.paths.type,parentSchema:schema11.properties.migrations.properties.paths,data:data72};if(vErrors === null){vErrors = [err132];}else {vErrors.push(err132);}errors++;}}if(data71["replace-defaults"] !== undefined){let data74 = data71["replace-defaults"];if(typeof data74 !== "boolean"){const err133 = {instancePath:instancePath+"/migrations/replace-defaults",schemaPath:"#/properties/migrations/properties/replace-defaults/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.migrations.properties["replace-defaults"].type,parentSchema:schema11.properties.migrations.properties["replace-defaults"],data:data74};if(vErrors === null){vErrors = [err133];}else {vErrors.push(err133);}errors++;}}if(data71["down-command"] !== undefined){let data75 = data71["down-command"];if(Array.isArray(data75)){if(data75.length > 200){const err134 = {instancePath:instancePath+"/migrations/down-command",schemaPath:"#/definitions/argv/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items",schema:200,parentSchema:schema50,data:data75};if(vErrors === null){vErrors = [err134];}else {vErrors.push(err134);}errors++;}if(data75.length < 1){const err135 = {instancePath:instancePath+"/migrations/down-command",schemaPath:"#/definitions/argv/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema50,data:data75};if(vErrors === null){vErrors = [err135];}else {vErrors.push(err135);}errors++;}const len8 = data75.length;for(let i8=0; i8<len8; i8++){let data76 = data75[i8];if(typeof data76 === "string"){if(func3(data76) < 1){const err136 = {instancePath:instancePath+"/migrations/down-command/" + i8,schemaPath:"#/definitions/argv/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.items,data:data76};if(vErrors === null){vErrors = [err136];}else {vErrors.push(err136);}errors++;}}else {const err137 = {instancePath:instancePath+"/migrations/down-command/" + i8,schemaPath:"#/definitions/argv/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.items.type,parentSchema:schema50.items,data:data76};if(vErrors === null){vErrors = [err137];}else {vErrors.push(err137);}errors++;}}}else {const err138 = {instancePath:instancePath+"/migrations/down-command",schemaPath:"#/definitions/argv/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema50.type,parentSchema:schema50,data:data75};if(vErrors === null){vErrors = [err138];}else {vErrors.push(err138);}errors++;}}}else {const err139 = {instancePath:instancePath+"/migrations",schemaPath:"#/properties/migrations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.migrations.type,parentSchema:schema11.properties.migrations,data:data71};if(vErrors === null){vErrors = [err139];}else {vErrors.push(err139);}errors++;}}if(data.flags !== undefined){let data77 = data.flags;if(Array.isArray(data77)){if(data77.length > 20){const err140 = {instancePath:instancePath+"/flags",schemaPath:"#/properties/flags/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items",schema:20,parentSchema:schema11.properties.flags,data:data77};if(vErrors === null){vErrors = [err140];}else {vErrors.push(err140);}errors++;}const len9 = data77.length;for(let i9=0; i9<len9; i9++){let data78 = data77[i9];if(data78 && typeof data78 == "object" && !Array.isArray(data78)){if(data78.name === undefined){const err141 = {instancePath:instancePath+"/flags/" + i9,schemaPath:"#/properties/flags/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.flags.items.required,parentSchema:schema11.properties.flags.items,data:data78};if(vErrors === null){vErrors = [err141];}else {vErrors.push(err141);}errors++;}for(const key16 in data78){if(!(((((key16 === "name") || (key16 === "request")) || (key16 === "command")) || (key16 === "timeout")) || (key16 === "verify-window"))){const err142 = {instancePath:instancePath+"/flags/" + i9,schemaPath:"#/properties/flags/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.flags.items,data:data78};if(vErrors === null){vErrors = [err142];}else {vErrors.push(err142);}errors++;}}if(data78.name !== undefined){let data79 = data78.name;if(typeof data79 === "string"){if(func3(data79) < 1){const err143 = {instancePath:instancePath+"/flags/" + i9+"/name",schemaPath:"#/properties/flags/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.flags.items.properties.name,data:data79};if(vErrors === null){vErrors = [err143];}else {vErrors.push(err143);}errors++;}}else {const err144 = {instancePath:instancePath+"/flags/" + i9+"/name",schemaPath:"#/properties/flags/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.flags.items.properties.name.type,parentSchema:schema11.properties.flags.items.properties.name,data:data79};if(vErrors === null){vErrors = [err144];}else {vErrors.push(err144);}errors++;}}if(data78.request !== undefined){if(!(validate17(data78.request, {instancePath:instancePath+"/flags/" + i9+"/request",parentData:data78,parentDataProperty:"request",rootData}))){vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);errors = vErrors.length;}}if(data78.command !== undefined){let data81 = data78.command;if(Array.isArray(data81)){if(data81.length > 200){const err145 = {instancePath:instancePath+"/flags/" + i9+"/command",schemaPath:"#/definitions/argv/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items",schema:200,parentSchema:schema50,data:data81};if(vErrors === null){vErrors = [err145];}else {vErrors.push(err145);}errors++;}if(data81.length < 1){const err146 = {instancePath:instancePath+"/flags/" + i9+"/command",schemaPath:"#/definitions/argv/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema50,data:data81};if(vErrors === null){vErrors = [err146];}else {vErrors.push(err146);}errors++;}const len10 = data81.length;for(let i10=0; i10<len10; i10++){let data82 = data81[i10];if(typeof data82 === "string"){if(func3(data82) < 1){const err147 = {instancePath:instancePath+"/flags/" + i9+"/command/" + i10,schemaPath:"#/definitions/argv/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.items,data:data82};if(vErrors === null){vErrors = [err147];}else {vErrors.push(err147);}errors++;}}else {const err148 = {instancePath:instancePath+"/flags/" + i9+"/command/" + i10,schemaPath:"#/definitions/argv/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.items.type,parentSchema:schema50.items,data:data82};if(vErrors === null){vErrors = [err148];}else {vErrors.push(err148);}errors++;}}}else {const err149 = {instancePath:instancePath+"/flags/" + i9+"/command",schemaPath:"#/definitions/argv/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema50.type,parentSchema:schema50,data:data81};if(vErrors === null){vErrors = [err149];}else {vErrors.push(err149);}errors++;}}if(data78.timeout !== undefined){let data83 = data78.timeout;if(typeof data83 === "string"){if(!pattern1.test(data83)){const err150 = {instancePath:instancePath+"/flags/" + i9+"/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data83};if(vErrors === null){vErrors = [err150];}else {vErrors.push(err150);}errors++;}}else {const err151 = {instancePath:instancePath+"/flags/" + i9+"/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data83};if(vErrors === null){vErrors = [err151];}else {vErrors.push(err151);}errors++;}}if(data78["verify-window"] !== undefined){let data84 = data78["verify-window"];if(typeof data84 === "string"){if(!pattern1.test(data84)){const err152 = {instancePath:instancePath+"/flags/" + i9+"/verify-window",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data84};if(vErrors === null){vErrors = [err152];}else {vErrors.push(err152);}errors++;}}else {const err153 = {instancePath:instancePath+"/flags/" + i9+"/verify-window",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data84};if(vErrors === null){vErrors = [err153];}else {vErrors.push(err153);}errors++;}}}else {const err154 = {instancePath:instancePath+"/flags/" + i9,schemaPath:"#/properties/flags/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.flags.items.type,parentSchema:schema11.properties.flags.items,data:data78};if(vErrors === null){vErrors = [err154];}else {vErrors.push(err154);}errors++;}}}else {const err155 = {instancePath:instancePath+"/flags",schemaPath:"#/properties/flags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.flags.type,parentSchema:schema11.properties.flags,data:data77};if(vErrors === null){vErrors = [err155];}else {vErrors.push(err155);}errors++;}}if(data.steps !== undefined){let data85 = data.steps;if(Array.isArray(data85)){if(data85.length > 20){const err156 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items",schema:20,parentSchema:schema11.properties.steps,data:data85};if(vErrors === null){vErrors = [err156];}else {vErrors.push(err156);}errors++;}const len11 = data85.length;for(let i11=0; i11<len11; i11++){let data86 = data85[i11];if(data86 && typeof data86 == "object" && !Array.isArray(data86)){if(data86.name === undefined){const err157 = {instancePath:instancePath+"/steps/" + i11,schemaPath:"#/properties/steps/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.steps.items.required,parentSchema:schema11.properties.steps.items,data:data86};if(vErrors === null){vErrors = [err157];}else {vErrors.push(err157);}errors++;}if(data86.run === undefined){const err158 = {instancePath:instancePath+"/steps/" + i11,schemaPath:"#/properties/steps/items/required",keyword:"required",params:{missingProperty: "run"},message:"must have required property '"+"run"+"'",schema:schema11.properties.steps.items.required,parentSchema:schema11.properties.steps.items,data:data86};if(vErrors === null){vErrors = [err158];}else {vErrors.push(err158);}errors++;}for(const key17 in data86){if(!(((((key17 === "name") || (key17 === "run")) || (key17 === "timeout")) || (key17 === "env")) || (key17 === "check"))){const err159 = {instancePath:instancePath+"/steps/" + i11,schemaPath:"#/properties/steps/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.steps.items,data:data86};if(vErrors === null){vErrors = [err159];}else {vErrors.push(err159);}errors++;}}if(data86.name !== undefined){let data87 = data86.name;if(typeof data87 === "string"){if(func3(data87) < 1){const err160 = {instancePath:instancePath+"/steps/" + i11+"/name",schemaPath:"#/properties/steps/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.steps.items.properties.name,data:data87};if(vErrors === null){vErrors = [err160];}else {vErrors.push(err160);}errors++;}}else {const err161 = {instancePath:instancePath+"/steps/" + i11+"/name",schemaPath:"#/properties/steps/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.steps.items.properties.name.type,parentSchema:schema11.properties.steps.items.properties.name,data:data87};if(vErrors === null){vErrors = [err161];}else {vErrors.push(err161);}errors++;}}if(data86.run !== undefined){let data88 = data86.run;if(Array.isArray(data88)){if(data88.length > 200){const err162 = {instancePath:instancePath+"/steps/" + i11+"/run",schemaPath:"#/definitions/argv/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items",schema:200,parentSchema:schema50,data:data88};if(vErrors === null){vErrors = [err162];}else {vErrors.push(err162);}errors++;}if(data88.length < 1){const err163 = {instancePath:instancePath+"/steps/" + i11+"/run",schemaPath:"#/definitions/argv/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema50,data:data88};if(vErrors === null){vErrors = [err163];}else {vErrors.push(err163);}errors++;}const len12 = data88.length;for(let i12=0; i12<len12; i12++){let data89 = data88[i12];if(typeof data89 === "string"){if(func3(data89) < 1){const err164 = {instancePath:instancePath+"/steps/" + i11+"/run/" + i12,schemaPath:"#/definitions/argv/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.items,data:data89};if(vErrors === null){vErrors = [err164];}else {vErrors.push(err164);}errors++;}}else {const err165 = {instancePath:instancePath+"/steps/" + i11+"/run/" + i12,schemaPath:"#/definitions/argv/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.items.type,parentSchema:schema50.items,data:data89};if(vErrors === null){vErrors = [err165];}else {vErrors.push(err165);}errors++;}}}else {const err166 = {instancePath:instancePath+"/steps/" + i11+"/run",schemaPath:"#/definitions/argv/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema50.type,parentSchema:schema50,data:data88};if(vErrors === null){vErrors = [err166];}else {vErrors.push(err166);}errors++;}}if(data86.timeout !== undefined){let data90 = data86.timeout;if(typeof data90 === "string"){if(!pattern1.test(data90)){const err167 = {instancePath:instancePath+"/steps/" + i11+"/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data90};if(vErrors === null){vErrors = [err167];}else {vErrors.push(err167);}errors++;}}else {const err168 = {instancePath:instancePath+"/steps/" + i11+"/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data90};if(vErrors === null){vErrors = [err168];}else {vErrors.push(err168);}errors++;}}if(data86.env !== undefined){let data91 = data86.env;if(data91 && typeof data91 == "object" && !Array.isArray(data91)){for(const key18 in data91){let data92 = data91[key18];if(typeof data92 !== "string"){const err169 = {instancePath:instancePath+"/steps/" + i11+"/env/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/steps/items/properties/env/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.steps.items.properties.env.additionalProperties.type,parentSchema:schema11.properties.steps.items.properties.env.additionalProperties,data:data92};if(vErrors === null){vErrors = [err169];}else {vErrors.push(err169);}errors++;}}}else {const err170 = {instancePath:instancePath+"/steps/" + i11+"/env",schemaPath:"#/properties/steps/items/properties/env/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.steps.items.properties.env.type,parentSchema:schema11.properties.steps.items.properties.env,data:data91};if(vErrors === null){vErrors = [err170];}else {vErrors.push(err170);}errors++;}}if(data86.check !== undefined){let data93 = data86.check;if(data93 && typeof data93 == "object" && !Array.isArray(data93)){if(data93.run === undefined){const err171 = {instancePath:instancePath+"/steps/" + i11+"/check",schemaPath:"#/properties/steps/items/properties/check/required",keyword:"required",params:{missingProperty: "run"},message:"must have required property '"+"run"+"'",schema:schema11.properties.steps.items.properties.check.required,parentSchema:schema11.properties.steps.items.properties.check,data:data93};if(vErrors === null){vErrors = [err171];}else {vErrors.push(err171);}errors++;}for(const key19 in data93){if(!((key19 === "run") || (key19 === "timeout"))){const err172 = {instancePath:instancePath+"/steps/" + i11+"/check",schemaPath:"#/properties/steps/items/properties/check/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.steps.items.properties.check,data:data93};if(vErrors === null){vErrors = [err172];}else {vErrors.push(err172);}errors++;}}if(data93.run !== undefined){let data94 = data93.run;if(Array.isArray(data94)){if(data94.length > 200){const err173 = {instancePath:instancePath+"/steps/" + i11+"/check/run",schemaPath:"#/definitions/argv/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items",schema:200,parentSchema:schema50,data:data94};if(vErrors === null){vErrors = [err173];}else {vErrors.push(err173);}errors++;}if(data94.length < 1){const err174 = {instancePath:instancePath+"/steps/" + i11+"/check/run",schemaPath:"#/definitions/argv/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema50,data:data94};if(vErrors === null){vErrors = [err174];}else {vErrors.push(err174);}errors++;}const len13 = data94.length;for(let i13=0; i13<len13; i13++){let data95 = data94[i13];if(typeof data95 === "string"){if(func3(data95) < 1){const err175 = {instancePath:instancePath+"/steps/" + i11+"/check/run/" + i13,schemaPath:"#/definitions/argv/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema50.items,data:data95};if(vErrors === null){vErrors = [err175];}else {vErrors.push(err175);}errors++;}}else {const err176 = {instancePath:instancePath+"/steps/" + i11+"/check/run/" + i13,schemaPath:"#/definitions/argv/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.items.type,parentSchema:schema50.items,data:data95};if(vErrors === null){vErrors = [err176];}else {vErrors.push(err176);}errors++;}}}else {const err177 = {instancePath:instancePath+"/steps/" + i11+"/check/run",schemaPath:"#/definitions/argv/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema50.type,parentSchema:schema50,data:data94};if(vErrors === null){vErrors = [err177];}else {vErrors.push(err177);}errors++;}}if(data93.timeout !== undefined){let data96 = data93.timeout;if(typeof data96 === "string"){if(!pattern1.test(data96)){const err178 = {instancePath:instancePath+"/steps/" + i11+"/check/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data96};if(vErrors === null){vErrors = [err178];}else {vErrors.push(err178);}errors++;}}else {const err179 = {instancePath:instancePath+"/steps/" + i11+"/check/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data96};if(vErrors === null){vErrors = [err179];}else {vErrors.push(err179);}errors++;}}}else {const err180 = {instancePath:instancePath+"/steps/" + i11+"/check",schemaPath:"#/properties/steps/items/properties/check/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.steps.items.properties.check.type,parentSchema:schema11.properties.steps.items.properties.check,data:data93};if(vErrors === null){vErrors = [err180];}else {vErrors.push(err180);}errors++;}}}else {const err181 = {instancePath:instancePath+"/steps/" + i11,schemaPath:"#/properties/steps/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.steps.items.type,parentSchema:schema11.properties.steps.items,data:data86};if(vErrors === null){vErrors = [err181];}else {vErrors.push(err181);}errors++;}}}else {const err182 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.steps.type,parentSchema:schema11.properties.steps,data:data85};if(vErrors === null){vErrors = [err182];}else {vErrors.push(err182);}errors++;}}if(data.verify !== undefined){let data97 = data.verify;if(data97 && typeof data97 == "object" && !Array.isArray(data97)){for(const key20 in data97){if(!(((key20 === "checks") || (key20 === "window")) || (key20 === "sla"))){const err183 = {instancePath:instancePath+"/verify",schemaPath:"#/properties/verify/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.verify,data:data97};if(vErrors === null){vErrors = [err183];}else {vErrors.push(err183);}errors++;}}if(data97.checks !== undefined){let data98 = data97.checks;if(Array.isArray(data98)){if(data98.length > 50){const err184 = {instancePath:instancePath+"/verify/checks",schemaPath:"#/properties/verify/properties/checks/maxItems",keyword:"maxItems",params:{limit: 50},message:"must NOT have more than 50 items",schema:50,parentSchema:schema11.properties.verify.properties.checks,data:data98};if(vErrors === null){vErrors = [err184];}else {vErrors.push(err184);}errors++;}const len14 = data98.length;for(let i14=0; i14<len14; i14++){if(!(validate20(data98[i14], {instancePath:instancePath+"/verify/checks/" + i14,parentData:data98,parentDataProperty:i14,rootData}))){vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);errors = vErrors.length;}}}else {const err185 = {instancePath:instancePath+"/verify/checks",schemaPath:"#/properties/verify/properties/checks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.verify.properties.checks.type,parentSchema:schema11.properties.verify.properties.checks,data:data98};if(vErrors === null){vErrors = [err185];}else {vErrors.push(err185);}errors++;}}if(data97.window !== undefined){let data100 = data97.window;if(typeof data100 === "string"){if(!pattern1.test(data100)){const err186 = {instancePath:instancePath+"/verify/window",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data100};if(vErrors === null){vErrors = [err186];}else {vErrors.push(err186);}errors++;}}else {const err187 = {instancePath:instancePath+"/verify/window",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data100};if(vErrors === null){vErrors = [err187];}else {vErrors.push(err187);}errors++;}}if(data97.sla !== undefined){let data101 = data97.sla;const _errs249 = errors;let valid88 = false;const _errs250 = errors;if(!(((data101 === "critical") || (data101 === "high")) || (data101 === "standard"))){const err188 = {instancePath:instancePath+"/verify/sla",schemaPath:"#/properties/verify/properties/sla/anyOf/0/enum",keyword:"enum",params:{allowedValues: schema11.properties.verify.properties.sla.anyOf[0].enum},message:"must be equal to one of the allowed values",schema:schema11.properties.verify.properties.sla.anyOf[0].enum,parentSchema:schema11.properties.verify.properties.sla.anyOf[0],data:data101};if(vErrors === null){vErrors = [err188];}else {vErrors.push(err188);}errors++;}var _valid1 = _errs250 === errors;valid88 = valid88 || _valid1;if(!valid88){const _errs251 = errors;if(typeof data101 === "string"){if(!pattern1.test(data101)){const err189 = {instancePath:instancePath+"/verify/sla",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$",parentSchema:schema14,data:data101};if(vErrors === null){vErrors = [err189];}else {vErrors.push(err189);}errors++;}}else {const err190 = {instancePath:instancePath+"/verify/sla",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data101};if(vErrors === null){vErrors = [err190];}else {vErrors.push(err190);}errors++;}var _valid1 = _errs251 === errors;valid88 = valid88 || _valid1;}if(!valid88){const err191 = {instancePath:instancePath+"/verify/sla",schemaPath:"#/properties/verify/properties/sla/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.verify.properties.sla.anyOf,parentSchema:schema11.properties.verify.properties.sla,data:data101};if(vErrors === null){vErrors = [err191];}else {vErrors.push(err191);}errors++;}else {errors = _errs249;if(vErrors !== null){if(_errs249){vErrors.length = _errs249;}else {vErrors = null;}}}}}else {const err192 = {instancePath:instancePath+"/verify",schemaPath:"#/properties/verify/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.verify.type,parentSchema:schema11.properties.verify,data:data97};if(vErrors === null){vErrors = [err192];}else {vErrors.push(err192);}errors++;}}if(data.rehearsal !== undefined){let data102 = data.rehearsal;if(data102 && typeof data102 == "object" && !Array.isArray(data102)){for(const key21 in data102){if(!((key21 === "issue") || (key21 === "labels"))){const err193 = {instancePath:instancePath+"/rehearsal",schemaPath:"#/properties/rehearsal/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rehearsal,data:data102};if(vErrors === null){vErrors = [err193];}else {vErrors.push(err193);}errors++;}}if(data102.issue !== undefined){let data103 = data102.issue;if(typeof data103 !== "boolean"){const err194 = {instancePath:instancePath+"/rehearsal/issue",schemaPath:"#/properties/rehearsal/properties/issue/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rehearsal.properties.issue.type,parentSchema:schema11.properties.rehearsal.properties.issue,data:data103};if(vErrors === null){vErrors = [err194];}else {vErrors.push(err194);}errors++;}}if(data102.labels !== undefined){let data104 = data102.labels;if(Array.isArray(data104)){if(data104.length > 20){const err195 = {instancePath:instancePath+"/rehearsal/labels",schemaPath:"#/properties/rehearsal/properties/labels/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items",schema:20,parentSchema:schema11.properties.rehearsal.properties.labels,data:data104};if(vErrors === null){vErrors = [err195];}else {vErrors.push(err195);}errors++;}const len15 = data104.length;for(let i15=0; i15<len15; i15++){let data105 = data104[i15];if(typeof data105 === "string"){if(func3(data105) > 50){const err196 = {instancePath:instancePath+"/rehearsal/labels/" + i15,schemaPath:"#/properties/rehearsal/properties/labels/items/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters",schema:50,parentSchema:schema11.properties.rehearsal.properties.labels.items,data:data105};if(vErrors === null){vErrors = [err196];}else {vErrors.push(err196);}errors++;}if(func3(data105) < 1){const err197 = {instancePath:instancePath+"/rehearsal/labels/" + i15,schemaPath:"#/properties/rehearsal/properties/labels/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.rehearsal.properties.labels.items,data:data105};if(vErrors === null){vErrors = [err197];}else {vErrors.push(err197);}errors++;}}else {const err198 = {instancePath:instancePath+"/rehearsal/labels/" + i15,schemaPath:"#/properties/rehearsal/properties/labels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rehearsal.properties.labels.items.type,parentSchema:schema11.properties.rehearsal.properties.labels.items,data:data105};if(vErrors === null){vErrors = [err198];}else {vErrors.push(err198);}errors++;}}}else {const err199 = {instancePath:instancePath+"/rehearsal/labels",schemaPath:"#/properties/rehearsal/properties/labels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rehearsal.properties.labels.type,parentSchema:schema11.properties.rehearsal.properties.labels,data:data104};if(vErrors === null){vErrors = [err199];}else {vErrors.push(err199);}errors++;}}}else {const err200 = {instancePath:instancePath+"/rehearsal",schemaPath:"#/properties/rehearsal/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rehearsal.type,parentSchema:schema11.properties.rehearsal,data:data102};if(vErrors === null){vErrors = [err200];}else {vErrors.push(err200);}errors++;}}if(data.incident !== undefined){let data106 = data.incident;if(data106 && typeof data106 == "object" && !Array.isArray(data106)){for(const key22 in data106){if(!((((key22 === "on") || (key22 === "labels")) || (key22 === "assignees")) || (key22 === "template"))){const err201 = {instancePath:instancePath+"/incident",schemaPath:"#/properties/incident/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.incident,data:data106};if(vErrors === null){vErrors = [err201];}else {vErrors.push(err201);}errors++;}}if(data106.on !== undefined){let data107 = data106.on;if(Array.isArray(data107)){const len16 = data107.length;for(let i16=0; i16<len16; i16++){let data108 = data107[i16];if(!((((data108 === "rolled-back") || (data108 === "rollback-recommended")) || (data108 === "rollback-failed")) || (data108 === "inconclusive"))){const err202 = {instancePath:instancePath+"/incident/on/" + i16,schemaPath:"#/properties/incident/properties/on/items/enum",keyword:"enum",params:{allowedValues: schema11.properties.incident.properties.on.items.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.incident.properties.on.items.enum,parentSchema:schema11.properties.incident.properties.on.items,data:data108};if(vErrors === null){vErrors = [err202];}else {vErrors.push(err202);}errors++;}}let i17 = data107.length;let j0;if(i17 > 1){outer0:for(;i17--;){for(j0 = i17; j0--;){if(func0(data107[i17], data107[j0])){const err203 = {instancePath:instancePath+"/incident/on",schemaPath:"#/properties/incident/properties/on/uniqueItems",keyword:"uniqueItems",params:{i: i17, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i17+" are identical)",schema:true,parentSchema:schema11.properties.incident.properties.on,data:data107};if(vErrors === null){vErrors = [err203];}else {vErrors.push(err203);}errors++;break outer0;}}}}}else {const err204 = {instancePath:instancePath+"/incident/on",schemaPath:"#/properties/incident/properties/on/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.incident.properties.on.type,parentSchema:schema11.properties.incident.properties.on,data:data107};if(vErrors === null){vErrors = [err204];}else {vErrors.push(err204);}errors++;}}if(data106.labels !== undefined){let data109 = data106.labels;if(Array.isArray(data109)){if(data109.length > 20){const err205 = {instancePath:instancePath+"/incident/labels",schemaPath:"#/properties/incident/properties/labels/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items",schema:20,parentSchema:schema11.properties.incident.properties.labels,data:data109};if(vErrors === null){vErrors = [err205];}else {vErrors.push(err205);}errors++;}const len17 = data109.length;for(let i18=0; i18<len17; i18++){let data110 = data109[i18];if(typeof data110 === "string"){if(func3(data110) > 50){const err206 = {instancePath:instancePath+"/incident/labels/" + i18,schemaPath:"#/properties/incident/properties/labels/items/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters",schema:50,parentSchema:schema11.properties.incident.properties.labels.items,data:data110};if(vErrors === null){vErrors = [err206];}else {vErrors.push(err206);}errors++;}if(func3(data110) < 1){const err207 = {instancePath:instancePath+"/incident/labels/" + i18,schemaPath:"#/properties/incident/properties/labels/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.incident.properties.labels.items,data:data110};if(vErrors === null){vErrors = [err207];}else {vErrors.push(err207);}errors++;}}else {const err208 = {instancePath:instancePath+"/incident/labels/" + i18,schemaPath:"#/properties/incident/properties/labels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.incident.properties.labels.items.type,parentSchema:schema11.properties.incident.properties.labels.items,data:data110};if(vErrors === null){vErrors = [err208];}else {vErrors.push(err208);}errors++;}}}else {const err209 = {instancePath:instancePath+"/incident/labels",schemaPath:"#/properties/incident/properties/labels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.incident.properties.labels.type,parentSchema:schema11.properties.incident.properties.labels,data:data109};if(vErrors === null){vErrors = [err209];}else {vErrors.push(err209);}errors++;}}if(data106.assignees !== undefined){let data111 = data106.assignees;if(Array.isArray(data111)){if(data111.length > 10){const err210 = {instancePath:instancePath+"/incident/assignees",schemaPath:"#/properties/incident/properties/assignees/maxItems",keyword:"maxItems",params:{limit: 10},message:"must NOT have more than 10 items",schema:10,parentSchema:schema11.properties.incident.properties.assignees,data:data111};if(vErrors === null){vErrors = [err210];}else {vErrors.push(err210);}errors++;}const len18 = data111.length;for(let i19=0; i19<len18; i19++){let data112 = data111[i19];if(typeof data112 === "string"){if(!pattern36.test(data112)){const err211 = {instancePath:instancePath+"/incident/assignees/" + i19,schemaPath:"#/properties/incident/properties/assignees/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$",parentSchema:schema11.properties.incident.properties.assignees.items,data:data112};if(vErrors === null){vErrors = [err211];}else {vErrors.push(err211);}errors++;}}else {const err212 = {instancePath:instancePath+"/incident/assignees/" + i19,schemaPath:"#/properties/incident/properties/assignees/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.incident.properties.assignees.items.type,parentSchema:schema11.properties.incident.properties.assignees.items,data:data112};if(vErrors === null){vErrors = [err212];}else {vErrors.push(err212);}errors++;}}}else {const err213 = {instancePath:instancePath+"/incident/assignees",schemaPath:"#/properties/incident/properties/assignees/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.incident.properties.assignees.type,parentSchema:schema11.properties.incident.properties.assignees,data:data111};if(vErrors === null){vErrors = [err213];}else {vErrors.push(err213);}errors++;}}if(data106.template !== undefined){let data113 = data106.template;if(typeof data113 === "string"){if(func3(data113) < 1){const err214 = {instancePath:instancePath+"/incident/template",schemaPath:"#/properties/incident/properties/template/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.incident.properties.template,data:data113};if(vErrors === null){vErrors = [err214];}else {vErrors.push(err214);}errors++;}}else {const err215 = {instancePath:instancePath+"/incident/template",schemaPath:"#/properties/incident/properties/template/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.incident.properties.template.type,parentSchema:schema11.properties.incident.properties.template,data:data113};if(vErrors === null){vErrors = [err215];}else {vErrors.push(err215);}errors++;}}}else {const err216 = {instancePath:instancePath+"/incident",schemaPath:"#/properties/incident/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.incident.type,parentSchema:schema11.properties.incident,data:data106};if(vErrors === null){vErrors = [err216];}else {vErrors.push(err216);}errors++;}}if(data.notify !== undefined){let data114 = data.notify;if(data114 && typeof data114 == "object" && !Array.isArray(data114)){for(const key23 in data114){if(!(((key23 === "slack") || (key23 === "pagerduty")) || (key23 === "webhooks"))){const err217 = {instancePath:instancePath+"/notify",schemaPath:"#/properties/notify/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.notify,data:data114};if(vErrors === null){vErrors = [err217];}else {vErrors.push(err217);}errors++;}}if(data114.slack !== undefined){let data115 = data114.slack;if(data115 && typeof data115 == "object" && !Array.isArray(data115)){if(data115["webhook-url-env"] === undefined){const err218 = {instancePath:instancePath+"/notify/slack",schemaPath:"#/properties/notify/properties/slack/required",keyword:"required",params:{missingProperty: "webhook-url-env"},message:"must have required property '"+"webhook-url-env"+"'",schema:schema11.properties.notify.properties.slack.required,parentSchema:schema11.properties.notify.properties.slack,data:data115};if(vErrors === null){vErrors = [err218];}else {vErrors.push(err218);}errors++;}for(const key24 in data115){if(!(((key24 === "webhook-url-env") || (key24 === "on")) || (key24 === "channel"))){const err219 = {instancePath:instancePath+"/notify/slack",schemaPath:"#/properties/notify/properties/slack/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.notify.properties.slack,data:data115};if(vErrors === null){vErrors = [err219];}else {vErrors.push(err219);}errors++;}}if(data115["webhook-url-env"] !== undefined){let data116 = data115["webhook-url-env"];if(typeof data116 === "string"){if(!pattern9.test(data116)){const err220 = {instancePath:instancePath+"/notify/slack/webhook-url-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema26,data:data116};if(vErrors === null){vErrors = [err220];}else {vErrors.push(err220);}errors++;}}else {const err221 = {instancePath:instancePath+"/notify/slack/webhook-url-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data116};if(vErrors === null){vErrors = [err221];}else {vErrors.push(err221);}errors++;}}if(data115.on !== undefined){let data117 = data115.on;if(Array.isArray(data117)){const len19 = data117.length;for(let i20=0; i20<len19; i20++){let data118 = data117[i20];if(!((((data118 === "initiated") || (data118 === "completed")) || (data118 === "failed")) || (data118 === "recommended"))){const err222 = {instancePath:instancePath+"/notify/slack/on/" + i20,schemaPath:"#/definitions/notifyEvents/items/enum",keyword:"enum",params:{allowedValues: schema72.items.enum},message:"must be equal to one of the allowed values",schema:schema72.items.enum,parentSchema:schema72.items,data:data118};if(vErrors === null){vErrors = [err222];}else {vErrors.push(err222);}errors++;}}let i21 = data117.length;let j1;if(i21 > 1){outer1:for(;i21--;){for(j1 = i21; j1--;){if(func0(data117[i21], data117[j1])){const err223 = {instancePath:instancePath+"/notify/slack/on",schemaPath:"#/definitions/notifyEvents/uniqueItems",keyword:"uniqueItems",params:{i: i21, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i21+" are identical)",schema:true,parentSchema:schema72,data:data117};if(vErrors === null){vErrors = [err223];}else {vErrors.push(err223);}errors++;break outer1;}}}}}else {const err224 = {instancePath:instancePath+"/notify/slack/on",schemaPath:"#/definitions/notifyEvents/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema72.type,parentSchema:schema72,data:data117};if(vErrors === null){vErrors = [err224];}else {vErrors.push(err224);}errors++;}}if(data115.channel !== undefined){let data119 = data115.channel;if(typeof data119 === "string"){if(!pattern38.test(data119)){const err225 = {instancePath:instancePath+"/notify/slack/channel",schemaPath:"#/properties/notify/properties/slack/properties/channel/pattern",keyword:"pattern",params:{pattern: "^[#@]?[a-z0-9][a-z0-9._-]{0,79}$"},message:"must match pattern \""+"^[#@]?[a-z0-9][a-z0-9._-]{0,79}$"+"\"",schema:"^[#@]?[a-z0-9][a-z0-9._-]{0,79}$",parentSchema:schema11.properties.notify.properties.slack.properties.channel,data:data119};if(vErrors === null){vErrors = [err225];}else {vErrors.push(err225);}errors++;}}else {const err226 = {instancePath:instancePath+"/notify/slack/channel",schemaPath:"#/properties/notify/properties/slack/properties/channel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.notify.properties.slack.properties.channel.type,parentSchema:schema11.properties.notify.properties.slack.properties.channel,data:data119};if(vErrors === null){vErrors = [err226];}else {vErrors.push(err226);}errors++;}}}else {const err227 = {instancePath:instancePath+"/notify/slack",schemaPath:"#/properties/notify/properties/slack/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.notify.properties.slack.type,parentSchema:schema11.properties.notify.properties.slack,data:data115};if(vErrors === null){vErrors = [err227];}else {vErrors.push(err227);}errors++;}}if(data114.pagerduty !== undefined){let data120 = data114.pagerduty;if(data120 && typeof data120 == "object" && !Array.isArray(data120)){if(data120["routing-key-env"] === undefined){const err228 = {instancePath:instancePath+"/notify/pagerduty",schemaPath:"#/properties/notify/properties/pagerduty/required",keyword:"required",params:{missingProperty: "routing-key-env"},message:"must have required property '"+"routing-key-env"+"'",schema:schema11.properties.notify.properties.pagerduty.required,parentSchema:schema11.properties.notify.properties.pagerduty,data:data120};if(vErrors === null){vErrors = [err228];}else {vErrors.push(err228);}errors++;}for(const key25 in data120){if(!((((key25 === "routing-key-env") || (key25 === "severities")) || (key25 === "on")) || (key25 === "url"))){const err229 = {instancePath:instancePath+"/notify/pagerduty",schemaPath:"#/properties/notify/properties/pagerduty/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key25},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.notify.properties.pagerduty,data:data120};if(vErrors === null){vErrors = [err229];}else {vErrors.push(err229);}errors++;}}if(data120["routing-key-env"] !== undefined){let data121 = data120["routing-key-env"];if(typeof data121 === "string"){if(!pattern9.test(data121)){const err230 = {instancePath:instancePath+"/notify/pagerduty/routing-key-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema26,data:data121};if(vErrors === null){vErrors = [err230];}else {vErrors.push(err230);}errors++;}}else {const err231 = {instancePath:instancePath+"/notify/pagerduty/routing-key-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data121};if(vErrors === null){vErrors = [err231];}else {vErrors.push(err231);}errors++;}}if(data120.severities !== undefined){let data122 = data120.severities;if(Array.isArray(data122)){if(data122.length < 1){const err232 = {instancePath:instancePath+"/notify/pagerduty/severities",schemaPath:"#/properties/notify/properties/pagerduty/properties/severities/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.notify.properties.pagerduty.properties.severities,data:data122};if(vErrors === null){vErrors = [err232];}else {vErrors.push(err232);}errors++;}const len20 = data122.length;for(let i22=0; i22<len20; i22++){let data123 = data122[i22];if(!(((data123 === "P0") || (data123 === "P1")) || (data123 === "P2"))){const err233 = {instancePath:instancePath+"/notify/pagerduty/severities/" + i22,schemaPath:"#/definitions/severity/enum",keyword:"enum",params:{allowedValues: schema40.enum},message:"must be equal to one of the allowed values",schema:schema40.enum,parentSchema:schema40,data:data123};if(vErrors === null){vErrors = [err233];}else {vErrors.push(err233);}errors++;}}let i23 = data122.length;let j2;if(i23 > 1){outer2:for(;i23--;){for(j2 = i23; j2--;){if(func0(data122[i23], data122[j2])){const err234 = {instancePath:instancePath+"/notify/pagerduty/severities",schemaPath:"#/properties/notify/properties/pagerduty/properties/severities/uniqueItems",keyword:"uniqueItems",params:{i: i23, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i23+" are identical)",schema:true,parentSchema:schema11.properties.notify.properties.pagerduty.properties.severities,data:data122};if(vErrors === null){vErrors = [err234];}else {vErrors.push(err234);}errors++;break outer2;}}}}}else {const err235 = {instancePath:instancePath+"/notify/pagerduty/severities",schemaPath:"#/properties/notify/properties/pagerduty/properties/severities/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.notify.properties.pagerduty.properties.severities.type,parentSchema:schema11.properties.notify.properties.pagerduty.properties.severities,data:data122};if(vErrors === null){vErrors = [err235];}else {vErrors.push(err235);}errors++;}}if(data120.on !== undefined){let data124 = data120.on;if(Array.isArray(data124)){const len21 = data124.length;for(let i24=0; i24<len21; i24++){let data125 = data124[i24];if(!((((data125 === "initiated") || (data125 === "completed")) || (data125 === "failed")) || (data125 === "recommended"))){const err236 = {instancePath:instancePath+"/notify/pagerduty/on/" + i24,schemaPath:"#/definitions/notifyEvents/items/enum",keyword:"enum",params:{allowedValues: schema72.items.enum},message:"must be equal to one of the allowed values",schema:schema72.items.enum,parentSchema:schema72.items,data:data125};if(vErrors === null){vErrors = [err236];}else {vErrors.push(err236);}errors++;}}let i25 = data124.length;let j3;if(i25 > 1){outer3:for(;i25--;){for(j3 = i25; j3--;){if(func0(data124[i25], data124[j3])){const err237 = {instancePath:instancePath+"/notify/pagerduty/on",schemaPath:"#/definitions/notifyEvents/uniqueItems",keyword:"uniqueItems",params:{i: i25, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i25+" are identical)",schema:true,parentSchema:schema72,data:data124};if(vErrors === null){vErrors = [err237];}else {vErrors.push(err237);}errors++;break outer3;}}}}}else {const err238 = {instancePath:instancePath+"/notify/pagerduty/on",schemaPath:"#/definitions/notifyEvents/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema72.type,parentSchema:schema72,data:data124};if(vErrors === null){vErrors = [err238];}else {vErrors.push(err238);}errors++;}}if(data120.url !== undefined){let data126 = data120.url;if(typeof data126 === "string"){if(!pattern6.test(data126)){const err239 = {instancePath:instancePath+"/notify/pagerduty/url",schemaPath:"#/definitions/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema21,data:data126};if(vErrors === null){vErrors = [err239];}else {vErrors.push(err239);}errors++;}}else {const err240 = {instancePath:instancePath+"/notify/pagerduty/url",schemaPath:"#/definitions/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.type,parentSchema:schema21,data:data126};if(vErrors === null){vErrors = [err240];}else {vErrors.push(err240);}errors++;}}}else {const err241 = {instancePath:instancePath+"/notify/pagerduty",schemaPath:"#/properties/notify/properties/pagerduty/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.notify.properties.pagerduty.type,parentSchema:schema11.properties.notify.properties.pagerduty,data:data120};if(vErrors === null){vErrors = [err241];}else {vErrors.push(err241);}errors++;}}if(data114.webhooks !== undefined){let data127 = data114.webhooks;if(Array.isArray(data127)){if(data127.length > 10){const err242 = {instancePath:instancePath+"/notify/webhooks",schemaPath:"#/properties/notify/properties/webhooks/maxItems",keyword:"maxItems",params:{limit: 10},message:"must NOT have more than 10 items",schema:10,parentSchema:schema11.properties.notify.properties.webhooks,data:data127};if(vErrors === null){vErrors = [err242];}else {vErrors.push(err242);}errors++;}const len22 = data127.length;for(let i26=0; i26<len22; i26++){let data128 = data127[i26];if(data128 && typeof data128 == "object" && !Array.isArray(data128)){if(data128.name === undefined){const err243 = {instancePath:instancePath+"/notify/webhooks/" + i26,schemaPath:"#/properties/notify/properties/webhooks/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.notify.properties.webhooks.items.required,parentSchema:schema11.properties.notify.properties.webhooks.items,data:data128};if(vErrors === null){vErrors = [err243];}else {vErrors.push(err243);}errors++;}for(const key26 in data128){if(!((((((key26 === "name") || (key26 === "url")) || (key26 === "url-env")) || (key26 === "headers")) || (key26 === "headers-env")) || (key26 === "on"))){const err244 = {instancePath:instancePath+"/notify/webhooks/" + i26,schemaPath:"#/properties/notify/properties/webhooks/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key26},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.notify.properties.webhooks.items,data:data128};if(vErrors === null){vErrors = [err244];}else {vErrors.push(err244);}errors++;}}if(data128.name !== undefined){let data129 = data128.name;if(typeof data129 === "string"){if(func3(data129) > 50){const err245 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/name",schemaPath:"#/properties/notify/properties/webhooks/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters",schema:50,parentSchema:schema11.properties.notify.properties.webhooks.items.properties.name,data:data129};if(vErrors === null){vErrors = [err245];}else {vErrors.push(err245);}errors++;}if(func3(data129) < 1){const err246 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/name",schemaPath:"#/properties/notify/properties/webhooks/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.notify.properties.webhooks.items.properties.name,data:data129};if(vErrors === null){vErrors = [err246];}else {vErrors.push(err246);}errors++;}}else {const err247 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/name",schemaPath:"#/properties/notify/properties/webhooks/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.notify.properties.webhooks.items.properties.name.type,parentSchema:schema11.properties.notify.properties.webhooks.items.properties.name,data:data129};if(vErrors === null){vErrors = [err247];}else {vErrors.push(err247);}errors++;}}if(data128.url !== undefined){let data130 = data128.url;if(typeof data130 === "string"){if(!pattern6.test(data130)){const err248 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/url",schemaPath:"#/definitions/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema21,data:data130};if(vErrors === null){vErrors = [err248];}else {vErrors.push(err248);}errors++;}}else {const err249 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/url",schemaPath:"#/definitions/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.type,parentSchema:schema21,data:data130};if(vErrors === null){vErrors = [err249];}else {vErrors.push(err249);}errors++;}}if(data128["url-env"] !== undefined){let data131 = data128["url-env"];if(typeof data131 === "string"){if(!pattern9.test(data131)){const err250 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/url-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema26,data:data131};if(vErrors === null){vErrors = [err250];}else {vErrors.push(err250);}errors++;}}else {const err251 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/url-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data131};if(vErrors === null){vErrors = [err251];}else {vErrors.push(err251);}errors++;}}if(data128.headers !== undefined){let data132 = data128.headers;if(data132 && typeof data132 == "object" && !Array.isArray(data132)){for(const key27 in data132){let data133 = data132[key27];if(typeof data133 !== "string"){const err252 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/headers/" + key27.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/headers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.additionalProperties.type,parentSchema:schema24.additionalProperties,data:data133};if(vErrors === null){vErrors = [err252];}else {vErrors.push(err252);}errors++;}}}else {const err253 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/headers",schemaPath:"#/definitions/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data132};if(vErrors === null){vErrors = [err253];}else {vErrors.push(err253);}errors++;}}if(data128["headers-env"] !== undefined){if(!(validate11(data128["headers-env"], {instancePath:instancePath+"/notify/webhooks/" + i26+"/headers-env",parentData:data128,parentDataProperty:"headers-env",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}if(data128.on !== undefined){let data135 = data128.on;if(Array.isArray(data135)){const len23 = data135.length;for(let i27=0; i27<len23; i27++){let data136 = data135[i27];if(!((((data136 === "initiated") || (data136 === "completed")) || (data136 === "failed")) || (data136 === "recommended"))){const err254 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/on/" + i27,schemaPath:"#/definitions/notifyEvents/items/enum",keyword:"enum",params:{allowedValues: schema72.items.enum},message:"must be equal to one of the allowed values",schema:schema72.items.enum,parentSchema:schema72.items,data:data136};if(vErrors === null){vErrors = [err254];}else {vErrors.push(err254);}errors++;}}let i28 = data135.length;let j4;if(i28 > 1){outer4:for(;i28--;){for(j4 = i28; j4--;){if(func0(data135[i28], data135[j4])){const err255 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/on",schemaPath:"#/definitions/notifyEvents/uniqueItems",keyword:"uniqueItems",params:{i: i28, j: j4},message:"must NOT have duplicate items (items ## "+j4+" and "+i28+" are identical)",schema:true,parentSchema:schema72,data:data135};if(vErrors === null){vErrors = [err255];}else {vErrors.push(err255);}errors++;break outer4;}}}}}else {const err256 = {instancePath:instancePath+"/notify/webhooks/" + i26+"/on",schemaPath:"#/definitions/notifyEvents/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema72.type,parentSchema:schema72,data:data135};if(vErrors === null){vErrors = [err256];}else {vErrors.push(err256);}errors++;}}}else {const err257 = {instancePath:instancePath+"/notify/webhooks/" + i26,schemaPath:"#/properties/notify/properties/webhooks/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.notify.properties.webhooks.items.type,parentSchema:schema11.properties.notify.properties.webhooks.items,data:data128};if(vErrors === null){vErrors = [err257];}else {vErrors.push(err257);}errors++;}}}else {const err258 = {instancePath:instancePath+"/notify/webhooks",schemaPath:"#/properties/notify/properties/webhooks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.notify.properties.webhooks.type,parentSchema:schema11.properties.notify.properties.webhooks,data:data127};if(vErrors === null){vErrors = [err258];}else {vErrors.push(err258);}errors++;}}}else {const err259 = {instancePath:instancePath+"/notify",schemaPath:"#/properties/notify/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.notify.type,parentSchema:schema11.properties.notify,data:data114};if(vErrors === null){vErrors = [err259];}else {vErrors.push(err259);}errors++;}}}else {const err260 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err260];}else {vErrors.push(err260);}errors++;}validate10.errors = vErrors;return errors === 0;}

// EXTERNAL MODULE: ./src/metrics/exposition.ts
var exposition = __webpack_require__(2019);
// EXTERNAL MODULE: ./src/metrics/alertmanager.ts
var alertmanager = __webpack_require__(8980);
// EXTERNAL MODULE: ./node_modules/@prometheus-io/lezer-promql/dist/index.es.js + 3 modules
var index_es = __webpack_require__(6828);
// EXTERNAL MODULE: ./src/metrics/re2.ts
var re2 = __webpack_require__(3368);
// EXTERNAL MODULE: ./src/metrics/selectors.ts
var selectors = __webpack_require__(5147);
;// CONCATENATED MODULE: ./src/metrics/promql-syntax.ts
/**
 * What is wrong with a PromQL query as text, found offline with the Prometheus project's own
 * grammar (@prometheus-io/lezer-promql): a syntax error and where, a template placeholder
 * another tool was meant to fill, or a result a trigger cannot judge (a range vector, a
 * string). `validate` and policy loading use it, so a query Prometheus would reject never
 * reaches a watch.
 */




/** Placeholders of Argo Rollouts and Flagger ({{ }}), Grafana ($__rate_interval, $var, ${var}). */
const PLACEHOLDER = /\{\{[^{}]*\}\}|\$\{[^{}]*\}|\$__[A-Za-z_]\w*|\$[A-Za-z_]\w*/;
function promqlProblem(query) {
    const placeholder = PLACEHOLDER.exec(query);
    if (placeholder)
        return {
            column: placeholder.index + 1,
            message: `${placeholder[0]} is a template placeholder, not PromQL: write the value it stands for`,
        };
    const tree = index_es/* parser */.K3D.parse(query);
    let at;
    tree.iterate({
        enter(node) {
            if (at === undefined && node.type.isError)
                at = node.from;
            return at === undefined;
        },
    });
    if (at !== undefined) {
        const near = query.slice(at, at + 20);
        const hint = query[at] === '~' && query[at - 1] !== '=' && query[at - 1] !== '!'
            ? '; a regular-expression match is written =~'
            : '';
        return {
            column: at + 1,
            message: near
                ? `not valid PromQL at column ${at + 1}, near ${(0,src_errors/* quote */.hD)(near)}${hint}`
                : `not valid PromQL: the query ends at column ${at + 1} before it is complete`,
        };
    }
    let top = tree.topNode.firstChild;
    while (top?.name === 'ParenExpr')
        top = top.firstChild;
    if (top?.name === 'MatrixSelector' || top?.name === 'SubqueryExpr')
        return {
            column: 1,
            message: 'returns a range vector (several samples per series); a trigger judges one number: wrap it, e.g. rate(...) or max_over_time(...)',
        };
    if (top?.name === 'StringLiteral')
        return { column: 1, message: 'returns a string; a trigger judges a number' };
    return regexProblem(query);
}
/** A regular-expression label matcher Prometheus (RE2) would refuse, and where. */
function regexProblem(query) {
    for (const selector of (0,selectors/* selectorsOf */.Yv)(query))
        for (const m of selector.matchers) {
            if (m.op !== '=~' && m.op !== '!~')
                continue;
            const pattern = stringValue(m.value);
            const problem = pattern === undefined ? undefined : (0,re2/* re2Problem */.n)(pattern);
            if (problem)
                return {
                    column: query.indexOf(m.value, query.indexOf(selector.text)) + 1,
                    message: `label matcher ${m.label}${m.op}${m.value}: ${problem}`,
                };
        }
    return undefined;
}
/** A PromQL string literal's value: "…" and '…' with Go escapes, `…` raw. */
function stringValue(literal) {
    const quote = literal[0];
    const body = literal.slice(1, -1);
    if (quote === '`')
        return body;
    const text = quote === "'" ? `"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : literal;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
const COMPARISONS = new Set(['Eql', 'Neq', 'Gtr', 'Lss', 'Gte', 'Lte']);
/**
 * True for an alert-style expression: a comparison that filters (no `bool`), or `and` /
 * `unless` of one, or `or` of two. It returns nothing while all is well and series when not,
 * so it is judged by whether it returns anything (`kind: alert`), not by a threshold.
 */
function isAlertExpression(query) {
    const alerting = (node) => {
        while (node?.name === 'ParenExpr')
            node = node.firstChild;
        if (node?.name !== 'BinaryExpr')
            return false;
        const operands = [];
        let operator = '';
        let bool = false;
        for (let child = node.firstChild; child; child = child.nextSibling) {
            if (COMPARISONS.has(child.name) || ['And', 'Or', 'Unless'].includes(child.name))
                operator = child.name;
            else if (child.name === 'BoolModifier')
                bool = true;
            else if (!/Clause$|Modifier$/.test(child.name))
                operands.push(child);
        }
        if (COMPARISONS.has(operator))
            return !bool;
        if (operator === 'And' || operator === 'Unless')
            return alerting(operands[0] ?? null);
        if (operator === 'Or')
            return alerting(operands[0] ?? null) && alerting(operands[1] ?? null);
        return false;
    };
    return alerting(index_es/* parser */.K3D.parse(query).topNode.firstChild);
}
/**
 * True when the query reads Prometheus' ALERTS series through an aggregation that drops the
 * alertname (`count(ALERTS{…})`, `sum without (alertname) …`): its result cannot be matched
 * with ALERTS_FOR_STATE, so alerts that fired before the deploy cannot be told from new ones.
 */
function aggregatesAlerts(query) {
    let found = false;
    const cursor = index_es/* parser */.K3D.parse(query).cursor();
    do {
        if (cursor.name !== 'VectorSelector')
            continue;
        const identifier = cursor.node.getChild('Identifier');
        if (!identifier || query.slice(identifier.from, identifier.to) !== 'ALERTS')
            continue;
        for (let up = cursor.node.parent; up; up = up.parent) {
            if (up.name !== 'AggregateExpr')
                continue;
            const modifier = up.getChild('AggregateModifier');
            const labels = (modifier?.getChild('GroupingLabels')?.getChildren('LabelName') ?? []).map((l) => query.slice(l.from, l.to));
            const keeps = modifier?.getChild('By')
                ? labels.includes('alertname')
                : modifier?.getChild('Without')
                    ? !labels.includes('alertname')
                    : false;
            if (!keeps)
                found = true;
        }
    } while (!found && cursor.next());
    return found;
}

// EXTERNAL MODULE: ./src/metrics/scrape.ts
var scrape = __webpack_require__(9529);
// EXTERNAL MODULE: ./src/metrics/http-json.ts
var http_json = __webpack_require__(4316);
// EXTERNAL MODULE: ./src/metrics/promql.ts
var promql = __webpack_require__(7654);
// EXTERNAL MODULE: ./src/decide/migrations.ts
var migrations = __webpack_require__(7995);
// EXTERNAL MODULE: ./src/rollback/command.ts
var command = __webpack_require__(1245);
// EXTERNAL MODULE: ./src/verify/sla.ts
var sla = __webpack_require__(8191);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/policy/validate.ts






















/** Top-level keys of the design that later releases bring, and what they are for. */
const PLANNED_KEYS = {
    gitops: 'git revert for GitOps-managed workloads',
};
/**
 * Keys that would hold a secret in the committed file, by the mapping they appear in: the
 * policy names the environment variable instead. The value is never repeated in the error.
 */
const SECRET_KEYS = {
    '/notify/slack': { 'webhook-url': 'webhook-url-env', url: 'webhook-url-env' },
    '/notify/pagerduty': {
        'routing-key': 'routing-key-env',
        'integration-key': 'routing-key-env',
        'service-key': 'routing-key-env',
    },
};
/** Top-level keys people reach for that the policy spells another way. */
const RENAMED_KEYS = { verification: 'verify' };
/**
 * Parses and validates a policy file's text. Throws UserErrors with one line per problem,
 * each `file:line:column: where: what`, so a person (or an editor) goes straight to it.
 */
function parsePolicy(text, file) {
    let documents;
    try {
        documents = (0,js_yaml/* loadAll */.gh)(text, { filename: file, maxAliases: 100 });
    }
    catch (error) {
        if (error instanceof js_yaml/* YAMLException */.tB) {
            const mark = error.mark;
            const location = mark ? { file, line: mark.line + 1, column: mark.column + 1 } : undefined;
            throw new src_errors/* UserErrors */.tQ([lineError(location, file, `invalid YAML: ${error.reason}`)]);
        }
        throw error;
    }
    const positions = locateNodes(text);
    const at = (pointer, preferKey = false) => {
        const position = positions.get(pointer) ?? { line: 1, column: 1 };
        const line = preferKey ? (position.keyLine ?? position.line) : position.line;
        const column = preferKey ? (position.keyColumn ?? position.column) : position.column;
        return { file, line, column };
    };
    if (documents.length > 1) {
        throw new src_errors/* UserErrors */.tQ([
            lineError(undefined, file, 'the policy must be a single YAML document, found several'),
        ]);
    }
    const document = documents[0];
    // An empty file, or one holding only comments, is an empty policy.
    if (document === undefined || document === null)
        return { policy: {}, warnings: [] };
    if (typeof document !== 'object' || Array.isArray(document)) {
        throw new src_errors/* UserErrors */.tQ([
            lineError(at(''), file, 'the policy must be a mapping of keys to values'),
        ]);
    }
    // Aliases make a document a graph: one that contains itself, or expands to millions of
    // values from a few lines, is refused before anything walks it.
    const shape = aliasProblem(document);
    if (shape)
        throw new src_errors/* UserErrors */.tQ([lineError(undefined, file, shape)]);
    // Ajv's code for the schema, generated at build time (scripts/policy-validator.ts).
    if (!schema_validator(document)) {
        const errors = dedupe(withinLimits(schema_validator.errors ?? [])).map((e) => schemaError(e, at, file));
        throw new src_errors/* UserErrors */.tQ(inSourceOrder(errors));
    }
    const policy = document;
    const found = checkMeaning(policy);
    const semantic = found
        .filter((p) => p.level !== 'warning')
        .map(({ pointer, message }) => lineError(at(pointer), file, `${describePointer(pointer)}: ${message}`));
    if (semantic.length > 0)
        throw new src_errors/* UserErrors */.tQ(inSourceOrder(semantic));
    const warnings = found
        .filter((p) => p.level === 'warning')
        .map(({ pointer, message }) => lineError(at(pointer), file, `${describePointer(pointer)}: ${message}`));
    return { policy, warnings: inSourceOrder(warnings) };
}
/** Values a policy may expand to: a real one has a few hundred. */
const MAX_VALUES = 100_000;
/** Why a loaded document cannot be a policy (or `what`) because of its aliases, if it cannot. */
function aliasProblem(document, what = 'the policy') {
    let values = 0;
    const inside = new Set();
    const walk = (node) => {
        if (++values > MAX_VALUES)
            return `${what} expands to more than ${MAX_VALUES.toLocaleString('en')} values (YAML aliases repeating each other?); write it out`;
        if (typeof node !== 'object' || node === null)
            return undefined;
        if (inside.has(node))
            return 'a YAML alias refers to a node that contains it (a loop)';
        inside.add(node);
        for (const child of Object.values(node)) {
            const problem = walk(child);
            if (problem)
                return problem;
        }
        inside.delete(node);
        return undefined;
    };
    return walk(document);
}
/**
 * A list over its size limit is one problem, not one per item: 100,000 triggers are reported
 * as too many, not as 100,000 triggers without a condition.
 */
function withinLimits(errors) {
    const tooLong = errors.filter((e) => e.keyword === 'maxItems').map((e) => `${e.instancePath}/`);
    if (tooLong.length === 0)
        return errors;
    return errors.filter((e) => e.keyword === 'maxItems' || !tooLong.some((prefix) => e.instancePath.startsWith(prefix)));
}
function inSourceOrder(errors) {
    const key = (e) => (e.location?.line ?? 0) * 100_000 + (e.location?.column ?? 0);
    return [...errors].sort((a, b) => key(a) - key(b));
}
function lineError(location, file, message) {
    const where = location ? `${file}:${location.line}:${location.column}` : file;
    return new src_errors/* UserError */.yo(`${where}: ${message}`, location ?? { file, line: 1, column: 1 });
}
/**
 * One error per place: anyOf reports every branch that failed, and a bad value under a
 * union is clearer as one sentence than as three.
 */
function dedupe(errors) {
    const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
    const seen = new Set();
    return errors.filter((e) => {
        if (anyOfPaths.has(e.instancePath) && e.keyword !== 'anyOf')
            return false;
        const key = e.keyword === 'additionalProperties' || e.keyword === 'required'
            ? `${e.instancePath}|${JSON.stringify(e.params)}`
            : e.instancePath;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function schemaError(error, at, file) {
    const path = error.instancePath;
    const where = describePointer(path);
    const params = error.params;
    const value = (0,src_errors/* quote */.hD)(typeof error.data === 'string' ? (0,src_url/* redactUrl */.BO)(error.data) : error.data);
    const here = (message) => lineError(at(path), file, `${where}: ${message}`);
    // Any failure under the duration definition (wrong type or pattern) has one cure.
    if (error.schemaPath.includes('/duration/'))
        return here(`${value} is not a duration (${src_duration/* DURATION_HINT */.Fp})`);
    if (error.schemaPath.includes('/envName/'))
        return here(looksLikeSecret(error.data)
            ? 'holds what looks like the secret itself (a URL or a credential), not the name of an environment variable: put the value in a secret, set it under env: from the secret, and name the variable here'
            : `${value} is not an environment variable name (letters, digits and _)`);
    if (error.schemaPath.includes('/url/'))
        return here(`${(0,src_errors/* quote */.hD)((0,src_url/* redactUrl */.BO)(String(error.data)))} is not an http:// or https:// URL`);
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(params.additionalProperty);
            const planned = path === '' ? PLANNED_KEYS[key] : undefined;
            const secretKey = SECRET_KEYS[path]?.[key];
            if (secretKey)
                return lineError(at(`${path}/${validate_escape(key)}`, true), file, `${where}: ${(0,src_errors/* quote */.hD)(key)} would put a secret in the policy file, which is committed with the repository; keep it in a secret, set it under the step's env:, and name the variable in ${(0,src_errors/* quote */.hD)(secretKey)}`);
            if (planned)
                return lineError(at(`${path}/${validate_escape(key)}`, true), file, `${(0,src_errors/* quote */.hD)(key)} is not available in this release (${planned}); remove it until then`);
            const parent = error.parentSchema;
            const known = Object.keys(parent?.properties ?? {});
            const inside = path === '' ? 'at the top level' : `in ${where}`;
            const renamed = path === '' ? RENAMED_KEYS[key] : undefined;
            const hint = renamed
                ? ` (did you mean '${renamed}'?)`
                : (0,suggest/* didYouMean */.a)(key, known) || (known.length ? `; known keys: ${known.join(', ')}` : '');
            return lineError(at(`${path}/${validate_escape(key)}`, true), file, `unknown key ${(0,src_errors/* quote */.hD)(key)} ${inside}${hint}`);
        }
        case 'required':
            return lineError(at(path), file, `${where || 'the policy'}: missing required key ${(0,src_errors/* quote */.hD)(String(params.missingProperty))}`);
        case 'enum': {
            const allowed = params.allowedValues.map(String);
            return here(`${value} is not one of ${allowed.join(', ')}${(0,suggest/* didYouMean */.a)(String(error.data), allowed)}`);
        }
        case 'const':
            return here(`must be ${JSON.stringify(params.allowedValue)}, got ${value}`);
        case 'type':
            if (typeof error.data === 'number' && !Number.isFinite(error.data))
                return here(`expected ${String(params.type)}, got ${yamlNumber(error.data)}, which is not a finite number`);
            if (error.data === null)
                return here(`expected ${String(params.type)}, got nothing (the key has no value)`);
            return here(`expected ${String(params.type)}, got ${typeName(error.data)} ${value}`);
        case 'minLength':
            if (params.limit === 1)
                return here('is empty');
            return here(`${value} is shorter than ${String(params.limit)} characters`);
        case 'maxItems':
            return here(`${String(error.data.length)} items; at most ${String(params.limit)} are allowed`);
        case 'anyOf': {
            const description = error.parentSchema?.description;
            return here(`${value} is not valid${description ? ` (expected ${description.replace(/\.$/, '')})` : ''}`);
        }
        default:
            return here(`${value} ${error.message ?? 'is not valid'}`);
    }
}
/** Where each duration of the policy sits, and the rule it follows (see DURATION_LIMITS). */
const DURATION_KEYS = [
    ['/watch/window', 'window'],
    ['/watch/interval', 'interval'],
    ['/watch/baseline-window', 'baseline-window'],
    ['/watch/settle', 'settle'],
    ['/watch/rollout-timeout', 'rollout-timeout'],
    ['/metrics/prometheus/timeout', 'request-timeout'],
    ['/metrics/prometheus/scrape-interval', 'interval'],
    ['/metrics/alertmanager/timeout', 'request-timeout'],
    ['/metrics/scrape/timeout', 'request-timeout'],
    ['/rollback/timeout', 'rollback-timeout'],
    ['/backtest/lookback', 'lookback'],
];
function valueAt(policy, pointer) {
    return pointer
        .split('/')
        .slice(1)
        .reduce((node, key) => node?.[key], policy);
}
/**
 * Checks a schema cannot express: targets that parse, unique
 * trigger names, conditions that make sense, valid regexes, durations within their limits,
 * and URLs without credentials (the policy is committed with the repository).
 */
function checkMeaning(policy) {
    const problems = [];
    policy.targets?.forEach((text, i) => {
        const parsed = (0,src_targets/* parseTarget */.hu)(text);
        if ('error' in parsed)
            problems.push({ pointer: `/targets/${i}`, message: parsed.error });
    });
    for (const [pointer, kind] of DURATION_KEYS) {
        const text = valueAt(policy, pointer);
        if (typeof text === 'string')
            checkDurationAt(text, kind, pointer, problems);
    }
    const names = new Set();
    policy.triggers?.forEach((trigger, i) => {
        if (names.has(trigger.name)) {
            problems.push({
                pointer: `/triggers/${i}/name`,
                message: `duplicate trigger name ${(0,src_errors/* quote */.hD)(trigger.name)}`,
            });
        }
        names.add(trigger.name);
        const provider = trigger.provider ?? policy.metrics?.provider ?? 'prometheus';
        const condition = trigger.kind === 'alert' && provider !== 'prometheus'
            ? `trigger ${(0,src_errors/* quote */.hD)(trigger.name)} is kind: alert, which reads Prometheus; its provider is ${provider}`
            : provider === 'alertmanager'
                ? alertmanagerProblem(trigger)
                : conditionProblem(trigger);
        if (condition)
            problems.push({ pointer: `/triggers/${i}`, message: condition });
        if (trigger.for !== undefined)
            checkDurationAt(trigger.for, 'for', `/triggers/${i}/for`, problems);
        if (trigger['body-match'] !== undefined)
            checkRegex(trigger['body-match'], `/triggers/${i}/body-match`, problems);
        if (trigger.url !== undefined && (0,src_url/* hasCredentials */.Lk)(trigger.url))
            problems.push({ pointer: `/triggers/${i}/url`, message: credentialsProblem(trigger.url) });
        const source = sourceProblem(trigger, policy.metrics?.provider ?? 'prometheus');
        if (source)
            problems.push({ pointer: `/triggers/${i}`, message: source });
        else if (provider === 'alertmanager')
            problems.push(...matcherProblems(trigger, i));
        else if ((trigger.provider ?? policy.metrics?.provider ?? 'prometheus') === 'prometheus')
            problems.push(...promqlProblems(trigger, i));
    });
    const selector = policy.metrics?.selector;
    const selectorProblem = selector === undefined ? undefined : promqlProblem((0,presets/* withLabels */.I)('up', selector));
    if (selectorProblem)
        problems.push({
            pointer: '/metrics/selector',
            message: `${(0,src_errors/* quote */.hD)(selector)} is not a list of label matchers like job="api": ${selectorProblem.message.replace(/ at column \d+/, '')}`,
        });
    const headerMaps = [
        ['/metrics/prometheus/headers', policy.metrics?.prometheus?.headers],
        ['/metrics/alertmanager/headers', policy.metrics?.alertmanager?.headers],
        ...(policy.triggers ?? []).map((t, i) => [
            `/triggers/${i}/headers`,
            t.headers,
        ]),
        ...(policy.flags ?? []).map((f, i) => [
            `/flags/${i}/request/headers`,
            f.request?.headers,
        ]),
        ...(policy.verify?.checks ?? []).map((c, i) => [
            `/verify/checks/${i}/http/headers`,
            c.http?.headers,
        ]),
        ...(policy.notify?.webhooks ?? []).map((w, i) => [
            `/notify/webhooks/${i}/headers`,
            w.headers,
        ]),
    ];
    for (const [pointer, headers] of headerMaps)
        for (const name of Object.keys(headers ?? {}).filter((h) => CREDENTIAL_HEADER.test(h)))
            problems.push({
                pointer: `${pointer}/${validate_escape(name)}`,
                message: `the ${name} header holds a credential, and the policy file is committed with the repository; give it through headers-env (${name}: SOME_SECRET, set from the step's secrets)`,
            });
    for (const server of ['prometheus', 'alertmanager']) {
        const url = policy.metrics?.[server]?.url;
        if (url !== undefined && (0,src_url/* hasCredentials */.Lk)(url))
            problems.push({
                pointer: `/metrics/${server}/url`,
                message: credentialsProblem(url, `metrics.${server}.basic-auth`),
            });
    }
    policy.metrics?.scrape?.urls?.forEach((url, i) => {
        if ((0,src_url/* hasCredentials */.Lk)(url))
            problems.push({ pointer: `/metrics/scrape/urls/${i}`, message: credentialsProblem(url) });
    });
    policy.backtest?.['deploy-times']?.forEach((text, i) => {
        if ((0,time/* parseTimestamp */.EH)(text) === undefined)
            problems.push({
                pointer: `/backtest/deploy-times/${i}`,
                message: `${(0,src_errors/* quote */.hD)(text)} is not a time (${time/* TIMESTAMP_HINT */.z1})`,
            });
    });
    problems.push(...scopeProblems(policy), ...actionProblems(policy), ...verifyProblems(policy), ...notifyProblems(policy));
    return problems;
}
/** Hosts whose webhook URLs carry their credential in the path. */
const SECRET_URL_HOSTS = /^(?:hooks\.slack\.com|(?:[a-z0-9-]+\.)?webhook\.office\.com)$/i;
/**
 * Notifications: one URL per webhook, unique names, and no secret in the committed file (URL
 * credentials, a URL that is itself the credential, a key pasted where its variable's name goes).
 */
function notifyProblems(policy) {
    const notify = policy.notify;
    if (!notify)
        return [];
    const problems = [];
    const literalUrl = (url, pointer, instead) => {
        if ((0,src_url/* urlSecrets */.Fn)(url).length || (0,src_url/* hasCredentials */.Lk)(url))
            problems.push({ pointer, message: credentialsProblem(url, instead) });
        else if (URL.canParse(url) && SECRET_URL_HOSTS.test(new URL(url).hostname))
            problems.push({
                pointer,
                message: `a ${new URL(url).hostname} webhook URL is itself the credential, and the policy file is committed with the repository: keep it in a secret and name its variable in ${instead}`,
            });
    };
    const key = notify.pagerduty?.['routing-key-env'];
    if (key !== undefined && /\d/.test(key) && /[a-z]/.test(key) && /^[a-z0-9]{20,}$/i.test(key))
        problems.push({
            pointer: '/notify/pagerduty/routing-key-env',
            message: 'looks like the routing key itself, not the name of an environment variable: the key is now in the repository, so rotate it, keep the new one in a secret and name its variable here (like PD_ROUTING_KEY)',
        });
    const url = notify.pagerduty?.url;
    if (url !== undefined)
        literalUrl(url, '/notify/pagerduty/url', 'routing-key-env');
    const names = new Set();
    notify.webhooks?.forEach((hook, i) => {
        const at = `/notify/webhooks/${i}`;
        if (names.has(hook.name))
            problems.push({
                pointer: `${at}/name`,
                message: `duplicate webhook name ${(0,src_errors/* quote */.hD)(hook.name)}`,
            });
        names.add(hook.name);
        if (hook.url !== undefined && hook['url-env'] !== undefined)
            problems.push({
                pointer: at,
                message: `webhook ${(0,src_errors/* quote */.hD)(hook.name)} has both 'url' and 'url-env'; keep one`,
            });
        else if (hook.url === undefined && hook['url-env'] === undefined)
            problems.push({
                pointer: at,
                message: `webhook ${(0,src_errors/* quote */.hD)(hook.name)} has neither 'url' nor 'url-env': give the URL, or the environment variable that holds it when it is a secret`,
            });
        if (hook.url !== undefined)
            literalUrl(hook.url, `${at}/url`, 'url-env or headers-env');
    });
    return problems;
}
/** A value given where an environment variable's name goes that is more likely the secret. */
function looksLikeSecret(value) {
    return (typeof value === 'string' &&
        (/:\/\//.test(value) || /^(?:bearer|basic|token)\s/i.test(value) || value.length > 64));
}
/** Smoke checks: one kind each, unique names, no committed credentials, comparisons that can be made. */
function verifyProblems(policy) {
    const verify = policy.verify;
    if (!verify)
        return [];
    const problems = [];
    if (verify.window !== undefined)
        checkDurationAt(verify.window, 'verify-window', '/verify/window', problems);
    if (verify.sla !== undefined && !(0,sla/* isSlaLevel */.DD)(verify.sla))
        checkDurationAt(verify.sla, 'sla', '/verify/sla', problems);
    const names = new Set();
    verify.checks?.forEach((check, i) => {
        const at = `/verify/checks/${i}`;
        const name = (0,src_errors/* quote */.hD)(check.name);
        if (names.has(check.name))
            problems.push({ pointer: `${at}/name`, message: `duplicate check name ${name}` });
        names.add(check.name);
        if (check.http && check.command)
            problems.push({
                pointer: at,
                message: `check ${name} has both 'http' and 'command'; keep one`,
            });
        else if (!check.http && !check.command)
            problems.push({
                pointer: at,
                message: `check ${name} has neither 'http' nor 'command': give the request or the command that passes when the service works`,
            });
        if (check.command) {
            problems.push(...argvProblems(check.command, `${at}/command`));
            if (check.timeout !== undefined)
                checkDurationAt(check.timeout, 'step-timeout', `${at}/timeout`, problems);
        }
        else if (check.http && check.timeout !== undefined)
            problems.push({
                pointer: `${at}/timeout`,
                message: `an HTTP check's timeout goes under http (http.timeout), per attempt`,
            });
        if (check.http)
            problems.push(...smokeHttpProblems(check.http, `${at}/http`));
    });
    return problems;
}
function smokeHttpProblems(http, at) {
    const problems = [];
    if ((0,src_url/* hasCredentials */.Lk)(http.url))
        problems.push({ pointer: `${at}/url`, message: credentialsProblem(http.url) });
    const path = http['json-path'];
    const compared = ['equals', 'at-least', 'at-most'].filter((k) => http[k] !== undefined);
    if (path === undefined && compared.length)
        problems.push({
            pointer: `${at}/${compared[0]}`,
            message: `'${compared[0]}' compares the value json-path finds, and there is no json-path`,
        });
    if (path !== undefined) {
        const problem = (0,http_json/* jsonPathProblem */.tX)(path);
        if (problem)
            problems.push({
                pointer: `${at}/json-path`,
                message: `${(0,src_errors/* quote */.hD)(path)} is not a JSONPath this action can evaluate: ${problem}`,
            });
        if (compared.length === 0)
            problems.push({
                pointer: `${at}/json-path`,
                message: "needs 'equals', 'at-least' or 'at-most': what the value it finds must be",
            });
    }
    if (http.equals !== undefined && compared.length > 1)
        problems.push({
            pointer: `${at}/equals`,
            message: "'equals' goes alone; 'at-least' and 'at-most' bound a number",
        });
    const low = http['at-least'];
    const high = http['at-most'];
    if (low !== undefined && high !== undefined && low > high)
        problems.push({
            pointer: `${at}/at-least`,
            message: `${String(low)} is above at-most ${String(high)}: no value could pass`,
        });
    if (http.method === 'HEAD' && (http['body-contains'] !== undefined || path !== undefined))
        problems.push({
            pointer: `${at}/method`,
            message: 'a HEAD request gets no body, so body-contains and json-path could never pass; use GET',
        });
    if (http.timeout !== undefined)
        checkDurationAt(http.timeout, 'request-timeout', `${at}/timeout`, problems);
    if (http.backoff !== undefined)
        checkDurationAt(http.backoff, 'smoke-backoff', `${at}/backoff`, problems);
    return problems;
}
/**
 * A trigger's scope names what the policy guards: a context or target it does not list would
 * make a failing trigger roll back nothing. Checked only against the policy's own lists, since
 * the inputs may give them at run time.
 */
function scopeProblems(policy) {
    const problems = [];
    const contexts = policy.contexts ?? [];
    const targets = policy.targets ?? [];
    const known = targets.map(src_targets/* parseTarget */.hu).filter((t) => !('error' in t));
    policy.triggers?.forEach((trigger, i) => {
        const { context } = trigger;
        if (context !== undefined && contexts.length && !contexts.includes(context))
            problems.push({
                pointer: `/triggers/${i}/context`,
                message: `${(0,src_errors/* quote */.hD)(context)} is not one of the policy's contexts (${contexts.join(', ')})${(0,suggest/* didYouMean */.a)(context, contexts)}`,
            });
        trigger.targets?.forEach((text, j) => {
            const pointer = `/triggers/${i}/targets/${j}`;
            const parsed = (0,src_targets/* parseTarget */.hu)(text);
            if ('error' in parsed)
                problems.push({ pointer, message: parsed.error });
            else if (targets.length && !known.some((k) => sameWorkload(parsed, k, policy.namespace)))
                problems.push({
                    pointer,
                    message: `${(0,src_errors/* quote */.hD)(text)} is not one of the policy's targets (${targets.join(', ')})${(0,suggest/* didYouMean */.a)(text, targets)}`,
                });
        });
    });
    return problems;
}
/** `deploy/api` is `deployment/api`; a namespace left out (or unknown) matches any. */
function sameWorkload(a, b, namespace) {
    const nsA = a.namespace ?? namespace;
    const nsB = b.namespace ?? namespace;
    return a.kind === b.kind && a.name === b.name && (!nsA || !nsB || nsA === nsB);
}
/** What the rollback runs: flags, command steps, the revert branch, migration globs. */
function actionProblems(policy) {
    const problems = [];
    const duplicate = (seen, name, pointer, what) => {
        if (seen.has(name))
            problems.push({ pointer, message: `duplicate ${what} name ${(0,src_errors/* quote */.hD)(name)}` });
        seen.add(name);
    };
    const flagNames = new Set();
    policy.flags?.forEach((flag, i) => {
        const at = `/flags/${i}`;
        duplicate(flagNames, flag.name, `${at}/name`, 'flag');
        if (flag.request && flag.command)
            problems.push({
                pointer: at,
                message: `flag ${(0,src_errors/* quote */.hD)(flag.name)} has both 'request' and 'command'; keep one`,
            });
        else if (!flag.request && !flag.command)
            problems.push({
                pointer: at,
                message: `flag ${(0,src_errors/* quote */.hD)(flag.name)} has neither 'request' nor 'command': give the HTTP request or the command that turns it off`,
            });
        const url = flag.request?.url;
        if (url !== undefined && (0,src_url/* hasCredentials */.Lk)(url))
            problems.push({ pointer: `${at}/request/url`, message: credentialsProblem(url) });
        if (flag.request?.method === 'GET' && flag.request.body !== undefined)
            problems.push({
                pointer: `${at}/request/body`,
                message: 'a GET request cannot carry a body (fetch refuses it); use POST, PUT or PATCH',
            });
        if (flag.command)
            problems.push(...argvProblems(flag.command, `${at}/command`));
        if (flag.timeout !== undefined)
            checkDurationAt(flag.timeout, 'flag-timeout', `${at}/timeout`, problems);
        if (flag['verify-window'] !== undefined)
            checkDurationAt(flag['verify-window'], 'verify-window', `${at}/verify-window`, problems);
    });
    const stepNames = new Set();
    policy.steps?.forEach((step, i) => {
        const at = `/steps/${i}`;
        duplicate(stepNames, step.name, `${at}/name`, 'step');
        problems.push(...argvProblems(step.run, `${at}/run`));
        if (step.check)
            problems.push(...argvProblems(step.check.run, `${at}/check/run`));
        if (step.timeout !== undefined)
            checkDurationAt(step.timeout, 'step-timeout', `${at}/timeout`, problems);
        if (step.check?.timeout !== undefined)
            checkDurationAt(step.check.timeout, 'step-timeout', `${at}/check/timeout`, problems);
        for (const name of Object.keys(step.env ?? {}).filter(command/* isFactName */.Ah))
            problems.push({
                pointer: `${at}/env/${validate_escape(name)}`,
                message: `${name} is set by the action from what it found, and overrides this value; remove it`,
            });
    });
    const down = policy.migrations?.['down-command'];
    if (down)
        problems.push(...argvProblems(down, '/migrations/down-command'));
    const branch = policy.git?.branch;
    const branchProblem = branch === undefined ? undefined : branchNameProblem(branch);
    if (branch !== undefined && branchProblem)
        problems.push({
            pointer: '/git/branch',
            message: `${(0,src_errors/* quote */.hD)(branch)} is not a branch name git accepts: ${branchProblem}`,
        });
    const paths = policy.migrations?.paths ?? [];
    paths.forEach((glob, i) => {
        const problem = globProblem(glob);
        if (problem)
            problems.push({ pointer: `/migrations/paths/${i}`, message: problem });
    });
    if (policy.migrations?.['replace-defaults'] === true && paths.length === 0)
        problems.push({
            pointer: '/migrations/replace-defaults',
            message: "true without 'paths' leaves no migration globs, so no migration would ever be seen; list them under paths, or remove replace-defaults",
        });
    if (policy.strategy === 'feature-flag' && !policy.flags?.length)
        problems.push({
            pointer: '/strategy',
            message: "'feature-flag' needs 'flags': the flags to turn off",
        });
    if (policy.strategy === 'command' && !policy.steps?.length)
        problems.push({
            pointer: '/strategy',
            message: "'command' needs 'steps': the commands to run",
        });
    return problems;
}
/**
 * A command written as one shell string (`["helm rollback shop"]`) would look for a program
 * named "helm rollback shop". `sh -c` is allowed without a warning: its script is written in
 * the committed policy, like a workflow's own `run:`, and the facts reach it only as
 * environment variables, which a shell expands as data.
 */
function argvProblems(argv, pointer) {
    const [only] = argv;
    if (argv.length !== 1 || only === undefined || !/\s/.test(only.trim()))
        return [];
    const words = only.trim().split(/\s+/);
    const shellOnly = /[|&;<>()$`*?'"\\]/.test(only);
    const instead = shellOnly
        ? `["sh", "-c", ${JSON.stringify(only)}]`
        : `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
    return [
        {
            pointer: `${pointer}/0`,
            message: `${(0,src_errors/* quote */.hD)(only)} looks like a shell command line, but commands run without a shell: write ${shellOnly ? 'it as a script for sh' : 'its words as a list'}, ${instead}`,
        },
    ];
}
/** Why git would refuse `name` as a branch (the rules of git check-ref-format), if it would. */
function branchNameProblem(name) {
    // git refuses ASCII controls, space, DEL and these; other Unicode is allowed.
    const bad = Array.from(name).find((c) => c <= ' ' || c === '\u007f' || '~^:?*[\\'.includes(c));
    if (bad !== undefined)
        return `it contains ${bad === ' ' ? 'a space' : bad < ' ' || bad === '\u007f' ? 'a control character' : (0,src_errors/* quote */.hD)(bad)}`;
    if (name.startsWith('-'))
        return "it starts with '-'";
    if (name.startsWith('/') || name.endsWith('/'))
        return "it starts or ends with '/'";
    if (name.includes('//'))
        return "it has an empty part ('//')";
    if (name.includes('..'))
        return "it contains '..'";
    if (name.includes('@{'))
        return "it contains '@{'";
    if (name === '@')
        return "'@' alone is not a name";
    if (name.endsWith('.'))
        return "it ends with '.'";
    for (const part of name.split('/')) {
        if (part.startsWith('.'))
            return `its part ${(0,src_errors/* quote */.hD)(part)} starts with '.'`;
        if (part.endsWith('.lock'))
            return `its part ${(0,src_errors/* quote */.hD)(part)} ends with '.lock'`;
    }
    return undefined;
}
/** Migration globs match paths relative to the repository root (`!` excludes). */
function globProblem(text) {
    const glob = text.startsWith('!') ? text.slice(1) : text;
    if (/^(?:\/|\\|[A-Za-z]:[\\/])/.test(glob))
        return `${(0,src_errors/* quote */.hD)(text)} is absolute; migration paths are matched relative to the repository root, like 'db/migrate/*.rb'`;
    try {
        (0,migrations/* globToRegExp */.tL)(glob);
    }
    catch (error) {
        return `${(0,src_errors/* quote */.hD)(text)} is not a glob this action can read (${error.message}); use ** * ? [abc] {a,b}`;
    }
    return undefined;
}
/**
 * The checks a policy's own trigger gets (conditions, durations, PromQL parsed offline,
 * placeholders refused), for triggers made elsewhere: imported ones. Each problem names the
 * trigger by its index and the key under it (`/query`, `/for`, or '' for the trigger).
 */
function triggerProblems(triggers) {
    return checkMeaning({ triggers }).flatMap(({ pointer, message, level }) => {
        const match = /^\/triggers\/(\d+)(.*)$/.exec(pointer);
        if (!match)
            return [];
        return [{ index: Number(match[1]), key: match[2] ?? '', message, ...(level ? { level } : {}) }];
    });
}
function checkDurationAt(text, kind, pointer, problems) {
    const ms = (0,src_duration/* parseDuration */.E9)(text);
    const found = ms === undefined ? undefined : (0,src_duration/* checkDuration */.fU)(kind, ms);
    if (!found)
        return;
    if ('error' in found)
        problems.push({ pointer, message: `${(0,src_errors/* quote */.hD)(text)} ${found.error}` });
    else
        problems.push({ pointer, level: 'warning', message: `${(0,src_errors/* quote */.hD)(text)} ${found.warning}` });
}
/** What is wrong with a trigger's condition, if anything. */
function conditionProblem(trigger) {
    const name = (0,src_errors/* quote */.hD)(trigger.name);
    const { relative } = trigger;
    const atLeast = trigger['at-least'];
    const atMost = trigger['at-most'];
    if (trigger.above !== undefined && atLeast !== undefined)
        return `trigger ${name} has 'above' and 'at-least'; keep one (above is >, at-least is >=)`;
    if (trigger.below !== undefined && atMost !== undefined)
        return `trigger ${name} has 'below' and 'at-most'; keep one (below is <, at-most is <=)`;
    const holds = ['for', 'consecutive', 'failure-limit'].filter((k) => trigger[k] !== undefined);
    if (holds.length > 1)
        return `trigger ${name} has ${holds.map((k) => `'${k}'`).join(' and ')}; keep one: for (held this long), consecutive (polls in a row) or failure-limit (failing polls in the window)`;
    const above = trigger.above ?? atLeast;
    const below = trigger.below ?? atMost;
    if (trigger.kind === 'alert') {
        const set = [
            'above',
            'below',
            'at-least',
            'at-most',
            'relative',
            'min-requests',
            'fast-fail',
            'relative-to-baseline',
        ].filter((k) => trigger[k] !== undefined);
        if (set.length)
            return `trigger ${name} is kind: alert, judged by whether its query returns series; ${noMeaning(set)}`;
        if (trigger.query === undefined)
            return `trigger ${name} is kind: alert and needs a 'query' (an alert expression, like a rule's expr)`;
        return undefined;
    }
    const hasCondition = above !== undefined ||
        below !== undefined ||
        relative !== undefined ||
        (trigger.provider === 'health' && trigger.url !== undefined);
    if (!hasCondition)
        return `trigger ${name} has no condition (set above, below, at-least, at-most or relative)`;
    if (relative !== undefined && (above !== undefined || below !== undefined))
        return `trigger ${name} has 'relative' with ${above !== undefined ? "'above'" : "'below'"}; use one: relative compares with the baseline, above and below with fixed numbers`;
    if (relative !== undefined && Number(relative.replace('%', '')) <= -100)
        return `trigger ${name}: relative ${relative} would need the value below zero times the baseline, so it could never fail; a drop is written like -30%`;
    if (trigger['relative-to-baseline'] !== undefined) {
        const counted = trigger.query === undefined ? undefined : (0,promql/* eventCountOf */.Hw)(trigger.query);
        if (!counted || above === undefined)
            return `trigger ${name}: relative-to-baseline judges a count against the rate before the deploy, so it needs a count query (sum(increase(selector[1m]))) and 'above'${trigger.query === undefined ? '' : `; ${(0,src_errors/* quote */.hD)(trigger.query)} is not one`}`;
    }
    if (above !== undefined && below !== undefined && !(below < above))
        return `trigger ${name}: with both, the lower edge (${String(below)}) must be less than the upper (${String(above)}): the trigger fails outside the band between them`;
    return undefined;
}
/** A matcher every alert satisfies (name!="" is not: it needs the label). */
const MATCHES_ANY = /^[^=!~]+=~"\.\*"$/;
/** Header names that carry a credential: their values never belong in a committed file. */
const CREDENTIAL_HEADER = /^(proxy-)?authorization$|^cookie$|api[-_]?key|token|secret|password|application[-_]?key/i;
function credentialsProblem(url, instead = 'headers-env') {
    return `${(0,src_errors/* quote */.hD)((0,src_url/* redactUrl */.BO)(url))} carries credentials, and the policy file is committed with the repository; remove them from the URL and give them through ${instead} (from the step's secrets)`;
}
/** A Prometheus trigger's PromQL checked offline, each problem at its key. */
function promqlProblems(trigger, i) {
    const texts = [
        [`/triggers/${i}/query`, trigger.query],
        [`/triggers/${i}/ratio/errors`, trigger.ratio?.errors],
        [`/triggers/${i}/ratio/total`, trigger.ratio?.total],
    ];
    const problems = texts.flatMap(([pointer, text]) => {
        const problem = text === undefined ? undefined : promqlProblem(text);
        return problem ? [{ pointer, message: problem.message }] : [];
    });
    if (problems.length === 0 &&
        trigger.kind === 'alert' &&
        trigger.query !== undefined &&
        aggregatesAlerts(trigger.query))
        problems.push({
            pointer: `/triggers/${i}/query`,
            level: 'warning',
            message: 'aggregates ALERTS without keeping alertname, so alerts already firing before the deploy cannot be told from new ones and count too: select ALERTS{…} itself, or aggregate by (alertname, …)',
        });
    if (problems.length === 0 &&
        trigger.kind !== 'alert' &&
        trigger.query !== undefined &&
        isAlertExpression(trigger.query))
        problems.push({
            pointer: `/triggers/${i}/query`,
            level: 'warning',
            message: 'an alert expression (a comparison that filters) returns nothing while all is well, so with a threshold it can only be inconclusive: add kind: alert, which fails while it returns series',
        });
    return problems;
}
/** `'a' has no meaning there: remove it`, or the plural. */
function noMeaning(keys) {
    const named = keys.map((k) => `'${k}'`).join(' and ');
    return keys.length === 1
        ? `${named} has no meaning there: remove it`
        : `${named} have no meaning there: remove them`;
}
/**
 * An Alertmanager trigger is judged by the alerts its matchers select: thresholds, a query or
 * a kind have no meaning there.
 */
function alertmanagerProblem(trigger) {
    const name = (0,src_errors/* quote */.hD)(trigger.name);
    const meaningless = [
        'query',
        'ratio',
        'kind',
        'above',
        'below',
        'at-least',
        'at-most',
        'relative',
        'series',
        'min-requests',
        'fast-fail',
        'relative-to-baseline',
    ].filter((k) => trigger[k] !== undefined);
    if (meaningless.length)
        return `trigger ${name} reads Alertmanager, judged by the alerts its matchers select; ${noMeaning(meaningless)}`;
    if (trigger.matchers === undefined)
        return `trigger ${name} reads Alertmanager and needs 'matchers' (like ['service="api"']), or every alert of every team would count`;
    const holds = ['for', 'consecutive', 'failure-limit'].filter((k) => trigger[k] !== undefined);
    if (holds.length > 1)
        return `trigger ${name} has ${holds.map((k) => `'${k}'`).join(' and ')}; keep one`;
    return undefined;
}
/** Each matcher as Alertmanager's parser reads it, each problem at its place. */
function matcherProblems(trigger, i) {
    const parsed = (trigger.matchers ?? []).map(alertmanager/* parseMatchers */.J$);
    const all = parsed.flatMap((p) => ('matchers' in p ? p.matchers : []));
    if (parsed.every((p) => 'matchers' in p) && all.every((m) => MATCHES_ANY.test(m)))
        return [
            {
                pointer: `/triggers/${i}/matchers`,
                level: 'warning',
                message: `${all.join(', ')} ${(0,src_text/* inflect */.m)(all.length, 'selects', 'select')} every alert, so any team's new alert would roll this deploy back: match this service's alerts (service="api")`,
            },
        ];
    return (trigger.matchers ?? []).flatMap((text, j) => {
        const parsed = (0,alertmanager/* parseMatchers */.J$)(text);
        return 'error' in parsed
            ? [
                {
                    pointer: `/triggers/${i}/matchers/${j}`,
                    message: `${(0,src_errors/* quote */.hD)(text)} is not an Alertmanager matcher: ${parsed.error}`,
                },
            ]
            : [];
    });
}
/** What a trigger lacks to be read by its provider, if anything. */
function sourceProblem(trigger, defaultProvider) {
    const provider = trigger.provider ?? defaultProvider;
    const name = (0,src_errors/* quote */.hD)(trigger.name);
    const alertKeys = ['matchers', 'severity-map', 'include-silenced'].filter((k) => trigger[k] !== undefined);
    if (provider !== 'alertmanager' && alertKeys.length)
        return `trigger ${name}: ${alertKeys.map((k) => `'${k}'`).join(' and ')} ${(0,src_text/* inflect */.m)(alertKeys.length, 'belongs', 'belong')} to provider: alertmanager; its provider is ${provider}`;
    if (provider === 'alertmanager')
        return trigger.url !== undefined ||
            trigger.headers !== undefined ||
            trigger['headers-env'] !== undefined
            ? `trigger ${name} reads Alertmanager: its URL and headers go under metrics.alertmanager (url, headers, headers-env), not on the trigger`
            : undefined;
    if (provider === 'prometheus' || provider === 'scrape') {
        if (trigger.headers !== undefined || trigger['headers-env'] !== undefined)
            return `trigger ${name} reads ${provider}: its headers go under metrics.prometheus (headers, headers-env), not on the trigger`;
        if (trigger.query === undefined && trigger.ratio === undefined)
            return `trigger ${name} reads ${provider} but has neither 'query' nor 'ratio'`;
        if (trigger.query !== undefined && trigger.ratio !== undefined)
            return `trigger ${name} has both 'query' and 'ratio'; keep one`;
        const notSelector = trigger.ratio
            ? [trigger.ratio.errors, trigger.ratio.total].find((s) => !(0,exposition/* parseSelector */.Pl)(s))
            : undefined;
        if (notSelector !== undefined)
            return `trigger ${name}: ratio ${(0,src_errors/* quote */.hD)(notSelector)} is not a counter's series selector; write it like http_requests_total{job="api",code=~"5.."} (its increase is summed for you)`;
        const scrapeQuery = provider === 'scrape' && trigger.query !== undefined ? (0,scrape/* parseQuery */.m)(trigger.query) : undefined;
        if (typeof scrapeQuery === 'string')
            return `trigger ${name}: ${scrapeQuery}`;
        return undefined;
    }
    if (trigger.url === undefined)
        return `trigger ${name} (${provider}) needs a 'url'`;
    if (provider === 'http-json' && trigger['json-path'] === undefined)
        return `trigger ${name} (http-json) needs a 'json-path' to pick its value`;
    return undefined;
}
function checkRegex(pattern, pointer, problems) {
    try {
        new RegExp(pattern);
    }
    catch (error) {
        problems.push({
            pointer,
            message: `${(0,src_errors/* quote */.hD)(pattern)} is not a regular expression (${(0,src_errors/* messageOf */.bD)(error)})`,
        });
    }
}
/** `/triggers/0/for` → `triggers[0].for`. */
function describePointer(pointer) {
    return pointer
        .split('/')
        .slice(1)
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((out, segment) => /^\d+$/.test(segment) ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment, '');
}
function validate_escape(segment) {
    return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
/** NaN and the infinities as YAML writes them (`.nan`, `.inf`, `-.inf`), since JSON has none. */
function yamlNumber(value) {
    return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
}
function typeName(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return typeof value;
}

;// CONCATENATED MODULE: ./src/policy/import/common.ts
/**
 * What the importers share: an imported file's YAML documents with the place of every node
 * (for `file:line:column` in messages), the shape of their answers, and small readers of
 * untyped YAML. Pure: text in, documents out.
 */





function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The value at a path of keys, or undefined where the path leaves the mappings. */
function dig(value, ...keys) {
    return keys.reduce((node, key) => (isMapping(node) ? node[key] : undefined), value);
}
function common_text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
/** A scalar of YAML as written (`5m`, `3`), anything else as JSON. */
function plain(value) {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
}
/** `file:line`, how a source names a place. */
function placeOf(at) {
    return `${at.file}:${at.line}`;
}
/** The documents of an imported file, or why it is not YAML (at its place). */
function readDocuments(source, file) {
    let values;
    try {
        values = (0,js_yaml/* loadAll */.gh)(source, { filename: file, maxAliases: 100 });
    }
    catch (error) {
        if (!(error instanceof js_yaml/* YAMLException */.tB))
            throw error;
        const mark = error.mark;
        return {
            at: { file, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 },
            message: `invalid YAML: ${error.reason}`,
        };
    }
    const positions = locateDocuments(source);
    const documents = [];
    for (const [index, value] of values.entries()) {
        const shape = aliasProblem(value, 'the document');
        if (shape)
            return { at: { file, line: 1, column: 1 }, message: shape };
        // `---` with nothing after it is no document, as kubectl reads it.
        if (value === null || value === undefined)
            continue;
        const map = positions[index];
        documents.push({
            file,
            index,
            value,
            at(pointer, preferKey = false) {
                // The nearest enclosing node that has a place: a default value has none of its own.
                let p = pointer;
                for (;;) {
                    const found = map?.get(p);
                    if (found) {
                        const line = preferKey ? (found.keyLine ?? found.line) : found.line;
                        const column = preferKey ? (found.keyColumn ?? found.column) : found.column;
                        return { file, line, column };
                    }
                    if (p === '')
                        return { file, line: 1, column: 1 };
                    p = p.slice(0, p.lastIndexOf('/'));
                }
            },
        });
    }
    return documents;
}
/**
 * A duration as Prometheus, Argo Rollouts and Flagger write it (Go and Prometheus forms:
 * `30s`, `1m30s`, `500ms`, `1h`, `1d`, `1w`, `1y`; `0`), in milliseconds, or undefined.
 */
function toolDuration(value) {
    if (typeof value === 'number' && value === 0)
        return 0;
    if (typeof value !== 'string')
        return undefined;
    const trimmed = value.trim();
    if (trimmed === '0')
        return 0;
    if (!/^(?:\d+(?:\.\d+)?(?:ms|us|µs|ns|s|m|h|d|w|y))+$/.test(trimmed))
        return undefined;
    const unit = {
        ns: 1e-6,
        us: 1e-3,
        µs: 1e-3,
        ms: 1,
        s: 1_000,
        m: 60_000,
        h: 3_600_000,
        d: 86_400_000,
        w: 7 * 86_400_000,
        y: 365 * 86_400_000,
    };
    let total = 0;
    for (const [, amount, u] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|s|m|h|d|w|y)/g))
        total += Number(amount) * (unit[u ?? 's'] ?? 0);
    return Math.round(total);
}
/** A warning when a tool measured at another interval than this guard polls at. */
function intervalNote(tool, intervalMs, context) {
    if (intervalMs === undefined || intervalMs === context.intervalMs)
        return undefined;
    return `${tool} measures every ${(0,src_duration/* formatDuration */.a3)(intervalMs)}; this guard polls every ${(0,src_duration/* formatDuration */.a3)(context.intervalMs)} (${context.intervalFrom}), one interval for all triggers`;
}
/**
 * A query written over several lines (a YAML block) on one line, as the log, summary and
 * report show a trigger's query: whitespace outside string literals collapsed, none just
 * inside brackets, comments (`#` to the end of a line) dropped. Strings are kept as written.
 */
function oneLine(query) {
    let out = '';
    let quoteChar;
    for (let i = 0; i < query.length; i++) {
        const c = query.charAt(i);
        if (quoteChar) {
            out += c;
            if (c === '\\' && quoteChar !== '`')
                out += query.charAt(++i);
            else if (c === quoteChar)
                quoteChar = undefined;
            continue;
        }
        if (c === '"' || c === "'" || c === '`') {
            quoteChar = c;
            out += c;
        }
        else if (c === '#') {
            while (i + 1 < query.length && query.charAt(i + 1) !== '\n')
                i++;
        }
        else if (/\s/.test(c)) {
            if (out !== '' && !out.endsWith(' ') && !/[({[]$/.test(out))
                out += ' ';
        }
        else {
            if (/[)}\],]/.test(c) && out.endsWith(' '))
                out = out.slice(0, -1);
            out += c;
        }
    }
    return out.trim();
}


;// CONCATENATED MODULE: ./src/policy/import/argo.ts
/**
 * Argo Rollouts `AnalysisTemplate` and `ClusterAnalysisTemplate` (argoproj.io/v1alpha1) into
 * triggers: each `prometheus` metric becomes one, its `{{args.NAME}}` filled from the import's
 * `args` and the template's own defaults, its success or failure condition turned into the
 * threshold that fails it. Pure: a parsed document in, triggers and problems out.
 */



const ARGO_KINDS = ['AnalysisTemplate', 'ClusterAnalysisTemplate'];
const FORMS = 'result[0] <op> <number>, len(result) == 0 || ..., isNaN(result[0]) || ..., all(result, {# <op> <number>}) or any(result, {# <op> <number>}), with <op> one of < <= > >=';
const NUMBER = String.raw `[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const OPERATOR = String.raw `>=|<=|==|!=|>|<`;
const GUARD = /^(len\(\s*result\s*\)\s*==\s*0|isNaN\(\s*result\s*(?:\[\s*0\s*\]\s*)?\))\s*\|\|\s*/;
const FIRST = new RegExp(String.raw `^result(?:\s*\[\s*0\s*\])?\s*(${OPERATOR})\s*(${NUMBER})$`);
const EACH = new RegExp(String.raw `^(all|any)\(\s*result\s*,\s*(?:\{\s*#\s*(${OPERATOR})\s*(${NUMBER})\s*\}|#\s*(${OPERATOR})\s*(${NUMBER}))\s*\)$`);
/** A successCondition or failureCondition as data, or why it is not one of the forms. */
function parseCondition(source) {
    let rest = source.trim();
    while (rest.startsWith('(') && rest.endsWith(')') && balanced(rest.slice(1, -1)))
        rest = rest.slice(1, -1).trim();
    let orEmpty = false;
    let orNaN = false;
    for (let guard = GUARD.exec(rest); guard; guard = GUARD.exec(rest)) {
        if (guard[1]?.startsWith('len'))
            orEmpty = true;
        else
            orNaN = true;
        rest = rest.slice(guard[0].length).trim();
    }
    const first = FIRST.exec(rest);
    const each = first ? undefined : EACH.exec(rest);
    const op = first?.[1] ?? each?.[2] ?? each?.[4];
    const value = first?.[2] ?? each?.[3] ?? each?.[5];
    if (op === undefined || value === undefined)
        return {
            error: `${(0,src_errors/* quote */.hD)(source.trim())} is not one of the forms that can be imported: ${FORMS}`,
        };
    if (op === '==' || op === '!=')
        return {
            error: `${(0,src_errors/* quote */.hD)(source.trim())} compares with ${op}; only <, <=, > and >= map to a threshold`,
        };
    return {
        over: first ? 'first' : each?.[1],
        op: op,
        value: Number(value),
        orEmpty,
        orNaN,
    };
}
function balanced(inner) {
    let depth = 0;
    for (const c of inner) {
        if (c === '(')
            depth += 1;
        if (c === ')' && --depth < 0)
            return false;
    }
    return depth === 0;
}
const KEY_OF = {
    '>': 'above',
    '>=': 'at-least',
    '<': 'below',
    '<=': 'at-most',
};
const NEGATION = { '>=': '<', '>': '<=', '<=': '>', '<': '>=' };
/**
 * When the trigger fails: a failureCondition as it is; a successCondition negated (success
 * `result[0] >= 0.95` fails below 0.95). Over series, success of `all` fails when any series
 * fails, and success of `any` only when every series does.
 */
function failingOf(condition, kind) {
    const op = kind === 'success' ? NEGATION[condition.op] : condition.op;
    const over = kind === 'success' && condition.over !== 'first'
        ? condition.over === 'all'
            ? 'any'
            : 'all'
        : condition.over;
    return {
        key: KEY_OF[op],
        value: condition.value,
        ...(over === 'first' ? {} : { series: over }),
    };
}
function describeFailing(f) {
    return `fails ${f.key} ${f.value}${f.series ? `, series: ${f.series}` : ''}`;
}
function argoTriggers(document, context) {
    const { value } = document;
    const kind = String(dig(value, 'kind'));
    const templateName = common_text(dig(value, 'metadata', 'name')) ?? '(no metadata.name)';
    const problems = [];
    const triggers = [];
    const declared = new Map();
    const args = dig(value, 'spec', 'args');
    if (Array.isArray(args))
        for (const arg of args) {
            const name = isMapping(arg) ? common_text(arg.name) : undefined;
            if (!isMapping(arg) || name === undefined)
                continue;
            const given = arg.value;
            declared.set(name, {
                ...(typeof given === 'string' || typeof given === 'number' || typeof given === 'boolean'
                    ? { value: String(given) }
                    : {}),
                secret: arg.valueFrom !== undefined,
            });
        }
    for (const name of declared.keys())
        context.knownArgs.add(name);
    // Argo's dry-run metrics are measured and never decide: here they would decide, so they stay out.
    const dryRun = (Array.isArray(dig(value, 'spec', 'dryRun')) ? dig(value, 'spec', 'dryRun') : [])
        .map((d) => common_text(dig(d, 'metricName')))
        .filter((n) => n !== undefined);
    const isDryRun = (name) => name !== undefined &&
        dryRun.some((pattern) => {
            try {
                return new RegExp(`^(?:${pattern})$`).test(name);
            }
            catch {
                return pattern === name;
            }
        });
    const metrics = dig(value, 'spec', 'metrics');
    if (!Array.isArray(metrics) || metrics.length === 0) {
        problems.push({
            at: document.at('/spec'),
            message: `${kind} ${(0,src_errors/* quote */.hD)(templateName)} has no spec.metrics to import`,
        });
        return { triggers, problems };
    }
    metrics.forEach((metric, i) => {
        const metricName = common_text(dig(metric, 'name'));
        if (isDryRun(metricName)) {
            problems.push({
                at: document.at(`/spec/metrics/${i}`, true),
                level: 'warning',
                message: `${kind} ${(0,src_errors/* quote */.hD)(templateName)}, metric ${(0,src_errors/* quote */.hD)(metricName)}: a dry-run metric (spec.dryRun), which never decides in Argo: not imported`,
            });
            return;
        }
        const made = argoMetric(document, `/spec/metrics/${i}`, metric, declared, context, {
            kind,
            templateName,
        });
        problems.push(...made.problems);
        if (made.trigger)
            triggers.push(made.trigger);
    });
    return { triggers, problems };
}
function argoMetric(document, pointer, metric, declared, context, template) {
    const problems = [];
    const name = common_text(dig(metric, 'name'));
    const what = `${template.kind} ${(0,src_errors/* quote */.hD)(template.templateName)}, metric ${(0,src_errors/* quote */.hD)(name ?? `#${pointer.split('/').pop() ?? ''}`)}`;
    const refuse = (at, message) => ({
        problems: [...problems, { at: document.at(at, true), message: `${what}: ${message}` }],
    });
    if (!isMapping(metric) || name === undefined)
        return refuse(pointer, 'a metric needs a name');
    const provider = metric.provider;
    const providers = isMapping(provider) ? Object.keys(provider) : [];
    if (providers.length !== 1 || providers[0] !== 'prometheus')
        return refuse(`${pointer}/provider`, providers.length
            ? `provider ${providers.join(', ')} is not supported: only prometheus metrics can be imported (web, job, datadog, newRelic, wavefront, cloudWatch, kayenta, graphite, influxdb, skywalking and plugin metrics are not)`
            : 'has no provider: only prometheus metrics can be imported');
    const prometheus = dig(provider, 'prometheus');
    const written = common_text(dig(prometheus, 'query'));
    if (written === undefined)
        return refuse(`${pointer}/provider/prometheus`, 'has no provider.prometheus.query');
    const mapped = [];
    // {{args.NAME}}: the import's args over the template's defaults; a secret is never read.
    // Argo fills them across the whole metric (conditions and limits too), and so does this.
    const used = new Map();
    const missing = [];
    const fill = (written, at) => written.replace(/\{\{\s*args\.([\w.-]+)\s*\}\}/g, (whole, arg) => {
        const given = context.args[arg];
        const declaration = declared.get(arg);
        const value = given ?? declaration?.value;
        if (value !== undefined) {
            used.set(arg, given !== undefined ? `${arg}=${given} (import args)` : `${arg}=${value} (default)`);
            return value;
        }
        if (missing.push(arg) === 1)
            problems.push({
                at: document.at(at, true),
                message: `${what}: ${declaration?.secret
                    ? `{{args.${arg}}} comes from valueFrom (a Secret or a field of the cluster), which an import does not read: a query should hold no secret; if this value is not one, give it under ${context.entry}.args.${arg}`
                    : declaration
                        ? `{{args.${arg}}} has no value: give it under ${context.entry}.args.${arg}`
                        : `{{args.${arg}}} is not declared in spec.args and not given: give it under ${context.entry}.args.${arg}`}`,
            });
        return whole;
    });
    const query = fill(written, `${pointer}/provider/prometheus/query`);
    const filled = { ...metric };
    for (const key of ['successCondition', 'failureCondition', 'failureLimit', 'interval', 'count']) {
        const value = filled[key];
        if (typeof value === 'string')
            filled[key] = fill(value, `${pointer}/${key}`);
    }
    if (missing.length)
        return { problems };
    if (used.size)
        mapped.push(`args: ${[...used.values()].join(', ')}`);
    // Conditions: one, or two that are each other's complement.
    const success = filled.successCondition;
    const failure = filled.failureCondition;
    const parsed = [];
    for (const [kind, source] of [
        ['success', success],
        ['failure', failure],
    ]) {
        if (source === undefined)
            continue;
        const key = `${kind}Condition`;
        const condition = typeof source === 'string' ? parseCondition(source) : { error: 'is not a string' };
        if ('error' in condition)
            return refuse(`${pointer}/${key}`, `${key} ${condition.error}`);
        parsed.push({ kind, condition, text: source });
    }
    if (parsed.length === 0)
        return refuse(pointer, 'has neither successCondition nor failureCondition: nothing to judge');
    const failings = parsed.map((p) => failingOf(p.condition, p.kind));
    const [failing] = failings;
    if (!failing)
        return { problems };
    if (failings.length === 2 && JSON.stringify(failings[0]) !== JSON.stringify(failings[1]))
        return refuse(`${pointer}/failureCondition`, `successCondition ${(0,src_errors/* quote */.hD)(parsed[0]?.text)} and failureCondition ${(0,src_errors/* quote */.hD)(parsed[1]?.text)} are not each other's complement (Argo calls what lies between them inconclusive): keep one`);
    for (const p of parsed) {
        mapped.push(`${p.kind}Condition ${(0,src_errors/* quote */.hD)(p.text.trim())} → ${describeFailing(failing)}`);
        if (p.kind === 'success' && (p.condition.orEmpty || p.condition.orNaN))
            mapped.push(`${p.condition.orEmpty ? 'an empty result' : 'NaN'}${p.condition.orEmpty && p.condition.orNaN ? ' or NaN' : ''} passes in Argo; here it is no data, held (never a rollback, never a pass: a watch with only no data is inconclusive)`);
        if (p.kind === 'failure' && (p.condition.orEmpty || p.condition.orNaN))
            mapped.push(`${p.condition.orEmpty ? 'an empty result' : 'NaN'} fails in Argo; here it is no data, held: the guard never rolls back on missing data alone`);
    }
    const warnings = [];
    const limit = filled.failureLimit;
    let failureLimit;
    if (limit !== undefined) {
        const n = typeof limit === 'string' && /^\d+$/.test(limit) ? Number(limit) : limit;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
            return refuse(`${pointer}/failureLimit`, `failureLimit ${(0,src_errors/* quote */.hD)(limit)} is not supported: a whole number of failed measurements, 0 or more`);
        failureLimit = n;
        mapped.push(n === 0
            ? 'failureLimit 0 → fails at the first failing poll'
            : `failureLimit ${n} → failure-limit ${n} (fails on more than ${(0,src_text/* plural */.L)(n, 'failing poll')} of the window)`);
    }
    const interval = toolDuration(filled.interval);
    if (filled.interval !== undefined && interval === undefined)
        return refuse(`${pointer}/interval`, `interval ${(0,src_errors/* quote */.hD)(filled.interval)} is not a duration`);
    const differs = intervalNote(`Argo (interval ${plain(filled.interval)})`, interval, context);
    if (differs)
        warnings.push({
            at: document.at(`${pointer}/interval`),
            level: 'warning',
            message: `${what}: ${differs}`,
        });
    if (filled.count !== undefined)
        mapped.push(`count ${plain(filled.count)}${interval ? ` every ${(0,src_duration/* formatDuration */.a3)(interval)}` : ''}: here the guard's window decides how many polls are judged`);
    for (const [key, meaning] of [
        [
            'consecutiveErrorLimit',
            'a query that errors is no data here, judged by no-data (hold: never a rollback on a failing backend)',
        ],
        ['inconclusiveLimit', 'a condition here is never inconclusive: a value passes or fails'],
        ['initialDelay', 'the guard starts when its step does'],
    ])
        if (filled[key] !== undefined)
            mapped.push(`${key} ${plain(filled[key])} not mapped: ${meaning}`);
    if (dig(prometheus, 'address') !== undefined)
        mapped.push('provider.prometheus.address not used: the guard reads its own Prometheus (prometheus-url)');
    for (const key of ['headers', 'authentication'])
        if (dig(prometheus, key) !== undefined)
            warnings.push({
                at: document.at(`${pointer}/provider/prometheus/${key}`),
                level: 'warning',
                message: `${what}: provider.prometheus.${key} is not imported: give credentials under metrics.prometheus (headers-env, bearer-token-env, basic-auth)`,
            });
    const at = document.at(pointer);
    return {
        problems: [...problems, ...warnings],
        trigger: {
            spec: {
                name,
                provider: 'prometheus',
                query: oneLine(query),
                [failing.key]: failing.value,
                ...(failing.series ? { series: failing.series } : {}),
                ...(failureLimit ? { 'failure-limit': failureLimit } : {}),
                source: `import ${placeOf(at)} ${template.kind} ${template.templateName}${name === template.templateName ? '' : ` metric ${name}`}`,
            },
            at,
            queryAt: document.at(`${pointer}/provider/prometheus/query`, true),
            mapped,
        },
    };
}

;// CONCATENATED MODULE: ./src/policy/import/flagger.ts

/** Flagger's default for a metric's interval (`MetricInterval`) and the analysis's. */
const DEFAULT_INTERVAL = '1m';
const ALL = '[0-9a-zA-Z-]+';
const p99 = (bucket, scale = '') => {
    return (selector) => `histogram_quantile(0.99, sum(rate(${bucket}{${selector}}[{{ interval }}])) by (le))${scale}`;
};
const ENVOY = 'envoy_cluster_upstream_rq';
const OBSERVERS = {
    istio: {
        requests: 'istio_requests_total',
        selector: 'reporter="destination",destination_workload_namespace="{{ namespace }}",destination_workload=~"{{ target }}"',
        notError: 'response_code!~"5.*"',
        duration: p99('istio_request_duration_milliseconds_bucket'),
    },
    linkerd: {
        requests: 'response_total',
        selector: 'namespace="{{ namespace }}",deployment=~"{{ target }}",direction="inbound"',
        notError: 'classification!="failure"',
        duration: p99('response_latency_ms_bucket'),
    },
    nginx: {
        requests: 'nginx_ingress_controller_requests',
        selector: 'namespace="{{ namespace }}",ingress="{{ ingress }}"',
        notError: 'status!~"5.*"',
        duration: (selector) => `sum(rate(nginx_ingress_controller_ingress_upstream_latency_seconds_sum{${selector}}[{{ interval }}])) / sum(rate(nginx_ingress_controller_ingress_upstream_latency_seconds_count{${selector}}[{{ interval }}])) * 1000`,
    },
    contour: {
        requests: ENVOY,
        selector: `envoy_cluster_name=~"{{ namespace }}_{{ target }}-canary_${ALL}"`,
        notError: 'envoy_response_code!~"5.*"',
        duration: p99('envoy_cluster_upstream_rq_time_bucket'),
    },
    gloo: {
        requests: ENVOY,
        selector: `envoy_cluster_name=~"{{ namespace }}-{{ target }}-canary-${ALL}_${ALL}"`,
        notError: 'envoy_response_code!~"5.*"',
        duration: p99('envoy_cluster_upstream_rq_time_bucket'),
    },
    appmesh: {
        requests: ENVOY,
        selector: 'kubernetes_namespace="{{ namespace }}",kubernetes_pod_name=~"{{ target }}-[0-9a-zA-Z]+(-[0-9a-zA-Z]+)"',
        notError: 'envoy_response_code!~"5.*"',
        duration: p99('envoy_cluster_upstream_rq_time_bucket'),
    },
    kuma: {
        requests: ENVOY,
        selector: `service=~"{{ target }}-canary_{{ namespace }}_svc_${ALL}"`,
        notError: 'envoy_response_code!~"5.*"',
        duration: p99('envoy_cluster_upstream_rq_time_bucket'),
    },
    traefik: {
        requests: 'traefik_service_request_duration_seconds_bucket',
        selector: `service=~"{{ namespace }}-{{ target }}-canary-${ALL}@kubernetescrd"`,
        notError: 'code!~"5.."',
        extra: 'le="+Inf"',
        // Flagger reads this histogram's seconds as milliseconds; here it is made milliseconds.
        duration: p99('traefik_service_request_duration_seconds_bucket', ' * 1000'),
    },
};
/** Flagger's provider names: `appmesh:v1beta2` and `gloo:...` are App Mesh and Gloo. */
function observerName(provider) {
    if (provider.startsWith('appmesh'))
        return 'appmesh';
    if (provider.startsWith('gloo'))
        return 'gloo';
    return OBSERVERS[provider] ? provider : undefined;
}
/** Flagger's built-in query for a metric and provider, with its template variables. */
function builtinQuery(metric, provider) {
    const name = observerName(provider);
    const o = name ? OBSERVERS[name] : undefined;
    if (!o)
        return undefined;
    if (metric === 'request-duration')
        return o.duration(o.selector);
    const all = [o.selector, o.extra].filter(Boolean).join(',');
    const ok = [o.selector, o.notError, o.extra].filter(Boolean).join(',');
    return `sum(rate(${o.requests}{${ok}}[{{ interval }}])) / sum(rate(${o.requests}{${all}}[{{ interval }}])) * 100`;
}
const FLAGGER_PROVIDERS = Object.keys(OBSERVERS);
/**
 * Fills Flagger's template variables: `{{ name }}`, `{{ namespace }}`, `{{ target }}`,
 * `{{ service }}`, `{{ ingress }}`, `{{ interval }}` and `{{ variables.NAME }}`. Returns the
 * query, or the first variable that has no value.
 */
function fillFlaggerQuery(query, values, variables) {
    let missing;
    const filled = query.replace(/\{\{\s*(name|namespace|target|service|ingress|interval|variables\.([\w-]+))\s*\}\}/g, (whole, key, variable) => {
        const value = variable !== undefined ? variables[variable] : values[key];
        if (value === undefined)
            missing ??= whole;
        return value ?? whole;
    });
    return missing === undefined ? { query: filled } : { missing };
}
function flaggerTriggers(canary, templates, context, 
/** Templates used, so the importer can say which were never referenced. */
used) {
    const problems = [];
    const triggers = [];
    const { value } = canary;
    const canaryName = common_text(dig(value, 'metadata', 'name')) ?? '(no metadata.name)';
    const what = `Canary ${(0,src_errors/* quote */.hD)(canaryName)}`;
    const analysisKey = dig(value, 'spec', 'analysis') !== undefined ? 'analysis' : 'canaryAnalysis';
    const analysis = dig(value, 'spec', analysisKey);
    const metrics = dig(analysis, 'metrics');
    if (!Array.isArray(metrics) || metrics.length === 0) {
        problems.push({
            at: canary.at('/spec'),
            message: `${what} has no spec.analysis.metrics to import`,
        });
        return { triggers, problems };
    }
    if (dig(value, 'spec', 'analysis', 'webhooks') !== undefined)
        problems.push({
            at: canary.at('/spec/analysis/webhooks', true),
            level: 'warning',
            message: `${what}: spec.analysis.webhooks (load tests, gates, rollback hooks) are not imported: only metrics become triggers`,
        });
    const writtenProvider = common_text(dig(value, 'spec', 'provider'));
    const provider = writtenProvider ?? 'istio';
    const args = context.args;
    for (const name of ['name', 'namespace', 'target', 'service', 'ingress'])
        context.knownArgs.add(name);
    const targetName = common_text(dig(value, 'spec', 'targetRef', 'name'));
    const values = {
        name: args.name ?? canaryName,
        namespace: args.namespace ?? common_text(dig(value, 'metadata', 'namespace')),
        target: args.target ?? targetName,
        service: args.service ?? common_text(dig(value, 'spec', 'service', 'name')) ?? targetName,
        ingress: args.ingress ?? common_text(dig(value, 'spec', 'ingressRef', 'name')),
    };
    const whereFrom = {
        namespace: 'metadata.namespace',
        target: 'spec.targetRef.name',
        ingress: 'spec.ingressRef.name',
        service: 'spec.service.name',
        name: 'metadata.name',
    };
    // Flagger counts failed checks and rolls back when they reach the threshold (default 1).
    const threshold = dig(analysis, 'threshold');
    const failureLimit = typeof threshold === 'number' && Number.isInteger(threshold) && threshold > 1
        ? threshold - 1
        : undefined;
    const analysisInterval = dig(analysis, 'interval') ?? DEFAULT_INTERVAL;
    const differs = intervalNote(`Flagger (analysis interval ${plain(analysisInterval)})`, toolDuration(analysisInterval), context);
    if (differs)
        problems.push({
            at: canary.at(`/spec/${analysisKey}/interval`),
            level: 'warning',
            message: `${what}: ${differs}`,
        });
    metrics.forEach((metric, i) => {
        const pointer = `/spec/${analysisKey}/metrics/${i}`;
        const name = common_text(dig(metric, 'name'));
        const metricWhat = `${what}, metric ${(0,src_errors/* quote */.hD)(name ?? `#${i}`)}`;
        const problem = (at, message) => {
            problems.push({ at, message });
        };
        const refuse = (at, message) => problem(canary.at(at, true), `${metricWhat}: ${message}`);
        if (!isMapping(metric) || name === undefined)
            return refuse(pointer, 'a metric needs a name');
        const range = metric.thresholdRange;
        const min = dig(range, 'min');
        const max = dig(range, 'max');
        if (!isMapping(range) || (typeof min !== 'number' && typeof max !== 'number'))
            return refuse(metric.threshold !== undefined ? `${pointer}/threshold` : pointer, metric.threshold !== undefined
                ? 'threshold (deprecated in Flagger) is not imported: write it as thresholdRange.min or .max'
                : 'has no thresholdRange (min or max): nothing to judge');
        const interval = common_text(metric.interval) ?? DEFAULT_INTERVAL;
        if (toolDuration(interval) === undefined)
            return refuse(`${pointer}/interval`, `interval ${(0,src_errors/* quote */.hD)(metric.interval)} is not a duration`);
        const mapped = [];
        let query;
        let queryAt = canary.at(pointer);
        let origin;
        const ref = metric.templateRef;
        if (isMapping(ref)) {
            const refName = common_text(ref.name);
            // Where the template lives is the Canary's business; args only fill the query.
            const refNamespace = common_text(ref.namespace) ?? common_text(dig(value, 'metadata', 'namespace'));
            const template = templates.find((t) => t.name === refName &&
                (t.namespace === undefined || refNamespace === undefined || t.namespace === refNamespace));
            if (!template)
                return refuse(`${pointer}/templateRef`, `MetricTemplate ${(0,src_errors/* quote */.hD)(refName ?? '')}${refNamespace ? ` in namespace ${(0,src_errors/* quote */.hD)(refNamespace)}` : ''} is not in the imported files: add the file that defines it under import`);
            used.add(template);
            const type = common_text(dig(template.document.value, 'spec', 'provider', 'type')) ?? 'prometheus';
            if (type !== 'prometheus')
                return problem(template.document.at('/spec/provider/type'), `MetricTemplate ${(0,src_errors/* quote */.hD)(template.name)} (used by ${metricWhat}): provider type ${(0,src_errors/* quote */.hD)(type)} is not supported: only prometheus templates can be imported`);
            query = common_text(dig(template.document.value, 'spec', 'query'));
            if (query === undefined)
                return problem(template.document.at('/spec'), `MetricTemplate ${(0,src_errors/* quote */.hD)(template.name)} (used by ${metricWhat}) has no spec.query`);
            queryAt = template.document.at('/spec/query', true);
            origin = ` via MetricTemplate ${template.name} (${placeOf(template.document.at(''))})`;
        }
        else if (name === 'request-success-rate' || name === 'request-duration') {
            query = builtinQuery(name, provider);
            if (query === undefined)
                return refuse(writtenProvider ? '/spec/provider' : pointer, `Flagger's built-in ${name} for provider ${(0,src_errors/* quote */.hD)(provider)} is not known here (known: ${FLAGGER_PROVIDERS.join(', ')}): use a MetricTemplate`);
            origin = ` (Flagger built-in, ${provider}${writtenProvider ? '' : ' as Flagger assumes without spec.provider'})`;
            mapped.push(name === 'request-success-rate'
                ? 'request-success-rate: the percentage of requests that are not server errors (0–100)'
                : provider === 'nginx'
                    ? "request-duration: mean latency in milliseconds (Flagger's nginx query is a mean, not a p99)"
                    : 'request-duration: p99 latency in milliseconds');
        }
        else if (common_text(metric.query) !== undefined) {
            query = common_text(metric.query);
            queryAt = canary.at(`${pointer}/query`, true);
            origin = ' (inline query)';
        }
        else
            return refuse(pointer, 'is neither a built-in metric (request-success-rate, request-duration) nor has a templateRef');
        const variables = {};
        const templateVariables = metric.templateVariables;
        if (isMapping(templateVariables))
            for (const [k, v] of Object.entries(templateVariables))
                if (typeof v === 'string' || typeof v === 'number')
                    variables[k] = String(v);
        for (const k of Object.keys(variables))
            context.knownArgs.add(k);
        for (const m of (query ?? '').matchAll(/\{\{\s*variables\.([\w-]+)\s*\}\}/g))
            if (m[1])
                context.knownArgs.add(m[1]);
        Object.assign(variables, args);
        const filled = fillFlaggerQuery(query ?? '', { ...values, interval }, variables);
        if ('missing' in filled) {
            const key = /variables\.([\w-]+)/.exec(filled.missing)?.[1];
            const bare = filled.missing.replace(/[{}\s]/g, '');
            return problem(queryAt, `${metricWhat}: ${filled.missing} has no value: ${key
                ? `set it in the metric's templateVariables or give it under ${context.entry}.args.${key}`
                : `the Canary has no ${whereFrom[bare] ?? bare}; give it under ${context.entry}.args.${bare}`}`);
        }
        mapped.push(`{{ interval }} → ${interval}${metric.interval === undefined ? ' (Flagger default)' : ''}`);
        if (typeof min === 'number')
            mapped.push(`thresholdRange.min ${min} → below ${min}`);
        if (typeof max === 'number')
            mapped.push(`thresholdRange.max ${max} → above ${max}`);
        if (failureLimit !== undefined)
            mapped.push(`analysis.threshold ${plain(threshold)} → failure-limit ${failureLimit} (Flagger counts failed checks of all metrics together; here each trigger counts its own)`);
        const at = canary.at(pointer);
        triggers.push({
            spec: {
                name,
                provider: 'prometheus',
                query: oneLine(filled.query),
                ...(typeof min === 'number' ? { below: min } : {}),
                ...(typeof max === 'number' ? { above: max } : {}),
                ...(failureLimit !== undefined ? { 'failure-limit': failureLimit } : {}),
                source: `import ${placeOf(at)} Canary ${canaryName} metric ${name}${origin}`,
            },
            at,
            queryAt,
            mapped,
        });
    });
    return { triggers, problems };
}

;// CONCATENATED MODULE: ./src/policy/import/rules.ts





/** A plain rule file, or a PrometheusRule (monitoring.coreos.com) holding one. */
function ruleGroupsPointer(value) {
    if (!isMapping(value))
        return undefined;
    if (value.kind === 'PrometheusRule')
        return '/spec/groups';
    return value.kind === undefined && 'groups' in value ? '/groups' : undefined;
}
/** Prometheus's duration (model.ParseDuration): whole units from y to ms, largest first, or 0. */
const PROM_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNITS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1];
function promDuration(value) {
    if (typeof value !== 'string' || value === '')
        return undefined;
    if (value === '0')
        return 0;
    const match = PROM_DURATION.exec(value);
    if (!match)
        return undefined;
    return UNITS.reduce((total, unit, i) => total + Number(match[i + 1] ?? 0) * unit, 0);
}
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const GROUP_KEYS = new Set(['name', 'interval', 'limit', 'rules', 'query_offset', 'labels']);
const RULE_KEYS = new Set([
    'record',
    'alert',
    'expr',
    'for',
    'keep_firing_for',
    'labels',
    'annotations',
]);
/** A rule's `labels.severity` as this action's severity, as Alertmanager triggers map it. */
function severityOf(label) {
    if (label === undefined)
        return { severity: 'P1', known: true };
    const mapped = alertmanager/* DEFAULT_SEVERITY_MAP */.Ld[label.trim().toLowerCase()];
    return mapped ? { severity: mapped, known: true } : { severity: 'P1', known: false };
}
/** Text with `{{` and `}}` that do not pair up, as Go's template parser refuses it. */
function unclosedTemplate(value) {
    let open = false;
    for (let i = 0; i < value.length - 1; i++) {
        const two = value.slice(i, i + 2);
        if (two === '{{') {
            if (open)
                return true;
            open = true;
            i += 1;
        }
        else if (two === '}}' && open) {
            open = false;
            i += 1;
        }
    }
    return open;
}
/**
 * What `promtool check rules` would refuse in the file, each at its place: unknown keys,
 * empty or repeated group names, a rule with both or neither of alert and record, a missing
 * or unparsable expr, durations, label and annotation names and values, a recording rule's
 * name, `for` or annotations, and unclosed templates.
 */
function checkRuleFile(document, groupsPointer) {
    const problems = [];
    const problem = (pointer, message, preferKey = false) => {
        problems.push({ at: document.at(pointer, preferKey), message });
    };
    const groups = dig(document.value, ...groupsPointer.split('/').slice(1));
    if (groups === undefined || groups === null)
        return problems;
    if (!Array.isArray(groups)) {
        problem(groupsPointer, 'groups must be a list of rule groups');
        return problems;
    }
    const names = new Set();
    groups.forEach((group, g) => {
        const at = `${groupsPointer}/${g}`;
        if (!isMapping(group))
            return problem(at, 'a rule group must be a mapping');
        for (const key of Object.keys(group))
            if (!GROUP_KEYS.has(key))
                problem(`${at}/${key}`, `unknown key ${(0,src_errors/* quote */.hD)(key)} in a rule group`, true);
        const name = group.name;
        if (typeof name !== 'string' || name === '')
            return problem(at, 'a rule group needs a name (promtool: Groupname must not be empty)');
        if (names.has(name))
            problem(`${at}/name`, `group name ${(0,src_errors/* quote */.hD)(name)} is repeated in the file`);
        names.add(name);
        if (group.interval !== undefined && promDuration(group.interval) === undefined)
            problem(`${at}/interval`, `group ${(0,src_errors/* quote */.hD)(name)}: interval ${(0,src_errors/* quote */.hD)(group.interval)} is not a duration`);
        const rules = group.rules ?? [];
        if (!Array.isArray(rules))
            return problem(`${at}/rules`, `group ${(0,src_errors/* quote */.hD)(name)}: rules must be a list`);
        rules.forEach((rule, r) => {
            const ruleAt = `${at}/rules/${r}`;
            const what = `group ${(0,src_errors/* quote */.hD)(name)}, rule ${r + 1}`;
            if (!isMapping(rule))
                return problem(ruleAt, `${what}: a rule must be a mapping`);
            const { alert, record, expr } = rule;
            const label = typeof alert === 'string' ? alert : typeof record === 'string' ? record : '';
            const named = `${what}${label ? ` ${(0,src_errors/* quote */.hD)(label)}` : ''}`;
            for (const key of Object.keys(rule))
                if (!RULE_KEYS.has(key))
                    problem(`${ruleAt}/${key}`, `${named}: unknown key ${(0,src_errors/* quote */.hD)(key)}`, true);
            if (alert !== undefined && record !== undefined)
                problem(ruleAt, `${named}: has both alert and record; a rule is one or the other`);
            else if ((alert ?? record) === undefined || label === '')
                problem(ruleAt, `${named}: needs alert (an alerting rule) or record (a recording rule)`);
            if (typeof expr !== 'string' || expr.trim() === '')
                problem(ruleAt, `${named}: has no expr`);
            else {
                const syntax = promqlProblem(expr);
                if (syntax)
                    problem(`${ruleAt}/expr`, `${named}: expr ${syntax.message}`, true);
            }
            if (record !== undefined) {
                if (typeof record === 'string' && !METRIC_NAME.test(record))
                    problem(`${ruleAt}/record`, `${named}: ${(0,src_errors/* quote */.hD)(record)} is not a metric name`);
                for (const key of ['for', 'keep_firing_for', 'annotations'])
                    if (rule[key] !== undefined)
                        problem(`${ruleAt}/${key}`, `${named}: a recording rule has no ${key}`, true);
            }
            for (const key of ['for', 'keep_firing_for'])
                if (rule[key] !== undefined && promDuration(rule[key]) === undefined)
                    problem(`${ruleAt}/${key}`, `${named}: ${key} ${(0,src_errors/* quote */.hD)(rule[key])} is not a duration`);
            for (const key of ['labels', 'annotations']) {
                const map = rule[key];
                if (map === undefined || map === null)
                    continue;
                if (!isMapping(map)) {
                    problem(`${ruleAt}/${key}`, `${named}: ${key} must be a mapping of names to strings`);
                    continue;
                }
                for (const [k, v] of Object.entries(map)) {
                    if (!LABEL_NAME.test(k))
                        problem(`${ruleAt}/${key}/${k}`, `${named}: ${(0,src_errors/* quote */.hD)(k)} is not a valid ${key === 'labels' ? 'label' : 'annotation'} name`, true);
                    if (typeof v === 'object' && v !== null)
                        problem(`${ruleAt}/${key}/${k}`, `${named}: ${key}.${k} must be a string, not a ${Array.isArray(v) ? 'list' : 'mapping'}`);
                    else if (typeof v === 'string' && unclosedTemplate(v))
                        problem(`${ruleAt}/${key}/${k}`, `${named}: ${key}.${k} has a template that is not closed ({{ without }})`);
                }
            }
        });
    });
    return problems;
}
/** The alerting rules of a checked rule file as `kind: alert` triggers. */
function ruleTriggers(document, groupsPointer, context) {
    const problems = checkRuleFile(document, groupsPointer);
    const triggers = [];
    if (problems.length)
        return { triggers, problems };
    const groups = dig(document.value, ...groupsPointer.split('/').slice(1));
    const skipped = [];
    (Array.isArray(groups) ? groups : []).forEach((group, g) => {
        const groupName = String(group.name);
        const at = `${groupsPointer}/${g}`;
        const differs = intervalNote(`rule group ${(0,src_errors/* quote */.hD)(groupName)} (interval ${plain(group.interval)})`, promDuration(group.interval), context);
        if (differs)
            problems.push({ at: document.at(`${at}/interval`), level: 'warning', message: differs });
        const rules = (group.rules ?? []);
        rules.forEach((rule, r) => {
            const ruleAt = `${at}/rules/${r}`;
            if (typeof rule.record === 'string')
                return void skipped.push(rule.record);
            const name = String(rule.alert);
            const mapped = ['alert → kind: alert (fails while expr returns series)'];
            const forMs = promDuration(rule.for) ?? 0;
            if (forMs > 0)
                mapped.push(`for ${plain(rule.for)} → for ${(0,src_duration/* formatDuration */.a3)(forMs)}`);
            if (rule.keep_firing_for !== undefined)
                mapped.push(`keep_firing_for ${plain(rule.keep_firing_for)} not mapped: a trigger passes as soon as its expr returns nothing`);
            const label = dig(rule, 'labels', 'severity');
            const severityLabel = label === undefined || label === null ? undefined : plain(label);
            const { severity, known } = severityOf(severityLabel);
            mapped.push(severityLabel === undefined
                ? `no labels.severity → ${severity}`
                : `labels.severity ${severityLabel} → ${severity}`);
            if (!known)
                problems.push({
                    at: document.at(`${ruleAt}/labels/severity`),
                    level: 'warning',
                    message: `alert ${(0,src_errors/* quote */.hD)(name)}: severity ${(0,src_errors/* quote */.hD)(severityLabel)} is not one this action knows (critical/page → P0, warning → P1, info → P2): judged as ${severity}`,
                });
            const place = document.at(ruleAt);
            triggers.push({
                spec: {
                    name,
                    provider: 'prometheus',
                    kind: 'alert',
                    query: oneLine(String(rule.expr)),
                    ...(forMs > 0 ? { for: (0,src_duration/* formatDuration */.a3)(forMs) } : {}),
                    severity,
                    source: `import ${placeOf(place)} alert ${name} (group ${groupName})`,
                },
                at: place,
                queryAt: document.at(`${ruleAt}/expr`, true),
                mapped,
            });
        });
    });
    if (skipped.length)
        problems.push({
            at: document.at(groupsPointer),
            level: 'warning',
            message: `${(0,src_text/* plural */.L)(skipped.length, 'recording rule')} skipped (${skipped.slice(0, 3).join(', ')}${skipped.length > 3 ? ', ...' : ''}): only alerting rules become triggers`,
        });
    return { triggers, problems };
}

;// CONCATENATED MODULE: ./src/policy/import/index.ts
/**
 * The policy's `import:` as triggers. Each imported file's documents are read for what they
 * are: Argo Rollouts AnalysisTemplates, Flagger Canaries (with the MetricTemplates of every
 * imported file), Prometheus rule files. The triggers made get the same checks as a policy's
 * own (PromQL parsed offline, placeholders refused, conditions that make sense), each problem
 * at its place in the imported file. Pure: the files' text in, triggers and problems out.
 */





const IMPORTABLE = 'AnalysisTemplate or ClusterAnalysisTemplate (argoproj.io), Canary or MetricTemplate (flagger.app), a Prometheus rule file (groups:) or a PrometheusRule';
function kindOf(value) {
    const apiVersion = common_text(dig(value, 'apiVersion')) ?? '';
    const kind = dig(value, 'kind');
    if (apiVersion.startsWith('argoproj.io/') && ARGO_KINDS.includes(kind))
        return 'argo';
    if (apiVersion.startsWith('flagger.app/') && kind === 'Canary')
        return 'canary';
    if (apiVersion.startsWith('flagger.app/') && kind === 'MetricTemplate')
        return 'metric-template';
    if (ruleGroupsPointer(value) !== undefined)
        return 'rules';
    return undefined;
}
function importTriggers(files, guard) {
    const problems = [];
    const parsed = [];
    for (const file of files) {
        const documents = readDocuments(file.text, file.file);
        if (!Array.isArray(documents)) {
            problems.push(documents);
            continue;
        }
        if (documents.length === 0)
            problems.push({
                at: { file: file.file, line: 1, column: 1 },
                message: `import[${file.entry}]: the file holds no document to import (expected an ${IMPORTABLE})`,
            });
        // A manifest often keeps the Rollout or Canary's workload beside its analysis: other
        // Kubernetes objects in a file that holds something importable are passed over, said once.
        const importable = documents.some((d) => kindOf(d.value) !== undefined);
        for (const document of documents) {
            const kind = kindOf(document.value);
            if (kind)
                parsed.push({ file, document, kind });
            else if (importable && typeof dig(document.value, 'kind') === 'string')
                problems.push({
                    at: document.at(''),
                    level: 'warning',
                    message: `${describeDocument(document)} passed over: only its analysis is imported`,
                });
            else
                problems.push({
                    at: document.at(''),
                    message: `${describeDocument(document)} cannot be imported: expected an ${IMPORTABLE}`,
                });
        }
    }
    const templates = parsed
        .filter((p) => p.kind === 'metric-template')
        .map(({ document }) => ({
        document,
        name: common_text(dig(document.value, 'metadata', 'name')) ?? '',
        namespace: common_text(dig(document.value, 'metadata', 'namespace')),
    }));
    const used = new Set();
    const made = [];
    const known = new Map(files.map((f) => [f, new Set()]));
    const madeBy = new Map();
    for (const { file, document, kind } of parsed) {
        const context = {
            entry: `import[${file.entry}]`,
            args: file.args,
            knownArgs: known.get(file) ?? new Set(),
            ...guard,
        };
        const mapped = kind === 'argo'
            ? argoTriggers(document, context)
            : kind === 'canary'
                ? flaggerTriggers(document, templates, context, used)
                : kind === 'rules'
                    ? ruleTriggers(document, ruleGroupsPointer(document.value) ?? '/groups', context)
                    : { triggers: [], problems: [] };
        problems.push(...mapped.problems);
        made.push(...mapped.triggers.map((trigger) => ({ trigger, entry: context.entry })));
        madeBy.set(file, (madeBy.get(file) ?? 0) + mapped.triggers.length);
    }
    // A file that makes no trigger guards nothing: a guard over it would call every deploy
    // healthy. MetricTemplates are the exception: the Canary that uses them makes the triggers.
    for (const file of files) {
        const kinds = parsed.filter((p) => p.file === file).map((p) => p.kind);
        const failed = problems.some((p) => p.at.file === file.file && p.level !== 'warning');
        if (kinds.length &&
            !failed &&
            !madeBy.get(file) &&
            !kinds.every((k) => k === 'metric-template'))
            problems.push({
                at: { file: file.file, line: 1, column: 1 },
                message: `import[${file.entry}]: ${file.file} makes no trigger (nothing in it can be judged: no alerting rule, no metric to import), so a guard over it would call every deploy healthy`,
            });
    }
    for (const template of templates)
        if (!used.has(template))
            problems.push({
                at: template.document.at(''),
                level: 'warning',
                message: `MetricTemplate ${(0,src_errors/* quote */.hD)(template.name)} is used by no imported Canary metric: it adds no trigger`,
            });
    const triggers = uniqueNames(made, problems);
    // The checks every trigger of the policy gets, each at its place in the imported file.
    for (const found of triggerProblems(triggers.map((t) => t.trigger.spec))) {
        const made = triggers[found.index];
        if (!made)
            continue;
        const { trigger, entry } = made;
        // A column inside a query whose placeholders were filled is a column of the filled text.
        const filled = found.key.startsWith('/query') &&
            trigger.spec.query !== undefined &&
            trigger.mapped.some((m) => m.startsWith('args:') || m.startsWith('{{'))
            ? ` (the query as filled: ${trigger.spec.query})`
            : '';
        problems.push({
            at: found.key.startsWith('/query') ? trigger.queryAt : trigger.at,
            message: `${entry} ${(0,src_errors/* quote */.hD)(trigger.spec.name)}: ${found.message}${filled}`,
            ...(found.level ? { level: found.level } : {}),
        });
    }
    const unknownArgs = files.flatMap((file) => {
        const names = known.get(file) ?? new Set();
        return Object.keys(file.args)
            .filter((name) => !names.has(name))
            .map((name) => ({ entry: file.entry, name, known: [...names] }));
    });
    return {
        triggers: triggers.map((t) => t.trigger),
        errors: problems.filter((p) => p.level !== 'warning'),
        warnings: problems.filter((p) => p.level === 'warning'),
        unknownArgs,
    };
}
/**
 * Imported triggers named alike (the same alert in two groups, one metric name in two
 * templates) are told apart by a suffix, and the user is told: names key the report.
 */
function uniqueNames(made, problems) {
    const taken = new Map();
    return made.map((m) => {
        const { spec } = m.trigger;
        let name = spec.name;
        for (let n = 2; taken.has(name); n++)
            name = `${spec.name}-${n}`;
        if (name !== spec.name)
            problems.push({
                at: m.trigger.at,
                level: 'warning',
                message: `trigger name ${(0,src_errors/* quote */.hD)(spec.name)} is taken by ${taken.get(spec.name) ?? 'another import'}: this one is named ${(0,src_errors/* quote */.hD)(name)}`,
            });
        taken.set(name, spec.source);
        return name === spec.name ? m : { ...m, trigger: { ...m.trigger, spec: { ...spec, name } } };
    });
}
function describeDocument(document) {
    const kind = dig(document.value, 'kind');
    const apiVersion = dig(document.value, 'apiVersion');
    const n = `document ${document.index + 1}`;
    if (typeof kind === 'string')
        return `${n} (${typeof apiVersion === 'string' ? `${apiVersion} ` : ''}${kind})`;
    return n;
}

;// CONCATENATED MODULE: ./src/policy/import/files.ts
/**
 * The I/O of `import:`: each file read through the bounded reader, from inside the workspace
 * only, then handed to the pure importers; their triggers joined with the policy's own (which
 * win a name clash, as over the preset). Every problem is one line at its place.
 */











/** At most this many triggers in all, as for the policy's own. */
const MAX_TRIGGERS = 100;
/**
 * Reads and maps the policy's imports. Throws UserErrors, one per problem, when any file is
 * missing, outside the workspace, or holds something that cannot be imported.
 */
function loadImports(workspace, policyFile, policyText, policy, intervalInputMs) {
    const entries = policy.import ?? [];
    if (entries.length === 0)
        return { imported: [], warnings: [] };
    const positions = locateNodes(policyText);
    const inPolicy = (pointer) => {
        const p = positions.get(pointer) ?? { line: 1, column: 1 };
        return { file: policyFile, line: p.line, column: p.column };
    };
    const errors = [];
    const files = [];
    entries.forEach((entry, i) => {
        const at = inPolicy(`/import/${i}/file`);
        const fail = (message) => {
            errors.push(files_lineError(at, `import[${i}].file: ${message}`));
        };
        const read = readInside(workspace, entry.file);
        if (typeof read !== 'string')
            return fail(read.why);
        files.push({
            entry: i,
            file: external_node_path_.normalize(entry.file),
            text: read,
            args: Object.fromEntries(Object.entries(entry.args ?? {}).map(([k, v]) => [k, String(v)])),
        });
    });
    // Files that cannot be read are reported with what is wrong in those that can: every
    // problem at once, not one file per run.
    const intervalText = policy.watch?.interval;
    const policyInterval = intervalText === undefined ? undefined : (0,src_duration/* parseDuration */.E9)(intervalText);
    const guard = intervalInputMs !== undefined
        ? { intervalMs: intervalInputMs, intervalFrom: "input 'interval'" }
        : policyInterval !== undefined
            ? { intervalMs: policyInterval, intervalFrom: `${policyFile} watch.interval` }
            : {
                intervalMs: DEFAULTS.intervalMs,
                intervalFrom: 'the default interval',
            };
    const result = importTriggers(files, guard);
    const order = files.map((f) => f.file);
    for (const { entry, name, known } of result.unknownArgs)
        errors.push(files_lineError(inPolicy(`/import/${entry}/args/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`), `import[${entry}].args.${name}: no document of ${(0,src_errors/* quote */.hD)(entries[entry]?.file ?? '')} uses an arg ${(0,src_errors/* quote */.hD)(name)}${(0,suggest/* didYouMean */.a)(name, known) || (known.length ? `; it takes ${known.join(', ')}` : '; it takes none')}`));
    if (errors.length || result.errors.length)
        throw new src_errors/* UserErrors */.tQ([...errors, ...inOrder(result.errors, order).map(problemError)]);
    const warnings = inOrder(result.warnings, order).map(problemError);
    // The policy's own trigger of the same name wins, as it does over the preset.
    const own = new Map((policy.triggers ?? []).map((t, i) => [t.name, i]));
    const imported = [];
    const presetNames = new Set(policy.preset === 'runbook' ? (0,presets/* runbookTriggers */.a)(policy.metrics?.selector).map((t) => t.name) : []);
    for (const trigger of result.triggers) {
        const replacedBy = own.get(trigger.spec.name);
        if (replacedBy !== undefined) {
            const at = inPolicy(`/triggers/${replacedBy}/name`);
            warnings.push(problemError({
                at: trigger.at,
                message: `imported trigger ${(0,src_errors/* quote */.hD)(trigger.spec.name)} is replaced by the policy's own trigger of that name (${at.file}:${at.line})`,
            }));
            continue;
        }
        if (presetNames.has(trigger.spec.name))
            warnings.push(problemError({
                at: trigger.at,
                level: 'warning',
                message: `imported trigger ${(0,src_errors/* quote */.hD)(trigger.spec.name)} replaces the runbook preset's trigger of that name`,
            }));
        imported.push({ ...trigger.spec, mapped: trigger.mapped });
    }
    const total = imported.length + (policy.triggers?.length ?? 0);
    if (total > MAX_TRIGGERS)
        throw new src_errors/* UserErrors */.tQ([
            files_lineError(inPolicy('/import'), `import: ${imported.length} imported triggers and ${policy.triggers?.length ?? 0} of the policy's own make ${total}; at most ${MAX_TRIGGERS} are allowed`),
        ]);
    return { imported, warnings };
}
/** A file's text when it is a readable file inside the workspace, or why not. */
function readInside(workspace, file) {
    const root = realOrSame(external_node_path_.resolve(workspace));
    const resolved = external_node_path_.resolve(root, file);
    const outside = (p) => {
        const relative = external_node_path_.relative(root, p);
        return relative === '..' || relative.startsWith(`..${external_node_path_.sep}`) || external_node_path_.isAbsolute(relative);
    };
    const why = `${(0,src_errors/* quote */.hD)(file)} is outside the workspace; import reads files of the repository, given relative to it`;
    if (outside(resolved))
        return { why };
    // A link inside the workspace must not lead out of it either.
    if (outside(realOrSame(resolved)))
        return { why: `${(0,src_errors/* quote */.hD)(file)} is a link that leads outside the workspace` };
    try {
        return (0,bounded/* readFileBounded */.Y1)(resolved, limits/* LIMITS */.b.importFile);
    }
    catch (error) {
        if (error instanceof bounded/* TooLargeError */.qB)
            return {
                why: `${(0,src_errors/* quote */.hD)(file)} is larger than ${(0,limits/* formatBytes */.z)(error.limit)}; an imported file is a few KiB`,
            };
        const code = error.code;
        if (code === 'ENOENT')
            return { why: `file not found: ${(0,src_errors/* quote */.hD)(file)}` };
        if (code === 'EISDIR')
            return { why: `${(0,src_errors/* quote */.hD)(file)} is a directory, not a file` };
        return { why: `cannot read ${(0,src_errors/* quote */.hD)(file)} (${code ?? 'error'})` };
    }
}
function realOrSame(p) {
    try {
        return (0,external_node_fs_.realpathSync)(p);
    }
    catch {
        return p;
    }
}
function files_lineError(at, message) {
    return new src_errors/* UserError */.yo(`${at.file}:${at.line}:${at.column}: ${message}`, at);
}
function problemError(problem) {
    return files_lineError(problem.at, problem.message);
}
/** Problems in the order of the imports, then of their lines. */
function inOrder(problems, files) {
    return [...problems].sort((a, b) => files.indexOf(a.at.file) - files.indexOf(b.at.file) ||
        a.at.line - b.at.line ||
        a.at.column - b.at.column);
}

;// CONCATENATED MODULE: ./src/policy/load.ts






/**
 * Reads the policy file. The default path is optional: when it does not exist there is simply
 * no policy. A path the user named must exist.
 */
function loadPolicy(workspace, file, explicit, 
/** The `interval` input, which imports compare the tools' own intervals with. */
intervalInputMs) {
    let text;
    try {
        text = (0,bounded/* readFileBounded */.Y1)(external_node_path_.resolve(workspace, file), limits/* LIMITS */.b.policyFile);
    }
    catch (error) {
        if (error instanceof bounded/* TooLargeError */.qB)
            throw new src_errors/* UserError */.yo(`input 'policy': '${file}' is larger than ${(0,limits/* formatBytes */.z)(error.limit)}; a policy file is a few KiB`);
        const code = error.code;
        if (code === 'ENOENT' && !explicit)
            return undefined;
        if (code === 'ENOENT')
            throw new src_errors/* UserError */.yo(`input 'policy': file not found: '${file}'`);
        if (code === 'EISDIR')
            throw new src_errors/* UserError */.yo(`input 'policy': '${file}' is a directory, not a file`);
        throw new src_errors/* UserError */.yo(`input 'policy': cannot read '${file}': ${(0,src_errors/* messageOf */.bD)(error)}`);
    }
    const parsed = parsePolicy(text, file);
    // The files of `import:` become triggers, checked like the policy's own.
    const { imported, warnings } = loadImports(workspace, file, text, parsed.policy, intervalInputMs);
    return {
        file,
        policy: imported.length ? { ...parsed.policy, imported } : parsed.policy,
        warnings: [...parsed.warnings, ...warnings],
    };
}

// EXTERNAL MODULE: ./src/git.ts
var src_git = __webpack_require__(1243);
// EXTERNAL MODULE: ./src/github.ts
var src_github = __webpack_require__(9248);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/report/run-report.ts




/** Writes the report (the `report` output) under RUNNER_TEMP (the OS temp dir outside a runner); returns its path. */
async function writeReportFile(report, runnerTemp) {
    const dir = external_node_path_.join(runnerTemp || external_node_os_.tmpdir(), 'rollback-action');
    await (0,promises_.mkdir)(dir, { recursive: true });
    const file = external_node_path_.join(dir, `report-${report.mode}-${(0,external_node_crypto_.randomUUID)()}.json`);
    await (0,promises_.writeFile)(file, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
    return file;
}

// EXTERNAL MODULE: ./src/metrics/http.ts
var http = __webpack_require__(7345);
// EXTERNAL MODULE: ./src/report/notify-messages.ts
var notify_messages = __webpack_require__(7122);
;// CONCATENATED MODULE: ./src/notify.ts
/**
 * Notifications: the one place that posts to Slack, PagerDuty and webhooks. Best effort: a
 * notification that cannot be sent is recorded and ends as one warning naming the channel,
 * never the URL or the key, and never changes the verdict, the outputs or the step's result.
 *
 * Secrets (the Slack URL, the routing key, a webhook's URL from url-env and its headers-env
 * values) are read once, when the notifier is made, and masked at once. A request has a
 * timeout and a size-capped answer, follows no redirect (it would resend the secret
 * elsewhere), and is tried again only for what can change: no connection, a 5xx, a 429,
 * waiting as long as Retry-After asks when that is not too long. `initiated` is sent without
 * holding the rollback up; the events of one run reach each channel in order.
 */






const POST_DEFAULTS = {
    timeoutMs: 10_000,
    attempts: 3,
    backoffMs: 1_000,
    maxRetryAfterMs: 15_000,
};
/** Bytes of an answer read at most: only an excerpt is ever shown. */
const ANSWER_BYTES = 16 * 1024;
const EXCERPT_CHARS = 150;
/**
 * POSTs `body` as JSON. Resolves with what happened, never rejects; `detail` may quote the
 * service's answer and Node's error, so callers scrub their secrets from it.
 */
async function postJson(url, headers, body, options) {
    const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
    const prepared = (0,http/* prepareRequest */.nd)(url, {
        ...headers,
        ...(hasType ? {} : { 'Content-Type': 'application/json' }),
    });
    if (prepared instanceof http/* HttpFailure */.HR)
        return { ok: false, detail: prepared.message, attempts: 0 };
    const text = JSON.stringify(body);
    let waitMs = options.backoffMs;
    for (let attempt = 1;; attempt++) {
        let retry;
        try {
            const response = await fetch(prepared.url, {
                method: 'POST',
                headers: prepared.headers,
                body: text,
                redirect: 'manual',
                signal: AbortSignal.timeout(options.timeoutMs),
            });
            const answer = response.body
                ? await (0,bounded/* readBodyBounded */.mR)(response.body, ANSWER_BYTES).catch(() => '')
                : '';
            if (response.status >= 200 && response.status < 300)
                return { ok: true, status: response.status, attempts: attempt };
            const detail = `answered ${response.status}${excerpt(answer)}${response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : ''}`;
            if (response.status !== 429 && response.status < 500)
                return { ok: false, detail, attempts: attempt };
            const afterMs = retryAfterMs(response.headers.get('retry-after'), options.clock.now());
            retry = { detail, ...(afterMs !== undefined ? { afterMs } : {}) };
        }
        catch (error) {
            const failure = (0,http/* classifyFetchError */.D$)(error, options.timeoutMs);
            // A bad address, TLS or an unsendable request will not change by asking again.
            if (failure.misconfigured)
                return { ok: false, detail: failure.message, attempts: attempt };
            retry = { detail: failure.message };
        }
        const tried = attempt > 1 ? ` (after ${attempt} attempts)` : '';
        if (attempt >= options.attempts)
            return { ok: false, detail: `${retry.detail}${tried}`, attempts: attempt };
        if (retry.afterMs !== undefined && retry.afterMs > options.maxRetryAfterMs)
            return {
                ok: false,
                detail: `${retry.detail}, Retry-After ${Math.ceil(retry.afterMs / 1000)} s, longer than this run waits${tried}`,
                attempts: attempt,
            };
        await options.clock.sleep(retry.afterMs ?? waitMs);
        waitMs *= 2;
    }
}
/** Retry-After in ms (seconds, or an HTTP date); undefined when absent or unreadable. */
function retryAfterMs(value, now) {
    if (value === null || value.trim() === '')
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
function excerpt(answer) {
    const line = answer.replace(/\s+/g, ' ').trim();
    if (!line)
        return '';
    return `: ${line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS)}…` : line}`;
}
/** A notifier for a run that sends nothing (modes that never roll back). */
const silentNotifier = {
    start: () => undefined,
    send: () => Promise.resolve(),
    settle: () => Promise.resolve([]),
    abandon: () => Promise.resolve(),
    events: [],
};
/**
 * Reads the channels' secrets from the environment (masking each at once) and returns the
 * notifier. A variable the policy names but the step does not set is one warning now, before
 * any watch, rather than a silent channel at 3 a.m.
 */
function createNotifier(options) {
    const secrets = [];
    // Each secret in the forms a service may echo it back in (the token after `Bearer `, encoded).
    const mask = (value) => {
        if (!value)
            return;
        for (const form of (0,src_secrets/* secretForms */.e)(value)) {
            secrets.push(form);
            options.setSecret(form);
        }
    };
    const channels = readChannels(options, mask);
    for (const c of channels)
        if (c.problem)
            options.warn(`${c.label} will not be notified: ${c.problem}`);
    if (!channels.length)
        return silentNotifier;
    const scrub = (text) => secrets
        .filter((s) => s.length >= 4)
        .reduce((out, s) => out.split(s).join('***'), (0,src_url/* redactUrlsIn */.$1)(text));
    const post = { ...POST_DEFAULTS, ...options.post, clock: options.clock };
    const records = [];
    const events = [];
    let initiated;
    let chain = Promise.resolve();
    const deliver = async (channel, facts) => {
        const record = (status, detail) => {
            const line = scrub(detail);
            records.push({ channel: channel.id, event: facts.event, status, detail: line });
            options.log(`notify: ${channel.label} (${facts.event}): ${status}: ${line}`);
        };
        if (channel.severities) {
            const severity = facts.severity;
            if (!severity || !channel.severities.includes(severity)) {
                record('skipped', `${severity ?? 'no severity'} does not page (severities: ${channel.severities.join(', ')})`);
                return;
            }
        }
        if (channel.problem)
            return record('failed', channel.problem);
        if (options.dryRun)
            return record('planned', `dry run: would send ${channel.preview(facts)}`);
        const result = await postJson(channel.url, channel.headers, channel.body(facts), post);
        if (result.ok)
            record('sent', `answered ${result.status}${result.attempts > 1 ? ` after ${result.attempts} attempts` : ''}`);
        else
            record('failed', result.detail);
    };
    const enqueue = (facts) => {
        events.push(facts.event);
        if (facts.event === 'initiated')
            initiated = facts;
        const subscribed = channels.filter((c) => c.events.includes(facts.event));
        chain = chain
            .then(() => Promise.all(subscribed.map((c) => deliver(c, facts))))
            .then(() => undefined, 
        // deliver records its failures; this only keeps the chain alive whatever happens.
        () => undefined);
        return chain;
    };
    const notifier = {
        start: (facts) => void enqueue(facts),
        send: (facts) => enqueue(facts),
        abandon: async (why, at) => {
            try {
                if (initiated && events.every((e) => e === 'initiated'))
                    await enqueue({
                        ...initiated,
                        event: 'failed',
                        verdict: 'rollback-failed',
                        severity: 'P0',
                        actionNeeded: why,
                        at,
                    });
                await notifier.settle();
            }
            catch {
                // best effort, as every notification
            }
        },
        settle: async () => {
            await chain;
            const failed = new Map();
            for (const r of records.filter((r) => r.status === 'failed'))
                failed.set(r.channel, [...(failed.get(r.channel) ?? []), r]);
            for (const [id, list] of failed) {
                const channel = channels.find((c) => c.id === id);
                // A channel that could not be set up was warned about when the run began.
                if (!channel || channel.problem)
                    continue;
                const last = list.at(-1)?.detail ?? '';
                options.warn(`${channel.label} was not notified (${list.map((r) => r.event).join(', ')}): ${last}; the rollback and its verdict are not affected`);
            }
            return [...records];
        },
        get events() {
            return [...events];
        },
    };
    return notifier;
}
/**
 * After guard or rollback: the outcome (completed, failed or recommended) from the mode's
 * report, once the incident is filed so its URL is in the message; then every delivery ends
 * and one line goes to the job summary. The records for the report; undefined for other modes.
 */
async function notifyOutcome(context, result) {
    const { config, env } = context;
    if (config.mode !== 'guard' && config.mode !== 'rollback')
        return undefined;
    const facts = (0,notify_messages/* outcomeFacts */.c6)({
        report: result.report,
        outputs: result.outputs,
        failure: result.failure,
        run: {
            ...(context.run.runUrl ? { runUrl: context.run.runUrl } : {}),
            ...(env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {}),
            ...(context.run.sha ? { sha: context.run.sha } : {}),
            at: context.clock.now(),
        },
    });
    if (facts)
        await context.notifier.send(facts);
    const records = await context.notifier.settle();
    if (records.length && env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z
            .addRaw(`\n${(0,notify_messages/* notificationsLine */.NG)(records)}\n`)
            .write()
            .catch(() => undefined);
    return records;
}
/** The policy's channels, each secret read from the environment and masked at once. */
function readChannels(options, mask) {
    const { policy, env } = options;
    if (!policy)
        return [];
    const channels = [];
    /** A URL from a variable: masked whole and by its path, which is the credential of many hooks. */
    const urlFrom = (variable, key) => {
        const value = env[variable]?.trim();
        if (!value)
            return {
                url: '',
                problem: `${key} names ${variable}, which is not set in this step (set it under env: from a secret)`,
            };
        mask(value);
        (0,src_url/* urlSecrets */.Fn)(value).forEach(mask);
        if (!(0,src_url/* isHttpUrl */.q$)(value))
            return { url: '', problem: `${variable} (${key}) does not hold an http:// or https:// URL` };
        const { pathname, search } = new URL(value);
        if (`${pathname}${search}`.length >= 16)
            mask(`${pathname}${search}`);
        return { url: value };
    };
    const slack = policy.slack;
    if (slack) {
        const { url, problem } = urlFrom(slack['webhook-url-env'], 'notify.slack.webhook-url-env');
        channels.push({
            id: 'slack',
            label: 'Slack',
            events: slack.on ?? notify_messages/* DEFAULT_ON */.ax.slack,
            ...(problem ? { problem } : {}),
            url,
            headers: {},
            body: (facts) => (0,notify_messages/* slackMessage */.y$)(facts, slack.channel),
            preview: (facts) => JSON.stringify((0,notify_messages/* slackMessage */.y$)(facts, slack.channel).text.split('\n')[0]),
        });
    }
    const pd = policy.pagerduty;
    if (pd) {
        const variable = pd['routing-key-env'];
        const key = env[variable]?.trim() ?? '';
        if (key)
            mask(key);
        (0,src_url/* urlSecrets */.Fn)(pd.url ?? '').forEach(mask);
        channels.push({
            id: 'pagerduty',
            label: 'PagerDuty',
            events: pd.on ?? notify_messages/* DEFAULT_ON */.ax.pagerduty,
            severities: pd.severities ?? notify_messages/* DEFAULT_PAGE_SEVERITIES */.kA,
            ...(key
                ? {}
                : {
                    problem: `notify.pagerduty.routing-key-env names ${variable}, which is not set in this step (set it under env: from a secret)`,
                }),
            url: pd.url ?? notify_messages/* PAGERDUTY_URL */.uL,
            headers: {},
            body: (facts) => (0,notify_messages/* pagerDutyEvent */.qe)(facts, key),
            preview: (facts) => {
                const event = (0,notify_messages/* pagerDutyEvent */.qe)(facts, '***');
                return `a ${event.payload.severity} trigger: ${JSON.stringify(event.payload.summary)}`;
            },
        });
    }
    for (const [i, hook] of (policy.webhooks ?? []).entries()) {
        const at = `notify.webhooks[${i}]`;
        const variable = hook['url-env'];
        const source = variable ? urlFrom(variable, `${at}.url-env`) : { url: hook.url ?? '' };
        if (!variable)
            (0,src_url/* urlSecrets */.Fn)(source.url).forEach(mask);
        const { headers, secrets, missing } = (0,http/* headersFromEnv */.gx)(hook.headers, hook['headers-env'], env);
        secrets.forEach(mask);
        const problem = source.problem ??
            (missing.length
                ? `${at}.headers-env names ${missing.join(', ')}, not set in this step (set it under env: from a secret)`
                : undefined);
        channels.push({
            id: `webhook ${hook.name}`,
            label: `webhook '${hook.name}'`,
            events: hook.on ?? notify_messages/* DEFAULT_ON */.ax.webhook,
            ...(problem ? { problem } : {}),
            url: source.url,
            headers,
            body: notify_messages/* webhookBody */.Cd,
            preview: (facts) => `the ${facts.event} JSON (${JSON.stringify((0,notify_messages/* webhookBody */.Cd)(facts)).length} bytes)`,
        });
    }
    return channels;
}

;// CONCATENATED MODULE: ./src/main.ts

















/**
 * Each mode's code is imported when it runs, so ncc emits it as a chunk beside index.js and a
 * start pays for compiling only the mode it runs (`mode: validate` never loads the Kubernetes,
 * GitHub or rollback code).
 */
const MODE_LOADERS = {
    guard: async () => (await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(806), __webpack_require__.e(777), __webpack_require__.e(390), __webpack_require__.e(402)]).then(__webpack_require__.bind(__webpack_require__, 3402))).guard,
    capture: async () => (await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(777), __webpack_require__.e(355)]).then(__webpack_require__.bind(__webpack_require__, 1355))).capture,
    rollback: async () => (await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(806), __webpack_require__.e(777), __webpack_require__.e(390), __webpack_require__.e(538)]).then(__webpack_require__.bind(__webpack_require__, 4538))).rollback,
    verify: async () => (await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(806), __webpack_require__.e(777), __webpack_require__.e(119)]).then(__webpack_require__.bind(__webpack_require__, 8119))).verify,
    rehearse: async () => (await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(806), __webpack_require__.e(252)]).then(__webpack_require__.bind(__webpack_require__, 9252))).rehearse,
    'mark-good': async () => (await __webpack_require__.e(/* import() */ 880).then(__webpack_require__.bind(__webpack_require__, 9880))).markGood,
    backtest: async () => (await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(853)]).then(__webpack_require__.bind(__webpack_require__, 2853))).backtest,
    validate: async () => (await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(801)]).then(__webpack_require__.bind(__webpack_require__, 5801))).validate,
};
/**
 * The action's one error boundary. Everything below throws; here a user's mistake becomes one
 * annotated line per problem and exit code 1, and anything else a one-line failure with the
 * stack in the debug log.
 */
async function run(env = process.env, clock = src_clock/* systemClock */.ml) {
    let notifier;
    try {
        const startedAt = new Date(clock.now()).toISOString();
        const inputs = readInputs();
        if (inputs.kubeconfig)
            core/* setSecret */.Pq(inputs.kubeconfig);
        if (inputs.githubToken)
            (0,src_secrets/* maskSecret */.$)(inputs.githubToken);
        // Credentials in the URL input (userinfo, ?token=) are masked before anything prints.
        for (const secret of (0,src_url/* urlSecrets */.Fn)(inputs.prometheusUrl ?? ''))
            (0,src_secrets/* maskSecret */.$)(secret);
        const workspace = env.GITHUB_WORKSPACE || process.cwd();
        const loaded = loadPolicy(workspace, inputs.policyPath, inputs.policyExplicit, inputs.intervalMs);
        const config = resolveConfig(inputs, loaded);
        for (const { message, location: at } of config.warnings)
            core/* warning */.$e(`rollback-action: ${message}`, at ? { file: at.file, startLine: at.line, startColumn: at.column } : {});
        // Only the modes that roll back notify; their secrets are read and masked now.
        notifier =
            config.mode === 'guard' || config.mode === 'rollback'
                ? createNotifier({
                    policy: config.policy.notify,
                    env,
                    dryRun: config.dryRun,
                    setSecret: src_secrets/* maskSecret */.$,
                    log: (line) => core/* info */.pq(line),
                    warn: (line) => core/* warning */.$e(`rollback-action: ${line}`),
                    clock,
                })
                : silentNotifier;
        // @kubernetes/client-node is most of the bundle: it is loaded only when there is a
        // kubeconfig to read, and without one the first use says so as connect() would.
        const kube = (0,kubeconfig_source/* hasKubeConfig */.__)({ kubeconfig: config.kubeconfig, env })
            ? await Promise.all(/* import() */[__webpack_require__.e(259), __webpack_require__.e(191)]).then(__webpack_require__.bind(__webpack_require__, 3191))
            : undefined;
        const handler = await MODE_LOADERS[config.mode]();
        let clients;
        let git;
        let github;
        const context = {
            config,
            clock,
            env,
            run: {
                sha: env.GITHUB_SHA,
                runUrl: env.GITHUB_RUN_ID
                    ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID}`
                    : undefined,
                runnerTemp: env.RUNNER_TEMP,
            },
            kube: () => {
                if (!kube)
                    throw (0,kubeconfig_source/* noKubeconfigError */.vb)();
                return (clients ??= kube.connect({
                    kubeconfig: config.kubeconfig,
                    contexts: config.contexts.value,
                    contextsFrom: config.contexts.from === 'policy'
                        ? `${config.policyFile ?? 'the policy'} contexts`
                        : "input 'contexts'",
                    env,
                    clock,
                    setSecret: src_secrets/* maskSecret */.$,
                    log: (line) => core/* info */.pq(line),
                    // A transient API failure is retried, but never for longer than the rollback may take.
                    retryForMs: Math.min(60_000, config.rollbackTimeoutMs),
                }));
            },
            git: () => {
                if (git === undefined)
                    git = (0,external_node_fs_.existsSync)(external_node_path_.join(workspace, '.git'))
                        ? (0,src_git/* createGit */.lD)({
                            cwd: workspace,
                            ...(config.githubToken ? { token: config.githubToken } : {}),
                            ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
                            env,
                            // Each git command in the debug log; what it meant is logged by its caller.
                            log: (line) => core/* debug */.Yz(line),
                            setSecret: src_secrets/* maskSecret */.$,
                        })
                        : null;
                return git ?? undefined;
            },
            github: () => {
                if (github === undefined)
                    github =
                        config.githubToken && env.GITHUB_REPOSITORY
                            ? (0,src_github/* createGitHub */.Cl)({
                                token: config.githubToken,
                                repository: env.GITHUB_REPOSITORY,
                                ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
                            })
                            : null;
                return github ?? undefined;
            },
            notifier,
        };
        const result = await handler(context);
        const notifications = await notifyOutcome(context, result);
        const report = {
            'report-version': 1,
            mode: config.mode,
            'started-at': startedAt,
            'finished-at': new Date(clock.now()).toISOString(),
            'policy-file': config.policyFile ?? null,
            ...result.report,
            ...(notifications ? { notifications } : {}),
        };
        for (const [name, value] of Object.entries(result.outputs))
            core/* setOutput */.uH(name, value);
        core/* setOutput */.uH(constants/* Outputs */.tY.Report, JSON.stringify(report));
        core/* setOutput */.uH(constants/* Outputs */.tY.ReportPath, await writeReportFile(report, env.RUNNER_TEMP));
        if (result.failure)
            core/* setFailed */.C1(`rollback-action: ${result.failure}`);
    }
    catch (error) {
        // A rollback announced, then cut short by an error, must not be left at "initiated".
        await notifier?.abandon(`the run stopped: ${(0,src_url/* redactUrlsIn */.$1)((0,src_errors/* messageOf */.bD)(error))}`, clock.now());
        await fail(error, env);
    }
}
/** More problems than this are counted, not listed: the first ones are the ones to fix. */
const MAX_ERROR_LINES = 20;
async function fail(error, env) {
    const userErrors = error instanceof src_errors/* UserErrors */.tQ ? error.errors : error instanceof src_errors/* UserError */.yo ? [error] : undefined;
    const lines = [];
    if (userErrors) {
        for (const e of userErrors.slice(0, MAX_ERROR_LINES)) {
            const at = e.location;
            lines.push((0,src_url/* redactUrlsIn */.$1)(e.message));
            core/* error */.z3(`rollback-action: ${(0,src_url/* redactUrlsIn */.$1)(e.message)}`, at ? { file: at.file, startLine: at.line, startColumn: at.column } : {});
        }
        const more = userErrors.length - MAX_ERROR_LINES;
        if (more > 0) {
            lines.push(`… and ${more} more problems`);
            core/* error */.z3(`rollback-action: ${more} more problems not shown; fix the ones above first`);
        }
        process.exitCode = core/* ExitCode */.yU.Failure;
    }
    else {
        if (error instanceof Error && error.stack)
            core/* debug */.Yz(error.stack);
        // A library's message may quote a URL it was given: the boundary redacts what it prints.
        lines.push((0,src_url/* redactUrlsIn */.$1)((0,src_errors/* messageOf */.bD)(error)));
        core/* setFailed */.C1(`rollback-action: ${(0,src_url/* redactUrlsIn */.$1)((0,src_errors/* messageOf */.bD)(error))}`);
    }
    // The summary is what a person opens first: it says why nothing was done.
    if (env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z
            .addRaw(`## ❌ rollback-action: ${userErrors ? 'stopped before acting' : 'failed'}\n\n`)
            .addRaw(userErrors ? 'Nothing was changed. Fix this and run again:\n\n' : '')
            .addRaw(lines.map((l) => `- ${(0,markdown/* escapeText */.X1)(l)}`).join('\n'))
            .addEOL()
            .write()
            .catch(() => undefined);
}


/***/ }),

/***/ 8980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J$: () => (/* binding */ parseMatchers),
/* harmony export */   Ld: () => (/* binding */ DEFAULT_SEVERITY_MAP),
/* harmony export */   aG: () => (/* binding */ alertKey),
/* harmony export */   b9: () => (/* binding */ AlertmanagerProvider),
/* harmony export */   qA: () => (/* binding */ alreadyFiring)
/* harmony export */ });
/* unused harmony export sortAlerts */
/* harmony import */ var _bounded_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6586);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(351);
/* harmony import */ var _analysis_series_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6201);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7666);
/* harmony import */ var _api_client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3145);
/* harmony import */ var _re2_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3368);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8992);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/**
 * The alerts a team already has, read from Alertmanager's API v2 (`GET /api/v2/alerts`, one
 * `filter` per matcher). An alert matching the trigger's matchers that began after the deploy
 * breaches (one series per alert, its severity from its `severity` label); alerts already
 * firing before the deploy are the baseline, listed and not counted until they resolve and
 * fire again (Alertmanager then gives them a new start); silenced and inhibited alerts are
 * listed and ignored unless the trigger includes them. An Alertmanager that cannot be read is
 * no data, never a breach; matchers it refuses are the policy's error.
 */








/**
 * Common `severity` label values as this action's severities, from the runbooks' decision
 * matrix: P0 is "roll back now" (what pages), P1 "roll back within minutes" (kubernetes-mixin
 * marks a crash loop `warning`), P2 "look first" (`info`). A policy's `severity-map` adds to
 * and overrides these; rule-file imports use them too.
 */
const DEFAULT_SEVERITY_MAP = Object.fromEntries([
    ...['critical', 'page', 'pager', 'emergency', 'p0', 'sev0', 'sev1'].map((v) => [v, 'P0']),
    ...['warning', 'warn', 'error', 'high', 'major', 'p1', 'sev2'].map((v) => [v, 'P1']),
    ...['info', 'low', 'minor', 'ticket', 'none', 'p2', 'sev3', 'sev4'].map((v) => [v, 'P2']),
]);
const MATCHER = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|!~|!=|=)\s*([\s\S]*?)\s*$/;
/**
 * A policy's matcher text as Alertmanager's own parser reads it (`service="api"`,
 * `severity=~page|critical`), or `{a="b", c=~"d"}` as a set: canonical matchers to send, or
 * what is wrong, regular expressions checked as RE2 reads them.
 */
function parseMatchers(text) {
    const trimmed = text.trim();
    const inner = trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1) : trimmed;
    if (inner.trim() === '')
        return { error: 'no matcher' };
    const parts = splitOutsideQuotes(inner);
    if (parts === undefined)
        return { error: 'a quoted value is not closed' };
    const matchers = [];
    for (const part of parts) {
        if (part.trim() === '')
            continue;
        // In a set, say which of its matchers is wrong.
        const which = parts.length > 1 ? `${JSON.stringify(part.trim())}: ` : '';
        const m = MATCHER.exec(part);
        if (!m)
            return { error: `${which}not a matcher like service="api"` };
        const [, name = '', op = '', raw = ''] = m;
        let value = raw;
        if (raw.startsWith('"')) {
            try {
                value = JSON.parse(raw);
            }
            catch {
                return { error: `${which}the quoted value has a bad escape or text after its quote` };
            }
        }
        else if (raw.includes('"'))
            return { error: `${which}a quote inside an unquoted value` };
        const regex = op === '=~' || op === '!~' ? (0,_re2_js__WEBPACK_IMPORTED_MODULE_4__/* .re2Problem */ .n)(value) : undefined;
        if (regex)
            return { error: `${which}${regex}` };
        matchers.push(`${name}${op}${JSON.stringify(value)}`);
    }
    if (matchers.length === 0)
        return { error: 'no matcher' };
    return { matchers };
}
/** Commas outside double quotes split; undefined when a quote is left open. */
function splitOutsideQuotes(text) {
    const parts = [];
    let current = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i] ?? '';
        if (quoted && c === '\\') {
            current += c + (text[i + 1] ?? '');
            i += 1;
            continue;
        }
        if (c === '"')
            quoted = !quoted;
        if (c === ',' && !quoted) {
            parts.push(current);
            current = '';
        }
        else
            current += c;
    }
    if (quoted)
        return undefined;
    parts.push(current);
    return parts;
}
function isAlert(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const a = value;
    return (typeof a.labels === 'object' &&
        a.labels !== null &&
        typeof a.startsAt === 'string' &&
        Number.isFinite(Date.parse(a.startsAt)));
}
/**
 * One alert's identity across processes: its labels and its start. An alert that resolves
 * and fires again starts anew, so it is another alert.
 */
function alertKey(alert) {
    return `${(0,_analysis_series_js__WEBPACK_IMPORTED_MODULE_2__/* .describeLabels */ .J3)(alert.labels)}@${alert.since ?? ''}`;
}
/**
 * Pure: each active alert into firing (began at or after `cutoff`), pre-existing (before it)
 * or ignored (silenced or inhibited, unless included). Resolved alerts are left out.
 */
function sortAlerts(alerts, query, cutoff, now, 
/** Alerts seen firing at capture (alertKey): the baseline, whatever their start. */
known = new Set()) {
    const sorted = { firing: [], preexisting: [], ignored: [] };
    for (const alert of alerts) {
        const ends = alert.endsAt ? Date.parse(alert.endsAt) : NaN;
        if (Number.isFinite(ends) && ends <= now)
            continue;
        const since = Date.parse(alert.startsAt);
        const label = alert.labels.severity?.toLowerCase();
        const severity = label === undefined ? undefined : query.severityMap[label];
        const series = {
            labels: alert.labels,
            value: 1,
            since,
            ...(severity ? { severity } : {}),
        };
        const muted = alert.status?.state === 'suppressed' ||
            (alert.status?.silencedBy?.length ?? 0) > 0 ||
            (alert.status?.inhibitedBy?.length ?? 0) > 0;
        if (muted && !query.includeSilenced)
            sorted.ignored.push(series);
        else if (since < cutoff || known.has(alertKey(series)))
            sorted.preexisting.push(series);
        else
            sorted.firing.push(series);
    }
    return sorted;
}
/** Preflight's word on the alerts firing before the deploy, if any: they are the baseline. */
function alreadyFiring(alerts) {
    if (alerts.length === 0)
        return undefined;
    const names = [...new Set(alerts.map((a) => a.labels.alertname ?? (0,_analysis_series_js__WEBPACK_IMPORTED_MODULE_2__/* .describeLabels */ .J3)(a.labels)))];
    return {
        level: 'warning',
        message: `${(0,_text_js__WEBPACK_IMPORTED_MODULE_6__/* .plural */ .L)(alerts.length, 'alert')} already firing (${names.join(', ')}): the baseline, not counted unless ${(0,_text_js__WEBPACK_IMPORTED_MODULE_6__/* .inflect */ .m)(alerts.length, 'it resolves and fires', 'they resolve and fire')} again`,
    };
}
class AlertmanagerProvider {
    options;
    name = 'alertmanager';
    constructor(options) {
        this.options = options;
    }
    async alerts(query) {
        const where = (0,_url_js__WEBPACK_IMPORTED_MODULE_7__/* .redactUrl */ .BO)(this.options.url);
        let answer;
        try {
            answer = await (0,_api_client_js__WEBPACK_IMPORTED_MODULE_3__/* .apiGet */ .V)(this.options, '/api/v2/alerts', { filter: query.matchers, active: 'true', silenced: 'true', inhibited: 'true' }, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b.prometheusAnswer);
        }
        catch (error) {
            if (error instanceof _bounded_js__WEBPACK_IMPORTED_MODULE_0__/* .TooLargeError */ .qB)
                return {
                    reason: `Alertmanager answered more than ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z)(error.limit)}; narrow the matchers`,
                };
            return {
                reason: `Alertmanager unreachable at ${where}: ${(0,_url_js__WEBPACK_IMPORTED_MODULE_7__/* .redactUrlsIn */ .$1)((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .messageOf */ .bD)(error))}`,
            };
        }
        let body;
        try {
            body = JSON.parse(answer.text);
        }
        catch {
            body = undefined;
        }
        // Alertmanager answers a matcher it cannot parse with 400 and its reason as a JSON string;
        // any other 400 (a proxy's HTML page) says nothing about the matchers.
        if (answer.status === 400 && typeof body === 'string')
            return {
                reason: `Alertmanager refused the matchers ${query.matchers.join(', ')}: ${body}`,
                rejected: true,
            };
        if (answer.status === 401 || answer.status === 403)
            return {
                reason: `Alertmanager at ${where} answered HTTP ${answer.status} (check its credentials)`,
                auth: true,
            };
        const notHere = `is ${where} Alertmanager's base URL (like http://alertmanager:9093)?`;
        if (answer.status === 404)
            return { reason: `${where} answered HTTP 404 for /api/v2/alerts: ${notHere}` };
        if (answer.status >= 300 && answer.status < 400)
            return {
                reason: `${where} answered HTTP ${answer.status}, a redirect: give the URL it redirects to`,
            };
        if (answer.status !== 200)
            return { reason: `Alertmanager at ${where} answered HTTP ${answer.status}` };
        if (!Array.isArray(body) || !body.every(isAlert))
            return {
                reason: `${where} answered /api/v2/alerts with something that is not a list of alerts: ${notHere}`,
            };
        return { alerts: body };
    }
    async read(query, window) {
        if (!query.alerts)
            return { reason: 'the trigger has no matchers' };
        const answer = await this.alerts(query.alerts);
        if ('reason' in answer)
            return { reason: answer.reason, ...(answer.rejected ? { rejected: true } : {}) };
        const sorted = sortAlerts(answer.alerts, query.alerts, window.deployedAt ?? window.since, window.now, window.knownAlerts);
        return {
            value: sorted.firing.length ? 1 : 0,
            series: sorted.firing,
            preexisting: sorted.preexisting,
            ignored: sorted.ignored,
        };
    }
    /** Preflight: Alertmanager answers the matchers; alerts firing now are the baseline. */
    async check(query, window) {
        if (!query.alerts)
            return { level: 'error', message: 'the trigger has no matchers' };
        const answer = await this.alerts(query.alerts);
        if ('reason' in answer)
            return { level: 'error', message: answer.reason };
        return alreadyFiring(sortAlerts(answer.alerts, query.alerts, Infinity, window.now).preexisting);
    }
}


/***/ }),

/***/ 3145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ apiGet)
/* harmony export */ });
/* harmony import */ var _http_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6215);

async function apiGet(connection, path, params, maxBytes) {
    const url = new URL(connection.url.replace(/\/$/, '') + path);
    for (const [name, value] of Object.entries(params))
        for (const each of typeof value === 'string' ? [value] : value)
            url.searchParams.append(name, each);
    const headers = { Accept: 'application/json', ...connection.headers };
    if (connection.bearerToken)
        headers.Authorization = `Bearer ${connection.bearerToken}`;
    else if (connection.basicAuth)
        headers.Authorization = `Basic ${Buffer.from(`${connection.basicAuth.username}:${connection.basicAuth.password}`).toString('base64')}`;
    const { status, text } = await (0,_http_client_js__WEBPACK_IMPORTED_MODULE_0__/* .send */ .t)({
        url,
        headers,
        timeoutMs: connection.timeoutMs ?? 10_000,
        maxBytes,
        ...(connection.ca ? { tls: { ca: connection.ca } } : {}),
    });
    return { status, text };
}


/***/ }),

/***/ 2019:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EV: () => (/* binding */ histogramQuantile),
/* harmony export */   Lt: () => (/* binding */ select),
/* harmony export */   Pe: () => (/* binding */ counterIncrease),
/* harmony export */   Pl: () => (/* binding */ parseSelector),
/* harmony export */   _O: () => (/* binding */ bucketIncreases),
/* harmony export */   gw: () => (/* binding */ parseExposition)
/* harmony export */ });
/**
 * The scrape provider's arithmetic over Prometheus text exposition, as pure functions:
 * parsing samples, counter increases between two scrapes (a counter that went down was reset,
 * as when pods are replaced), and quantiles from histogram buckets the way PromQL's
 * histogram_quantile interpolates them. (parse-prometheus-text-format was tried: it drops the
 * labels of histogram samples, which the per-route and per-pod series need.)
 */
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?\s*$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?/gy;
function unescape(value) {
    return value.replace(/\\(.)/g, (_m, c) => (c === 'n' ? '\n' : c));
}
function parseValue(text) {
    if (text === '+Inf' || text === 'Inf')
        return Number.POSITIVE_INFINITY;
    if (text === '-Inf')
        return Number.NEGATIVE_INFINITY;
    return Number(text);
}
/** Every sample line of a text exposition; comments and malformed lines are skipped. */
function parseExposition(text) {
    const samples = [];
    for (const line of text.split('\n')) {
        if (line === '' || line.startsWith('#'))
            continue;
        const match = SAMPLE.exec(line);
        if (!match)
            continue;
        const labels = {};
        const body = match[2] ?? '';
        LABEL.lastIndex = 0;
        let label;
        while (LABEL.lastIndex < body.length && (label = LABEL.exec(body)) !== null)
            labels[label[1] ?? ''] = unescape(label[2] ?? '');
        samples.push({ name: match[1] ?? '', labels, value: parseValue(match[3] ?? '') });
    }
    return samples;
}
function asList(matchers) {
    return Array.isArray(matchers)
        ? matchers
        : Object.entries(matchers).map(([label, pattern]) => ({ label, pattern, negate: false }));
}
function select(samples, name, matchers = []) {
    const list = asList(matchers);
    return samples.filter((s) => s.name === name &&
        list.every(({ label, pattern, negate }) => {
            const value = s.labels[label] ?? '';
            const hit = typeof pattern === 'string' ? value === pattern : pattern.test(value);
            return hit !== negate;
        }));
}
/**
 * A PromQL series selector, `name{a="x",b=~"re",c!="y",d!~"re"}`, as a name and matchers.
 * Regular expressions are anchored, as in PromQL. Undefined when it is not one.
 */
function parseSelector(text) {
    const match = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{(.*)\})?\s*$/.exec(text);
    if (!match)
        return undefined;
    const matchers = [];
    const body = (match[2] ?? '').trim();
    const term = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*,?\s*/y;
    let consumed = 0;
    for (let found = term.exec(body); found !== null; found = term.exec(body)) {
        const [, label = '', op, raw = ''] = found;
        const value = unescape(raw);
        const pattern = op === '=~' || op === '!~' ? new RegExp(`^(?:${value})$`) : value;
        matchers.push({ label, pattern, negate: op === '!=' || op === '!~' });
        consumed = term.lastIndex;
        if (consumed >= body.length)
            break;
    }
    if (consumed < body.length)
        return undefined;
    return { name: match[1] ?? '', matchers };
}
function seriesKey(labels) {
    return Object.keys(labels)
        .sort()
        .map((k) => `${k}=${labels[k] ?? ''}`)
        .join(',');
}
/**
 * The increase of a counter between two scrapes, summed over its series. A series that went
 * down was reset (its process restarted) and contributes its new value; a series that is new
 * contributes its whole value, one that vanished contributes nothing.
 */
function counterIncrease(before, after) {
    const previous = new Map(before.map((s) => [seriesKey(s.labels), s.value]));
    let total = 0;
    for (const s of after) {
        const old = previous.get(seriesKey(s.labels)) ?? 0;
        total += s.value >= old ? s.value - old : s.value;
    }
    return total;
}
/**
 * Each bucket's increase between two scrapes of a histogram's `_bucket` series (summed over
 * series), by bound in seconds, ascending; +Inf last when exported.
 */
function bucketIncreases(before, after) {
    const byBound = new Map();
    const bucketOf = (s) => parseValue(s.labels.le ?? 'NaN');
    for (const s of after) {
        const entry = byBound.get(bucketOf(s)) ?? { before: [], after: [] };
        entry.after.push(s);
        byBound.set(bucketOf(s), entry);
    }
    for (const s of before)
        byBound.get(bucketOf(s))?.before.push(s);
    return [...byBound.entries()]
        .filter(([bound]) => !Number.isNaN(bound))
        .map(([le, { before: b, after: a }]) => ({ le, count: counterIncrease(b, a) }))
        .sort((x, y) => x.le - y.le);
}
/**
 * The q-quantile of the observations between two scrapes of a histogram's `_bucket` series,
 * interpolated linearly inside the bucket as PromQL does; undefined without observations.
 */
function histogramQuantile(q, before, after) {
    const buckets = bucketIncreases(before, after).map(({ le, count }) => ({ bound: le, count }));
    const total = buckets.at(-1)?.count ?? 0;
    if (buckets.length < 2 || total <= 0 || buckets.at(-1)?.bound !== Number.POSITIVE_INFINITY)
        return undefined;
    const rank = q * total;
    let lowerBound = 0;
    let lowerCount = 0;
    for (const { bound, count } of buckets) {
        if (count >= rank) {
            if (bound === Number.POSITIVE_INFINITY)
                return lowerBound; // PromQL returns the highest finite bound
            return (lowerBound +
                ((bound - lowerBound) * (rank - lowerCount)) /
                    Math.max(count - lowerCount, Number.MIN_VALUE));
        }
        lowerBound = bound;
        lowerCount = count;
    }
    return undefined;
}


/***/ }),

/***/ 4316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vh: () => (/* binding */ readJson),
/* harmony export */   tX: () => (/* binding */ jsonPathProblem),
/* harmony export */   w9: () => (/* binding */ pickOne)
/* harmony export */ });
/* unused harmony export pickNumber */
/* harmony import */ var jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6229);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(351);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7666);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7345);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * Any metrics API that answers JSON (the runbooks' `curl metrics-api/error_rate | jq .value`):
 * the value is picked by a JSONPath expression. An HTTP error, a body that is not JSON, or a
 * path that finds no number is no data, never a failure.
 */





/** The one value at `jsonPath` in `document`, or why there is not exactly one. */
function pickOne(document, jsonPath) {
    const found = (0,jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E)({
        path: jsonPath,
        json: document,
        wrap: true,
    });
    if (found.length === 0)
        return { reason: `${jsonPath} finds nothing` };
    if (found.length > 1)
        return { reason: `${jsonPath} finds ${found.length} values where one was expected` };
    return { value: found[0] };
}
/** The number at `jsonPath` in `document`, or why there is none. */
function pickNumber(document, jsonPath) {
    const one = pickOne(document, jsonPath);
    if ('reason' in one)
        return one;
    const raw = one.value;
    const value = typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && raw.trim() !== ''
            ? Number(raw)
            : Number.NaN;
    return Number.isFinite(value)
        ? { value }
        : { reason: `${jsonPath} is ${JSON.stringify(raw)}, not a finite number` };
}
const SafeScript = jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E.prototype.safeVm
    .Script;
/**
 * Why `jsonPath` is not an expression this action can evaluate, if it is not. jsonpath-plus
 * reads almost anything (`$.a[` finds `$.a`) and parses a filter only when it meets data, so a
 * typo would otherwise surface as "finds nothing" at 3 a.m.: brackets must balance and every
 * filter or script must parse.
 */
function jsonPathProblem(jsonPath) {
    if (!jsonPath.startsWith('$'))
        return "a JSONPath starts with '$' (the document's root)";
    let depth = 0;
    let quoteChar;
    for (const char of jsonPath) {
        if (quoteChar) {
            if (char === quoteChar)
                quoteChar = undefined;
        }
        else if (char === "'" || char === '"')
            quoteChar = char;
        else if (char === '[' || char === '(')
            depth++;
        else if (char === ']' || char === ')')
            depth--;
        if (depth < 0)
            return `'${char}' closes nothing`;
    }
    if (quoteChar)
        return `a quote (${quoteChar}) is not closed`;
    if (depth > 0)
        return 'a bracket or parenthesis is not closed';
    for (const segment of jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E.toPathArray(jsonPath)) {
        const script = /^\??\((.*)\)$/s.exec(segment)?.[1];
        if (script === undefined)
            continue;
        try {
            // The same rewrite of @-names jsonpath-plus applies before it parses a script.
            new SafeScript(script
                .replace(/@(parentProperty|parent|property|root|path)/g, '_$$_$1')
                .replace(/@([.\s)[]|$)/g, '_$$_v$1'));
        }
        catch (error) {
            return `${segment} does not parse: ${error instanceof Error ? error.message : String(error)}`;
        }
    }
    return undefined;
}
async function readJson(source) {
    const url = (0,_url_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrl */ .BO)(source.url);
    try {
        const answer = await (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .httpGet */ .lx)(source.url, source.timeoutMs ?? 10_000, { Accept: 'application/json', ...source.headers }, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b.httpJsonAnswer);
        if (answer.status < 200 || answer.status > 299)
            return { reason: `HTTP ${answer.status} from ${url}` };
        let document;
        try {
            document = JSON.parse(answer.body);
        }
        catch {
            return { reason: `${url} did not answer JSON` };
        }
        return pickNumber(document, source.jsonPath);
    }
    catch (error) {
        const reading = { reason: `${url}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(error)}` };
        if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpFailure */ .HR && error.misconfigured)
            reading.misconfigured = true;
        return reading;
    }
}


/***/ }),

/***/ 7345:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ classifyFetchError),
/* harmony export */   HR: () => (/* binding */ HttpFailure),
/* harmony export */   gx: () => (/* binding */ headersFromEnv),
/* harmony export */   lx: () => (/* binding */ httpGet),
/* harmony export */   nd: () => (/* binding */ prepareRequest)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _bounded_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6586);
/* harmony import */ var _http_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6215);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(351);
/* harmony import */ var _net_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6926);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7666);
/**
 * A GET with a timeout and a size cap for the HTTP providers (health, http-json, scrape),
 * through the one HTTP client (http-client.ts), following redirects as fetch does. A failure
 * says what kind it is, because only one kind is evidence against the
 * service: `connection` (refused, reset, timed out: the service is down). `request` (it could
 * not be built: a bad URL or header), `address` (DNS), `tls` (an untrusted or expired
 * certificate) and `too-large` are the configuration's fault, never a failed check.
 */






class HttpFailure extends Error {
    kind;
    constructor(message, kind) {
        super(message);
        this.kind = kind;
    }
    /** Not evidence the service is down: a request that could not be made or read. */
    get misconfigured() {
        return this.kind !== 'connection';
    }
}
/**
 * The URL and headers to send, or why they cannot be sent. Credentials in the URL become a
 * Basic Authorization header (fetch refuses them in the URL). Messages never hold a header
 * value: it may come from a secret.
 */
function prepareRequest(url, headers) {
    if (!URL.canParse(url))
        return new HttpFailure('not a valid URL', 'request');
    const parsed = (0,_url_js__WEBPACK_IMPORTED_MODULE_5__/* .splitCredentials */ .JD)(new URL(url));
    if (parsed.url.protocol !== 'http:' && parsed.url.protocol !== 'https:')
        return new HttpFailure(`unsupported protocol '${parsed.url.protocol}'`, 'request');
    const prepared = { ...headers };
    const named = Object.keys(prepared).some((h) => h.toLowerCase() === 'authorization');
    if (parsed.authorization && !named)
        prepared.Authorization = parsed.authorization;
    for (const [name, value] of Object.entries(prepared)) {
        try {
            (0,node_http__WEBPACK_IMPORTED_MODULE_0__.validateHeaderName)(name);
        }
        catch {
            return new HttpFailure(`header name '${name}' is not a valid HTTP header name`, 'request');
        }
        try {
            (0,node_http__WEBPACK_IMPORTED_MODULE_0__.validateHeaderValue)(name, value);
        }
        catch {
            return new HttpFailure(`header '${name}' cannot be sent: its value holds a newline or another character HTTP forbids`, 'request');
        }
    }
    return { url: parsed.url, headers: prepared };
}
/** fetch's messages without a cause code, for requests it refused to make. */
const UNSENDABLE = new Set(['bad port', 'unknown scheme', 'not implemented... yet...']);
/**
 * What a failure of fetch or of the HTTP client means. Messages are fetch's own only where
 * they cannot quote input.
 */
function classifyFetchError(error, timeoutMs) {
    if (error instanceof HttpFailure)
        return error;
    if (error instanceof _bounded_js__WEBPACK_IMPORTED_MODULE_1__/* .TooLargeError */ .qB)
        return new HttpFailure(`answered more than ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .formatBytes */ .z)(error.limit)}`, 'too-large');
    if (error instanceof _http_client_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpError */ .j)
        return new HttpFailure(error.timedOut
            ? error.message
            : (0,_url_js__WEBPACK_IMPORTED_MODULE_5__/* .redactUrlsIn */ .$1)((0,_net_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeNetworkError */ .g)(error.code, error.message)), error.kind);
    const { name, cause } = error;
    if (name === 'TimeoutError' || name === 'AbortError')
        return new HttpFailure(`no answer within ${timeoutMs} ms`, 'connection');
    if (cause?.code) {
        const fault = (0,_net_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .networkFault */ .T)(cause.code);
        return new HttpFailure((0,_url_js__WEBPACK_IMPORTED_MODULE_5__/* .redactUrlsIn */ .$1)((0,_net_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeNetworkError */ .g)(cause.code, cause.message ?? cause.code)), fault);
    }
    if (cause?.message && UNSENDABLE.has(cause.message))
        return new HttpFailure(`the request cannot be sent (${cause.message})`, 'request');
    if (cause?.message)
        return new HttpFailure((0,_url_js__WEBPACK_IMPORTED_MODULE_5__/* .redactUrlsIn */ .$1)(cause.message), 'connection');
    // A TypeError with no cause is fetch refusing to build the request; its message may quote
    // a header value, so it is not repeated.
    return new HttpFailure('the request cannot be built', 'request');
}
async function httpGet(url, timeoutMs, headers, maxBytes) {
    const prepared = prepareRequest(url, headers);
    if (prepared instanceof HttpFailure)
        throw prepared;
    try {
        const { status, text } = await (0,_http_client_js__WEBPACK_IMPORTED_MODULE_2__/* .send */ .t)({
            url: prepared.url,
            headers: prepared.headers,
            timeoutMs,
            maxBytes,
            redirects: 20,
        });
        return { status, body: text };
    }
    catch (error) {
        throw classifyFetchError(error, timeoutMs);
    }
}
/**
 * The headers to send: the policy's own, then each `headers-env` header from the step's
 * environment. Its values are secrets (returned for masking); a variable not set is named in
 * `missing`, never guessed empty.
 */
function headersFromEnv(headers, headersEnv, env) {
    const out = { ...headers };
    const secrets = [];
    const missing = [];
    for (const [header, variable] of Object.entries(headersEnv ?? {})) {
        const value = env[variable];
        if (value) {
            secrets.push(value);
            out[header] = value;
        }
        else
            missing.push(`${variable} (header ${header})`);
    }
    return { headers: out, secrets, missing };
}


/***/ }),

/***/ 7654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hw: () => (/* binding */ eventCountOf),
/* harmony export */   Tu: () => (/* binding */ rangeWindows),
/* harmony export */   UX: () => (/* binding */ narrowRanges),
/* harmony export */   lW: () => (/* binding */ histogramQuantileOf),
/* harmony export */   o8: () => (/* binding */ durationSeconds)
/* harmony export */ });
/* harmony import */ var _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6828);
/**
 * Narrowing a trigger's PromQL to the new release's own traffic: every range window
 * (`[5m]`, and a subquery's `[10m:30s]` range) longer than the time since the rollout
 * completed is cut to that time, but never below two scrape intervals, where a rate would
 * see fewer than two samples. Without this, `increase(errors[1m])` polled 10 s after a
 * deploy still counts the previous release's errors. The ranges are found on the parse tree
 * of Prometheus' own grammar, so label values, regexes, offsets and subquery steps are left
 * alone. Baselines and preflight use the query as written.
 */

const UNIT_SECONDS = {
    ms: 0.001,
    s: 1,
    m: 60,
    h: 3600,
    d: 86_400,
    w: 604_800,
    y: 31_536_000,
};
function durationSeconds(text) {
    let total = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g))
        total += Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1);
    return total;
}
/** Where the range windows of a query are (not offsets, not subquery steps). */
function rangeWindows(query) {
    const windows = [];
    _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3D.parse(query).iterate({
        enter(node) {
            if (node.name !== 'DurationExpr')
                return;
            const parent = node.node.parent;
            const first = parent?.getChild('DurationExpr');
            const isRange = parent?.name === 'MatrixSelector' ||
                (parent?.name === 'SubqueryExpr' && first?.from === node.from);
            if (isRange)
                windows.push({
                    from: node.from,
                    to: node.to,
                    seconds: durationSeconds(query.slice(node.from, node.to)),
                });
        },
    });
    return windows;
}
/**
 * The query with every range longer than `maxSeconds` cut to it, or to `minSeconds` when that
 * is longer (and at least 1 s). Shorter ranges are kept as written.
 */
function narrowRanges(query, maxSeconds, minSeconds = 0) {
    const cap = Math.max(1, Math.floor(maxSeconds), Math.ceil(minSeconds));
    let out = '';
    let last = 0;
    for (const window of rangeWindows(query)) {
        if (window.seconds <= cap)
            continue;
        out += `${query.slice(last, window.from)}${cap}s`;
        last = window.to;
    }
    return out + query.slice(last);
}
function kids(node) {
    const out = [];
    for (let child = node?.firstChild; child; child = child.nextSibling)
        out.push(child);
    return out;
}
/** `f(sel[5m])` for f in `names`: the selector's text and the range in seconds. */
function rangeCall(query, node, names) {
    if (node?.name !== 'FunctionCall')
        return undefined;
    const [id, body] = kids(node);
    if (!id || !names.includes(query.slice(id.from, id.to)))
        return undefined;
    const args = kids(body);
    const matrix = args[0];
    if (args.length !== 1 || matrix?.name !== 'MatrixSelector')
        return undefined;
    const [vector, range] = kids(matrix);
    if (vector?.name !== 'VectorSelector' || range?.name !== 'DurationExpr')
        return undefined;
    return {
        selector: query.slice(vector.from, vector.to),
        rangeSeconds: durationSeconds(query.slice(range.from, range.to)),
    };
}
/** `sum(inner)` with no grouping, or `sum by (le) (inner)` when `by` is given: the inner node. */
function summed(query, node, by) {
    if (node?.name !== 'AggregateExpr')
        return undefined;
    const parts = kids(node);
    const op = parts.find((p) => p.name === 'AggregateOp');
    if (!op || query.slice(op.from, op.to) !== 'sum')
        return undefined;
    const modifier = parts.find((p) => p.name === 'AggregateModifier');
    const grouping = modifier ? kids(modifier) : [];
    const labels = kids(grouping.find((g) => g.name === 'GroupingLabels')).map((l) => query.slice(l.from, l.to));
    const byOk = by === undefined
        ? !modifier
        : grouping[0]?.name === 'By' && labels.length === 1 && labels[0] === by;
    if (!byOk)
        return undefined;
    const inner = kids(parts.find((p) => p.name === 'FunctionCallBody'));
    return inner.length === 1 ? inner[0] : undefined;
}
/**
 * `histogram_quantile(0.95, sum by (le) (rate(x_bucket{...}[1m])))` (rate or increase): the
 * quantile and the bucket selector, so the trigger can be judged on bucket counts.
 */
function histogramQuantileOf(query) {
    const top = _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3D.parse(query).topNode.firstChild ?? undefined;
    if (top?.name !== 'FunctionCall')
        return undefined;
    const [id, body] = kids(top);
    if (!id || query.slice(id.from, id.to) !== 'histogram_quantile')
        return undefined;
    const [phi, inner, ...rest] = kids(body);
    if (!phi || phi.name !== 'NumberDurationLiteral' || rest.length)
        return undefined;
    const quantile = Number(query.slice(phi.from, phi.to));
    const call = rangeCall(query, summed(query, inner, 'le'), ['rate', 'increase']);
    if (!call || !(quantile > 0 && quantile < 1))
        return undefined;
    return { quantile, buckets: call.selector };
}
/**
 * `sum(increase(x[1m]))`, optionally `or vector(0)`: a count of events per range, judged as a
 * Poisson rate on the counts since the deploy.
 */
function eventCountOf(query) {
    let top = _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3D.parse(query).topNode.firstChild ?? undefined;
    if (top?.name === 'BinaryExpr') {
        const [left, op, right, ...rest] = kids(top);
        const zero = right ? query.slice(right.from, right.to).replace(/\s+/g, '') : '';
        if (op?.name !== 'Or' || zero !== 'vector(0)' || rest.length)
            return undefined;
        top = left;
    }
    const call = rangeCall(query, summed(query, top), ['increase']);
    return call && call.rangeSeconds > 0 ? call : undefined;
}


/***/ }),

/***/ 3368:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ re2Problem)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/**
 * Regular expressions as Prometheus and Alertmanager run them: Go's RE2, fully anchored. It
 * has no lookaround and no backreferences, which JavaScript accepts, so a pattern is checked
 * for those before JavaScript compiles it; what is left compiles alike in both for the
 * patterns label matchers use.
 */
const UNSUPPORTED = [
    [/\(\?<?[=!]/, 'lookaround ((?=, (?!, (?<=, (?<!)'],
    [/\\[1-9]|\\k</, 'backreferences (\\1, \\k<name>)'],
    [/\(\?>/, 'atomic groups ((?>)'],
];
/** Why RE2 would refuse `pattern`, if it would. */
function re2Problem(pattern) {
    for (const [construct, name] of UNSUPPORTED)
        if (construct.test(pattern))
            return `${JSON.stringify(pattern)} uses ${name}, which Prometheus' and Alertmanager's regular expressions (RE2) do not have`;
    // RE2's own syntax JavaScript lacks: flag groups ((?i), (?i:…)) and (?P<name>…).
    const forJs = pattern
        .replace(/\(\?[imsU-]+\)/g, '')
        .replace(/\(\?[imsU-]+:/g, '(?:')
        .replace(/\(\?P</g, '(?<');
    try {
        new RegExp(`^(?:${forJs})$`);
    }
    catch (error) {
        return `${JSON.stringify(pattern)} is not a regular expression (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)})`;
    }
    return undefined;
}


/***/ }),

/***/ 9529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ ScrapeProvider),
/* harmony export */   m: () => (/* binding */ parseQuery)
/* harmony export */ });
/* harmony import */ var _exposition_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2019);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(351);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7666);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7345);
/* harmony import */ var _selectors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5147);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * For services without a Prometheus server: reads their /metrics exposition directly. Each
 * poll scrapes every URL (one per pod, say); ratios come from counter increases over the
 * recent window (as with Prometheus: two polls, at least 30 s) and since the first scrape
 * (for the sequential test), with counter resets handled; quantiles from histogram buckets
 * the same way, and the buckets since the first scrape for the count of slow requests. Queries are a series
 * selector (summed) or `histogram_quantile(q, selector)`; anything else is refused up front.
 */






/** The scrape provider's reading of a query, or why it cannot read it. */
function parseQuery(text) {
    const quantile = /^\s*histogram_quantile\(\s*([0-9.]+)\s*,\s*(.+)\)\s*$/.exec(text);
    if (quantile) {
        const selector = (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSelector */ .Pl)(quantile[2] ?? '');
        const q = Number(quantile[1]);
        if (!selector || !(q >= 0 && q <= 1))
            return `not a histogram_quantile(q, selector): ${text}`;
        return { kind: 'quantile', q, selector, source: (quantile[2] ?? '').trim() };
    }
    const selector = (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSelector */ .Pl)(text);
    if (!selector)
        return `the scrape provider reads a series selector or histogram_quantile(q, selector); '${text}' is neither (use the prometheus provider for PromQL)`;
    return { kind: 'sum', selector };
}
class ScrapeProvider {
    options;
    name = 'scrape';
    first;
    /** Scrapes of the recent window, oldest first: the one it starts at, and those after. */
    scrapes = [];
    /** The scrape of the current poll, shared while in flight: triggers of a poll read at once. */
    pending;
    constructor(options) {
        this.options = options;
    }
    /** One scrape per poll time, shared by every trigger of that poll; series keep their URL. */
    scrape(at) {
        if (this.pending?.at !== at)
            this.pending = { at, scrape: this.fetchAll(at) };
        return this.pending.scrape;
    }
    async fetchAll(at) {
        const texts = await Promise.all(this.options.urls.map(async (raw) => {
            // Series are labelled with the URL: it must be fit to print.
            const url = (0,_url_js__WEBPACK_IMPORTED_MODULE_5__/* .redactUrl */ .BO)(raw);
            try {
                const answer = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .httpGet */ .lx)(raw, this.options.timeoutMs ?? 5_000, {}, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b.scrapeAnswer);
                return answer.status === 200
                    ? { url, text: answer.body }
                    : `HTTP ${answer.status} from ${url}`;
            }
            catch (error) {
                return `${url}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .messageOf */ .bD)(error)}`;
            }
        }));
        const failed = texts.find((t) => typeof t === 'string');
        if (failed)
            return failed;
        const samples = texts.flatMap(({ url, text }) => (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .parseExposition */ .gw)(text).map((s) => ({ ...s, labels: { ...s.labels, instance: url } })));
        this.first ??= samples;
        this.scrapes.push({ at, samples });
        return samples;
    }
    /**
     * Where the recent window starts: the newest earlier scrape at least two polls and 30 s
     * back, or the first when the watch is younger than that; older scrapes are let go.
     */
    windowStart(window) {
        const reach = Math.max(30_000, 2 * window.intervalMs);
        const earlier = this.scrapes.filter((s) => s.at < window.now);
        const start = earlier.findLast((s) => s.at <= window.now - reach) ?? earlier[0];
        if (start)
            this.scrapes = this.scrapes.filter((s) => s.at >= start.at);
        return start?.samples;
    }
    async read(query, window) {
        const samples = await this.scrape(window.now);
        if (typeof samples === 'string')
            return { reason: samples };
        const previous = this.windowStart(window);
        if (query.ratio) {
            const errors = (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSelector */ .Pl)(query.ratio.errors);
            const total = (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSelector */ .Pl)(query.ratio.total);
            if (!errors || !total)
                return {
                    reason: 'ratio.errors and ratio.total must be series selectors for the scrape provider',
                };
            if (!previous)
                return { reason: 'first scrape: counting starts now' };
            const pick = (from, s) => (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .select */ .Lt)(from, s.name, s.matchers);
            const recentTotal = (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .counterIncrease */ .Pe)(pick(previous, total), pick(samples, total));
            const recentErrors = (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .counterIncrease */ .Pe)(pick(previous, errors), pick(samples, errors));
            if (recentTotal <= 0)
                return { reason: 'no requests in the window', windowTotal: 0 };
            return {
                value: recentErrors / recentTotal,
                windowTotal: recentTotal,
                errors: (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .counterIncrease */ .Pe)(pick(this.first ?? [], errors), pick(samples, errors)),
                total: (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .counterIncrease */ .Pe)(pick(this.first ?? [], total), pick(samples, total)),
            };
        }
        if (!query.query)
            return { reason: 'the trigger has neither query nor ratio' };
        const parsed = parseQuery(query.query);
        if (typeof parsed === 'string')
            return { reason: parsed };
        if (parsed.kind === 'sum') {
            const matching = (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .select */ .Lt)(samples, parsed.selector.name, parsed.selector.matchers);
            return matching.length
                ? { value: matching.reduce((n, s) => n + s.value, 0) }
                : { reason: `no series ${query.query}` };
        }
        if (!previous)
            return { reason: 'first scrape: counting starts now' };
        const buckets = (from) => (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .select */ .Lt)(from, parsed.selector.name, parsed.selector.matchers);
        const value = (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .histogramQuantile */ .EV)(parsed.q, buckets(previous), buckets(samples));
        // Every request since the first scrape, by bucket: the sequential test's counts.
        const since = (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .bucketIncreases */ ._O)(buckets(this.first ?? []), buckets(samples));
        const counts = since.at(-1)?.le === Infinity ? { buckets: since } : {};
        return value === undefined
            ? { reason: 'no observations in the window', ...counts }
            : { value, ...counts };
    }
    /** Preflight: the query must parse and the service must answer; missing series warn. */
    async check(query, window) {
        let selectors;
        if (query.ratio) {
            const parsed = [query.ratio.errors, query.ratio.total].map((s) => (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSelector */ .Pl)(s));
            const bad = parsed.findIndex((s) => !s);
            if (bad >= 0)
                return {
                    level: 'error',
                    message: `not a series selector: ${bad === 0 ? query.ratio.errors : query.ratio.total}`,
                };
            // No errors at all is normal; only the requests must be exported.
            selectors = parsed.slice(1);
        }
        else {
            const parsed = query.query
                ? parseQuery(query.query)
                : 'the trigger has neither query nor ratio';
            if (typeof parsed === 'string')
                return { level: 'error', message: parsed };
            selectors = [parsed.selector];
        }
        const samples = await this.scrape(window.now);
        if (typeof samples === 'string')
            return { level: 'error', message: samples };
        const missing = selectors.find((s) => (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .select */ .Lt)(samples, s.name, s.matchers).length === 0);
        if (!missing)
            return undefined;
        // Only the target labels: no 503 yet is normal, a service that is not there is a typo.
        const identifying = missing.matchers.filter((m) => !m.negate && typeof m.pattern === 'string' && _selectors_js__WEBPACK_IMPORTED_MODULE_2__/* .TARGET_LABELS */ .SB.has(m.label));
        const where = this.options.urls.map(_url_js__WEBPACK_IMPORTED_MODULE_5__/* .redactUrl */ .BO).join(', ');
        if ((0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .select */ .Lt)(samples, missing.name, identifying).length > 0)
            return {
                level: 'warning',
                message: `no series ${missing.name} matching the selector in ${where}`,
            };
        const named = (0,_exposition_js__WEBPACK_IMPORTED_MODULE_4__/* .select */ .Lt)(samples, missing.name);
        const hints = identifying.map((m) => `${m.label}=${[...new Set(named.map((s) => s.labels[m.label]).filter((v) => v !== undefined))].map((v) => JSON.stringify(v)).join(' or ') || '(none)'}`);
        return {
            level: 'error',
            message: named.length
                ? `no series match the selector of ${missing.name} in ${where}; ${missing.name} has series with ${hints.join(', ') || 'other labels'}: check the selector`
                : `${where} exports no series named ${missing.name}`,
        };
    }
}


/***/ }),

/***/ 5147:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SB: () => (/* binding */ TARGET_LABELS),
/* harmony export */   Yv: () => (/* binding */ selectorsOf),
/* harmony export */   dS: () => (/* binding */ readsAlerts),
/* harmony export */   j: () => (/* binding */ identifying)
/* harmony export */ });
/* harmony import */ var _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6828);
/**
 * The series selectors a PromQL query reads, found with the Prometheus project's own grammar
 * (@prometheus-io/lezer-promql), so preflight can ask whether each one matches anything.
 */

/** Every distinct vector selector in `query`, in the order written. */
function selectorsOf(query) {
    const found = new Map();
    const cursor = _prometheus_io_lezer_promql__WEBPACK_IMPORTED_MODULE_0__/* .parser */ .K3D.parse(query).cursor();
    do {
        if (cursor.name !== 'VectorSelector')
            continue;
        const node = cursor.node;
        const text = query.slice(node.from, node.to);
        const identifier = node.getChild('Identifier');
        const matchers = [];
        for (const m of node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []) {
            const label = m.getChild('LabelName');
            const op = m.getChild('MatchOp');
            const value = m.getChild('StringLiteral');
            if (!label || !op || !value)
                continue;
            matchers.push({
                label: query.slice(label.from, label.to),
                op: query.slice(op.from, op.to),
                value: query.slice(value.from, value.to),
            });
        }
        found.set(text, {
            text,
            metric: identifier ? query.slice(identifier.from, identifier.to) : undefined,
            matchers,
        });
    } while (cursor.next());
    return [...found.values()];
}
/**
 * Labels that say which service or target a series belongs to (set by Prometheus' scrape
 * configuration and Kubernetes service discovery), as opposed to labels that classify its
 * requests (`code`, `method`, `le`), whose values come and go with the traffic.
 */
const TARGET_LABELS = new Set([
    'job',
    'instance',
    'namespace',
    'service',
    'pod',
    'container',
    'app',
    'deployment',
    'cluster',
    'env',
    'environment',
    'region',
    'exported_job',
    'kubernetes_namespace',
    'kubernetes_pod_name',
    'app_kubernetes_io_name',
]);
/**
 * The selector with only its equality matchers on target labels: `x{job="api",code="503"}`
 * → `x{job="api"}`. When the full selector matches nothing but this does, the service is
 * there and simply has no series of that kind yet (no 503 at all), which is normal; when
 * this matches nothing either, the selector names a service Prometheus does not have.
 */
function identifying(selector) {
    const kept = selector.matchers.filter((m) => m.op === '=' && TARGET_LABELS.has(m.label));
    if (selector.metric === undefined && kept.length === 0)
        return undefined;
    return `${selector.metric ?? ''}{${kept.map((m) => `${m.label}=${m.value}`).join(',')}}`;
}
/** True when the query reads Prometheus' ALERTS series (its alerting rules' state). */
function readsAlerts(query) {
    return selectorsOf(query).some((s) => s.metric === 'ALERTS');
}


/***/ }),

/***/ 6926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ networkFault),
/* harmony export */   g: () => (/* binding */ describeNetworkError)
/* harmony export */ });
const ADDRESS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
/** OpenSSL's verification failures, as Node reports them. */
const TLS_CODES = new Set([
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'CERT_REVOKED',
    'CERT_SIGNATURE_FAILURE',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'HOSTNAME_MISMATCH',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/**
 * The fault a code stands for: `request` (it could not be sent: a bad header or URL),
 * `address`, `tls`, or else the connection's (the service's) fault.
 */
function networkFault(code) {
    if (code && /^ERR_(INVALID_|HTTP_INVALID_|UNESCAPED_CHARACTERS)/.test(code))
        return 'request';
    if (code && ADDRESS_CODES.has(code))
        return 'address';
    if (code && (TLS_CODES.has(code) || code.startsWith('ERR_TLS_CERT')))
        return 'tls';
    return 'connection';
}
/** A short phrase for a code, for one-line messages; the original message when unknown. */
function describeNetworkError(code, message) {
    switch (code) {
        case 'ECONNREFUSED':
            return 'connection refused';
        case 'ECONNRESET':
            return 'connection reset';
        case 'ETIMEDOUT':
            return 'timed out';
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
            return 'host unreachable';
    }
    const fault = networkFault(code);
    if (fault === 'address')
        return `cannot resolve the host (${code ?? ''})`;
    if (fault === 'tls')
        return `TLS verification failed: ${message}`;
    if (fault === 'request')
        return `the request cannot be sent (${code ?? ''})`;
    return message;
}


/***/ }),

/***/ 8567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseErrorLine)
/* harmony export */ });
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7666);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * A parser's error as one line that never quotes the text it parsed: JSON.parse and js-yaml
 * echo the start of the input (`"root:x:0:0"... is not valid JSON`), and the input may be a
 * file that is not ours (a wrong path) or hold secrets.
 */


function parseErrorLine(error) {
    if (error instanceof SyntaxError) {
        // V8: `... in JSON at position 12 (line 1 column 13)`; the rest may quote the input.
        const at = /at position \d+(?: \(line \d+ column \d+\))?/.exec(error.message)?.[0];
        return at ? `not valid JSON (${at})` : 'not valid JSON';
    }
    const yaml = error;
    if (yaml.name === 'YAMLException' && yaml.reason)
        return yaml.mark
            ? `invalid YAML: ${yaml.reason} (line ${yaml.mark.line + 1}, column ${yaml.mark.column + 1})`
            : `invalid YAML: ${yaml.reason}`;
    const first = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error).split('\n')[0] ?? '';
    return (0,_url_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrlsIn */ .$1)(first.length > 200 ? `${first.slice(0, 197)}...` : first);
}


/***/ }),

/***/ 4490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ withLabels),
/* harmony export */   a: () => (/* binding */ runbookTriggers)
/* harmony export */ });
/** `job="api"` into `http_requests_total{job="api",code=~"5.."}`: selectors joined inside braces. */
function withLabels(metric, ...matchers) {
    const inside = matchers
        .map((m) => m?.trim().replace(/^\{|\}$/g, ''))
        .filter((m) => !!m);
    return inside.length ? `${metric}{${inside.join(',')}}` : metric;
}
function runbookTriggers(selector) {
    const requests = withLabels('http_requests_total', selector);
    const errors = withLabels('http_requests_total', selector, 'code=~"5.."');
    const buckets = withLabels('http_request_duration_seconds_bucket', selector);
    const quantile = (q) => `histogram_quantile(${q}, sum by (le) (rate(${buckets}[1m])))`;
    return [
        {
            name: 'error-rate',
            ratio: { errors, total: requests },
            above: 0.05,
            for: '5m',
            'fast-fail': true,
            severity: 'P1',
        },
        {
            name: 'error-rate-severe',
            ratio: { errors, total: requests },
            above: 0.1,
            for: '1m',
            'fast-fail': true,
            severity: 'P0',
        },
        {
            name: 'server-errors-per-minute',
            // No 5xx series at all is the healthy case, not missing data. Judged as a rate on every
            // error since the rollout; a service already this noisy before is judged against that.
            query: `sum(increase(${errors}[1m])) or vector(0)`,
            above: 100,
            'relative-to-baseline': true,
            severity: 'P0',
        },
        { name: 'p95-latency', query: quantile(0.95), above: 1, for: '10m', severity: 'P1' },
        { name: 'p99-latency', query: quantile(0.99), above: 2, for: '10m', severity: 'P1' },
        { name: 'p95-vs-baseline', query: quantile(0.95), relative: '+50%', for: '5m', severity: 'P2' },
    ];
}


/***/ }),

/***/ 4006:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ describeExit),
/* harmony export */   m: () => (/* binding */ runProgram)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The one way the action runs a program: an argv list without a shell (nothing read from the
 * outside world is ever parsed by one), a timeout that ends it (SIGTERM, then SIGKILL), and
 * output kept to a bound so a chatty command cannot fill memory. @actions/exec has neither a
 * timeout nor a bound, which is why git and the policy's commands both come through here.
 */

const DEFAULT_MAX_OUTPUT = 1_000_000;
const KILL_GRACE_MS = 5_000;
function runProgram(argv, options) {
    const [file, ...args] = argv;
    const max = options.maxOutput ?? DEFAULT_MAX_OUTPUT;
    const started = Date.now();
    return new Promise((resolve) => {
        if (!file) {
            resolve({
                code: undefined,
                stdout: '',
                stderr: '',
                timedOut: false,
                startError: 'empty command',
                elapsedMs: 0,
            });
            return;
        }
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            shell: false,
            stdio: ['pipe', 'pipe', 'pipe'],
            windowsHide: true,
        });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        let startError;
        const keep = (so, chunk) => {
            const next = so + chunk.toString('utf8');
            return next.length > max ? next.slice(next.length - max) : next;
        };
        child.stdout.on('data', (chunk) => (stdout = keep(stdout, chunk)));
        child.stderr.on('data', (chunk) => (stderr = keep(stderr, chunk)));
        let killer;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        }, options.timeoutMs);
        child.on('error', (error) => {
            startError =
                error.code === 'ENOENT'
                    ? `${file}: not found`
                    : error.code === 'EACCES'
                        ? `${file}: not executable`
                        : error.message;
        });
        child.stdin.on('error', () => undefined); // a program that never reads its stdin
        child.stdin.end(options.input ?? '');
        child.on('close', (code) => {
            clearTimeout(timer);
            if (killer)
                clearTimeout(killer);
            resolve({
                code: startError ? undefined : (code ?? undefined),
                stdout,
                stderr,
                timedOut,
                ...(startError ? { startError } : {}),
                elapsedMs: Date.now() - started,
            });
        });
    });
}
/** One line saying how a program ended, for logs and reports: never its whole output. */
function describeExit(argv0, result) {
    if (result.startError)
        return result.startError;
    if (result.timedOut)
        return `${argv0}: timed out after ${(result.elapsedMs / 1000).toFixed(1)} s`;
    const last = lastLine(result.stderr) ?? lastLine(result.stdout);
    if (result.code === 0)
        return `${argv0}: done`;
    return `${argv0}: exit ${result.code ?? 'by signal'}${last ? `: ${last}` : ''}`;
}
function lastLine(text) {
    const lines = text.split('\n').map((l) => l.trim());
    const line = lines.filter(Boolean).at(-1);
    return line && line.length > 300 ? `${line.slice(0, 300)}…` : line;
}


/***/ }),

/***/ 194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ mermaidChart)
/* harmony export */ });
/* unused harmony exports MAX_POINTS, mermaidLabel, mermaidNumber, downsample, sinceLabel */
const MAX_POINTS = 40;
/** A label Mermaid reads as plain text inside quotes: no quotes, brackets, `%%`, `;` or `#`. */
function mermaidLabel(text, max = 60) {
    const plain = text
        .replace(/[^A-Za-z0-9 _.,:/()+-]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return plain.length > max ? plain.slice(0, max).trimEnd() : plain;
}
/** A number Mermaid parses: finite, no exponent, a few significant digits. */
function mermaidNumber(value) {
    const short = Number(value.toPrecision(4));
    const text = String(short);
    if (!text.includes('e'))
        return text;
    // toFixed writes an exponent too from 1e21 up; BigInt does not.
    if (Math.abs(short) >= 1e21)
        return BigInt(Math.round(short)).toString();
    return short.toFixed(20).replace(/\.?0+$/, '');
}
/** At most `max` points: the observations with a value, the worst of each equal stretch. */
function downsample(points, max = MAX_POINTS, direction = 'above') {
    const valued = points.flatMap((p) => p.value !== undefined && Number.isFinite(p.value) ? [{ at: p.at, value: p.value }] : []);
    if (valued.length <= max)
        return valued;
    const worse = (a, b) => (direction === 'above' ? a > b : a < b);
    const out = [];
    for (let bucket = 0; bucket < max; bucket++) {
        const from = Math.floor((bucket * valued.length) / max);
        const to = Math.floor(((bucket + 1) * valued.length) / max);
        let pick = valued[from];
        for (let i = from + 1; i < to; i++) {
            const p = valued[i];
            if (p && pick && worse(p.value, pick.value))
                pick = p;
        }
        if (pick)
            out.push(pick);
    }
    return out;
}
/**
 * Time since the deploy, `+3:15` (or `+1:03:15`): short enough for a few dozen labels side
 * by side, unique per second (Mermaid merges equal labels), and the same clock as the
 * timeline's "Since deploy" column.
 */
function sinceLabel(ms) {
    const total = Math.max(0, Math.round(ms / 1000));
    const pad = (n) => String(n).padStart(2, '0');
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    return h ? `+${h}:${pad(m)}:${pad(total % 60)}` : `+${m}:${pad(total % 60)}`;
}
/** The chart as a fenced block, or undefined when no observation has a value. */
function mermaidChart(input, max = MAX_POINTS) {
    const points = downsample(input.observations, max, input.direction);
    if (points.length === 0)
        return undefined;
    const name = mermaidLabel(input.name) || 'metric';
    const threshold = input.threshold !== undefined && Number.isFinite(input.threshold) ? input.threshold : undefined;
    const title = threshold === undefined
        ? name
        : `${name}: value, and threshold ${mermaidNumber(threshold)} (flat line)`;
    const origin = input.origin ?? points[0]?.at ?? 0;
    const labels = points.map((p) => `"${sinceLabel(p.at - origin)}"`);
    const lines = [
        '```mermaid',
        'xychart-beta',
        `    title "${mermaidLabel(title, 120)}"`,
        `    x-axis "time since the deploy (m:ss)" [${labels.join(', ')}]`,
        `    y-axis "${name}"`,
        `    line [${points.map((p) => mermaidNumber(p.value)).join(', ')}]`,
    ];
    if (threshold !== undefined)
        lines.push(`    line [${points.map(() => mermaidNumber(threshold)).join(', ')}]`);
    lines.push('```');
    return lines.join('\n');
}


/***/ }),

/***/ 6412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   UH: () => (/* binding */ safeTable),
/* harmony export */   Zk: () => (/* binding */ escapeExternal)
/* harmony export */ });
/**
 * Text from outside (commit subjects, author names, PR titles, metric labels, trigger
 * details) made inert for an issue body. GitHub finds mentions and issue references in the
 * rendered text, after Markdown escapes are gone, so a backslash does not stop them: a
 * zero-width space (as an entity, visible when reviewing the source) breaks each one.
 */
const ZWSP = '&#8203;';
/** Control characters and bidirectional overrides: invisible, and they can reorder a line. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
/** A single line of at most `max` characters (a commit subject can be kilobytes). */
function oneLine(text, max = 300) {
    const flat = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
/**
 * Plain text safe anywhere in the body: a paragraph, a list item or a table cell. No HTML,
 * no mention, no issue reference or closing keyword, no link or image, no code span, and no
 * pipe or newline that would end a table cell.
 */
function escapeExternal(text, max = 300) {
    return (oneLine(text, max)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // Markdown punctuation that starts code, emphasis, links or images.
        .replace(/([\\`*_~[\]!])/g, '\\$1')
        // #12, owner/repo#12, fixes #12, GH-12: before any entity of ours, which has a # too.
        .replace(/#(?=\d)/g, `#${ZWSP}`)
        .replace(/\b(gh)-(?=\d)/gi, `$1-${ZWSP}`)
        // @user, @org/team, and an email's @ alike.
        .replace(/@/g, `@${ZWSP}`)
        // A pipe ends a table cell even inside an escape; the entity does not.
        .replace(/\|/g, '&#124;')
        // Bare URLs autolink, and an issue URL becomes a cross-reference.
        .replace(/:\/\//g, `:${ZWSP}//`)
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`)
        // A line that begins like a heading, a list or a rule stays a line of text.
        .replace(/^([#+=-])(?=[\s#+=-]|$)/, '\\$1')
        .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2'));
}
/**
 * An inline code span for a value shown as written (an image, a query): the fence is longer
 * than any run of backticks inside, and pipes are escaped for tables (GFM splits cells before
 * it reads code spans). Mentions and references are not looked for inside code.
 */
function codeSpan(text, max = 300) {
    const value = oneLine(text, max).replace(/\|/g, '\\|');
    if (!value)
        return '';
    const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${value}${pad}${fence}`;
}
/**
 * A Markdown table whose cells are already safe (escapeExternal, codeSpan, or text of ours):
 * only a stray newline is flattened, so every row keeps the header's column count.
 */
function safeTable(headers, rows) {
    const line = (cells) => `| ${headers.map((_, i) => (cells[i] ?? '').replace(/\r?\n/g, ' ') || ' ').join(' | ')} |`;
    return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}


/***/ }),

/***/ 9678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R$: () => (/* binding */ incidentFactsOf),
  Xx: () => (/* binding */ incidentIdentity),
  xk: () => (/* binding */ incidentMarkersFor),
  x4: () => (/* binding */ versionsOf)
});

// UNUSED EXPORTS: impactFacts

// EXTERNAL MODULE: ./src/decide/freeze.ts
var freeze = __webpack_require__(4917);
// EXTERNAL MODULE: ./src/kube/snapshot.ts
var snapshot = __webpack_require__(7261);
;// CONCATENATED MODULE: ./src/report/incident-facts.ts
/** The plan's part of the facts from the decision and its run (times come from the caller). */
function planFacts(plan, run, times = []) {
    return {
        reasons: plan.reasons,
        stages: plan.stages.map((stage, i) => {
            const ran = run.stages[i];
            return {
                name: stage.name,
                why: stage.gated ? `${stage.why} (needs approval: ${stage.gated})` : stage.why,
                outcome: ran?.outcome ?? 'not-run',
                detail: [
                    ...(ran?.actions ?? []).map((a) => `${a.kind}: ${a.detail}`),
                    ...(ran?.verify ? [`judged again: ${ran.verify.verdict}: ${ran.verify.detail}`] : []),
                ],
                ...times[i],
            };
        }),
        leftAlone: plan['left-alone'],
        advice: plan.advice,
    };
}

// EXTERNAL MODULE: ./src/report/incident.ts
var incident = __webpack_require__(7182);
// EXTERNAL MODULE: ./src/verify/images.ts
var verify_images = __webpack_require__(887);
;// CONCATENATED MODULE: ./src/report/incident-of-run.ts





/** The images each undone target ran before and after, from its template diff (or the report's). */
function versionsOf(results) {
    return results.flatMap((r) => (0,verify_images/* imageChanges */.n8)(r.diff).map((change) => ({
        context: r.context,
        target: (0,snapshot/* describeRef */.Ro)(r).slice(r.context.length + 1),
        container: change.container,
        before: change.before,
        ...(r.outcome === 'rolled-back' ? { after: change.after } : {}),
    })));
}
/**
 * Who an incident is about: the service (the first target's name, else the repository's) and
 * the targets as `context namespace/kind/name`. Guard files under it and capture looks for it
 * (the deploy freeze): one function, so the two keys cannot drift apart.
 */
function incidentIdentity(refs, repository) {
    return {
        service: refs[0]?.name ?? repository?.split('/')[1] ?? 'service',
        targets: refs.length ? refs.map(snapshot/* describeRef */.Ro) : [repository ?? 'service'],
    };
}
/** The markers an open incident of these targets holds: the identity, and one per target. */
function incidentMarkersFor(refs, repository) {
    const { service, targets } = incidentIdentity(refs, repository);
    return [(0,incident/* incidentMarker */.X9)((0,incident/* incidentKey */.Qq)(service, targets)), ...targets.map(incident/* targetMarker */.yT)];
}
function incidentFactsOf(r) {
    const froze = r.range ? (0,freeze/* frozeOf */.wW)(r.range.head, r.range.commits) : undefined;
    const failing = r.states.filter((s) => s.status === 'fail');
    const breachBegan = failing
        .map((s) => s.breachingSince)
        .filter((t) => t !== undefined);
    return {
        service: r.service,
        targets: r.targets,
        verdict: r.verdict,
        ...(r.severity ? { severity: r.severity } : {}),
        headline: r.headline,
        deployedAt: r.deployedAt,
        ...(breachBegan.length ? { breachBeganAt: Math.min(...breachBegan) } : {}),
        detectedAt: r.detectedAt,
        ...(r.decidedAt !== undefined ? { decidedAt: r.decidedAt } : {}),
        triggers: r.states.map((s) => ({
            name: s.name,
            severity: s.severity,
            status: s.status,
            ...(s.value !== undefined ? { value: s.value } : {}),
            ...(s.threshold !== undefined ? { threshold: s.threshold } : {}),
            ...(s.baseline !== undefined ? { baseline: s.baseline } : {}),
            ...(s.status === 'pass' && s.breaching ? { breaching: s.breaching } : {}),
            detail: s.detail,
            observations: (r.observations[s.name] ?? []).map((o) => ({
                at: o.at,
                ...(o.value !== undefined ? { value: o.value } : {}),
            })),
        })),
        versions: versionsOf(r.kubernetes),
        ...(r.range
            ? {
                range: {
                    base: r.range.base,
                    head: r.range.head,
                    commits: r.range.commits.map((c) => ({
                        sha: c.sha,
                        author: c.author ?? '',
                        subject: c.subject,
                        ...(prNumber(c.subject) !== undefined ? { pr: prNumber(c.subject) } : {}),
                    })),
                },
            }
            : {}),
        ...(r.plan && r.run
            ? {
                plan: planFacts(r.plan, r.run, r.run.stages.map((stage) => ({
                    ...(stage.startedAt !== undefined ? { startedAt: stage.startedAt } : {}),
                    ...(stage.finishedAt !== undefined ? { finishedAt: stage.finishedAt } : {}),
                }))),
            }
            : {}),
        ...(r.runUrl ? { runUrl: r.runUrl } : {}),
        ...(froze ? { froze } : {}),
        ...(r.actor ? { actor: r.actor } : {}),
        ...(r.rolledBackBy ? { rolledBackBy: r.rolledBackBy } : {}),
        ...(r.verification ? verificationFacts(r.verification, r.decidedAt) : {}),
        ...impactFacts(r.states, r.observations),
    };
}
/**
 * Failed requests from the metrics: a ratio trigger counts errors and requests since the watch
 * began, so its last counts are the requests the bad release served until the decision (the
 * failing ratio trigger with the most errors speaks for the service). Nothing is guessed for
 * triggers that count nothing (latency, alerts): the section then asks a person.
 */
function impactFacts(states, observations) {
    const counted = states.flatMap((s) => {
        if (s.status !== 'fail')
            return [];
        const last = (observations[s.name] ?? []).findLast((o) => o.errors !== undefined && o.total !== undefined && o.total > 0);
        return last?.errors !== undefined && last.total !== undefined
            ? [{ failedRequests: last.errors, requests: last.total, countedBy: s.name }]
            : [];
    });
    const worst = counted.sort((a, b) => b.failedRequests - a.failedRequests)[0];
    return worst ? { impact: worst } : {};
}
function verificationFacts(v, decidedAt) {
    return {
        // The SLA is measured from the decision to the end of verification: that moment is verified.
        ...(v.verified && v.sla && decidedAt !== undefined
            ? { verifiedAt: decidedAt + v.sla.elapsedMs }
            : {}),
        verification: {
            verified: v.verified,
            checks: [
                ...v.images.map((i) => ({
                    kind: 'images',
                    name: `images of ${i.target}`,
                    status: i.match ? 'pass' : 'fail',
                    detail: i.match ? `as ${i.against ?? 'captured'}` : i.differences.join('; '),
                })),
                ...v.smoke.map((c) => ({
                    kind: 'smoke',
                    name: c.name,
                    status: c.outcome === 'passed' ? 'pass' : 'fail',
                    detail: c.detail,
                })),
                {
                    kind: 'triggers',
                    name: 'triggers judged again',
                    status: v.stability.verdict === 'inconclusive' ? 'no-data' : v.stability.verdict,
                    detail: v.stability.detail,
                },
            ],
        },
        ...(v.sla ? { sla: { limitMs: v.sla.limitMs, elapsedMs: v.sla.elapsedMs } } : {}),
    };
}
/** GitHub's merge and squash subjects name the pull request: `Merge pull request #12 …`, `… (#12)`. */
function prNumber(subject) {
    const m = /^Merge pull request #(\d+)\b/.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
    return m?.[1] ? Number(m[1]) : undefined;
}


/***/ }),

/***/ 4527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ chartsSection),
/* harmony export */   A_: () => (/* binding */ LEVELS),
/* harmony export */   D8: () => (/* binding */ releases),
/* harmony export */   ET: () => (/* binding */ commitsSection),
/* harmony export */   FZ: () => (/* binding */ versionsSection),
/* harmony export */   Gd: () => (/* binding */ summarySection),
/* harmony export */   Ms: () => (/* binding */ decisionSection),
/* harmony export */   Ph: () => (/* binding */ verificationSection),
/* harmony export */   RG: () => (/* binding */ timelineSection),
/* harmony export */   Y_: () => (/* binding */ impactSection),
/* harmony export */   b_: () => (/* binding */ triggersSection),
/* harmony export */   d4: () => (/* binding */ linksSection),
/* harmony export */   ek: () => (/* binding */ slaSection),
/* harmony export */   ep: () => (/* binding */ checklistSection),
/* harmony export */   n: () => (/* binding */ promptsSection),
/* harmony export */   n$: () => (/* binding */ utc)
/* harmony export */ });
/* unused harmony exports duration, versionOf, headTail, timelineEvents */
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1307);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);
/* harmony import */ var _analysis_triggers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3190);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8992);
/* harmony import */ var _chart_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(194);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6412);
/**
 * The sections of the incident issue, each a whole piece of Markdown (heading, text, table),
 * so the body is shortened by showing fewer rows or points, never by cutting a section.
 * `Limits` says how much of each list to show; incident.ts picks the largest that fits.
 */






/** From the whole story to the least that still says it; the last always fits. */
const LEVELS = [
    { rows: 60, charts: 8, points: 40, text: 300 },
    { rows: 25, charts: 4, points: 30, text: 200 },
    { rows: 8, charts: 2, points: 20, text: 120 },
    { rows: 3, charts: 1, points: 12, text: 80 },
];
const STATUS = {
    fail: '❌ fail',
    'no-data': '❔ no data',
    pass: '✅ pass',
};
/** `2026-11-20 14:05:00`: the timeline's column says UTC. */
function utc(ms) {
    return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
/** Whole seconds: `4m30s`. */
function duration(ms) {
    return (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(Math.max(0, Math.round(ms / 1000)) * 1000);
}
/** What people call a release: an image's tag, or the start of its digest. */
function versionOf(image) {
    const digest = /@sha256:([0-9a-f]{12})/i.exec(image);
    if (digest)
        return `sha256:${digest[1] ?? ''}`;
    const name = image.slice(image.lastIndexOf('/') + 1);
    const colon = name.lastIndexOf(':');
    return colon >= 0 ? name.slice(colon + 1) : 'latest';
}
/** The releases on one side of the rollback, as one short phrase. */
function releases(f, side) {
    const tags = [...new Set(f.versions.flatMap((v) => (v[side] ? [versionOf(v[side])] : [])))];
    if (tags.length === 0)
        return undefined;
    return tags.length <= 2 ? tags.join(', ') : `${tags.slice(0, 2).join(', ')} and others`;
}
/** The first `keep` and last `keep` items, and how many are not shown between them. */
function headTail(items, keep) {
    if (items.length <= keep * 2)
        return [[...items], 0, []];
    return [items.slice(0, keep), items.length - keep * 2, items.slice(-keep)];
}
/** Rows of a long table with one "… N more" row in the middle, as wide as the others. */
function longRows(rows, keep, width, what) {
    const [head, hidden, tail] = headTail(rows, keep);
    if (!hidden)
        return head;
    return [
        ...head,
        [`… ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(hidden, what)} more`, ...Array(width - 1).fill('…')],
        ...tail,
    ];
}
const prompt = (text) => `_✏️ ${text}_`;
const failing = (f) => f.triggers.filter((t) => t.status === 'fail');
function outcomePhrase(f) {
    const before = releases(f, 'before');
    const after = releases(f, 'after');
    switch (f.verdict) {
        case 'rolled-back':
            return `rolled back${before ? ` from ${before}` : ''}${after ? ` to ${after}` : ''}`;
        case 'rollback-recommended':
            return `not rolled back automatically: a rollback${before ? ` of ${before}` : ''} is recommended`;
        case 'rollback-failed':
            return `the rollback${before ? ` of ${before}` : ''} failed`;
        default:
            return f.verdict;
    }
}
function summarySection(f, l) {
    const names = failing(f).map((t) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(t.name, l.text));
    const shownTargets = f.targets.slice(0, l.rows).map((t) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(t, l.text));
    const more = f.targets.length - shownTargets.length;
    const lines = [
        `- **Verdict:** ${f.verdict}${f.severity ? ` (${f.severity})` : ''}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(outcomePhrase(f), l.text)}`,
        `- **What happened:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(f.headline, l.text * 2)}`,
        `- **Service:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(f.service, 100)}; targets: ${shownTargets.join(', ') || 'none'}${more > 0 ? ` and ${more} more` : ''}`,
        `- **Deployed:** ${utc(f.deployedAt)} UTC${f.actor ? ` by ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(f.actor, 100)}` : ''}`,
        ...(f.rolledBackBy
            ? [`- **Rolled back by:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(f.rolledBackBy, 100)}, by hand (mode: rollback)`]
            : []),
    ];
    if (f.detectedAt !== undefined)
        lines.push(`- **Detected:** ${utc(f.detectedAt)} UTC, ${duration(f.detectedAt - f.deployedAt)} after the deploy${names.length ? `, by ${names.join(', ')}` : ''}`);
    // At 3 a.m. the run's logs are the next click: first here, again under Links.
    const run = runLink(f.runUrl);
    if (run)
        lines.push(`- **Run:** ${run}`);
    if (f.verification)
        lines.push(`- **Verified:** ${f.verification.verified ? `yes${f.verifiedAt !== undefined ? `, at ${utc(f.verifiedAt)} UTC` : ''}` : '**no**: see Verification'}`);
    return `## Summary\n\n${lines.join('\n')}\n`;
}
function impactSection(f) {
    const i = f.impact ?? {};
    const failed = i.failedRequests === undefined
        ? prompt('not measured: fill in from the service’s dashboards')
        : `${Math.round(i.failedRequests).toLocaleString('en-US')}${i.requests ? ` of ${Math.round(i.requests).toLocaleString('en-US')} (${((100 * i.failedRequests) / i.requests).toPrecision(3)} %)` : ''}${i.countedBy ? `, counted by ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(i.countedBy, 200)} from the deploy to the decision` : ''}`;
    const breach = i.breachMs !== undefined
        ? duration(i.breachMs)
        : f.breachBeganAt !== undefined && f.verifiedAt !== undefined
            ? `at most ${duration(f.verifiedAt - f.breachBeganAt)} (from the breach’s start to the verified rollback)`
            : prompt('not known: from the breach’s start to recovery');
    return [
        '## Impact\n',
        `- **Failed requests during the breach:** ${failed}`,
        `- **Breach duration:** ${breach}`,
        `- **Affected users:** ${prompt('number or share of users')}`,
        `- **Data loss or corruption:** ${prompt('none, or what')}`,
        `- **Business impact:** ${prompt('revenue, SLA credits, complaints')}`,
        '',
    ].join('\n');
}
/** The events the action saw, in order: [time, what]. */
function timelineEvents(f, l) {
    const names = failing(f)
        .map((t) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(t.name, l.text))
        .join(', ');
    const events = [
        [
            f.deployedAt,
            `Deployed${releases(f, 'before') ? ` ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(releases(f, 'before') ?? '', l.text)}` : ''}`,
        ],
    ];
    if (f.breachBeganAt !== undefined)
        events.push([f.breachBeganAt, `Breach began${names ? `: ${names}` : ''}`]);
    if (f.detectedAt !== undefined)
        events.push([
            f.detectedAt,
            `Detected: verdict ${f.verdict}${f.severity ? ` (${f.severity})` : ''}`,
        ]);
    if (f.decidedAt !== undefined)
        events.push([f.decidedAt, 'Decision: plan made']);
    (f.plan?.stages ?? []).forEach((s, n) => {
        const name = `stage ${n + 1} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(s.name, l.text)})`;
        if (s.startedAt !== undefined)
            events.push([s.startedAt, `Started ${name}`]);
        if (s.finishedAt !== undefined)
            events.push([s.finishedAt, `Finished ${name}: ${_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGE_LABEL */ ._[s.outcome]}`]);
    });
    if (f.verifiedAt !== undefined)
        events.push([
            f.verifiedAt,
            f.verification?.verified === false ? 'Verification ended: **not verified**' : 'Verified',
        ]);
    // Stable: events at the same second keep the order they happen in.
    return events.sort((a, b) => a[0] - b[0]);
}
function timelineSection(f, l) {
    const rows = timelineEvents(f, l).map(([at, what]) => {
        const since = at - f.deployedAt;
        return [utc(at), since < 0 ? `-${duration(-since)}` : `+${duration(since)}`, what];
    });
    return `## Timeline (UTC)\n\n${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeTable */ .UH)(['Time (UTC)', 'Since deploy', 'Event'], longRows(rows, l.rows, 3, 'event'))}\n`;
}
function triggersSection(f, l) {
    // Failing first: the reason for the incident is the first thing read.
    const order = { fail: 0, 'no-data': 1, pass: 2 };
    const sorted = [...f.triggers].sort((a, b) => order[a.status] - order[b.status]);
    const rows = sorted.map((t) => [
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(t.name, l.text),
        t.severity,
        // Over its threshold, not yet for long enough: not a pass a reader should trust.
        t.breaching ? `🟠 breaching (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(t.breaching, 60)})` : STATUS[t.status],
        (0,_analysis_triggers_js__WEBPACK_IMPORTED_MODULE_2__/* .format */ .GP)(t.value),
        t.threshold === undefined
            ? '-'
            : `${t.direction === 'below' ? '<' : '>'} ${(0,_analysis_triggers_js__WEBPACK_IMPORTED_MODULE_2__/* .format */ .GP)(t.threshold)}`,
        t.baseline === undefined ? '-' : (0,_analysis_triggers_js__WEBPACK_IMPORTED_MODULE_2__/* .format */ .GP)(t.baseline),
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(t.detail, l.text),
    ]);
    const table = (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeTable */ .UH)(['Trigger', 'Severity', 'Status', 'Observed', 'Threshold', 'Baseline', 'Detail'], longRows(rows, l.rows, 7, 'trigger'));
    return `## Triggers\n\n${f.triggers.length ? table : 'No trigger was judged.'}\n`;
}
function chartsSection(f, l) {
    const charts = failing(f).flatMap((t) => {
        const chart = (0,_chart_js__WEBPACK_IMPORTED_MODULE_5__/* .mermaidChart */ .C6)({
            name: t.name,
            observations: t.observations,
            threshold: t.threshold,
            direction: t.direction,
            origin: f.deployedAt,
        }, l.points);
        return chart ? [{ t, chart }] : [];
    });
    if (!charts.length)
        return '';
    const shown = charts.slice(0, l.charts);
    const parts = shown.map(({ t, chart }) => {
        const gaps = t.observations.filter((o) => o.value === undefined || !Number.isFinite(o.value));
        const polls = t.observations.length - gaps.length;
        const note = `${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(polls, 'poll')}${polls > l.points ? `, shown as ${l.points} points (the worst of each stretch)` : ''}${gaps.length ? `; ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(gaps.length, 'poll')} without data not shown` : ''}.`;
        return `### ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(t.name, l.text)}\n\n${chart}\n\n${note}\n`;
    });
    const rest = charts.length - shown.length;
    if (rest > 0)
        parts.push(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(rest, 'more failing metric')} not charted: see Triggers.\n`);
    return `## Failing metrics over the watch\n\n${parts.join('\n')}`;
}
function versionsSection(f, l) {
    if (!f.versions.length)
        return `## Versions\n\n${prompt('no target images were recorded')}\n`;
    const rows = f.versions.map((v) => [
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(v.context, l.text),
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(v.target, l.text),
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(v.container, l.text),
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(v.before, l.text),
        v.after === undefined
            ? 'unchanged'
            : v.after === v.before
                ? 'unchanged'
                : (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(v.after, l.text),
    ]);
    return `## Versions\n\n${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeTable */ .UH)(['Region', 'Target', 'Container', 'Before the rollback', 'After the rollback'], longRows(rows, l.rows, 5, 'container'))}\n`;
}
const shortSha = (sha) => /^[0-9a-f]{7,64}$/i.test(sha) ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .codeSpan */ .SS)(sha.slice(0, 12)) : (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(sha, 40);
function commitsSection(f, l) {
    if (!f.range)
        return '';
    const { base, head, commits } = f.range;
    const rows = commits.map((c) => [
        shortSha(c.sha),
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(c.author, 80),
        // A number from the API, not outside text: GitHub links it to the pull request.
        c.pr !== undefined && Number.isInteger(c.pr) && c.pr > 0 ? `#${c.pr}` : '-',
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(c.subject, l.text),
    ]);
    const intro = `${shortSha(base)} … ${shortSha(head)}: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(commits.length, 'commit')}, newest first.`;
    const table = rows.length
        ? `\n\n${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeTable */ .UH)(['Commit', 'Author', 'Pull request', 'Subject'], longRows(rows, l.rows, 4, 'commit'))}`
        : '';
    return `## Commits deployed\n\n${intro}${table}\n`;
}
function decisionSection(f, l) {
    if (!f.plan)
        return '';
    const p = f.plan;
    const list = (items) => {
        const [head, hidden, tail] = headTail(items, l.rows);
        return [
            ...head.map((r) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(r, l.text * 2)}`),
            ...(hidden ? [`- … ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(hidden, 'more line')}`] : []),
            ...tail.map((r) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(r, l.text * 2)}`),
        ].join('\n');
    };
    const parts = ['## Decision\n', list(p.reasons)];
    if (p.stages.length) {
        const rows = p.stages.map((s, n) => [
            `${n + 1}. ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(s.name, l.text)}`,
            (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(s.why, l.text),
            _plan_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGE_LABEL */ ._[s.outcome],
            s.startedAt === undefined ? '-' : utc(s.startedAt).slice(11),
            s.finishedAt === undefined ? '-' : utc(s.finishedAt).slice(11),
            s.detail
                .slice(0, l.rows)
                .map((d) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(d, l.text))
                .join('; ') || '-',
        ]);
        parts.push('', (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeTable */ .UH)(['Stage', 'Why', 'Outcome', 'Started', 'Finished', 'Detail'], longRows(rows, l.rows, 6, 'stage')));
    }
    if (p.leftAlone.length)
        parts.push('', 'Left alone:', '', list(p.leftAlone.map((a) => `${a.target}: ${a.why}`)));
    // After a rollback that worked, fix-forward advice is history, not a next step.
    if (p.advice.length && f.verdict !== 'rolled-back')
        parts.push('', '**Fix forward:**', '', list(p.advice));
    return `${parts.join('\n')}\n`;
}
function verificationSection(f, l) {
    const v = f.verification;
    if (!v)
        return '';
    const head = v.verified
        ? `✅ Verified${f.verifiedAt !== undefined ? ` at ${utc(f.verifiedAt)} UTC` : ''}.`
        : '❌ **Not verified**: the rollback ran, but the checks below did not all pass.';
    const icon = { pass: '✅ pass', fail: '❌ fail', 'no-data': '❔ no data', skipped: '⏭️ skipped' };
    const table = v.checks.length
        ? `\n\n${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeTable */ .UH)(['Check', 'Result', 'Detail'], longRows(v.checks.map((c) => [
            (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(c.name, l.text),
            icon[c.status],
            (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(c.detail, l.text),
        ]), l.rows, 3, 'check'))}`
        : '';
    return `## Verification\n\n${head}${table}\n`;
}
function slaSection(f) {
    if (!f.sla)
        return `## Time against SLA\n\n${prompt('no rollback SLA is set (policy verify.sla)')}\n`;
    const { limitMs, elapsedMs } = f.sla;
    const unverified = f.verification?.verified === false;
    const met = !unverified && elapsedMs <= limitMs;
    const verdict = unverified
        ? '**not met**: the rollback was not verified'
        : met
            ? `**met**, ${duration(limitMs - elapsedMs)} to spare`
            : `**missed** by ${duration(elapsedMs - limitMs)}`;
    return `## Time against SLA\n\nDecision to verified: ${duration(elapsedMs)} against the SLA of ${duration(limitMs)}: ${verdict}.\n`;
}
/** A link only to a plain http(s) address; anything else is shown as text. */
function runLink(url) {
    if (url === undefined)
        return undefined;
    return /^https?:\/\/[^\s()<>[\]"'`]+$/.test(url) ? `[Workflow run](${url})` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(url);
}
function linksSection(f) {
    return `## Links\n\n- ${runLink(f.runUrl) ?? prompt('no run URL')}\n`;
}
function promptsSection() {
    return [
        '## Root cause\n',
        prompt('What caused it, and why the checks before production did not catch it.'),
        '',
        '## Contributing factors\n',
        `1. ${prompt('technical')}`,
        `2. ${prompt('process')}`,
        `3. ${prompt('testing gap')}`,
        '',
        '## Lessons learned\n',
        `- ${prompt('what went wrong')}`,
        `- ${prompt('what went right')}`,
        '',
        '## Action items\n',
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeTable */ .UH)(['Action', 'Owner', 'Due', 'Priority', 'Status'], [[prompt('action'), prompt('owner'), prompt('date'), 'High', 'Open']]),
        '',
    ].join('\n');
}
/** The runbooks' post-rollback checklist; what the action itself did is already ticked. */
function checklistSection(f) {
    const v = f.verification;
    const smokeChecks = v?.checks.filter((c) => c.kind === 'smoke') ?? [];
    const smoke = smokeChecks.length > 0 && smokeChecks.every((c) => c.status === 'pass');
    const item = (done, text) => `- [${done ? 'x' : ' '}] ${text}`;
    return [
        '## Post-rollback checklist\n',
        item(v?.verified === true, 'Rollback verified: rollouts complete, images as before, triggers passing'),
        item(smoke, smokeChecks.length || !v
            ? 'Smoke checks passed'
            : 'Smoke checks passed (none configured: `verify.checks` in the policy runs them)'),
        item(false, 'Critical user flows checked by hand (sign-in, the main paths)'),
        item(false, 'Dashboards show no error spikes; error rate and latency back to the baseline'),
        item(false, 'Data integrity checked (record counts, no orphaned or corrupt records)'),
        item(false, 'Stakeholders told the rollback is complete'),
        // The deploy freeze holds them: capture refuses while this issue is open.
        item(true, `Further deploys of ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeExternal */ .Zk)(f.service, 100)} held until the cause is known: \`capture\` refuses while this issue is open (\`override-freeze\` to deploy anyway, or deploy a revert)`),
        item(false, 'Logs and metrics of the window kept as evidence'),
        item(false, 'Root cause analysis scheduled (within 24 hours)'),
        item(false, 'Runbooks, alerts and tests updated'),
        '',
    ].join('\n');
}


/***/ }),

/***/ 7182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bl: () => (/* binding */ incidentTitle),
/* harmony export */   Bs: () => (/* binding */ markersOf),
/* harmony export */   Co: () => (/* binding */ incidentComment),
/* harmony export */   Qq: () => (/* binding */ incidentKey),
/* harmony export */   Ty: () => (/* binding */ incidentBody),
/* harmony export */   Uj: () => (/* binding */ fit),
/* harmony export */   VC: () => (/* binding */ bodySections),
/* harmony export */   X9: () => (/* binding */ incidentMarker),
/* harmony export */   Z7: () => (/* binding */ incidentNote),
/* harmony export */   sV: () => (/* binding */ incidentLabels),
/* harmony export */   we: () => (/* binding */ markerOf),
/* harmony export */   yT: () => (/* binding */ targetMarker)
/* harmony export */ });
/* unused harmony exports GITHUB_BODY_LIMIT, BODY_BUDGET, MAX_TARGET_MARKERS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _decide_freeze_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4917);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6412);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4285);
/* harmony import */ var _incident_sections_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4527);
/**
 * The incident issue: title, labels, the hidden marker that finds it again, the RCA-shaped
 * body (runbook 000's template with every fact the action knows), and the comment a later
 * event adds to it. Pure: facts in, text out; the GitHub calls live elsewhere.
 */





/** GitHub refuses a body or comment longer than this. */
const GITHUB_BODY_LIMIT = 65_536;
/** What the renderers aim under: room for a person's edits and for the marker. */
const BODY_BUDGET = 60_000;
function incidentTitle(f) {
    const before = (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .releases */ .D8)(f, 'before');
    const after = (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .releases */ .D8)(f, 'after');
    const service = (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(f.service, 80);
    const what = f.verdict === 'rolled-back'
        ? `${service} rolled back${before ? `: ${before}` : ''}${after ? ` → ${after}` : ''}`
        : f.verdict === 'rollback-recommended'
            ? `${service}: rollback recommended${before ? ` for ${before}` : ''}`
            : f.verdict === 'rollback-failed'
                ? `${service}: rollback${before ? ` of ${before}` : ''} failed`
                : `${service}${before ? ` ${before}` : ''}: ${f.verdict}`;
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(`${f.severity ? `[${f.severity}] ` : ''}${what}`, 256);
}
/** `incident`, the severity, then the policy's labels; once each, as GitHub compares them. */
function incidentLabels(f, extra) {
    const all = ['incident', ...(f.severity ? [`severity:${f.severity}`] : []), ...extra];
    const seen = new Set();
    return all.flatMap((label) => {
        const name = (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(label, 50);
        const key = name.toLowerCase();
        if (!name || seen.has(key))
            return [];
        seen.add(key);
        return [name];
    });
}
/** Stable for the same service and targets, whatever their order. */
function incidentKey(service, targets) {
    const identity = [service.trim(), ...[...new Set(targets.map((t) => t.trim()))].sort()].join('\n');
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(identity).digest('hex').slice(0, 16);
}
/** The hidden comment that finds the open incident for the same targets. */
function incidentMarker(key) {
    // Nothing that could end the comment early or change its words.
    const safe = key.replace(/[^A-Za-z0-9._]+/g, '-').slice(0, 64);
    return `<!-- rollback-action:incident key=${safe} -->`;
}
const markerOf = (f) => incidentMarker(incidentKey(f.service, f.targets));
/** Targets named one by one at most: a freeze is about the first ones a deploy touches. */
const MAX_TARGET_MARKERS = 50;
/**
 * One target's marker, whatever incident names it: the deploy freeze finds an incident by any
 * target a capture shares with it, so capturing one region of two does not slip past it.
 */
function targetMarker(target) {
    const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(target.trim()).digest('hex').slice(0, 16);
    return `<!-- rollback-action:target key=${key} -->`;
}
/** The identity marker, then (when known) what the incident froze deploys on. */
const markersOf = (f) => [
    markerOf(f),
    ...(f.froze ? [(0,_decide_freeze_js__WEBPACK_IMPORTED_MODULE_3__/* .frozeMarker */ .nV)(f.froze)] : []),
    ...f.targets.slice(0, MAX_TARGET_MARKERS).map(targetMarker),
].join('\n');
/** The first rendering, from the fullest to the shortest, that fits under the budget. */
function fit(render) {
    let text = '';
    for (const limits of _incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .LEVELS */ .A_) {
        text = render(limits);
        if (text.length <= BODY_BUDGET)
            return text;
    }
    return text;
}
/** The body's sections in the RCA template's order, at the given limits. */
function bodySections(f, l) {
    return [
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .summarySection */ .Gd)(f, l),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .impactSection */ .Y_)(f),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .timelineSection */ .RG)(f, l),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .triggersSection */ .b_)(f, l),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .chartsSection */ .$m)(f, l),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .versionsSection */ .FZ)(f, l),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .commitsSection */ .ET)(f, l),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .decisionSection */ .Ms)(f, l),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .verificationSection */ .Ph)(f, l),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .slaSection */ .ek)(f),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .linksSection */ .d4)(f),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .promptsSection */ .n)(),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .checklistSection */ .ep)(f),
    ].filter(Boolean);
}
function incidentBody(f) {
    return fit((l) => [
        // No heading with the title: GitHub shows the title right above the body.
        `${markersOf(f)}\n`,
        ...bodySections(f, l),
    ].join('\n'));
}
/**
 * A new event on an open incident: what happened this time, without the prompts. Its froze
 * marker adds this event's bad commits to what the freeze waits for a revert of.
 */
function incidentComment(f) {
    return fit((l) => [
        ...(f.froze ? [`${(0,_decide_freeze_js__WEBPACK_IMPORTED_MODULE_3__/* .frozeMarker */ .nV)(f.froze)}\n`] : []),
        `### New event at ${(0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .utc */ .n$)(f.detectedAt ?? f.deployedAt)} UTC: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeExternal */ .Zk)(incidentTitle(f), 256)}\n`,
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .summarySection */ .Gd)(f, l).replace('## Summary', '#### Summary'),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .timelineSection */ .RG)(f, l).replace('## ', '#### '),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .triggersSection */ .b_)(f, { ...l, rows: Math.min(l.rows, 10) }).replace('## ', '#### '),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .versionsSection */ .FZ)(f, { ...l, rows: Math.min(l.rows, 10) }).replace('## ', '#### '),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .decisionSection */ .Ms)(f, l).replace('## ', '#### '),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .verificationSection */ .Ph)(f, l).replace('## ', '#### '),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .slaSection */ .ek)(f).replace('## ', '#### '),
        (0,_incident_sections_js__WEBPACK_IMPORTED_MODULE_1__/* .linksSection */ .d4)(f).replace('## ', '#### '),
    ]
        .filter(Boolean)
        .join('\n'));
}
/** One line for a job summary: where the incident is, or why there is none. */
function incidentNote(incident) {
    if (!incident)
        return '';
    if ('problem' in incident)
        return `⚠️ ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(incident.problem)}.\n\n`;
    return incident.action === 'created'
        ? `Incident filed: [#${incident.number}](${incident.url}).\n\n`
        : `Incident [#${incident.number}](${incident.url}) was still open: this run is a comment on it.\n\n`;
}


/***/ }),

/***/ 2794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hi: () => (/* binding */ snapshotFromFile),
/* harmony export */   LB: () => (/* binding */ revertReport),
/* harmony export */   MR: () => (/* binding */ capturedTargetReport),
/* harmony export */   Pu: () => (/* binding */ snapshotFile),
/* harmony export */   eE: () => (/* binding */ rolloutReport),
/* harmony export */   gM: () => (/* binding */ ledgerReport),
/* harmony export */   kf: () => (/* binding */ freezeReport),
/* harmony export */   nz: () => (/* binding */ baselineReports),
/* harmony export */   st: () => (/* binding */ verificationReport),
/* harmony export */   u: () => (/* binding */ targetOutcome)
/* harmony export */ });
/* unused harmony exports baselineReport, baselineFromReport */
function baselineReport(b) {
    return {
        value: b.value ?? null,
        ...(b.reason !== undefined ? { reason: b.reason } : {}),
        from: b.from,
        end: b.end,
        'window-ms': b.windowMs,
        query: b.query,
        ...(b.alerts ? { alerts: b.alerts } : {}),
    };
}
function baselineFromReport(r) {
    return {
        value: r.value ?? undefined,
        ...(r.reason !== undefined ? { reason: r.reason } : {}),
        from: r.from,
        end: r.end,
        windowMs: r['window-ms'],
        query: r.query,
        ...(r.alerts ? { alerts: r.alerts } : {}),
    };
}
/** Each trigger's baseline, by trigger name. */
function baselineReports(baselines) {
    return mapValues(baselines, baselineReport);
}
function rolloutReport(o) {
    return { target: o.target, state: o.state, message: o.message, 'elapsed-ms': o.elapsedMs };
}
function ledgerReport(r) {
    return { context: r.context, namespace: r.namespace, targets: r.targets, entries: r.entries };
}
function targetOutcome(r) {
    return {
        context: r.context,
        kind: r.kind,
        namespace: r.namespace,
        name: r.name,
        outcome: r.outcome,
        'from-revision': r.fromRevision ?? null,
        'to-revision': r.toRevision ?? null,
        message: r.message,
        diff: r.diff,
        state: r.state ?? null,
        seconds: r.seconds ?? null,
    };
}
function capturedTargetReport(t) {
    return {
        context: t.context,
        namespace: t.namespace,
        kind: t.kind,
        name: t.name,
        revision: t.revision ?? null,
        images: t.images,
    };
}
function snapshotFile(s) {
    return {
        version: 1,
        'captured-at': s.capturedAt,
        sha: s.sha ?? null,
        'run-url': s.runUrl ?? null,
        targets: s.targets.map(capturedTargetFile),
        ...(s.baselines ? { baselines: baselineReports(s.baselines) } : {}),
        ...(s.base ? { base: s.base } : {}),
    };
}
function snapshotFromFile(f) {
    return {
        version: 1,
        capturedAt: f['captured-at'],
        sha: f.sha ?? undefined,
        runUrl: f['run-url'] ?? undefined,
        targets: f.targets.map(capturedTargetFromFile),
        ...(f.baselines ? { baselines: mapValues(f.baselines, baselineFromReport) } : {}),
        ...(f.base ? { base: f.base } : {}),
    };
}
function capturedTargetFile(t) {
    return {
        context: t.context,
        kind: t.kind,
        namespace: t.namespace,
        name: t.name,
        uid: t.uid,
        revision: t.revision ?? null,
        generation: t.generation ?? null,
        replicas: t.replicas ?? null,
        paused: t.paused,
        history: t.history,
        images: t.images,
        digests: t.digests,
        gitops: t.gitops ?? null,
        template: t.template,
    };
}
function capturedTargetFromFile(t) {
    return {
        context: t.context,
        kind: t.kind,
        namespace: t.namespace,
        name: t.name,
        uid: t.uid,
        revision: t.revision ?? undefined,
        generation: t.generation ?? undefined,
        replicas: t.replicas ?? undefined,
        paused: t.paused,
        history: t.history,
        images: t.images,
        digests: t.digests,
        gitops: t.gitops ?? undefined,
        template: t.template,
    };
}
function mapValues(record, f) {
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}
function revertReport(r) {
    return {
        outcome: r.outcome,
        delivery: r.delivery,
        branch: r.branch,
        'head-branch': r.headBranch ?? null,
        reverted: r.reverted,
        commits: r.commits,
        messages: r.messages,
        'diff-stat': r.diffStat,
        'pull-request': r.pullRequest ? { number: r.pullRequest.number, url: r.pullRequest.url } : null,
        pushed: r.pushed ?? null,
        conflicts: r.conflicts ?? [],
        error: r.error ?? null,
        since: (r.since ?? []).map((c) => ({ ...c, verified: c.verified ?? null })),
        reason: r.reason ?? null,
    };
}
function verificationReport(v) {
    return {
        verified: v.verified,
        problem: v.problem ?? null,
        images: v.images,
        smoke: v.smoke.map((r) => ({
            name: r.name,
            kind: r.kind,
            outcome: r.outcome,
            attempts: r.attempts,
            detail: r.detail,
            'elapsed-ms': r.elapsedMs,
        })),
        stability: v.stability,
        sla: v.sla
            ? {
                'elapsed-ms': v.sla.elapsedMs,
                'limit-ms': v.sla.limitMs,
                met: v.sla.met,
                detail: v.sla.detail,
            }
            : null,
    };
}
/** The freeze as the capture report has it. */
function freezeReport(s) {
    return {
        freeze: s.state === 'clear' || s.state === 'unchecked'
            ? null
            : {
                incident: s.incident.number,
                url: s.incident.url,
                overridden: s.state === 'overridden',
                'lifted-by': s.revert?.revert ?? null,
            },
        'freeze-unchecked': s.state === 'unchecked' ? s.problem : null,
    };
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   aY: () => (/* binding */ code)
/* harmony export */ });
/* unused harmony export escapeCell */
/**
 * Markdown for job summaries and issues: readable as raw text in a log or a demo, and rendered
 * by GitHub. Cell text is escaped so a value with `|` or a newline cannot break the table.
 */
function escapeCell(text) {
    return outsideCode(text, (plain) => plain.replace(/\\/g, '\\\\').replace(/~/g, '\\~'))
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
/**
 * `text` with `change` applied outside its code spans: a tilde in a query (`=~"5.."`) would
 * start GitHub's strikethrough in plain text, and a backslash there is shown as it is.
 */
function outsideCode(text, change) {
    // CommonMark: a run of n backticks opens a span that the next run of exactly n closes.
    let out = '';
    let plain = '';
    let i = 0;
    while (i < text.length) {
        const run = /^`+/.exec(text.slice(i))?.[0];
        if (!run) {
            plain += text.charAt(i++);
            continue;
        }
        const closing = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
        closing.lastIndex = i + run.length;
        const end = closing.exec(text);
        if (!end) {
            plain += run;
            i += run.length;
            continue;
        }
        out += change(plain) + text.slice(i, end.index + run.length);
        plain = '';
        i = end.index + run.length;
    }
    return out + change(plain);
}
function markdownTable(headers, rows) {
    const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
    return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}
/**
 * Inline code that survives backticks inside the value (CommonMark: a fence longer than any
 * run of backticks in it, and a space inside when the value starts or ends with one), so a
 * commit subject can never close the span and put a link, a mention or a keyword outside it.
 */
function code(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/**
 * A line of plain text inside Markdown: no HTML, no line break, and no code span or emphasis
 * started by a quoted value (underscores inside words do not emphasise in GitHub's Markdown).
 */
function escapeText(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*~])/g, '\\$1')
        .replace(/\r?\n/g, ' ');
}


/***/ }),

/***/ 7122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ webhookBody),
/* harmony export */   NG: () => (/* binding */ notificationsLine),
/* harmony export */   VG: () => (/* binding */ willRollBack),
/* harmony export */   ax: () => (/* binding */ DEFAULT_ON),
/* harmony export */   bh: () => (/* binding */ initiatedFacts),
/* harmony export */   c6: () => (/* binding */ outcomeFacts),
/* harmony export */   dy: () => (/* binding */ describeSubscription),
/* harmony export */   kA: () => (/* binding */ DEFAULT_PAGE_SEVERITIES),
/* harmony export */   qe: () => (/* binding */ pagerDutyEvent),
/* harmony export */   uL: () => (/* binding */ PAGERDUTY_URL),
/* harmony export */   x0: () => (/* binding */ subscriptions),
/* harmony export */   y$: () => (/* binding */ slackMessage)
/* harmony export */ });
/* unused harmony exports NOTIFY_EVENTS, escapeSlack, describeVersions, notifyHeadline, dedupKey, outcomeEvent */
/* harmony import */ var _kube_snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7261);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6412);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4285);
/* harmony import */ var _incident_of_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9678);




const NOTIFY_EVENTS = [
    'initiated',
    'completed',
    'failed',
    'recommended',
];
/** The events each kind of channel gets unless the policy says otherwise. */
const DEFAULT_ON = {
    slack: NOTIFY_EVENTS,
    // One page, once the outcome is known: what the person paged must do depends on it.
    pagerduty: ['completed', 'failed', 'recommended'],
    webhook: NOTIFY_EVENTS,
};
const DEFAULT_PAGE_SEVERITIES = ['P0'];
const PAGERDUTY_URL = 'https://events.pagerduty.com/v2/enqueue';
const ZWSP = '\u200b';
/**
 * Text from outside, safe in a Slack mrkdwn message: one line, bounded, `&`, `<` and `>`
 * escaped as Slack asks (so `<!channel>`, `<@U123>` and `<url|text>` are shown, not acted on),
 * and a zero-width space after each `@` so `@here` is not a mention where names are linked.
 */
function escapeSlack(text, max = 300) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(text, max)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/@/g, `@${ZWSP}`);
}
/** A Slack link `<url|label>`; a URL Slack could misread is shown as escaped text instead. */
function slackLink(url, label) {
    if (!/^https?:\/\/[^\s<>|]+$/.test(url))
        return escapeSlack(url);
    return `<${url.replace(/&/g, '&amp;')}|${escapeSlack(label, 80)}>`;
}
const TITLES = {
    initiated: 'ROLLBACK INITIATED',
    completed: 'ROLLBACK COMPLETED',
    failed: 'ROLLBACK FAILED',
    recommended: 'ROLLBACK RECOMMENDED',
};
const EMOJI = {
    initiated: ':rotating_light:',
    completed: ':white_check_mark:',
    failed: ':x:',
    recommended: ':warning:',
};
const short = (sha) => sha.slice(0, 7);
/** `shop/api:2.0 → shop/api:1.9`, one per distinct change, at most `max`. */
function describeVersions(facts, max = 5) {
    const lines = [
        ...new Set(facts.versions.map((v) => 
        // Only one side known (the rollback has not run): the other is said by `destination`.
        v.from && v.to ? `${v.from} → ${v.to}` : v.to ? `→ ${v.to}` : (v.from ?? '?'))),
    ];
    const commits = facts.commits?.deployed && facts.commits.previous
        ? `commit ${short(facts.commits.deployed)} → ${short(facts.commits.previous)}`
        : facts.commits?.deployed
            ? `commit ${short(facts.commits.deployed)}`
            : undefined;
    if (!lines.length)
        return commits;
    const shown = lines.slice(0, max).join(', ');
    return lines.length > max ? `${shown} and ${lines.length - max} more` : shown;
}
function verification(facts) {
    if (facts.verified === undefined)
        return undefined;
    return facts.verified
        ? 'verified'
        : `NOT verified${facts.verificationProblem ? `: ${facts.verificationProblem}` : ''}`;
}
/** The headline of a message: what happened to which service, in one line. */
function notifyHeadline(facts) {
    const service = (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(facts.service, 80);
    const severity = facts.severity ? `[${facts.severity}] ` : '';
    const versions = describeVersions(facts, 2);
    const what = {
        initiated: `rolling back ${service}${versions ? ` (${versions})` : ''}`,
        completed: `${service} rolled back${versions ? ` (${versions})` : ''}${facts.verified === false ? ', NOT verified' : ''}`,
        failed: `rollback of ${service} failed${facts.verified === false && facts.verdict === 'rolled-back' ? ' verification' : ''}`,
        recommended: `${service}: rollback recommended, a person must act`,
    };
    return `${severity}${what[facts.event]}`;
}
/** The body of a Slack incoming webhook: `text` in mrkdwn (and the legacy channel override). */
function slackMessage(facts, channel) {
    const field = (name, value, max = 300) => value === undefined || value === '' ? [] : [`*${name}:* ${escapeSlack(value, max)}`];
    const versions = describeVersions(facts);
    const seconds = facts.rollbackSeconds === undefined ? undefined : `${facts.rollbackSeconds.toFixed(1)} s`;
    const links = [
        facts.incidentUrl ? slackLink(facts.incidentUrl, 'Incident') : undefined,
        facts.pullRequestUrl ? slackLink(facts.pullRequestUrl, 'Revert pull request') : undefined,
        facts.runUrl ? slackLink(facts.runUrl, 'Workflow run') : undefined,
    ].filter((l) => l !== undefined);
    const lines = [
        `${EMOJI[facts.event]} *${TITLES[facts.event]}*: ${escapeSlack(notifyHeadline(facts), 200)}`,
        ...field('Service', `${facts.service} (${facts.targets.join(', ')})`),
        ...field(facts.event === 'initiated' ? 'Rolling back' : 'Version', versions),
        ...(facts.event === 'initiated' ? field('To', facts.destination) : []),
        ...field('Severity', facts.severity),
        ...field('Reason', facts.reason, 500),
        ...(facts.event === 'initiated'
            ? field('Plan', facts.stages?.join(', then if needed ') ?? facts.strategy)
            : field('Strategy', facts.strategy === 'none' ? undefined : facts.strategy)),
        ...field('Duration', seconds),
        ...field('Verification', verification(facts), 500),
        ...field(facts.event === 'failed' ? 'What failed' : 'Action needed', facts.actionNeeded, 500),
        ...field('Started', facts.event === 'initiated' ? utc(facts.at) : undefined),
        ...(links.length ? [links.join(' · ')] : []),
    ];
    return { text: lines.join('\n'), ...(channel ? { channel } : {}) };
}
function utc(at) {
    return `${new Date(at).toISOString().slice(11, 16)} UTC`;
}
const PD_SEVERITY = {
    P0: 'critical',
    P1: 'error',
    P2: 'warning',
};
/**
 * The dedup key: one PagerDuty alert per service of a repository while it is open, so the
 * events of one incident (and a repeat before anyone resolved it) group instead of paging again.
 */
function dedupKey(facts) {
    return `rollback-action/${facts.repository ?? 'local'}/${facts.service}`.slice(0, 255);
}
/** An Events API v2 trigger (https://events.pagerduty.com/v2/enqueue). */
function pagerDutyEvent(facts, routingKey) {
    const links = [
        facts.incidentUrl ? { href: facts.incidentUrl, text: 'Incident issue' } : undefined,
        facts.pullRequestUrl ? { href: facts.pullRequestUrl, text: 'Revert pull request' } : undefined,
        facts.runUrl ? { href: facts.runUrl, text: 'Workflow run' } : undefined,
    ].filter((l) => l !== undefined);
    const reason = facts.actionNeeded ?? facts.reason;
    return {
        routing_key: routingKey,
        event_action: 'trigger',
        dedup_key: dedupKey(facts),
        client: 'rollback-action',
        ...(facts.runUrl ? { client_url: facts.runUrl } : {}),
        payload: {
            // PagerDuty cuts the summary at 1024 characters; the reason is what is cut first.
            summary: (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(`${notifyHeadline(facts)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(reason, 1024)}`, 1024),
            source: (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(facts.service, 255),
            severity: facts.severity ? PD_SEVERITY[facts.severity] : 'info',
            timestamp: new Date(facts.at).toISOString(),
            ...(facts.repository ? { group: facts.repository } : {}),
            class: `rollback ${facts.event}`,
            custom_details: webhookBody(facts),
        },
        ...(links.length ? { links } : {}),
    };
}
/** A JSON webhook's body: the run's facts, kebab-case like the report, `null` when unknown. */
function webhookBody(facts) {
    return {
        source: 'rollback-action',
        event: facts.event,
        verdict: facts.verdict,
        service: facts.service,
        targets: facts.targets,
        severity: facts.severity ?? null,
        reason: (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(facts.reason, 1000),
        versions: facts.versions.map((v) => ({
            target: v.target,
            container: v.container,
            from: v.from ?? null,
            to: v.to ?? null,
        })),
        destination: facts.destination ?? null,
        strategy: facts.strategy,
        stages: facts.stages ?? null,
        verified: facts.verified ?? null,
        'verification-problem': facts.verificationProblem ?? null,
        'rollback-seconds': facts.rollbackSeconds ?? null,
        'action-needed': facts.actionNeeded ?? null,
        'incident-url': facts.incidentUrl ?? null,
        'pull-request-url': facts.pullRequestUrl ?? null,
        'run-url': facts.runUrl ?? null,
        repository: facts.repository ?? null,
        sha: facts.sha ?? null,
        at: new Date(facts.at).toISOString(),
    };
}
/** The event an outcome is: nothing for healthy and inconclusive runs. */
function outcomeEvent(verdict, verified) {
    if (verdict === 'rolled-back')
        return verified === false ? 'failed' : 'completed';
    if (verdict === 'rollback-failed')
        return 'failed';
    if (verdict === 'rollback-recommended')
        return 'recommended';
    return undefined;
}
/** Every channel of the policy with its events, defaults applied. */
function subscriptions(policy, showUrl) {
    if (!policy)
        return [];
    const out = [];
    if (policy.slack)
        out.push({
            channel: 'slack',
            events: policy.slack.on ?? DEFAULT_ON.slack,
            from: `env ${policy.slack['webhook-url-env']}`,
        });
    if (policy.pagerduty)
        out.push({
            channel: 'pagerduty',
            events: policy.pagerduty.on ?? DEFAULT_ON.pagerduty,
            severities: policy.pagerduty.severities ?? DEFAULT_PAGE_SEVERITIES,
            from: `env ${policy.pagerduty['routing-key-env']}`,
        });
    for (const hook of policy.webhooks ?? [])
        out.push({
            channel: `webhook ${hook.name}`,
            events: hook.on ?? DEFAULT_ON.webhook,
            from: hook['url-env'] ? `env ${hook['url-env']}` : showUrl(hook.url ?? ''),
        });
    return out;
}
/** `slack: initiated, completed` as validate's log and summary say it. */
function describeSubscription(s) {
    const events = s.events.length ? s.events.join(', ') : 'never (on: [])';
    const pages = s.severities ? ` for ${s.severities.join(', ')}` : '';
    return `${s.channel}: ${events}${pages} (${s.from})`;
}
/** The targets a plan acts on, in the order it names them. */
function planTargets(plan) {
    const seen = new Set();
    return plan.stages
        .flatMap((s) => s.actions.flatMap((a) => a.targets ?? []))
        .filter((t) => {
        const key = (0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRef */ .Ro)(t);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** The service people call it by: the first target's name, else the repository's. */
function serviceOf(targets, repository) {
    return targets[0]?.name ?? repository?.split('/')[1] ?? 'service';
}
function commitsOf(plan) {
    const deployed = plan.commits?.deployed ?? plan.range?.head;
    const previous = plan.commits?.previous ?? plan.range?.base;
    return deployed || previous
        ? { ...(deployed ? { deployed } : {}), ...(previous ? { previous } : {}) }
        : undefined;
}
/** True when running the plan will change something now (not only plan, not wait for approval). */
function willRollBack(plan, planOnly, approved) {
    const first = plan.stages[0];
    return planOnly === undefined && first !== undefined && (approved || !first.gated);
}
/** `initiated`: the decision is taken and the plan is about to run. */
function initiatedFacts(input) {
    const { plan, run } = input;
    const targets = planTargets(plan);
    const versions = targets.flatMap((t) => {
        const target = (0,_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRef */ .Ro)(t);
        const from = input.running.get(target) ?? {};
        const to = input.captured.get(target) ?? {};
        return [...new Set([...Object.keys(from), ...Object.keys(to)])]
            .filter((c) => from[c] !== to[c])
            .map((container) => ({
            target,
            container,
            ...(from[container] ? { from: from[container] } : {}),
            ...(to[container] ? { to: to[container] } : {}),
        }));
    });
    const kinds = [
        ...new Set(plan.stages.flatMap((s) => s.actions.filter((a) => !a['follow-up']).map((a) => a.kind))),
    ];
    const commits = commitsOf(plan);
    return {
        event: 'initiated',
        verdict: input.verdict,
        service: serviceOf(targets, run.repository),
        targets: targets.length ? targets.map(_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRef */ .Ro) : [run.repository ?? 'service'],
        ...(input.severity ? { severity: input.severity } : {}),
        reason: input.reason,
        versions,
        destination: input.destination,
        ...(commits ? { commits } : {}),
        strategy: kinds.join('+') || 'none',
        stages: plan.stages.map((s) => s.name),
        ...runFields(run),
    };
}
function runFields(run) {
    return {
        ...(run.runUrl ? { runUrl: run.runUrl } : {}),
        ...(run.repository ? { repository: run.repository } : {}),
        ...(run.sha ? { sha: run.sha } : {}),
        at: run.at,
    };
}
/** What a person must do about a recommendation, in one line. */
function actionFor(report, failure) {
    const planOnly = report.rollback?.['plan-only'];
    if (planOnly === 'approval: required')
        return "approval required: carry out this run's plan with mode: rollback (input plan), or fix forward";
    if (planOnly === 'strategy: none')
        return 'strategy is none: roll back by hand, or fix forward';
    if (planOnly === 'dry-run')
        return 'a dry run: nothing was changed';
    return failure ?? 'see the run';
}
/** completed, failed or recommended, from the run's report; undefined for any other verdict. */
function outcomeFacts(input) {
    const { report, run } = input;
    const rollback = report.rollback;
    const verification = report.verification;
    const event = outcomeEvent(report.verdict, verification?.verified);
    if (!event || !rollback)
        return undefined;
    const plan = report.decision;
    const targets = plan ? planTargets(plan) : [];
    const guard = 'headline' in report ? report : undefined;
    const manual = 'approved' in report ? report : undefined;
    const severity = event === 'failed' ? 'P0' : (guard?.severity ?? undefined);
    const seconds = Number(input.outputs['rollback-seconds']);
    const pullRequest = rollback.reverts.find((r) => r['pull-request'])?.['pull-request']?.url;
    const commits = plan ? commitsOf(plan) : undefined;
    const actionNeeded = event === 'recommended'
        ? actionFor(report, input.failure)
        : event === 'failed'
            ? report.verdict === 'rolled-back'
                ? `the rollback is not verified: ${verification?.problem ?? 'see the run'}`
                : (input.failure ?? 'see the run')
            : undefined;
    return {
        event,
        verdict: report.verdict,
        service: serviceOf(targets, run.repository),
        targets: targets.length ? targets.map(_kube_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRef */ .Ro) : [run.repository ?? 'service'],
        ...(severity ? { severity } : {}),
        reason: guard?.headline ??
            manual?.reason ??
            (manual?.approved ? 'an approved plan' : 'a manual rollback'),
        versions: (0,_incident_of_run_js__WEBPACK_IMPORTED_MODULE_1__/* .versionsOf */ .x4)(rollback.targets).map((v) => ({
            target: `${v.context} ${v.target}`,
            container: v.container,
            from: v.before,
            ...(v.after ? { to: v.after } : {}),
        })),
        destination: rollback.destination,
        ...(commits ? { commits } : {}),
        strategy: rollback.strategy,
        ...(verification ? { verified: verification.verified } : {}),
        ...(verification?.problem ? { verificationProblem: verification.problem } : {}),
        ...(Number.isFinite(seconds) && input.outputs['rollback-seconds'] !== undefined
            ? { rollbackSeconds: seconds }
            : {}),
        ...(input.outputs['incident-url'] ? { incidentUrl: input.outputs['incident-url'] } : {}),
        ...(pullRequest ? { pullRequestUrl: pullRequest } : {}),
        ...(actionNeeded ? { actionNeeded } : {}),
        ...runFields(run),
    };
}
/** One line of the job summary: each channel and how each of its events went. */
function notificationsLine(records) {
    const byChannel = new Map();
    for (const r of records) {
        const mark = r.status === 'sent' ? '✅' : r.status === 'failed' ? '❌' : '➖';
        const why = r.status === 'sent' ? '' : ` (${r.status}: ${r.detail})`;
        byChannel.set(r.channel, [...(byChannel.get(r.channel) ?? []), `${mark} ${r.event}${why}`]);
    }
    const parts = [...byChannel].map(([channel, events]) => `${channel}: ${events.join(', ')}`);
    return `**Notifications:** ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(parts.join(' · '))}`;
}


/***/ }),

/***/ 1307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ STAGE_LABEL),
/* harmony export */   l: () => (/* binding */ planSection)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/* harmony import */ var _rollback_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1908);


/** How a stage ended, for people: the summary's and the incident's one wording. */
const STAGE_LABEL = {
    worked: '✅ worked',
    waiting: '⏳ waiting for a merge',
    held: '✋ not done: a newer release is verified',
    failed: '❌ failed',
    'still-failing': '⚠️ still failing',
    unconfirmed: '⚠️ not confirmed (no data)',
    gated: '🛑 needs approval',
    planned: '📝 planned',
    'not-run': '⏭️ not run',
};
function planSection(s) {
    const parts = [
        '### Decision\n\n',
        s.plan.reasons.map((r) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(r)}`).join('\n'),
        '\n\n',
    ];
    if (s.plan.stages.length)
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Qj)(['Stage', 'Why', 'Result', 'Detail'], s.plan.stages.map((stage, i) => {
            const run = s.run.stages[i];
            return [
                `${i + 1}. ${stage.name}`,
                stage.why + (stage.gated ? ` (needs approval: ${stage.gated})` : ''),
                STAGE_LABEL[run?.outcome ?? 'not-run'],
                [
                    ...(run?.actions ?? []).map((a) => `${a.kind}: ${a.detail}`),
                    ...(run?.verify ? [`judged again: ${run.verify.verdict}: ${run.verify.detail}`] : []),
                ].join('\n'),
            ];
        })), '\n\n');
    if (s.plan['left-alone'].length)
        parts.push('Left alone:\n\n', s.plan['left-alone'].map((l) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(l.target)}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(l.why)}`).join('\n'), '\n\n');
    // After a rollback that worked, fix-forward advice is history, not a next step.
    if (s.plan.advice.length && s.run.verdict !== 'rolled-back')
        parts.push('**Fix forward.**\n\n', s.plan.advice.map((a) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(a)}`).join('\n'), '\n\n');
    if (s.kubernetes.length)
        parts.push('### Kubernetes\n\n', (0,_rollback_js__WEBPACK_IMPORTED_MODULE_0__/* .rollbackTable */ .F)(s.kubernetes), '\n\n');
    // A retried revert leaves one record per try: the last is what happened.
    const last = s.reverts.at(-1);
    if (last)
        parts.push(revertSection(last));
    return parts.join('');
}
function revertSection(r) {
    const head = r.pullRequest
        ? `Pull request [#${r.pullRequest.number}](${r.pullRequest.url}) from ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.headBranch ?? '')} to ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.branch)}`
        : r.pushed
            ? `Pushed to ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.branch)} as ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.pushed.sha.slice(0, 12))}${r.pushed.retried ? ' (rebased once after a rejected push)' : ''}`
            : r.outcome === 'planned'
                ? `Would revert on ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.branch)} (${r.delivery})`
                : r.outcome === 'conflict'
                    ? `Conflict reverting on ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.branch)}: ${(r.conflicts ?? []).map(_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY).join(', ')}; aborted, nothing pushed`
                    : r.outcome === 'superseded'
                        ? `No revert on ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.branch)}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(r.reason ?? 'a newer release is verified healthy')}`
                        : `${r.outcome} on ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.branch)}${r.error ? `: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(r.error)}` : ''}`;
    // The branch moved on since the deploy: what a merge would land on top of, or go past.
    const since = r.since?.length
        ? `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.branch)} moved on since the deployed commit, newest first:\n\n${r.since
            .map((c) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(c.sha.slice(0, 12))} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(c.subject)}${c.verified ? ` — ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)(c.verified)}` : ''}`)
            .join('\n')}\n\n`
        : '';
    const commits = r.outcome === 'reverted' || r.outcome === 'planned'
        ? r.reverted.map((sha) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(sha.slice(0, 12))}`).join('\n')
        : '';
    return [
        '### Git revert\n\n',
        `${head}.\n\n`,
        commits
            ? `${r.outcome === 'planned' ? 'Would revert' : 'Reverted'}, newest first:\n\n${commits}\n\n`
            : '',
        since,
        r.diffStat ? `\`\`\`\n${r.diffStat.replace(/```/g, "'''")}\n\`\`\`\n\n` : '',
    ].join('');
}


/***/ }),

/***/ 1908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ rollbackTable)
/* harmony export */ });
/* harmony import */ var _kube_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6384);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6412);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4285);
/** A rollback's results for people: one row per target and context. */



const OUTCOME = {
    'rolled-back': '✅ rolled back',
    skipped: '⏭️ already there',
    planned: '📝 would roll back',
    failed: '❌ failed',
};
/** The rollback's results as a Markdown table for job summaries. */
function rollbackTable(results, done = 'rolled back') {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['Context', 'Target', 'Revision', 'Result', 'Seconds', 'Detail'], results.map((r) => [
        r.context,
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(`${r.namespace}/${(0,_kube_types_js__WEBPACK_IMPORTED_MODULE_1__/* .kindName */ .E)(r.kind)}/${r.name}`),
        r.fromRevision === undefined && r.toRevision === undefined
            ? '-'
            : `${r.fromRevision ?? '?'} → ${r.toRevision ?? 'recorded'}`,
        r.outcome === 'rolled-back' ? `✅ ${done}` : OUTCOME[r.outcome],
        r.seconds === undefined ? '-' : r.seconds.toFixed(1),
        // An API server's message is text from outside: no HTML, mention or reference in it.
        [r.message, r.state ? `state: ${r.state}` : '', ...r.diff]
            .filter(Boolean)
            .map((line) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeExternal */ .Zk)(line, 500))
            .join('\n'),
    ]));
}


/***/ }),

/***/ 8130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oi: () => (/* binding */ REVISION_HINT),
/* harmony export */   i9: () => (/* binding */ parseRevisionSpec),
/* harmony export */   uy: () => (/* binding */ formatRevisionSpec)
/* harmony export */ });
function parseRevisionSpec(text) {
    const value = text.trim();
    if (value === 'previous')
        return { kind: 'previous' };
    if (value === 'last-good')
        return { kind: 'last-good' };
    if (/^[1-9]\d{0,9}$/.test(value))
        return { kind: 'number', revision: Number(value) };
    // Digits alone stay a revision number; a commit has at least one letter.
    if (/^[0-9a-f]{7,40}$/i.test(value) && /[a-f]/i.test(value))
        return { kind: 'commit', sha: value.toLowerCase() };
    return undefined;
}
function formatRevisionSpec(spec) {
    if (spec.kind === 'number')
        return String(spec.revision);
    return spec.kind === 'commit' ? spec.sha : spec.kind;
}
const REVISION_HINT = "use 'previous', 'last-good', a revision number or a commit SHA";


/***/ }),

/***/ 1245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ah: () => (/* binding */ isFactName),
/* harmony export */   Pt: () => (/* binding */ runCommandStep),
/* harmony export */   ci: () => (/* binding */ outputTail),
/* harmony export */   rx: () => (/* binding */ quoteArgv)
/* harmony export */ });
/* unused harmony exports DEFAULT_STEP_TIMEOUT_MS, OUTPUT_TAIL_LINES, commandEnv, stepEnv */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4006);
/**
 * The policy's command steps (Helm, Compose, Terraform, a CDN purge): each an argv run without
 * a shell through runProgram, with the facts the action established in its environment
 * (ROLLBACK_*), a timeout, and a check that must pass before the step counts as done. Facts
 * travel only as environment variables, never spliced into the argv: a reason or a SHA read
 * from outside cannot become code, even when the step itself is `sh -c '... "$ROLLBACK_REASON"'`.
 */


const DEFAULT_STEP_TIMEOUT_MS = 5 * 60_000;
/** Output lines of a program shown in the log: the end, where errors are. */
const OUTPUT_TAIL_LINES = 50;
const MAX_LINE = 500;
/** Per stream: enough for the last 50 lines, small enough for a chatty program. */
const MAX_OUTPUT = 256 * 1024;
/** The names commandEnv owns: inherited or policy values of these are dropped, never passed on. */
const FACT_NAME = /^ROLLBACK_(?:PREVIOUS_SHA|DEPLOYED_SHA|VERDICT|REASON|REVISION|TARGETS|PREVIOUS_IMAGE(?:_\w*)?)$/;
/** True for the names the action sets from its facts (a policy's own value would be overridden). */
function isFactName(name) {
    return FACT_NAME.test(name);
}
/** `api` + `web-server` → `API_WEB_SERVER`. */
function upperSnake(text) {
    return text
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .toUpperCase();
}
/**
 * The environment a step sees, pure. Only what is known is set: an unknown SHA is absent, not
 * empty, so `${ROLLBACK_PREVIOUS_SHA:?}` in a script fails loudly. A per-container name shared
 * by two targets with different images (the same Deployment in two regions, at different
 * releases) is left out: a step must not get one region's image for the other's.
 */
function commandEnv(facts) {
    const env = { ROLLBACK_VERDICT: facts.verdict };
    if (facts.previousSha)
        env.ROLLBACK_PREVIOUS_SHA = facts.previousSha;
    if (facts.deployedSha)
        env.ROLLBACK_DEPLOYED_SHA = facts.deployedSha;
    if (facts.reason)
        env.ROLLBACK_REASON = facts.reason;
    const first = facts.targets[0];
    if (first?.revision !== undefined)
        env.ROLLBACK_REVISION = String(first.revision);
    const firstImage = first ? Object.values(first.images)[0] : undefined;
    if (firstImage)
        env.ROLLBACK_PREVIOUS_IMAGE = firstImage;
    const images = new Map();
    for (const target of facts.targets)
        for (const [container, image] of Object.entries(target.images)) {
            const suffix = upperSnake(`${target.name}_${container}`);
            if (!suffix || !image)
                continue;
            const key = `ROLLBACK_PREVIOUS_IMAGE_${suffix}`;
            images.set(key, images.has(key) && images.get(key) !== image ? undefined : image);
        }
    for (const [key, image] of images)
        if (image !== undefined)
            env[key] = image;
    if (facts.targets.length)
        env.ROLLBACK_TARGETS = JSON.stringify(facts.targets);
    return env;
}
/** An argv as a person would type it, for logs only (it is never given to a shell). */
function quoteArgv(argv) {
    return argv
        .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`))
        .join(' ');
}
/** The last lines of a program's output, each cut, for the log. */
function outputTail(result, max = OUTPUT_TAIL_LINES) {
    const lines = [result.stdout, result.stderr]
        .flatMap((text) => text.split('\n'))
        .map((line) => line.trimEnd())
        .filter((line) => line !== '')
        .map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line));
    if (lines.length <= max)
        return lines;
    return [`(${lines.length - max} earlier lines not shown)`, ...lines.slice(-max)];
}
/**
 * The inherited environment, the step's `env`, then the facts, last: what the action found is
 * the truth the report states, and a policy value (or a stale ROLLBACK_* of the job) must not
 * make a step act on another SHA than the one reported. Owned names are dropped from the
 * first two so an unknown fact stays absent.
 */
function stepEnv(inherited, own, facts) {
    const env = {};
    for (const [name, value] of Object.entries({ ...inherited, ...own }))
        if (!isFactName(name))
            env[name] = value;
    return { ...env, ...commandEnv(facts) };
}
function timeoutOf(text, fallback) {
    return (text === undefined ? undefined : (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text)) ?? fallback;
}
async function runCommandStep(step, options) {
    const { log } = options;
    const name = step.name;
    const fallback = options.defaultTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
    const env = stepEnv(options.env, step.env, options.facts);
    if (options.dryRun) {
        log(`step '${name}': would run ${quoteArgv(step.run)}`);
        if (step.check)
            log(`step '${name}': then check ${quoteArgv(step.check.run)}`);
        for (const [key, value] of Object.entries(commandEnv(options.facts)))
            log(`  ${key}=${quoteArgv([value])}`);
        return { name, outcome: 'planned', detail: `would run ${quoteArgv(step.run)}`, elapsedMs: 0 };
    }
    const started = Date.now();
    const run = async (argv, timeoutMs) => {
        log(`step '${name}': ${quoteArgv(argv)}`);
        const result = await (0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runProgram */ .m)(argv, {
            env,
            cwd: options.cwd,
            timeoutMs,
            maxOutput: MAX_OUTPUT,
        });
        for (const line of outputTail(result))
            log(`  ${line}`);
        return result;
    };
    const argv0 = step.run[0] ?? '';
    const result = await run(step.run, timeoutOf(step.timeout, fallback));
    const exit = (0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .describeExit */ .K)(argv0, result);
    if (result.code !== 0) {
        log(`step '${name}' failed: ${exit}`);
        return { name, outcome: 'failed', detail: exit, elapsedMs: Date.now() - started };
    }
    if (!step.check) {
        log(`step '${name}' done`);
        return { name, outcome: 'done', detail: exit, elapsedMs: Date.now() - started };
    }
    const checked = await run(step.check.run, timeoutOf(step.check.timeout, fallback));
    const checkExit = (0,_process_js__WEBPACK_IMPORTED_MODULE_1__/* .describeExit */ .K)(step.check.run[0] ?? '', checked);
    const passed = checked.code === 0;
    log(`step '${name}' ${passed ? 'done, check passed' : `failed: its check: ${checkExit}`}`);
    return {
        name,
        outcome: passed ? 'done' : 'failed',
        detail: passed ? exit : `the command ran, but its check failed: ${checkExit}`,
        elapsedMs: Date.now() - started,
        check: { outcome: passed ? 'passed' : 'failed', detail: checkExit },
    };
}


/***/ }),

/***/ 7194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ maskSecret),
/* harmony export */   e: () => (/* binding */ secretForms)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/**
 * Masking a secret: the value, and the forms a service may echo it back in. A header
 * `Bearer abc` is masked as `abc` too (a 401 often quotes the token alone), and a URL or key
 * as it reads percent-encoded (a 404 often quotes the path encoded).
 */

/** Shorter than this, a "secret" would mask ordinary words in the log. */
const MIN_SECRET = 4;
function secretForms(value) {
    const forms = new Set([value]);
    const scheme = /^(?:bearer|basic|token|apikey|api-key)\s+(\S.*)$/i.exec(value.trim());
    if (scheme?.[1])
        forms.add(scheme[1]);
    for (const form of [...forms])
        forms.add(encodeURIComponent(form));
    return [...forms].filter((f) => f.length >= MIN_SECRET);
}
/** The runner masks each form in every later line of the log. */
function maskSecret(value) {
    for (const form of secretForms(value))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(form);
}


/***/ }),

/***/ 2969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ didYouMean)
/* harmony export */ });
/* harmony import */ var fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1916);

/** The value with letters i and i+1 swapped, for every i: the commonest typo of all. */
function transpositions(value) {
    return Array.from({ length: Math.max(0, value.length - 1) }, (_, i) => value.slice(0, i) + value.charAt(i + 1) + value.charAt(i) + value.slice(i + 2));
}
/**
 * " (did you mean 'x'?)" when one of the candidates is a plausible typo of `value`, else "".
 * Plausible: two swapped neighbours ('gaurd' → 'guard'), or at most a third of the letters
 * differ, so 'windw' finds 'window' but 'foo' does not find 'mode'.
 */
function didYouMean(value, candidates) {
    if (candidates.length === 0 || value === '')
        return '';
    const lower = value.toLowerCase();
    const swapped = transpositions(lower).find((t) => candidates.includes(t));
    if (swapped !== undefined)
        return ` (did you mean '${swapped}'?)`;
    const best = (0,fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__/* .closest */ .kp)(lower, [...candidates]);
    const limit = Math.max(1, Math.floor(Math.max(value.length, best.length) / 3));
    return (0,fastest_levenshtein__WEBPACK_IMPORTED_MODULE_0__/* .distance */ .Io)(lower, best) <= limit ? ` (did you mean '${best}'?)` : '';
}


/***/ }),

/***/ 8993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P4: () => (/* binding */ formatTarget),
/* harmony export */   Pi: () => (/* binding */ isNamespaceName),
/* harmony export */   hu: () => (/* binding */ parseTarget),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   yA: () => (/* binding */ uniqueTargets),
/* harmony export */   z: () => (/* binding */ repeatedTargetWarnings)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _kube_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6384);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2969);



/** kubectl's resource names and short names for the kinds we roll back. */
const KIND_ALIASES = {
    deployment: 'Deployment',
    deployments: 'Deployment',
    deploy: 'Deployment',
    'deployment.apps': 'Deployment',
    statefulset: 'StatefulSet',
    statefulsets: 'StatefulSet',
    sts: 'StatefulSet',
    'statefulset.apps': 'StatefulSet',
    daemonset: 'DaemonSet',
    daemonsets: 'DaemonSet',
    ds: 'DaemonSet',
    'daemonset.apps': 'DaemonSet',
};
/** RFC 1123 subdomain (object names) and label (namespaces), as the API server checks them. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function isNamespaceName(text) {
    return text.length <= 63 && DNS_LABEL.test(text);
}
/** Parses one target, or returns the reason it is not one. */
function parseTarget(text) {
    const parts = text.trim().split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
        return { error: `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not a target (use kind/name or namespace/kind/name)` };
    }
    const [namespace, rawKind, name] = parts.length === 3 ? parts : [undefined, ...parts];
    const kind = KIND_ALIASES[(rawKind ?? '').toLowerCase()];
    if (!kind) {
        const names = _kube_types_js__WEBPACK_IMPORTED_MODULE_2__/* .WORKLOAD_KINDS */ .i.map(_kube_types_js__WEBPACK_IMPORTED_MODULE_2__/* .kindName */ .E);
        const hint = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .a)(rawKind ?? '', names);
        return {
            error: `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)}: unknown kind ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(rawKind)}${hint}; expected one of ${names.join(', ')}`,
        };
    }
    if (!name || name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
        return { error: `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} is not a valid object name` };
    }
    if (namespace !== undefined && !isNamespaceName(namespace)) {
        return { error: `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(namespace)} is not a valid namespace` };
    }
    return namespace === undefined ? { kind, name } : { kind, name, namespace };
}
function formatTarget(target) {
    const ref = `${(0,_kube_types_js__WEBPACK_IMPORTED_MODULE_2__/* .kindName */ .E)(target.kind)}/${target.name}`;
    return target.namespace ? `${target.namespace}/${ref}` : ref;
}
/** Splits a list input or policy value: one per line or comma separated, blanks and `#` comments dropped. */
function splitList(text) {
    return text
        .split(/[\n,]/)
        .map((item) => item.replace(/#.*$/, '').trim())
        .filter((item) => item !== '');
}
/**
 * The targets with each workload once: `deployment/api`, `deploy/api` and `shop/deployment/api`
 * (in namespace shop) are one workload, and undoing it twice would land on the bad release
 * again. `namespace` is what a target without one resolves to, when known. Returns the kept
 * targets and, for each one dropped, the spelling it repeats.
 */
function uniqueTargets(targets, namespace) {
    const kept = new Map();
    const repeated = [];
    for (const target of targets) {
        const key = formatTarget({ ...target, namespace: target.namespace ?? namespace });
        const same = kept.get(key);
        if (same)
            repeated.push({ target, same });
        else
            kept.set(key, target);
    }
    return { targets: [...kept.values()], repeated };
}
/**
 * One warning per workload named more than once, in its full form (`shop/deployment/api`
 * covers `deploy/api` and `shop/deployment/api` in namespace shop alike).
 */
function repeatedTargetWarnings(repeated, namespace, where = '') {
    const times = new Map();
    for (const { same } of repeated) {
        const key = formatTarget({ ...same, namespace: same.namespace ?? namespace });
        times.set(key, (times.get(key) ?? 1) + 1);
    }
    return [...times].map(([key, n]) => `targets: ${key} is named ${n} times${where}; it is acted on once`);
}


/***/ }),

/***/ 8992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ plural),
/* harmony export */   m: () => (/* binding */ inflect)
/* harmony export */ });
/** Words that agree with a count, one way everywhere. */
/** `1 target`, `3 targets`; `pluralWord` where adding an s is wrong. */
function plural(count, word, pluralWord = `${word}s`) {
    return `${count} ${inflect(count, word, pluralWord)}`;
}
/** The word alone, where the count is not next to it: `trigger`/`triggers`, `has`/`have`. */
function inflect(count, word, pluralWord = `${word}s`) {
    return count === 1 ? word : pluralWord;
}


/***/ }),

/***/ 9834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ parseTimestamp),
/* harmony export */   Ey: () => (/* binding */ formatTimestamp),
/* harmony export */   z1: () => (/* binding */ TIMESTAMP_HINT)
/* harmony export */ });
/**
 * Points in time as users write them: ISO 8601 with a date, a time and a zone
 * (`2026-11-20T14:05:00Z`, `2026-11-20T15:05:00+01:00`). A time without a zone is refused:
 * the runner's zone is UTC, the person's is not, and replaying the wrong hour of history
 * would judge the wrong release.
 */
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
function parseTimestamp(text) {
    const trimmed = text.trim();
    if (!ISO.test(trimmed))
        return undefined;
    const ms = Date.parse(trimmed.replace(' ', 'T'));
    return Number.isFinite(ms) ? ms : undefined;
}
function formatTimestamp(ms) {
    return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
const TIMESTAMP_HINT = 'use ISO 8601 with a zone, e.g. 2026-11-20T14:05:00Z';


/***/ }),

/***/ 7666:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ redactUrlsIn),
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   JD: () => (/* binding */ splitCredentials),
/* harmony export */   Lk: () => (/* binding */ hasCredentials),
/* harmony export */   q$: () => (/* binding */ isHttpUrl)
/* harmony export */ });
function isHttpUrl(text) {
    try {
        const url = new URL(text);
        return url.protocol === 'http:' || url.protocol === 'https:';
    }
    catch {
        return false;
    }
}
/**
 * A URL fit for logs, summaries and reports: its whole userinfo is replaced, so
 * `https://u:p@host` never leaks. The one function every URL goes through on its way to text.
 */
function redactUrl(text) {
    try {
        const url = new URL(text);
        const secrets = secretParams(url);
        if (!url.username && !url.password && secrets.length === 0)
            return text;
        if (url.username || url.password) {
            url.username = '***';
            url.password = '';
        }
        for (const name of secrets)
            url.searchParams.set(name, '***');
        return url.toString();
    }
    catch {
        // Greedy up to the last `@` of the authority: a password may hold an unencoded `@`.
        return text
            .replace(/\/\/[^/\s?#]*@/, '//***@')
            .replace(SECRET_PARAM_IN_TEXT, (_whole, name) => `${name}***`);
    }
}
/** Query parameters that carry credentials by their name (`?token=`, `&api_key=`, `&sig=`). */
const SECRET_PARAM = /token|key|secret|passw|pwd|auth|sig|credential|session/i;
const SECRET_PARAM_IN_TEXT = /([?&][^=&#\s]*(?:token|key|secret|passw|pwd|auth|sig|credential|session)[^=&#\s]*=)[^&#\s]*/gi;
function secretParams(url) {
    return [...new Set([...url.searchParams.keys()])].filter((name) => SECRET_PARAM.test(name) && url.searchParams.get(name) !== '');
}
/** Text from elsewhere (an error message) with every URL in it redacted. */
function redactUrlsIn(text) {
    return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s'"<>]+/gi, (url) => redactUrl(url));
}
/**
 * What to mask for a URL's userinfo: the password raw and percent-decoded, `user:password`
 * both ways, and a user alone (then it is the credential, like a token). Empty for none.
 */
function urlSecrets(text) {
    const [username, password] = userinfoOf(text);
    const fromQuery = URL.canParse(text)
        ? secretParams(new URL(text)).flatMap((name) => new URL(text).searchParams.getAll(name))
        : [];
    const values = password
        ? [
            password,
            decode(password),
            `${username}:${password}`,
            `${decode(username)}:${decode(password)}`,
        ]
        : [username, decode(username)];
    return [...new Set([...values, ...fromQuery].filter((v) => v !== '' && v !== ':'))];
}
/**
 * The URL without its userinfo, and the userinfo as a Basic Authorization header value:
 * `fetch` refuses a URL with credentials, but the user meant them to be sent.
 */
function splitCredentials(url) {
    if (!url.username && !url.password)
        return { url };
    const bare = new URL(url.href);
    bare.username = '';
    bare.password = '';
    const userinfo = `${decode(url.username)}:${decode(url.password)}`;
    return { url: bare, authorization: `Basic ${Buffer.from(userinfo).toString('base64')}` };
}
/** Percent-decoded, or as it is when it is not valid percent-encoding. */
function decode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** A URL's user and password as written (percent-encoded), also from text URL cannot parse. */
function userinfoOf(text) {
    try {
        const { username, password } = new URL(text);
        return [username, password];
    }
    catch {
        const userinfo = /\/\/([^/\s?#]*)@/.exec(text)?.[1] ?? '';
        const colon = userinfo.indexOf(':');
        return colon < 0 ? [userinfo, ''] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
    }
}
/** True when the URL names a user or password (`https://u:p@host`). */
function hasCredentials(text) {
    try {
        const url = new URL(text);
        return url.username !== '' || url.password !== '';
    }
    catch {
        return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(text);
    }
}


/***/ }),

/***/ 887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ki: () => (/* binding */ readRunning),
/* harmony export */   Uz: () => (/* binding */ imagesMatch),
/* harmony export */   XK: () => (/* binding */ imagesAfter),
/* harmony export */   n8: () => (/* binding */ imageChanges)
/* harmony export */ });
/* harmony import */ var _kube_capture_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6339);
/**
 * Does a target run what the snapshot captured? Digests decide where the snapshot has them
 * (a tag can be moved, a digest cannot); image strings decide otherwise, and also for a
 * container whose pods report no digest now (scaled to zero, or not started yet).
 */

/** Pure: the snapshot's images and digests against what runs now. */
function imagesMatch(captured, current) {
    const differences = [];
    const containers = [
        ...new Set([...Object.keys(captured.images), ...Object.keys(current.images)]),
    ].sort();
    for (const container of containers) {
        const was = captured.images[container];
        const now = current.images[container];
        if (was === undefined) {
            differences.push(`container ${container}: runs ${now ?? ''}, not in the snapshot`);
            continue;
        }
        if (now === undefined) {
            differences.push(`container ${container}: in the snapshot (${was}), not running now`);
            continue;
        }
        const wanted = captured.digests[container] ?? [];
        const running = current.digests[container] ?? [];
        if (wanted.length && running.length) {
            // Every pod must run one of the captured digests: one stray pod is a release not undone.
            const stray = running.filter((d) => !wanted.includes(d));
            // The image names first when they differ: a person reads tags, the digests prove it.
            if (stray.length)
                differences.push(was === now
                    ? `container ${container}: pods run ${stray.map(short).join(', ')}, the snapshot has ${wanted.map(short).join(', ')}`
                    : `container ${container}: runs ${now} (${stray.map(short).join(', ')}), the snapshot has ${was} (${wanted.map(short).join(', ')})`);
        }
        else if (was !== now) {
            differences.push(`container ${container}: runs ${now}, the snapshot has ${was}`);
        }
    }
    return { match: differences.length === 0, differences };
}
/** `sha256:0123456789ab…`: enough to tell digests apart in a table. */
function short(digest) {
    return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}
/** What `ref` runs now, read the way capture reads it. */
async function readRunning(client, ref) {
    const workload = await client.getWorkload(ref.kind, ref.namespace, ref.name);
    return (0,_kube_capture_js__WEBPACK_IMPORTED_MODULE_0__/* .runningOf */ .Tx)(client, ref.namespace, workload);
}
/** `spec.containers[api].image: shop/api:1.1 → shop/api:1.0`, as the undo's diff writes it. */
const IMAGE_CHANGE = /^spec\.(?:initContainers|containers)\[([^\]]+)\]\.image: (.+) → (.+)$/;
/** Pure: the image changes in a template diff, one per container. */
function imageChanges(diff) {
    return diff.flatMap((line) => {
        const m = IMAGE_CHANGE.exec(line);
        return m?.[1] && m[2] && m[3] ? [{ container: m[1], before: m[2], after: m[3] }] : [];
    });
}
/**
 * Pure: what a target runs after an undo whose template change is `diff`, from what it ran
 * before: each changed container's new image; digests are not known ahead, so images decide.
 */
function imagesAfter(before, diff) {
    const images = { ...before };
    for (const change of imageChanges(diff))
        images[change.container] = change.after;
    return { images, digests: {} };
}


/***/ }),

/***/ 8191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DD: () => (/* binding */ isSlaLevel),
/* harmony export */   UT: () => (/* binding */ slaOf),
/* harmony export */   cu: () => (/* binding */ judgeSla)
/* harmony export */ });
/* unused harmony exports SLA_LEVELS, DEFAULT_SLA */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/**
 * The rollback time SLA: how long from the decision to a verified rollback. The levels are the
 * runbooks' (001, rollback requirements by level): standard 30 min (level 2), high 15 min
 * (level 3), critical 10 min (level 4, per region). Standard is the default: it is the level
 * every runbook-following team already meets.
 */

const SLA_LEVELS = {
    critical: 10 * 60_000,
    high: 15 * 60_000,
    standard: 30 * 60_000,
};
const DEFAULT_SLA = 'standard';
function isSlaLevel(value) {
    return Object.hasOwn(SLA_LEVELS, value);
}
/** Milliseconds for the policy's `verify.sla` (a level or a duration); the default when unset. */
function slaOf(value) {
    if (value === undefined)
        return SLA_LEVELS[DEFAULT_SLA];
    if (isSlaLevel(value))
        return SLA_LEVELS[value];
    const ms = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(value);
    // The policy is validated before this runs; an unchecked value is a bug, not a user error.
    if (ms === undefined)
        throw new Error(`verify.sla '${value}' is neither critical, high, standard nor a duration`);
    return ms;
}
/** Decision (startedAt) to verified (verifiedAt), both epoch milliseconds, against the limit. */
function judgeSla(startedAt, verifiedAt, limitMs, verified = true) {
    // A clock stepping back between the two must not report a negative time.
    const elapsedMs = Math.max(0, verifiedAt - startedAt);
    const took = seconds(elapsedMs);
    const limit = seconds(limitMs);
    if (!verified)
        return {
            elapsedMs,
            limitMs,
            met: false,
            detail: `not verified ${took} after the decision: the ${limit} SLA is not met until it is`,
        };
    const met = elapsedMs <= limitMs;
    const detail = met
        ? `verified ${took} after the decision, within the ${limit} SLA`
        : `verified ${took} after the decision, ${seconds(elapsedMs - limitMs)} over the ${limit} SLA`;
    return { elapsedMs, limitMs, met, detail };
}
/** Whole seconds past a second: `7m12s`, not `7m12s345ms`. */
function seconds(ms) {
    return (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(ms >= 1000 ? Math.round(ms / 1000) * 1000 : ms);
}


/***/ })

};
