-- Ingestion at the engine's pace, and daily twins for the rest of the dashboard's rollups.
--
-- 1. The batch journal. Migration 0014 journaled a batch row by row (one row per event, each with
--    its row as JSON) and then wrote the raw table and ingest_seen with INSERT … SELECT from it,
--    parsing every row's JSON again: three passes over the rows, ~70 % of a batch's time in the
--    engine. Now a batch is ONE row of ingest_batch_journal: its event ids and the raw table's rows
--    as JSONEachRow text. Step 2 inserts that text as it is into the raw table, step 3 the ids into
--    ingest_seen, each with the batch's deduplication token as before. A replay (after a crash or a
--    failed write) reads the row back and sends the same bytes with the same settings: the engine
--    forms the same blocks and skips those already written, in the raw table and in each rollup,
--    exactly as with 0014's replayed SELECT. One row is one block: the batch is journaled whole or
--    not at all. Batches an older version left unfinished in ingest_journal are still completed
--    from there (server/ingest/ingest.ts), so the old journal stays until its TTL empties it.

CREATE TABLE IF NOT EXISTS ingest_batch_journal
(
    stream      LowCardinality(String),
    batch_token String,
    events      UInt32,
    -- the batch's event ids, one per line, in the order of body's rows
    ids         String,
    -- the raw table's rows, JSONEachRow
    body        String,
    at          DateTime('UTC')
)
ENGINE = MergeTree
PARTITION BY toYYYYMMDD(at)
ORDER BY (stream, batch_token)
TTL at + INTERVAL 35 DAY
SETTINGS ttl_only_drop_parts = 1;

CREATE MATERIALIZED VIEW IF NOT EXISTS ingest_batch_journaled_mv TO ingest_batches AS
SELECT stream, batch_token, 'journaled' AS state, toUInt64(events) AS events, at
FROM ingest_batch_journal;

-- 2. Daily twins of the review-flow and appeal rollups (as 0016 for moderation): the same
--    dimensions and sums by UTC day. The table decider (server/definitions/tableDecider.ts) reads
--    them for the whole UTC days of a question that needs no finer time, and for the whole days
--    of everything before a date (a backlog carried in, or as it stands at the end of a range),
--    which otherwise reads every hour since the data began. The oldest waiting review keeps
--    reading hourly flows (it finds the hour of the oldest item).
--    Every column is a sum, so a day is exactly the sum of its 24 hourly rows: the backfill reads
--    the hourly rollups (not the raw events), and gives the same figures by construction. Views
--    from the raw tables fill them from now on, with the hourly views' definitions (0015).
--    Re-runnable: the views are dropped and the tables emptied before they are filled
--    (migrations run before the server accepts data: nothing arrives in between).
--    Annotation rollups keep one grain for now: their distinct counts (active annotators) do not
--    add across parts, and agreement is by task, not by hour.

CREATE TABLE IF NOT EXISTS review_flow_daily
(
    day                 Date,
    region              LowCardinality(String),
    country             LowCardinality(String),
    policy              LowCardinality(String),
    queue               LowCardinality(String),
    enqueued            SimpleAggregateFunction(sum, UInt64),
    reviewed            SimpleAggregateFunction(sum, UInt64),
    reviewed_within_sla SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region, policy, day, country, queue)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS appeals_daily
(
    day                  Date,
    region               LowCardinality(String),
    country              LowCardinality(String),
    policy               LowCardinality(String),
    content_type         LowCardinality(String),
    appeals_filed        SimpleAggregateFunction(sum, UInt64),
    appeals_resolved     SimpleAggregateFunction(sum, UInt64),
    appeals_overturned   SimpleAggregateFunction(sum, UInt64),
    appeals_of_decisions SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (region, policy, day, country, content_type)
SETTINGS non_replicated_deduplication_window = 10000;

DROP VIEW IF EXISTS review_flow_enqueued_daily_mv;
DROP VIEW IF EXISTS review_flow_reviewed_daily_mv;
DROP VIEW IF EXISTS appeals_daily_mv;
DROP VIEW IF EXISTS appeals_by_decision_daily_mv;
TRUNCATE TABLE IF EXISTS review_flow_daily;
TRUNCATE TABLE IF EXISTS appeals_daily;

INSERT INTO review_flow_daily
SELECT toDate(hour, 'UTC') AS day, region, country, policy, queue, sum(enqueued), sum(reviewed), sum(reviewed_within_sla)
FROM review_flow_hourly
GROUP BY day, region, country, policy, queue;

INSERT INTO appeals_daily
SELECT toDate(hour, 'UTC') AS day, region, country, policy, content_type,
    sum(appeals_filed), sum(appeals_resolved), sum(appeals_overturned), sum(appeals_of_decisions)
FROM appeals_hourly
GROUP BY day, region, country, policy, content_type;

CREATE MATERIALIZED VIEW IF NOT EXISTS review_flow_enqueued_daily_mv TO review_flow_daily AS
SELECT
    toDate(enqueued_at, 'UTC') AS day, region, country, policy, queue,
    count() AS enqueued, toUInt64(0) AS reviewed, toUInt64(0) AS reviewed_within_sla
FROM review_enqueues
GROUP BY day, region, country, policy, queue;

CREATE MATERIALIZED VIEW IF NOT EXISTS review_flow_reviewed_daily_mv TO review_flow_daily AS
SELECT
    toDate(decided_at, 'UTC') AS day, region, country, policy, queue,
    toUInt64(0) AS enqueued,
    count() AS reviewed,
    countIf(dateDiff('second', enqueued_at, decided_at) <= sla_seconds) AS reviewed_within_sla
FROM moderation_decisions
WHERE queue != ''
GROUP BY day, region, country, policy, queue;

CREATE MATERIALIZED VIEW IF NOT EXISTS appeals_daily_mv TO appeals_daily AS
SELECT
    toDate(event_at, 'UTC') AS day, region, country, policy, content_type,
    countIf(event = 'filed') AS appeals_filed,
    countIf(event = 'resolved') AS appeals_resolved,
    countIf(event = 'resolved' AND outcome = 'overturned') AS appeals_overturned,
    toUInt64(0) AS appeals_of_decisions
FROM appeal_events
GROUP BY day, region, country, policy, content_type;

CREATE MATERIALIZED VIEW IF NOT EXISTS appeals_by_decision_daily_mv TO appeals_daily AS
SELECT
    toDate(decided_at, 'UTC') AS day, region, country, policy, content_type,
    toUInt64(0) AS appeals_filed, toUInt64(0) AS appeals_resolved, toUInt64(0) AS appeals_overturned,
    count() AS appeals_of_decisions
FROM appeal_events
WHERE event = 'filed'
GROUP BY day, region, country, policy, content_type;
