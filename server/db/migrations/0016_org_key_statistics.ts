import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database';

// Every query names the school and a parent (`org_id = ? and session_id = ?`). PostgreSQL takes the two as
// independent and divides the parent's rows by the number of schools: a live session's 500 check-ins are
// planned as one row, and the prepared (generic) plan of the quorum probes the delegates once per check-in,
// 4× slower than a merge at city scale and growing with the province. A parent belongs to one school:
// functional-dependency statistics tell the planner so, for the rolls read whole per parent.
const ROLLS = [
  ['congress_attendance', 'session_id'],
  ['congress_delegates', 'term_id'],
  ['meeting_attendees', 'meeting_id'],
  ['disclosure_reads', 'disclosure_id'],
] as const;

export async function m0016_org_key_statistics(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return; // SQLite keeps no statistics across columns; it plans these by their indexes
  for (const [table, key] of ROLLS) {
    await sql`create statistics ${sql.id(`${table}_org_${key}`)} (dependencies) on org_id, ${sql.id(key)} from ${sql.id(table)}`.execute(db);
  }
  // Made at once, not at autovacuum's next analyze of each table.
  await sql`analyze ${sql.join(ROLLS.map(([table]) => sql.id(table)))}`.execute(db);
}
