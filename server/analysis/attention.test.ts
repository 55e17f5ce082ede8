// The attention field on a hand-made fixture: removal before any views drops from 90 % to 87.5 %
// overall; one small cell (EU hate speech, 70 → 70 actioned, 90 % → 50 %) drops far and surely,
// one large cell (NA spam, 1,750 a week, 90 % → 88 %) drops by 2 points within its noise. The
// culprit must be the cell whose change survives Benjamini–Hochberg (the retrospective's rule),
// not the heavier noisy one the browser's old weighting (items × change) picked. Every expected
// value below is worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';

const DAY = 86_400;
const WEEK = Date.parse('2026-03-02T00:00:00Z') / 1000; // a Monday
const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ');
let t: TestDatabase;
let api: TestApi;

/** n actioned decisions of one cell on one day, the first `beforeViews` of them removed before any views. */
function decisions(region: string, country: string, policy: string, day: number, n: number, beforeViews: number, tag: string) {
  return Array.from({ length: n }, (_, i) => {
    const at = day + 3600 + Math.floor((i * 79_000) / n);
    return {
      decision_id: `${tag}-${i}`, content_id: `${tag}-${i}`, decided_at: iso(at), posted_at: iso(at - 600), flagged_at: iso(at - 300),
      region, country, policy, content_type: 'video', detection_source: 'automated', enforcement_path: 'automated',
      action: 'removed', views_at_action: i < beforeViews ? 0 : 5, queue: '', sla_seconds: 0, model_id: '', model_version: '',
    };
  });
}

beforeAll(async () => {
  t = await openTestDatabase();
  const rows: Record<string, unknown>[] = [];
  for (let d = -7; d < 7; d++) {
    const current = d >= 0;
    // NA spam: 250 a day; 225 (90 %) before views, then 220 (88 %)
    rows.push(...decisions('NA', 'US', 'spam_fake_engagement', WEEK + d * DAY, 250, current ? 220 : 225, `na-${d}`));
    // EU hate speech: 10 a day; 9 (90 %), then 5 (50 %)
    rows.push(...decisions('EU', 'DE', 'hate_speech', WEEK + d * DAY, 10, current ? 5 : 9, `eu-${d}`));
    // SEA hate speech: 100 a day at 90 % throughout
    rows.push(...decisions('SEA', 'ID', 'hate_speech', WEEK + d * DAY, 100, 90, `sea-${d}`));
  }
  // the data begins a day before the comparison period (a period before the data is not compared)
  rows.push(...decisions('SEA', 'ID', 'hate_speech', WEEK - 8 * DAY, 1, 1, 'start'));
  await t.db.insertRows('test.fixture', 'moderation_decisions', rows);
  api = await startTestApi(t);
});
afterAll(async () => {
  await api?.stop();
  await t?.close();
});

const ATTENTION = `query($input: AttentionInput!) { attention(input: $input) {
  tested cellsTested falseDiscoveryRate
  flags { metric { id } reasons kpi { current { value } previous { value } pValue }
    culprit { dimensions keys labels current { value numerator denominator } previous { value } qValue badRun { from to ongoing grain timeZone } }
    view { page metric range { from to } grain filters { dimension values } } }
} }`;
const ask = (extra: Record<string, unknown> = {}) => api.ok(ATTENTION, {
  input: { metrics: ['removal_before_views', 'decisions'], range: { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' }, comparison: 'PREVIOUS_PERIOD', timeZone: 'UTC', ...extra },
});

describe('attention', () => {
  it('flags the significant drop and names the cell whose change survives the false discovery rate, with when it went wrong', async () => {
    const a = (await ask()).attention;
    // two figures with a test (a rate and a count), both with a comparison period inside the data
    expect(a.tested).toBe(2);
    expect(a.falseDiscoveryRate).toBe(0.05);
    // overall 2,268/2,520 = 0.9 → 2,205/2,520 = 0.875: z = 0.025 / √(0.8875·0.1125·2/2520) = 2.81, p ≈ 0.005;
    // decisions did not change (2,520 both weeks, p = 1): BH q = 0.01 for the rate. Decisions (neutral) are never flagged.
    expect(a.flags).toHaveLength(1);
    const [flag] = a.flags;
    expect(flag.metric.id).toBe('removal_before_views');
    expect(flag.reasons).toEqual(['SIGNIFICANT']);
    expect(flag.kpi.current.value).toBeCloseTo(2205 / 2520, 12);
    expect(flag.kpi.previous.value).toBeCloseTo(2268 / 2520, 12);
    // cells that moved the wrong way by ≥ 2 points: EU hate speech (−40 pts) and NA spam (−2 pts); both tested
    expect(a.cellsTested).toBe(2);
    // NA spam weighs 1750 × 0.02 = 35 against EU's 70 × 0.4 = 28, but its z = 0.02 / √(0.89·0.11·2/1750) = 1.89
    // (p = 0.059) does not pass; EU's z = 0.4 / √(0.7·0.3·2/70) = 5.16 does
    expect(flag.culprit).toMatchObject({
      dimensions: ['REGION', 'POLICY'], keys: ['EU', 'hate_speech'], labels: ['Europe', 'Hate speech'],
      current: { value: 0.5, numerator: 35, denominator: 70 }, previous: { value: 0.9 },
    });
    expect(flag.culprit.qValue).toBeLessThan(1e-5);
    // daily buckets (the automatic grain: a week in at most 100 buckets is 7 days); each current day
    // EU has 5 of 10 removed before views, whose Wilson upper bound is 0.763 < 0.9, so every day is
    // bad: one run over the whole week, reaching the end of the range
    expect(flag.culprit.badRun).toEqual({ from: '2026-03-02T00:00:00Z', to: '2026-03-08T00:00:00Z', ongoing: true, grain: 'DAY', timeZone: 'UTC' });
    expect(flag.view).toEqual({
      page: 'MODERATION', metric: 'removal_before_views', range: null, grain: null,
      filters: [{ dimension: 'REGION', values: ['EU'] }, { dimension: 'POLICY', values: ['hate_speech'] }],
    });
  });

  it('within a slice where only the noisy cell is left, flags nothing', async () => {
    // NA alone: 1,575/1,750 → 1,540/1,750, z = 1.89, p = 0.059: not significant, so nothing to explain
    const a = (await ask({ filters: [{ dimension: 'REGION', values: ['NA'] }] })).attention;
    expect(a.flags).toEqual([]);
  });

  it('refuses what kpis refuses, saying where', async () => {
    const r = await api.gql(ATTENTION, { input: { metrics: [], range: { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' }, comparison: 'PREVIOUS_PERIOD' } });
    expect(r.errors?.[0]?.message).toBe('input.metrics: give 1 to 40 metric ids.');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
