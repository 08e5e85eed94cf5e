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

  it("computes China's time without Intl exactly as Intl does, every hour of a year and across 1991's last daylight saving", () => {
    const intl = (zone: string, at: Date) => {
      const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
      const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
    };
    const starts = [Date.UTC(2024, 0, 1), Date.UTC(1991, 3, 1)];
    for (const start of starts) {
      for (let h = 0; h < 24 * 366; h += 7) {
        const at = new Date(start + h * 3_600_000 + 1234);
        for (const zone of ['Asia/Shanghai', 'PRC']) {
          expect(localDateTime(zone, at)).toBe(intl(zone, at));
          expect(localDate(zone, at)).toBe(intl(zone, at).slice(0, 10));
        }
      }
    }
  });

  it('starts a local day at the right UTC instant, daylight saving included', () => {
    expect(localDayStartUtc('2025-09-01', 'Asia/Shanghai')).toBe('2025-08-31T16:00:00.000Z');
    expect(localDayStartUtc('2025-08-31', 'Asia/Shanghai', 1)).toBe('2025-08-31T16:00:00.000Z');
    expect(localDayStartUtc('2025-07-01', 'America/New_York')).toBe('2025-07-01T04:00:00.000Z');
    expect(localDayStartUtc('2025-01-01', 'America/New_York')).toBe('2025-01-01T05:00:00.000Z');
  });
});
