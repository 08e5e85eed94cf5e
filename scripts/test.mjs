#!/usr/bin/env node
// `npm test`: unit + integration (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), then the
// web build and the end-to-end suite in Debian's Chromium. Installs Chromium and Chinese fonts when
// they are missing and we are root; otherwise stops at once with the exact command to run.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = () => fs.existsSync(CHROMIUM);
const hasCjkFont = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

function ensureBrowser() {
  const missing = [...(hasChromium() ? [] : ['chromium']), ...(hasCjkFont() ? [] : ['fonts-noto-cjk'])];
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`\n缺少端到端测试所需的软件包 / missing packages for the browser tests: ${missing.join(', ')}\n请运行 / run:\n  sudo ${cmd}\n`);
    process.exit(1);
  }
  console.log(`安装 / installing: ${missing.join(' ')}`);
  const r = spawnSync('bash', ['-c', `DEBIAN_FRONTEND=noninteractive ${cmd.replace('install -y', 'install -y -qq')}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n安装失败 / install failed. 请手动运行 / run by hand:\n  ${cmd}\n`);
    process.exit(1);
  }
}

const results = path.join(os.tmpdir(), `tongxin-test-${process.pid}`);
fs.mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function vitest(name, args) {
  const out = path.join(results, `${name}.json`);
  const r = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { stdio: 'inherit', env: process.env });
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  }
  return r.status === 0;
}

function run(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status === 0;
}

if (!process.env.TEST_DATABASE_URL) console.log('TEST_DATABASE_URL 未设置：集成测试只在 SQLite 上运行 / PostgreSQL integration tests skipped');
ensureBrowser();
let ok = vitest('server', []);
ok = run('npx', ['vite', 'build', '--logLevel', 'warn']) && ok;
ok = vitest('e2e', ['-c', 'e2e/vitest.config.ts']) && ok;
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
