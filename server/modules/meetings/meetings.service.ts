import type { SessionUser } from '../../../common/auth';
import type { Meeting, MeetingInput, MeetingListItem, MeetingListQuery, OpinionInput, OpinionToCase, OpinionToProposal, OpinionToSuggestion } from '../../../common/meetings';
import type { Db } from '../../db/database';
import type { OrgsService } from '../orgs/orgs.service';
import { schoolYearOf } from '../proposals/proposals.stats';
import { convertActions } from './meetings.convert';
import { minutesDocx } from './meetings.docx';
import { meetingsRepo } from './meetings.repo';
import { meetingStats } from './meetings.stats';
import { typeActions } from './meetings.types';
import { recordActions } from './meetings.record';
import { load, manages, readsAll, toListItem, toMeeting } from './meetings.view';

// 会议与座谈会: types (meetings.types.ts), recording (meetings.record.ts), opinions passed on
// (meetings.convert.ts), who sees what (meetings.view.ts), the minutes as Word, figures per 学年.

export function createMeetingsService(db: Db, orgs: OrgsService) {
  const types = typeActions(db);
  const record = recordActions(db);
  const convert = convertActions(db, orgs, record.convertible);

  const get = async (user: SessionUser, id: string): Promise<Meeting> => toMeeting(db, user, await load(db, user, id));
  const after = async (user: SessionUser, id: string, action: Promise<unknown>) => {
    await action;
    return get(user, id);
  };

  return {
    types: (user: SessionUser) => types.list(user.org.id),
    addType: (user: SessionUser, name: string) => types.add(user, name),
    updateType: (user: SessionUser, id: string, patch: { name?: string; retired?: boolean }) => types.update(user, id, patch),
    removeType: (user: SessionUser, id: string) => types.remove(user, id),

    /** A page of a school year's meetings: all of them for meetings.read, else (or when `mine`) the ones the caller attended. */
    async list(user: SessionUser, q: MeetingListQuery, mine = false): Promise<{ items: MeetingListItem[]; total: number; schoolYear: number }> {
      const schoolYear = q.schoolYear ?? schoolYearOf(await orgs.today(user.org.id));
      const period = { ...q, from: `${schoolYear}-09-01`, to: `${schoolYear + 1}-09-01` };
      const all = (readsAll(user) || manages(user)) && !mine;
      if (!all && !user.memberId) return { items: [], total: 0, schoolYear };
      const { rows, total } = await meetingsRepo.list(db, user.org.id, period, all ? undefined : user.memberId!);
      return { items: rows.map((r) => toListItem(r, r)), total, schoolYear };
    },
    get,
    /** 404 unless the caller may read the meeting: checked before a body is read. */
    assertVisible: async (user: SessionUser, id: string) => void (await load(db, user, id)),

    create: async (user: SessionUser, input: MeetingInput) => get(user, await record.create(user, input)),
    update: (user: SessionUser, id: string, input: MeetingInput) => after(user, id, record.update(user, id, input)),
    remove: (user: SessionUser, id: string) => record.remove(user, id),
    addOpinion: (user: SessionUser, id: string, input: OpinionInput) => after(user, id, record.addOpinion(user, id, input)),
    updateOpinion: (user: SessionUser, id: string, opinionId: string, input: OpinionInput) => after(user, id, record.updateOpinion(user, id, opinionId, input)),
    removeOpinion: (user: SessionUser, id: string, opinionId: string) => after(user, id, record.removeOpinion(user, id, opinionId)),
    toSuggestion: async (user: SessionUser, id: string, opinionId: string, input: OpinionToSuggestion) => after(user, id, convert.toSuggestion(user, await load(db, user, id), opinionId, input)),
    toCase: async (user: SessionUser, id: string, opinionId: string, input: OpinionToCase) => after(user, id, convert.toCase(user, await load(db, user, id), opinionId, input)),
    toProposal: async (user: SessionUser, id: string, opinionId: string, input: OpinionToProposal) => after(user, id, convert.toProposal(user, await load(db, user, id), opinionId, input)),

    async minutes(user: SessionUser, id: string) {
      const [m, org] = await Promise.all([get(user, id), orgs.get(user.org.id)]);
      return minutesDocx(org.name, m);
    },
    stats: (user: SessionUser, schoolYear?: number) => meetingStats(db, orgs, user.org.id, schoolYear),
  };
}
export type MeetingsService = ReturnType<typeof createMeetingsService>;

