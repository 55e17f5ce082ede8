-- ClickHouse users for a server deployment of Vigil (CLICKHOUSE_URL set). Run as an admin user,
-- after `CREATE DATABASE vigil`, replacing the passwords. The embedded engine has no users: these
-- apply only to a ClickHouse server; for a cluster use deploy/cluster/clickhouse/users.sql (ON CLUSTER,
-- and grants on the <table>_local tables the Distributed tables write to).
--
--   vigil_migrator  changes the schema: `VIGIL_MIGRATE=0` on the server, and
--                   `CLICKHOUSE_USER=vigil_migrator npm run migrate` at each upgrade
--   vigil_app       the Vigil server: reads everything; writes only its own documents (notes,
--                   retrospective items, users, sessions, tokens, audit log). It cannot change the
--                   schema or delete data, and every dashboard read also runs with readonly=2.
--   vigil_ingest    ingestion (CLICKHOUSE_INGEST_USER): inserts raw events only, and reads and
--                   writes the ingestion journal and which event ids it has seen. The rollups are filled by the materialized views with
--                   their definer's rights, so this user needs no grant on them.
--   vigil_reader    people: read-only, for the clickhouse-client scripts behind "Show SQL"; limited
--                   to reading (readonly = 1 also forbids changing settings that would lift limits).

CREATE SETTINGS PROFILE IF NOT EXISTS vigil_read_only SETTINGS readonly = 1, max_execution_time = 60, max_result_rows = 1000000;

CREATE USER IF NOT EXISTS vigil_migrator IDENTIFIED WITH sha256_password BY 'change me: migrator';
-- TRUNCATE: migrations that change what a rollup means empty it and rebuild it from the raw events (0015)
GRANT CREATE TABLE, CREATE VIEW, CREATE DICTIONARY, ALTER, DROP TABLE, DROP VIEW, TRUNCATE, SELECT, INSERT ON vigil.* TO vigil_migrator;

CREATE USER IF NOT EXISTS vigil_app IDENTIFIED WITH sha256_password BY 'change me: app';
GRANT SELECT ON vigil.* TO vigil_app;
GRANT INSERT ON vigil.incident_notes TO vigil_app;
GRANT INSERT ON vigil.retro_items TO vigil_app;
GRANT INSERT ON vigil.users TO vigil_app;
GRANT INSERT ON vigil.sessions TO vigil_app;
GRANT INSERT ON vigil.ingest_tokens TO vigil_app;
GRANT INSERT ON vigil.ingest_token_uses TO vigil_app;
GRANT INSERT ON vigil.audit_log TO vigil_app;
GRANT INSERT ON vigil.metric_targets TO vigil_app;
-- agreement's precomputed halves, refreshed by the server that reads them (migration 0022)
GRANT INSERT ON vigil.annotation_agreement_daily TO vigil_app;
GRANT INSERT ON vigil.annotation_mixed_task_answers TO vigil_app;
-- the state several Vigil servers share (VIGIL_SHARED_STATE=clickhouse, migration 0021)
GRANT INSERT ON vigil.shared_ledger TO vigil_app;
GRANT INSERT ON vigil.write_marks TO vigil_app;
-- without a separate ingestion user, the app also ingests: then grant it vigil_ingest's rights too

CREATE USER IF NOT EXISTS vigil_ingest IDENTIFIED WITH sha256_password BY 'change me: ingest';
GRANT INSERT ON vigil.moderation_decisions TO vigil_ingest;
GRANT INSERT ON vigil.review_enqueues TO vigil_ingest;
GRANT INSERT ON vigil.appeal_events TO vigil_ingest;
GRANT INSERT ON vigil.model_predictions TO vigil_ingest;
GRANT INSERT ON vigil.ground_truth_labels TO vigil_ingest;
GRANT INSERT ON vigil.annotation_task_events TO vigil_ingest;
GRANT INSERT ON vigil.annotation_labels TO vigil_ingest;
GRANT INSERT ON vigil.qa_audits TO vigil_ingest;
GRANT INSERT, SELECT ON vigil.ingest_seen TO vigil_ingest;
-- the journal a batch is written through, and its batches (started/done), for exactly-once writes
GRANT INSERT, SELECT ON vigil.ingest_journal TO vigil_ingest;
GRANT INSERT, SELECT ON vigil.ingest_batches TO vigil_ingest;
-- the batch journal (0020): one row per batch, the raw rows written from it
GRANT INSERT, SELECT ON vigil.ingest_batch_journal TO vigil_ingest;
-- the DSA report's streams (0018)
GRANT INSERT ON vigil.dsa_notices TO vigil_ingest;
GRANT INSERT ON vigil.dsa_orders TO vigil_ingest;
GRANT INSERT ON vigil.dsa_disputes TO vigil_ingest;
GRANT INSERT ON vigil.dsa_suspensions TO vigil_ingest;
GRANT INSERT ON vigil.dsa_active_recipients TO vigil_ingest;
GRANT INSERT ON vigil.dsa_moderation_staff TO vigil_ingest;

CREATE USER IF NOT EXISTS vigil_reader IDENTIFIED WITH sha256_password BY 'change me: reader' SETTINGS PROFILE vigil_read_only;
GRANT SELECT ON vigil.* TO vigil_reader;
-- the accounts' own tables are not for people to read
REVOKE SELECT ON vigil.users FROM vigil_reader;
REVOKE SELECT ON vigil.sessions FROM vigil_reader;
REVOKE SELECT ON vigil.ingest_tokens FROM vigil_reader;
REVOKE SELECT ON vigil.audit_log FROM vigil_reader;
