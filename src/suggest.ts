import { closest, distance } from 'fastest-levenshtein';

/**
 * " (did you mean 'x'?)" when one of the candidates is a plausible typo of `value`, else "".
 * Plausible: at most a third of the letters differ, so 'windw' finds 'window' but 'foo'
 * does not find 'mode'.
 */
export function didYouMean(value: string, candidates: readonly string[]): string {
  if (candidates.length === 0 || value === '') return '';
  const best = closest(value.toLowerCase(), [...candidates]);
  const limit = Math.max(1, Math.floor(Math.max(value.length, best.length) / 3));
  return distance(value.toLowerCase(), best) <= limit ? ` (did you mean '${best}'?)` : '';
}
