-- Support hours and SLA targets (domain/support-hours.ts), and whose answer a ticket waits for.

-- CreateEnum
CREATE TYPE "ticket_waiting_on" AS ENUM ('staff', 'member');

-- AlterTable
ALTER TABLE "guild" ADD COLUMN     "escalation_role_id" TEXT,
ADD COLUMN     "support_holidays" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "support_time_zone" TEXT NOT NULL DEFAULT 'UTC',
ADD COLUMN     "support_windows" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "ticket" ADD COLUMN     "waiting_on" "ticket_waiting_on";

-- AlterTable
ALTER TABLE "ticket_type" ADD COLUMN     "escalation_role_id" TEXT,
ADD COLUMN     "first_response_minutes" INTEGER,
ADD COLUMN     "resolution_minutes" INTEGER;
