import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, shot, signIn } from './support';

// A proposal's year (JOURNEYS.md): a teacher drafts on the phone with two co-signers, the committee
// 立案 and assigns it, the office replies, the proposer rates it; the figures and the 汇编 show it.

const TITLE = '关于在教学楼增设饮水机的建议';
const REPLY = '已在每层教学楼增设直饮水机两台，11 月底前完成安装。';

/** Picks the option starting with `option` in an Ant Design select found by its form label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  // Long lists render only what is in view: type to filter (a select without search ignores it).
  await page.keyboard.type(option);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="${option}"]`).first().click();
  await page.keyboard.press('Escape');
}

describe('proposals in Chromium', () => {
  const env = demoAndBrowser();

  it('runs a proposal from a phone draft to a rated reply, and into the figures and the 汇编', async () => {
    const desk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(desk, 'chair');
    const users = (await (await desk.request.get('/api/users?pageSize=50')).json()).items as { username: string; memberName: string }[];
    const nameOf = (u: string) => users.find((x) => x.username === u)!.memberName;

    // The teacher drafts on the phone and invites two co-signers.
    const phoneContext = await newContext(env.browser, PHONE, env.demo.url);
    const phone = await phoneContext.newPage();
    await signIn(phone, 'teacher');
    await phone.goto('/proposals/new');
    // The one session collecting proposals is already chosen.
    expect(await phone.getByTestId('proposal-session').innerText()).toContain('第五届第三次会议');
    await phone.getByTestId('proposal-title').fill(TITLE);
    await choose(phone, '类别', '后勤保障');
    await phone.getByTestId('proposal-reasons').fill('教学楼只有一楼有饮水机，课间学生和教师排长队。');
    await phone.getByTestId('proposal-measures').fill('每层增设直饮水机，并定期检测水质。');
    for (const u of ['leader', 'committee']) {
      await choose(phone, '邀请附议人', nameOf(u));
    }
    await shot(phone, 'proposals-01-phone-draft');
    await expectAccessible(phone, 'proposal form');
    await phone.getByTestId('proposal-save').click();
    await phone.waitForURL((u) => /\/proposals\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'));
    const url = new URL(phone.url()).pathname;

    // Both co-signers accept.
    for (const u of ['leader', 'committee']) {
      const c = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
      await signIn(c, u);
      await c.goto(url);
      await c.getByTestId('cosign-accept').click();
      const mine = async () => ((await (await c.request.get(`/api${url}`)).json()) as { coSigners: { name: string; status: string }[] }).coSigners.find((x) => x.name === nameOf(u))?.status;
      await expect.poll(mine, { timeout: 10_000 }).toBe('accepted');
      await c.context().close();
    }

    // The teacher submits, one subject confirmed.
    await phone.reload();
    await phone.getByTestId('proposal-single-subject').click();
    await phone.getByTestId('proposal-submit').click();
    await expect.poll(() => phone.getByText('已提交').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await shot(phone, 'proposals-02-phone-submitted');

    // The chair: 立案, then 交办 to 总务处 with the handler and a deadline.
    await desk.goto(url);
    await desk.getByTestId('decision-choice').getByText('立案', { exact: true }).click();
    await desk.getByTestId('decision-publish').click();
    await expect.poll(() => desk.getByTestId('assign-department').isVisible(), { timeout: 10_000 }).toBe(true);
    await desk.getByTestId('assign-department').fill('总务处');
    await choose(desk, '承办人', `${nameOf('handler')}（handler）`);
    await desk.getByTestId('assign-deadline').click();
    await desk.getByTestId('assign-deadline').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    await desk.keyboard.press('Enter');
    await desk.getByTestId('assign-submit').click();
    await expect.poll(() => desk.getByText('已交办').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await shot(desk, 'proposals-03-committee-assigned');
    await expectAccessible(desk, 'proposal detail (committee)');

    // The office head answers: A 已解决.
    const handler = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(handler, 'handler');
    await handler.goto(url);
    await handler.getByTestId('reply-class').getByText(/^A/).click();
    await handler.getByTestId('reply-content').fill(REPLY);
    await handler.getByTestId('reply-submit').click();
    await expect.poll(() => handler.getByTestId('proposal-replies').innerText(), { timeout: 10_000 }).toContain(REPLY);
    await shot(handler, 'proposals-04-handler-replied');

    // The proposer rates it on the phone.
    await phone.goto(url);
    await phone.getByTestId('rating-choice').getByText('满意', { exact: true }).click();
    await phone.getByTestId('rating-submit').click();
    await expect.poll(() => phone.getByTestId('rating-submit').count(), { timeout: 10_000 }).toBe(0);
    await shot(phone, 'proposals-05-phone-rated');
    await expectAccessible(phone, 'proposal detail (proposer)');

    // The figures for this session, and the 汇编 with the reply in it.
    await desk.goto('/proposals/stats');
    await choose(desk, '统计范围', '第五届第三次会议');
    await expect.poll(() => desk.getByTestId('stats-total').innerText(), { timeout: 10_000 }).toContain('100');
    await shot(desk, 'proposals-06-stats');
    await expectAccessible(desk, 'proposal figures');
    await desk.goto('/proposals');
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('proposals-compilation').click()]);
    const xml = await (await JSZip.loadAsync(fs.readFileSync((await download.path())!))).file('word/document.xml')!.async('string');
    const body = xml.replace(/<[^>]+>/g, '');
    expect(body).toContain(TITLE);
    expect(body).toContain(REPLY);
    await phoneContext.close();
  });
});
