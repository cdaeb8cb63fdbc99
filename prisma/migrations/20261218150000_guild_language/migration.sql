-- The guild's language (i18n/locales.ts SUPPORTED_LOCALES) for what tickets say in threads and the histories
-- channel. Guilds configured before it speak English.

-- AlterTable
ALTER TABLE "guild" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
