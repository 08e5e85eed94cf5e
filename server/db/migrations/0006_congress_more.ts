import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

// Reserved for the congress edits of session 2, which needed no schema change; kept so the numbering of
// migrations already run on existing databases stays the same.
export async function m0006_congress_more(_db: Kysely<any>, _dialect: Dialect): Promise<void> {}
