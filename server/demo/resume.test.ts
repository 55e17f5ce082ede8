// A demo load interrupted midway (a full disk: the raw decisions stored, a rollup half-written,
// the other streams empty) is detected and completed at the next start, and the result equals a
// load that was never interrupted: every table, row for row (raw) and figure for figure (rollups).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import type { Database } from '../db/database.js';
import { resumeDemoLoads, seedDemo, unfinishedDemoLoads } from './seed.js';
import type { DemoOptions } from './world.js';

const OPTIONS: DemoOptions = { seed: 11, days: 21, scale: 0.05, end: Date.parse('2026-03-30T00:00:00Z') / 1000 };

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const select = <T>(sql: string, params: Record<string, unknown> = {}) => t.db.select<T>('test.resume', sql, params);

/** Tables holding rows (but the bookkeeping ones). */
async function filledTables(): Promise<string[]> {
  const rows = await select<{ name: string }>(
    "SELECT name FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree' AND total_rows > 0 AND name NOT IN ('schema_migrations', 'demo_loads') ORDER BY name",
  );
  return rows.map((r) => r.name);
}

/**
 * What each table holds: rows and a hash of them for plain tables; for aggregating ones, their
 * keys after merging and the total of every summed column (a state's bytes depend on merge order).
 */
async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await filledTables()) {
    const [meta] = await select<{ engine: string }>('SELECT engine FROM system.tables WHERE database = currentDatabase() AND name = {t:String}', { t: table });
    if (meta!.engine === 'MergeTree') {
      const [r] = await select<{ n: string; h: string }>(`SELECT count() AS n, toString(groupBitXor(cityHash64(*))) AS h FROM ${table}`);
      out[table] = `${r!.n} rows, hash ${r!.h}`;
    } else {
      const sums = await select<{ name: string }>("SELECT name FROM system.columns WHERE database = currentDatabase() AND table = {t:String} AND type LIKE 'SimpleAggregateFunction(sum,%'", { t: table });
      const totals = sums.map((c) => `toString(sum(${c.name}))`).join(", ' ', ") || "''";
      const [r] = await select<{ n: string; s: string }>(`SELECT count() AS n, concat(${totals}) AS s FROM ${table} FINAL`);
      out[table] = `${r!.n} keys, sums ${r!.s}`;
    }
  }
  return out;
}

async function wipe(): Promise<void> {
  for (const table of [...(await filledTables()), 'demo_loads']) await t.db.command('test.wipe', `TRUNCATE TABLE ${table}`);
}

describe('an interrupted demo load', () => {
  let clean: Record<string, string>;
  let cleanMainDecisions: string;
  // the main moderation stream's decisions (the DSA service's come in a later stream)
  const mainDecisions = async () => (await select<{ n: string }>("SELECT toString(count()) AS n FROM moderation_decisions WHERE service = ''"))[0]!.n;

  beforeAll(async () => {
    await seedDemo(t.db, t.log, OPTIONS);
    clean = await fingerprint();
    cleanMainDecisions = await mainDecisions();
    await wipe();
  });

  it('is found unfinished, and completed by the next start into exactly a clean load', async () => {
    expect(Object.keys(clean)).toEqual(expect.arrayContaining(['moderation_decisions', 'moderation_hourly', 'model_predictions', 'model_performance_daily', 'annotation_labels', 'qa_audits_hourly', 'incident_notes']));
    // the disk fills while the decisions are stored: after the raw table and some of its rollups
    await t.db.command('test.crash', 'CREATE TABLE crash_target (n UInt8) ENGINE = Null');
    await t.db.command('test.crash', "CREATE MATERIALIZED VIEW crash_mv TO crash_target AS SELECT throwIf(count() > 0, 'disk full') AS n FROM moderation_decisions");
    await expect(seedDemo(t.db, t.log, OPTIONS)).rejects.toThrow(/disk full/);
    await t.db.command('test.crash', 'DROP VIEW crash_mv');
    await t.db.command('test.crash', 'DROP TABLE crash_target');
    const half = await fingerprint();
    expect(await mainDecisions()).toBe(cleanMainDecisions);
    expect(half).not.toEqual(clean);
    expect(half.model_predictions).toBeUndefined();
    expect(await unfinishedDemoLoads(t.db)).toEqual([{ loadId: expect.any(String), options: OPTIONS }]);

    expect(await resumeDemoLoads(t.db, t.log)).toBe(1);
    expect(await fingerprint()).toEqual(clean);
    expect(await resumeDemoLoads(t.db, t.log)).toBe(0);
  });

  it('interrupted between two streams, and twice: the same', async () => {
    await wipe();
    // the process dies when the model stream begins, then again during the annotation stream
    const dyingAt = (table: string): Database =>
      new Proxy(t.db, {
        get(target, key) {
          if (key === 'insertTsv') {
            return async (operation: string, into: string, rows: Buffer, token?: string) => {
              if (into === table) throw new Error('killed');
              return target.insertTsv(operation, into, rows, token);
            };
          }
          const v = Reflect.get(target, key);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    await expect(seedDemo(dyingAt('demo_load_model_predictions'), t.log, OPTIONS)).rejects.toThrow('killed');
    const [load] = await unfinishedDemoLoads(t.db);
    await expect(seedDemo(dyingAt('demo_load_qa_audits'), t.log, load!.options, load!.loadId)).rejects.toThrow('killed');
    expect(await fingerprint()).not.toEqual(clean);
    expect(await resumeDemoLoads(t.db, t.log)).toBe(1);
    expect(await fingerprint()).toEqual(clean);
  });
});
