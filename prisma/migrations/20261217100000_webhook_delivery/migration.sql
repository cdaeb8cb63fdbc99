-- Every payment-provider webhook delivery the web process receives and what came of it (web/server/billing/):
-- the admin panel counts the refused ones of the last day.

-- CreateEnum
CREATE TYPE "webhook_delivery_outcome" AS ENUM ('accepted', 'ignored', 'refused', 'unavailable');

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" BIGSERIAL NOT NULL,
    "provider" "billing_provider" NOT NULL,
    "event_id" TEXT,
    "event_type" TEXT,
    "subscription_id" TEXT,
    "outcome" "webhook_delivery_outcome" NOT NULL,
    "refusal_reason" TEXT,
    "refusal_detail" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_delivery_outcome_received_at_idx" ON "webhook_delivery"("outcome", "received_at");

-- CreateIndex
CREATE INDEX "webhook_delivery_provider_event_id_idx" ON "webhook_delivery"("provider", "event_id");
