# shellcheck shell=bash
# The bot, the worker and the web process, which the start command runs each under a supervisor of its own
# (scripts/supervisor/supervise.ts): a crash is reported on the terminal and restarted with backoff while the rest
# keeps running, restart.sh restarts one on request, and the pid files hold the real processes, never a launcher.
# Their output goes to start.sh's terminal. Source after lib.sh.

readonly SUPERVISOR_ENTRY=scripts/supervisor/supervise.ts
# In start order: the worker polls before the bot takes interactions, and the web panel comes last; stops go the
# other way.
readonly SUPERVISED_NAMES=(worker bot web)

# supervised_entry NAME: the file the bot, the worker or the web process runs; fails for any other name.
supervised_entry() {
  case "$1" in
    bot) printf '%s\n' bot/main.ts ;;
    worker) printf '%s\n' temporal/worker.ts ;;
    web) printf '%s\n' web/server/main.ts ;;
    *) return 1 ;;
  esac
}

# supervised_grace_seconds NAME: how long a stop waits for it after SIGTERM. The worker drains its running tasks.
supervised_grace_seconds() {
  case "$1" in
    worker) printf '%s\n' 30 ;;
    *) printf '%s\n' 15 ;;
  esac
}

supervisor_pid_file() {
  printf '%s\n' "$TICKETFLOW_RUN_DIR/$1-supervisor.pid"
}

# The supervisor writes the pid of the process it runs here, and removes it when that process exits.
supervised_pid_file() {
  printf '%s\n' "$TICKETFLOW_RUN_DIR/$1.pid"
}

running_supervisor_pid() {
  recorded_process "$(supervisor_pid_file "$1")" "$SUPERVISOR_ENTRY --name $1 "
}

running_supervised_pid() {
  recorded_process "$(supervised_pid_file "$1")" "$(supervised_entry "$1")"
}

# start_supervised NAME: starts its supervisor in the background (a child of this shell, so start.sh can wait
# for it), from the project root, on the Node.js that use_project_node put first on PATH.
start_supervised() {
  local name="$1" entry node
  entry="$(supervised_entry "$name")" || die "there is no process called '$name' (there are: ${SUPERVISED_NAMES[*]})"
  [[ -f "$TICKETFLOW_ROOT/$entry" ]] || die "$entry does not exist: there is no $name to start"
  node="$(command -v node)"
  log "$name: node --import tsx $entry (restarted if it crashes; bash scripts/restart.sh $name restarts it)"
  cd "$TICKETFLOW_ROOT" || die "cannot enter $TICKETFLOW_ROOT"
  mkdir -p "$TICKETFLOW_RUN_DIR"
  start_recorded_process "$(supervisor_pid_file "$name")" - \
    "$node" --import tsx "$SUPERVISOR_ENTRY" --name "$name" --pid-file "$(supervised_pid_file "$name")" \
    --grace-seconds "$(supervised_grace_seconds "$name")" -- "$node" --import tsx "$entry"
}

# stop_supervised NAME: stops the supervisor, which stops its process; then the process itself, in case its
# supervisor was killed and left it running.
stop_supervised() {
  local name="$1" grace
  grace="$(supervised_grace_seconds "$name")"
  stop_recorded_process "$(supervisor_pid_file "$name")" "$SUPERVISOR_ENTRY --name $name " "the $name's supervisor" $((grace + 5))
  stop_recorded_process "$(supervised_pid_file "$name")" "$(supervised_entry "$name")" "the $name" "$grace"
}

# restart_supervised NAME: asks its supervisor to restart it now (also after it gave up on repeated crashes) and
# waits until the new process runs.
restart_supervised() {
  local name="$1" supervisor old_pid="" new_pid tick grace
  supervised_entry "$name" >/dev/null || die "there is no process called '$name'; restart one of: ${SUPERVISED_NAMES[*]}"
  supervisor="$(running_supervisor_pid "$name")" ||
    die "the $name is not running under bash scripts/start.sh here; start everything with: bash scripts/start.sh"
  old_pid="$(running_supervised_pid "$name")" || true
  kill -HUP "$supervisor"
  grace="$(supervised_grace_seconds "$name")"
  for ((tick = 0; tick < (grace + 10) * 10; tick++)); do
    if new_pid="$(running_supervised_pid "$name")" && [[ "$new_pid" != "$old_pid" ]]; then
      log "the $name restarted (pid $new_pid); its output is on start.sh's terminal"
      return 0
    fi
    sleep 0.1
  done
  die "the $name did not start again within $((grace + 10))s; start.sh's terminal says why"
}
