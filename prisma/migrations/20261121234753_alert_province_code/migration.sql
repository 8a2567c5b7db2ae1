-- AlterTable
ALTER TABLE "alert" ADD COLUMN     "province_code" TEXT;

-- Hand-written: the copy of the client's province on alert is kept by the database, so no writer
-- (the pipeline, imports, tests, a psql session) can leave it stale.
--
-- 1. An alert takes its client's province when it is inserted or its client changes; a direct write
--    of the column is overwritten with the client's value.
CREATE FUNCTION "alert_take_client_province"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."province_code" := (SELECT c."province_code" FROM "client" c WHERE c."id" = NEW."client_id");
  RETURN NEW;
END
$$;

CREATE TRIGGER "alert_take_client_province"
  BEFORE INSERT OR UPDATE OF "client_id", "province_code" ON "alert"
  FOR EACH ROW EXECUTE FUNCTION "alert_take_client_province"();

-- 2. A client that changes province (only imports do) takes its alerts along, in the same
--    transaction. Territory changes move provinces between delegates, not clients: nothing to do.
CREATE FUNCTION "client_province_to_alerts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "alert" SET "province_code" = NEW."province_code"
   WHERE "client_id" = NEW."id" AND "province_code" IS DISTINCT FROM NEW."province_code";
  RETURN NULL;
END
$$;

CREATE TRIGGER "client_province_to_alerts"
  AFTER UPDATE OF "province_code" ON "client"
  FOR EACH ROW WHEN (OLD."province_code" IS DISTINCT FROM NEW."province_code")
  EXECUTE FUNCTION "client_province_to_alerts"();

-- 3. Existing alerts.
UPDATE "alert" a SET "province_code" = c."province_code" FROM "client" c WHERE c."id" = a."client_id";

-- 4. The inbox's covering index (20261121213000_inbox_covering_indexes) carries the province too, so
--    that the scope is checked without a join to client and without touching the table.
DROP INDEX "alert_inbox_idx";
CREATE INDEX "alert_inbox_idx" ON "alert" ("delegate_id", "status")
  INCLUDE ("id", "client_id", "province_code", "snoozed_until", "priority_score", "expected_impact", "contact_until", "priority_band", "motive", "family_code", "channel")
  WHERE NOT "held_out";
