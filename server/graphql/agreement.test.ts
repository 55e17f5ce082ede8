// Agreement metrics (Krippendorff's alpha, percent agreement, disagreement rate) on hand-made
// labels: a unit is the task, with all its answers that fall in the slice, whatever site,
// language or day they came from; answers are free text; a task counts when two or more answers
// arrived, whatever labels_required said. Expected values are the published 2011 example or worked
// out by hand in the comments (alpha = 1 − (n − 1)·Σ_{c≠k} o_ck ÷ (n² − Σ_c n_c²)).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';

let t: TestDatabase;
let api: TestApi;

type Label = Record<string, string | number>;
const label = (task: string, annotator: string, answer: string, where: Label): Label => ({
  label_id: `${task}-${annotator}`, task_id: task, annotator_id: annotator, vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general',
  language: 'es', region: 'LATAM', policy: 'hate_speech', task_created_at: '2026-03-02 09:00:00', submitted_at: '2026-03-02 10:30:00',
  answer, is_golden: 0, gold_answer: '', handle_seconds: 60, labels_required: 4, ...where,
});

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": observers A–D × units 1–12.
const KRIPPENDORFF = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const unitsOf = (prefix: string, answer: (v: number) => string, where: (observer: number) => Label) =>
  KRIPPENDORFF.flatMap((values, observer) =>
    values.flatMap((v, unit) => (v === null ? [] : [label(`${prefix}${unit + 1}`, 'abcd'[observer]!, answer(v), where(observer))])),
  );

// Tessera: the 2011 example with each task answered at two sites on three days, in two languages:
// observers A and B at Bogotá on the day the task was created, C at Lima the next day, D at Lima
// two days later in Portuguese. Announced as 4 answers each.
const TESSERA_SITES: Label[] = [
  {},
  {},
  { site: 'tessera-lima', submitted_at: '2026-03-03 08:00:00' },
  { site: 'tessera-lima', language: 'pt', submitted_at: '2026-03-04 08:00:00' },
];
const TESSERA = unitsOf('k', String, (observer) => TESSERA_SITES[observer]!);

// Northwind: the same example with every value renamed to text holding separators and quotes.
// Alpha only asks whether two values are equal, so it stays 0.743.
const RENAMED: Record<number, string> = { 1: '1|2', 2: '1', 3: '2|', 4: "'3', \"4\"", 5: '|' };
const NORTHWIND = unitsOf('n', (v) => RENAMED[v]!, () => ({ vendor: 'northwind', site: 'northwind-manila', queue: 'en-general', language: 'en', region: 'SEA' }));

// Kestrel: every task unanimous, answers with separators and quotes.
const kestrel = { vendor: 'kestrel', site: 'kestrel-krakow', queue: 'de-fr-general', language: 'de', region: 'EU', labels_required: 2 };
const KESTREL = [
  ['s1', 'a|b'], ['s2', 'a'], ['s3', 'b'], ['s4', 'a|'], ['s5', "it's \"x\", y"],
].flatMap(([task, answer]) => ['e', 'f'].map((who) => label(task!, who, answer!, kestrel)));

// Helios: sent without labels_required (stored as ingestion's default, 1), yet labelled by several.
// h4's two answers come from two sites, and carry creation times on two days.
const helios = { vendor: 'helios', site: 'helios-cebu', queue: 'en-general', language: 'en', region: 'SEA', labels_required: 1 };
const HELIOS = [
  label('h1', 'p', 'violating', helios), label('h1', 'q', 'benign', helios),
  label('h2', 'p', 'violating', helios), label('h2', 'q', 'violating', helios), label('h2', 'r', 'violating', helios),
  label('h3', 'p', 'benign', helios),
  label('h4', 'p', 'benign', { ...helios, task_created_at: '2026-03-02 23:30:00', submitted_at: '2026-03-03 01:00:00' }),
  label('h4', 'q', 'benign', { ...helios, site: 'helios-davao', task_created_at: '2026-03-03 00:30:00', submitted_at: '2026-03-03 02:00:00' }),
];

