// Migration 0010 adds a rollup over data that may already exist: it must take in the labels stored
// before it (once, even when its statements run again) and the ones arriving after it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, loadMigrations, migrate } from './migrate.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { LABELS } from '../testing/analyticsFixture.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ migrate: false });
});
afterAll(async () => t.close());

const count = async (sql: string) => Number((await t.db.select<{ n: string }>('test.count', sql))[0]!.n);
const perAnnotator = (table: 'annotation_labels' | 'annotator_labels_hourly') =>
  t.db.select<{ annotator_id: string; n: string }>(
    'test.per_annotator',
    table === 'annotation_labels'
      ? 'SELECT annotator_id, toString(count()) AS n FROM annotation_labels GROUP BY annotator_id ORDER BY annotator_id'
      : 'SELECT annotator_id, toString(sum(labels)) AS n FROM annotator_labels_hourly GROUP BY annotator_id ORDER BY annotator_id',
  );

describe('migration 0010 (labels per annotator)', () => {
  it('backfills the labels stored before it once, then follows new ones', async () => {
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0010')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    await migrate(t.db, t.log, before);
    await t.db.insertRows('test.fixture', 'annotation_labels', LABELS.slice(0, 20));

    await migrate(t.db, t.log);
    expect(await count('SELECT sum(labels) AS n FROM annotator_labels_hourly')).toBe(20);
    expect(await perAnnotator('annotator_labels_hourly')).toEqual(await perAnnotator('annotation_labels'));

    // an interrupted migration is applied again from its first statement: nothing doubles
    for (const s of loadMigrations().find((m) => m.version === 10)!.statements) await t.db.command('test.rerun', s);
    expect(await count('SELECT sum(labels) AS n FROM annotator_labels_hourly')).toBe(20);

    await t.db.insertRows('test.fixture', 'annotation_labels', LABELS.slice(20));
    expect(await count('SELECT sum(labels) AS n FROM annotator_labels_hourly')).toBe(LABELS.length);
    expect(await perAnnotator('annotator_labels_hourly')).toEqual(await perAnnotator('annotation_labels'));
    fs.rmSync(before, { recursive: true, force: true });
  });
});
