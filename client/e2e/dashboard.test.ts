// The dashboard in a real browser against the real server on a small seeded demo (70 days,
// scale 0.1): every page, the URL as the state, drill-down, the planted stories, CSV export, and
// the shown SQL run against the engine itself. One server for the whole file: seeding is the
// slow part, and the last test stops it to open its data folder.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../../server/db/database.js';
import { createLogger } from '../../server/log.js';
import {
  ARTIFACTS,
  ensureClientBuilt,
  launchBrowser,
  newPage,
  readmeScreenshot,
  removeDataDir,
  screenshot,
  startServer,
  waitForCharts,
  watchErrors,
  type RunningServer,
} from './harness.js';

let server: RunningServer;
let browser: Browser;
/** The exclusive end of the demo data (the start of today, UTC), from the API. */
let dataEnd: Date;

beforeAll(async () => {
  await ensureClientBuilt();
  server = await startServer();
  browser = await launchBrowser();
  dataEnd = new Date((await server.gql<{ catalogue: { dataTo: string } }>('{ catalogue { dataTo } }')).catalogue.dataTo);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const VIEWPORT = { width: 1440, height: 900 };

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(browser, server, { viewport: VIEWPORT, acceptDownloads: true });
  const errors = watchErrors(page);
  await page.goto(`${server.url}${path}`);
  return { page, errors };
}

/** "85.1%" → 0.851, "1,234" → 1234; the figures as the page shows them. */
function figure(text: string): number {
  const n = Number(text.replace(/[^\d.−-]/g, '').replace('−', '-'));
  return text.includes('%') ? n / 100 : n;
}

const day = (offsetDays: number) => new Date(dataEnd.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('the bundle', () => {
  it('keeps the JavaScript of the first paint small: pages and ECharts load on demand', () => {
    // What index.html loads before anything else: its module script and the modules it preloads.
    const html = fs.readFileSync(path.resolve('dist/client/index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const gzip = initial.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.resolve('dist/client', file))).length, 0);
    expect(initial.some((f) => /Chart|Overview|Explore/.test(f))).toBe(false);
    expect(gzip).toBeLessThan(150 * 1024);
  });
});

describe('every page', () => {
  const PAGES = [
    { name: 'overview', path: '/', heading: 'Overview' },
    { name: 'moderation', path: '/moderation', heading: 'Moderation' },
    { name: 'models', path: '/models?range=90d', heading: 'Models' },
    { name: 'annotation', path: '/annotation', heading: 'Annotation' },
    { name: 'explore', path: '/explore?metric=review_sla&by=REGION&range=lw', heading: 'Explore' },
  ];

  for (const p of PAGES) {
    it(`${p.heading} loads with its charts drawn and no console errors`, async () => {
      const { page, errors } = await open(p.path);
      await page.getByRole('heading', { level: 1, name: p.heading }).waitFor();
      const charts = await waitForCharts(page);
      expect(charts).toBeGreaterThan(0);
      // The first chart's canvas holds pixels of several colours: something was drawn.
      const colours = await page.locator('[data-testid="chart"] canvas').first().evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        const seen = new Set<number>();
        for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        return seen.size;
      });
      expect(colours).toBeGreaterThan(3);
      expect(await page.locator('[role="alert"]').count()).toBe(0);
      await screenshot(page, p.name);
      await readmeScreenshot(page, p.name, p.name === 'models' ? 2400 : 2300);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('the URL is the state', () => {
  it('changing a filter changes the URL and the figures; the link reopens the same view; back works', async () => {
    const { page, errors } = await open('/moderation?range=lw');
    const tile = page.getByTestId('tile-value-decisions');
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="tile-value-decisions"]')?.textContent ?? ''));
    const all = figure(await tile.innerText());

    await page.getByRole('button', { name: /^Region:/ }).click();
    await page.getByRole('group', { name: 'Region' }).getByText('Latin America').click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/region=LATAM/);
    await page.waitForFunction((before) => {
      const text = document.querySelector('[data-testid="tile-value-decisions"]')?.textContent ?? '';
      return /\d/.test(text) && Number(text.replace(/\D/g, '')) !== before;
    }, all);
    const latam = figure(await tile.innerText());
    expect(latam).toBeGreaterThan(0);
    expect(latam).toBeLessThan(all);
    expect(await page.getByRole('navigation', { name: 'Applied filters' }).innerText()).toContain('Latin America');

    const fresh = await newPage(browser, server, { viewport: VIEWPORT });
    await fresh.goto(page.url());
    await waitForCharts(fresh);
    expect(figure(await fresh.getByTestId('tile-value-decisions').innerText())).toBe(latam);
    expect(await fresh.getByRole('radio', { name: 'Last week' }).getAttribute('aria-checked')).toBe('true');
    await fresh.close();

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('region='));
    await page.waitForFunction((before) => Number(document.querySelector('[data-testid="tile-value-decisions"]')?.textContent?.replace(/\D/g, '')) === before, all);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a chart click filters the page (cross-filtering), and the breadcrumb removes it', async () => {
    const { page, errors } = await open('/explore?metric=decisions&by=REGION&by2=POLICY&range=lw');
    await waitForCharts(page);
    const chart = page.locator('[data-testid="chart"]').first();
    const box = (await chart.boundingBox())!;
    // A heatmap's cells fill its grid, so the middle of the chart is a region × policy cell.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/[?&]region=.*[?&]policy=|[?&]policy=.*[?&]region=/);
    const crumbs = page.getByRole('navigation', { name: 'Applied filters' });
    await crumbs.getByRole('button', { name: /^Remove filter Region/ }).click();
    await page.waitForURL((url) => !url.search.includes('region='));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the planted stories', () => {
  it('Overview: the flags, their culprits and since when come in one attention request shared with the tiles, the sparklines in one more', async () => {
    const page = await newPage(browser, server, { viewport: VIEWPORT });
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/graphql')) asked.push(String(r.postDataJSON()?.operationName));
    });
    await page.goto(`${server.url}/?range=lw`);
    await page.getByTestId('flag-where-review_sla').waitFor({ timeout: 60_000 });
    await waitForCharts(page);
    const count = (operation: string) => asked.filter((o) => o === operation).length;
    // before: 44 (a series per tile, two breakdowns and a series per flag, two breakdowns per hovered tile)
    console.log(`Overview GraphQL requests: ${asked.length} (${[...new Set(asked)].map((o) => `${o} ${count(o)}`).join(', ')})`);
    expect(count('Attention')).toBe(1);
    expect(count('Kpis')).toBe(1);
    // the two model bar charts only: no breakdown per flag
    expect(count('Breakdown')).toBe(2);
    // the 14 tiles' sparklines in one request, and the 9 charts: no series per tile or flag
    expect(count('Sparklines')).toBe(1);
    expect(count('Series')).toBe(9);
    // and the catalogue, markers and the alert bell's firing alerts: 17 in all
    expect(count('FiringAlerts')).toBe(1);
    expect(asked.length).toBe(17);
    await page.close();
  });

  it('Overview: last week’s SLA breach is flagged, with where and from when until when, a link to the days around it; its tile drills into that slice', async () => {
    const { page, errors } = await open('/?range=lw');
    const where = page.getByTestId('flag-where-review_sla');
    await where.waitFor({ timeout: 60_000 });
    expect(await where.innerText()).toContain('Latin America');
    await page.getByTestId('flag-when-review_sla').waitFor({ timeout: 30_000 });
    // last week ended before the data did: never "since" (which reads as still going)
    expect(await page.getByTestId('flag-when-review_sla').innerText()).toMatch(/^below target (from \w{3} \d+ \w{3} until \w{3} \d+ \w{3}|on \w{3} \d+ \w{3})/);
    // and the same slice can be opened over the days around the event
    const around = await page.getByTestId('flag-around-review_sla').getAttribute('href');
    expect(around).toMatch(/^\/moderation\?.*from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}.*region=LATAM.*#review_sla$/);
    await waitForCharts(page);
    await screenshot(page, 'overview-last-week');

    await page.getByTestId('tile-review_sla').locator('a.tile-link').click();
    await page.waitForURL(/\/moderation\?.*region=LATAM.*#review_sla$/);
    await page.locator('#review_sla [data-testid="chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    const sla = figure(await page.getByTestId('tile-value-review_sla').innerText());
    expect(sla).toBeLessThan(0.9);
    await screenshot(page, 'moderation-drilled');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Models: safety-mm 3.3 loses precision on harassment in Southeast Asia, and 3.2 does not', async () => {
    const { page, errors } = await open('/models?range=90d&region=SEA&policy=harassment_bullying');
    const table = page.getByTestId('version-table');
    await table.waitFor({ timeout: 60_000 });
    const precisionOf = async (version: string) => figure(await table.locator('tr', { hasText: version }).locator('td').first().locator('strong').innerText());
    expect(await precisionOf('3.3')).toBeLessThan(0.7);
    expect(await precisionOf('3.2')).toBeGreaterThan(0.75);
    await waitForCharts(page);
    await screenshot(page, 'models-sea-harassment');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Annotation: Tessera’s golden-set accuracy dips after onboarding while the others hold', async () => {
    const { page, errors } = await open(`/annotation?from=${day(-60)}&to=${day(-51)}`);
    const table = page.getByTestId('quality-table');
    await table.waitFor({ timeout: 60_000 });
    const overall = async (vendor: string) => figure(await table.locator('tbody tr', { hasText: vendor }).locator('td').last().locator('strong').innerText());
    const tessera = await overall('Tessera BPO');
    expect(tessera).toBeLessThan(0.87);
    for (const other of ['Northwind Labelling', 'Helios Data', 'Kestrel Annotations']) expect(await overall(other)).toBeGreaterThan(tessera + 0.03);
    await waitForCharts(page);
    await screenshot(page, 'annotation-tessera-dip');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Annotation: the kappa pickers', () => {
  it('picking annotator A, then B among those sharing tasks with A, shows the kappa the API gives for that pair', async () => {
    const { page, errors } = await open('/annotation?range=7d');
    // the variables of the page's agreement question, to ask the API the same
    const asked: { annotatorA: string; annotatorB: string; range: { from: string; to: string }; filters?: unknown }[] = [];
    page.on('request', (request) => {
      const body = request.method() === 'POST' && request.url().endsWith('/graphql') ? request.postDataJSON() : null;
      if (body?.operationName === 'AnnotatorAgreement') asked.push(body.variables.input);
    });
    const pickerA = page.getByRole('group', { name: /^Annotator A/ });
    const pickerB = page.getByRole('group', { name: /^Annotator B/ });
    const firstA = pickerA.locator('.picker-option').first();
    await firstA.waitFor({ timeout: 60_000 });
    await expect.poll(() => pickerB.innerText()).toMatch(/Pick annotator A first/);
    // one click: the annotator with the most labels
    const a = await firstA.locator('.picker-id').innerText();
    expect(figure(await firstA.locator('.picker-count').innerText())).toBeGreaterThan(0);
    await firstA.click();
    // one click: whoever shares the most tasks with A
    const firstB = pickerB.locator('.picker-option').first();
    await firstB.waitFor({ timeout: 60_000 });
    const b = await firstB.locator('.picker-id').innerText();
    const shared = figure(await firstB.locator('.picker-count').innerText());
    expect(b).not.toBe(a);
    expect(shared).toBeGreaterThan(0);
    await firstB.click();

    const shown = page.getByTestId('kappa');
    await shown.waitFor({ timeout: 60_000 });
    const url = new URL(page.url());
    expect([url.searchParams.get('annotator_a'), url.searchParams.get('annotator_b')]).toEqual([a, b]);
    const input = asked.at(-1)!;
    expect([input.annotatorA, input.annotatorB]).toEqual([a, b]);
    const api = (await server.gql<{ annotatorAgreement: { kappa: number | null; items: number } }>(
      'query($input: AnnotatorPairInput!) { annotatorAgreement(input: $input) { kappa items } }', { input },
    )).annotatorAgreement;
    expect(api.items).toBe(shared);
    expect(api.kappa).not.toBeNull();
    expect(await shown.innerText()).toBe(api.kappa!.toFixed(2));
    expect(await page.getByText(new RegExp(`agreement on ${shared.toLocaleString('en-US')} shared task`)).count()).toBe(1);

    // the link reopens the same pair, picked
    const again = await newPage(browser, server, { viewport: VIEWPORT });
    await again.goto(page.url());
    await again.getByTestId('kappa').waitFor({ timeout: 60_000 });
    expect(await again.getByTestId('kappa').innerText()).toBe(api.kappa!.toFixed(2));
    expect(await again.getByRole('group', { name: /^Annotator B/ }).locator('.picker-option[aria-pressed="true"] .picker-id').innerText()).toBe(b);
    await page.locator('#kappa').screenshot({ path: path.join(ARTIFACTS, 'annotation-kappa-pickers.png') });
    expect(errors).toEqual([]);
    await again.close();
    await page.close();
  });

  it('typing part of an id narrows annotator A to the API’s matches for it, found among all annotators', async () => {
    const { page, errors } = await open('/annotation?range=7d');
    const lists: { range: { from: string; to: string }; filters?: unknown; pairedWith?: string; search?: string }[] = [];
    page.on('request', (request) => {
      const body = request.method() === 'POST' && request.url().endsWith('/graphql') ? request.postDataJSON() : null;
      if (body?.operationName === 'Annotators') lists.push(body.variables.input);
    });
    const pickerA = page.getByRole('group', { name: /^Annotator A/ });
    await pickerA.locator('.picker-option').first().waitFor({ timeout: 60_000 });
    const ids = () => pickerA.locator('.picker-option .picker-id').allInnerTexts();
    const listed = await ids();
    // the page's question, asked again: its least busy annotator, and who the API finds for the last part of that id
    const input = lists.find((l) => l.pairedWith === undefined && l.search === undefined)!;
    expect(input).toBeDefined();
    type Row = { id: string; labels: number };
    const ask = async (search?: string) => (await server.gql<{ annotators: Row[] }>(
      'query($input: AnnotatorsInput!) { annotators(input: $input) { id labels } }', { input: { ...input, ...(search ? { search } : {}) } },
    )).annotators;
    const everyone = await ask();
    expect(everyone.map((r) => r.id)).toEqual(listed);
    const target = everyone.at(-1)!.id;
    const part = target.slice(target.indexOf('-') + 1).toUpperCase(); // any case
    const matches = (await ask(part)).map((r) => r.id);
    expect(matches).toContain(target);
    expect(matches.length).toBeLessThan(everyone.length);

    await pickerA.getByRole('searchbox', { name: 'Search Annotator A' }).fill(part);
    await expect.poll(ids, { timeout: 30_000 }).toEqual(matches);
    await expect.poll(() => lists.at(-1)).toMatchObject({ search: part });
    expect(lists.at(-1)!.pairedWith).toBeUndefined();
    await pickerA.locator('.picker-option').filter({ has: page.getByText(target, { exact: true }) }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('annotator_a')).toBe(target);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Explore: the numbers, their CSV and their SQL', () => {
  const VIEW = '/explore?metric=action_rate&by=REGION&range=lw&grain=day&sql=1';
  /** Table rows as [bucket, region, value, numerator, denominator] as shown. */
  let shown: string[][];
  /** The CSV's rows, split into fields (checked against `shown`). */
  let exported: string[][];
  let statements: { sql: string; params: Record<string, unknown> }[];

  it('exports exactly the numbers shown as CSV', async () => {
    const { page, errors } = await open(VIEW);
    await waitForCharts(page);
    const table = page.getByTestId('result-table');
    shown = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].slice(0, 5).map((c) => (c.textContent ?? '').replace(' low sample', '').trim())),
    );
    expect(shown.length).toBe(7 * 8);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^vigil_action_rate_by_region_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('bucket_start_utc,region,region_label,value,numerator,denominator,interval_low,interval_high,low_sample');
    exported = csv.slice(1).map((l) => l.split(','));
    expect(exported.length).toBe(shown.length);
    exported.forEach((line, i) => {
      const [, , label, value, numerator, denominator] = line;
      const row = shown[i]!;
      expect(label).toBe(row[1]);
      expect(`${(Number(value) * 100).toFixed(1)}%`).toBe(row[2]);
      expect(Number(numerator).toLocaleString('en-US')).toBe(row[3]);
      expect(Number(denominator).toLocaleString('en-US')).toBe(row[4]);
    });

    statements = await page.getByTestId('sql-statement').evaluateAll((blocks) =>
      blocks.map((b) => ({
        sql: b.querySelector('[data-testid="sql-text"]')!.textContent!,
        params: Object.fromEntries(
          [...b.querySelectorAll('[data-testid="sql-param"]')].map((p) => [(p as HTMLElement).dataset.name!, JSON.parse((p as HTMLElement).dataset.value!)]),
        ),
      })),
    );
    expect(statements.length).toBeGreaterThan(0);
    await screenshot(page, 'explore-sql');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the shown SQL on the engine and gets the same numbers', async () => {
    // chDB lets one process open a data folder: stop the server, keep its data, open it here.
    await server.stop({ keepData: true });
    const db = await openDatabase(
      { dataDir: server.dataDir, clickhouse: null, queryTimeoutSeconds: 30, maxResultRows: 100_000 },
      createLogger('silent'),
    );
    try {
      const main = statements.find((s) => s.sql.includes('GROUPING SETS'))!;
      const rows = await db.select<Record<string, unknown>>('test.shown_sql', main.sql, main.params);
      const cells = new Map<string, { numerator: number; denominator: number }>();
      for (const r of rows) {
        if (Number(r.all_buckets) === 1 || Number(r.all_keys) === 1) continue;
        const bucket = new Date(Number(r.bucket) * 1000).toISOString();
        cells.set(`${bucket}|${String(r.key)}`, { numerator: Number(r.numerator), denominator: Number(r.denominator) });
      }
      // Every exported row (the table's numbers, checked above) has the engine's numerator and
      // denominator for its bucket and region; the engine has no cell the table lacks.
      for (const [bucket, region, , , numerator, denominator] of exported) {
        const cell = cells.get(`${bucket!.replace('Z', '.000Z')}|${region}`);
        expect(cell, `${bucket} ${region}`).toBeDefined();
        expect(cell!.numerator).toBe(Number(numerator));
        expect(cell!.denominator).toBe(Number(denominator));
      }
      expect(cells.size).toBe(exported.length);
    } finally {
      await db.close();
      removeDataDir(server.dataDir);
    }
  });
});
