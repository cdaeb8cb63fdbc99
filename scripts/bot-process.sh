# shellcheck shell=bash
# The Discord bot, which the start command runs in the background beside the worker (its output goes to the same
# terminal) and the stop command ends. Source after lib.sh.

readonly BOT_PID_FILE="$TICKETFLOW_DATA_DIR/bot.pid"
readonly BOT_ENTRY=bot/main.ts

running_bot_pid() {
  recorded_process "$BOT_PID_FILE" "$BOT_ENTRY"
}

# start_bot: starts the bot with the environment start.sh prepared (DISCORD_TOKEN, DATABASE_URL, TEMPORAL_ADDRESS).
start_bot() {
  [[ -f "$TICKETFLOW_ROOT/$BOT_ENTRY" ]] || die "$BOT_ENTRY does not exist: there is no bot to start"
  log "bot: npx tsx $BOT_ENTRY"
  (cd "$TICKETFLOW_ROOT" && start_recorded_process "$BOT_PID_FILE" - "$TICKETFLOW_ROOT/node_modules/.bin/tsx" "$BOT_ENTRY")
}

stop_bot() {
  stop_recorded_process "$BOT_PID_FILE" "$BOT_ENTRY" "the bot" 15
}
