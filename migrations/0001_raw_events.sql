-- Raw event tables: one row per event, exactly as producers send them.
-- Engines and keys:
--   * MergeTree, partitioned by month of the event time: old months can be dropped or moved whole,
--     and a time filter prunes partitions before the primary index is read.
--   * ORDER BY starts with the low-cardinality dimensions people filter on (region, policy, or
--     vendor, queue) and then the event time, so "one region, last 7 days" reads a few granules.
--   * Every dimension is LowCardinality(String): dictionary-encoded, small and fast to group by.
--   * Times are DateTime('UTC') (seconds). Queries bind time bounds as DateTime('UTC') too,
--     so the primary key is used without conversions.
-- Dashboards never read these tables; they read the rollups filled by materialized views.

CREATE TABLE IF NOT EXISTS moderation_decisions
(
    decision_id      String,
    content_id       String,
    decided_at       DateTime('UTC'),
    posted_at        DateTime('UTC'),
    -- first flag: automated detection, user report, trusted flagger or legal request
    flagged_at       DateTime('UTC'),
    region           LowCardinality(String),
    country          LowCardinality(String),
    policy           LowCardinality(String),
    content_type     LowCardinality(String),
    detection_source LowCardinality(String),
    enforcement_path LowCardinality(String),
    -- 'none' = no violation found; anything else is an enforcement
    action           LowCardinality(String),
    -- human review queue and its SLA; '' and 0 for fully automated decisions
    queue            LowCardinality(String),
    sla_seconds      UInt32,
    views_at_action  UInt32,
    model_id         LowCardinality(String),
    model_version    LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(decided_at)
ORDER BY (region, policy, decided_at);

-- Items entering a human review queue. With the reviewed decisions they give the review backlog.
CREATE TABLE IF NOT EXISTS review_enqueues
(
    enqueue_id  String,
    content_id  String,
    enqueued_at DateTime('UTC'),
    region      LowCardinality(String),
    country     LowCardinality(String),
    policy      LowCardinality(String),
    queue       LowCardinality(String),
    sla_seconds UInt32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(enqueued_at)
ORDER BY (region, policy, enqueued_at);

-- An appeal is two events: filed, then resolved (outcome 'upheld' or 'overturned').
CREATE TABLE IF NOT EXISTS appeal_events
(
    appeal_id    String,
    decision_id  String,
    event        LowCardinality(String),
    event_at     DateTime('UTC'),
    region       LowCardinality(String),
    country      LowCardinality(String),
    policy       LowCardinality(String),
    content_type LowCardinality(String),
    outcome      LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_at)
ORDER BY (region, policy, event_at);

-- One score of one classifier version for one item and policy.
CREATE TABLE IF NOT EXISTS model_predictions
(
    prediction_id String,
    content_id    String,
    scored_at     DateTime('UTC'),
    model_id      LowCardinality(String),
    model_version LowCardinality(String),
    region        LowCardinality(String),
    country       LowCardinality(String),
    policy        LowCardinality(String),
    score         Float32,
    -- the deployed threshold at scoring time: flagged = score >= threshold
    threshold     Float32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(scored_at)
ORDER BY (model_id, policy, region, scored_at);

-- Ground truth arrives late and from several sources; only golden_set and random_audit are
-- unbiased samples (human_review and appeal only see flagged items).
CREATE TABLE IF NOT EXISTS ground_truth_labels
(
    label_id     String,
    content_id   String,
    policy       LowCardinality(String),
    label_source LowCardinality(String),
    is_violating UInt8,
    labelled_at  DateTime('UTC')
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(labelled_at)
ORDER BY (policy, labelled_at);

-- Model versions rolled out to (or rolled back from) a region: markers on charts.
CREATE TABLE IF NOT EXISTS model_rollouts
(
    model_id      LowCardinality(String),
    model_version LowCardinality(String),
    region        LowCardinality(String),
    event         LowCardinality(String),
    at            DateTime('UTC'),
    note          String
)
ENGINE = MergeTree
ORDER BY (model_id, at);

-- A labelling task is two events: created, then completed (when all its labels are in).
CREATE TABLE IF NOT EXISTS annotation_task_events
(
    task_id         String,
    event           LowCardinality(String),
    event_at        DateTime('UTC'),
    task_created_at DateTime('UTC'),
    vendor          LowCardinality(String),
    site            LowCardinality(String),
    queue           LowCardinality(String),
    language        LowCardinality(String),
    region          LowCardinality(String),
    policy          LowCardinality(String),
    sla_seconds     UInt32,
    labels_required UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_at)
ORDER BY (vendor, queue, event_at);

-- One answer of one annotator on one task. Golden tasks carry the gold answer.
CREATE TABLE IF NOT EXISTS annotation_labels
(
    label_id        String,
    task_id         String,
    annotator_id    String,
    vendor          LowCardinality(String),
    site            LowCardinality(String),
    queue           LowCardinality(String),
    language        LowCardinality(String),
    region          LowCardinality(String),
    policy          LowCardinality(String),
    task_created_at DateTime('UTC'),
    submitted_at    DateTime('UTC'),
    answer          LowCardinality(String),
    is_golden       UInt8,
    gold_answer     LowCardinality(String),
    handle_seconds  UInt32,
    labels_required UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(submitted_at)
ORDER BY (vendor, queue, submitted_at);

-- Quality-assurance audits of submitted labels.
CREATE TABLE IF NOT EXISTS qa_audits
(
    audit_id     String,
    label_id     String,
    annotator_id String,
    vendor       LowCardinality(String),
    site         LowCardinality(String),
    queue        LowCardinality(String),
    language     LowCardinality(String),
    region       LowCardinality(String),
    policy       LowCardinality(String),
    audited_at   DateTime('UTC'),
    passed       UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(audited_at)
ORDER BY (vendor, queue, audited_at);

-- Incident notes keep every version (MergeTree, not Replacing: edits and deletes are history).
-- The current note is the row with the highest version; is_deleted marks a deletion.
CREATE TABLE IF NOT EXISTS incident_notes
(
    note_id    String,
    version    UInt32,
    starts_at  DateTime('UTC'),
    ends_at    DateTime('UTC'),
    regions    Array(LowCardinality(String)),
    policies   Array(LowCardinality(String)),
    models     Array(LowCardinality(String)),
    vendors    Array(LowCardinality(String)),
    title      String,
    body       String,
    tags       Array(String),
    author     String,
    is_deleted UInt8,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (note_id, version);
