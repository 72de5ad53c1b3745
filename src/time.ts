/**
 * Points in time as users write them: ISO 8601 with a date, a time and a zone
 * (`2026-11-20T14:05:00Z`, `2026-11-20T15:05:00+01:00`). A time without a zone is refused:
 * the runner's zone is UTC, the person's is not, and replaying the wrong hour of history
 * would judge the wrong release.
 */
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

export function parseTimestamp(text: string): number | undefined {
  const trimmed = text.trim();
  if (!ISO.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed.replace(' ', 'T'));
  return Number.isFinite(ms) ? ms : undefined;
}

export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

export const TIMESTAMP_HINT = 'use ISO 8601 with a zone, e.g. 2026-11-20T14:05:00Z';
