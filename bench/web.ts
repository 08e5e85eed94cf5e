import { rebuildIfStale } from './rebuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { BENCH_PASSWORD } from './capability';
import { startChild } from './load/child';
import { median } from './median';

// The web's first screens on a phone: how much JavaScript they load (what their HTML asks for: the
// entry, its static imports and the screen's preloaded chunks) and their Largest Contentful Paint in
// Chromium with 4× CPU slowdown on 1.6 Mbps / 150 ms.

const SCREENS = { 'login page': '/login', 'home page (signed in)': '/' };
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
/** What a phone's Chromium says of itself (headless Chromium's own says "Linux x86_64"): the server draws the home for a phone by it. */
export const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';

export interface ScreenSize {
  screen: string;
  files: number;
  raw: number;
  gzip: number;
}
export interface Lcp {
  screen: string;
  /** The median of `runs`, each in a new cold browser context. */
  lcpMs: number;
  runs: number[];
  /** JavaScript bytes that crossed the (emulated) network, as the server sent them. */
  jsOnWire: number;
}

/** Builds the web into a folder of its own (never dist/, which others share), unless it is up to date. */
export function buildWeb(outDir = path.join(os.tmpdir(), 'tongxin-bench-web')): string {
  rebuildIfStale(path.join(outDir, 'index.html'), ['web', 'common', 'index.html', 'vite.config.ts'], ['build', '--outDir', outDir, '--emptyOutDir']);
  return outDir;
}

/**
 * The JavaScript each first screen loads before it shows: read from the HTML the server sends for its
 * path (login.html or index.html), as the browser does: the entry and the modules it preloads, and the
 * screen's chunks from the inline preload list (web/build/plugins.ts).
 */
export function screenSizes(dist: string): ScreenSize[] {
  return Object.entries(SCREENS).map(([screen, url]) => {
    const own = path.join(dist, `${url.slice(1)}.html`);
    const html = fs.readFileSync(url !== '/' && fs.existsSync(own) ? own : path.join(dist, 'index.html'), 'utf8');
    const files = new Set([...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]));
    if (!files.size) throw new Error(`${screen}: no entry script in its HTML`);
    const preload = /const f=(\{.*?\})\[location\.pathname\]/.exec(html);
    for (const f of (preload ? (JSON.parse(preload[1]) as Record<string, string[]>)[url] : undefined) ?? []) if (f.endsWith('.js')) files.add(f);
    const bytes = [...files].map((f) => fs.readFileSync(path.join(dist, f)));
    return { screen, files: files.size, raw: bytes.reduce((s, b) => s + b.length, 0), gzip: bytes.reduce((s, b) => s + gzipSync(b).length, 0) };
  });
}

/** LCP of each first screen, cold cache, on the real server over the dataset (`username` signs in for the home page). */
export async function measureLcp(dist: string, databaseUrl: string, username: string, times = 3): Promise<Lcp[]> {
  const server = await startChild('server', [], { DATABASE_URL: databaseUrl, WEB_DIST: dist, LOG_LEVEL: 'warn' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const out: Lcp[] = [];
    for (const [screen, signedIn] of [['login page', false], ['home page (signed in)', true]] as const) {
      const runs: number[] = [];
      let jsOnWire = 0;
      for (let k = 0; k < times; k++) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, userAgent: PHONE_UA, locale: 'zh-CN', baseURL: server.url });
        if (signedIn) {
          const res = await context.request.post('/api/auth/login', { data: { username, password: BENCH_PASSWORD } });
          if (!res.ok()) throw new Error(`sign-in for the LCP run failed: ${res.status()}`);
        }
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', NETWORK);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        const scripts = new Set<string>();
        jsOnWire = 0;
        cdp.on('Network.responseReceived', (e) => e.type === 'Script' && scripts.add(e.requestId));
        cdp.on('Network.loadingFinished', (e) => scripts.has(e.requestId) && (jsOnWire += e.encodedDataLength));
        await page.addInitScript(() => {
          const w = window as unknown as { __lcp: number };
          w.__lcp = 0;
          new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__lcp = e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
        });
        await page.goto(signedIn ? '/' : '/login', { waitUntil: 'load' });
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(1000);
        // On a slow run the page may still be rendering a second after the network went quiet.
        await page.waitForFunction(() => (window as unknown as { __lcp: number }).__lcp > 0, undefined, { timeout: 15_000 });
        runs.push(await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp));
        // What was measured, to look at: data/bench/lcp-<screen>.png
        await page.screenshot({ path: path.join('data/bench', `lcp-${signedIn ? 'home' : 'login'}.png`) });
        await context.close();
      }
      out.push({ screen, lcpMs: median(runs), runs, jsOnWire });
    }
    return out;
  } finally {
    await browser.close();
    await server.stop();
  }
}
