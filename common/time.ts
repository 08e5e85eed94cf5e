// Calendar dates in a school's time zone, for the server and the browser alike: "today" is the school's,
// not the machine's (a browser abroad, a server in UTC).

// Building an Intl.DateTimeFormat costs more than a whole indexed query; a school has one time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
export function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** Today's calendar date in the school's time zone, as YYYY-MM-DD. */
export function localDate(timeZone = 'Asia/Shanghai', at: Date = new Date()): string {
  return cachedFormat(`d:${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(at);
}

/** The wall-clock time in `timeZone` at `at`, as YYYY-MM-DDTHH:mm:ss. */
export function localDateTime(timeZone = 'Asia/Shanghai', at: Date = new Date()): string {
  const parts = cachedFormat(`t:${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}
