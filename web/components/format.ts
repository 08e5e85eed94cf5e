import dayjs from 'dayjs';

/** UTC ISO time from the API, shown in the browser's (the school's) local time. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}
