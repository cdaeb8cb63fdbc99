#!/usr/bin/env bash
# Installs everything Ticketflow needs to run and test on a machine that reaches only package registries:
# npm packages, PostgreSQL and Chromium (Debian), the Temporal CLI and stripe-mock (Go module proxy), the Java time-skipping
# test server (Maven Central), moto's S3-compatible test server (PyPI), the generated Prisma client and the built
# web panel.
# Idempotent; a second run only checks.
# Records the tool paths in <cache>/env.sh for the other scripts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/s3-test-server.sh"

readonly TEMPORAL_CLI_MODULE=github.com/temporalio/cli
readonly TEMPORAL_CLI_VERSION=v1.5.1
readonly STRIPE_MOCK_MODULE=github.com/stripe/stripe-mock
readonly STRIPE_MOCK_VERSION=v0.203.0
readonly MINIMUM_GO_MINOR=25 # v1.5.1's go.mod asks for Go 1.25
readonly TEST_SERVER_POM="$TICKETFLOW_ROOT/temporal/provision/test-server/pom.xml"
readonly TEST_SERVER_DIR="$TICKETFLOW_CACHE_DIR/temporal-test-server"
readonly BIN_DIR="$TICKETFLOW_CACHE_DIR/bin"

# sha256_of FILE...: one hash of the files' contents. Their paths stay out of it, so that a checkout in another folder
# sharing the cache (a git worktree) is not taken for out of date: a hash naming the path ran npm ci and Maven anew.
sha256_of() {
  cat -- "$@" | sha256sum | cut -d' ' -f1
}

install_node_modules() {
  local stamp="$TICKETFLOW_CACHE_DIR/npm-ci.stamp" lock_hash
  lock_hash="$(sha256_of "$TICKETFLOW_ROOT/package-lock.json")"
  if [[ -d "$TICKETFLOW_ROOT/node_modules" ]]; then
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" ]]; then
      log "npm packages: up to date"
      return
    fi
    # A checkout whose node_modules npm itself installed after the last lockfile change needs no reinstall.
    if [[ ! -f "$stamp" && "$TICKETFLOW_ROOT/node_modules/.package-lock.json" -nt "$TICKETFLOW_ROOT/package-lock.json" ]]; then
      log "npm packages: node_modules is newer than package-lock.json; adopting it"
      printf '%s\n' "$lock_hash" >"$stamp"
      return
    fi
  fi
  require_command npm "to install the project's npm packages"
  local npm_log="$TICKETFLOW_CACHE_DIR/npm-ci.log"
  log "npm packages: running npm ci (log: $npm_log)"
  if ! (cd "$TICKETFLOW_ROOT" && npm ci --no-audit --no-fund) >"$npm_log" 2>&1; then
    grep -E '^npm error' "$npm_log" | head -n 5 >&2 || true
    die "npm ci failed (full log: $npm_log); if package-lock.json is out of date, run npm install and commit it"
  fi
  tail -n 1 "$npm_log" >&2
  printf '%s\n' "$lock_hash" >"$stamp"
}

# resolve_pg_bin_dir: prints PG_BIN_DIR if it is set, else the newest /usr/lib/postgresql/*/bin with initdb.
resolve_pg_bin_dir() {
  if [[ -n "${PG_BIN_DIR:-}" ]]; then
    [[ -x "$PG_BIN_DIR/initdb" && -x "$PG_BIN_DIR/pg_ctl" ]] || die "PG_BIN_DIR=$PG_BIN_DIR has no initdb/pg_ctl"
    printf '%s\n' "$PG_BIN_DIR"
    return
  fi
  local initdb
  initdb="$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 || true)"
  if [[ -n "$initdb" ]]; then
    dirname "$initdb"
  fi
}

resolve_chromium_path() {
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    [[ -x "$CHROMIUM_PATH" ]] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
    printf '%s\n' "$CHROMIUM_PATH"
  elif [[ -x /usr/bin/chromium ]]; then
    printf '%s\n' /usr/bin/chromium
  fi
}

