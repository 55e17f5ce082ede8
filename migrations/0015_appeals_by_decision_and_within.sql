-- Three definitions change, and the rollups that hold them are rebuilt from the raw events so an
-- existing data folder gives the new figures (every statement can run again after a failure:
-- the rebuilds empty their table before filling it).
--
-- 1. Appeal rate is a proportion of a cohort: appeals of the decisions actioned in a bucket ÷
--    decisions actioned in that bucket. An appeal therefore carries its decision's time
--    (appeal_events.decided_at, sent by producers), and appeals_hourly gets rows keyed by that
--    hour (appeals_of_decisions) next to its rows keyed by the appeal's own time. Before, appeals
--    filed in an hour were divided by the decisions of that hour: not a subset, so the "rate" went
--    above 1 and its interval was NaN.
-- 2. "Within" means at most: elapsed ≤ limit, everywhere. Removal within 24 h used
--    decided_at < posted_at + 24 h while the SLAs used ≤; it now uses ≤ 86,400 s too.
-- 3. The review-SLA clock starts when the item entered the review queue (moderation_decisions.
--    enqueued_at, sent by producers with the queue and its SLA), not at the first flag.

-- Raw columns. Rows stored before this migration read the DEFAULT; the rebuilds below take the
-- real times from the other raw table where they exist.
ALTER TABLE appeal_events ADD COLUMN IF NOT EXISTS decided_at DateTime('UTC') DEFAULT toDateTime(0, 'UTC');
ALTER TABLE moderation_decisions ADD COLUMN IF NOT EXISTS enqueued_at DateTime('UTC') DEFAULT flagged_at;

-- ---- 1. appeals_hourly ---------------------------------------------------------------------------
ALTER TABLE appeals_hourly ADD COLUMN IF NOT EXISTS appeals_of_decisions SimpleAggregateFunction(sum, UInt64);

DROP VIEW IF EXISTS appeals_hourly_mv;
DROP VIEW IF EXISTS appeals_by_decision_hourly_mv;
TRUNCATE TABLE IF EXISTS appeals_hourly;

-- rows by the appeal's own time (appeals filed, resolved, overturned): unchanged
INSERT INTO appeals_hourly (hour, region, country, policy, content_type, appeals_filed, appeals_resolved, appeals_overturned, appeals_of_decisions)
SELECT
    toStartOfHour(event_at) AS hour, region, country, policy, content_type,
    countIf(event = 'filed'), countIf(event = 'resolved'), countIf(event = 'resolved' AND outcome = 'overturned'), toUInt64(0)
FROM appeal_events
GROUP BY hour, region, country, policy, content_type;

-- rows by the appealed decision's time, with the decision's own slice; appeals stored before
-- this migration find their decision by id (an appeal of an unknown or non-actioned decision is
-- not part of the proportion)
INSERT INTO appeals_hourly (hour, region, country, policy, content_type, appeals_filed, appeals_resolved, appeals_overturned, appeals_of_decisions)
SELECT
    toStartOfHour(d.decided_at) AS hour, d.region, d.country, d.policy, d.content_type,
    toUInt64(0), toUInt64(0), toUInt64(0), count()
FROM appeal_events AS a
INNER JOIN (SELECT decision_id, decided_at, region, country, policy, content_type FROM moderation_decisions WHERE action != 'none') AS d
    ON a.decision_id = d.decision_id
WHERE a.event = 'filed'
GROUP BY hour, d.region, d.country, d.policy, d.content_type;

CREATE MATERIALIZED VIEW IF NOT EXISTS appeals_hourly_mv TO appeals_hourly AS
SELECT
    toStartOfHour(event_at) AS hour, region, country, policy, content_type,
    countIf(event = 'filed') AS appeals_filed,
    countIf(event = 'resolved') AS appeals_resolved,
    countIf(event = 'resolved' AND outcome = 'overturned') AS appeals_overturned,
    toUInt64(0) AS appeals_of_decisions
FROM appeal_events
GROUP BY hour, region, country, policy, content_type;

