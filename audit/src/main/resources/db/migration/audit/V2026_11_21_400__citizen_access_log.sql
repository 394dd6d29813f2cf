-- The citizen's access log (audit module): one row per recorded access to a citizen's data, as the
-- citizen may see it. No column for the individual staff member (CJEU C-579/21): the citizen is
-- owed dates, office, purpose and legal basis, not the employee. Plain SQL for H2 and PostgreSQL.
CREATE TABLE citizen_access_log (
    access_id        VARCHAR(36)    NOT NULL PRIMARY KEY,
    reference_number VARCHAR(13)    NOT NULL,
    citizen_id       VARCHAR(36)    NOT NULL,
    accessed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    office           VARCHAR(3),
    actor_role       VARCHAR(20)    NOT NULL,
    purpose          VARCHAR(100),
    legal_basis      VARCHAR(500),
    categories       VARCHAR(200)   NOT NULL,
    outcome          VARCHAR(20)    NOT NULL,
    decision_rule    VARCHAR(100),
    break_glass      BOOLEAN        NOT NULL,
    flagged          BOOLEAN        NOT NULL,
    channel          VARCHAR(10)    NOT NULL,
    file_references  VARCHAR(100000) NOT NULL
);
-- newest first per citizen, keyset-paged on (accessed_at, access_id)
CREATE INDEX citizen_access_log_page ON citizen_access_log (citizen_id, accessed_at DESC, access_id DESC);
-- the DPO looks an entry up by the reference number the citizen quotes
CREATE INDEX citizen_access_log_reference ON citizen_access_log (reference_number);
