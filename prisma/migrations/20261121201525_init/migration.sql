-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MANAGER', 'DELEGATE');

-- CreateEnum
CREATE TYPE "ProductBlock" AS ENUM ('COMMODITY', 'TECHNICAL');

-- CreateEnum
CREATE TYPE "SalesLineKind" AS ENUM ('PURCHASE', 'RETURN', 'ZERO_VALUE_REPLACEMENT', 'PRICE_CORRECTION', 'EMPTY');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "PipelineStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "PipelineTrigger" AS ENUM ('SCHEDULE', 'MANUAL', 'CLI');

-- CreateEnum
CREATE TYPE "ModelHead" AS ENUM ('BUY_90D', 'CHURN_90D', 'CHURN_180D', 'DAYS_TO_NEXT');

-- CreateEnum
CREATE TYPE "Segment" AS ENUM ('LOYAL', 'PROMISCUOUS', 'MARGINAL', 'TECHNICAL');

-- CreateEnum
CREATE TYPE "AlertMotive" AS ENUM ('REPLENISHMENT', 'CAPTURE', 'DETERIORATION', 'CHURN_RISK', 'REACTIVATION');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'SNOOZED', 'ATTENDED', 'DISMISSED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "PriorityBand" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('FIELD_VISIT', 'DELEGATE_CALL', 'TELESALES', 'MARKETING_AUTOMATION');

-- CreateEnum
CREATE TYPE "AlertEventType" AS ENUM ('CREATED', 'UPDATED', 'ATTENDED', 'DISMISSED', 'SNOOZED', 'REOPENED', 'EXPIRED', 'REASSIGNED', 'PURCHASE_ATTRIBUTED');

-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "province" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "delegate_id" INTEGER,

    CONSTRAINT "province_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'es',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delegate" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "manager_id" INTEGER,
    "daily_capacity" INTEGER,

    CONSTRAINT "delegate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "manager_region" (
    "user_id" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,

    CONSTRAINT "manager_region_pkey" PRIMARY KEY ("user_id","region_code")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMP(3) NOT NULL,
    "blocked_until" TIMESTAMP(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "client" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "postal_code" TEXT,
    "province_code" TEXT,
    "registered" BOOLEAN NOT NULL DEFAULT true,
    "quality_flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "import_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "block" "ProductBlock" NOT NULL,
    "category_code" TEXT NOT NULL,

    CONSTRAINT "family_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "product" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "block" "ProductBlock" NOT NULL,
    "category_code" TEXT NOT NULL,
    "family_code" TEXT NOT NULL,
    "import_id" INTEGER,

    CONSTRAINT "product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "potential" (
    "client_id" INTEGER NOT NULL,
    "category_code" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "import_id" INTEGER,

    CONSTRAINT "potential_pkey" PRIMARY KEY ("client_id","category_code")
);

