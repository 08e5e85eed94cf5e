import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDate } from '../server/lib/time';
import { demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, shot, signIn } from './support';

// Congress day (JOURNEYS.md): the clerk sets up a session, a delegate checks in and votes from the
// phone while the projector follows live; the vote closes with its threshold and verdict; the record downloads.



const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
const MARK_ALL = '全部标记出席';

describe('congress day in Chromium', () => {
  const env = demoAndBrowser();

  it('sets up a session, checks in and votes from a phone, with the projector following live', async () => {
    const clerkContext = await newContext(env.browser, DESKTOP, env.demo.url);
    const clerk = await clerkContext.newPage();
    await signIn(clerk, 'chair');
    await clerk.goto('/congress');
    await expect.poll(() => clerk.getByText('第五届').first().isVisible()).toBe(true);
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
    await expect.poll(() => clerk.getByTestId('quorum').isVisible()).toBe(true);

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
});
