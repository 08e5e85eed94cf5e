import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataset } from './dataset/build';
import { targetOf } from './dataset/target';
import { burstsTable, pathsTable } from './report';
import { measureScaling, ROUNDS } from './scaling';
import { CONNECTIONS } from './load/drive';
import { pathsOf, runDialect } from './suite';

// Keeps the bench tooling from rotting: a tiny dataset through the real migrations, every registered
// path driven (64 requests, at most a second) against the real server and both floors, the bursts,
// the plans, the table and the scaling runs (16 requests a round). Nothing here asserts a timing.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-bench-smoke-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// PostgreSQL (when TEST_DATABASE_URL is set) gets a database of its own beside the test one.
const targets = [
  targetOf('sqlite', 'tiny', path.join(dir, 'tiny.db')),
  ...(process.env.TEST_DATABASE_URL ? [targetOf('postgres', 'tiny', Object.assign(new URL(process.env.TEST_DATABASE_URL), { pathname: '/tongxin_bench_smoke' }).toString())] : []),
];

describe.each(targets)('bench on $dialect', (t) => {
  it('measures every registered path, its floors and the bursts on a tiny dataset', async () => {
    const meta = await buildDataset({ ...t, metaFile: path.join(dir, `${t.dialect}.json`) });
    const run = await runDialect(t, meta, { seconds: 1, warmup: 0, amount: 64 });

    const table = pathsTable(run);
    for (const p of pathsOf(meta)) expect(table).toContain(`| ${p.name} |`);
    for (const p of run.paths) {
      expect(p.note, p.name).toBeUndefined();
      expect(p.app.requests, p.name).toBeGreaterThan(0);
      expect(p.app.failed, `${p.name}: ${JSON.stringify(p.app.statuses)}`).toBe(0);
      expect(p.db?.requests, p.name).toBeGreaterThan(0);
      expect(p.db?.failed, `${p.name} (db floor): ${JSON.stringify(p.db?.statuses)}`).toBe(0);
      expect(p.fw?.requests, p.name).toBeGreaterThan(0);
    }
    expect(run.bursts.map((b) => b.stored === b.sent && b.accepted === b.sent)).toEqual(run.bursts.map(() => true));
    expect(burstsTable([run])).toContain('none lost');
    expect(run.explains.length).toBeGreaterThan(3);

    // `--only`, and a warm-up and three rounds of the app and its database floor in turn, as a full run
    // does: the anonymous letters of all four stay within the server's daily limit per account.
    const only = ['proposals: figures (dashboard)', 'suggestions: write anonymously'];
    const one = await runDialect(t, meta, { seconds: 1, warmup: 0.5, amount: 64, rounds: 3 }, { only: (name) => only.includes(name) });
    const perRound = (name: string) => Math.max(CONNECTIONS, Math.min(64, pathsOf(meta).find((p) => p.name === name)!.limit ?? Infinity));
    expect(one.paths.map((p) => [p.name, p.app.failed, p.db?.failed, p.app.requests, p.db?.requests])).toEqual(only.map((n) => [n, 0, 0, 3 * perRound(n), 3 * perRound(n)]));
    expect(one.bursts).toEqual([]);

    // The scaling runs: the main paths at each size (here the one dataset twice), interleaved, every round kept.
    const grown = await measureScaling([{ label: 'a', target: t, meta }, { label: 'b', target: t, meta }], { seconds: 1, warmup: 0, amount: 16 });
    expect([...grown.keys()]).toEqual(pathsOf(meta).filter((p) => p.main).map((p) => p.name));
    for (const [name, at] of grown) {
      expect([...at.keys()], name).toEqual(['a', 'b']);
      for (const g of at.values()) expect([g.rounds.length, g.failed, g.ms > 0], name).toEqual([ROUNDS, 0, true]);
    }
  }, 120_000);
});
