// Browser tests run the real server (tsx server/main.ts) on a fresh data folder with a small
// demo, and drive Debian's Chromium through playwright-core. Nothing downloads a browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startServerProcess } from '../../server/testing/serverProcess.js';
import { gqlOverHttp, signIn, TEST_ADMIN } from '../../server/testing/signIn.js';

export const ARTIFACTS = path.resolve('test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface RunningServer {
  url: string;
  dataDir: string;
  /**
   * SIGTERM, then waits for the graceful shutdown; fails if the server did not exit cleanly.
   * The data folder is deleted unless kept (to open it from the test, e.g. to run shown SQL);
   * a kept folder is the caller's to delete with removeDataDir().
   */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** A GraphQL operation against the server, as the first admin; throws on errors. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

const CLIENT_DIST = path.resolve('dist/client');

/** Newest modification time of the files a build reads. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'e2e' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The server serves dist/client as it finds it, so a build left over from older sources would be
 * tested instead of the code under test: rebuild it when any client source is newer.
 */
export async function ensureClientBuilt(): Promise<void> {
  const index = path.join(CLIENT_DIST, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newestSource(path.resolve('client')), fs.statSync(path.resolve('vite.config.ts')).mtimeMs);
  if (built > sources) return;
  const { build } = await import('vite');
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.resolve('vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Starts `npm start`'s entry point with a small demo; resolves once it serves. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
  // a test opens pages far faster than a person: the per-user limit is tested on its own (auth.test.ts)
  const server = await startServerProcess({ VIGIL_DATA_DIR: dataDir, VIGIL_DEMO_DAYS: '70', VIGIL_DEMO_SCALE: '0.1', VIGIL_USER_RATE: '10000', VIGIL_USER_BURST: '100000', ...env });
  const admin = await signIn(server.url);
  return {
    url: server.url,
    dataDir,
    gql: (query, variables = {}) => gqlOverHttp(server.url, admin, query, variables),
    async stop(options = {}) {
      if (server.child.exitCode === null) {
        const code = await server.stop();
        if (code !== 0) throw new Error(`server did not shut down cleanly (exit ${code}):\n${server.output()}`);
      }
      if (!options.keepData) removeDataDir(dataDir);
    },
  };
}

export function removeDataDir(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * A fresh page (own cookies) signed in to the server, as the first admin unless `user` is given
 * (null: not signed in). Every browser test opens its pages through this.
 */
export async function newPage(
  browser: Browser,
  server: RunningServer,
  options: BrowserContextOptions = {},
  user: { username: string; password: string } | null = TEST_ADMIN,
): Promise<Page> {
  const context = await browser.newContext(options);
  if (user) {
    // the context's request client shares the browser's cookie jar: the page starts signed in
    const res = await context.request.post(`${server.url}/auth/login`, { data: user });
    if (res.status() !== 200) throw new Error(`sign-in of ${user.username} failed: ${res.status()} ${await res.text()}`);
  }
  return context.newPage();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Collects console errors and failed requests of a page, to assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => {
    // A query cancelled because the view changed before it answered is the app working, not failing.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`${r.url()} ${r.failure()?.errorText}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * The README's picture of a page (docs/screenshots/ holds copies of these): the whole width, the
 * first `maxHeight` pixels of the page.
 */
export async function readmeScreenshot(page: Page, name: string, maxHeight = 2300): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const { width } = page.viewportSize()!;
  await page.screenshot({ path: path.join(ARTIFACTS, `readme-${name}.png`), fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) } });
}

/**
 * Waits until the page has settled: no skeleton left, and every chart drawn by ECharts (the
 * wrapper marks its container data-rendered="true" when a frame has finished).
 */
export async function waitForCharts(page: Page, timeout = 60_000): Promise<number> {
  await page.waitForFunction(
    () => {
      const charts = [...document.querySelectorAll('[data-testid="chart"]')];
      const loading = document.querySelector('.state-loading');
      return charts.length > 0 && !loading && charts.every((c) => (c as HTMLElement).dataset.rendered === 'true');
    },
    undefined,
    { timeout },
  );
  return page.locator('[data-testid="chart"]').count();
}
