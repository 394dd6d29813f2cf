-- Reserved file references: the running number comes from a sequence per office and year
-- (file_ref_<office>_<year>, created on first use); the unique constraints make a duplicate
-- impossible even if a sequence were reset.
CREATE TABLE file_reference (
    reference   VARCHAR(40) NOT NULL PRIMARY KEY,
    office      VARCHAR(3)  NOT NULL,
    ref_year    INTEGER     NOT NULL,
    ref_number  BIGINT      NOT NULL,
    case_id     VARCHAR(36) NOT NULL,
    CONSTRAINT file_reference_number_unique UNIQUE (office, ref_year, ref_number),
    CONSTRAINT file_reference_case_unique UNIQUE (case_id)
);

-- Idempotency-Key records for creating POSTs: scoped to caller, route and body hash; they hold
-- only the id that was created, never the body.
CREATE TABLE idempotency_record (
    caller      VARCHAR(200) NOT NULL,
    route       VARCHAR(200) NOT NULL,
    idem_key    VARCHAR(200) NOT NULL,
    body_hash   VARCHAR(64)  NOT NULL,
    created_id  VARCHAR(80),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, route, idem_key)
);
