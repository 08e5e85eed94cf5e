import { DEFAULT_DISCLOSURE_CATEGORIES, type DefaultCategoryCode, type DisclosureAudience } from '../../common/disclosures';
import type { Db } from '../../server/db/database';
import type { Capability } from '../capability';
import { eachSchool, type GenContext, type MemberFact, type SchoolFact } from '../dataset/context';
import { addDays, DATASET_END, stamp } from '../dataset/dates';
import { notify } from '../dataset/notify';
import { LAST_YEAR } from '../dataset/scales';
import { staffOf } from './ground';

// 校务公开 as the seed's school runs it (公布资料40份 … 已办到第六期): each school year five to seven
// 第N期 issues of five to eight items across DOMAIN.md's categories, every item drafted, submitted,
// approved by the 监督小组 (one in ten returned once) and published with its issue; half of the staff
// read each item (three in four delegates read theirs), a few ask questions the committee answers.
// Older items are mostly archived; those without an end date stay in the phone feed. The next year's
// 第1期 is being prepared: a returned draft, a submitted item and an approved one.

const TITLES: Record<DefaultCategoryCode, string[]> = {
  major_decisions: ['学校本学年工作计划', '学校章程（修订）', '学校三年发展规划'],
  fees: ['本学期收费项目及标准', '课后服务收费公示'],
  finance: ['上年度学校经费决算情况', '本学年预算执行情况', '工会经费收支情况'],
  construction: ['教学楼外墙维修工程招标结果', '操场改造工程招标公告'],
  procurement: ['食堂大宗食材采购结果', '教学设备采购结果'],
  admissions: ['新生招生结果', '招生工作方案'],
  appointments: ['教职工岗位设置方案', '职称评审推荐结果', '中层干部竞聘结果'],
  assessment: ['教职工年度考核结果', '班主任考核结果'],
  awards: ['优秀教师、优秀班主任评选结果', '先进工作者推荐名单'],
  promotion: ['教职工薪级晋升名单'],
  performance_pay: ['教职工绩效工资分配方案', '绩效工资发放情况'],
  rewards: ['教职工奖励情况'],
  welfare: ['春节慰问安排', '暑期教职工疗休养安排', '教职工体检安排'],
  teaching: ['教学常规检查情况通报', '课程设置方案'],
  practice: ['实训基地使用安排'],
  training: ['本学期教职工培训计划', '外出培训人员名单'],
  logistics: ['校服征订说明', '食堂价格调整公示'],
  party: ['党建工作要点'],
};
const CODES = Object.keys(TITLES) as DefaultCategoryCode[];
/** When a year's issues go up: from the start of term to before the summer (the demo's dates, one more). */
const ISSUE_DAYS = ['09-12', '10-20', '11-08', '01-10', '03-06', '05-16', '07-04'];
const QUESTIONS = ['班主任津贴是否单列？', '量化评分细则在哪里可以看到？', '行动不便的退休教师能否上门慰问？', '修订稿与原稿相比主要改了哪些条款？', '公示期内有异议向谁反映？'];
/** What the review steps tell (disclosures.flow.ts): the 监督小组 of a submission, the author of the outcome. */
const NOTICES: Record<string, { kind: string; title: string; body: string }> = {
  submit: { kind: 'disclosure.submitted', title: '校务公开待审核', body: '已提交，请监督小组审核' },
  return: { kind: 'disclosure.returned', title: '校务公开被退回', body: '被监督小组退回' },
  approve: { kind: 'disclosure.approved', title: '校务公开审核通过', body: '已由监督小组审核通过，可随期公开' },
};
const content = (title: string) =>
  `<h3>${title}</h3><p>根据学校有关规定，经校务会研究，现将${title}予以公开，请全体教职工监督。</p><p>如有意见，请于公示期内向校长办公室或工会书面反映。</p>`;

