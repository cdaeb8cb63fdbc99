#!/usr/bin/env bash
# Stops whatever scripts/start.sh left running: the bot, the worker, the Temporal dev server, the local Discord and the local
# Postgres cluster.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ! -f "$TICKETFLOW_ENV_FILE" ]]; then
  log "nothing was installed here ($TICKETFLOW_ENV_FILE is missing), so nothing was started"
  exit 0
fi
load_installed_env
source "$TICKETFLOW_ROOT/scripts/postgres.sh"
source "$TICKETFLOW_ROOT/scripts/temporal-dev-server.sh"
source "$TICKETFLOW_ROOT/scripts/worker-process.sh"
source "$TICKETFLOW_ROOT/scripts/local-discord.sh"
source "$TICKETFLOW_ROOT/scripts/bot-process.sh"

stop_bot
stop_worker
stop_dev_server
stop_local_discord
stop_local_postgres
log "stopped"
