// Migration 0025 adds daily twins of the annotation rollups. An existing data folder gets them
// filled from what its hourly rollups hold (a day being its 24 hours, distinct annotators merged),
// once even when its statements run again, and the views follow the events arriving after it.
// Expected values are worked out by hand below.
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

const cell = { vendor: 'kestrel', site: 'kestrel-krakow', queue: 'de-fr-general', language: 'de', region: 'EU', policy: 'hate_speech' };
const label = (id: string, annotator: string, at: string, handle: number, golden: '' | 'right' | 'wrong' = '') => ({
  label_id: id, task_id: `t-${id}`, annotator_id: annotator, ...cell, task_created_at: at, submitted_at: at,
  answer: golden === 'wrong' ? 'benign' : 'violating', is_golden: golden ? 1 : 0, gold_answer: golden ? 'violating' : '', handle_seconds: handle, labels_required: 1,
});
const task = (id: string, event: string, at: string, created: string) => ({
  task_id: id, event, event_at: at, task_created_at: created, ...cell, sla_seconds: 3600, labels_required: 1,
});
const audit = (id: string, at: string, passed: number) => ({ audit_id: id, label_id: `l-${id}`, annotator_id: 'a', ...cell, audited_at: at, passed });

/**
 * Stored before 0025:
 *   labels L1 a 2026-03-02 10:00 golden right 30 s, L4 a 10:40 (same hour) 10 s, L2 b 23:30 90 s,
 *          L3 a 2026-03-03 00:10 golden wrong 60 s
 *   tasks  T1 created 03-02 08:00, completed 08:40 (40 min ≤ 1 h SLA: within)
 *          T2 created 03-02 22:00, completed 03-03 01:00 (3 h: late)
 *   audits Q1 03-02 12:00 passed, Q2 03-03 09:00 failed, Q3 03-03 09:30 passed
 * Histogram buckets floor(8·log2(1 + s)): 10 s → 27, 30 s → 39, 60 s → 47, 90 s → 52, 2400 s → 89, 10800 s → 107.
 * So annotation_labels_daily (day: labels, golden, correct, handling s, histogram, annotators):
 *   03-02: 3, 1, 1, 130, {27, 39, 52}, 2 (a, b)     03-03: 1, 1, 0, 60, {47}, 1 (a)   both days: 2 annotators
 * annotation_tasks_daily (day: created, completed, within, histogram):
 *   03-02: 2, 1, 1, {89}     03-03: 0, 1, 0, {107}
 * qa_audits_daily (day: audited, passed): 03-02: 1, 1     03-03: 2, 1
 */
const LABEL_DAYS = [
  { day: '2026-03-02', labels: 3, golden: 1, correct: 1, handling: 130, hist: [[27, 39, 52], [1, 1, 1]], annotators: 2 },
  { day: '2026-03-03', labels: 1, golden: 1, correct: 0, handling: 60, hist: [[47], [1]], annotators: 1 },
];
const TASK_DAYS = [
  { day: '2026-03-02', created: 2, completed: 1, within: 1, hist: [[89], [1]] },
  { day: '2026-03-03', created: 0, completed: 1, within: 0, hist: [[107], [1]] },
];
const AUDIT_DAYS = [
  { day: '2026-03-02', audited: 1, passed: 1 },
  { day: '2026-03-03', audited: 2, passed: 1 },
];

const labelDays = () => t.db.select(
  'test.labels',
  `SELECT toString(day) AS day, toUInt32(sum(labels)) AS labels, toUInt32(sum(golden_labels)) AS golden, toUInt32(sum(golden_correct)) AS correct,
     toUInt32(sum(handle_seconds_total)) AS handling, arrayMap(a -> arrayMap(x -> toUInt32(x), a), [sumMap(handle_hist).1, sumMap(handle_hist).2]) AS hist,
     toUInt32(uniqExactMerge(annotators)) AS annotators
   FROM annotation_labels_daily GROUP BY day ORDER BY day`,
);
const allAnnotators = async () =>
  Number((await t.db.select<{ n: string }>('test.annotators', 'SELECT uniqExactMerge(annotators) AS n FROM annotation_labels_daily'))[0]!.n);
