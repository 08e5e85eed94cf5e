import type { Compilable, CompiledQuery } from 'kysely';
import { runAtOnce, type Db } from './database';

/** Stands for one named value while a query is compiled; each call puts its own value in its place. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A query built and compiled to SQL once per database handle, then run with each call's values. For the
 * queries nearly every request (or every ballot of a burst) runs: Kysely's building and compiling of a
 * small join costs ~20 µs, three times what SQLite takes to run it by its index.
 *
 * The builder may use each value only as a parameter of the query (compared, inserted, a limit), never in
 * its own logic, and no arrays (a list's length shapes the SQL): the first compile throws otherwise. In a
 * transaction (a new handle each time) the query is compiled anew, as a plain query would be.
 */
export function compiledQuery<P extends Record<string, string | number | null>, O>(build: (db: Db, values: P) => Compilable<O>) {
  const cache = new WeakMap<Db, CompiledQuery<O>>();
  const compile = (db: Db): CompiledQuery<O> => {
    const used = new Set<string>();
    const slots = new Proxy({} as P, { get: (_t, name) => (used.add(String(name)), new Slot(String(name))) });
    const query = build(db, slots).compile();
    const bound = new Set(query.parameters.filter((v) => v instanceof Slot).map((v) => v.name));
    const misused = [...used].filter((n) => !bound.has(n));
    if (misused.length) throw new Error(`compiledQuery: ${misused.join(', ')} used outside a query parameter`);
    return query;
  };
  return async (db: Db, values: P): Promise<O[]> => {
    let query = cache.get(db);
    if (!query) cache.set(db, (query = compile(db)));
    const parameters = query.parameters.map((v) => (v instanceof Slot ? values[v.name] : v));
    return (runAtOnce(db, query.sql, parameters) as O[] | null) ?? (await db.executeQuery<O>(Object.assign({}, query, { parameters }))).rows;
  };
}

/**
 * One compiled query (or a set of them) per shape of its SQL, made on the shape's first use: for builders
 * whose SQL itself changes with a list in it or a filter present. `keyOf` names a shape; a builder has few.
 */
export function perShape<S, T>(keyOf: (shape: S) => string, make: (shape: S) => T): (shape: S) => T {
  const made = new Map<string, T>();
  return (shape) => {
    const key = keyOf(shape);
    let queries = made.get(key);
    if (!queries) made.set(key, (queries = make(shape)));
    return queries;
  };
}

type Page = { page: number; pageSize: number };
/** A list's page and its count from a pair of compiled queries: `total` counts what `rows` pages. */
export async function pageOf<P, R>(
  db: Db,
  queries: { total: (db: Db, p: P) => Promise<{ total: number | string }[]>; rows: (db: Db, p: P & { limit: number; offset: number }) => Promise<R[]> },
  values: P,
  { page, pageSize }: Page,
): Promise<{ rows: R[]; total: number }> {
  const [counted, rows] = await Promise.all([queries.total(db, values), queries.rows(db, { limit: pageSize, offset: (page - 1) * pageSize, ...values })]);
  return { rows, total: Number(counted[0].total) };
}
