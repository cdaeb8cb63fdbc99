-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ticket_question_style" AS ENUM ('short', 'paragraph');

-- CreateEnum
CREATE TYPE "ticket_status" AS ENUM ('opening', 'open', 'closed');

-- CreateEnum
CREATE TYPE "timer_state" AS ENUM ('running', 'paused', 'disabled');

-- CreateEnum
CREATE TYPE "ticket_event_kind" AS ENUM ('opened', 'replied', 'assigned', 'unassigned', 'member_added', 'timer_paused', 'timer_resumed', 'timer_disabled', 'reminder_sent', 'warning_sent', 'closed');

-- CreateTable
CREATE TABLE "guild" (
    "id" TEXT NOT NULL,
    "ticket_channel_id" TEXT NOT NULL,
    "histories_channel_id" TEXT,
    "reminders_channel_id" TEXT,
    "notification_role_id" TEXT,
    "notifications_enabled" BOOLEAN NOT NULL DEFAULT false,
    "inactivity_timeout_minutes" INTEGER NOT NULL,
    "inactivity_grace_minutes" INTEGER NOT NULL,
    "reminder_interval_minutes" INTEGER NOT NULL,
    "open_limit_per_member" INTEGER NOT NULL,
    "open_cooldown_seconds" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guild_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guild_staff_role" (
    "guild_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,

    CONSTRAINT "guild_staff_role_pkey" PRIMARY KEY ("guild_id","role_id")
);

-- CreateTable
CREATE TABLE "guild_blocked_user" (
    "guild_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guild_blocked_user_pkey" PRIMARY KEY ("guild_id","user_id")
);

-- CreateTable
CREATE TABLE "guild_ticket_counter" (
    "guild_id" TEXT NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "guild_ticket_counter_pkey" PRIMARY KEY ("guild_id")
);

-- CreateTable
CREATE TABLE "ticket_type" (
    "guild_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "emoji" TEXT,
    "opening_message" TEXT NOT NULL DEFAULT '',
    "open_limit" INTEGER NOT NULL,

    CONSTRAINT "ticket_type_pkey" PRIMARY KEY ("guild_id","key")
);

-- CreateTable
CREATE TABLE "ticket_question" (
    "guild_id" TEXT NOT NULL,
    "type_key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "placeholder" TEXT,
    "style" "ticket_question_style" NOT NULL,
    "required" BOOLEAN NOT NULL,
    "min_length" INTEGER NOT NULL,
    "max_length" INTEGER NOT NULL,

    CONSTRAINT "ticket_question_pkey" PRIMARY KEY ("guild_id","type_key","position")
);

-- CreateTable
CREATE TABLE "ticket" (
    "id" TEXT NOT NULL,
    "guild_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "type_key" TEXT NOT NULL,
    "type_name" TEXT NOT NULL,
    "creator_id" TEXT NOT NULL,
    "creator_name" TEXT NOT NULL,
    "assignee_id" TEXT,
    "thread_id" TEXT,
    "status" "ticket_status" NOT NULL DEFAULT 'opening',
    "answers" JSONB NOT NULL,
    "settings" JSONB NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "last_activity_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "close_reason" TEXT,
    "closed_by_id" TEXT,
    "timer_state" "timer_state" NOT NULL DEFAULT 'running',
    "transcript_key" TEXT,

    CONSTRAINT "ticket_pkey" PRIMARY KEY ("guild_id","id")
);

-- CreateTable
CREATE TABLE "ticket_message" (
    "id" TEXT NOT NULL,
    "guild_id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "author_is_bot" BOOLEAN NOT NULL,
    "content" TEXT NOT NULL,
    "attachments" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "edited_at" TIMESTAMPTZ(3),

    CONSTRAINT "ticket_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_member" (
    "guild_id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "added_by_id" TEXT,
    "added_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ticket_member_pkey" PRIMARY KEY ("guild_id","ticket_id","user_id")
);

-- CreateTable
CREATE TABLE "ticket_event" (
    "id" BIGSERIAL NOT NULL,
    "guild_id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "ticket_event_kind" NOT NULL,
    "actor_id" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "data" JSONB,

    CONSTRAINT "ticket_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ticket_workflow_id_key" ON "ticket"("workflow_id");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_thread_id_key" ON "ticket"("thread_id");

-- CreateIndex
CREATE INDEX "ticket_guild_id_status_opened_at_idx" ON "ticket"("guild_id", "status", "opened_at");

-- CreateIndex
CREATE INDEX "ticket_guild_id_assignee_id_status_idx" ON "ticket"("guild_id", "assignee_id", "status");

-- CreateIndex
CREATE INDEX "ticket_guild_id_creator_id_type_key_status_idx" ON "ticket"("guild_id", "creator_id", "type_key", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_guild_id_number_key" ON "ticket"("guild_id", "number");

-- CreateIndex
CREATE INDEX "ticket_message_guild_id_ticket_id_created_at_id_idx" ON "ticket_message"("guild_id", "ticket_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "ticket_event_guild_id_ticket_id_at_id_idx" ON "ticket_event"("guild_id", "ticket_id", "at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_event_guild_id_ticket_id_key_key" ON "ticket_event"("guild_id", "ticket_id", "key");

-- AddForeignKey
ALTER TABLE "guild_staff_role" ADD CONSTRAINT "guild_staff_role_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guild_blocked_user" ADD CONSTRAINT "guild_blocked_user_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guild_ticket_counter" ADD CONSTRAINT "guild_ticket_counter_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_type" ADD CONSTRAINT "ticket_type_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_question" ADD CONSTRAINT "ticket_question_guild_id_type_key_fkey" FOREIGN KEY ("guild_id", "type_key") REFERENCES "ticket_type"("guild_id", "key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_guild_id_fkey" FOREIGN KEY ("guild_id") REFERENCES "guild"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_message" ADD CONSTRAINT "ticket_message_guild_id_ticket_id_fkey" FOREIGN KEY ("guild_id", "ticket_id") REFERENCES "ticket"("guild_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_member" ADD CONSTRAINT "ticket_member_guild_id_ticket_id_fkey" FOREIGN KEY ("guild_id", "ticket_id") REFERENCES "ticket"("guild_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_event" ADD CONSTRAINT "ticket_event_guild_id_ticket_id_fkey" FOREIGN KEY ("guild_id", "ticket_id") REFERENCES "ticket"("guild_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

