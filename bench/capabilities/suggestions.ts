import { createHash } from 'node:crypto';
import { SUGGESTION_CATEGORIES, type SuggestionCategory } from '../../common/suggestions';
import type { Db } from '../../server/db/database';
import type { Capability } from '../capability';
import { eachSchool, type GenContext, type MemberFact, type SchoolFact } from '../dataset/context';
import { addDays, DATASET_END, dayOfYear, daysBetween, stamp } from '../dataset/dates';
import { notify } from '../dataset/notify';
import type { CongressManifest } from './congress';
import { staffOf } from './ground';

// 意见箱: a school of 150 receives 20–50 letters a year (scaled by its size), a third of them
// anonymous, addressed to 校长, 工会 or a department. Nine in ten are answered within ten days (a
// quarter of those written back to and answered again), most then closed; some go on the 回音壁; the
// last fortnight's are still waiting. Anonymous rows keep what the app keeps: no writer, a date only,
// a random key and the receipt's hash, their notices sent by the nightly job.

const TITLES: Record<SuggestionCategory, string[]> = {
  teaching: ['期中考试监考安排过于集中', '希望减少非教学类表格填报', '教研活动时间安排建议'],
  management: ['年级教师办公室过于拥挤', '建议会议通知至少提前一天发布', '希望学校发展规划向教职工通报'],
  welfare: ['建议工会组织一次教职工体检', '教师节慰问品建议改为体检套餐', '建议在教职工之家设一间母婴室'],
  logistics: ['食堂晚餐在晚自习结束前就关门', '开水房周末不开放', '教室空调报修后迟迟未修'],
  campus: ['放学时校门口交通拥堵，有安全隐患', '校园夜间照明不足'],
  union: ['退休教师希望参加学校重阳节活动', '希望工会多组织文体活动'],
  other: ['教职工停车位不足', '图书馆开放时间建议延长'],
};
const REPLY = '已收悉，经研究已安排相关部门落实，具体情况如下：本学期内完成整改，届时在校务公开栏公布。';

export interface SuggestionsManifest {
  typical: { chair: string; suggestionId: string };
}

/** Who reads a mailbox (suggestions.view.ts addresseesOf) and who of them answers it. */
function mailbox(school: SchoolFact, to: string, rng: GenContext['rng']): { readers: MemberFact[]; answerer: MemberFact } {
  const o = school.officers;
  if (to === 'principal') return { readers: [o.principal], answerer: o.principal };
  if (to === 'union') return { readers: [o.chair, ...o.committee], answerer: rng.chance(0.6) ? o.chair : o.committee[0] };
  const handler = school.members.find((m) => m.userId === school.handlers.find((h) => h.departmentId === to)!.userId)!;
  return { readers: [handler], answerer: handler };
}

