-- Where each entry stands in the citizen's access chain and in the event store, so the citizen's
-- view can name the stored event (and its ledger leaf) and a client can check the chain's links:
-- the event identifier, the entry's gap-free number in the chain (the event's sequence number in
-- aggregate access-log-<citizen>) and the base64 leaf hash of the previous entry's stored row.
ALTER TABLE citizen_access_log ADD COLUMN event_id VARCHAR(255);
ALTER TABLE citizen_access_log ADD COLUMN chain_sequence BIGINT;
ALTER TABLE citizen_access_log ADD COLUMN previous_hash VARCHAR(64);
CREATE INDEX citizen_access_log_event ON citizen_access_log (event_id);
