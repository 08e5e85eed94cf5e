import type { SessionUser } from '../../../common/auth';
import { formatYuan } from '../../../common/funds';
import {
  HARDSHIP_FILE_LEVEL_LABELS,
  PAY_FORM_LABELS,
  type CampaignInput,
  type CampaignPayAllResult,
  type HardshipCaps,
  type HardshipCampaign,
  type HardshipCampaignDetail,
  type HardshipFileLevel,
  type PayForm,
} from '../../../common/hardship';
import { msg, type Lang } from '../../../common/i18n';
import type { Database, Db } from '../../db/database';
import type { HardshipCampaignsTable } from '../../db/tables';
import { AppError, Conflict, Invalid, NotFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { chineseAmount } from '../../lib/money';
import { tablePdf } from '../../lib/pdf';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { breachText, capBreach, capError, capsOf, payWithinCaps, type Breach } from './hardship.caps';
import { hardshipRepo, type ItemRow } from './hardship.repo';
import { trail } from './hardship.trail';

// 送温暖 campaigns (e.g. 2027年春节送温暖): the open files at the chosen levels, the same amount to each;
// each person is marked visited and paid one by one, every payment checked against the caps and posted
// to the ledger; the 签收单 lists them for real-name signatures.

export function campaignActions(database: Database) {
  const { db } = database;

  async function toCampaign(c: HardshipCampaignsTable, items: ItemRow[]): Promise<HardshipCampaign> {
    return {
      id: c.id,
      title: c.title,
      date: c.date,
      levels: JSON.parse(c.levels) as HardshipFileLevel[],
      amount: Number(c.amount),
      form: c.form as PayForm,
      note: c.note,
      count: items.length,
      visited: items.filter((i) => i.visited_on).length,
      paid: items.filter((i) => i.payment_id).length,
      paidTotal: items.reduce((n, i) => n + Number(i.paid_amount ?? 0), 0),
      createdByName: c.created_by_name,
      createdAt: c.created_at,
    };
  }

  async function find(orgId: string, id: string) {
    const c = await hardshipRepo.findCampaign(db, orgId, id);
    if (!c) throw NotFound();
    return c;
  }

  /** One person's payment inside `trx`; answers why not (a cap, or no open file) instead of paying. */
  async function payItem(trx: Db, user: SessionUser, c: HardshipCampaignsTable, item: ItemRow, date: string, caps: HardshipCaps, lang: Lang): Promise<Breach | 'no_file' | null> {
    const orgId = user.org.id;
    const file = await hardshipRepo.fileOf(trx, orgId, item.member_id);
    if (!file || file.status !== 'open') return 'no_file';
    const amount = Number(c.amount);
    const paid = await payWithinCaps(
      trx, database, caps, user,
      { memberId: item.member_id, name: item.name, fileId: file.id, level: file.level as HardshipFileLevel, amount, date, form: c.form as PayForm, ledgerNote: `${c.title}：${item.name}` },
      lang,
    );
    if ('breach' in paid) return paid.breach;
    await hardshipRepo.updateItem(trx, orgId, item.id, { payment_id: paid.id, visited_on: item.visited_on ?? date });
    await trail(trx, user, { memberId: item.member_id, kind: 'campaign_pay', data: { campaignId: c.id, title: c.title, amount, date }, audit: { action: 'pay', entity: 'hardship_campaign', entityId: c.id, after: { itemId: item.id, paymentId: paid.id } } });
    return null;
  }

  return {
    async list(user: SessionUser, f: { year?: number; fromYear?: number }) {
      const rows = await hardshipRepo.listCampaigns(db, user.org.id, f);
      const items = await hardshipRepo.items(db, user.org.id, rows.map((r) => r.id));
      return { items: await Promise.all(rows.map((r) => toCampaign(r, items.filter((i) => i.campaign_id === r.id)))) };
    },

    /** Each person with what paying now would meet: the caps of their level, this year's help so far. */
    async get(user: SessionUser, id: string, lang: Lang): Promise<HardshipCampaignDetail> {
      const orgId = user.org.id;
      const c = await find(orgId, id);
      const items = await hardshipRepo.items(db, orgId, [id]);
      const caps = await capsOf(db, orgId);
      const amount = Number(c.amount);
      const paid = await hardshipRepo.paidInYearByMember(db, orgId, items.filter((i) => !i.payment_id).map((i) => i.member_id), c.year);
      return Object.assign(await toCampaign(c, items), {
        items: items.map((i) => {
          const given = i.payment_id ? 0 : (paid.get(i.member_id) ?? 0);
          const breach = i.payment_id ? null : capBreach(caps, { level: i.level as HardshipFileLevel, amount, given, year: c.year, name: i.name }, lang);
          return {
            id: i.id, memberId: i.member_id, name: i.name, department: i.department, level: i.level as HardshipFileLevel,
            visitedOn: i.visited_on, paidOn: i.paid_on, paidAmount: i.paid_amount === null ? null : Number(i.paid_amount),
            problem: breach && breachText(breach, lang),
          };
        }),
      });
    },

    async create(user: SessionUser, input: CampaignInput, lang: Lang): Promise<HardshipCampaignDetail> {
      const orgId = user.org.id;
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const out = new Set(input.exclude);
        const files = (await hardshipRepo.openFiles(trx, orgId, input.levels)).filter((f) => !out.has(f.member_id));
        if (files.length === 0) throw Invalid('levels', 'err.hardship_campaign_empty');
        await hardshipRepo.insertCampaign(trx, {
          id, org_id: orgId, title: input.title, date: input.date, year: Number(input.date.slice(0, 4)), levels: JSON.stringify(input.levels),
          amount: input.amount, form: input.form, note: input.note ?? null, created_by: user.id, created_by_name: user.displayName, created_at: nowIso(),
        });
        await hardshipRepo.insertItems(trx, files.map((f) => ({ id: newId(), org_id: orgId, campaign_id: id, member_id: f.member_id, file_id: f.id, visited_on: null, payment_id: null })));
        await auditRepo.record(trx, actorOf(user), { action: 'create', entity: 'hardship_campaign', entityId: id, label: input.title, after: { count: files.length, amount: input.amount, levels: input.levels } });
      });
      return this.get(user, id, lang);
    },

    async visit(user: SessionUser, id: string, itemId: string, date: string, lang: Lang) {
      const orgId = user.org.id;
      await db.transaction().execute(async (trx) => {
        const item = (await hardshipRepo.items(trx, orgId, [id])).find((i) => i.id === itemId);
        if (!item) throw NotFound();
        await hardshipRepo.updateItem(trx, orgId, itemId, { visited_on: date });
        await trail(trx, user, { memberId: item.member_id, kind: 'campaign_visit', data: { campaignId: id, date }, audit: { action: 'visit', entity: 'hardship_campaign', entityId: id, after: { itemId, fields: ['visited_on'] } } });
      });
      return this.get(user, id, lang);
    },

    /** Pays one person of the campaign: the caps are checked and the ledger posted, as for an application. */
    async pay(user: SessionUser, id: string, itemId: string, date: string, lang: Lang) {
      const orgId = user.org.id;
      const c = await find(orgId, id);
      await db.transaction().execute(async (trx) => {
        const item = (await hardshipRepo.items(trx, orgId, [id])).find((i) => i.id === itemId);
        if (!item) throw NotFound();
        if (item.payment_id) throw Conflict('already_paid', 'err.hardship_paid');
        const refused = await payItem(trx, user, c, item, date, await capsOf(trx, orgId), lang);
        if (refused === 'no_file') throw new AppError(422, 'no_file', 'err.hardship_no_file');
        if (refused) throw capError(refused);
      });
      return this.get(user, id, lang);
    },

    /**
     * Pays everyone not yet paid, in one transaction, each checked as `pay` checks one; those whom a cap
     * or a closed file does not allow are left unpaid and named, so the committee sees who and why.
     */
    async payAll(user: SessionUser, id: string, date: string, lang: Lang): Promise<CampaignPayAllResult> {
      const orgId = user.org.id;
      const c = await find(orgId, id);
      const result = await db.transaction().execute(async (trx) => {
        const caps = await capsOf(trx, orgId);
        const out: Omit<CampaignPayAllResult, 'campaign'> = { paid: 0, total: 0, skipped: [] };
        for (const item of (await hardshipRepo.items(trx, orgId, [id])).filter((i) => !i.payment_id)) {
          const refused = await payItem(trx, user, c, item, date, caps, lang);
          if (!refused) {
            out.paid += 1;
            out.total += Number(c.amount);
          } else out.skipped.push({ name: item.name, reason: refused === 'no_file' ? msg('err.hardship_no_file', lang) : breachText(refused, lang) });
        }
        if (out.paid === 0 && out.skipped.length === 0) throw Conflict('already_paid', 'err.hardship_paid');
        return out;
      });
      return { ...result, campaign: await this.get(user, id, lang) };
    },

    /** The 签收单: A4, one row per person in the plan with an empty 签字 column. */
    async receipt(user: SessionUser, id: string): Promise<{ buffer: Buffer; filename: string }> {
      const orgId = user.org.id;
      const c = await find(orgId, id);
      const items = await hardshipRepo.items(db, orgId, [id]);
      const amount = Number(c.amount);
      const total = items.length * amount;
      const title = `${c.title}签收单`;
      const levels = (JSON.parse(c.levels) as HardshipFileLevel[]).map((l) => HARDSHIP_FILE_LEVEL_LABELS[l].zh).join('、');
      const buffer = await tablePdf({
        title,
        lines: [`${user.org.name}工会`, `发放日期：${c.date}　　对象：${levels}职工　　每人 ${formatYuan(amount)} 元（${PAY_FORM_LABELS[c.form as PayForm].zh}）`],
        columns: [
          { header: '序号', width: 0.08, align: 'center' },
          { header: '姓名', width: 0.16 },
          { header: '部门', width: 0.2 },
          { header: '金额（元）', width: 0.2, align: 'right' },
          { header: '签字', width: 0.36 },
        ],
        rows: items.map((i, n) => [String(n + 1), i.name, i.department ?? '', formatYuan(amount), '']),
        after: [`合计：${items.length} 人，金额 ${formatYuan(total)} 元（大写：${chineseAmount(total)}）`],
        signOff: '经办人：____________　　审核人：____________　　工会主席：____________',
      });
      return { buffer, filename: `${title}.pdf` };
    },
  };
}
