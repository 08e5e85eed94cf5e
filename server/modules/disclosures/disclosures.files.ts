import type { SessionUser } from '../../../common/auth';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { FileOwnerPolicy } from '../files/files.service';
import type { OrgsService } from '../orgs/orgs.service';
import { readerActions } from './disclosures.readers';
import type { DisclosureRow } from './disclosures.repo';

/**
 * 校务公开 资料 (attachments): whoever may read the item reads its files (the committee and the 监督小组
 * any item of the school; staff a live item addressed to them). The committee adds and removes them
 * while the item is a draft (returned ones included): what the 监督小组 approved is what goes up.
 * A public item's files are also served without sign-in while it is live (readers.publicFile).
 */
export function disclosureFiles(db: Db, orgs: OrgsService): FileOwnerPolicy {
  const readers = readerActions(db, orgs);
  const reachable = async (user: SessionUser, id: string): Promise<DisclosureRow | null> => {
    try {
      return await readers.reach(user, id);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    }
  };
  return {
    canRead: async (user, id) => !!(await reachable(user, id)),
    async canWrite(user, id) {
      const row = await reachable(user, id);
      return !!row && user.permissions.includes('disclosures.write') && row.state === 'draft';
    },
  };
}
