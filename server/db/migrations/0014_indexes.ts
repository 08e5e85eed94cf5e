import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

// Indexes for the second round of benchmarks (docs/performance.md): each serves one lookup of a hot path.
export async function m0014_indexes(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  // A delegate's proposal list is a UNION of indexed lookups; the proposer's account was the one without.
  await db.schema.createIndex('proposals_org_proposer_user').on('proposals').columns(['org_id', 'proposer_user_id']).execute();
}
