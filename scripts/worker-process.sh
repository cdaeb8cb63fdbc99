# shellcheck shell=bash
# The Temporal worker process that the start command runs in the foreground and the stop command ends.
# Source after lib.sh.

readonly WORKER_PID_FILE="$TICKETFLOW_DATA_DIR/worker.pid"
readonly WORKER_ENTRY=temporal/worker.ts

running_worker_pid() {
  recorded_process "$WORKER_PID_FILE" "$WORKER_ENTRY"
}

require_worker_entry() {
  [[ -f "$TICKETFLOW_ROOT/$WORKER_ENTRY" ]] || die "$WORKER_ENTRY does not exist yet: there is no worker to start"
}

# run_worker: runs the worker from the project root until it exits and returns its status.
run_worker() {
  require_worker_entry
  log "worker: npx tsx $WORKER_ENTRY (Ctrl-C stops everything)"
  cd "$TICKETFLOW_ROOT" || die "cannot enter $TICKETFLOW_ROOT"
  start_recorded_process "$WORKER_PID_FILE" - npx tsx "$WORKER_ENTRY"
  local status=0
  wait "$(cat "$WORKER_PID_FILE")" || status=$?
  log "worker exited with status $status"
  return "$status"
}

stop_worker() {
  stop_recorded_process "$WORKER_PID_FILE" "$WORKER_ENTRY" "the worker" 30
}
