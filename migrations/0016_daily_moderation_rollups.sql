-- Daily moderation rollups, for everything a day-or-coarser question asks (most of the
-- dashboard): the table decider (server/metrics/tableDecider.ts) reads them for whole UTC days and
-- the hourly rollups only for the hours at the edges of a range, for hour grain, and for days
-- or weeks in a time zone other than UTC (a UTC day is not a local day there).
--
--   moderation_daily                 the seven dimensions of moderation_hourly, by UTC day: any
--                                    moderation question at day grain (the Moderation page lets
--                                    people group and filter by all seven);
--   moderation_region_policy_daily   region × policy by UTC day: at most 96 rows a day, what the
--                                    Overview and most filters ask.
--
-- Same columns, definitions and engine as the hourly ones (migrations 0002, 0005, 0015): sums, and
-- time-to-action histograms merged per day (sumMap), so a day's percentile is read from exactly
-- the histogram the hourly rows of that day add up to.
--
-- Filled by views from the raw table at insert time, like the hourly rollups; the ingestion
-- journal (0014) replays batches with deduplication tokens, so every table a replay reaches keeps
-- a deduplication window.
--
-- Backfilled from the raw table. Every statement can run again after a failure: the views are
-- dropped and the tables emptied before they are filled, so a re-run never counts a decision
-- twice (migrations run before the server accepts data: nothing arrives in between).

CREATE TABLE IF NOT EXISTS moderation_daily
(
    day                 Date,
    region              LowCardinality(String),
    country             LowCardinality(String),
    policy              LowCardinality(String),
    content_type        LowCardinality(String),
    detection_source    LowCardinality(String),
    enforcement_path    LowCardinality(String),
    action              LowCardinality(String),
    decisions           SimpleAggregateFunction(sum, UInt64),
    actioned            SimpleAggregateFunction(sum, UInt64),
    proactive_actioned  SimpleAggregateFunction(sum, UInt64),
    automated_decisions SimpleAggregateFunction(sum, UInt64),
    actioned_within_24h SimpleAggregateFunction(sum, UInt64),
    actioned_zero_views SimpleAggregateFunction(sum, UInt64),
    tta_hist            SimpleAggregateFunction(sumMap, Tuple(Array(UInt16), Array(UInt64)))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region, policy, day, country, content_type, detection_source, enforcement_path, action)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS moderation_region_policy_daily
(
    day                 Date,
    region              LowCardinality(String),
    policy              LowCardinality(String),
    decisions           SimpleAggregateFunction(sum, UInt64),
    actioned            SimpleAggregateFunction(sum, UInt64),
    proactive_actioned  SimpleAggregateFunction(sum, UInt64),
    automated_decisions SimpleAggregateFunction(sum, UInt64),
    actioned_within_24h SimpleAggregateFunction(sum, UInt64),
    actioned_zero_views SimpleAggregateFunction(sum, UInt64),
    tta_hist            SimpleAggregateFunction(sumMap, Tuple(Array(UInt16), Array(UInt64)))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region, policy, day)
SETTINGS non_replicated_deduplication_window = 10000;

DROP VIEW IF EXISTS moderation_daily_mv;
DROP VIEW IF EXISTS moderation_region_policy_daily_mv;
TRUNCATE TABLE IF EXISTS moderation_daily;
TRUNCATE TABLE IF EXISTS moderation_region_policy_daily;

INSERT INTO moderation_daily
SELECT
    toDate(decided_at, 'UTC') AS day,
    region, country, policy, content_type, detection_source, enforcement_path, action,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMap([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)]) AS tta_hist
FROM moderation_decisions
GROUP BY day, region, country, policy, content_type, detection_source, enforcement_path, action;

INSERT INTO moderation_region_policy_daily
SELECT
    toDate(decided_at, 'UTC') AS day,
    region, policy,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMap([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)]) AS tta_hist
FROM moderation_decisions
GROUP BY day, region, policy;

CREATE MATERIALIZED VIEW IF NOT EXISTS moderation_daily_mv TO moderation_daily AS
SELECT
    toDate(decided_at, 'UTC') AS day,
    region, country, policy, content_type, detection_source, enforcement_path, action,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMap([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)]) AS tta_hist
FROM moderation_decisions
GROUP BY day, region, country, policy, content_type, detection_source, enforcement_path, action;

CREATE MATERIALIZED VIEW IF NOT EXISTS moderation_region_policy_daily_mv TO moderation_region_policy_daily AS
SELECT
    toDate(decided_at, 'UTC') AS day,
    region, policy,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMap([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)]) AS tta_hist
FROM moderation_decisions
GROUP BY day, region, policy;
