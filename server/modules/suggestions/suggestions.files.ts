import type { Db } from '../../db/database';
import type { FileOwnerPolicy } from '../files/files.service';
import { lookup } from './suggestions.view';

/**
 * 意见附件: the addressee's handlers and a named writer read them; the named writer adds and removes
 * them while the suggestion waits (待处理). Anonymous suggestions take none: a file row keeps its upload
 * time and its place in the files table, which would say when its writer wrote (docs/privacy.md).
 */
export function suggestionFiles(db: Db): FileOwnerPolicy {
  return {
    canRead: async (user, id) => !!(await lookup(db, user, id)),
    async canWrite(user, id) {
      const l = await lookup(db, user, id);
      return !!l && l.is.writer && l.row.status === 'pending';
    },
  };
}