install_debian_packages() {
  local missing=() pg_bin_dir chromium
  pg_bin_dir="$(resolve_pg_bin_dir)"
  chromium="$(resolve_chromium_path)"
  [[ -n "$pg_bin_dir" ]] || missing+=(postgresql)
  [[ -n "$chromium" ]] || missing+=(chromium fonts-liberation)
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "Debian packages: postgresql and chromium present"
    return
  fi
  [[ $EUID -eq 0 ]] || die "Debian packages missing: ${missing[*]}; install them as root: apt-get update && apt-get install -y ${missing[*]}"
  require_command apt-get "to install ${missing[*]}"
  log "Debian packages: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -q
  apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}"
}

# go_minor_version: prints the minor version of the go on PATH (25 for go1.25.3).
go_minor_version() {
  local version
  version="$(go env GOVERSION)"
  version="${version#go1.}"
  printf '%s\n' "${version%%[.a-z]*}"
}

# built_module_version BINARY MODULE: the version of MODULE that go built BINARY from.
built_module_version() {
  go version -m "$1" 2>/dev/null | awk -v module="$2" '$1 == "mod" && $2 == module { print $3 }'
}

# resolve_temporal_cli: prints the CLI to use: TEMPORAL_CLI_PATH, a temporal on PATH, or the one built into the cache.
resolve_temporal_cli() {
  if [[ -n "${TEMPORAL_CLI_PATH:-}" ]]; then
    [[ -x "$TEMPORAL_CLI_PATH" ]] || die "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable"
    log "Temporal CLI: using TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH"
    printf '%s\n' "$TEMPORAL_CLI_PATH"
    return
  fi
  local on_path
  if on_path="$(command -v temporal)"; then
    log "Temporal CLI: using $on_path from PATH"
    printf '%s\n' "$on_path"
    return
  fi
  local built="$BIN_DIR/temporal"
  if [[ -x "$built" ]]; then
    # Without go the version cannot be read; a binary that is there is then trusted.
    if ! command -v go >/dev/null 2>&1 || [[ "$(built_module_version "$built" "$TEMPORAL_CLI_MODULE")" == "$TEMPORAL_CLI_VERSION" ]]; then
      log "Temporal CLI: $built is $TEMPORAL_CLI_VERSION"
      printf '%s\n' "$built"
      return
    fi
    log "Temporal CLI: $built is not $TEMPORAL_CLI_VERSION; rebuilding"
  fi
  require_command go "(Go 1.$MINIMUM_GO_MINOR or newer) to build the Temporal CLI; or set TEMPORAL_CLI_PATH to a temporal binary"
  local minor
  minor="$(go_minor_version)"
  [[ "$minor" =~ ^[0-9]+$ && "$minor" -ge $MINIMUM_GO_MINOR ]] ||
    die "Go 1.$MINIMUM_GO_MINOR or newer is needed to build the Temporal CLI $TEMPORAL_CLI_VERSION; found $(go env GOVERSION). Install a newer Go or set TEMPORAL_CLI_PATH"
  log "Temporal CLI: building $TEMPORAL_CLI_MODULE@$TEMPORAL_CLI_VERSION with $(go env GOVERSION) (a cold build takes minutes)"
  mkdir -p "$BIN_DIR"
  GOBIN="$BIN_DIR" go install "$TEMPORAL_CLI_MODULE/cmd/temporal@$TEMPORAL_CLI_VERSION" >&2
  printf '%s\n' "$built"
}

# resolve_stripe_mock: prints the stripe-mock to use (Stripe's own mock API, behind the sandbox's Stripe stand-in):
# STRIPE_MOCK_PATH, or the pinned one built into the cache from the Go module proxy (seconds).
resolve_stripe_mock() {
  if [[ -n "${STRIPE_MOCK_PATH:-}" ]]; then
    [[ -x "$STRIPE_MOCK_PATH" ]] || die "STRIPE_MOCK_PATH=$STRIPE_MOCK_PATH is not an executable"
    log "stripe-mock: using STRIPE_MOCK_PATH=$STRIPE_MOCK_PATH"
    printf '%s\n' "$STRIPE_MOCK_PATH"
    return
  fi
  local built="$BIN_DIR/stripe-mock"
  if [[ -x "$built" ]]; then
    if ! command -v go >/dev/null 2>&1 || [[ "$(built_module_version "$built" "$STRIPE_MOCK_MODULE")" == "$STRIPE_MOCK_VERSION" ]]; then
      log "stripe-mock: $built is $STRIPE_MOCK_VERSION"
      printf '%s\n' "$built"
      return
    fi
    log "stripe-mock: $built is not $STRIPE_MOCK_VERSION; rebuilding"
  fi
  require_command go "to build stripe-mock, the local Stripe API the tests and the demo use; or set STRIPE_MOCK_PATH"
  log "stripe-mock: building $STRIPE_MOCK_MODULE@$STRIPE_MOCK_VERSION with $(go env GOVERSION)"
  mkdir -p "$BIN_DIR"
  GOBIN="$BIN_DIR" go install "$STRIPE_MOCK_MODULE@$STRIPE_MOCK_VERSION" >&2
  printf '%s\n' "$built"
}

