-- Ingestion that never double-counts. Two mechanisms, both before any materialized view sees a
-- duplicate:
--   1. ingest_seen remembers every event id accepted per stream (sorted by stream and id, so a
--      batch's ids are looked up through the primary key). A batch inserts only the events whose
--      ids are not there yet; re-sent and overlapping batches add nothing.
--   2. Each insert carries a deduplication token derived from the ids it writes. If a server dies
--      between writing the raw table, its rollups and ingest_seen, the producer's retry computes
--      the same token, and ClickHouse skips every block already written — in the raw table and in
--      each rollup separately (deduplicate_blocks_in_dependent_materialized_views) — and writes
--      only what is missing. Non-replicated MergeTree tables keep the last N block hashes only when
--      non_replicated_deduplication_window is set, hence the settings below on every table an
--      ingested event reaches.

CREATE TABLE IF NOT EXISTS ingest_seen
(
    stream      LowCardinality(String),
    event_id    String,
    batch_token String,
    at          DateTime('UTC')
)
ENGINE = ReplacingMergeTree
ORDER BY (stream, event_id)
SETTINGS non_replicated_deduplication_window = 10000;

ALTER TABLE moderation_decisions MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE review_enqueues MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE appeal_events MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE model_predictions MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE ground_truth_labels MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE annotation_task_events MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE annotation_labels MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE qa_audits MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE moderation_hourly MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE moderation_region_policy_hourly MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE review_flow_hourly MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE appeals_hourly MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE predictions_by_content MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE model_outcomes MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE model_performance_daily MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE model_scores_daily MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE annotation_labels_hourly MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE annotation_tasks_hourly MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE qa_audits_hourly MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE annotation_task_answers MODIFY SETTING non_replicated_deduplication_window = 10000;
