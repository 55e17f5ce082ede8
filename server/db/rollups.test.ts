// The rollups filled by materialized views must agree exactly with the raw events: checked on
// hand-made fixtures against figures worked out by hand (in the comments), and against the raw
// tables themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { loadModerationFixture } from '../testing/fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadModerationFixture(t.db);
});
afterAll(async () => t.close());

const rows = <T>(sql: string) => t.db.select<T>('test.rollups', sql);
const numbers = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]));

describe('moderation rollups', () => {
  it('count decisions and their outcomes per hour and region as worked out by hand', async () => {
    const got = (await rows<Record<string, unknown>>(`
      SELECT hour, region, sum(decisions) AS decisions, sum(actioned) AS actioned, sum(proactive_actioned) AS proactive,
             sum(automated_decisions) AS automated, sum(actioned_within_24h) AS within_24h, sum(actioned_zero_views) AS zero_views
      FROM moderation_hourly GROUP BY hour, region ORDER BY hour, region`)).map(numbers);
    expect(got).toEqual([
      // #1 #2 #3: actioned #1 #3, both first found by automation; #1 automated; #3 posted 26 h before; #1 no views
      { hour: '2026-03-02 10:00:00', region: 'EU', decisions: 3, actioned: 2, proactive: 2, automated: 1, within_24h: 1, zero_views: 1 },
      // #4: automated removal within seconds, no views
      { hour: '2026-03-02 10:00:00', region: 'NA', decisions: 1, actioned: 1, proactive: 1, automated: 1, within_24h: 1, zero_views: 1 },
      // #6: removed after a user report, 30 min after posting, 3 views
      { hour: '2026-03-02 11:00:00', region: 'EU', decisions: 1, actioned: 1, proactive: 0, automated: 0, within_24h: 1, zero_views: 0 },
      // #5: account action after a trusted flag, 23 h after posting, 10 views
      { hour: '2026-03-02 11:00:00', region: 'NA', decisions: 1, actioned: 1, proactive: 0, automated: 0, within_24h: 1, zero_views: 0 },
    ]);
  });

  it('keep time to action as a histogram of floor(8·log2(1 + seconds))', async () => {
    const got = await rows<{ keys: number[]; counts: string[] }>(`
      SELECT sumMap(tta_hist).1 AS keys, sumMap(tta_hist).2 AS counts
      FROM moderation_hourly WHERE hour = '2026-03-02 10:00:00' AND region = 'EU'`);
    // #1: 30 s -> 8·log2(31) = 39.6; #2: 3600 s -> 8·log2(3601) = 94.5; #3: 7199 s -> 8·log2(7200) = 102.5
    expect(got[0]!.keys).toEqual([39, 94, 102]);
    expect(got[0]!.counts.map(Number)).toEqual([1, 1, 1]);
  });

  it('track the review flow: enqueued, reviewed, reviewed within the queue SLA', async () => {
    const got = (await rows<Record<string, unknown>>(`
      SELECT hour, queue, sum(enqueued) AS enqueued, sum(reviewed) AS reviewed, sum(reviewed_within_sla) AS within_sla
      FROM review_flow_hourly GROUP BY hour, queue ORDER BY hour, queue`)).map(numbers);
    expect(got).toEqual([
      { hour: '2026-03-02 09:00:00', queue: 'review-eu', enqueued: 2, reviewed: 0, within_sla: 0 }, // e2, e3 enqueued
      { hour: '2026-03-02 10:00:00', queue: 'review-eu', enqueued: 0, reviewed: 2, within_sla: 2 }, // #2 after 1 h, #3 after 2 h (SLA 24 h)
      { hour: '2026-03-02 10:00:00', queue: 'review-na', enqueued: 1, reviewed: 0, within_sla: 0 }, // e5
      { hour: '2026-03-02 11:00:00', queue: 'review-eu', enqueued: 1, reviewed: 1, within_sla: 0 }, // e6; #6 after 25 min (SLA 20 min)
      { hour: '2026-03-02 11:00:00', queue: 'review-na', enqueued: 1, reviewed: 1, within_sla: 1 }, // e7 waiting; #5 after exactly 1 h (SLA 1 h)
    ]);
  });

  it('agree with the raw table for every dimension combination', async () => {
    const fromRollup = await rows<Record<string, string>>(`
      SELECT region, country, policy, content_type, detection_source, enforcement_path, action, sum(decisions) AS n
      FROM moderation_hourly GROUP BY ALL ORDER BY ALL`);
    const fromRaw = await rows<Record<string, string>>(`
      SELECT region, country, policy, content_type, detection_source, enforcement_path, action, count() AS n
      FROM moderation_decisions GROUP BY ALL ORDER BY ALL`);
    expect(fromRollup).toEqual(fromRaw);
    expect(fromRaw).toHaveLength(6);
  });
});

