# shellcheck shell=bash
# The local PayPal and Patreon (sandbox/billing/<name>/serve.ts), which the start command runs for each provider
# whose credentials are unset, so the demo can upgrade a guild without any provider account. Each exports its
# provider's settings (the stand-in's made-up credentials) for the worker and the web process. Source after lib.sh.

payment_stand_in_pid_file() {
  printf '%s\n' "$TICKETFLOW_RUN_DIR/$1-stand-in.pid"
}

# start_payment_stand_in paypal|patreon PORT: starts it, waits until it listens, and sources the settings it wrote.
start_payment_stand_in() {
  local name="$1" port="$2" env_file="$TICKETFLOW_RUN_DIR/$1-stand-in.env" log_file="$TICKETFLOW_DATA_DIR/$1-stand-in.log"
  require_free_port "$port" "the local $name"
  mkdir -p "$TICKETFLOW_RUN_DIR"
  rm -f "$env_file"
  log "$name: no credentials, starting its local stand-in on port $port (log: $log_file)"
  start_recorded_process "$(payment_stand_in_pid_file "$name")" "$log_file" \
    node --import tsx "sandbox/billing/$name/serve.ts" --port "$port" --settings-file "$env_file"
  for _ in $(seq 1 150); do
    [[ -s "$env_file" ]] && break
    sleep 0.2
  done
  [[ -s "$env_file" ]] || { tail -n 20 "$log_file" >&2 || true; die "the local $name did not come up (log: $log_file)"; }
  # shellcheck disable=SC1090
  source "$env_file"
  rm -f "$env_file"
}

running_payment_stand_in_pid() {
  recorded_process "$(payment_stand_in_pid_file "$1")" "sandbox/billing/$1/serve.ts"
}

stop_payment_stand_in() {
  stop_recorded_process "$(payment_stand_in_pid_file "$1")" "sandbox/billing/$1/serve.ts" "the local $1" 10
}
