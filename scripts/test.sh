#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build, run the whole test suite through
# CTest, then every shipped guide's own examples (`tonelint test`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"
for guide in rules/*.yaml; do
  echo "== build/tonelint test --guide $guide"
  build/tonelint test --guide "$guide"
done
