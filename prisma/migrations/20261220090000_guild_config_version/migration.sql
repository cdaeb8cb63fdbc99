-- Each configuration save raises it, so saves from different processes compare and set instead of overwriting
ALTER TABLE "guild" ADD COLUMN "config_version" INTEGER NOT NULL DEFAULT 1;
