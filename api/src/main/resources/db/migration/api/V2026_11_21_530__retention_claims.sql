-- Write side of disposal: which list has taken a case. Written in the command's transaction, so
-- two lists drawn up at once (two instances, the schedule and a request) cannot take the same
-- case; the primary key refuses the second. A skipped case's row is deleted, a disposed one's stays.
CREATE TABLE retention_claim (
    case_id     VARCHAR(36) NOT NULL PRIMARY KEY,
    list_id     VARCHAR(36) NOT NULL
);
