-- The weekly retrospective's own data: findings, root causes and action items written in the
-- retrospective of an ISO week. Like incident notes, every edit is a new version (MergeTree keyed
-- by item and version, never Replacing): history is kept, and the current item is its highest
-- version. An edit is written with a deduplication token "<item>:<version>", so of two concurrent
-- edits of the same version only the first is stored and the other is told it is stale.

CREATE TABLE IF NOT EXISTS retro_items
(
    item_id    String,
    version    UInt32,
    -- Monday of the ISO week whose retrospective the item was written in
    week       Date,
    section    LowCardinality(String),
    kind       LowCardinality(String),
    text       String,
    owner      String,
    due_date   Nullable(Date),
    status     LowCardinality(String),
    author     String,
    is_deleted UInt8,
    updated_at DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (item_id, version)
SETTINGS non_replicated_deduplication_window = 10000;

ALTER TABLE incident_notes MODIFY SETTING non_replicated_deduplication_window = 10000;
