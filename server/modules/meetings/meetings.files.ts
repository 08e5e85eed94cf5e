import type { Db } from '../../db/database';
import type { FileOwnerPolicy } from '../files/files.service';
import { lookup, manages } from './meetings.view';

/** 会议附件: whoever may read the meeting reads them (its attendees too); meetings.manage adds and removes them. */
export function meetingFiles(db: Db): FileOwnerPolicy {
  return {
    canRead: async (user, id) => !!(await lookup(db, user, id)),
    canWrite: async (user, id) => manages(user) && !!(await lookup(db, user, id)),
  };
}
