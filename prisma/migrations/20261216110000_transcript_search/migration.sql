-- Full-text search of transcripts (store/transcript-search.ts), which repeats this expression exactly. 'simple'
-- lowercases and splits words without stemming or stop words, so every language's words match as typed.
-- An index on an expression: schema.prisma cannot describe it, so the drift check lists it and compares the rest.

-- CreateIndex
CREATE INDEX "ticket_message_content_search_idx" ON "ticket_message" USING GIN (to_tsvector('simple'::regconfig, "content"));
