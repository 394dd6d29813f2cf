-- Information blocks (BMG §§ 51, 52) as facts for the access policy.
ALTER TABLE citizen_file_view ADD COLUMN information_block VARCHAR(20) DEFAULT 'NONE' NOT NULL;
