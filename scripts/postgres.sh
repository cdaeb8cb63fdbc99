# shellcheck shell=bash
# PostgreSQL clusters for Ticketflow, from Debian's server binaries (PG_BIN_DIR, recorded by install.sh):
# - the local cluster under .data/postgres that the start command keeps between runs;
# - a throwaway cluster in a temp folder on a free port for one test run, removed on exit.
# Both listen on 127.0.0.1 only, with no Unix socket, and trust connections there (superuser `postgres`).
# Source after lib.sh and load_installed_env.

readonly LOCAL_PG_DATA_DIR="$TICKETFLOW_DATA_DIR/postgres"
readonly LOCAL_PG_DATABASE=ticketflow
readonly PG_SUPERUSER=postgres
THROWAWAY_PG_DIR=""

# as_cluster_owner COMMAND...: the server refuses to run as root, so as root it runs as the `postgres` user.
as_cluster_owner() {
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "the 'postgres' system user is missing: install Debian's postgresql package (bash scripts/install.sh)"
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# make_cluster_dir DIR: an empty folder only the cluster's owner can read.
make_cluster_dir() {
  mkdir -p "$1"
  chmod 700 "$1"
  if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$1"
  fi
}

# init_cluster DATA_DIR [INITDB_OPTION...]
init_cluster() {
  local data_dir="$1"
  shift
  as_cluster_owner "$PG_BIN_DIR/initdb" --pgdata="$data_dir" --username="$PG_SUPERUSER" \
    --auth-local=trust --auth-host=trust --encoding=UTF8 --no-locale --no-instructions "$@" >/dev/null ||
    die "initdb failed for $data_dir"
}

# start_cluster DATA_DIR PORT [SERVER_OPTIONS]: starts the server in the background and waits until it accepts connections.
start_cluster() {
  local data_dir="$1" port="$2" server_options="${3:-}"
  if ! as_cluster_owner "$PG_BIN_DIR/pg_ctl" start --pgdata="$data_dir" --wait --timeout=60 --silent \
    --log="$data_dir/server.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='' $server_options"; then
    tail -n 20 "$data_dir/server.log" >&2 || true
    return 1
  fi
}

cluster_is_running() {
  as_cluster_owner "$PG_BIN_DIR/pg_ctl" status --pgdata="$1" >/dev/null 2>&1
}

# stop_cluster DATA_DIR MODE: MODE is fast (roll back sessions, checkpoint) or immediate (for throwaway data).
stop_cluster() {
  as_cluster_owner "$PG_BIN_DIR/pg_ctl" stop --pgdata="$1" --mode="$2" --wait --silent
}

# psql_superuser PORT DATABASE SQL: runs one statement as the superuser and prints its rows unaligned.
psql_superuser() {
  "$PG_BIN_DIR/psql" --host=127.0.0.1 --port="$1" --username="$PG_SUPERUSER" --dbname="$2" \
    --no-psqlrc --quiet --tuples-only --no-align --set=ON_ERROR_STOP=1 --command="$3"
}

local_postgres_port() {
  # The fourth line of postmaster.pid is the port the running server listens on.
  if cluster_is_running "$LOCAL_PG_DATA_DIR"; then
    sed -n 4p "$LOCAL_PG_DATA_DIR/postmaster.pid"
  else
    printf '%s\n' "${TICKETFLOW_PG_PORT:-54329}"
  fi
}

local_postgres_url() {
  printf 'postgresql://%s@127.0.0.1:%s/%s\n' "$PG_SUPERUSER" "$(local_postgres_port)" "$LOCAL_PG_DATABASE"
}

# Records that start.sh started the local cluster (its postmaster's pid), so that stop.sh stops it and nothing else.
readonly LOCAL_PG_STARTED_PID_FILE="$TICKETFLOW_RUN_DIR/postgres.pid"

running_started_postgres_pid() {
  recorded_process "$LOCAL_PG_STARTED_PID_FILE" postgres
}

# start_local_postgres: creates the cluster and its database on first use. A cluster already running (started by
# hand) is used and left running at stop.
start_local_postgres() {
  local port="${TICKETFLOW_PG_PORT:-54329}"
  if [[ ! -f "$LOCAL_PG_DATA_DIR/PG_VERSION" ]]; then
    mkdir -p "$TICKETFLOW_DATA_DIR"
    if [[ $EUID -eq 0 ]] && ! runuser -u postgres -- test -x "$TICKETFLOW_DATA_DIR"; then
      die "the 'postgres' user cannot reach $TICKETFLOW_DATA_DIR (a parent folder is private); move the checkout or set DATABASE_URL"
    fi
    log "Postgres: creating the local cluster in $LOCAL_PG_DATA_DIR"
    make_cluster_dir "$LOCAL_PG_DATA_DIR"
    init_cluster "$LOCAL_PG_DATA_DIR"
  fi
  if cluster_is_running "$LOCAL_PG_DATA_DIR"; then
    port="$(local_postgres_port)"
    log "Postgres: local cluster already running on 127.0.0.1:$port; it was not started here, so stop.sh leaves it running"
  else
    require_free_port "$port" "the local Postgres cluster (TICKETFLOW_PG_PORT)"
    log "Postgres: starting the local cluster on 127.0.0.1:$port"
    start_cluster "$LOCAL_PG_DATA_DIR" "$port" || die "the local Postgres cluster did not start (log: $LOCAL_PG_DATA_DIR/server.log)"
    mkdir -p "$TICKETFLOW_RUN_DIR"
    head -n 1 "$LOCAL_PG_DATA_DIR/postmaster.pid" >"$LOCAL_PG_STARTED_PID_FILE"
  fi
  if [[ -z "$(psql_superuser "$port" postgres "SELECT 1 FROM pg_database WHERE datname = '$LOCAL_PG_DATABASE'")" ]]; then
    log "Postgres: creating database $LOCAL_PG_DATABASE"
    psql_superuser "$port" postgres "CREATE DATABASE $LOCAL_PG_DATABASE" >/dev/null
  fi
}

# stop_local_postgres: stops the local cluster if start.sh started it, with the signal for pg_ctl's fast mode (roll
# back sessions, checkpoint), so that stopping needs no installed tools.
stop_local_postgres() {
  local pid
  if pid="$(running_started_postgres_pid)"; then
    log "Postgres: stopping the local cluster (pid $pid)"
    kill -INT "$pid"
    wait_for_exit "$pid" 60 || log "Postgres: the local cluster (pid $pid) is still shutting down after 60s"
  fi
  rm -f "$LOCAL_PG_STARTED_PID_FILE"
}

# start_throwaway_postgres: a fresh cluster for one run, without durability (fsync off); exports DATABASE_URL as
# the superuser on database `postgres`, so tests can create their own databases. Removed when the script exits.
start_throwaway_postgres() {
  THROWAWAY_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ticketflow-pg.XXXXXX")"
  add_exit_hook stop_throwaway_postgres
  chmod 711 "$THROWAWAY_PG_DIR"
  if [[ $EUID -eq 0 ]] && ! runuser -u postgres -- test -x "$THROWAWAY_PG_DIR"; then
    die "the 'postgres' user cannot reach $THROWAWAY_PG_DIR (TMPDIR=${TMPDIR:-} is private); unset TMPDIR or point it at a shared folder"
  fi
  local data_dir="$THROWAWAY_PG_DIR/data" port attempt
  make_cluster_dir "$data_dir"
  init_cluster "$data_dir" --no-sync
  # Another process can take the chosen port before the server binds it: pick again a few times.
  for attempt in 1 2 3; do
    port="$(find_free_port)"
    if start_cluster "$data_dir" "$port" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"; then
      export DATABASE_URL="postgresql://$PG_SUPERUSER@127.0.0.1:$port/postgres"
      log "Postgres: throwaway cluster on 127.0.0.1:$port"
      return
    fi
    log "Postgres: throwaway cluster failed to start on port $port (try $attempt)"
  done
  die "the throwaway Postgres cluster did not start (its log is above)"
}

stop_throwaway_postgres() {
  [[ -n "$THROWAWAY_PG_DIR" && -d "$THROWAWAY_PG_DIR" ]] || return 0
  if cluster_is_running "$THROWAWAY_PG_DIR/data"; then
    stop_cluster "$THROWAWAY_PG_DIR/data" immediate || log "Postgres: the throwaway cluster did not stop cleanly"
  fi
  rm -rf "$THROWAWAY_PG_DIR"
  THROWAWAY_PG_DIR=""
}
