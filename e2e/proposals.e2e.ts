import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { choose, demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, shot, SHOTS, signIn } from './support';

// A proposal's year (JOURNEYS.md): a teacher drafts on the phone with two co-signers and submits it
// (it gets its number), the committee 立案 and assigns it, the office replies, the proposer rates it;
// the figures, the 汇编 and the 办理情况报告 show it. The committee also decides a batch, drafted then
// published together, sets collection windows and keeps its templates.

const TITLE = '关于在教学楼增设饮水机的建议';
const REPLY = '已在每层教学楼增设直饮水机两台，11 月底前完成安装。';

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
    await choose(phone, '类别', '后勤保障', { search: true });
    await phone.getByTestId('proposal-reasons').fill('教学楼只有一楼有饮水机，课间学生和教师排长队。');
    await phone.getByTestId('proposal-measures').fill('每层增设直饮水机，并定期检测水质。');
    for (const u of ['leader', 'committee']) {
      await choose(phone, '邀请附议人', nameOf(u), { search: true });
    }
    // The teacher heads a 代表团 (demo data): the form offers a collective proposal; this one is personal.
    expect(await phone.getByText(/^以代表团名义提出（.+代表团）$/).isVisible()).toBe(true);
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
    // Numbered 届次-会次-序号 on submission: the session's three earlier proposals came first.
    const code = await phone.getByTestId('proposal-code').innerText();
    expect(code).toBe('5-3-004');
    expect(await phone.getByTestId('proposal-timeline').innerText()).toContain(`提交，编号 ${code}`);
    await shot(phone, 'proposals-02-phone-submitted');

    // The chair: 立案, then 交办 to 总务处 with the handler and a deadline.
    await desk.goto(url);
    await desk.getByTestId('decision-choice').getByText('立案', { exact: true }).click();
    await desk.getByTestId('decision-publish').click();
    await expect.poll(() => desk.getByTestId('assign-department').isVisible(), { timeout: 10_000 }).toBe(true);
    await desk.getByTestId('assign-department').fill('总务处');
    await choose(desk, '承办人', `${nameOf('handler')}（handler）`, { search: true });
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

    // The timeline names who did what: the committee's decision, the 主办 and its handler, the reply, the rating.
    await desk.goto(url);
    const timeline = await desk.getByTestId('proposal-timeline').innerText();
    for (const text of ['同意附议', `提交，编号 ${code}`, '委员会决定：立案', `交办 总务处 主办（承办人 ${nameOf('handler')}）`, '第 1 次答复：A 已解决', '评价：满意']) expect(timeline).toContain(text);
    await shot(desk, 'proposals-05b-timeline');

    // The figures for this session, and the 汇编 with the reply in it.
    await desk.goto('/proposals/stats');
    await choose(desk, '统计范围', '第五届第三次会议', { search: true });
    await expect.poll(() => desk.getByTestId('stats-total').innerText(), { timeout: 10_000 }).toContain('100');
    await shot(desk, 'proposals-06-stats');
    await expectAccessible(desk, 'proposal figures');
    await desk.goto('/proposals');
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('proposals-compilation').click()]);
    const xml = await (await JSZip.loadAsync(fs.readFileSync((await download.path())!))).file('word/document.xml')!.async('string');
    const body = xml.replace(/<[^>]+>/g, '');
    expect(body).toContain(TITLE);
    expect(body).toContain(REPLY);
    expect(body).toContain(`${code}　${TITLE}`);

    // The 办理情况报告 from the figures page: the rates, and each 立案 proposal with number, 主办, class, rating.
    await desk.goto('/proposals/stats');
    await choose(desk, '统计范围', '第五届第三次会议', { search: true });
    const [report] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('stats-report').click()]);
    expect(report.suggestedFilename()).toContain('提案办理情况报告');
    const reportXml = await (await JSZip.loadAsync(fs.readFileSync((await report.path())!))).file('word/document.xml')!.async('string');
    const reportText = reportXml.replace(/<[^>]+>/g, '');
    for (const text of ['教职工代表大会提案办理情况报告', '第五届第三次会议', '满意率 100.0%', `${code}${TITLE}总务处A 已解决满意`]) expect(reportText).toContain(text);
    await phoneContext.close();
  }, 240_000);

  it('lets the committee decide a batch, publish drafted decisions together, set windows and keep templates', async () => {
    const desk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(desk, 'chair');

    // A template for decisions, kept on its own page.
    await desk.goto('/proposals/templates');
    await desk.getByTestId('template-new').click();
    await desk.getByTestId('template-name').fill('立案交办');
    await desk.getByTestId('template-body').fill('经提案工作委员会审查，同意立案，将交有关部门办理。');
    await desk.getByTestId('template-save').click();
    await expect.poll(() => desk.getByText('经提案工作委员会审查，同意立案').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await shot(desk, 'proposals-07-templates');
    await expectAccessible(desk, 'proposal templates');

    // 待审查 tab with its count; the 代表团's proposal shows the delegation as proposer.
    await desk.goto('/proposals');
    await desk.getByTestId('proposals-tab-submitted').click();
    await expect.poll(() => desk.getByTestId('proposals-tab-submitted').innerText(), { timeout: 10_000 }).toMatch(/待审查\s*3/);
    expect(await desk.locator('.tx-table').innerText()).toMatch(/代表团（团长 /);
    const titles = ['关于延长教师阅览室开放时间的建议', '关于完善教职工年度体检项目的建议'];
    for (const title of titles) await desk.getByLabel(`选择《${title}》`).check();
    await expect.poll(() => desk.getByTestId('proposal-batch').innerText()).toContain('已选 2 件');
    await desk.getByTestId('proposal-batch').getByTestId('decision-choice').getByText('立案', { exact: true }).click();
    await choose(desk, '套用模板', '立案交办', { search: true });
    // Not `shot`: a full-page capture briefly crosses the phone breakpoint, where the list swaps its table (and its ticks) for cards.
    await desk.screenshot({ path: path.join(SHOTS, 'proposals-08-batch.png') });
    await expectAccessible(desk, 'proposal list with a batch');
    await desk.getByTestId('batch-draft').click();
    await expect.poll(() => desk.getByText('草拟决定（未发布）：立案').count(), { timeout: 10_000 }).toBe(2);
    await desk.getByTestId('proposals-publish-all').click();
    await desk.getByRole('button', { name: '发布决定' }).last().click();
    const stateOf = async (title: string) =>
      ((await (await desk.request.get(`/api/proposals?q=${encodeURIComponent(title)}`)).json()) as { items: { state: string; code: string }[] }).items[0];
    for (const title of titles) await expect.poll(async () => (await stateOf(title)).state, { timeout: 10_000 }).toBe('accepted');
    await desk.getByTestId('proposals-tab-accepted').click();
    await expect.poll(() => desk.locator('.tx-table').innerText(), { timeout: 10_000 }).toContain((await stateOf(titles[0])).code);
    await shot(desk, 'proposals-09-accepted-tab');

    // 征集时间: the committee sees and edits each session's window.
    await desk.getByTestId('proposals-windows').click();
    await expect.poll(() => desk.getByTestId('proposal-windows').innerText()).toContain('第五届第三次会议');
    await desk.getByRole('button', { name: '修改第五届第三次会议的征集时间' }).click();
    await desk.getByTestId('window-save').click();
    await expect.poll(() => desk.getByText('已保存').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await shot(desk, 'proposals-10-windows');
    await expectAccessible(desk, 'collection windows');

    // The same list on a phone: cards, tabs that scroll, the number on each card.
    const phone = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await signIn(phone, 'chair');
    await phone.goto('/proposals');
    await expect.poll(() => phone.locator('.tx-cards').innerText(), { timeout: 10_000 }).toContain('5-3-');
    await shot(phone, 'proposals-11-phone-list');
    await expectAccessible(phone, 'proposal list (phone)');
    await phone.context().close();
    await desk.context().close();
  }, 180_000);
});
