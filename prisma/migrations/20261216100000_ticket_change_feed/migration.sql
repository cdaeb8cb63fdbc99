-- The panel's live feed: a ticket_change row for every insert or real update of a ticket, a message or an event,
-- whatever process writes it, and a notification on channel ticket_change carrying the guild id.

-- CreateEnum
CREATE TYPE "ticket_change_kind" AS ENUM ('ticket_created', 'ticket_updated', 'message_created', 'message_edited', 'message_deleted', 'event_added');

-- CreateTable
CREATE TABLE "ticket_change" (
    "id" BIGSERIAL NOT NULL,
    "guild_id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "kind" "ticket_change_kind" NOT NULL,
    "subject_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_change_horizon" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "pruned_through" BIGINT NOT NULL,

    CONSTRAINT "ticket_change_horizon_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ticket_change_guild_id_id_idx" ON "ticket_change"("guild_id", "id");

-- Records one change. Called by the constraint triggers below, which are DEFERRED: they run at commit, so the
-- guild's advisory lock is held only from there to the end of the commit. Under that lock a guild's changes take
-- their ids and commit one transaction after the other, so within a guild a larger id never becomes visible before
-- a smaller one, and a reader that resumes after id N cannot miss a change committed later. Arguments: the change's
-- kind, and the column holding the ticket's id. A transaction writes one guild (the store's writers all do), and one
-- that wrote two in opposite orders to another could deadlock, and Postgres would cancel one of them.
--
-- The body is an E'' string in which \073 stands for each semicolon: Prisma's `migrate deploy` through
-- @prisma/adapter-pg (Prisma 6.19's offline engine) cuts a script at every semicolon character, even inside $$
-- quotes and comments (so this file has none but those ending statements), and test/database/migrations.test.ts
-- checks that Prisma's deploy builds the same database as db:migrate.
CREATE FUNCTION "record_ticket_change"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  changed jsonb := to_jsonb(NEW)\073
BEGIN
  PERFORM pg_advisory_xact_lock(1953063787, hashtext(NEW.guild_id))\073
  INSERT INTO ticket_change (guild_id, ticket_id, kind, subject_id)
  VALUES (NEW.guild_id, changed ->> TG_ARGV[1], TG_ARGV[0]::ticket_change_kind, changed ->> ''id'')\073
  PERFORM pg_notify(''ticket_change'', NEW.guild_id)\073
  RETURN NULL\073
END';

-- CreateTrigger
CREATE CONSTRAINT TRIGGER "ticket_change_ticket_created" AFTER INSERT ON "ticket"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION "record_ticket_change"('ticket_created', 'id');

-- CreateTrigger
CREATE CONSTRAINT TRIGGER "ticket_change_ticket_updated" AFTER UPDATE ON "ticket"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
  EXECUTE FUNCTION "record_ticket_change"('ticket_updated', 'id');

-- CreateTrigger
CREATE CONSTRAINT TRIGGER "ticket_change_message_created" AFTER INSERT ON "ticket_message"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION "record_ticket_change"('message_created', 'ticket_id');

-- CreateTrigger
CREATE CONSTRAINT TRIGGER "ticket_change_message_edited" AFTER UPDATE ON "ticket_message"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.deleted_at IS NOT DISTINCT FROM NEW.deleted_at AND OLD.* IS DISTINCT FROM NEW.*)
  EXECUTE FUNCTION "record_ticket_change"('message_edited', 'ticket_id');

-- CreateTrigger
CREATE CONSTRAINT TRIGGER "ticket_change_message_deleted" AFTER UPDATE ON "ticket_message"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL)
  EXECUTE FUNCTION "record_ticket_change"('message_deleted', 'ticket_id');

-- CreateTrigger
CREATE CONSTRAINT TRIGGER "ticket_change_event_added" AFTER INSERT ON "ticket_event"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION "record_ticket_change"('event_added', 'ticket_id');
