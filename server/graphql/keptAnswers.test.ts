// Whole figure answers kept across requests (keptAnswers.ts), on the engine with the analytics
// fixture: a second asker with the same role and scope is served without any resolver work; a
// different scope, a refused question, a stored batch and a changed target each get their own
// answer. Expectations are counted from the fixture rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISIONS } from '../testing/analyticsFixture.js';
import { openFixtureApi, type TestApi } from '../testing/testApi.js';
import type { TestDatabase } from '../testing/testDatabase.js';
import type { Access } from '../access/access.js';
import { Ingestor } from '../ingest/ingest.js';
import { streamByName } from '../ingest/streams.js';
import { parseBatch, validateBatch } from '../ingest/validate.js';

let t: TestDatabase;
let api: TestApi;
let close: () => Promise<void>;
beforeAll(async () => ({ t, api, close } = await openFixtureApi()));
afterAll(() => close());

const TOTAL = `query($input: SeriesInput!) { series(input: $input) { total { value } sql { sql } } }`;
const KPI = `query($input: KpiInput!) { kpis(input: $input) { current { value numerator denominator } targetStatus } }`;
const WEEK = { from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' };
const decisionsIn = (keep: (r: (typeof DECISIONS)[number]) => boolean) => DECISIONS.filter(keep).length;

const analyst = (username: string, scope: Access['scope'] = {}): Access => ({ username, role: 'analyst', scope });
const viewer = (username: string): Access => ({ username, role: 'viewer', scope: {} });
const stats = () => t.db.answers!.stats();

/** Two headlines from two rollups: at least two statements, so a resolver run would ask twice. */
async function twoKpis(access: Access) {
  return (await api.ok(KPI, { input: { metrics: ['decisions', 'golden_accuracy'], range: WEEK, comparison: 'NONE' } }, access)).kpis;
}

async function decisionsTotal(access: Access, filters: unknown[] = []) {
  return (await api.ok(TOTAL, { input: { metric: 'decisions', range: WEEK, grain: 'DAY', filters } }, access)).series;
}

describe('kept answers', () => {
  it('serves a second asker with the same role and scope from the kept answer, without running the resolver', async () => {
    t.db.answers!.clear();
    const first = await twoKpis(analyst('ana'));
    expect(first[0].current.value).toBe(DECISIONS.length);
    const before = stats();
    const readsBefore = t.db.readsExecuted;
    const second = await twoKpis(analyst('bo'));
    expect(second).toEqual(first);
    // one hit (the whole answer) and no statement answer asked for: the resolver did not run
    expect(stats().hits - before.hits).toBe(1);
    expect(stats().executions - before.executions).toBe(0);
    expect(t.db.readsExecuted - readsBefore).toBe(0);
  });

  it('resolves what depends on the asker per request: the SQL is for analysts, not viewers', async () => {
    expect((await decisionsTotal(analyst('cy'))).sql.length).toBeGreaterThan(0);
    const asViewer = await api.gql(TOTAL, { input: { metric: 'decisions', range: WEEK, grain: 'DAY' } }, viewer('vi'));
    expect(asViewer.errors?.map((e) => [e.extensions.code, (e as { path?: unknown }).path])).toEqual([['FORBIDDEN', ['series', 'sql']]]);
    // and the analyst after the viewer still gets it
    expect((await decisionsTotal(analyst('cy'))).sql.length).toBeGreaterThan(0);
  });

  it('never serves one scope the answer kept for another, and still refuses outside the scope', async () => {
    await decisionsTotal(analyst('ana')); // kept unscoped
    const eu = await decisionsTotal(analyst('eu-ana', { REGION: ['EU'] }));
    expect(eu.total.value).toBe(decisionsIn((d) => d.region === 'EU'));
    const na = await decisionsTotal(analyst('na-ana', { REGION: ['NA'] }));
    expect(na.total.value).toBe(decisionsIn((d) => d.region === 'NA'));
    // the unscoped answer to the same filter is kept; the NA analyst asking for EU is refused
    await decisionsTotal(analyst('ana'), [{ dimension: 'REGION', values: ['EU'] }]);
    const refused = await api.gql(TOTAL, { input: { metric: 'decisions', range: WEEK, grain: 'DAY', filters: [{ dimension: 'REGION', values: ['EU'] }] } }, analyst('na-ana', { REGION: ['NA'] }));
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('has a stored batch in the next answer', async () => {
    expect((await decisionsTotal(analyst('ana'))).total.value).toBe(DECISIONS.length);
    const stream = streamByName.get('moderation-decisions')!;
    const event = {
      decision_id: 'kept-1', content_id: 'c-kept-1', posted_at: '2026-03-05T09:00:00Z', flagged_at: '2026-03-05T09:01:00Z', decided_at: '2026-03-05T09:02:00Z',
      country: 'DE', policy: 'hate_speech', content_type: 'video', detection_source: 'automated', enforcement_path: 'automated', action: 'removed',
    };
    const batch = validateBatch(stream, parseBatch(JSON.stringify(event), 'ndjson'));
    expect(batch.errors).toEqual([]);
    expect((await new Ingestor(t.db).ingest(stream, batch)).accepted).toBe(1);
    // the test engine expires at once (VIGIL_CACHE_STALE_MS=0)
    expect((await decisionsTotal(analyst('bo'))).total.value).toBe(DECISIONS.length + 1);
  });

  it('has a changed target in the next answer', async () => {
    const input = { metrics: ['action_rate'], range: WEEK, comparison: 'NONE' };
    const [before] = (await api.ok(KPI, { input }, analyst('ana'))).kpis;
    // the fixture's actioned share, counted from its rows (plus the decision stored above, removed)
    const actioned = decisionsIn((d) => d.action !== 'none') + 1;
    expect([before.current.numerator, before.current.denominator]).toEqual([actioned, DECISIONS.length + 1]);
    const rate = actioned / (DECISIONS.length + 1);
    const set = `mutation($t: TargetInput) { setTarget(metric: "action_rate", expectedVersion: 0, change: SET, target: $t) { version } }`;
    // a target just above the rate: breached; one well below it: met
    await api.ok(set, { t: { value: Math.min(1, rate + 0.05), direction: 'AT_LEAST', atRiskMargin: 0 } });
    const [breached] = (await api.ok(KPI, { input }, analyst('ana'))).kpis;
    expect(breached.targetStatus).toBe('BREACHED');
    const reset = `mutation($t: TargetInput) { setTarget(metric: "action_rate", expectedVersion: 1, change: SET, target: $t) { version } }`;
    await api.ok(reset, { t: { value: rate / 2, direction: 'AT_LEAST', atRiskMargin: 0 } });
    const [met] = (await api.ok(KPI, { input }, analyst('ana'))).kpis;
    expect(met.targetStatus).toBe('ON_TARGET');
  });

  it('computes an answer once for 50 people asking at once', async () => {
    t.db.answers!.clear();
    const before = stats();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => twoKpis(analyst(`crowd-${i}`))));
    expect(new Set(answers.map((a) => a[0].current.value))).toEqual(new Set([DECISIONS.length + 1]));
    const s = stats();
    // one whole answer computed, 49 joined it: its (two or more) statements were asked by that one computation only
    expect(s.joined - before.joined + s.hits - before.hits).toBe(49);
    expect(s.executions - before.executions).toBeGreaterThanOrEqual(3);
  });
});
