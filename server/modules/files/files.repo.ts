import type { Db } from '../../db/database';
import type { FilesTable } from '../../db/tables';

/** Everything but the bytes: lists and checks never read `content`, so a long list stays cheap. */
const META = ['f.id', 'f.org_id', 'f.owner_kind', 'f.owner_id', 'f.label', 'f.name', 'f.mime', 'f.size', 'f.sha256', 'f.uploaded_by', 'f.created_at'] as const;

export type FileMeta = Omit<FilesTable, 'content'>;

const ofOwners = (db: Db, orgId: string, ownerKind: string, ownerIds: string[]) =>
  db.selectFrom('files as f').where('f.org_id', '=', orgId).where('f.owner_kind', '=', ownerKind).where('f.owner_id', 'in', ownerIds).orderBy('f.created_at').orderBy('f.id');

export const filesRepo = {
  insert: (db: Db, row: FilesTable) => db.insertInto('files').values(row).execute(),

  list: (db: Db, orgId: string, ownerKind: string, ownerId: string) =>
    ofOwners(db, orgId, ownerKind, [ownerId])
      .leftJoin('users as u', 'u.id', 'f.uploaded_by')
      .leftJoin('members as m', 'm.id', 'u.member_id')
      .select([...META, (eb) => eb.fn.coalesce('m.name', 'u.username').as('uploader_name')])
      .execute(),

  /** Name and size of the files of several owners at once (a page of them), in upload order. */
  listOfMany: (db: Db, orgId: string, ownerKind: string, ownerIds: string[]) =>
    ownerIds.length === 0 ? Promise.resolve([]) : ofOwners(db, orgId, ownerKind, ownerIds).select(['f.id', 'f.owner_id', 'f.name', 'f.size']).execute(),

  count: async (db: Db, orgId: string, ownerKind: string, ownerId: string) =>
    Number(
      (
        await db
          .selectFrom('files')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', orgId)
          .where('owner_kind', '=', ownerKind)
          .where('owner_id', '=', ownerId)
          .executeTakeFirstOrThrow()
      ).n,
    ),

  find: (db: Db, orgId: string, id: string): Promise<FileMeta | undefined> =>
    db.selectFrom('files as f').select(META).where('f.org_id', '=', orgId).where('f.id', '=', id).executeTakeFirst(),

  content: async (db: Db, orgId: string, id: string) =>
    (await db.selectFrom('files').select('content').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst())?.content,

  remove: (db: Db, orgId: string, id: string) => db.deleteFrom('files').where('org_id', '=', orgId).where('id', '=', id).execute(),

  /** Drops every file of an owner that is being deleted (in the owner's transaction); returns their names for the audit row. */
  async removeOwned(db: Db, orgId: string, ownerKind: string, ownerId: string): Promise<string[]> {
    const gone = await db
      .deleteFrom('files')
      .where('org_id', '=', orgId)
      .where('owner_kind', '=', ownerKind)
      .where('owner_id', '=', ownerId)
      .returning('name')
      .execute();
    return gone.map((f) => f.name);
  },
};
