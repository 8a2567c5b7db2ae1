-- AlterTable
ALTER TABLE "import" ADD COLUMN     "connection_pid" INTEGER,
ADD COLUMN     "progress" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "sales_line" DROP COLUMN "line_key",
ADD COLUMN     "line_key" UUID NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "sales_line_line_key_key" ON "sales_line"("line_key");
