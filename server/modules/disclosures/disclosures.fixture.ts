import { expect } from 'vitest';
import { localDate } from '../../lib/time';
import { seedPeople, type Person } from '../../test/congress';
import type { Client, TestApp } from '../../test/harness';

// Test setup for 校务公开: the committee, the 监督小组 and four staff with accounts, two of them
// delegates of a term running today; helpers that take an item through the workflow.

export interface Desk {
  t: TestApp;
  chair: Client;
  committee: Client;
  supervisor: Client;
  admin: Client;
  /** Staff with accounts linked to members: [0] and [1] are delegates of the current term. */
  staff: Client[];
  people: Person[];
  /** The first default category's id. */
  categoryId: string;
}

export const today = () => localDate('Asia/Shanghai');
export const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function setupDesk(t: TestApp, prefix = 'x'): Promise<Desk> {
  const [chair, committee, supervisor, admin] = await Promise.all([t.as('chair'), t.as('committee'), t.as('supervisor'), t.as('admin')]);
  const people = await seedPeople(t, prefix, 4);
  const staff: Client[] = [];
  for (const p of people) {
    const c = t.client();
    expect((await c.login(p.username)).status).toBe(200);
    staff.push(c);
  }
  const term = await admin.post('/api/congress/terms', { name: `${prefix}届`, startDate: shiftDate(today(), -400), endDate: shiftDate(today(), 700) });
  expect(term.status).toBe(201);
  for (const p of people.slice(0, 2)) expect((await admin.post(`/api/congress/terms/${term.json.id}/delegates`, { memberId: p.memberId })).status).toBe(201);
  const categories = await chair.get('/api/disclosure-categories');
  expect(categories.status).toBe(200);
  return { t, chair, committee, supervisor, admin, staff, people, categoryId: categories.json.items[0].id };
}

export interface ItemSpec {
  title?: string;
  content?: string;
  audience?: 'staff' | 'delegates' | 'public';
  visibleFrom?: string;
  visibleTo?: string | null;
  issueId?: string | null;
  categoryId?: string;
}

export async function draft(d: Desk, spec: ItemSpec = {}, by: Client = d.committee): Promise<string> {
  const res = await by.post('/api/disclosures', {
    categoryId: spec.categoryId ?? d.categoryId,
    title: spec.title ?? '2025年秋季学期教职工绩效工资分配方案',
    content: spec.content ?? '<p>按照多劳多得、优绩优酬的原则分配。</p>',
    audience: spec.audience ?? 'staff',
    visibleFrom: spec.visibleFrom ?? shiftDate(today(), -1),
    visibleTo: spec.visibleTo === undefined ? shiftDate(today(), 30) : spec.visibleTo,
    issueId: spec.issueId ?? null,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.id;
}

export async function newIssue(d: Desk): Promise<{ id: string; number: number; schoolYear: number }> {
  const res = await d.committee.post('/api/disclosure-issues', {});
  expect(res.status).toBe(201);
  return res.json;
}

/** Drafted into the issue, submitted and approved by the 监督小组. */
export async function approved(d: Desk, issueId: string, spec: ItemSpec = {}): Promise<string> {
  const id = await draft(d, { ...spec, issueId });
  expect((await d.committee.post(`/api/disclosures/${id}/submit`)).status).toBe(200);
  expect((await d.supervisor.post(`/api/disclosures/${id}/approve`)).status).toBe(200);
  return id;
}

/** One issue holding these items, each approved, then published; answers the items' ids. */
export async function published(d: Desk, specs: ItemSpec[]): Promise<{ issueId: string; number: number; ids: string[] }> {
  const issue = await newIssue(d);
  const ids: string[] = [];
  for (const spec of specs) ids.push(await approved(d, issue.id, spec));
  const res = await d.chair.post(`/api/disclosure-issues/${issue.id}/publish`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return { issueId: issue.id, number: issue.number, ids };
}
