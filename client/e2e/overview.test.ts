// The Overview in a real browser against the real server with a small demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, startServer, watchErrors, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const total = async (page: import('playwright-core').Page) =>
  Number((await page.getByTestId('decisions-total').innerText()).replace(/[^\d]/g, ''));

describe('Overview', () => {
  it('loads with the decisions chart drawn and no console errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(server.url);
    await page.locator('[data-testid="chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    expect(await total(page)).toBeGreaterThan(1000);
    // the canvas has pixels of more than one colour: something was drawn
    const colours = await page.locator('[data-testid="chart"] canvas').first().evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(3);
    await screenshot(page, 'overview');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps filters in the URL: changing one changes the figures, and the link reopens the same view', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/?range=28d`);
    await page.locator('[data-testid="chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    const all = await total(page);
    await page.getByRole('button', { name: /^Region:/ }).click();
    await page.getByRole('group', { name: 'Region' }).getByText('Latin America').click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/region=LATAM/);
    await page.waitForFunction((before) => {
      const el = document.querySelector('[data-testid="decisions-total"]');
      return el && Number(el.textContent!.replace(/[^\d]/g, '')) !== before;
    }, all);
    const latam = await total(page);
    expect(latam).toBeGreaterThan(0);
    expect(latam).toBeLessThan(all);

    const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await fresh.goto(page.url());
    await fresh.locator('[data-testid="chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    expect(await total(fresh)).toBe(latam);
    await screenshot(fresh, 'overview-latam-28d');
    expect(errors).toEqual([]);
    await fresh.close();
    await page.close();
  });
});
