/** A small seeded PRNG (mulberry32) so the demo school is the same on every machine. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Rng = ReturnType<typeof seeded>;

// Common surnames, weighted by repetition towards the most frequent ones.
const SURNAMES = '王王王李李李张张张刘刘陈陈杨杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙陶黎贺顾毛郝龚邵万钱严武戴孔汤单'.split('');
const FEMALE = '婷静丽敏燕芳娟霞琳雪慧洁颖倩雅欣佳悦璐萌玲红梅兰晶莉蕾婧瑶'.split('');
const MALE = '伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫宇浩博文俊凯峰志建国林海'.split('');
const MIDDLE = '晓子思一家佳雨文春秋海玉丽建志永金德'.split('');

export function chineseName(rng: Rng, gender: 'male' | 'female'): string {
  const given = gender === 'female' ? FEMALE : MALE;
  const surname = rng.pick(SURNAMES);
  return rng.chance(0.7) ? surname + rng.pick(MIDDLE) + rng.pick(given) : surname + rng.pick(given);
}

export function mobile(rng: Rng): string {
  return rng.pick(['138', '139', '136', '150', '151', '158', '177', '180', '186', '189']) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

export const isoDay = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Dates for the demo relative to today, so it always has a past session whose proposals are
 * handled (the most recent August whose follow-up, into October, is over) and a session to come.
 */
export function demoCalendar(today: string) {
  const y = Number(today.slice(0, 4));
  const past = today >= `${y}-11-01` ? y : y - 1;
  const next = addDays(today, 90);
  return {
    pastYear: past,
    termStart: `${past - 2}-09-01`,
    termEnd: `${past + 3}-08-31`,
    pastSession: `${past}-08-28`,
    nextSession: next,
    windowOpens: addDays(today, -14),
    windowCloses: addDays(next, -7),
    at: (monthDay: string, time = '02:00:00') => `${past}-${monthDay}T${time}.000Z`,
  };
}
