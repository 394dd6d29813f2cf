-- Staff search (projections module, docs/decisions/0005-search-engine.md): tables of match keys the
-- projection computes itself, queried with plain SQL that H2 and PostgreSQL both run (no tsvector,
-- pg_trgm or GIN). Every row belongs to a generation; readers use the active one, a rebuild fills
-- the next one beside it and then the pointer moves.
CREATE TABLE search_generation (
    projection  VARCHAR(64) NOT NULL PRIMARY KEY,
    active      INTEGER     NOT NULL,
    building    INTEGER
);
INSERT INTO search_generation (projection, active, building) VALUES ('search', 1, NULL);

-- What a hit shows and what the exact criteria filter on.
CREATE TABLE search_citizen (
    generation         INTEGER      NOT NULL,
    citizen_id         VARCHAR(36)  NOT NULL,
    family_name        VARCHAR(100) NOT NULL,
    given_names        VARCHAR(200) NOT NULL,
    birth_name         VARCHAR(100),
    date_of_birth      DATE         NOT NULL,
    birth_year         INTEGER      NOT NULL,
    id_nr              VARCHAR(11),
    street_key         VARCHAR(200) NOT NULL,
    house_number       VARCHAR(20)  NOT NULL,
    postcode           VARCHAR(5)   NOT NULL,
    city               VARCHAR(100) NOT NULL,
    sort_name          VARCHAR(320) NOT NULL,
    information_block  VARCHAR(20)  DEFAULT 'NONE' NOT NULL,
    version            BIGINT       NOT NULL,
    PRIMARY KEY (generation, citizen_id)
);
CREATE INDEX search_citizen_birth ON search_citizen (generation, date_of_birth);
CREATE INDEX search_citizen_birth_year ON search_citizen (generation, birth_year);
CREATE INDEX search_citizen_id_nr ON search_citizen (generation, id_nr);
CREATE INDEX search_citizen_postcode ON search_citizen (generation, postcode);

-- One row per (field, kind, key) of a citizen: field F family/birth name, G given names, S street,
-- C city; kind E exact (lower case), N normalised (ae/oe/ue/ss or base letter), P Kölner Phonetik,
-- D one-deletion neighbourhood (one typo).
CREATE TABLE search_citizen_key (
    generation  INTEGER      NOT NULL,
    kind        CHAR(1)      NOT NULL,
    match_key   VARCHAR(60)  NOT NULL,
    field       CHAR(1)      NOT NULL,
    citizen_id  VARCHAR(36)  NOT NULL,
    PRIMARY KEY (generation, kind, match_key, field, citizen_id)
);
CREATE INDEX search_citizen_key_citizen ON search_citizen_key (generation, citizen_id);

CREATE TABLE search_case (
    generation       INTEGER      NOT NULL,
    case_id          VARCHAR(36)  NOT NULL,
    citizen_id       VARCHAR(36)  NOT NULL,
    file_reference   VARCHAR(40)  NOT NULL,
    office           VARCHAR(3)   NOT NULL,
    case_type        VARCHAR(40)  NOT NULL,
    confidentiality  VARCHAR(30)  NOT NULL,
    status           VARCHAR(30)  NOT NULL,
    deadline         DATE         NOT NULL,
    opened_on        DATE         NOT NULL,
    closed_on        DATE,
    version          BIGINT       NOT NULL,
    PRIMARY KEY (generation, case_id)
);
CREATE INDEX search_case_citizen ON search_case (generation, citizen_id);
CREATE INDEX search_case_reference ON search_case (generation, file_reference);
CREATE INDEX search_case_office ON search_case (generation, office, opened_on);

-- German light stems of the words of a case's subject (source S) and entries (source E).
CREATE TABLE search_case_term (
    generation  INTEGER      NOT NULL,
    stem        VARCHAR(60)  NOT NULL,
    case_id     VARCHAR(36)  NOT NULL,
    source      CHAR(1)      NOT NULL,
    PRIMARY KEY (generation, stem, case_id, source)
);
CREATE INDEX search_case_term_case ON search_case_term (generation, case_id);
