import { isIsoDate, type Gender } from '../../../common/members';

// Chinese resident identity numbers (公民身份号码, GB 11643-1999). Used only to derive gender and
// birth date during imports; callers must never store or echo the number itself.

export type IdCardResult = { ok: true; birthDate: string; gender: Gender } | { ok: false; reason: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits of an 18-digit number. */
function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function birthDate(y: string, m: string, d: string): string | null {
  const s = `${y}-${m}-${d}`;
  const year = Number(y);
  return year >= 1900 && year <= 2100 && isIsoDate(s) ? s : null;
}

export function parseIdCard(input: string): IdCardResult {
  // Tolerate what clerks type: spaces, full-width digits, a lower-case x.
  const s = input
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
  if (s.length !== 18 && s.length !== 15) return { ok: false, reason: '位数不对（应为 18 位）' };
  if (!/^(\d{17}[\dX]|\d{15})$/.test(s)) return { ok: false, reason: '含有无效字符' };

  // Old 15-digit numbers (issued before 1999) have a 2-digit year in the 1900s and no check digit.
  const long = s.length === 18;
  const date = long ? birthDate(s.slice(6, 10), s.slice(10, 12), s.slice(12, 14)) : birthDate(`19${s.slice(6, 8)}`, s.slice(8, 10), s.slice(10, 12));
  if (!date) return { ok: false, reason: '出生日期无效' };
  if (long && idCardCheckChar(s) !== s[17]) return { ok: false, reason: '校验位不正确' };

  const genderDigit = Number(s[long ? 16 : 14]);
  return { ok: true, birthDate: date, gender: genderDigit % 2 === 1 ? 'male' : 'female' };
}
