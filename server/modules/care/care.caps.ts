import { CAP_OF, CARE_TYPE_LABELS, CARE_TYPES, type CareCaps, type CareType } from '../../../common/care';
import { formatYuan } from '../../../common/funds';
import { msg, type Lang, type MessageKey } from '../../../common/i18n';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { careRepo } from './care.repo';

// The caps (common/care.ts CAP_OF, amounts from the school's settings): each record under its
// per-event cap, a member's yearly total of a kind under its yearly cap, and 住院 once per illness
// per calendar year. Every refusal names the cap, what was already given this year, and the rule.

export type Given = Partial<Record<CareType, { amount: number; count: number }>>;

export interface Breach {
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface Payment {
  type: CareType;
  amount: number;
  year: number;
  name: string;
  /** The member's records of this year, per type. */
  given: Given;
  /** An earlier 住院 record this year for the same illness. */
  sameIllness?: { reason: string | null; date: string; amount: number };
}

/** The refusal a payment would get, or null when it keeps within every cap. */
export function capBreach(caps: CareCaps, p: Payment, lang: Lang): Breach | null {
  if (p.sameIllness) {
    return { key: 'err.cap_illness', params: { name: p.name, year: p.year, illness: p.sameIllness.reason ?? '', date: p.sameIllness.date, given: formatYuan(p.sameIllness.amount) } };
  }
  const cap = CAP_OF[p.type];
  if (!cap) return null;
  const limit = caps[cap.key];
  // 丧事 of the member and of a relative share one cap, so their amounts count together.
  const given = CARE_TYPES.filter((t) => CAP_OF[t]?.key === cap.key).reduce((n, t) => n + (p.given[t]?.amount ?? 0), 0);
  const params = { type: CARE_TYPE_LABELS[p.type][lang], cap: formatYuan(limit), amount: formatYuan(p.amount), name: p.name, year: p.year, given: formatYuan(given) };
  if (cap.per === 'event' && p.amount > limit) return { key: 'err.cap_event', params };
  if (cap.per === 'year' && given + p.amount > limit) return { key: 'err.cap_year', params: { ...params, after: formatYuan(given + p.amount) } };
  return null;
}

export const capError = (b: Breach) => new AppError(422, 'cap_exceeded', b.key, b.params);
export const breachText = (b: Breach, lang: Lang) => msg(b.key, lang, b.params);

/** This year's records of each member, per type. */
export async function givenThisYear(db: Db, orgId: string, memberIds: string[], year: number): Promise<Map<string, Given>> {
  const out = new Map<string, Given>();
  for (const r of await careRepo.yearTotals(db, orgId, memberIds, year)) {
    const g = out.get(r.member_id) ?? {};
    g[r.type as CareType] = { amount: Number(r.amount), count: Number(r.count) };
    out.set(r.member_id, g);
  }
  return out;
}
