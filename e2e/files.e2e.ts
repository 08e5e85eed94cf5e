import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXE, PNG, realDocx } from '../server/modules/files/files.fixture';
import { demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, shot, signIn } from './support';

// Attachments in the browser: the clerk puts the 工作报告 on the coming session and gets the same
// bytes back; a teacher on a phone attaches a photo to a draft proposal.

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** A write through the API as the signed-in page, with the session's CSRF token. */
async function apiPost(page: Page, url: string, data: unknown) {
  const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
  const res = await page.request.post(url, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), url).toBeLessThan(300);
  return res.json();
}

describe('attachments in Chromium', () => {
  const env = demoAndBrowser();

  it('the clerk uploads the work report to the coming session, labelled, and downloads the same bytes', async () => {
    const page = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(page, 'chair');
    const sessions = (await (await page.request.get('/api/congress/sessions')).json()).items as { id: string; date: string }[];
    const next = [...sessions].sort((a, b) => b.date.localeCompare(a.date))[0];
    await page.goto(`/congress/sessions/${next.id}?tab=agenda`);
    const card = page.getByTestId('session-documents');
    await card.getByText('暂无文件').waitFor();

    await card.getByLabel('材料用途').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '工作报告' }).first().click();
    const docx = await realDocx('第五届第三次会议 学校工作报告');
    await card.locator('input[type=file]').setInputFiles({ name: '2025学年学校工作报告.docx', mimeType: DOCX_TYPE, buffer: docx });
    await expect.poll(() => card.getByTestId('file-row').count(), { timeout: 10_000 }).toBe(1);
    const row = await card.getByTestId('file-row').innerText();
    expect(row).toContain('2025学年学校工作报告.docx');
    expect(row).toContain('校长作学校工作报告');
    await shot(page, 'files-01-session-documents');
    await expectAccessible(page, 'session page with documents');

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('file-link').click()]);
    expect(download.suggestedFilename()).toBe('2025学年学校工作报告.docx');
    expect(fs.readFileSync(await download.path()).equals(docx)).toBe(true);

    // A program renamed .pdf is refused with the server's words, and nothing is added.
    await card.locator('input[type=file]').setInputFiles({ name: '会议通知.pdf', mimeType: 'application/pdf', buffer: EXE });
    await expect.poll(() => card.getByTestId('files-error').textContent(), { timeout: 10_000 }).toContain('文件内容与扩展名不符');
    expect(await card.getByTestId('file-row').count()).toBe(1);
    await shot(page, 'files-02-refused');
    await expectAccessible(page, 'refused upload');

    // Deleting asks first.
    await card.locator('input[type=file]').setInputFiles({ name: '座位图.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => card.getByTestId('file-row').count(), { timeout: 10_000 }).toBe(2);
    await card.getByRole('button', { name: '删除 座位图.png' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => card.getByTestId('file-row').count(), { timeout: 10_000 }).toBe(1);

    // In English, at phone width, the clerk's card still fits.
    await page.evaluate(() => localStorage.setItem('tx.lang', 'en'));
    await page.setViewportSize(PHONE);
    await page.reload();
    await card.getByText('2025学年学校工作报告.docx').waitFor();
    expect(await card.getByRole('heading').innerText()).toContain('Documents');
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'files-03-session-documents-en-narrow');
    await page.context().close();
  });

  it('a teacher on a phone attaches a photo to a draft proposal; the committee reads it without changing it', async () => {
    const phone = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await signIn(phone, 'teacher');
    const windows = (await (await phone.request.get('/api/proposal-windows')).json()).items as { sessionId: string; open: boolean }[];
    const open = windows.find((w) => w.open)!;
    const draft = await apiPost(phone, '/api/proposals', {
      sessionId: open.sessionId,
      title: '关于改善教师停车条件的建议',
      reasons: '早高峰停车位不足，教师常需绕行。',
      measures: '划定教师专用车位，增设非机动车棚。',
      category: 'logistics',
    });
    await phone.goto(`/proposals/${draft.id}`);
    const card = phone.getByTestId('proposal-attachments');
    await card.getByText('暂无文件').waitFor();
    await card.locator('input[type=file]').setInputFiles({ name: '停车场现状照片（东门，早上七点半拍摄）.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => card.getByTestId('file-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await card.getByTestId('file-link').getAttribute('target')).toBe('_blank');
    expect(await noSidewaysScroll(phone)).toBe(true);
    await shot(phone, 'files-04-phone-proposal-draft');
    await expectAccessible(phone, 'proposal with attachments (phone)');
    // A proposal without attachments that nobody can change shows no empty card.
    const theirs = (await (await phone.request.get('/api/proposals?state=closed')).json()).items as { id: string }[];
    await phone.goto(`/proposals/${theirs[0].id}`);
    await phone.getByText('提案内容').waitFor();
    await phone.waitForLoadState('networkidle');
    expect(await phone.getByTestId('proposal-attachments').count()).toBe(0);

    // The committee reads it on the same page, without upload or delete.
    const desk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(desk, 'chair');
    await desk.goto(`/proposals/${draft.id}`);
    const seen = desk.getByTestId('proposal-attachments');
    await seen.getByText('停车场现状照片（东门，早上七点半拍摄）.png').waitFor();
    expect(await seen.getByTestId('files-upload').count()).toBe(0);
    expect(await seen.getByTestId('file-delete').count()).toBe(0);
    const res = await desk.request.get((await seen.getByTestId('file-link').getAttribute('href'))!);
    expect(Buffer.from(await res.body()).equals(PNG)).toBe(true);
    expect(res.headers()['content-security-policy']).toBe('sandbox');
    await shot(desk, 'files-05-desktop-proposal-read-only');
    await desk.context().close();
    await phone.context().close();
  });
});
