-- CreateIndex
CREATE INDEX "alert_updated_at_id_idx" ON "alert"("updated_at", "id");
