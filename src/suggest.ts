import { closest, distance } from 'fastest-levenshtein';

/** The value with letters i and i+1 swapped, for every i: the commonest typo of all. */
function transpositions(value: string): string[] {
  return Array.from(
    { length: Math.max(0, value.length - 1) },
    (_, i) => value.slice(0, i) + value.charAt(i + 1) + value.charAt(i) + value.slice(i + 2),
  );
}

/**
 * " (did you mean 'x'?)" when one of the candidates is a plausible typo of `value`, else "".
 * Plausible: two swapped neighbours ('gaurd' → 'guard'), or at most a third of the letters
 * differ, so 'windw' finds 'window' but 'foo' does not find 'mode'.
 */
export function didYouMean(value: string, candidates: readonly string[]): string {
  if (candidates.length === 0 || value === '') return '';
  const lower = value.toLowerCase();
  const swapped = transpositions(lower).find((t) => candidates.includes(t));
  if (swapped !== undefined) return ` (did you mean '${swapped}'?)`;
  const best = closest(lower, [...candidates]);
  const limit = Math.max(1, Math.floor(Math.max(value.length, best.length) / 3));
  return distance(lower, best) <= limit ? ` (did you mean '${best}'?)` : '';
}
