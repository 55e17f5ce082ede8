-- The ClickHouse users of the Access section (docs/clickhouse-users.sql), for the cluster: every
-- statement runs ON CLUSTER, so each server has the same users (materialized views run with their
-- definer's rights on every node, and with <secret> in remote_servers a query forwarded to another
-- shard runs as the user who sent it). init.sh replaces the ${…} passwords from the environment.
-- Checked by server/db/clusterDeploy.test.ts (parsed by the engine; grants match the tables).
--
--   vigil_migrator  `npm run migrate` with VIGIL_CLUSTER: creates the tables ON CLUSTER (hence the
--                   CLUSTER grant) and runs the backfills through the Distributed tables
--   vigil_app       the Vigil servers: read everything, write their own documents (every-node tables)
--   vigil_ingest    ingestion: inserts raw events through the Distributed tables, which forward
--                   each shard's rows to <table>_local as this user: both need the grant
--   vigil_reader    people: read-only, for the clickhouse-client scripts behind "Show SQL"

CREATE DATABASE IF NOT EXISTS vigil ON CLUSTER 'vigil';

-- distributed_foreground_insert: an insert into a Distributed table returns once every shard has
--   stored its rows (not when the initiator has queued them), so a migration's "only while empty"
--   backfill and an ingestion retry see what was written before them.
-- distributed_product_mode = 'global': an IN or JOIN subquery on a Distributed table inside a query
--   on a Distributed table (backfills joining two raw tables, some dashboard reads) is computed once
--   over all shards and sent to each — the single-node answer whatever the sharding keys. ('local'
--   would be cheaper, and correct only where the keys co-locate both sides; ClickHouse's default,
--   'deny', refuses such queries.)
CREATE SETTINGS PROFILE IF NOT EXISTS vigil_writes ON CLUSTER 'vigil' SETTINGS distributed_foreground_insert = 1, distributed_product_mode = 'global';
CREATE SETTINGS PROFILE IF NOT EXISTS vigil_read_only ON CLUSTER 'vigil' SETTINGS readonly = 1, max_execution_time = 60, max_result_rows = 1000000, distributed_product_mode = 'global';

CREATE USER IF NOT EXISTS vigil_migrator ON CLUSTER 'vigil' IDENTIFIED WITH sha256_password BY '${VIGIL_MIGRATOR_PASSWORD}' SETTINGS PROFILE 'vigil_writes';
GRANT ON CLUSTER 'vigil' CREATE TABLE, CREATE VIEW, ALTER, DROP TABLE, DROP VIEW, TRUNCATE, OPTIMIZE, SELECT, INSERT ON vigil.* TO vigil_migrator;
GRANT ON CLUSTER 'vigil' CLUSTER ON *.* TO vigil_migrator;

CREATE USER IF NOT EXISTS vigil_app ON CLUSTER 'vigil' IDENTIFIED WITH sha256_password BY '${VIGIL_APP_PASSWORD}' SETTINGS PROFILE 'vigil_writes';
GRANT ON CLUSTER 'vigil' SELECT ON vigil.* TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.incident_notes TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.retro_items TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.users TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.sessions TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.ingest_tokens TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.ingest_token_uses TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.audit_log TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.metric_targets TO vigil_app;
-- agreement's precomputed halves, refreshed by the server that reads them (migration 0022)
GRANT ON CLUSTER 'vigil' INSERT ON vigil.annotation_agreement_daily TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.annotation_mixed_task_answers TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.annotation_agreement_daily_local TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.annotation_mixed_task_answers_local TO vigil_app;
-- the state the Vigil servers share (VIGIL_SHARED_STATE=clickhouse, migration 0021)
GRANT ON CLUSTER 'vigil' INSERT ON vigil.shared_ledger TO vigil_app;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.write_marks TO vigil_app;

CREATE USER IF NOT EXISTS vigil_ingest ON CLUSTER 'vigil' IDENTIFIED WITH sha256_password BY '${VIGIL_INGEST_PASSWORD}' SETTINGS PROFILE 'vigil_writes';
GRANT ON CLUSTER 'vigil' INSERT ON vigil.moderation_decisions TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.moderation_decisions_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.review_enqueues TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.review_enqueues_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.appeal_events TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.appeal_events_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.model_predictions TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.model_predictions_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.ground_truth_labels TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.ground_truth_labels_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.annotation_task_events TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.annotation_task_events_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.annotation_labels TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.annotation_labels_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.qa_audits TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.qa_audits_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT, SELECT ON vigil.ingest_seen TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT, SELECT ON vigil.ingest_seen_local TO vigil_ingest;
-- the ingestion journal (0014): a batch is journaled, written from the journal, then marked done
GRANT ON CLUSTER 'vigil' INSERT, SELECT ON vigil.ingest_journal TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT, SELECT ON vigil.ingest_journal_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT, SELECT ON vigil.ingest_batches TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT, SELECT ON vigil.ingest_batches_local TO vigil_ingest;
-- the batch journal (0020): one row per batch, the raw rows written from it
GRANT ON CLUSTER 'vigil' INSERT, SELECT ON vigil.ingest_batch_journal TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT, SELECT ON vigil.ingest_batch_journal_local TO vigil_ingest;
-- the DSA report's streams (0018)
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_notices TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_notices_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_orders TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_orders_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_disputes TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_disputes_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_suspensions TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_suspensions_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_active_recipients TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_active_recipients_local TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_moderation_staff TO vigil_ingest;
GRANT ON CLUSTER 'vigil' INSERT ON vigil.dsa_moderation_staff_local TO vigil_ingest;

CREATE USER IF NOT EXISTS vigil_reader ON CLUSTER 'vigil' IDENTIFIED WITH sha256_password BY '${VIGIL_READER_PASSWORD}' SETTINGS PROFILE 'vigil_read_only';
GRANT ON CLUSTER 'vigil' SELECT ON vigil.* TO vigil_reader;
-- the accounts' own tables are not for people to read
REVOKE ON CLUSTER 'vigil' SELECT ON vigil.users FROM vigil_reader;
REVOKE ON CLUSTER 'vigil' SELECT ON vigil.sessions FROM vigil_reader;
REVOKE ON CLUSTER 'vigil' SELECT ON vigil.ingest_tokens FROM vigil_reader;
REVOKE ON CLUSTER 'vigil' SELECT ON vigil.audit_log FROM vigil_reader;
