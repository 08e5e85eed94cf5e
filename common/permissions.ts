// Roles from DOMAIN.md "Who uses it" and the named permissions each one holds.
// Routes declare a permission; the server checks it; the web hides what a role cannot do.

export const ROLES = [
  'admin',
  'chair',
  'committee',
  'group_leader',
  'member',
  'retiree',
  'handler',
  'supervisor',
  'upper_union',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'members.read',
  'members.write',
  'members.import',
  'members.export',
  'groups.read',
  'groups.write',
  'users.read',
  'users.write',
  'audit.read',
  'org.read',
  'org.write',
  'orgs.children',
  'congress.read',
  'congress.manage',
  // 提案: the 提案工作委员会 (decide, assign, notes, figures, exports) and the 承办 handlers who reply.
  // Writing, co-signing and rating need only a signed-in delegate; the service checks who they are.
  'proposals.committee',
  'proposals.handle',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Everything of their own organisation; adding schools under a union is the upper_union role's.
  admin: PERMISSIONS.filter((p) => p !== 'orgs.children'),
  chair: ['members.read', 'members.write', 'members.import', 'members.export', 'groups.read', 'groups.write', 'users.read', 'audit.read', 'org.read', 'congress.read', 'congress.manage', 'proposals.committee'],
  committee: ['members.read', 'members.export', 'groups.read', 'org.read', 'congress.read', 'congress.manage', 'proposals.committee'],
  group_leader: ['members.read', 'groups.read', 'congress.read'],
  member: ['congress.read'],
  retiree: ['congress.read'],
  handler: ['congress.read', 'proposals.handle'],
  supervisor: ['congress.read'],
  upper_union: ['orgs.children'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role] ?? []) set.add(p);
  return [...set].sort();
}

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  chair: { zh: '工会主席', en: 'Union chair' },
  committee: { zh: '工会委员', en: 'Committee member' },
  group_leader: { zh: '工会小组长', en: 'Group leader' },
  member: { zh: '会员', en: 'Member' },
  retiree: { zh: '退休教职工', en: 'Retiree' },
  handler: { zh: '承办部门负责人', en: 'Department handler' },
  supervisor: { zh: '校务公开监督小组', en: 'Transparency supervisor' },
  upper_union: { zh: '上级工会', en: 'Upper-level union' },
};
