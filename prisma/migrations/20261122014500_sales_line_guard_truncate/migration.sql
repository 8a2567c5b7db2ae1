-- The guard of migration sales_line_one_identity_index_no_fk (no client or product with sales lines
-- may be deleted) covered DELETE and UPDATE OF id, not TRUNCATE, which fires no row triggers:
-- `TRUNCATE client CASCADE` would have emptied client and left every sales line pointing at nothing
-- (sales_line has no foreign keys). A statement trigger refuses it while sales_line has rows; to wipe
-- everything, truncate sales_line first.
CREATE FUNCTION "refuse_truncating_under_sales_lines"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "sales_line") THEN
    RAISE EXCEPTION 'cannot truncate %: sales_line has rows that refer to it (truncate sales_line first)', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "client_truncate_keeps_sales_lines" BEFORE TRUNCATE ON "client"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncating_under_sales_lines"();
CREATE TRIGGER "product_truncate_keeps_sales_lines" BEFORE TRUNCATE ON "product"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncating_under_sales_lines"();
