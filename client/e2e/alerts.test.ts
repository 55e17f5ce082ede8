// The Alerts page and the Overview's bell in a real browser against the real server on the small
// demo (70 days, scale 0.1): the default rules are installed at start and evaluated by the engine;
// a new rule is previewed over 90 days and created through the page, a rule is edited (and a stale
// edit refused), a silence is set with a reason and an end and ended early, the forms and the
// delete confirmation hand the keyboard back to the button that opened them, and an admin sends a
// test notification. One notification channel is configured, a webhook to a local receiver
// (loopback) that answers 200.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEST_ADMIN } from '../../server/testing/signIn.js';
import { ensureClientBuilt, launchBrowser, newPage, screenshot, startServer, watchErrors, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;
let receiver: http.Server;
/** what the webhook receiver got: each body's kind and delivery id */
const received: { kind: string; deliveryId: string }[] = [];
const VIEWPORT = { width: 1440, height: 900 };

beforeAll(async () => {
  await ensureClientBuilt();
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { kind: string; deliveryId: string };
      received.push({ kind: body.kind, deliveryId: body.deliveryId });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  server = await startServer({ VIGIL_ALERT_CHANNELS: JSON.stringify([{ id: 'ops-hook', kind: 'webhook', url: hook, secret: 'a-test-secret-of-32-characters!!' }]) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const RULE_FIELDS = 'id version name forHours channels enabled';
/** A rule made through the API, for a test to change through the page. */
async function apiRule(name: string): Promise<{ id: string; version: number }> {
  const { createAlertRule } = await server.gql<{ createAlertRule: { id: string; version: number } }>(
    `mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { ${RULE_FIELDS} } }`,
    { input: { name, metric: 'decisions', groupBy: ['REGION'], condition: { type: 'ANOMALY', direction: 'UP' }, windowHours: 24, forHours: 2 } },
  );
  return createAlertRule;
}

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
    await form.getByLabel('Per', { exact: true }).selectOption('REGION');
    await form.getByLabel('Condition', { exact: true }).selectOption('ANOMALY');
    await form.getByRole('button', { name: 'Preview 90 days' }).click();
    const preview = page.getByLabel('Preview');
    await preview.waitFor({ timeout: 120_000 });
    expect(await preview.textContent()).toMatch(/It would (not have fired|have fired \d+ times?) in [\d,]+ evaluations from/);
    // the README's picture (docs/screenshots/alerts.png): the rules, the form filled and its preview
    await screenshot(page, 'alerts');
    await form.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('table', { name: 'Alert rules' }).getByText('LATAM decisions above the usual').waitFor({ timeout: 60_000 });
    // the form is ready for the next rule: the preview of the one created is gone
    expect(await page.getByLabel('Preview').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('edits a rule: the form opens with its values, previews the edited ones, and the list shows the change', async () => {
    const made = await apiRule('EU decisions above the usual');
    const { page, errors } = await open('/alerts');
    const table = page.getByRole('table', { name: 'Alert rules' });
    await table.getByText('EU decisions above the usual').waitFor({ timeout: 60_000 });
    await table.getByRole('button', { name: 'Edit EU decisions above the usual' }).click();
    const form = page.getByRole('form', { name: 'Edit alert rule' });
    await form.waitFor();
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('EU decisions above the usual');
    expect(await form.getByLabel('Metric', { exact: true }).inputValue()).toBe('decisions');
    expect(await form.getByLabel('Per', { exact: true }).inputValue()).toBe('REGION');
    expect(await form.getByLabel('Condition', { exact: true }).inputValue()).toBe('ANOMALY');
    expect(await form.getByLabel('For (hours)').inputValue()).toBe('2');
    await form.getByLabel('Name', { exact: true }).fill('EU decisions far above the usual');
    await form.getByLabel('For (hours)').fill('3');
    await form.getByLabel('ops-hook (webhook)').check();
    await form.getByRole('button', { name: 'Preview 90 days' }).click();
    const preview = page.getByLabel('Preview');
    await preview.waitFor({ timeout: 120_000 });
    expect(await preview.textContent()).toMatch(/It would (not have fired|have fired \d+ times?) in [\d,]+ evaluations from/);
    await form.getByRole('button', { name: 'Save rule' }).click();
    await page.getByRole('status').getByText('Rule "EU decisions far above the usual" saved.').waitFor({ timeout: 60_000 });
    const row = table.getByRole('row', { name: /EU decisions far above the usual/ });
    expect(await row.textContent()).toContain('24 h window, for 3 h');
    expect(await table.getByText('EU decisions above the usual', { exact: true }).count()).toBe(0);
    const { alertRule } = await server.gql<{ alertRule: { version: number; forHours: number; channels: string[] } }>(`query($id: ID!) { alertRule(id: $id) { ${RULE_FIELDS} } }`, { id: made.id });
    expect(alertRule).toMatchObject({ version: made.version + 1, forHours: 3, channels: ['ops-hook'] });
    expect(errors).toEqual([]);
  });

  it('a stale edit is refused and says so; reloading shows the other change', async () => {
    const made = await apiRule('NA decisions above the usual');
    const { page, errors } = await open('/alerts');
    const table = page.getByRole('table', { name: 'Alert rules' });
    await table.getByRole('button', { name: 'Edit NA decisions above the usual' }).click({ timeout: 60_000 });
    const form = page.getByRole('form', { name: 'Edit alert rule' });
    // someone else saves the rule meanwhile
    await server.gql(`mutation($id: ID!, $v: Int!, $input: AlertRuleInput!) { updateAlertRule(id: $id, expectedVersion: $v, input: $input) { id } }`, {
      id: made.id, v: made.version,
      input: { name: 'NA decisions above the usual (theirs)', metric: 'decisions', groupBy: ['REGION'], condition: { type: 'ANOMALY', direction: 'UP' }, windowHours: 24, forHours: 4 },
    });
    await form.getByLabel('For (hours)').fill('6');
    await form.getByRole('button', { name: 'Save rule' }).click();
    const banner = page.getByTestId('alert-rule-conflict');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.textContent()).toMatch(/Someone changed this rule since you opened it \(now version \d+\)/);
    await banner.getByRole('button', { name: 'Reload the rule' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('NA decisions above the usual (theirs)');
    expect(await form.getByLabel('For (hours)').inputValue()).toBe('4');
    expect(errors).toEqual([]);
  });

  it('silences a rule until a chosen time with a reason, lists it, and ends it early', async () => {
    await apiRule('SEA decisions above the usual');
    const { page, errors } = await open('/alerts');
    const table = page.getByRole('table', { name: 'Alert rules' });
    await table.getByRole('button', { name: 'Silence SEA decisions above the usual' }).click({ timeout: 60_000 });
    const form = page.getByRole('form', { name: 'Silence SEA decisions above the usual' });
    await form.getByRole('radio', { name: 'Until…' }).click();
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('End day (UTC)').fill(day);
    await form.getByLabel('End time (UTC, HH:MM)').fill('09:30');
    await form.getByRole('button', { name: 'Silence' }).click();
    // the reason is required: nothing is sent without one
    expect(await form.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Reason').fill('Planned vendor migration in SEA');
    await form.getByRole('button', { name: 'Silence' }).click();
    const silences = page.getByRole('list', { name: 'Silences in force' });
    const item = silences.getByRole('listitem').filter({ hasText: 'SEA decisions above the usual' });
    await item.waitFor({ timeout: 60_000 });
    expect(await item.textContent()).toContain(`until ${day} 09:30 UTC, by ${TEST_ADMIN.username} — Planned vendor migration in SEA`);
    await item.getByRole('button', { name: 'End the silence of SEA decisions above the usual now' }).click();
    await item.waitFor({ state: 'detached', timeout: 60_000 });
    const { alertSilences } = await server.gql<{ alertSilences: { reason: string }[] }>('{ alertSilences { reason } }');
    expect(alertSilences.map((s) => s.reason)).not.toContain('Planned vendor migration in SEA');
    expect(errors).toEqual([]);
  });

  it('with the keyboard: a form closed with Cancel gives the focus back to the button that opened it', async () => {
    await apiRule('APAC decisions above the usual');
    const { page, errors } = await open('/alerts');
    const table = page.getByRole('table', { name: 'Alert rules' });
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);
    for (const [opener, form] of [['Edit APAC decisions above the usual', 'Edit alert rule'], ['Silence APAC decisions above the usual', 'Silence APAC decisions above the usual']] as const) {
      const button = table.getByRole('button', { name: opener });
      await button.focus({ timeout: 60_000 });
      await page.keyboard.press('Enter');
      const opened = page.getByRole('form', { name: form });
      await opened.waitFor();
      // the keyboard went into the form with it
      expect(await opened.evaluate((f) => f.contains(document.activeElement))).toBe(true);
      await opened.getByRole('button', { name: 'Cancel' }).focus();
      await page.keyboard.press('Enter');
      await opened.waitFor({ state: 'detached' });
      expect(await focusedName()).toBe(opener);
    }
    expect(errors).toEqual([]);
  });

  it('Delete asks in a modal dialog: Escape keeps the rule, the focus goes back; confirming deletes it', async () => {
    await apiRule('ANZ decisions above the usual');
    const { page, errors } = await open('/alerts');
    const table = page.getByRole('table', { name: 'Alert rules' });
    const remove = table.getByRole('button', { name: 'Delete ANZ decisions above the usual' });
    await remove.focus({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete this rule?' });
    await dialog.waitFor();
    // modal: the page behind is inert; Cancel has the focus
    expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
    expect(await dialog.evaluate((d) => document.activeElement === d.querySelector('button') && document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await remove.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await table.getByText('ANZ decisions above the usual').count()).toBe(1);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Rule "ANZ decisions above the usual" deleted.').waitFor({ timeout: 60_000 });
    expect(await table.getByText('ANZ decisions above the usual').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Alert rules (table)');
    const { alertRules } = await server.gql<{ alertRules: { name: string }[] }>('{ alertRules { name } }');
    expect(alertRules.map((r) => r.name)).not.toContain('ANZ decisions above the usual');
    expect(errors).toEqual([]);
  });

  it('an admin sends a test notification through a channel: the receiver gets it, the page says so and lists it', async () => {
    const { page, errors } = await open('/alerts');
    const channels = page.getByRole('table', { name: 'Notification channels' });
    const row = channels.getByRole('row', { name: /ops-hook/ });
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).not.toContain('127.0.0.1');
    await row.getByRole('button', { name: 'Send test notification to ops-hook' }).click();
    await page.getByRole('status').getByText('Test notification to ops-hook sent (HTTP 200).').waitFor({ timeout: 60_000 });
    expect(received.filter((r) => r.kind === 'TEST')).toHaveLength(1);
    await row.getByText(/^sent \(test\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/).waitFor();
    const history = page.getByRole('table', { name: 'Notification history' });
    // its PENDING record and its outcome, as for any delivery
    expect(await history.getByRole('row').filter({ hasText: '[TEST] Vigil test notification to ops-hook' }).filter({ hasText: 'sent — HTTP 200' }).count()).toBe(1);
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
