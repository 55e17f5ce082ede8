-- annotation_task_answers keeps every labelled task, not only those announced with
-- labels_required >= 2: labels_required is optional at ingestion (default 1), and agreement is
-- defined over the items two or more annotators actually labelled. Whether a task gets a second
-- answer is only known later, so every task's answers are kept (one row per task and slice cell, as
-- before: the rollup grows with tasks, not with answers). Most tasks are labelled once, so each row
-- also counts its answers (`labels`): a query first picks the tasks with two or more answers in its
-- slice by that sum, and merges the answers of those tasks only.
--
-- The rows stored before this migration lack the tasks sent without labels_required, so the rollup
-- is rebuilt from the raw labels. Every statement can run again: the old view is dropped, the rollup
-- emptied and refilled, so an interrupted migration applied again does not count anything twice.
-- (Run migrations with ingestion paused: a batch landing between the new view and the refill
-- would be counted twice.)

DROP VIEW IF EXISTS annotation_task_answers_mv;

ALTER TABLE annotation_task_answers ADD COLUMN IF NOT EXISTS labels SimpleAggregateFunction(sum, UInt64);

TRUNCATE TABLE IF EXISTS annotation_task_answers;

CREATE MATERIALIZED VIEW IF NOT EXISTS annotation_task_answers_mv TO annotation_task_answers AS
SELECT
    toDate(task_created_at) AS day, vendor, site, queue, language, region, policy, task_id,
    groupArrayState((annotator_id, toString(answer))) AS answers,
    count() AS labels
FROM annotation_labels
GROUP BY day, vendor, site, queue, language, region, policy, task_id;

INSERT INTO annotation_task_answers (day, vendor, site, queue, language, region, policy, task_id, answers, labels)
SELECT
    toDate(task_created_at) AS day, vendor, site, queue, language, region, policy, task_id,
    groupArrayState((annotator_id, toString(answer))) AS answers,
    count() AS labels
FROM annotation_labels
GROUP BY day, vendor, site, queue, language, region, policy, task_id;
