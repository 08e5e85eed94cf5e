import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

// Indexes for the second round of benchmarks (docs/performance.md): each serves one lookup of a hot path.
export async function m0014_indexes(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  // A delegate's proposal list is a UNION of indexed lookups; the proposer's account was the one without.
  await db.schema.createIndex('proposals_org_proposer_user').on('proposals').columns(['org_id', 'proposer_user_id']).execute();
  // A hardship file lists its payments with what each paid: an application or a 送温暖 campaign.
  await db.schema.createIndex('hardship_applications_payment').on('hardship_applications').columns(['org_id', 'payment_id']).execute();
  await db.schema.createIndex('hardship_campaign_items_payment').on('hardship_campaign_items').columns(['org_id', 'payment_id']).execute();
}
