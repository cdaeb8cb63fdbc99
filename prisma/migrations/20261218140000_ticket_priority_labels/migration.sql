-- Priorities and labels on tickets, the guild's label list, and the events of priority, label, rename and move
-- changes (workflows/ticket-metadata.ts).

-- AlterEnum
ALTER TYPE "ticket_event_kind" ADD VALUE 'priority_changed';
ALTER TYPE "ticket_event_kind" ADD VALUE 'labels_changed';
ALTER TYPE "ticket_event_kind" ADD VALUE 'renamed';
ALTER TYPE "ticket_event_kind" ADD VALUE 'moved';

-- AlterTable: every ticket so far is normal and unlabelled.
ALTER TABLE "ticket" ADD COLUMN "priority" SMALLINT NOT NULL DEFAULT 1,
ADD COLUMN "labels" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "guild_ticket_label" (
    "guild_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "color" TEXT,
    "emoji" TEXT,

    CONSTRAINT "guild_ticket_label_pkey" PRIMARY KEY ("guild_id","name")
);

-- CreateIndex
CREATE INDEX "ticket_guild_id_status_priority_idx" ON "ticket"("guild_id", "status", "priority");

-- CreateIndex
CREATE INDEX "ticket_labels_idx" ON "ticket" USING GIN ("labels");

-- AddForeignKey
ALTER TABLE "guild_ticket_label" ADD CONSTRAINT "guild_ticket_label_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;
