-- Scopes on the retrospective's documents. An incident note may now be about countries as well
-- as regions (so a country-scoped editor can write one), and findings, root causes and action
-- items get the same regions / countries / vendors as notes, so that a scoped user reads and
-- writes only the items wholly inside their scope (server/access/access.ts). Existing notes keep
-- no country, and existing items keep empty lists: they are team-wide, as before.

ALTER TABLE incident_notes ADD COLUMN IF NOT EXISTS countries Array(LowCardinality(String)) AFTER regions;

ALTER TABLE retro_items ADD COLUMN IF NOT EXISTS regions Array(LowCardinality(String)) AFTER status;
ALTER TABLE retro_items ADD COLUMN IF NOT EXISTS countries Array(LowCardinality(String)) AFTER regions;
ALTER TABLE retro_items ADD COLUMN IF NOT EXISTS vendors Array(LowCardinality(String)) AFTER countries;
