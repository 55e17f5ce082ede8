import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, MigrationError, loadMigrations, migrate, pendingMigrations, splitStatements } from './migrate.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ migrate: false });
});
afterAll(async () => t.close());

/** Every table and view with its full definition: the schema as ClickHouse sees it. */
async function schema(): Promise<Record<string, string>> {
  const rows = await t.db.select<{ name: string; create_table_query: string }>(
    'test.schema',
    "SELECT name, create_table_query FROM system.tables WHERE database = currentDatabase() AND name != 'schema_migrations' ORDER BY name",
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.create_table_query]));
}

function copyMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
  for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
  return dir;
}

describe('migrations', () => {
  it('apply from zero, then a second run changes nothing', async () => {
    const files = loadMigrations();
    // what a server without DDL rights checks at start: everything pending, nothing created
    expect(await pendingMigrations(t.db)).toEqual(files.map((m) => m.file));
    expect(await schema()).toEqual({});
    const first = await migrate(t.db, t.log);
    expect(first.applied).toEqual(files.map((m) => m.version));
    const afterFirst = await schema();
    // the data model: raw tables, rollups and the views that fill them
    for (const table of ['moderation_decisions', 'model_predictions', 'ground_truth_labels', 'annotation_labels', 'qa_audits', 'incident_notes', 'moderation_hourly', 'model_performance_daily', 'annotation_labels_hourly', 'moderation_hourly_mv']) {
      expect(afterFirst).toHaveProperty(table);
    }
    expect(await pendingMigrations(t.db)).toEqual([]);
    const second = await migrate(t.db, t.log);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(files.length);
    expect(await schema()).toEqual(afterFirst);
  });

  it('every statement is idempotent: re-running all statements changes no table', async () => {
    const before = await schema();
    for (const m of loadMigrations()) for (const s of m.statements) await t.db.command('test.rerun', s);
    expect(await schema()).toEqual(before);
  });

  it('refuses an applied migration that was edited, before changing anything', async () => {
    const dir = copyMigrations();
    const file = path.join(dir, '0001_raw_events.sql');
    fs.appendFileSync(file, '\n-- an innocent-looking edit\n');
    const before = await schema();
    await expect(migrate(t.db, t.log, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(t.db, t.log, dir)).rejects.toThrow(/0001_raw_events\.sql was edited after it was applied/);
    expect(await schema()).toEqual(before);
  });

  it('reports a migration failing half-way, and re-applies it once fixed', async () => {
    const dir = copyMigrations();
    const file = path.join(dir, '0099_half_way.sql');
    fs.writeFileSync(file, 'CREATE TABLE IF NOT EXISTS half_a (x UInt8) ENGINE = MergeTree ORDER BY x;\nCREATE TABLE half_b (x UInt8) ENGINE = NoSuchEngine;\n');
    await expect(migrate(t.db, t.log, dir)).rejects.toThrow(/0099_half_way\.sql failed at statement 2 of 2/);
    // the ledger says it started but did not finish; after the fix the whole file is applied again
    fs.writeFileSync(file, 'CREATE TABLE IF NOT EXISTS half_a (x UInt8) ENGINE = MergeTree ORDER BY x;\nCREATE TABLE IF NOT EXISTS half_b (x UInt8) ENGINE = MergeTree ORDER BY x;\n');
    const result = await migrate(t.db, t.log, dir);
    expect(result.applied).toEqual([99]);
    expect(Object.keys(await schema())).toEqual(expect.arrayContaining(['half_a', 'half_b']));
  });

  it('splits statements on semicolons outside quotes and comments', () => {
    expect(splitStatements("SELECT 'a;b'; -- c;d\nSELECT 2;")).toEqual(["SELECT 'a;b'", 'SELECT 2']);
  });
});