async function letter(g: GenContext, school: SchoolFact, year: number): Promise<{ id: string; to: string; replies: number }> {
  const { rng } = g;
  const org_id = school.id;
  const anonymous = rng.chance(1 / 3);
  const writer = school.members[rng.int(3, school.members.length - 1)];
  const r = rng.next();
  const to = r < 0.3 ? 'principal' : r < 0.65 ? 'union' : rng.pick(school.handlers).departmentId;
  const { readers, answerer } = mailbox(school, to, rng);
  const category = rng.pick(SUGGESTION_CATEGORIES);
  const title = rng.pick(TITLES[category]);
  const received = dayOfYear(rng, year);
  const id = g.token(16);
  const link = `/suggestions/${id}`;
  const consent = !anonymous && rng.chance(0.4);

  // The thread: a reply within ten days, a quarter written back to and answered again — all before the dataset ends.
  const thread: { by: 'handler' | 'writer'; on: string }[] = [];
  const s = rng.next();
  const first = addDays(received, rng.int(1, 10));
  if (s >= 0.1 && first < DATASET_END) {
    thread.push({ by: 'handler', on: first });
    if (rng.chance(0.25) && addDays(first, 3) < DATASET_END) thread.push({ by: 'writer', on: addDays(first, 2) }, { by: 'handler', on: addDays(first, 3) });
  }
  const answered = thread.length > 0;
  const lastOn = thread.length ? thread[thread.length - 1].on : received;
  const closed = answered && rng.chance(0.6) && addDays(lastOn, 2) < DATASET_END;
  const wall = answered && (anonymous || consent) && rng.chance(0.2) && addDays(first, 3) < DATASET_END;
  const status = closed ? 'closed' : answered ? 'answered' : s < 0.05 || daysBetween(received, DATASET_END) <= 15 ? 'pending' : 'in_progress';
  await g.insert('suggestions', [{
    id, org_id, addressee: to === 'principal' || to === 'union' ? to : 'department', department_id: to === 'principal' || to === 'union' ? null : to, category, title,
    content: `${title}。这个问题影响了不少老师的日常工作，希望学校尽快研究解决。`, anonymous: anonymous ? 1 : 0, writer_user_id: anonymous ? null : writer.userId,
    receipt_hash: anonymous ? createHash('sha256').update(g.token()).digest('hex') : null, received_on: received, status,
    answered_on: answered ? first : null, closed_on: closed ? addDays(lastOn, 2) : null, wall_consent: anonymous ? null : consent ? 1 : 0,
    wall_question: wall ? title : null, wall_answer: wall ? REPLY : null, wall_on: wall ? addDays(first, 3) : null, proposal_id: null, notice_kind: null, notice_on: null,
  }]);
  await g.insert('suggestion_messages', thread.map((m, k) => ({
    suggestion_id: id, id: g.token(12), org_id, seq: k + 1, author_kind: m.by, body: m.by === 'handler' ? REPLY : '谢谢答复，希望尽快落实。',
    user_id: m.by === 'handler' ? answerer.userId : null, author_name: m.by === 'handler' ? answerer.name : null, created_on: m.on,
    // A named writer's message keeps its time; an anonymous writer's only its date.
    created_at: m.by === 'handler' ? stamp(m.on, 0, '02:30:00') : anonymous ? null : stamp(m.on, 0, '12:00:00'),
  })));

  // Notices as the service sends them; an anonymous writer's news waits for the nightly job (00:30 next day).
  const readerIds = readers.map((m) => m.userId).filter((u) => u !== writer.userId || anonymous);
  const night = (on: string) => stamp(on, 0, '16:30:00');
  await notify(g, org_id, readerIds, anonymous ? { kind: 'suggestion.new', title: '意见箱有新的匿名来信', body: `《${title}》（${received}）`, link } : { kind: 'suggestion.new', title: '意见箱有新来信', body: `${writer.name}：《${title}》`, link }, anonymous ? night(received) : stamp(received));
  for (const m of thread) {
    if (m.by === 'handler' && !anonymous) await notify(g, org_id, [writer.userId], { kind: 'suggestion.replied', title: '您的意见有了答复', link }, stamp(m.on, 0, '02:30:00'));
    if (m.by === 'writer') await notify(g, org_id, readerIds, { kind: 'suggestion.message', title: anonymous ? '匿名来信人有新留言' : '意见来信人有新留言', link }, anonymous ? night(m.on) : stamp(m.on, 0, '12:00:00'));
  }
  return { id, to, replies: thread.filter((m) => m.by === 'handler').length };
}

export const suggestions: Capability = {
  name: 'suggestions',

  async generate(g) {
    // The detail path reads a letter to the union with its replies.
    const { typical: t, made: detail } = await eachSchool(g, async (school) => {
      let answered = '';
      for (const year of g.world.years) {
        const count = Math.max(4, Math.round((school.members.length * g.rng.int(15, 35)) / 100));
        for (let n = 0; n < count; n++) {
          const l = await letter(g, school, year);
          if (l.to === 'union' && l.replies > 0) answered = l.id;
        }
      }
      return answered;
    });
    const manifest: SuggestionsManifest = { typical: { chair: t.officers.chair.username, suggestionId: detail } };
    g.manifest.suggestions = manifest;
  },

  paths(m) {
    const t = (m.suggestions as SuggestionsManifest).typical;
    const staff = staffOf(m);
    const hall = (m.congress as CongressManifest).hall;
    // The server allows 5 anonymous letters per account and day, counted in its memory (a reset cannot
    // clear it): the typical school's staff and the 会场 school's delegates take turns, and a run stops
    // at one per account, so the warm-up and three rounds one server answers stay within the limit.
    const writers = [...staff.usernames, ...hall.delegates.map((d) => d.username)];
    return [
      { name: 'suggestions: inbox (union)', kind: 'read', main: true, accounts: [t.chair], request: () => ({ method: 'GET', url: '/api/suggestions?page=1&pageSize=20', as: 0 }) },
      { name: 'suggestions: letter with replies', kind: 'read', accounts: [t.chair], request: () => ({ method: 'GET', url: `/api/suggestions/${t.suggestionId}`, as: 0 }) },
      {
        name: 'suggestions: write anonymously',
        kind: 'write',
        accounts: writers,
        limit: writers.length,
        request: (i) => ({
          method: 'POST',
          url: '/api/suggestions',
          body: { to: 'union', title: '建议延长食堂晚餐供应时间', content: '晚自习值班的老师吃不上晚饭，建议延长到 19:30。', anonymous: true, category: 'logistics' },
          as: i % writers.length,
        }),
        reset: async (db: Db) => void (await db.deleteFrom('suggestions').where('org_id', 'in', [staff.orgId, hall.orgId]).where('received_on', '>=', DATASET_END).execute()),
      },
    ];
  },
};
