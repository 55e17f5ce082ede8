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
