-- The panel's ticket list pages by keyset (store/ticket-list.ts): one index per sort key, with and without the
-- status filter, each ending in the column that breaks ties.

-- DropIndex
DROP INDEX "ticket_guild_id_status_opened_at_idx";

-- CreateIndex
CREATE INDEX "ticket_guild_id_status_opened_at_id_idx" ON "ticket"("guild_id", "status", "opened_at", "id");

-- CreateIndex
CREATE INDEX "ticket_guild_id_opened_at_id_idx" ON "ticket"("guild_id", "opened_at", "id");

-- CreateIndex
CREATE INDEX "ticket_guild_id_last_activity_at_id_idx" ON "ticket"("guild_id", "last_activity_at", "id");

-- CreateIndex
CREATE INDEX "ticket_guild_id_status_last_activity_at_id_idx" ON "ticket"("guild_id", "status", "last_activity_at", "id");

-- CreateIndex
CREATE INDEX "ticket_guild_id_status_closed_at_id_idx" ON "ticket"("guild_id", "status", "closed_at", "id");

-- CreateIndex
CREATE INDEX "ticket_guild_id_status_number_idx" ON "ticket"("guild_id", "status", "number");
