import { expect } from 'vitest';
import type { Client, School, TestApp } from '../../test/harness';

// Test setup for 慰问 and 工会经费: members of school A (two in post, three retired), caps as seeded.

export interface CareSchool {
  admin: Client;
  chair: Client;
  committee: Client;
  auditor: Client;
  treasurer: Client;
  member: Client;
  /** member ids */
  m: { zhang: string; li: string; wang: string; zhao: string; qian: string };
  groupId: string;
}

export async function setupCare(t: TestApp, school: School = t.a): Promise<CareSchool> {
  const admin = await t.as('admin', school);
  const group = await admin.post('/api/groups', { name: '退休一组' });
  expect(group.status).toBe(201);
  const member = async (employeeNo: string, name: string, extra: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/members', { employeeNo, name, department: '语文组', ...extra });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.id as string;
  };
  const retired = { status: 'retired', department: '退休', groupId: group.json.id };
  return {
    admin,
    chair: await t.as('chair', school),
    committee: await t.as('committee', school),
    auditor: await t.as('auditor', school),
    treasurer: await t.as('treasurer', school),
    member: await t.as('member', school),
    m: {
      zhang: await member('C001', '张慰问'),
      li: await member('C002', '李慰问'),
      wang: await member('C003', '王退休', retired),
      zhao: await member('C004', '赵退休', retired),
      qian: await member('C005', '钱退休', retired),
    },
    groupId: group.json.id,
  };
}

/** The text of every page of a PDF, read through its fonts' ToUnicode maps (pdf.js, no system tool). */
export async function pdfText(buf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** The first page's size in points. */
export async function pdfPageSize(buf: Buffer): Promise<[number, number]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf) }).promise;
  const [, , w, h] = (await doc.getPage(1)).view;
  await doc.destroy();
  return [Math.round(w), Math.round(h)];
}
