-- The period key (access/<class>/<yyyy-MM>) that seals a search's staff member and criteria in the
-- event store: when its retention ends and the key is destroyed, the search leaves the DPO's log.
ALTER TABLE dpo_search_log ADD COLUMN sealed_key VARCHAR(120);
CREATE INDEX dpo_search_log_sealed_key ON dpo_search_log (sealed_key);
