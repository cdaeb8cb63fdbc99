# shellcheck shell=bash
# What scripts/start.sh started, as recorded under .data/run/: stop.sh stops exactly that (never a DATABASE_URL
# Postgres or a TEMPORAL_ADDRESS server, which start.sh only uses), and a second start.sh refuses while any of it
# still runs, so one token never gets two bots. Source after lib.sh, postgres.sh, temporal-dev-server.sh,
# local-discord.sh, local-stripe.sh, payment-stand-ins.sh and supervised-process.sh.

readonly START_PID_FILE="$TICKETFLOW_RUN_DIR/start.pid"

running_start_pid() {
  recorded_process "$START_PID_FILE" start.sh
}

# running_started_processes: one line per recorded process that still runs, like "the bot (pid 123)", in the
# order stop_started_processes stops them.
running_started_processes() {
  local pid name
  for name in "${SUPERVISED_NAMES[@]}"; do
    if pid="$(running_supervisor_pid "$name")"; then printf "the %s's supervisor (pid %s)\n" "$name" "$pid"; fi
    if pid="$(running_supervised_pid "$name")"; then printf 'the %s (pid %s)\n' "$name" "$pid"; fi
  done
  if pid="$(running_dev_server_pid)"; then printf 'the Temporal dev server (pid %s)\n' "$pid"; fi
  if pid="$(running_local_discord_pid)"; then printf 'the local Discord (pid %s)\n' "$pid"; fi
  if pid="$(running_local_stripe_pid)"; then printf 'the Stripe stand-in (pid %s)\n' "$pid"; fi
  for name in paypal patreon; do
    if pid="$(running_payment_stand_in_pid "$name")"; then printf 'the local %s (pid %s)\n' "$name" "$pid"; fi
  done
  if pid="$(running_started_postgres_pid)"; then printf 'the local Postgres (pid %s)\n' "$pid"; fi
}

# joined_lines: stdin's lines joined with ", ".
joined_lines() {
  paste -sd, - | sed 's/,/, /g'
}

forget_start() {
  rm -f "$START_PID_FILE"
}

# claim_start: refuses while an earlier start (or anything it left running) still runs; else records this one.
claim_start() {
  mkdir -p "$TICKETFLOW_RUN_DIR"
  # Two starts at once would both find nothing running: the check and the record happen under a lock, which is
  # released before anything is started (so no child process inherits it).
  exec 8>"$TICKETFLOW_RUN_DIR/start.lock"
  flock 8
  local start_pid running
  running="$(running_started_processes | joined_lines)"
  if start_pid="$(running_start_pid)"; then
    die "Ticketflow already runs here: bash scripts/start.sh (pid $start_pid)${running:+ with $running}." \
      "Restart one process with: bash scripts/restart.sh bot|worker|web; or stop everything with: bash scripts/stop.sh"
  fi
  [[ -z "$running" ]] ||
    die "an earlier bash scripts/start.sh left these running: $running. Stop them first with: bash scripts/stop.sh"
  printf '%s\n' "$$" >"$START_PID_FILE"
  add_exit_hook forget_start
  exec 8>&-
}

# stop_started_processes: stops what is recorded, the newest first; each step does nothing when its part is not running.
stop_started_processes() {
  local index
  for ((index = ${#SUPERVISED_NAMES[@]} - 1; index >= 0; index--)); do
    stop_supervised "${SUPERVISED_NAMES[index]}"
  done
  stop_dev_server
  stop_local_stripe
  stop_local_discord
  stop_payment_stand_in patreon
  stop_payment_stand_in paypal
  stop_local_postgres
}
