// The Alerts page and the Overview's bell in a real browser against the real server on the small
// demo (70 days, scale 0.1): the default rules are installed at start and evaluated by the engine;
// a new rule is previewed over 90 days and created through the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt, launchBrowser, newPage, screenshot, startServer, watchErrors, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;
const VIEWPORT = { width: 1440, height: 900 };

beforeAll(async () => {
  await ensureClientBuilt();
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(browser, server, { viewport: VIEWPORT });
  const errors = watchErrors(page);
  await page.goto(`${server.url}${url}`);
  return { page, errors };
}

describe('Alerts page', () => {
  it('lists the default rules with their state and latest evaluation', async () => {
    const { page, errors } = await open('/alerts');
    const table = page.getByRole('table', { name: 'Alert rules' });
    await table.getByText('Review queue below its SLA target').waitFor({ timeout: 60_000 });
    for (const name of ['Decisions far above the usual for the weekday', 'Model precision far below its usual level in a region and policy', 'Vendor golden-set accuracy below target']) {
      expect(await table.getByText(name).count()).toBe(1);
    }
    // the engine evaluates the last week of data at start: every rule gets a latest evaluation
    for (let i = 0; ; i++) {
      const { alertRules } = await server.gql<{ alertRules: { groups: unknown[] }[] }>('{ alertRules { groups { reason } } }');
      if (alertRules.every((r) => r.groups.length > 0)) break;
      if (i > 60) throw new Error('the default rules were not evaluated within 2 minutes');
      await new Promise((r) => setTimeout(r, 2000));
    }
    await page.reload();
    await table.getByText('Review queue below its SLA target').waitFor();
    expect(await table.getByText('Not evaluated yet').count()).toBe(0);
    expect(await table.getByText(/^(OK|All \d+ groups OK) at /).count() + (await table.getByText(/(firing|pending) since/).count())).toBeGreaterThanOrEqual(4);
    expect(errors).toEqual([]);
  });

  it('previews a new rule over 90 days, then creates it', async () => {
    const { page, errors } = await open('/alerts');
    const form = page.getByRole('form', { name: 'New alert rule' });
    await form.waitFor({ timeout: 60_000 });
    await form.getByLabel('Name').fill('LATAM decisions above the usual');
    await form.getByLabel('Metric').selectOption('decisions');
    await form.getByLabel('Per').selectOption('REGION');
    await form.getByLabel('Condition').selectOption('ANOMALY');
    await form.getByRole('button', { name: 'Preview 90 days' }).click();
    const preview = page.getByLabel('Preview');
    await preview.waitFor({ timeout: 120_000 });
    expect(await preview.textContent()).toMatch(/It would (not have fired|have fired \d+ times?) in [\d,]+ evaluations from/);
    await form.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('table', { name: 'Alert rules' }).getByText('LATAM decisions above the usual').waitFor({ timeout: 60_000 });
    await screenshot(page, 'alerts');
    expect(errors).toEqual([]);
  });

  it('the Overview shows the bell with what fires in the scope', async () => {
    const { page, errors } = await open('/');
    const bell = page.getByLabel('Firing alerts');
    await bell.waitFor({ timeout: 60_000 });
    expect(await bell.locator('summary').textContent()).toMatch(/No alert firing|\d+ alerts? firing/);
    await bell.locator('summary').click();
    await page.getByRole('link', { name: 'Open the Alerts page' }).click();
    await page.getByRole('table', { name: 'Alert rules' }).waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe('/alerts');
    expect(errors).toEqual([]);
  });
});
