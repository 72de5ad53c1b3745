/** Where a rollback goes: the previous revision, the last verified-good release, or revision N. */
export type RevisionSpec =
  { kind: 'previous' } | { kind: 'last-good' } | { kind: 'number'; revision: number };

export function parseRevisionSpec(text: string): RevisionSpec | undefined {
  const value = text.trim();
  if (value === 'previous') return { kind: 'previous' };
  if (value === 'last-good') return { kind: 'last-good' };
  if (/^[1-9]\d{0,9}$/.test(value)) return { kind: 'number', revision: Number(value) };
  return undefined;
}

export function formatRevisionSpec(spec: RevisionSpec): string {
  return spec.kind === 'number' ? String(spec.revision) : spec.kind;
}

export const REVISION_HINT = "use 'previous', 'last-good' or a revision number";
