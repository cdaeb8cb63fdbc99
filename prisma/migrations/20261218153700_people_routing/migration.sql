-- Issue 10's people and routing: removing members and adding roles are ticket events, and ticket types may route new
-- tickets (domain/routing.ts) among the staff roster, with a round-robin turn per type and each ticket's choice kept.

-- AlterEnum
ALTER TYPE "ticket_event_kind" ADD VALUE 'member_removed' AFTER 'member_added';
ALTER TYPE "ticket_event_kind" ADD VALUE 'role_added' AFTER 'member_removed';

-- CreateEnum
CREATE TYPE "routing_mode" AS ENUM ('off', 'round_robin', 'least_open');

-- AlterTable
ALTER TABLE "ticket_type" ADD COLUMN "routing" "routing_mode" NOT NULL DEFAULT 'off';

-- CreateTable
CREATE TABLE "staff_availability" (
    "guild_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role_ids" TEXT[],
    "away" BOOLEAN NOT NULL DEFAULT false,
    "work_start_minute" INTEGER,
    "work_end_minute" INTEGER,
    "time_zone" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_availability_pkey" PRIMARY KEY ("guild_id","user_id")
);

-- CreateTable
CREATE TABLE "routing_turn" (
    "guild_id" TEXT NOT NULL,
    "type_key" TEXT NOT NULL,
    "last_assignee_id" TEXT,

    CONSTRAINT "routing_turn_pkey" PRIMARY KEY ("guild_id","type_key")
);

-- CreateTable
CREATE TABLE "routing_choice" (
    "guild_id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "mode" "routing_mode" NOT NULL,
    "assignee_id" TEXT,
    "chosen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "routing_choice_pkey" PRIMARY KEY ("guild_id","ticket_id")
);

-- AddForeignKey
ALTER TABLE "staff_availability" ADD CONSTRAINT "staff_availability_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_turn" ADD CONSTRAINT "routing_turn_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "routing_choice" ADD CONSTRAINT "routing_choice_guild_id_ticket_id_fkey" FOREIGN KEY ("guild_id", "ticket_id") REFERENCES "ticket"("guild_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
