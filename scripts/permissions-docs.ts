/**
 * The Kubernetes RBAC table of docs/permissions.md, generated from examples/rbac.yaml (the Roles
 * the lab test grants and proves), so the docs and the tested Roles cannot drift apart.
 */
import { loadAll } from 'js-yaml';

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  verbs?: string[];
}

interface RoleDoc {
  kind?: string;
  metadata?: { name?: string; annotations?: Record<string, string> };
  rules?: Rule[];
}

function code(items: readonly string[] = []): string {
  return items.map((item) => `\`${item}\``).join(', ');
}

function ruleText({ apiGroups = [], resources = [], resourceNames, verbs }: Rule): string {
  const group = apiGroups.filter((g) => g !== '');
  const named = resourceNames?.length ? ` named ${code(resourceNames)}` : '';
  return `${code(verbs)} ${resources.join(', ')}${group.length ? ` (${group.join(', ')})` : ''}${named}`;
}

/** One row per Role: the modes it is for, its name, and its rules in words. */
export function renderRbacTable(rbacYaml: string): string {
  const roles = (loadAll(rbacYaml) as RoleDoc[]).filter((doc) => doc.kind === 'Role');
  const rows = roles.map((role) => {
    const modes = (role.metadata?.annotations?.['rollback-action/modes'] ?? '').split(/,\s*/);
    return `| ${code(modes)} | \`${role.metadata?.name ?? ''}\` | ${(role.rules ?? []).map(ruleText).join('<br>')} |`;
  });
  return ['| Mode | Role | Rules |', '| --- | --- | --- |', ...rows].join('\n');
}
