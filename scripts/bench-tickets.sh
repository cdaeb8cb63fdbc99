#!/usr/bin/env bash
# Runs the ticket-open benchmark (bench/tickets/run.ts): installs what is missing, starts a throwaway Postgres
# cluster (removed on exit), then the benchmark, which brings up the rest of the system itself. Extra arguments
# go to the benchmark (--quick for a smoke run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  bash "$TICKETFLOW_ROOT/scripts/install.sh"
  load_installed_env
  source "$TICKETFLOW_ROOT/scripts/postgres.sh"
  cd "$TICKETFLOW_ROOT"
  use_project_node

  start_throwaway_postgres
  log "benchmark: node --import tsx bench/tickets/run.ts $*"
  node --import tsx bench/tickets/run.ts "$@"
}

main "$@"
