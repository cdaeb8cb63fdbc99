# The Ticketflow application image, run by docker-compose.yml (the worker now; the bot and the web panel later):
# Node 24, the project's npm packages and the generated Prisma client. TypeScript runs through tsx, as in development.
FROM node:24-bookworm-slim

WORKDIR /app
RUN mkdir -p /data/transcripts && chown node:node /app /data/transcripts
USER node

COPY --chown=node:node package.json package-lock.json ./
# Dev dependencies too: the Prisma CLI that db:generate and db:migrate run is one.
RUN npm ci --no-audit --no-fund

COPY --chown=node:node . .
RUN npm run db:generate

ENV NODE_ENV=production \
    TRANSCRIPTS_DIR=/data/transcripts
CMD ["npx", "tsx", "temporal/worker.ts"]
