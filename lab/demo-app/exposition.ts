/** Reads request counts by status code from the demo service's /metrics text. */
export function requestsByCode(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(/^http_requests_total\{([^}]*)\} (\S+)$/gm)) {
    const code = /code="(\d+)"/.exec(match[1] ?? '')?.[1] ?? 'unknown';
    counts[code] = (counts[code] ?? 0) + Number(match[2]);
  }
  return counts;
}

/** The 5xx share of the requests between two scrapes, or undefined when there were none. */
export function errorRatioBetween(
  before: Record<string, number>,
  after: Record<string, number>,
): number | undefined {
  let total = 0;
  let errors = 0;
  for (const [code, count] of Object.entries(after)) {
    const delta = count - (before[code] ?? 0);
    total += delta;
    if (code.startsWith('5')) errors += delta;
  }
  return total > 0 ? errors / total : undefined;
}