export interface DisclosuresManifest {
  /** `readers`: staff without an office who were never delegates, so every one of them is shown the same items. */
  typical: { committee: string; itemId: string; liveItemIds: string[]; readers: { username: string; userId: string; memberId: string }[] };
}

type Item = { id: string; audience: DisclosureAudience; title: string; date: string; live: boolean };

interface Ctx {
  g: GenContext;
  school: SchoolFact;
  categories: Map<DefaultCategoryCode, string>;
  /** The delegates of the term sitting in a school year: who a delegates' item is for. */
  delegatesOf: (year: number) => MemberFact[];
}

/** One item through review to publication (or as far as `state`), with its history and notices. */
async function addItem(c: Ctx, issue: { id: string; date: string; name: string }, state: 'published' | 'archived' | 'approved' | 'submitted' | 'draft'): Promise<Item> {
  const { g, school } = c;
  const { rng } = g;
  const { officers: o } = school;
  const org_id = school.id;
  const code = rng.pick(CODES);
  const title = rng.pick(TITLES[code]);
  const author = rng.chance(0.1) ? o.chair : rng.pick(o.committee);
  const r = rng.next();
  const audience: DisclosureAudience = r < 0.65 ? 'staff' : r < 0.85 ? 'delegates' : 'public';
  const until = rng.chance(0.2) ? null : addDays(issue.date, rng.pick([30, 45, 60, 90, 120]));
  const id = g.id();
  const start = -rng.int(6, 12);
  const returned = state === 'draft' || rng.chance(0.1);
  const steps: [string, MemberFact, string | null][] = [['create', author, null], ['submit', author, null]];
  if (returned) steps.push(['return', o.supervisor, '附件缺少明细表，请补充后再提交。'], ['update', author, null], ['submit', author, null]);
  const upTo = { draft: returned ? 3 : 1, submitted: steps.length, approved: steps.length + 1, published: steps.length + 2, archived: steps.length + 3 }[state];
  steps.push(['approve', o.supervisor, null], ['publish', o.chair, issue.name], ['archive', author, null]);
  // A step a day up to the issue's date, published with it, archived as the last year ends.
  const when = (action: string, k: number) => (action === 'publish' ? stamp(issue.date) : action === 'archive' ? stamp(`${LAST_YEAR + 1}-08-20`) : stamp(issue.date, start + k));
  const done = steps.slice(0, upTo).map(([action, who, comment], k) => ({ action, who, comment, at: when(action, k) }));
  const last = (action: string) => done.filter((e) => e.action === action).pop()?.at ?? null;
  await g.insert('disclosures', [{
    id, org_id, issue_id: issue.id, category_id: c.categories.get(code)!, title, content: content(title), audience, visible_from: issue.date, visible_to: until,
    state, returned: state === 'draft' ? 1 : 0, author_user_id: author.userId, author_name: author.name, submitted_at: last('submit'),
    reviewed_by: last('approve') || last('return') ? o.supervisor.userId : null, reviewed_at: last('approve') ?? last('return'),
    published_at: last('publish'), archived_at: last('archive'), created_at: done[0].at, updated_at: done[done.length - 1].at,
  }]);
  await g.insert('disclosure_events', done.map((e) => ({ id: g.id(), org_id, disclosure_id: id, action: e.action, user_id: e.who.userId, user_name: e.who.name, comment: e.comment, at: e.at })));
  const link = `/disclosures/${id}`;
  for (const e of done) {
    const n = NOTICES[e.action];
    if (n) await notify(g, org_id, [e.action === 'submit' ? o.supervisor.userId : author.userId], { ...n, body: `《${title}》${n.body}`, link }, e.at);
  }
  return { id, audience, title, date: issue.date, live: state === 'published' && until === null && audience !== 'delegates' };
}

