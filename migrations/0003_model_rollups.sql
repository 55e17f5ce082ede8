-- Model performance. Ground truth arrives days after the score, so the prediction-label join
-- happens when the label arrives: the view on ground_truth_labels looks the labelled items up
-- in predictions_by_content, a copy of the predictions sorted by content id (inside a
-- materialized view, the subquery on ground_truth_labels reads only the inserted block, so each
-- insert reads just the matching predictions through the primary key, never the whole table).
-- A label that arrives before its prediction is not joined (producers send scores first).

CREATE TABLE IF NOT EXISTS predictions_by_content
(
    content_id    String,
    policy        LowCardinality(String),
    prediction_id String,
    scored_at     DateTime('UTC'),
    model_id      LowCardinality(String),
    model_version LowCardinality(String),
    region        LowCardinality(String),
    country       LowCardinality(String),
    score         Float32,
    threshold     Float32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(scored_at)
ORDER BY (content_id, policy);

CREATE MATERIALIZED VIEW IF NOT EXISTS predictions_by_content_mv TO predictions_by_content AS
SELECT content_id, policy, prediction_id, scored_at, model_id, model_version, region, country, score, threshold
FROM model_predictions;

-- One row per (prediction, ground-truth label): the scored item with its true class.
CREATE TABLE IF NOT EXISTS model_outcomes
(
    prediction_id String,
    content_id    String,
    scored_at     DateTime('UTC'),
    labelled_at   DateTime('UTC'),
    model_id      LowCardinality(String),
    model_version LowCardinality(String),
    region        LowCardinality(String),
    country       LowCardinality(String),
    policy        LowCardinality(String),
    label_source  LowCardinality(String),
    score         Float32,
    threshold     Float32,
    is_violating  UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(scored_at)
ORDER BY (model_id, policy, region, scored_at);

CREATE MATERIALIZED VIEW IF NOT EXISTS model_outcomes_mv TO model_outcomes AS
SELECT
    p.prediction_id AS prediction_id, g.content_id AS content_id, p.scored_at AS scored_at,
    g.labelled_at AS labelled_at, p.model_id AS model_id, p.model_version AS model_version,
    p.region AS region, p.country AS country, g.policy AS policy, g.label_source AS label_source,
    p.score AS score, p.threshold AS threshold, g.is_violating AS is_violating
FROM ground_truth_labels AS g
INNER JOIN
(
    SELECT content_id, policy, prediction_id, scored_at, model_id, model_version, region, country, score, threshold
    FROM predictions_by_content
    WHERE content_id IN (SELECT content_id FROM ground_truth_labels)
) AS p ON p.content_id = g.content_id AND p.policy = g.policy;

-- Scores are Float32, so 0.9 is stored as 0.89999998: buckets are taken after rounding score * 100
-- to 4 decimals, so a score of 0.90 lands in bucket 90 (scores >= 0.90), as a person expects.
-- Confusion counts at the deployed threshold and score histograms (100 buckets of 0.01) of the
-- positives and negatives, per day of scoring: precision/recall/F1/FPR for any slice, and the
-- precision-recall curve at any threshold, are sums over these rows.
-- Day grain (UTC): labels are sparse, and model metrics are read per day or week.
CREATE TABLE IF NOT EXISTS model_performance_daily
(
    day            Date,
    model_id       LowCardinality(String),
    model_version  LowCardinality(String),
    region         LowCardinality(String),
    policy         LowCardinality(String),
    label_source   LowCardinality(String),
    -- the deployed threshold that day (a version keeps one threshold)
    deployed_threshold SimpleAggregateFunction(max, Float32),
    true_positives  SimpleAggregateFunction(sum, UInt64),
    false_positives SimpleAggregateFunction(sum, UInt64),
    false_negatives SimpleAggregateFunction(sum, UInt64),
    true_negatives  SimpleAggregateFunction(sum, UInt64),
    positive_score_hist SimpleAggregateFunction(sumMap, Tuple(Array(UInt8), Array(UInt64))),
    negative_score_hist SimpleAggregateFunction(sumMap, Tuple(Array(UInt8), Array(UInt64)))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (model_id, policy, region, day, model_version, label_source);

CREATE MATERIALIZED VIEW IF NOT EXISTS model_performance_daily_mv TO model_performance_daily AS
SELECT
    toDate(scored_at) AS day, model_id, model_version, region, policy, label_source,
    max(threshold) AS deployed_threshold,
    countIf(score >= threshold AND is_violating = 1) AS true_positives,
    countIf(score >= threshold AND is_violating = 0) AS false_positives,
    countIf(score < threshold AND is_violating = 1) AS false_negatives,
    countIf(score < threshold AND is_violating = 0) AS true_negatives,
    sumMapIf([toUInt8(least(99, floor(round(toFloat64(score) * 100, 4))))], [toUInt64(1)], is_violating = 1) AS positive_score_hist,
    sumMapIf([toUInt8(least(99, floor(round(toFloat64(score) * 100, 4))))], [toUInt64(1)], is_violating = 0) AS negative_score_hist
FROM model_outcomes
GROUP BY day, model_id, model_version, region, policy, label_source;

-- All scores (labelled or not): prediction volume, flag rate and score drift (PSI) per day.
CREATE TABLE IF NOT EXISTS model_scores_daily
(
    day           Date,
    model_id      LowCardinality(String),
    model_version LowCardinality(String),
    region        LowCardinality(String),
    policy        LowCardinality(String),
    deployed_threshold SimpleAggregateFunction(max, Float32),
    predictions   SimpleAggregateFunction(sum, UInt64),
    flagged       SimpleAggregateFunction(sum, UInt64),
    score_hist    SimpleAggregateFunction(sumMap, Tuple(Array(UInt8), Array(UInt64)))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (model_id, policy, region, day, model_version);

CREATE MATERIALIZED VIEW IF NOT EXISTS model_scores_daily_mv TO model_scores_daily AS
SELECT
    toDate(scored_at) AS day, model_id, model_version, region, policy,
    max(threshold) AS deployed_threshold,
    count() AS predictions,
    countIf(score >= threshold) AS flagged,
    sumMap([toUInt8(least(99, floor(round(toFloat64(score) * 100, 4))))], [toUInt64(1)]) AS score_hist
FROM model_predictions
GROUP BY day, model_id, model_version, region, policy;
