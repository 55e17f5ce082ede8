// A fixture for every metric family, small enough that each expected figure can be worked out
// by hand from the rows here. Tests compute their expectations from these rows with plain
// filters and counts, never with the code under test.
import type { Database } from '../db/database.js';
import { MODERATION_FIXTURE, ENQUEUE_FIXTURE } from './fixtures.js';

export type Row = Record<string, string | number>;

/** Moderation: the six decisions of fixtures.ts plus three on other days, for day/week/zone buckets. */
export const DECISIONS: Row[] = [
  ...MODERATION_FIXTURE,
  // Sunday 2026-03-01 23:30 UTC: Monday 08:30 in Tokyo (next day, next ISO week there)
  { ...MODERATION_FIXTURE[0]!, decision_id: '7', content_id: 'c-7', region: 'SEA', country: 'PH', policy: 'harassment_bullying', posted_at: '2026-03-01 23:00:00', flagged_at: '2026-03-01 23:10:00', decided_at: '2026-03-01 23:30:00', views_at_action: 0 },
  // Wednesday 2026-03-04 04:00 UTC: Tuesday 23:00 in New York. Flagged 6 h before the decision but
  // queued for review 2 h before it: within its 3 h SLA, which runs from the queue entry
  { ...MODERATION_FIXTURE[1]!, decision_id: '8', content_id: 'c-8', region: 'NA', country: 'US', policy: 'hate_speech', action: 'removed', posted_at: '2026-03-03 20:00:00', flagged_at: '2026-03-03 22:00:00', enqueued_at: '2026-03-04 02:00:00', decided_at: '2026-03-04 04:00:00', views_at_action: 40, queue: 'review-na', sla_seconds: 10800 },
  // Monday 2026-03-09 (next ISO week), removed exactly 24 h after it was posted: within 24 h
  { ...MODERATION_FIXTURE[3]!, decision_id: '9', content_id: 'c-9', decided_at: '2026-03-09 12:00:05', posted_at: '2026-03-08 12:00:05', flagged_at: '2026-03-09 12:00:01' },
];

/** #8 entering the NA review queue (the other entries are fixtures.ts's). */
export const ENQUEUES: Row[] = [
  { enqueue_id: 'e8', content_id: 'c-8', enqueued_at: '2026-03-04 02:00:00', region: 'NA', country: 'US', policy: 'hate_speech', queue: 'review-na', sla_seconds: 10800 },
];

