-- The last notice of each kind posted to a guild's staff, so a burst of refused tickets tells them once per period
-- (workflows/ticket-categories-full.ts).

-- CreateTable
CREATE TABLE "guild_staff_notice" (
    "guild_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guild_staff_notice_pkey" PRIMARY KEY ("guild_id","kind")
);

-- AddForeignKey
ALTER TABLE "guild_staff_notice" ADD CONSTRAINT "guild_staff_notice_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;
