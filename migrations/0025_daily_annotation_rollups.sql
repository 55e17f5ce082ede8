-- Daily twins of the annotation rollups (as 0016 and 0020 for moderation, review flows and
-- appeals): the same dimensions, sums and histograms by UTC day. The table decider
-- (server/definitions/tableDecider.ts) reads them for the whole UTC days of a question that needs
-- no finer time, and for the whole days before a date (the labelling backlog carried in, or as it
-- stands at the end of a range).
--
-- annotation_labels_daily also keeps the distinct annotators as a uniqExact state per day: merging
-- the states of a day's 24 hours is the exact set of that day's annotators, and merging days the
-- exact set of the range's, so a distinct count read from days equals the one read from hours.
-- What does not hold is adding two reads: a distinct count over a range is not the sum of its
-- parts' counts, so the decider reads a distinct count from the daily twin only when the whole
-- range is whole UTC days (one read), and from the hourly rollup otherwise.
--
-- The backfill reads the hourly rollups (a day is its 24 hours: sums added, histograms merged by
-- sumMap, annotator states merged), so it gives the figures the hourly rollups give, by
-- construction. Views from the raw tables fill the twins from now on, with the hourly views'
-- definitions (0004). Re-runnable: the views are dropped and the twins emptied before they are
-- filled (migrations run before the server accepts data: nothing arrives in between).
--
-- The catalogue (dimension_values, 0024) keeps reading the values of these rollups from the hourly
-- tables its views already follow: the values are the same in both, and views on the twins would
-- only write every value twice.

CREATE TABLE IF NOT EXISTS annotation_labels_daily
(
    day            Date,
    vendor         LowCardinality(String),
    site           LowCardinality(String),
    queue          LowCardinality(String),
    language       LowCardinality(String),
    region         LowCardinality(String),
    policy         LowCardinality(String),
    labels         SimpleAggregateFunction(sum, UInt64),
    golden_labels  SimpleAggregateFunction(sum, UInt64),
    golden_correct SimpleAggregateFunction(sum, UInt64),
    handle_seconds_total SimpleAggregateFunction(sum, UInt64),
    handle_hist    SimpleAggregateFunction(sumMap, Tuple(Array(UInt16), Array(UInt64))),
    annotators     AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (vendor, queue, day, site, language, region, policy)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS annotation_tasks_daily
(
    day                   Date,
    vendor                LowCardinality(String),
    site                  LowCardinality(String),
    queue                 LowCardinality(String),
    language              LowCardinality(String),
    region                LowCardinality(String),
    policy                LowCardinality(String),
    tasks_created         SimpleAggregateFunction(sum, UInt64),
    tasks_completed       SimpleAggregateFunction(sum, UInt64),
    completed_within_sla  SimpleAggregateFunction(sum, UInt64),
    turnaround_hist       SimpleAggregateFunction(sumMap, Tuple(Array(UInt16), Array(UInt64)))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (vendor, queue, day, site, language, region, policy)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS qa_audits_daily
(
    day      Date,
    vendor   LowCardinality(String),
    site     LowCardinality(String),
    queue    LowCardinality(String),
    language LowCardinality(String),
    region   LowCardinality(String),
    policy   LowCardinality(String),
    audited  SimpleAggregateFunction(sum, UInt64),
    passed   SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (vendor, queue, day, site, language, region, policy)
SETTINGS non_replicated_deduplication_window = 10000;

DROP VIEW IF EXISTS annotation_labels_daily_mv;
DROP VIEW IF EXISTS annotation_tasks_daily_mv;
DROP VIEW IF EXISTS qa_audits_daily_mv;
TRUNCATE TABLE IF EXISTS annotation_labels_daily;
TRUNCATE TABLE IF EXISTS annotation_tasks_daily;
TRUNCATE TABLE IF EXISTS qa_audits_daily;

INSERT INTO annotation_labels_daily
SELECT toDate(hour, 'UTC') AS day, vendor, site, queue, language, region, policy,
    sum(labels), sum(golden_labels), sum(golden_correct), sum(handle_seconds_total), sumMap(handle_hist),
    uniqExactMergeState(annotators)
FROM annotation_labels_hourly
GROUP BY day, vendor, site, queue, language, region, policy;

INSERT INTO annotation_tasks_daily
SELECT toDate(hour, 'UTC') AS day, vendor, site, queue, language, region, policy,
    sum(tasks_created), sum(tasks_completed), sum(completed_within_sla), sumMap(turnaround_hist)
FROM annotation_tasks_hourly
GROUP BY day, vendor, site, queue, language, region, policy;

INSERT INTO qa_audits_daily
SELECT toDate(hour, 'UTC') AS day, vendor, site, queue, language, region, policy, sum(audited), sum(passed)
FROM qa_audits_hourly
GROUP BY day, vendor, site, queue, language, region, policy;

CREATE MATERIALIZED VIEW IF NOT EXISTS annotation_labels_daily_mv TO annotation_labels_daily AS
SELECT
    toDate(submitted_at, 'UTC') AS day, vendor, site, queue, language, region, policy,
    count() AS labels,
    countIf(is_golden = 1) AS golden_labels,
    countIf(is_golden = 1 AND answer = gold_answer) AS golden_correct,
    sum(toUInt64(handle_seconds)) AS handle_seconds_total,
    sumMap([toUInt16(floor(8 * log2(1 + handle_seconds)))], [toUInt64(1)]) AS handle_hist,
    uniqExactState(annotator_id) AS annotators
FROM annotation_labels
GROUP BY day, vendor, site, queue, language, region, policy;

CREATE MATERIALIZED VIEW IF NOT EXISTS annotation_tasks_daily_mv TO annotation_tasks_daily AS
SELECT
    toDate(event_at, 'UTC') AS day, vendor, site, queue, language, region, policy,
    countIf(event = 'created') AS tasks_created,
    countIf(event = 'completed') AS tasks_completed,
    countIf(event = 'completed' AND dateDiff('second', task_created_at, event_at) <= sla_seconds) AS completed_within_sla,
    sumMapIf([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', task_created_at, event_at)))))], [toUInt64(1)], event = 'completed') AS turnaround_hist
FROM annotation_task_events
GROUP BY day, vendor, site, queue, language, region, policy;

CREATE MATERIALIZED VIEW IF NOT EXISTS qa_audits_daily_mv TO qa_audits_daily AS
SELECT
    toDate(audited_at, 'UTC') AS day, vendor, site, queue, language, region, policy,
    count() AS audited, countIf(passed = 1) AS passed
FROM qa_audits
GROUP BY day, vendor, site, queue, language, region, policy;
