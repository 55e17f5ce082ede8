-- What the EU DSA transparency report (Articles 15, 24, 42; Implementing Regulation (EU) 2024/2835)
-- and the Transparency Database need on every moderation decision, which one `action` and one
-- `country` cannot say. Codes are those of server/domain/dsaVocabulary.ts. Every column has a
-- default that reads "not given", so decisions stored before this migration read as unknown
-- (and the report counts them under no category / no ground rather than guessing one).

ALTER TABLE moderation_decisions
    -- the service (platform) the decision was taken on; '' = the install's only service
    ADD COLUMN IF NOT EXISTS service           LowCardinality(String) DEFAULT '',
    -- Annex I Part 2 category, e.g. STATEMENT_CATEGORY_ANIMAL_WELFARE (or a v1 code as filed); '' = not given
    ADD COLUMN IF NOT EXISTS eu_category       LowCardinality(String) DEFAULT '',
    -- KEYWORD_* codes of the same list
    ADD COLUMN IF NOT EXISTS eu_keywords       Array(LowCardinality(String)) DEFAULT [],
    -- DECISION_GROUND_ILLEGAL_CONTENT | DECISION_GROUND_INCOMPATIBLE_CONTENT | ''
    ADD COLUMN IF NOT EXISTS legal_ground      LowCardinality(String) DEFAULT '',
    -- every restriction applied (visibility, monetary, provision, account), Transparency Database codes
    ADD COLUMN IF NOT EXISTS restrictions      Array(LowCardinality(String)) DEFAULT [],
    -- ISO 639-1, lower case
    ADD COLUMN IF NOT EXISTS content_language  LowCardinality(String) DEFAULT '',
    -- EEA member states (EU 27 + IS, LI, NO; Greece as GR) the decision applies in
    ADD COLUMN IF NOT EXISTS territorial_scope Array(LowCardinality(String)) DEFAULT [],
    -- ACCOUNT_TYPE_BUSINESS | ACCOUNT_TYPE_PRIVATE | ''
    ADD COLUMN IF NOT EXISTS account_type      LowCardinality(String) DEFAULT '',
    -- 'second' when posted_at, flagged_at and decided_at are real instants; 'day' when the source
    -- gives only dates (the DSA dumps): their differences are then no reaction time, and time-to-
    -- action percentiles leave such decisions out
    ADD COLUMN IF NOT EXISTS time_precision    LowCardinality(String) DEFAULT 'second';


-- Time to action leaves out day-precision decisions. A DSA statement of reasons gives only the
-- content's date and the decision's date, so "time to action" would read 0 s (same day) or the
-- content's age in whole days: neither is a reaction time, and mixed with real instants they would
-- pull the percentiles towards 0 or days. They still count everywhere else (decisions, actioned,
-- rates, the DSA report). The four rollups' tta_hist gain the condition and are rebuilt from the
-- raw table (decisions imported from DSA dumps before this migration, ids 'dsa-…', are marked day
-- precision first), so an existing data folder gives the new percentiles. Every statement can run
-- again after a failure: views are dropped and tables emptied before they are filled
-- (migrations run before the server accepts data: nothing arrives in between).
ALTER TABLE moderation_decisions UPDATE time_precision = 'day' WHERE startsWith(decision_id, 'dsa-') AND time_precision != 'day'
SETTINGS mutations_sync = 2;

DROP VIEW IF EXISTS moderation_hourly_mv;
DROP VIEW IF EXISTS moderation_region_policy_hourly_mv;
DROP VIEW IF EXISTS moderation_daily_mv;
DROP VIEW IF EXISTS moderation_region_policy_daily_mv;
TRUNCATE TABLE IF EXISTS moderation_hourly;
TRUNCATE TABLE IF EXISTS moderation_region_policy_hourly;
TRUNCATE TABLE IF EXISTS moderation_daily;
TRUNCATE TABLE IF EXISTS moderation_region_policy_daily;

INSERT INTO moderation_hourly
SELECT
    toStartOfHour(decided_at) AS hour,
    region, country, policy, content_type, detection_source, enforcement_path, action,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMapIf([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)], time_precision != 'day') AS tta_hist
FROM moderation_decisions
GROUP BY hour, region, country, policy, content_type, detection_source, enforcement_path, action;

INSERT INTO moderation_region_policy_hourly
SELECT
    toStartOfHour(decided_at) AS hour,
    region, policy,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMapIf([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)], time_precision != 'day') AS tta_hist
FROM moderation_decisions
GROUP BY hour, region, policy;

INSERT INTO moderation_daily
SELECT
    toDate(decided_at, 'UTC') AS day,
    region, country, policy, content_type, detection_source, enforcement_path, action,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMapIf([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)], time_precision != 'day') AS tta_hist
FROM moderation_decisions
GROUP BY day, region, country, policy, content_type, detection_source, enforcement_path, action;

INSERT INTO moderation_region_policy_daily
SELECT
    toDate(decided_at, 'UTC') AS day,
    region, policy,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMapIf([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)], time_precision != 'day') AS tta_hist
FROM moderation_decisions
GROUP BY day, region, policy;

CREATE MATERIALIZED VIEW IF NOT EXISTS moderation_hourly_mv TO moderation_hourly AS
SELECT
    toStartOfHour(decided_at) AS hour,
    region, country, policy, content_type, detection_source, enforcement_path, action,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMapIf([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)], time_precision != 'day') AS tta_hist
FROM moderation_decisions
GROUP BY hour, region, country, policy, content_type, detection_source, enforcement_path, action;

CREATE MATERIALIZED VIEW IF NOT EXISTS moderation_region_policy_hourly_mv TO moderation_region_policy_hourly AS
SELECT
    toStartOfHour(decided_at) AS hour,
    region, policy,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMapIf([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)], time_precision != 'day') AS tta_hist
FROM moderation_decisions
GROUP BY hour, region, policy;

CREATE MATERIALIZED VIEW IF NOT EXISTS moderation_daily_mv TO moderation_daily AS
SELECT
    toDate(decided_at, 'UTC') AS day,
    region, country, policy, content_type, detection_source, enforcement_path, action,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMapIf([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)], time_precision != 'day') AS tta_hist
FROM moderation_decisions
GROUP BY day, region, country, policy, content_type, detection_source, enforcement_path, action;

CREATE MATERIALIZED VIEW IF NOT EXISTS moderation_region_policy_daily_mv TO moderation_region_policy_daily AS
SELECT
    toDate(decided_at, 'UTC') AS day,
    region, policy,
    count() AS decisions,
    countIf(action != 'none') AS actioned,
    countIf(action != 'none' AND detection_source = 'automated') AS proactive_actioned,
    countIf(enforcement_path = 'automated') AS automated_decisions,
    countIf(action != 'none' AND dateDiff('second', posted_at, decided_at) <= 86400) AS actioned_within_24h,
    countIf(action != 'none' AND views_at_action = 0) AS actioned_zero_views,
    sumMapIf([toUInt16(floor(8 * log2(1 + greatest(0, dateDiff('second', flagged_at, decided_at)))))], [toUInt64(1)], time_precision != 'day') AS tta_hist
FROM moderation_decisions
GROUP BY day, region, policy;
