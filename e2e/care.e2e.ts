import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../server/modules/care/care.fixture';
import { choose, demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, SHOTS, shot, signIn } from './support';

// 送温暖 (JOURNEYS.md): a committee member, on the phone at the hospital, records a visit and is refused a
// second one for the same illness; at the desk, prepares the 中秋 batch for the retirees, takes out the
// one whose festival gifts already reach the cap, records the rest and prints the 签收单; the fund
// auditor then finds the spending in the ledger.

const ILLNESS = '急性阑尾炎';

async function recordHospitalVisit(page: Page, amount: string): Promise<void> {
  await page.goto('/care/new');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('会员', { exact: true }).fill('T0010');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title*="T0010"]').first().click();
  await page.getByTestId('care-standing').waitFor();
  await page.getByLabel('所患疾病').fill(ILLNESS);
  await page.getByLabel('金额（元）').fill(amount);
  await page.getByLabel('慰问人').fill('工会 生活福利委员');
}

describe('care visits and the fund ledger in Chromium', () => {
  const env = demoAndBrowser();

  it('records a hospital visit on a phone, refuses the same illness again, runs the 中秋 batch with its 签收单, and the ledger shows it', { timeout: 300_000 }, async () => {
    // On the phone: the 工作台 reminds of who is in hospital; the visit is recorded.
    const phone = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await signIn(phone, 'committee');
    await phone.getByTestId('care-reminders').waitFor();
    expect(await phone.getByTestId('care-reminders').innerText()).toContain('正在住院');
    await shot(phone, 'care-01-phone-dashboard');
    await expectAccessible(phone, 'dashboard with care reminders');

    await recordHospitalVisit(phone, '800');
    expect(await phone.getByTestId('care-standing').innerText()).toContain('生病住院慰问每次上限 2,000.00 元');
    await shot(phone, 'care-02-phone-record');
    await expectAccessible(phone, 'care record form');
    await phone.getByTestId('care-form-submit').click();
    await phone.waitForURL(/\/care\/records\/[^/]+$/);
    // The record is fetched after the navigation: wait for it rather than read the form or a spinner.
    await phone.getByTestId('care-record').waitFor();
    const recorded = await phone.locator('main').innerText();
    expect(recorded).toContain(ILLNESS);
    expect(recorded).toContain('800.00 元');
    await shot(phone, 'care-03-phone-recorded');
    await expectAccessible(phone, 'care record');

    // The same illness again, the same year: the form warns before sending, the server refuses.
    await recordHospitalVisit(phone, '500');
    await expect.poll(() => phone.getByTestId('care-standing').innerText()).toContain('本次将超出上限');
    await phone.getByTestId('care-form-submit').click();
    const refusal = phone.getByTestId('care-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(`同一疾病住院每年只慰问一次`);
    expect(await refusal.innerText()).toContain(`已因“${ILLNESS}”获住院慰问`);
    await shot(phone, 'care-04-phone-refused');
    await expectAccessible(phone, 'refused record');
    await phone.context().close();

    // At the desk: the 中秋 batch for every retiree.
    const desk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(desk, 'committee');
    await desk.goto('/care');
    await desk.getByRole('link', { name: '登记慰问' }).waitFor();
    await shot(desk, 'care-05-records');
    await expectAccessible(desk, 'care records');
    await desk.goto('/care/batch');
    await desk.waitForLoadState('networkidle');
    await choose(desk, '节日', '中秋节');
    await desk.getByTestId('batch-item').fill('月饼礼盒');
    await desk.getByLabel('每人物品价值（元）').fill('200');
    await desk.getByTestId('batch-preview').click();
    const result = desk.getByTestId('batch-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('1 人将超出上限');
    expect(await result.innerText()).toContain('节日慰问每人每年不超过 2,200.00 元');
    expect(await desk.getByTestId('batch-record').isDisabled()).toBe(true);
    await shot(desk, 'care-06-batch-preview');
    await expectAccessible(desk, 'batch preview');
    await desk.getByTestId('batch-remove-over').click();
    await expect.poll(() => result.innerText()).toContain('已移出 1 人');
    const names = await desk.locator('[data-testid="batch-result"] tbody tr.ant-table-row td:first-child').allInnerTexts();
    expect(names.length).toBe(34);
    await desk.getByTestId('batch-record').click();
    await desk.getByTestId('care-receipt').waitFor();
    expect(await desk.locator('main').innerText()).toContain('已登记 34 人，合计 6,800.00 元');
    await shot(desk, 'care-07-batch-done');
    await expectAccessible(desk, 'batch recorded');

    // The 签收单, downloaded and read back: every name, the total in figures and in 大写, page numbers.
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('care-receipt').click()]);
    expect(download.suggestedFilename()).toMatch(/中秋节慰问签收单\.pdf$/);
    const file = path.join(SHOTS, 'care-08-receipt.pdf');
    await download.saveAs(file);
    const pages = await pdfText(fs.readFileSync(file));
    const text = pages.join('\n');
    expect(text).toContain('中秋节慰问签收单');
    expect(text).toContain('同心市实验中学工会');
    for (const cell of names) expect(text).toContain(cell.replace(/（.*）$/, ''));
    expect(text).toContain('合计：34 人，金额 6,800.00 元（大写：陆仟捌佰元整）');
    expect(pages.at(-1)).toContain(`第 ${pages.length} 页 / 共 ${pages.length} 页`);
    await desk.context().close();

    // The fund auditor reads the ledger: the batch is there, the 慰问 budget shows it, nothing can be changed.
    const auditor = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(auditor, 'auditor');
    await auditor.goto('/funds');
    await auditor.getByTestId('funds-stats').waitFor();
    await expect.poll(() => auditor.locator('main').innerText()).toContain('中秋节慰问：34 人，月饼礼盒');
    const main = await auditor.locator('main').innerText();
    expect(main).toContain('预算执行');
    expect(main).toContain('您可以查阅全部账目，不能修改');
    expect(await auditor.getByTestId('funds-add').count()).toBe(0);
    await shot(auditor, 'care-09-funds');
    await expectAccessible(auditor, 'fund ledger');
    // In English too.
    await auditor.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => auditor.locator('h1').innerText()).toBe('Union funds');
    expect(await auditor.locator('main').innerText()).toContain('Budget use');
    await shot(auditor, 'care-09b-funds-en');
    await auditor.goto('/care/batch');
    await auditor.waitForLoadState('networkidle');
    expect(await auditor.locator('main').innerText()).toContain('No permission');
    await auditor.context().close();

    // The same pages on a phone.
    const small = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await signIn(small, 'treasurer');
    await small.goto('/funds');
    await small.getByTestId('funds-stats').waitFor();
    await shot(small, 'care-10-phone-funds');
    await expectAccessible(small, 'fund ledger on a phone');
    await small.goto('/care');
    await small.locator('.tx-cards').waitFor();
    await shot(small, 'care-11-phone-records');
    await expectAccessible(small, 'care records on a phone');
  });
});
