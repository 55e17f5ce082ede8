// Where every table lives on a ClickHouse cluster (VIGIL_CLUSTER): the registry the cluster
// renderer (clusterRender.ts) consults for each CREATE/ALTER/DROP. A table a migration creates
// without an entry here cannot be rendered, so a new table is never sharded by accident: add its
// entry with the reason, like the engine and key choices in the migration itself.
//
// Two placements:
//   sharded     <name>_local (Replicated*MergeTree, one replica set per shard) on every node, and
//               <name> = Distributed(<cluster>, <db>, <name>_local, key) for reads and writes.
//               Materialized views read and write the _local tables, so a view sees exactly the
//               rows its shard received and writes its rollup rows on that shard.
//   every-node  <name> is one ReplicatedMergeTree whose replica set spans all nodes (Keeper path
//               without {shard}): every node holds all rows and reads them locally. For small
//               tables read whole or by id (accounts, sessions, notes, audit), and for the
//               versioned documents whose "<id>:<version>" deduplication token must be checked
//               by one replica set — on a sharded table two versions could land on two shards,
//               each with its own deduplication log.
//
// Sharding keys keep every join and every per-entity grouping inside one shard:
//   content id   a prediction and its ground truth (model_outcomes_mv joins them at insert time,
//                on the shard that receives the label: the prediction must already be there);
//   task id      a task's events and all its answers (annotation_task_answers gathers a task's
//                answers in one row; agreement needs all of them);
//   decision id  a decision and its appeals.
// Rollups are filled by views on each shard, so one rollup key has rows on several shards; every
// read re-aggregates (sum, sumMap, -Merge) through the Distributed table, which merges the shards'
// partial aggregates: the figures do not depend on where a row is. Their key only routes rows
// written through the Distributed table (the backfill INSERT … SELECTs of some migrations); it is
// deterministic so a retried backfill lands on the same shards.

export type ClusterPlacement =
  | { placement: 'sharded'; /** an integer expression over the table's columns */ key: string; why: string }
  | { placement: 'every-node'; why: string };

const sharded = (key: string, why: string): ClusterPlacement => ({ placement: 'sharded', key, why });
const everyNode = (why: string): ClusterPlacement => ({ placement: 'every-node', why });

const ROLLUP = 'rollup filled on each shard by its view; reads re-aggregate across shards, the key only routes backfills';

