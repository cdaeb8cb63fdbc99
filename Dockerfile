# The Ticketflow application image, run by docker-compose.yml as the one-shot migrate step, the worker, the bot and
# the web process.
# Two stages: the build stage has every npm package (the Prisma CLI generates the client, webpack bundles the
# workflows, Vite and Nitro build the web panel); the runtime stage has production packages only, the generated
# client, the workflow bundle and the built panel (self-contained: Nitro bundles what it imports).
# TypeScript runs through tsx, as in development, and Node starts each entry point itself (no npm or tsx CLI in
# between), so that SIGTERM reaches the process that drains.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run db:generate && npm run build:workflows -- dist/workflow-bundle.js
RUN npm run build:panel

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    TRANSCRIPTS_DIR=/data/transcripts \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
RUN mkdir -p /data/transcripts && chown node:node /data/transcripts
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# The processes' code only: no tests, local Discord, benchmarks, scripts or operator CLI (run those from a checkout).
COPY --chown=node:node activities activities
COPY --chown=node:node billing billing
COPY --chown=node:node bot bot
COPY --chown=node:node config config
COPY --chown=node:node discord discord
COPY --chown=node:node domain domain
COPY --chown=node:node i18n i18n
COPY --chown=node:node prisma prisma
COPY --chown=node:node store store
COPY --chown=node:node telemetry telemetry
COPY --chown=node:node temporal temporal
COPY --chown=node:node transcripts transcripts
COPY --chown=node:node web/server web/server
COPY --chown=node:node workflows workflows
COPY --from=build --chown=node:node /app/prisma/generated prisma/generated
COPY --from=build --chown=node:node /app/dist dist
COPY --from=build --chown=node:node /app/web/app/.output web/app/.output
USER node
# The web process (panel and API) on 3000. Health and metrics: the bot's on 9460 (/livez, /readyz, /metrics) and 9461
# (Temporal SDK), the worker's on 9470 and 9471, the web process's on 9480.
EXPOSE 3000 9460 9461 9470 9471 9480
CMD ["node", "--import", "tsx", "temporal/worker.ts"]
