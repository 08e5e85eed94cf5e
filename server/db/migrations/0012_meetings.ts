import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';

// 会议与座谈会: per-school meeting types, meetings with their attendees (members or guests) and the
// opinions raised, each of which may have become a suggestion, a proposal draft or a case.
export async function m0012_meetings(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('meeting_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One name per school: also makes seeding the defaults safe when two first requests race.
  await db.schema.createIndex('meeting_types_org_name').unique().on('meeting_types').columns(['org_id', 'name']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('type_id', 'text', (c) => c.notNull().references('meeting_types.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('place', 'text')
    .addColumn('host_member_id', 'text', (c) => c.references('members.id'))
    // JSON arrays of strings.
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    // Sanitized HTML.
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_org_date').on('meetings').columns(['org_id', 'date']).execute();
  await db.schema.createIndex('meetings_org_type').on('meetings').columns(['org_id', 'type_id']).execute();

  await db.schema
    .createTable('meeting_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // A member, or a guest by name and unit.
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('guest_name', 'text')
    .addColumn('guest_unit', 'text')
    .execute();
  await db.schema.createIndex('meeting_attendees_org_meeting').on('meeting_attendees').columns(['org_id', 'meeting_id']).execute();
  // "The meetings I attended" for a member's account.
  await db.schema
    .createIndex('meeting_attendees_org_member')
    .on('meeting_attendees')
    .columns(['org_id', 'member_id', 'meeting_id'])
    .where(sql.ref('member_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('meeting_opinions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('guest_name', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    // What it became ('suggestion' | 'proposal' | 'case') and its id; null until converted.
    .addColumn('target_kind', 'text')
    .addColumn('target_id', 'text')
    .addColumn('converted_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_opinions_org_meeting').on('meeting_opinions').columns(['org_id', 'meeting_id']).execute();
  // The way back: a suggestion's or proposal's page finds the opinion it came from; one opinion per target.
  await db.schema
    .createIndex('meeting_opinions_target')
    .unique()
    .on('meeting_opinions')
    .columns(['org_id', 'target_kind', 'target_id'])
    .where(sql.ref('target_id'), 'is not', null)
    .execute();
}
