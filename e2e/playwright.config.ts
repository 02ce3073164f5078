/**
 * End-to-end specs against the real server serving the built web console (`npm run test:e2e`
 * builds it first), in Debian's Chromium. Each run gets a fresh temporary data folder (the demo
 * data seeds on first start) and a free port.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');

/** Asks the OS for a free port; synchronous because the config is plain module code. */
function freePort(): string {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
    ],
    { encoding: 'utf8' },
  );
  const port = probe.stdout.trim();
  if (!/^\d+$/.test(port)) throw new Error(`could not find a free port: ${probe.stderr}`);
  return port;
}

const dataPrefix = 'minsheng-e2e-';

/** Data folders of earlier runs (the server may still hold the newest when it stops): drop old ones. */
function removeStaleDataDirs(): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(dataPrefix)) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      if (fs.statSync(dir).mtimeMs < dayAgo) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run's folder, or already gone.
    }
  }
}

// Playwright loads this file again in its workers; the environment carries the first choice over.
if (!process.env.MINSHENG_E2E_DATA) {
  removeStaleDataDirs();
  process.env.MINSHENG_E2E_DATA = fs.mkdtempSync(path.join(os.tmpdir(), dataPrefix));
}
process.env.MINSHENG_E2E_PORT ??= freePort();
const port = process.env.MINSHENG_E2E_PORT;
const dataDir = process.env.MINSHENG_E2E_DATA;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  outputDir: 'test-results',
  use: {
    baseURL,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx apps/server/src/main.ts',
    cwd: root,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      MINSHENG_DATA_DIR: dataDir,
      MINSHENG_WEB_DIST: path.join(root, 'apps/web/dist'),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
  },
});
