-- Channel mode: ticket types may open tickets as private channels in the guild's ordered ticket categories.
CREATE TYPE "ticket_mode" AS ENUM ('thread', 'channel');

ALTER TABLE "guild" ADD COLUMN "ticket_category_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

ALTER TABLE "ticket_type" ADD COLUMN "mode" "ticket_mode" NOT NULL DEFAULT 'thread';
