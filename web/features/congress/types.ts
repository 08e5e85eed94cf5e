import type { AgendaKind, AttendanceStatus, Quorum, VoteKind, VoteResult, VoteStatus } from '../../../common/congress';

// Response shapes of server/modules/congress (terms, sessions, votes, service.snapshot/mine).

export type { AgendaKind };

export interface TermSummary {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface Delegate {
  memberId: string;
  name: string;
  employeeNo: string;
  department: string | null;
  isTeacher: boolean;
  isLeader: boolean;
  delegationId: string | null;
  delegation: string | null;
}

export interface Delegation {
  id: string;
  name: string;
  headMemberId: string | null;
  headName: string | null;
}

export interface Composition {
  total: number;
  teachers: number;
  teacherShare: number;
  leaders: number;
  leaderShare: number;
  teacherShareMin: number;
}

export interface TermDetail extends TermSummary {
  delegates: Delegate[];
  delegations: Delegation[];
  composition: Composition;
  warnings: string[];
}

export interface SessionSummary {
  id: string;
  termId: string;
  termName: string;
  name: string;
  date: string;
  place: string | null;
}

export interface AgendaItem {
  id?: string;
  kind: AgendaKind;
  title: string;
  note?: string | null;
}

export interface Guest {
  id: string;
  name: string;
  memberId: string | null;
  note: string | null;
}

/** Quorum plus 请假 and 应到会 (delegates − leave), as the server's sessions.quorum returns it. */
export type LiveQuorum = Quorum & { leave: number; expected: number };

export interface SessionDetail {
  id: string;
  termId: string;
  name: string;
  date: string;
  place: string | null;
  agenda: AgendaItem[];
  guests: Guest[];
  quorum: LiveQuorum;
}

export interface AttendanceRow {
  memberId: string;
  name: string;
  employeeNo: string;
  delegation: string | null;
  status: AttendanceStatus;
  method: 'clerk' | 'qr' | null;
  at: string | null;
}

export interface Candidate {
  memberId: string;
  name: string;
}

export interface Vote {
  id: string;
  sessionId: string;
  title: string;
  kind: VoteKind;
  secret: boolean;
  seats: number | null;
  status: VoteStatus;
  candidates: Candidate[];
  /** Ballots cast so far, and how many may vote (delegates present when it opened). */
  cast: number;
  eligible: number;
  /** Only once closed. */
  result: VoteResult | null;
}

/** What the live stream (and the projector) carries. */
export interface LiveSnapshot {
  quorum: LiveQuorum;
  votes: Vote[];
}

export type MyVote = Vote & { onRoll: boolean; voted: boolean };

/** A delegate's own view of a session (GET …/mine). */
export interface Mine {
  session: { id: string; name: string; date: string; place: string | null; agenda: AgendaItem[] };
  isDelegate: boolean;
  attendance: AttendanceStatus | null;
  votes: MyVote[];
}

/** 临时会议提议: signatures so far against the one third needed. */
export interface ExtraSessionRequest {
  id: string;
  reason: string;
  createdAt: string;
  signers: number;
  needed: number;
  chairNotified: boolean;
  signedByMe: boolean;
}
