-- A caller's denials past the flood threshold are stored per citizen and window as one
-- AccessDenialsAggregated entry (docs/decisions/0008-denial-floods.md). Both logs keep it as one
-- row: how many attempts it stands for (1 for every other entry) and when the last one was; the
-- DPO's view also keeps which flood it belongs to (to list each flood once) and its rules
-- as rule=count pairs.
ALTER TABLE citizen_access_log ADD COLUMN attempts INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE citizen_access_log ADD COLUMN attempted_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE dpo_access_log ADD COLUMN attempts INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE dpo_access_log ADD COLUMN attempted_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE dpo_access_log ADD COLUMN flood_id VARCHAR(36);
ALTER TABLE dpo_access_log ADD COLUMN flood_rules VARCHAR(2000);
CREATE INDEX dpo_access_log_flood ON dpo_access_log (flood_id, accessed_at);
