import fs from 'node:fs';
import os from 'node:os';
import type { Meta } from './dataset/target';
import { CONNECTIONS } from './load/drive';
import type { BurstResult } from './load/burst';
import type { DialectRun, PathResult } from './suite';

// Issue 6's targets for a hot read path, and for a burst.
export const TARGET = { p99: 50, dbShare: 0.5, burstP99: 200 };

const n0 = (x: number) => Math.round(x).toLocaleString('en');
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}` : '—');

export function machine(): string {
  return `${os.availableParallelism()} cores (\`nproc\`), ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function datasetLine(meta: Meta): string {
  const r = meta.rows;
  return `\`${meta.scale}\` dataset (${n0(r.orgs)} organisations, ${n0(r.members)} members, ${n0(r.users)} accounts, ${n0(r.proposals)} proposals, ${n0(r.congress_ballots)} ballots; built in ${meta.seconds.toFixed(0)} s)`;
}

function verdict(p: PathResult): string {
  const flags: string[] = [];
  if (p.app.failed) flags.push(`⚠ ${p.app.failed} failed (${JSON.stringify(p.app.statuses)})`);
  // A replay that fails answers fast: its floor would look higher than it is.
  if (p.db?.failed) flags.push(`⚠ db floor: ${p.db.failed} failed (${JSON.stringify(p.db.statuses)})`);
  if (p.kind === 'read') {
    if (p.app.p99 > TARGET.p99) flags.push(`p99 > ${TARGET.p99} ms`);
    if (p.db && p.app.rps < TARGET.dbShare * p.db.rps) flags.push(`< ${TARGET.dbShare * 100}% of db floor`);
    if (!flags.length) flags.push('✓');
  } else flags.push('(write)');
  if (p.note) flags.push(`floor: ${p.note}`);
  return flags.join('; ');
}

/** The per-path table with both floors, as Markdown. */
export function pathsTable(run: DialectRun): string {
  const rows = run.paths.map((p) =>
    `| ${p.name} | ${n0(p.app.rps)} | ${p.app.p50} | ${p.app.p99} | ${p.fw ? n0(p.fw.rps) : '—'} | ${ratio(p.app.rps, p.fw?.rps)} | ${p.db ? n0(p.db.rps) : '—'} | ${ratio(p.app.rps, p.db?.rps)} | ${p.db ? `${p.db.p50} / ${p.db.p99}` : '—'} | ${verdict(p)} |`,
  );
  return [
    `| path (${CONNECTIONS} connections) | req/s | p50 ms | p99 ms | framework floor req/s | app ÷ framework | database floor req/s | app ÷ database | db floor p50 / p99 ms | target: p99 ≤ ${TARGET.p99} ms, ≥ ${TARGET.dbShare * 100}% of db floor |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

export function burstsTable(runs: { dialect: string; bursts: BurstResult[] }[]): string {
  const rows = runs.flatMap((r) =>
    r.bursts.map((b) => `| ${r.dialect} | ${b.name} | ${b.accepted} / ${b.sent} | ${b.stored === b.sent ? `${b.stored} (none lost)` : `**${b.stored}**`} | ${b.p50.toFixed(0)} | ${b.p99.toFixed(0)} | ${b.runsP99.map((x) => x.toFixed(0)).join(', ')} | ${b.warmupP99.toFixed(0)} | ${b.max.toFixed(0)} | ${b.wallMs.toFixed(0)} | ${b.p99 <= TARGET.burstP99 && b.stored === b.sent ? '✓' : `✗ (target p99 ≤ ${TARGET.burstP99} ms, none lost)`} |`),
  );
  return ['| database | burst (median of 3, after a warm-up burst) | accepted | stored in the database | p50 ms | p99 ms | each run p99 ms | warm-up p99 ms | max ms | all answered after ms | target |', '|---|---|---:|---|---:|---:|---|---:|---:|---:|---|', ...rows].join('\n');
}

export function explainBlock(run: DialectRun): string {
  return run.explains.map((e) => `**${e.path}**\n\n\`\`\`sql\n${e.sql}\n\`\`\`\n\`\`\`\n${e.plan}\n\`\`\``).join('\n\n');
}

/** Replaces the text between `<!-- bench:name -->` and `<!-- /bench:name -->`, or appends the block. */
export function writeSection(file: string, name: string, body: string): void {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n';
  const block = `${open}\n${body.trim()}\n${close}`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  const next = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + close.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
