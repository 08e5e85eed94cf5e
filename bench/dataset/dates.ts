import type { Rng } from '../../scripts/demo/random';
import { LAST_YEAR } from './scales';

// The calendar arithmetic every generator shares. Dates are YYYY-MM-DD, times ISO-8601 UTC; a school
// day's work is stamped at 10:00 Beijing time (02:00Z) unless a generator says otherwise.

const DAY_MS = 86_400_000;

// Millions of rows take their dates from a few thousand days: each day is parsed and printed once.
const dayNumbers = new Map<string, number>();
const dayNames = new Map<number, string>();
const dayNumber = (date: string): number => {
  let n = dayNumbers.get(date);
  if (n === undefined) dayNumbers.set(date, (n = Date.parse(`${date}T00:00:00Z`) / DAY_MS));
  return n;
};
const dayName = (n: number): string => {
  let d = dayNames.get(n);
  if (d === undefined) dayNames.set(n, (d = new Date(n * DAY_MS).toISOString().slice(0, 10)));
  return d;
};

/** The date `days` after `date` (before, when negative). */
export const addDays = (date: string, days: number): string => dayName(dayNumber(date) + days);

/** A time on the date `days` after `date`. */
export const stamp = (date: string, days = 0, time = '02:00:00'): string => `${addDays(date, days)}T${time}.000Z`;

/** Whole days from `from` to `to`. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** A random date of school year `year` (1 September `year` … 31 August `year + 1`), `from`/`to` days into it. */
export const dayOfYear = (rng: Rng, year: number, from = 0, to = 364): string => addDays(`${year}-09-01`, rng.int(from, to));

/**
 * The first day after the datasets' fixed calendar (学年 LAST_YEAR ends 31 August): every row a
 * generator writes is dated before it, every row a bench write makes is dated after it (today), so a
 * path's reset deletes exactly what the bench wrote.
 */
export const DATASET_END = `${LAST_YEAR + 1}-09-01`;
