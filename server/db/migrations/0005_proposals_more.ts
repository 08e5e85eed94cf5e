import { sql, type Kysely } from 'kysely';
import { newId } from '../../lib/ids';
import type { Dialect } from '../database';

// 提案编号 and each proposal's event history.
// - proposals.number: the 序号 within its session, given at submission. proposal_windows.last_number
//   is the session's counter, taken with one UPDATE … RETURNING, so two submissions at once never
//   share a number (the unique index would refuse it anyway).
// - proposal_events: submitted, co-signed, decided, assigned (with the names of the time), …
// Existing proposals are numbered in submission order and get the history their rows still tell.
export async function m0005_proposals_more(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('proposals').addColumn('number', 'integer').execute();
  await db.schema.createIndex('proposals_org_session_number').unique().on('proposals').columns(['org_id', 'session_id', 'number']).execute();
  await db.schema.alterTable('proposal_windows').addColumn('last_number', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('proposal_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposal_events_proposal').on('proposal_events').columns(['org_id', 'proposal_id', 'at']).execute();
  await backfill0005(db);
}

/** Numbers and history for proposals made before this migration (exported for its test). */
export async function backfill0005(db: Kysely<any>): Promise<void> {
  await sql`
    update proposals set number = (
      select ranked.n from (
        select id, row_number() over (partition by org_id, session_id order by submitted_at, id) as n
        from proposals where submitted_at is not null
      ) ranked where ranked.id = proposals.id
    ) where submitted_at is not null`.execute(db);
  await sql`
    update proposal_windows set last_number = coalesce(
      (select max(p.number) from proposals p where p.org_id = proposal_windows.org_id and p.session_id = proposal_windows.session_id), 0)`.execute(db);
  await backfillEvents(db);
}

type Event = { kind: string; at: string | null; user_id: string | null; actor_name: string | null; data: object };

/** The history that existing rows still tell: dates of submission, decision, assignment, replies and ratings. */
async function backfillEvents(db: Kysely<any>): Promise<void> {
  const nameOf = (users: { id: string; username: string; member_name: string | null }[], id: string | null) => {
    const u = users.find((x) => x.id === id);
    return u ? (u.member_name ?? u.username) : null;
  };
  const proposals = await db
    .selectFrom('proposals as p')
    .innerJoin('members as m', 'm.id', 'p.proposer_member_id')
    .leftJoin('proposals as t', 't.id', 'p.merged_into_id')
    .select(['p.id', 'p.org_id', 'p.proposer_user_id', 'p.created_at', 'p.submitted_at', 'p.number', 'p.decision', 'p.decided_at', 'p.merged_into_id', 't.title as merged_title'])
    .select(['p.department', 'p.handler_user_id', 'p.deadline', 'p.assigned_at', 'p.reopened', 'm.name as proposer_name'])
    .execute();
  if (proposals.length === 0) return;
  const users = await db.selectFrom('users as u').leftJoin('members as m', 'm.id', 'u.member_id').select(['u.id', 'u.username', 'm.name as member_name']).execute();
  const cosigners = await db.selectFrom('proposal_cosigners as c').innerJoin('members as m', 'm.id', 'c.member_id').select(['c.proposal_id', 'c.status', 'c.responded_at', 'm.name']).execute();
  const assists = await db.selectFrom('proposal_assists').selectAll().execute();
  const replies = await db.selectFrom('proposal_replies').selectAll().orderBy('round').execute();

  for (const p of proposals) {
    const proposer = { user_id: p.proposer_user_id, actor_name: p.proposer_name };
    const events: Event[] = [{ kind: 'created', at: p.created_at, ...proposer, data: {} }];
    for (const c of cosigners.filter((x) => x.proposal_id === p.id && x.status !== 'invited')) {
      events.push({ kind: c.status === 'accepted' ? 'cosigned' : 'declined', at: c.responded_at, user_id: null, actor_name: c.name, data: {} });
    }
    events.push({ kind: 'submitted', at: p.submitted_at, ...proposer, data: {} });
    const decision = p.merged_into_id ? { decision: p.decision, mergedInto: { id: p.merged_into_id, title: p.merged_title } } : { decision: p.decision };
    events.push({ kind: 'decided', at: p.decided_at, user_id: null, actor_name: null, data: decision });
    if (p.handler_user_id) {
      const helpers = assists.filter((a) => a.proposal_id === p.id).map((a) => ({ department: a.department, handlerName: nameOf(users, a.user_id) ?? '' }));
      events.push({
        kind: 'assigned', at: p.assigned_at, user_id: null, actor_name: null,
        data: { department: p.department, handlerName: nameOf(users, p.handler_user_id), assists: helpers, deadline: p.deadline },
      });
    }
    for (const r of replies.filter((x) => x.proposal_id === p.id)) {
      events.push({ kind: 'replied', at: r.created_at, user_id: r.user_id, actor_name: r.author_name, data: { round: r.round, replyClass: r.class } });
      events.push({ kind: 'rated', at: r.rated_at, ...proposer, data: { round: r.round, rating: r.rating } });
      if (r.rating === 'unsatisfied' && r.round <= p.reopened) events.push({ kind: 'reopened', at: r.rated_at, user_id: null, actor_name: null, data: {} });
    }
    const rows = events
      .filter((e) => e.at)
      .map((e) => ({ id: newId(), org_id: p.org_id, proposal_id: p.id, kind: e.kind, at: e.at, user_id: e.user_id, actor_name: e.actor_name, data: JSON.stringify(e.data) }));
    await db.insertInto('proposal_events').values(rows).execute();
  }
}
