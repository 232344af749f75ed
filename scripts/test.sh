#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build, check every shipped guide against
# its own examples (`tonelint test`), then run the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
for guide in rules/*.yaml; do
  echo "== build/tonelint test --guide $guide"
  build/tonelint test --guide "$guide"
done
ctest --test-dir build --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"
