-- DropForeignKey
ALTER TABLE "sales_line" DROP CONSTRAINT "sales_line_import_id_fkey";

-- DropIndex
DROP INDEX "sales_line_import_id_idx";
