// Migration 0016 adds daily moderation rollups. An existing data folder gets them filled from the
// raw decisions stored before it, once even when its statements run again, and the views follow
// the decisions arriving after it. Expected values are worked out by hand below.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, loadMigrations, migrate } from './migrate.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ migrate: false });
});
afterAll(async () => t.close());

const decision = (id: string, region: string, action: string, flagged: string, decided: string) => ({
  decision_id: id, content_id: `c-${id}`, region, country: region === 'EU' ? 'DE' : 'US', policy: 'hate_speech', content_type: 'video',
  detection_source: 'user_report', enforcement_path: 'human', action, posted_at: flagged, flagged_at: flagged, decided_at: decided,
  views_at_action: 5, queue: '', sla_seconds: 0, model_id: '', model_version: '',
});

/**
 * Stored before 0016:
 *   D1 EU removed 2026-03-02 10:01, 60 s after its flag
 *   D2 EU none    2026-03-02 23:59, 0 s after its flag
 *   D3 NA removed 2026-03-03 00:00 (the next UTC day), 60 s after its flag
 * Time-to-action buckets: floor(8 × log2(1 + 60)) = floor(47.45) = 47; floor(8 × log2(1)) = 0.
 */
const OLD = [
  decision('D1', 'EU', 'removed', '2026-03-02 10:00:00', '2026-03-02 10:01:00'),
  decision('D2', 'EU', 'none', '2026-03-02 23:59:00', '2026-03-02 23:59:00'),
  decision('D3', 'NA', 'removed', '2026-03-02 23:59:00', '2026-03-03 00:00:00'),
];

async function days(table: string) {
  return t.db.select<{ day: string; region: string; decisions: number; actioned: number; tta: [number[], number[]] }>(
    'test.days', `SELECT day, region, sum(decisions) AS decisions, sum(actioned) AS actioned, sumMap(tta_hist) AS tta FROM ${table} GROUP BY day, region ORDER BY day, region`,
  );
}
const row = (day: string, region: string, decisions: number, actioned: number, tta: [number[], number[]]) =>
  ({ day, region, decisions, actioned, tta });

describe('migration 0016 (daily moderation rollups)', () => {
  it('fills them from the decisions stored before it, once, then follows new decisions', async () => {
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0016')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    await migrate(t.db, t.log, before);
    await t.db.insertRows('test.fixture', 'moderation_decisions', OLD);

    await migrate(t.db, t.log);
    const expected = [
      row('2026-03-02', 'EU', 2, 1, [[0, 47], [1, 1]]),
      row('2026-03-03', 'NA', 1, 1, [[47], [1]]),
    ];
    expect(await days('moderation_daily')).toEqual(expected);
    expect(await days('moderation_region_policy_daily')).toEqual(expected);

    // an interrupted migration is applied again from its first statement: nothing doubles
    for (const s of loadMigrations().find((m) => m.version === 16)!.statements) await t.db.command('test.rerun', s);
    expect(await days('moderation_daily')).toEqual(expected);
    expect(await days('moderation_region_policy_daily')).toEqual(expected);

    // after it: the views add new decisions to their UTC day
    await t.db.insertRows('test.fixture', 'moderation_decisions', [decision('D4', 'NA', 'none', '2026-03-03 23:00:00', '2026-03-03 23:00:00')]);
    const after = [expected[0], row('2026-03-03', 'NA', 2, 1, [[0, 47], [1, 1]])];
    expect(await days('moderation_daily')).toEqual(after);
    expect(await days('moderation_region_policy_daily')).toEqual(after);
  });
});
