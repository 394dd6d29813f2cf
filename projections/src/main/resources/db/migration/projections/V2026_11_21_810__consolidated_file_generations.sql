-- Blue/green rebuild of the consolidated file (docs/decisions/0007-blue-green-rebuild.md): its rows
-- carry a generation like the search model's; a rebuild fills the next generation beside the one
-- serving, then the pointer moves in the transaction that hands the position over. Readers keep
-- the old names, now views of the active generation. Plain SQL for H2 and PostgreSQL (no table is
-- altered in place: H2 and PostgreSQL name primary keys differently).

-- The pointers of every generational read model, not only the search's.
ALTER TABLE search_generation RENAME TO projection_generation;
INSERT INTO projection_generation (projection, active, building, rebuild_required)
VALUES ('consolidated-file', 1, NULL, FALSE);

CREATE TABLE citizen_file_row (
    generation          INTEGER      NOT NULL,
    citizen_id          VARCHAR(36)  NOT NULL,
    family_name         VARCHAR(100) NOT NULL,
    given_names         VARCHAR(200) NOT NULL,
    birth_name          VARCHAR(100),
    date_of_birth       DATE         NOT NULL,
    place_of_birth      VARCHAR(100) NOT NULL,
    id_nr               VARCHAR(11),
    street              VARCHAR(100) NOT NULL,
    house_number        VARCHAR(20)  NOT NULL,
    postcode            VARCHAR(5)   NOT NULL,
    city                VARCHAR(100) NOT NULL,
    moved_on            DATE,
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT       NOT NULL,
    information_block   VARCHAR(20)  DEFAULT 'NONE' NOT NULL,
    restricted          BOOLEAN      DEFAULT FALSE NOT NULL,
    earliest_erasure_on DATE,
    PRIMARY KEY (generation, citizen_id)
);
INSERT INTO citizen_file_row (generation, citizen_id, family_name, given_names, birth_name, date_of_birth,
    place_of_birth, id_nr, street, house_number, postcode, city, moved_on, opened_at, version, information_block,
    restricted, earliest_erasure_on)
SELECT 1, citizen_id, family_name, given_names, birth_name, date_of_birth, place_of_birth, id_nr, street,
    house_number, postcode, city, moved_on, opened_at, version, information_block, restricted, earliest_erasure_on
FROM citizen_file_view;
DROP TABLE citizen_file_view;

CREATE TABLE citizen_address_row (
    generation      INTEGER      NOT NULL,
    citizen_id      VARCHAR(36)  NOT NULL,
    event_sequence  BIGINT       NOT NULL,
    street          VARCHAR(100) NOT NULL,
    house_number    VARCHAR(20)  NOT NULL,
    postcode        VARCHAR(5)   NOT NULL,
    city            VARCHAR(100) NOT NULL,
    moved_on        DATE,
    PRIMARY KEY (generation, citizen_id, event_sequence)
);
INSERT INTO citizen_address_row (generation, citizen_id, event_sequence, street, house_number, postcode, city, moved_on)
SELECT 1, citizen_id, event_sequence, street, house_number, postcode, city, moved_on FROM citizen_address_history;
DROP TABLE citizen_address_history;

CREATE TABLE case_row (
    generation        INTEGER      NOT NULL,
    case_id           VARCHAR(36)  NOT NULL,
    citizen_id        VARCHAR(36)  NOT NULL,
    file_reference    VARCHAR(40)  NOT NULL,
    office            VARCHAR(3)   NOT NULL,
    case_type         VARCHAR(40)  NOT NULL,
    subject           VARCHAR(200),
    confidentiality   VARCHAR(30)  NOT NULL,
    status            VARCHAR(30)  NOT NULL,
    deadline          DATE         NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at         TIMESTAMP WITH TIME ZONE,
    retention_years   INTEGER      NOT NULL,
    retention_ends_on DATE,
    disposal          VARCHAR(1)   NOT NULL,
    entry_count       INTEGER      NOT NULL,
    version           BIGINT       NOT NULL,
    legal_hold        BOOLEAN      DEFAULT FALSE NOT NULL,
    disposal_state    VARCHAR(20),
    disposed_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (generation, case_id),
    CONSTRAINT case_row_file_reference_unique UNIQUE (generation, file_reference)
);
INSERT INTO case_row (generation, case_id, citizen_id, file_reference, office, case_type, subject, confidentiality,
    status, deadline, opened_at, closed_at, retention_years, retention_ends_on, disposal, entry_count, version,
    legal_hold, disposal_state, disposed_at)
