-- Blue/green rebuild of the access logs and the re-identification requests
-- (docs/decisions/0007-blue-green-rebuild.md), as for the consolidated file (migration 810): the
-- rows carry a generation, readers keep the old names, now views of the active generation. Every
-- column of these tables comes from the stored events (the chain position and the previous entry's
-- hash are in the event and its sequence number), so a new generation rebuilds them all. Plain SQL
-- for H2 and PostgreSQL.

-- The pointers live in the projections module's table (migration 810); the audit module's own tests
-- migrate only the audit tables, so it is created here when it is not there yet.
CREATE TABLE IF NOT EXISTS projection_generation (
    projection       VARCHAR(64) NOT NULL PRIMARY KEY,
    active           INTEGER     NOT NULL,
    building         INTEGER,
    rebuild_required BOOLEAN     DEFAULT FALSE NOT NULL
);
INSERT INTO projection_generation (projection, active, building, rebuild_required)
VALUES ('citizen-access-log', 1, NULL, FALSE);
INSERT INTO projection_generation (projection, active, building, rebuild_required)
VALUES ('dpo-access-log', 1, NULL, FALSE);
INSERT INTO projection_generation (projection, active, building, rebuild_required)
VALUES ('dpo-re-identifications', 1, NULL, FALSE);

-- ---- the citizen's access log ---------------------------------------------------------------
CREATE TABLE citizen_access_row (
    generation       INTEGER        NOT NULL,
    access_id        VARCHAR(36)    NOT NULL,
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
    file_references  VARCHAR(100000) NOT NULL,
    sealed_key       VARCHAR(120),
    event_id         VARCHAR(255),
    chain_sequence   BIGINT,
    previous_hash    VARCHAR(64),
    attempts         INTEGER        DEFAULT 1 NOT NULL,
    attempted_until  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (generation, access_id)
);
INSERT INTO citizen_access_row (generation, access_id, reference_number, citizen_id, accessed_at, office, actor_role,
    purpose, legal_basis, categories, outcome, decision_rule, break_glass, flagged, channel, file_references,
    sealed_key, event_id, chain_sequence, previous_hash, attempts, attempted_until)
SELECT 1, access_id, reference_number, citizen_id, accessed_at, office, actor_role, purpose, legal_basis, categories,
    outcome, decision_rule, break_glass, flagged, channel, file_references, sealed_key, event_id, chain_sequence,
    previous_hash, attempts, attempted_until
FROM citizen_access_log;
DROP TABLE citizen_access_log;
CREATE INDEX citizen_access_row_page ON citizen_access_row (generation, citizen_id, accessed_at DESC, access_id DESC);
CREATE INDEX citizen_access_row_reference ON citizen_access_row (generation, reference_number);
CREATE INDEX citizen_access_row_event ON citizen_access_row (generation, event_id);
-- a destroyed period key removes its entries from every generation
CREATE INDEX citizen_access_row_sealed_key ON citizen_access_row (sealed_key);

CREATE VIEW citizen_access_log AS
SELECT access_id, reference_number, citizen_id, accessed_at, office, actor_role, purpose, legal_basis, categories,
    outcome, decision_rule, break_glass, flagged, channel, file_references, sealed_key, event_id, chain_sequence,
    previous_hash, attempts, attempted_until
FROM citizen_access_row
WHERE generation = (SELECT active FROM projection_generation WHERE projection = 'citizen-access-log');

-- ---- the DPO's access log and search log --------------------------------------------------------
CREATE TABLE dpo_access_row (
    generation            INTEGER        NOT NULL,
    access_id             VARCHAR(36)    NOT NULL,
    accessed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    citizen_id            VARCHAR(36)    NOT NULL,
    staff_pseudonym       VARCHAR(20)    NOT NULL,
    actor_role            VARCHAR(20)    NOT NULL,
    office                VARCHAR(3),
    purpose               VARCHAR(100),
    legal_basis           VARCHAR(500),
    outcome               VARCHAR(20)    NOT NULL,
    decision_rule         VARCHAR(100),
    categories            VARCHAR(200)   NOT NULL,
    file_references       VARCHAR(100000) NOT NULL,
    break_glass           BOOLEAN        NOT NULL,
    flagged               BOOLEAN        NOT NULL,
    channel               VARCHAR(10)    NOT NULL,
    sealed_key            VARCHAR(120),
    in_case_context       BOOLEAN,
    case_context          VARCHAR(100000),
    strictly_confidential BOOLEAN,
    information_block     VARCHAR(12),
    sensitive_citizen     BOOLEAN,
    local_day             DATE,
    local_weekday         SMALLINT,
    local_minute          SMALLINT,
    event_id              VARCHAR(255),
    attempts              INTEGER        DEFAULT 1 NOT NULL,
    attempted_until       TIMESTAMP WITH TIME ZONE,
    flood_id              VARCHAR(36),
    flood_rules           VARCHAR(2000),
    PRIMARY KEY (generation, access_id)
);
INSERT INTO dpo_access_row (generation, access_id, accessed_at, citizen_id, staff_pseudonym, actor_role, office,
    purpose, legal_basis, outcome, decision_rule, categories, file_references, break_glass, flagged, channel,
    sealed_key, in_case_context, case_context, strictly_confidential, information_block, sensitive_citizen,
    local_day, local_weekday, local_minute, event_id, attempts, attempted_until, flood_id, flood_rules)
