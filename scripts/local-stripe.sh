# shellcheck shell=bash
# The Stripe stand-in (sandbox/billing/stripe: a stateful layer in front of Stripe's own stripe-mock), which the
# start command runs when no STRIPE_SECRET_KEY is set, so an upgrade can be tried without a Stripe account. What it
# holds is saved under .data/stripe-sandbox, so subscriptions outlive a restart as they do at Stripe. Source after lib.sh.

readonly LOCAL_STRIPE_DIR="$TICKETFLOW_DATA_DIR/stripe-sandbox"
readonly LOCAL_STRIPE_PID_FILE="$TICKETFLOW_RUN_DIR/local-stripe.pid"
readonly LOCAL_STRIPE_LOG_FILE="$LOCAL_STRIPE_DIR/server.log"
readonly LOCAL_STRIPE_ENTRY=sandbox/billing/stripe/serve.ts

running_local_stripe_pid() {
  recorded_process "$LOCAL_STRIPE_PID_FILE" "$LOCAL_STRIPE_ENTRY"
}

# start_local_stripe: exports the demo's Stripe settings (a test key and signing secret that only the stand-in
# knows, its URL, the plans' prices) for the web process and the worker, never logging the secrets, and starts the
# stand-in with them, sending webhooks to the web process's /webhooks/stripe.
start_local_stripe() {
  local port="${STRIPE_SANDBOX_PORT:-8791}" tick
  mkdir -p "$LOCAL_STRIPE_DIR"
  require_free_port "$port" "the Stripe stand-in"
  export STRIPE_SECRET_KEY=sk_test_TicketflowDemo STRIPE_WEBHOOK_SECRET=whsec_TicketflowDemo
  export STRIPE_PRICE_PRO=price_ticketflow_pro STRIPE_PRICE_ENTERPRISE=price_ticketflow_enterprise
  export STRIPE_API_BASE_URL="http://127.0.0.1:$port"
  log "Stripe: no STRIPE_SECRET_KEY, starting the Stripe stand-in at $STRIPE_API_BASE_URL (log: $LOCAL_STRIPE_LOG_FILE)"
  STRIPE_SANDBOX_PORT="$port" TICKETFLOW_DATA_DIR="$TICKETFLOW_DATA_DIR" \
    STRIPE_SANDBOX_WEBHOOK_URL="${PUBLIC_URL:-http://localhost:${WEB_PORT:-3000}}/webhooks/stripe" \
    start_recorded_process "$LOCAL_STRIPE_PID_FILE" "$LOCAL_STRIPE_LOG_FILE" node --import tsx "$LOCAL_STRIPE_ENTRY"
  for ((tick = 0; tick < 300; tick++)); do
    running_local_stripe_pid >/dev/null || break
    port_is_free "$port" || return 0
    sleep 0.1
  done
  tail -n 20 "$LOCAL_STRIPE_LOG_FILE" >&2 || true
  die "the Stripe stand-in did not come up (log: $LOCAL_STRIPE_LOG_FILE)"
}

stop_local_stripe() {
  stop_recorded_process "$LOCAL_STRIPE_PID_FILE" "$LOCAL_STRIPE_ENTRY" "the Stripe stand-in" 10
}
