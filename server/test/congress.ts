import { hashPassword } from '../lib/passwords';
import { localDate } from '../lib/time';
import { membersRepo } from '../modules/members/members.repo';
import { emptyRow } from '../modules/members/members.service';
import { insertUser } from '../modules/users/users.service';
import { PASSWORD, type Client, type TestApp } from './harness';

export interface Person {
  memberId: string;
  username: string;
  name: string;
}

let hash: Promise<string> | null = null;

/**
 * `n` members of school A with accounts (role member), written straight to the database so a test can
 * stand up a 45-delegate congress in milliseconds. `teachers` of them are teachers, the rest staff.
 */
export async function seedPeople(t: TestApp, prefix: string, n: number, teachers = n): Promise<Person[]> {
  const passwordHash = await (hash ??= hashPassword(PASSWORD));
  const now = new Date().toISOString();
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const memberId = `${prefix}-m${i}`;
    const name = `代表${prefix}${i}`;
    await membersRepo.insert(t.database.db, {
      ...emptyRow(),
      id: memberId,
      org_id: t.a.orgId,
      employee_no: `${prefix}${String(i).padStart(3, '0')}`,
      name,
      name_pinyin: `daibiao${prefix}${i}`,
      staff_category: i < teachers ? 'teacher' : 'staff',
      created_at: now,
      updated_at: now,
    });
    const username = `${prefix}.d${i}`.toLowerCase();
    await insertUser(t.database.db, { orgId: t.a.orgId, userId: null, name: 'test' }, { username, password: PASSWORD, memberId, roles: ['member'], mustChangePassword: false }, passwordHash);
    people.push({ memberId, username, name });
  }
  return people;
}

/** A term with these people as delegates, and one session of it; returns their ids. */
export async function congressWith(admin: Client, people: Person[], name = '第五届'): Promise<{ termId: string; sessionId: string }> {
  const term = await admin.post('/api/congress/terms', { name, startDate: '2024-09-01', endDate: '2027-08-31' });
  if (term.status !== 201) throw new Error(JSON.stringify(term.json));
  for (const p of people) {
    const r = await admin.post(`/api/congress/terms/${term.json.id}/delegates`, { memberId: p.memberId });
    if (r.status !== 201) throw new Error(JSON.stringify(r.json));
  }
  // Today, so that delegates can check in by the QR code.
  const session = await admin.post('/api/congress/sessions', { termId: term.json.id, name: `${name}第二次会议`, date: localDate('Asia/Shanghai') });
  return { termId: term.json.id, sessionId: session.json.id };
}

export async function markPresent(admin: Client, sessionId: string, people: Person[]): Promise<void> {
  const r = await admin.post(`/api/congress/sessions/${sessionId}/attendance/bulk`, { memberIds: people.map((p) => p.memberId), present: true });
  if (r.status !== 200) throw new Error(JSON.stringify(r.json));
}
