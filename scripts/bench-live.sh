#!/usr/bin/env bash
# Runs the panel's live-update benchmark (bench/panel/live-latency.ts): installs what is missing, starts a throwaway
# Postgres cluster as the tests do, then the benchmark. Extra arguments go to it (--streams N --messages N).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  bash "$TICKETFLOW_ROOT/scripts/install.sh"
  load_installed_env
  source "$TICKETFLOW_ROOT/scripts/postgres.sh"
  cd "$TICKETFLOW_ROOT"
  use_project_node
  start_throwaway_postgres
  npx tsx bench/panel/live-latency.ts "$@"
}

main "$@"
