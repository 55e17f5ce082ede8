-- Alerts (server/alerts/, README "Alerts and digests"): rules, their evaluations, silences and the
-- notification ledger. Everything the evaluator and the notifier need to carry on after a restart
-- lives here, not in memory.

-- Rules are versioned documents like notes: each change is a new row written with the
-- deduplication token "<rule_id>:<version>", so a stale edit is refused and the history is kept.
-- filters (JSON [{dimension, values}]) are the filters in force, already narrowed to the author's
-- scope; regions / countries / vendors repeat what they name on the scoped dimensions, which
-- decides who may read and write the rule. condition is JSON (server/alerts/rules.ts).
CREATE TABLE IF NOT EXISTS alert_rules
(
    rule_id          String,
    version          UInt32,
    name             String,
    metric_id        LowCardinality(String),
    filters          String,
    group_by         Array(LowCardinality(String)),
    condition        String,
    window_seconds   UInt32,
    for_seconds      UInt32,
    min_size         Float64,
    min_volume       Float64,
    renotify_seconds UInt32,
    channels         Array(String),
    enabled          UInt8,
    regions          Array(LowCardinality(String)),
    countries        Array(LowCardinality(String)),
    vendors          Array(LowCardinality(String)),
    author           String,
    is_deleted       UInt8,
    updated_by       String,
    updated_at       DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (rule_id, version)
SETTINGS non_replicated_deduplication_window = 10000;

-- One row per rule, group (a slice value of a grouped rule; '' for the whole slice) and evaluated
-- hour: the figures behind the decision (value, baseline, band, p and q, volume), the reason in
-- words, and the state after it (OK, PENDING, FIRING) with the evaluated hour since which the
-- condition has held. The sort key is the idempotency key: evaluating the same hour again replaces
-- the row (ReplacingMergeTree), and the evaluator resumes after the latest hour stored.
CREATE TABLE IF NOT EXISTS alert_evaluations
(
    rule_id         String,
    rule_version    UInt32,
    group_key       String,
    group_label     String,
    evaluated_until DateTime('UTC'),
    condition_met   UInt8,
    state           LowCardinality(String),
    since           Nullable(DateTime('UTC')),
    value           Nullable(Float64),
    baseline        Nullable(Float64),
    low             Nullable(Float64),
    high            Nullable(Float64),
    p_value         Nullable(Float64),
    q_value         Nullable(Float64),
    volume          Float64,
    reason          String,
    evaluated_at    DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(evaluated_at)
ORDER BY (rule_id, group_key, evaluated_until);

-- Silences: a rule (and optionally one group of it) stays quiet until ends_at. Versioned like rules
-- so ending one early is a new version with an earlier ends_at.
CREATE TABLE IF NOT EXISTS alert_silences
(
    silence_id String,
    version    UInt32,
    rule_id    String,
    group_key  String,
    starts_at  DateTime('UTC'),
    ends_at    DateTime('UTC'),
    reason     String,
    author     String,
    is_deleted UInt8,
    updated_by String,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (silence_id, version)
SETTINGS non_replicated_deduplication_window = 10000;

-- The notification ledger and history: every step of every delivery is a row (PENDING before the
-- send, then SENT, FAILED, UNKNOWN or SILENCED); the latest row of a delivery id is its outcome.
-- Delivery ids are derived from what is notified (rule, group, episode, kind, channel), so a
-- delivery is never recorded twice under two ids. payload (on the PENDING row) is the exact body,
-- so a webhook send interrupted by a crash is repeated byte for byte under the same id.
CREATE TABLE IF NOT EXISTS alert_notifications
(
    delivery_id  String,
    rule_id      String,
    group_key    String,
    episode      Nullable(DateTime('UTC')),
    channel_id   LowCardinality(String),
    channel_kind LowCardinality(String),
    kind         LowCardinality(String),
    status       LowCardinality(String),
    attempts     UInt16,
    detail       String,
    subject      String,
    payload      String,
    recorded_at  DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (delivery_id, recorded_at);
