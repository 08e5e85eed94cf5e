import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDate } from '../server/lib/time';
import { demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, shot, SHOTS, signIn } from './support';

// Congress day (JOURNEYS.md): the clerk sets up a session, a delegate checks in and votes from the
// phone while the projector follows live; the vote closes with its threshold and verdict; the record downloads.

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
/** For what follows a click: the server and the browser share two cores with the test run. */
const SLOW = { timeout: 15_000 };
const MARK_ALL = '全部标记出席';

describe('congress day in Chromium', () => {
  const env = demoAndBrowser();

  it('sets up a session, checks in and votes from a phone, with the projector following live', async () => {
    const clerkContext = await newContext(env.browser, DESKTOP, env.demo.url);
    const clerk = await clerkContext.newPage();
    await signIn(clerk, 'chair');
    await clerk.goto('/congress');
    await expect.poll(() => clerk.getByText('第五届').first().isVisible(), SLOW).toBe(true);
    await shot(clerk, 'congress-01-home');
    await expectAccessible(clerk, 'congress home');

    // The clerk creates today's session.
    await clerk.getByTestId('congress-new-session').click();
    await clerk.getByTestId('session-name').fill('第五届临时会议');
    await clerk.getByTestId('session-date').click();
    await clerk.getByTestId('session-date').fill(localDate());
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('session-save').click();
    await clerk.waitForURL(/\/congress\/sessions\/[^/]+$/);
    const sessionId = clerk.url().split('/').pop()!;
    await expect.poll(() => clerk.getByTestId('quorum').isVisible(), SLOW).toBe(true);

    // The projector, on its own screen.
    const screenContext = await newContext(env.browser, { width: 1920, height: 1080 }, env.demo.url);
    const screen = await screenContext.newPage();
    await signIn(screen, 'committee');
    await screen.goto(`/congress/sessions/${sessionId}/screen`);
    await expect.poll(() => screen.getByTestId('checkin-qr').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await text(screen, 'screen-delegates')).toContain('45');

    // A delegate scans the QR code on the phone: the link carries the session's check-in code.
    const { code } = await (await clerk.request.get(`/api/congress/sessions/${sessionId}/checkin-code`)).json();
    const phoneContext = await newContext(env.browser, PHONE, env.demo.url);
    const phone = await phoneContext.newPage();
    await signIn(phone, 'teacher');
    await phone.goto(`/congress/checkin/${sessionId}?code=${encodeURIComponent(code)}`);
    await phone.getByTestId('checkin-confirm').click();
    await expect.poll(() => phone.getByTestId('checkin-done').isVisible(), { timeout: 10_000 }).toBe(true);
    await shot(phone, 'congress-02-phone-checked-in');
    await expectAccessible(phone, 'check-in');
    await expect.poll(() => text(screen, 'screen-present'), { timeout: 5_000 }).toContain('1');

    // The clerk marks the rest present: quorum is met on the projector.
    await clerk.getByTestId('attendance-all-present').click();
    await clerk.getByRole('dialog').getByRole('button', { name: MARK_ALL }).click();
    await expect.poll(() => text(screen, 'screen-quorum-met'), { timeout: 5_000 }).toContain('已达到');
    expect(await text(screen, 'screen-present')).toContain('45');

    // A secret resolution opens; the delegate votes; the projector counts the ballot, not the choice.
    await clerk.getByRole('tab', { name: '表决与选举' }).click();
    await clerk.getByTestId('vote-new').click();
    await clerk.getByTestId('vote-title').fill('关于设立教职工子女托管班的决议');
    await clerk.getByTestId('vote-save').click();
    await clerk.getByTestId('vote-open').first().click();
    await expect.poll(() => screen.getByTestId('screen-vote-title').isVisible(), { timeout: 5_000 }).toBe(true);
    await shot(clerk, 'congress-03-session-clerk');
    await expectAccessible(clerk, 'session page');

    await phone.goto(`/congress/sessions/${sessionId}/vote`);
    await phone.getByTestId('choice-yes').click();
    await phone.getByTestId('ballot-submit').click();
    await expect.poll(() => phone.getByTestId('ballot-voted').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await phone.getByTestId('ballot-secret-note').isVisible()).toBe(true);
    await shot(phone, 'congress-04-phone-voted');
    await expectAccessible(phone, 'vote page');
    await expect.poll(() => text(screen, 'screen-cast'), { timeout: 5_000 }).toMatch(/1/);
    await shot(screen, 'congress-05-projector-open-vote');

    // Closing: 1 yes of 45 delegates does not reach the threshold of 23.
    await clerk.getByTestId('vote-close').first().click();
    await clerk.getByRole('dialog').getByRole('button', { name: '结束表决' }).click();
    await expect.poll(() => clerk.getByTestId('vote-verdict').first().innerText(), { timeout: 10_000 }).toContain('未通过');
    expect(await text(clerk, 'vote-threshold')).toContain('23');
    await expect.poll(() => screen.getByTestId('vote-verdict').first().isVisible().catch(() => false), { timeout: 5_000 }).toBe(true);
    await shot(screen, 'congress-06-projector-result');
    await expectAccessible(screen, 'projector');

    // The session record downloads as a Word file with the vote in it.
    const [download] = await Promise.all([clerk.waitForEvent('download'), clerk.getByTestId('session-record').click()]);
    const xml = await (await JSZip.loadAsync(fs.readFileSync((await download.path())!))).file('word/document.xml')!.async('string');
    const body = xml.replace(/<[^>]+>/g, '');
    expect(body).toContain('关于设立教职工子女托管班的决议（表决，无记名）');
    expect(body).toContain('结果：未通过');

    for (const c of [clerkContext, screenContext, phoneContext]) await c.close();
  });

  it('edits a session, marks delegates on leave in bulk, and shows a delegate the agenda and the open vote on the phone', async () => {
    const clerkContext = await newContext(env.browser, DESKTOP, env.demo.url);
    const clerk = await clerkContext.newPage();
    await signIn(clerk, 'chair');
    const next = await sessionNamed(clerk, '第五届第三次会议');

    // Edit the coming session's place.
    await clerk.goto(`/congress/sessions/${next}`);
    await expect.poll(() => text(clerk, 'attendance-expected'), SLOW).toBe('45');
    await clerk.getByTestId('session-edit').click();
    const dialog = clerk.getByRole('dialog');
    await dialog.getByTestId('session-place').fill('学校礼堂（东楼三层）');
    await dialog.screenshot({ path: path.join(SHOTS, 'congress-07a-edit-session.png') });
    await dialog.getByTestId('session-save').click();
    await expect.poll(() => clerk.locator('.cx-subtitle').innerText(), SLOW).toContain('学校礼堂（东楼三层）');

    // Three delegates sent a 请假条: select them and mark them on leave at once.
    for (const box of (await clerk.locator('.ant-table-tbody .ant-checkbox-input').all()).slice(0, 3)) await box.check();
    await expect.poll(() => clerk.getByTestId('attendance-bulk').innerText(), SLOW).toContain('已选 3 人');
    await clerk.getByTestId('attendance-bulk-leave').click();
    await expect.poll(() => text(clerk, 'attendance-leave'), { timeout: 5_000 }).toBe('3');
    expect(await text(clerk, 'attendance-expected')).toBe('42');
    expect(await text(clerk, 'attendance-absent')).toBe('42');
    expect(await clerk.locator('.cx-att-leave.ant-radio-button-wrapper-checked').count()).toBe(3);
    await shot(clerk, 'congress-07-bulk-leave');
    await expectAccessible(clerk, 'attendance with leave');

    // The session now has a record (leave): deleting it is refused with the reason.
    await clerk.getByTestId('session-delete').click();
    await clerk.getByTestId('confirm-ok').click();
    await expect.poll(() => clerk.locator('.ant-message').innerText(), { timeout: 5_000 }).toContain('不能删除：签到或请假 3 人');
    expect(clerk.url()).toContain(next);

    // Today's session: the usual agenda, and a vote drafted, corrected, then opened.
    const today = await sessionNamed(clerk, '第五届临时会议');
    await clerk.goto(`/congress/sessions/${today}?tab=agenda`);
    await clerk.getByRole('button', { name: '填入常用议程' }).click();
    await clerk.getByTestId('agenda-save').click();
    await clerk.getByRole('tab', { name: '表决与选举' }).click();
    await clerk.getByTestId('vote-new').click();
    await clerk.getByTestId('vote-title').fill('关于调整作息时间的决义');
    await clerk.getByTestId('vote-save').click();
    const draft = clerk.locator('[data-testid="vote-card"][data-status="draft"]');
    await draft.getByTestId('vote-edit').click();
    await clerk.getByTestId('vote-title').fill('关于调整作息时间的决议');
    await clerk.getByTestId('vote-save').click();
    await expect.poll(() => draft.locator('h3').innerText(), SLOW).toBe('关于调整作息时间的决议');
    await shot(clerk, 'congress-08-draft-vote');
    await draft.getByTestId('vote-open').click();
    await expect.poll(() => clerk.locator('[data-testid="vote-card"][data-status="open"]').count(), SLOW).toBe(1);

    // The delegate opens 教代会 on the phone: today's session, checked in, the agenda, the vote to cast.
    const phoneContext = await newContext(env.browser, PHONE, env.demo.url);
    const phone = await phoneContext.newPage();
    await signIn(phone, 'teacher');
    await phone.goto('/congress');
    await expect.poll(() => phone.getByTestId('next-open-vote').innerText(), { timeout: 10_000 }).toContain('关于调整作息时间的决议');
    expect(await text(phone, 'next-status')).toContain('已签到');
    expect(await text(phone, 'next-agenda')).toContain('财务报告');
    await shot(phone, 'congress-09-phone-home-open-vote');
    await expectAccessible(phone, 'congress home on a phone');
    await expectNoSidewaysScroll(phone);
    // 临时会议提议: the delegate co-signs the one gathering signatures, then starts another.
    const pending = phone.getByTestId('request').first();
    expect(await pending.getByTestId('request-signers').innerText()).toBe('已有 6 人签名，需 15 人');
    await pending.getByTestId('request-sign').click();
    await expect.poll(() => pending.getByTestId('request-signers').innerText(), SLOW).toBe('已有 7 人签名，需 15 人');
    await phone.getByTestId('request-new').click();
    await phone.getByTestId('request-reason').fill('建议召开临时会议，讨论教职工体检方案');
    await phone.getByTestId('request-save').click();
    await expect.poll(() => phone.getByTestId('request').count(), SLOW).toBe(2);
    await shot(phone, 'congress-09a-phone-requests');
    await phone.getByTestId('next-vote-now').click();
    await phone.getByTestId('choice-no').click();
    await phone.getByTestId('ballot-submit').click();
    await expect.poll(() => phone.getByTestId('ballot-voted').isVisible(), { timeout: 10_000 }).toBe(true);

    // The same at 200% zoom (a 390 px phone shows 195 CSS px), as a retiree reads it.
    const zoomed = await env.browser.newContext({ viewport: { width: 195, height: 422 }, deviceScaleFactor: 4, isMobile: true, hasTouch: true, baseURL: env.demo.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const big = await zoomed.newPage();
    await signIn(big, 'teacher');
    for (const [path, name] of [['/congress', 'home'], [`/congress/sessions/${today}/vote`, 'vote'], [`/congress/checkin/${today}`, 'checkin']] as const) {
      await big.goto(path);
      await big.locator('.tx-h1, .tx-h2').first().waitFor();
      await shot(big, `congress-10-zoom200-${name}`);
      await expectNoSidewaysScroll(big);
    }
    // A session created by mistake, with nothing recorded yet, is deleted and the clerk is back home.
    await clerk.goto('/congress');
    await clerk.getByTestId('congress-new-session').click();
    await clerk.getByTestId('session-name').fill('误建的会议');
    await clerk.getByTestId('session-date').click();
    await clerk.getByTestId('session-date').fill('2030-01-10');
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('session-save').click();
    await clerk.waitForURL(/\/congress\/sessions\/[^/]+$/);
    await expect.poll(() => text(clerk, 'attendance-expected'), SLOW).toBe('45');
    await clerk.getByTestId('session-delete').click();
    await clerk.getByTestId('confirm-ok').click();
    await clerk.waitForURL((u) => u.pathname === '/congress');
    await expect.poll(() => clerk.locator('.ant-message').innerText(), SLOW).toContain('已删除：误建的会议');
    await expect.poll(() => clerk.getByText('第五届第三次会议').first().isVisible(), SLOW).toBe(true);
    // The home page may first show its cached list; the refetch on arrival drops the deleted session.
    await expect.poll(() => clerk.getByRole('link', { name: '误建的会议', exact: true }).count(), SLOW).toBe(0);
    for (const c of [clerkContext, phoneContext, zoomed]) await c.close();
  });

  it('shows every congress page in English, at desktop and phone size, without serious accessibility issues', async () => {
    for (const size of [DESKTOP, PHONE]) {
      const context = await newContext(env.browser, size, env.demo.url);
      const page = await context.newPage();
      await signIn(page, 'chair');
      await page.evaluate(() => localStorage.setItem('tx.lang', 'en')); // read at the next page load
      const past = await sessionNamed(page, '第五届第二次会议');
      const terms = await (await page.request.get('/api/congress/terms')).json();
      const pages = [
        ['home', '/congress'],
        ['term', `/congress/terms/${terms.items[0].id}`],
        ['session', `/congress/sessions/${past}`],
        ['guests', `/congress/sessions/${past}?tab=guests`],
        ['vote', `/congress/sessions/${past}/vote`],
        ['checkin', `/congress/checkin/${past}`],
        ['screen', `/congress/sessions/${past}/screen`],
      ];
      for (const [name, path] of pages) {
        await page.goto(path);
        await page.locator('h1').first().waitFor();
        await expect.poll(() => page.locator('.ant-spin-spinning').count(), SLOW).toBe(0);
        if (size === PHONE) await expectNoSidewaysScroll(page);
        await expectAccessible(page, `${name} (en, ${size.width}px)`);
        if (name === 'session' || name === 'vote') await shot(page, `congress-11-en-${size.width}-${name}`);
      }
      await context.close();
    }
  });
});

/** The id of the demo term's session with this name. */
async function sessionNamed(page: Page, name: string): Promise<string> {
  const terms = await (await page.request.get('/api/congress/terms')).json();
  const sessions = await (await page.request.get(`/api/congress/sessions?termId=${terms.items[0].id}`)).json();
  return sessions.items.find((s: { name: string }) => s.name === name).id;
}

/** Nothing wider than the screen: at 200% zoom a retiree must never scroll sideways to read. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${page.url()} is ${scroll}px wide in a ${width}px window`).toBeLessThanOrEqual(width);
}