-- Arrival order does not matter: the appeal brings its decision's time, so it is counted in the
-- right hour whether the decision is already stored or not.
CREATE MATERIALIZED VIEW IF NOT EXISTS appeals_by_decision_hourly_mv TO appeals_hourly AS
SELECT
    toStartOfHour(decided_at) AS hour, region, country, policy, content_type,
    toUInt64(0) AS appeals_filed, toUInt64(0) AS appeals_resolved, toUInt64(0) AS appeals_overturned,
    count() AS appeals_of_decisions
FROM appeal_events
WHERE event = 'filed'
GROUP BY hour, region, country, policy, content_type;

-- ---- 2. removal within 24 h: ≤ -------------------------------------------------------------------
DROP VIEW IF EXISTS moderation_hourly_mv;
DROP VIEW IF EXISTS moderation_region_policy_hourly_mv;
TRUNCATE TABLE IF EXISTS moderation_hourly;
TRUNCATE TABLE IF EXISTS moderation_region_policy_hourly;

INSERT INTO moderation_hourly
SELECT
    toStartOfHour(decided_at) AS hour,
    region, country, policy, content_type, detection_source, enforcement_path, action,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMap([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)]) AS tta_hist
FROM moderation_decisions
GROUP BY hour, region, country, policy, content_type, detection_source, enforcement_path, action;

INSERT INTO moderation_region_policy_hourly
SELECT hour, region, policy, sum(decisions), sum(actioned), sum(proactive_actioned), sum(automated_decisions),
       sum(actioned_within_24h), sum(actioned_zero_views), sumMap(tta_hist)
FROM moderation_hourly
GROUP BY hour, region, policy;

CREATE MATERIALIZED VIEW IF NOT EXISTS moderation_hourly_mv TO moderation_hourly AS
SELECT
    toStartOfHour(decided_at) AS hour,
    region, country, policy, content_type, detection_source, enforcement_path, action,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMap([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)]) AS tta_hist
FROM moderation_decisions
GROUP BY hour, region, country, policy, content_type, detection_source, enforcement_path, action;

CREATE MATERIALIZED VIEW IF NOT EXISTS moderation_region_policy_hourly_mv TO moderation_region_policy_hourly AS
SELECT
    toStartOfHour(decided_at) AS hour,
    region, policy,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMap([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)]) AS tta_hist
FROM moderation_decisions
GROUP BY hour, region, policy;

-- ---- 3. review SLA from the queue entry ----------------------------------------------------------
DROP VIEW IF EXISTS review_flow_reviewed_mv;
DROP VIEW IF EXISTS review_flow_enqueued_mv;
TRUNCATE TABLE IF EXISTS review_flow_hourly;

INSERT INTO review_flow_hourly
SELECT
    toStartOfHour(enqueued_at) AS hour, region, country, policy, queue,
    count() AS enqueued, toUInt64(0) AS reviewed, toUInt64(0) AS reviewed_within_sla
FROM review_enqueues
GROUP BY hour, region, country, policy, queue;

-- decisions stored before this migration: the item's latest entry into the same queue (from
-- review_enqueues; an unmatched row of the LEFT JOIN reads the epoch); without one, the first flag
-- (the old clock)
INSERT INTO review_flow_hourly
SELECT
    toStartOfHour(d.decided_at) AS hour, d.region, d.country, d.policy, d.queue,
    toUInt64(0) AS enqueued,
    count() AS reviewed,
    countIf(dateDiff('second', if(e.entered > toDateTime(0, 'UTC'), e.entered, d.flagged_at), d.decided_at) <= d.sla_seconds) AS reviewed_within_sla
FROM moderation_decisions AS d
LEFT JOIN (SELECT content_id, queue, max(enqueued_at) AS entered FROM review_enqueues GROUP BY content_id, queue) AS e
    ON d.content_id = e.content_id AND d.queue = e.queue
WHERE d.queue != ''
GROUP BY hour, d.region, d.country, d.policy, d.queue;

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
    countIf(dateDiff('second', enqueued_at, decided_at) <= sla_seconds) AS reviewed_within_sla
FROM moderation_decisions
WHERE queue != ''
GROUP BY hour, region, country, policy, queue;
