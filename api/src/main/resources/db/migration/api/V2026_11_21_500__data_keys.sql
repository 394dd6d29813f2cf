-- Data keys of the field encryption (crypto-shredding): one row per key id, the random 256-bit
-- AES key wrapped (RFC 3394) under the key-encryption key named by kek_id, which lives outside
-- the database. Destroying a key sets wrapped_key to NULL for good; a destroyed row also stands
-- as a tombstone, so nothing is sealed under that id again. family_root is the first two
-- segments of the id (citizen/<uuid>), so a family is found without a LIKE over the whole table.
CREATE TABLE data_key (
    key_id       VARCHAR(120) NOT NULL PRIMARY KEY,
    family_root  VARCHAR(120) NOT NULL,
    wrapped_key  BYTEA,
    kek_id       VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    destroyed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT data_key_live_or_destroyed CHECK (
        (destroyed_at IS NULL AND wrapped_key IS NOT NULL AND kek_id IS NOT NULL)
        OR (destroyed_at IS NOT NULL AND wrapped_key IS NULL AND kek_id IS NULL))
);
CREATE INDEX data_key_family ON data_key (family_root);
