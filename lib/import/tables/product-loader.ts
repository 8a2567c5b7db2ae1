import type { ProductRow } from "@/lib/import/parse";
import { stagedLoader } from "@/lib/import/staging-pipeline";

export const productLoader = stagedLoader<"productos">({
  table: "productos",
  stagingDdl: `CREATE TEMP TABLE staging_products (
      line int NOT NULL, product_ext text NOT NULL, block "ProductBlock" NOT NULL, category text NOT NULL, family text NOT NULL) ON COMMIT DROP`,
  copySql: "COPY staging_products (line, product_ext, block, category, family) FROM STDIN",
  toCopyRow: (line, r: ProductRow) => [line, r.productId, r.block === "commodities" ? "COMMODITY" : "TECHNICAL", r.category, r.family],
  async merge(client, importId) {
    const upsert = await client.query<{ inserted: boolean }>(
      `INSERT INTO product (external_id, block, category_code, family_code, import_id)
       SELECT DISTINCT ON (product_ext) product_ext, block, category, family, $1
       FROM staging_products ORDER BY product_ext, line
       ON CONFLICT (external_id) DO UPDATE SET
         block = EXCLUDED.block, category_code = EXCLUDED.category_code, family_code = EXCLUDED.family_code, import_id = EXCLUDED.import_id
       RETURNING (xmax = 0) AS inserted`,
      [importId],
    );
    // A product moved to another family moves its past lines with it.
    const moved = await client.query(
      `UPDATE sales_line sl SET family_code = p.family_code FROM product p
       WHERE sl.product_id = p.id AND sl.family_code <> p.family_code`,
    );
    const inserted = upsert.rows.filter((r) => r.inserted).length;
    return { inserted, existing: upsert.rows.length - inserted, rejected: 0, notes: { salesLinesMovedFamily: moved.rowCount ?? 0 } };
  },
});
