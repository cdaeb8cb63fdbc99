-- A closed ticket's reopen window and the creator's closing message, per guild, and the creator's rating per ticket
-- (workflows/ticket-after-close.ts).

-- AlterEnum
ALTER TYPE "ticket_event_kind" ADD VALUE 'reopened';
ALTER TYPE "ticket_event_kind" ADD VALUE 'rated';

-- AlterTable
ALTER TABLE "guild" ADD COLUMN "reopen_window_days" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN "closing_dm_enabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "ticket" ADD COLUMN "rating" INTEGER,
ADD COLUMN "rating_comment" TEXT;
