import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LoginResult } from '../common/auth';
import { PHONE_UA } from '../bench/web';
import { demoAndBrowser, DEMO_PASSWORD, DESKTOP, expectAccessible, newContext, PHONE, shot, signIn } from './support';

// Ground floor, as a clerk lives it: sign in, import a messy roster (fix the bad row, import), find a
// member by pinyin initials, edit, export, sign out — at a desktop and on a phone.

type Cell = string | number | Date | null;

/** A roster as schools really send it: merged title row, notes, odd headers, mixed date formats. */
async function messyRoster(prefix: string, badPhone: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  const headers = ['序号', ' 工 号', '姓名', '性别', '出生年月', '联系电话 ', '所在部门', '岗位', '职称', '工会小组', '入职时间'];
  ws.addRow(['同心市实验中学2025年新进教职工名册']);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow(['填报日期：2025年9月']);
  ws.addRow(headers);
  const rows: Cell[][] = [
    [1, `${prefix}01`, '欧阳晓峰', '男', new Date(Date.UTC(1996, 2, 12)), '13812345678', '初一年级组', '专任教师', '一级教师', '数学组', '2019/9/1'],
    [2, `${prefix}02`, '龚丽娟', '女', '1998年7月', badPhone ? '1381234567' : '13912345678', '初二年级组', '专任教师', '二级教师', '语文组', '2021.08.30'],
    [3, `${prefix}03`, '潘一鸣', '男', '１９９９年１２月３日', '15012345678 ', '总务处', '工勤', '无', '后勤组', '2023-09-01'],
  ];
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}



