import dayjs, { type Dayjs } from 'dayjs';
import './congress.css';

/** Dates travel as YYYY-MM-DD strings; only the picker sees dayjs objects (as in MemberForm). */
export const dateProps = {
  getValueProps: (v: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};