-- CreateTable
CREATE TABLE "campaign" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "import_id" INTEGER,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sales_line" (
    "id" SERIAL NOT NULL,
    "line_key" TEXT NOT NULL,
    "invoice_number" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "client_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "family_code" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "value" DECIMAL(14,2) NOT NULL,
    "kind" "SalesLineKind" NOT NULL,
    "in_campaign" BOOLEAN NOT NULL DEFAULT false,
    "client_unregistered" BOOLEAN NOT NULL DEFAULT false,
    "import_id" INTEGER NOT NULL,

    CONSTRAINT "sales_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import" (
    "id" SERIAL NOT NULL,
    "batch_id" TEXT NOT NULL,
    "table_kind" TEXT,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT,
    "format" TEXT,
    "encoding" TEXT,
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "user_id" INTEGER,
    "rows_total" INTEGER NOT NULL DEFAULT 0,
    "rows_accepted" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "rows_flagged" INTEGER NOT NULL DEFAULT 0,
    "rows_inserted" INTEGER NOT NULL DEFAULT 0,
    "rows_existing" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "error" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_rejected_row" (
    "id" SERIAL NOT NULL,
    "import_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "column" TEXT,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "raw" JSONB NOT NULL,

    CONSTRAINT "import_rejected_row_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pipeline_run" (
    "id" SERIAL NOT NULL,
    "as_of" DATE NOT NULL,
    "status" "PipelineStatus" NOT NULL DEFAULT 'QUEUED',
    "trigger" "PipelineTrigger" NOT NULL,
    "user_id" INTEGER,
    "step" TEXT,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "log" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "stats" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "pipeline_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_version" (
    "id" SERIAL NOT NULL,
    "head" "ModelHead" NOT NULL,
    "version" TEXT NOT NULL,
    "pipeline_run_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "trained_as_of" DATE NOT NULL,
    "train_from" DATE NOT NULL,
    "train_until" DATE NOT NULL,
    "params" JSONB NOT NULL,
    "feature_names" TEXT[],
    "metrics" JSONB NOT NULL,
    "onnx" BYTEA NOT NULL,
    "trees" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "score" (
    "id" SERIAL NOT NULL,
    "as_of" DATE NOT NULL,
    "client_id" INTEGER NOT NULL,
    "family_code" TEXT NOT NULL,
    "pipeline_run_id" INTEGER,
    "p_buy_90d" DOUBLE PRECISION,
    "p_churn_90d" DOUBLE PRECISION,
    "p_churn_180d" DOUBLE PRECISION,
    "expected_days_to_next" DOUBLE PRECISION,
    "segment" "Segment",
    "share_of_wallet" DOUBLE PRECISION,
    "potential_unreliable" BOOLEAN NOT NULL DEFAULT false,
    "features" REAL[],
    "reasons" JSONB,

    CONSTRAINT "score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" SERIAL NOT NULL,
    "client_id" INTEGER NOT NULL,
    "family_code" TEXT NOT NULL,
    "motive" "AlertMotive" NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "open_key" TEXT,
    "held_out" BOOLEAN NOT NULL DEFAULT false,
    "delegate_id" INTEGER,
    "priority_score" DOUBLE PRECISION NOT NULL,
    "priority_band" "PriorityBand" NOT NULL,
    "expected_impact" DOUBLE PRECISION NOT NULL,
    "conversion_probability" DOUBLE PRECISION NOT NULL,
    "urgency" DOUBLE PRECISION NOT NULL,
    "contact_from" DATE NOT NULL,
    "contact_until" DATE NOT NULL,
    "response_deadline" DATE,
    "channel" "Channel" NOT NULL,
    "reasons" JSONB NOT NULL,
    "trace" JSONB NOT NULL,
    "as_of" DATE NOT NULL,
    "snoozed_until" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_event" (
    "id" SERIAL NOT NULL,
    "alert_id" INTEGER NOT NULL,
    "type" "AlertEventType" NOT NULL,
    "user_id" INTEGER,
    "from_status" "AlertStatus",
    "to_status" "AlertStatus",
    "payload" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_attribution" (
    "alert_id" INTEGER NOT NULL,
    "sales_line_id" INTEGER NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "days_after" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_attribution_pkey" PRIMARY KEY ("alert_id","sales_line_id")
);

-- CreateTable
CREATE TABLE "llm_response" (
    "id" SERIAL NOT NULL,
    "alert_id" INTEGER NOT NULL,
    "question_hash" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "prompt_version" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "llm_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "channel_rule" (
    "id" SERIAL NOT NULL,
    "position" INTEGER NOT NULL,
    "motive" "AlertMotive",
    "priority_band" "PriorityBand",
    "min_impact" DOUBLE PRECISION,
    "channel" "Channel" NOT NULL,
    "response_days" INTEGER NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "channel_rule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "province_delegate_id_idx" ON "province"("delegate_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "delegate_user_id_key" ON "delegate"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "client_external_id_key" ON "client"("external_id");

-- CreateIndex
CREATE INDEX "client_province_code_idx" ON "client"("province_code");

-- CreateIndex
CREATE UNIQUE INDEX "product_external_id_key" ON "product"("external_id");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_code_key" ON "campaign"("code");

-- CreateIndex
CREATE UNIQUE INDEX "sales_line_line_key_key" ON "sales_line"("line_key");

-- CreateIndex
CREATE INDEX "sales_line_client_id_family_code_date_idx" ON "sales_line"("client_id", "family_code", "date");

-- CreateIndex
CREATE INDEX "sales_line_date_idx" ON "sales_line"("date");

-- CreateIndex
CREATE INDEX "sales_line_import_id_idx" ON "sales_line"("import_id");

-- CreateIndex
CREATE INDEX "import_batch_id_idx" ON "import"("batch_id");

-- CreateIndex
CREATE INDEX "import_rejected_row_import_id_line_idx" ON "import_rejected_row"("import_id", "line");

-- CreateIndex
CREATE INDEX "pipeline_run_created_at_idx" ON "pipeline_run"("created_at");

-- CreateIndex
CREATE INDEX "model_version_head_active_idx" ON "model_version"("head", "active");

-- CreateIndex
CREATE UNIQUE INDEX "model_version_head_version_key" ON "model_version"("head", "version");

-- CreateIndex
CREATE INDEX "score_client_id_family_code_idx" ON "score"("client_id", "family_code");

-- CreateIndex
CREATE UNIQUE INDEX "score_as_of_client_id_family_code_key" ON "score"("as_of", "client_id", "family_code");

-- CreateIndex
CREATE UNIQUE INDEX "alert_open_key_key" ON "alert"("open_key");

-- CreateIndex
CREATE INDEX "alert_delegate_id_status_priority_score_idx" ON "alert"("delegate_id", "status", "priority_score");

-- CreateIndex
CREATE INDEX "alert_client_id_family_code_idx" ON "alert"("client_id", "family_code");

-- CreateIndex
CREATE INDEX "alert_status_contact_until_idx" ON "alert"("status", "contact_until");

-- CreateIndex
CREATE INDEX "alert_event_alert_id_created_at_idx" ON "alert_event"("alert_id", "created_at");

-- CreateIndex
CREATE INDEX "alert_attribution_sales_line_id_idx" ON "alert_attribution"("sales_line_id");

-- CreateIndex
CREATE UNIQUE INDEX "llm_response_alert_id_question_hash_prompt_version_model_key" ON "llm_response"("alert_id", "question_hash", "prompt_version", "model");

-- AddForeignKey
ALTER TABLE "province" ADD CONSTRAINT "province_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "province" ADD CONSTRAINT "province_delegate_id_fkey" FOREIGN KEY ("delegate_id") REFERENCES "delegate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegate" ADD CONSTRAINT "delegate_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegate" ADD CONSTRAINT "delegate_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manager_region" ADD CONSTRAINT "manager_region_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manager_region" ADD CONSTRAINT "manager_region_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client" ADD CONSTRAINT "client_province_code_fkey" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product" ADD CONSTRAINT "product_family_code_fkey" FOREIGN KEY ("family_code") REFERENCES "family"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "potential" ADD CONSTRAINT "potential_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import" ADD CONSTRAINT "import_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_rejected_row" ADD CONSTRAINT "import_rejected_row_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pipeline_run" ADD CONSTRAINT "pipeline_run_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_version" ADD CONSTRAINT "model_version_pipeline_run_id_fkey" FOREIGN KEY ("pipeline_run_id") REFERENCES "pipeline_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score" ADD CONSTRAINT "score_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score" ADD CONSTRAINT "score_pipeline_run_id_fkey" FOREIGN KEY ("pipeline_run_id") REFERENCES "pipeline_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_delegate_id_fkey" FOREIGN KEY ("delegate_id") REFERENCES "delegate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_attribution" ADD CONSTRAINT "alert_attribution_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_attribution" ADD CONSTRAINT "alert_attribution_sales_line_id_fkey" FOREIGN KEY ("sales_line_id") REFERENCES "sales_line"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "llm_response" ADD CONSTRAINT "llm_response_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
