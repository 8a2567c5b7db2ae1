-- Hand-written: Prisma's schema language cannot express INCLUDE, DESC keys in an INCLUDE index, or
-- partial indexes.
-- The inbox's page of 25 in the default order (priority, then id) is now read straight off the index:
-- within one delegate and status the entries are already in that order, so PostgreSQL reads the first
-- 25 visible ones instead of all of the delegate's open alerts and sorting them. The included columns
-- are the filters and the other sort keys (filtered views and other sorts stay index-only).
DROP INDEX "alert_inbox_idx";
CREATE INDEX "alert_inbox_idx" ON "alert" ("delegate_id", "status", "priority_score" DESC, "id" DESC)
  INCLUDE ("client_id", "province_code", "snoozed_until", "expected_impact", "contact_until", "priority_band", "motive", "family_code", "channel")
  WHERE NOT "held_out";
