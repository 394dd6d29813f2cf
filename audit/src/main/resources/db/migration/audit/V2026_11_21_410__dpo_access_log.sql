-- The DPO's access log (audit module): one row per recorded access, with the staff member as a
-- stable pseudonym (HMAC-SHA256 of the subject under a key the application holds) and never the
-- subject itself. Re-identifying a pseudonym is a separate, approved action. Plain SQL for H2 and
-- PostgreSQL.
CREATE TABLE dpo_access_log (
    access_id        VARCHAR(36)    NOT NULL PRIMARY KEY,
    accessed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    citizen_id       VARCHAR(36)    NOT NULL,
    staff_pseudonym  VARCHAR(20)    NOT NULL,
    actor_role       VARCHAR(20)    NOT NULL,
    office           VARCHAR(3),
    purpose          VARCHAR(100),
    legal_basis      VARCHAR(500),
    outcome          VARCHAR(20)    NOT NULL,
    decision_rule    VARCHAR(100),
    categories       VARCHAR(200)   NOT NULL,
    file_references  VARCHAR(100000) NOT NULL,
    break_glass      BOOLEAN        NOT NULL,
    flagged          BOOLEAN        NOT NULL,
    channel          VARCHAR(10)    NOT NULL
);
-- newest first, overall and per filter the DPO uses most
CREATE INDEX dpo_access_log_time ON dpo_access_log (accessed_at DESC, access_id DESC);
CREATE INDEX dpo_access_log_citizen ON dpo_access_log (citizen_id, accessed_at DESC);
CREATE INDEX dpo_access_log_staff ON dpo_access_log (staff_pseudonym, accessed_at DESC);
CREATE INDEX dpo_access_log_office ON dpo_access_log (office, accessed_at DESC);
