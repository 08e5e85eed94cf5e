import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { multipart } from '../../test/roster';
import { PDF } from '../files/files.fixture';
import { draft, published, setupDesk, shiftDate, today, type Desk } from './disclosures.fixture';

// 资料 (attachments) through the generic files module: whoever may read the item reads them; the
// committee changes them only while the item is a draft; they count as the year's 资料份数.

describe.each(DIALECTS)('disclosure attachments on %s', (dialect) => {
  let t: TestApp;
  let d: Desk;
  beforeAll(async () => {
    t = await makeApp(dialect);
    d = await setupDesk(t, 'f');
  });
  afterAll(() => t.close());

  const files = (c: Client, id: string) => c.get(`/api/files?ownerKind=disclosure&ownerId=${id}`);
  const upload = async (c: Client, id: string, name = '绩效工资分配明细表.pdf') =>
    c.request('POST', `/api/files?ownerKind=disclosure&ownerId=${id}`, await multipart(PDF, { filename: name, type: 'application/pdf' }));

  it('lets the committee attach files to a draft, readers read them once it is up, and nobody change them after', async () => {
    const id = await draft(d, { title: '带附件的草稿' });
    expect((await upload(d.committee, id)).status).toBe(201);
    expect((await upload(d.supervisor, id)).status).toBe(403);
    expect((await files(d.supervisor, id)).json.total).toBe(1);
    // A draft's files are as invisible to staff as the draft itself.
    expect((await files(d.staff[2], id)).status).toBe(404);
    expect((await upload(d.staff[2], id)).status).toBe(404);

    const { ids } = await published(d, [{ title: '公开的附件', audience: 'staff' }, { title: '代表的附件', audience: 'delegates' }]);
    const [staffItem, delegatesItem] = ids;
    expect((await upload(d.committee, staffItem)).status).toBe(403);
    expect((await files(d.staff[0], staffItem)).status).toBe(200);
    expect((await files(d.staff[2], delegatesItem)).status).toBe(404);
    expect((await files(d.staff[0], delegatesItem)).status).toBe(200);
    expect((await t.client().get(`/api/files?ownerKind=disclosure&ownerId=${staffItem}`)).status).toBe(401);
  });

  it('counts attached files as 资料份数 of the items published in the year', async () => {
    const issue = (await d.committee.post('/api/disclosure-issues', {})).json;
    const id = await draft(d, { title: '年度资料', issueId: issue.id });
    for (const n of [1, 2, 3]) expect((await upload(d.committee, id, `资料${n}.pdf`)).status).toBe(201);
    const file = (await files(d.committee, id)).json.items[2];
    expect((await d.committee.del(`/api/files/${file.id}`)).status).toBe(204);
    await d.committee.post(`/api/disclosures/${id}/submit`);
    await d.supervisor.post(`/api/disclosures/${id}/approve`);
    expect((await d.chair.post(`/api/disclosure-issues/${issue.id}/publish`)).status).toBe(200);
    // Published: readers download it; the committee can no longer remove it.
    const kept = (await files(d.staff[3], id)).json.items[0];
    const got = await d.staff[3].get(`/api/files/${kept.id}`);
    expect(got.status).toBe(200);
    expect(got.raw.equals(PDF)).toBe(true);
    expect((await d.committee.del(`/api/files/${kept.id}`)).status).toBe(403);
    const stats = (await d.chair.get('/api/disclosures/stats')).json;
    expect(stats.attachments).toBe(2);
    expect(stats.byCategory[0].attachments).toBe(2);
  });

  it('serves a live public item’s files without sign-in, with the download headers, and 404 for any other file', async () => {
    const issue = (await d.committee.post('/api/disclosure-issues', {})).json;
    const item = (spec: Parameters<typeof draft>[1]) => draft(d, { issueId: issue.id, ...spec });
    const [pub, staff, later] = [await item({ title: '招生计划', audience: 'public' }), await item({ title: '内部资料', audience: 'staff' }), await item({ title: '下月公开', audience: 'public', visibleFrom: shiftDate(today(), 10) })];
    const unpublished = await draft(d, { title: '未审核', audience: 'public' });
    const fileOf = async (id: string) => (await upload(d.committee, id, `${id}.pdf`)).json.id as string;
    const [pubFile, staffFile, laterFile, draftFile] = [await fileOf(pub), await fileOf(staff), await fileOf(later), await fileOf(unpublished)];
    for (const id of [pub, staff, later]) {
      await d.committee.post(`/api/disclosures/${id}/submit`);
      await d.supervisor.post(`/api/disclosures/${id}/approve`);
    }
    expect((await d.chair.post(`/api/disclosure-issues/${issue.id}/publish`)).status).toBe(200);

    const anyone = t.client();
    const url = (id: string, file: string, org = t.a.orgId) => `/api/public/${org}/disclosures/${id}/files/${file}`;
    const listed = (await anyone.get(`/api/public/${t.a.orgId}/disclosures`)).json.items.find((i: { id: string }) => i.id === pub);
    expect(listed.files).toEqual([{ id: pubFile, name: `${pub}.pdf`, size: PDF.length }]);
    const got = await anyone.get(url(pub, pubFile));
    expect(got.status).toBe(200);
    expect(got.raw.equals(PDF)).toBe(true);
    expect(got.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff', 'content-security-policy': 'sandbox', 'cache-control': 'private, no-cache' });
    // Not public, not yet in its period, not published, another item's file, another school: all 404.
    for (const [id, file, org] of [[staff, staffFile], [later, laterFile], [unpublished, draftFile], [pub, staffFile], [pub, pubFile, t.b.orgId]] as const) {
      expect((await anyone.get(url(id, file, org))).status, `${id} ${file}`).toBe(404);
    }
  });
});
