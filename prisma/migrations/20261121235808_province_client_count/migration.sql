-- AlterTable
ALTER TABLE "province" ADD COLUMN     "client_count" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: the count is kept by the database, in the same transaction as the client rows, so it is
-- exact whoever writes clients (imports, the demo seed, tests, a psql session). Statement-level triggers
-- with transition tables: one small grouped update per statement, not one per row (an import upserts
-- tens of thousands of clients in one statement).

-- Applies per-province changes (code, n): provinces are locked in code order first, so two writers of
-- clients cannot deadlock on them.
CREATE FUNCTION "province_add_client_counts"(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "province" p
   WHERE p."code" IN (SELECT key FROM jsonb_each_text(changes))
   ORDER BY p."code" FOR NO KEY UPDATE;
  UPDATE "province" p SET "client_count" = p."client_count" + c.value::int
    FROM jsonb_each_text(changes) c
   WHERE p."code" = c.key;
END
$$;

CREATE FUNCTION "province_count_inserted_clients"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "province_add_client_counts"(coalesce((
    SELECT jsonb_object_agg(code, n) FROM (
      SELECT "province_code" AS code, count(*) AS n FROM new_rows WHERE "province_code" IS NOT NULL GROUP BY 1) d), '{}'));
  RETURN NULL;
END
$$;

CREATE FUNCTION "province_count_deleted_clients"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "province_add_client_counts"(coalesce((
    SELECT jsonb_object_agg(code, -n) FROM (
      SELECT "province_code" AS code, count(*) AS n FROM old_rows WHERE "province_code" IS NOT NULL GROUP BY 1) d), '{}'));
  RETURN NULL;
END
$$;

CREATE FUNCTION "province_count_updated_clients"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows keep their id through an update: pair old and new by id, count only the moves.
  PERFORM "province_add_client_counts"(coalesce((
    SELECT jsonb_object_agg(code, n) FROM (
      SELECT code, sum(n) AS n FROM (
        SELECT o."province_code" AS code, -1 AS n FROM old_rows o JOIN new_rows w ON w."id" = o."id"
         WHERE o."province_code" IS DISTINCT FROM w."province_code"
        UNION ALL
        SELECT w."province_code", 1 FROM old_rows o JOIN new_rows w ON w."id" = o."id"
         WHERE o."province_code" IS DISTINCT FROM w."province_code") moves
       WHERE code IS NOT NULL GROUP BY code HAVING sum(n) <> 0) d), '{}'));
  RETURN NULL;
END
$$;

CREATE FUNCTION "province_count_truncated_clients"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "province" SET "client_count" = 0 WHERE "client_count" <> 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER "province_count_inserted_clients" AFTER INSERT ON "client"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "province_count_inserted_clients"();
CREATE TRIGGER "province_count_deleted_clients" AFTER DELETE ON "client"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "province_count_deleted_clients"();
CREATE TRIGGER "province_count_updated_clients" AFTER UPDATE ON "client"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "province_count_updated_clients"();
CREATE TRIGGER "province_count_truncated_clients" AFTER TRUNCATE ON "client"
  FOR EACH STATEMENT EXECUTE FUNCTION "province_count_truncated_clients"();

-- Existing clients.
UPDATE "province" p SET "client_count" = (SELECT count(*) FROM "client" c WHERE c."province_code" = p."code");
