-- AlterTable
ALTER TABLE "ticket_message" ADD COLUMN     "deleted_at" TIMESTAMPTZ(3);