describe('the region × policy moderation rollup', () => {
  it('holds the same sums and histograms as the wide rollup', async () => {
    const columns = 'sum(decisions), sum(actioned), sum(proactive_actioned), sum(automated_decisions), sum(actioned_within_24h), sum(actioned_zero_views), sumMap(tta_hist)';
    const wide = await rows(`SELECT hour, region, policy, ${columns} FROM moderation_hourly GROUP BY ALL ORDER BY ALL`);
    const narrow = await rows(`SELECT hour, region, policy, ${columns} FROM moderation_region_policy_hourly GROUP BY ALL ORDER BY ALL`);
    expect(narrow).toEqual(wide);
    expect(narrow).toHaveLength(4);
  });
});

describe('model rollups', () => {
  beforeAll(async () => {
    const p = (id: string, score: number) => ({
      prediction_id: `s${id}`, content_id: id, scored_at: '2026-03-02 10:00:00', model_id: 'safety-mm', model_version: '3.3',
      region: 'SEA', country: 'PH', policy: 'harassment_bullying', score, threshold: 0.5,
    });
    await t.db.insertRows('test.fixture', 'model_predictions', [p('x1', 0.9), p('x2', 0.29), p('x3', 0.7), p('x4', 0.5), p('x5', 0.1)]);
    const g = (id: string, source: string, violating: number) => ({
      label_id: `${id}-${source}`, content_id: id, policy: 'harassment_bullying', label_source: source, is_violating: violating, labelled_at: '2026-03-05 00:00:00',
    });
    // labels arrive later, in two batches; x5 is never labelled
    await t.db.insertRows('test.fixture', 'ground_truth_labels', [g('x1', 'random_audit', 1), g('x2', 'random_audit', 1)]);
    await t.db.insertRows('test.fixture', 'ground_truth_labels', [g('x3', 'random_audit', 0), g('x4', 'random_audit', 0), g('x1', 'human_review', 1)]);
  });

  it('join late labels to their predictions and count the confusion matrix at the deployed threshold', async () => {
    const got = (await rows<Record<string, unknown>>(`
      SELECT label_source, sum(true_positives) AS tp, sum(false_positives) AS fp, sum(false_negatives) AS fn, sum(true_negatives) AS tn
      FROM model_performance_daily GROUP BY label_source ORDER BY label_source`)).map(numbers);
    // random audit: x1 0.9 violating (TP), x2 0.29 violating (FN), x3 0.7 benign (FP), x4 0.5 benign (FP: 0.5 >= 0.5)
    expect(got).toEqual([
      { label_source: 'human_review', tp: 1, fp: 0, fn: 0, tn: 0 },
      { label_source: 'random_audit', tp: 1, fp: 2, fn: 1, tn: 0 },
    ]);
  });

  it('bucket scores by hundredths, with 0.90 in bucket 90 despite Float32', async () => {
    const got = await rows<{ pk: number[]; nk: number[] }>(`
      SELECT sumMap(positive_score_hist).1 AS pk, sumMap(negative_score_hist).1 AS nk
      FROM model_performance_daily WHERE label_source = 'random_audit'`);
    expect(got[0]).toEqual({ pk: [29, 90], nk: [50, 70] });
  });

  it('keep every score for drift, labelled or not', async () => {
    const got = (await rows<Record<string, unknown>>('SELECT sum(predictions) AS n, sum(flagged) AS flagged FROM model_scores_daily')).map(numbers);
    expect(got).toEqual([{ n: 5, flagged: 3 }]); // x1, x3, x4 at or above 0.5
  });
});

