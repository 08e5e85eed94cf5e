import { majorityThreshold, voteInput, type BaseKind, type ElectionResult, type ResolutionResult, type VoteChoice, type VoteKind, type VoteResult, type VoteStatus } from '../../../common/congress';
import { compact, type Database } from '../../db/database';
import type { CongressVotesTable } from '../../db/tables';
import { TtlCache } from '../../lib/cache';
import { AppError, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditRepo, type Actor } from '../audit/audit.repo';
import type { OrgsService } from '../orgs/orgs.service';
import { membersRepo } from '../members/members.repo';
import { createBallotBox } from './congress.ballotbox';
import { congressRepo } from './congress.repo';
import type { LiveHub } from './congress.live';
import type { SessionsService } from './congress.sessions';
import { votesRepo } from './votes.repo';

const STATUS_LABEL: Record<VoteStatus, string> = { draft: '未开始', open: '投票中', closed: '已结束' };
const stateError = (status: string) => new AppError(409, 'vote_state', 'err.congress_vote_state', { status: STATUS_LABEL[status as VoteStatus] ?? status });
const lockedError = (v: { title: string }) => new AppError(409, 'vote_locked', 'err.congress_vote_locked', { title: v.title });
type VoteDraft = { title: string; kind: VoteKind; secret: boolean; seats?: number; candidates?: string[] };

/**
 * Tallies ballots into the result. Passing and being elected need more than half of the base (all
 * delegates, or 应到会 where the school says so), not of those present. Candidates tied for the last
 * seat are none of them elected: the congress votes again for that seat.
 */
export function tally(kind: VoteKind, ballots: string[], base: number, baseKind: BaseKind, cast: number, eligible: number, seats: number, candidates: { member_id: string; name: string }[]): VoteResult {
  const threshold = majorityThreshold(base);
  if (kind === 'resolution') {
    const n = (c: VoteChoice) => ballots.filter((b) => b === c).length;
    const yes = n('yes');
    return { kind, cast, eligible, base, baseKind, threshold, passed: yes >= threshold, yes, no: n('no'), abstain: n('abstain') } satisfies ResolutionResult;
  }
  const votes = new Map(candidates.map((c) => [c.member_id, 0]));
  for (const b of ballots) for (const id of JSON.parse(b) as string[]) votes.set(id, (votes.get(id) ?? 0) + 1);
  const qualified = candidates.filter((c) => votes.get(c.member_id)! >= threshold).sort((a, b) => votes.get(b.member_id)! - votes.get(a.member_id)!);
  let elected = qualified.slice(0, seats);
  let tied: string[] = [];
  if (qualified.length > seats) {
    const cut = votes.get(qualified[seats - 1].member_id)!;
    if (votes.get(qualified[seats].member_id) === cut) {
      tied = qualified.filter((c) => votes.get(c.member_id) === cut).map((c) => c.member_id);
      elected = elected.filter((c) => votes.get(c.member_id)! > cut);
    }
  }
  const electedIds = new Set(elected.map((c) => c.member_id));
  return {
    kind,
    cast,
    eligible,
    base,
    baseKind,
    threshold,
    seats,
    candidates: candidates.map((c) => ({ memberId: c.member_id, name: c.name, votes: votes.get(c.member_id)!, elected: electedIds.has(c.member_id) })),
    tied,
  } satisfies ElectionResult;
}

