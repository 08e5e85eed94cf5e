import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { startServer, type Running } from '../server/start';
import { seedDemoCare } from '../scripts/demo/care';
import { seedDemoCases } from '../scripts/demo/cases';
import { seedDemoCongress } from '../scripts/demo/congress';
import { seedDemoDisclosures } from '../scripts/demo/disclosures';
import { seedDemoHardship } from '../scripts/demo/hardship';
import { seedDemoMeetings } from '../scripts/demo/meetings';
import { seedDemoProposals } from '../scripts/demo/proposals';
import { seedDemoSuggestions } from '../scripts/demo/suggestions';
import { seedDemoSchool, DEMO_PASSWORD } from '../scripts/demo/school';
import { PHONE_UA } from '../bench/web';

export { DEMO_PASSWORD };
export const SHOTS = path.resolve('e2e/screenshots');
export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * For a spec: the demo app and a browser, started before its tests and stopped after. Read them as
 * `env.demo` and `env.browser` inside tests.
 */
// Whatever a page's Content-Security-Policy refused, in any context of the spec (newContext).
const refused: string[] = [];

export function demoAndBrowser() {
  const env = {} as { demo: Awaited<ReturnType<typeof startDemo>>; browser: Browser };
  beforeAll(async () => {
    env.demo = await startDemo();
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.demo?.stop();
    if (env.demo) fs.rmSync(env.demo.dir, { recursive: true, force: true });
    // The build's inline scripts run by their hashes; nothing a journey does needs more.
    expect(refused, "what the pages' Content-Security-Policy refused (server/plugins/pagePolicy.ts)").toEqual([]);
  });
  return env;
}

/** The built app on a fresh demo database, on a free loopback port. */
export async function startDemo(): Promise<Running & { dir: string }> {
  // E2E_WEB_DIST lets several builds run side by side (e.g. `npx vite build --outDir /tmp/x`).
  const dist = process.env.E2E_WEB_DIST ?? 'dist';
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npx vite build\` first (npm test does)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-e2e-'));
  const url = `sqlite:${path.join(dir, 'e2e.db')}`;
  const database = await openDatabase(url);
  await migrate(database);
  const congress = await seedDemoCongress(database, await seedDemoSchool(database));
  await seedDemoProposals(database, congress.pastSessionId, congress.nextSessionId);
  await seedDemoSuggestions(database);
  await seedDemoDisclosures(database);
  await seedDemoMeetings(database, congress.nextSessionId);
  await seedDemoCare(database);
  await seedDemoHardship(database);
  await seedDemoCases(database);
  await database.close();
  const running = await startServer(loadConfig({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'warn', WEB_DIST: dist }));
  return { ...running, dir };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function newContext(browser: Browser, size: typeof DESKTOP, baseURL: string): Promise<BrowserContext> {
  const phone = size.width < 500;
  // The school's time zone, as on its staff's phones: the pages' "today" must agree with the server's,
  // also when the test machine's UTC date is already yesterday in China (16:00–24:00 UTC).
  const context = await browser.newContext({ viewport: size, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true, ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2, userAgent: PHONE_UA } : {}) });
  // A page's uncaught error in the run's log: the first thing to read when a journey fails on CI only.
  context.on('weberror', (e) => console.error(`[page error] ${e.page()?.url() ?? ''}: ${e.error().stack ?? e.error().message}`));
  // Likewise a write the server refused or never answered (the journeys expect a few refusals; they are short lines).
  const write = (m: string) => m !== 'GET' && m !== 'HEAD';
  context.on('response', (r) => {
    if (write(r.request().method()) && r.status() >= 400 && new URL(r.url()).pathname.startsWith('/api/')) console.error(`[api] ${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()}`);
  });
  // What the pages' policy refused, also where the page caught the refusal (an eval tried and given up on
  // logs nothing): the browser's violation event, said in the console.
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy refused ${e.effectiveDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)),
  );
  context.on('console', (m) => m.text().includes('Content Security Policy') && refused.push(`${m.location().url}: ${m.text()}`));
  context.on('requestfailed', (r) => write(r.method()) && console.error(`[api] ${r.method()} ${new URL(r.url()).pathname} failed: ${r.failure()?.errorText ?? ''}`));
  return context;
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Runs axe-core in the page once its animations have ended; returns the serious and critical violations (the suite requires none). */
export async function seriousA11yIssues(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugging protocol: an added script element would be refused by the pages' policy.
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    // On a settled page: a toast fading in or a list closing, checked mid-animation, shows colours and
    // elements that are not the page's (spinners, which never end, are left running).
    const ending = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} @ ${v.nodes.join(' | ')}`);
}

export async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousA11yIssues(page), `${what}: serious accessibility issues`).toEqual([]);
}

/**
 * Picks the option starting with `option` in an Ant Design select found by its form label. `search`: the
 * list renders only what is in view, so type to filter (a select without search ignores it), then close the
 * list (a multiple select keeps it open). Returns once the list has closed: a page checked during its
 * closing animation still holds the open listbox.
 */
export async function choose(page: Page, label: string, option: string, { search = false } = {}): Promise<void> {
  // First: the field; its open list (drawn at the end of the page) carries the same name.
  await page.getByLabel(label, { exact: true }).first().click();
  if (search) await page.keyboard.type(option);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="${option}"]`).first().click();
  if (search) await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
