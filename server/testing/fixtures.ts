// Small hand-made event sets whose expected figures are worked out by hand in the tests.
import type { Database } from '../db/database.js';

const decision = (
  id: string, region: string, country: string, policy: string, source: string, path: string, action: string,
  posted: string, flagged: string, decided: string, views: number, queue = '', sla = 0,
) => ({
  decision_id: id, content_id: `c-${id}`, region, country, policy, content_type: 'video', detection_source: source,
  enforcement_path: path, action, posted_at: posted, flagged_at: flagged, decided_at: decided, views_at_action: views,
  queue, sla_seconds: sla, model_id: source === 'automated' ? 'safety-mm' : '', model_version: source === 'automated' ? '3.2' : '',
});

/**
 * Six decisions on Monday 2026-03-02, in the hours 10:00 (H1) and 11:00 (H2) UTC:
 *   #1 EU DE hate   automated/automated removed        posted 10:00:00 flagged 10:00:30 decided 10:01:00  0 views
 *   #2 EU DE hate   user report/human   none           posted 08:00    flagged 09:30    decided 10:30    50 views  review-eu 24 h
 *   #3 EU FR hate   automated/hybrid    restricted     posted 03-01 09:00 flagged 09:00 decided 10:59:59 1000 views review-eu 24 h
 *   #4 NA US spam   automated/automated removed        posted 10:20:00 flagged 10:20:05 decided 10:20:10  0 views
 *   #5 NA US spam   trusted flagger/human account_action posted 03-01 12:00 flagged 10:00 decided 11:00  10 views review-na 1 h
 *   #6 EU DE hate   user report/human   removed        posted 11:00    flagged 11:05    decided 11:30     3 views review-eu 20 min
 */
export const MODERATION_FIXTURE = [
  decision('1', 'EU', 'DE', 'hate_speech', 'automated', 'automated', 'removed', '2026-03-02 10:00:00', '2026-03-02 10:00:30', '2026-03-02 10:01:00', 0),
  decision('2', 'EU', 'DE', 'hate_speech', 'user_report', 'human', 'none', '2026-03-02 08:00:00', '2026-03-02 09:30:00', '2026-03-02 10:30:00', 50, 'review-eu', 86400),
  decision('3', 'EU', 'FR', 'hate_speech', 'automated', 'hybrid', 'restricted', '2026-03-01 09:00:00', '2026-03-02 09:00:00', '2026-03-02 10:59:59', 1000, 'review-eu', 86400),
  decision('4', 'NA', 'US', 'spam_fake_engagement', 'automated', 'automated', 'removed', '2026-03-02 10:20:00', '2026-03-02 10:20:05', '2026-03-02 10:20:10', 0),
  decision('5', 'NA', 'US', 'spam_fake_engagement', 'trusted_flagger', 'human', 'account_action', '2026-03-01 12:00:00', '2026-03-02 10:00:00', '2026-03-02 11:00:00', 10, 'review-na', 3600),
  decision('6', 'EU', 'DE', 'hate_speech', 'user_report', 'human', 'removed', '2026-03-02 11:00:00', '2026-03-02 11:05:00', '2026-03-02 11:30:00', 3, 'review-eu', 1200),
];

/** Items entering review: #2, #3, #5, #6 above, plus one NA item still waiting. */
export const ENQUEUE_FIXTURE = [
  { enqueue_id: 'e2', content_id: 'c-2', enqueued_at: '2026-03-02 09:30:00', region: 'EU', country: 'DE', policy: 'hate_speech', queue: 'review-eu', sla_seconds: 86400 },
  { enqueue_id: 'e3', content_id: 'c-3', enqueued_at: '2026-03-02 09:00:00', region: 'EU', country: 'FR', policy: 'hate_speech', queue: 'review-eu', sla_seconds: 86400 },
  { enqueue_id: 'e5', content_id: 'c-5', enqueued_at: '2026-03-02 10:00:00', region: 'NA', country: 'US', policy: 'spam_fake_engagement', queue: 'review-na', sla_seconds: 3600 },
  { enqueue_id: 'e6', content_id: 'c-6', enqueued_at: '2026-03-02 11:05:00', region: 'EU', country: 'DE', policy: 'hate_speech', queue: 'review-eu', sla_seconds: 1200 },
  { enqueue_id: 'e7', content_id: 'c-7', enqueued_at: '2026-03-02 11:40:00', region: 'NA', country: 'US', policy: 'spam_fake_engagement', queue: 'review-na', sla_seconds: 3600 },
];

export async function loadModerationFixture(db: Database): Promise<void> {
  await db.insertRows('test.fixture', 'moderation_decisions', MODERATION_FIXTURE);
  await db.insertRows('test.fixture', 'review_enqueues', ENQUEUE_FIXTURE);
}
