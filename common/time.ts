// Calendar dates in a school's time zone, for the server and the browser alike: "today" is the school's,
// not the machine's (a browser abroad, a server in UTC).

// Building an Intl.DateTimeFormat costs more than a whole indexed query; a school has one time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
export function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/**
 * China's one legal time (UTC+8, no daylight saving since September 1991), computed without Intl: a phone's
 * first Intl.DateTimeFormat with a time zone loads the zone data, ~40 ms before the home page can render.
 */
const CHINA_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'PRC']);
const CHINA_LAST_DST_END = Date.UTC(1991, 8, 16);
const chinaWallClock = (timeZone: string, at: Date) =>
  CHINA_ZONES.has(timeZone) && at.getTime() >= CHINA_LAST_DST_END ? new Date(at.getTime() + 8 * 3_600_000).toISOString() : undefined;

/** Today's calendar date in the school's time zone, as YYYY-MM-DD. */
export function localDate(timeZone = 'Asia/Shanghai', at: Date = new Date()): string {
  const china = chinaWallClock(timeZone, at);
  if (china) return china.slice(0, 10);
  return cachedFormat(`d:${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(at);
}

/** The wall-clock time in `timeZone` at `at`, as YYYY-MM-DDTHH:mm:ss. */
export function localDateTime(timeZone = 'Asia/Shanghai', at: Date = new Date()): string {
  const china = chinaWallClock(timeZone, at);
  if (china) return china.slice(0, 19);
  const parts = cachedFormat(`t:${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}
