// The rest of the analytics API on the hand-made fixture: catalogue, breakdowns, period
// comparisons, model curves, annotator agreement, drift, every bad argument, document limits,
// the SQL behind figures, and the HTTP surface.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { DECISIONS, loadAnalyticsFixture } from '../testing/analyticsFixture.js';
import { DOCUMENT_LIMITS } from './server.js';
import { formatError } from './errors.js';
import { DatabaseError } from '../db/database.js';
import { BadInput, Conflict, Forbidden, NotFound } from '../domain/errors.js';
import { startTestApi, TEST_ADMIN, type TestApi } from '../testing/testApi.js';
import { METRICS, metricDimensions } from '../definitions/metricCatalogue.js';
import { ROLLUP_TABLES } from '../definitions/rollups.js';
import { seriesStatements, breakdownStatements, topKeysStatement } from '../queries/metricQuery.js';
import { type Statement } from '../queries/statements.js';

let t: TestDatabase;
let api: TestApi;
let base: string;
let cookie: string;

// Two annotators on 100 shared tasks, Artstein & Poesio (2008): [[20, 20], [10, 50]] -> kappa 0.348
function kappaLabels() {
  const cells: [string, string, number][] = [['violating', 'violating', 20], ['violating', 'benign', 20], ['benign', 'violating', 10], ['benign', 'benign', 50]];
  const rows: Record<string, unknown>[] = [];
  let n = 0;
  for (const [a, b, count] of cells) {
    for (let i = 0; i < count; i++, n++) {
      for (const [annotator, answer] of [['x', a], ['y', b]] as const) {
        rows.push({
          label_id: `p${n}-${annotator}`, task_id: `p${n}`, annotator_id: annotator, vendor: 'northwind', site: 'northwind-manila',
          queue: 'en-hate-harassment', language: 'en', region: 'NA', policy: 'hate_speech', task_created_at: '2026-03-02 09:00:00',
          submitted_at: '2026-03-02 11:00:00', answer, is_golden: 0, gold_answer: '', handle_seconds: 20, labels_required: 2,
        });
      }
    }
  }
  return rows;
}

