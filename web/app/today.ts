import dayjs, { type Dayjs } from 'dayjs';
import { localDateTime } from '../../common/time';
import { useUser } from './auth';

/**
 * Now on the school's clock (its time zone, not the device's, which may be abroad or set to UTC):
 * for "today", default dates, the year and the greeting. For signed-in pages.
 */
export function useSchoolNow(): Dayjs {
  return dayjs(localDateTime(useUser().org.timeZone));
}

/** Today's date on the school's clock, as YYYY-MM-DD. */
export const useSchoolToday = (): string => useSchoolNow().format('YYYY-MM-DD');

/** This year and the `n - 1` before it, newest first, for year pickers. */
export const useRecentYears = (n = 5): number[] => {
  const y = useSchoolNow().year();
  return Array.from({ length: n }, (_, i) => y - i);
};
