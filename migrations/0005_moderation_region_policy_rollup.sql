-- A narrow moderation rollup for the questions dashboards ask most: by region and policy only.
-- moderation_hourly keeps seven dimensions, so it holds nearly one row per few decisions at demo
-- volume; this one keeps (hour, region, policy), at most 96 rows an hour. The query layer reads
-- it whenever a question uses no other moderation dimension (see server/metrics/rollups.ts).
-- Same engine, columns and rules as moderation_hourly (migration 0002).

CREATE TABLE IF NOT EXISTS moderation_region_policy_hourly
(
    hour                DateTime('UTC'),
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
PARTITION BY toYYYYMM(hour)
ORDER BY (region, policy, hour);

-- Backfill from the wide rollup, once: only while the new table is empty (migrations run before
-- the server accepts data, so nothing arrives between this and the view below).
INSERT INTO moderation_region_policy_hourly
SELECT hour, region, policy, sum(decisions), sum(actioned), sum(proactive_actioned), sum(automated_decisions),
       sum(actioned_within_24h), sum(actioned_zero_views), sumMap(tta_hist)
FROM moderation_hourly
WHERE (SELECT count() FROM moderation_region_policy_hourly) = 0
GROUP BY hour, region, policy;

CREATE MATERIALIZED VIEW IF NOT EXISTS moderation_region_policy_hourly_mv TO moderation_region_policy_hourly AS
SELECT
    toStartOfHour(decided_at) AS hour,
    region, policy,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND decided_at < posted_at + INTERVAL 24 HOUR) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMap([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)]) AS tta_hist
FROM moderation_decisions
GROUP BY hour, region, policy;
