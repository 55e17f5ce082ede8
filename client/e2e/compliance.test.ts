// The Compliance page in a real browser against the demo: an admin opens the DSA report of the
// last complete half-year, sees part 6's failing check (the demo's planted trap) and lands on its
// cell, is asked for a reason before the download, gets the very CSV the API answers, and the
// audit log keeps the override; a compliance officer sees the page, a region-scoped one does not.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureClientBuilt, launchBrowser, newPage, readmeScreenshot, startServer, watchErrors, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await ensureClientBuilt();
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const VIEWPORT = { width: 1440, height: 900 };
const REASON = 'v1 spam rows reclassified in the next report';

/** The last complete half-year before today, worked out here rather than by the page's code. */
function halfYear(): { from: string; to: string } {
  const now = new Date();
  const y = now.getUTCFullYear();
  return now.getUTCMonth() >= 6 ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y - 1}-07-01`, to: `${y - 1}-12-31` };
}

describe('the Compliance page', () => {
  it('shows part 6 failing, lands on the offending cell, downloads only after an override reason, and the audit log keeps it', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT, acceptDownloads: true });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Compliance' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Compliance');
    const period = halfYear();
    expect(await page.getByLabel('From').inputValue()).toBe(period.from);
    expect(await page.getByLabel('To').inputValue()).toBe(period.to);
    // the service picker lists the demo's one EU service with data in the half-year
    const picker = page.getByRole('combobox', { name: 'Service' });
    await expect.poll(() => picker.locator('option').allInnerTexts(), { timeout: 120_000 }).toEqual(['All services', 'vigil-video']);
    expect(await picker.inputValue()).toBe('');

    // the trap: part 6's categories fall short of its TOTAL in F2, G2 and H2 (README, demo story 4)
    const offence = page.getByRole('button', { name: 'Part 6 F2' });
    await offence.waitFor({ timeout: 120_000 });
    expect(await page.getByRole('button', { name: /^Part 6 ?\(fails\)/ }).count()).toBe(1);
    await offence.click();
    const cell = page.getByRole('region', { name: 'Part 6 (table)' }).locator('td[data-cell="F2"]');
    await expect.poll(() => cell.getAttribute('class')).toBe('is-offending is-picked');
    expect(await cell.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await cell.isVisible()).toBe(true);
    await readmeScreenshot(page, 'compliance', 1800);

    // a download of a failing report asks for a reason first
    await page.getByRole('button', { name: 'Download part 6 (CSV)' }).click();
    const form = page.getByRole('form', { name: 'Export despite failing checks' });
    await form.waitFor();
    expect(await form.getByRole('alert').innerText()).toContain('categories-add-up');
    await form.getByLabel('Reason for the override').fill(REASON);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), form.getByRole('button', { name: 'Export part 6 anyway' }).click()]);
    expect(download.suggestedFilename()).toBe('4_EN_Annex_I__Templates_for_Transparency_Reports_CSV_Part_6_own_initiative_TC.csv');
    const saved = fs.readFileSync((await download.path())!, 'utf8');
    const { dsaReport } = await server.gql<{ dsaReport: { parts: { part: number; csv: string }[] } }>(
      'query($input: DsaReportInput!) { dsaReport(input: $input) { parts { part csv } } }', { input: { ...period, service: '' } },
    );
    expect(saved).toBe(dsaReport.parts[5]!.csv);

    const { auditLog } = await server.gql<{ auditLog: { actor: string; target: string; detail: string; ok: boolean }[] }>(
      'query($input: AuditLogInput) { auditLog(input: $input) { actor target detail ok } }', { input: { action: 'export' } },
    );
    const entry = auditLog.find((e) => e.target === `dsa-report:all-services:${period.from}/${period.to}:part-6`);
    expect(entry?.ok).toBe(true);
    expect(JSON.parse(entry!.detail)).toMatchObject({ kind: 'dsa_report', format: 'csv', part: 6, failing: ['categories-add-up'], override: REASON });

    // the workbook: every part, once more only with a reason
    await page.getByRole('button', { name: 'Download every part (XLSX)' }).click();
    await form.getByLabel('Reason for the override').fill(REASON);
    const [book] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), form.getByRole('button', { name: 'Export the workbook anyway' }).click()]);
    expect(book.suggestedFilename()).toBe(`dsa-transparency-report_all-services_${period.from}_${period.to}.xlsx`);
    // an XLSX file is a zip: it starts with "PK\x03\x04"
    expect([...fs.readFileSync((await book.path())!).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

    // the largest part (part 3: every member state × category and keyword) scrolls inside its named, focusable region
    const { dsaReport: rows } = await server.gql<{ dsaReport: { parts: { rows: string[][] }[] } }>(
      'query($input: DsaReportInput!) { dsaReport(input: $input) { parts { rows } } }', { input: { ...period, service: '' } },
    );
    const started = Date.now();
    await page.getByRole('button', { name: 'Part 3', exact: true }).click();
    const part3 = page.getByRole('region', { name: 'Part 3 (table)' });
    await expect.poll(() => part3.locator('tbody tr').count(), { timeout: 60_000 }).toBe(rows.parts[2]!.rows.length);
    console.log(`part 3: ${rows.parts[2]!.rows.length} rows drawn in ${Date.now() - started} ms`);
    expect(await part3.getAttribute('tabindex')).toBe('0');
    expect(await part3.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is in the nav of a compliance officer, and neither in the nav nor open to a region-scoped one', async () => {
    const create = 'mutation($input: NewUserInput!) { createUser(input: $input) { username } }';
    const officer = { username: 'dsa-officer', password: 'compliance officer pw' };
    const scoped = { username: 'eu-officer', password: 'compliance officer pw' };
    await server.gql(create, { input: { ...officer, role: 'COMPLIANCE' } });
    await server.gql(create, { input: { ...scoped, role: 'COMPLIANCE', regions: ['EU'] } });

    const page = await newPage(browser, server, { viewport: VIEWPORT }, officer);
    await page.goto(`${server.url}/compliance`);
    await page.getByRole('button', { name: 'Part 6 F2' }).waitFor({ timeout: 120_000 });
    expect(await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Compliance' }).count()).toBe(1);
    await page.context().close();

    const other = await newPage(browser, server, { viewport: VIEWPORT }, scoped);
    await other.goto(`${server.url}/compliance`);
    await other.getByText('Compliance needs the admin or compliance role and access to every region, country and vendor').waitFor();
    expect(await other.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Compliance' }).count()).toBe(0);
    await other.context().close();
  });
});
