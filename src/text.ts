/** Words that agree with a count, one way everywhere. */

/** `1 target`, `3 targets`; `pluralWord` where adding an s is wrong. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${inflect(count, word, pluralWord)}`;
}

/** The word alone, where the count is not next to it: `trigger`/`triggers`, `has`/`have`. */
export function inflect(count: number, word: string, pluralWord = `${word}s`): string {
  return count === 1 ? word : pluralWord;
}
