-- Hand-written: Prisma's schema language cannot express INCLUDE or partial indexes.
-- The inbox reads a delegate's visible (not held-out) alerts by status and sorts them by priority,
-- € at stake or contact window; this index answers it without touching the table.
CREATE INDEX "alert_inbox_idx" ON "alert" ("delegate_id", "status")
  INCLUDE ("id", "client_id", "snoozed_until", "priority_score", "expected_impact", "contact_until", "priority_band", "motive", "family_code", "channel")
  WHERE NOT "held_out";

-- Scope filters join clients by province; id and external id come along for free. Partial (scope
-- always compares a non-null province) so that Prisma's diff preserves it like the one above.
CREATE INDEX "client_province_id_idx" ON "client" ("province_code", "id") INCLUDE ("external_id")
  WHERE "province_code" IS NOT NULL;
