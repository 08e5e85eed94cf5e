import { localDateTime } from '../../common/time';

export { localDate } from '../../common/time';

/** Current instant as ISO-8601 UTC text, the one format every table stores. */
export const nowIso = (): string => new Date().toISOString();

export const addHours = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
export const addMinutes = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/**
 * The UTC instant at which local calendar day `date` (+ `plusDays`) starts in `timeZone`, so that a
 * filter "from 2025-09-01" means the school's 1 September, not UTC's.
 */
export function localDayStartUtc(date: string, timeZone: string, plusDays = 0): string {
  const base = Date.parse(`${date}T00:00:00Z`) + plusDays * 86_400_000;
  return new Date(base - zoneOffsetMs(new Date(base), timeZone)).toISOString();
}

function zoneOffsetMs(at: Date, timeZone: string): number {
  return Date.parse(`${localDateTime(timeZone, at)}Z`) - at.getTime();
}
