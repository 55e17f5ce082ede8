-- The catalogue's dimension values kept as they arrive, instead of grouping every rollup by each
-- dimension column on every read (~0.4 s cold at demo scale 20, the Overview's largest cold cost
-- after agreement).
--
-- dimension_values holds one row per source rollup, dimension and value, with the values of the
-- scope dimensions (region, country, vendor) of the rollup rows the value appears in, so that a
-- scoped asker's values are read with the same restriction as the rollup rows themselves
-- (region IN … AND country IN … AND vendor IN … on one row). A scope dimension the source does not
-- keep is stored as '' and never consulted: the catalogue reads only sources that keep every
-- restricted dimension (server/queries/catalogueQueries.ts). Empty values are not kept (the
-- catalogue leaves them out); empty scope values are kept as they are (a row with no region lies
-- outside every region scope, as in the rollup). `source` is the table the catalogue read before:
-- the daily twin where a rollup has one, else the rollup itself.
--
-- It is a set: a view on each source rollup adds the distinct (dimension, value, scope values) of
-- every block written to the rollup (a batch adds only its distinct values, a few rows), duplicates
-- collapse when parts merge (ReplacingMergeTree) and every read groups anyway, so a block written
-- twice changes nothing. Every dimension column is in its rollup's sorting key, so merges of a
-- rollup never drop a value, and nothing deletes rollup rows except migrations that rebuild a
-- rollup: a migration that empties a rollup must then refill this table (as below).
--
-- Re-runnable: the views are dropped and the table emptied, then the views made again and the
-- table filled from the rollups as they stand (migrations run before the server accepts data).

CREATE TABLE IF NOT EXISTS dimension_values
(
    source    LowCardinality(String),
    dimension LowCardinality(String),
    value     String,
    region    LowCardinality(String),
    country   LowCardinality(String),
    vendor    LowCardinality(String)
)
ENGINE = ReplacingMergeTree
ORDER BY (source, dimension, value, region, country, vendor)
SETTINGS non_replicated_deduplication_window = 10000;

DROP VIEW IF EXISTS dimension_values_moderation_mv;
DROP VIEW IF EXISTS dimension_values_moderation_region_policy_mv;
DROP VIEW IF EXISTS dimension_values_review_flow_mv;
DROP VIEW IF EXISTS dimension_values_appeals_mv;
DROP VIEW IF EXISTS dimension_values_model_performance_mv;
DROP VIEW IF EXISTS dimension_values_model_scores_mv;
DROP VIEW IF EXISTS dimension_values_annotation_labels_mv;
DROP VIEW IF EXISTS dimension_values_annotation_tasks_mv;
DROP VIEW IF EXISTS dimension_values_qa_audits_mv;
DROP VIEW IF EXISTS dimension_values_task_answers_mv;
TRUNCATE TABLE IF EXISTS dimension_values;

