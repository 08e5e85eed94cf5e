import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, shot, signIn } from './support';

// 权益诉求 (JOURNEYS.md): a teacher, on her phone, raises a 子女入学 case; the 权益保障委员 takes it up
// and forwards it to 教务处 with a deadline; the office head answers; the officer explains the outcome;
// the teacher confirms and rates it; the figures count it.

const TITLE = '妹妹学校不接收孩子插班';
const RESPONSE = '已与区教育局沟通，本学期插班名额已满，下学期开学前可优先安排。';
const EXPLANATION = '本学期确实无法插班。工会已把孩子列入下学期优先名单，开学前两周会再与您联系。';

async function openCase(page: Page, list: string): Promise<void> {
  await page.goto(list);
  await page.getByRole('link', { name: TITLE }).first().click();
  await page.waitForURL(CASE_URL);
  await page.getByTestId('case-timeline').waitFor();
}

/** A case's own page (not /cases/new or /cases/mine): ids are UUIDs. */
const CASE_URL = /\/cases\/[0-9a-f]{8}-[0-9a-f-]{27}$/;

const stateOf = (page: Page) => page.getByTestId('case-timeline').innerText();

describe('rights cases in Chromium', () => {
  const env = demoAndBrowser();

  it('raises a 子女入学 case on a phone, forwards, answers, explains, and the member rates it', { timeout: 300_000 }, async () => {
    const phone = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await signIn(phone, 'teacher');
    await phone.goto('/cases/mine');
    await phone.getByTestId('case-raise').click();
    await phone.waitForURL('**/cases/new');
    await choose(phone, '类别', '子女入学');
    await phone.getByTestId('case-title').fill(TITLE);
    await phone.getByTestId('case-content').fill('孩子随我在本市居住，妹妹所在学校说插班名额已满，不知道还有什么办法。');
    await shot(phone, 'cases-01-phone-raise');
    await expectAccessible(phone, 'raise a case');
    await phone.getByTestId('case-send').click();
    await phone.waitForURL(CASE_URL);
    await phone.getByTestId('case-timeline').waitFor();
    expect(await phone.locator('main').innerText()).toContain('已提交');
    await shot(phone, 'cases-02-phone-raised');
    await expectAccessible(phone, 'case detail (member)');

    // The rights officer at the desk: takes it up and forwards it to 教务处 with a deadline.
    const desk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(desk, 'rights');
    await desk.goto('/cases');
    await desk.getByRole('link', { name: TITLE }).waitFor();
    await shot(desk, 'cases-03-inbox');
    await expectAccessible(desk, 'case inbox');
    await openCase(desk, '/cases');
    await desk.getByTestId('case-triage').click();
    await desk.getByTestId('case-forward').waitFor();
    await choose(desk, '选择部门', '教务处');
    await desk.getByLabel('办理期限').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    // Enter takes the typed date and sends the form.
    await desk.keyboard.press('Enter');
    await expect.poll(() => stateOf(desk), { timeout: 10_000 }).toContain('转交承办部门');
    await shot(desk, 'cases-04-forwarded');
    await expectAccessible(desk, 'case detail (union)');

    // The 教务处 handler answers what was forwarded to them.
    const office = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(office, 'handler');
    await openCase(office, '/cases/assigned');
    await office.getByTestId('case-respond-input').fill(RESPONSE);
    await office.getByTestId('case-respond-send').click();
    await expect.poll(() => stateOf(office), { timeout: 10_000 }).toContain(RESPONSE);
    await shot(office, 'cases-05-handler-responded');
    await expectAccessible(office, 'case detail (handler)');
    await office.context().close();

    // The officer explains the outcome, also when nothing can be done this term.
    await desk.reload();
    await desk.getByTestId('case-explain-outcome').getByText('暂时无法解决').click();
    await desk.getByTestId('case-explain-input').fill(EXPLANATION);
    await desk.getByTestId('case-explain').click();
    await expect.poll(() => desk.getByTestId('case-explanation').innerText(), { timeout: 10_000 }).toContain(EXPLANATION);

    // Back on the phone: the explanation, a rating of 4, closed.
    await phone.reload();
    await phone.getByTestId('case-confirm').waitFor();
    expect(await phone.getByTestId('case-explanation').innerText()).toContain(EXPLANATION);
    await phone.getByTestId('case-rating').getByText('4 分', { exact: true }).click();
    await phone.getByTestId('case-comment').fill('虽然没解决，但解释得很清楚。');
    await shot(phone, 'cases-06-phone-rate');
    await expectAccessible(phone, 'confirm and rate');
    await phone.getByTestId('case-confirm').click();
    await expect.poll(() => stateOf(phone), { timeout: 10_000 }).toContain('办结');
    expect(await phone.locator('main').innerText()).toContain('已办结');
    await shot(phone, 'cases-07-phone-closed');
    await phone.context().close();

    // The figures count it, without names.
    await desk.goto('/cases/figures');
    const figures = desk.getByTestId('case-figures');
    await figures.waitFor();
    expect(await desk.locator('main').innerText()).toContain('子女入学');
    expect(await desk.locator('main').innerText()).not.toContain(TITLE);
    await shot(desk, 'cases-08-figures');
    await expectAccessible(desk, 'case figures');
    await desk.context().close();
  });
});
