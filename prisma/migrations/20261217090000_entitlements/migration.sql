-- Plans, entitlements and the provider subscriptions they come from (store/entitlements). Besides what
-- schema.prisma renders: CHECK constraints (exactly one holder, and a provider entitlement names its own provider's
-- subscription, a manual one none) and a trigger that keeps entitlement_audit append-only. The drift check lists
-- both as beyond the schema. The ticket list's index ticket(guild_id, opened_at, id) already serves a guild's
-- monthly count of opened tickets, so no index is added for it.

-- CreateEnum
CREATE TYPE "plan" AS ENUM ('free', 'pro', 'enterprise');

-- CreateEnum
CREATE TYPE "billing_provider" AS ENUM ('stripe', 'paypal', 'patreon');

-- CreateEnum
CREATE TYPE "entitlement_source" AS ENUM ('stripe', 'paypal', 'patreon', 'manual');

-- CreateEnum
CREATE TYPE "subscription_status" AS ENUM ('trialing', 'active', 'past_due', 'canceled_at_period_end', 'ended');

-- CreateEnum
CREATE TYPE "price_interval" AS ENUM ('month', 'year');

-- CreateEnum
CREATE TYPE "entitlement_audit_action" AS ENUM ('grant', 'extend', 'shorten', 'plan_change', 'end', 'revoke', 'assign', 'unassign');

-- CreateEnum
CREATE TYPE "billing_notice_kind" AS ENUM ('payment_failed', 'grace_ending', 'plan_ended', 'payment_recovered');

-- CreateTable
CREATE TABLE "entitlement" (
    "id" TEXT NOT NULL,
    "guild_id" TEXT,
    "user_id" TEXT,
    "plan" "plan" NOT NULL,
    "source" "entitlement_source" NOT NULL,
    "subscription_provider" "billing_provider",
    "subscription_id" TEXT,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "ended_reason" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "entitlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entitlement_guild_assignment" (
    "entitlement_id" TEXT NOT NULL,
    "guild_id" TEXT NOT NULL,
    "assigned_by" TEXT NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entitlement_guild_assignment_pkey" PRIMARY KEY ("entitlement_id","guild_id")
);

-- CreateTable
CREATE TABLE "entitlement_audit" (
    "id" BIGSERIAL NOT NULL,
    "entitlement_id" TEXT NOT NULL,
    "action" "entitlement_audit_action" NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entitlement_audit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscription" (
    "provider" "billing_provider" NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "guild_id" TEXT,
    "user_id" TEXT,
    "plan" "plan" NOT NULL,
    "status" "subscription_status" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "current_period_start" TIMESTAMPTZ(3) NOT NULL,
    "current_period_end" TIMESTAMPTZ(3) NOT NULL,
    "trial_end" TIMESTAMPTZ(3),
    "payment_failed_at" TIMESTAMPTZ(3),
    "price_amount_minor" INTEGER NOT NULL,
    "price_currency" TEXT NOT NULL,
    "price_interval" "price_interval" NOT NULL,
    "canceled_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscription_pkey" PRIMARY KEY ("provider","subscription_id")
);

-- CreateTable
CREATE TABLE "billing_notice" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "guild_id" TEXT NOT NULL,
    "kind" "billing_notice_kind" NOT NULL,
    "plan" "plan" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "dismissed_at" TIMESTAMPTZ(3),

    CONSTRAINT "billing_notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "entitlement_guild_id_ends_at_starts_at_idx" ON "entitlement"("guild_id", "ends_at", "starts_at");

-- CreateIndex
CREATE INDEX "entitlement_user_id_ends_at_starts_at_idx" ON "entitlement"("user_id", "ends_at", "starts_at");

-- CreateIndex
CREATE INDEX "entitlement_created_at_id_idx" ON "entitlement"("created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "entitlement_subscription_provider_subscription_id_key" ON "entitlement"("subscription_provider", "subscription_id");

-- CreateIndex
CREATE INDEX "entitlement_guild_assignment_guild_id_idx" ON "entitlement_guild_assignment"("guild_id");

-- CreateIndex
CREATE INDEX "entitlement_audit_entitlement_id_id_idx" ON "entitlement_audit"("entitlement_id", "id");

-- CreateIndex
CREATE INDEX "entitlement_audit_at_idx" ON "entitlement_audit"("at");

-- CreateIndex
CREATE INDEX "subscription_guild_id_idx" ON "subscription"("guild_id");

-- CreateIndex
CREATE INDEX "subscription_user_id_idx" ON "subscription"("user_id");

-- CreateIndex
CREATE INDEX "subscription_created_at_provider_subscription_id_idx" ON "subscription"("created_at", "provider", "subscription_id");

-- CreateIndex
CREATE UNIQUE INDEX "billing_notice_key_key" ON "billing_notice"("key");

-- CreateIndex
CREATE INDEX "billing_notice_guild_id_at_idx" ON "billing_notice"("guild_id", "at");


-- AddForeignKey
ALTER TABLE "entitlement" ADD CONSTRAINT "entitlement_subscription_provider_subscription_id_fkey" FOREIGN KEY ("subscription_provider", "subscription_id") REFERENCES "subscription"("provider", "subscription_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlement_guild_assignment" ADD CONSTRAINT "entitlement_guild_assignment_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlement_audit" ADD CONSTRAINT "entitlement_audit_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An entitlement and a subscription belong to a guild or to a user, never both, never neither.
ALTER TABLE "entitlement" ADD CONSTRAINT "entitlement_one_holder"
  CHECK (("guild_id" IS NULL) <> ("user_id" IS NULL));
ALTER TABLE "subscription" ADD CONSTRAINT "subscription_one_holder"
  CHECK (("guild_id" IS NULL) <> ("user_id" IS NULL));

-- A manual grant has no subscription, and a provider's entitlement has one, of that provider.
ALTER TABLE "entitlement" ADD CONSTRAINT "entitlement_subscription_matches_source"
  CHECK (CASE WHEN "source" = 'manual'
              THEN "subscription_provider" IS NULL AND "subscription_id" IS NULL
              ELSE "subscription_provider"::text = "source"::text AND "subscription_id" IS NOT NULL END);

ALTER TABLE "entitlement" ADD CONSTRAINT "entitlement_ends_after_start"
  CHECK ("ends_at" IS NULL OR "ends_at" >= "starts_at");

ALTER TABLE "subscription" ADD CONSTRAINT "subscription_price_valid"
  CHECK ("price_amount_minor" >= 0 AND "price_currency" ~ '^[A-Z]{3}$');

-- The audit log is evidence of who changed what: no process may edit or remove it. The body uses \073 for each
-- semicolon (see 20261216100000_ticket_change_feed: Prisma's deploy splits scripts at every semicolon).
CREATE FUNCTION "refuse_entitlement_audit_change"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''entitlement_audit is append-only: % refused'', TG_OP\073
END';

-- CreateTrigger
CREATE TRIGGER "entitlement_audit_append_only" BEFORE UPDATE OR DELETE ON "entitlement_audit"
  FOR EACH ROW EXECUTE FUNCTION "refuse_entitlement_audit_change"();

-- CreateTrigger
CREATE TRIGGER "entitlement_audit_no_truncate" BEFORE TRUNCATE ON "entitlement_audit"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_entitlement_audit_change"();
