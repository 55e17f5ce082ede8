-- Exactly-once ingestion for any regrouping of the same events, across a crash at any point.
--
-- Why 0006 was not enough: its deduplication token was derived from the ids of each write, so it
-- depended on how the producer grouped its events. A server killed after writing a batch to the
-- raw table but before remembering its ids in ingest_seen left events that were stored but not
-- seen; a producer re-sending them split differently computed other tokens, and they were stored
-- twice.
--
-- Now a batch is written through a journal, and what is replayed after a crash is the grouping of
-- the first attempt, whatever the producer re-sends:
--   1. The batch's new events (ids not in ingest_seen) are inserted as one block into
--      ingest_journal under a fresh batch token, each with its row as JSON. One block is one part:
--      it is there whole or not at all. Its view records the batch in ingest_batches
--      ('journaled').
--   2. The raw table is written with INSERT … SELECT of that batch from the journal, ordered by
--      event id, with the batch token as insert_deduplication_token. The rollups are filled by
--      the raw table's views as for any insert.
--   3. The batch's ids are copied into ingest_seen (INSERT … SELECT, token '<batch>-seen'); its
--      view records the batch as 'done'.
-- A batch journaled but not done (the server died, or the database failed, between 1 and 3) is
-- completed before the next batch of its stream is checked against ingest_seen, and at start-up
-- (server/ingest/ingest.ts): steps 2 and 3 again with the same token. ClickHouse skips every
-- block already written — in the raw table and, with deduplicate_blocks_in_dependent_materialized_views,
-- in each rollup separately, also when the server died after the raw table but before some
-- rollup (checked on the embedded engine, chDB 26: server/ingest/exactlyOnce.test.ts) — and
-- writes only what is missing. The replayed SELECT returns the same rows in the same order, so it
-- forms the same blocks (a batch of up to VIGIL_INGEST_MAX_ROWS is one block per partition;
-- larger inserts are split the same way each time and the token is suffixed per block).
-- Events of a batch that never reached the journal are not in ingest_seen either, so a re-send
-- in any grouping stores them once.
--
-- Deduplication needs non_replicated_deduplication_window on every table a replay reaches (set
-- in 0006 and 0010 for the raw tables and rollups). Nothing else writes the raw tables between a
-- crash and the replay at the next start, so the window of 10,000 blocks is never exceeded.
--
-- The journal keeps each row a second time; it is needed only until the batch is done, so its
-- day partitions are dropped after 35 days. Start-up looks for unfinished batches of the last 30
-- days: a server that stays down longer after a crash abandons its unfinished batches.

CREATE TABLE IF NOT EXISTS ingest_journal
(
    stream      LowCardinality(String),
    batch_token String,
    event_id    String,
    -- the validated row as stored, as a JSON object
    row         String,
    at          DateTime('UTC')
)
ENGINE = MergeTree
-- one batch has one `at`, so it is one part in one partition
PARTITION BY toYYYYMMDD(at)
ORDER BY (stream, batch_token, event_id)
TTL at + INTERVAL 35 DAY
SETTINGS non_replicated_deduplication_window = 10000, ttl_only_drop_parts = 1;

CREATE TABLE IF NOT EXISTS ingest_batches
(
    stream      LowCardinality(String),
    batch_token String,
    -- 'journaled' (step 1) or 'done' (step 3)
    state       LowCardinality(String),
    events      UInt64,
    at          DateTime('UTC')
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (at, stream, batch_token)
TTL at + INTERVAL 60 DAY
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS ingest_batches_journaled_mv TO ingest_batches AS
SELECT stream, batch_token, 'journaled' AS state, count() AS events, any(at) AS at
FROM ingest_journal
GROUP BY stream, batch_token;

CREATE MATERIALIZED VIEW IF NOT EXISTS ingest_batches_done_mv TO ingest_batches AS
SELECT stream, batch_token, 'done' AS state, count() AS events, any(at) AS at
FROM ingest_seen
GROUP BY stream, batch_token;

-- The demo load, detectably complete. A load writes 'started' with its options first and
-- 'complete' last; every insert of the load carries a deduplication token made of the load id,
-- the table and the batch number. A load found started but not complete at start-up (the disk
-- filled, the process was killed) is run again with the same options and id: the blocks it had
-- written — in the raw tables and, separately, in each rollup — are skipped, the missing ones
-- written, so the result equals a load that was never interrupted (server/demo/seed.ts). Nothing
-- is deleted, so nothing but the demo's own rows can be affected.
CREATE TABLE IF NOT EXISTS demo_loads
(
    load_id String,
    -- the demo options as JSON: seed, days, scale, end
    options String,
    -- 'started' or 'complete'
    state   LowCardinality(String),
    at      DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (load_id, at);

-- the demo's model rollouts are written with a token too, so its repeat is skipped
ALTER TABLE model_rollouts MODIFY SETTING non_replicated_deduplication_window = 10000;
