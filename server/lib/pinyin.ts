import { pinyin } from 'pinyin-pro';

function syllables(name: string): string[] {
  // Surname mode reads 单/曾/区… as surnames (shan, zeng, ou); non-Chinese runs stay one lower-cased chunk.
  const raw = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true });
  return raw.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
}

/** Full pinyin without tones or spaces ("zhangxiaoming"), the sort key for names. */
export const namePinyin = (name: string): string => syllables(name).join('');

/**
 * Every key a name is found by, so that one prefix lookup answers the search box: each suffix of the
 * name (张小明, 小明, 明), of its pinyin by syllable (zhangxiaoming, xiaoming, ming) and of its initials
 * (zxm, xm, m). Searching "小明", "xiaoming" or "xm" thus finds 张小明 without scanning.
 */
export function nameSearchKeys(name: string): string[] {
  const chars = [...name.replace(/\s+/g, '').toLowerCase()];
  const syl = syllables(name);
  const keys = new Set<string>();
  const suffixes = (parts: string[]) => parts.forEach((_, i) => keys.add(parts.slice(i).join('')));
  suffixes(chars);
  suffixes(syl);
  suffixes(syl.map((s) => s[0]));
  return [...keys].filter(Boolean);
}