describe('ground floor in Chromium', () => {
  const env = demoAndBrowser();

  for (const [label, size, username, prefix] of [
    ['desktop', DESKTOP, 'admin', 'D'],
    ['phone', PHONE, 'chair', 'P'],
  ] as const) {
    it(`${label}: sign in, import a messy roster, find by initials, edit, export, sign out`, async () => {
      const context = await newContext(env.browser, size, env.demo.url);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));

      await page.goto('/login');
      await expect.poll(() => page.getByLabel('用户名').isVisible()).toBe(true);
      await shot(page, `${label}-01-login`);
      await expectAccessible(page, 'login');
      await signIn(page, username);
      await shot(page, `${label}-02-dashboard`);
      await expectAccessible(page, 'dashboard');

      // Import: the bad phone number is caught on spreadsheet row 5 and nothing can be imported yet.
      await page.goto('/members/import');
      const dir = fs.mkdtempSync(`${env.demo.dir}/up-`);
      const bad = `${dir}/新进教职工名册.xlsx`;
      fs.writeFileSync(bad, await messyRoster(prefix, true));
      await page.locator('input[type=file]').setInputFiles(bad);
      const errorList = page.getByTestId('import-errors');
      await expect.poll(() => errorList.isVisible(), { timeout: 15_000 }).toBe(true);
      const errorText = await errorList.innerText();
      expect(errorText).toContain('第 5 行');
      expect(errorText).toContain('联系电话');
      expect(errorText).toContain('1381234567');
      expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
      await shot(page, `${label}-03-import-preview-error`);
      await expectAccessible(page, 'import preview');

      // Fix the file and upload it again: three new members, imported.
      const good = `${dir}/新进教职工名册-已修正.xlsx`;
      fs.writeFileSync(good, await messyRoster(prefix, false));
      await page.getByTestId('import-reupload').click();
      await page.locator('input[type=file]').setInputFiles(good);
      await expect.poll(() => page.getByTestId('import-errors').count(), { timeout: 15_000 }).toBe(0);
      await expect.poll(() => page.getByTestId('import-confirm').isEnabled()).toBe(true);
      await shot(page, `${label}-04-import-preview-ok`);
      await page.getByTestId('import-confirm').click();
      await expect.poll(() => page.getByText('导入完成').isVisible(), { timeout: 15_000 }).toBe(true);
      await shot(page, `${label}-05-import-done`);

      // Find 欧阳晓峰 by pinyin initials, open, edit the phone number.
      await page.goto('/members');
      // Each run imports a 欧阳晓峰: wait for the search's answer, then open this run's (by 工号).
      const searched = page.waitForResponse((r) => r.url().includes('q=oyxf') && r.ok());
      await page.getByLabel('搜索会员').fill('oyxf');
      const found = (await (await searched).json()) as { items: { name: string }[] };
      expect(found.items.length).toBeGreaterThan(0);
      expect(found.items.every((m) => m.name === '欧阳晓峰')).toBe(true);
      // A table cell at a desktop, "工号 P01" on a phone's card.
      const hit = page.getByText(new RegExp(`(^|\\s)${prefix}01$`)).first();
      await expect.poll(() => hit.isVisible(), { timeout: 10_000 }).toBe(true);
      await shot(page, `${label}-06-search-initials`);
      await expectAccessible(page, 'members list');
      await hit.click();
      await page.waitForURL(/\/members\/[^/]+$/);
      await expect.poll(() => page.getByText(`${prefix}01`).first().isVisible()).toBe(true);
      await shot(page, `${label}-07-member-detail`);
      await expectAccessible(page, 'member detail');
      await page.getByTestId('member-edit').click();
      await page.waitForURL(/\/edit$/);
      const phone = page.getByLabel('手机号');
      await phone.fill('13800001111');
      await shot(page, `${label}-08-member-edit`);
      await expectAccessible(page, 'member form');
      await page.getByTestId('member-save').click();
      await page.waitForURL(/\/members\/[^/]+$/);
      await expect.poll(() => page.getByText('13800001111').first().isVisible(), { timeout: 10_000 }).toBe(true);

      // Export: the roster opens in Excel terms and carries the edit.
      await page.goto('/members');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('members-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^会员名册.*\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile((await download.path())!);
      const sheet = wb.worksheets[0];
      expect(sheet.getRow(1).getCell(1).text).toBe('工号');
      const exported = new Map<string, string>();
      sheet.eachRow((row, n) => n > 1 && exported.set(row.getCell(1).text, row.getCell(5).text));
      expect(exported.get(`${prefix}01`)).toBe('13800001111');
      expect(exported.get(`${prefix}02`)).toBe('13912345678');
      expect(exported.size).toBeGreaterThan(180);

      // The other ground-floor pages render and pass the accessibility check.
      for (const path of ['/groups', '/users', '/audit', '/settings', '/me']) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await shot(page, `${label}-09${path.replace('/', '-')}`);
        await expectAccessible(page, path);
      }

      await page.goto('/me');
      await page.getByTestId('logout').first().click();
      await page.waitForURL(/\/login/);
      expect((await page.request.get('/api/auth/me')).status()).toBe(401);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a retiree on a phone zoomed to 200% reads their own record without horizontal scrolling', async () => {
    // Browser zoom at 200% on a 390 px phone lays the page out in 195 CSS px, every size doubled on screen.
    const context = await env.browser.newContext({ viewport: { width: PHONE.width / 2, height: PHONE.height / 2 }, deviceScaleFactor: 4, isMobile: true, hasTouch: true, baseURL: env.demo.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await signIn(page, 'retiree');
    for (const path of ['/', '/me']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await shot(page, `phone-10-retiree${path === '/' ? '-home' : path.replace('/', '-')}-200pct`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways at 200%`).toBeLessThanOrEqual(1);
      await expectAccessible(page, `retiree ${path} at 200%`);
    }
    await expect.poll(() => page.getByText('退休组').first().isVisible()).toBe(true);
    await context.close();
  });

  it('the sign-in page is on screen before any script runs, and React takes it over without redrawing it', async () => {
    // What a phone shows while the scripts are still on their way: login.html is drawn at build time.
    const bare = await env.browser.newContext({ viewport: PHONE, baseURL: env.demo.url, locale: 'zh-CN', javaScriptEnabled: false });
    const still = await bare.newPage();
    await still.goto('/login');
    await expect.poll(() => still.getByRole('heading', { name: '登录' }).isVisible()).toBe(true);
    expect(await still.getByLabel('用户名').isVisible()).toBe(true);
    // Its antd styles and theme variables are in the page itself: the button is the union's red.
    expect(await still.getByRole('button', { name: '登录' }).evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(200, 16, 46)');
    // Any other page shows index.html's spinner until React draws it (web/main.tsx).
    await still.goto('/proposals');
    expect(await still.locator('#root > .tx-boot').evaluate((e) => getComputedStyle(e).animationName)).toBe('tx-boot');
    await bare.close();

    // With scripts: hydrated as drawn (React reports any difference as an error), then usable.
    const context = await newContext(env.browser, PHONE, env.demo.url);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('401') && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/login', { waitUntil: 'commit' });
    const drawn = await page.locator('h1').elementHandle();
    await page.locator('#root:not([inert])').waitFor({ state: 'attached' });
    expect(await drawn!.evaluate((h) => h.isConnected && h.textContent)).toBe('登录');
    expect(errors).toEqual([]);
    await signIn(page, 'chair');
    // Signed in, a reload of the home arrives drawn by the server, and React takes it over: no spinner, no error.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: '工作台' }).isVisible()).toBe(true);
    expect(await page.locator('.tx-boot').count()).toBe(0);
    expect(errors).toEqual([]);

    // A device set to English gets the page in English (drawn afresh), and it works the same.
    const english = await newContext(env.browser, DESKTOP, env.demo.url);
    await english.addInitScript(() => location.protocol.startsWith('http') && localStorage.setItem('tx.lang', 'en'));
    const en = await english.newPage();
    await en.goto('/login');
    await expect.poll(() => en.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    await Promise.all([context.close(), english.close()]);
  });

  it('the signed-in home arrives drawn by the server with its data, whatever the data holds, and React takes it over as drawn', async () => {
    // A member's name that would end a script element: the handler's (the chair may rename members).
    const hostile = '</script><script>hacked=1</script>';
    // Signed in by the API: the form is not what this test looks at (and needs scripts).
    const signInBy = async (context: BrowserContext, username: string) => (await (await context.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } })).json()) as LoginResult;
    const api = await env.browser.newContext({ baseURL: env.demo.url });
    const { user: handler } = await signInBy(api, 'handler');
    const { csrfToken } = await signInBy(api, 'chair');
    const rename = (name: string) => api.request.patch(`/api/members/${handler.memberId}`, { data: { name }, headers: { 'x-csrf-token': csrfToken } });
    const renamed = await rename(hostile);
    expect(renamed.status(), await renamed.text()).toBe(200);
    try {
      // Before any script: the page as the server drew it, the name as text.
      const bare = await env.browser.newContext({ viewport: PHONE, userAgent: PHONE_UA, baseURL: env.demo.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', javaScriptEnabled: false });
      const still = await bare.newPage();
      await signInBy(bare, 'handler');
      await still.goto('/');
      expect(await still.locator('#welcome').textContent()).toContain(hostile);
      expect(await still.locator('.tx-tabbar').isVisible()).toBe(true); // the phone's layout, guessed from the device
      // Only what the handler may see: no 慰问 or 帮扶 reminders drawn, none of their data in the page.
      expect(await still.getByTestId('care-reminders').count()).toBe(0);
      const state = await still.locator('#tx-state').textContent();
      expect(state).not.toContain('/api/care/reminders');
      expect(state).not.toContain('/api/hardship/reminders');
      await shot(still, 'phone-00-home-drawn-by-server');
      await bare.close();

      // With scripts: taken over without a request for what the page already holds, the script never run.
      const context = await newContext(env.browser, PHONE, env.demo.url);
      await signInBy(context, 'handler');
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      const asked: string[] = [];
      page.on('request', (r) => r.url().includes('/api/') && asked.push(new URL(r.url()).pathname));
      await page.goto('/', { waitUntil: 'commit' });
      const greeting = await page.locator('#welcome').elementHandle();
      await page.locator('#root:not([inert])').waitFor({ state: 'attached' });
      await page.waitForLoadState('networkidle');
      expect(await greeting!.evaluate((h) => h.isConnected)).toBe(true); // the same element: not drawn again
      expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
      expect(asked).toEqual([]);
      expect(errors).toEqual([]);
      // Usable: a write works (the page brought no CSRF token: the first write asks for one, no refusal
      // on the way), and a tile leads on.
      const writes: number[] = [];
      page.on('response', (r) => r.request().method() === 'POST' && writes.push(r.status()));
      await page.getByTestId('notifications-bell').click();
      await page.getByRole('button', { name: '全部已读' }).click();
      await expect.poll(() => writes).toEqual([200]); // one write, not refused first
      await expect.poll(() => page.getByTestId('notifications-bell').getAttribute('aria-label')).toBe('通知，0 条未读');
      await page.keyboard.press('Escape');
      await page.getByRole('link', { name: /意见箱/ }).first().click();
      await page.waitForURL('**/suggestions');
      expect(errors).toEqual([]);
      await context.close();

      // A desktop browser at a phone's width: drawn for a desktop, then laid out for the phone at once.
      const narrow = await env.browser.newContext({ viewport: PHONE, baseURL: env.demo.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await signInBy(narrow, 'handler');
      const wrong = await narrow.newPage();
      const wrongErrors: string[] = [];
      wrong.on('pageerror', (e) => wrongErrors.push(e.message));
      wrong.on('console', (m) => m.type() === 'error' && wrongErrors.push(m.text()));
      await wrong.goto('/');
      await wrong.locator('#root:not([inert])').waitFor({ state: 'attached' });
      await expect.poll(() => wrong.locator('.tx-tabbar').isVisible()).toBe(true);
      expect(await wrong.locator('.tx-sider').count()).toBe(0);
      expect(wrongErrors).toEqual([]);
      await narrow.close();
    } finally {
      expect((await rename(handler.displayName)).status()).toBe(200);
      await api.close();
    }
  });
});