/** Read receipts: half the staff, a quarter of the retirees, three in four delegates of a delegates' item. */
async function receipts(c: Ctx, item: Item, year: number): Promise<void> {
  const { g, school } = c;
  const { rng } = g;
  const readers = item.audience === 'delegates' ? c.delegatesOf(year) : school.members;
  const rows = [];
  for (const m of readers) {
    if (!rng.chance(item.audience === 'delegates' ? 0.75 : m.active ? 0.5 : 0.25)) continue;
    // Within a fortnight of publication, between 08:00 and 22:00 in Beijing.
    const read_at = stamp(item.date, rng.int(0, 14), `${String(rng.int(0, 13)).padStart(2, '0')}:${rng.int(10, 59)}:00`);
    rows.push({ org_id: school.id, disclosure_id: item.id, user_id: m.userId, member_id: m.id, read_at });
  }
  await g.insert('disclosure_reads', rows);
}

async function questions(c: Ctx, items: Item[]): Promise<void> {
  const { g, school } = c;
  const { rng } = g;
  const { officers: o } = school;
  for (let n = rng.int(2, 8); n > 0; n--) {
    const item = rng.pick(items);
    const asker = school.members[rng.int(10, school.members.length - 1)];
    const body = rng.pick(QUESTIONS);
    const answered = rng.chance(0.85);
    const [asked, answeredAt] = [stamp(item.date, 3, '04:00:00'), stamp(item.date, 5)];
    await g.insert('disclosure_questions', [{
      id: g.id(), org_id: school.id, disclosure_id: item.id, asker_user_id: asker.userId, asker_name: asker.name, body, asked_at: asked,
      answer: answered ? '已请相关部门核实，具体安排见附件，如有疑问可到校长办公室查阅原件。' : null, answer_public: answered && rng.chance(0.6) ? 1 : 0,
      answered_by: answered ? o.committee[0].userId : null, answered_at: answered ? answeredAt : null,
    }]);
    const link = `/disclosures/${item.id}`;
    await notify(g, school.id, [o.chair.userId, ...o.committee.map((m) => m.userId)], { kind: 'disclosure.question', title: '校务公开有新提问', body: `《${item.title}》：${body}`, link }, asked);
    if (answered) await notify(g, school.id, [asker.userId], { kind: 'disclosure.answered', title: '您的提问已答复', link }, answeredAt);
  }
}

async function schoolDisclosures(g: GenContext, school: SchoolFact): Promise<Item[]> {
  const { rng } = g;
  const org_id = school.id;
  const created = stamp(`${g.world.years[0]}-08-25`);
  const categories = new Map(CODES.map((code) => [code, g.id()]));
  await g.insert('disclosure_categories', Object.entries(DEFAULT_DISCLOSURE_CATEGORIES).map(([code, l], position) => ({ id: categories.get(code as DefaultCategoryCode)!, org_id, code, name: l.zh, position, disabled: 0, created_at: created, updated_at: created })));
  const sessions = g.world.sessions.filter((s) => s.school === school);
  const delegatesOf = (year: number) => (sessions.find((s) => s.year === year) ?? sessions[sessions.length - 1]).delegates.map((i) => school.members[i]);
  const c: Ctx = { g, school, categories, delegatesOf };

  const live: Item[] = [];
  const issue = async (year: number, number: number, date: string, state: 'published' | 'draft') => {
    const id = g.id();
    const publishedAt = state === 'published' ? stamp(date) : null;
    await g.insert('disclosure_issues', [{ id, org_id, school_year: year, number, title: null, state, published_at: publishedAt, published_by: publishedAt && school.officers.chair.userId, created_at: stamp(date, -14), updated_at: publishedAt ?? stamp(date, -14) }]);
    return { id, date, name: `${year}学年第${number}期` };
  };
  for (const year of g.world.years) {
    const days = [...ISSUE_DAYS];
    for (let n = rng.int(5, 7); days.length > n; ) days.splice(rng.int(1, days.length - 1), 1);
    const items: Item[] = [];
    for (const [k, md] of days.entries()) {
      const is = await issue(year, k + 1, `${md >= '09' ? year : year + 1}-${md}`, 'published');
      const made: Item[] = [];
      for (let n = rng.int(5, 8); n > 0; n--) made.push(await addItem(c, is, year < LAST_YEAR && rng.chance(0.5) ? 'archived' : 'published'));
      // Everyone the issue is for hears of it once.
      const to = made.some((i) => i.audience !== 'delegates') ? school.members : delegatesOf(year);
      await notify(g, org_id, to.map((m) => m.userId), { kind: 'disclosure.published', title: `校务公开${is.name}`, body: `${is.name}校务公开已发布，共 ${made.length} 项，请及时阅读`, link: `/disclosures/issues/${is.id}` }, stamp(is.date));
      for (const item of made) await receipts(c, item, year);
      items.push(...made);
    }
    await questions(c, items);
    await g.insert('disclosure_issue_counters', [{ org_id, school_year: year, last: days.length }]);
    live.push(...items.filter((i) => i.live));
  }
  // Next year's 第1期 in preparation, to go up as term starts (its history stays before DATASET_END).
  const next = await issue(LAST_YEAR + 1, 1, `${LAST_YEAR + 1}-08-31`, 'draft');
  for (const state of ['draft', 'submitted', 'approved'] as const) await addItem(c, next, state);
  await g.insert('disclosure_issue_counters', [{ org_id, school_year: LAST_YEAR + 1, last: 1 }]);
  return live;
}

