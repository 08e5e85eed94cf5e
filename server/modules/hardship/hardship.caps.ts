import type { SessionUser } from '../../../common/auth';
import { formatYuan } from '../../../common/funds';
import { DEFAULT_HARDSHIP_CAPS, HARDSHIP_FILE_LEVEL_LABELS, HARDSHIP_FILE_LEVELS, type HardshipCaps, type HardshipFileLevel, type PayForm } from '../../../common/hardship';
import { msg, type Lang, type MessageKey } from '../../../common/i18n';
import type { Database, Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf } from '../audit/audit.repo';
import { careRepo } from '../care/care.repo';
import { ledger } from '../funds/funds.ledger';
import { hardshipRepo } from './hardship.repo';

// The caps per level (data per school; the defaults in common/hardship.ts until the chair sets them),
// and the one place a payment is made: checked against the caps with the member's row locked, written,
// and posted to the fund ledger in the same transaction.

export async function capsOf(db: Db, orgId: string): Promise<HardshipCaps> {
  const caps: HardshipCaps = structuredClone(DEFAULT_HARDSHIP_CAPS);
  for (const r of await hardshipRepo.caps(db, orgId)) {
    if ((HARDSHIP_FILE_LEVELS as readonly string[]).includes(r.level)) caps[r.level as HardshipFileLevel] = { perApplication: Number(r.per_application), perYear: Number(r.per_year) };
  }
  return caps;
}

export interface Breach {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** The refusal `amount` would get for a member at `level` who has had `given` this year; null within the caps. */
export function capBreach(caps: HardshipCaps, p: { level: HardshipFileLevel; amount: number; given: number; year: number; name: string }, lang: Lang): Breach | null {
  const cap = caps[p.level];
  const params = { level: HARDSHIP_FILE_LEVEL_LABELS[p.level][lang], amount: formatYuan(p.amount), name: p.name, year: p.year, given: formatYuan(p.given) };
  if (p.amount > cap.perApplication) return { key: 'err.hardship_cap_application', params: { ...params, cap: formatYuan(cap.perApplication) } };
  if (p.given + p.amount > cap.perYear) return { key: 'err.hardship_cap_year', params: { ...params, cap: formatYuan(cap.perYear), after: formatYuan(p.given + p.amount) } };
  return null;
}
export const capError = (b: Breach) => new AppError(422, 'cap_exceeded', b.key, b.params);
export const breachText = (b: Breach, lang: Lang) => msg(b.key, lang, b.params);

export interface PaymentOrder {
  memberId: string;
  name: string;
  fileId: string;
  level: HardshipFileLevel;
  amount: number;
  date: string;
  form: PayForm;
  note?: string;
  /** 摘要 in the ledger. */
  ledgerNote: string;
}

/**
 * Pays inside `trx`: locks the member (two payments at once are checked one after the other), refuses
 * above a cap, writes the payment and posts it to the ledger as 帮扶 spending. Returns the payment id.
 */
export async function pay(trx: Db, database: Database, caps: HardshipCaps, user: SessionUser, o: PaymentOrder, lang: Lang): Promise<string> {
  const paid = await payWithinCaps(trx, database, caps, user, o, lang);
  if ('breach' in paid) throw capError(paid.breach);
  return paid.id;
}

/** As `pay`, but a payment above a cap is answered with the breach instead of an error (batches skip it). */
export async function payWithinCaps(trx: Db, database: Database, caps: HardshipCaps, user: SessionUser, o: PaymentOrder, lang: Lang): Promise<{ id: string } | { breach: Breach }> {
  const orgId = user.org.id;
  await careRepo.lockMembers(trx, database.dialect, orgId, [o.memberId]);
  const year = Number(o.date.slice(0, 4));
  const given = await hardshipRepo.paidInYear(trx, orgId, o.memberId, year);
  const breach = capBreach(caps, { level: o.level, amount: o.amount, given, year, name: o.name }, lang);
  if (breach) return { breach };
  const id = newId();
  await hardshipRepo.insertPayment(trx, {
    id, org_id: orgId, member_id: o.memberId, file_id: o.fileId, date: o.date, year, amount: o.amount, form: o.form, note: o.note ?? null,
    created_by: user.id, created_by_name: user.displayName, created_at: nowIso(),
  });
  await ledger.post(trx, orgId, { category: 'hardship', amount: o.amount, sourceKind: 'hardship', sourceId: id, date: o.date, note: o.ledgerNote }, actorOf(user));
  return { id };
}