SELECT 1, case_id, citizen_id, file_reference, office, case_type, subject, confidentiality, status, deadline,
    opened_at, closed_at, retention_years, retention_ends_on, disposal, entry_count, version, legal_hold,
    disposal_state, disposed_at
FROM case_view;
DROP TABLE case_view;
CREATE INDEX case_row_citizen ON case_row (generation, citizen_id, opened_at);
-- erasure removes a citizen's cases from every generation
CREATE INDEX case_row_citizen_any ON case_row (citizen_id);

CREATE TABLE case_entry_row (
    generation       INTEGER      NOT NULL,
    entry_id         VARCHAR(36)  NOT NULL,
    case_id          VARCHAR(36)  NOT NULL,
    event_sequence   BIGINT       NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    visibility       VARCHAR(10)  NOT NULL,
    body             VARCHAR(20000),
    doc_title        VARCHAR(200),
    doc_media_type   VARCHAR(127),
    doc_size_bytes   BIGINT,
    doc_sha256       VARCHAR(64),
    doc_received_at  TIMESTAMP WITH TIME ZONE,
    added_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (generation, entry_id)
);
INSERT INTO case_entry_row (generation, entry_id, case_id, event_sequence, kind, visibility, body, doc_title,
    doc_media_type, doc_size_bytes, doc_sha256, doc_received_at, added_at)
SELECT 1, entry_id, case_id, event_sequence, kind, visibility, body, doc_title, doc_media_type, doc_size_bytes,
    doc_sha256, doc_received_at, added_at
FROM case_entry_view;
DROP TABLE case_entry_view;
CREATE INDEX case_entry_row_case ON case_entry_row (generation, case_id, event_sequence);
-- erasure and destruction remove a case's entries from every generation
CREATE INDEX case_entry_row_case_any ON case_entry_row (case_id);

CREATE TABLE erased_citizen_row (
    generation  INTEGER     NOT NULL,
    citizen_id  VARCHAR(36) NOT NULL,
    erased_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (generation, citizen_id)
);
INSERT INTO erased_citizen_row (generation, citizen_id, erased_at) SELECT 1, citizen_id, erased_at FROM erased_citizen;
DROP TABLE erased_citizen;

-- Erasure removes a citizen's rows from every generation.
CREATE INDEX citizen_file_row_any ON citizen_file_row (citizen_id);
CREATE INDEX citizen_address_row_any ON citizen_address_row (citizen_id);

-- What readers see: the active generation, under the names the model always had.
CREATE VIEW citizen_file_view AS
SELECT citizen_id, family_name, given_names, birth_name, date_of_birth, place_of_birth, id_nr, street, house_number,
    postcode, city, moved_on, opened_at, version, information_block, restricted, earliest_erasure_on
FROM citizen_file_row
WHERE generation = (SELECT active FROM projection_generation WHERE projection = 'consolidated-file');

CREATE VIEW citizen_address_history AS
SELECT citizen_id, event_sequence, street, house_number, postcode, city, moved_on
FROM citizen_address_row
WHERE generation = (SELECT active FROM projection_generation WHERE projection = 'consolidated-file');

CREATE VIEW case_view AS
SELECT case_id, citizen_id, file_reference, office, case_type, subject, confidentiality, status, deadline, opened_at,
    closed_at, retention_years, retention_ends_on, disposal, entry_count, version, legal_hold, disposal_state,
    disposed_at
FROM case_row
WHERE generation = (SELECT active FROM projection_generation WHERE projection = 'consolidated-file');

CREATE VIEW case_entry_view AS
SELECT entry_id, case_id, event_sequence, kind, visibility, body, doc_title, doc_media_type, doc_size_bytes,
    doc_sha256, doc_received_at, added_at
FROM case_entry_row
WHERE generation = (SELECT active FROM projection_generation WHERE projection = 'consolidated-file');

CREATE VIEW erased_citizen AS
SELECT citizen_id, erased_at FROM erased_citizen_row
WHERE generation = (SELECT active FROM projection_generation WHERE projection = 'consolidated-file');
