import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database, Dialect } from './database';
import { m0001_init } from './migrations/0001_init';
import { m0002_congress } from './migrations/0002_congress';
import { m0003_proposals } from './migrations/0003_proposals';
import { m0004_files } from './migrations/0004_files';
import { m0005_proposals_more } from './migrations/0005_proposals_more';
import { m0006_congress_more } from './migrations/0006_congress_more';
import { m0007_suggestions } from './migrations/0007_suggestions';
import { m0008_disclosures } from './migrations/0008_disclosures';
import { m0009_care } from './migrations/0009_care';
import { m0010_cases } from './migrations/0010_cases';
import { m0011_hardship } from './migrations/0011_hardship';
import { m0012_meetings } from './migrations/0012_meetings';
import { m0013_indexes } from './migrations/0013_indexes';
import { m0014_indexes } from './migrations/0014_indexes';
import { m0015_care_list_index } from './migrations/0015_care_list_index';
import { m0016_org_key_statistics } from './migrations/0016_org_key_statistics';

/** A migration receives the dialect and branches only where SQLite and PostgreSQL really differ. */
export type DialectMigration = (db: Kysely<any>, dialect: Dialect) => Promise<void>;

// Append only; never edit a migration that has been merged.
const MIGRATIONS: Record<string, DialectMigration> = {
  '0001_init': m0001_init,
  '0002_congress': m0002_congress,
  '0003_proposals': m0003_proposals,
  '0004_files': m0004_files,
  '0005_proposals_more': m0005_proposals_more,
  '0006_congress_more': m0006_congress_more,
  '0007_suggestions': m0007_suggestions,
  '0008_disclosures': m0008_disclosures,
  '0009_care': m0009_care,
  '0010_cases': m0010_cases,
  '0011_hardship': m0011_hardship,
  '0012_meetings': m0012_meetings,
  '0013_indexes': m0013_indexes,
  '0014_indexes': m0014_indexes,
  '0015_care_list_index': m0015_care_list_index,
  '0016_org_key_statistics': m0016_org_key_statistics,
};

export async function migrate(database: Database): Promise<void> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, up] of Object.entries(MIGRATIONS)) out[name] = { up: (db) => up(db, database.dialect) };
      return out;
    },
  };
  const { error, results } = await new Migrator({
    db: database.db,
    provider,
    // Kysely looks for its bookkeeping tables in every schema; name ours so another schema's copy never counts.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`数据库迁移失败 / migration failed: ${failed?.migrationName ?? ''} ${String(error)}`);
  // The tables are final now: queries may stay prepared.
  database.reuseStatements?.();
}
