-- The key (access/<class>/<yyyy-MM>) that seals each entry's personal fields in the event store:
-- when the period's retention ends and the key is destroyed, its rows are deleted here too.
ALTER TABLE citizen_access_log ADD COLUMN sealed_key VARCHAR(120);
CREATE INDEX citizen_access_log_sealed_key ON citizen_access_log (sealed_key);
ALTER TABLE dpo_access_log ADD COLUMN sealed_key VARCHAR(120);
CREATE INDEX dpo_access_log_sealed_key ON dpo_access_log (sealed_key);