beforeAll(async () => {
  t = await openTestDatabase();
  // in several inserts, as producers send them: a task's answers land in different rollup blocks
  for (const rows of [TESSERA.filter((l) => l.site === 'tessera-bogota'), TESSERA.filter((l) => l.site !== 'tessera-bogota'), NORTHWIND, KESTREL, HELIOS]) {
    await t.db.insertRows('test.fixture', 'annotation_labels', rows);
  }
  api = await startTestApi(t);
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

const POINT = 'value numerator denominator';
const WEEK = { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' };
const vendor = (v: string) => [{ dimension: 'VENDOR', values: [v] }];

async function series(metric: string, filters: unknown[], extra: Record<string, unknown> = {}) {
  const q = `query($input: SeriesInput!) { series(input: $input) { buckets total { ${POINT} } bucketTotals { ${POINT} } groups { key total { ${POINT} } } } }`;
  return (await api.ok(q, { input: { metric, range: WEEK, grain: 'WEEK', filters, ...extra } })).series;
}
async function breakdown(metric: string, dimension: string, filters: unknown[]) {
  const q = `query($input: BreakdownInput!) { breakdown(input: $input) { cells { keys point { ${POINT} } } total { ${POINT} } } }`;
  return (await api.ok(q, { input: { metric, range: WEEK, dimensions: [dimension], filters } })).breakdown;
}
const pair = (p: { numerator: number; denominator: number }) => [p.numerator, p.denominator];

describe('a unit is the task, whatever site, language or day its answers came from', () => {
  it('gives the published alpha 0.743 for a vendor whose tasks were answered at two sites on three days', async () => {
    const alpha = await series('krippendorff_alpha', vendor('tessera'));
    expect(alpha.total.value).toBeCloseTo(0.743, 3);
    // 12 tasks, 11 with two or more answers; the 11 pairable units hold 40 answers
    expect(alpha.total.denominator).toBeCloseTo(40, 9);
    // units 2, 6 and 8 are not unanimous
    expect(pair((await series('disagreement_rate', vendor('tessera'))).total)).toEqual([3, 11]);
    // ordered pairs m(m − 1) per unit: 6 (unit 1) + 8 × 12 (units 2–9) + 6 (unit 10) + 2 (unit 11) = 110;
    // agreeing Σ n_c(n_c − 1): 6 + 6 + 12 + 12 + 12 + 0 + 12 + 6 + 12 + 6 + 2 = 86
    expect(pair((await series('percent_agreement', vendor('tessera'))).total)).toEqual([86, 110]);
  });

  it('keeps each task whole in the bucket of the day it was created, grouped by vendor', async () => {
    const daily = await series('krippendorff_alpha', [], { grain: 'DAY', groupBy: 'VENDOR' });
    expect(daily.buckets[0]).toBe('2026-03-02T00:00:00Z');
    const tessera = daily.groups.find((g: { key: string }) => g.key === 'tessera');
    expect(tessera.total.value).toBeCloseTo(0.743, 3);
  });

  it('ranks groups by their units: a site with one language per observer keeps its tasks whole', async () => {
    // Lima's units gather C (Spanish) and D (Portuguese): 10 units with two answers; Bogotá has 9
    const bySite = await series('disagreement_rate', vendor('tessera'), { groupBy: 'SITE', topN: 1 });
    expect(bySite.groups.map((g: { key: string; total: { numerator: number; denominator: number } }) => [g.key, ...pair(g.total)])).toEqual([
      ['tessera-lima', 3, 10],
      ['__other__', 1, 9],
    ]);
  });

  it('reads the same units for a period comparison (KPI)', async () => {
    const q = `query($input: KpiInput!) { kpis(input: $input) { current { ${POINT} } } }`;
    const [k] = (await api.ok(q, { input: { metrics: ['krippendorff_alpha'], range: WEEK, comparison: 'NONE', filters: vendor('tessera') } })).kpis;
    expect(k.current.value).toBeCloseTo(0.743, 3);
  });

  it('counts only the answers in the slice: a site keeps its own answers of each task', async () => {
    // Bogotá holds observers A and B: units 1–9 pairable (18 answers); only unit 6 disagrees (1 vs 2).
    // n_1 = 5, n_2 = 7, n_3 = 4, n_4 = 2: expected 18² − 94 = 230; observed o_12 + o_21 = 2;
    // alpha = 1 − 17 × 2 ÷ 230 = 196 ÷ 230
    const bogota = [{ dimension: 'SITE', values: ['tessera-bogota'] }];
    expect((await series('krippendorff_alpha', bogota)).total.value).toBeCloseTo(196 / 230, 12);
    expect(pair((await series('disagreement_rate', bogota)).total)).toEqual([1, 9]);
    // Lima holds C and D: units 2–11 pairable (20 answers); units 2 (3/2), 6 (3/4), 8 (2/1) disagree.
    // n_1 = 3, n_2 = 6, n_3 = 6, n_4 = 3, n_5 = 2: expected 400 − 94 = 306; alpha = 1 − 19 × 6 ÷ 306
    const bySite = await breakdown('krippendorff_alpha', 'SITE', vendor('tessera'));
    const cell = (site: string) => bySite.cells.find((c: { keys: string[] }) => c.keys[0] === site).point.value;
    expect(cell('tessera-bogota')).toBeCloseTo(196 / 230, 12);
    expect(cell('tessera-lima')).toBeCloseTo(1 - (19 * 6) / 306, 12);
    // the breakdown's total is the vendor's, with each task whole
    expect(bySite.total.value).toBeCloseTo(0.743, 3);
    const disBySite = await breakdown('disagreement_rate', 'SITE', vendor('tessera'));
    expect(pair(disBySite.cells.find((c: { keys: string[] }) => c.keys[0] === 'tessera-lima').point)).toEqual([3, 10]);
    expect(pair(disBySite.total)).toEqual([3, 11]);
  });
});

describe('answers are free text: separators and quotes never change a figure', () => {
  it('gives alpha 1 for a vendor whose every task is unanimous, answers with | and quotes included', async () => {
    expect((await series('krippendorff_alpha', vendor('kestrel'))).total.value).toBe(1);
    expect(pair((await series('disagreement_rate', vendor('kestrel'))).total)).toEqual([0, 5]);
    expect(pair((await series('percent_agreement', vendor('kestrel'))).total)).toEqual([10, 10]);
  });

  it('gives the published 0.743 on the 2011 example with its values renamed to text with | , and quotes', async () => {
    expect((await series('krippendorff_alpha', vendor('northwind'))).total.value).toBeCloseTo(0.743, 3);
    expect(pair((await series('percent_agreement', vendor('northwind'))).total)).toEqual([86, 110]);
  });
});

describe('a task counts when several annotators labelled it, whatever labels_required announced', () => {
  it('counts multi-labelled tasks sent without labels_required, a task whose answers carry two creation days as one unit', async () => {
    // units h1 (violating, benign), h2 (violating × 3), h4 (benign × 2); h3 has one answer.
    // n = 7: violating 4, benign 3; expected 49 − 25 = 24; observed o_vb + o_bv = 2 (h1);
    // alpha = 1 − 6 × 2 ÷ 24 = 0.5
    const alpha = await series('krippendorff_alpha', vendor('helios'));
    expect(alpha.total.value).toBeCloseTo(0.5, 12);
    expect(pair((await series('disagreement_rate', vendor('helios'))).total)).toEqual([1, 3]);
    // pairs 2 + 6 + 2 = 10, agreeing 0 + 6 + 2 = 8
    expect(pair((await series('percent_agreement', vendor('helios'))).total)).toEqual([8, 10]);
  });

  it("counts them in a pair's kappa too (annotatorAgreement)", async () => {
    const q = 'query($input: AnnotatorPairInput!) { annotatorAgreement(input: $input) { kappa items categories table } }';
    const k = (await api.ok(q, { input: { annotatorA: 'p', annotatorB: 'q', range: WEEK, filters: vendor('helios') } })).annotatorAgreement;
    // p and q both answered h1 (violating, benign), h2 (violating, violating), h4 (benign, benign)
    expect([k.items, k.categories, k.table]).toEqual([3, ['benign', 'violating'], [[1, 0], [1, 1]]]);
    // p_o = 2/3; p_e = (1 × 2 + 2 × 1) ÷ 9 = 4/9; kappa = (2/3 − 4/9) ÷ (1 − 4/9) = 0.4
    expect(k.kappa).toBeCloseTo(0.4, 12);
  });

  it('puts a task in the day bucket of its creation: a day holds the answers created on it', async () => {
    const daily = await series('disagreement_rate', vendor('helios'), { grain: 'DAY' });
    // 2 March: h1, h2 (h4's first answer alone is not a unit); 3 March: h4's second answer alone
    expect(pair(daily.bucketTotals[0])).toEqual([1, 2]);
    expect(pair(daily.bucketTotals[1])).toEqual([0, 0]);
  });
});