describe('annotation rollups', () => {
  beforeAll(async () => {
    const label = (id: string, task: string, annotator: string, answer: string, golden: string, handle: number, required: number) => ({
      label_id: id, task_id: task, annotator_id: annotator, vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general', language: 'es',
      region: 'LATAM', policy: 'hate_speech', task_created_at: '2026-03-02 09:00:00', submitted_at: '2026-03-02 10:15:00',
      answer, is_golden: golden ? 1 : 0, gold_answer: golden, handle_seconds: handle, labels_required: required,
    });
    await t.db.insertRows('test.fixture', 'annotation_labels', [
      label('l1', 'g1', 'a1', 'violating', 'violating', 10, 1), // golden, correct
      label('l2', 'g2', 'a1', 'benign', 'benign', 20, 1), // golden, correct
      label('l3', 'g3', 'a2', 'benign', 'violating', 30, 1), // golden, wrong
      label('l4', 'm1', 'a3', 'violating', '', 40, 3), // multi-labelled task m1
      label('l5', 'm1', 'a2', 'borderline', '', 50, 3),
    ]);
    const task = (id: string, event: string, eventAt: string) => ({
      task_id: id, event, event_at: eventAt, task_created_at: '2026-03-02 09:00:00', vendor: 'tessera', site: 'tessera-bogota',
      queue: 'es-general', language: 'es', region: 'LATAM', policy: 'hate_speech', sla_seconds: 3600, labels_required: 1,
    });
    await t.db.insertRows('test.fixture', 'annotation_task_events', [
      task('g1', 'created', '2026-03-02 09:00:00'), task('g2', 'created', '2026-03-02 09:00:00'),
      task('g1', 'completed', '2026-03-02 09:40:00'), task('g2', 'completed', '2026-03-02 10:15:00'),
    ]);
    const audit = (id: string, passed: number) => ({
      audit_id: `q${id}`, label_id: id, annotator_id: 'a1', vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general', language: 'es',
      region: 'LATAM', policy: 'hate_speech', audited_at: '2026-03-03 12:00:00', passed,
    });
    await t.db.insertRows('test.fixture', 'qa_audits', [audit('l1', 1), audit('l2', 1), audit('l3', 0)]);
  });

  it('count labels, golden answers, handle time and distinct annotators', async () => {
    const got = (await rows<Record<string, unknown>>(`
      SELECT sum(labels) AS labels, sum(golden_labels) AS golden, sum(golden_correct) AS correct,
             sum(handle_seconds_total) AS handle, uniqExactMerge(annotators) AS annotators
      FROM annotation_labels_hourly`)).map(numbers);
    expect(got).toEqual([{ labels: 5, golden: 3, correct: 2, handle: 150, annotators: 3 }]);
  });

  it('count tasks created and completed, and completed within the SLA', async () => {
    const got = (await rows<Record<string, unknown>>(`
      SELECT hour, sum(tasks_created) AS created, sum(tasks_completed) AS completed, sum(completed_within_sla) AS within_sla
      FROM annotation_tasks_hourly GROUP BY hour ORDER BY hour`)).map(numbers);
    expect(got).toEqual([
      { hour: '2026-03-02 09:00:00', created: 2, completed: 1, within_sla: 1 }, // g1 done after 40 min
      { hour: '2026-03-02 10:00:00', created: 0, completed: 1, within_sla: 0 }, // g2 after 75 min (SLA 1 h)
    ]);
  });

  it("count QA audits and passes, and keep every task's answers together, whatever labels_required announced", async () => {
    const qa = (await rows<Record<string, unknown>>('SELECT sum(audited) AS audited, sum(passed) AS passed FROM qa_audits_hourly')).map(numbers);
    expect(qa).toEqual([{ audited: 3, passed: 2 }]);
    const answers = await rows<{ task_id: string; answers: [string, string][] }>(
      'SELECT task_id, arraySort(groupArrayMerge(answers)) AS answers FROM annotation_task_answers GROUP BY task_id ORDER BY task_id',
    );
    // a task may get its second answer later: single answers are kept too (migration 0011)
    expect(answers).toEqual([
      { task_id: 'g1', answers: [['a1', 'violating']] },
      { task_id: 'g2', answers: [['a1', 'benign']] },
      { task_id: 'g3', answers: [['a2', 'benign']] },
      { task_id: 'm1', answers: [['a2', 'borderline'], ['a3', 'violating']] },
    ]);
  });
});

describe('deduplication windows (migration 0006)', () => {
  it('never merge two different inserts that aggregate to the same rollup rows', async () => {
    const before = (await rows<{ n: string }>("SELECT sum(decisions) AS n FROM moderation_hourly WHERE hour = '2026-04-01 10:00:00'"))[0]!;
    const decision = (id: string) => ({
      decision_id: id, content_id: `c-${id}`, decided_at: '2026-04-01 10:05:00', posted_at: '2026-04-01 10:00:00', flagged_at: '2026-04-01 10:01:00',
      region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', detection_source: 'automated', enforcement_path: 'automated',
      action: 'removed', views_at_action: 0, queue: '', sla_seconds: 0, model_id: '', model_version: '',
    });
    // each insert yields the same rollup block (one row: that hour and cell, count 1)
    await t.db.insertRows('test.fixture', 'moderation_decisions', [decision('same-cell-1')]);
    await t.db.insertRows('test.fixture', 'moderation_decisions', [decision('same-cell-2')]);
    const after = await rows<{ n: string; raw: string }>(
      "SELECT (SELECT sum(decisions) FROM moderation_hourly WHERE hour = '2026-04-01 10:00:00') AS n, (SELECT count() FROM moderation_decisions WHERE decision_id LIKE 'same-cell-%') AS raw",
    );
    expect(Number(after[0]!.raw)).toBe(2);
    expect(Number(after[0]!.n)).toBe(Number(before.n ?? 0) + 2);
  });
});
