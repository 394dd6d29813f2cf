-- Staff search on a vocabulary (docs/decisions/0005-search-engine.md, "Vocabulary and postings"):
-- the match keys are kept once per distinct word, not once per citizen, and each citizen's words
-- are posted with the birth year. A query looks up its keys in the (small) vocabulary, then reads
-- the postings of the words found, one citizen per row. Plain SQL for H2 and PostgreSQL.

-- Every match key of every indexed word (E exact, N normalised, P Kölner Phonetik, D one deletion);
-- word is the word's exact (lower-case) form, so ('E', w, w) is the word's own row.
CREATE TABLE search_word (
    generation  INTEGER      NOT NULL,
    kind        CHAR(1)      NOT NULL,
    match_key   VARCHAR(60)  NOT NULL,
    word        VARCHAR(60)  NOT NULL,
    PRIMARY KEY (generation, kind, match_key, word)
);
CREATE INDEX search_word_word ON search_word (generation, word);

-- Which citizen has which word in which field (F family/birth name, G given names, S street,
-- C city), with the birth year so that "name + year" reads one short range per word.
CREATE TABLE search_citizen_word (
    generation  INTEGER      NOT NULL,
    word        VARCHAR(60)  NOT NULL,
    field       CHAR(1)      NOT NULL,
    birth_year  INTEGER      NOT NULL,
    citizen_id  VARCHAR(36)  NOT NULL,
    PRIMARY KEY (generation, word, field, birth_year, citizen_id)
);
CREATE INDEX search_citizen_word_citizen ON search_citizen_word (generation, citizen_id);

-- The per-citizen key table is replaced by the two above.
DROP TABLE search_citizen_key;

-- A search model built before this migration has citizens but no words: the application rebuilds
-- it beside the serving one at start (api: ProjectionRebuilds), and clears the flag when done.
ALTER TABLE search_generation ADD COLUMN rebuild_required BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE search_generation SET rebuild_required = TRUE
WHERE projection = 'search' AND EXISTS (SELECT 1 FROM search_citizen);