beforeAll(async () => {
  t = await openTestDatabase();
  await loadAnalyticsFixture(t.db);
  await t.db.insertRows('test.fixture', 'annotation_labels', kappaLabels());
  await t.db.insertRows('test.fixture', 'model_rollouts', [
    { model_id: 'safety-mm', model_version: '3.3', region: 'SEA', event: 'rollout', at: '2026-03-02 10:00:00', note: 'first region' },
    { model_id: 'safety-mm', model_version: '3.2', region: 'SEA', event: 'rollback', at: '2026-03-05 14:00:00', note: 'precision' },
  ]);
  const note = (version: number, title: string, deleted = 0) => ({
    note_id: 'n1', version, starts_at: '2026-03-03 00:00:00', ends_at: '2026-03-04 00:00:00', regions: ['LATAM'], policies: [], models: [], vendors: [],
    title, body: 'reports up', tags: [], author: 'ops', is_deleted: deleted, updated_at: `2026-03-0${version} 12:00:00.000`,
  });
  await t.db.insertRows('test.fixture', 'incident_notes', [note(1, 'Election'), note(2, 'Election in Brazil')]);
  await t.db.insertRows('test.fixture', 'incident_notes', [{ ...note(1, 'Gone'), note_id: 'n2' }, { ...note(2, 'Gone', 1), note_id: 'n2' }]);
  api = await startTestApi(t, { http: true });
  base = api.url;
  cookie = await api.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

const gql = (query: string, variables?: Record<string, unknown>) => api.gql(query, variables);
const ok = (query: string, variables?: Record<string, unknown>) => api.ok(query, variables);

const POINT = 'value numerator denominator low high lowSample';
const WEEK = { from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' };

describe('catalogue', () => {
  it('lists every metric with its definition, and the dimension values present in the data', async () => {
    const c = (await ok(`{ catalogue { metrics { id label definition kind unit goodDirection dimensions minGrain target { value direction } defaultFilters { dimension values } }
      dimensions { id label values { code label } } dataFrom dataTo timeZones } }`)).catalogue;
    expect(c.metrics.map((m: any) => m.id)).toEqual(METRICS.map((m) => m.id));
    expect(c.metrics.length).toBeGreaterThanOrEqual(35);
    for (const m of c.metrics) expect(m.definition.length).toBeGreaterThan(20);
    const recall = c.metrics.find((m: any) => m.id === 'recall');
    expect(recall).toMatchObject({ kind: 'RATE', unit: 'RATIO', goodDirection: 'UP', minGrain: 'DAY', defaultFilters: [{ dimension: 'LABEL_SOURCE', values: ['golden_set', 'random_audit'] }] });
    const dims = Object.fromEntries(c.dimensions.map((d: any) => [d.id, d.values.map((v: any) => v.code)]));
    expect(dims.REGION).toEqual(['EU', 'LATAM', 'NA', 'SEA']);
    expect(dims.MODEL_VERSION).toEqual(['3.2', '3.3']);
    expect(dims.VENDOR).toEqual(['kestrel', 'northwind', 'tessera']);
    expect(c.dimensions.find((d: any) => d.id === 'REGION').values).toContainEqual({ code: 'EU', label: 'Europe' });
    // decisions run from Sunday 23:30 (#7) to Monday 2026-03-09 12:00 (#9)
    expect([c.dataFrom, c.dataTo]).toEqual(['2026-03-01T23:00:00Z', '2026-03-09T13:00:00Z']);
    expect(c.timeZones).toContain('America/New_York');
  });
});

describe('breakdown', () => {
  it('gives region × policy cells, the marginals of each, and the total', async () => {
    const b = (await ok(`query($input: BreakdownInput!) { breakdown(input: $input) { cells { keys labels point { ${POINT} } } marginals { keys point { value } } total { value } } }`, {
      input: { metric: 'decisions', range: WEEK, dimensions: ['REGION', 'POLICY'] },
    })).breakdown;
    const count = (keep: (d: (typeof DECISIONS)[number]) => boolean) => DECISIONS.filter(keep).length;
    for (const cell of b.cells) {
      expect(cell.point.value).toBe(count((d) => d.region === cell.keys[0] && d.policy === cell.keys[1]));
    }
    expect(b.cells.find((c: any) => c.keys[0] === 'EU' && c.keys[1] === 'hate_speech').labels).toEqual(['Europe', 'Hate speech']);
    expect(b.marginals.find((m: any) => m.keys[0] === 'NA').point.value).toBe(count((d) => d.region === 'NA'));
    expect(b.marginals.find((m: any) => m.keys[0] === 'hate_speech').point.value).toBe(count((d) => d.policy === 'hate_speech'));
    expect(b.total.value).toBe(DECISIONS.length);
  });
});

describe('kpis', () => {
  const KPI = `query($input: KpiInput!) { kpis(input: $input) { metric { id } current { ${POINT} } previous { ${POINT} }
    currentRange { from to } previousRange { from to } absoluteChange relativeChange pValue test significant targetStatus filters { dimension values } } }`;

  it('compares a running week with the same elapsed time of the week before, with an exact Poisson test for counts', async () => {
    const [k] = (await ok(KPI, { input: { metrics: ['decisions'], range: { from: '2026-03-09T00:00:00Z', to: '2026-03-16T00:00:00Z' }, comparison: 'PREVIOUS_WEEK' } })).kpis;
    // the data ends at 2026-03-09 13:00: both periods are cut to their first 13 hours
    expect(k.currentRange).toEqual({ from: '2026-03-09T00:00:00Z', to: '2026-03-09T13:00:00Z' });
    expect(k.previousRange).toEqual({ from: '2026-03-02T00:00:00Z', to: '2026-03-02T13:00:00Z' });
    expect([k.current.value, k.previous.value]).toEqual([1, 6]);
    expect(k.relativeChange).toBeCloseTo(-5 / 6, 12);
    // 1 vs 6 over equal time: binomial(7, 1/2) two-sided P(X <= 1 or X >= 6) = 16 / 128
    expect(k.test).toBe('exact Poisson rate test');
    expect(k.pValue).toBeCloseTo(0.125, 10);
    expect(k.significant).toBe(false);
  });

  it('compares whole days for metrics kept per day, leaving the running day out of both periods', async () => {
    const [k] = (await ok(KPI, { input: { metrics: ['flag_rate'], range: { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' }, comparison: 'PREVIOUS_PERIOD' } })).kpis;
    // the data ends at 2026-03-09 13:00, after the week: the whole week and the week before
    expect(k.currentRange).toEqual({ from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' });
    const [running] = (await ok(KPI, { input: { metrics: ['flag_rate'], range: { from: '2026-03-08T00:00:00Z', to: '2026-03-15T00:00:00Z' }, comparison: 'PREVIOUS_WEEK' } })).kpis;
    // 37 hours elapsed: one whole day in each period, not one and a half against two
    expect(running.currentRange).toEqual({ from: '2026-03-08T00:00:00Z', to: '2026-03-09T00:00:00Z' });
    expect(running.previousRange).toEqual({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' });
  });

  it('tests a change of rate with the two-proportion z-test', async () => {
    const [k] = (await ok(KPI, { input: { metrics: ['action_rate'], range: { from: '2026-03-09T00:00:00Z', to: '2026-03-16T00:00:00Z' }, comparison: 'PREVIOUS_WEEK' } })).kpis;
    // 1/1 actioned vs 5/6: pooled 6/7, z = 0.44096, p = 0.65924 (R: prop.test(c(1, 5), c(1, 6), correct = FALSE))
    expect([k.current.numerator, k.current.denominator, k.previous.numerator, k.previous.denominator]).toEqual([1, 1, 5, 6]);
    expect(k.test).toBe('two-proportion z-test');
    expect(k.pValue).toBeCloseTo(0.65924, 5);
  });

  it('applies each filter only to the metrics that have its dimension, and says so', async () => {
    const kpis = (await ok(KPI, { input: { metrics: ['decisions', 'golden_accuracy'], range: WEEK, comparison: 'NONE', filters: [{ dimension: 'VENDOR', values: ['kestrel'] }, { dimension: 'REGION', values: ['EU'] }] } })).kpis;
    expect(kpis[0].filters).toEqual([{ dimension: 'REGION', values: ['EU'] }]);
    expect(kpis[0].current.value).toBe(DECISIONS.filter((d) => d.region === 'EU').length);
    expect(kpis[1].filters).toEqual([{ dimension: 'VENDOR', values: ['kestrel'] }, { dimension: 'REGION', values: ['EU'] }]);
    // kestrel's EU golden labels: g1 correct, g2 wrong
    expect([kpis[1].current.numerator, kpis[1].current.denominator]).toEqual([1, 2]);
    expect(kpis[1].targetStatus).toBe('BREACHED'); // 0.5 < 0.9
    expect(kpis[1].previous).toBeNull();
  });

  it('series and breakdowns follow the same rule: a filter on a dimension the metric lacks is left out, and the answer says so', async () => {
    const filters = [{ dimension: 'VENDOR', values: ['kestrel'] }, { dimension: 'REGION', values: ['EU'] }];
    const s = (await ok('query($input: SeriesInput!) { series(input: $input) { total { value } filters { dimension values } } }', { input: { metric: 'decisions', range: WEEK, filters } })).series;
    expect(s.filters).toEqual([{ dimension: 'REGION', values: ['EU'] }]);
    expect(s.total.value).toBe(DECISIONS.filter((d) => d.region === 'EU').length);
    const b = (await ok('query($input: BreakdownInput!) { breakdown(input: $input) { total { value } filters { dimension values } } }', { input: { metric: 'decisions', range: WEEK, dimensions: ['POLICY'], filters } })).breakdown;
    expect(b.filters).toEqual([{ dimension: 'REGION', values: ['EU'] }]);
    expect(b.total.value).toBe(DECISIONS.filter((d) => d.region === 'EU').length);
  });
});

describe('model curve', () => {
  const CURVE = `query($input: ModelCurveInput!) { modelCurve(input: $input) { labelSources unbiased deployedThreshold averagePrecision positives negatives
    confusion { truePositives falsePositives falseNegatives trueNegatives precision recall }
    bestThreshold { threshold precision recall } bestThresholdSupport bestThresholdNote thresholds { threshold precision recall } } }`;

  it("reproduces scikit-learn's precision-recall example from the random audits (unbiased by default)", async () => {
    const c = (await ok(CURVE, { input: { model: 'safety-mm', version: '3.3', range: WEEK, precisionTarget: 0.6 } })).modelCurve;
    expect(c).toMatchObject({ labelSources: ['golden_set', 'random_audit'], unbiased: true, deployedThreshold: 0.5, positives: 2, negatives: 2 });
    expect(c.averagePrecision).toBeCloseTo(0.8333, 4);
    const at = (x: number) => c.thresholds.find((r: any) => Math.abs(r.threshold - x) < 1e-9);
    expect([0.1, 0.35, 0.4, 0.8].map((x) => at(x).precision)).toEqual([0.5, 2 / 3, 0.5, 1]);
    expect([0.1, 0.35, 0.4, 0.8].map((x) => at(x).recall)).toEqual([1, 1, 0.5, 0.5]);
    // at the deployed 0.5: 0.8 violating (TP), 0.35 violating (FN), 0.1 and 0.4 benign (TN)
    expect(c.confusion).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 1, trueNegatives: 2, precision: 1, recall: 0.5 });
    // 0.11 reaches 2/3 ≥ 0.6 but on 3 flagged items: no threshold is offered on so few, and it says why
    expect(c.bestThreshold).toBeNull();
    expect(c.bestThresholdSupport).toBeNull();
    expect(c.bestThresholdNote).toBe(
      'Threshold 0.11 reaches precision 66.7 % on only 3 flagged labelled items; a threshold is offered only when its precision rests on at least 30, since on fewer its interval is too wide to choose by.',
    );
  });

  it('says when a figure rests on a biased label source', async () => {
    const c = (await ok(CURVE, { input: { model: 'safety-mm', version: '3.3', range: WEEK, filters: [{ dimension: 'LABEL_SOURCE', values: ['human_review'] }] } })).modelCurve;
    expect(c).toMatchObject({ labelSources: ['human_review'], unbiased: false, positives: 2, negatives: 1 });
  });
});

describe('annotator agreement and score drift', () => {
  it("Cohen's kappa in SQL: Artstein & Poesio's table gives 0.348", async () => {
    const a = (await ok(`query($input: AnnotatorPairInput!) { annotatorAgreement(input: $input) { kappa items categories table } }`, {
      input: { annotatorA: 'x', annotatorB: 'y', range: WEEK },
    })).annotatorAgreement;
    expect(a.items).toBe(100);
    expect(a.categories).toEqual(['benign', 'violating']);
    expect(a.table).toEqual([[50, 10], [20, 20]]);
    expect(a.kappa).toBeCloseTo(0.348, 3);
  });

  it('population stability index between two days of scores', async () => {
    const d = (await ok(`query($input: ScoreDriftInput!) { scoreDrift(input: $input) { psi baselineCount currentCount } }`, {
      input: { model: 'safety-mm', baseline: { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' }, current: { from: '2026-03-03T00:00:00Z', to: '2026-03-04T00:00:00Z' } },
    })).scoreDrift;
    // six scores in six buckets vs one score in another; empty shares count as 0.0001:
    // 6 × (0.0001 − 1/6)·ln(0.0001 / (1/6)) + (1 − 0.0001)·ln(1 / 0.0001) = 16.62355
    expect([d.baselineCount, d.currentCount]).toEqual([6, 1]);
    expect(d.psi).toBeCloseTo(16.62355, 4);
  });
});

describe('sparklines', () => {
  it('gives each metric its daily values over the range in one answer, leaving out filters a metric lacks', async () => {
    const filters = [{ dimension: 'VENDOR', values: ['kestrel'] }];
    const lines = (await ok('query($input: SparklinesInput!) { sparklines(input: $input) { metric { id } grain values } }', {
      input: { metrics: ['decisions', 'action_rate'], range: WEEK, timeZone: 'UTC', filters },
    })).sparklines;
    // nine days (216 hours > 200): daily buckets from 2026-03-01; the vendor filter applies to neither
    const days = Array.from({ length: 9 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
    const onDay = (day: string) => DECISIONS.filter((d) => String(d.decided_at).startsWith(day));
    expect(lines.map((l: any) => [l.metric.id, l.grain])).toEqual([['decisions', 'DAY'], ['action_rate', 'DAY']]);
    expect(lines[0].values).toEqual(days.map((d) => onDay(d).length));
    expect(lines[1].values).toEqual(days.map((d) => (onDay(d).length ? onDay(d).filter((x) => x.action !== 'none').length / onDay(d).length : null)));
  });
});

describe('bad input: every argument gives BAD_USER_INPUT with what was wrong and where', () => {
  const SERIES = 'query($input: SeriesInput!) { series(input: $input) { total { value } } }';
  const series = (input: Record<string, unknown>) => gql(SERIES, { input: { metric: 'decisions', range: WEEK, ...input } });
  const cases: [string, () => ReturnType<typeof gql>, RegExp][] = [
    ['an unknown metric', () => series({ metric: 'vibes' }), /input\.metric: unknown metric "vibes"\. Known metrics: decisions, actioned/],
    ['a metric id with SQL in it', () => series({ metric: "decisions') OR 1=1 --" }), /input\.metric: unknown metric/],
    ['a reversed range', () => series({ range: { from: WEEK.to, to: WEEK.from } }), /input\.range\.from .* must be before input\.range\.to/],
    ['a date that is not ISO-8601', () => series({ range: { from: 'last tuesday', to: WEEK.to } }), /input\.range\.from must be an ISO-8601 instant/],
    ['a time off the hour', () => series({ range: { from: '2026-03-01T00:30:00Z', to: WEEK.to } }), /whole hours/],
    ['a range before 2000', () => series({ range: { from: '1999-12-31T00:00:00Z', to: WEEK.to } }), /between 2000-01-01 and 2100-01-01/],
    ['too long a range for any grain', () => series({ grain: 'HOUR', range: { from: '2000-01-01T00:00:00Z', to: '2099-01-01T00:00:00Z' } }), /series may cover at most 29280 days \(monthly\); this range covers 36160/],
    ['hours of a daily metric', () => series({ metric: 'precision', grain: 'HOUR' }), /metric precision is kept per day; use DAY, WEEK or MONTH/],
    ['an unknown time zone', () => series({ timeZone: 'Asia/Kolkata' }), /input\.timeZone: "Asia\/Kolkata" is not an allowed time zone/],
    ['an unknown region', () => series({ filters: [{ dimension: 'REGION', values: ['ATLANTIS'] }] }), /input\.filters\[0\]\.values: unknown region "ATLANTIS"\. Known: NA, LATAM/],
    ['an injection as a value', () => series({ filters: [{ dimension: 'POLICY', values: ["x' OR '1'='1"] }] }), /unknown policy/],
    ['a queue not in the data', () => series({ metric: 'review_sla', filters: [{ dimension: 'QUEUE', values: ['review-mars'] }] }), /unknown queue "review-mars"\. Known: .*review-eu, review-na/],
    ['an empty filter', () => series({ filters: [{ dimension: 'REGION', values: [] }] }), /give at least one value/],
    ['a dimension filtered twice', () => series({ filters: [{ dimension: 'REGION', values: ['EU'] }, { dimension: 'REGION', values: ['NA'] }] }), /REGION is filtered twice/],
    ['a group-by the metric does not have', () => series({ groupBy: 'LABEL_SOURCE' }), /input\.groupBy: metric decisions cannot be sliced by LABEL_SOURCE/],
    ['a top N of 0', () => series({ groupBy: 'REGION', topN: 0 }), /input\.topN must be a whole number from 1 to 25; got 0/],
    ['a top N over the limit', () => series({ groupBy: 'REGION', topN: 26 }), /from 1 to 25; got 26/],
    ['three breakdown dimensions', () => gql('query($i: BreakdownInput!) { breakdown(input: $i) { total { value } } }', { i: { metric: 'decisions', range: WEEK, dimensions: ['REGION', 'POLICY', 'ACTION'] } }), /input\.dimensions: give one or two dimensions/],
    ['no KPI metric', () => gql('query($i: KpiInput!) { kpis(input: $i) { current { value } } }', { i: { metrics: [], range: WEEK, comparison: 'NONE' } }), /input\.metrics: give 1 to 40 metric ids/],
    ['a custom comparison without its range', () => gql('query($i: KpiInput!) { kpis(input: $i) { current { value } } }', { i: { metrics: ['decisions'], range: WEEK, comparison: 'CUSTOM' } }), /input\.comparisonRange is required when comparison is CUSTOM/],
    ['an unknown model', () => gql('query($i: ModelCurveInput!) { modelCurve(input: $i) { averagePrecision } }', { i: { model: 'skynet', version: '3.3', range: WEEK } }), /input\.model: unknown model "skynet"\. Known: safety-mm/],
    ['an unknown version', () => gql('query($i: ModelCurveInput!) { modelCurve(input: $i) { averagePrecision } }', { i: { model: 'safety-mm', version: '9.9', range: WEEK } }), /input\.version: unknown model version "9\.9"/],
    ['a precision target above 1', () => gql('query($i: ModelCurveInput!) { modelCurve(input: $i) { averagePrecision } }', { i: { model: 'safety-mm', version: '3.3', range: WEEK, precisionTarget: 1.5 } }), /precisionTarget must be in \(0, 1\]/],
    ['an annotator id with SQL in it', () => gql('query($i: AnnotatorPairInput!) { annotatorAgreement(input: $i) { kappa } }', { i: { annotatorA: "x'); DROP TABLE qa_audits; --", annotatorB: 'y', range: WEEK } }), /input\.annotatorA must be an annotator id/],
    ['the same annotator twice', () => gql('query($i: AnnotatorPairInput!) { annotatorAgreement(input: $i) { kappa } }', { i: { annotatorA: 'x', annotatorB: 'x', range: WEEK } }), /must differ/],
    ['a week after ClickHouse dates end', () => gql('{ retrospective(input: { week: "9999-12-27" }) { week } }'), /^input\.week must be a date from 2000-01-01 to 2099-12-31; got 9999-12-27\.$/],
    ['a week of year 0', () => gql('{ retrospective(input: { week: "0000-01-03" }) { week } }'), /^input\.week must be a date from 2000-01-01 to 2099-12-31; got 0000-01-03\.$/],
    ['an item in a week after 2099', () => gql('mutation { createRetroItem(input: { week: "9999-12-27", section: GENERAL, kind: FINDING, text: "x" }) { id } }'), /^input\.week must be a date from 2000-01-01 to 2099-12-31; got 9999-12-27\.$/],
    ['an action due in year 0', () => gql('mutation { createRetroItem(input: { week: "2026-03-02", section: GENERAL, kind: ACTION, text: "x", owner: "o", dueDate: "0000-01-03" }) { id } }'), /^input\.dueDate must be a date from 2000-01-01 to 2099-12-31; got 0000-01-03\.$/],
    ['a value of the wrong type', () => series({ grain: 'FORTNIGHT' }), /Grain/],
    ['a string where a number goes', () => series({ topN: 'five' }), /Int/],
  ];
  it.each(cases)('%s', async (_name, call, message) => {
    const r = await call();
    expect(r.errors, JSON.stringify(r.data)).toHaveLength(1);
    expect(r.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.message).toMatch(message);
  });

  it('changes nothing: the data is the same after every bad request', async () => {
    const rows = await t.db.select<{ n: string }>('test.count', 'SELECT count() AS n FROM qa_audits');
    expect(Number(rows[0]!.n)).toBe(3);
  });
});

describe('document limits', () => {
  it(`refuse more than ${DOCUMENT_LIMITS.aliases} aliases, saying the limit`, async () => {
    const fields = Array.from({ length: DOCUMENT_LIMITS.aliases + 1 }, (_, i) => `a${i}: catalogue { dataTo }`).join(' ');
    const r = await gql(`{ ${fields} }`);
    expect(r.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors![0]!.message).toMatch(/Aliases limit of 15 exceeded/);
  });
  it(`refuse documents over ${DOCUMENT_LIMITS.tokens} tokens`, async () => {
    const r = await gql(`{ catalogue { ${'dataTo '.repeat(DOCUMENT_LIMITS.tokens)} } }`);
    expect(r.errors![0]!.message).toMatch(/Document contains more that 3000 tokens/);
  });
  it('refuse subscriptions as a validation error (the API has none), not an internal error', async () => {
    const r = await gql('subscription { catalogue { dataTo } }');
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors![0]!.message).toBe('Subscriptions are not supported: ask with a query (or change data with a mutation).');
  });
  it(`refuse more than ${DOCUMENT_LIMITS.directives} directives`, async () => {
    const r = await gql(`{ catalogue { dataTo ${'@include(if: true) '.repeat(DOCUMENT_LIMITS.directives + 1)} } }`);
    expect(r.errors![0]!.message).toMatch(/Directives limit of 10 exceeded/);
  });
});

describe('the SQL behind a figure', () => {
  it('is returned with its bound parameters, and running it gives the same numbers', async () => {
    const s = (await ok(`query($input: SeriesInput!) { series(input: $input) { total { value } sql { sql params { name type value } } } }`, {
      input: { metric: 'decisions', range: WEEK, grain: 'DAY', filters: [{ dimension: 'REGION', values: ['EU', 'NA'] }] },
    })).series;
    expect(s.sql).toHaveLength(1);
    const statement = s.sql[0];
    expect(statement.params).toContainEqual({ name: 'f_region', type: 'Array(String)', value: '["EU","NA"]' });
    // a week of whole UTC days at day grain in UTC: read from the daily region × policy rollup
    expect(statement.sql).toContain('FROM moderation_region_policy_daily');
    expect(statement.params).toContainEqual({ name: 'from_day', type: 'Date', value: '"2026-03-01"' });
    const params = Object.fromEntries(statement.params.map((p: any) => [p.name, JSON.parse(p.value)]));
    const rows = await t.db.select<{ value: string; all_buckets: number }>('test.rerun', statement.sql, params);
    const total = rows.find((r) => Number(r.all_buckets) === 1)!;
    expect(Number(total.value)).toBe(s.total.value);
    expect(s.total.value).toBe(DECISIONS.filter((d) => d.region === 'EU' || d.region === 'NA').length);
  });

  const slice = { from: Date.parse(WEEK.from) / 1000, to: Date.parse(WEEK.to) / 1000, filters: new Map([['REGION', ['EU']]] as const) };

  it('matches the reviewed SQL for representative queries', () => {
    const byId = (id: string) => METRICS.find((m) => m.id === id)!;
    const shape = { grain: 'DAY' as const, zone: 'Europe/Berlin', groupBy: 'POLICY' as const, topKeys: ['hate_speech'] };
    expect(seriesStatements(byId('action_rate'), slice, shape).map((s) => s.sql).join('\n;\n')).toMatchSnapshot();
    expect(seriesStatements(byId('review_backlog'), slice, { ...shape, groupBy: null, topKeys: null }).map((s) => s.sql).join('\n;\n')).toMatchSnapshot();
    expect(breakdownStatements(byId('appeal_rate'), slice, ['REGION', 'POLICY'], [null, null]).map((s) => s.sql).join('\n;\n')).toMatchSnapshot();
    expect(seriesStatements(byId('krippendorff_alpha'), { ...slice, filters: new Map() }, { ...shape, groupBy: 'VENDOR', topKeys: null }).map((s) => s.sql).join('\n;\n')).toMatchSnapshot();
  });

  it('reads rollup tables only, for every metric (EXPLAIN ESTIMATE)', async () => {
    for (const def of METRICS) {
      const dims = metricDimensions(def);
      const groupBy = dims.find((d) => d !== 'REGION') ?? null;
      const filters = new Map(dims.includes('REGION') ? [['REGION', ['EU']] as const] : []);
      const s = { ...slice, filters };
      const grain = def.rollup.startsWith('model') || def.rollup === 'taskAnswers' ? 'DAY' : 'HOUR';
      const statements: Statement[] = [
        ...seriesStatements(def, s, { grain, zone: 'UTC', groupBy, topKeys: null }),
        ...(groupBy ? [topKeysStatement(def, s, groupBy, 9)] : []),
      ];
      for (const st of statements) {
        const rows = await t.db.select<{ table: string }>('test.explain', `EXPLAIN ESTIMATE ${st.sql}`, { ...st.params, tz: 'UTC' });
        for (const r of rows) expect(ROLLUP_TABLES.has(r.table), `${def.id} reads ${r.table}`).toBe(true);
      }
    }
  });

  it.each([['DAY', 'day'], ['HOUR', 'hour']] as const)('uses the primary key for time and region at %s grain (EXPLAIN indexes = 1)', async (grain, column) => {
    const def = METRICS.find((m) => m.id === 'decisions')!;
    const [st] = seriesStatements(def, slice, { grain, zone: 'UTC', groupBy: null, topKeys: null });
    const rows = await t.db.select<{ explain: string }>('test.explain', `EXPLAIN indexes = 1 ${st!.sql}`, { ...st!.params, tz: 'UTC' });
    const plan = rows.map((r) => r.explain).join('\n');
    const primary = plan.slice(plan.indexOf('PrimaryKey'));
    expect(primary).toMatch(new RegExp(`Keys:\\s*\\n\\s*region\\s*\\n\\s*${column}`));
  });
});

describe('markers', () => {
  const MARKERS = 'query($input: MarkersInput!) { markers(input: $input) { kind at endsAt title regions } }';
  it('list rollouts, rollbacks and the current version of live incident notes', async () => {
    const m = (await ok(MARKERS, { input: { range: WEEK } })).markers;
    expect(m).toEqual([
      { kind: 'ROLLOUT', at: '2026-03-02T10:00:00Z', endsAt: null, title: 'safety-mm 3.3 in SEA', regions: ['SEA'] },
      { kind: 'INCIDENT', at: '2026-03-03T00:00:00Z', endsAt: '2026-03-04T00:00:00Z', title: 'Election in Brazil', regions: ['LATAM'] },
      { kind: 'ROLLBACK', at: '2026-03-05T14:00:00Z', endsAt: null, title: 'safety-mm 3.2 (rollback) in SEA', regions: ['SEA'] },
    ]);
  });
  it('keep only markers whose scope covers the regions asked', async () => {
    const m = (await ok(MARKERS, { input: { range: WEEK, regions: ['LATAM'] } })).markers;
    expect(m.map((x: any) => x.title)).toEqual(['Election in Brazil']);
    const bad = await gql(MARKERS, { input: { range: WEEK, regions: ['MARS'] } });
    expect(bad.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('database failures', () => {
  it('reach clients as a code with the query id, never SQL or internals', () => {
    const err = new DatabaseError('Code: 159. Timeout exceeded: elapsed 31 seconds … SELECT secret FROM t', 'metrics.series', 'vigil-metrics-series-1', 'TIMEOUT_EXCEEDED');
    const formatted = formatError({ message: err.message, path: ['series'] }, err);
    expect(formatted).toEqual({
      message: 'The query took longer than the time limit and was stopped (query id vigil-metrics-series-1). Narrow the time range or filters.',
      path: ['series'],
      extensions: { code: 'QUERY_TIMEOUT', queryId: 'vigil-metrics-series-1' },
    });
    const other = formatError({ message: 'x' }, new DatabaseError('Code: 60. Unknown table', 'metrics.series', 'q2', 'UNKNOWN_TABLE'));
    expect(other).toMatchObject({ message: 'The database could not answer (query id q2).', extensions: { code: 'DATABASE_ERROR', queryId: 'q2' } });
    expect(formatError({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new Error('TypeError: at resolvers.ts:12'))).toEqual({
      message: 'Internal server error.', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('refusals from the layers below', () => {
  it('get their GraphQL code and details in formatError, the one place that maps them', () => {
    const formatted = (e: Error) => formatError({ message: e.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at y'] } }, e);
    expect(formatted(new BadInput('input.title is required.', 'input.title'))).toEqual({
      message: 'input.title is required.', path: ['x'], extensions: { code: 'BAD_USER_INPUT', argument: 'input.title' },
    });
    expect(formatted(new Forbidden('no'))).toEqual({ message: 'no', path: ['x'], extensions: { code: 'FORBIDDEN' } });
    expect(formatted(new Conflict('changed', 7))).toEqual({ message: 'changed', path: ['x'], extensions: { code: 'CONFLICT', currentVersion: 7 } });
    expect(formatted(new NotFound('No note with id "n1".'))).toEqual({ message: 'No note with id "n1".', path: ['x'], extensions: { code: 'NOT_FOUND' } });
  });
});

describe('HTTP', () => {
  it('answers /healthz with the database status', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'embedded' });
  });

  it('answers a malformed body with a 400 and a JSON error, without internals', async () => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: 'The request body is not valid JSON.' });
    expect(body).not.toMatch(/at .*\.js/);
  });

  it('serves GraphQL over HTTP with coded errors and no stack traces', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ series(input: { metric: "nope", range: { from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z" } }) { grain } }' }),
    });
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.extensions).not.toHaveProperty('stacktrace');
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await fetch(`${base}/nope.js`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Not found.' });
  });
});
