import { describe, expect, it } from 'vitest';
import { namePinyin, nameSearchKeys } from './pinyin';

describe('name search keys', () => {
  it('gives full pinyin and reads polyphonic surnames as surnames', () => {
    expect(namePinyin('张小明')).toBe('zhangxiaoming');
    expect(namePinyin('曾国强')).toBe('zengguoqiang');
    expect(namePinyin('单雪')).toBe('shanxue');
  });

  it('indexes every suffix of the characters, the syllables and the initials', () => {
    expect(nameSearchKeys('张小明').sort()).toEqual(['m', 'ming', 'xiaoming', 'xm', 'zhangxiaoming', 'zxm', '小明', '明', '张小明'].sort());
  });

  it('keeps Latin names searchable', () => {
    expect(nameSearchKeys('Anna Li')).toContain('annali');
  });
});
