#!/usr/bin/env bash
# Runs the panel data benchmark (bench/panel/run.ts): installs what is missing, starts a Postgres cluster of its own
# with durable settings (fsync and synchronous commit on, unlike the test clusters; removed on exit), then the
# benchmark. Extra arguments go to the benchmark (--tickets N --messages N --guilds N --busy-share F --samples N).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_PG_DIR=""

stop_bench_postgres() {
  [[ -n "$BENCH_PG_DIR" && -d "$BENCH_PG_DIR" ]] || return 0
  if cluster_is_running "$BENCH_PG_DIR/data"; then
    stop_cluster "$BENCH_PG_DIR/data" fast || log "Postgres: the benchmark cluster did not stop cleanly"
  fi
  rm -rf "$BENCH_PG_DIR"
}

main() {
  bash "$TICKETFLOW_ROOT/scripts/install.sh"
  load_installed_env
  source "$TICKETFLOW_ROOT/scripts/postgres.sh"
  cd "$TICKETFLOW_ROOT"
  use_project_node

  BENCH_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ticketflow-bench-pg.XXXXXX")"
  add_exit_hook stop_bench_postgres
  chmod 711 "$BENCH_PG_DIR"
  make_cluster_dir "$BENCH_PG_DIR/data"
  init_cluster "$BENCH_PG_DIR/data"
  local port
  port="$(find_free_port)"
  start_cluster "$BENCH_PG_DIR/data" "$port" \
    "-c shared_buffers=2GB -c maintenance_work_mem=1GB -c max_wal_size=16GB -c work_mem=32MB" ||
    die "the benchmark's Postgres cluster did not start"
  export DATABASE_URL="postgresql://$PG_SUPERUSER@127.0.0.1:$port/postgres"
  export PATH="$PG_BIN_DIR:$PATH"
  log "benchmark: node --import tsx bench/panel/run.ts $*"
  node --import tsx bench/panel/run.ts "$@"
}

main "$@"
