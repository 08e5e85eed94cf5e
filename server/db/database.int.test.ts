import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { randomToken } from '../lib/ids';
import { openDatabase, type Database } from './database';
import { migrate } from './migrate';

const url = process.env.TEST_DATABASE_URL;

/** A database on one connection in a schema of its own, dropped after `use`. */
async function withSchema(use: (database: Database, schema: string) => Promise<void>) {
  const schema = `t_${randomToken(8).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  const database = await openDatabase(url!, { schema, poolSize: 1 });
  try {
    await use(database, schema);
  } finally {
    await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await database.close();
  }
}

// One connection, so pg_prepared_statements (per session) shows what the app's queries left behind.
describe.skipIf(!url)('PostgreSQL: queries stay prepared once the tables are final', () => {
  it('runs migrations unprepared, then names each query text once per connection', () =>
    withSchema(async (database) => {
      const prepared = async () => (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(database.db)).rows.map((r) => r.statement);
      expect(await prepared()).toEqual([]);
      await migrate(database);
      // The migrator's own queries ran before naming began.
      expect((await prepared()).filter((s) => !s.includes('pg_prepared_statements'))).toEqual([]);
      for (let i = 0; i < 3; i++) await database.db.selectFrom('orgs').selectAll().where('id', '=', `x${i}`).execute();
      await database.db.schema.createTable('not_named').addColumn('id', 'text').execute();
      const named = (await prepared()).filter((s) => !s.includes('pg_prepared_statements'));
      expect(named).toEqual([expect.stringContaining('from "orgs"')]);
    }));
});

describe.skipIf(!url)('PostgreSQL: a roll read per parent is planned as one school’s', () => {
  it('keeps functional-dependency statistics of the school and the parent on each roll', () =>
    withSchema(async (database, schema) => {
      await migrate(database);
      const rows = await sql<{ table: string; columns: string; kinds: string[] }>`
        select c.relname as table, (select string_agg(a.attname, ',' order by a.attnum) from pg_attribute a where a.attrelid = s.stxrelid and a.attnum = any(s.stxkeys)) as columns, s.stxkind::text[] as kinds
        from pg_statistic_ext s join pg_class c on c.oid = s.stxrelid join pg_namespace n on n.oid = s.stxnamespace
        where n.nspname = ${schema} order by c.relname`.execute(database.db);
      expect(rows.rows).toEqual([
        { table: 'congress_attendance', columns: 'org_id,session_id', kinds: ['f'] },
        { table: 'congress_delegates', columns: 'org_id,term_id', kinds: ['f'] },
        { table: 'disclosure_reads', columns: 'org_id,disclosure_id', kinds: ['f'] },
        { table: 'meeting_attendees', columns: 'org_id,meeting_id', kinds: ['f'] },
      ]);
    }));
});
