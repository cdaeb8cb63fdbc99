#!/usr/bin/env bash
# Runs every check and test: installs what is missing, starts a throwaway Postgres cluster (DATABASE_URL is its
# superuser URL; test files create their own databases), then Biome, the type checker and Vitest.
# Extra arguments go to Vitest (for example a test file). Ends with one line `N passed, N failed[, N skipped]`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPORT_DIR=""

remove_report_dir() {
  [[ -z "$REPORT_DIR" ]] || rm -rf "$REPORT_DIR"
}

# print_vitest_summary REPORT: prints `passed failed skipped total` from Vitest's JSON report. A test file that
# failed outside any test (an import error, a failing beforeAll) counts as one failure.
print_vitest_summary() {
  node -e '
    const report = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const failedFilesWithoutFailedTests = report.testResults.filter(
      (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
    ).length;
    const failed = report.numFailedTests + failedFilesWithoutFailedTests;
    const skipped = report.numPendingTests + report.numTodoTests;
    console.log(report.numPassedTests, failed, skipped, report.numTotalTests);
  ' "$1"
}

main() {
  bash "$TICKETFLOW_ROOT/scripts/install.sh"
  load_installed_env
  source "$TICKETFLOW_ROOT/scripts/postgres.sh"
  cd "$TICKETFLOW_ROOT"
  use_project_node

  start_throwaway_postgres
  REPORT_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ticketflow-test.XXXXXX")"
  add_exit_hook remove_report_dir

  local lint_status=0 typecheck_status=0 vitest_status=0
  log "lint: npx biome check ."
  npx biome check . || lint_status=$?
  log "typecheck: npm run typecheck (the project, then the panel in web/app)"
  npm run --silent typecheck || typecheck_status=$?
  log "tests: npx vitest run $*"
  npx vitest run --reporter=default --reporter=json --outputFile="$REPORT_DIR/vitest.json" "$@" || vitest_status=$?

  local passed=0 failed=0 skipped=0 total=0 verdict=0
  if [[ -f "$REPORT_DIR/vitest.json" ]]; then
    read -r passed failed skipped total < <(print_vitest_summary "$REPORT_DIR/vitest.json")
  else
    log "Vitest wrote no report (status $vitest_status)"
    verdict=1
  fi
  if [[ $lint_status -ne 0 ]]; then
    log "lint failed (biome check)"
    verdict=1
  fi
  if [[ $typecheck_status -ne 0 ]]; then
    log "typecheck failed (tsc)"
    verdict=1
  fi
  if [[ $vitest_status -ne 0 || $failed -ne 0 ]]; then
    verdict=1
  fi
  if [[ $total -eq 0 ]]; then
    log "no test ran"
    verdict=1
  fi
  local summary="$passed passed, $failed failed"
  if [[ $skipped -ne 0 ]]; then
    summary+=", $skipped skipped"
  fi
  printf '%s\n' "$summary"
  return "$verdict"
}

main "$@"
