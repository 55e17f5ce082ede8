-- Moderation rollups, filled by materialized views at insert time. Every dashboard figure about
-- moderation is read from here, re-aggregated at query time with sum() / sumMap().
--
-- Engine: AggregatingMergeTree with SimpleAggregateFunction columns. Background merges collapse
-- rows with the same key, but a query can never rely on a merge having happened, so readers
-- always GROUP BY and sum again.
-- Grain: hour (UTC). Days and ISO weeks in any whole-hour time zone are re-bucketed from hours.
-- Key: the filters people use first (region, policy), then time, then the other dimensions.
--
-- Durations are kept as histograms: bucket b holds durations d (seconds) with
-- floor(8 * log2(1 + d)) = b, i.e. buckets about 9 % wide. Histograms add up across rows, so
-- p50/p90 of any slice are read from the merged histogram (error under 5 % with interpolation).

CREATE TABLE IF NOT EXISTS moderation_hourly
(
    hour                DateTime('UTC'),
    region              LowCardinality(String),
    country             LowCardinality(String),
    policy              LowCardinality(String),
    content_type        LowCardinality(String),
    detection_source    LowCardinality(String),
    enforcement_path    LowCardinality(String),
    action              LowCardinality(String),
    decisions           SimpleAggregateFunction(sum, UInt64),
    actioned            SimpleAggregateFunction(sum, UInt64),
    -- actioned and first detected by automated detection (before any report)
    proactive_actioned  SimpleAggregateFunction(sum, UInt64),
    automated_decisions SimpleAggregateFunction(sum, UInt64),
    -- actioned within 24 h of posting / with zero views at action time
    actioned_within_24h SimpleAggregateFunction(sum, UInt64),
    actioned_zero_views SimpleAggregateFunction(sum, UInt64),
    -- flag (or report) -> decision, seconds
    tta_hist            SimpleAggregateFunction(sumMap, Tuple(Array(UInt16), Array(UInt64)))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (region, policy, hour, country, content_type, detection_source, enforcement_path, action);

CREATE MATERIALIZED VIEW IF NOT EXISTS moderation_hourly_mv TO moderation_hourly AS
SELECT
    toStartOfHour(decided_at) AS hour,
    region, country, policy, content_type, detection_source, enforcement_path, action,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND decided_at < posted_at + INTERVAL 24 HOUR) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMap([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)]) AS tta_hist
FROM moderation_decisions
GROUP BY hour, region, country, policy, content_type, detection_source, enforcement_path, action;

-- Human review flow: items entering review queues and reviewed decisions leaving them.
-- Backlog at time t = all enqueued before t - all reviewed before t (running sum over hours).
CREATE TABLE IF NOT EXISTS review_flow_hourly
(
    hour                DateTime('UTC'),
    region              LowCardinality(String),
    country             LowCardinality(String),
    policy              LowCardinality(String),
    queue               LowCardinality(String),
    enqueued            SimpleAggregateFunction(sum, UInt64),
    reviewed            SimpleAggregateFunction(sum, UInt64),
    reviewed_within_sla SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (region, policy, hour, country, queue);

CREATE MATERIALIZED VIEW IF NOT EXISTS review_flow_enqueued_mv TO review_flow_hourly AS
SELECT
    toStartOfHour(enqueued_at) AS hour, region, country, policy, queue,
    count() AS enqueued, toUInt64(0) AS reviewed, toUInt64(0) AS reviewed_within_sla
FROM review_enqueues
GROUP BY hour, region, country, policy, queue;

CREATE MATERIALIZED VIEW IF NOT EXISTS review_flow_reviewed_mv TO review_flow_hourly AS
SELECT
    toStartOfHour(decided_at) AS hour, region, country, policy, queue,
    toUInt64(0) AS enqueued,
    count() AS reviewed,
    countIf(dateDiff('second', flagged_at, decided_at) <= sla_seconds) AS reviewed_within_sla
FROM moderation_decisions
WHERE queue != ''
GROUP BY hour, region, country, policy, queue;

-- Appeals: filed and resolved, by the hour of the event.
CREATE TABLE IF NOT EXISTS appeals_hourly
(
    hour               DateTime('UTC'),
    region             LowCardinality(String),
    country            LowCardinality(String),
    policy             LowCardinality(String),
    content_type       LowCardinality(String),
    appeals_filed      SimpleAggregateFunction(sum, UInt64),
    appeals_resolved   SimpleAggregateFunction(sum, UInt64),
    appeals_overturned SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (region, policy, hour, country, content_type);

CREATE MATERIALIZED VIEW IF NOT EXISTS appeals_hourly_mv TO appeals_hourly AS
SELECT
    toStartOfHour(event_at) AS hour, region, country, policy, content_type,
    countIf(event = 'filed') AS appeals_filed,
    countIf(event = 'resolved') AS appeals_resolved,
    countIf(event = 'resolved' AND outcome = 'overturned') AS appeals_overturned
FROM appeal_events
GROUP BY hour, region, country, policy, content_type;
