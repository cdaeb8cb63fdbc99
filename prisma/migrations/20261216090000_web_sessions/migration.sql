-- CreateTable
CREATE TABLE "web_session" (
    "id" TEXT NOT NULL,
    "token_hash" BYTEA NOT NULL,
    "user_id" TEXT NOT NULL,
    "user_name" TEXT NOT NULL,
    "user_display_name" TEXT NOT NULL,
    "user_avatar" TEXT,
    "sealed_discord_token" BYTEA NOT NULL,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "web_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "web_login_attempt" (
    "id" TEXT NOT NULL,
    "state_hash" BYTEA NOT NULL,
    "next_path" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "web_login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "web_session_token_hash_key" ON "web_session"("token_hash");

-- CreateIndex
CREATE INDEX "web_session_user_id_idx" ON "web_session"("user_id");

-- CreateIndex
CREATE INDEX "web_session_expires_at_idx" ON "web_session"("expires_at");

-- CreateIndex
CREATE INDEX "web_login_attempt_expires_at_idx" ON "web_login_attempt"("expires_at");
