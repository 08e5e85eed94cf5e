import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name: full pinyin without tones or spaces ("zhangsan") and initials ("zs").
 * Surname mode reads 单/曾/区… as surnames (shan, zeng, ou). Non-Chinese characters are kept, lowercased.
 */
export function nameKeys(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true });
  const parts = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { full: parts.join(''), initials: parts.map((p) => p[0]).join('') };
}
