import type { Dialect } from '../server/db/database';

/** `--name value` and `--flag` options of the bench commands. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const next = argv[i + 1];
    out[a.slice(2)] = next !== undefined && !next.startsWith('--') ? (i++, next) : true;
  }
  return out;
}

export function dialectArg(v: string | true | undefined): Dialect {
  if (v === undefined) return 'sqlite';
  if (v !== 'sqlite' && v !== 'postgres') throw new Error('--db sqlite | postgres');
  return v;
}