const taskDays = () => t.db.select(
  'test.tasks',
  `SELECT toString(day) AS day, toUInt32(sum(tasks_created)) AS created, toUInt32(sum(tasks_completed)) AS completed, toUInt32(sum(completed_within_sla)) AS within,
     arrayMap(a -> arrayMap(x -> toUInt32(x), a), [sumMap(turnaround_hist).1, sumMap(turnaround_hist).2]) AS hist
   FROM annotation_tasks_daily GROUP BY day ORDER BY day`,
);
const auditDays = () => t.db.select(
  'test.audits',
  'SELECT toString(day) AS day, toUInt32(sum(audited)) AS audited, toUInt32(sum(passed)) AS passed FROM qa_audits_daily GROUP BY day ORDER BY day',
);

describe('migration 0025 (daily annotation rollups)', () => {
  it('fills them from the hourly rollups, once, then follows new events', async () => {
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0025')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    await migrate(t.db, t.log, before);
    await t.db.insertRows('test.fixture', 'annotation_labels', [
      label('L1', 'a', '2026-03-02 10:00:00', 30, 'right'), label('L4', 'a', '2026-03-02 10:40:00', 10),
      label('L2', 'b', '2026-03-02 23:30:00', 90), label('L3', 'a', '2026-03-03 00:10:00', 60, 'wrong'),
    ]);
    await t.db.insertRows('test.fixture', 'annotation_task_events', [
      task('T1', 'created', '2026-03-02 08:00:00', '2026-03-02 08:00:00'), task('T1', 'completed', '2026-03-02 08:40:00', '2026-03-02 08:00:00'),
      task('T2', 'created', '2026-03-02 22:00:00', '2026-03-02 22:00:00'), task('T2', 'completed', '2026-03-03 01:00:00', '2026-03-02 22:00:00'),
    ]);
    await t.db.insertRows('test.fixture', 'qa_audits', [audit('Q1', '2026-03-02 12:00:00', 1), audit('Q2', '2026-03-03 09:00:00', 0), audit('Q3', '2026-03-03 09:30:00', 1)]);

    await migrate(t.db, t.log);
    expect(await labelDays()).toEqual(LABEL_DAYS);
    expect(await allAnnotators()).toBe(2);
    expect(await taskDays()).toEqual(TASK_DAYS);
    expect(await auditDays()).toEqual(AUDIT_DAYS);

    // an interrupted migration is applied again from its first statement: nothing doubles
    for (const s of loadMigrations().find((m) => m.version === 25)!.statements) await t.db.command('test.rerun', s);
    expect(await labelDays()).toEqual(LABEL_DAYS);
    expect(await allAnnotators()).toBe(2);
    expect(await taskDays()).toEqual(TASK_DAYS);
    expect(await auditDays()).toEqual(AUDIT_DAYS);

    // after it: the views add new events to their UTC day (a label by a third annotator, a task
    // created and a passed audit, all on 03-03)
    await t.db.insertRows('test.fixture', 'annotation_labels', [label('L5', 'c', '2026-03-03 05:00:00', 30)]);
    await t.db.insertRows('test.fixture', 'annotation_task_events', [task('T3', 'created', '2026-03-03 02:00:00', '2026-03-03 02:00:00')]);
    await t.db.insertRows('test.fixture', 'qa_audits', [audit('Q4', '2026-03-03 10:00:00', 1)]);
    expect(await labelDays()).toEqual([LABEL_DAYS[0], { ...LABEL_DAYS[1], labels: 2, handling: 90, hist: [[39, 47], [1, 1]], annotators: 2 }]);
    expect(await allAnnotators()).toBe(3);
    expect(await taskDays()).toEqual([TASK_DAYS[0], { ...TASK_DAYS[1], created: 1 }]);
    expect(await auditDays()).toEqual([AUDIT_DAYS[0], { day: '2026-03-03', audited: 3, passed: 2 }]);
  });
});
