import { expect } from 'vitest';
import type { Client, TestApp } from '../../test/harness';
import { setupCast, type Cast } from '../proposals/proposals.fixture';

// Test setup for meetings: the 提案 cast (delegates with accounts, a session open for proposals) plus
// three retirees, one of them with a member account.

export interface MeetingSchool {
  cast: Cast;
  chair: Client;
  committee: Client;
  /** A retired teacher who signs in. */
  retiree: Client;
  r: { wang: string; zhao: string; qian: string };
  types: Record<string, string>;
}

export async function setupMeetings(t: TestApp): Promise<MeetingSchool> {
  const cast = await setupCast(t);
  const retiree = async (employeeNo: string, name: string) => {
    const res = await cast.admin.post('/api/members', { employeeNo, name, department: '退休', status: 'retired' });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.id as string;
  };
  const r = { wang: await retiree('R001', '王退休'), zhao: await retiree('R002', '赵退休'), qian: await retiree('R003', '钱退休') };
  const user = await cast.admin.post('/api/users', { username: 'm-wang', password: 'Passw0rd!', roles: ['retiree'], memberId: r.wang, mustChangePassword: false });
  expect(user.status, JSON.stringify(user.json)).toBe(201);
  const wang = t.client();
  expect((await wang.login('m-wang')).status).toBe(200);
  const committee = await t.as('committee');
  const types = Object.fromEntries(((await committee.get('/api/meeting-types')).json as { id: string; name: string }[]).map((x) => [x.name, x.id]));
  return { cast, chair: cast.chair, committee, retiree: wang, r, types };
}
