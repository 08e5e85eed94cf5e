import { describe, expect, it } from 'vitest';
import { localDayStartUtc } from '../server/lib/time';
import { localDate, localDateTime } from './time';

describe("a school's calendar", () => {
  const lateUtc = new Date('2026-12-06T17:30:05Z');

  it("reads today and the clock in the school's zone, not the machine's", () => {
    expect(localDate('Asia/Shanghai', lateUtc)).toBe('2026-12-07');
    expect(localDate('UTC', lateUtc)).toBe('2026-12-06');
    expect(localDateTime('Asia/Shanghai', lateUtc)).toBe('2026-12-07T01:30:05');
    expect(localDateTime('Asia/Urumqi', lateUtc)).toBe('2026-12-06T23:30:05');
  });

  it('starts a local day at the right UTC instant, daylight saving included', () => {
    expect(localDayStartUtc('2025-09-01', 'Asia/Shanghai')).toBe('2025-08-31T16:00:00.000Z');
    expect(localDayStartUtc('2025-08-31', 'Asia/Shanghai', 1)).toBe('2025-08-31T16:00:00.000Z');
    expect(localDayStartUtc('2025-07-01', 'America/New_York')).toBe('2025-07-01T04:00:00.000Z');
    expect(localDayStartUtc('2025-01-01', 'America/New_York')).toBe('2025-01-01T05:00:00.000Z');
  });
});
