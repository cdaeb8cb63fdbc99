# shellcheck shell=bash
# The local Discord-compatible server with its demo guild, which the start command runs when no DISCORD_TOKEN is
# set. Its world is saved under .data/discord-sandbox, so open tickets keep their threads across restarts.
# Source after lib.sh.

readonly LOCAL_DISCORD_DIR="$TICKETFLOW_DATA_DIR/discord-sandbox"
readonly LOCAL_DISCORD_PID_FILE="$TICKETFLOW_RUN_DIR/local-discord.pid"
readonly LOCAL_DISCORD_LOG_FILE="$LOCAL_DISCORD_DIR/server.log"
readonly LOCAL_DISCORD_ENTRY=sandbox/demo/serve.ts

running_local_discord_pid() {
  recorded_process "$LOCAL_DISCORD_PID_FILE" "$LOCAL_DISCORD_ENTRY"
}

# start_local_discord: starts the server (node itself with tsx's loader, so the pid recorded is the server's),
# exports DISCORD_TOKEN, DISCORD_API_BASE_URL and the OAuth2 client (DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET) for
# the worker, the bot and the web process (never logging the secrets), and saves the demo
# guild's ticket configuration into DATABASE_URL.
start_local_discord() {
  export TICKETFLOW_DATA_DIR
  mkdir -p "$LOCAL_DISCORD_DIR"
  require_free_port "${DISCORD_SANDBOX_PORT:-8790}" "the local Discord server"
  log "Discord: no DISCORD_TOKEN, starting the local Discord with its demo guild (log: $LOCAL_DISCORD_LOG_FILE)"
  start_recorded_process "$LOCAL_DISCORD_PID_FILE" "$LOCAL_DISCORD_LOG_FILE" node --import tsx "$LOCAL_DISCORD_ENTRY"
  local worker_env
  if ! worker_env="$(cd "$TICKETFLOW_ROOT" && node --import tsx sandbox/demo/print-worker-env.ts --wait-seconds 30)"; then
    tail -n 20 "$LOCAL_DISCORD_LOG_FILE" >&2 || true
    die "the local Discord server did not come up (log: $LOCAL_DISCORD_LOG_FILE)"
  fi
  eval "$worker_env"
  (cd "$TICKETFLOW_ROOT" && node --import tsx sandbox/demo/save-demo-guild-config.ts) || die "could not save the demo guild's configuration"
}

stop_local_discord() {
  stop_recorded_process "$LOCAL_DISCORD_PID_FILE" "$LOCAL_DISCORD_ENTRY" "the local Discord server" 10
}
