// `npm run bench [-- --quick] [--db sqlite|postgres] [--scale school|city|province] [--scaling school,city,province]
//                 [--skip startup,import,web,scaling] [--write | --no-write]`
// A scaling size may name the one database it runs on: `--scaling school,city,province:postgres`.
// The whole suite: every registered hot path with its two floors, the bursts, `npm start` to healthy,
// the 10k roster import, the web's first screens, the scaling runs and EXPLAIN. PostgreSQL runs when
// DATABASE_URL points at one (or with --db postgres). A full run writes docs/performance.md; --quick
// (school scale, short runs, no scaling) prints only, unless --write.
import os from 'node:os';
import type { Dialect } from '../server/db/database';
import { dialectArg, parseArgs } from './args';
import { ensureDataset } from './dataset/build';
import { targetOf, type Meta } from './dataset/target';
import { timeImport } from './import-10k';
import { burstsTable, datasetLine, explainBlock, machine, pathsTable, writeSection } from './report';
import { measureStartup } from './startup';
import { measureScaling, ROUNDS, type Grown, type Size } from './scaling';
import { runDialect, type DialectRun, type Timing } from './suite';
import { buildWeb, measureLcp, screenSizes } from './web';

const DOC = 'docs/performance.md';
const args = parseArgs(process.argv.slice(2));
const quick = args.quick === true;
const dialects: Dialect[] = args.db ? [dialectArg(args.db)] : ['sqlite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
const scale = typeof args.scale === 'string' ? args.scale : quick ? 'school' : 'city';
/** `--only "figures,a file"`: only the paths (and bursts) whose names contain one of these, printed, not written. */
const only = typeof args.only === 'string' ? args.only.split(',').map((x) => x.trim().toLowerCase()) : undefined;
const skip = new Set(only ? ['startup', 'import', 'web', 'scaling'] : typeof args.skip === 'string' ? args.skip.split(',') : []);
/** Each scaling size with the databases it runs on: all of the run's, or the one it names (`province:postgres`). */
const scalingDialects = new Map(
  (typeof args.scaling === 'string' ? args.scaling.split(',') : quick ? [] : ['school', 'city']).map((x) => {
    const [size, only] = x.split(':');
    return [size, only ? dialects.filter((d) => d === dialectArg(only)) : dialects] as const;
  }),
);
// A size whose one database is not in this run (province:postgres without DATABASE_URL) is left out.
const scaling = [...scalingDialects.keys()].filter((s) => scalingDialects.get(s)!.length > 0);
const write = args.write === true || (!quick && !only && args['no-write'] !== true);
const timing: Timing = quick ? { seconds: 1.5, warmup: 0.3, floorSeconds: 0.7, mainFloorsOnly: true } : { seconds: 3, warmup: 2, floorSeconds: 3, rounds: 3 };
const log = (s: string) => console.log(s);
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');

const started = new Date();
const loadBefore = load();
log(`${machine()}; load average ${loadBefore}`);

const runs: { run: DialectRun; meta: Meta }[] = [];
// `--skip paths`: the other steps alone (the web's LCP after a web change); the paths' sections stay as they are.
for (const dialect of skip.has('paths') ? [] : dialects) {
  const t = targetOf(dialect, scale);
  const meta = await ensureDataset(t, log);
  log(`\n${dialect}: ${datasetLine(meta)}`);
  const run = await runDialect(t, meta, timing, { log, only: only && ((name) => only.some((x) => name.toLowerCase().includes(x))) });
  runs.push({ run, meta });
  log(`\n${pathsTable(run)}\n`);
}
if (runs.length) log(burstsTable(runs.map((r) => r.run)));

let startup = '';
if (!skip.has('startup')) {
  const rows: string[] = [];
  for (const dialect of dialects) {
    const s = await measureStartup(targetOf(dialect, scale).url);
    rows.push(`| ${dialect} (${scale} dataset) | ${s.median.toFixed(0)} | ${s.ms.map((x) => x.toFixed(0)).join(', ')} | ${s.median <= 3000 ? '✓' : '✗'} |`);
  }
  startup = ['| database | median ms | each start ms | target ≤ 3,000 ms |', '|---|---:|---|---|', ...rows].join('\n');
  log(`\nnpm start → healthy /api/health:\n${startup}`);
}

let imported = '';
if (!skip.has('import')) {
  // PostgreSQL: a throw-away schema in the dataset's database, as the integration tests do.
  if (dialects.includes('postgres')) process.env.TEST_DATABASE_URL ??= targetOf('postgres', scale).url;
  const rows = (await timeImport(dialects)).map((x) => `| ${x.dialect} | ${x.round} | ${x.seconds.toFixed(2)} | ${x.created} created, ${x.unchanged} unchanged, ${x.errors} errors | ${x.seconds <= 5 ? '✓' : '✗'} |`);
  imported = ['| database | round | seconds | result | target ≤ 5 s |', '|---|---|---:|---|---|', ...rows].join('\n');
  log(`\n10,000-row roster import:\n${imported}`);
}

let web = '';
if (!skip.has('web')) {
  const dist = typeof args['web-dist'] === 'string' ? args['web-dist'] : buildWeb();
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  const sizes = screenSizes(dist).map((s) => `| ${s.screen} | ${s.files} | ${kb(s.raw)} | ${kb(s.gzip)} | ${s.gzip <= 300 * 1024 ? '✓' : '✗'} |`);
  const sqlite = runs.find((r) => r.run.dialect === 'sqlite')?.meta ?? (await ensureDataset(targetOf('sqlite', scale), log));
  const lcp = (await measureLcp(dist, targetOf('sqlite', scale).url, sqlite.manifest.ground.typical.chair)).map(
    (l) => `| ${l.screen} | ${l.lcpMs.toFixed(0)} | ${l.runs.map((x) => x.toFixed(0)).join(', ')} | ${kb(l.jsOnWire)} | ${l.lcpMs <= 2500 ? '✓' : '✗'} |`,
  );
  web = [
    ...(runs.length ? [] : [`Measured on its own at ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC (\`--skip paths\`), on the \`${scale}\` SQLite dataset.`, '']),
    '| first screen | JS files | JS raw | JS gzipped | target ≤ 300 KB gzipped |', '|---|---:|---:|---:|---|', ...sizes, '',
    '| first screen (phone, 4× CPU slowdown, 1.6 Mbps / 150 ms, cold cache) | LCP ms (median) | each run ms | JS bytes on the wire | target ≤ 2,500 ms |', '|---|---:|---|---:|---|', ...lcp,
  ].join('\n');
  log(`\nweb:\n${web}`);
}

let scaled = '';
if (!skip.has('scaling') && scaling.length > 1) {
  const per = new Map<string, Map<string, Grown>>();
  const members = new Map<string, number>();
  for (const dialect of dialects) {
    const sizes: Size[] = [];
    for (const s of scaling.filter((x) => scalingDialects.get(x)!.includes(dialect))) {
      const target = targetOf(dialect, s);
      const meta = await ensureDataset(target, log);
      members.set(s, meta.rows.members);
      sizes.push({ label: s, target, meta });
    }
    if (!sizes.length) continue;
    log(`\nscaling: ${dialect} at ${sizes.map((x) => x.label).join(', ')}, interleaved, median of ${ROUNDS}`);
    for (const [name, m] of await measureScaling(sizes, { seconds: quick ? 1 : 2, warmup: 1 }, log)) per.set(`${dialect} · ${name}`, m);
  }
  const [first] = scaling;
  const bound = (s: string) => Math.log2(members.get(s)!) / Math.log2(members.get(first)!);
  const head = `| path | ${scaling.map((s) => `${s} (${members.get(s)!.toLocaleString('en')} members) ms/request`).join(' | ')} | ${scaling.slice(1).map((s) => `growth ${s} ÷ ${first} (log bound ${bound(s).toFixed(2)})`).join(' | ')} |`;
  const cell = (g: Grown | undefined) => (g ? `${g.ms.toFixed(2)}${g.failed ? ` (${g.failed} failed)` : ''}` : '—');
  const rows = [...per].map(([key, m]) => `| ${key} | ${scaling.map((s) => cell(m.get(s))).join(' | ')} | ${scaling.slice(1).map((s) => {
    if (!m.has(s) || !m.has(first)) return '—';
    const g = m.get(s)!.ms / m.get(first)!.ms;
    return `${g.toFixed(2)} ${g <= bound(s) ? '✓' : '✗'}`;
  }).join(' | ')} |`);
  scaled = [head, `|---|${scaling.map(() => '---:').join('|')}|${scaling.slice(1).map(() => '---').join('|')}|`, ...rows].join('\n');
  log(`\nscaling:\n${scaled}`);
}

if (write) {
  const header = [
    `Run of ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (--quick)' : ''}: ${machine()}.`,
    `Load average (1 / 5 / 15 min) before: ${loadBefore}; after: ${load()} — the machine is shared, so compare each path with its floors, measured beside it in the same run.`,
    ...runs.map((r) => `- ${r.run.dialect}: ${datasetLine(r.meta)}`),
    timing.rounds && timing.rounds > 1
      ? `- Each path: ${timing.rounds} rounds of the app (${timing.seconds} s) and its database floor (${timing.floorSeconds} s) in turn after a ${timing.warmup} s warm-up of each; req/s and p50 are the middle round's, p99 the worst round's; the framework floor once (${timing.floorSeconds} s). 16 connections, autocannon 9.`
      : `- Each run: ${timing.seconds} s measured after ${timing.warmup} s warm-up (floors ${timing.floorSeconds} s), 16 connections, autocannon 9.`,
  ].join('\n');
  if (runs.length) writeSection(DOC, 'run', header);
  for (const { run } of runs) writeSection(DOC, `paths-${run.dialect}`, pathsTable(run));
  if (runs.length) writeSection(DOC, 'bursts', burstsTable(runs.map((r) => r.run)));
  if (startup) writeSection(DOC, 'startup', startup);
  if (imported) writeSection(DOC, 'import', imported);
  if (web) writeSection(DOC, 'web', web);
  if (scaled) writeSection(DOC, 'scaling', scaled);
  for (const { run } of runs) writeSection(DOC, `explain-${run.dialect}`, explainBlock(run));
  log(`\nwritten to ${DOC}`);
}
