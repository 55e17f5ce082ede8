-- Agreement from per-day components (issue 14): Krippendorff's alpha, percent agreement and the
-- disagreement rate read a few rows per day instead of merging every task's answers.
--
-- An agreement figure is a sum over units (a unit is a task with all its answers in the cell):
-- items, disagreeing items, agreeing pairs, pairs, answers per value and the observed
-- disagreement Σ (m² − Σ_c m_c²) / (m − 1) all add up across units. A task whose answers all sit
-- in ONE row of annotation_task_answers (one day, one vendor, site, queue, language, region and
-- policy — nearly every task) is a unit in every cell that holds it, whatever the question, so its
-- components can be added up per (day, dimensions) ahead of time: annotation_agreement_daily.
-- A task spread over several rows (labelled at two sites, say, or carrying two creation days) is
-- split or merged differently by different questions; its rows are copied as they are into
-- annotation_mixed_task_answers and read by the per-task query as before. The two tables hold
-- disjoint sets of tasks, so a figure is the sum of the two reads (server/definitions/tableDecider.ts).
--
-- Both tables are refreshed for the days whose labels changed (server/queries/agreementRefresh.ts),
-- not by views: whether a task is spread over several rows is only known once all its labels are
-- in. A refresh writes every (day, dimensions) row of the day again with a newer version
-- (ReplacingMergeTree, read with FINAL), including `labels_seen`, the day's labels in that cell as the
-- refresh saw them: a day is stale when its labels here differ from annotation_label_days.
-- annotation_task_days (task hash → its days) finds the tasks that carry more than one day.
--
-- Re-runnable: the views are dropped and the tables emptied before they are filled (migrations
-- run before the server accepts data). The components are filled by the first refresh (the
-- server runs one at start; every agreement read runs one first).

DROP VIEW IF EXISTS annotation_label_days_mv;
DROP VIEW IF EXISTS annotation_task_days_mv;

CREATE TABLE IF NOT EXISTS annotation_label_days
(
    day    Date,
    labels SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
ORDER BY day
SETTINGS non_replicated_deduplication_window = 10000;

-- A task's 64-bit hash and each day it was labelled on (toDate(task_created_at) of its labels).
-- A hash collision can only make two tasks look like one spread over two days, which sends both to
-- the per-task query: the figures stay exact.
CREATE TABLE IF NOT EXISTS annotation_task_days
(
    task UInt64,
    day  Date
)
ENGINE = ReplacingMergeTree
ORDER BY (task, day)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS annotation_agreement_daily
(
    day               Date,
    vendor            LowCardinality(String),
    site              LowCardinality(String),
    queue             LowCardinality(String),
    language          LowCardinality(String),
    region            LowCardinality(String),
    policy            LowCardinality(String),
    -- every label of the cell on that day, tasks in one row or not, as the refresh saw them
    labels_seen       UInt64,
    -- the components of the cell's tasks held in one row with two or more answers
    items             UInt64,
    disagreeing_items UInt64,
    agreeing_pairs    UInt64,
    pairs             UInt64,
    answer_counts     Tuple(Array(String), Array(UInt64)),
    disagreement      Float64,
    version           UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(day)
ORDER BY (day, vendor, site, queue, language, region, policy);

CREATE TABLE IF NOT EXISTS annotation_mixed_task_answers
(
    day      Date,
    vendor   LowCardinality(String),
    site     LowCardinality(String),
    queue    LowCardinality(String),
    language LowCardinality(String),
    region   LowCardinality(String),
    policy   LowCardinality(String),
    task_id  String,
    answers  AggregateFunction(groupArray, Tuple(String, String)),
    labels   UInt64,
    version  UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(day)
ORDER BY (day, task_id, vendor, site, queue, language, region, policy);

TRUNCATE TABLE IF EXISTS annotation_label_days;
TRUNCATE TABLE IF EXISTS annotation_task_days;
TRUNCATE TABLE IF EXISTS annotation_agreement_daily;
TRUNCATE TABLE IF EXISTS annotation_mixed_task_answers;

CREATE MATERIALIZED VIEW IF NOT EXISTS annotation_label_days_mv TO annotation_label_days AS
SELECT toDate(task_created_at) AS day, count() AS labels
FROM annotation_labels
GROUP BY day;

CREATE MATERIALIZED VIEW IF NOT EXISTS annotation_task_days_mv TO annotation_task_days AS
SELECT DISTINCT cityHash64(task_id) AS task, toDate(task_created_at) AS day
FROM annotation_labels;

INSERT INTO annotation_label_days (day, labels)
SELECT toDate(task_created_at) AS day, count() AS labels
FROM annotation_labels
GROUP BY day;

INSERT INTO annotation_task_days (task, day)
SELECT DISTINCT cityHash64(task_id) AS task, toDate(task_created_at) AS day
FROM annotation_labels;
