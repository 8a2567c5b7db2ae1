-- AlterTable
ALTER TABLE "score" DROP COLUMN "features",
ADD COLUMN     "features" BYTEA;
