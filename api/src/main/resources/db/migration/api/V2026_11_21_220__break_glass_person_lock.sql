-- One row per person who ever opened a break-glass grant: locked while a new grant is counted
-- against the daily quota and stored, so concurrent requests cannot exceed the quota.
CREATE TABLE break_glass_person (
    actor_subject VARCHAR(200) NOT NULL PRIMARY KEY
);
