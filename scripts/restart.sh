#!/usr/bin/env bash
# Restarts the bot or the worker that scripts/start.sh runs, while everything else keeps running:
#   bash scripts/restart.sh bot|worker|web
# Its supervisor stops it (SIGTERM, then SIGKILL after its grace) and starts it again at once; this also starts
# one that the supervisor gave up on after repeated crashes. Its output stays on start.sh's terminal.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$TICKETFLOW_ROOT/scripts/supervised-process.sh"

[[ $# -eq 1 ]] || die "usage: bash scripts/restart.sh bot|worker|web"
restart_supervised "$1"
