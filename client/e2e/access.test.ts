// Access in a real browser against the real server: the sign-in page, the Admin page making a
// region-scoped analyst and an ingestion token (secret shown once), the audit log, an admin
// changing a headline target (the Overview follows, the audit log records it), what that
// analyst then sees (their region only, the same figures as the API's scoped answer, exports
// recorded, no Admin), their own password change, and a viewer without Explore. One server for
// the file: seeding the demo is the slow part.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEST_ADMIN } from '../../server/testing/signIn.js';
import { ARTIFACTS, ensureClientBuilt, launchBrowser, newPage, screenshot, startServer, waitForCharts, watchErrors, type RunningServer } from './harness.js';

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
// Chromium logs every 4xx answer to fetch as a console error, without the URL in the text.
const UNAUTHORIZED_LOG = 'Failed to load resource: the server responded with a status of 401 (Unauthorized)';

const ANALYST = { username: 'eu-analyst', password: 'europe only please' };
const TOKEN_NAME = 'e2e appeals pipeline';
let tokenSecret = '';

/** "1,234" → 1234, as the page shows a count. */
const count = (text: string) => Number(text.replace(/[^\d]/g, ''));

async function signInThroughForm(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function auditRows(filter: { actor?: string; action?: string }) {
  const { auditLog } = await server.gql<{ auditLog: { actor: string; action: string; target: string; detail: string; ok: boolean }[] }>(
    'query($input: AuditLogInput) { auditLog(input: $input) { actor action target detail ok } }',
    { input: filter },
  );
  return auditLog;
}

describe('signing in and out', () => {
  it('shows the sign-in form, refuses a wrong password with the generic message, opens the Overview, and signs out for good', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT }, null);
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Pages' }).count()).toBe(0);

    await signInThroughForm(page, TEST_ADMIN.username, 'not the password at all');
    expect(await page.getByRole('alert').innerText()).toBe('Wrong username or password.');
    // the password field is emptied, the username kept
    expect(await page.getByLabel('Password').inputValue()).toBe('');

    await signInThroughForm(page, TEST_ADMIN.username, TEST_ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await waitForCharts(page)).toBeGreaterThan(0);
    expect(await page.locator('.nav-user-name').innerText()).toBe(TEST_ADMIN.username);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('status').innerText()).toBe('You are signed out.');
    const status = await page.evaluate(async () => {
      const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { username } }' }) });
      return res.status;
    });
    expect(status).toBe(401);

    // Expected: /auth/me before signing in, the refused sign-in, and the call after signing out.
    expect(errors.filter((e) => e === UNAUTHORIZED_LOG).length).toBeGreaterThanOrEqual(3);
    expect(errors.filter((e) => e !== UNAUTHORIZED_LOG)).toEqual([]);
    await page.close();
  });
});