# write_test_server_wrapper JAVA: the SDK starts the server as `<path> <port>` and gives it 5 s to accept
# connections, so the JVM starts lean: C1 only, class data sharing, the serial collector.
write_test_server_wrapper() {
  local java="$1" wrapper="$BIN_DIR/temporal-test-server" content
  content="#!/bin/sh
# Written by scripts/install.sh: the Temporal Java time-skipping test server ($TEST_SERVER_POM).
exec '$java' -XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC -cp '$TEST_SERVER_DIR/lib/*' io.temporal.testserver.TestServer \"\$@\"
"
  if [[ ! -x "$wrapper" || "$(cat "$wrapper")" != "${content%$'\n'}" ]]; then
    mkdir -p "$BIN_DIR"
    printf '%s' "$content" >"$wrapper.tmp"
    chmod +x "$wrapper.tmp"
    mv "$wrapper.tmp" "$wrapper"
  fi
}

# resolve_temporal_test_server: prints TEMPORAL_TEST_SERVER_PATH, or the wrapper around the jars Maven resolved.
resolve_temporal_test_server() {
  if [[ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]]; then
    [[ -x "$TEMPORAL_TEST_SERVER_PATH" ]] || die "TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH is not an executable"
    log "Temporal test server: using TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH"
    printf '%s\n' "$TEMPORAL_TEST_SERVER_PATH"
    return
  fi
  require_command java "(a Java runtime) to run the Temporal time-skipping test server; or set TEMPORAL_TEST_SERVER_PATH"
  local java stamp="$TEST_SERVER_DIR/pom.sha256" pom_hash
  java="$(command -v java)"
  pom_hash="$(sha256_of "$TEST_SERVER_POM")"
  if [[ -d "$TEST_SERVER_DIR/lib" && -f "$stamp" && "$(cat "$stamp")" == "$pom_hash" ]]; then
    log "Temporal test server: jars up to date"
  else
    require_command mvn "(Maven) to fetch the Temporal test server from Maven Central; or set TEMPORAL_TEST_SERVER_PATH"
    log "Temporal test server: resolving $(basename "$(dirname "$TEST_SERVER_POM")")/pom.xml with Maven"
    rm -rf "$TEST_SERVER_DIR"
    mkdir -p "$TEST_SERVER_DIR"
    # Maven's own output (with colour codes even in batch mode) goes to a log, shown only on failure.
    if ! mvn -B -f "$TEST_SERVER_POM" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$TEST_SERVER_DIR/lib" >"$TEST_SERVER_DIR/maven.log" 2>&1; then
      tail -n 40 "$TEST_SERVER_DIR/maven.log" >&2
      die "Maven could not resolve the Temporal test server (log: $TEST_SERVER_DIR/maven.log)"
    fi
    printf '%s\n' "$pom_hash" >"$stamp"
  fi
  write_test_server_wrapper "$java"
  printf '%s\n' "$BIN_DIR/temporal-test-server"
}

generate_prisma_client() {
  if ! npm_script_exists db:generate; then
    log "Prisma client: package.json has no db:generate script yet; skipping generation"
    return
  fi
  local stamp="$TICKETFLOW_CACHE_DIR/prisma-generate.stamp" inputs=() inputs_hash
  mapfile -t inputs < <(cd "$TICKETFLOW_ROOT" && find prisma -name '*.prisma' 2>/dev/null | sort && compgen -G 'prisma.config.*')
  inputs_hash="$(cd "$TICKETFLOW_ROOT" && sha256_of package-lock.json "${inputs[@]}")"
  if [[ -d "$TICKETFLOW_ROOT/prisma/generated" && -f "$stamp" && "$(cat "$stamp")" == "$inputs_hash" ]]; then
    log "Prisma client: up to date"
    return
  fi
  log "Prisma client: npm run db:generate"
  (cd "$TICKETFLOW_ROOT" && npm run --silent db:generate) >&2
  printf '%s\n' "$inputs_hash" >"$stamp"
}

