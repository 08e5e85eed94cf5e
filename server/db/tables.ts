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
  departments: DepartmentsTable;
  department_handlers: DepartmentHandlersTable;
  suggestions: SuggestionsTable;
  suggestion_messages: SuggestionMessagesTable;
  proposal_events: ProposalEventsTable;
  files: FilesTable;
  disclosure_categories: DisclosureCategoriesTable;
  disclosure_issues: DisclosureIssuesTable;
  disclosure_issue_counters: DisclosureIssueCountersTable;
  disclosures: DisclosuresTable;
  disclosure_events: DisclosureEventsTable;
  disclosure_reads: DisclosureReadsTable;
  disclosure_questions: DisclosureQuestionsTable;
  care_batches: CareBatchesTable;
  care_records: CareRecordsTable;
  fund_budgets: FundBudgetsTable;
  fund_entries: FundEntriesTable;
  hardship_caps: HardshipCapsTable;
  hardship_files: HardshipFilesTable;
  hardship_payments: HardshipPaymentsTable;
  hardship_applications: HardshipApplicationsTable;
  hardship_campaigns: HardshipCampaignsTable;
  hardship_campaign_items: HardshipCampaignItemsTable;
  hardship_events: HardshipEventsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  meeting_types: MeetingTypesTable;
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_opinions: MeetingOpinionsTable;
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
  /** The session's last 提案 序号 given. */
  last_number: number;
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
  /** 序号 within the session, given at submission. */
  number: number | null;
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
export interface ProposalEventsTable {
  id: string;
  org_id: string;
  proposal_id: string;
  kind: string;
  at: string;
  user_id: string | null;
  actor_name: string | null;
  /** JSON ProposalEventData */
  data: string;
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

/** An attachment; `content` holds the bytes (BLOB / bytea) and is read only by the download. */
export interface FilesTable {
  id: string;
  org_id: string;
  owner_kind: string;
  owner_id: string;
  label: string | null;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  created_at: string;
}

export interface DisclosureCategoriesTable {
  id: string;
  org_id: string;
  code: string | null;
  name: string;
  position: number;
  disabled: number;
  created_at: string;
  updated_at: string;
}
export interface DisclosureIssuesTable {
  id: string;
  org_id: string;
  school_year: number;
  number: number;
  title: string | null;
  state: string;
  published_at: string | null;
  published_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface DisclosureIssueCountersTable {
  org_id: string;
  school_year: number;
  last: number;
}
export interface DisclosuresTable {
  id: string;
  org_id: string;
  issue_id: string | null;
  category_id: string;
  title: string;
  content: string;
  audience: string;
  visible_from: string;
  visible_to: string | null;
  state: string;
  returned: number;
  author_user_id: string;
  author_name: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  published_at: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface DisclosureEventsTable {
  id: string;
  org_id: string;
  disclosure_id: string;
  action: string;
  user_id: string | null;
  user_name: string | null;
  comment: string | null;
  at: string;
}
export interface DisclosureReadsTable {
  org_id: string;
  disclosure_id: string;
  user_id: string;
  member_id: string | null;
  read_at: string;
}
export interface DisclosureQuestionsTable {
  id: string;
  org_id: string;
  disclosure_id: string;
  asker_user_id: string;
  asker_name: string | null;
  body: string;
  asked_at: string;
  answer: string | null;
  answer_public: number;
  answered_by: string | null;
  answered_at: string | null;
}

export interface DepartmentsTable {
  id: string;
  org_id: string;
  name: string;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface DepartmentHandlersTable {
  org_id: string;
  department_id: string;
  user_id: string;
}
/** 意见箱. Anonymous rows: writer_user_id always null, dates only (docs/privacy.md). */
export interface SuggestionsTable {
  id: string;
  org_id: string;
  addressee: string;
  department_id: string | null;
  category: string;
  title: string;
  content: string;
  anonymous: number;
  writer_user_id: string | null;
  receipt_hash: string | null;
  received_on: string;
  status: string;
  answered_on: string | null;
  closed_on: string | null;
  wall_consent: number | null;
  wall_question: string | null;
  wall_answer: string | null;
  wall_on: string | null;
  proposal_id: string | null;
  notice_kind: string | null;
  notice_on: string | null;
}
export interface SuggestionMessagesTable {
  suggestion_id: string;
  id: string;
  org_id: string;
  seq: number;
  author_kind: string;
  body: string;
  user_id: string | null;
  author_name: string | null;
  created_on: string;
  created_at: string | null;
}

/** 节日慰问 for a group; its records carry batch_id. Money in 分. */
export interface CareBatchesTable {
  id: string;
  org_id: string;
  festival: string;
  date: string;
  year: number;
  scope: string;
  group_name: string | null;
  item: string;
  amount: number;
  count: number;
  total: number;
  visitors: string | null;
  note: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
}
export interface CareRecordsTable {
  id: string;
  org_id: string;
  member_id: string;
  type: string;
  date: string;
  year: number;
  amount: number;
  form: string;
  item: string | null;
  festival: string | null;
  reason: string | null;
  illness_key: string | null;
  admitted_on: string | null;
  discharged_on: string | null;
  visitors: string | null;
  note: string | null;
  override_reason: string | null;
  batch_id: string | null;
  voided_at: string | null;
  void_reason: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
}
export interface FundBudgetsTable {
  org_id: string;
  year: number;
  category: string;
  amount: number;
  updated_by: string | null;
  updated_at: string;
}
export interface FundEntriesTable {
  id: string;
  org_id: string;
  year: number;
  date: string;
  direction: string;
  category: string;
  amount: number;
  voucher_no: string | null;
  summary: string;
  source_kind: string;
  source_id: string | null;
  reverses_id: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
}

// 困难帮扶 (0011_hardship)
export interface HardshipCapsTable {
  org_id: string;
  level: string;
  per_application: number;
  per_year: number;
  updated_by: string | null;
  updated_at: string;
}
export interface HardshipFilesTable {
  id: string;
  org_id: string;
  member_id: string;
  level: string;
  /** JSON array */
  reasons: string;
  household_size: number;
  income_per_head: number;
  situation: string;
  notes: string;
  status: string;
  closed_on: string | null;
  closed_reason: string | null;
  review_on: string;
  last_reviewed_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface HardshipPaymentsTable {
  id: string;
  org_id: string;
  member_id: string;
  file_id: string;
  date: string;
  year: number;
  amount: number;
  form: string;
  note: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
}
export interface HardshipApplicationsTable {
  id: string;
  org_id: string;
  member_id: string;
  amount: number;
  reason: string;
  state: string;
  applied_by: string | null;
  applied_by_name: string | null;
  on_behalf: number;
  recommended_amount: number | null;
  review_note: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  approved_amount: number | null;
  approved_by_name: string | null;
  approved_at: string | null;
  reject_reason: string | null;
  payment_id: string | null;
  created_at: string;
  updated_at: string;
}
export interface HardshipCampaignsTable {
  id: string;
  org_id: string;
  title: string;
  date: string;
  year: number;
  /** JSON array */
  levels: string;
  amount: number;
  form: string;
  note: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
}
export interface HardshipCampaignItemsTable {
  id: string;
  org_id: string;
  campaign_id: string;
  member_id: string;
  file_id: string;
  visited_on: string | null;
  payment_id: string | null;
}
export interface HardshipEventsTable {
  id: string;
  org_id: string;
  member_id: string;
  application_id: string | null;
  kind: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  /** JSON */
  data: string;
}

export interface MeetingTypesTable {
  id: string;
  org_id: string;
  name: string;
  position: number;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface MeetingsTable {
  id: string;
  org_id: string;
  type_id: string;
  title: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  host_member_id: string | null;
  /** JSON array of strings */
  agenda: string;
  /** JSON array of strings */
  decisions: string;
  /** sanitized HTML */
  minutes: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
}
export interface MeetingAttendeesTable {
  id: string;
  org_id: string;
  meeting_id: string;
  position: number;
  member_id: string | null;
  guest_name: string | null;
  guest_unit: string | null;
}
export interface MeetingOpinionsTable {
  id: string;
  org_id: string;
  meeting_id: string;
  member_id: string | null;
  guest_name: string | null;
  content: string;
  target_kind: string | null;
  target_id: string | null;
  converted_on: string | null;
  created_at: string;
}

/** 权益诉求. member_id null: opened from an anonymous source (nothing of its writer is kept). */
export interface CasesTable {
  id: string;
  org_id: string;
  member_id: string | null;
  category: string;
  title: string;
  content: string;
  state: string;
  raised_on: string;
  source_kind: string | null;
  source_id: string | null;
  department_id: string | null;
  handler_user_id: string | null;
  deadline: string | null;
  forwarded_on: string | null;
  response: string | null;
  responded_on: string | null;
  outcome: string | null;
  explanation: string | null;
  explained_on: string | null;
  closed_on: string | null;
  rating: number | null;
  rating_comment: string | null;
  reopened: number;
  created_at: string;
  updated_at: string;
}
export interface CaseEventsTable {
  id: string;
  org_id: string;
  case_id: string;
  kind: string;
  at: string;
  user_id: string | null;
  actor_name: string | null;
  body: string | null;
  /** JSON: department, deadline, outcome, rating… */
  data: string;
}
