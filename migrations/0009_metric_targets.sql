-- Targets set by admins, overriding the metric catalogue's defaults (server/metrics/catalogue.ts).
-- Versioned like notes: each change is a new row written with the deduplication token
-- "<metric>:<version>", so a stale change is refused and the history is kept. state is SET (value,
-- direction and margin apply), NONE (the metric has no target) or DEFAULT (the catalogue's again).

CREATE TABLE IF NOT EXISTS metric_targets
(
    metric_id      String,
    version        UInt32,
    state          LowCardinality(String),
    value          Float64,
    direction      LowCardinality(String),
    at_risk_margin Float64,
    updated_by     String,
    updated_at     DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (metric_id, version)
SETTINGS non_replicated_deduplication_window = 10000;
