import { messageOf } from '../errors.js';
/**
 * Regular expressions as Prometheus and Alertmanager run them: Go's RE2, fully anchored. It
 * has no lookaround and no backreferences, which JavaScript accepts, so a pattern is checked
 * for those before JavaScript compiles it; what is left compiles alike in both for the
 * patterns label matchers use.
 */
const UNSUPPORTED: [RegExp, string][] = [
  [/\(\?<?[=!]/, 'lookaround ((?=, (?!, (?<=, (?<!)'],
  [/\\[1-9]|\\k</, 'backreferences (\\1, \\k<name>)'],
  [/\(\?>/, 'atomic groups ((?>)'],
];

/** Why RE2 would refuse `pattern`, if it would. */
export function re2Problem(pattern: string): string | undefined {
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
  } catch (error) {
    return `${JSON.stringify(pattern)} is not a regular expression (${messageOf(error)})`;
  }
  return undefined;
}
