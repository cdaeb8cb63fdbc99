# shellcheck shell=bash
# The Temporal dev server (the CLI's `server start-dev`) that the start command runs: SQLite under .data/temporal
# (so open tickets and their timers survive a restart), the Web UI on 8233, our search attributes registered.
# Source after lib.sh and load_installed_env.

readonly DEV_SERVER_IP=127.0.0.1
readonly DEV_SERVER_PORT=7233
readonly DEV_SERVER_UI_PORT=8233
readonly DEV_SERVER_ADDRESS="$DEV_SERVER_IP:$DEV_SERVER_PORT"
readonly DEV_SERVER_DIR="$TICKETFLOW_DATA_DIR/temporal"
readonly DEV_SERVER_PID_FILE="$TICKETFLOW_RUN_DIR/temporal-dev-server.pid"
readonly DEV_SERVER_LOG_FILE="$DEV_SERVER_DIR/dev-server.log"
readonly DEV_SERVER_STARTUP_SECONDS=90

dev_server_answers() {
  "$TEMPORAL_CLI_PATH" operator cluster health --address "$DEV_SERVER_ADDRESS" >/dev/null 2>&1
}

running_dev_server_pid() {
  recorded_process "$DEV_SERVER_PID_FILE" start-dev
}

# start_dev_server: starts the server in the background and waits until it answers.
start_dev_server() {
  require_free_port "$DEV_SERVER_PORT" "the Temporal dev server"
  require_free_port "$DEV_SERVER_UI_PORT" "the Temporal Web UI"
  local flags_line search_attribute_flags=()
  flags_line="$(cd "$TICKETFLOW_ROOT" && node --import tsx temporal/print-search-attribute-flags.ts)" ||
    die "temporal/print-search-attribute-flags.ts failed"
  read -ra search_attribute_flags <<<"$flags_line"
  [[ ${#search_attribute_flags[@]} -gt 0 ]] || die "temporal/print-search-attribute-flags.ts printed no search attributes"
  mkdir -p "$DEV_SERVER_DIR"
  log "Temporal: starting the dev server on $DEV_SERVER_ADDRESS (log: $DEV_SERVER_LOG_FILE)"
  start_recorded_process "$DEV_SERVER_PID_FILE" "$DEV_SERVER_LOG_FILE" \
    "$TEMPORAL_CLI_PATH" server start-dev \
    --ip "$DEV_SERVER_IP" --port "$DEV_SERVER_PORT" --ui-port "$DEV_SERVER_UI_PORT" \
    --db-filename "$DEV_SERVER_DIR/ticketflow.sqlite" --namespace default \
    "${search_attribute_flags[@]}" \
    --dynamic-config-value frontend.enableExecuteMultiOperation=true \
    --log-level warn
  local tick pid
  pid="$(cat "$DEV_SERVER_PID_FILE")"
  for ((tick = 0; tick < DEV_SERVER_STARTUP_SECONDS * 4; tick++)); do
    if dev_server_answers; then
      log "Temporal: dev server ready"
      return
    fi
    if ! process_is_alive "$pid"; then
      tail -n 20 "$DEV_SERVER_LOG_FILE" >&2 || true
      die "the Temporal dev server exited during startup (log: $DEV_SERVER_LOG_FILE)"
    fi
    sleep 0.25
  done
  die "the Temporal dev server did not answer on $DEV_SERVER_ADDRESS within ${DEV_SERVER_STARTUP_SECONDS}s (log: $DEV_SERVER_LOG_FILE)"
}

stop_dev_server() {
  stop_recorded_process "$DEV_SERVER_PID_FILE" start-dev "the Temporal dev server" 20
}
