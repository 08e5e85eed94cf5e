import { sql } from 'kysely';
import { migrate } from '../../server/db/migrate';
import { hashPassword } from '../../server/lib/passwords';
import { BENCH_PASSWORD } from '../capability';
import { openRaw } from '../load/driver';
import { CAPABILITIES } from '../registry';
import { createContext } from './context';
import { readMeta, recreate, writeMeta, type Meta, type Target } from './target';

const SEED = 20250901;
/** Bump when a generator changes what it writes: cached datasets with another fingerprint are rebuilt. */
const VERSION = 2;
const fingerprint = () => `v${VERSION}:${CAPABILITIES.map((c) => c.name).join('+')}`;

/** The tables whose row counts a build reports (and docs/performance.md quotes). */
const ROW_COUNTS = [
  'orgs', 'members', 'member_search_keys', 'users', 'congress_delegates', 'congress_sessions', 'congress_votes', 'congress_voters', 'congress_ballots',
  'proposals', 'proposal_replies', 'proposal_events', 'notifications', 'disclosures', 'disclosure_events', 'disclosure_reads', 'disclosure_questions',
  'suggestions', 'suggestion_messages', 'care_batches', 'care_records', 'fund_entries', 'cases', 'case_events',
  'hardship_files', 'hardship_applications', 'hardship_payments', 'hardship_events', 'meetings', 'meeting_attendees', 'meeting_opinions',
] as const;

/** Builds the dataset from scratch on the real schema (the real migrations), capability by capability. */
export async function buildDataset(t: Target, log: (s: string) => void = () => {}): Promise<Meta> {
  const started = performance.now();
  await recreate(t);
  // The driver opens the database as the server does; its bulk insert writes the generators' rows.
  const raw = await openRaw(t.url, { bulkLoad: true });
  const database = raw.kysely(() => {});
  const steps: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    steps[name] = Math.round(performance.now() - t0) / 1000;
    log(`  ${name}: ${steps[name].toFixed(1)} s`);
  };
  try {
    await step('migrations', () => migrate(database));
    // A throw-away build: no fsync per statement, and a page cache (1 GiB at most) that holds the
    // indexes the bulk inserts land in at random places. The server reopens the file with its own settings.
    if (database.dialect === 'sqlite') {
      await sql`pragma synchronous = off`.execute(database.db);
      await sql`pragma cache_size = -1048576`.execute(database.db);
    }
    let passwordHash = '';
    await step('argon2 hash (once)', async () => (passwordHash = await hashPassword(BENCH_PASSWORD)));
    const g = createContext(database, raw.insert, t.scale, passwordHash, SEED);
    for (const c of CAPABILITIES) {
      if (c.generate) await step(c.name, async () => (await c.generate!(g), await g.flush()));
    }
    // PostgreSQL's autovacuum would analyze the fresh tables within a minute and vacuum them soon after; do
    // both now so the first run sees the plans production sees, and counts a school's rows from an index
    // alone as production does (a table never vacuumed has no visibility map: each row is read from the
    // table, among every other school's). SQLite gets no ANALYZE: the app never runs one either.
    await step(database.dialect === 'postgres' ? 'vacuum and analyze' : 'checkpoint', () =>
      database.dialect === 'postgres' ? sql`vacuum (analyze)`.execute(database.db) : sql`pragma wal_checkpoint(truncate)`.execute(database.db),
    );
    const rows: Record<string, number> = {};
    for (const table of ROW_COUNTS) {
      rows[table] = Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    }
    const meta: Meta = {
      fingerprint: fingerprint(),
      scale: t.scale.name,
      dialect: t.dialect,
      builtAt: new Date().toISOString(),
      seconds: Math.round(performance.now() - started) / 1000,
      steps,
      rows,
      manifest: g.manifest,
    };
    writeMeta(t, meta);
    return meta;
  } finally {
    await raw.close();
  }
}

/** The dataset's description, building it first if it is missing or was made by other generators. */
export async function ensureDataset(t: Target, log: (s: string) => void = () => {}): Promise<Meta> {
  const meta = readMeta(t);
  if (meta?.fingerprint === fingerprint()) return meta;
  log(`building the ${t.scale.name} dataset on ${t.dialect} …`);
  return buildDataset(t, log);
}
