import { majorityThreshold, type VoteResult } from '../../common/congress';
import type { Db } from '../../server/db/database';
import type { Capability } from '../capability';
import type { GenContext, SchoolFact } from '../dataset/context';
import { LAST_YEAR } from '../dataset/scales';

// 教代会: five-year terms with their delegates and 代表团, one annual session per school year with
// attendance and closed secret votes. The 会场 school also has a session going on now: 500 delegates
// present, the storm's open vote, and a second session of open votes for the ballot-cast path.

const DELEGATIONS = ['语文代表团', '数学代表团', '英语代表团', '理化生代表团', '综合代表团'];
const RESOLUTIONS = ['学校工作报告', '财务工作报告', '工会工作报告', '教职工绩效工资分配方案'];

export interface CongressManifest {
  hall: { orgId: string; liveSessionId: string; stormVoteId: string; voteIds: string[]; delegates: { username: string; memberId: string }[] };
}

interface Term {
  id: string;
  delegates: number[];
}

export const congress: Capability = {
  name: 'congress',

  async generate(g) {
    const { world } = g;
    let hallTerm: Term | undefined;
    for (const school of world.schools) {
      const hall = school.code === 'hall';
      const active = school.members.flatMap((m, i) => (m.active ? [i] : []));
      // Under 80 staff a school holds a 教职工大会 of everyone; above, about three in ten are delegates.
      const wanted = hall ? g.scale.hallDelegates : active.length < 80 ? active.length : Math.max(30, Math.round(active.length * 0.3));
      let start = world.years[0] - g.rng.int(0, 4);
      for (let n = 4; start <= LAST_YEAR; n++, start += 5) {
        const term = await addTerm(g, school, `第${n}届`, start, wanted, active);
        if (hall && start + 5 > LAST_YEAR) hallTerm = term;
        for (const year of world.years.filter((y) => y >= start && y < start + 5)) {
          await addSession(g, school, term, year, n);
        }
      }
    }
    g.manifest.congress = await hallSessions(g, world.schools.find((s) => s.code === 'hall')!, hallTerm!);
  },

  paths(m) {
    const h = (m.congress as CongressManifest).hall;
    const delegates = h.delegates.map((d) => d.username);
    const perVote = h.delegates.length;
    return [
      { name: 'congress: quorum', kind: 'read', main: true, accounts: delegates.slice(0, 1), request: () => ({ method: 'GET', url: `/api/congress/sessions/${h.liveSessionId}/quorum`, as: 0 }) },
      {
        name: "congress: delegate's phone view",
        kind: 'read',
        accounts: delegates,
        request: (i) => ({ method: 'GET', url: `/api/congress/sessions/${h.liveSessionId}/mine`, as: i % perVote }),
      },
      {
        name: 'congress: cast a ballot',
        kind: 'write',
        accounts: delegates,
        limit: h.voteIds.length * perVote,
        request: (i) => {
          const vote = h.voteIds[Math.floor(i / perVote) % h.voteIds.length];
          const k = i % perVote;
          return { method: 'POST', url: `/api/congress/votes/${vote}/ballots`, body: { choice: 'yes' }, as: k, vars: { vote, member: h.delegates[k].memberId } };
        },
        reset: (db) => resetVotes(db, h.voteIds),
      },
    ];
  },

  bursts(m) {
    const h = (m.congress as CongressManifest).hall;
    return [
      {
        name: `${h.delegates.length} delegates cast their ballots at once`,
        accounts: h.delegates.map((d) => d.username),
        request: () => ({ method: 'POST', url: `/api/congress/votes/${h.stormVoteId}/ballots`, body: { choice: 'yes' } }),
        reset: (db) => resetVotes(db, [h.stormVoteId]),
        stored: async (db) => {
          const ballots = await db.selectFrom('congress_ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('vote_id', '=', h.stormVoteId).executeTakeFirstOrThrow();
          const voted = await db.selectFrom('congress_voters').select((eb) => eb.fn.countAll<number>().as('n')).where('vote_id', '=', h.stormVoteId).where('voted', '=', 1).executeTakeFirstOrThrow();
          // A ballot without its voter flipped (or the reverse) would be a lost or a double vote.
          return Number(ballots.n) === Number(voted.n) ? Number(ballots.n) : -1;
        },
      },
    ];
  },
};

/** Takes back every ballot of these votes, so a write path or the storm can run again. */
export async function resetVotes(db: Db, voteIds: string[]) {
  await db.deleteFrom('congress_ballots').where('vote_id', 'in', voteIds).execute();
  await db.updateTable('congress_voters').set({ voted: 0 }).where('vote_id', 'in', voteIds).execute();
}

async function addTerm(g: GenContext, school: SchoolFact, name: string, start: number, wanted: number, active: number[]): Promise<Term> {
  const at = `${start}-08-25T02:00:00.000Z`;
  const id = g.id();
  await g.insert('congress_terms', [{ id, org_id: school.id, name, start_date: `${start}-09-01`, end_date: `${start + 5}-08-31`, created_at: at, updated_at: at }]);
  const delegations = DELEGATIONS.map((d) => ({ id: g.id(), org_id: school.id, term_id: id, name: d, head_member_id: null }));
  await g.insert('congress_delegations', delegations);
  // The union's officers and the handlers (school leaders) sit first; the rest drawn at random.
  const pool = active.slice(10);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = g.rng.int(0, i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const delegates = [...active.slice(0, 10), ...pool].slice(0, wanted);
  await g.insert(
    'congress_delegates',
    delegates.map((i, k) => ({ id: g.id(), org_id: school.id, term_id: id, member_id: school.members[i].id, delegation_id: delegations[k % delegations.length].id, is_leader: i >= 3 && i < 6 ? 1 : 0, created_at: at })),
  );
  return { id, delegates };
}

async function addSession(g: GenContext, school: SchoolFact, term: Term, year: number, termNo: number): Promise<void> {
  const { rng } = g;
  const date = `${year + 1}-03-${String(rng.int(5, 25)).padStart(2, '0')}`;
  const at = `${date}T01:00:00.000Z`;
  const id = g.id();
  await g.insert('congress_sessions', [{ id, org_id: school.id, term_id: term.id, name: `第${termNo}届第${year - LAST_YEAR + 20}次会议`, date, place: '学校报告厅', checkin_code: g.id(), created_at: at, updated_at: at }]);
  await g.insert('congress_agenda_items', ['work_report', 'finance_report', 'proposal_report', 'resolution'].map((kind, position) => ({ id: g.id(), org_id: school.id, session_id: id, position, kind, title: RESOLUTIONS[position], note: null })));
  g.world.sessions.push({ id, school, termId: term.id, year, date, delegates: term.delegates });

  const present: string[] = [];
  const attendance = [];
  for (const i of term.delegates) {
    const r = rng.next();
    const status = r < 0.9 ? 'present' : r < 0.95 ? 'leave' : 'absent';
    if (status === 'present') present.push(school.members[i].id);
    attendance.push({ org_id: school.id, session_id: id, member_id: school.members[i].id, status, method: rng.chance(0.8) ? 'qr' : 'clerk', at });
  }
  await g.insert('congress_attendance', attendance);

  const votes = RESOLUTIONS.slice(0, 3).map((title) => ({ title, election: false }));
  if (year % 2 === 0) votes.push({ title: '补选工会委员（2 名）', election: true });
  const base = term.delegates.length;
  for (const v of votes) {
    const voteId = g.id();
    const candidates = v.election ? [0, 1, 2].map((k) => school.members[term.delegates[(k * 7 + 11) % base]].id) : [];
    const choices: string[] = [];
    const voters = present.map((member_id) => {
      const voted = rng.chance(0.98);
      if (voted) choices.push(v.election ? JSON.stringify([candidates[0], candidates[rng.chance(0.7) ? 1 : 2]].sort()) : rng.chance(0.9) ? 'yes' : rng.chance(0.5) ? 'no' : 'abstain');
      return { vote_id: voteId, member_id, voted: voted ? 1 : 0 };
    });
    const threshold = majorityThreshold(base);
    const count = (c: string) => choices.filter((x) => x === c).length;
    const result: VoteResult = v.election
      ? {
          kind: 'election', cast: choices.length, eligible: present.length, base, baseKind: 'all_delegates', threshold, seats: 2, tied: [],
          candidates: candidates.map((memberId, k) => {
            const votes = choices.filter((c) => c.includes(memberId)).length;
            return { memberId, name: school.members[term.delegates[(k * 7 + 11) % base]].name, votes, elected: k < 2 && votes >= threshold };
          }),
        }
      : { kind: 'resolution', cast: choices.length, eligible: present.length, base, baseKind: 'all_delegates', threshold, passed: count('yes') >= threshold, yes: count('yes'), no: count('no'), abstain: count('abstain') };
    await g.insert('congress_votes', [{
      id: voteId, org_id: school.id, session_id: id, title: v.title, kind: v.election ? 'election' : 'resolution', secret: 1, seats: v.election ? 2 : null,
      status: 'closed', base, base_kind: 'all_delegates', opened_at: at, closed_at: at, result: JSON.stringify(result), created_at: at, updated_at: at,
    }]);
    if (candidates.length) await g.insert('congress_vote_candidates', candidates.map((member_id, position) => ({ vote_id: voteId, member_id, position })));
    await g.insert('congress_voters', voters);
    // A secret ballot has a random key and the choice, nothing else.
    await g.insert('congress_ballots', choices.map((choice) => ({ vote_id: voteId, id: g.id(), choice, voter_member_id: null })));
  }
}

/** The 会场 now: a live session (everyone present, the storm's vote open) and a session of open votes. */
async function hallSessions(g: GenContext, hall: SchoolFact, term: Term): Promise<CongressManifest> {
  const date = `${LAST_YEAR + 1}-06-15`;
  const at = `${date}T01:00:00.000Z`;
  const session = async (name: string, titles: string[]) => {
    const id = g.id();
    await g.insert('congress_sessions', [{ id, org_id: hall.id, term_id: term.id, name, date, place: '大礼堂', checkin_code: g.id(), created_at: at, updated_at: at }]);
    await g.insert('congress_attendance', term.delegates.map((i) => ({ org_id: hall.id, session_id: id, member_id: hall.members[i].id, status: 'present', method: 'qr', at })));
    const voteIds: string[] = [];
    for (const title of titles) {
      const voteId = g.id();
      voteIds.push(voteId);
      await g.insert('congress_votes', [{
        id: voteId, org_id: hall.id, session_id: id, title, kind: 'resolution', secret: 1, seats: null, status: 'open',
        base: term.delegates.length, base_kind: 'all_delegates', opened_at: at, closed_at: null, result: null, created_at: at, updated_at: at,
      }]);
      await g.insert('congress_voters', term.delegates.map((i) => ({ vote_id: voteId, member_id: hall.members[i].id, voted: 0 })));
    }
    return { id, voteIds };
  };
  const live = await session('第六届第一次会议', ['学校“十五五”发展规划']);
  const votes = await session('第六届第一次会议（分组表决）', Array.from({ length: g.scale.hallVotes }, (_, k) => `分组表决第 ${k + 1} 项`));
  return {
    hall: {
      orgId: hall.id,
      liveSessionId: live.id,
      stormVoteId: live.voteIds[0],
      voteIds: votes.voteIds,
      delegates: term.delegates.map((i) => ({ username: hall.members[i].username, memberId: hall.members[i].id })),
    },
  };
}
