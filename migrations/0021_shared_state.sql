-- State that several Vigil servers behind one load balancer must share (VIGIL_SHARED_STATE=clickhouse;
-- the default, memory, keeps it in each process as before — see README, Running on a cluster).
--
-- shared_ledger: an append-only log of small events, keyed by (scope, key), from which each server
-- computes the same answer the in-process implementation computes from its memory
-- (server/db/sharedLedger.ts):
--   scope 'login'  sign-in attempts per (username, address), address and username: a reservation
--                  (+1), its release (-1, written with the reservation's own time so both leave the
--                  window together) and a pair's reset after a successful sign-in (reset = 1);
--   scope 'user' / 'token'  the cost of each request admitted by the per-user GraphQL and the
--                  per-token ingestion rate limits;
--   scope 'lane'   the ingestion lanes' mutual exclusion across servers (Lamport's bakery:
--                  weight -1 choosing a number, n > 0 holding ticket n, 0 done).
-- Counting is insert-then-read: a server appends its event and only then reads the key, so of k
-- events appended concurrently the j-th to be acknowledged sees at least j - 1 others. A limit of N
-- therefore lets at most N through across all servers (concurrent ones may also refuse each other:
-- it errs on the side of refusing). That needs every read to see every acknowledged append: one
-- node does; on a cluster the table is on every node and written with insert_quorum and read with
-- select_sequential_consistency (the statements carry both; a single node ignores them).
-- Times are the writing server's clock (milliseconds): servers keep their clocks in step (NTP).
-- Rows are needed for at most a day (the sign-in window is 15 minutes, a lane lease 60 s): day
-- partitions are dropped after two days.
CREATE TABLE IF NOT EXISTS shared_ledger
(
    scope  LowCardinality(String),
    key    String,
    -- the event's id: the reservation a release or a ticket refers to
    id     String,
    at     DateTime64(3, 'UTC'),
    weight Int32,
    reset  UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMMDD(at)
ORDER BY (scope, key, at)
TTL toDateTime(at) + INTERVAL 2 DAY
SETTINGS ttl_only_drop_parts = 1;

-- The answer caches' shared watermark: after every acknowledged write a server records its own
-- next sequence number here BEFORE the write is acknowledged to whoever asked; every server reads
-- the latest number of each server at most VIGIL_CACHE_STALE_MS apart and forgets its cached
-- answers when any changed (server/db/answerCache.ts). One row per server once merged.
CREATE TABLE IF NOT EXISTS write_marks
(
    instance String,
    seq      UInt64,
    at       DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(seq)
ORDER BY instance;
