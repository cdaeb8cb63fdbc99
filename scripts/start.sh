#!/usr/bin/env bash
# Starts the whole system on this machine: installs what is missing, then Postgres (DATABASE_URL, or the local
# cluster under .data/postgres), migrations, the local Discord with its demo guild (unless DISCORD_TOKEN is set),
# the Temporal dev server (unless TEMPORAL_ADDRESS is set), the bot in the background and the worker in the
# foreground. Ctrl-C or SIGTERM stops them all.
# Their data stays in .data, so open tickets and their timers carry on at the next start.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  bash "$TICKETFLOW_ROOT/scripts/install.sh"
  load_installed_env
  source "$TICKETFLOW_ROOT/scripts/postgres.sh"
  source "$TICKETFLOW_ROOT/scripts/temporal-dev-server.sh"
  source "$TICKETFLOW_ROOT/scripts/worker-process.sh"
  source "$TICKETFLOW_ROOT/scripts/local-discord.sh"
  source "$TICKETFLOW_ROOT/scripts/bot-process.sh"
  cd "$TICKETFLOW_ROOT"

  local pid
  if pid="$(running_worker_pid)"; then
    die "a worker started by this command is already running (pid $pid); stop it with: bash scripts/stop.sh"
  fi
  if pid="$(running_bot_pid)"; then
    die "a bot started by this command is already running (pid $pid); stop it with: bash scripts/stop.sh"
  fi
  require_worker_entry

  if [[ -n "${DATABASE_URL:-}" ]]; then
    log "Postgres: using DATABASE_URL from the environment"
  else
    add_exit_hook stop_local_postgres
    start_local_postgres
    DATABASE_URL="$(local_postgres_url)"
    export DATABASE_URL
  fi

  npm_script_exists db:migrate || die "package.json has no db:migrate script: the database cannot be migrated"
  log "migrations: npm run db:migrate"
  npm run --silent db:migrate

  if [[ -n "${DISCORD_TOKEN:-}" ]]; then
    log "Discord: using DISCORD_TOKEN from the environment (${DISCORD_API_BASE_URL:-https://discord.com/api})"
  else
    add_exit_hook stop_local_discord
    start_local_discord
  fi

  if [[ -n "${TEMPORAL_ADDRESS:-}" ]]; then
    log "Temporal: using TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS"
  else
    add_exit_hook stop_dev_server
    start_dev_server
    export TEMPORAL_ADDRESS="$DEV_SERVER_ADDRESS"
    log "Temporal Web UI: http://localhost:$DEV_SERVER_UI_PORT"
  fi

  add_exit_hook stop_bot
  start_bot
  add_exit_hook stop_worker
  run_worker
}

main "$@"
