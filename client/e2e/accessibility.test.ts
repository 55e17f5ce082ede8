// Keyboard and screen readers: axe-core (the engine behind Lighthouse's and Deque's checks) on
// every page at three viewports and in the interaction states, plus keyboard-only journeys.
// One server with the small demo for the file; the first-run state gets an empty one.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt, launchBrowser, newPage, readmeScreenshot, startServer, watchErrors, type RunningServer } from './harness.js';

// Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses injected script tags.
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await ensureClientBuilt();
  // one channel, so the Alerts page shows its channels table (no rule names it: nothing is sent)
  server = await startServer({ VIGIL_ALERT_CHANNELS: JSON.stringify([{ id: 'ops-hook', kind: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 'a-test-secret-of-32-characters!!' }]) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
];

const PAGES = [
  { path: '/', heading: 'Overview' },
  { path: '/moderation', heading: 'Moderation' },
  { path: '/models?range=90d', heading: 'Models' },
  { path: '/annotation', heading: 'Annotation' },
  { path: '/explore?metric=review_sla&by=REGION&range=lw', heading: 'Explore' },
  { path: '/retrospective', heading: 'Retrospective' },
  { path: '/account', heading: 'Account' },
  { path: '/alerts', heading: 'Alerts' },
  { path: '/admin', heading: 'Admin' },
  { path: '/compliance', heading: 'Compliance' },
];

/** Waits until nothing is loading and every chart is drawn (pages without charts: no skeleton left). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      if (!document.querySelector('h1.page-title')) return false;
      if (document.querySelector('.state-loading, [aria-busy="true"]')) return false;
      return [...document.querySelectorAll('[data-testid="chart"]')].every((c) => (c as HTMLElement).dataset.rendered === 'true');
    },
    undefined,
    { timeout: 90_000 },
  );
}

/** axe-core's violations of every rule it runs (WCAG 2.0–2.2 A/AA and best practices), any impact. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`));
}

async function open(path: string, viewport = VIEWPORTS[0]!): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(browser, server, { viewport });
  const errors = watchErrors(page);
  await page.goto(`${server.url}${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors };
}

describe('axe-core finds nothing on any page', () => {
  for (const viewport of VIEWPORTS) {
    for (const p of PAGES) {
      it(`${p.heading} at ${viewport.width}×${viewport.height}`, async () => {
        const { page, errors } = await open(p.path, viewport);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(p.heading);
        await settle(page);
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});

describe('axe-core finds nothing in interaction states', () => {
  it('an open filter popover', async () => {
    const { page } = await open('/moderation');
    await settle(page);
    await page.getByRole('button', { name: /^Region:/ }).click();
    await page.getByRole('group', { name: 'Region' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the server unreachable: the error banner', async () => {
    const { page } = await open('/moderation');
    await settle(page);
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Annotation' }).click();
    await page.waitForSelector('[data-testid="problem"]', { timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('axe-core finds nothing in more states', () => {
  it('the Alerts page with a rule being edited and a silence until a chosen time', async () => {
    const { page } = await open('/alerts');
    await settle(page);
    const table = page.getByRole('table', { name: 'Alert rules' });
    await table.getByRole('button', { name: /^Edit / }).first().click();
    await page.getByRole('form', { name: 'Edit alert rule' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // opening a silence closes the edit
    await table.getByRole('button', { name: /^Silence / }).first().click();
    await page.getByRole('form', { name: /^Silence / }).getByRole('radio', { name: 'Until…' }).click();
    await page.getByLabel('End day (UTC)').waitFor();
    await page.getByRole('form', { name: /^Silence / }).getByRole('button', { name: 'Silence' }).click();
    await page.getByLabel('Reason').and(page.locator('[aria-invalid="true"]')).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // the delete confirmation, open over the page
    await table.getByRole('button', { name: /^Delete / }).first().click();
    await page.getByRole('dialog', { name: 'Delete this rule?' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('table', { name: 'Notification channels' }).waitFor();
    await page.context().close();
  });

  it('a chart’s table view, and a definition opened from the keyboard', async () => {
    const { page } = await open('/?range=lw');
    await settle(page);
    await page.locator('#overview-review_sla').getByRole('button', { name: 'Table view' }).click();
    await page.locator('#overview-review_sla [data-testid="chart-table"]').waitFor();
    await page.getByRole('button', { name: /^Definition of/ }).first().focus();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the filter summary opened on a phone', async () => {
    const { page } = await open('/', VIEWPORTS[2]);
    await settle(page);
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('radiogroup', { name: 'Time range' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the first run, on an empty database', async () => {
    const empty = await startServer({ VIGIL_DEMO: '0' });
    try {
      const page = await newPage(browser, empty, { viewport: VIEWPORTS[0] });
      await page.goto(`${empty.url}/`);
      await page.getByTestId('first-run').waitFor({ timeout: 30_000 });
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    } finally {
      await empty.stop();
    }
  });
});

/** Presses Tab until `done` holds for the focused element; the number of presses, or Infinity. */
async function tabUntil(page: Page, done: (el: Element) => boolean, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${done.toString()})(document.activeElement)`)) return presses;
  }
  return Infinity;
}

describe('keyboard only', () => {
  it('reaches the first attention link in one Tab and Enter (the skip link), and opens it with Enter', async () => {
    const { page } = await open('/?range=lw');
    const first = page.locator('#attention .flag-link').first();
    await first.waitFor({ timeout: 60_000 });
    // the link names the slice once the drill has found it; until then it opens the page alone
    await page.waitForFunction(() => !document.querySelector('#attention')?.textContent?.includes('Looking for the slice'), undefined, { timeout: 60_000 });
    const href = await first.getAttribute('href');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to what needs attention');
    await page.keyboard.press('Enter');
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.search}${url.hash}` === href);
    await page.context().close();
  });

  it('Explore: choose a metric and a split, open the chart’s table, read it, and drill by Enter on a row', async () => {
    const { page, errors } = await open('/explore?range=lw');
    const asked: { operationName: string; variables: { input: Record<string, unknown> } }[] = [];
    page.on('request', (request) => {
      const body = request.method() === 'POST' && request.url().endsWith('/graphql') ? request.postDataJSON() : null;
      if (body?.operationName === 'ExploreSeries') asked.push(body);
    });
    await settle(page);
    // skip link → the content; the metric picker is its first control
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).id && document.querySelector(`label[for="${document.activeElement!.id}"]`)?.textContent)).toBe('Metric');
    await page.keyboard.type('Review SLA'); // a native select chooses by typing
    await page.waitForURL(/metric=review_sla/);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Region');
    await page.waitForURL(/by=REGION/);
    await settle(page);

    const presses = await tabUntil(page, (el) => el.textContent === 'Table view');
    expect(presses).toBeLessThan(15);
    await page.keyboard.press('Space');
    const table = page.locator('[data-testid="chart-table"]');
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));

    // the same question asked of the API: every region's figure over the range, as the table shows it
    const input = asked.at(-1)!.variables.input;
    const api = (await server.gql<{ series: { groups: { label: string; total: { value: number | null } }[]; total: { value: number } } }>(
      'query($input: SeriesInput!) { series(input: $input) { groups { label total { value } } total { value } } }', { input },
    )).series;
    const percent = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([...api.groups.map((g) => [g.label, percent(g.total.value)]), ['All', percent(api.total.value)]]);

    // the first row's name is a button: Enter filters the page by that region
    await page.keyboard.press('Tab'); // into the table's scroll box
    await page.keyboard.press('Tab'); // the first row's button
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(rows[0]![0]);
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]region=/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Escape on a filter popover closes it and gives focus back to its button', async () => {
    const { page } = await open('/moderation');
    const button = page.getByRole('button', { name: /^Region:/ });
    await button.waitFor();
    // the picker opens once the catalogue has its values (until then the button is disabled)
    await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Region' }).getByRole('checkbox').first().focus();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('group', { name: 'Region' }).count()).toBe(0);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    // the definition of a metric: Escape hides it and focus stays on its button
    const info = page.getByRole('button', { name: /^Definition of/ }).first();
    await info.focus();
    await page.keyboard.press('Escape');
    expect(await info.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await info.evaluate((el) => getComputedStyle(el.nextElementSibling!).display)).toBe('none');
    await page.context().close();
  });

  it('the time range is a radio group: arrow keys choose', async () => {
    const { page } = await open('/moderation');
    const checked = page.getByRole('radiogroup', { name: 'Time range' }).locator('[aria-checked="true"]');
    await checked.focus();
    const before = await checked.innerText();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => checked.innerText()).not.toBe(before);
    expect(await checked.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.waitForURL(/range=/);
    await page.context().close();
  });
});

