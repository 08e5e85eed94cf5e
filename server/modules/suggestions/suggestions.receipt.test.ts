import { describe, expect, it } from 'vitest';
import { formatReceipt, isReceipt, normalizeReceipt, RECEIPT_ALPHABET } from '../../../common/suggestions';
import { figures } from './suggestions.stats';
import { newReceipt, receiptHash, WindowCounter } from './suggestions.receipt';

describe('receipt codes', () => {
  it('are 16 symbols (80 bits) of an alphabet without 0, O, 1 or I, in four groups', () => {
    expect(RECEIPT_ALPHABET).toHaveLength(32);
    expect(RECEIPT_ALPHABET).not.toMatch(/[01OI]/);
    const codes = Array.from({ length: 2000 }, newReceipt);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol turns up: the 5-bit groups use the whole alphabet.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
  });

  it('read back whatever the case, spaces or dashes, and hash to the same value', () => {
    const code = newReceipt();
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    expect(isReceipt(typed)).toBe(true);
    expect(normalizeReceipt(typed)).toBe(code.replace(/-/g, ''));
    expect(formatReceipt(typed)).toBe(code);
    expect(receiptHash(typed)).toBe(receiptHash(code));
    expect(receiptHash(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(isReceipt('0OI1-AAAA-AAAA-AAAA')).toBe(false);
    expect(isReceipt('AAAA-AAAA-AAAA')).toBe(false);
  });
});

describe('WindowCounter', () => {
  it('blocks a key after `limit` events until its window ends, and forgets it then', () => {
    let now = 0;
    const c = new WindowCounter(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(c.waitMs('a')).toBe(0);
      c.hit('a');
    }
    expect(c.waitMs('a')).toBe(1000);
    expect(c.waitMs('b')).toBe(0);
    now = 400;
    expect(c.waitMs('a')).toBe(600);
    now = 1000;
    expect(c.waitMs('a')).toBe(0);
    c.hit('a');
    expect(c.waitMs('a')).toBe(0);
  });
});

describe('figures', () => {
  it('count answered suggestions and average whole days to the first reply', () => {
    expect(figures([])).toEqual({ received: 0, answered: 0, avgDaysToAnswer: null });
    expect(
      figures([
        { received_on: '2025-09-01', answered_on: '2025-09-03' },
        { received_on: '2025-09-30', answered_on: '2025-10-03' },
        { received_on: '2025-10-01', answered_on: null },
      ]),
    ).toEqual({ received: 3, answered: 2, avgDaysToAnswer: 2.5 });
  });
});
