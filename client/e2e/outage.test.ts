// A day with failures: the server stops answering while someone navigates, then comes back; and
// a first run on an empty database. Outage is simulated by refusing the browser's requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureClientBuilt, launchBrowser, newPage, startServer, waitForCharts, type RunningServer } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  await ensureClientBuilt();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORT = { width: 1440, height: 900 };

describe('the server stops answering, then comes back', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('navigating meanwhile keeps the shell and shows one banner; everything recovers by itself when it returns', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT });
    await page.goto(`${server.url}/moderation`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="tile-value-decisions"]')?.textContent ?? ''), undefined, { timeout: 60_000 });

    // the server is gone: API calls and the code of pages not opened yet fail to load
    const refuse = (route: { abort: (code: string) => Promise<void> }) => route.abort('connectionrefused');
    await page.route('**/graphql', refuse);
    await page.route('**/assets/**', refuse);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Models' }).click();

    await page.waitForSelector('[data-testid="problem"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="problem"]').count()).toBe(1);
    expect(await page.locator('[data-testid="problem"]').textContent()).toContain('The server cannot be reached');
    // not a blank page: the navigation, the title and the filter bar are there
    expect(await page.getByRole('navigation', { name: 'Pages' }).isVisible()).toBe(true);
    expect(await page.locator('h1.page-title').textContent()).toBe('Models');

    await page.unroute('**/graphql', refuse);
    await page.unroute('**/assets/**', refuse);
    // no click: the automatic retry (2 s, 4 s, 8 s …) loads the page and all its panels
    await page.waitForSelector('[data-testid="problem"]', { state: 'detached', timeout: 60_000 });
    await waitForCharts(page);
    expect(await page.locator('[data-testid="panel-problem"]').count()).toBe(0);
    await page.context().close();
  });
});

describe('an empty database', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ VIGIL_DEMO: '0' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('the Overview says what Vigil waits for and how to fill it, instead of skeletons', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT });
    await page.goto(`${server.url}/`);
    const firstRun = page.getByTestId('first-run');
    await firstRun.waitFor({ timeout: 30_000 });
    const text = await firstRun.textContent();
    expect(text).toContain('Vigil is waiting for its first events');
    expect(text).toContain('npm run seed');
    expect(await page.getByRole('link', { name: 'Create an ingestion token' }).getAttribute('href')).toBe('/admin?section=tokens');
    expect(await page.locator('.state-loading').count()).toBe(0);
    await page.goto(`${server.url}/retrospective`);
    await page.getByTestId('first-run').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="problem"]').count()).toBe(0);
    await page.context().close();
  });
});
