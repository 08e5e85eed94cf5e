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
  // 校长 / 校领导: reads and answers the 意见箱 mail addressed to the principal.
  'principal',
  // 经费审查委员: reads the 慰问 records and the fund ledger, changes nothing.
  'auditor',
  // 财务委员: keeps the fund ledger (budgets, entries by hand).
  'treasurer',
  // 生活福利委员: keeps the 困难帮扶 files with the chair and reviews the applications.
  'welfare',
  // 权益保障委员 (劳动保护监督): takes in the 权益诉求 cases with the chair.
  'rights',
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
  // 部门 (common/departments.ts): who may create them and name their handler accounts.
  'departments.manage',
  // 意见箱: answer the mail addressed to you (the service checks the addressee), and the year's figures.
  'suggestions.handle',
  'suggestions.figures',
  // 校务公开: see every item in every state, the read status and the figures (committee and 监督小组);
  // write and publish (committee); review before publication (监督小组). Reading needs only a sign-in.
  'disclosures.oversee',
  'disclosures.write',
  'disclosures.review',
  // 慰问: read the records and reminders; record visits and 节日 batches (the chair alone may exceed a cap).
  'care.read',
  'care.write',
  // 工会经费: read the ledger (the 经费审查 committee too); set budgets and enter income and spending.
  'funds.read',
  'funds.manage',
  // 困难帮扶: the files are sensitive — only the chair and the 生活福利委员 read them (a member reads their own,
  // checked by the service); the committee review is the welfare member's, the approval the chair's;
  // a group leader may apply on a member's behalf.
  'hardship.manage',
  'hardship.approve',
  'hardship.apply_for',
  // 权益诉求: private cases, read and worked only by the union's case handlers (a member reads their own;
  // a department handler reads what was forwarded to them, checked by the service); figures carry no names.
  'cases.manage',
  'cases.respond',
  'cases.figures',
  // 会议与座谈会: the record of meetings (attendees read the ones they attended, checked by the service).
  'meetings.read',
  'meetings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Everything of their own organisation; adding schools under a union is the upper_union role's.
  admin: PERMISSIONS.filter((p) => p !== 'orgs.children'),
  chair: ['members.read', 'members.write', 'members.import', 'members.export', 'groups.read', 'groups.write', 'users.read', 'audit.read', 'org.read', 'congress.read', 'congress.manage', 'proposals.committee', 'departments.manage', 'suggestions.handle', 'suggestions.figures', 'disclosures.oversee', 'disclosures.write', 'care.read', 'care.write', 'funds.read', 'funds.manage', 'hardship.manage', 'hardship.approve', 'cases.manage', 'cases.figures', 'meetings.read', 'meetings.manage'],
  committee: ['members.read', 'members.export', 'groups.read', 'org.read', 'congress.read', 'congress.manage', 'proposals.committee', 'suggestions.handle', 'suggestions.figures', 'disclosures.oversee', 'disclosures.write', 'care.read', 'care.write', 'funds.read', 'cases.figures', 'meetings.read', 'meetings.manage'],
  group_leader: ['members.read', 'groups.read', 'congress.read', 'hardship.apply_for'],
  member: ['congress.read'],
  retiree: ['congress.read'],
  handler: ['congress.read', 'proposals.handle', 'suggestions.handle', 'cases.respond'],
  supervisor: ['congress.read', 'disclosures.oversee', 'disclosures.review'],
  upper_union: ['orgs.children'],
  principal: ['congress.read', 'suggestions.handle', 'suggestions.figures'],
  auditor: ['congress.read', 'care.read', 'funds.read'],
  treasurer: ['congress.read', 'care.read', 'funds.read', 'funds.manage'],
  welfare: ['members.read', 'congress.read', 'care.read', 'care.write', 'hardship.manage'],
  rights: ['members.read', 'congress.read', 'cases.manage', 'cases.figures'],
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
  principal: { zh: '校长（校领导）', en: 'Principal / school leader' },
  auditor: { zh: '经费审查委员', en: 'Fund auditor' },
  treasurer: { zh: '财务委员', en: 'Treasurer' },
  welfare: { zh: '生活福利委员', en: 'Welfare officer' },
  rights: { zh: '权益保障委员', en: 'Rights officer' },
};
