#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build, check every shipped guide against
# its own examples (`tonelint test`), then run the whole test suite through CTest; then the
# same suite again under AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer from
# a second build directory, build-asan/ (TONELINT_SANITIZERS=0 skips that part).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
scripts/install-deps.sh
scripts/build.sh
for guide in rules/*.yaml; do
  echo "== build/tonelint test --guide $guide"
  build/tonelint test --guide "$guide"
done
ctest --test-dir build --output-on-failure -j "$jobs"

if [[ ${TONELINT_SANITIZERS:-1} != 0 ]]; then
  # -O1 keeps it quick to build and run; no benchmarks. Any finding aborts the process
  # (-fno-sanitize-recover=all), which fails its test; the options every binary starts
  # with are in src/util/sanitizer_options.cpp.
  echo "== sanitizers: the test suite under ASan + UBSan + LSan (build-asan/)"
  start=$SECONDS
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DTONELINT_SANITIZE=address,undefined -DTONELINT_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j "$jobs"
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
  echo "== sanitizers: done in $((SECONDS - start)) s"
fi
