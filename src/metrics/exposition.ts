/**
 * The scrape provider's arithmetic over Prometheus text exposition, as pure functions:
 * parsing samples, counter increases between two scrapes (a counter that went down was reset,
 * as when pods are replaced), and quantiles from histogram buckets the way PromQL's
 * histogram_quantile interpolates them. (parse-prometheus-text-format was tried: it drops the
 * labels of histogram samples, which the per-route and per-pod series need.)
 */

export interface ExpositionSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?\s*$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?/gy;

function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));
}

function parseValue(text: string): number {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

/** Every sample line of a text exposition; comments and malformed lines are skipped. */
export function parseExposition(text: string): ExpositionSample[] {
  const samples: ExpositionSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    const body = match[2] ?? '';
    LABEL.lastIndex = 0;
    let label: RegExpExecArray | null;
    while (LABEL.lastIndex < body.length && (label = LABEL.exec(body)) !== null)
      labels[label[1] ?? ''] = unescape(label[2] ?? '');
    samples.push({ name: match[1] ?? '', labels, value: parseValue(match[3] ?? '') });
  }
  return samples;
}

/** One label matcher; several may name the same label, as in PromQL. */
export interface Matcher {
  label: string;
  pattern: string | RegExp;
  negate: boolean;
}

export type Matchers = Matcher[] | Record<string, string | RegExp>;

function asList(matchers: Matchers): Matcher[] {
  return Array.isArray(matchers)
    ? matchers
    : Object.entries(matchers).map(([label, pattern]) => ({ label, pattern, negate: false }));
}

export function select(
  samples: readonly ExpositionSample[],
  name: string,
  matchers: Matchers = [],
): ExpositionSample[] {
  const list = asList(matchers);
  return samples.filter(
    (s) =>
      s.name === name &&
      list.every(({ label, pattern, negate }) => {
        const value = s.labels[label] ?? '';
        const hit = typeof pattern === 'string' ? value === pattern : pattern.test(value);
        return hit !== negate;
      }),
  );
}

/**
 * A PromQL series selector, `name{a="x",b=~"re",c!="y",d!~"re"}`, as a name and matchers.
 * Regular expressions are anchored, as in PromQL. Undefined when it is not one.
 */
export function parseSelector(text: string): { name: string; matchers: Matcher[] } | undefined {
  const match = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{(.*)\})?\s*$/.exec(text);
  if (!match) return undefined;
  const matchers: Matcher[] = [];
  const body = (match[2] ?? '').trim();
  const term = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*,?\s*/y;
  let consumed = 0;
  for (let found = term.exec(body); found !== null; found = term.exec(body)) {
    const [, label = '', op, raw = ''] = found;
    const value = unescape(raw);
    const pattern = op === '=~' || op === '!~' ? new RegExp(`^(?:${value})$`) : value;
    matchers.push({ label, pattern, negate: op === '!=' || op === '!~' });
    consumed = term.lastIndex;
    if (consumed >= body.length) break;
  }
  if (consumed < body.length) return undefined;
  return { name: match[1] ?? '', matchers };
}

function seriesKey(labels: Record<string, string>): string {
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
export function counterIncrease(
  before: readonly ExpositionSample[],
  after: readonly ExpositionSample[],
): number {
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
export function bucketIncreases(
  before: readonly ExpositionSample[],
  after: readonly ExpositionSample[],
): { le: number; count: number }[] {
  const byBound = new Map<number, { before: ExpositionSample[]; after: ExpositionSample[] }>();
  const bucketOf = (s: ExpositionSample): number => parseValue(s.labels.le ?? 'NaN');
  for (const s of after) {
    const entry = byBound.get(bucketOf(s)) ?? { before: [], after: [] };
    entry.after.push(s);
    byBound.set(bucketOf(s), entry);
  }
  for (const s of before) byBound.get(bucketOf(s))?.before.push(s);
  return [...byBound.entries()]
    .filter(([bound]) => !Number.isNaN(bound))
    .map(([le, { before: b, after: a }]) => ({ le, count: counterIncrease(b, a) }))
    .sort((x, y) => x.le - y.le);
}

/**
 * The q-quantile of the observations between two scrapes of a histogram's `_bucket` series,
 * interpolated linearly inside the bucket as PromQL does; undefined without observations.
 */
export function histogramQuantile(
  q: number,
  before: readonly ExpositionSample[],
  after: readonly ExpositionSample[],
): number | undefined {
  const buckets = bucketIncreases(before, after).map(({ le, count }) => ({ bound: le, count }));
  const total = buckets.at(-1)?.count ?? 0;
  if (buckets.length < 2 || total <= 0 || buckets.at(-1)?.bound !== Number.POSITIVE_INFINITY)
    return undefined;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const { bound, count } of buckets) {
    if (count >= rank) {
      if (bound === Number.POSITIVE_INFINITY) return lowerBound; // PromQL returns the highest finite bound
      return (
        lowerBound +
        ((bound - lowerBound) * (rank - lowerCount)) /
          Math.max(count - lowerCount, Number.MIN_VALUE)
      );
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return undefined;
}
