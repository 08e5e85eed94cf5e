import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type TestApp } from '../../test/harness';

describe.each(DIALECTS)('proposal handlers list on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(dialect);
  });
  afterAll(() => t.close());

  it("lists the school's 承办 accounts to any committee member, not only to those who manage accounts", async () => {
    const committee = await t.as('committee');
    expect((await committee.get('/api/users')).status).toBe(403);
    const res = await committee.get('/api/proposals/handlers');
    expect(res.status).toBe(200);
    expect(res.json.items.map((u: { username: string }) => u.username)).toEqual([t.a.users.handler]);
    expect(JSON.stringify(res.json)).not.toContain(t.b.users.handler);
    expect((await (await t.as('member')).get('/api/proposals/handlers')).status).toBe(403);
  });
});
