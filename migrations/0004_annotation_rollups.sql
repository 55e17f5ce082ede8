-- Annotation rollups: throughput and quality per hour (UTC) by vendor, site, queue, language,
-- region and policy. Key starts with vendor and queue: annotation views filter on those first.
-- Durations are histograms in the same buckets as moderation (floor(8 * log2(1 + seconds))).

CREATE TABLE IF NOT EXISTS annotation_labels_hourly
(
    hour           DateTime('UTC'),
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
    -- distinct annotators: exact, mergeable across hours and slices
    annotators     AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (vendor, queue, hour, site, language, region, policy);

CREATE MATERIALIZED VIEW IF NOT EXISTS annotation_labels_hourly_mv TO annotation_labels_hourly AS
SELECT
    toStartOfHour(submitted_at) AS hour, vendor, site, queue, language, region, policy,
    count() AS labels,
    countIf(is_golden = 1) AS golden_labels,
    countIf(is_golden = 1 AND answer = gold_answer) AS golden_correct,
    sum(toUInt64(handle_seconds)) AS handle_seconds_total,
    sumMap([toUInt16(floor(8 * log2(1 + handle_seconds)))], [toUInt64(1)]) AS handle_hist,
    uniqExactState(annotator_id) AS annotators
FROM annotation_labels
GROUP BY hour, vendor, site, queue, language, region, policy;

CREATE TABLE IF NOT EXISTS annotation_tasks_hourly
(
    hour                  DateTime('UTC'),
    vendor                LowCardinality(String),
    site                  LowCardinality(String),
    queue                 LowCardinality(String),
    language              LowCardinality(String),
    region                LowCardinality(String),
    policy                LowCardinality(String),
    tasks_created         SimpleAggregateFunction(sum, UInt64),
    tasks_completed       SimpleAggregateFunction(sum, UInt64),
    completed_within_sla  SimpleAggregateFunction(sum, UInt64),
    -- task created -> completed, seconds
    turnaround_hist       SimpleAggregateFunction(sumMap, Tuple(Array(UInt16), Array(UInt64)))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (vendor, queue, hour, site, language, region, policy);

CREATE MATERIALIZED VIEW IF NOT EXISTS annotation_tasks_hourly_mv TO annotation_tasks_hourly AS
SELECT
    toStartOfHour(event_at) AS hour, vendor, site, queue, language, region, policy,
    countIf(event = 'created') AS tasks_created,
    countIf(event = 'completed') AS tasks_completed,
    countIf(event = 'completed' AND dateDiff('second', task_created_at, event_at) <= sla_seconds) AS completed_within_sla,
    sumMapIf([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', task_created_at, event_at)))))], [toUInt64(1)], event = 'completed') AS turnaround_hist
FROM annotation_task_events
GROUP BY hour, vendor, site, queue, language, region, policy;

CREATE TABLE IF NOT EXISTS qa_audits_hourly
(
    hour     DateTime('UTC'),
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
PARTITION BY toYYYYMM(hour)
ORDER BY (vendor, queue, hour, site, language, region, policy);

CREATE MATERIALIZED VIEW IF NOT EXISTS qa_audits_hourly_mv TO qa_audits_hourly AS
SELECT
    toStartOfHour(audited_at) AS hour, vendor, site, queue, language, region, policy,
    count() AS audited, countIf(passed = 1) AS passed
FROM qa_audits
GROUP BY hour, vendor, site, queue, language, region, policy;

-- Agreement needs every answer of an item together: one row per multi-labelled task holding
-- (annotator, answer) pairs, keyed by the task's creation day. Percent agreement,
-- Krippendorff's alpha, Cohen's kappa and the disagreement rate are computed from these rows.
CREATE TABLE IF NOT EXISTS annotation_task_answers
(
    day      Date,
    vendor   LowCardinality(String),
    site     LowCardinality(String),
    queue    LowCardinality(String),
    language LowCardinality(String),
    region   LowCardinality(String),
    policy   LowCardinality(String),
    task_id  String,
    answers  AggregateFunction(groupArray, Tuple(String, String))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (vendor, queue, day, task_id, site, language, region, policy);

CREATE MATERIALIZED VIEW IF NOT EXISTS annotation_task_answers_mv TO annotation_task_answers AS
SELECT
    toDate(task_created_at) AS day, vendor, site, queue, language, region, policy, task_id,
    groupArrayState((annotator_id, toString(answer))) AS answers
FROM annotation_labels
WHERE labels_required >= 2
GROUP BY day, vendor, site, queue, language, region, policy, task_id;
