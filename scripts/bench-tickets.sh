#!/usr/bin/env bash
# Runs a benchmark that brings up the rest of the system itself: installs what is missing, starts a throwaway
# Postgres cluster (removed on exit), then `node --import tsx <benchmark>`. With no benchmark named, the ticket-open
# benchmark (bench/tickets/run.ts). Extra arguments go to the benchmark (--quick for a smoke run of the ticket one).
#   bash scripts/bench-tickets.sh [--quick]                              (npm run bench:tickets)
#   bash scripts/bench-tickets.sh bench/panel/live-latency.ts [--streams N]  (npm run bench:live)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  local benchmark=bench/tickets/run.ts
  if [[ "${1:-}" == bench/*.ts ]]; then
    benchmark="$1"
    shift
  fi
  bash "$TICKETFLOW_ROOT/scripts/install.sh"
  load_installed_env
  source "$TICKETFLOW_ROOT/scripts/postgres.sh"
  cd "$TICKETFLOW_ROOT"
  use_project_node

  start_throwaway_postgres
  log "benchmark: node --import tsx $benchmark $*"
  node --import tsx "$benchmark" "$@"
}

main "$@"
