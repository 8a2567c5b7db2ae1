-- One identity index instead of two: a line's key hashes its client, product (so family) and date,
-- so (client_id, family_code, date, line_key) is unique exactly when line_key is, and the same
-- index serves the client × family × date reads. The per-row foreign-key triggers go: the import,
-- the only writer, resolves and checks the references set-based (lib/import/sales).

-- DropForeignKey
ALTER TABLE "sales_line" DROP CONSTRAINT "sales_line_client_id_fkey";

-- DropForeignKey
ALTER TABLE "sales_line" DROP CONSTRAINT "sales_line_product_id_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "sales_line_client_id_family_code_date_line_key_key" ON "sales_line"("client_id", "family_code", "date", "line_key");

-- DropIndex
DROP INDEX "sales_line_client_id_family_code_date_idx";

-- DropIndex
DROP INDEX "sales_line_line_key_key";

-- What the foreign keys' ON DELETE RESTRICT guaranteed: a client or product that has sales lines
-- cannot be deleted, nor its id changed. (Nothing deletes them today; this keeps it that way.)
CREATE FUNCTION "refuse_orphaning_sales_lines"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  used boolean;
BEGIN
  IF TG_TABLE_NAME = 'client' THEN
    used := EXISTS (SELECT 1 FROM "sales_line" WHERE "client_id" = OLD."id");
  ELSE
    used := EXISTS (SELECT 1 FROM "sales_line" WHERE "product_id" = OLD."id");
  END IF;
  IF used THEN
    RAISE EXCEPTION '% % has sales lines', TG_TABLE_NAME, OLD."id" USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER "client_keeps_sales_lines" BEFORE DELETE ON "client"
  FOR EACH ROW EXECUTE FUNCTION "refuse_orphaning_sales_lines"();
CREATE TRIGGER "client_id_keeps_sales_lines" BEFORE UPDATE OF "id" ON "client"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "refuse_orphaning_sales_lines"();
CREATE TRIGGER "product_keeps_sales_lines" BEFORE DELETE ON "product"
  FOR EACH ROW EXECUTE FUNCTION "refuse_orphaning_sales_lines"();
CREATE TRIGGER "product_id_keeps_sales_lines" BEFORE UPDATE OF "id" ON "product"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "refuse_orphaning_sales_lines"();
