import { describe, expect, it } from 'vitest';
import { choose, demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, shot, signIn } from './support';

// The 意见箱 journey (JOURNEYS.md): the canteen closes before evening study ends; a young teacher writes
// to 总务处 anonymously on her phone and keeps the receipt code; the office answers; at home, without
// signing in, she reads the reply with the code and writes back.

const TITLE = '晚自习后食堂没有饭了';
const REPLY = '已与食堂商定：晚自习值班教师可在 18:00 前预约留餐，下周一开始。';

describe('suggestion box in Chromium', () => {
  const env = demoAndBrowser();

  it('a member submits anonymously on a phone, the handler replies, the receipt shows the reply without signing in', { timeout: 240_000 }, async () => {
    // The teacher, on her phone.
    const phoneContext = await newContext(env.browser, PHONE, env.demo.url);
    await phoneContext.grantPermissions(['clipboard-read', 'clipboard-write']);
    const phone = await phoneContext.newPage();
    await signIn(phone, 'teacher');
    await phone.goto('/suggestions');
    await shot(phone, 'suggestions-01-phone-home');
    await expectAccessible(phone, 'suggestion box home');
    await phone.getByTestId('sug-write').click();
    await phone.waitForURL('**/suggestions/new');
    await phone.getByTestId('sug-to').getByText('部门', { exact: true }).click();
    await choose(phone, '选择部门', '总务处');
    await choose(phone, '类别', '后勤服务');
    await phone.getByTestId('sug-subject').fill(TITLE);
    await phone.getByTestId('sug-content').fill('晚自习 20:30 结束，食堂 19:00 就关门，值班老师只能饿着肚子。');
    await phone.getByTestId('sug-signing').getByText('匿名', { exact: true }).click();
    // Form.useWatch re-renders after the click has returned.
    await expect.poll(() => phone.getByTestId('sug-signing-explain').innerText()).toContain('回执码');
    await phone.evaluate(() => window.scrollTo(0, 0));
    await shot(phone, 'suggestions-02-phone-write');
    await expectAccessible(phone, 'write a suggestion');
    await phone.getByTestId('sug-send').click();

    // The receipt, shown once, copied.
    const codeBox = phone.getByTestId('sug-receipt-code');
    await codeBox.waitFor();
    const code = (await codeBox.innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    expect(await phone.getByTestId('sug-receipt-once').innerText()).toContain('只显示这一次');
    await phone.getByTestId('sug-copy').click();
    await expect.poll(() => phone.evaluate(() => navigator.clipboard.readText()), { timeout: 5000 }).toBe(code);
    await shot(phone, 'suggestions-03-phone-receipt');
    await expectAccessible(phone, 'receipt shown once');
    // It is hers only through the code: 我的意见 does not list it.
    await phone.goto('/suggestions/mine');
    await expect.poll(() => phone.locator('main').innerText(), { timeout: 10_000 }).toContain('匿名意见不与您的账号关联');
    expect(await phone.locator('main').innerText()).not.toContain(TITLE);
    await phoneContext.close();

    // The 总务处 handler, at the desk: the inbox, the mail without a name, a reply.
    const desk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(desk, 'handler');
    await desk.goto('/suggestions/inbox');
    await desk.getByRole('link', { name: TITLE }).waitFor();
    await shot(desk, 'suggestions-04-handler-inbox');
    await expectAccessible(desk, 'handler inbox');
    await desk.getByRole('link', { name: TITLE }).click();
    await desk.waitForURL(/\/suggestions\/[^/]+$/);
    expect(await desk.locator('main').innerText()).toContain('匿名');
    await desk.getByTestId('sug-replies-input').fill(REPLY);
    await desk.getByTestId('sug-replies-send').click();
    await expect.poll(() => desk.getByTestId('suggestion-thread').innerText(), { timeout: 10_000 }).toContain(REPLY);
    await shot(desk, 'suggestions-05-handler-replied');
    await expectAccessible(desk, 'suggestion detail (handler)');

    // At home, signed out: the login page leads to the receipt page; the code, typed loosely, shows the reply.
    const home = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await home.goto('/login');
    await shot(home, 'suggestions-06a-phone-login-link');
    await home.getByTestId('login-receipt').click();
    await home.waitForURL('**/suggestions/receipt');
    await home.getByTestId('receipt-input').fill(` ${code.toLowerCase().replace(/-/g, ' ')} `);
    await home.getByTestId('receipt-lookup').click();
    await expect.poll(() => home.getByTestId('receipt-view').innerText(), { timeout: 10_000 }).toContain(REPLY);
    expect(await home.getByTestId('receipt-view').innerText()).toContain('已答复');
    await shot(home, 'suggestions-06-phone-receipt-reply');
    await expectAccessible(home, 'receipt page with the reply');
    await home.getByTestId('receipt-message').fill('谢谢！周六补课的老师也能留餐吗？');
    await home.getByTestId('receipt-send').click();
    await expect.poll(() => home.getByTestId('suggestion-thread').innerText(), { timeout: 10_000 }).toContain('周六补课');
    expect(await home.getByTestId('receipt-view').innerText()).toContain('处理中');
    // A wrong code is refused in words.
    await home.getByRole('button', { name: '查另一个回执码' }).click();
    await home.getByTestId('receipt-input').fill('AAAA-BBBB-CCCC-DDDD');
    await home.getByTestId('receipt-lookup').click();
    await expect.poll(() => home.getByRole('alert').innerText(), { timeout: 10_000 }).toContain('回执码不正确');
    await home.context().close();
    await desk.context().close();
  });

  it('shows the 回音壁, the figures, the departments and the write page at both sizes, and in English', { timeout: 240_000 }, async () => {
    const desk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(desk, 'chair');
    await desk.goto('/suggestions/wall');
    await expect.poll(() => desk.getByTestId('wall').innerText(), { timeout: 10_000 }).toContain('晚自习值班的老师吃不上晚饭怎么办');
    await shot(desk, 'suggestions-07-desktop-wall');
    await expectAccessible(desk, '回音壁');
    await desk.goto('/suggestions/figures');
    await expect.poll(() => desk.getByTestId('figures-total').innerText(), { timeout: 10_000 }).toMatch(/收到\s*\d+/);
    await shot(desk, 'suggestions-08-desktop-figures');
    await expectAccessible(desk, 'suggestion figures');
    await desk.goto('/suggestions/inbox?overdue=1');
    await desk.locator('.ant-table-tbody').waitFor();
    await shot(desk, 'suggestions-09-chair-inbox-overdue');
    await desk.context().close();

    const admin = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(admin, 'admin');
    await admin.goto('/departments');
    await expect.poll(() => admin.locator('main').innerText(), { timeout: 10_000 }).toContain('总务处');
    await admin.getByTestId('departments-new').click();
    await admin.getByTestId('department-name').fill('工会办公室');
    await shot(admin, 'suggestions-10-departments-new');
    await admin.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => admin.locator('main').innerText(), { timeout: 10_000 }).toContain('工会办公室');
    await expectAccessible(admin, 'departments');
    await admin.context().close();

    const writeDesk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(writeDesk, 'teacher');
    await writeDesk.goto('/suggestions/new');
    await writeDesk.getByTestId('sug-subject').waitFor();
    await shot(writeDesk, 'suggestions-11-desktop-write');
    // A window narrowed to a phone's width and back (a tablet turned): the shell changes, the half-written letter stays.
    await writeDesk.getByTestId('sug-subject').fill('图书馆周末开放');
    await writeDesk.setViewportSize(PHONE);
    await writeDesk.locator('.tx-tabbar').waitFor();
    expect(await writeDesk.getByTestId('sug-subject').inputValue()).toBe('图书馆周末开放');
    await writeDesk.setViewportSize(DESKTOP);
    await writeDesk.locator('.tx-sider').waitFor();
    expect(await writeDesk.getByTestId('sug-subject').inputValue()).toBe('图书馆周末开放');
    await writeDesk.goto('/suggestions/mine');
    await writeDesk.locator('.ant-table-tbody').waitFor();
    await shot(writeDesk, 'suggestions-12-desktop-mine');
    await expectAccessible(writeDesk, '我的意见');
    await writeDesk.context().close();

    // On phones: a named writer's own suggestion with its reply and the 回音壁 consent; the chair's inbox as cards.
    const teacherPhone = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await signIn(teacherPhone, 'teacher');
    await teacherPhone.goto('/suggestions/mine');
    await teacherPhone.getByRole('link', { name: '初二年级教师办公室过于拥挤' }).click();
    await expect.poll(() => teacherPhone.getByTestId('suggestion-thread').innerText(), { timeout: 10_000 }).toContain('三楼资料室');
    await shot(teacherPhone, 'suggestions-14-phone-named-detail');
    await expectAccessible(teacherPhone, 'suggestion detail (named writer)');
    await teacherPhone.context().close();
    const chairPhone = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await signIn(chairPhone, 'chair');
    await chairPhone.goto('/suggestions/inbox');
    await chairPhone.locator('.tx-cards').waitFor();
    await shot(chairPhone, 'suggestions-15-phone-chair-inbox');
    await expectAccessible(chairPhone, 'inbox on a phone');
    await chairPhone.context().close();

    // English, on a phone, signed out.
    const en = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await en.goto('/login');
    await en.evaluate(() => localStorage.setItem('tx.lang', 'en'));
    await en.goto('/suggestions/receipt');
    await expect.poll(() => en.locator('h1').innerText(), { timeout: 10_000 }).toBe('Read replies with a receipt code');
    await shot(en, 'suggestions-13-phone-receipt-en');
    await expectAccessible(en, 'receipt page (English)');
    await en.context().close();
  });
});
