import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan } from '../../common/funds';
import { chineseAmount } from './money';

describe('chineseAmount (中文大写金额)', () => {
  it.each([
    [220000, '贰仟贰佰元整'],
    [0, '零元整'],
    [1000, '壹拾元整'],
    [1030, '壹拾元叁角'],
    [105, '壹元零伍分'],
    [5, '伍分'],
    [50, '伍角'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [1001000, '壹万零壹拾元整'],
    [10000000, '壹拾万元整'],
    [10700053, '壹拾万柒仟元伍角叁分'],
    [100000100, '壹佰万零壹元整'],
    [10000000100, '壹亿零壹元整'],
    [123456789012, '壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分'],
    [700000, '柒仟元整'],
    [-50000, '负伍佰元整'],
  ])('%i 分 → %s', (fen, words) => {
    expect(chineseAmount(fen)).toBe(words);
  });

  it('refuses a fraction of a 分', () => {
    expect(() => chineseAmount(1.5)).toThrow(RangeError);
  });
});

describe('yuan text', () => {
  it('formats 分 as 元 with two decimals and separators', () => {
    expect(formatYuan(220000)).toBe('2,200.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-123456)).toBe('-1,234.56');
  });
  it('parses what people type into exact 分', () => {
    expect(parseYuan('2200')).toBe(220000);
    expect(parseYuan('2,200.5')).toBe(220050);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('19.99')).toBe(1999);
    for (const bad of ['', '1.234', '-5', 'abc', '1e3']) expect(parseYuan(bad)).toBeNull();
  });
});