# The panel's build reads these: its own sources, the modules it imports from beside it, its script and the packages.
readonly PANEL_BUILD_INPUTS=(web/app web/server/panel domain i18n package.json package-lock.json)

# panel_inputs_hash: one hash of the panel build's input files, their paths (relative, so worktrees agree) and
# contents; the build's own output and cache folders are left out.
panel_inputs_hash() {
  local files=()
  mapfile -t files < <(cd "$TICKETFLOW_ROOT" && find "${PANEL_BUILD_INPUTS[@]}" \
    \( -path web/app/.output -o -path web/app/node_modules \) -prune -o -type f -print | LC_ALL=C sort)
  (cd "$TICKETFLOW_ROOT" && { printf '%s\n' "${files[@]}"; cat -- "${files[@]}"; } | sha256sum | cut -d' ' -f1)
}

# build_panel: the SolidStart panel, built into web/app/.output for the web process to mount; skipped while its
# inputs are those of the last build there (the stamp lives in the output, so each checkout has its own).
build_panel() {
  if ! npm_script_exists build:panel; then
    log "panel: package.json has no build:panel script yet; skipping"
    return
  fi
  local output="$TICKETFLOW_ROOT/web/app/.output" inputs_hash
  local stamp="$output/build-inputs.sha256" build_log="$TICKETFLOW_CACHE_DIR/panel-build.log"
  inputs_hash="$(panel_inputs_hash)"
  if [[ -f "$output/server/index.mjs" && -f "$stamp" && "$(cat "$stamp")" == "$inputs_hash" ]]; then
    log "panel: built and up to date"
    return
  fi
  log "panel: npm run build:panel (log: $build_log)"
  if ! (cd "$TICKETFLOW_ROOT" && npm run build:panel) >"$build_log" 2>&1; then
    tail -n 30 "$build_log" >&2
    die "the panel's build failed (full log: $build_log)"
  fi
  printf '%s\n' "$inputs_hash" >"$stamp"
}

write_env_file() {
  local temporal_cli="$1" test_server="$2" chromium="$3" pg_bin_dir="$4" moto_server="$5" stripe_mock="$6"
  {
    printf '# Written by scripts/install.sh: paths of the tools it provisioned. Source it.\n'
    printf 'export TEMPORAL_CLI_PATH=%q\n' "$temporal_cli"
    printf 'export TEMPORAL_TEST_SERVER_PATH=%q\n' "$test_server"
    printf 'export CHROMIUM_PATH=%q\n' "$chromium"
    printf 'export PG_BIN_DIR=%q\n' "$pg_bin_dir"
    printf 'export MOTO_SERVER_PATH=%q\n' "$moto_server"
    printf 'export STRIPE_MOCK_PATH=%q\n' "$stripe_mock"
  } >"$TICKETFLOW_ENV_FILE.tmp"
  mv "$TICKETFLOW_ENV_FILE.tmp" "$TICKETFLOW_ENV_FILE"
  log "tool paths written to $TICKETFLOW_ENV_FILE"
}

main() {
  mkdir -p "$TICKETFLOW_CACHE_DIR"
  # Two scripts installing at once (start and test) would race on npm ci and the jar folder.
  exec 9>"$TICKETFLOW_CACHE_DIR/install.lock"
  flock 9

  install_node_modules
  install_debian_packages
  local temporal_cli test_server chromium pg_bin_dir moto_server stripe_mock
  temporal_cli="$(resolve_temporal_cli)"
  stripe_mock="$(resolve_stripe_mock)"
  test_server="$(resolve_temporal_test_server)"
  moto_server="$(resolve_moto_server)"
  chromium="$(resolve_chromium_path)"
  pg_bin_dir="$(resolve_pg_bin_dir)"
  [[ -n "$chromium" ]] || die "Chromium is still missing after installing it"
  [[ -n "$pg_bin_dir" ]] || die "PostgreSQL's initdb is still missing after installing postgresql"
  generate_prisma_client
  build_panel
  write_env_file "$temporal_cli" "$test_server" "$chromium" "$pg_bin_dir" "$moto_server" "$stripe_mock"
}

main "$@"
