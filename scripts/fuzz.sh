#!/usr/bin/env bash
# Fuzzing by hand (not part of CI): builds the libFuzzer targets with Debian's clang into
# build-fuzz/, makes seed corpora from tests/fixtures and examples/, and runs a target.
#
#   bash scripts/fuzz.sh TARGET SECONDS   # one target, e.g. check 600 (or several: html,email 600)
#   bash scripts/fuzz.sh all SECONDS      # every target in turn, SECONDS each
#   bash scripts/fuzz.sh list             # the targets
#   bash scripts/fuzz.sh build            # only build them
#
# One fuzzing process at a time (no -jobs/-workers), niced. Each run prints libFuzzer's
# final figures (executions, cov, ft) and appends them to build-fuzz/logs/summary.tsv.
# A crash leaves its input in build-fuzz/artifacts/TARGET/; once fixed, copy it to
# fuzz/regressions/TARGET/ so tests/reliability/fuzz_regressions_test.cpp replays it in CI.
# Corpora grow in build-fuzz/corpus/TARGET/ (not committed); seeds are rebuilt each run.
# FUZZ_NO_BUILD=1 runs the targets as last built.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/build-fuzz
targets=(input_markdown tokenizer guide_loader check fix html email repo_config service mdx)
cxx=${CXX_FUZZ:-/usr/bin/clang++}

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

build() {
  if [[ ${FUZZ_NO_BUILD:-0} == 1 ]]; then return 0; fi  # run the binaries as they are
  command -v "$cxx" >/dev/null || { echo "fuzz.sh: $cxx not found (Debian: clang, libclang-rt-14-dev)" >&2; exit 1; }
  cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
    -DTONELINT_FUZZ=ON -DTONELINT_BUILD_TESTS=OFF -DTONELINT_BUILD_BENCH=OFF >/dev/null
  cmake --build "$out" -j "${FUZZ_BUILD_JOBS:-2}" --target "$@"
}

# Seeds: the test fixtures and example drafts that fit each input; small hand-made seeds
# in fuzz/seeds/TARGET/ too.
seed() {
  local t=$1 dir=$out/seeds/$1 f
  rm -rf "$dir"; mkdir -p "$dir"
  # Copies files found by `find ARGS...` into the seed folder, named by their path (drafts
  # and their corrected versions share names).
  take() { find "$@" -type f -size -64k -print0 | while IFS= read -r -d '' f; do cp "$f" "$dir/${f//\//_}"; done; }
  case $t in
    input_markdown|tokenizer|check|fix)
      take tests/fixtures/cli tests/fixtures/extract examples \( -name '*.md' -o -name '*.txt' \) ;;
    guide_loader) take rules tests/fixtures/guide tests/fixtures/rules tests/fixtures/cli -name '*.yaml' ;;
    html) take tests/fixtures -name '*.html' ;;
    email) take tests/fixtures -name '*.eml' ;;
    mdx) take tests/fixtures examples -name '*.mdx' ;;
    repo_config | service) ;;  # hand-made seeds only (fuzz/seeds/TARGET)
  esac
  if [[ $t == check ]]; then  # the first byte picks the format: 0 md, 1 txt, 2 html, 3 eml
    local n=0
    for f in "$dir"/*; do { printf '\x00'; cat "$f"; } >"$f.fmt" && mv "$f.fmt" "$f"; done
    for f in tests/fixtures/extract/*.html; do { printf '\x02'; cat "$f"; } >"$dir/html-$n"; n=$((n + 1)); done
    for f in tests/fixtures/extract/*.eml; do { printf '\x03'; cat "$f"; } >"$dir/eml-$n"; n=$((n + 1)); done
  fi
  if [[ -d fuzz/seeds/$t ]]; then cp -r fuzz/seeds/"$t"/. "$dir"/; fi
  if [[ -d fuzz/regressions/$t ]]; then cp -r fuzz/regressions/"$t"/. "$dir"/; fi
  return 0
}

run() {
  local t=$1 seconds=$2
  local corpus=$out/corpus/$t artifacts=$out/artifacts/$t log=$out/logs/$t-$(date +%Y%m%d-%H%M%S).log
  mkdir -p "$corpus" "$artifacts" "$out/logs"
  seed "$t"
  local dict=()
  [[ -f fuzz/dict/$t.dict ]] && dict=(-dict="fuzz/dict/$t.dict")
  echo "== fuzz_$t for ${seconds}s (log: $log)"
  set +e
  nice -n 10 "$out/fuzz/fuzz_$t" "$corpus" "$out/seeds/$t" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
  local status=$?
  set -e
  local execs cov ft crashes
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  crashes=$(find "$artifacts" -type f | wc -l)
  printf '%s\t%s\t%ss\texecs=%s\tcov=%s\tft=%s\texit=%s\tartifacts=%s\n' "$(date -Is)" "$t" "$seconds" \
    "${execs:-?}" "${cov:-?}" "${ft:-?}" "$status" "$crashes" | tee -a "$out/logs/summary.tsv"
  grep -E 'stat::|^SUMMARY|ERROR: |fuzz invariant' "$log" | head -20 || true
  return 0
}

case ${1:-} in
  list) printf '%s\n' "${targets[@]}" ;;
  build) build fuzz_all ;;
  all)
    [[ -n ${2:-} ]] || usage
    build fuzz_all
    for t in "${targets[@]}"; do run "$t" "$2"; done ;;
  '' | -h | --help) usage ;;
  *)
    [[ -n ${2:-} ]] || usage
    IFS=, read -r -a chosen <<<"$1"
    for t in "${chosen[@]}"; do
      [[ " ${targets[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target '$t' (bash scripts/fuzz.sh list)" >&2; exit 2; }
    done
    build "${chosen[@]/#/fuzz_}"
    for t in "${chosen[@]}"; do run "$t" "$2"; done ;;
esac