describe('the Admin page', () => {
  it('creates a region-scoped analyst and an ingestion token whose secret is shown once; the audit log has both', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    // No metrics here: no filter bar.
    expect(await page.getByRole('button', { name: /^Region:/ }).count()).toBe(0);

    // The user, through the form
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Username').fill(ANALYST.username);
    await form.getByLabel('Initial password').fill(ANALYST.password);
    await form.getByLabel('Role').selectOption('ANALYST');
    await form.getByRole('button', { name: /^Regions:/ }).click();
    await form.getByRole('group', { name: 'Regions' }).getByText('Europe', { exact: true }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Create user' }).click();
    const row = page.locator(`[data-testid="user-row"][data-username="${ANALYST.username}"]`);
    await row.waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['Analyst', 'Europe', 'All', 'Active']));
    expect(await form.count()).toBe(0);
    const { users } = await server.gql<{ users: { username: string; role: string; regions: string[]; countries: string[] }[] }>('{ users { username role regions countries } }');
    expect(users.find((u) => u.username === ANALYST.username)).toEqual({ username: ANALYST.username, role: 'ANALYST', regions: ['EU'], countries: [] });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin.png') });

    // The token, for one stream
    await page.getByRole('radio', { name: 'Ingestion tokens' }).click();
    await page.waitForURL(/section=tokens/);
    await page.getByRole('button', { name: 'New token' }).click();
    const tokenForm = page.getByRole('form', { name: 'New ingestion token' });
    await tokenForm.getByLabel('Name').fill(TOKEN_NAME);
    await tokenForm.getByRole('button', { name: /^Streams:/ }).click();
    await tokenForm.getByRole('group', { name: 'Streams' }).getByText('appeals', { exact: true }).click();
    await page.keyboard.press('Escape');
    await tokenForm.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    tokenSecret = (await secret.innerText()).trim();
    expect(tokenSecret.length).toBeGreaterThanOrEqual(16);
    expect(await page.getByTestId('token-secret-box').innerText()).toMatch(/you will not see it again/);
    await screenshot(page, 'admin-token-created');
    const tokenRow = page.locator(`[data-testid="token-row"][data-name="${TOKEN_NAME}"]`);
    expect(await tokenRow.innerText()).toMatch(/appeals[\s\S]*admin[\s\S]*Never[\s\S]*Active/);

    // The secret works for its stream only (an empty batch: refused as empty, not as unauthorized).
    const push = (stream: string, token: string) =>
      fetch(`${server.url}/ingest/v1/${stream}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '[]' }).then((r) => r.status);
    expect(await push('appeals', tokenSecret)).toBe(422);
    expect(await push('qa-audits', tokenSecret)).toBe(403);
    expect(await push('appeals', `${tokenSecret}x`)).toBe(401);

    // After a reload the token is listed, used, and its secret is nowhere on the page.
    await page.reload();
    await tokenRow.waitFor();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(tokenSecret);
    expect(await tokenRow.innerText()).not.toContain('Never');

    // Revoking asks once more, then the token is refused at once.
    await tokenRow.getByRole('button', { name: `Revoke ${TOKEN_NAME}` }).click();
    await tokenRow.getByRole('button', { name: 'Yes, revoke' }).click();
    await tokenRow.getByText(/^Revoked /).waitFor();
    expect(await tokenRow.getByRole('button').count()).toBe(0);
    expect(await push('appeals', tokenSecret)).toBe(401);

    // The audit log, newest first, filtered by action
    await page.getByRole('radio', { name: 'Audit log' }).click();
    const created = page.locator(`[data-testid="audit-row"][data-action="user_created"][data-target="${ANALYST.username}"]`);
    await created.waitFor();
    expect(await created.innerText()).toMatch(/admin[\s\S]*user_created[\s\S]*eu-analyst[\s\S]*role: analyst · regions: EU[\s\S]*OK/);
    const actions = await page.locator('[data-testid="audit-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    // newest first: revoked, then created, then the user made before it
    expect(actions.indexOf('token_revoked')).toBeGreaterThanOrEqual(0);
    expect(actions.indexOf('token_revoked')).toBeLessThan(actions.indexOf('token_created'));
    expect(actions.indexOf('token_created')).toBeLessThan(actions.indexOf('user_created'));
    await page.getByLabel('Action').selectOption('token_created');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="audit-row"]')].every((r) => r.getAttribute('data-action') === 'token_created'));
    expect(await page.locator('[data-testid="audit-row"]').first().innerText()).toContain(TOKEN_NAME);
    await page.getByLabel('Action').selectOption('');
    await screenshot(page, 'admin-audit');

    // A failed sign-in shows as failed.
    await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody-here', password: 'whatever it is' }) });
    await page.getByLabel('Action').selectOption('login_failed');
    const failed = page.locator('[data-testid="audit-row"][data-action="login_failed"]').first();
    await failed.waitFor();
    expect(await failed.getAttribute('class')).toContain('is-failed');
    expect(await failed.innerText()).toContain('Failed');

    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('targets', () => {
  it('an admin sets a headline target through the Admin page: the Overview tile turns breached, Restore default brings it back, and the audit log has both changes', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT });
    const errors = watchErrors(page);
    const tile = page.getByTestId('tile-proactive_rate');
    const badge = tile.locator('.badge');
    const nav = page.getByRole('navigation', { name: 'Pages' });
    // Moving within the app (not reloading) is the point: the cached answers must follow the change.
    const openOverview = async () => {
      await nav.getByRole('link', { name: 'Overview' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    };
    const openTargets = async () => {
      await nav.getByRole('link', { name: 'Admin' }).click();
      await page.getByRole('radio', { name: 'Targets' }).click();
      await page.waitForURL(/section=targets/);
    };
    const row = page.locator('[data-testid="target-row"][data-metric="proactive_rate"]');

    await page.goto(`${server.url}/`);
    await badge.waitFor();
    const before = await badge.innerText();
    expect(before).not.toBe('Breached');
    expect(await tile.locator('.tile-foot').innerText()).toContain('target ≥ 80.0%');

    await openTargets();
    expect(await row.innerText()).toMatch(/Proactive rate[\s\S]*≥ 80\.0% \(at risk within 3\.0 pts\)[\s\S]*Default/);
    await row.getByRole('button', { name: 'Edit target of Proactive rate' }).click();
    const form = page.getByRole('form', { name: 'Target of Proactive rate' });
    await form.getByLabel('Target (%)').fill('99');
    await form.getByLabel('Direction').selectOption('AT_LEAST');
    await form.getByLabel('At-risk margin (pts)').fill('1');
    await form.getByRole('button', { name: 'Save target' }).click();
    await page.getByText('Target of Proactive rate set.').waitFor();
    expect(await row.innerText()).toMatch(/≥ 99\.0% \(at risk within 1\.0 pts\)[\s\S]*Set by an admin[\s\S]*by admin/);
    const { targets } = await server.gql<{ targets: { metric: { id: string; target: unknown }; version: number; overridden: boolean }[] }>('{ targets { metric { id target { value direction atRiskMargin } } version overridden } }');
    expect(targets.find((t) => t.metric.id === 'proactive_rate')).toEqual({ metric: { id: 'proactive_rate', target: { value: 0.99, direction: 'AT_LEAST', atRiskMargin: 0.01 } }, version: 1, overridden: true });
    await screenshot(page, 'admin-targets');

    await openOverview();
    await expect.poll(() => badge.innerText(), { timeout: 30_000 }).toBe('Breached');
    expect(await tile.locator('.tile-foot').innerText()).toContain('target ≥ 99.0%');

    await openTargets();
    await row.getByRole('button', { name: 'Edit target of Proactive rate' }).click();
    await form.getByRole('button', { name: 'Restore default' }).click();
    await page.getByText('Target of Proactive rate restored to the default.').waitFor();
    expect(await row.innerText()).toMatch(/≥ 80\.0%[\s\S]*Default/);

    await openOverview();
    await expect.poll(() => badge.innerText(), { timeout: 30_000 }).toBe(before);
    expect(await tile.locator('.tile-foot').innerText()).toContain('target ≥ 80.0%');

    // The audit log: both changes, newest first, with what was set.
    await nav.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('radio', { name: 'Audit log' }).click();
    await page.getByLabel('Action').selectOption('target_changed');
    const changes = page.locator('[data-testid="audit-row"][data-action="target_changed"][data-target="proactive_rate"]');
    await expect.poll(() => changes.count(), { timeout: 10_000 }).toBe(2);
    expect(await changes.nth(0).innerText()).toMatch(/admin[\s\S]*target_changed[\s\S]*proactive_rate[\s\S]*change: DEFAULT/);
    expect(await changes.nth(1).innerText()).toMatch(/change: SET · target: \{"value":0\.99,"direction":"AT_LEAST","atRiskMargin":0\.01\}/);

    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a long range', () => {
  it('2015 → 2030 starts where the data does and says so, and answers every panel (no error box) at a coarser grain when hours are asked', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/moderation?from=2015-01-01&to=2030-12-31&grain=hour`);
    await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    await waitForCharts(page);
    const { catalogue } = await server.gql<{ catalogue: { dataFrom: string } }>('{ catalogue { dataFrom } }');
    expect(await page.locator('.crumbs-note').innerText()).toBe(`The data starts ${catalogue.dataFrom.slice(0, 10)}; showing from then.`);
    expect(await page.locator('.state-error, [role="alert"]').count()).toBe(0);
    // hours asked over the data's ~70 days (more than hours may cover): answered daily, and said so
    const footers = await page.locator('.panel-footer').allInnerTexts();
    expect(footers.some((f) => /Hourly buckets cover at most 42 days and this range covers \d+: answered daily\./.test(f))).toBe(true);
    expect(await page.getByRole('radio', { name: 'Hour' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('comparisons', () => {
  it('compares with chosen dates from the filter bar, and Explore compares each value of a split with the API’s test and BH q', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT });
    const errors = watchErrors(page);
    const asked: Record<string, unknown>[] = [];
    page.on('request', (r) => {
      const body = r.method() === 'POST' && r.url().endsWith('/graphql') ? (r.postDataJSON() as { operationName?: string; variables?: { input: Record<string, unknown> } }) : null;
      if (body?.operationName === 'KpiGroups' && body.variables) asked.push(body.variables.input);
    });
    const { catalogue } = await server.gql<{ catalogue: { dataTo: string } }>('{ catalogue { dataTo } }');
    const day = (offset: number) => new Date(Date.parse(catalogue.dataTo) + offset * 86_400_000).toISOString().slice(0, 10);
    const [cfrom, cto] = [day(-22), day(-16)];
    await page.goto(`${server.url}/explore?metric=decisions&by=REGION&range=lw&compare=CUSTOM&cfrom=${cfrom}&cto=${cto}`);
    expect(await page.getByLabel('Compare with').inputValue()).toBe('CUSTOM');
    expect(await page.getByLabel('First day compared with').inputValue()).toBe(cfrom);
    const table = page.getByTestId('group-comparison');
    await table.waitFor({ timeout: 60_000 });
    // the chosen days as whole UTC days, sent as a CUSTOM comparison split by region
    expect(asked[0]).toMatchObject({ comparison: 'CUSTOM', comparisonRange: { from: `${cfrom}T00:00:00Z`, to: `${day(-15)}T00:00:00Z` }, groupBy: 'REGION' });
    const { kpis } = await server.gql<{ kpis: { groups: { label: string; current: { value: number }; previous: { value: number } | null; significant: boolean }[] }[] }>(
      'query($input: KpiInput!) { kpis(input: $input) { groups { label current { value } previous { value } significant } } }',
      { input: asked[0] },
    );
    const rows = await table.locator('tbody tr').all();
    expect(rows.length).toBe(kpis[0]!.groups.length);
    for (const [i, g] of kpis[0]!.groups.entries()) {
      const cells = (await rows[i]!.locator('th, td').allInnerTexts()).map((t) => t.trim());
      expect([cells[0], count(cells[1]!), count(cells[2]!), cells[6]]).toEqual([g.label, Math.round(g.current.value), Math.round(g.previous?.value ?? 0), g.significant ? 'yes' : 'no']);
    }

    // the Overview asks its tiles (kpis) and its attention list the same question, chosen dates included
    const headline = new Map<string, unknown>();
    page.on('request', (r) => {
      const body = r.method() === 'POST' && r.url().endsWith('/graphql') ? (r.postDataJSON() as { operationName?: string; variables?: { input: unknown } }) : null;
      if ((body?.operationName === 'Kpis' || body?.operationName === 'Attention') && body.variables) headline.set(body.operationName, body.variables.input);
    });
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().postDataJSON()?.operationName === 'Attention');
    await page.goto(`${server.url}/?range=lw&compare=CUSTOM&cfrom=${cfrom}&cto=${cto}`);
    expect(((await (await answered).json()) as { errors?: unknown }).errors).toBeUndefined();
    await expect.poll(() => headline.size, { timeout: 30_000 }).toBe(2);
    expect(headline.get('Attention')).toMatchObject({ comparison: 'CUSTOM', comparisonRange: { from: `${cfrom}T00:00:00Z`, to: `${day(-15)}T00:00:00Z` } });
    expect(headline.get('Attention')).toEqual(headline.get('Kpis'));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a region-scoped analyst', () => {
  it('is offered only their region, sees the figures of the API for that region, has no Admin, and their exports (CSV, SQL, Markdown, print) are audited', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT, acceptDownloads: true }, ANALYST);
    const errors = watchErrors(page);
    const kpiInputs: Record<string, unknown>[] = [];
    page.on('request', (r) => {
      const body = r.method() === 'POST' && r.url().endsWith('/graphql') ? (r.postDataJSON() as { operationName?: string; variables?: { input: Record<string, unknown> } }) : null;
      if (body?.operationName === 'Kpis' && body.variables) kpiInputs.push(body.variables.input);
    });
    await page.goto(`${server.url}/moderation?range=lw`);
    await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    expect(await page.locator('.nav-user-role').innerText()).toBe('analyst · EU');

    // The bar shows the access as such, and offers only what lies inside it (the server still checks).
    await page.getByRole('button', { name: 'Region: Europe (your access)' }).click();
    const offered = await page.getByRole('group', { name: 'Region' }).locator('label').allInnerTexts();
    expect(offered).toEqual(['Europe']);
    await page.keyboard.press('Escape');
    const { catalogue } = await server.gql<{ catalogue: { dimensions: { id: string; values: { label: string; parent: string | null }[] }[] } }>(
      '{ catalogue { dimensions { id values { label parent } } } }',
    );
    const everyCountry = catalogue.dimensions.find((d) => d.id === 'COUNTRY')!.values;
    const european = everyCountry.filter((c) => c.parent === 'EU').map((c) => c.label);
    await page.getByRole('button', { name: /^Country: All \d+ countries in your access$/ }).click();
    const countries = await page.getByRole('group', { name: 'Country' }).locator('label').allInnerTexts();
    expect(countries).toEqual(european);
    expect(countries.length).toBeLessThan(everyCountry.length);
    await page.keyboard.press('Escape');
    // Chart footers call the region the analyst's access, not a metric default
    await waitForCharts(page);
    const footers = await page.locator('.panel-footer').allInnerTexts();
    expect(footers.some((f) => f.includes('Region: Europe (your access).'))).toBe(true);
    expect(footers.some((f) => f.includes("Region: Europe (the metric's default)"))).toBe(false);
    // The server refuses outside the scope whatever the picker offers: a hand-made link to Brazil
    const refused = await page.evaluate(async () => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($i: SeriesInput!) { series(input: $i) { total { value } } }', variables: { i: { metric: 'decisions', range: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, filters: [{ dimension: 'COUNTRY', values: ['BR'] }] } } }),
      });
      return ((await res.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code;
    });
    expect(refused).toBe('FORBIDDEN');

    const tile = page.getByTestId('tile-value-decisions');
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="tile-value-decisions"]')?.textContent ?? ''));
    const shown = count(await tile.innerText());
    const input = kpiInputs.find((i) => (i.metrics as string[]).includes('decisions'));
    expect(input).toBeDefined();
    // The same question as the admin, once for Europe and once for everyone.
    const ask = async (filters: unknown[]) =>
      (await server.gql<{ kpis: { metric: { id: string }; current: { value: number } }[] }>('query($input: KpiInput!) { kpis(input: $input) { metric { id } current { value } } }', { input: { ...input, filters } })).kpis.find(
        (k) => k.metric.id === 'decisions',
      )!.current.value;
    const eu = await ask([{ dimension: 'REGION', values: ['EU'] }]);
    const everyone = await ask([]);
    expect(shown).toBe(Math.round(eu));
    expect(eu).toBeLessThan(everyone);

    // No Admin in the nav, and the page itself says why.
    const nav = page.getByRole('navigation', { name: 'Pages' });
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Explore' }).count()).toBe(1);
    await page.goto(`${server.url}/admin`);
    await page.getByText('Admin needs the admin role').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);

    // Explore's CSV downloads and is written to the audit log with the view it came from.
    await page.goto(`${server.url}/explore?metric=decisions&by=COUNTRY&range=lw`);
    const exportButton = page.getByRole('button', { name: 'Export CSV' });
    await exportButton.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^vigil_decisions_by_country_.*\.csv$/);
    await page.getByRole('button', { name: 'Show SQL' }).click();
    await page.getByTestId('sql-text').first().waitFor();
    await expect.poll(async () => (await auditRows({ actor: ANALYST.username, action: 'export' })).map((e) => JSON.parse(e.detail).kind as string).sort(), { timeout: 10_000 }).toEqual(['CSV', 'SQL']);
    const csv = (await auditRows({ actor: ANALYST.username, action: 'export' })).find((e) => e.detail.includes('CSV'))!;
    expect(csv.target).toBe('/explore?metric=decisions&by=COUNTRY&range=lw');
    expect(JSON.parse(csv.detail).rows).toBeGreaterThan(0);

    // The retrospective's Markdown (downloaded, copied) and printing are recorded too.
    await page.goto(`${server.url}/retrospective`);
    const exportMarkdown = page.getByRole('button', { name: 'Export Markdown' });
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Export Markdown' && !b.disabled), undefined, { timeout: 60_000 });
    await Promise.all([page.waitForEvent('download'), exportMarkdown.click()]);
    await page.getByRole('button', { name: 'Copy Markdown' }).click();
    // What the browser fires for the Print button and for its own Print menu alike.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const kinds = async () => (await auditRows({ actor: ANALYST.username, action: 'export' })).map((e) => JSON.parse(e.detail).kind as string).sort();
    await expect.poll(kinds, { timeout: 10_000 }).toEqual(['CSV', 'MARKDOWN', 'MARKDOWN', 'PRINT', 'SQL']);
    expect((await auditRows({ actor: ANALYST.username, action: 'export' })).filter((e) => JSON.parse(e.detail).kind !== 'CSV' && JSON.parse(e.detail).kind !== 'SQL').map((e) => e.target)).toEqual([
      '/retrospective',
      '/retrospective',
      '/retrospective',
    ]);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('changes their own password from the nav; the old one stops working', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT }, ANALYST);
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    const form = page.getByRole('form', { name: 'Change password' });
    const newPassword = 'a brand new password';
    await form.getByLabel('Current password').fill('wrong current password');
    await form.getByLabel('New password', { exact: true }).fill(newPassword);
    await form.getByLabel('New password again').fill(newPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    // the server's refusal, beside the field it names
    await page.getByText('currentPassword is not your current password.').waitFor();
    expect(await form.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Current password').fill(ANALYST.password);
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Your other sessions have ended.').waitFor();
    const login = (password: string) =>
      fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ANALYST.username, password }) }).then((r) => r.status);
    expect(await login(ANALYST.password)).toBe(401);
    expect(await login(newPassword)).toBe(200);
    ANALYST.password = newPassword;
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a viewer', () => {
  it('has no Explore in the nav and is told that Explore needs the analyst role', async () => {
    const viewer = { username: 'just-a-viewer', password: 'looking but not touching' };
    await server.gql('mutation($input: NewUserInput!) { createUser(input: $input) { username } }', { input: { ...viewer, role: 'VIEWER' } });
    const page = await newPage(browser, server, { viewport: VIEWPORT }, viewer);
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Pages' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Vigil', 'Overview', 'Moderation', 'Models', 'Annotation', 'Retrospective', 'Alerts', 'Change password']);
    await page.goto(`${server.url}/explore?metric=decisions`);
    await page.getByText('Explore needs the analyst role').waitFor();
    expect(await page.getByRole('button', { name: 'Export CSV' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show SQL' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
