import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Dialect } from '../../server/db/database';
import { scaleOf, type Scale } from './scales';

/** Where a dataset lives, and the sidecar file describing it (what was built, how long it took, the manifest). */
export interface Target {
  dialect: Dialect;
  scale: Scale;
  url: string;
  metaFile: string;
}

export interface Meta {
  fingerprint: string;
  scale: string;
  dialect: Dialect;
  builtAt: string;
  seconds: number;
  steps: Record<string, number>;
  rows: Record<string, number>;
  manifest: Record<string, any>;
}

export function targetOf(dialect: Dialect, scaleName: string, out?: string): Target {
  const scale = scaleOf(scaleName);
  if (dialect === 'sqlite') {
    const file = out ?? `data/bench/${scale.name}.db`;
    return { dialect, scale, url: `sqlite:${file}`, metaFile: `${file}.json` };
  }
  const base = out ?? process.env.DATABASE_URL;
  if (!base || !/^postgres(ql)?:\/\//.test(base)) throw new Error('--db postgres needs DATABASE_URL=postgres://… (or --out postgres://…)');
  // One database per scale beside the one named, so school, city and province can all be kept.
  const u = new URL(base);
  if (!out) u.pathname = `${u.pathname.slice(1) || 'tongxin_bench'}_${scale.name}`;
  return { dialect, scale, url: u.toString(), metaFile: `data/bench/${scale.name}.postgres.${u.pathname.slice(1)}.json` };
}

export function readMeta(t: Target): Meta | null {
  try {
    return JSON.parse(fs.readFileSync(t.metaFile, 'utf8')) as Meta;
  } catch {
    return null;
  }
}

export function writeMeta(t: Target, meta: Meta): void {
  fs.mkdirSync(path.dirname(t.metaFile), { recursive: true });
  fs.writeFileSync(t.metaFile, JSON.stringify(meta, null, 1));
}

/** Drops and recreates the dataset's database (PostgreSQL) or deletes its file (SQLite). */
export async function recreate(t: Target): Promise<void> {
  fs.rmSync(t.metaFile, { force: true });
  if (t.dialect === 'sqlite') {
    const file = t.url.slice('sqlite:'.length);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    // `npm run bench:data` on a fresh clone: data/bench/ does not exist yet.
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return;
  }
  const u = new URL(t.url);
  const name = u.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}
