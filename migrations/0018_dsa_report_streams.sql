-- The events the DSA transparency report (Annex I of Implementing Regulation (EU) 2024/2835) needs
-- beyond moderation decisions. Raw tables like 0001 (MergeTree by month, LowCardinality
-- dimensions, the deduplication window of 0006 so ingestion stays exactly once); the report reads
-- them directly: a half-year is read a few times a year, so no rollup is kept for it.

-- Article 16 notices. A notice names the decision that followed (decision_id, its decided_at and
-- legal ground), or '' / 0 when none did: time to action is decided_at − received_at without a join.
CREATE TABLE IF NOT EXISTS dsa_notices
(
    notice_id       String,
    service         LowCardinality(String),
    received_at     DateTime('UTC'),
    eu_category     LowCardinality(String),
    -- the one keyword the report counts the notice or order under ('' = none: KEYWORD_OTHER)
    eu_keyword      LowCardinality(String),
    -- specific items of information the notice names
    items           UInt32,
    trusted_flagger UInt8,
    -- processed solely by automated means (part 8, NAM)
    automated       UInt8,
    decision_id     String,
    decided_at      DateTime('UTC') DEFAULT toDateTime(0, 'UTC'),
    -- 'DECISION_GROUND_ILLEGAL_CONTENT' | 'DECISION_GROUND_INCOMPATIBLE_CONTENT' | '' (no action)
    legal_ground    LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (service, eu_category, received_at)
SETTINGS non_replicated_deduplication_window = 10000;

-- Articles 9 and 10: orders of member-state authorities, to act against illegal content or to
-- provide information. effected_at is 0 while the order has not been given effect.
CREATE TABLE IF NOT EXISTS dsa_orders
(
    order_id        String,
    service         LowCardinality(String),
    member_state    LowCardinality(String),
    order_type      LowCardinality(String),
    eu_category     LowCardinality(String),
    -- the one keyword the report counts the notice or order under ('' = none: KEYWORD_OTHER)
    eu_keyword      LowCardinality(String),
    items           UInt32,
    received_at     DateTime('UTC'),
    acknowledged_at DateTime('UTC'),
    effected_at     DateTime('UTC') DEFAULT toDateTime(0, 'UTC')
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (service, member_state, received_at)
SETTINGS non_replicated_deduplication_window = 10000;

-- Complaints (Article 20) are appeals: the appeals stream gains the template's outcome, what the
-- complaint is about, and the restrictions newly imposed. `outcome` keeps its meaning for the
-- dashboard (upheld | overturned); dsa_outcome refines it (README "DSA transparency report").
ALTER TABLE appeal_events ADD COLUMN IF NOT EXISTS service LowCardinality(String) DEFAULT '';
ALTER TABLE appeal_events ADD COLUMN IF NOT EXISTS dsa_outcome LowCardinality(String) DEFAULT '';
ALTER TABLE appeal_events ADD COLUMN IF NOT EXISTS dsa_subject LowCardinality(String) DEFAULT '';
ALTER TABLE appeal_events ADD COLUMN IF NOT EXISTS restrictions_imposed UInt32 DEFAULT 0;

-- Article 21 out-of-court disputes: submitted, then resolved (two events, same dispute_id).
CREATE TABLE IF NOT EXISTS dsa_disputes
(
    dispute_id   String,
    service      LowCardinality(String),
    event        LowCardinality(String),
    event_at     DateTime('UTC'),
    submitted_at DateTime('UTC'),
    outcome      LowCardinality(String),
    implemented  UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(submitted_at)
ORDER BY (service, dispute_id, event)
SETTINGS non_replicated_deduplication_window = 10000;

-- Article 23 suspensions of recipients for misuse.
CREATE TABLE IF NOT EXISTS dsa_suspensions
(
    suspension_id String,
    service       LowCardinality(String),
    suspended_at  DateTime('UTC'),
    account_id    String,
    reason        LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(suspended_at)
ORDER BY (service, reason, suspended_at)
SETTINGS non_replicated_deduplication_window = 10000;

-- Monthly active recipients per member state, and for the Union as a whole ('TOTAL': a recipient
-- active in two states counts once there, so it is not the sum of the states).
CREATE TABLE IF NOT EXISTS dsa_active_recipients
(
    figure_id    String,
    -- a corrected figure comes with a new id: the latest reported_at (then figure_id) counts
    reported_at  DateTime('UTC'),
    service      LowCardinality(String),
    month_start  DateTime('UTC'),
    member_state LowCardinality(String),
    recipients   UInt64
)
ENGINE = MergeTree
ORDER BY (service, month_start, member_state)
SETTINGS non_replicated_deduplication_window = 10000;

-- Content-moderation staff at a date: headcount (language '') and those with sufficient
-- expertise in an official EU language ('any' for at least one), internal or external.
CREATE TABLE IF NOT EXISTS dsa_moderation_staff
(
    figure_id   String,
    reported_at DateTime('UTC'),
    service     LowCardinality(String),
    as_of       DateTime('UTC'),
    employment  LowCardinality(String),
    language    LowCardinality(String),
    moderators  UInt32
)
ENGINE = MergeTree
ORDER BY (service, as_of, employment, language)
SETTINGS non_replicated_deduplication_window = 10000;

-- Part 11, the qualitative sections: free text per service, period and indicator, versioned like
-- incident notes (every edit a new version, "<id>:<version>" deduplication token, migration 0007).
CREATE TABLE IF NOT EXISTS dsa_report_texts
(
    text_id     String,
    version     UInt32,
    service     LowCardinality(String),
    period_from Date,
    period_to   Date,
    indicator   String,
    body        String,
    author      String,
    is_deleted  UInt8,
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (text_id, version)
SETTINGS non_replicated_deduplication_window = 10000;
