-- Break-glass grants: one row per emergency grant, which is also the DPO's review queue entry.
CREATE TABLE break_glass_grant (
    grant_id        VARCHAR(36)   NOT NULL PRIMARY KEY,
    actor_subject   VARCHAR(200)  NOT NULL,
    actor_role      VARCHAR(20)   NOT NULL,
    actor_office    VARCHAR(3),
    citizen_id      VARCHAR(36)   NOT NULL,
    justification   VARCHAR(1000) NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    review_status   VARCHAR(20)   NOT NULL,
    reviewed_by     VARCHAR(200),
    reviewed_at     TIMESTAMP WITH TIME ZONE,
    review_note     VARCHAR(2000)
);
CREATE INDEX break_glass_grant_actor ON break_glass_grant (actor_subject, citizen_id, expires_at);
CREATE INDEX break_glass_grant_review ON break_glass_grant (review_status, opened_at);
