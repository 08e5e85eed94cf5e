import type { Db } from '../../db/database';
import type { FileOwnerPolicy } from '../files/files.service';
import { lookup } from './cases.view';

/**
 * 诉求附件: whoever may see the case reads them. The member and the union's case handlers add and remove
 * them until the case is closed; the department handler while the case waits for their response.
 */
export function caseFiles(db: Db): FileOwnerPolicy {
  return {
    canRead: async (user, id) => !!(await lookup(db, user, id)),
    async canWrite(user, id) {
      const l = await lookup(db, user, id);
      if (!l || l.row.state === 'closed') return false;
      return l.is.member || l.is.manager || (l.is.handler && l.row.state === 'forwarded');
    },
  };
}
