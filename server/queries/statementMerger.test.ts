// Statements of one shape asked in the same turn go to the engine as one, and each caller gets
// exactly the rows its own statement returns alone (real engine, the analytics fixture).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../definitions/metricCatalogue.js';
import { seriesStatements, totalStatements, type Slice } from './metricQuery.js';
import { run } from './statements.js';
import { loadAnalyticsFixture } from '../testing/analyticsFixture.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadAnalyticsFixture(t.db);
});
afterAll(async () => t.close());

const at = (iso: string) => Date.parse(iso) / 1000;
const slice: Slice = { from: at('2026-03-01T00:00:00Z'), to: at('2026-03-03T00:00:00Z'), filters: new Map() };
const byId = (id: string) => METRICS.find((d) => d.id === id)!;
// three metrics of the moderation rollup: a count, a rate and a percentile (a histogram)
const MODERATION = ['decisions', 'action_rate', 'time_to_action_p50'].map(byId);

describe('merging statements of one shape', () => {
  it('sends the totals of three metrics of one rollup as one statement, each caller getting its own rows', async () => {
    const statements = MODERATION.flatMap((def) => totalStatements(def, slice));
    expect(statements).toHaveLength(3);
    const alone: unknown[][] = [];
    for (const s of statements) alone.push(await t.db.select(s.operation, s.sql, s.params));
    const before = t.db.readsExecuted;
    const merged = await Promise.all(statements.map((s) => run(t.db, s)));
    expect(t.db.readsExecuted - before).toBe(1);
    expect(merged).toEqual(alone);
    // the fixture's figures, not empty rows: 9 decisions on these days, their histogram non-empty
    expect(Number((merged[0]![0] as { value: string }).value)).toBeGreaterThan(0);
  });

  it('merges series with groupings (several rows per statement) and keeps statements of other shapes apart', async () => {
    const shape = { grain: 'DAY' as const, zone: 'UTC', groupBy: 'REGION' as const, topKeys: null };
    const series = MODERATION.flatMap((def) => seriesStatements(def, slice, shape));
    const other = totalStatements(byId('labels'), slice); // another rollup
    const alone: unknown[][] = [];
    for (const s of [...series, ...other]) alone.push(await t.db.select(s.operation, s.sql, s.params));
    const before = t.db.readsExecuted;
    const merged = await Promise.all([...series, ...other].map((s) => run(t.db, s)));
    expect(t.db.readsExecuted - before).toBe(2);
    const sorted = (rows: unknown[]) => [...rows].map((r) => JSON.stringify(r)).sort();
    merged.forEach((rows, i) => expect(sorted(rows)).toEqual(sorted(alone[i]!)));
    expect(merged[0]!.length).toBeGreaterThan(2);
  });

  it('fails every caller of a merged statement that fails, and nothing else', async () => {
    // a slice no earlier test asked, so no answer is kept yet
    const fresh: Slice = { ...slice, to: at('2026-03-02T00:00:00Z') };
    const [good] = totalStatements(byId('decisions'), fresh);
    const bad = { ...good!, sql: good!.sql.replace('sum(decisions)', 'sum(no_such_column)'), merge: { ...good!.merge!, measures: [['value', 'sum(no_such_column)'] as const] } };
    const lone = totalStatements(byId('labels'), fresh)[0]!;
    const results = await Promise.allSettled([run(t.db, good!), run(t.db, bad), run(t.db, lone)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });
});
