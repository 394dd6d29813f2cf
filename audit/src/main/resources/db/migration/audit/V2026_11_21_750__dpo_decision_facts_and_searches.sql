-- The DPO's view, second part (audit module): the facts each access decision rested on, the local
-- day and time of each access (in the zone of eakte.dpo.time-zone, default Europe/Berlin) for the
-- anomaly report, and where in the event store the entry is (so a re-identification approved with
-- four eyes can read the staff member from the event itself: no subject is kept here). Plus the
-- staff searches (group queries) and the four-eyes re-identification requests. Plain SQL for H2
-- and PostgreSQL; entries recorded before this migration keep NULL facts.
ALTER TABLE dpo_access_log ADD COLUMN in_case_context BOOLEAN;
ALTER TABLE dpo_access_log ADD COLUMN case_context VARCHAR(100000);
ALTER TABLE dpo_access_log ADD COLUMN strictly_confidential BOOLEAN;
ALTER TABLE dpo_access_log ADD COLUMN information_block VARCHAR(12);
-- strictly confidential or blocked: one column, so the report's section reads one index range
ALTER TABLE dpo_access_log ADD COLUMN sensitive_citizen BOOLEAN;
ALTER TABLE dpo_access_log ADD COLUMN local_day DATE;
ALTER TABLE dpo_access_log ADD COLUMN local_weekday SMALLINT;
ALTER TABLE dpo_access_log ADD COLUMN local_minute SMALLINT;
ALTER TABLE dpo_access_log ADD COLUMN event_id VARCHAR(255);

-- staff whose daily look-ups exceed a multiple of their office's median: group by day, office, staff
CREATE INDEX dpo_access_log_day ON dpo_access_log (local_day, office, staff_pseudonym);
-- look-ups without case context, and of strictly confidential or blocked citizens, newest first
CREATE INDEX dpo_access_log_context ON dpo_access_log (in_case_context, accessed_at DESC);
CREATE INDEX dpo_access_log_sensitive ON dpo_access_log (sensitive_citizen, accessed_at DESC);

CREATE TABLE dpo_search_log (
    search_id        VARCHAR(36)    NOT NULL PRIMARY KEY,
    searched_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    staff_pseudonym  VARCHAR(20)    NOT NULL,
    actor_role       VARCHAR(20)    NOT NULL,
    office           VARCHAR(3),
    scope            VARCHAR(20)    NOT NULL,
    criteria         VARCHAR(10000) NOT NULL,
    outcome          VARCHAR(20)    NOT NULL,
    decision_rule    VARCHAR(100),
    hit_count        INTEGER        NOT NULL,
    purpose          VARCHAR(100),
    legal_basis      VARCHAR(500),
    event_id         VARCHAR(255)
);
CREATE INDEX dpo_search_log_time ON dpo_search_log (searched_at DESC, search_id DESC);
CREATE INDEX dpo_search_log_staff ON dpo_search_log (staff_pseudonym, searched_at DESC);
CREATE INDEX dpo_search_log_office ON dpo_search_log (office, searched_at DESC);

-- Requests to re-identify a staff pseudonym: the DPOs appear as pseudonyms too; the subject asked
-- for is never stored, it is read from the event store when the approved requester asks for it.
CREATE TABLE dpo_re_identification (
    re_identification_id VARCHAR(36)   NOT NULL PRIMARY KEY,
    pseudonym            VARCHAR(20)   NOT NULL,
    reason               VARCHAR(1000) NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by         VARCHAR(20)   NOT NULL,
    decided_at           TIMESTAMP WITH TIME ZONE,
    decided_by           VARCHAR(20),
    decision_note        VARCHAR(1000),
    reveals              INTEGER       NOT NULL,
    last_revealed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX dpo_re_identification_status ON dpo_re_identification (status, requested_at DESC);
