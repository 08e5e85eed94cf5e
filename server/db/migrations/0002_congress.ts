import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';

// 教代会: terms, delegations, delegates, sessions (agenda, guests, attendance), votes and ballots.
export async function m0002_congress(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = (t: ReturnType<Kysely<any>['schema']['createTable']>) =>
    t.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull());

  await ts(
    db.schema
      .createTable('congress_terms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('congress_terms_org').on('congress_terms').columns(['org_id', 'start_date']).execute();

  await db.schema
    .createTable('congress_delegations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('term_id', 'text', (c) => c.notNull().references('congress_terms.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('head_member_id', 'text', (c) => c.references('members.id'))
    .addUniqueConstraint('congress_delegations_term_name', ['term_id', 'name'])
    .execute();

  await db.schema
    .createTable('congress_delegates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('term_id', 'text', (c) => c.notNull().references('congress_terms.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('delegation_id', 'text', (c) => c.references('congress_delegations.id'))
    .addColumn('is_leader', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('congress_delegates_term_member', ['term_id', 'member_id'])
    .execute();
  await db.schema.createIndex('congress_delegates_org_term').on('congress_delegates').columns(['org_id', 'term_id']).execute();

  await ts(
    db.schema
      .createTable('congress_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('term_id', 'text', (c) => c.notNull().references('congress_terms.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('checkin_code', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('congress_sessions_org_date').on('congress_sessions').columns(['org_id', 'date']).execute();

  await db.schema
    .createTable('congress_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('congress_sessions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('congress_agenda_session').on('congress_agenda_items').columns(['session_id', 'position']).execute();

  await db.schema
    .createTable('congress_guests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('congress_sessions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('congress_guests_session').on('congress_guests').column('session_id').execute();

  // One row per delegate who has a status for the session; no row means not (yet) present.
  await db.schema
    .createTable('congress_attendance')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('congress_sessions.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('congress_attendance_pk', ['session_id', 'member_id'])
    .execute();

  await ts(
    db.schema
      .createTable('congress_votes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull().references('congress_sessions.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('secret', 'integer', (c) => c.notNull())
      .addColumn('seats', 'integer')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('base', 'integer')
      .addColumn('base_kind', 'text')
      .addColumn('opened_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('result', 'text'),
  ).execute();
  await db.schema.createIndex('congress_votes_session').on('congress_votes').columns(['session_id', 'created_at']).execute();

  await db.schema
    .createTable('congress_vote_candidates')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('congress_votes.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('congress_vote_candidates_pk', ['vote_id', 'member_id'])
    .execute();

  // Who may vote (delegates present when the vote opened) and whether they have: kept apart from ballots.
  await db.schema
    .createTable('congress_voters')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('congress_votes.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('voted', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('congress_voters_pk', ['vote_id', 'member_id'])
    .execute();

  // Ballots: a random key and the choice. For a secret vote nothing else — no voter, no time, and on
  // SQLite no rowid, so neither a column nor the storage order can tie a ballot to a person.
  let ballots = db.schema
    .createTable('congress_ballots')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('congress_votes.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('voter_member_id', 'text')
    .addPrimaryKeyConstraint('congress_ballots_pk', ['vote_id', 'id']);
  if (dialect === 'sqlite') ballots = ballots.modifyEnd(sql`without rowid`);
  await ballots.execute();

  await db.schema
    .createTable('congress_session_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('term_id', 'text', (c) => c.notNull().references('congress_terms.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text')
    .execute();
  await db.schema
    .createTable('congress_session_request_signers')
    .addColumn('request_id', 'text', (c) => c.notNull().references('congress_session_requests.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('congress_request_signers_pk', ['request_id', 'member_id'])
    .execute();
}
