import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, shot, signIn } from './support';

// 困难帮扶 (JOURNEYS.md): a group leader, on a phone, applies for a teacher of their 工会小组; the
// 生活福利委员 opens the teacher's file and recommends an amount; the chair approves less; the welfare
// officer records the payment; the fund auditor finds it in the ledger; the teacher sees it under 我的帮扶.

const REASON = '配偶突发重病住院，医疗费负担重';

async function page(env: ReturnType<typeof demoAndBrowser>, user: string, size = DESKTOP): Promise<Page> {
  const p = await (await newContext(env.browser, size, env.demo.url)).newPage();
  await signIn(p, user);
  return p;
}

describe('hardship help in Chromium', () => {
  const env = demoAndBrowser();

  it('goes from a group leader’s application on a phone to the payment in the ledger and under 我的帮扶', { timeout: 300_000 }, async () => {
    // The teacher of 语文组 whom the leader applies for.
    const teacher = await page(env, 'teacher', PHONE);
    const name = ((await (await teacher.request.get('/api/auth/me')).json()) as { user: { displayName: string } }).user.displayName;

    const leader = await page(env, 'leader', PHONE);
    await leader.goto('/hardship/apply');
    await leader.getByTestId('hs-apply-member').click();
    await leader.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    // rc-select leaves its listbox unnamed (axe does not flag a 0×0 list); web/app/listboxNames.ts names it by the field's label.
    await expect.poll(() => leader.getByRole('listbox', { name: '会员', includeHidden: true }).count()).toBe(1);
    await leader.locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="${name}"]`).first().click();
    // The list closes with an animation; a page checked during it still holds the open listbox (as `choose` in support.ts waits).
    await expect.poll(() => leader.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await leader.getByTestId('hs-apply-amount').fill('1500');
    await leader.getByTestId('hs-apply-reason').fill(REASON);
    await shot(leader, 'hardship-01-phone-apply');
    await expectAccessible(leader, 'hardship application form');
    await leader.getByTestId('hs-apply-submit').click();
    await leader.waitForURL((u) => u.pathname === '/');
    await leader.context().close();

    // The welfare officer: the 工作台 card, the application, a file opened for the teacher, the review.
    const welfare = await page(env, 'welfare');
    await welfare.getByTestId('hardship-reminders').waitFor();
    expect(await welfare.getByTestId('hardship-reminders').innerText()).toContain('待审核 2');
    await shot(welfare, 'hardship-02-dashboard');
    await welfare.goto('/hardship');
    await welfare.getByRole('link', { name: '特困' }).or(welfare.locator('.ant-table-row').first()).first().waitFor();
    await welfare.waitForLoadState('networkidle');
    await shot(welfare, 'hardship-02a-files');
    await expectAccessible(welfare, 'hardship files');
    await welfare.goto('/hardship?tab=applications&state=submitted');
    await welfare.getByRole('link', { name }).first().click();
    await welfare.waitForURL(/\/hardship\/applications\/[^/]+$/);
    const application = welfare.url();
    await expect.poll(() => welfare.locator('main').innerText()).toContain(REASON);
    // The back link returns to the list as filtered, even after a reload of the application.
    await welfare.reload();
    await welfare.waitForLoadState('networkidle');
    await welfare.locator('.tx-back').click();
    await welfare.waitForURL((u) => u.pathname === '/hardship' && u.searchParams.get('state') === 'submitted');
    await welfare.goto(application);
    await expect.poll(() => welfare.locator('main').innerText()).toContain(REASON);
    await shot(welfare, 'hardship-02b-review-no-file');
    await welfare.getByTestId('hs-open-file').click();
    await welfare.getByLabel('疾病').check();
    await welfare.getByLabel('人均月收入（元）').fill('1800');
    await welfare.getByLabel('家庭情况').fill('配偶住院，孩子在读初中');
    await welfare.getByTestId('hs-file-submit').click();
    await welfare.waitForURL(/\/hardship\/files\/[^/]+$/);
    await welfare.getByTestId('hs-reviewed').waitFor();
    await shot(welfare, 'hardship-03-file');
    await expectAccessible(welfare, 'hardship file');
    await welfare.goto(application);
    await welfare.getByTestId('hs-review-amount').fill('1200');
    await welfare.getByTestId('hs-review-submit').click();
    await expect.poll(() => welfare.locator('main').innerText()).toContain('待主席审批');

    // The chair lowers it to 1,000 元.
    const chair = await page(env, 'chair');
    await chair.goto(application);
    await chair.getByTestId('hs-approve-amount').fill('1000');
    await chair.getByTestId('hs-approve-submit').click();
    await expect.poll(() => chair.locator('main').innerText()).toContain('待发放');
    await chair.context().close();

    // The payment, posted to the ledger.
    await welfare.reload();
    await welfare.getByTestId('hs-pay-submit').click();
    await expect.poll(() => welfare.locator('main').innerText()).toContain('已发放 1,000.00 元');
    await shot(welfare, 'hardship-04-paid');
    await expectAccessible(welfare, 'paid application');
    await welfare.goto('/hardship');
    await welfare.getByRole('tab', { name: '送温暖' }).click();
    await welfare.getByRole('link', { name: /春节送温暖/ }).click();
    await welfare.getByTestId('hs-receipt').waitFor();
    await shot(welfare, 'hardship-05-campaign');
    await expectAccessible(welfare, 'hardship campaign');
    await welfare.context().close();

    const auditor = await page(env, 'auditor');
    await auditor.goto('/funds');
    await auditor.getByTestId('funds-stats').waitFor();
    await expect.poll(() => auditor.locator('main').innerText()).toContain(`困难帮扶：${name}`);
    // …and nothing of the file: hardship pages answer "no permission".
    await auditor.goto('/hardship');
    await auditor.waitForLoadState('networkidle');
    expect(await auditor.locator('main').innerText()).toContain('没有权限');
    await auditor.context().close();

    // The teacher, on the phone, under 我的帮扶: the help paid, without the committee's notes.
    await teacher.goto('/hardship/mine');
    await teacher.getByTestId('my-care').waitFor();
    const mine = await teacher.locator('main').innerText();
    expect(mine).toContain('已发放');
    expect(mine).toContain('1,000.00 元');
    expect(mine).toContain('配偶住院，孩子在读初中');
    await teacher.waitForLoadState('networkidle');
    await shot(teacher, 'hardship-06-phone-mine');
    await expectAccessible(teacher, 'my help');
    await teacher.context().close();

    // The welfare officer's list on a phone: cards, not a table.
    const small = await page(env, 'welfare', PHONE);
    await small.goto('/hardship');
    await small.locator('.tx-cards').waitFor();
    await small.waitForLoadState('networkidle');
    await shot(small, 'hardship-07-phone-files');
    await expectAccessible(small, 'hardship files on a phone');
  });
});
