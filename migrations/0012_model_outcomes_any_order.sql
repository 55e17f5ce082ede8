-- Model outcomes whichever side arrives first, one outcome per (prediction, label source).
--
-- Rule: a prediction has at most one outcome per label source, given by that source's latest label
-- of the item and policy: the highest labelled_at, ties broken by the highest label_id. A relabel,
-- backfill or correction therefore replaces the earlier judgement instead of adding a second one.
--
-- How it stays correct, in any arrival order and cheaply at tens of millions of predictions:
--   * model_outcomes holds signed rows (sign = +1 counts an outcome, -1 takes it back). Each insert
--     of labels or of predictions RECONCILES the items it touches: it computes the outcomes those
--     items should have now (every prediction of the item joined to the winning label of each
--     source) and the outcomes model_outcomes counts for them, and writes only the difference.
--     A later label that changes a verdict writes -1 of the old outcome and +1 of the new one; a
--     label that arrives before its prediction waits in labels_by_content and is joined when the
--     prediction is inserted; a label that loses to a newer one writes nothing.
--   * model_performance_daily sums the signs, so the dashboards keep reading one small rollup:
--     no per-prediction work at read time (computing "latest label" when reading would scan every
--     labelled prediction of the range on every chart).
--   * Every lookup goes through a primary key sorted by content id (predictions_by_content,
--     labels_by_content, model_outcomes): an insert reads only the rows of the items it carries.
--   * model_outcomes is a SummingMergeTree on sign keyed by (item, prediction, source, label):
--     merges add a +1 and its -1 up to 0 and drop the row, so retracted outcomes do not pile up.
--   * Reconciling is idempotent (a second run finds nothing to change), so the deduplication of
--     migration 0006 still applies: a retried batch re-runs these views, which write nothing
--     already written. Inserts touching the same items must not run at the same time (each would
--     miss the other's rows): the ingestor writes model-predictions and ground-truth one batch at a
--     time, in one lane.
--   * One gap remains: a process killed after writing a block of model_outcomes but before the
--     rollup's block of the same insert leaves the rollup short, since the retried batch then
--     finds nothing left to reconcile. Running the statements of this file again rebuilds both
--     from the raw tables.
-- Measured on the default demo (1.46 M scores, 119 k labels, 2-core machine, embedded engine): the
-- rebuild below takes ~4 s; a batch of 5,000 labels ingests in ~0.7 s, 5,000 scores in ~0.8 s
-- (5,000 moderation decisions: ~1.1 s).
-- The INSERTs at the end rebuild everything from the raw tables, so an existing data folder gets
-- the new figures; the tables are dropped first, so re-running this file after an interruption
-- does not double anything.

DROP VIEW IF EXISTS model_outcomes_mv;
DROP VIEW IF EXISTS model_performance_daily_mv;
DROP VIEW IF EXISTS model_outcomes_on_labels_mv;
DROP VIEW IF EXISTS model_outcomes_on_predictions_mv;
DROP VIEW IF EXISTS labels_by_content_mv;
DROP TABLE IF EXISTS model_performance_daily;
DROP TABLE IF EXISTS model_outcomes;
DROP TABLE IF EXISTS labels_by_content;

-- Every ground-truth label, sorted by item: the labels of a batch of predictions are read through
-- the primary key. All labels are kept (not only the latest), so the winner never depends on
-- which merge ran first.
CREATE TABLE labels_by_content
(
    content_id   String,
    policy       LowCardinality(String),
    label_source LowCardinality(String),
    label_id     String,
    is_violating UInt8,
    labelled_at  DateTime('UTC')
)
ENGINE = MergeTree
ORDER BY (content_id, policy)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW labels_by_content_mv TO labels_by_content AS
SELECT content_id, policy, label_source, label_id, is_violating, labelled_at
FROM ground_truth_labels;

-- Signed outcomes: the sum of sign over a (prediction, label source) is 1 for its current outcome
-- and 0 for every label that lost to a later one.
CREATE TABLE model_outcomes
(
    content_id    String,
    policy        LowCardinality(String),
    prediction_id String,
    label_source  LowCardinality(String),
    label_id      String,
    scored_at     DateTime('UTC'),
    labelled_at   DateTime('UTC'),
    model_id      LowCardinality(String),
    model_version LowCardinality(String),
    region        LowCardinality(String),
    country       LowCardinality(String),
    score         Float32,
    threshold     Float32,
    is_violating  UInt8,
    sign          Int32
)
ENGINE = SummingMergeTree(sign)
PARTITION BY toYYYYMM(scored_at)
ORDER BY (content_id, policy, prediction_id, label_source, label_id)
SETTINGS non_replicated_deduplication_window = 10000;

-- Same columns and grain as migration 0003, with signed counts so a retraction subtracts.
CREATE TABLE model_performance_daily
(
    day            Date,
    model_id       LowCardinality(String),
    model_version  LowCardinality(String),
    region         LowCardinality(String),
    policy         LowCardinality(String),
    label_source   LowCardinality(String),
    deployed_threshold SimpleAggregateFunction(max, Float32),
    true_positives  SimpleAggregateFunction(sum, Int64),
    false_positives SimpleAggregateFunction(sum, Int64),
    false_negatives SimpleAggregateFunction(sum, Int64),
    true_negatives  SimpleAggregateFunction(sum, Int64),
    positive_score_hist SimpleAggregateFunction(sumMap, Tuple(Array(UInt8), Array(Int64))),
    negative_score_hist SimpleAggregateFunction(sumMap, Tuple(Array(UInt8), Array(Int64)))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (model_id, policy, region, day, model_version, label_source)
SETTINGS non_replicated_deduplication_window = 10000;

-- Buckets as in migration 0003 (score * 100 rounded to 4 decimals, so 0.90 lands in bucket 90).
CREATE MATERIALIZED VIEW model_performance_daily_mv TO model_performance_daily AS
SELECT
    toDate(scored_at) AS day, model_id, model_version, region, policy, label_source,
    max(threshold) AS deployed_threshold,
    sumIf(toInt64(sign), score >= threshold AND is_violating = 1) AS true_positives,
    sumIf(toInt64(sign), score >= threshold AND is_violating = 0) AS false_positives,
    sumIf(toInt64(sign), score < threshold AND is_violating = 1) AS false_negatives,
    sumIf(toInt64(sign), score < threshold AND is_violating = 0) AS true_negatives,
    sumMapIf([toUInt8(least(99, floor(round(toFloat64(score) * 100, 4))))], [toInt64(sign)], is_violating = 1) AS positive_score_hist,
    sumMapIf([toUInt8(least(99, floor(round(toFloat64(score) * 100, 4))))], [toInt64(sign)], is_violating = 0) AS negative_score_hist
FROM model_outcomes
GROUP BY day, model_id, model_version, region, policy, label_source;

-- Labels inserted: reconcile every prediction of the items and policies in the block. Inside a
-- materialized view, ground_truth_labels is the inserted block only; labels_by_content may or may
-- not hold the block yet (views run in no promised order), so the block's own labels are taken
-- from the block and excluded from labels_by_content. A view fires on inserts into the first
-- table of its query, hence ground_truth_labels first.
CREATE MATERIALIZED VIEW model_outcomes_on_labels_mv TO model_outcomes AS
SELECT content_id, policy, prediction_id, label_source, label_id, scored_at, labelled_at, model_id, model_version, region, country,
       score, threshold, is_violating, sum(s) AS sign
FROM
(
    SELECT p.content_id AS content_id, p.policy AS policy, p.prediction_id AS prediction_id, w.label_source AS label_source,
           w.latest_label_id AS label_id, p.scored_at AS scored_at, w.latest_labelled_at AS labelled_at, p.model_id AS model_id,
           p.model_version AS model_version, p.region AS region, p.country AS country, p.score AS score, p.threshold AS threshold,
           w.latest_is_violating AS is_violating, toInt32(1) AS s
    FROM
    (
        SELECT content_id, policy, label_source,
               argMax(label_id, (labelled_at, label_id)) AS latest_label_id,
               max(labelled_at) AS latest_labelled_at,
               argMax(is_violating, (labelled_at, label_id)) AS latest_is_violating
        FROM
        (
            SELECT content_id, policy, label_source, label_id, is_violating, labelled_at
            FROM ground_truth_labels
            UNION ALL
            SELECT content_id, policy, label_source, label_id, is_violating, labelled_at
            FROM labels_by_content
            WHERE content_id IN (SELECT content_id FROM ground_truth_labels)
              AND (content_id, policy) IN (SELECT content_id, policy FROM ground_truth_labels)
              AND label_id NOT IN (SELECT label_id FROM ground_truth_labels)
        )
        GROUP BY content_id, policy, label_source
    ) AS w
    INNER JOIN
    (
        SELECT content_id, policy, prediction_id, scored_at, model_id, model_version, region, country, score, threshold
        FROM predictions_by_content
        WHERE content_id IN (SELECT content_id FROM ground_truth_labels)
    ) AS p ON p.content_id = w.content_id AND p.policy = w.policy

    UNION ALL

    SELECT content_id, policy, prediction_id, label_source, label_id, scored_at, labelled_at, model_id, model_version, region, country,
           score, threshold, is_violating, -sign AS s
    FROM model_outcomes
    WHERE content_id IN (SELECT content_id FROM ground_truth_labels)
      AND (content_id, policy) IN (SELECT content_id, policy FROM ground_truth_labels)
)
GROUP BY content_id, policy, prediction_id, label_source, label_id, scored_at, labelled_at, model_id, model_version, region, country,
         score, threshold, is_violating
HAVING sign != 0;

-- Predictions inserted: join them to the labels already there (labels that came first). Inside
-- the view, model_predictions is the inserted block only.
CREATE MATERIALIZED VIEW model_outcomes_on_predictions_mv TO model_outcomes AS
SELECT content_id, policy, prediction_id, label_source, label_id, scored_at, labelled_at, model_id, model_version, region, country,
       score, threshold, is_violating, sum(s) AS sign
FROM
(
    SELECT p.content_id AS content_id, p.policy AS policy, p.prediction_id AS prediction_id, w.label_source AS label_source,
           w.latest_label_id AS label_id, p.scored_at AS scored_at, w.latest_labelled_at AS labelled_at, p.model_id AS model_id,
           p.model_version AS model_version, p.region AS region, p.country AS country, p.score AS score, p.threshold AS threshold,
           w.latest_is_violating AS is_violating, toInt32(1) AS s
    FROM
    (
        SELECT content_id, policy, prediction_id, scored_at, model_id, model_version, region, country, score, threshold
        FROM model_predictions
    ) AS p
    INNER JOIN
    (
        SELECT content_id, policy, label_source,
               argMax(label_id, (labelled_at, label_id)) AS latest_label_id,
               max(labelled_at) AS latest_labelled_at,
               argMax(is_violating, (labelled_at, label_id)) AS latest_is_violating
        FROM labels_by_content
        WHERE content_id IN (SELECT content_id FROM model_predictions)
        GROUP BY content_id, policy, label_source
    ) AS w ON p.content_id = w.content_id AND p.policy = w.policy

    UNION ALL

    SELECT content_id, policy, prediction_id, label_source, label_id, scored_at, labelled_at, model_id, model_version, region, country,
           score, threshold, is_violating, -sign AS s
    FROM model_outcomes
    WHERE content_id IN (SELECT content_id FROM model_predictions)
      AND prediction_id IN (SELECT prediction_id FROM model_predictions)
)
GROUP BY content_id, policy, prediction_id, label_source, label_id, scored_at, labelled_at, model_id, model_version, region, country,
         score, threshold, is_violating
HAVING sign != 0;

-- Rebuild from the raw tables (the rollup fills through model_performance_daily_mv).
INSERT INTO labels_by_content
SELECT content_id, policy, label_source, label_id, is_violating, labelled_at
FROM ground_truth_labels;

INSERT INTO model_outcomes
SELECT p.content_id AS content_id, p.policy AS policy, p.prediction_id AS prediction_id, w.label_source AS label_source,
       w.latest_label_id AS label_id, p.scored_at AS scored_at, w.latest_labelled_at AS labelled_at, p.model_id AS model_id,
       p.model_version AS model_version, p.region AS region, p.country AS country, p.score AS score, p.threshold AS threshold,
       w.latest_is_violating AS is_violating, toInt32(1) AS sign
FROM predictions_by_content AS p
INNER JOIN
(
    SELECT content_id, policy, label_source,
           argMax(label_id, (labelled_at, label_id)) AS latest_label_id,
           max(labelled_at) AS latest_labelled_at,
           argMax(is_violating, (labelled_at, label_id)) AS latest_is_violating
    FROM labels_by_content
    GROUP BY content_id, policy, label_source
) AS w ON p.content_id = w.content_id AND p.policy = w.policy;
