#!/usr/bin/env bash
# Stops what scripts/start.sh started, and nothing else (a DATABASE_URL Postgres or a TEMPORAL_ADDRESS server is
# only used by it): while start.sh runs, it is asked to stop, and stops everything in order as Ctrl-C would; what
# an earlier start.sh left running (it was killed) is stopped from the pid files it recorded.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

source "$TICKETFLOW_ROOT/scripts/postgres.sh"
source "$TICKETFLOW_ROOT/scripts/temporal-dev-server.sh"
source "$TICKETFLOW_ROOT/scripts/local-discord.sh"
source "$TICKETFLOW_ROOT/scripts/local-stripe.sh"
source "$TICKETFLOW_ROOT/scripts/payment-stand-ins.sh"
source "$TICKETFLOW_ROOT/scripts/supervised-process.sh"
source "$TICKETFLOW_ROOT/scripts/started-processes.sh"

# Enough for the web process's, the bot's, the worker's, the dev server's, the local Discord's and Postgres's graces in turn.
readonly START_STOP_SECONDS=120

if start_pid="$(running_start_pid)"; then
  log "asking bash scripts/start.sh (pid $start_pid) to stop what it started; its terminal shows each step"
  kill -TERM "$start_pid"
  if ! wait_for_exit "$start_pid" "$START_STOP_SECONDS"; then
    log "start.sh (pid $start_pid) is still stopping after ${START_STOP_SECONDS}s; stopping the rest from here"
  fi
elif [[ -z "$(running_started_processes)" ]]; then
  log "nothing that bash scripts/start.sh started is running"
  exit 0
fi
# What start.sh could not stop, or left running when it was killed.
stop_started_processes
still_running="$(running_started_processes | joined_lines)"
[[ -z "$still_running" ]] || die "still running: $still_running"
log "stopped"
