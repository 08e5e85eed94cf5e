// 中文大写金额 for printed forms (签收单): the digits and rules of 《支付结算办法》附件《正确填写票据和结算凭证的基本规定》.

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

/** 0–9999 without leading 零; one 零 stands for any run of zeros between digits. */
function section(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    out += DIGITS[d] + PLACES[place];
    zero = false;
  }
  return out;
}

/** A whole number in 大写 with 万/亿 sections: 10010 → 壹万零壹拾, 100000001 → 壹亿零壹. */
function integer(n: number): string {
  const sections: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) sections.push(rest % 10000);
  let out = '';
  let gap = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i];
    if (s === 0) {
      gap = out !== '';
      continue;
    }
    if (out && (gap || s < 1000)) out += '零';
    out += section(s) + SECTIONS[i];
    gap = false;
  }
  return out;
}

/**
 * 分 in 中文大写: 220000 → 贰仟贰佰元整, 105 → 壹元零伍分, 1030 → 壹拾元叁角. 整 follows 元 only
 * (the rule allows it after 角 too, and forbids it after 分); 0 → 零元整.
 */
export function chineseAmount(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of 分: ${fen}`);
  if (fen < 0) return `负${chineseAmount(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  const head = yuan > 0 ? `${integer(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${head}整`;
  const tail = (jiao > 0 ? `${DIGITS[jiao]}角` : head ? '零' : '') + (cents > 0 ? `${DIGITS[cents]}分` : '');
  return head + tail;
}
