-- Consolidated file read model (projections module). Plain SQL that H2 and PostgreSQL both accept.
CREATE TABLE citizen_file_view (
    citizen_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    family_name     VARCHAR(100) NOT NULL,
    given_names     VARCHAR(200) NOT NULL,
    birth_name      VARCHAR(100),
    date_of_birth   DATE         NOT NULL,
    place_of_birth  VARCHAR(100) NOT NULL,
    id_nr           VARCHAR(11),
    street          VARCHAR(100) NOT NULL,
    house_number    VARCHAR(20)  NOT NULL,
    postcode        VARCHAR(5)   NOT NULL,
    city            VARCHAR(100) NOT NULL,
    moved_on        DATE,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE TABLE citizen_address_history (
    citizen_id      VARCHAR(36)  NOT NULL,
    event_sequence  BIGINT       NOT NULL,
    street          VARCHAR(100) NOT NULL,
    house_number    VARCHAR(20)  NOT NULL,
    postcode        VARCHAR(5)   NOT NULL,
    city            VARCHAR(100) NOT NULL,
    moved_on        DATE,
    PRIMARY KEY (citizen_id, event_sequence)
);

CREATE TABLE case_view (
    case_id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    citizen_id        VARCHAR(36)  NOT NULL,
    file_reference    VARCHAR(40)  NOT NULL,
    office            VARCHAR(3)   NOT NULL,
    case_type         VARCHAR(40)  NOT NULL,
    subject           VARCHAR(200) NOT NULL,
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
    CONSTRAINT case_view_file_reference_unique UNIQUE (file_reference)
);
CREATE INDEX case_view_citizen ON case_view (citizen_id, opened_at);

CREATE TABLE case_entry_view (
    entry_id         VARCHAR(36)  NOT NULL PRIMARY KEY,
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
    added_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_entry_view_case ON case_entry_view (case_id, event_sequence);
