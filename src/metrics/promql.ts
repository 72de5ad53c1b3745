/**
 * Narrowing a trigger's PromQL to the new release's own traffic: every range window
 * (`[5m]`, and a subquery's `[10m:30s]` range) longer than the time since the rollout
 * completed is cut to that time. Without this, `increase(errors[1m])` polled 10 s after a
 * deploy still counts the previous release's errors, and a deploy made right after a rollback
 * would be judged on the incident it fixes. String literals (label values, regexes) are left
 * untouched. Baselines and preflight use the query as written.
 */
const STRING = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g;
const RANGE = /\[\s*((?:\d+(?:ms|s|m|h|d|w|y))+)\s*(:[^\]]*)?\]/g;
const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

export function durationSeconds(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g))
    total += Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1);
  return total;
}

export function narrowRanges(query: string, maxSeconds: number): string {
  const cap = Math.max(1, Math.floor(maxSeconds));
  const narrow = (code: string): string =>
    code.replace(RANGE, (whole, range: string, step: string | undefined) =>
      durationSeconds(range) > cap ? `[${cap}s${step ?? ''}]` : whole,
    );
  let out = '';
  let last = 0;
  for (const match of query.matchAll(STRING)) {
    out += narrow(query.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + narrow(query.slice(last));
}