export const disclosures: Capability = {
  name: 'disclosures',

  async generate(g) {
    const { typical: t, made: typical } = await eachSchool(g, (school) => schoolDisclosures(g, school));
    if (typical.length === 0) throw new Error('the typical school has no item in the phone feed: change the seed or the shares');
    // A reader's view depends on whether they are a delegate today; a school under 80 has only delegates.
    const delegates = new Set(g.world.sessions.filter((s) => s.school === t).flatMap((s) => s.delegates.map((i) => t.members[i])));
    const staff = t.members.slice(10).filter((m) => m.active);
    const never = staff.filter((m) => !delegates.has(m));
    const manifest: DisclosuresManifest = {
      typical: {
        committee: t.officers.committee[0].username,
        itemId: typical[typical.length - 1].id,
        liveItemIds: typical.map((i) => i.id),
        readers: (never.length ? never : staff).map((m) => ({ username: m.username, userId: m.userId, memberId: m.id })),
      },
    };
    g.manifest.disclosures = manifest;
  },

  paths(m) {
    const t = (m.disclosures as DisclosuresManifest).typical;
    const member = t.readers[0].username;
    const { orgId } = staffOf(m);
    return [
      { name: "disclosures: a member's phone feed", kind: 'read', main: true, accounts: [member], request: () => ({ method: 'GET', url: '/api/disclosures/feed?page=1&pageSize=20', as: 0 }) },
      { name: 'disclosures: committee list', kind: 'read', accounts: [t.committee], request: () => ({ method: 'GET', url: '/api/disclosures?page=1&pageSize=20', as: 0 }) },
      { name: 'disclosures: item (phone)', kind: 'read', accounts: [member], request: () => ({ method: 'GET', url: `/api/disclosures/${t.itemId}`, as: 0 }) },
      {
        // Opening an item posts its read receipt (GET /api/disclosures/:id records none): the staff in
        // turn, item after item; a receipt already there stays as it was, as in the app.
        name: 'disclosures: read receipt',
        kind: 'write',
        accounts: t.readers.map((r) => r.username),
        request: (i) => {
          const k = i % t.readers.length;
          const item = t.liveItemIds[Math.floor(i / t.readers.length) % t.liveItemIds.length];
          return { method: 'POST', url: `/api/disclosures/${item}/read`, as: k, vars: { item, user: t.readers[k].userId, member: t.readers[k].memberId } };
        },
        reset: async (db: Db) => void (await db.deleteFrom('disclosure_reads').where('org_id', '=', orgId).where('read_at', '>=', DATASET_END).execute()),
      },
    ];
  },
};