export function createVotesService(database: Database, orgs: OrgsService, sessions: SessionsService, live: LiveHub) {
  const { db } = database;
  const box = createBallotBox(database);
  // What a ballot needs of its vote (kind, seats, secrecy, candidates), read once while the vote is open
  // instead of once per ballot: 500 in the same second. That it is still open, and the voter's place on
  // its roll, are checked again by the commit (congress.ballotbox.ts), so nothing stale is ever accepted.
  const forBallots = new TtlCache<{ v: CongressVotesTable; candidates: Set<string> }>(2_000);
  const ballotView = (orgId: string, id: string) =>
    forBallots.get(
      `${orgId}:${id}`,
      async () => {
        const v = await votesRepo.find(db, orgId, id);
        return v ? { v, candidates: new Set(v.kind === 'election' ? (await votesRepo.candidatesOf(db, [id])).map((c) => c.member_id) : []) } : null;
      },
      ({ v }) => (v.status === 'open' ? Infinity : 0),
    );

  async function vote(orgId: string, id: string) {
    const v = await votesRepo.find(db, orgId, id);
    if (!v) throw NotFound();
    return v;
  }

  /** An election's candidates, each a member of this school; none for a resolution. */
  async function checkCandidates(orgId: string, input: VoteDraft) {
    const candidates = input.kind === 'election' ? input.candidates ?? [] : [];
    if ((await membersRepo.existingIds(db, orgId, candidates)).length !== candidates.length) throw Invalid('candidates', 'err.congress_not_member');
    return candidates;
  }

  /**
   * Votes as the pages show them, in three queries whatever their number (500 phones poll a session's
   * list): a closed vote's counts come from its stored result, only open ones are counted.
   */
  async function views(vs: CongressVotesTable[]) {
    const [candidates, counted] = await Promise.all([
      votesRepo.candidatesOf(db, vs.map((v) => v.id)),
      votesRepo.countsOf(db, vs.filter((v) => v.status === 'open').map((v) => v.id)),
    ]);
    return shaped(vs, candidates, counted);
  }
  function shaped(vs: CongressVotesTable[], candidates: { vote_id: string; member_id: string; name: string }[], counted: Map<string, { cast: number; eligible: number }>) {
    return vs.map((v) => {
      const result = v.result ? (JSON.parse(v.result) as VoteResult) : null;
      const counts = result ?? counted.get(v.id) ?? { cast: 0, eligible: 0 };
      return shape(v, candidates.filter((c) => c.vote_id === v.id), { cast: counts.cast, eligible: counts.eligible }, result);
    });
  }
  const view = async (v: CongressVotesTable) => (await views([v]))[0];

  function shape(v: CongressVotesTable, candidates: { member_id: string; name: string }[], counts: { cast: number; eligible: number }, result: VoteResult | null) {
    return {
      id: v.id,
      sessionId: v.session_id,
      title: v.title,
      kind: v.kind as VoteKind,
      secret: v.secret === 1,
      seats: v.seats,
      status: v.status as VoteStatus,
      candidates: candidates.map((c) => ({ memberId: c.member_id, name: c.name })),
      cast: counts.cast,
      eligible: counts.eligible,
      result,
    };
  }

  /**
   * A session's votes, for a caller that has already found the session: three queries compiled once (the
   * phones poll it). A vote closing between them shows no counts for one poll, then its result.
   */
  const ofSession = async (orgId: string, sessionId: string) => {
    const [vs, candidates, counted] = await Promise.all([
      votesRepo.listForSession(db, orgId, sessionId),
      votesRepo.candidatesOfSession(db, orgId, sessionId),
      votesRepo.openCountsOfSession(db, orgId, sessionId),
    ]);
    return shaped(vs, candidates, counted);
  };

  return {
    get: async (orgId: string, id: string) => view(await vote(orgId, id)),
    listForSession: async (orgId: string, sessionId: string) => {
      await sessions.session(orgId, sessionId);
      return ofSession(orgId, sessionId);
    },
    ofSession,

    async create(actor: Actor, sessionId: string, input: VoteDraft) {
      const s = await sessions.session(actor.orgId, sessionId);
      const candidates = await checkCandidates(actor.orgId, input);
      const now = nowIso();
      const row: CongressVotesTable = {
        id: newId(), org_id: actor.orgId, session_id: sessionId, title: input.title, kind: input.kind, secret: input.secret ? 1 : 0,
        seats: input.kind === 'election' ? input.seats! : null, status: 'draft', base: null, base_kind: null, opened_at: null, closed_at: null, result: null, created_at: now, updated_at: now,
      };
      await db.transaction().execute(async (trx) => {
        await votesRepo.insert(trx, row);
        await votesRepo.insertCandidates(trx, row.id, candidates);
        await auditRepo.record(trx, actor, { action: 'create', entity: 'congress_vote', entityId: row.id, label: `${s.name} · ${row.title}`, after: input });
      });
      live.touch(sessionId);
      return view(row);
    },

    /** Edits a draft: the fields given replace the old ones and the whole must still be a valid vote. */
    async update(actor: Actor, id: string, patch: Partial<VoteDraft>) {
      const v = await vote(actor.orgId, id);
      if (v.status !== 'draft') throw lockedError(v);
      const before = await view(v);
      const merged = voteInput.parse({
        title: before.title, kind: before.kind, secret: before.secret,
        ...(before.kind === 'election' ? { seats: before.seats, candidates: before.candidates.map((c) => c.memberId) } : {}),
        ...patch,
      });
      const candidates = await checkCandidates(actor.orgId, merged);
      await db.transaction().execute(async (trx) => {
        const changed = await votesRepo.updateDraft(trx, actor.orgId, id, {
          title: merged.title, kind: merged.kind, secret: merged.secret ? 1 : 0, seats: merged.kind === 'election' ? merged.seats! : null, updated_at: nowIso(),
        });
        if (!changed) throw lockedError(v);
        await votesRepo.deleteCandidates(trx, id);
        await votesRepo.insertCandidates(trx, id, candidates);
        await auditRepo.record(trx, actor, { action: 'update', entity: 'congress_vote', entityId: id, label: merged.title, before, after: merged });
      });
      live.touch(v.session_id);
      return view((await votesRepo.find(db, actor.orgId, id))!);
    },

    /** Deletes a draft; an opened or closed vote is part of the record and stays. */
    async remove(actor: Actor, id: string) {
      const v = await vote(actor.orgId, id);
      if (v.status !== 'draft') throw lockedError(v);
      await db.transaction().execute(async (trx) => {
        if (!(await votesRepo.deleteDraft(trx, actor.orgId, id))) throw lockedError(v);
        await auditRepo.record(trx, actor, { action: 'delete', entity: 'congress_vote', entityId: id, label: v.title, before: { title: v.title, kind: v.kind, secret: v.secret === 1, seats: v.seats } });
      });
      live.touch(v.session_id);
    },

    /** Opens a vote: only with quorum; snapshots who may vote (delegates present now) and the base. */
    async open(actor: Actor, id: string) {
      const v = await vote(actor.orgId, id);
      if (v.status !== 'draft') throw stateError(v.status);
      const s = await sessions.session(actor.orgId, v.session_id);
      const q = await sessions.quorum(actor.orgId, v.session_id);
      if (!q.met) throw new AppError(409, 'no_quorum', 'err.congress_no_quorum', { delegates: q.delegates, present: q.present, required: q.required });
      const { quorumBase } = (await orgs.get(actor.orgId)).settings;
      const base = quorumBase === 'expected_delegates' ? q.expected : q.delegates;
      await db.transaction().execute(async (trx) => {
        const present = await congressRepo.presentDelegateIds(trx, actor.orgId, v.session_id, s.term_id);
        await votesRepo.insertVoters(trx, id, present);
        await votesRepo.update(trx, actor.orgId, id, { status: 'open', base, base_kind: quorumBase, opened_at: nowIso(), updated_at: nowIso() });
        await auditRepo.record(trx, actor, { action: 'open', entity: 'congress_vote', entityId: id, label: v.title, after: { base, eligible: present.length } });
      });
      live.touch(v.session_id);
      return view((await votesRepo.find(db, actor.orgId, id))!);
    },

    /**
     * A delegate's ballot. The voter row is flipped and the ballot stored in one transaction; a secret
     * ballot carries no voter, no time, and a random key. No audit row: it would say who and when.
     */
    async cast(actor: Actor, memberId: string | null, id: string, ballot: { choice: VoteChoice } | { candidates: string[] }) {
      const found = await ballotView(actor.orgId, id);
      if (!found) throw NotFound();
      const { v, candidates } = found;
      if (v.status !== 'open') throw stateError(v.status);
      if (!memberId) throw new AppError(403, 'not_eligible', 'err.congress_not_eligible');
      let choice: string;
      if (v.kind === 'resolution') {
        if (!('choice' in ballot)) throw new AppError(422, 'ballot_kind', 'err.congress_ballot_kind');
        choice = ballot.choice;
      } else {
        if (!('candidates' in ballot)) throw new AppError(422, 'ballot_kind', 'err.congress_ballot_kind');
        const chosen = [...new Set(ballot.candidates)];
        if (chosen.length > v.seats!) throw new AppError(422, 'too_many', 'err.congress_too_many_candidates', { seats: v.seats! });
        if (chosen.some((c) => !candidates.has(c))) throw new AppError(422, 'not_candidate', 'err.congress_not_candidate');
        choice = JSON.stringify(chosen.sort());
      }
      await box.cast({ voteId: id, memberId, choice, secret: v.secret === 1 });
      live.touch(v.session_id);
      return { received: true };
    },

    async close(actor: Actor, id: string): Promise<VoteResult> {
      const v = await vote(actor.orgId, id);
      if (v.status !== 'open') throw stateError(v.status);
      const result = await db.transaction().execute(async (trx) => {
        // Closed first: ballots being committed finish before this row can change, and none is accepted after.
        if (!(await votesRepo.markClosed(trx, actor.orgId, id, nowIso()))) throw stateError('closed');
        const [ballots, counted, candidates] = await Promise.all([votesRepo.ballots(trx, id), votesRepo.countsOf(trx, [id]), votesRepo.candidatesOf(trx, [id])]);
        const counts = counted.get(id) ?? { cast: 0, eligible: 0 };
        const r = tally(v.kind as VoteKind, ballots.map((b) => b.choice), v.base!, v.base_kind as BaseKind, counts.cast, counts.eligible, v.seats ?? 0, candidates);
        await votesRepo.update(trx, actor.orgId, id, { result: JSON.stringify(r), updated_at: nowIso() });
        if (v.secret === 1) await votesRepo.scrubSecret(trx, id);
        await auditRepo.record(trx, actor, { action: 'close', entity: 'congress_vote', entityId: id, label: v.title, after: r });
        return r;
      });
      // Once committed: a ballot that read the vote while the close was under way must not keep it as open.
      forBallots.forget(`${actor.orgId}:${id}`);
      if (v.secret === 1) await compact(database, ['congress_ballots', 'congress_voters']);
      live.touch(v.session_id);
      return result;
    },
  };
}
export type VotesService = ReturnType<typeof createVotesService>;
