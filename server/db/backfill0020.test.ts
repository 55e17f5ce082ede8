// Migration 0020 adds daily review-flow and appeal rollups. An existing data folder gets them
// filled from what its hourly rollups hold, once even when its statements run again, and the views
// follow the events arriving after it. Expected values are worked out by hand below.
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

const entry = (id: string, region: string, at: string) => ({
  enqueue_id: id, content_id: `c-${id}`, enqueued_at: at, region, country: region === 'EU' ? 'DE' : 'US', policy: 'hate_speech', queue: 'review-eu', sla_seconds: 3600,
});
const decision = (id: string, region: string, enqueued: string, decided: string) => ({
  decision_id: id, content_id: `c-${id}`, region, country: region === 'EU' ? 'DE' : 'US', policy: 'hate_speech', content_type: 'video',
  detection_source: 'user_report', enforcement_path: 'human', action: 'removed', posted_at: enqueued, flagged_at: enqueued, enqueued_at: enqueued,
  decided_at: decided, views_at_action: 5, queue: 'review-eu', sla_seconds: 3600, model_id: '', model_version: '',
});
const appeal = (id: string, event: string, at: string, decided: string, outcome = '') => ({
  appeal_id: id, decision_id: `d-${id}`, event, event_at: at, decided_at: decided, region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', outcome,
});

/**
 * Stored before 0020:
 *   entries E1 EU 2026-03-02 10:00, E2 EU 2026-03-02 23:30, E3 NA 2026-03-03 00:10
 *   decisions R1 EU entered 10:00, decided 2026-03-02 10:30 (30 min ≤ 1 h SLA: within)
 *             R2 EU entered 23:30, decided 2026-03-03 01:00 (90 min: not within; day 03-03)
 *   appeal A1 filed 2026-03-02 12:00 of a decision of 2026-03-01 22:00, resolved overturned 2026-03-03 08:00
 * So review_flow_daily (day, region: enqueued, reviewed, within):
 *   03-02 EU: 2, 1, 1     03-03 EU: 0, 1, 0     03-03 NA: 1, 0, 0
 * and appeals_daily (day: filed, resolved, overturned, of decisions):
 *   03-01: 0, 0, 0, 1 (by the decision's day)   03-02: 1, 0, 0, 0   03-03: 0, 1, 1, 0
 */
const FLOWS = [
  { day: '2026-03-02', region: 'EU', enqueued: 2, reviewed: 1, within: 1 },
  { day: '2026-03-03', region: 'EU', enqueued: 0, reviewed: 1, within: 0 },
  { day: '2026-03-03', region: 'NA', enqueued: 1, reviewed: 0, within: 0 },
];
const APPEAL_DAYS = [
  { day: '2026-03-01', filed: 0, resolved: 0, overturned: 0, of_decisions: 1 },
  { day: '2026-03-02', filed: 1, resolved: 0, overturned: 0, of_decisions: 0 },
  { day: '2026-03-03', filed: 0, resolved: 1, overturned: 1, of_decisions: 0 },
];

const flows = () => t.db.select(
  'test.flows',
  'SELECT day, region, sum(enqueued) AS enqueued, sum(reviewed) AS reviewed, sum(reviewed_within_sla) AS within FROM review_flow_daily GROUP BY day, region ORDER BY day, region',
);
const appealDays = () => t.db.select(
  'test.appeals',
  `SELECT day, sum(appeals_filed) AS filed, sum(appeals_resolved) AS resolved, sum(appeals_overturned) AS overturned, sum(appeals_of_decisions) AS of_decisions
   FROM appeals_daily GROUP BY day ORDER BY day`,
);

describe('migration 0020 (daily review-flow and appeal rollups)', () => {
  it('fills them from the hourly rollups, once, then follows new events', async () => {
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0020')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    await migrate(t.db, t.log, before);
    await t.db.insertRows('test.fixture', 'review_enqueues', [entry('E1', 'EU', '2026-03-02 10:00:00'), entry('E2', 'EU', '2026-03-02 23:30:00'), entry('E3', 'NA', '2026-03-03 00:10:00')]);
    await t.db.insertRows('test.fixture', 'moderation_decisions', [decision('R1', 'EU', '2026-03-02 10:00:00', '2026-03-02 10:30:00'), decision('R2', 'EU', '2026-03-02 23:30:00', '2026-03-03 01:00:00')]);
    await t.db.insertRows('test.fixture', 'appeal_events', [
      appeal('A1', 'filed', '2026-03-02 12:00:00', '2026-03-01 22:00:00'), appeal('A1', 'resolved', '2026-03-03 08:00:00', '2026-03-01 22:00:00', 'overturned'),
    ]);

    await migrate(t.db, t.log);
    expect(await flows()).toEqual(FLOWS);
    expect(await appealDays()).toEqual(APPEAL_DAYS);

    // an interrupted migration is applied again from its first statement: nothing doubles
    for (const s of loadMigrations().find((m) => m.version === 20)!.statements) await t.db.command('test.rerun', s);
    expect(await flows()).toEqual(FLOWS);
    expect(await appealDays()).toEqual(APPEAL_DAYS);

    // after it: the views add new events to their UTC day (an entry and a review within SLA on 03-03 NA, a filed appeal on 03-03)
    await t.db.insertRows('test.fixture', 'review_enqueues', [entry('E4', 'NA', '2026-03-03 05:00:00')]);
    await t.db.insertRows('test.fixture', 'moderation_decisions', [decision('R4', 'NA', '2026-03-03 05:00:00', '2026-03-03 05:20:00')]);
    await t.db.insertRows('test.fixture', 'appeal_events', [appeal('A2', 'filed', '2026-03-03 09:00:00', '2026-03-02 09:00:00')]);
    expect(await flows()).toEqual([FLOWS[0], FLOWS[1], { day: '2026-03-03', region: 'NA', enqueued: 2, reviewed: 1, within: 1 }]);
    expect(await appealDays()).toEqual([
      APPEAL_DAYS[0], { ...APPEAL_DAYS[1], of_decisions: 1 }, { ...APPEAL_DAYS[2], filed: 1 },
    ]);
  });
});
