import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, shot, SHOTS, signIn } from './support';

// 校务公开 (JOURNEYS.md): the committee drafts two items into this year's 第1期; the 监督小组 returns one
// with a comment and approves the other; the committee publishes the issue; a teacher on her phone sees it
// is new, reads it and asks; the committee answers for every reader, and the answer shows under the item.
// Then the 公开栏 as printed on A4, the public page, and the year's figures.

const PAY = '2026年秋季学期教职工绩效工资分配方案';
const TITLES = '职称评审推荐结果';
const COMMENT = '附件缺少明细表，请补充后再提交';
const QUESTION = '班主任津贴是否单列发放？';
const ANSWER = '班主任津贴单列发放，不占奖励性绩效。';

async function draftInto(page: Page, issueUrl: string, title: string, category: string, html: string): Promise<string> {
  await page.goto(issueUrl);
  await page.getByTestId('issue-add-item').click();
  await page.getByTestId('disclosure-title').fill(title);
  await choose(page, '类别', category, { search: true });
  await page.getByTestId('disclosure-content').fill(html);
  await page.getByTestId('disclosure-save').click();
  await page.waitForURL((u) => /^\/disclosures\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'));
  await page.getByTestId('disclosure-submit').waitFor();
  return new URL(page.url()).pathname;
}

describe('校务公开 in Chromium', () => {
  const env = demoAndBrowser();

  // A long journey across four people: more time than the suite's default.
  it('runs an issue from two drafts through review to a teacher reading it on her phone and the answer to her question', { timeout: 300_000 }, async () => {
    const desk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(desk, 'committee');

    // This 学年 has no issue yet: the first one opened is 第1期.
    await desk.goto('/disclosures/issues');
    await expect.poll(() => desk.getByTestId('issue-item').count(), { timeout: 10_000 }).toBe(6);
    await shot(desk, 'disclosures-01-issues');
    await expectAccessible(desk, 'issues');
    await desk.getByTestId('issues-new').click();
    await desk.waitForURL((u) => /^\/disclosures\/issues\/[^/]+$/.test(u.pathname));
    const issueUrl = new URL(desk.url()).pathname;
    await expect.poll(() => desk.locator('h1').innerText(), { timeout: 10_000 }).toMatch(/学年第1期$/);

    const pay = await draftInto(desk, issueUrl, PAY, '绩效工资分配', '按照多劳多得、优绩优酬的原则，向一线教师和班主任倾斜。');
    await shot(desk, 'disclosures-02-draft');
    await expectAccessible(desk, 'draft item');
    await desk.getByTestId('disclosure-submit').click();
    await expect.poll(() => desk.getByText('待审核').first().isVisible(), { timeout: 10_000 }).toBe(true);
    const titles = await draftInto(desk, issueUrl, TITLES, '职务评聘', '经量化评分，推荐以下人员参加高级职称评审。');
    await desk.getByTestId('disclosure-submit').click();
    await expect.poll(() => desk.getByText('待审核').first().isVisible(), { timeout: 10_000 }).toBe(true);

    // The form, with its editor, on the way (desktop).
    await desk.goto(`${titles}/edit`);
    await expect.poll(() => desk.getByTestId('disclosure-content').isVisible()).toBe(true);
    await desk.goto(issueUrl);

    // The 监督小组: both wait for review; one goes back with a comment, the other is approved.
    const sup = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(sup, 'supervisor');
    await sup.goto('/disclosures/review');
    await expect.poll(() => sup.getByTestId('review-item').count(), { timeout: 10_000 }).toBe(2);
    await shot(sup, 'disclosures-03-review-queue');
    await expectAccessible(sup, 'review queue');
    await sup.goto(titles);
    await sup.getByTestId('disclosure-return-comment').fill(COMMENT);
    await sup.getByTestId('disclosure-return').click();
    await expect.poll(() => sup.getByTestId('disclosure-returned').innerText(), { timeout: 10_000 }).toContain(COMMENT);
    await sup.goto(pay);
    await shot(sup, 'disclosures-04-review-item');
    await expectAccessible(sup, 'item under review');
    await sup.getByTestId('disclosure-approve').click();
    await expect.poll(() => sup.getByText('已审核').first().isVisible(), { timeout: 10_000 }).toBe(true);

    // The committee: the issue cannot go up with a returned item in it; the returned one waits for a later issue.
    await desk.goto(issueUrl);
    await expect.poll(() => desk.getByTestId('issue-publish').isDisabled(), { timeout: 10_000 }).toBe(true);
    await shot(desk, 'disclosures-05-issue-not-ready');
    await desk.goto(titles);
    expect(await desk.getByTestId('disclosure-returned').innerText()).toContain(COMMENT);
    expect(await desk.getByTestId('disclosure-history').innerText()).toContain('监督小组退回');
    await desk.goto(`${titles}/edit`);
    const issueField = desk.locator('.ant-form-item').filter({ hasText: '期次' });
    await issueField.locator('.ant-select').hover();
    await issueField.locator('.ant-select-clear').click();
    await desk.getByTestId('disclosure-save').click();
    await desk.waitForURL((u) => u.pathname === titles);
    await desk.goto(issueUrl);
    await desk.getByTestId('issue-publish').click();
    await desk.getByRole('button', { name: '是' }).click();
    await expect.poll(() => desk.getByText('已公开').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await shot(desk, 'disclosures-06-issue-published');
    await expectAccessible(desk, 'published issue');

    // The teacher on her phone: 新公开 on the menu, the item marked new; reading it records the receipt.
    const phoneContext = await newContext(env.browser, PHONE, env.demo.url);
    const phone = await phoneContext.newPage();
    await signIn(phone, 'teacher');
    const badge = phone.locator('.tx-tabbar').getByTestId('disclosures-nav-badge');
    await expect.poll(async () => Number((await badge.innerText()).trim()), { timeout: 10_000 }).toBeGreaterThan(0);
    const before = Number((await badge.innerText()).trim());
    await phone.locator('.tx-tabbar').getByRole('link', { name: '校务公开' }).click();
    await expect.poll(() => phone.getByTestId('disclosures-unread').innerText(), { timeout: 10_000 }).toContain(`新公开 ${before} 项`);
    const card = phone.getByTestId('disclosure-feed-item').filter({ hasText: PAY });
    expect(await card.innerText()).toContain('新');
    await shot(phone, 'disclosures-07-phone-feed');
    await expectAccessible(phone, 'feed (phone)');
    expect(await phone.getByTestId('disclosure-feed-item').filter({ hasText: TITLES }).count()).toBe(0);
    await card.click();
    await phone.waitForURL((u) => u.pathname === pay);
    await expect.poll(async () => Number((await badge.innerText().catch(() => '0')).trim() || '0'), { timeout: 10_000 }).toBe(before - 1);
    await phone.getByTestId('disclosure-question-input').fill(QUESTION);
    await phone.getByTestId('disclosure-question-send').click();
    await expect.poll(() => phone.getByTestId('disclosure-questions').innerText(), { timeout: 10_000 }).toContain(QUESTION);
    await shot(phone, 'disclosures-08-phone-item-asked');
    await expectAccessible(phone, 'item with a question (phone)');

    // The committee sees who has read it (the teacher, and now the committee member too: opening a live
    // item records the receipt, so the count settles at 2), and answers for every reader.
    await desk.goto(pay);
    await expect.poll(() => desk.getByTestId('disclosure-read-count').innerText(), { timeout: 10_000 }).toMatch(/已读 2 \/ \d+ 人/);
    await desk.getByTestId('disclosure-answer-input').fill(ANSWER);
    expect(await desk.getByTestId('disclosure-answer-public').isChecked()).toBe(true);
    await desk.getByTestId('disclosure-answer-send').click();
    await expect.poll(() => desk.getByTestId('disclosure-answer').innerText(), { timeout: 10_000 }).toContain(ANSWER);
    await shot(desk, 'disclosures-09-committee-item');
    await expectAccessible(desk, 'item with reads and answer (committee)');

    // The answer shows under the item: for the teacher, and for any other reader.
    await phone.reload();
    await expect.poll(() => phone.getByTestId('disclosure-answer').innerText(), { timeout: 10_000 }).toContain(ANSWER);
    await shot(phone, 'disclosures-10-phone-answer');
    const other = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await signIn(other, 'leader');
    await other.goto(pay);
    await expect.poll(() => other.getByTestId('disclosure-questions').innerText(), { timeout: 10_000 }).toContain(ANSWER);
    expect(await other.getByTestId('disclosure-questions').innerText()).toContain('教职工提问');
    await other.context().close();
    await phoneContext.close();

    // The 公开栏 for the bulletin board: the projector view, then A4 print with one item per page.
    await desk.goto(issueUrl);
    await desk.getByTestId('issue-board').click();
    await desk.waitForURL((u) => u.pathname.endsWith('/board'));
    await expect.poll(() => desk.getByTestId('board-item').count(), { timeout: 10_000 }).toBe(1);
    await shot(desk, 'disclosures-11-board');
    await expectAccessible(desk, 'board');
    await desk.emulateMedia({ media: 'print' });
    expect(await desk.locator('.dx-board-tools').isVisible()).toBe(false);
    await shot(desk, 'disclosures-12-board-print');
    fs.writeFileSync(path.join(SHOTS, 'disclosures-12-board.pdf'), await desk.pdf({ format: 'A4', printBackground: false }));
    await desk.emulateMedia({ media: null });

    // Last year's 第4期 printed: one A4 page per item.
    const issues = ((await (await desk.request.get('/api/disclosure-issues')).json()) as { items: { id: string; number: number; items: number; state: string }[] }).items;
    const fourth = issues.find((i) => i.number === 4 && i.state === 'published')!;
    await desk.goto(`/disclosures/issues/${fourth.id}/board`);
    await expect.poll(() => desk.getByTestId('board-item').count(), { timeout: 10_000 }).toBe(fourth.items);
    await shot(desk, 'disclosures-12b-board-four-items');
    const pdf = (await desk.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Count (\d+)/)?.[1]).toBe(String(fourth.items));
    expect(pdf).toContain('/MediaBox [0 0 595.91998 842.88]');
    await desk.context().close();
    await sup.context().close();
  });

  it('shows the year in figures, the public page without sign-in, and the pages on a phone', { timeout: 240_000 }, async () => {
    const desk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(desk, 'chair');
    // Last 学年 as the demo school ran it: 6 issues, 21 items.
    const year = Number((await desk.evaluate(() => new Date().toISOString())).slice(0, 4));
    const month = Number((await desk.evaluate(() => new Date().toISOString())).slice(5, 7));
    const last = (month >= 9 ? year : year - 1) - 1;
    await desk.goto(`/disclosures/stats?year=${last}`);
    await expect.poll(() => desk.getByTestId('disclosure-stats-summary').innerText(), { timeout: 10_000 }).toContain('共出 6 期');
    expect(await desk.getByTestId('disclosure-stats-summary').innerText()).toContain('21 项内容，公布资料 40 份');
    await shot(desk, 'disclosures-13-stats');
    await expectAccessible(desk, 'figures');
    await desk.goto('/disclosures/manage');
    await expect.poll(() => desk.locator('.tx-table').innerText(), { timeout: 10_000 }).toContain('学校章程');
    await shot(desk, 'disclosures-14-manage');
    await expectAccessible(desk, 'manage list');
    await desk.goto('/disclosures/categories');
    await expect.poll(() => desk.locator('.ant-table').innerText(), { timeout: 10_000 }).toContain('党建');
    await shot(desk, 'disclosures-15-categories');
    await expectAccessible(desk, 'categories');
    const orgId = ((await (await desk.request.get('/api/auth/me')).json()) as { user: { org: { id: string } } }).user.org.id;
    await desk.context().close();

    // Anyone, signed out: only the public items (the demo school's 章程).
    const anon = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await anon.goto(`/public/${orgId}/disclosures`);
    await expect.poll(() => anon.getByTestId('public-item').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const text = await anon.locator('main').innerText();
    expect(text).toContain('学校章程（修订）');
    expect(text).not.toContain(PAY);
    expect(text).not.toContain('教职工岗位设置方案');
    await shot(anon, 'disclosures-16-public-phone');
    await expectAccessible(anon, 'public page');
    await anon.context().close();

    // The committee's list and the item page on a phone.
    const phone = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await signIn(phone, 'committee');
    await phone.goto('/disclosures/manage');
    await expect.poll(() => phone.locator('.tx-cards').innerText(), { timeout: 10_000 }).toContain('学校章程');
    await shot(phone, 'disclosures-17-phone-manage');
    await expectAccessible(phone, 'manage list (phone)');
    await phone.locator('.tx-cards').getByText('学校章程（修订）').click();
    await phone.waitForURL((u) => /^\/disclosures\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/manage'));
    await phone.getByTestId('disclosure-history').waitFor();
    await shot(phone, 'disclosures-18-phone-committee-item');
    await expectAccessible(phone, 'item (committee, phone)');

    // The same in English.
    await phone.evaluate(() => localStorage.setItem('tx.lang', 'en'));
    await phone.reload();
    await expect.poll(() => phone.getByTestId('disclosure-history').innerText(), { timeout: 10_000 }).toContain('Published with its issue');
    await shot(phone, 'disclosures-19-phone-committee-item-en');
    await expectAccessible(phone, 'item (committee, phone, English)');
    await phone.goto('/disclosures/stats');
    await expect.poll(() => phone.locator('h1').innerText(), { timeout: 10_000 }).toBe('Transparency figures');
    await shot(phone, 'disclosures-20-phone-stats-en');
    await phone.context().close();
  });
});
