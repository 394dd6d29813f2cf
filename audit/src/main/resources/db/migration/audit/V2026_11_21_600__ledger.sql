-- The verifiable ledger (RFC 9162): every stored event becomes exactly one leaf, in the order the
-- appender read it from domain_event_entry (global-index order; a late-committing event that was
-- passed over at a gap becomes a later leaf). Plain SQL that H2 and PostgreSQL both accept.

-- One leaf per event; which event it is, and its hash (SHA-256(0x00 || canonical bytes)).
CREATE TABLE ledger_leaf (
    leaf_index       BIGINT       NOT NULL PRIMARY KEY,
    global_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    leaf_hash        BYTEA        NOT NULL,
    appended_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ledger_leaf_global_index UNIQUE (global_index),
    CONSTRAINT ledger_leaf_event_identifier UNIQUE (event_identifier)
);

-- Every perfect subtree hash: node_key = level * 2^56 + index (one column, so a proof's O(log n)
-- nodes are one IN-list lookup on the primary key on both databases).
CREATE TABLE ledger_node (
    node_key BIGINT NOT NULL PRIMARY KEY,
    hash     BYTEA  NOT NULL
);

-- The appender's position, one row; locked for each batch, so instances take turns appending.
CREATE TABLE ledger_head (
    id         INTEGER NOT NULL PRIMARY KEY,
    tree_size  BIGINT  NOT NULL,
    high_water BIGINT  NOT NULL,
    CONSTRAINT ledger_head_one_row CHECK (id = 1)
);
INSERT INTO ledger_head (id, tree_size, high_water) VALUES (1, 0, 0);

-- Global indexes the appender passed over after waiting at a gap: an older transaction may still
-- commit an event there; it is watched for and appended as a later leaf when it shows up.
CREATE TABLE ledger_gap (
    first_index BIGINT NOT NULL PRIMARY KEY,
    last_index  BIGINT NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Signed checkpoints (C2SP tlog-checkpoint in a signed note).
CREATE TABLE ledger_checkpoint (
    tree_size BIGINT       NOT NULL PRIMARY KEY,
    root_hash BYTEA        NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    key_hash  VARCHAR(8)   NOT NULL,
    note      VARCHAR(4000) NOT NULL
);

-- Every key that ever signed a checkpoint stays published, also after rotation.
CREATE TABLE ledger_key (
    key_hash     VARCHAR(8)    NOT NULL PRIMARY KEY,
    key_name     VARCHAR(200)  NOT NULL,
    verifier_key VARCHAR(500)  NOT NULL,
    public_key   VARCHAR(1000) NOT NULL,
    first_used   TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at   TIMESTAMP WITH TIME ZONE
);