export const CLUSTER_TABLES: Readonly<Record<string, ClusterPlacement>> = {
  // the migration runner's own ledger: one history for the whole cluster
  schema_migrations: everyNode('the migration ledger: one history for the cluster, read by every server at start'),

  // 0001 raw events
  moderation_decisions: sharded('cityHash64(decision_id)', 'a decision and its appeals (appeal_events, same key) on one shard'),
  review_enqueues: sharded('cityHash64(content_id)', 'backlog is a difference of sums (no join); an item re-enqueued stays on one shard'),
  appeal_events: sharded('cityHash64(decision_id)', "with the appealed decision; both events of an appeal (filed, resolved) carry it"),
  model_predictions: sharded('cityHash64(content_id)', 'with the ground truth of the same item: model_outcomes_mv joins them on the shard'),
  ground_truth_labels: sharded('cityHash64(content_id)', "with the item's predictions: the view on this table joins predictions_by_content locally"),
  model_rollouts: everyNode('a few rows per rollout, read whole as chart markers'),
  annotation_task_events: sharded('cityHash64(task_id)', "a task's created and completed events together, with its answers"),
  annotation_labels: sharded('cityHash64(task_id)', "all answers of a task on one shard: annotation_task_answers_mv gathers them per task"),
  qa_audits: sharded('cityHash64(label_id)', 'audits carry no task id, so they cannot follow their label; nothing joins them to labels (QA rates are sums); re-audits of a label stay together'),
  incident_notes: everyNode('a few notes; every version kept; versioned writes need one deduplication log'),

  // 0002 moderation rollups
  moderation_hourly: sharded('cityHash64(region, policy, hour)', ROLLUP),
  review_flow_hourly: sharded('cityHash64(region, policy, hour)', ROLLUP),
  appeals_hourly: sharded('cityHash64(region, policy, hour)', ROLLUP),

  // 0003 model rollups
  predictions_by_content: sharded('cityHash64(content_id)', 'copy of model_predictions_local made by its view on the same shard; the ground-truth view looks it up locally'),
  model_outcomes: sharded('cityHash64(content_id)', "written by the score and label views on the shard of the item's content id"),
  labels_by_content: sharded('cityHash64(content_id)', "copy of ground_truth_labels_local on the same shard: a label that arrives first waits here for its item's predictions"),
  model_performance_daily: sharded('cityHash64(model_id, policy, region, day)', ROLLUP),
  model_scores_daily: sharded('cityHash64(model_id, policy, region, day)', ROLLUP),

  // 0004 annotation rollups
  annotation_labels_hourly: sharded('cityHash64(vendor, queue, hour)', ROLLUP),
  annotation_tasks_hourly: sharded('cityHash64(vendor, queue, hour)', ROLLUP),
  qa_audits_hourly: sharded('cityHash64(vendor, queue, hour)', ROLLUP),
  annotation_task_answers: sharded('cityHash64(task_id)', "one row per task, on its labels' shard (same key as annotation_labels), so a backfill lands where the view writes"),

  // 0005
  moderation_region_policy_hourly: sharded('cityHash64(region, policy, hour)', ROLLUP),

  // 0006 ingestion ledger
  ingest_seen: sharded(
    'cityHash64(stream, batch_token)',
    "one row per event ever accepted, as large as the raw tables: sharded, not copied to every node. By batch, not by event id: one insert is one batch (one token) and so one block on one shard, recorded whole or not at all as on one node; a lookup by event id asks every shard through the primary key",
  ),

  // 0014 ingestion journal and demo loads
  ingest_journal: sharded('cityHash64(stream, batch_token)', 'one insert is one batch: its journal rows land as one block on one shard, like its ingest_seen rows, so the views that record its state stay local'),
  ingest_batches: sharded('cityHash64(stream, batch_token)', "written by the views on ingest_journal, ingest_batch_journal and ingest_seen on the batch's shard"),
  demo_loads: everyNode('two rows per demo load (started, complete): read whole at start-up'),

  // 0020 batch journal, daily review-flow and appeal rollups
  review_flow_daily: sharded('cityHash64(region, policy, day)', ROLLUP),
  appeals_daily: sharded('cityHash64(region, policy, day)', ROLLUP),
  ingest_batch_journal: sharded('cityHash64(stream, batch_token)', "one row per batch, on the shard of its ingest_seen rows (same key), so its view records the batch's state there"),

  // 0007
  retro_items: everyNode('a few items per week; versioned writes need one deduplication log'),

  // 0008 access
  users: everyNode('accounts: read on every request by id; versioned writes need one deduplication log'),
  sessions: everyNode('read on every request by hash: a local read on any node'),
  ingest_tokens: everyNode('a few tokens; versioned writes need one deduplication log'),
  ingest_token_uses: everyNode('one row per token (ReplacingMergeTree by token id)'),
  audit_log: everyNode('append-only and read newest first by admins; small next to the events'),

  // 0009
  metric_targets: everyNode('one row per metric and version; versioned writes need one deduplication log'),

  // 0010
  annotator_labels_hourly: sharded('cityHash64(vendor, queue, hour)', ROLLUP),

  // 0016 daily moderation rollups
  moderation_daily: sharded('cityHash64(region, policy, day)', ROLLUP),
  moderation_region_policy_daily: sharded('cityHash64(region, policy, day)', ROLLUP),

  // 0019 alerts
  alert_rules: everyNode('a few rules; versioned writes need one deduplication log'),
  alert_evaluations: everyNode('one row per rule, group and evaluated hour, read per rule; ReplacingMergeTree must see all rows of a key on one replica set to replace them'),
  alert_silences: everyNode('a few silences; versioned writes need one deduplication log'),
  alert_notifications: everyNode('the delivery ledger: a delivery id must be looked up whole before a send, on whichever server sends'),
  // 0018 DSA transparency report streams (read whole per half-year by the report: sums and medians
  // re-aggregate across shards like the rollups)
  dsa_notices: sharded('cityHash64(notice_id)', 'one row per notice, nothing joins it (the decision time travels with it); a re-sent notice stays on one shard'),
  dsa_orders: sharded('cityHash64(order_id)', 'one row per order, nothing joins it'),
  dsa_disputes: sharded('cityHash64(dispute_id)', "both events of a dispute (submitted, resolved) on one shard: its handling time pairs them"),
  dsa_suspensions: sharded('cityHash64(account_id)', "an account's suspensions together; counts are sums"),
  dsa_active_recipients: sharded('cityHash64(figure_id)', 'an ingested stream (written through the Distributed table); a few hundred rows a year, read as a latest-per-key over all shards'),
  dsa_moderation_staff: sharded('cityHash64(figure_id)', 'an ingested stream (written through the Distributed table); a few dozen rows per snapshot, read as a latest-per-key over all shards'),
  dsa_report_texts: everyNode('eleven texts per service and period; versioned writes need one deduplication log'),
  // 0021 state shared by several Vigil servers
  shared_ledger: everyNode(
    'sign-in, rate-limit and lane events read back right after they are appended (insert-then-read): one replica set over all nodes, written with insert_quorum and read with select_sequential_consistency, so every read sees every acknowledged append; small (rows live two days)',
  ),
  write_marks: everyNode('one row per Vigil server (the latest sequence number of its writes), polled by every server'),

  // 0022 agreement from per-day components
  annotation_label_days: sharded('cityHash64(day)', ROLLUP),
  annotation_task_days: sharded('cityHash64(task)', "a task's days on one shard (same task as annotation_labels, hashed), so a ReplacingMergeTree merge sees every row of a key"),
  annotation_agreement_daily: sharded(
    'cityHash64(day)',
    'rewritten by refreshes (INSERT … SELECT through the Distributed table) with a newer version per key: a deterministic key on the day puts every version of a row on one shard, where FINAL keeps the newest',
  ),
  annotation_mixed_task_answers: sharded(
    'cityHash64(task_id)',
    "a spread task's copied rows, rewritten by refreshes with a newer version: every version of a row, and all of a task's rows, on one shard, where FINAL keeps the newest",
  ),

  // 0025 daily annotation rollups
  annotation_labels_daily: sharded('cityHash64(vendor, queue, day)', ROLLUP),
  annotation_tasks_daily: sharded('cityHash64(vendor, queue, day)', ROLLUP),
  qa_audits_daily: sharded('cityHash64(vendor, queue, day)', ROLLUP),

  // 0024 the catalogue's dimension values, filled by views on the rollups
  dimension_values: sharded('cityHash64(source, dimension, value)', 'a set filled on each shard by the views on its rollups (a value may be on several shards); reads group across shards, the key only routes the backfill'),
};
