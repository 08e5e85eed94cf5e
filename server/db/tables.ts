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

export interface CongressTermsTable {
  id: string;
  org_id: string;
  name: string;
  start_date: string;
  end_date: string;
  created_at: string;
  updated_at: string;
}
export interface CongressDelegationsTable {
  id: string;
  org_id: string;
  term_id: string;
  name: string;
  head_member_id: string | null;
}
export interface CongressDelegatesTable {
  id: string;
  org_id: string;
  term_id: string;
  member_id: string;
  delegation_id: string | null;
  is_leader: number;
  created_at: string;
}
export interface CongressSessionsTable {
  id: string;
  org_id: string;
  term_id: string;
  name: string;
  date: string;
  place: string | null;
  checkin_code: string;
  created_at: string;
  updated_at: string;
}
export interface CongressAgendaItemsTable {
  id: string;
  org_id: string;
  session_id: string;
  position: number;
  kind: string;
  title: string;
  note: string | null;
}
export interface CongressGuestsTable {
  id: string;
  org_id: string;
  session_id: string;
  name: string;
  member_id: string | null;
  note: string | null;
}
export interface CongressAttendanceTable {
  org_id: string;
  session_id: string;
  member_id: string;
  status: string;
  method: string;
  at: string;
}
export interface CongressVotesTable {
  id: string;
  org_id: string;
  session_id: string;
  title: string;
  kind: string;
  secret: number;
  seats: number | null;
  status: string;
  base: number | null;
  base_kind: string | null;
  opened_at: string | null;
  closed_at: string | null;
  result: string | null;
  created_at: string;
  updated_at: string;
}
export interface CongressVoteCandidatesTable {
  vote_id: string;
  member_id: string;
  position: number;
}
export interface CongressVotersTable {
  vote_id: string;
  member_id: string;
  voted: number;
}
export interface CongressBallotsTable {
  vote_id: string;
  id: string;
  choice: string;
  voter_member_id: string | null;
}
export interface CongressSessionRequestsTable {
  id: string;
  org_id: string;
  term_id: string;
  reason: string;
  created_by: string;
  created_at: string;
  notified_at: string | null;
}
export interface CongressSessionRequestSignersTable {
  request_id: string;
  member_id: string;
  at: string;
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
  congress_terms: CongressTermsTable;
  congress_delegations: CongressDelegationsTable;
  congress_delegates: CongressDelegatesTable;
  congress_sessions: CongressSessionsTable;
  congress_agenda_items: CongressAgendaItemsTable;
  congress_guests: CongressGuestsTable;
  congress_attendance: CongressAttendanceTable;
  congress_votes: CongressVotesTable;
  congress_vote_candidates: CongressVoteCandidatesTable;
  congress_voters: CongressVotersTable;
  congress_ballots: CongressBallotsTable;
  congress_session_requests: CongressSessionRequestsTable;
  congress_session_request_signers: CongressSessionRequestSignersTable;
  notifications: NotificationsTable;
  proposal_windows: ProposalWindowsTable;
  proposals: ProposalsTable;
  proposal_cosigners: ProposalCosignersTable;
  proposal_assists: ProposalAssistsTable;
  proposal_replies: ProposalRepliesTable;
  proposal_posts: ProposalPostsTable;
  proposal_templates: ProposalTemplatesTable;
}

export interface NotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read_at: string | null;
  created_at: string;
}
export interface ProposalWindowsTable {
  session_id: string;
  org_id: string;
  opens_on: string;
  closes_on: string;
  created_at: string;
  updated_at: string;
}
export interface ProposalsTable {
  id: string;
  org_id: string;
  session_id: string;
  proposer_member_id: string;
  proposer_user_id: string;
  delegation_id: string | null;
  title: string;
  reasons: string;
  measures: string;
  category: string;
  single_subject: number;
  state: string;
  decision: string | null;
  decision_reason: string | null;
  merged_into_id: string | null;
  decided_at: string | null;
  draft_decision: string | null;
  draft_reason: string | null;
  draft_merge_into_id: string | null;
  department: string | null;
  handler_user_id: string | null;
  deadline: string | null;
  assigned_at: string | null;
  reopened: number;
  rating: string | null;
  submitted_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface ProposalCosignersTable {
  org_id: string;
  proposal_id: string;
  member_id: string;
  status: string;
  invited_at: string;
  responded_at: string | null;
}
export interface ProposalAssistsTable {
  org_id: string;
  proposal_id: string;
  user_id: string;
  department: string;
}
export interface ProposalRepliesTable {
  id: string;
  org_id: string;
  proposal_id: string;
  round: number;
  class: string;
  content: string;
  planned_date: string | null;
  explanation: string | null;
  user_id: string | null;
  author_name: string | null;
  created_at: string;
  rating: string | null;
  rating_comment: string | null;
  rated_at: string | null;
}
export interface ProposalPostsTable {
  id: string;
  org_id: string;
  proposal_id: string;
  kind: string;
  user_id: string | null;
  author_name: string | null;
  body: string;
  created_at: string;
}
export interface ProposalTemplatesTable {
  id: string;
  org_id: string;
  kind: string;
  name: string;
  body: string;
  created_at: string;
  updated_at: string;
}