export const APPEALS: Row[] = [
  // decided_at: the appealed decision's time (#1 at 10:01:00, #4 at 10:20:10)
  { appeal_id: 'a1', decision_id: '1', event: 'filed', event_at: '2026-03-02 11:10:00', decided_at: '2026-03-02 10:01:00', region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', outcome: '' },
  { appeal_id: 'a1', decision_id: '1', event: 'resolved', event_at: '2026-03-03 09:00:00', decided_at: '2026-03-02 10:01:00', region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', outcome: 'overturned' },
  { appeal_id: 'a4', decision_id: '4', event: 'filed', event_at: '2026-03-02 12:00:00', decided_at: '2026-03-02 10:20:10', region: 'NA', country: 'US', policy: 'spam_fake_engagement', content_type: 'video', outcome: '' },
  { appeal_id: 'a4', decision_id: '4', event: 'resolved', event_at: '2026-03-03 10:00:00', decided_at: '2026-03-02 10:20:10', region: 'NA', country: 'US', policy: 'spam_fake_engagement', content_type: 'video', outcome: 'upheld' },
];

/** Model: scikit-learn's example (y = 0 0 1 1, scores 0.1 0.4 0.35 0.8) as random audits, plus human reviews of flagged items. */
const prediction = (id: string, score: number, version = '3.3', region = 'SEA', policy = 'harassment_bullying', day = '2026-03-02') => ({
  prediction_id: `s-${id}`, content_id: id, scored_at: `${day} 10:00:00`, model_id: 'safety-mm', model_version: version,
  region, country: region === 'SEA' ? 'PH' : 'US', policy, score, threshold: 0.5,
});
export const PREDICTIONS: Row[] = [
  prediction('m1', 0.1), prediction('m2', 0.4), prediction('m3', 0.35), prediction('m4', 0.8),
  prediction('m5', 0.9), prediction('m6', 0.6), prediction('m7', 0.7, '3.2', 'NA', 'hate_speech', '2026-03-03'),
];
const truth = (id: string, source: string, violating: number) => ({
  label_id: `${id}-${source}`, content_id: id, policy: id === 'm7' ? 'hate_speech' : 'harassment_bullying', label_source: source, is_violating: violating, labelled_at: '2026-03-06 00:00:00',
});
export const GROUND_TRUTH: Row[] = [
  truth('m1', 'random_audit', 0), truth('m2', 'random_audit', 0), truth('m3', 'random_audit', 1), truth('m4', 'random_audit', 1),
  truth('m5', 'human_review', 1), truth('m6', 'human_review', 0), truth('m4', 'human_review', 1), truth('m7', 'golden_set', 1),
];

/**
 * Annotation: Krippendorff's (2011) 4 observers × 12 units as 12 tasks of one queue (observer A–D
 * = annotators a–d), and golden, audited and timed labels on three single-label tasks.
 */
const KRIPPENDORFF = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const annotation = { vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general', language: 'es', region: 'LATAM', policy: 'hate_speech' };
export const LABELS: Row[] = [
  ...KRIPPENDORFF.flatMap((values, observer) =>
    values.flatMap((v, unit) =>
      v === null ? [] : [{
        label_id: `k${unit + 1}-${'abcd'[observer]}`, task_id: `k${unit + 1}`, annotator_id: 'abcd'[observer]!, ...annotation,
        task_created_at: '2026-03-02 09:00:00', submitted_at: '2026-03-02 10:30:00', answer: String(v), is_golden: 0, gold_answer: '',
        handle_seconds: 60, labels_required: 4,
      }],
    ),
  ),
  { label_id: 'g1-a', task_id: 'g1', annotator_id: 'a', ...annotation, vendor: 'kestrel', site: 'kestrel-krakow', queue: 'de-fr-general', language: 'de', region: 'EU', task_created_at: '2026-03-02 09:00:00', submitted_at: '2026-03-02 09:20:00', answer: 'violating', is_golden: 1, gold_answer: 'violating', handle_seconds: 30, labels_required: 1 },
  { label_id: 'g2-e', task_id: 'g2', annotator_id: 'e', ...annotation, vendor: 'kestrel', site: 'kestrel-krakow', queue: 'de-fr-general', language: 'de', region: 'EU', task_created_at: '2026-03-02 09:00:00', submitted_at: '2026-03-03 09:20:00', answer: 'benign', is_golden: 1, gold_answer: 'violating', handle_seconds: 90, labels_required: 1 },
  { label_id: 'g3-e', task_id: 'g3', annotator_id: 'e', ...annotation, task_created_at: '2026-03-02 09:00:00', submitted_at: '2026-03-02 10:10:00', answer: 'benign', is_golden: 1, gold_answer: 'benign', handle_seconds: 120, labels_required: 1 },
];

const task = (id: string, event: string, at: string, created: string, sla = 3600, extra: Row = {}) => ({
  task_id: id, event, event_at: at, task_created_at: created, ...annotation, sla_seconds: sla, labels_required: 1, ...extra,
});
export const TASK_EVENTS: Row[] = [
  task('t1', 'created', '2026-03-02 08:00:00', '2026-03-02 08:00:00'),
  task('t2', 'created', '2026-03-02 08:30:00', '2026-03-02 08:30:00'),
  task('t3', 'created', '2026-03-02 09:00:00', '2026-03-02 09:00:00'),
  task('t1', 'completed', '2026-03-02 08:40:00', '2026-03-02 08:00:00'), // 40 min: within the 1 h SLA
  task('t2', 'completed', '2026-03-02 10:30:00', '2026-03-02 08:30:00'), // 2 h: late
];

export const AUDITS: Row[] = [
  { audit_id: 'q1', label_id: 'g1-a', annotator_id: 'a', ...annotation, audited_at: '2026-03-03 12:00:00', passed: 1 },
  { audit_id: 'q2', label_id: 'g3-e', annotator_id: 'e', ...annotation, audited_at: '2026-03-03 12:00:00', passed: 1 },
  { audit_id: 'q3', label_id: 'k1-a', annotator_id: 'a', ...annotation, audited_at: '2026-03-03 13:00:00', passed: 0 },
];

export async function loadAnalyticsFixture(db: Database): Promise<void> {
  await db.insertRows('test.fixture', 'moderation_decisions', DECISIONS);
  await db.insertRows('test.fixture', 'review_enqueues', [...ENQUEUE_FIXTURE, ...ENQUEUES]);
  await db.insertRows('test.fixture', 'appeal_events', APPEALS);
  await db.insertRows('test.fixture', 'model_predictions', PREDICTIONS);
  await db.insertRows('test.fixture', 'ground_truth_labels', GROUND_TRUTH);
  await db.insertRows('test.fixture', 'annotation_labels', LABELS);
  await db.insertRows('test.fixture', 'annotation_task_events', TASK_EVENTS);
  await db.insertRows('test.fixture', 'qa_audits', AUDITS);
}
