-- Labels per annotator and hour, for the kappa panel's annotator pickers: who labelled in a slice,
-- and how much. annotation_labels_hourly keeps annotators only inside a distinct-count state (how
-- many, not who), so this rollup keeps the annotator as a key instead of reading raw labels.
-- Sorted like the raw table (vendor, queue, hour), which serves the vendor scope, the queue
-- filter and the range.

CREATE TABLE IF NOT EXISTS annotator_labels_hourly
(
    hour         DateTime('UTC'),
    vendor       LowCardinality(String),
    site         LowCardinality(String),
    queue        LowCardinality(String),
    language     LowCardinality(String),
    region       LowCardinality(String),
    policy       LowCardinality(String),
    annotator_id String,
    labels       SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (vendor, queue, hour, annotator_id, site, language, region, policy)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS annotator_labels_hourly_mv TO annotator_labels_hourly AS
SELECT toStartOfHour(submitted_at) AS hour, vendor, site, queue, language, region, policy, annotator_id, count() AS labels
FROM annotation_labels
GROUP BY hour, vendor, site, queue, language, region, policy, annotator_id;

-- The labels stored before this migration. Only into an empty rollup, so a migration interrupted
-- after this statement and applied again does not count them twice. (Run migrations with
-- ingestion paused: a batch landing between the view and this statement would count twice.)
INSERT INTO annotator_labels_hourly
SELECT toStartOfHour(submitted_at) AS hour, vendor, site, queue, language, region, policy, annotator_id, count() AS labels
FROM annotation_labels
WHERE (SELECT count() FROM annotator_labels_hourly) = 0
GROUP BY hour, vendor, site, queue, language, region, policy, annotator_id;