describe('a phone (390×844)', () => {
  const PHONE = VIEWPORTS[2]!;

  it('nothing runs off sideways, the navigation and filters fit, and the Overview leads with attention and tiles', async () => {
    for (const p of PAGES) {
      const { page } = await open(p.path, PHONE);
      await settle(page);
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(widths.doc, p.heading).toBeLessThanOrEqual(widths.view);
      // every navigation link is inside the screen, none cut off or scrolled away
      const links = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').evaluateAll((as) =>
        as.map((a) => { const r = a.getBoundingClientRect(); return { text: a.textContent, left: r.left, right: r.right }; }),
      );
      for (const link of links) expect(link.left >= 0 && link.right <= PHONE.width, `${p.heading}: ${link.text}`).toBe(true);
      if (p.heading === 'Overview') {
        // the filter bar folds into one line: the attention list starts in the first screen
        expect(await page.getByRole('radiogroup', { name: 'Time range' }).isVisible()).toBe(false);
        const attentionTop = await page.locator('#attention').evaluate((el) => el.getBoundingClientRect().top);
        expect(attentionTop).toBeLessThan(PHONE.height / 2);
        // measured before the phone layout: 8,531 px (the whole filter bar open, charts 34vh high); now ~7,100
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(height).toBeLessThan(7_300);
        await readmeScreenshot(page, 'overview-phone', 1700);
      }
      await page.context().close();
    }
  });

  it('a table wider than the screen says it scrolls', async () => {
    const { page } = await open('/models?range=90d', PHONE);
    await settle(page);
    await page.getByTestId('version-table').waitFor();
    expect(await page.getByTestId('table-hint').first().innerText()).toContain('Scroll sideways');
    await page.context().close();
  });
});

describe('a slow network', () => {
  it('draws the shell and the attention list while the chart code is still on its way', async () => {
    const { page, errors } = await (async () => {
      const page = await newPage(browser, server, { viewport: VIEWPORTS[0] });
      return { page, errors: watchErrors(page) };
    })();
    // hold back the chart chunk (ECharts): nothing that needs it may stand in the way of the rest
    const held: (() => Promise<void>)[] = [];
    let chartRequested = false;
    await page.route(/\/assets\/Chart-[^/]+\.js$/, (route) => {
      chartRequested = true;
      held.push(() => route.continue());
    });
    await page.goto(`${server.url}/?range=lw`);
    await page.locator('#attention .flag-link').first().waitFor({ timeout: 60_000 });
    expect(chartRequested).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Pages' }).isVisible()).toBe(true);
    expect(await page.locator('[data-testid^="tile-value-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="chart"]').count()).toBe(0);
    // then the charts arrive and draw
    for (const release of held) await release();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart"][data-rendered="true"]').length > 0, undefined, { timeout: 60_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