SELECT 1, access_id, accessed_at, citizen_id, staff_pseudonym, actor_role, office, purpose, legal_basis, outcome,
    decision_rule, categories, file_references, break_glass, flagged, channel, sealed_key, in_case_context,
    case_context, strictly_confidential, information_block, sensitive_citizen, local_day, local_weekday,
    local_minute, event_id, attempts, attempted_until, flood_id, flood_rules
FROM dpo_access_log;
DROP TABLE dpo_access_log;
CREATE INDEX dpo_access_row_time ON dpo_access_row (generation, accessed_at DESC, access_id DESC);
CREATE INDEX dpo_access_row_citizen ON dpo_access_row (generation, citizen_id, accessed_at DESC);
CREATE INDEX dpo_access_row_staff ON dpo_access_row (generation, staff_pseudonym, accessed_at DESC);
CREATE INDEX dpo_access_row_office ON dpo_access_row (generation, office, accessed_at DESC);
CREATE INDEX dpo_access_row_day ON dpo_access_row (generation, local_day, office, staff_pseudonym);
CREATE INDEX dpo_access_row_context ON dpo_access_row (generation, in_case_context, accessed_at DESC);
CREATE INDEX dpo_access_row_sensitive ON dpo_access_row (generation, sensitive_citizen, accessed_at DESC);
CREATE INDEX dpo_access_row_flood ON dpo_access_row (generation, flood_id, accessed_at);
-- a destroyed period key removes its entries from every generation
CREATE INDEX dpo_access_row_sealed_key ON dpo_access_row (sealed_key);

CREATE VIEW dpo_access_log AS
SELECT access_id, accessed_at, citizen_id, staff_pseudonym, actor_role, office, purpose, legal_basis, outcome,
    decision_rule, categories, file_references, break_glass, flagged, channel, sealed_key, in_case_context,
    case_context, strictly_confidential, information_block, sensitive_citizen, local_day, local_weekday,
    local_minute, event_id, attempts, attempted_until, flood_id, flood_rules
FROM dpo_access_row
WHERE generation = (SELECT active FROM projection_generation WHERE projection = 'dpo-access-log');

CREATE TABLE dpo_search_row (
    generation       INTEGER        NOT NULL,
    search_id        VARCHAR(36)    NOT NULL,
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
    event_id         VARCHAR(255),
    sealed_key       VARCHAR(120),
    PRIMARY KEY (generation, search_id)
);
INSERT INTO dpo_search_row (generation, search_id, searched_at, staff_pseudonym, actor_role, office, scope, criteria,
    outcome, decision_rule, hit_count, purpose, legal_basis, event_id, sealed_key)
SELECT 1, search_id, searched_at, staff_pseudonym, actor_role, office, scope, criteria, outcome, decision_rule,
    hit_count, purpose, legal_basis, event_id, sealed_key
FROM dpo_search_log;
DROP TABLE dpo_search_log;
CREATE INDEX dpo_search_row_time ON dpo_search_row (generation, searched_at DESC, search_id DESC);
CREATE INDEX dpo_search_row_staff ON dpo_search_row (generation, staff_pseudonym, searched_at DESC);
CREATE INDEX dpo_search_row_office ON dpo_search_row (generation, office, searched_at DESC);
CREATE INDEX dpo_search_row_sealed_key ON dpo_search_row (sealed_key);

-- the DPO's log's generation: the search log is written by the same processor (dpo-access-log)
CREATE VIEW dpo_search_log AS
SELECT search_id, searched_at, staff_pseudonym, actor_role, office, scope, criteria, outcome, decision_rule, hit_count,
    purpose, legal_basis, event_id, sealed_key
FROM dpo_search_row
WHERE generation = (SELECT active FROM projection_generation WHERE projection = 'dpo-access-log');

-- ---- the re-identification requests --------------------------------------------------------------
CREATE TABLE dpo_re_identification_row (
    generation           INTEGER       NOT NULL,
    re_identification_id VARCHAR(36)   NOT NULL,
    pseudonym            VARCHAR(20)   NOT NULL,
    reason               VARCHAR(1000) NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by         VARCHAR(20)   NOT NULL,
    decided_at           TIMESTAMP WITH TIME ZONE,
    decided_by           VARCHAR(20),
    decision_note        VARCHAR(1000),
    reveals              INTEGER       NOT NULL,
    last_revealed_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (generation, re_identification_id)
);
INSERT INTO dpo_re_identification_row (generation, re_identification_id, pseudonym, reason, status, requested_at,
    requested_by, decided_at, decided_by, decision_note, reveals, last_revealed_at)
SELECT 1, re_identification_id, pseudonym, reason, status, requested_at, requested_by, decided_at, decided_by,
    decision_note, reveals, last_revealed_at
FROM dpo_re_identification;
DROP TABLE dpo_re_identification;
CREATE INDEX dpo_re_identification_row_status ON dpo_re_identification_row (generation, status, requested_at DESC);

CREATE VIEW dpo_re_identification AS
SELECT re_identification_id, pseudonym, reason, status, requested_at, requested_by, decided_at, decided_by,
    decision_note, reveals, last_revealed_at
FROM dpo_re_identification_row
WHERE generation = (SELECT active FROM projection_generation WHERE projection = 'dpo-re-identifications');
