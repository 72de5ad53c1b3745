/**
 * Label and field selectors as the API server parses them from `labelSelector` and
 * `fieldSelector` query parameters: equality (`=`, `==`, `!=`), set-based (`in`, `notin`),
 * existence (`key`, `!key`).
 */
export type Requirement =
  | { key: string; op: 'eq' | 'neq'; values: [string] }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists'; values: [] };

/** Splits on commas that are not inside parentheses. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') terms.push(current);
  return terms.map((t) => t.trim()).filter((t) => t !== '');
}

export function parseSelector(text: string | null | undefined): Requirement[] {
  if (!text) return [];
  return splitTerms(text).map((term) => {
    let match = /^(\S+?)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
    if (match) {
      const values = (match[3] ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      return { key: match[1] ?? '', op: match[2] as 'in' | 'notin', values };
    }
    match = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (match) {
      return {
        key: match[1] ?? '',
        op: match[2] === '!=' ? 'neq' : 'eq',
        values: [match[3] ?? ''],
      };
    }
    if (term.startsWith('!')) return { key: term.slice(1).trim(), op: 'notexists', values: [] };
    if (/^[A-Za-z0-9._/-]+$/.test(term)) return { key: term, op: 'exists', values: [] };
    throw new Error(`unable to parse requirement: ${term}`);
  });
}

export function matches(
  requirements: readonly Requirement[],
  fields: Readonly<Record<string, string>>,
): boolean {
  return requirements.every((r) => {
    const value = fields[r.key];
    switch (r.op) {
      case 'eq':
        return value === r.values[0];
      case 'neq':
        return value !== r.values[0];
      case 'in':
        return value !== undefined && r.values.includes(value);
      case 'notin':
        return value === undefined || !r.values.includes(value);
      case 'exists':
        return value !== undefined;
      case 'notexists':
        return value === undefined;
    }
  });
}
