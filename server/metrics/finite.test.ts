// NaN and Infinity never reach an answer: every figure leaves through pointOf / finitePoint, and
// every change and test is finite or null, whatever the sums the database returns (fuzzed with
// fast-check), and a slice whose "rate" is not a proportion answers null with the reason instead
// of failing the whole series (the hourly appeal-rate crash).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { METRICS } from '../definitions/metricCatalogue.js';
import { pointOf, type Components, type Point } from './points.js';
import { compare } from './kpis.js';
import { poissonRateTest, twoProportionZTest, wilsonInterval } from '../stats/proportions.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 1_000_000 }),
  fc.constantFrom(0, -0, 1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, Number.MIN_VALUE),
);
const components: fc.Arbitrary<Components> = fc.record(
  {
    value: anyNumber, numerator: anyNumber, denominator: anyNumber,
    histogram: fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), anyNumber), { maxLength: 6 }).map((e) => new Map(e)),
    answerCounts: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c|a', ''), anyNumber), { maxLength: 5 }).map((e) => new Map(e)),
    observedDisagreement: anyNumber,
  },
  { requiredKeys: [] },
);

const finiteOrNull = (v: number | null) => v === null || Number.isFinite(v);
function expectSound(p: Point) {
  for (const k of ['value', 'numerator', 'denominator', 'low', 'high'] as const) expect(finiteOrNull(p[k]), `${k} = ${p[k]}`).toBe(true);
  if (p.value === null) expect(p.nullReason).toMatch(/\w/);
  else expect(p.nullReason).toBeNull();
}

describe('figures are finite or null with a reason (property-based)', () => {
  it('pointOf, for every metric of the catalogue, whatever the sums', () => {
    fc.assert(fc.property(fc.constantFrom(...METRICS), components, (def, c) => expectSound(pointOf(def, c))), { numRuns: 3000 });
  });

  it('a rate is a proportion or null: the value and its interval lie in [0, 1]', () => {
    const rate = METRICS.find((m) => m.id === 'appeal_rate')!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (n, d) => {
        const p = pointOf(rate, { numerator: n, denominator: d });
        if (n > d || d === 0) expect(p.value).toBeNull();
        else expect([p.low! <= p.value!, p.value! <= p.high!, p.low! >= 0, p.high! <= 1]).toEqual([true, true, true, true]);
      }),
      { numRuns: 2000 },
    );
    expect(pointOf(rate, { numerator: 3, denominator: 1 }).nullReason).toBe('not a proportion: the numerator (3) is outside 0 … the denominator (1)');
  });

  it('changes and p-values of period comparisons', () => {
    fc.assert(
      fc.property(fc.constantFrom(...METRICS), components, components, anyNumber, anyNumber, (def, a, b, h1, h2) => {
        const r = compare(def, pointOf(def, a), pointOf(def, b), { current: h1, previous: h2 });
        for (const v of [r.absoluteChange, r.relativeChange, r.pValue]) expect(finiteOrNull(v), String(v)).toBe(true);
        if (r.pValue !== null) expect(r.pValue >= 0 && r.pValue <= 1).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('intervals and tests', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, (x1, n1, x2, n2) => {
        const w = wilsonInterval(x1, n1);
        if (w) expect(w.every(Number.isFinite)).toBe(true);
        for (const r of [twoProportionZTest(x1, n1, x2, n2), poissonRateTest(x1, n1, x2, n2)]) {
          expect(finiteOrNull(r.pValue) && finiteOrNull(r.statistic)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('an hourly series whose slice holds more appeals than actioned decisions', () => {
  let t: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    t = await openTestDatabase();
    api = await startTestApi(t);
    const base = {
      region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', detection_source: 'user_report', enforcement_path: 'human',
      posted_at: '2026-03-02 09:00:00', flagged_at: '2026-03-02 09:30:00', views_at_action: 1, queue: '', sla_seconds: 0, model_id: '', model_version: '',
    };
    // one actioned decision at 10:05, and three appeals a producer sent with a decision time in that hour
    await t.db.insertRows('test.fixture', 'moderation_decisions', [{ ...base, decision_id: 'x1', content_id: 'c-x1', action: 'removed', decided_at: '2026-03-02 10:05:00' }]);
    await t.db.insertRows('test.fixture', 'appeal_events', ['p1', 'p2', 'p3'].map((id) => ({
      appeal_id: id, decision_id: id, event: 'filed', event_at: '2026-03-03 10:00:00', decided_at: '2026-03-02 10:10:00',
      region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', outcome: '',
    })));
  });
  afterAll(async () => {
    await api.stop();
    await t.close();
  });

  it('answers null with the reason for that bucket, and the rest of the series', async () => {
    const r = await api.gql(`{ series(input: { metric: "appeal_rate", range: { from: "2026-03-02T09:00:00Z", to: "2026-03-02T12:00:00Z" }, grain: HOUR }) {
      bucketTotals { value numerator denominator low high nullReason } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.series.bucketTotals).toEqual([
      { value: null, numerator: 0, denominator: 0, low: null, high: null, nullReason: 'no items in the slice' },
      { value: null, numerator: 3, denominator: 1, low: null, high: null, nullReason: 'not a proportion: the numerator (3) is outside 0 … the denominator (1)' },
      { value: null, numerator: 0, denominator: 0, low: null, high: null, nullReason: 'no items in the slice' },
    ]);
  });
});
