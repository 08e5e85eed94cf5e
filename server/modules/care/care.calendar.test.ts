import { describe, expect, it } from 'vitest';
import { festivalDate, illnessKey, LUNAR_DATES, nextFestival } from '../../../common/care';

// The lunar festival table against ICU's Chinese calendar, which Node ships. ICU approximates the new
// moon; where it falls within minutes of Beijing midnight ICU lands one day off the official calendar
// (紫金山天文台: 春节 2027-02-06, where ICU says the 7th, and 2030-02-03, where ICU says the 2nd).
// Those two must be exactly one day off; every other date must agree.
const ICU_OFF_BY_ONE = new Set(['2027 spring', '2030 spring']);
const LUNAR_DAY: Record<string, [number, number]> = { spring: [1, 1], dragon_boat: [5, 5], mid_autumn: [8, 15], double_ninth: [9, 9] };
const chinese = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
const lunarOf = (date: string) => {
  const parts = Object.fromEntries(chinese.formatToParts(new Date(`${date}T00:00:00Z`)).map((p) => [p.type, p.value]));
  return [Number(parts.month), Number(parts.day)];
};
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('festival calendar 2024–2035', () => {
  it('covers every year from 2024 to 2035', () => {
    expect(Object.keys(LUNAR_DATES).map(Number)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
  });

  for (const [year, dates] of Object.entries(LUNAR_DATES)) {
    it(`${year}: 春节, 端午, 中秋 and 重阳 fall on their lunar days`, () => {
      for (const [festival, md] of Object.entries(dates)) {
        const date = `${year}-${md}`;
        const [month, day] = LUNAR_DAY[festival];
        if (ICU_OFF_BY_ONE.has(`${year} ${festival}`)) {
          expect(lunarOf(date), date).not.toEqual([month, day]);
          expect([lunarOf(shift(date, -1)), lunarOf(shift(date, 1))], date).toContainEqual([month, day]);
        } else {
          expect(lunarOf(date), `${festival} ${date}`).toEqual([month, day]);
        }
      }
    });
  }

  it('knows the fixed-date festivals and none outside the table', () => {
    expect(festivalDate('teachers_day', 2026)).toBe('2026-09-10');
    expect(festivalDate('mid_autumn', 2025)).toBe('2025-10-06');
    expect(festivalDate('spring', 2027)).toBe('2027-02-06');
    expect(festivalDate('mid_autumn', 2036)).toBeNull();
    expect(festivalDate('national_day', 2036)).toBe('2036-10-01');
  });

  it('finds the coming visiting festival, into the next year', () => {
    expect(nextFestival('2026-09-01')).toEqual({ festival: 'teachers_day', date: '2026-09-10' });
    expect(nextFestival('2026-09-25')).toEqual({ festival: 'mid_autumn', date: '2026-09-25' });
    expect(nextFestival('2026-11-23')).toEqual({ festival: 'spring', date: '2027-02-06' });
    // Past the table only the fixed-date festivals remain.
    expect(nextFestival('2036-11-01')).toEqual({ festival: 'teachers_day', date: '2037-09-10' });
    expect(nextFestival('2036-11-01', ['mid_autumn'])).toBeNull();
  });
});

describe('the same illness', () => {
  it('ignores spaces, punctuation and full-width forms, not wording', () => {
    expect(illnessKey(' 肺炎。')).toBe(illnessKey('肺炎'));
    expect(illnessKey('Ｃｏｖｉｄ－19')).toBe(illnessKey('covid 19'));
    expect(illnessKey('腰椎间盘突出（手术）')).toBe(illnessKey('腰椎间盘突出 手术'));
    expect(illnessKey('肺炎')).not.toBe(illnessKey('肺部感染'));
  });
});
