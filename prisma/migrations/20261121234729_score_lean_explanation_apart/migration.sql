-- A lean score row, so the pipeline stores ~150k scores/s: no foreign keys (each cost a
-- SELECT … FOR KEY SHARE per inserted row), no surrogate id (nothing referenced it), the natural key
-- (as_of, client_id, family_code) as primary key, and no second index (PostgreSQL 18 skip-scans the
-- primary key for "the latest score of a pair" and for client deletes). The explanation — feature
-- vector and TreeSHAP reasons, most of a row's bytes — moves to score_explanation, keyed like score
-- and written by the explanation step.

-- CreateTable
CREATE TABLE "score_explanation" (
    "as_of" DATE NOT NULL,
    "client_id" INTEGER NOT NULL,
    "family_code" TEXT NOT NULL,
    "features" BYTEA,
    "reasons" JSONB,

    CONSTRAINT "score_explanation_pkey" PRIMARY KEY ("as_of","client_id","family_code")
);

-- The explanations already stored move with their scores.
INSERT INTO "score_explanation" ("as_of", "client_id", "family_code", "features", "reasons")
SELECT "as_of", "client_id", "family_code", "features", "reasons" FROM "score"
 WHERE "features" IS NOT NULL OR "reasons" IS NOT NULL;

-- DropForeignKey
ALTER TABLE "score" DROP CONSTRAINT "score_client_id_fkey";

-- DropForeignKey
ALTER TABLE "score" DROP CONSTRAINT "score_pipeline_run_id_fkey";

-- DropIndex
DROP INDEX "score_as_of_client_id_family_code_key";

-- DropIndex
DROP INDEX "score_client_id_family_code_idx";

-- AlterTable
ALTER TABLE "score" DROP CONSTRAINT "score_pkey",
DROP COLUMN "features",
DROP COLUMN "id",
DROP COLUMN "reasons",
ADD CONSTRAINT "score_pkey" PRIMARY KEY ("as_of", "client_id", "family_code");

-- What the foreign keys' ON DELETE actions did, once per statement instead of a check per stored
-- row: deleting clients deletes their scores and explanations (was CASCADE); deleting pipeline runs
-- leaves their scores without a run (was SET NULL). A client's id never changes (sales_line's guard
-- already refuses it for any client with sales, the only ones ever scored).
CREATE FUNCTION "delete_scores_of_deleted_clients"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "score" WHERE "client_id" IN (SELECT "id" FROM "deleted");
  DELETE FROM "score_explanation" WHERE "client_id" IN (SELECT "id" FROM "deleted");
  RETURN NULL;
END
$$;

CREATE TRIGGER "client_deletes_scores" AFTER DELETE ON "client"
  REFERENCING OLD TABLE AS "deleted" FOR EACH STATEMENT EXECUTE FUNCTION "delete_scores_of_deleted_clients"();

CREATE FUNCTION "unlink_scores_of_deleted_runs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "score" SET "pipeline_run_id" = NULL WHERE "pipeline_run_id" IN (SELECT "id" FROM "deleted");
  RETURN NULL;
END
$$;

CREATE TRIGGER "pipeline_run_unlinks_scores" AFTER DELETE ON "pipeline_run"
  REFERENCING OLD TABLE AS "deleted" FOR EACH STATEMENT EXECUTE FUNCTION "unlink_scores_of_deleted_runs"();
