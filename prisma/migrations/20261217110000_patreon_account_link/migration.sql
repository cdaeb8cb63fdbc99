-- Which Discord user linked which Patreon account (billing/patreon/patreon-provider.ts PatreonAccountLinks).

-- CreateTable
CREATE TABLE "patreon_account_link" (
    "patreon_user_id" TEXT NOT NULL,
    "discord_user_id" TEXT NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "patreon_account_link_pkey" PRIMARY KEY ("patreon_user_id")
);

-- CreateIndex
CREATE INDEX "patreon_account_link_discord_user_id_idx" ON "patreon_account_link"("discord_user_id");
