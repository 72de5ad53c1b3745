/**
 * Where a rollback goes: the previous revision, the last verified-good release, revision N, or
 * the release of a commit (a git revert's base; for Kubernetes, the ledger's release of it).
 */
export type RevisionSpec =
  | { kind: 'previous' }
  | { kind: 'last-good' }
  | { kind: 'number'; revision: number }
  | { kind: 'commit'; sha: string };

export function parseRevisionSpec(text: string): RevisionSpec | undefined {
  const value = text.trim();
  if (value === 'previous') return { kind: 'previous' };
  if (value === 'last-good') return { kind: 'last-good' };
  if (/^[1-9]\d{0,9}$/.test(value)) return { kind: 'number', revision: Number(value) };
  // Digits alone stay a revision number; a commit has at least one letter.
  if (/^[0-9a-f]{7,40}$/i.test(value) && /[a-f]/i.test(value))
    return { kind: 'commit', sha: value.toLowerCase() };
  return undefined;
}

export function formatRevisionSpec(spec: RevisionSpec): string {
  if (spec.kind === 'number') return String(spec.revision);
  return spec.kind === 'commit' ? spec.sha : spec.kind;
}

export const REVISION_HINT = "use 'previous', 'last-good', a revision number or a commit SHA";
