import type { SessionUser } from '../../../common/auth';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { FileOwnerPolicy } from '../files/files.service';
import { load, type Loaded } from './proposals.view';

/**
 * 提案附件: whoever may see the proposal reads them (the rule of `assertVisible`, which is `load`);
 * only its proposer — for a 代表团 proposal the head who drafted it — changes them, and only while it
 * is a draft: once submitted, what the committee decided on stays as it was, for everyone.
 */
export function proposalFiles(db: Db): FileOwnerPolicy {
  const visible = async (user: SessionUser, id: string): Promise<Loaded | null> => {
    try {
      return await load(db, user, id);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    }
  };
  return {
    canRead: async (user, id) => !!(await visible(user, id)),
    async canWrite(user, id) {
      const l = await visible(user, id);
      return !!l && l.is.proposer && l.row.state === 'draft';
    },
  };
}
