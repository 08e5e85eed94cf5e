import { describe, it, expect } from 'vitest';
import { parseIdCard } from './idcard';

// Independent implementation of the GB 11643-1999 check character, so the test does not trust the code under test.
function withCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('parseIdCard', () => {
  it('accepts the well-known sample with an X check character', () => {
    expect(parseIdCard('11010519491231002X')).toEqual({ ok: true, birthDate: '1949-12-31', gender: 'female' });
  });

  it('accepts lower-case x, surrounding spaces and full-width digits', () => {
    expect(parseIdCard(' 11010519491231002x ')).toMatchObject({ ok: true, birthDate: '1949-12-31' });
    expect(parseIdCard('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ ok: true, gender: 'female' });
  });

  it('derives gender from the 17th digit (odd = male)', () => {
    const male = withCheck('34010419850312001');
    const female = withCheck('34010419850312002');
    expect(parseIdCard(male)).toEqual({ ok: true, birthDate: '1985-03-12', gender: 'male' });
    expect(parseIdCard(female)).toEqual({ ok: true, birthDate: '1985-03-12', gender: 'female' });
  });

  it('accepts a leap day and checks every computed check character', () => {
    for (let seq = 100; seq < 130; seq++) {
      expect(parseIdCard(withCheck(`44030619840229${seq}`))).toMatchObject({ ok: true, birthDate: '1984-02-29' });
    }
  });

  it('accepts 15-digit legacy numbers (19YY, gender from the last digit)', () => {
    expect(parseIdCard('340104850312001')).toEqual({ ok: true, birthDate: '1985-03-12', gender: 'male' });
    expect(parseIdCard('340104850312002')).toEqual({ ok: true, birthDate: '1985-03-12', gender: 'female' });
  });

  it('rejects a wrong check character', () => {
    expect(parseIdCard('110105194912310021')).toEqual({ ok: false, reason: '校验位不正确' });
    const good = withCheck('34010419850312001');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(parseIdCard(bad)).toEqual({ ok: false, reason: '校验位不正确' });
  });

  it('rejects the wrong length and stray characters', () => {
    expect(parseIdCard('1101051949123100')).toMatchObject({ ok: false, reason: expect.stringContaining('位数不对') });
    expect(parseIdCard('')).toMatchObject({ ok: false, reason: expect.stringContaining('位数不对') });
    expect(parseIdCard('1101051949123100X2')).toMatchObject({ ok: false });
    expect(parseIdCard('11010519491231002Y')).toMatchObject({ ok: false });
  });

  it('rejects impossible birth dates', () => {
    expect(parseIdCard(withCheck('34010419850230001'))).toEqual({ ok: false, reason: '出生日期无效' });
    expect(parseIdCard(withCheck('34010418991231001'))).toEqual({ ok: false, reason: '出生日期无效' });
    expect(parseIdCard('340104851332001')).toEqual({ ok: false, reason: '出生日期无效' });
  });
});
