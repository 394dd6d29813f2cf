-- Erasure and retention (GDPR Art. 17, 18) in the consolidated file. Plain SQL for H2 and PostgreSQL.

-- A restricted citizen (erasure requested while retention binds) is seen by break-glass only.
ALTER TABLE citizen_file_view ADD COLUMN restricted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE citizen_file_view ADD COLUMN earliest_erasure_on DATE;

-- A destroyed case key leaves the case's subject unreadable.
ALTER TABLE case_view ALTER COLUMN subject DROP NOT NULL;
ALTER TABLE case_view ADD COLUMN legal_hold BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE case_view ADD COLUMN disposal_state VARCHAR(20);
ALTER TABLE case_view ADD COLUMN disposed_at TIMESTAMP WITH TIME ZONE;

-- What is left of an erased citizen: the id and when, so the file can answer 410 Gone.
CREATE TABLE erased_citizen (
    citizen_id  VARCHAR(36) NOT NULL PRIMARY KEY,
    erased_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
