import { describe, expect, it } from 'vitest';
import { median } from './cases.figures';
import { isOverdue } from './cases.view';

// The two rules of the figures that are plain arithmetic: the median of days to close, and overdue.

describe('case figures', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([10, 2, 3, 1])).toBe(2.5);
  });

  it('calls a case overdue only while forwarded and past its deadline (the deadline day itself is not late)', () => {
    expect(isOverdue({ state: 'forwarded', deadline: '2026-05-10' }, '2026-05-11')).toBe(true);
    expect(isOverdue({ state: 'forwarded', deadline: '2026-05-10' }, '2026-05-10')).toBe(false);
    expect(isOverdue({ state: 'responded', deadline: '2026-05-10' }, '2026-06-01')).toBe(false);
    expect(isOverdue({ state: 'triaged', deadline: null }, '2026-06-01')).toBe(false);
  });
});