CREATE MATERIALIZED VIEW IF NOT EXISTS dimension_values_moderation_mv TO dimension_values AS
SELECT 'moderation_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, country, '' AS vendor
FROM moderation_daily
ARRAY JOIN [('REGION', toString(region)), ('COUNTRY', toString(country)), ('POLICY', toString(policy)), ('CONTENT_TYPE', toString(content_type)), ('DETECTION_SOURCE', toString(detection_source)), ('ENFORCEMENT_PATH', toString(enforcement_path)), ('ACTION', toString(action))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

CREATE MATERIALIZED VIEW IF NOT EXISTS dimension_values_moderation_region_policy_mv TO dimension_values AS
SELECT 'moderation_region_policy_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, '' AS vendor
FROM moderation_region_policy_daily
ARRAY JOIN [('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

CREATE MATERIALIZED VIEW IF NOT EXISTS dimension_values_review_flow_mv TO dimension_values AS
SELECT 'review_flow_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, country, '' AS vendor
FROM review_flow_daily
ARRAY JOIN [('REGION', toString(region)), ('COUNTRY', toString(country)), ('POLICY', toString(policy)), ('QUEUE', toString(queue))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

CREATE MATERIALIZED VIEW IF NOT EXISTS dimension_values_appeals_mv TO dimension_values AS
SELECT 'appeals_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, country, '' AS vendor
FROM appeals_daily
ARRAY JOIN [('REGION', toString(region)), ('COUNTRY', toString(country)), ('POLICY', toString(policy)), ('CONTENT_TYPE', toString(content_type))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

CREATE MATERIALIZED VIEW IF NOT EXISTS dimension_values_model_performance_mv TO dimension_values AS
SELECT 'model_performance_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, '' AS vendor
FROM model_performance_daily
ARRAY JOIN [('MODEL', toString(model_id)), ('MODEL_VERSION', toString(model_version)), ('REGION', toString(region)), ('POLICY', toString(policy)), ('LABEL_SOURCE', toString(label_source))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

CREATE MATERIALIZED VIEW IF NOT EXISTS dimension_values_model_scores_mv TO dimension_values AS
SELECT 'model_scores_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, '' AS vendor
FROM model_scores_daily
ARRAY JOIN [('MODEL', toString(model_id)), ('MODEL_VERSION', toString(model_version)), ('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

CREATE MATERIALIZED VIEW IF NOT EXISTS dimension_values_annotation_labels_mv TO dimension_values AS
SELECT 'annotation_labels_hourly' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, vendor
FROM annotation_labels_hourly
ARRAY JOIN [('VENDOR', toString(vendor)), ('SITE', toString(site)), ('QUEUE', toString(queue)), ('LANGUAGE', toString(language)), ('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

CREATE MATERIALIZED VIEW IF NOT EXISTS dimension_values_annotation_tasks_mv TO dimension_values AS
SELECT 'annotation_tasks_hourly' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, vendor
FROM annotation_tasks_hourly
ARRAY JOIN [('VENDOR', toString(vendor)), ('SITE', toString(site)), ('QUEUE', toString(queue)), ('LANGUAGE', toString(language)), ('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

CREATE MATERIALIZED VIEW IF NOT EXISTS dimension_values_qa_audits_mv TO dimension_values AS
SELECT 'qa_audits_hourly' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, vendor
FROM qa_audits_hourly
ARRAY JOIN [('VENDOR', toString(vendor)), ('SITE', toString(site)), ('QUEUE', toString(queue)), ('LANGUAGE', toString(language)), ('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

CREATE MATERIALIZED VIEW IF NOT EXISTS dimension_values_task_answers_mv TO dimension_values AS
SELECT 'annotation_task_answers' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, vendor
FROM annotation_task_answers
ARRAY JOIN [('VENDOR', toString(vendor)), ('SITE', toString(site)), ('QUEUE', toString(queue)), ('LANGUAGE', toString(language)), ('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

-- the backfill: every value the rollups hold now, each rollup's distinct dimension combinations
-- first (its days or hours grouped away: ~4× faster than unfolding every row) then unfolded as the
-- views do. insert_deduplicate = 0: a re-run after the table was emptied writes every block again.
INSERT INTO dimension_values SETTINGS insert_deduplicate = 0
SELECT 'moderation_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, country, '' AS vendor
FROM (SELECT region, country, policy, content_type, detection_source, enforcement_path, action FROM moderation_daily GROUP BY region, country, policy, content_type, detection_source, enforcement_path, action)
ARRAY JOIN [('REGION', toString(region)), ('COUNTRY', toString(country)), ('POLICY', toString(policy)), ('CONTENT_TYPE', toString(content_type)), ('DETECTION_SOURCE', toString(detection_source)), ('ENFORCEMENT_PATH', toString(enforcement_path)), ('ACTION', toString(action))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

INSERT INTO dimension_values SETTINGS insert_deduplicate = 0
SELECT 'moderation_region_policy_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, '' AS vendor
FROM (SELECT region, policy FROM moderation_region_policy_daily GROUP BY region, policy)
ARRAY JOIN [('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

INSERT INTO dimension_values SETTINGS insert_deduplicate = 0
SELECT 'review_flow_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, country, '' AS vendor
FROM (SELECT region, country, policy, queue FROM review_flow_daily GROUP BY region, country, policy, queue)
ARRAY JOIN [('REGION', toString(region)), ('COUNTRY', toString(country)), ('POLICY', toString(policy)), ('QUEUE', toString(queue))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

INSERT INTO dimension_values SETTINGS insert_deduplicate = 0
SELECT 'appeals_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, country, '' AS vendor
FROM (SELECT region, country, policy, content_type FROM appeals_daily GROUP BY region, country, policy, content_type)
ARRAY JOIN [('REGION', toString(region)), ('COUNTRY', toString(country)), ('POLICY', toString(policy)), ('CONTENT_TYPE', toString(content_type))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

INSERT INTO dimension_values SETTINGS insert_deduplicate = 0
SELECT 'model_performance_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, '' AS vendor
FROM (SELECT model_id, model_version, region, policy, label_source FROM model_performance_daily GROUP BY model_id, model_version, region, policy, label_source)
ARRAY JOIN [('MODEL', toString(model_id)), ('MODEL_VERSION', toString(model_version)), ('REGION', toString(region)), ('POLICY', toString(policy)), ('LABEL_SOURCE', toString(label_source))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

INSERT INTO dimension_values SETTINGS insert_deduplicate = 0
SELECT 'model_scores_daily' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, '' AS vendor
FROM (SELECT model_id, model_version, region, policy FROM model_scores_daily GROUP BY model_id, model_version, region, policy)
ARRAY JOIN [('MODEL', toString(model_id)), ('MODEL_VERSION', toString(model_version)), ('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

INSERT INTO dimension_values SETTINGS insert_deduplicate = 0
SELECT 'annotation_labels_hourly' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, vendor
FROM (SELECT vendor, site, queue, language, region, policy FROM annotation_labels_hourly GROUP BY vendor, site, queue, language, region, policy)
ARRAY JOIN [('VENDOR', toString(vendor)), ('SITE', toString(site)), ('QUEUE', toString(queue)), ('LANGUAGE', toString(language)), ('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

INSERT INTO dimension_values SETTINGS insert_deduplicate = 0
SELECT 'annotation_tasks_hourly' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, vendor
FROM (SELECT vendor, site, queue, language, region, policy FROM annotation_tasks_hourly GROUP BY vendor, site, queue, language, region, policy)
ARRAY JOIN [('VENDOR', toString(vendor)), ('SITE', toString(site)), ('QUEUE', toString(queue)), ('LANGUAGE', toString(language)), ('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

INSERT INTO dimension_values SETTINGS insert_deduplicate = 0
SELECT 'qa_audits_hourly' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, vendor
FROM (SELECT vendor, site, queue, language, region, policy FROM qa_audits_hourly GROUP BY vendor, site, queue, language, region, policy)
ARRAY JOIN [('VENDOR', toString(vendor)), ('SITE', toString(site)), ('QUEUE', toString(queue)), ('LANGUAGE', toString(language)), ('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;

INSERT INTO dimension_values SETTINGS insert_deduplicate = 0
SELECT 'annotation_task_answers' AS source, kept.1 AS dimension, kept.2 AS value, region, '' AS country, vendor
FROM (SELECT vendor, site, queue, language, region, policy FROM annotation_task_answers GROUP BY vendor, site, queue, language, region, policy)
ARRAY JOIN [('VENDOR', toString(vendor)), ('SITE', toString(site)), ('QUEUE', toString(queue)), ('LANGUAGE', toString(language)), ('REGION', toString(region)), ('POLICY', toString(policy))] AS kept
WHERE value != ''
GROUP BY source, dimension, value, region, country, vendor;
