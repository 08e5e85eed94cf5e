import type { Db } from '../../db/database';
import type { FileOwnerPolicy } from '../files/files.service';
import { congressRepo } from './congress.repo';

/** 会议材料: everyone who reads the congress reads a session's documents; the clerks manage them. */
export function congressSessionFiles(db: Db): FileOwnerPolicy {
  const exists = async (orgId: string, id: string) => !!(await congressRepo.findSession(db, orgId, id));
  return {
    canRead: async (user, id) => user.permissions.includes('congress.read') && exists(user.org.id, id),
    canWrite: async (user, id) => user.permissions.includes('congress.manage') && exists(user.org.id, id),
  };
}
