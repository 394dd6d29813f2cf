-- The access-period key a grant's events are sealed under (BreakGlassOpened/Reviewed revision 2).
-- When the access-log retention destroys that key, the grant's row is deleted too: the person, the
-- justification and the review note then exist nowhere in clear.
ALTER TABLE break_glass_grant ADD COLUMN sealed_key VARCHAR(200);
CREATE INDEX break_glass_grant_sealed_key ON break_glass_grant (sealed_key);
