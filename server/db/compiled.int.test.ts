import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type TestApp } from '../test/harness';
import { compiledQuery, perShape } from './compiled';

describe.each(DIALECTS)('compiledQuery on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => (t = await makeApp(dialect)));
  afterAll(() => t?.close());

  const orgByName = compiledQuery((db, p: { name: string; kind: string }) =>
    db.selectFrom('orgs').select(['id', 'name']).where('name', '=', p.name).where('kind', '=', p.kind).orderBy('id'),
  );

  it('answers each call with its own values, as the plain query does', async () => {
    const { db } = t.database;
    for (const [name, kind] of [['第一中学', 'school'], ['第二小学', 'school'], ['同心区教育工会', 'union'], ['第一中学', 'union']]) {
      const plain = await db.selectFrom('orgs').select(['id', 'name']).where('name', '=', name).where('kind', '=', kind).orderBy('id').execute();
      expect(await orgByName(db, { name, kind })).toEqual(plain);
    }
    expect((await orgByName(db, { name: '第一中学', kind: 'school' })).map((o) => o.id)).toEqual([t.a.orgId]);
  });

  it('runs inside a transaction on the transaction', async () => {
    await t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('orgs').set({ name: '第一中学（改）' }).where('id', '=', t.a.orgId).execute();
      expect(await orgByName(trx, { name: '第一中学（改）', kind: 'school' })).toHaveLength(1);
      await trx.updateTable('orgs').set({ name: '第一中学' }).where('id', '=', t.a.orgId).execute();
    });
    expect(await orgByName(t.database.db, { name: '第一中学（改）', kind: 'school' })).toEqual([]);
  });

  it("never sees another request's open transaction, and waits for none that it need not", async () => {
    const { db } = t.database;
    let changed!: () => void;
    let finish!: () => void;
    const wrote = new Promise<void>((r) => (changed = r));
    const open = db.transaction().execute(async (trx) => {
      await trx.updateTable('orgs').set({ name: '未提交' }).where('id', '=', t.a.orgId).execute();
      changed();
      await new Promise<void>((r) => (finish = r)); // the request awaits something, its transaction open
      throw new Error('rolled back');
    });
    await wrote;
    // On SQLite the connection is in the transaction: the query queues behind it and sees the rollback.
    const during = orgByName(db, { name: '未提交', kind: 'school' });
    finish();
    await expect(open).rejects.toThrow('rolled back');
    expect(await during).toEqual([]);
    // With no transaction open, SQLite's query runs at once, even while Kysely's lock is held by a plain query.
    const [a, b] = await Promise.all([db.selectFrom('orgs').select('id').where('id', '=', t.a.orgId).execute(), orgByName(db, { name: '第一中学', kind: 'school' })]);
    expect([a, b.map((o) => ({ id: o.id }))]).toEqual([[{ id: t.a.orgId }], [{ id: t.a.orgId }]]);
  });

  it('refuses a builder that uses a value outside the query', async () => {
    const branching = compiledQuery((db, p: { name: string }) => db.selectFrom('orgs').select('id').where('name', '=', p.name.trim()));
    await expect(branching(t.database.db, { name: '第一中学' })).rejects.toThrow();
    const unused = compiledQuery((db, p: { name: string; kind: string }) => db.selectFrom('orgs').select('id').where('kind', '=', p.kind === 'x' ? 'union' : 'school'));
    await expect(unused(t.database.db, { name: 'a', kind: 'school' })).rejects.toThrow(/kind used outside a query parameter/);
  });

  it('makes one query per shape, on its first use, and runs each with its own shape', async () => {
    let made = 0;
    const byKinds = perShape(
      (kinds: string[]) => kinds.join(),
      (kinds) => (made++, compiledQuery((db, p: { name: string }) => db.selectFrom('orgs').select('id').where('name', '=', p.name).where('kind', 'in', kinds))),
    );
    expect(byKinds(['school'])).toBe(byKinds(['school']));
    expect(made).toBe(1);
    const { db } = t.database;
    expect(await byKinds(['union'])(db, { name: '第一中学' })).toEqual([]);
    expect(await byKinds(['school', 'union'])(db, { name: '第一中学' })).toEqual([{ id: t.a.orgId }]);
    expect(made).toBe(3);
  });
});
