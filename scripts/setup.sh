#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build in Release, run tonelint on examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
echo "== build/tonelint tokens examples/*" >&2
build/tonelint tokens examples/*
