import { sql } from 'kysely';
import type { SessionUser } from '../../common/auth';
import type { DefaultCategoryCode, DisclosureAudience } from '../../common/disclosures';
import type { Database, Db } from '../../server/db/database';
import { localDate, localDayStartUtc } from '../../server/lib/time';
import { createAuthService } from '../../server/modules/auth/auth.service';
import { disclosureFiles } from '../../server/modules/disclosures/disclosures.files';
import { createDisclosuresService } from '../../server/modules/disclosures/disclosures.service';
import { createFilesService, type FilePolicies } from '../../server/modules/files/files.service';
import { createOrgsService } from '../../server/modules/orgs/orgs.service';
import { schoolYearOf } from '../../server/modules/proposals/proposals.stats';
import { seeded } from './random';
import { DEMO_PASSWORD } from './school';

interface Item {
  category: DefaultCategoryCode;
  title: string;
  audience: DisclosureAudience;
  html: string;
  /** Days it stays up after publication; null: until archived. */
  days: number | null;
  /** 资料 (attachments) the item went up with. */
  files: number;
  by?: 'chair' | 'committee';
}

const p = (...lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('');
const table = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

// Last 学年's 公开栏 as the seed's school ran it: 第一期 at the start of term to 第六期 before summer,
// 21 items across DOMAIN.md's categories, 40 documents (资料) with them.
const ISSUES: { monthDay: string; title: string; items: Item[] }[] = [
  {
    monthDay: '09-12',
    title: '秋季开学',
    items: [
      { category: 'major_decisions', title: '学校本学年工作计划', audience: 'staff', days: 120, files: 3, by: 'chair', html: `<h3>工作目标</h3>${p('以立德树人为根本任务，落实“双减”，提高课堂效率。')}<ol><li>完善教学常规管理</li><li>推进青蓝工程师徒结对</li><li>办好第五届教代会第二次会议提案的落实</li></ol>` },
      { category: 'fees', title: '本学期收费项目及标准', audience: 'public', days: 330, files: 2, html: `${p('依据市物价局、教育局核定标准收费，不得自立项目。')}${table(['项目', '标准', '依据'], [['住宿费', '400 元/学期', '市发改价〔2019〕12号'], ['作业本费', '按实结算', '自愿订购']])}${p('举报电话：市教育局 12345。')}` },
      { category: 'admissions', title: '初一新生招生结果', audience: 'public', days: 60, files: 2, html: `${p('本学年招收初一新生 8 个班 360 人，均按学区划片入学。')}${table(['来源', '人数'], [['学区划片', '342'], ['政策性照顾', '18']])}` },
      { category: 'appointments', title: '教职工岗位设置方案', audience: 'staff', days: null, files: 2, html: `${p('经教代会审议通过，本校专业技术岗位结构比例如下。')}${table(['岗位等级', '比例'], [['高级', '18%'], ['中级', '47%'], ['初级', '35%']])}` },
    ],
  },
  {
    monthDay: '11-08',
    title: '期中',
    items: [
      { category: 'finance', title: '上年度学校经费决算情况', audience: 'delegates', days: 90, files: 3, by: 'chair', html: `<h3>收支总体情况</h3>${table(['科目', '金额（万元）'], [['财政拨款收入', '1,862.4'], ['人员支出', '1,420.7'], ['公用经费支出', '389.2']])}${p('详细决算表见附件，请各位代表审阅。')}` },
      { category: 'construction', title: '教学楼外墙维修工程招标结果', audience: 'public', days: 60, files: 2, html: `${p('经公开招标，同心建设有限公司中标，中标价 86.5 万元，工期 45 天。')}${p('投诉期：公示之日起 5 个工作日。')}` },
      { category: 'procurement', title: '食堂大宗食材采购结果', audience: 'staff', days: 60, files: 2, html: `${p('大米、食用油、肉类三个标段经询价采购，结果如下。')}<ul><li>大米：同心粮油公司</li><li>食用油：同心粮油公司</li><li>肉类：市农贸配送中心</li></ul>` },
    ],
  },
  {
    monthDay: '01-10',
    title: '期末',
    items: [
      { category: 'assessment', title: '教职工年度考核结果', audience: 'staff', days: 30, files: 2, html: `${p('经考核小组评议，本年度优秀 28 人、合格 141 人、基本合格 1 人。')}${p('对结果有异议者，请于公示期内向校长办公室书面提出。')}` },
      { category: 'performance_pay', title: '教职工绩效工资分配方案（征求意见稿）', audience: 'delegates', days: 30, files: 2, by: 'chair', html: `<h3>分配原则</h3>${p('多劳多得、优绩优酬，向一线教师、班主任和骨干教师倾斜。')}<h3>构成</h3><ol><li>基础性绩效 70%</li><li>奖励性绩效 30%</li></ol>` },
      { category: 'welfare', title: '春节慰问安排', audience: 'staff', days: 45, files: 1, html: `${p('春节前走访慰问退休教职工和困难职工，标准按省总工会规定执行。')}` },
    ],
  },
  {
    monthDay: '03-06',
    title: '春季开学',
    items: [
      { category: 'appointments', title: '职称评审推荐结果', audience: 'staff', days: 30, files: 3, html: `${p('经学校职称评审推荐小组量化评分，推荐以下人员参加高级职称评审。')}${table(['姓名', '学科', '量化得分'], [['王老师', '语文', '92.5'], ['李老师', '数学', '90.0']])}` },
      { category: 'awards', title: '优秀教师、优秀班主任评选结果', audience: 'staff', days: 30, files: 2, html: `${p('经教职工推荐、评选小组审议，评出优秀教师 12 名、优秀班主任 8 名。')}` },
      { category: 'training', title: '本学期教职工培训计划', audience: 'staff', days: 120, files: 2, html: `<ul><li>每周五下午教师学习</li><li>新教师岗前培训（3 月）</li><li>信息技术应用能力提升（4 月）</li></ul>` },
      { category: 'party', title: '党建工作要点', audience: 'staff', days: null, files: 1, html: `${p('加强党支部标准化建设，每隔周三下午党员干部学习。')}` },
    ],
  },
  {
    monthDay: '05-16',
    title: '期中',
    items: [
      { category: 'promotion', title: '教职工薪级晋升名单', audience: 'staff', days: 30, files: 2, html: `${p('本年度正常晋升薪级工资 152 人，名单见附件。')}` },
      { category: 'teaching', title: '教学常规检查情况通报', audience: 'staff', days: 45, files: 2, html: `${p('教务处对全校教案、作业批改进行了检查，总体良好。')}${table(['年级', '优秀率'], [['初一', '86%'], ['初二', '81%'], ['初三', '88%']])}` },
      { category: 'rewards', title: '教职工奖励情况', audience: 'staff', days: 30, files: 1, html: `${p('对在市级教学竞赛中获奖的 9 名教师给予表彰。')}` },
      { category: 'logistics', title: '校服征订说明', audience: 'public', days: 60, files: 2, html: `${p('校服坚持自愿征订，价格经家长委员会议价确定：夏装 85 元、冬装 160 元。')}` },
    ],
  },
  {
    monthDay: '07-04',
    title: '学年末',
    items: [
      { category: 'finance', title: '本学年预算执行情况', audience: 'delegates', days: 60, files: 2, by: 'chair', html: `${p('截至 6 月底，预算执行率 93.6%，具体见附件。')}` },
      { category: 'major_decisions', title: '学校章程（修订）', audience: 'public', days: null, files: 1, html: `<h3>第一章 总则</h3>${p('第一条 为保障学校依法自主办学，根据《中华人民共和国教育法》，制定本章程。')}<h3>第二章 民主管理</h3>${p('第十条 学校实行以教职工代表大会为基本形式的民主管理和民主监督制度。')}` },
      { category: 'welfare', title: '暑期教职工疗休养安排', audience: 'staff', days: 60, files: 1, html: `${p('暑期分两批组织教职工疗休养，自愿报名，工会小组长汇总。')}` },
    ],
  },
];

/** The item the 监督小组 sent back once, with the comment JOURNEYS.md gives it. */
const RETURNED = { title: '职称评审推荐结果', comment: '附件缺少明细表，请补充各候选人的量化评分明细后再提交。' };

const QUESTIONS: { item: string; by: string; body: string; answer?: string; public?: boolean }[] = [
  { item: '教职工绩效工资分配方案（征求意见稿）', by: 'teacher', body: '班主任津贴是否单列？', answer: '班主任津贴单列，不占奖励性绩效，按班额每月 600–800 元。', public: true },
  { item: '职称评审推荐结果', by: 'leader', body: '量化评分细则在哪里可以看到？', answer: '细则已作为附件公开，也可到校长办公室查阅原件。', public: true },
  { item: '春节慰问安排', by: 'retiree', body: '行动不便的退休教师能否上门慰问？', answer: '可以，请告诉您所在的工会小组，我们安排上门。', public: false },
  { item: '学校章程（修订）', by: 'teacher', body: '修订稿与原章程相比主要改了哪些条款？' },
];

/** A one-page PDF standing in for a scanned document; the comment line makes each file's bytes its own. */
const pdf = (name: string) =>
  Buffer.from(
    `%PDF-1.4\n%${name}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Last 学年's 校务公开, run through the real workflow (draft, review — one item returned and corrected —,
 * issues published, receipts, questions), then dated back into that year (a demo-only shortcut, as for
 * the proposals). The current 学年 starts with no issue, so the first one the committee opens is 第1期.
 */
export async function seedDemoDisclosures(database: Database, seed = 20240912) {
  const { db } = database;
  const rng = seeded(seed);
  const auth = createAuthService(db, 1);
  const users: Record<string, SessionUser> = {};
  for (const name of ['chair', 'committee', 'supervisor', 'leader', 'teacher', 'retiree', 'handler']) users[name] = (await auth.login(name, DEMO_PASSWORD, null)).result.user;
  const orgs = createOrgsService(db);
  const disclosures = createDisclosuresService(db, orgs);
  // Only the 校务公开 policy is needed here.
  const files = createFilesService(db, 10, { disclosure: disclosureFiles(db, orgs) } as FilePolicies);
  const orgId = users.chair.org.id;
  const tz = (await orgs.get(orgId)).settings.timezone;
  const today = localDate(tz);
  const year = schoolYearOf(today) - 1;
  const categories = new Map((await disclosures.categories(users.chair)).items.map((c) => [c.code, c.id]));

  const made: { id: string; item: Item; issueId: string; date: string }[] = [];
  const issues: { id: string; date: string }[] = [];
  for (const issue of ISSUES) {
    const date = `${issue.monthDay >= '09' ? year : year + 1}-${issue.monthDay}`;
    const { id: issueId } = await disclosures.createIssue(users.committee, issue.title);
    issues.push({ id: issueId, date });
    for (const item of issue.items) {
      const writer = users[item.by ?? 'committee'];
      const draft = await disclosures.create(writer, { categoryId: categories.get(item.category)!, title: item.title, content: item.html, audience: item.audience, visibleFrom: today, visibleTo: null, issueId });
      for (let n = 1; n <= item.files; n++) {
        const filename = `${item.title}-附件${n}.pdf`;
        await files.upload(writer, { ownerKind: 'disclosure', ownerId: draft.id }, async () => ({ filename, bytes: pdf(filename) }));
      }
      await disclosures.submit(writer, draft.id);
      if (item.title === RETURNED.title) {
        await disclosures.sendBack(users.supervisor, draft.id, RETURNED.comment);
        await disclosures.update(writer, draft.id, { content: `${item.html}${p('附：各候选人量化评分明细表（见附件三）。')}` });
        await disclosures.submit(writer, draft.id);
      }
      await disclosures.approve(users.supervisor, draft.id);
      made.push({ id: draft.id, item, issueId, date });
    }
    await disclosures.publishIssue(users.chair, issueId);
  }

  // Receipts: most of each audience read within a fortnight; the teacher has the long-running ones still to
  // read. Every demo account but the retiree's is a delegate (scripts/demo/congress.ts).
  const readers = ['chair', 'committee', 'supervisor', 'leader', 'teacher', 'retiree', 'handler'];
  for (const { id, item } of made) {
    for (const name of readers) {
      if (name === 'retiree' && item.audience === 'delegates') continue;
      if (name === 'teacher' ? item.days === null : !rng.chance(0.8)) continue;
      await disclosures.markRead(users[name], id);
    }
  }
  for (const q of QUESTIONS) {
    const target = made.find((m) => m.item.title === q.item)!;
    const asked = await disclosures.ask(users[q.by], target.id, q.body);
    if (q.answer) await disclosures.answer(users.committee, asked.questions.find((x) => x.body === q.body)!.id, { body: q.answer, public: !!q.public });
  }

  await db.transaction().execute((trx) => backdate(trx, orgId, tz, year, made, issues, rng));
  return { schoolYear: year, items: made.length, issues: issues.length, files: made.reduce((n, m) => n + m.item.files, 0) };
}

/** Moves every timestamp into last 学年, item by item, keeping each history in order (demo data only). */
async function backdate(
  db: Db,
  orgId: string,
  tz: string,
  year: number,
  made: { id: string; item: Item; date: string }[],
  issues: { id: string; date: string }[],
  rng: ReturnType<typeof seeded>,
) {
  /** 09:00 on a local date plus `hours`, as UTC. */
  const at = (date: string, hours = 0) => new Date(Date.parse(localDayStartUtc(date, tz)) + (9 + hours) * 3_600_000).toISOString();
  for (const issue of issues) {
    await sql`update disclosure_issues set school_year = ${year}, created_at = ${at(dayAfter(issue.date, -10))}, published_at = ${at(issue.date)}, updated_at = ${at(issue.date)} where id = ${issue.id}`.execute(db);
  }
  // Numbers and names given out while the workflow ran belong to this 学年; they were last year's.
  await sql`update disclosure_issue_counters set school_year = ${year} where org_id = ${orgId} and school_year = ${year + 1}`.execute(db);
  const [was, is] = [`${year + 1}学年`, `${year}学年`];
  await sql`update disclosure_events set comment = replace(comment, ${was}, ${is}) where org_id = ${orgId} and action = 'publish'`.execute(db);
  await sql`update notifications set title = replace(title, ${was}, ${is}), body = replace(body, ${was}, ${is}) where org_id = ${orgId} and kind = 'disclosure.published'`.execute(db);
  for (const { id, item, date } of made) {
    const events = await sql<{ id: string; action: string }>`select id, action from disclosure_events where disclosure_id = ${id} order by at, id`.execute(db);
    const n = events.rows.length;
    // One step a day up to publication on the issue's date.
    const when = events.rows.map((e, i) => ({ ...e, at: at(dayAfter(date, i - (n - 1)), i === n - 1 ? 0 : -1) }));
    for (const e of when) await sql`update disclosure_events set at = ${e.at} where id = ${e.id}`.execute(db);
    const of = (action: string) => when.filter((e) => e.action === action).pop()?.at ?? null;
    const to = item.days === null ? null : dayAfter(date, item.days);
    await sql`update files set created_at = ${when[0].at} where org_id = ${orgId} and owner_kind = 'disclosure' and owner_id = ${id}`.execute(db);
    await sql`update disclosures set created_at = ${when[0].at}, submitted_at = ${of('submit')}, reviewed_at = ${of('approve')}, published_at = ${at(date)}, updated_at = ${at(date)}, visible_from = ${date}, visible_to = ${to} where id = ${id}`.execute(db);
    const reads = await sql<{ user_id: string }>`select user_id from disclosure_reads where disclosure_id = ${id}`.execute(db);
    for (const r of reads.rows) await sql`update disclosure_reads set read_at = ${at(dayAfter(date, rng.int(0, 14)), rng.int(0, 8))} where disclosure_id = ${id} and user_id = ${r.user_id}`.execute(db);
    await sql`update disclosure_questions set asked_at = ${at(dayAfter(date, 3), 2)}, answered_at = case when answered_at is null then null else ${at(dayAfter(date, 5))} end where disclosure_id = ${id}`.execute(db);
  }
  // The notices of last year's work were read long ago.
  await sql`update notifications set read_at = created_at where org_id = ${orgId} and kind like 'disclosure.%'`.execute(db);
}
