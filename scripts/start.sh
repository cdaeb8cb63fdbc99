#!/usr/bin/env bash
# Starts the whole system on this machine: installs what is missing, then Postgres (DATABASE_URL, or the local
# cluster under .data/postgres), migrations, the local Discord with its demo guild (unless DISCORD_TOKEN is set),
# the Stripe stand-in (unless STRIPE_SECRET_KEY is set), the Temporal dev server (unless TEMPORAL_ADDRESS is set), and the worker, the bot and the web process (the panel
# and its API, on WEB_PORT), each under a supervisor that restarts it when it crashes while the rest keeps running.
# Every process runs on the project's Node.js.
# Runs in the foreground: Ctrl-C, SIGTERM or scripts/stop.sh stops what it started, the web process first.
# `bash scripts/restart.sh bot|worker|web` restarts one process. Data stays in .data (or $TICKETFLOW_DATA_DIR), so
# open tickets and their timers carry on at the next start.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$TICKETFLOW_ROOT/scripts/postgres.sh"
source "$TICKETFLOW_ROOT/scripts/temporal-dev-server.sh"
source "$TICKETFLOW_ROOT/scripts/local-discord.sh"
source "$TICKETFLOW_ROOT/scripts/local-stripe.sh"
source "$TICKETFLOW_ROOT/scripts/payment-stand-ins.sh"
source "$TICKETFLOW_ROOT/scripts/supervised-process.sh"
source "$TICKETFLOW_ROOT/scripts/started-processes.sh"

main() {
  if [[ -n "${DISCORD_TOKEN:-}" && (-z "${DISCORD_CLIENT_ID:-}" || -z "${DISCORD_CLIENT_SECRET:-}") ]]; then
    die "with DISCORD_TOKEN, the panel's sign-in needs the application's OAuth2 client too: set DISCORD_CLIENT_ID and" \
      "DISCORD_CLIENT_SECRET (Developer Portal → OAuth2), and add \$PUBLIC_URL/auth/callback there as a redirect"
  fi
  claim_start
  bash "$TICKETFLOW_ROOT/scripts/install.sh"
  load_installed_env
  use_project_node
  cd "$TICKETFLOW_ROOT"
  # Transcripts stay with the rest of this start's data.
  export TRANSCRIPTS_DIR="${TRANSCRIPTS_DIR:-$TICKETFLOW_DATA_DIR/transcripts}"

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

  if [[ -n "${STRIPE_SECRET_KEY:-}" ]]; then
    log "Stripe: using STRIPE_SECRET_KEY from the environment (${STRIPE_API_BASE_URL:-https://api.stripe.com})"
  else
    add_exit_hook stop_local_stripe
    start_local_stripe
  fi
  if [[ -n "${PAYPAL_CLIENT_ID:-}" ]]; then
    log "PayPal: using PAYPAL_CLIENT_ID from the environment"
  else
    add_exit_hook "stop_payment_stand_in paypal"
    start_payment_stand_in paypal "${PAYPAL_STAND_IN_PORT:-8792}"
  fi
  if [[ -n "${PATREON_CLIENT_ID:-}" ]]; then
    log "Patreon: using PATREON_CLIENT_ID from the environment"
  else
    add_exit_hook "stop_payment_stand_in patreon"
    start_payment_stand_in patreon "${PATREON_STAND_IN_PORT:-8793}"
  fi

  if [[ -n "${TEMPORAL_ADDRESS:-}" ]]; then
    log "Temporal: using TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS"
  else
    add_exit_hook stop_dev_server
    start_dev_server
    export TEMPORAL_ADDRESS="$DEV_SERVER_ADDRESS"
    log "Temporal Web UI: http://localhost:$DEV_SERVER_UI_PORT"
  fi

  local name supervisors=()
  for name in "${SUPERVISED_NAMES[@]}"; do
    add_exit_hook "stop_supervised $name"
    start_supervised "$name"
    supervisors+=("$(cat "$(supervisor_pid_file "$name")")")
  done
  log "panel: ${PUBLIC_URL:-http://localhost:${WEB_PORT:-3000}}"
  log "running. Ctrl-C (or bash scripts/stop.sh) stops everything; bash scripts/restart.sh bot|worker|web restarts one"
  # Supervisors end only when told to stop; a signal to this script interrupts the wait and runs the exit hooks.
  wait "${supervisors[@]}" || true
  log "the supervisors of the bot, the worker and the web process have ended; stopping the rest"
}

main "$@"
