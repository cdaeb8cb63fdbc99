# shellcheck shell=bash
# The S3-compatible server the transcript storage tests run against: moto's server, from PyPI, in a virtual
# environment under the cache (MinIO is ruled out by its AGPL licence). Tests start it themselves on a free
# port (test/support/s3-server.ts); this only provisions it. Source after lib.sh.

readonly MOTO_VERSION=5.2.5
readonly MOTO_VENV_DIR="$TICKETFLOW_CACHE_DIR/moto"

# python_can_make_venvs: Debian's python3 needs its python3-venv package for `python3 -m venv` to work.
python_can_make_venvs() {
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1
}

# resolve_moto_server: prints the moto_server to use: MOTO_SERVER_PATH, else the pinned one in the cache
# (installed there first when missing or another version). A moto_server on PATH is not taken: its version is
# whatever the machine has, and the tests should meet the same server everywhere.
resolve_moto_server() {
  if [[ -n "${MOTO_SERVER_PATH:-}" ]]; then
    [[ -x "$MOTO_SERVER_PATH" ]] || die "MOTO_SERVER_PATH=$MOTO_SERVER_PATH is not an executable"
    log "S3 test server: using MOTO_SERVER_PATH=$MOTO_SERVER_PATH"
    printf '%s\n' "$MOTO_SERVER_PATH"
    return
  fi
  local server="$MOTO_VENV_DIR/bin/moto_server" stamp="$MOTO_VENV_DIR/version"
  if [[ -x "$server" && -f "$stamp" && "$(cat "$stamp")" == "$MOTO_VERSION" ]]; then
    log "S3 test server: moto $MOTO_VERSION installed"
    printf '%s\n' "$server"
    return
  fi
  require_command python3 "to run moto, the S3-compatible server the transcript storage tests use"
  if ! python_can_make_venvs; then
    [[ $EUID -eq 0 ]] || die "python3 cannot create virtual environments; install Debian's python3-venv as root: apt-get install -y python3-venv"
    log "Debian packages: installing python3-venv"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends python3-venv >&2
  fi
  log "S3 test server: installing moto[server]==$MOTO_VERSION from PyPI into $MOTO_VENV_DIR"
  rm -rf "$MOTO_VENV_DIR"
  python3 -m venv "$MOTO_VENV_DIR" >&2 || die "python3 -m venv $MOTO_VENV_DIR failed"
  if ! "$MOTO_VENV_DIR/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" \
    >"$MOTO_VENV_DIR/pip.log" 2>&1; then
    tail -n 20 "$MOTO_VENV_DIR/pip.log" >&2
    die "pip could not install moto[server]==$MOTO_VERSION (log: $MOTO_VENV_DIR/pip.log)"
  fi
  printf '%s\n' "$MOTO_VERSION" >"$stamp"
  printf '%s\n' "$server"
}
