// Roles and scopes, applied by the query layer to every question: a scoped user never gets a row,
// total, dimension value or note outside the scope (totals compared with the fixture rows), asking
// outside it is refused, and each role is refused what is above it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { DECISIONS, LABELS, loadAnalyticsFixture } from '../testing/analyticsFixture.js';
import type { Access } from './access.js';

let t: TestDatabase;
let api: TestApi;
const WEEK = { from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' };

const euNaAnalyst: Access = { username: 'lia', role: 'analyst', scope: { REGION: ['EU', 'NA'] } };
const usOnly: Access = { username: 'cy', role: 'analyst', scope: { COUNTRY: ['US'] } };
const kestrelManager: Access = { username: 'kim', role: 'viewer', scope: { VENDOR: ['kestrel'] } };
const viewer: Access = { username: 'vi', role: 'viewer', scope: {} };
const editor: Access = { username: 'ed', role: 'editor', scope: { REGION: ['EU'] } };

beforeAll(async () => {
  t = await openTestDatabase();
  await loadAnalyticsFixture(t.db);
  await t.db.insertRows('test.fixture', 'incident_notes', [
    { note_id: 'n-eu', version: 1, starts_at: '2026-03-02 00:00:00', ends_at: '2026-03-03 00:00:00', regions: ['EU'], policies: [], models: [], vendors: [], title: 'EU outage', body: '', tags: [], author: 'ops', is_deleted: 0, updated_at: '2026-03-02 00:00:00.000' },
    { note_id: 'n-sea', version: 1, starts_at: '2026-03-02 00:00:00', ends_at: '2026-03-03 00:00:00', regions: ['SEA'], policies: [], models: [], vendors: [], title: 'SEA storm', body: '', tags: [], author: 'ops', is_deleted: 0, updated_at: '2026-03-02 00:00:00.000' },
    { note_id: 'n-all', version: 1, starts_at: '2026-03-02 00:00:00', ends_at: '2026-03-03 00:00:00', regions: [], policies: [], models: [], vendors: [], title: 'Global release', body: '', tags: [], author: 'ops', is_deleted: 0, updated_at: '2026-03-02 00:00:00.000' },
  ]);
  api = await startTestApi(t);
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

const SERIES = 'query($i: SeriesInput!) { series(input: $i) { total { value numerator denominator } groups { key total { value } } filters { dimension values } } }';
const series = (access: Access, i: Record<string, unknown>) => api.gql(SERIES, { i: { range: WEEK, ...i } }, access);
const refusal = (r: { errors?: { message: string; extensions: Record<string, unknown> }[] }) => {
  expect(r.errors, 'expected a refusal').toHaveLength(1);
  expect(r.errors![0]!.extensions.code).toBe('FORBIDDEN');
  return r.errors![0]!.message;
};

describe('a region-scoped analyst (EU and NA)', () => {
  const inScope = DECISIONS.filter((d) => d.region === 'EU' || d.region === 'NA');

  it('gets totals of their regions only, and groups only inside them', async () => {
    const total = (await series(euNaAnalyst, { metric: 'decisions' })).data.series;
    expect(total.total.value).toBe(inScope.length);
    expect(total.filters).toContainEqual({ dimension: 'REGION', values: ['EU', 'NA'] });
    const grouped = (await series(euNaAnalyst, { metric: 'decisions', groupBy: 'REGION' })).data.series;
    expect(grouped.groups.map((g: any) => [g.key, g.total.value])).toEqual([
      ['EU', DECISIONS.filter((d) => d.region === 'EU').length],
      ['NA', DECISIONS.filter((d) => d.region === 'NA').length],
    ]);
    const narrowed = (await series(euNaAnalyst, { metric: 'decisions', filters: [{ dimension: 'REGION', values: ['NA'] }] })).data.series;
    expect(narrowed.total.value).toBe(DECISIONS.filter((d) => d.region === 'NA').length);
  });

  it('is refused a region outside the scope, rather than given empty data', async () => {
    expect(refusal(await series(euNaAnalyst, { metric: 'decisions', filters: [{ dimension: 'REGION', values: ['EU', 'SEA'] }] })))
      .toBe('input.filters: SEA is outside your access (region: EU, NA).');
  });

  it('sees only their regions in the filter bar, and every metric kept by region', async () => {
    const c = (await api.ok('{ catalogue { metrics { id } dimensions { id values { code } } } }', {}, euNaAnalyst)).catalogue;
    expect(c.dimensions.find((d: any) => d.id === 'REGION').values.map((v: any) => v.code)).toEqual(['EU', 'NA']);
    expect(c.metrics.length).toBeGreaterThan(30);
  });

  it('is told which pickers their access limits, and each country’s region (for chained pickers)', async () => {
    const Q = '{ catalogue { dimensions { id limitedByAccess parentDimension values { code parent } } } }';
    const scoped = (await api.ok(Q, {}, euNaAnalyst)).catalogue.dimensions;
    const of = (id: string) => scoped.find((d: any) => d.id === id);
    // a region scope limits regions and countries, not policies
    expect([of('REGION').limitedByAccess, of('COUNTRY').limitedByAccess, of('POLICY').limitedByAccess, of('VENDOR').limitedByAccess]).toEqual([true, true, false, false]);
    expect(of('COUNTRY').parentDimension).toBe('REGION');
    // only the scope's countries, each with its region: the fixture's EU and NA decisions are in DE, FR and US
    const countries = DECISIONS.filter((d) => d.region === 'EU' || d.region === 'NA').map((d) => `${d.country}:${d.region}`);
    expect(of('COUNTRY').values.map((v: any) => `${v.code}:${v.parent}`)).toEqual([...new Set(countries)].sort());
    expect(of('POLICY').values.every((v: any) => v.parent === null)).toBe(true);
    const everyone = (await api.ok(Q, {})).catalogue.dimensions;
    expect(everyone.some((d: any) => d.limitedByAccess)).toBe(false);
    const vendor = (await api.ok(Q, {}, kestrelManager)).catalogue.dimensions;
    expect(vendor.filter((d: any) => d.limitedByAccess).map((d: any) => d.id)).toEqual(['VENDOR']);
  });

  it('gets breakdowns, KPIs, the retrospective and markers inside the scope', async () => {
    const b = (await api.ok('query($i: BreakdownInput!) { breakdown(input: $i) { marginals { keys } total { value } } }', { i: { metric: 'decisions', range: WEEK, dimensions: ['REGION'] } }, euNaAnalyst)).breakdown;
    expect(b.marginals.map((m: any) => m.keys[0])).toEqual(['EU', 'NA']);
    expect(b.total.value).toBe(inScope.length);
    const [k] = (await api.ok('query($i: KpiInput!) { kpis(input: $i) { current { value } } }', { i: { metrics: ['decisions'], range: WEEK, comparison: 'NONE' } }, euNaAnalyst)).kpis;
    expect(k.current.value).toBe(inScope.length);
    const r = (await api.ok('query { retrospective(input: { week: "2026-03-02" }) { headlines { metric { id } lastWeek { value } } notes { title } movers { keys } markdown } }', {}, euNaAnalyst)).retrospective;
    const lastWeek = inScope.filter((d) => String(d.decided_at) >= '2026-03-02' && String(d.decided_at) < '2026-03-09').length;
    expect(r.headlines.find((h: any) => h.metric.id === 'decisions').lastWeek.value).toBe(lastWeek);
    expect(r.notes.map((n: any) => n.title).sort()).toEqual(['EU outage', 'Global release']);
    expect(r.movers.flatMap((m: any) => m.keys).filter((k: string) => ['SEA', 'LATAM', 'MENA', 'SSA', 'SA', 'EA'].includes(k))).toEqual([]);
    // the Markdown export reads the same scoped answer: the scoped figure, no note from elsewhere
    expect(r.markdown).toContain('EU outage');
    expect(r.markdown).not.toContain('SEA storm');
    const row = r.markdown.split('\n').find((l: string) => l.startsWith('| [Decisions]('));
    expect(row).toMatch(new RegExp(`\\) \\| ${lastWeek.toLocaleString('en-US')} \\| `));
  });

  it('sees the scoped SQL: the scope is in the statement', async () => {
    const s = (await api.ok('query($i: SeriesInput!) { series(input: $i) { sql { sql params { name value } } } }', { i: { metric: 'decisions', range: WEEK } }, euNaAnalyst)).series;
    expect(s.sql[0].sql).toMatch(/region IN \{f_region:Array\(String\)\}/);
    expect(s.sql[0].params).toContainEqual({ name: 'f_region', value: '["EU","NA"]' });
  });
});

describe('a country-scoped analyst (US)', () => {
  it('gets US totals, and is refused metrics not kept by country', async () => {
    expect((await series(usOnly, { metric: 'decisions' })).data.series.total.value).toBe(DECISIONS.filter((d) => d.country === 'US').length);
    expect(refusal(await series(usOnly, { metric: 'precision' }))).toMatch(/limited by country \(US\), and metric precision is not kept by country/);
    const c = (await api.ok('{ catalogue { metrics { id } } }', {}, usOnly)).catalogue;
    expect(c.metrics.map((m: any) => m.id)).toContain('decisions');
    expect(c.metrics.map((m: any) => m.id)).not.toContain('precision');
  });
});

describe("a vendor manager (Kestrel's annotation figures only)", () => {
  it('gets their vendor’s annotation figures and nothing else', async () => {
    const labels = (await series(kestrelManager, { metric: 'labels' })).data.series;
    expect(labels.total.value).toBe(LABELS.filter((l) => l.vendor === 'kestrel').length);
    refusal(await series(kestrelManager, { metric: 'decisions' }));
    refusal(await series(kestrelManager, { metric: 'labels', filters: [{ dimension: 'VENDOR', values: ['tessera'] }] }));
    const c = (await api.ok('{ catalogue { metrics { id } dimensions { id values { code } } } }', {}, kestrelManager)).catalogue;
    expect(c.metrics.every((m: any) => ['labels', 'active_annotators', 'productivity', 'handle_time_p50', 'handle_time_p90', 'tasks_created', 'tasks_completed', 'turnaround_p50', 'turnaround_p90', 'annotation_backlog', 'annotation_sla', 'golden_accuracy', 'qa_pass_rate', 'disagreement_rate', 'percent_agreement', 'krippendorff_alpha'].includes(m.id))).toBe(true);
    expect(c.dimensions.find((d: any) => d.id === 'VENDOR').values).toEqual([{ code: 'kestrel' }]);
  });
});

describe('roles', () => {
  it('a viewer is refused the SQL behind a figure and writing notes', async () => {
    const sql = await api.gql('query($i: SeriesInput!) { series(input: $i) { sql { sql } } }', { i: { metric: 'decisions', range: WEEK } }, viewer);
    expect(refusal(sql)).toBe('The SQL behind a figure needs the analyst role; you are a viewer (view dashboards and retrospectives).');
    const note = await api.gql('mutation { createNote(input: { startsAt: "2026-03-02T00:00:00Z", title: "x" }) { id } }', {}, viewer);
    expect(refusal(note)).toMatch(/Writing incident notes needs the editor role/);
    const item = await api.gql('mutation { createRetroItem(input: { week: "2026-03-02", section: GENERAL, kind: FINDING, text: "x" }) { id } }', {}, euNaAnalyst);
    expect(refusal(item)).toBe('Writing retrospective findings and actions needs the editor role; you are an analyst (also explore, see the SQL behind figures and export).');
  });

  it("points a viewer's retrospective at the pages they may open, never at Explore", async () => {
    const views = async (access: Access) => {
      const r = (await api.ok('{ retrospective(input: { week: "2026-03-02" }) { headlines { metric { id } view { page metric range { from to } grain } } markdown } }', {}, access)).retrospective;
      return { views: new Map(r.headlines.map((h: any) => [h.metric.id, h.view])), markdown: r.markdown as string };
    };
    const asViewer = await views(viewer);
    // the four weeks before the week and the week itself, by day, at the metric's panel
    const around = { from: '2026-02-02T00:00:00Z', to: '2026-03-09T00:00:00Z' };
    expect(asViewer.views.get('decisions')).toEqual({ page: 'MODERATION', metric: 'decisions', range: around, grain: 'DAY' });
    expect(asViewer.views.get('golden_accuracy')).toEqual({ page: 'ANNOTATION', metric: 'golden_accuracy', range: around, grain: 'DAY' });
    expect([...asViewer.views.values()].map((v: any) => v.page)).not.toContain('EXPLORE');
    expect(asViewer.markdown).toMatch(/\]\(\/moderation\?from=2026-02-02T00%3A00%3A00Z&to=2026-03-09T00%3A00%3A00Z&grain=day#decisions\)/);
    expect(asViewer.markdown).not.toContain('/explore');
    const asAnalyst = await views(euNaAnalyst);
    expect(asAnalyst.views.get('decisions')).toMatchObject({ page: 'EXPLORE', metric: 'decisions' });
    expect(asAnalyst.markdown).toContain('](/explore?metric=decisions&from=');
  });

  it('an editor writes notes inside their scope only, and sees only notes inside it', async () => {
    const ok = await api.gql('mutation { createNote(input: { startsAt: "2026-03-02T00:00:00Z", title: "EU note", regions: ["EU"] }) { id } }', {}, editor);
    expect(ok.errors).toBeUndefined();
    refusal(await api.gql('mutation { createNote(input: { startsAt: "2026-03-02T00:00:00Z", title: "everywhere" }) { id } }', {}, editor));
    refusal(await api.gql('mutation { createNote(input: { startsAt: "2026-03-02T00:00:00Z", title: "SEA", regions: ["SEA"] }) { id } }', {}, editor));
    refusal(await api.gql('{ noteHistory(id: "n-sea") { title } }', {}, editor));
    const listed = (await api.ok('{ notes(input: { range: { from: "2026-03-01T00:00:00Z", to: "2026-03-10T00:00:00Z" } }) { title } }', {}, editor)).notes;
    expect(listed.map((n: any) => n.title).sort()).toEqual(['EU note', 'EU outage', 'Global release']);
    const markers = (await api.ok('{ markers(input: { range: { from: "2026-03-01T00:00:00Z", to: "2026-03-10T00:00:00Z" } }) { title regions } }', {}, editor)).markers;
    expect(markers.every((m: any) => m.regions.length === 0 || m.regions.includes('EU'))).toBe(true);
  });
});
