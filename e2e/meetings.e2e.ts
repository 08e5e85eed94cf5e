import { describe, expect, it } from 'vitest';
import { choose, demoAndBrowser, DESKTOP, expectAccessible, newContext, PHONE, shot, signIn } from './support';

// 会议与座谈会 (issue 4): the committee records a 座谈会 with the retirees, notes an opinion and passes it
// to the 意见箱 in the union's name; the union's inbox shows it with the way back to the meeting; a
// retired teacher finds the meeting under 我参加的会议 on the phone.

const TITLE = '重阳节退休教师座谈会';
const OPINION = '希望学校在校史馆留出一面墙，展示退休教师的老照片。';

describe('meetings in Chromium', () => {
  const env = demoAndBrowser();

  it('a 座谈会 with retirees is recorded and one opinion becomes a suggestion', { timeout: 300_000 }, async () => {
    const desk = await (await newContext(env.browser, DESKTOP, env.demo.url)).newPage();
    await signIn(desk, 'committee');
    await desk.goto('/meetings');
    await desk.getByTestId('meeting-figures').waitFor();
    await shot(desk, 'meetings-01-desk-list');
    await expectAccessible(desk, 'meetings list');

    await desk.getByTestId('meeting-new').click();
    await desk.getByTestId('meeting-form').waitFor();
    await desk.waitForLoadState('networkidle');
    await choose(desk, '类型', '座谈会');
    await desk.getByLabel('会议名称').fill(TITLE);
    await desk.getByLabel('地点').fill('三楼会议室');
    await desk.getByTestId('meeting-add-retirees').click();
    await expect.poll(() => desk.locator('[data-testid="meeting-members"] .ant-select-selection-item').count()).toBeGreaterThan(30);
    await desk.getByTestId('meeting-add-guest').click();
    await desk.getByLabel('姓名', { exact: true }).fill('陈主任');
    await desk.getByLabel('单位', { exact: true }).fill('区教育工会');
    await desk.getByLabel('议程 1').fill('听取退休教师意见建议');
    await shot(desk, 'meetings-02-desk-form');
    await expectAccessible(desk, 'meeting form');
    await desk.getByTestId('meeting-save').click();
    await desk.waitForURL(/\/meetings\/[^/]+$/);
    expect(await desk.getByTestId('meeting-attendees').innerText()).toContain('陈主任');

    // Raised by the first retiree on the list.
    await desk.getByLabel('参会会员', { exact: true }).first().click();
    await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await desk.getByTestId('opinion-content').fill(OPINION);
    await desk.getByTestId('opinion-add').click();
    await desk.getByTestId('meeting-opinions').getByText(OPINION).waitFor();
    await desk.getByTestId('opinion-convert').last().click();
    await desk.getByTestId('convert-title').fill('关于展示退休教师老照片的建议');
    await shot(desk, 'meetings-03-desk-convert');
    await desk.getByTestId('convert-ok').click();
    await expect.poll(() => desk.getByTestId('meeting-opinions').innerText()).toContain('已转意见箱：关于展示退休教师老照片的建议');
    await shot(desk, 'meetings-04-desk-meeting');
    await expectAccessible(desk, 'meeting page');

    // The union's inbox holds it, in the union's name, with the way back to the meeting.
    await desk.goto('/suggestions/inbox');
    await desk.getByRole('link', { name: '关于展示退休教师老照片的建议' }).click();
    await desk.getByTestId('from-meeting').waitFor();
    expect(await desk.getByTestId('from-meeting').innerText()).toContain(`来自「${TITLE}」`);
    expect(await desk.getByTestId('suggestion-content').innerText()).toContain(OPINION);
    await shot(desk, 'meetings-05-desk-suggestion');
    await desk.getByTestId('from-meeting').click();
    await desk.waitForURL(/\/meetings\/[^/]+$/);

    // A retired teacher on the phone: 我参加的会议 lists the demo's 座谈会 and opens it.
    const phone = await (await newContext(env.browser, PHONE, env.demo.url)).newPage();
    await signIn(phone, 'retiree');
    await phone.goto('/meetings/mine');
    await phone.getByRole('link', { name: '退休教师座谈会', exact: true }).first().click();
    await phone.getByTestId('meeting-opinions').waitFor();
    expect(await phone.getByTestId('meeting-opinions').innerText()).toContain('已转意见箱');
    await shot(phone, 'meetings-06-phone-retiree');
    await expectAccessible(phone, 'meeting on a phone');
  });
});
