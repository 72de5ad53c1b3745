/**
 * Masking a secret: the value, and the forms a service may echo it back in. A header
 * `Bearer abc` is masked as `abc` too (a 401 often quotes the token alone), and a URL or key
 * as it reads percent-encoded (a 404 often quotes the path encoded).
 */
import * as core from '@actions/core';

/** Shorter than this, a "secret" would mask ordinary words in the log. */
const MIN_SECRET = 4;

export function secretForms(value: string): string[] {
  const forms = new Set([value]);
  const scheme = /^(?:bearer|basic|token|apikey|api-key)\s+(\S.*)$/i.exec(value.trim());
  if (scheme?.[1]) forms.add(scheme[1]);
  for (const form of [...forms]) forms.add(encodeURIComponent(form));
  return [...forms].filter((f) => f.length >= MIN_SECRET);
}

/** Every form masked so far in this run, longest first when scrubbing. */
const masked = new Set<string>();

/**
 * The runner masks each form in every later line of the log; the run remembers it, so text a
 * service sends back can be scrubbed before it reaches a report, an output or an issue.
 */
export function maskSecret(value: string): void {
  for (const form of secretForms(value)) {
    core.setSecret(form);
    masked.add(form);
  }
}

/**
 * Text from a service with every secret masked so far replaced by `***`. The runner's masking
 * covers the log only: a quoted credential would otherwise reach the report file, the outputs
 * and the incident issue.
 */
export function scrubSecrets(text: string): string {
  if (masked.size === 0) return text;
  const forms = [...masked].sort((a, b) => b.length - a.length);
  return forms.reduce(
    (out, form) => (out.includes(form) ? out.split(form).join('***') : out),
    text,
  );
}
