import { expect } from 'vitest';
import { localDate } from '../../lib/time';
import type { Client, School, TestApp } from '../../test/harness';
import { setupBox, type Box } from '../suggestions/suggestions.fixture';

// Test setup for 权益诉求: the 意见箱's cast (two members with accounts, 总务处 answered by the school's
// handler, 教务处 by a second handler, the chair, the committee) plus the 权益保障委员.

export interface Cast extends Box {
  rights: Client;
}

export async function setupCases(t: TestApp, school: School = t.a, prefix = 'c'): Promise<Cast> {
  return { ...(await setupBox(t, school, prefix)), rights: await t.as('rights', school) };
}

const DAY = 86_400_000;
/** A date `days` from today in the school's time zone (the default one). */
export const fromToday = (days: number) => new Date(Date.parse(`${localDate()}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Raises a case as `member`; answers its id. */
export async function raise(member: Client, title: string, category = 'schooling'): Promise<string> {
  const res = await member.post('/api/cases', { category, title, content: `${title}：具体情况说明` });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.id;
}

/** POSTs one step and expects it to succeed; answers the case as the caller now sees it. */
export async function act(c: Client, id: string, step: string, body: unknown = {}) {
  const res = await c.post(`/api/cases/${id}/${step}`, body);
  expect(res.status, `${step}: ${JSON.stringify(res.json)}`).toBe(200);
  return res.json;
}
