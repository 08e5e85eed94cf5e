// Row shapes as stored. Times are ISO-8601 UTC text, dates YYYY-MM-DD, booleans 0/1, JSON as text.

export interface OrgsTable {
  id: string;
  parent_id: string | null;
  name: string;
  kind: string;
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  org_id: string;
  username: string;
  password_hash: string;
  member_id: string | null;
  roles: string;
  must_change_password: number;
  disabled: number;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  org_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginFailuresTable {
  id: string;
  username: string;
  at: string;
}

export interface MemberGroupsTable {
  id: string;
  org_id: string;
  name: string;
  leader_member_id: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembersTable {
  id: string;
  org_id: string;
  employee_no: string;
  name: string;
  name_pinyin: string;
  gender: string | null;
  birth_date: string | null;
  phone: string | null;
  department: string | null;
  staff_category: string;
  title: string;
  political_status: string | null;
  hire_date: string | null;
  join_date: string | null;
  status: string;
  group_id: string | null;
  hardship_level: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface MemberSearchKeysTable {
  org_id: string;
  key: string;
  member_id: string;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  entity_label: string | null;
  before: string | null;
  after: string | null;
}

export interface Tables {
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  member_groups: MemberGroupsTable;
  members: MembersTable;
  member_search_keys: MemberSearchKeysTable;
  audit_log: AuditLogTable;
}
