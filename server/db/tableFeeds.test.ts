// The answer cache's table map (tableFeeds.ts) against the migrated engine: FEEDS must name every
// materialised view's source and target, or a batch would leave stale the answers of a rollup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { FEEDS, tablesChangedBy, tablesNamedIn } from './tableFeeds.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

describe('tables fed by materialised views', () => {
  it('FEEDS lists exactly the views of the migrated schema (source → target)', async () => {
    const rows = await t.db.select<{ name: string; engine: string; dependencies_table: string[]; create_table_query: string }>(
      'test.views', 'SELECT name, engine, dependencies_table, create_table_query FROM system.tables WHERE database = currentDatabase()',
    );
    const target = new Map(rows.filter((r) => r.engine === 'MaterializedView').map((r) => [r.name, /\sTO\s+(?:\w+\.)?(\w+)/.exec(r.create_table_query)![1]!]));
    const engine: Record<string, string[]> = {};
    for (const r of rows) if (r.dependencies_table.length > 0) engine[r.name] = [...new Set(r.dependencies_table.map((v) => target.get(v)!))].sort();
    const ours = Object.fromEntries(Object.entries(FEEDS).map(([k, v]) => [k, [...v].sort()]));
    expect(ours).toEqual(engine);
  });

  it('a write changes its table and every rollup downstream', () => {
    // labels → model_outcomes (model_outcomes_on_labels_mv) → model_performance_daily → the catalogue's dimension_values
    expect([...tablesChangedBy('ground_truth_labels')!].sort()).toEqual(['dimension_values', 'ground_truth_labels', 'labels_by_content', 'model_outcomes', 'model_performance_daily']);
    expect(tablesChangedBy('no_such_table')).toBeNull();
  });

  it('names the known tables a statement reads, and none for a statement naming none', () => {
    expect(tablesNamedIn('SELECT sum(decisions) FROM moderation_daily WHERE day >= {from:Date} UNION ALL SELECT 1 FROM moderation_hourly_mv')).toEqual(['moderation_daily']);
    expect(tablesNamedIn('SELECT 1')).toBeNull();
  });
});
