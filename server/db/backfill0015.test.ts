// Migration 0015 changes what three rollups mean (appeals by their decision's hour; "within" as
// ≤; the review SLA from the queue entry). An existing data folder must give the new figures:
// the rollups are rebuilt from the raw events stored before it, once even when its statements run
// again, and follow the events arriving after it. Expected values are worked out by hand below.
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

const sum = async (sql: string) => Number((await t.db.select<{ n: string }>('test.sum', sql))[0]!.n);
const decision = (id: string, action: string, posted: string, flagged: string, decided: string, queue = '', sla = 0) => ({
  decision_id: id, content_id: `c-${id}`, region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', detection_source: 'user_report',
  enforcement_path: 'human', action, posted_at: posted, flagged_at: flagged, decided_at: decided, views_at_action: 5, queue, sla_seconds: sla,
  model_id: '', model_version: '',
});

/**
 * Stored before 0015 (no enqueued_at, no decided_at on appeals):
 *   D1 removed  posted 10:00, decided 2026-03-02 10:01 — appealed 2026-03-03 09:00
 *   D2 none     flagged 08:00, entered review-eu (1 h SLA) 10:00, decided 10:30: 2 h 30 from the flag, 30 min from the queue entry
 *   D3 removed  posted exactly 24 h before its decision at 11:00
 */
const OLD_DECISIONS = [
  decision('D1', 'removed', '2026-03-02 10:00:00', '2026-03-02 10:00:30', '2026-03-02 10:01:00'),
  decision('D2', 'none', '2026-03-02 07:00:00', '2026-03-02 08:00:00', '2026-03-02 10:30:00', 'review-eu', 3600),
  decision('D3', 'removed', '2026-03-01 11:00:00', '2026-03-02 10:00:00', '2026-03-02 11:00:00'),
];
const OLD_ENQUEUE = { enqueue_id: 'E2', content_id: 'c-D2', enqueued_at: '2026-03-02 10:00:00', region: 'EU', country: 'DE', policy: 'hate_speech', queue: 'review-eu', sla_seconds: 3600 };
const OLD_APPEAL = { appeal_id: 'A1', decision_id: 'D1', event: 'filed', event_at: '2026-03-03 09:00:00', region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', outcome: '' };

async function figures() {
  return {
    appealsOfDecisionsAt10: await sum("SELECT sum(appeals_of_decisions) AS n FROM appeals_hourly WHERE hour = toDateTime('2026-03-02 10:00:00', 'UTC')"),
    appealsOfDecisions: await sum('SELECT sum(appeals_of_decisions) AS n FROM appeals_hourly'),
    appealsFiled: await sum('SELECT sum(appeals_filed) AS n FROM appeals_hourly'),
    within24h: await sum('SELECT sum(actioned_within_24h) AS n FROM moderation_hourly'),
    within24hNarrow: await sum('SELECT sum(actioned_within_24h) AS n FROM moderation_region_policy_hourly'),
    decisions: await sum('SELECT sum(decisions) AS n FROM moderation_hourly'),
    reviewed: await sum('SELECT sum(reviewed) AS n FROM review_flow_hourly'),
    reviewedWithinSla: await sum('SELECT sum(reviewed_within_sla) AS n FROM review_flow_hourly'),
    enqueued: await sum('SELECT sum(enqueued) AS n FROM review_flow_hourly'),
  };
}

describe('migration 0015 (appeals by decision hour, "within" as ≤, review SLA from the queue entry)', () => {
  it('rebuilds the rollups from the events stored before it, once, then follows new events', async () => {
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0015')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    await migrate(t.db, t.log, before);
    await t.db.insertRows('test.fixture', 'moderation_decisions', OLD_DECISIONS);
    await t.db.insertRows('test.fixture', 'review_enqueues', [OLD_ENQUEUE]);
    await t.db.insertRows('test.fixture', 'appeal_events', [OLD_APPEAL]);

    await migrate(t.db, t.log);
    const expected = {
      appealsOfDecisionsAt10: 1, appealsOfDecisions: 1, appealsFiled: 1,
      within24h: 2, within24hNarrow: 2, decisions: 3, // D1 (1 min) and D3 (exactly 24 h)
      reviewed: 1, reviewedWithinSla: 1, enqueued: 1, // D2: 30 min from its queue entry, within the 1 h SLA
    };
    expect(await figures()).toEqual(expected);

    // an interrupted migration is applied again from its first statement: nothing doubles
    for (const s of loadMigrations().find((m) => m.version === 15)!.statements) await t.db.command('test.rerun', s);
    expect(await figures()).toEqual(expected);

    // after it: the views follow new events with the new rules
    await t.db.insertRows('test.fixture', 'moderation_decisions', [
      { ...decision('D4', 'removed', '2026-03-04 09:00:00', '2026-03-05 08:00:00', '2026-03-05 09:00:00', 'review-eu', 3600), enqueued_at: '2026-03-05 08:30:00' },
    ]);
    await t.db.insertRows('test.fixture', 'appeal_events', [{ ...OLD_APPEAL, appeal_id: 'A4', decision_id: 'D4', event_at: '2026-03-06 09:00:00', decided_at: '2026-03-05 09:00:00' }]);
    expect(await figures()).toEqual({
      ...expected, appealsOfDecisions: 2, appealsFiled: 2, within24h: 3, within24hNarrow: 3, decisions: 4, reviewed: 2, reviewedWithinSla: 2,
    });
    fs.rmSync(before, { recursive: true, force: true });
  });
});
